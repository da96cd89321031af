"""Widgets: sliders that redraw a figure, fast, and a picture for readers without a kernel.

``interactive_figure(view, name=control, ...)`` shows the controls, a text line
and a figure; every change calls ``view(**values)``.  Three things keep it live:

* every setting drawn is cached (the last ``CACHE_SIZE``), so going back is instant;
* while the learner looks at a figure, a background thread draws the settings
  one slider notch away, so the next step usually only shows a finished PNG;
* log-slider values are used as the readout shows them (3 significant digits),
  so a setting reached by the slider, by typing or in the background is the
  same setting, drawn once.

The displayed output also carries a PNG of the first figure, captioned with its
text, and that text alone: JupyterLab shows the live widget, renderers without a
kernel (GitHub, nbviewer, the course website) show the picture, nbval compares
the text.  Works with ipywidgets 7 and 8.
"""

from __future__ import annotations

import base64
import functools
import html
import io
import math
import threading
from collections import OrderedDict
from concurrent.futures import Future
from typing import Callable

from _course import validation as valid
from _course.figures import offscreen_figures

CACHE_SIZE = 256  # figures kept per widget (about 40 kB of PNG each)
_STYLE = {"description_width": "initial"}
_LAYOUT = {"width": "420px"}
MAX_WHOLE = 10**9  # the ends and the value of an int slider lie within ±MAX_WHOLE


def log_slider(description: str, min: float, max: float, value: float, steps_per_decade: int = 4):
    """A logarithmic float slider from ``min`` to ``max`` (both > 0)."""
    import ipywidgets as widgets

    valid.text(description, "description")
    min, max = valid.number(min, "min"), valid.number(max, "max")
    value = valid.number(value, "value")
    if not 0 < min < max:
        raise ValueError(f"a log slider needs 0 < min < max, got min={min}, max={max}")
    if not min <= value <= max:
        raise ValueError(f"value must lie from min to max, got {value} outside [{min}, {max}]")
    steps = valid.count(steps_per_decade, "steps_per_decade", 1, 100)
    return widgets.FloatLogSlider(
        value=value,
        base=10,
        min=math.log10(min),
        max=math.log10(max),
        step=1 / steps,
        description=description,
        readout_format=".3g",
        continuous_update=False,
        style=_STYLE,
        layout=_LAYOUT,
    )


def int_slider(description: str, min: int, max: int, value: int, step: int = 1):
    """A whole-number slider from ``min`` to ``max`` in steps of ``step`` (a whole number >= 1)."""
    import ipywidgets as widgets

    valid.text(description, "description")
    min = valid.count(min, "min", -MAX_WHOLE, MAX_WHOLE)
    max = valid.count(max, "max", -MAX_WHOLE, MAX_WHOLE)
    value = valid.count(value, "value", -MAX_WHOLE, MAX_WHOLE)
    if not min < max:
        raise ValueError(f"an int slider needs min < max, got min={min}, max={max}")
    if not min <= value <= max:
        raise ValueError(f"value must lie from min to max, got {value} outside [{min}, {max}]")
    step = valid.count(step, "step", 1, max - min)
    return widgets.IntSlider(
        value=value,
        min=min,
        max=max,
        step=step,
        description=description,
        continuous_update=False,
        style=_STYLE,
        layout=_LAYOUT,
    )


def toggle(description: str, value: bool = False):
    """An on/off checkbox; ``value`` is True or False."""
    import ipywidgets as widgets

    valid.text(description, "description")
    value = valid.boolean(value, "value")
    return widgets.Checkbox(value=value, description=description, style=_STYLE)


def _is_log_slider(control) -> bool:
    return type(control).__name__ == "FloatLogSlider"


def setting(control, value):
    """The value a view is called with: a log slider's as its readout shows it (3 digits)."""
    if _is_log_slider(control):
        return float(f"{value:.3g}")
    return value


def format_setting(value) -> str:
    """How a control's value is printed above the figure: ints plainly, floats to 3 digits."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, int):
        return str(value)
    return f"{float(value):.3g}"


def describe_settings(controls: dict, values: dict) -> str:
    """One line naming every control's value, e.g. ``learning rate = 5 · epochs = 100``."""
    return " · ".join(
        f"{control.description} = {format_setting(values[name])}"
        for name, control in controls.items()
    )


def neighbours(controls: dict, values: dict) -> list[dict]:
    """The settings one notch away from ``values``: each slider a step up and down, each
    checkbox flipped.  These are the settings a learner most likely asks for next."""
    result = []
    for name, control in controls.items():
        if isinstance(values[name], bool):
            candidates = [not values[name]]
        elif _is_log_slider(control):
            # Step on the slider's own grid of exponents, as the browser does.
            notch = round((math.log10(values[name]) - control.min) / control.step)
            exponents = [control.min + (notch + k) * control.step for k in (1, -1)]
            candidates = [10**e for e in exponents if control.min - 1e-9 <= e <= control.max + 1e-9]
        else:
            candidates = [values[name] + k * control.step for k in (1, -1)]
            candidates = [v for v in candidates if control.min <= v <= control.max]
        for value in candidates:
            result.append({**values, name: setting(control, value)})
    return result


def captioned_png(png: bytes, caption: str) -> bytes:
    """The picture ``png`` with ``caption`` above it, in the monospace of the live text."""
    import matplotlib.image
    from matplotlib.figure import Figure

    image = matplotlib.image.imread(io.BytesIO(png), format="png")
    height, width = image.shape[:2]
    dpi, line, char = 80, 15, 6  # pixels: the figures' dpi, a line and a character of 9-pt text
    # Wrapped at " · " between settings, so no line runs past the picture's right edge.
    caption = "\n".join(_wrap(row, (width - 16) // char) for row in caption.splitlines())
    top = line * (caption.count("\n") + 1) + 10
    fig = Figure(figsize=(width / dpi, (height + top) / dpi), dpi=dpi)
    fig.figimage(image, xo=0, yo=0)
    fig.text(8 / width, 1 - 5 / (height + top), caption, va="top", family="monospace", size=9)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def _wrap(row: str, limit: int) -> str:
    """``row`` broken before a " · " wherever it would pass ``limit`` characters (and at
    spaces inside a part that is longer than that by itself)."""
    import textwrap

    lines = [""]
    for part in row.split(" · "):
        joined = f"{lines[-1]} · {part}" if lines[-1] else part
        if len(joined) > limit and lines[-1]:
            lines.append(part)
        else:
            lines[-1] = joined
    return "\n".join(wrapped for line in lines for wrapped in textwrap.wrap(line, limit) or [""])


def render_png(fig) -> bytes:
    """The figure as PNG bytes (no tight bounding box: margins are fixed), then closed."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    import matplotlib.pyplot as plt

    plt.close(fig)  # a no-op for figures that pyplot does not know
    return buffer.getvalue()


class FigureCache:
    """Draw settings once: in the foreground on demand, or ahead of time in the background.

    ``get(values)`` returns ``(png, text)``: from the cache, by waiting for the
    background thread if it is drawing exactly that setting, or by drawing it
    now.  ``prefetch(list_of_values)`` replaces the background queue.  The
    background thread never starts a drawing while a foreground one runs.
    """

    def __init__(self, draw: Callable[[dict], tuple[bytes, str]], size: int = CACHE_SIZE):
        self.draw, self.size = draw, size
        self.results: OrderedDict[tuple, tuple[bytes, str]] = OrderedDict()
        self.pending: dict[tuple, Future] = {}
        self.queue: list[dict] = []
        self.lock = threading.Lock()
        self.wake = threading.Condition(self.lock)
        self.foreground_idle = threading.Event()
        self.foreground_idle.set()
        self.worker: threading.Thread | None = None

    @staticmethod
    def key(values: dict) -> tuple:
        return tuple(values.items())

    def _store(self, key: tuple, result) -> None:
        self.results[key] = result
        self.results.move_to_end(key)
        while len(self.results) > self.size:
            self.results.popitem(last=False)  # forget the least recently shown

    def get(self, values: dict) -> tuple[bytes, str]:
        key = self.key(values)
        self.foreground_idle.clear()
        try:
            with self.lock:
                if key in self.results:
                    self.results.move_to_end(key)
                    return self.results[key]
                future = self.pending.get(key)
            if future is not None:
                return future.result()
            result = self.draw(values)
            with self.lock:
                self._store(key, result)
            return result
        finally:
            self.foreground_idle.set()

    def prefetch(self, settings: list[dict]) -> None:
        with self.lock:
            self.queue = [v for v in settings if self.key(v) not in self.results]
            if self.worker is None:
                self.worker = threading.Thread(target=self._work, daemon=True, name="prefetch")
                self.worker.start()
            self.wake.notify()

    def _work(self) -> None:
        while True:
            self.foreground_idle.wait()
            with self.lock:
                while not self.queue:
                    self.wake.wait()
                values = self.queue.pop(0)
                key = self.key(values)
                if key in self.results or key in self.pending:
                    continue
                future = self.pending[key] = Future()
            try:
                result = self.draw(values)
            except Exception as error:  # the foreground shows it if the learner goes there
                future.set_exception(error)
                with self.lock:
                    del self.pending[key]
                continue
            with self.lock:
                self._store(key, result)
                del self.pending[key]
            future.set_result(result)


def interactive_figure(view: Callable, **controls):
    """Controls above a text line and a figure; every change calls ``view(**values)``.

    ``view`` returns a matplotlib Figure, or ``(figure, text)``.  The text area
    starts with a line naming the current settings (``learning rate = 5 ·
    epochs = 100``), so a reader — or a browser test — can see which values the
    figure shows.  The figure is an image replaced in place, so the page does
    not jump while a learner drags a slider.  A view must be a plain function of
    its settings (no global state): its results are cached and drawn ahead.
    """
    import ipywidgets as widgets

    if not callable(view):
        raise ValueError(f"view must be a function of the settings, got {view!r}")
    if not controls:
        raise ValueError("interactive_figure needs at least one control, e.g. epochs=int_slider(…)")
    for name, control in controls.items():
        if not (isinstance(control, widgets.ValueWidget) and hasattr(control, "description")):
            raise ValueError(
                f"the control {name} must be a widget with a value, e.g. "
                f"{name}=int_slider(…), log_slider(…) or toggle(…), got {control!r}"
            )

    def draw(values: dict) -> tuple[bytes, str]:
        with offscreen_figures():  # thread-safe figures, unknown to pyplot
            result = view(**values)
        fig, text = result if isinstance(result, tuple) else (result, None)
        return render_png(fig), "\n".join([describe_settings(controls, values)] + [text or ""])

    cache = FigureCache(draw)
    text_area = widgets.HTML()
    text_area.add_class("nn-widget-text")
    image = widgets.Image(format="png")
    image.add_class("nn-widget-figure")

    def redraw(_change=None):
        values = {name: setting(c, c.value) for name, c in controls.items()}
        try:
            png, text = cache.get(values)
        except Exception as error:  # show it where the learner looks, keep the last figure
            text_area.value = f"<pre>{html.escape(f'{type(error).__name__}: {error}')}</pre>"
            return
        image.value, text_area.value = png, f"<pre>{html.escape(text.rstrip())}</pre>"
        cache.prefetch(neighbours(controls, values))

    for control in controls.values():
        control.observe(redraw, names="value")
    redraw()
    return _live_figure_class()([*controls.values(), text_area, image])


@functools.cache
def _live_figure_class():
    """A VBox whose output also carries the first figure as PNG and its text as plain text."""
    import ipywidgets as widgets

    class LiveFigure(widgets.VBox):
        def _static_bundle(self) -> dict:
            text_area, image = self.children[-2], self.children[-1]
            text = html.unescape(text_area.value.removeprefix("<pre>").removesuffix("</pre>"))
            picture = captioned_png(image.value, text)  # what a reader without a kernel sees
            return {"image/png": base64.b64encode(picture).decode(), "text/plain": text}

        if int(widgets.__version__.split(".")[0]) >= 8:

            def _repr_mimebundle_(self, **kwargs):
                return {**(super()._repr_mimebundle_(**kwargs) or {}), **self._static_bundle()}

        else:  # ipywidgets 7 (Colab) displays widgets through _ipython_display_

            def _repr_mimebundle_(self, **kwargs):
                view = {"version_major": 2, "version_minor": 0, "model_id": self._model_id}
                return {"application/vnd.jupyter.widget-view+json": view, **self._static_bundle()}

            def _ipython_display_(self, **kwargs):
                from IPython.display import display

                display(self._repr_mimebundle_(), raw=True)
                self._handle_displayed(**kwargs)

    return LiveFigure
