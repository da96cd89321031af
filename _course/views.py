"""The function behind each lesson's widget: settings in, ``(figure, text)`` out.

Each view is a plain function of its slider values, with defaults that are the
lesson's own setup, so it can be unit-tested and timed without a browser.  The
training views call the lesson's own ``train`` on the lesson's own layers: a
widget shows exactly the numbers the lesson computes for the same settings.
Called by a widget, their figures are drawn off pyplot (``offscreen_figures``),
so the widget can draw the neighbouring settings in the background.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from _course import validation as valid
from _course.figures import (
    _INCHES_PER_CELL,
    LINE_COLOR,
    _draw_matrix,
    _name_divergence_in_corner,
    _shapes_layout,
    describe_descent,
    draw_training,
    new_axes,
    plot_descent_path,
)
from nn_helpers import (
    CURVE_START,
    XOR_SEED,
    add_cross_feature,
    count_parameters,
    describe_forward_shapes,
    forward,
    gradient_descent_1d,
    or_gate,
    single_neuron,
    train,
    u_loss,
    u_loss_gradient,
    xor_gate,
    xor_network,
)

# The setup of lessons 02–06: the widgets retrain from exactly these values, so the
# only difference a learner sees is the one they made.
LESSON02_WEIGHTS = (0.1, 0.6)  # w1, w2 of the neuron of lessons 02 and 05
LESSON06_START_W = (*LESSON02_WEIGHTS, 0.2)  # … and w3 for the cross x1·x2 (lesson 06)
LESSON05_START_B = 0.0  # the starting bias of lessons 03, 05 and 06
# The largest layer size and m that lesson 01's figure draws (its sliders go up to 8): at 32
# everywhere the figure is about 22 × 22 inches, one 0.2-inch square per number.
# (``forward_shapes`` itself computes shapes of any size; only the drawing is bounded.)
MAX_VIEW_SIZE = 32
# Why one neuron without the cross makes no progress on XOR (lesson 06, sections 6.2 and 6.8).
NO_LINE_SEPARATES_XOR = (
    "one neuron without the cross draws one straight line, and no straight line separates "
    "XOR (it is not linearly separable), whatever the learning rate"
)
ONE_HIDDEN_UNIT = (
    "one hidden unit draws one straight line for the output to work with, and no straight "
    "line separates XOR: it needs at least two, whatever the learning rate"
)


def forward_shapes_view(
    n_features: int = 3, hidden_1: int = 4, hidden_2: int = 0, n_outputs: int = 1, m: int = 5
):
    """Lesson 01's widget: every matrix of the forward pass drawn to scale, one row per layer.

    ``hidden_2 = 0`` means no second hidden layer (the default is worked example
    A, a 3-4-1 network on 5 examples).  Returns ``(fig, text)``; the text lists
    every shape and the number of parameters.  Every size and ``m`` is at most
    ``MAX_VIEW_SIZE`` (32), so the figure stays small enough to render.
    """
    n_features = valid.count(n_features, "n_features (layer size 1)", 1, MAX_VIEW_SIZE)
    hidden_1 = valid.count(hidden_1, "hidden_1 (layer size 2)", 1, MAX_VIEW_SIZE)
    hidden_2 = valid.count(
        hidden_2, "hidden_2 (layer size 3, 0 for no second hidden layer)", 0, MAX_VIEW_SIZE
    )
    n_outputs = valid.count(n_outputs, "n_outputs (the last layer size)", 1, MAX_VIEW_SIZE)
    m = valid.count(m, "m (the number of examples)", 1, MAX_VIEW_SIZE)
    sizes = [n_features, hidden_1] + ([hidden_2] if hidden_2 else []) + [n_outputs]
    items, width, height = _shapes_layout(sizes, m)
    # Figure size from the content at a fixed size per cell; at least wide enough for the title.
    title_inches, cell = 0.7, _INCHES_PER_CELL
    fig_width = max(5.5, (width + 2) * cell)
    fig_height = (height + 1.8) * cell + title_inches  # 0.8 cell of air under the title
    fig, ax = new_axes(width=fig_width, height=fig_height)
    fig.subplots_adjust(left=0, right=1, bottom=0, top=1 - title_inches / fig_height)
    # Axis limits that fill the axes exactly, one unit per cell, content in the top-left corner.
    ax.set_xlim(-1, fig_width / cell - 1)
    ax.set_ylim(-(height + 1), 0.8)
    ax.set_aspect("equal")
    ax.axis("off")
    for item in items:
        _draw_matrix(ax, *item)
    # The ·, + and = between the matrices of each layer, on the layer's centre line.
    for i in range(0, len(items), 4):
        row = items[i : i + 4]
        centre = row[0][3] + row[0][4] / 2
        for (_, _, x, _, _, cols), sign in zip(row[:3], ("·", "+", "="), strict=True):
            ax.text(x + cols + 1.0, centre, sign, ha="center", va="center", fontsize=14)
    name = "-".join(str(n) for n in sizes)
    examples = f"m = {m} example" + ("" if m == 1 else "s")
    ax.set_title(
        f"{name} network on {examples}: W·A + b = Z in every layer\n"
        "one square = one number · one column of X, A, Z = one example",
        loc="left",
        x=0.02,
    )
    text = f"{name} network, {examples}: {count_parameters(sizes)} parameters\n"
    return fig, text + describe_forward_shapes(sizes, m)


def median_seconds(f: Callable[[], object], repeats: int = 25, number: int = 20) -> float:
    """Seconds per call of ``f()``: median of ``repeats`` timings of ``number`` calls (lesson 05).

    The median ignores the odd slow run (another program taking the CPU), so two
    functions timed this way can be compared.  Uses ``time.perf_counter``.
    """
    import time

    repeats = valid.count(repeats, "repeats", 1, 1000)
    number = valid.count(number, "number", 1, 10_000)
    if not callable(f):
        raise ValueError(f"f must be a function of no arguments, got {f!r}")
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            f()
        timings.append((time.perf_counter() - start) / number)
    return float(np.median(timings))


def _neuron_training_view(X, Y, W, b, learning_rate, epochs, features, title, **why):
    """Train one sigmoid neuron from (W, b) on features(X) with ``train``: ``(fig, text)``.

    ``why`` may hold the ``stuck_reason`` of ``draw_training``.
    """
    layers = single_neuron(W, b)
    costs = train(layers, features(X), Y, learning_rate, epochs)
    return draw_training(costs, lambda P: forward(layers, features(P)), X, Y, title, **why)


def batch_training_view(learning_rate=1.0, epochs=5000):
    """Lesson 05 widget: the OR neuron retrained from W = (0.1, 0.6), b = 0.

    Returns ``(fig, text)``: learning curve and shaded decision boundary, and
    ``final cost = … · accuracy = …``.
    """
    X, Y = or_gate()
    return _neuron_training_view(
        X,
        Y,
        LESSON02_WEIGHTS,
        LESSON05_START_B,
        learning_rate,
        epochs,
        features=lambda P: P,
        title="Decision boundary on OR",
    )


def feature_cross_view(learning_rate=1.0, epochs=5000, use_cross=True):
    """Lesson 06 widget: one neuron on XOR, with or without the cross x1·x2.

    Retrains from w = (0.1, 0.6, 0.2) with the cross, (0.1, 0.6) without,
    b = 0.  Returns ``(fig, text)`` as ``batch_training_view`` does.  Without
    the cross, "no progress" names the cause: whatever the learning rate, one
    neuron draws one straight line, and no straight line separates XOR.
    """
    use_cross = valid.boolean(use_cross, "use_cross")
    X, Y = xor_gate()
    if use_cross:
        start_W, features, title = LESSON06_START_W, add_cross_feature, "XOR with the cross x₁·x₂"
        why = {}
    else:
        start_W, features, title = LESSON02_WEIGHTS, (lambda P: P), "XOR without a cross"
        why = {"stuck_reason": NO_LINE_SEPARATES_XOR}
    return _neuron_training_view(
        X, Y, start_W, LESSON05_START_B, learning_rate, epochs, features, title, **why
    )


def learning_rate_view(learning_rate: float = 5.0, steps: int = 20):
    """Lesson 04's widget: the path on the curve and the loss per step, for one α.

    Returns ``(fig, text)``; the text says where the descent ended or at which
    step it diverged.  The loss per step is on a log scale: a loss that grows
    (or shrinks) by the same factor every step is a straight line, and the steps
    before a divergence do not flatten against the axis.
    """
    path, diverged_at = gradient_descent_1d(u_loss_gradient, CURVE_START, learning_rate, steps)
    fig, (ax_path, ax_loss) = new_axes(ncols=2, width=10.0)
    plot_descent_path(path, diverged_at, ax=ax_path, title="Steps on the loss curve")
    losses = u_loss(path)
    # A loss of exactly 0 (landing on w*) has no place on a log axis: leave that point out.
    positive = np.where(losses > 0, losses, np.nan)
    ax_loss.plot(np.arange(path.size), positive, "-o", color=LINE_COLOR, ms=3)
    ax_loss.set_yscale("log")
    # At least two decades tall: a loss that barely moves stays a flat line, not zoomed-in noise.
    low, high = np.nanmin(positive), np.nanmax(positive)
    ax_loss.set_ylim(min(low, high / 100) / 2, high * 2)
    if np.any(losses == 0):
        ax_loss.text(
            0.97,
            0.95,
            f"loss exactly 0 from step {np.flatnonzero(losses == 0)[0]}\n(not drawn: log scale)",
            transform=ax_loss.transAxes,
            ha="right",
            va="top",
            fontsize=9,
        )
    ax_loss.set(title="Loss per step", xlabel="step", ylabel="loss $L$ (log scale)")
    ax_loss.set_xlim(-0.5, steps + 0.5)
    ax_loss.xaxis.get_major_locator().set_params(integer=True)  # steps are whole numbers
    if diverged_at is not None:
        _name_divergence_in_corner(ax_loss, diverged_at)
    return fig, describe_descent(path, diverged_at)


def hidden_layer_view(learning_rate=1.0, epochs=5000, hidden_units=3, seed=XOR_SEED):
    """Lesson 07 widget: train a 2-h-1 sigmoid network on XOR from a seeded Xavier start.

    Every call starts again from the weights of ``seed`` and trains them with
    ``train``, exactly as section 7.8 does.  Returns ``(figure, text)`` of
    ``draw_training``: learning curve and decision boundary, final cost and accuracy.
    With one hidden unit, "no progress" names the cause: one line cannot separate XOR.
    """
    X, Y = xor_gate()
    layers = xor_network(seed, hidden_units)
    costs = train(layers, X, Y, learning_rate, epochs)
    why = {"stuck_reason": ONE_HIDDEN_UNIT} if hidden_units == 1 else {}
    return draw_training(costs, lambda P: forward(layers, P), X, Y, "Decision boundary", **why)
