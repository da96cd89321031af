"""The figures of the lessons (_course/figures.py, re-exported by nn_helpers).

What a figure must show is read back from its artists: titles, texts, lines,
the shaded regions; labels must not cover the lines they describe.
"""

import math
import re

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
from matplotlib.collections import LineCollection, PathCollection  # noqa: E402
from matplotlib.contour import ContourSet  # noqa: E402
from matplotlib.patches import Circle  # noqa: E402

import nn_helpers as nn  # noqa: E402
from _course import figures  # noqa: E402

pytestmark = pytest.mark.filterwarnings("error")

SETUP_W = np.array([0.1, 0.6])


def figure_texts(fig) -> list[str]:
    """Every text drawn on the figure's axes, line breaks read as spaces."""
    return [text.get_text().replace("\n", " ") for ax in fig.axes for text in ax.texts]


def label_covers_a_line(ax, label) -> bool:
    """True if the box of ``label`` covers any visible point of a line drawn on ``ax``.

    Segments are sampled densely in display coordinates, so a label sitting on a
    segment between two markers counts too.
    """

    def inside(box, points):
        x, y = points[:, 0], points[:, 1]
        return (x >= box.x0) & (x <= box.x1) & (y >= box.y0) & (y <= box.y1)

    renderer = ax.figure.canvas.get_renderer()
    box = label.get_bbox_patch().get_window_extent(renderer)
    axes_box = ax.get_window_extent(renderer)
    for line in ax.lines:
        xy = np.column_stack(line.get_data()).astype(float)
        points = ax.transData.transform(xy[np.isfinite(xy).all(axis=1)])
        if points.shape[0] > 1:
            t = np.linspace(0, 1, 200)[:, None]
            points = np.concatenate(
                [a + t * (b - a) for a, b in zip(points[:-1], points[1:], strict=True)]
            )
        if inside(box, points[inside(axes_box, points)]).any():
            return True
    return False


# --- the common figures -------------------------------------------------------------------------


def test_new_axes_gives_one_axes_or_a_row_of_them():
    fig, ax = nn.new_axes()
    assert isinstance(ax, matplotlib.axes.Axes) and ax.figure is fig
    fig, axes = nn.new_axes(ncols=2)
    assert axes.shape == (2,) and fig.get_size_inches()[0] == pytest.approx(2 * figures.FIGSIZE[0])


def test_plot_learning_curve_draws_the_costs():
    costs = np.linspace(0.3, 0.01, 25)
    ax = nn.plot_learning_curve(costs, title="XOR")
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("XOR", "epoch", "cost J")
    (line,) = ax.get_lines()
    np.testing.assert_array_equal(line.get_ydata(), costs)
    assert nn.plot_learning_curve(costs, ax=ax, label="second") is ax
    assert len(ax.get_lines()) == 2 and ax.get_legend() is not None


def test_plot_decision_boundary_draws_shading_contour_and_both_classes():
    X, Y = nn.xor_gate()
    layers = nn.xor_network()
    nn.train(layers, X, Y, 1.0, 3000)
    ax = nn.plot_decision_boundary(lambda P: nn.forward(layers, P), X, Y, title="t", resolution=40)
    assert ax.get_title() == "t"
    contours = [c for c in ax.get_children() if isinstance(c, ContourSet)]
    assert len(contours) == 2  # the shading and the 0.5 line
    scatters = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert [len(s.get_offsets()) for s in scatters] == [2, 2]
    assert len({tuple(s.get_facecolor()[0]) for s in scatters}) == 2  # two colours …
    assert len({s.get_paths()[0].vertices.tobytes() for s in scatters}) == 2  # … two markers
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["class 0", "class 1"]


def test_plot_decision_boundary_shades_by_the_rule_of_predict():
    """Class 1 where the output is at least 0.5, as predict says, even for outputs near ½."""
    X, Y = nn.xor_gate()
    ax = nn.plot_decision_boundary(lambda P: 0.5 + 1e-3 * (P[0:1] - 0.5), X, Y, resolution=41)
    class_0, class_1 = ax.collections[0].get_paths()
    assert [class_1.contains_point(x) for x in X.T] == [False, False, True, True]
    assert [class_0.contains_point(x) for x in X.T] == [True, True, False, False]


def test_a_model_with_one_answer_everywhere_is_one_class_not_split_by_noise():
    """One neuron on XOR settles at ŷ = ½ ± 1e-17: one shade, one class in the accuracy."""
    X, Y = nn.xor_gate()

    def noisy_half(P):
        return 0.5 + 1e-17 * np.sign(P[0:1] - P[1:2])  # the noise alone would draw a diagonal

    fig, text = nn.draw_training(np.linspace(0.13, 0.125, 5), noisy_half, X, Y)
    class_0, class_1 = fig.axes[1].collections[0].get_paths()
    assert all(class_1.contains_point(x) and not class_0.contains_point(x) for x in X.T)
    assert not fig.axes[1].lines and "accuracy = 50%" in text


def test_plot_decision_boundary_refuses_bad_x_before_calling_the_model():
    def never_called(P):
        raise AssertionError("predict_proba called on bad input")

    with pytest.raises(ValueError, match=r"\(2, m\)"):
        nn.plot_decision_boundary(never_called, np.zeros((3, 4)), np.zeros((1, 4)))


def test_describe_progress_names_a_rise_a_stall_and_divergence_but_not_learning():
    assert nn.describe_progress([0.2, 0.15, 0.1, 0.05]) is None
    assert nn.describe_progress([0.2, 0.1, 0.1015, 0.05]) is None  # a wobble below 1% of the start
    assert nn.describe_progress([0.2, 0.199, 0.195]).startswith("no progress")
    assert nn.describe_progress([0.132] + [0.125] * 99).startswith("no progress")  # XOR's ⅛
    assert nn.describe_progress(np.linspace(0.089, 0.072, 5000)) is None  # slow but under way
    assert nn.describe_progress([0.2]) is None  # one epoch says nothing
    for costs, epoch in (([0.2, math.nan], 1), ([0.2, 0.1, math.inf, math.nan], 2)):
        assert nn.describe_progress(costs).startswith("diverged") and f"epoch {epoch}" in (
            nn.describe_progress(costs)
        )


def test_a_rise_that_stopped_is_unstable_at_first_and_says_how_the_run_ended():
    """Only a rise in the last quarter is plain "unstable"; "unstable" beside a run that
    ends low (lesson 05 at α = 100 ends at 100%) would contradict the picture."""
    settled = [0.2, 0.3] + list(np.geomspace(0.1, 1e-4, 98))
    assert nn.describe_progress(settled) == (
        "unstable at first, then settled: the cost rose at epoch 1 (steps too large), "
        "then fell to 0.0001"
    )
    bounces = [0.2, 0.3, 0.1] * 10
    assert nn.describe_progress(bounces).startswith(
        "unstable: the cost rose at times between epochs 1 and 28,"
    )
    stuck_after_rising = [0.13, 0.2, 0.14] + [0.125] * 97
    verdict = nn.describe_progress(stuck_after_rising)
    assert verdict.startswith("unstable at first, then no progress: the cost rose at epoch 1")
    assert "learning rate" not in verdict  # a learning rate that made the cost rise is not small


def test_a_plateau_is_a_flat_tail_well_above_zero_whatever_its_level():
    """Seed 158 on the 1/16 plateau (0.0636, just under half its start 0.129) used to pass
    as learning, while seed 38 on the same plateau was "no progress"."""
    for start, level in ((0.1287, 0.0636), (0.1253, 0.0638), (0.1266, 0.125)):
        costs = np.concatenate([np.linspace(start, level * 1.02, 2000), np.full(3001, level)])
        assert nn.describe_progress(costs) == (
            f"no progress: the cost stayed at {level:.3f} through the last quarter of training, "
            f"{figures.STUCK_REASON}"
        )
    # Near zero a flat tail is a trained model, and a cost halving per quarter is learning.
    assert nn.describe_progress(np.full(100, 0.0005) + np.r_[0.09, np.zeros(99)]) is None
    assert nn.describe_progress(0.1 / np.arange(1, 5002)) is None
    reason = nn.describe_progress([0.13] + [0.125] * 9, stuck_reason="no line separates XOR")
    assert reason.endswith("training, no line separates XOR")


def test_cost_text_shows_small_costs_to_4_significant_digits():
    assert figures.cost_text(0.08886) == "0.089"
    assert figures.cost_text(0.0005276) == "0.0005276"  # not "0.001"
    assert figures.cost_text(4.555e-06) == "4.555e-06"


def test_mark_progress_names_the_verdict_in_the_title_only_when_there_is_one():
    for costs, title in (
        ([0.2, 0.3, 0.1, 0.3], "Learning curve: unstable"),
        ([0.2, 0.3, 0.1, 0.001], "Learning curve: unstable at first, then settled"),
        ([0.2, 0.1], None),
    ):
        _, ax = nn.new_axes()
        ax.set_title("Learning curve")
        verdict = nn.mark_progress(ax, costs)
        assert ax.get_title() == (title or "Learning curve")
        assert (verdict is None) == (title is None)


def test_draw_training_reports_the_cost_and_accuracy_of_the_outputs():
    X, Y = nn.or_gate()
    Y_hat = np.array([[0.2, 0.7, 0.9, 0.4]])  # the last example is wrong: 3 of 4 right

    def outputs(P):
        return Y_hat if P.shape[1] == 4 else np.full((1, P.shape[1]), 0.7)

    fig, text = nn.draw_training(np.array([0.3, 0.2, 0.1]), outputs, X, Y, "t")
    cost_by_hand = (0.2**2 + 0.3**2 + 0.1**2 + 0.6**2) / 8
    assert text == f"final cost = {cost_by_hand:.3f} · accuracy = 75%"
    ax_cost, ax_boundary = fig.axes
    assert ax_cost.get_ylim() == pytest.approx((0, 0.3 * figures.COST_HEADROOM))
    assert ax_boundary.get_title() == "t"


def test_draw_training_draws_a_flat_curve_inside_the_axes():
    """A run flat at its first cost used to be drawn on the top edge of the axes."""
    X, Y = nn.xor_gate()
    fig, _ = nn.draw_training(np.full(10, 0.125), lambda P: np.full((1, P.shape[1]), 0.5), X, Y)
    low, high = fig.axes[0].get_ylim()
    assert low == 0 and 0.125 <= (high - low) * 0.9


def test_draw_training_names_a_stall_in_the_text_and_the_title():
    X, Y = nn.xor_gate()
    costs = np.full(10, 0.125)
    fig, text = nn.draw_training(costs, lambda P: np.full((1, P.shape[1]), 0.5), X, Y)
    assert text.split("\n") == ["final cost = 0.125 · accuracy = 50%", nn.describe_progress(costs)]
    assert fig.axes[0].get_title().endswith(": no progress")


def test_render_png_gives_png_bytes_and_closes_the_figure():
    from _course.widgets import render_png

    plt = matplotlib.pyplot
    plt.close("all")
    fig, ax = nn.new_axes()
    ax.plot([0, 1], [1, 0])
    assert render_png(fig).startswith(b"\x89PNG\r\n\x1a\n")
    assert plt.get_fignums() == []


# --- lesson 01: the network diagram -------------------------------------------------------------


def diagram_columns(fig):
    """The unit circles of a network diagram, one list per layer, left to right."""
    columns = {}
    for patch in fig.axes[0].patches:
        if isinstance(patch, Circle):
            columns.setdefault(round(patch.center[0], 6), []).append(patch)
    return [columns[x] for x in sorted(columns)]


@pytest.mark.parametrize(
    ("sizes", "names"),
    [
        ([3, 4, 1], ["input layer 3 units", "hidden layer 4 units", "output layer 1 unit"]),
        ([5, 3, 5, 4], ["input layer 5 units", "hidden layer 1 3 units"]),
        ([1, 1], ["input layer 1 unit", "output layer 1 unit"]),
    ],
)
def test_draw_network_draws_every_layer_its_units_and_every_edge(sizes, names):
    fig = nn.draw_network(sizes)
    ax = fig.axes[0]
    columns = diagram_columns(fig)
    assert [len(column) for column in columns] == sizes
    texts = figure_texts(fig)
    assert [text for text in texts if " layer" in text][: len(names)] == names
    assert ax.get_title() == "-".join(str(n) for n in sizes) + " network"
    # Each unit carries its name: x_i for the data, a^[l]_i in a hidden layer, ŷ at the output.
    label_at = {tuple(np.round(t.get_position(), 6)): t.get_text() for t in ax.texts}
    name_of = [[label_at[tuple(np.round(c.center, 6))] for c in column] for column in columns]
    assert name_of[0] == [f"$x_{{{i}}}$" for i in range(1, sizes[0] + 1)]
    outputs = [r"$\hat y$"] if sizes[-1] == 1 else [rf"$\hat y_{{{i}}}$" for i in (1, 2, 3, 4)]
    assert name_of[-1] == outputs
    for layer, column in enumerate(name_of[1:-1], start=1):
        assert column == [f"$a^{{[{layer}]}}_{{{i}}}$" for i in range(1, len(column) + 1)]
    # Fully connected: one edge from every unit to every unit of the next layer, no other.
    (edges,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    drawn = {tuple(map(tuple, np.round(segment, 6))) for segment in edges.get_segments()}
    centres = [[tuple(np.round(c.center, 6)) for c in column] for column in columns]
    pairs = zip(centres[:-1], centres[1:], strict=True)
    wanted = {(a, b) for left, right in pairs for a in left for b in right}
    assert drawn == wanted and len(edges.get_segments()) == len(wanted)
    for layer in range(1, len(sizes)):
        W, b = f"$W^{{[{layer}]}}$ {(sizes[layer], sizes[layer - 1])}", f"$b^{{[{layer}]}}$"
        assert f"{W} {b} {(sizes[layer], 1)}" in texts
    fig.canvas.draw()  # every mathtext label renders


def test_draw_network_names_two_hidden_layers_apart_and_takes_a_title():
    fig = nn.draw_network([5, 3, 5, 4], title="example B")
    names = [text for text in figure_texts(fig) if " layer" in text]
    assert names == [
        "input layer 5 units",
        "hidden layer 1 3 units",
        "hidden layer 2 5 units",
        "output layer 4 units",
    ]
    assert fig.axes[0].get_title() == "example B"


# --- lesson 02: the graph of one neuron ---------------------------------------------------------


def test_neuron_graph_without_a_bias_shows_every_value_and_gradient():
    g = nn.neuron_forward_backward([0, 0], SETUP_W, 0)
    fig = nn.draw_neuron_graph(g, title="first example")
    texts = figure_texts(fig)
    expected = ["$x_1$ = 0.000", "$w_1$ = 0.100", "$x_2$ = 0.000", "$w_2$ = 0.600"]
    expected += ["$z$ = 0.000", r"$\hat y$ = 0.500", "$L$ = 0.125"]
    expected += [r"← $\partial L/\partial w_1$ = 0.125 × 0.000 = 0.000"]
    expected += [r"← $\partial L/\partial x_1$ = 0.125 × 0.100 = 0.013"]
    expected += [r"← $\partial L/\partial z$ = 0.500 × 0.250 = 0.125"]
    expected += [r"← $\partial L/\partial \hat y$ = 1 × 0.500 = 0.500"]
    assert set(expected) <= set(texts)
    assert not any("$b$" in text or r"\partial b" in text for text in texts)
    assert fig.axes[0].get_title() == "first example"


GRADIENT_LABEL = re.compile(r"← \$\\partial L/\\partial (.+)\$ = (\S+) × \(?([^)\s]+)\)? = (\S+)")


def gradient_labels(fig) -> dict[str, tuple[float, float, float]]:
    """Each pink label ``← ∂L/∂v = upstream × local = product``: v → (upstream, local, product)."""
    labels = {}
    for text in fig.axes[0].texts:
        match = GRADIENT_LABEL.fullmatch(text.get_text())
        if match:
            assert matplotlib.colors.same_color(text.get_color(), figures.GRADIENT_COLOR)
            labels[match[1]] = tuple(float(number) for number in match.groups()[1:])
    return labels


@pytest.mark.parametrize(
    ("x", "w", "y", "b"), [([0, 0], SETUP_W, 0, None), ([1, -2], [-0.4, 0.3], 1, 0.7)]
)
def test_every_edge_of_the_graph_shows_upstream_times_local_and_the_local_gradients(x, w, y, b):
    g = nn.neuron_forward_backward(x, w, y, b=b)
    fig = nn.draw_neuron_graph(g)
    labels = gradient_labels(fig)
    names = [r"\hat y", "z", *(f"{v}_{i}" for i in (1, 2) for v in "xw")]
    assert sorted(labels) == sorted(names + ([] if b is None else ["b"]))
    for upstream, local, product in labels.values():
        rounding = 5e-4 * (abs(upstream) + abs(local) + 1.01)  # each number to 3 decimals
        assert product == pytest.approx(upstream * local, abs=rounding)
    # The upstream of each edge is the gradient of the edge ahead; ∂L/∂L = 1 at the loss.
    assert labels[r"\hat y"][0] == 1 and labels["z"][0] == labels[r"\hat y"][2]
    assert all(labels[name][0] == labels["z"][2] for name in labels if name not in ("z", r"\hat y"))
    # The local gradients: σ'(z), the loss's ŷ − y, and each weight's input, each input's weight.
    assert labels["z"][1] == pytest.approx(g.dyhat_dz, abs=5e-4)
    assert labels[r"\hat y"][1] == pytest.approx(g.y_hat - g.y, abs=5e-4)
    for i in (1, 2):
        assert labels[f"w_{i}"][1] == pytest.approx(g.x[i - 1], abs=5e-4)
        assert labels[f"x_{i}"][1] == pytest.approx(g.w[i - 1], abs=5e-4)
    local = [t.get_text() for t in fig.axes[0].texts if t.get_color() == figures.LOCAL_COLOR]
    assert len(local) == 3 and all(text.startswith("local:") for text in local)
    assert (r"$\partial z/\partial b = 1$" in local[0]) == (b is not None)
    fig.canvas.draw()  # every mathtext label renders


def test_neuron_graph_with_a_bias_draws_its_gradient_in_the_gradient_colour():
    fig = nn.draw_neuron_graph(nn.neuron_forward_backward([0, 0], SETUP_W, 0, b=0.0))
    texts = {text.get_text(): text for text in fig.axes[0].texts}
    assert "$b$ = 0.000" in texts and "$w_1x_1 + w_2x_2 + b$" in texts
    colour = texts[r"← $\partial L/\partial b$ = 0.125 × 1 = 0.125"].get_color()
    assert matplotlib.colors.same_color(colour, figures.GRADIENT_COLOR)
    fig.canvas.draw()  # every mathtext label renders
    three = nn.neuron_forward_backward([1, 2, 3], [0.1, 0.2, 0.3], 1, b=0.5)
    assert {"$x_3$ = 3.000", "$w_3$ = 0.300"} <= set(figure_texts(nn.draw_neuron_graph(three)))


def test_check_neuron_gradients_prints_every_gradient_and_catches_a_wrong_one(capsys):
    g = nn.neuron_forward_backward([0, 0], SETUP_W, 0, b=0.0)
    assert nn.check_neuron_gradients(g)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 + 6 and all(line.endswith("agree") for line in lines[1:])
    assert "-0.000" not in "\n".join(lines)
    wrong = nn.NeuronGradients(**{**g.__dict__, "dL_dz": 2 * g.dL_dz + 0.1})
    assert not nn.check_neuron_gradients(wrong)
    assert "DISAGREE" in capsys.readouterr().out


# --- lesson 04: descent on the curve ------------------------------------------------------------


def test_describe_descent():
    assert nn.describe_descent(np.array([1.0]), 4) == "diverged at step 4"
    assert nn.describe_descent(np.array([nn.CURVE_MINIMUM]), None) == (
        "final w = 2.000 · final loss = 0.000"
    )
    assert nn.describe_descent(np.array([1.5, 2.6, 1.2]), None).endswith("diverging")


def test_plot_descent_path_names_divergence_and_keeps_the_first_overshoot_in_view():
    path, diverged_at = nn.gradient_descent_1d(nn.u_loss_gradient, nn.CURVE_START, 50, 20)
    ax = nn.plot_descent_path(path, diverged_at, title="α = 50")
    assert f"diverged at step {diverged_at}" in figure_texts(ax.figure)
    low, high = ax.get_xlim()
    assert low < path[1] < high


def test_compare_learning_rates_names_each_outcome_and_leaves_the_path_visible():
    fig = nn.compare_learning_rates()
    assert [ax.get_title() for ax in fig.axes] == [
        f"α = {lr:g}, 20 steps" for lr in (0.5, 5, 50, 5e-10)
    ]
    texts = figure_texts(fig)
    assert sum(text.startswith("diverged at step") for text in texts) == 1
    assert sum(text.startswith("final w") for text in texts) == 3
    fig.canvas.draw()
    (label,) = [t for ax in fig.axes for t in ax.texts if t.get_text().startswith("diverged")]
    assert not label_covers_a_line(label.axes, label)


@pytest.mark.parametrize("learning_rate", [21.1, 28.1, 50.0, 500.0])
@pytest.mark.parametrize("steps", [9, 20, 50])
def test_lesson_04_widget_names_divergence_off_the_path_and_the_loss(learning_rate, steps):
    fig, text = nn.learning_rate_view(learning_rate=learning_rate, steps=steps)
    fig.canvas.draw()
    labels = [t for ax in fig.axes for t in ax.texts if t.get_text().startswith("diverged")]
    assert len(labels) == (2 if text.startswith("diverged") else 0)
    assert "diverg" in text  # diverged at step …, or: the steps are growing: diverging
    for label in labels:
        assert not label_covers_a_line(label.axes, label), f"α = {learning_rate}, {steps} steps"


def test_lesson_04_widget_draws_the_loss_on_a_log_scale_at_least_two_decades_tall():
    fig, _ = nn.learning_rate_view(learning_rate=50.0, steps=20)
    ax_loss = fig.axes[1]
    assert ax_loss.get_yscale() == "log"
    low, high = ax_loss.get_ylim()
    losses = ax_loss.lines[0].get_ydata()
    assert low <= losses.min() and losses.max() <= high
    fig, _ = nn.learning_rate_view(learning_rate=5e-10, steps=20)  # barely moves: a flat line
    low, high = fig.axes[1].get_ylim()
    assert high / low >= 100


def test_lesson_04_widget_notes_a_loss_of_exactly_zero():
    fig, text = nn.learning_rate_view(learning_rate=10.0, steps=5)  # 1/(2a): lands on w*
    assert text == "final w = 2.000 · final loss = 0.000"
    assert any(t.startswith("loss exactly 0 from step 1") for t in figure_texts(fig))


# --- lessons 05–06 ------------------------------------------------------------------------------


def test_neuron_formula_writes_signs_and_three_decimals():
    text = nn.neuron_formula([[5.4731, -0.6, -11.3917]], [[-2.6239]], ["x1", "x2", "x1·x2"])
    assert text == "z = 5.473·x1 − 0.600·x2 − 11.392·x1·x2 − 2.624"
    assert nn.neuron_formula([-0.1], 0.5, ["x"]) == "z = −0.100·x + 0.500"


def test_draw_quadrants_writes_the_four_signs_above_the_points():
    _, ax = nn.new_axes()
    nn.plot_points([[0.5, -0.5], [0.5, 0.5]], [[0, 1]], ax=ax)
    nn.draw_quadrants(ax)
    assert sorted(text.get_text() for text in ax.texts) == ["+", "+", "−", "−"]
    assert len(ax.lines) == 2  # the axes x1 = 0 and x2 = 0
    points = max(collection.get_zorder() for collection in ax.collections)
    assert all(text.get_zorder() > points for text in ax.texts)


# --- lessons 07–08 ------------------------------------------------------------------------------


def test_plot_xor_training_is_the_figure_of_draw_training():
    X, Y = nn.xor_gate()
    layers = nn.xor_network(0)
    costs = nn.train(layers, X, Y, 1.0, 50)
    fig = nn.plot_xor_training(costs, layers, X, Y, resolution=20, title="t")
    ax_cost, ax_boundary = fig.axes[:2]
    assert ax_cost.get_xlabel() == "epoch" and ax_boundary.get_title() == "t"
    np.testing.assert_array_equal(ax_cost.lines[0].get_ydata(), costs)


@pytest.mark.parametrize("hidden_units", [1, 3, 5])
def test_plot_hidden_units_draws_one_grey_panel_per_hidden_unit(hidden_units):
    X, Y = nn.xor_gate()
    fig = nn.plot_hidden_units(nn.xor_network(0, hidden_units), X, Y, resolution=20)
    panels, colour_bar = fig.axes[:-1], fig.axes[-1]
    assert [ax.get_title() for ax in panels] == [
        f"hidden unit {u + 1}" for u in range(hidden_units)
    ]
    assert colour_bar.get_ylabel() == "activation a"
    assert [ax.get_legend() is not None for ax in panels] == [True] + [False] * (hidden_units - 1)
    shading = panels[0].collections[0]
    assert shading.get_cmap().name == "Greys"
    assert 0 <= shading.get_array().min() and shading.get_array().max() <= 1


def test_plot_seed_outcomes_gives_one_colour_and_one_legend_entry_per_outcome():
    costs = np.array([[3.0, 2.0, 1.0], [3.0, 2.5, 2.0], [3.0, 1.0, 0.5], [2.0, 2.0, 2.0]])
    ax = nn.plot_seed_outcomes(costs, ["solved", "slow", "solved", "stuck"], mark_epoch=1)
    colours = [line.get_color() for line in ax.lines[:4]]
    assert colours[0] == colours[2] and len({colours[0], colours[1], colours[3]}) == 3
    np.testing.assert_array_equal(ax.lines[1].get_ydata(), costs[1])
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels == ["solved", "slow", "stuck", "epoch 1"]
    assert ax.lines[4].get_xdata()[0] == 1  # the dashed mark


def test_plot_outputs_by_number_draws_the_output_and_both_classes():
    numbers, X, Y = nn.even_odd_numbers(6)
    layers = nn.build_network([1, 2, 1], np.random.default_rng(0))
    ax = nn.plot_outputs_by_number(layers, numbers, X, Y)
    np.testing.assert_array_equal(ax.lines[0].get_ydata(), nn.forward(layers, X).ravel())
    assert len(ax.collections) == 2  # one scatter per class
