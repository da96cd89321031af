"""Every widget at the ends of its sliders: no exception, no warning, a figure.

The widgets are read from the notebooks themselves: each ``interactive_figure(
view, name=log_slider(...), ...)`` call in a code cell gives the view and the
range of every control, so a changed range in a lesson is tested as written.
For every control the view runs at its minimum and at its maximum (the others
at their starting values), and with every control at its minimum and at its
maximum together; the figure is rendered to PNG too, since matplotlib warns at
draw time.

Lesson 04's widget must also *say* what happens at the ends: the largest
learning rate diverges, the smallest barely moves.
"""

import ast
import inspect
import json
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

import nn_helpers as nn  # noqa: E402

pytestmark = pytest.mark.filterwarnings("error")

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CONTROL_FACTORIES = {"log_slider": nn.log_slider, "int_slider": nn.int_slider, "toggle": nn.toggle}


@dataclass
class Control:
    factory: str
    low: object
    high: object
    start: object


@dataclass
class WidgetCall:
    notebook: str
    view: str
    controls: dict[str, Control]
    problem: str = ""  # why the call could not be read, if it could not


def _value(node: ast.expr, names: dict):
    """A literal, or a name the notebook set to a literal earlier (``seed = 0``)."""
    if isinstance(node, ast.Name):
        if node.id not in names:
            raise ValueError(f"{node.id} is not set to a literal in an earlier cell")
        return names[node.id]
    return ast.literal_eval(node)


def _read_control(node: ast.expr, names: dict) -> Control:
    """``log_slider("learning rate", 0.01, 50, 5)`` → Control(low=0.01, high=50, start=5)."""
    if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in CONTROL_FACTORIES):
        raise ValueError(f"{ast.unparse(node)} is not a call of {sorted(CONTROL_FACTORIES)}")
    factory = node.func.id
    args = [_value(arg, names) for arg in node.args]
    kwargs = {kw.arg: _value(kw.value, names) for kw in node.keywords}
    bound = inspect.signature(CONTROL_FACTORIES[factory]).bind(*args, **kwargs)
    bound.apply_defaults()
    values = bound.arguments
    if factory == "toggle":
        return Control(factory, False, True, values["value"])
    return Control(factory, values["min"], values["max"], values["value"])


def widget_calls(folder: Path = NOTEBOOKS) -> list[WidgetCall]:
    """Every interactive_figure call in the code cells of the notebooks, with its controls."""
    calls = []
    for path in sorted(folder.glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        names = {}  # name → literal, from `name = literal` lines of the cells so far
        for cell in cells:
            source = "".join(cell["source"])
            if cell["cell_type"] != "code":
                continue
            tree = ast.parse(source)
            for statement in tree.body:
                if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                    target = statement.targets[0]
                    try:
                        names[target.id] = ast.literal_eval(statement.value)
                    except (AttributeError, ValueError, TypeError, SyntaxError):
                        names.pop(getattr(target, "id", None), None)  # no longer a literal
            if "interactive_figure(" not in source:
                continue
            for node in ast.walk(tree):
                if not (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "id", None) == "interactive_figure"
                ):
                    continue
                view = node.args[0].id if node.args and isinstance(node.args[0], ast.Name) else "?"
                call = WidgetCall(path.name, view, {})
                try:
                    call.controls = {kw.arg: _read_control(kw.value, names) for kw in node.keywords}
                except ValueError as error:  # also raised by literal_eval on a non-literal
                    call.problem = str(error)
                calls.append(call)
    return calls


def extreme_settings(call: WidgetCall) -> list[tuple[str, dict]]:
    """(label, settings): each control at each end with the others at their start, then all
    at their minimum and all at their maximum."""
    start = {name: control.start for name, control in call.controls.items()}
    settings = []
    for name, control in call.controls.items():
        for end in ("low", "high"):
            settings.append(
                (f"{name}={getattr(control, end)!r}", start | {name: getattr(control, end)})
            )
    for end in ("low", "high"):
        settings.append((f"all {end}", {n: getattr(c, end) for n, c in call.controls.items()}))
    return settings


CALLS = widget_calls() if NOTEBOOKS.is_dir() else []
CASES = [
    pytest.param(call, settings, id=f"{call.notebook}-{call.view}-{label}")
    for call in CALLS
    if not call.problem
    for label, settings in extreme_settings(call)
]


def run_view(view_name: str, settings: dict) -> str:
    """Call the view, render its figure to PNG; return its text."""
    view = getattr(nn, view_name)
    result = view(**settings)
    fig, text = result if isinstance(result, tuple) else (result, "")
    png = nn.render_png(fig)  # draws (matplotlib warns at draw time) and closes the figure
    assert png.startswith(b"\x89PNG"), f"{view_name}({settings}) did not render a PNG"
    return text


def test_the_notebooks_have_widgets():
    assert CALLS, f"no interactive_figure( call found in {NOTEBOOKS}"


@pytest.mark.parametrize("call", CALLS, ids=lambda call: f"{call.notebook}-{call.view}")
def test_widget_cell_is_readable(call):
    """Each widget is built from a view of nn_helpers and literal control ranges."""
    assert not call.problem, f"{call.notebook}: cannot read the widget's controls: {call.problem}"
    assert hasattr(nn, call.view), f"{call.notebook}: nn_helpers has no view {call.view!r}"
    parameters = inspect.signature(getattr(nn, call.view)).parameters
    unknown = set(call.controls) - set(parameters)
    assert not unknown, f"{call.notebook}: {call.view} takes no {sorted(unknown)}"


@pytest.mark.parametrize(("call", "settings"), CASES)
def test_view_at_the_ends_of_its_sliders(call, settings):
    text = run_view(call.view, settings)
    assert isinstance(text, str) and text, f"{call.view}({settings}) returned no text"


LESSON_04 = [call for call in CALLS if call.view == "learning_rate_view" and not call.problem]


@pytest.mark.parametrize("call", LESSON_04, ids=lambda call: call.notebook)
def test_lesson_04_widget_names_divergence_and_no_progress(call):
    """Largest α: the text says it diverged.  Smallest α: the loss stays near its start."""
    rate = call.controls["learning_rate"]
    others = {name: control.start for name, control in call.controls.items()}
    largest = run_view(call.view, others | {"learning_rate": rate.high})
    assert "diverged" in largest, f"at α = {rate.high} the text should name divergence: {largest!r}"
    smallest = run_view(call.view, others | {"learning_rate": rate.low})
    assert "diverged" not in smallest
    start_loss = float(nn.u_loss(nn.CURVE_START))
    final_loss = float(smallest.split("final loss = ")[1].split()[0])
    assert final_loss >= 0.9 * start_loss, (
        f"at α = {rate.low} the loss should barely move from {start_loss:.3f}: {smallest!r}"
    )


TRAINING_VIEWS = [
    call
    for call in CALLS
    if not call.problem
    and call.view in ("batch_training_view", "feature_cross_view", "hidden_layer_view")
]


@pytest.mark.parametrize("call", TRAINING_VIEWS, ids=lambda call: call.notebook)
def test_training_widgets_name_instability_and_no_progress(call):
    """Largest α: the cost rises and the widget says so.  Smallest α: it says no progress.

    A sigmoid output keeps the squared-error cost below ½, so too large a learning
    rate cannot run to infinity: it shows as a rise of the cost, which the widget names.
    """
    rate = call.controls["learning_rate"]
    others = {name: control.start for name, control in call.controls.items()}
    largest = run_view(call.view, others | {"learning_rate": rate.high})
    assert "unstable: the cost rose" in largest, f"at α = {rate.high}: {largest!r}"
    smallest = run_view(call.view, others | {"learning_rate": rate.low})
    assert "no progress" in smallest, f"at α = {rate.low}: {smallest!r}"
    at_start = run_view(call.view, others)
    assert "unstable" not in at_start and "no progress" not in at_start, at_start
