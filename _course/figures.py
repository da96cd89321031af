"""Figures: one look for every lesson, and the drawings of single lessons.

Class 0 and class 1 differ in colour (Okabe–Ito blue and orange, safe for
colour-blind readers) and in marker.  Margins are fixed in inches, so every
figure of a kind has the same layout and a widget redraw needs no layout engine.

``new_axes`` makes figures that pyplot shows (lesson cells end with
``plt.show()``).  Inside ``with offscreen_figures():`` (the widgets) it makes
figures that belong to no global registry instead, which can be drawn off the
main thread.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Callable, Sequence

import numpy as np

from _course import validation as valid
from nn_helpers import (
    CURVE_MINIMUM,
    CURVE_START,
    LinearLayer,
    NeuronGradients,
    _classes,
    forward,
    forward_shapes,
    gradient_descent_1d,
    gradients_agree,
    neuron_finite_differences,
    squared_error_cost,
    u_loss,
    u_loss_gradient,
)

CLASS_COLORS = ("#0072B2", "#E69F00")
CLASS_MARKERS = ("o", "s")
FIGSIZE = (5.0, 3.6)
LINE_COLOR = "#009E73"
DIVERGED_COLOR = "#D55E00"
# Bounds that keep every figure renderable: at most 10 panels a side, at most 50 inches
# (4000 pixels at the course's 80 dpi) a side, at most 2000 × 2000 points shaded per panel.
MAX_PANELS = 10
MAX_FIGURE_INCHES = 50.0
MAX_RESOLUTION = 2000

_STYLE = {
    "figure.figsize": FIGSIZE,
    "figure.dpi": 80,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "legend.fontsize": 9,
    "legend.frameon": False,
}


_offscreen = threading.local()


@contextmanager
def offscreen_figures():
    """Within this block (in this thread), ``new_axes`` makes figures pyplot does not know."""
    _offscreen.active = True
    try:
        yield
    finally:
        _offscreen.active = False


def new_axes(
    ncols: int = 1, nrows: int = 1, width: float | None = None, height: float | None = None
):
    """A figure in the course style: returns ``(fig, ax)`` or ``(fig, axes)``.

    Margins are fixed in inches rather than computed by a layout engine: every
    figure gets the same look, and a widget redraw saves ~40 ms.  At most
    ``MAX_PANELS`` axes a side and ``MAX_FIGURE_INCHES`` inches a side.
    """
    import matplotlib

    ncols = valid.count(ncols, "ncols (the number of columns)", 1, MAX_PANELS)
    nrows = valid.count(nrows, "nrows (the number of rows)", 1, MAX_PANELS)
    width = _inches(width, "width", FIGSIZE[0] * ncols)
    height = _inches(height, "height", FIGSIZE[1] * nrows)
    matplotlib.rcParams.update(_STYLE)
    if not getattr(_offscreen, "active", False):
        import matplotlib.pyplot as plt

        fig, axes = plt.subplots(nrows, ncols, figsize=(width, height))
    else:
        from matplotlib.figure import Figure

        fig = Figure(figsize=(width, height))
        axes = fig.subplots(nrows, ncols)
    fig.subplots_adjust(
        left=0.75 / width,
        right=1 - 0.2 / width,
        bottom=0.6 / height,
        top=1 - 0.4 / height,
        wspace=0.9 * ncols / width,
        hspace=1.0 * nrows / height,
    )
    for ax in np.atleast_1d(axes).ravel():
        _measure_tick_space_once(ax)
    return fig, axes


def _inches(value, name: str, default: float) -> float:
    """A figure's width or height: None for ``default``, else a number of inches in
    (0, ``MAX_FIGURE_INCHES``]."""
    if value is None:
        return default
    inches = valid.number(value, name, positive=True)
    if inches > MAX_FIGURE_INCHES:
        raise ValueError(
            f"{name} must be at most {MAX_FIGURE_INCHES:g} inches (a figure that can render), "
            f"got {value!r}"
        )
    return inches


def _measure_tick_space_once(ax) -> None:
    """Fix each axis's number of ticks now, once, at most 5.

    The default locator re-measures the tick-label font on every draw to decide
    how many ticks fit (about 20 ms per widget redraw).  With fixed margins the
    axes never change size, so measuring once gives the same answer; the cap of
    5 keeps figures uncluttered and saves ~1 ms per tick at every redraw.
    """
    from matplotlib.ticker import AutoLocator, MaxNLocator

    for axis in (ax.xaxis, ax.yaxis):
        if type(axis.get_major_locator()) is AutoLocator:
            # What nbins="auto" computes, capped at 5: uncluttered, and each tick is ~1 ms.
            nbins = max(1, min(axis.get_tick_space(), 5))
            axis.set_major_locator(MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10]))


def plot_learning_curve(costs, ax=None, title: str = "Learning curve", label: str | None = None):
    """Cost per epoch (lesson 05 onward). Returns the axes."""
    costs = valid.array(costs, "costs", ndim=1, finite=False)
    if valid.axes(ax) is None:
        _, ax = new_axes()
    ax.plot(np.arange(costs.size), costs, color=LINE_COLOR if label is None else None, label=label)
    ax.set(title=title, xlabel="epoch", ylabel="cost J")
    if label is not None:
        ax.legend()
    return ax


def plot_points(X, Y, ax=None, labels=("class 0", "class 1")):
    """Scatter 2-D examples (columns of X) with a colour and a marker per class."""
    X, Y = _points(X, Y, "plot_points")
    labels = valid.names(labels, "labels", '("class 0", "class 1")')
    if len(labels) != 2:
        raise ValueError(f"labels must name the 2 classes, got {len(labels)} names")
    if valid.axes(ax) is None:
        _, ax = new_axes()
    return _draw_points(ax, X, Y, labels)


def _points(X, Y, function_name: str) -> tuple[np.ndarray, np.ndarray]:
    """X (2, m) points and Y, one label per column of X."""
    X, Y = valid.array(X, "X"), valid.array(Y, "Y", ndim=None)
    if X.shape[0] != 2:
        raise ValueError(f"{function_name} needs X of shape (2, m), got {X.shape}")
    if Y.size != X.shape[1]:
        raise ValueError(
            f"{function_name} needs one label per column of X {X.shape}, got Y {Y.shape}"
        )
    return X, Y


def _draw_points(ax, X, Y, labels=("class 0", "class 1")):
    """``plot_points`` on checked arguments."""
    classes = Y.ravel() >= 0.5
    for cls in (0, 1):
        mask = classes == cls
        ax.scatter(
            X[0, mask],
            X[1, mask],
            s=70,
            c=CLASS_COLORS[cls],
            marker=CLASS_MARKERS[cls],
            edgecolors="black",
            linewidths=0.8,
            label=labels[cls],
            zorder=3,
        )
    ax.set(xlabel="x₁", ylabel="x₂")  # plain text: mathtext costs ~7 ms per widget redraw
    return ax


def _input_plane(X, margin: float, resolution: int) -> tuple[np.ndarray, ...]:
    """A grid over the data's range plus ``margin``: ``(G1, G2, points)``.

    ``points`` (2, resolution²) holds the grid's points as columns, ready for a model.
    """
    x1 = np.linspace(X[0].min() - margin, X[0].max() + margin, resolution)
    x2 = np.linspace(X[1].min() - margin, X[1].max() + margin, resolution)
    G1, G2 = np.meshgrid(x1, x2)
    return G1, G2, np.vstack([G1.ravel(), G2.ravel()])


def predicted_class(Y_hat) -> np.ndarray:
    """The class ``predict`` gives for outputs ``Y_hat`` (lesson 03 onward): 1 where ŷ ≥ 0.5.

    The shading and the accuracy of the training figures both use it, so they
    agree with each other and with ``predict``.
    """
    return _classes(np.asarray(Y_hat, dtype=float)).astype(bool)


def plot_decision_boundary(
    predict_proba: Callable[[np.ndarray], np.ndarray],
    X,
    Y,
    ax=None,
    title: str = "Decision boundary",
    margin: float = 0.5,
    resolution: int = 200,
):
    """Shade the input plane by the model's class and draw the 0.5 contour (lesson 03 onward).

    ``predict_proba`` takes a (2, k) array of points and returns (1, k) outputs
    in [0, 1], for example ``lambda P: forward(layers, P)``.  A point is shaded
    as class 1 where its output is at least 0.5 (``predicted_class``).
    """
    from matplotlib.colors import ListedColormap

    valid.function(predict_proba, "predict_proba", "a function of points")
    X, Y = _points(X, Y, "plot_decision_boundary")
    margin = valid.number(margin, "margin", minimum=0)
    resolution = valid.count(resolution, "resolution", 2, MAX_RESOLUTION)
    if valid.axes(ax) is None:
        _, ax = new_axes()
    G1, G2, grid = _input_plane(X, margin, resolution)
    P = valid.array(predict_proba(grid), "predict_proba's outputs", ndim=None, finite=False)
    if P.size != grid.shape[1]:
        raise ValueError(
            f"predict_proba must give one output per point: {grid.shape[1]} points "
            f"(shape {grid.shape}) in, outputs of shape {P.shape} out"
        )
    P = P.reshape(G1.shape)
    shades = ListedColormap(["#BFDDF0", "#F7E1B0"])  # light versions of the class colours
    is_class_1 = predicted_class(P)
    ax.contourf(G1, G2, is_class_1, levels=[-0.5, 0.5, 1.5], cmap=shades, alpha=0.9)
    if is_class_1.any() and not is_class_1.all() and P.min() < 0.5 < P.max():
        ax.contour(G1, G2, P, levels=[0.5], colors="black", linewidths=1.2)
    _draw_points(ax, X, Y)
    ax.set_title(title)
    ax.legend(loc="upper center", ncols=2, handletextpad=0.2, borderaxespad=0.1)
    return ax


def cost_text(cost) -> str:
    """A cost as the course prints it: 3 decimals, or 4 significant digits below 0.01.

    A trained cost such as 0.00053 would print as "0.001" to 3 decimals, and
    could not be compared with the value an article reports (lessons 05–07).
    """
    cost = valid.number(cost, "cost")
    return f"{cost:.3f}" if abs(cost) >= 0.01 else f"{cost:.4g}"


RISE_TOLERANCE = 0.01  # a rise of more than 1% of the starting cost in one epoch is overshooting
# A plateau: over the last quarter of training the cost fell by less than 2.5% of its own
# value, and it is still at least a tenth of the starting cost (well above zero).  A cost
# that is still being learned falls by about a third of itself per quarter (J ~ 1/epoch);
# XOR's plateaus at ⅛ and 1/16 fall by less than 1.5%, whatever the seed.
FLAT_TOLERANCE = 0.025
PLATEAU_FLOOR = 0.1
STUCK_REASON = "too small a learning rate, or a start stuck on a plateau"


def describe_progress(costs, stuck_reason: str | None = None) -> str | None:
    """Name what a learning curve shows when it is not plain learning, or return None.

    The *tail* is the last quarter of training, from entry ``(len(costs) - 1) * 3 // 4``.

    * "no progress": the tail is flat at a cost well above zero, a plateau (it
      fell by less than ``FLAT_TOLERANCE`` of the final cost, which is at least
      ``PLATEAU_FLOOR`` of the starting cost).  ``stuck_reason`` says why (by
      default ``STUCK_REASON``: too small a learning rate, or a start stuck on a
      plateau; lesson 06 without the cross: a straight line cannot separate
      XOR).  Measured against the final cost, so XOR's plateaus at ⅛ and 1/16
      are named alike for every seed, and a run still learning slowly is not.
    * "unstable": the cost rose from one epoch to the next by more than
      ``RISE_TOLERANCE`` of the starting cost (steps too large, overshooting),
      and it still does in the tail.  Rises that stopped before the tail are
      "unstable at first, then settled", or "unstable at first, then no
      progress" when the tail is a plateau.  A sigmoid output with squared
      error keeps the cost below ½, so too large a learning rate shows as a
      rise, never as infinity.
    * "diverged": a cost is NaN or infinite (a trainer that does not stop at
      divergence, or costs collected by hand).
    """
    costs = valid.array(costs, "costs", ndim=1, finite=False)
    if stuck_reason is not None:
        valid.text(stuck_reason, "stuck_reason")
    not_finite = np.flatnonzero(~np.isfinite(costs))
    if not_finite.size:
        return (
            f"diverged: the cost is no longer a finite number from epoch {not_finite[0]} "
            "(try a smaller learning rate)"
        )
    if costs.size < 2:
        return None  # one epoch says nothing
    start, final = costs[0], costs[-1]
    tail = (costs.size - 1) * 3 // 4
    flat = final >= PLATEAU_FLOOR * start and costs[tail] - final < FLAT_TOLERANCE * final
    stayed = f"stayed at {cost_text(final)} through the last quarter of training"
    rises = np.flatnonzero(np.diff(costs) > RISE_TOLERANCE * start) + 1  # the epochs that rose
    if not rises.size:
        return f"no progress: the cost {stayed}, {stuck_reason or STUCK_REASON}" if flat else None
    rose = (
        f"epoch {rises[0]}"
        if rises.size == 1
        else f"times between epochs {rises[0]} and {rises[-1]}"
    )
    if rises[-1] > tail:
        return f"unstable: the cost rose at {rose}, the learning rate is too large"
    if flat:
        return f"unstable at first, then no progress: the cost rose at {rose}, then {stayed}, " + (
            stuck_reason or "stuck on a plateau"
        )
    return (
        f"unstable at first, then settled: the cost rose at {rose} (steps too large), "
        f"then fell to {cost_text(final)}"
    )


def mark_progress(ax, costs, stuck_reason: str | None = None) -> str | None:
    """Name ``describe_progress(costs, stuck_reason)`` in the title of a learning curve;
    return it (or None).

    The title, in the warning colour, never covers the curve it describes.
    """
    valid.axes(ax, optional=False)
    verdict = describe_progress(costs, stuck_reason)
    if verdict is not None:
        ax.set_title(f"{ax.get_title()}: {verdict.split(':')[0]}", color=DIVERGED_COLOR)
    return verdict


COST_HEADROOM = 1.15  # the cost axis of a training figure reaches 15% above the highest cost


def draw_training(
    costs,
    predict_proba,
    X,
    Y,
    title="Decision boundary",
    resolution=100,
    stuck_reason: str | None = None,
):
    """Learning curve beside the shaded decision boundary of a trained model: ``(fig, text)``.

    The training widgets of lessons 05–07 (and lesson 07's training figure)
    draw with it, so they look and report alike.  ``predict_proba(P)`` gives
    the trained model's outputs (1, k) for points P (2, k).  The text is
    ``final cost = … · accuracy = …``: the squared-error cost of the outputs on
    X (the trained model's, ``costs[-1]`` when ``costs`` come from ``train``),
    printed by ``cost_text``, and the
    accuracy by the rule the shading uses (``predicted_class``), so text and
    picture always agree; a second line names ``describe_progress(costs,
    stuck_reason)``.  The cost axis runs from 0 to ``COST_HEADROOM`` times the
    highest cost, so a flat curve is drawn inside the axes, not on their edge.
    """
    fig, (ax_cost, ax_boundary) = new_axes(ncols=2)
    plot_learning_curve(costs, ax=ax_cost)
    highest = np.max(costs, initial=0.0, where=np.isfinite(costs))
    ax_cost.set_ylim(0, COST_HEADROOM * highest if highest > 0 else 1.0)
    verdict = mark_progress(ax_cost, costs, stuck_reason)
    plot_decision_boundary(predict_proba, X, Y, ax=ax_boundary, title=title, resolution=resolution)
    Y_hat = np.asarray(predict_proba(X), dtype=float)
    final_cost, _ = squared_error_cost(Y, Y_hat)
    right = float(np.mean(predicted_class(Y_hat) == (np.asarray(Y) >= 0.5)))  # as shaded
    text = f"final cost = {cost_text(final_cost)} · accuracy = {right:.0%}"
    return fig, text + (f"\n{verdict}" if verdict else "")


# A network diagram is legible up to this many units in a layer and this many layers.
MAX_DIAGRAM_UNITS = 12
MAX_DIAGRAM_LAYERS = 6
_UNIT_COLORS = {"input": "#E6E6E6", "neuron": "#DCEBF5"}  # data in grey, neurons in blue


def _layer_names(sizes: list[int]) -> list[str]:
    """``input layer``, ``hidden layer`` (or ``hidden layer 1``, ``2``, …), ``output layer``."""
    hidden = len(sizes) - 2
    names = [f"hidden layer{f' {k}' if hidden > 1 else ''}" for k in range(1, hidden + 1)]
    return ["input layer", *names, "output layer"]


def _unit_label(layer: int, unit: int, sizes: list[int]) -> str:
    """x_i in the input layer, a^[l]_i in a hidden layer, ŷ (or ŷ_i) in the output layer."""
    if layer == 0:
        return f"$x_{{{unit}}}$"
    if layer == len(sizes) - 1:
        return r"$\hat y$" if sizes[-1] == 1 else rf"$\hat y_{{{unit}}}$"
    return f"$a^{{[{layer}]}}_{{{unit}}}$"


def draw_network(layer_sizes, title: str | None = None):
    """A fully connected feedforward network, unit by unit (lesson 01): a Figure.

    One column of circles per layer, left to right — the input layer (the data,
    grey: ``x_1 …``), the hidden layers (``a^[l]_i``), the output layer (``ŷ``) —
    each column named above with its number of units.  Every unit is joined to
    every unit of the next layer (the edges, each one weight, all drawn as one
    collection), and under the edges into each layer are the shapes of its ``W`` and ``b``.
    The title defaults to the network's name, ``3-4-1 network``.  At most
    ``MAX_DIAGRAM_LAYERS`` layers of at most ``MAX_DIAGRAM_UNITS`` units.
    """
    from matplotlib.collections import LineCollection
    from matplotlib.patches import Circle

    sizes = valid.layer_sizes(layer_sizes)
    if len(sizes) > MAX_DIAGRAM_LAYERS or max(sizes) > MAX_DIAGRAM_UNITS:
        raise ValueError(
            f"draw_network draws at most {MAX_DIAGRAM_LAYERS} layers of at most "
            f"{MAX_DIAGRAM_UNITS} units (a legible diagram), got layer_sizes {sizes}"
        )
    name = "-".join(str(n) for n in sizes)
    title = f"{name} network" if title is None else valid.text(title, "title")
    gap, spacing, radius = 2.0, 0.65, 0.25  # inches: between layers, between units, a unit
    tallest = (max(sizes) - 1) * spacing
    width, height = gap * (len(sizes) - 1) + 2.2, tallest + 2.6
    fig, ax = new_axes(width=width, height=height)
    fig.subplots_adjust(left=0, right=1, bottom=0, top=1 - 0.35 / height)
    ax.set(xlim=(-1.1, width - 1.1), ylim=(-tallest / 2 - 1.2, tallest / 2 + 1.05))
    ax.set_aspect("equal")
    ax.set_axis_off()
    # Unit centres, column by column, each column centred on y = 0.
    centres = [
        [(gap * layer, (n - 1) * spacing / 2 - unit * spacing) for unit in range(n)]
        for layer, n in enumerate(sizes)
    ]
    pairs = zip(centres[:-1], centres[1:], strict=True)  # each layer and the next
    edges = [(a, b) for left, right in pairs for a in left for b in right]  # each a weight
    ax.add_collection(LineCollection(edges, colors="#999999", linewidths=0.8, zorder=1))
    for layer, (column, name) in enumerate(zip(centres, _layer_names(sizes), strict=True)):
        kind = "input" if layer == 0 else "neuron"
        for unit, centre in enumerate(column, start=1):
            ax.add_patch(
                Circle(centre, radius, facecolor=_UNIT_COLORS[kind], edgecolor="#444444", zorder=2)
            )
            label = _unit_label(layer, unit, sizes)
            ax.text(*centre, label, ha="center", va="center", fontsize=11, zorder=3)
        units = f"{len(column)} unit{'' if len(column) == 1 else 's'}"
        ax.text(gap * layer, tallest / 2 + 0.4, f"{name}\n{units}", ha="center", va="bottom")
        if layer:  # the parameters of the layer, under the edges that lead into it
            shapes = f"$W^{{[{layer}]}}$ {(sizes[layer], sizes[layer - 1])}"
            shapes += f"\n$b^{{[{layer}]}}$ {(sizes[layer], 1)}"
            ax.text(gap * (layer - 0.5), -tallest / 2 - 0.45, shapes, ha="center", va="top")
    ax.set_title(title)
    return fig


# Colours of the four kinds of array in the shapes figure (Okabe–Ito, colour-blind safe).
_SHAPE_COLORS = {"W": "#56B4E9", "A_prev": "#CCCCCC", "b": "#E69F00", "Z": "#009E73"}
# One cell of a matrix is this many inches on every figure, whatever the sizes: the
# figure grows with the network instead of the cells shrinking, so the drawing is to scale.
_INCHES_PER_CELL = 0.2


def _shapes_layout(layer_sizes, m):
    """Where each matrix of the shapes figure goes: (kind, label, x, y, rows, cols), in cells."""
    gap = 2.0  # room for the ·, + and = signs between matrices
    items, top = [], 0.0
    for number, shapes in enumerate(forward_shapes(layer_sizes, m), start=1):
        row_height = max(shapes["W"][0], shapes["A_prev"][0])
        centre = top - row_height / 2
        x = 0.0
        for kind, label in (
            ("W", f"W{number}"),
            ("A_prev", "X" if number == 1 else f"A{number - 1}"),
            ("b", f"b{number}"),
            ("Z", f"Z{number}"),
        ):
            rows, cols = shapes[kind]
            items.append((kind, label, x, centre - rows / 2, rows, cols))
            x += cols + gap
        top -= row_height + 2.5  # room for the labels under the matrices
    width = max(x + cols for _, _, x, _, _, cols in items)
    return items, width, -top


def _draw_matrix(ax, kind, label, x, y, rows, cols):
    """A rows × cols grid of unit cells with its name and shape underneath."""
    from matplotlib.patches import Rectangle

    ax.add_patch(
        Rectangle((x, y), cols, rows, facecolor=_SHAPE_COLORS[kind], edgecolor="black", lw=1.2)
    )
    # All inner grid lines of one matrix as one line (NaN breaks it): one artist, fast to draw.
    xs, ys = [], []
    for c in range(1, cols):
        xs += [x + c, x + c, np.nan]
        ys += [y, y + rows, np.nan]
    for r in range(1, rows):
        xs += [x, x + cols, np.nan]
        ys += [y + r, y + r, np.nan]
    if xs:
        ax.plot(xs, ys, color="black", lw=0.4, alpha=0.5)
    ax.text(x + cols / 2, y - 0.4, f"{label}\n{(rows, cols)}", ha="center", va="top", fontsize=8)


_NEURON_GRADIENT_NAMES = {
    "dL_dyhat": "dL/dŷ",
    "dyhat_dz": "dŷ/dz",
    "dL_dz": "dL/dz",
    "dL_dw": "dL/dw",
    "dL_dx": "dL/dx",
    "dL_db": "dL/db",
}


def _three_decimals(value) -> str:
    """A number or a 1-D array to 3 decimals, never showing "-0.000".

    Values are first rounded to 8 decimals: a finite-difference estimate is only
    that accurate, and 0.01249999999 should print like 0.0125 does.
    """
    values = np.round(np.atleast_1d(np.asarray(value, dtype=float)), 8)
    text = " ".join(f"{v:.3f}".replace("-0.000", "0.000") for v in values)
    return text if np.ndim(value) == 0 else f"[{text}]"


def check_neuron_gradients(result: NeuronGradients, verbose: bool = True) -> bool:
    """Compare every analytic gradient in ``result`` with finite differences (lesson 02).

    Prints one line per gradient — the analytic value, the finite-difference
    estimate (both to 3 decimals) and ``agree`` / ``DISAGREE`` — and returns
    True when all agree.
    """
    _neuron_gradients(result, "check_neuron_gradients")
    verbose = valid.boolean(verbose, "verbose")
    numeric = neuron_finite_differences(result.x, result.w, result.y, result.b)
    all_ok = True
    if verbose:
        print(f"{'gradient':<9}{'analytic':<17}{'finite difference':<19}")
    for key, estimate in numeric.items():
        analytic = np.asarray(getattr(result, key), dtype=float)
        ok = gradients_agree(analytic, estimate)
        if verbose:
            print(
                f"{_NEURON_GRADIENT_NAMES[key]:<9}{_three_decimals(analytic):<17}"
                f"{_three_decimals(estimate):<19}{'agree' if ok else 'DISAGREE'}"
            )
        all_ok = all_ok and ok
    return all_ok


def _neuron_gradients(result, function_name: str) -> None:
    if not isinstance(result, NeuronGradients):
        raise ValueError(
            f"{function_name} expects the result of neuron_forward_backward, got {result!r}"
        )


GRADIENT_COLOR = "#CC79A7"  # Okabe–Ito reddish purple (reads as pink): gradients, never data
_NODE_SIZE = (1.2, 0.42)  # width and height of a node box, in the graph's data units


def _graph_node(ax, center, text, caption=None, color="#F2F2F2"):
    """A fixed-size box with ``text`` (the forward value) and an optional caption above it."""
    from matplotlib.patches import FancyBboxPatch

    width, height = _NODE_SIZE
    ax.add_patch(
        FancyBboxPatch(
            (center[0] - width / 2, center[1] - height / 2),
            width,
            height,
            boxstyle="round,pad=0.04",
            facecolor=color,
            edgecolor="#444444",
            zorder=3,
        )
    )
    ax.text(*center, text, ha="center", va="center", fontsize=11, zorder=4)
    if caption:
        ax.text(center[0], center[1] + 0.45, caption, ha="center", fontsize=10, color="#333333")


def _graph_edge(ax, start, end, gradient_text, label_at=0.4, label_below=0.0):
    """A forward arrow start → end, and on it (or ``label_below`` under it) the gradient
    flowing back, marked ← in pink (``GRADIENT_COLOR``)."""
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops={"arrowstyle": "-|>", "color": "#666666", "lw": 1.2, "shrinkA": 0, "shrinkB": 0},
        zorder=1,
    )
    label_xy = np.asarray(start) + label_at * (np.asarray(end) - np.asarray(start))
    label_xy[1] -= label_below
    ax.text(
        *label_xy,
        "← " + gradient_text,
        ha="center",
        va="center",
        fontsize=10,
        color=GRADIENT_COLOR,
        zorder=2,
        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": GRADIENT_COLOR},
    )


LOCAL_COLOR = "#555555"  # the local gradients of the graph: dark grey, beside the pink ones


def _product(upstream: str, local, product) -> str:
    """``upstream × local = product``, numbers to 3 decimals (never "-0.000"), a negative
    local gradient in parentheses: ``-0.144 × (-0.400) = 0.058``."""
    local = local if isinstance(local, str) else _three_decimals(local)
    local = f"({local})" if local.startswith("-") else local
    return f"{upstream} × {local} = {_three_decimals(product)}"


def draw_neuron_graph(result: NeuronGradients, title: str | None = None):
    """The computational graph of one sigmoid neuron, as a matplotlib Figure (lessons 02, 03).

    Boxes carry the forward values (grey: inputs and parameters; blue: the
    linear node, the sigmoid and the loss).  Forward arrows are grey.  Under
    each blue node, in dark grey, are its local gradients (the derivative of its
    output with respect to each input).  On every edge a pink label
    ``← ∂L/∂(node the edge comes from) = upstream × local = product`` is the
    gradient flowing back: the gradient of the edge ahead times the local
    gradient (``∂L/∂L = 1`` at the loss).  Numbers are rounded to 3 decimals.
    Works for any number of inputs, with or without a bias.
    """
    _neuron_gradients(result, "draw_neuron_graph")
    # Left column, top to bottom: x1, w1, x2, w2, ..., then b: (node text, gradient, local, value).
    sources = []
    for i, (x_i, w_i) in enumerate(zip(result.x, result.w, strict=True), start=1):
        sources.append(
            (f"$x_{i}$ = {x_i:.3f}", rf"$\partial L/\partial x_{i}$", w_i, result.dL_dx[i - 1])
        )
        sources.append(
            (f"$w_{i}$ = {w_i:.3f}", rf"$\partial L/\partial w_{i}$", x_i, result.dL_dw[i - 1])
        )
    if result.b is not None:
        sources.append((f"$b$ = {result.b:.3f}", r"$\partial L/\partial b$", "1", result.dL_db))
    rows = len(sources)
    middle = (rows - 1) / 2
    # Room under the middle row for the local gradients, above it for their key.
    bottom, top = min(-0.6, middle - 1.8), max(rows - 0.4, middle + 1.4)
    height = 0.75 * (top - bottom) + (1.3 if title else 1.0)
    fig, ax = new_axes(width=12.0, height=height)
    fig.subplots_adjust(
        left=0.01, right=0.99, bottom=0.02, top=1 - (0.35 if title else 0.05) / height
    )
    ax.set_axis_off()
    ax.set(xlim=(0, 12), ylim=(bottom, top))
    half = _NODE_SIZE[0] / 2
    z_xy, y_hat_xy, loss_xy = (5.75, middle), (8.55, middle), (11.3, middle)
    terms = [f"w_{i}x_{i}" for i in range(1, result.x.size + 1)]
    terms += ["b"] if result.b is not None else []
    _graph_node(ax, z_xy, f"$z$ = {result.z:.3f}", f"${' + '.join(terms)}$", "#DCEBF5")
    _graph_node(ax, y_hat_xy, rf"$\hat y$ = {result.y_hat:.3f}", r"$\sigma(z)$", "#DCEBF5")
    loss_caption = f"$y$ = {result.y:.3f}\n" + r"$\frac{1}{2}(y-\hat y)^2$"  # y: the target
    _graph_node(ax, loss_xy, f"$L$ = {result.loss:.3f}", loss_caption, "#DCEBF5")
    # Under each node, clear of the pink labels under the edges: its local gradients.
    z_locals = [r"$\partial z/\partial w_i = x_i$", r"$\partial z/\partial x_i = w_i$"]
    z_locals += [r"$\partial z/\partial b = 1$"] if result.b is not None else []
    for (x, y), local_gradients in (
        (z_xy, z_locals),
        (y_hat_xy, [r"$\partial\hat y/\partial z = \hat y(1-\hat y)$"]),
        (loss_xy, [r"$\partial L/\partial \hat y = \hat y - y$"]),
    ):
        text = "\n".join(["local:", *local_gradients])
        ax.text(x, y - 0.9, text, ha="center", va="top", fontsize=10, color=LOCAL_COLOR)
    key = "← pink, on each edge: the gradient flowing back = upstream × local"
    ax.text(12, top - 0.1, key, ha="right", va="top", fontsize=10, color=GRADIENT_COLOR)
    # Edges into z end at points spread along its left side, so arrowheads do not pile up.
    ends = np.linspace(0.18, -0.18, rows)
    upstream = _three_decimals(result.dL_dz)
    for row, (node_text, gradient_name, local, gradient) in enumerate(sources):
        y = rows - 1 - row
        _graph_node(ax, (0.75, y), node_text)
        _graph_edge(
            ax,
            (0.75 + half, y),
            (z_xy[0] - half - 0.05, middle + ends[row]),
            f"{gradient_name} = {_product(upstream, local, gradient)}",
            label_at=0.47,
        )
    _graph_edge(
        ax,
        (z_xy[0] + half, middle),
        (y_hat_xy[0] - half - 0.05, middle),
        r"$\partial L/\partial z$ = "
        + _product(_three_decimals(result.dL_dyhat), result.dyhat_dz, result.dL_dz),
        label_at=0.5,
        label_below=0.45,
    )
    _graph_edge(
        ax,
        (y_hat_xy[0] + half, middle),
        (loss_xy[0] - half - 0.05, middle),
        r"$\partial L/\partial \hat y$ = " + _product("1", result.dL_dyhat, result.dL_dyhat),
        label_at=0.5,
        label_below=0.45,
    )
    if title:
        ax.set_title(title)
    return fig


def describe_descent(path, diverged_at, loss: Callable = u_loss) -> str:
    """``final w = … · final loss = …``, or ``diverged at step N`` (lesson 04)."""
    path, diverged_at, loss = _descent(path, diverged_at, loss)
    if diverged_at is not None:
        return f"diverged at step {diverged_at}"
    text = f"final w = {path[-1]:.3f} · final loss = {float(loss(path[-1])):.3f}"
    step_sizes = np.abs(np.diff(path))
    if step_sizes.size >= 2 and step_sizes[-1] > step_sizes[-2]:
        text += " · the steps are growing: diverging"
    return text


def _descent(path, diverged_at, loss) -> tuple[np.ndarray, int | None, Callable]:
    """A path of gradient descent, the step it diverged at (or None) and the loss function."""
    path = valid.array(path, "path", ndim=1)
    if diverged_at is not None:
        diverged_at = valid.count(diverged_at, "diverged_at (a step number)", 1, valid.MAX_EPOCHS)
    return path, diverged_at, valid.function(loss, "loss", "a function of w, like u_loss")


def _name_divergence_in_corner(ax, step: int) -> None:
    """Write "diverged / at step N" in the lower right corner of a lesson 04 panel.

    Not across the middle, where a diverging path runs.  The corner stays empty:
    on the loss curve it lies below the parabola, and every step is a chord of
    the parabola, above it; on the log loss-per-step axes the loss of a
    diverging run climbs to the upper right.  Two short lines keep the box
    narrow enough to fit there.
    """
    ax.text(
        0.97,
        0.04,
        f"diverged\nat step {step}",
        transform=ax.transAxes,
        ha="right",
        va="bottom",
        multialignment="center",
        fontsize=10,
        color=DIVERGED_COLOR,
        fontweight="bold",
        bbox={"facecolor": "white", "edgecolor": DIVERGED_COLOR},
        zorder=5,
    )


def plot_descent_path(path, diverged_at=None, ax=None, loss: Callable = u_loss, title=None):
    """The loss curve with the steps of gradient descent drawn on it (lesson 04).

    The view is centred on the minimum and wide enough for the start and the
    first step, so an overshoot shows; later points that fly off are clipped.
    A diverged run is named in the panel's lower right corner, clear of the path.
    """
    path, diverged_at, loss = _descent(path, diverged_at, loss)
    if valid.axes(ax) is None:
        _, ax = new_axes()
    half_width = 1.5 * abs(path[0] - CURVE_MINIMUM) or 1.0
    if path.size > 1:
        half_width = max(half_width, 1.15 * abs(path[1] - CURVE_MINIMUM))
    w_grid = np.linspace(CURVE_MINIMUM - half_width, CURVE_MINIMUM + half_width, 200)
    curve = loss(w_grid)
    ax.plot(w_grid, curve, color="#888888", lw=1.5, label="loss L(w)")
    ax.plot(path, loss(path), "-o", color=LINE_COLOR, ms=4, lw=1.2, label="steps")
    ax.plot(path[:1], loss(path[:1]), "o", color="black", ms=7, label="start")
    ax.set_xlim(w_grid[0], w_grid[-1])
    ax.set_ylim(-0.05 * curve.max(), 1.1 * curve.max())
    ax.set(xlabel="$w$", ylabel="loss $L$")
    if title:
        ax.set_title(title)
    ax.legend(loc="upper center", ncols=3, handletextpad=0.2, columnspacing=0.8)
    if diverged_at is not None:
        _name_divergence_in_corner(ax, diverged_at)
    return ax


def compare_learning_rates(learning_rates=(0.5, 5, 50, 5e-10), steps: int = 20):
    """Lesson 04's side-by-side panels: the same curve, one learning rate per panel.

    Returns the figure; every panel says where its descent ended (3 decimals)
    or at which step it diverged.
    """
    learning_rates = valid.sequence(learning_rates, "learning_rates", "(0.5, 5, 50, 5e-10)", 4)
    if len(learning_rates) != 4:
        raise ValueError(f"expected 4 learning rates (a 2×2 grid), got {len(learning_rates)}")
    learning_rates = [valid.learning_rate(rate) for rate in learning_rates]
    steps = valid.epochs(steps, "steps")
    fig, axes = new_axes(ncols=2, nrows=2, width=10.0, height=7.6)
    for ax, learning_rate in zip(axes.ravel(), learning_rates, strict=True):
        path, diverged_at = gradient_descent_1d(u_loss_gradient, CURVE_START, learning_rate, steps)
        plot_descent_path(path, diverged_at, ax=ax, title=f"α = {learning_rate:g}, {steps} steps")
        if diverged_at is None:
            ax.text(
                0.5,
                0.62,
                describe_descent(path, diverged_at).replace(" · ", "\n"),
                transform=ax.transAxes,
                ha="center",
                fontsize=9,
            )
    return fig


def neuron_formula(W, b, feature_names: Sequence[str]) -> str:
    """The function a neuron computes, written out: ``z = 0.100·x1 + 0.600·x2 − 0.200`` (lesson 05).

    One term per weight, each named by ``feature_names``, values to 3 decimals.
    """
    W = valid.array(W, "W", ndim=None)
    # One row only: ravelling a 2-row W would write two neurons' weights as one formula.
    if W.ndim not in (1, 2) or (W.ndim == 2 and W.shape[0] != 1) or W.size == 0:
        raise ValueError(
            f"W must be one neuron's weights, shape (1, n_in) or (n_in,), got {W.shape}"
        )
    W = W.ravel()
    b = valid.array(0.0 if b is None else b, "b", ndim=None)
    if b.size != 1:
        raise ValueError(f"b must be a single number, got shape {b.shape}")
    b = b.item()
    feature_names = valid.names(feature_names, "feature_names", '["x1", "x2"]')
    if len(feature_names) != W.size:
        raise ValueError(f"need one name per weight: {W.size} weights, {len(feature_names)} names")
    text = f"z = {'−' if W[0] < 0 else ''}{abs(W[0]):.3f}·{feature_names[0]}"
    for weight, name in zip(W[1:], feature_names[1:], strict=True):
        text += f" {'−' if weight < 0 else '+'} {abs(weight):.3f}·{name}"
    return text + f" {'−' if b < 0 else '+'} {abs(b):.3f}"


def draw_quadrants(ax) -> None:
    """Draw the axes x1 = 0 and x2 = 0 and the sign of x1·x2 in each quadrant (lesson 06).

    The signs sit on top of the points (with a white outline, so they stay
    readable over many of them), centred at (±0.5, ±0.5): made for points in
    the square [−1, 1]².
    """
    from matplotlib import patheffects

    valid.axes(ax, optional=False)
    ax.axhline(0, color="gray", linewidth=1, zorder=1)
    ax.axvline(0, color="gray", linewidth=1, zorder=1)
    outline = [patheffects.withStroke(linewidth=4, foreground="white")]
    for x1, x2 in ((0.5, 0.5), (-0.5, 0.5), (-0.5, -0.5), (0.5, -0.5)):
        sign = "+" if x1 * x2 > 0 else "−"
        ax.text(
            x1,
            x2,
            sign,
            ha="center",
            va="center",
            fontsize=36,
            fontweight="bold",
            color="dimgray",
            zorder=5,  # above the points (zorder 3)
            path_effects=outline,
        )


def plot_xor_training(costs, layers, X, Y, resolution: int = 200, title: str = "Decision boundary"):
    """Learning curve beside the shaded decision boundary of a trained network (lesson 07).

    Returns the figure of ``draw_training``, which lesson 07's widget shows too.
    """
    return draw_training(costs, lambda P: forward(layers, P), X, Y, title, resolution)[0]


def plot_hidden_units(layers, X, Y, resolution: int = 200):
    """One panel per hidden unit: its activation over the input plane (lesson 07).

    ``layers`` is a network from ``build_network``; the hidden units are the
    outputs of its first two layers (linear, then activation).  The activation
    is shaded in greys (one colour bar for all panels), so that the class
    colours stay reserved for the XOR points; the black line is where it is ½.
    """
    linear = valid.layers(layers, LinearLayer)
    if len(layers) < 4 or not isinstance(layers[0], LinearLayer):
        raise ValueError("plot_hidden_units needs a network with a hidden layer (build_network)")
    X, Y = _points(X, Y, "plot_hidden_units")
    valid.network_fits(linear, X)
    resolution = valid.count(resolution, "resolution", 2, MAX_RESOLUTION)
    n_hidden = layers[0].n_out
    if n_hidden > MAX_PANELS:
        raise ValueError(
            f"plot_hidden_units draws one panel per hidden unit, at most {MAX_PANELS}: "
            f"the hidden layer has {n_hidden} units"
        )
    fig, axes = new_axes(ncols=n_hidden, width=3.2 * n_hidden + 1.0, height=3.4)
    axes = np.atleast_1d(axes)
    G1, G2, grid = _input_plane(X, margin=0.5, resolution=resolution)
    A1 = forward(layers[:2], grid)  # (h, resolution²)
    # vmax above 1: the darkest shade stays mid-grey, so the points remain easy to see.
    shade = {"levels": np.linspace(0, 1, 11), "cmap": "Greys", "vmin": 0.0, "vmax": 1.5}
    for unit, ax in enumerate(axes):
        activation = A1[unit].reshape(G1.shape)
        shading = ax.contourf(G1, G2, activation, **shade)
        if activation.min() < 0.5 < activation.max():
            ax.contour(G1, G2, activation, levels=[0.5], colors="black", linewidths=1.2)
        _draw_points(ax, X, Y)
        ax.set_title(f"hidden unit {unit + 1}")
    # One legend is enough: the classes are the same in each panel.
    axes[0].legend(
        loc="upper center",
        ncols=2,
        handletextpad=0.2,
        borderaxespad=0.1,
        frameon=True,
        facecolor="white",
        framealpha=0.9,
        edgecolor="none",
    )
    fig.colorbar(shading, ax=axes.tolist(), label="activation a", fraction=0.03, pad=0.02)
    return fig


def plot_seed_outcomes(
    costs, outcomes, ax=None, title: str = "Learning curves by outcome", mark_epoch=None
):
    """Learning curves of several starts, one colour per outcome (lesson 07).

    ``costs`` (S, epochs) holds one learning curve per row; ``outcomes`` names
    the outcome of each row.  Curves with the same outcome share a colour and
    one legend entry; the legend sits below the axes, off the curves.  A dashed
    line marks ``mark_epoch`` when one is given.  Returns the axes.
    """
    costs = valid.array(costs, "costs (seeds, epochs)")
    outcomes = valid.names(outcomes, "outcomes", '["solved", "stuck"]')
    if len(outcomes) != costs.shape[0]:
        raise ValueError(
            f"outcomes must name one outcome per row of costs: got {len(outcomes)} "
            f"for {costs.shape[0]} rows"
        )
    if mark_epoch is not None:
        valid.number(mark_epoch, "mark_epoch")  # drawn and named as given: "epoch 5000"
    if valid.axes(ax) is None:
        _, ax = new_axes(width=6.4, height=4.4)
        ax.figure.subplots_adjust(bottom=1.5 / 4.4)  # room for the legend below the axes
    colours = {}
    for row, outcome in zip(costs, outcomes, strict=True):
        first = outcome not in colours
        colours.setdefault(outcome, f"C{len(colours)}")
        ax.plot(np.arange(row.size), row, color=colours[outcome], label=outcome if first else None)
    if mark_epoch is not None:
        ax.axvline(
            mark_epoch, color="black", linewidth=0.8, linestyle="--", label=f"epoch {mark_epoch}"
        )
    ax.set(title=title, xlabel="epoch", ylabel="cost J")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=1, frameon=False)
    return ax


def plot_outputs_by_number(layers, numbers, X, Y, ax=None, title: str = "Output per number"):
    """The network's output for each number beside the label it should give (lesson 08).

    ``numbers`` (m,) are what the columns of X (n_features, m) encode, ``Y`` (1, m) their labels.
    """
    linear = valid.layers(layers, LinearLayer)
    X, Y = valid.data(X, Y)
    valid.network_fits(linear, X, Y)
    numbers = valid.array(numbers, "numbers", ndim=1)
    if numbers.size != X.shape[1]:
        raise ValueError(
            f"numbers must give one number per column of X: {X.shape[1]} columns, "
            f"{numbers.size} numbers"
        )
    if valid.axes(ax) is None:
        _, ax = new_axes()
    Y_hat = forward(layers, X).ravel()
    ax.plot(numbers, Y_hat, color=LINE_COLOR, marker=".", label="network output ŷ")
    labels = np.asarray(Y).ravel()
    for cls, name in ((0, "even (y = 0)"), (1, "odd (y = 1)")):
        mask = labels == cls
        ax.scatter(
            numbers[mask],
            labels[mask],
            c=CLASS_COLORS[cls],
            marker=CLASS_MARKERS[cls],
            edgecolors="black",
            linewidths=0.8,
            label=name,
            zorder=3,
        )
    ax.axhline(0.5, color="black", linewidth=0.8, linestyle="--")
    # Room above the labels for a one-row legend, so it never covers the output line.
    ax.set(title=title, xlabel="number", ylabel="output", ylim=(-0.1, 1.35))
    ax.legend(loc="upper center", ncols=3, handletextpad=0.2, columnspacing=0.8)
    return ax
