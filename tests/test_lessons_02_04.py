"""Helpers of lessons 02–04: one neuron's graph, the bias, the learning rate."""

import math

import matplotlib
import numpy as np
import pytest

import nn_helpers as nh

matplotlib.use("Agg")
pytestmark = pytest.mark.filterwarnings("error")


SETUP_W = np.array([0.1, 0.6])


def figure_texts(fig) -> list[str]:
    """Every text drawn on the figure's axes, line breaks read as spaces."""
    return [text.get_text().replace("\n", " ") for ax in fig.axes for text in ax.texts]


def label_covers_a_line(ax, label) -> bool:
    """True if the box of ``label`` covers any visible point of a line drawn on ``ax``.

    Every segment is sampled densely in display coordinates (where it is drawn
    straight, whatever the axis scale), so a label sitting on a segment between
    two markers counts too.
    """

    def inside(bbox, points):
        return (
            (points[:, 0] >= bbox.x0)
            & (points[:, 0] <= bbox.x1)
            & (points[:, 1] >= bbox.y0)
            & (points[:, 1] <= bbox.y1)
        )

    renderer = ax.figure.canvas.get_renderer()
    box = label.get_bbox_patch().get_window_extent(renderer)
    axes_box = ax.get_window_extent(renderer)
    for line in ax.lines:
        xy = np.column_stack(line.get_data()).astype(float)
        points = ax.transData.transform(xy[np.isfinite(xy).all(axis=1)])
        if points.shape[0] > 1:
            t = np.linspace(0, 1, 200)[:, None]
            pairs = zip(points[:-1], points[1:], strict=True)
            points = np.concatenate([a + t * (b - a) for a, b in pairs])
        if inside(box, points[inside(axes_box, points)]).any():
            return True
    return False


# --- lesson 02: neuron_forward_backward ------------------------------------


def test_first_or_example_by_hand():
    """x = (0, 0), y = 0: z = 0, ŷ = ½, L = ⅛, and both weight gradients are zero."""
    g = nh.neuron_forward_backward([0.0, 0.0], SETUP_W, 0.0)
    assert g.z == 0.0 and g.y_hat == 0.5 and g.loss == 0.125
    assert g.dL_dyhat == 0.5 and g.dyhat_dz == 0.25 and g.dL_dz == 0.125
    np.testing.assert_array_equal(g.dz_dw, [0.0, 0.0])
    np.testing.assert_array_equal(g.dL_dw, [0.0, 0.0])
    np.testing.assert_allclose(g.dL_dx, 0.125 * SETUP_W)
    assert g.b is None and g.dL_db is None


def test_fourth_or_example_by_hand():
    """x = (1, 1), y = 1: z = 0.7, ∂L/∂wᵢ = ∂L/∂z · 1, worked out with math only."""
    g = nh.neuron_forward_backward([1.0, 1.0], SETUP_W, 1.0)
    s = 1 / (1 + math.exp(-0.7))
    assert g.z == pytest.approx(0.7)
    assert g.y_hat == pytest.approx(s)
    assert g.loss == pytest.approx(0.5 * (1 - s) ** 2)
    assert g.dL_dz == pytest.approx((s - 1) * s * (1 - s))
    np.testing.assert_allclose(g.dL_dw, [g.dL_dz, g.dL_dz])


def test_bias_gradient_is_the_gradient_at_z():
    g = nh.neuron_forward_backward([0.0, 0.0], SETUP_W, 0.0, b=0.0)
    assert g.dL_db == g.dL_dz == 0.125
    moved = nh.neuron_forward_backward([0.0, 0.0], SETUP_W, 0.0, b=-0.125)
    assert moved.z == -0.125 and moved.loss < g.loss


def test_matches_the_layer_classes():
    """The same neuron as LinearLayer + SigmoidLayer with the cost of one example."""
    x, w, y, b = np.array([0.3, -1.2, 2.0]), np.array([0.5, 0.1, -0.4]), 1.0, 0.2
    g = nh.neuron_forward_backward(x, w, y, b)
    layers = nh.single_neuron(w, b)
    Y_hat = nh.forward(layers, x.reshape(-1, 1))
    cost, dY_hat = nh.squared_error_cost([[y]], Y_hat)
    nh.backward(layers, dY_hat)
    assert cost == pytest.approx(g.loss)
    np.testing.assert_allclose(layers[0].dW.ravel(), g.dL_dw)
    assert layers[0].db[0, 0] == pytest.approx(g.dL_db)


@pytest.mark.parametrize("b", [None, 0.0, -0.7])
@pytest.mark.parametrize("x, y", [([0, 0], 0), ([0, 1], 1), ([1, 0], 1), ([1, 1], 1)])
def test_every_gradient_agrees_with_finite_differences(x, y, b):
    g = nh.neuron_forward_backward(x, SETUP_W, y, b)
    numeric = nh.neuron_finite_differences(x, SETUP_W, y, b)
    assert set(numeric) == {"dL_dyhat", "dyhat_dz", "dL_dz", "dL_dw", "dL_dx"} | (
        set() if b is None else {"dL_db"}
    )
    for key, estimate in numeric.items():
        np.testing.assert_allclose(getattr(g, key), estimate, rtol=1e-6, atol=1e-9)
    assert nh.check_neuron_gradients(g, verbose=False)


def test_check_neuron_gradients_prints_every_gradient(capsys):
    g = nh.neuron_forward_backward([0, 0], SETUP_W, 0, b=0.0)
    assert nh.check_neuron_gradients(g)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 + 6  # header + one line per gradient
    assert all(line.endswith("agree") for line in lines[1:])
    assert "-0.000" not in "\n".join(lines)


def test_check_neuron_gradients_catches_a_wrong_gradient(capsys):
    g = nh.neuron_forward_backward([1, 1], SETUP_W, 1)
    wrong = nh.NeuronGradients(**{**g.__dict__, "dL_dz": 2 * g.dL_dz})
    assert not nh.check_neuron_gradients(wrong)
    assert "DISAGREE" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args, message",
    [
        (([0, 0, 0], [0.1, 0.6], 0), "same length"),
        (([[0, 0]], [[0.1, 0.6]], 0), "1-D"),
        (([0, 0], [0.1, 0.6], [0, 1]), "single number"),
        (([0, np.nan], [0.1, 0.6], 0), "NaN"),
        (([0, 0], [0.1, 0.6], 0, [0.0, 1.0]), "b must be"),
    ],
)
def test_neuron_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        nh.neuron_forward_backward(*args)


# --- lesson 02: draw_neuron_graph -------------------------------------------


def test_graph_without_bias_has_the_expected_labels():
    g = nh.neuron_forward_backward([0, 0], SETUP_W, 0)
    fig = nh.draw_neuron_graph(g, title="first example")
    texts = figure_texts(fig)
    joined = "\n".join(texts)
    for node in ("$x_1$ = 0.000", "$w_1$ = 0.100", "$x_2$ = 0.000", "$w_2$ = 0.600"):
        assert node in texts
    assert "$z$ = 0.000" in texts
    assert r"$\hat y$ = 0.500" in texts
    assert "$L$ = 0.125" in texts
    for gradient in (
        r"← $\partial L/\partial w_1$ = 0.000",
        r"← $\partial L/\partial w_2$ = 0.000",
        r"← $\partial L/\partial z$ = 0.125",
        r"← $\partial L/\partial \hat y$ = 0.500",
    ):
        assert gradient in texts
    assert r"\partial L/\partial b" not in joined and "$b$" not in joined
    assert fig.axes[0].get_title() == "first example"


def test_graph_with_bias_and_gradient_colour():
    g = nh.neuron_forward_backward([0, 0], SETUP_W, 0, b=0.0)
    fig = nh.draw_neuron_graph(g)
    ax = fig.axes[0]
    texts = {text.get_text(): text for text in ax.texts}
    assert "$b$ = 0.000" in texts
    bias_gradient = texts[r"← $\partial L/\partial b$ = 0.125"]
    assert matplotlib.colors.same_color(bias_gradient.get_color(), nh.GRADIENT_COLOR)
    assert "$w_1x_1 + w_2x_2 + b$" in texts
    fig.canvas.draw()  # mathtext in every label must render


def test_graph_works_for_three_inputs():
    g = nh.neuron_forward_backward([1, 2, 3], [0.1, 0.2, 0.3], 1, b=0.5)
    texts = figure_texts(nh.draw_neuron_graph(g))
    assert "$x_3$ = 3.000" in texts and "$w_3$ = 0.300" in texts


def test_graph_refuses_anything_else():
    with pytest.raises(ValueError, match="neuron_forward_backward"):
        nh.draw_neuron_graph({"z": 0.0})


# --- lesson 03: the neuron without a bias -----------------------------------


def test_no_bias_layer_keeps_its_bias_at_zero_while_training():
    X, Y = nh.or_gate()
    layers = nh.single_neuron(SETUP_W)
    assert isinstance(layers[0], nh.NoBiasLinearLayer)
    costs = nh.train(layers, X, Y, learning_rate=1.0, epochs=200)
    assert costs[-1] < costs[0]
    np.testing.assert_array_equal(layers[0].b, [[0.0]])
    assert nh.forward(layers, np.zeros((2, 1)))[0, 0] == 0.5  # tied to the origin
    assert list(layers[0].params()) == ["W"] and list(layers[0].grads()) == ["W"]
    assert nh.check_network_gradients(layers, X, Y, verbose=False)


def test_single_neuron_with_bias_starts_where_asked_and_learns_or():
    X, Y = nh.or_gate()
    layers = nh.single_neuron(SETUP_W, b=0.0)
    np.testing.assert_array_equal(layers[0].W, [[0.1, 0.6]])
    np.testing.assert_array_equal(layers[0].b, [[0.0]])
    nh.train(layers, X, Y, learning_rate=1.0, epochs=5000)
    assert nh.accuracy(nh.predict(layers, X), Y) == 1.0
    assert nh.check_network_gradients(layers, X, Y, verbose=False)


def test_without_bias_or_stays_at_three_of_four():
    X, Y = nh.or_gate()
    layers = nh.single_neuron(SETUP_W)
    nh.train(layers, X, Y, learning_rate=1.0, epochs=5000)
    assert nh.accuracy(nh.predict(layers, X), Y) == 0.75


def test_single_neuron_bad_input():
    with pytest.raises(ValueError, match="1-D"):
        nh.single_neuron([[0.1, 0.6]])
    with pytest.raises(ValueError, match="single number"):
        nh.single_neuron(SETUP_W, b=[0.0, 0.0])
    with pytest.raises(ValueError, match="learning_rate"):
        nh.single_neuron(SETUP_W)[0].update_params(0)


# --- lesson 04: the learning rate -------------------------------------------


def test_u_loss_values():
    assert nh.u_loss(nh.CURVE_MINIMUM) == 0.0
    assert nh.u_loss(nh.CURVE_MINIMUM + 2) == pytest.approx(4 * nh.CURVE_A)


@pytest.mark.parametrize("w", [nh.CURVE_START, 0.3, 7.0])
def test_u_loss_gradient_agrees_with_finite_differences(w):
    theta = np.array([w])
    numeric = nh.numerical_gradient(lambda: float(nh.u_loss(theta[0])), theta)
    assert numeric[0] == pytest.approx(float(nh.u_loss_gradient(w)), rel=1e-6)


def test_the_four_learning_rates_behave_as_the_lesson_says():
    """Slow, fast, diverges, barely moves: what lesson 04's prose claims."""
    distance = {}
    for learning_rate in (0.5, 5, 50, 5e-10):
        path, diverged_at = nh.gradient_descent_1d(
            nh.u_loss_gradient, nh.CURVE_START, learning_rate, 20
        )
        distance[learning_rate] = (abs(path[-1] - nh.CURVE_MINIMUM), diverged_at)
    start_distance = abs(nh.CURVE_START - nh.CURVE_MINIMUM)
    assert distance[0.5][1] is None and 0.1 < distance[0.5][0] < 0.9 * start_distance
    assert distance[5][1] is None and distance[5][0] < 5e-4
    assert distance[50][1] is not None and distance[50][1] <= 20
    assert distance[5e-10][1] is None and start_distance - distance[5e-10][0] < 5e-4
    # The condition of section 4.4: converges exactly for α < 1/a.
    assert 5 < 1 / nh.CURVE_A < 50


def test_gradient_descent_1d_path_matches_the_closed_form():
    factor = 1 - 2 * nh.CURVE_A * 0.5
    path, diverged_at = nh.gradient_descent_1d(nh.u_loss_gradient, nh.CURVE_START, 0.5, 7)
    expected = nh.CURVE_MINIMUM + factor ** np.arange(8) * (nh.CURVE_START - nh.CURVE_MINIMUM)
    np.testing.assert_allclose(path, expected)
    assert diverged_at is None


def test_divergence_stops_cleanly_without_warnings():
    """Even a gradient that overflows stops at the bound, with no RuntimeWarning."""
    path, diverged_at = nh.gradient_descent_1d(
        lambda w: np.exp(np.float64(w)) * 1e300, 1.0, 1e5, 50
    )
    assert diverged_at == 1 and path.tolist() == [1.0]
    path, diverged_at = nh.gradient_descent_1d(nh.u_loss_gradient, nh.CURVE_START, 100.0, 50)
    assert diverged_at is not None
    assert np.isfinite(path).all() and np.abs(path).max() <= nh.DIVERGENCE_BOUND
    assert path.size == diverged_at  # w0 … w_(diverged_at − 1)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"learning_rate": 0}, "learning_rate"),
        ({"learning_rate": -1.0}, "learning_rate"),
        ({"learning_rate": float("inf")}, "learning_rate"),
        ({"steps": 0}, "steps"),
        ({"steps": 2.5}, "steps"),
        ({"w0": float("nan")}, "w0"),
        ({"w0": [1, 2]}, r"w0 must be one number \(the starting w\), got shape \(2,\)"),
        ({"w0": []}, "w0 must be one number"),
    ],
)
def test_gradient_descent_1d_bad_input(kwargs, message):
    args = {"w0": nh.CURVE_START, "learning_rate": 0.5, "steps": 5} | kwargs
    with pytest.raises(ValueError, match=message):
        nh.gradient_descent_1d(nh.u_loss_gradient, **args)


def test_describe_descent():
    assert nh.describe_descent(np.array([1.0]), 4) == "diverged at step 4"
    assert nh.describe_descent(np.array([nh.CURVE_MINIMUM]), None) == (
        "final w = 2.000 · final loss = 0.000"
    )
    assert nh.describe_descent(np.array([1.5, 2.6, 1.2]), None).endswith("diverging")


def test_plot_descent_path_marks_divergence():
    path, diverged_at = nh.gradient_descent_1d(nh.u_loss_gradient, nh.CURVE_START, 50, 20)
    ax = nh.plot_descent_path(path, diverged_at, title="α = 50")
    assert f"diverged at step {diverged_at}" in figure_texts(ax.figure)
    lo, hi = ax.get_xlim()
    assert lo < path[1] < hi  # the first overshoot stays in view
    with pytest.raises(ValueError, match="non-empty"):
        nh.plot_descent_path([])


def test_compare_learning_rates_names_each_outcome():
    fig = nh.compare_learning_rates()
    assert len(fig.axes) == 4
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == [f"α = {lr:g}, 20 steps" for lr in (0.5, 5, 50, 5e-10)]
    texts = figure_texts(fig)
    assert sum(text.startswith("diverged at step") for text in texts) == 1
    assert sum(text.startswith("final w") for text in texts) == 3
    with pytest.raises(ValueError, match="4 learning rates"):
        nh.compare_learning_rates((0.5, 5))


def test_learning_rate_view_defaults():
    fig, text = nh.learning_rate_view()
    assert isinstance(fig, matplotlib.figure.Figure) and len(fig.axes) == 2
    assert text == "final w = 2.000 · final loss = 0.000"


@pytest.mark.parametrize("learning_rate", [5e-10, 20.0, 500.0])
@pytest.mark.parametrize("steps", [1, 50])
def test_learning_rate_view_extreme_slider_ends(learning_rate, steps):
    fig, text = nh.learning_rate_view(learning_rate=learning_rate, steps=steps)
    assert text
    nh.render_png(fig)  # draws without warnings


def test_learning_rate_view_names_divergence():
    fig, text = nh.learning_rate_view(learning_rate=100.0, steps=50)
    assert text.startswith("diverged at step")
    assert text in figure_texts(fig)  # named on the figure too


@pytest.mark.parametrize("learning_rate", [21.1, 28.1, 50.0, 500.0])
@pytest.mark.parametrize("steps", [9, 20, 50])
def test_divergence_label_leaves_the_path_and_the_loss_visible(learning_rate, steps):
    """The review found the label over the α = 50 path: it now sits in a corner of each panel."""
    fig, text = nh.learning_rate_view(learning_rate=learning_rate, steps=steps)
    fig.canvas.draw()
    labels = [t for ax in fig.axes for t in ax.texts if t.get_text().startswith("diverged")]
    assert len(labels) == (2 if text.startswith("diverged") else 0)
    for label in labels:
        assert not label_covers_a_line(label.axes, label), f"α = {learning_rate}, {steps} steps"


def test_compare_learning_rates_label_leaves_the_path_visible():
    fig = nh.compare_learning_rates()
    fig.canvas.draw()
    (label,) = [t for ax in fig.axes for t in ax.texts if t.get_text().startswith("diverged")]
    assert not label_covers_a_line(label.axes, label)


def test_learning_rate_view_loss_per_step_is_on_a_log_scale():
    """A diverging loss grows by a factor each step: linear axes flatten every step but the last."""
    fig, _ = nh.learning_rate_view(learning_rate=50.0, steps=20)
    ax_loss = fig.axes[1]
    assert ax_loss.get_yscale() == "log"
    low, high = ax_loss.get_ylim()
    losses = ax_loss.lines[0].get_ydata()
    assert low <= losses.min() and losses.max() <= high
    # α = 5e-10 barely moves: the axis still spans two decades, so the line looks flat.
    fig, _ = nh.learning_rate_view(learning_rate=5e-10, steps=20)
    low, high = fig.axes[1].get_ylim()
    assert high / low >= 100


def test_learning_rate_view_notes_a_loss_of_exactly_zero():
    fig, text = nh.learning_rate_view(learning_rate=10.0, steps=5)  # 1/(2a): lands on w* exactly
    assert text == "final w = 2.000 · final loss = 0.000"
    assert any(t.startswith("loss exactly 0 from step 1") for t in figure_texts(fig))
    nh.render_png(fig)  # no warning about non-positive values on the log axis


def test_lesson_04_slider_stops_on_the_lessons_learning_rates():
    """4 notches a decade from 5e-10: 5e-10, 0.5, 5, 50 and 500 are notches.

    A notch is 10 ** (min + k·step) in floating point — 4.999999999999999 for 5 —
    so the view uses α to the slider's 3 significant digits.
    """
    pytest.importorskip("ipywidgets")
    slider = nh.log_slider("learning rate α", 5e-10, 500, value=5.0)
    assert slider.value == 5.0
    notches = []
    for k in range(round((slider.max - slider.min) / slider.step) + 1):
        slider.value = 10 ** (slider.min + k * slider.step)  # one notch at a time
        notches.append(float(f"{slider.value:.3g}"))
    for learning_rate in (5e-10, 0.5, 5.0, 50.0, 500.0):
        assert learning_rate in notches
    assert 10 ** (slider.min + 40 * slider.step) != 5.0  # why the view rounds
    for raw, shown in ((10 ** (slider.min + 40 * slider.step), 5.0), (10**slider.max, 500.0)):
        assert nh.learning_rate_view(raw, 20)[1] == nh.learning_rate_view(shown, 20)[1]


def test_learning_rate_widget_builds():
    pytest.importorskip("ipywidgets")
    box = nh.interactive_figure(
        nh.learning_rate_view,
        learning_rate=nh.log_slider("learning rate α", 5e-10, 500, value=5.0),
        steps=nh.int_slider("steps", 1, 50, value=20),
    )
    slider, steps, text_area, image = box.children
    assert "learning rate α = 5 · steps = 20" in text_area.value
    slider.value = 500.0
    assert "diverged at step" in text_area.value
    steps.value = 1
    assert bytes(image.value).startswith(b"\x89PNG")


# --- exercises 02.1 – 04.3 ----------------------------------------------------

KEYS = ["02.1", "02.2", "02.3", "03.1", "03.2", "04.1", "04.2", "04.3"]


@pytest.mark.parametrize("key", KEYS)
def test_exercise_rounded_solution_is_right_and_a_wrong_number_is_not(key):
    solution = float(nh.EXERCISES[key].solve())
    assert nh.judge(key, round(solution, 3)) == "right"
    assert nh.judge(key, solution + 1.0) == "wrong"


@pytest.mark.parametrize("key", KEYS)
def test_check_never_prints_the_answer(key, capsys):
    solution = float(nh.EXERCISES[key].solve())
    for answer in (..., solution, solution + 1.0, solution + 0.004):
        nh.check(key, answer)
    out = capsys.readouterr().out
    assert (
        out.splitlines()[0]
        == f"Exercise {key}: replace ... with your answer and run this cell again."
    )
    for shown in {f"{solution:.3f}", f"{solution:g}", repr(solution)}:
        assert shown not in out


def test_exercise_values_follow_from_the_setup():
    assert nh.EXERCISES["02.2"].solve() == 0.0  # x1 = 0 for the example (0, 1)
    full_step = nh.neuron_forward_backward([0, 0], SETUP_W, 0, b=-0.125).loss  # α = 1
    assert full_step < nh.EXERCISES["03.1"].solve() < 0.125  # a half step falls less
    second = nh.EXERCISES["03.2"].solve()
    assert 0 < second < 0.125  # the second step's gradient is smaller


# Independent answers: each worked out here another way than its solve() does.


def sigmoid_by_hand(z):
    return 1 / (1 + math.exp(-z))


def test_exercise_02_1_by_hand():
    """x = (0, 1), y = 1: z = w2 = 0.6 and ∂L/∂w2 = (ŷ − y)·ŷ(1 − ŷ)·x2 with x2 = 1."""
    y_hat = sigmoid_by_hand(0.6)
    assert nh.judge("02.1", (y_hat - 1) * y_hat * (1 - y_hat) * 1) == "right"


def test_exercise_02_3_by_hand():
    """x = (1, 1), y = 1: z = w1 + w2 = 0.7 and ∂L/∂z = (ŷ − y)·ŷ(1 − ŷ)."""
    y_hat = sigmoid_by_hand(0.1 + 0.6)
    assert nh.judge("02.3", (y_hat - 1) * y_hat * (1 - y_hat)) == "right"


def curvature_of_the_lesson_curve():
    """a of L(w) = a(w − w*)², read off the loss itself: L(w* + 1) − L(w*) = a."""
    w_star = nh.CURVE_MINIMUM
    return float(nh.u_loss(w_star + 1.0) - nh.u_loss(w_star))


def distance_after(learning_rate, steps=50):
    """|w − w*| after ``steps`` steps taken in plain Python, gradient by central differences."""
    w, h = nh.CURVE_START, 1e-4
    for _ in range(steps):
        gradient = float(nh.u_loss(w + h) - nh.u_loss(w - h)) / (2 * h)  # exact on a parabola
        w -= learning_rate * gradient
    return abs(w - nh.CURVE_MINIMUM)


def test_exercise_04_1_is_the_edge_between_shrinking_and_growing_steps():
    """Closed form 1/a, and by bisection: below it |w − w*| shrinks, above it grows."""
    a = curvature_of_the_lesson_curve()
    assert nh.judge("04.1", 1 / a) == "right"
    start = abs(nh.CURVE_START - nh.CURVE_MINIMUM)
    low, high = 1e-3, 1e3  # shrinks at low, grows at high
    assert distance_after(low) < start < distance_after(high)
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if distance_after(middle) < start else (low, middle)
    assert nh.judge("04.1", low) == "right"


def test_exercise_04_2_lands_on_the_minimum_in_one_step():
    """Closed form 1/(2a), and the α that makes one step w0 − α·L'(w0) equal w*."""
    a = curvature_of_the_lesson_curve()
    assert nh.judge("04.2", 1 / (2 * a)) == "right"
    h = 1e-4
    gradient = float(nh.u_loss(nh.CURVE_START + h) - nh.u_loss(nh.CURVE_START - h)) / (2 * h)
    assert nh.judge("04.2", (nh.CURVE_START - nh.CURVE_MINIMUM) / gradient) == "right"


def test_exercise_04_3_closed_form():
    """w4 = w* + (1 − 2aα)⁴(w0 − w*) with α = 0.5."""
    a, w_star, w0 = curvature_of_the_lesson_curve(), nh.CURVE_MINIMUM, nh.CURVE_START
    assert nh.judge("04.3", w_star + (1 - 2 * a * 0.5) ** 4 * (w0 - w_star)) == "right"


def test_gradient_descent_1d_accepts_a_one_element_start():
    path, _ = nh.gradient_descent_1d(nh.u_loss_gradient, [nh.CURVE_START], 0.5, 1)
    assert path[0] == nh.CURVE_START
