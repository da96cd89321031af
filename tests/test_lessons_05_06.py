"""Unit tests of the helpers of lessons 05 (batch gradient descent) and 06 (feature crosses)."""

import re

import matplotlib
import numpy as np
import pytest

import nn_helpers as nn

matplotlib.use("Agg")

pytestmark = pytest.mark.filterwarnings("error")

LESSON_EXERCISES = ["05.1", "05.2", "05.3", "06.1", "06.2", "06.3"]
# The result line, then (when the learning curve shows it) a line naming instability or a stall.
VIEW_TEXT = re.compile(
    r"final cost = \d+\.\d{3} · accuracy = \d+%(\n(unstable|no progress): [^\n]+)?"
)


def random_batch(rng, n_in=3, m=7):
    """W (1, n_in), b (1, 1), X (n_in, m), Y (1, m) with 0/1 labels."""
    W = rng.normal(size=(1, n_in))
    b = rng.normal(size=(1, 1))
    X = rng.normal(size=(n_in, m))
    Y = (rng.uniform(size=(1, m)) > 0.5).astype(float)
    return W, b, X, Y


# --- the setup -------------------------------------------------------------------


def test_the_starting_values_are_the_curriculum_setup():
    assert nn.LESSON02_WEIGHTS == (0.1, 0.6)  # lesson 05 starts from the neuron of lesson 02
    assert nn.LESSON06_START_W == (0.1, 0.6, 0.2)
    assert nn.LESSON05_START_B == 0.0


# --- batch_gradients and per_example_gradients ----------------------------------


def test_batch_gradients_hand_worked_case():
    """W = 0, b = 0 on OR: every ŷ is ½, so every number can be done by hand."""
    X, Y = nn.or_gate()
    cost, dW, db = nn.batch_gradients(np.zeros((1, 2)), np.zeros((1, 1)), X, Y)
    # J = (1/8) Σ (½ − y)² = (1/8)(4 · ¼); dz = (½ − y)/4 · ¼ = ±1/32.
    assert cost == pytest.approx(0.125)
    np.testing.assert_allclose(dW, [[-1 / 16, -1 / 16]])  # two dz = −1/32 per input
    np.testing.assert_allclose(db, [[1 / 32 - 3 / 32]])


def test_batch_gradients_lesson_05_start():
    W, b, X, Y = nn._lesson05_start()
    cost, dW, db = nn.batch_gradients(W, b, X, Y)
    Y_hat = 1 / (1 + np.exp(-(W @ X + b)))
    assert cost == pytest.approx(np.mean((Y_hat - Y) ** 2) / 2)
    assert db.item() == pytest.approx(np.sum((Y_hat - Y) / 4 * Y_hat * (1 - Y_hat)))
    assert dW.shape == (1, 2) and db.shape == (1, 1)


def test_batch_gradients_match_finite_differences():
    rng = np.random.default_rng(0)
    W, b, X, Y = random_batch(rng)
    _, dW, db = nn.batch_gradients(W, b, X, Y)
    assert nn.gradients_agree(
        dW, nn.numerical_gradient(lambda: nn.batch_gradients(W, b, X, Y)[0], W)
    )
    assert nn.gradients_agree(
        db, nn.numerical_gradient(lambda: nn.batch_gradients(W, b, X, Y)[0], b)
    )


def test_batch_gradients_match_the_layers():
    rng = np.random.default_rng(1)
    W, b, X, Y = random_batch(rng)
    layers = nn.single_neuron(W[0], b)
    cost, dY_hat = nn.squared_error_cost(Y, nn.forward(layers, X))
    nn.backward(layers, dY_hat)
    expected = nn.batch_gradients(W, b, X, Y)
    assert cost == pytest.approx(expected[0])
    np.testing.assert_allclose(layers[0].dW, expected[1])
    np.testing.assert_allclose(layers[0].db, expected[2])


@pytest.mark.parametrize("seed", [2, 3])
def test_the_loop_gives_the_same_numbers_as_the_matrix_form(seed):
    rng = np.random.default_rng(seed)
    W, b, X, Y = random_batch(rng, n_in=2, m=50)
    for looped, vectorized in zip(
        nn.per_example_gradients(W, b, X, Y), nn.batch_gradients(W, b, X, Y), strict=True
    ):
        np.testing.assert_allclose(looped, vectorized, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("gradients", [nn.batch_gradients, nn.per_example_gradients])
@pytest.mark.parametrize(
    "W, b, X, Y, message",
    [
        (
            np.zeros((1, 3)),
            np.zeros((1, 1)),
            np.zeros((2, 4)),
            np.zeros((1, 4)),
            r"\(1, 2\), got \(1, 3\)",
        ),
        (
            np.zeros((1, 2)),
            np.zeros((2, 1)),
            np.zeros((2, 4)),
            np.zeros((1, 4)),
            r"b must have shape \(1, 1\)",
        ),
        (
            np.zeros((1, 2)),
            np.zeros((1, 1)),
            np.zeros((2, 4)),
            np.zeros((1, 3)),
            "same number of examples",
        ),
        (
            np.zeros(2),
            np.zeros((1, 1)),
            np.zeros((2, 4)),
            np.zeros((1, 4)),
            "W must be a 2-D array",
        ),
    ],
)
def test_gradients_refuse_mismatched_shapes(gradients, W, b, X, Y, message):
    with pytest.raises(ValueError, match=message):
        gradients(W, b, X, Y)


# --- median_seconds ----------------------------------------------------------------


def test_median_seconds_times_a_call():
    seconds = nn.median_seconds(lambda: sum(range(100)), repeats=3, number=2)
    assert isinstance(seconds, float) and 0 < seconds < 1


@pytest.mark.parametrize(
    "f, kwargs, message",
    [
        (lambda: None, {"repeats": 0}, "repeats must be a whole number >= 1"),
        (lambda: None, {"number": 1.5}, "number must be a whole number >= 1"),
        (42, {}, "f must be a function"),
    ],
)
def test_median_seconds_refuses_bad_input(f, kwargs, message):
    with pytest.raises(ValueError, match=message):
        nn.median_seconds(f, **kwargs)


# --- rounded_accuracy, neuron_formula, draw_quadrants ------------------------------


def test_rounded_accuracy_ignores_noise_around_a_half():
    Y = np.array([[0.0, 1.0, 1.0, 0.0]])
    Y_hat = 0.5 + np.array([[-1e-16, 1e-16, 1e-16, -1e-16]])  # all "0.500" when printed
    assert nn.accuracy((Y_hat >= 0.5).astype(int), Y) == 1.0  # the noise alone "solves" XOR
    assert nn.rounded_accuracy(Y_hat, Y) == 0.5  # rounded: one constant answer, 2 of 4 right
    assert nn.rounded_accuracy([[0.1, 0.9, 0.7, 0.2]], Y) == 1.0


def test_rounded_accuracy_refuses_mismatched_shapes():
    with pytest.raises(ValueError, match="same shape"):
        nn.rounded_accuracy([[0.5, 0.5]], [[1.0, 0.0, 1.0]])


def test_neuron_formula_writes_signs_and_three_decimals():
    text = nn.neuron_formula([[5.4731, -0.6, -11.3917]], [[-2.6239]], ["x1", "x2", "x1·x2"])
    assert text == "z = 5.473·x1 − 0.600·x2 − 11.392·x1·x2 − 2.624"
    assert nn.neuron_formula([-0.1], 0.5, ["x"]) == "z = −0.100·x + 0.500"


@pytest.mark.parametrize(
    "W, b, names, message",
    [
        ([[0.1, 0.6]], 0.0, ["x1"], "one name per weight: 2 weights, 1 names"),
        ([[0.1]], [1.0, 2.0], ["x1"], "b must be a single number"),
        ([[0.1, 0.6], [0.2, 0.3]], 0.0, ["x1", "x2"], r"one neuron's weights.*\(2, 2\)"),
        ([[[0.1, 0.6]]], 0.0, ["x1", "x2"], r"one neuron's weights.*\(1, 1, 2\)"),
        ([], 0.0, [], r"one neuron's weights.*\(0,\)"),
    ],
)
def test_neuron_formula_refuses_bad_input(W, b, names, message):
    with pytest.raises(ValueError, match=message):
        nn.neuron_formula(W, b, names)


def test_draw_quadrants_writes_the_four_signs():
    _, ax = nn.new_axes()
    nn.draw_quadrants(ax)
    signs = sorted(text.get_text() for text in ax.texts)
    assert signs == ["+", "+", "−", "−"]
    assert len(ax.lines) == 2  # the axes x1 = 0 and x2 = 0


def test_draw_quadrants_puts_the_signs_above_the_points():
    _, ax = nn.new_axes()
    nn.plot_points([[0.5, -0.5], [0.5, 0.5]], [[0, 1]], ax=ax)
    nn.draw_quadrants(ax)
    points = max(collection.get_zorder() for collection in ax.collections)
    assert all(text.get_zorder() > points for text in ax.texts)


# --- draw_training: the figure and the text shared by the widgets of lessons 05–07 ----------


def test_training_view_draws_both_panels_and_reports_cost_and_accuracy():
    X, Y = nn.or_gate()
    Y_hat = np.array([[0.2, 0.7, 0.9, 0.4]])  # the last example is wrong: 3 of 4 right

    def outputs(P):  # Y_hat on the four examples (the plane's shading is not checked here)
        return Y_hat if P.shape[1] == 4 else np.full((1, P.shape[1]), 0.7)

    costs = np.array([0.3, 0.2, 0.1])
    fig, text = nn.draw_training(costs, outputs, X, Y, "t")
    cost_by_hand = ((0.2 - 0) ** 2 + (0.7 - 1) ** 2 + (0.9 - 1) ** 2 + (0.4 - 1) ** 2) / 8
    assert text == f"final cost = {cost_by_hand:.3f} · accuracy = 75%"
    ax_cost, ax_boundary = fig.axes
    assert ax_cost.get_ylim()[0] == 0  # the learning curve starts from a cost of 0
    assert ax_cost.get_xlabel() == "epoch" and ax_boundary.get_title() == "t"


def test_training_view_names_a_stall_in_the_text_and_the_title():
    X, Y = nn.xor_gate()
    costs = np.full(10, 0.125)
    fig, text = nn.draw_training(costs, lambda P: np.full((1, P.shape[1]), 0.5), X, Y)
    first, second = text.split("\n")
    assert first == "final cost = 0.125 · accuracy = 50%"
    assert second == nn.describe_progress(costs)
    assert fig.axes[0].get_title().endswith(": no progress")


def test_training_view_shades_a_stuck_neuron_one_colour():
    """Outputs 0.5 ± 1e-16 are all 0.500 as printed: one shade, no boundary line."""
    X, Y = nn.xor_gate()

    def noisy_half(P):
        return 0.5 + 1e-16 * np.sign(P[0:1] - P[1:2])  # the noise alone would draw a diagonal

    fig, text = nn.draw_training(np.linspace(0.13, 0.125, 5), noisy_half, X, Y)
    ax_boundary = fig.axes[1]
    assert not ax_boundary.lines and len(ax_boundary.collections) == 1 + 2  # shading + 2 classes
    assert "accuracy = 50%" in text


def test_training_view_cost_is_of_the_outputs_not_rounded():
    """The tie rounding is for the shading and the accuracy; the cost takes the raw outputs."""
    X, Y = nn.or_gate()  # Y = 0, 1, 1, 1

    def outputs(P):
        return np.full((1, P.shape[1]), 0.1006)  # 0.101 as printed

    _, text = nn.draw_training(np.array([0.4, 0.3]), outputs, X, Y)
    cost, rounded_cost = (0.1006**2 + 3 * 0.8994**2) / 8, (0.101**2 + 3 * 0.899**2) / 8
    assert f"{cost:.3f}" != f"{rounded_cost:.3f}"  # 0.305 and 0.304
    assert text.startswith(f"final cost = {cost:.3f} ·")


@pytest.mark.parametrize(
    "view", [nn.batch_training_view, nn.feature_cross_view, nn.hidden_layer_view]
)
def test_the_training_widgets_of_lessons_05_to_07_draw_alike(view):
    fig, text = view(epochs=200)
    assert VIEW_TEXT.fullmatch(text), text
    ax_cost, ax_boundary = fig.axes
    assert ax_cost.get_ylim()[0] == 0
    assert ax_boundary.collections[0].get_array() is not None  # the shaded plane


# --- the widget views ---------------------------------------------------------------


@pytest.mark.parametrize("view", [nn.batch_training_view, nn.feature_cross_view])
def test_view_runs_with_its_defaults(view):
    fig, text = view()
    assert isinstance(fig, matplotlib.figure.Figure)
    assert VIEW_TEXT.fullmatch(text), text
    assert text.endswith("accuracy = 100%")
    assert len(fig.axes) == 2  # learning curve and decision boundary


@pytest.mark.parametrize("learning_rate", [1e-3, 100.0])
@pytest.mark.parametrize("epochs", [100, 10000])
def test_views_survive_the_ends_of_the_sliders(learning_rate, epochs):
    """A huge learning rate saturates the sigmoid; nothing may warn or raise."""
    for fig, text in (
        nn.batch_training_view(learning_rate, epochs),
        nn.feature_cross_view(learning_rate, epochs, use_cross=True),
        nn.feature_cross_view(learning_rate, epochs, use_cross=False),
    ):
        assert VIEW_TEXT.fullmatch(text), text
        nn.render_png(fig)


def test_views_retrain_from_the_same_start():
    assert nn.feature_cross_view(0.5, 300)[1] == nn.feature_cross_view(0.5, 300)[1]
    assert nn.batch_training_view(0.5, 300)[1] == nn.batch_training_view(0.5, 300)[1]


def test_batch_training_view_trains_like_the_lesson():
    """The fast path in the view gives the lesson's numbers from train()."""
    W, b, X, Y = nn._lesson05_start()
    layers = nn.single_neuron(W[0], b)
    nn.train(layers, X, Y, 5.0, 3)  # few large steps: the last update changes the cost
    # The view reports the cost after the last update, as the lesson cells print it.
    after = nn.network_cost(layers, X, Y)
    assert nn.batch_training_view(5.0, 3)[1].startswith(f"final cost = {after:.3f}")


def test_feature_cross_view_without_the_cross_stalls():
    _, text = nn.feature_cross_view(use_cross=False)
    assert text.startswith("final cost = 0.125 · accuracy = 50%\nno progress:")


def test_views_refuse_a_non_positive_learning_rate():
    with pytest.raises(ValueError, match="learning_rate"):
        nn.batch_training_view(learning_rate=0.0)
    with pytest.raises(ValueError, match="epochs"):
        nn.feature_cross_view(epochs=0)


# --- the exercises -------------------------------------------------------------------


@pytest.mark.parametrize("key", LESSON_EXERCISES)
def test_exercise_rounded_solution_is_right_and_a_wrong_number_is_not(key):
    answer = nn.EXERCISES[key].solve()
    assert np.isfinite(answer)
    assert nn.judge(key, round(float(answer), 3)) == "right"
    assert nn.judge(key, float(answer) + 0.5) == "wrong"


@pytest.mark.parametrize("key", LESSON_EXERCISES)
def test_check_never_prints_the_answer(key, capsys):
    answer = float(nn.EXERCISES[key].solve())
    nn.check(key, ...)
    assert (
        capsys.readouterr().out
        == f"Exercise {key}: replace ... with your answer and run this cell again.\n"
    )
    for given in (answer + 0.5, answer * 1.01 + 0.001, round(answer, 3)):
        nn.check(key, given)
        out = capsys.readouterr().out
        assert f"{answer:.3f}" not in out and f"{answer:.2f}" not in out


def test_exercise_06_3_matches_what_the_widget_shows():
    _, text = nn.feature_cross_view(learning_rate=0.1, epochs=5000, use_cross=True)
    assert text.startswith(f"final cost = {nn.EXERCISES['06.3'].solve():.3f}")


def test_exercise_06_1_only_the_example_1_1_contributes():
    W, b, X3, Y = nn._lesson06_crossed_start()
    Y_hat = nn.sigmoid(W @ X3 + b)
    dz_11 = (Y_hat[0, 3] - Y[0, 3]) / 4 * Y_hat[0, 3] * (1 - Y_hat[0, 3])
    assert nn.EXERCISES["06.1"].solve() == pytest.approx(dz_11)


# Independent answers: the lessons' setup (typed here from the lesson text, not taken from
# nn_helpers) trained with plain NumPy, sigmoid as 1 / (1 + e^(−z)).

OR_X = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]])
OR_Y = np.array([[0.0, 1.0, 1.0, 1.0]])
XOR_Y = np.array([[0.0, 1.0, 1.0, 0.0]])
XOR_X3 = np.vstack([OR_X, OR_X[0] * OR_X[1]])  # x1, x2 and the cross x1·x2


def plain_sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


def plain_cost(W, b, X, Y):
    return np.sum((plain_sigmoid(W @ X + b) - Y) ** 2) / (2 * X.shape[1])


def plain_descent(W, b, X, Y, learning_rate, epochs):
    """Full-batch gradient descent on J = (1/2m) Σ (ŷ − y)², written out."""
    W, b, m = np.array(W, dtype=float), float(b), X.shape[1]
    for _ in range(epochs):
        Y_hat = plain_sigmoid(W @ X + b)
        dZ = (Y_hat - Y) / m * Y_hat * (1 - Y_hat)
        W, b = W - learning_rate * dZ @ X.T, b - learning_rate * dZ.sum()
    return W, b


def test_exercise_05_1_two_steps_with_plain_numpy():
    W, b = plain_descent([[0.1, 0.6]], 0.0, OR_X, OR_Y, learning_rate=1.0, epochs=2)
    assert nn.judge("05.1", plain_cost(W, b, OR_X, OR_Y)) == "right"


def test_exercise_05_2_one_half_step_with_plain_numpy():
    W, b = plain_descent([[0.1, 0.6]], 0.0, OR_X, OR_Y, learning_rate=0.5, epochs=1)
    assert nn.judge("05.2", plain_cost(W, b, OR_X, OR_Y)) == "right"


def test_exercise_05_3_trained_neuron_at_a_new_point_with_plain_numpy():
    W, b = plain_descent([[0.1, 0.6]], 0.0, OR_X, OR_Y, learning_rate=1.0, epochs=5000)
    z = W[0, 0] * 0.2 + W[0, 1] * 0.2 + b
    assert nn.judge("05.3", plain_sigmoid(z)) == "right"


def test_exercise_06_2_crossed_neuron_at_a_new_point_with_plain_numpy():
    W, b = plain_descent([[0.1, 0.6, 0.2]], 0.0, XOR_X3, XOR_Y, learning_rate=1.0, epochs=5000)
    z = W[0, 0] * 0.2 + W[0, 1] * 0.8 + W[0, 2] * 0.2 * 0.8 + b
    assert nn.judge("06.2", plain_sigmoid(z)) == "right"


def test_exercise_06_3_is_the_cost_after_the_last_update():
    W, b = plain_descent([[0.1, 0.6, 0.2]], 0.0, XOR_X3, XOR_Y, learning_rate=0.1, epochs=5000)
    after = plain_cost(W, b, XOR_X3, XOR_Y)
    assert nn.judge("06.3", after) == "right"
    assert nn.EXERCISES["06.3"].solve() == pytest.approx(after, rel=1e-9)
    # Not the last cost train returns, which is the cost before the last update.
    before = nn.train(nn.single_neuron([0.1, 0.6, 0.2], 0.0), XOR_X3, XOR_Y, 0.1, 5000)[-1]
    assert before > after
    assert nn.EXERCISES["06.3"].solve() != pytest.approx(before, rel=1e-9)
