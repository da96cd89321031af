"""Driving JupyterLab in headless Chromium for tests/test_browser.py.

Kept apart from the test so the test reads as what it checks.  What works:
Debian's Chromium driven by Playwright (never ``playwright install``), JupyterLab on
127.0.0.1 with a token, serving a scratch copy of the notebooks, and settings
that turn off cell virtualisation (off-screen cells never render otherwise).

The widgets come from ``nn_helpers.interactive_figure``: a VBox of controls,
then an HTML text (class ``nn-widget-text``) whose first line names every
setting (``learning rate = 0.5 · epochs = 100``), then an image (class
``nn-widget-figure``).
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LAB_SETTINGS = {
    # Render every cell, on screen or not, so widgets further down exist in the DOM.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    # No news or update checks: the machine has no internet and the popup covers cells.
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}
SCREENSHOT_DIR = Path(os.environ.get("TMPDIR", "/tmp")) / "nn-browser-screenshots"

WIDGET = ".widget-vbox:has(> .nn-widget-text)"  # one interactive_figure
SETTINGS_SEPARATOR = " · "


# ---------------------------------------------------------------------------
# Which notebooks have widgets
# ---------------------------------------------------------------------------


def count_widgets(notebook: Path) -> int:
    """How many ``interactive_figure(`` calls the notebook's code cells make."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(
        "".join(cell["source"]).count("interactive_figure(")
        for cell in cells
        if cell["cell_type"] == "code"
    )


def notebooks_with_widgets(folder: Path) -> list[Path]:
    return [path for path in sorted(folder.glob("*.ipynb")) if count_widgets(path)]


# ---------------------------------------------------------------------------
# JupyterLab server on a scratch copy
# ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LabServer:
    url: str
    token: str
    root: Path
    log: Path

    def notebook_url(self, name: str) -> str:
        # A workspace per notebook and ?reset: each page opens exactly one notebook.
        workspace = re.sub(r"[^A-Za-z0-9]", "-", Path(name).stem)
        return f"{self.url}/lab/workspaces/{workspace}/tree/{name}?reset&token={self.token}"

    def log_tail(self, lines: int = 30) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


@contextlib.contextmanager
def jupyter_lab(notebook_folder: Path, scratch: Path, timeout: float = 60):
    """Serve a copy of ``notebook_folder`` with JupyterLab; yield a LabServer."""
    root = scratch / "notebooks"
    shutil.copytree(notebook_folder, root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    settings = scratch / "lab-settings"
    for relative, values in LAB_SETTINGS.items():
        path = settings / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    env = dict(
        os.environ,
        JUPYTERLAB_SETTINGS_DIR=str(settings),
        JUPYTERLAB_WORKSPACES_DIR=str(scratch / "lab-workspaces"),
        JUPYTER_RUNTIME_DIR=str(scratch / "runtime"),
    )
    token, port = secrets.token_hex(16), free_port()
    log = scratch / "jupyter-lab.log"
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--allow-root",
        "--no-browser",
        "--ServerApp.open_browser=False",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
    ]
    with log.open("w") as log_file:
        process = subprocess.Popen(
            command, cwd=root, env=env, stdout=log_file, stderr=subprocess.STDOUT
        )
    server = LabServer(f"http://127.0.0.1:{port}", token, root, log)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited early:\n{server.log_tail()}")
            try:
                with urllib.request.urlopen(f"{server.url}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"JupyterLab did not answer in {timeout:.0f} s:\n{server.log_tail()}"
                    ) from None
                time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# ---------------------------------------------------------------------------
# A notebook page
# ---------------------------------------------------------------------------


def screenshot(page, name: str) -> Path:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', name)}.png"
    with contextlib.suppress(Exception):
        page.screenshot(path=str(path), full_page=True)
    return path


def run_all_cells(page, n_widgets: int, timeout_ms: float = 180_000) -> None:
    """Wait for an idle kernel, Run All, and wait until every cell ran and every widget drew."""
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
    started = "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]" + (
        ".some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))"
    )
    for attempt in range(3):
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        # On a freshly started kernel the first Run All can be lost: try again if
        # no cell has started after a while.
        try:
            page.wait_for_function(started, timeout=15_000, polling=200)
            break
        except Exception:
            if attempt == 2:
                raise
    # Every code cell has an execution count (not "[ ]" or "[*]") and every widget
    # shows its text; nothing is left running.
    page.wait_for_function(
        """([widget, expected]) => {
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
            const done = prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
            const texts = document.querySelectorAll(widget + ' > .nn-widget-text pre');
            const images = document.querySelectorAll(widget + ' > .nn-widget-figure[src]');
            return done && texts.length === expected && images.length === expected;
        }""",
        arg=[WIDGET, n_widgets],
        timeout=timeout_ms,
        polling=200,
    )


def cell_errors(page) -> list[str]:
    """Tracebacks shown in the notebook (an error output), as text."""
    return page.locator(
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
    ).all_inner_texts()


def shown_setting(text: str, label: str) -> str | None:
    """The value the text's first line gives for ``label``, or None.

    ``shown_setting("learning rate = 0.5 · epochs = 100\\n…", "epochs")`` → ``"100"``.
    Labels may themselves contain " = " ("hidden layer 2 (0 = none)").
    """
    first = text.strip().splitlines()[0] if text.strip() else ""
    prefix = label.strip() + " = "
    for part in first.split(SETTINGS_SEPARATOR):
        if part.startswith(prefix):
            return part[len(prefix) :].strip()
    return None


def same_setting(shown: str, readout: str) -> bool:
    """Does the text's value match the slider's readout?  Both are rounded to 3
    significant digits, written differently ("5" vs "5.00", "1e+03" vs "1.00e+3")."""
    if shown == readout:
        return True
    try:
        a, b = float(shown), float(readout)
    except ValueError:
        return False
    return math.isclose(a, b, rel_tol=6e-3, abs_tol=1e-12)


@dataclass
class Control:
    """One control of a widget on the page, found by its label."""

    kind: str  # "slider" or "checkbox"
    label: str
    index: int  # position among the widget's controls of that kind


JS_CONTROLS = """(widget) => {
    const found = [];
    widget.querySelectorAll(':scope > .widget-slider').forEach((el, i) => {
        const label = el.querySelector('.widget-label').textContent;
        found.push({kind: 'slider', label: label, index: i});
    });
    widget.querySelectorAll(':scope > .widget-checkbox').forEach((el, i) => {
        const label = el.querySelector('.widget-label-basic span, .widget-label-basic');
        found.push({kind: 'checkbox', label: label ? label.textContent : '', index: i});
    });
    return found;
}"""


JS_SNAPSHOT = """(widget, [kind, index]) => {
    const pre = widget.querySelector(':scope > .nn-widget-text pre');
    const img = widget.querySelector(':scope > .nn-widget-figure');
    let value = '';
    if (kind === 'slider') {
        value = widget.querySelectorAll(':scope > .widget-slider')[index]
            .querySelector('.widget-readout').textContent.trim();
    } else {
        value = widget.querySelectorAll(':scope > .widget-checkbox input')[index].checked
            ? 'on' : 'off';
    }
    return [pre ? pre.textContent : '', img ? (img.getAttribute('src') || '') : '', value];
}"""


JS_WATCH = """(widget) => {
    // Page-side stopwatch for one change: from the last key press or click in the
    // widget to the last change of its text or image.
    if (window.nnChange && window.nnChange.stop) window.nnChange.stop();
    const change = {start: null, end: null};
    const onInput = () => { change.start = performance.now(); change.end = null; };
    widget.addEventListener('keydown', onInput, true);
    widget.addEventListener('click', onInput, true);
    const observer = new MutationObserver(() => { change.end = performance.now(); });
    observer.observe(widget.querySelector(':scope > .nn-widget-figure'), {attributes: true});
    observer.observe(widget.querySelector(':scope > .nn-widget-text'),
                     {childList: true, subtree: true, characterData: true});
    change.stop = () => {
        observer.disconnect();
        widget.removeEventListener('keydown', onInput, true);
        widget.removeEventListener('click', onInput, true);
    };
    window.nnChange = change;
}"""


class WidgetDriver:
    """One interactive_figure on a page: change its controls, wait for the figure."""

    def __init__(self, page, index: int):
        self.page = page
        self.index = index
        self.root = page.locator(WIDGET).nth(index)
        self.text = self.root.locator(":scope > .nn-widget-text pre")
        self.image = self.root.locator(":scope > .nn-widget-figure")

    def controls(self) -> list[Control]:
        return [Control(**c) for c in self.root.evaluate(JS_CONTROLS)]

    def state(self) -> tuple[str, str]:
        """The widget's text and its image's src (a new blob URL for every figure)."""
        return self.text.inner_text(), self.image.get_attribute("src") or ""

    def snapshot(self, control: Control) -> tuple[str, str, str]:
        """Text, image src and the control's readout, read in one round trip."""
        return tuple(self.root.evaluate(JS_SNAPSHOT, [control.kind, control.index]))

    def slider(self, control: Control):
        return self.root.locator(":scope > .widget-slider").nth(control.index)

    def readout(self, control: Control) -> str:
        return self.slider(control).locator(".widget-readout").inner_text().strip()

    def handle(self, control: Control):
        return self.slider(control).locator(".noUi-handle")

    def checkbox(self, control: Control):
        return self.root.locator(":scope > .widget-checkbox input").nth(control.index)

    # -- changes ------------------------------------------------------------

    def press_arrow(self, control: Control, presses: int = 1, pause_ms: float = 0) -> None:
        """Keyboard: focus the handle and step right (left when already at the maximum)."""
        handle = self.handle(control)
        handle.wait_for(state="attached")
        handle.scroll_into_view_if_needed()
        at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        key = "ArrowLeft" if at_max else "ArrowRight"
        handle.focus()
        for press in range(presses):
            if press and pause_ms:
                self.page.wait_for_timeout(pause_ms)
            handle.press(key)

    def type_value(self, control: Control, value: str) -> None:
        """Typed value: click the readout, select all, type, Enter."""
        readout = self.slider(control).locator(".widget-readout")
        readout.scroll_into_view_if_needed()
        readout.click()
        readout.press("Control+A")
        readout.type(value)
        readout.press("Enter")

    def toggle(self, control: Control) -> None:
        box = self.checkbox(control)
        box.scroll_into_view_if_needed()
        box.click()

    # -- waiting ------------------------------------------------------------

    def wait_for_figure(
        self, control: Control, expected: str | None, old_src: str, timeout_s: float = 30
    ) -> float:
        """Wait until the settings line shows ``expected`` for ``control`` (the readout
        when None) and the image changed; return the seconds waited."""
        start = time.perf_counter()
        deadline = start + timeout_s
        text = src = want = ""
        while time.perf_counter() < deadline:
            text, src, value = self.snapshot(control)
            want = expected if expected is not None else value
            shown = shown_setting(text, control.label)
            if shown is not None and same_setting(shown, want) and src and src != old_src:
                return time.perf_counter() - start
            time.sleep(0.005)
        raise AssertionError(
            f"widget {self.index}, control {control.label!r}: after {timeout_s:.0f} s the "
            f"figure does not show {want!r}; the text reads {text!r} and the image "
            f"{'is unchanged' if src == old_src else 'changed'}"
        )

    def settle(self, quiet_s: float = 1.0, timeout_s: float = 30) -> tuple[str, str]:
        """Wait until text and image stop changing for ``quiet_s``; return them."""
        deadline = time.perf_counter() + timeout_s
        current, since = self.state(), time.perf_counter()
        while time.perf_counter() < deadline:
            time.sleep(0.05)
            now = self.state()
            if now != current:
                current, since = now, time.perf_counter()
            elif time.perf_counter() - since >= quiet_s:
                return current
        raise AssertionError(f"widget {self.index} kept changing for {timeout_s:.0f} s")


# ---------------------------------------------------------------------------
# The whole check for one notebook
# ---------------------------------------------------------------------------


@dataclass
class Timing:
    where: str  # "04_learning_rate.ipynb · learning rate · keyboard"
    seconds: float


def check_widgets_follow_controls(page, name: str, n_widgets: int) -> list[Timing]:
    """Change every control of every widget; after each change the settings line
    must show the new value and the image must be a new figure.  Returns how long
    each change took, from the key press (or click) to the new figure."""
    timings = []

    def timed(widget, control, change, expected, how):
        """Make ``change`` (a call of ``widget``), wait for its figure, record the time
        from the key press (or click) to the last update of the text and image, as
        the page's own clock saw them."""
        _, old_src = widget.state()
        widget.root.evaluate(JS_WATCH)
        change(control)
        widget.wait_for_figure(control, expected, old_src)
        start, end = widget.root.evaluate("() => [window.nnChange.start, window.nnChange.end]")
        assert start is not None and end is not None, f"{name}: no input event seen"
        timings.append(Timing(f"{name} · {control.label} · {how}", (end - start) / 1000))

    for index in range(n_widgets):
        widget = WidgetDriver(page, index)
        controls = widget.controls()
        assert controls, f"{name}: widget {index} has no slider or checkbox"
        for number, control in enumerate(controls):
            if control.kind == "checkbox":
                for how in ("click", "click back"):
                    timed(widget, control, widget.toggle, None, how)
                continue
            before = widget.readout(control)
            timed(widget, control, widget.press_arrow, None, "keyboard")
            after = widget.readout(control)
            assert after != before, (
                f"{name}: the arrow key did not move {control.label!r} (readout stays {before})"
            )
            # Typing the starting value back is a change to a value the slider accepts.
            typed = functools.partial(widget.type_value, value=before)
            timed(widget, control, typed, before, "typed")
            if number == 0:
                # Two steps in quick succession, the second while the first retrains:
                # the figure must end on the second value, not on the first.
                _, old_src = widget.state()
                widget.press_arrow(control, presses=2, pause_ms=30)
                widget.wait_for_figure(control, None, old_src)
                text, _ = widget.settle()
                final = widget.readout(control)
                shown = shown_setting(text, control.label) or ""
                assert same_setting(shown, final), (
                    f"{name}: after two quick changes {control.label!r} reads {final} "
                    f"but the figure shows {shown!r}"
                )
        broken = widget.image.evaluate("img => !(img.complete && img.naturalWidth > 0)")
        assert not broken, f"{name}: widget {index} shows an image that does not decode"
    return timings
