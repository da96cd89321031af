"""The exercise checker, and every exercise's answer held to a value worked independently.

``ANSWERS`` gives each of the exercises a number worked by hand (from the
curriculum's setup, typed here) or computed a second way in plain NumPy
(``plain_numpy``), never by calling the registered solve function or the
helpers it uses.  The registered answer must equal it, and ``judge`` must call
it right, its rounding to 3 decimals right and a wrong number wrong.
"""

import math
import re

import numpy as np
import plain_numpy as plain
import pytest

import nn_helpers as nn
from _course.exercises import TRIES, diagnose, exercise

pytestmark = pytest.mark.filterwarnings("error")


def sigma(z):
    return 1 / (1 + math.exp(-z))


# --- the setups of the lessons, typed from the curriculum --------------------------------------

EXAMPLE_A_X = np.array([[9, 14, 10, 11, 8], [9, 16, 8, 12, 9], [9, 16, 7, 10, 9]], dtype=float)
CURVE_A, CURVE_MINIMUM, CURVE_START = 0.05, 2.0, -2.0  # L(w) = a(w − w*)², from w0 = −2


def example_a_with_b2_at_1():
    """Worked example A: weights 0.01 × standard normal from seed 1, W1 then W2, b1 = 0."""
    rng = np.random.default_rng(1)
    W1, W2 = rng.standard_normal((4, 3)) * 0.01, rng.standard_normal((1, 4)) * 0.01
    Z2 = W2 @ plain.sigmoid(W1 @ EXAMPLE_A_X) + 1.0  # b2 = 1 adds exactly 1 to every column
    return sigma(Z2[0, 2])


def loss_after_one_bias_step(learning_rate):
    """First OR example, x = (0, 0), y = 0, b = 0: ŷ = ½, ∂L/∂b = ½ · ¼ = ⅛."""
    b = 0.0 - learning_rate * 0.125
    return 0.5 * sigma(b) ** 2


def bias_after_two_steps():
    """After the α = 1 step, b = −⅛: ∂L/∂b = (ŷ − 0) · ŷ(1 − ŷ) with ŷ = σ(−⅛); step again."""
    y_hat = sigma(-0.125)
    return -0.125 - y_hat * y_hat * (1 - y_hat)


def learning_rate_with_the_lowest_loss_after_one_step():
    """Option 3: from b = 0, ∂L/∂b = ⅛, so b = −α/8 and L = ½σ(−α/8)², which falls as α grows."""
    losses = [loss_after_one_bias_step(rate) for rate in (0.5, 1.0, 8.0)]
    assert losses == sorted(losses, reverse=True)
    assert nn.EXERCISES["03.3"].options[2].startswith("α = 8")
    return 3


def descent_distance(learning_rate, steps=50):
    """|w − w*| after ``steps`` steps on the curve, the gradient by central differences."""
    w, h = CURVE_START, 1e-4

    def loss(v):
        return CURVE_A * (v - CURVE_MINIMUM) ** 2

    for _ in range(steps):
        w -= learning_rate * (loss(w + h) - loss(w - h)) / (2 * h)  # exact on a parabola
    return abs(w - CURVE_MINIMUM)


def edge_of_divergence():
    """The α above which steps grow, by bisection (the closed form 1/a is checked too)."""
    start, low, high = abs(CURVE_START - CURVE_MINIMUM), 1e-3, 1e3
    assert descent_distance(low) < start < descent_distance(high)
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if descent_distance(middle) < start else (low, middle)
    assert low == pytest.approx(1 / CURVE_A, rel=1e-6)
    return low


def one_step_landing_rate():
    """The α with w0 − α·L'(w0) = w*, L' by central differences (closed form 1/(2a))."""
    h = 1e-4
    gradient = CURVE_A * ((CURVE_START + h - 2) ** 2 - (CURVE_START - h - 2) ** 2) / (2 * h)
    assert (CURVE_START - CURVE_MINIMUM) / gradient == pytest.approx(1 / (2 * CURVE_A))
    return (CURVE_START - CURVE_MINIMUM) / gradient


def neuron_after(W, X, Y, learning_rate, epochs):
    """One sigmoid neuron from (W, b = 0) trained in plain NumPy: (W, b) as arrays."""
    _, Ws, bs = plain.descend([np.array([W])], [np.zeros((1, 1))], X, Y, learning_rate, epochs)
    return Ws[0], bs[0]


def cost_of_neuron(W, X, Y, learning_rate, epochs):
    W, b = neuron_after(W, X, Y, learning_rate, epochs)
    return plain.cost(plain.sigmoid(W @ X + b), Y)[0]


def output_of_neuron(W, X, Y, point, learning_rate=1.0, epochs=5000):
    W, b = neuron_after(W, X, Y, learning_rate, epochs)
    return float(plain.sigmoid(W @ np.array(point) + b[0, 0])[0])


def dJ_dw3_at_the_crossed_start():
    """Only (1, 1) has x1·x2 ≠ 0: z = 0.1 + 0.6 + 0.2, y = 0, dz = (ŷ − y)/4 · ŷ(1 − ŷ)."""
    y_hat = sigma(0.9)
    return y_hat / 4 * y_hat * (1 - y_hat) * 1.0


def trained_xor_network(seed=0, hidden_units=3, epochs=5000, per_example=False):
    Ws, bs = plain.xavier_start([2, hidden_units, 1], seed)
    return plain.descend(Ws, bs, plain.OR_X, plain.XOR_Y, 1.0, epochs, per_example=per_example)


def xor_output_at_the_centre():
    _, Ws, bs = trained_xor_network()
    return plain.outputs(Ws, bs, np.array([[0.5], [0.5]]))[-1].item()


def first_epoch_below(threshold, **kwargs):
    costs = trained_xor_network(**kwargs)[0]
    assert (costs < threshold).any()
    return int(np.flatnonzero(costs < threshold)[0])


def unsolved_fraction(seeds=range(200), hidden_units=2, epochs=5000, learning_rate=1.0):
    """All seeds at once: the networks stacked along a leading axis, written out."""
    starts = [plain.xavier_start([2, hidden_units, 1], seed) for seed in seeds]
    W1, W2 = (np.stack([Ws[i] for Ws, _ in starts]) for i in (0, 1))  # (S, h, 2), (S, 1, h)
    b1, b2 = np.zeros((len(starts), hidden_units, 1)), np.zeros((len(starts), 1, 1))
    X, Y = plain.OR_X, plain.XOR_Y
    for _ in range(epochs):
        A1 = plain.sigmoid(W1 @ X + b1)
        A2 = plain.sigmoid(W2 @ A1 + b2)
        dZ2 = (A2 - Y) / 4 * A2 * (1 - A2)
        dZ1 = (W2.swapaxes(1, 2) @ dZ2) * A1 * (1 - A1)
        W2 -= learning_rate * dZ2 @ A1.swapaxes(1, 2)
        b2 -= learning_rate * dZ2.sum(axis=2, keepdims=True)
        W1 -= learning_rate * dZ1 @ X.T
        b1 -= learning_rate * dZ1.sum(axis=2, keepdims=True)
    A2 = plain.sigmoid(W2 @ plain.sigmoid(W1 @ X + b1) + b2)
    solved = ((A2 >= 0.5) == Y).all(axis=(1, 2))
    return 1 - solved.mean()


def cross_entropy_of_the_trained_xor_network():
    _, Ws, bs = trained_xor_network()
    Y_hat, Y = plain.outputs(Ws, bs, plain.OR_X)[-1], plain.XOR_Y
    return float(-np.mean(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat)))


def squared_error_dZ_at_z_minus_4():
    y_hat = 1 / (1 + math.exp(4.0))
    return (y_hat - 1) * y_hat * (1 - y_hat)


def gradient_at_or_example(x, index):
    """∂L/∂wᵢ of the lesson 02 neuron w = (0.1, 0.6) on x with y = 1: (ŷ − y)ŷ(1 − ŷ)·xᵢ."""
    y_hat = sigma(0.1 * x[0] + 0.6 * x[1])
    return (y_hat - 1) * y_hat * (1 - y_hat) * x[index]


def direction_of_w1_at_or_example_4():
    """∂L/∂w1 < 0 on x = (1, 1) (ŷ < y = 1), so the step w1 − α·∂L/∂w1 makes w1 larger: +1."""
    assert gradient_at_or_example((1, 1), 0) < 0
    return 1


def or_examples_with_zero_dL_dw1():
    """Option 2: ∂L/∂w1 = 0 exactly on (0, 0) and (0, 1), where x1 = 0."""
    zero = [i for i in range(4) if gradient_at_or_example(plain.OR_X[:, i], 0) == 0]
    assert zero == [0, 1]
    assert nn.EXERCISES["02.3"].options[1].startswith("(0, 0) and (0, 1)")
    return 2


def widget_w_after_3_steps_at_18():
    """α = 18: the factor 1 − 2aα = −0.8, so w3 = w* + (−0.8)³(w0 − w*) = 2 + 2.048."""
    w = CURVE_START
    for _ in range(3):
        w -= 18 * 2 * CURVE_A * (w - CURVE_MINIMUM)
    assert w == pytest.approx(CURVE_MINIMUM + (-0.8) ** 3 * (CURVE_START - CURVE_MINIMUM))
    return w


def learning_rate_that_zigzags_and_converges():
    """Option 2: the factors 1 − 2aα of α = 8, 15, 25 are 0.2, −0.5 and −1.5; only −0.5 is
    negative (a zigzag) and above −1 (convergent)."""
    factors = [1 - 2 * CURVE_A * rate for rate in (8, 15, 25)]
    assert [-1 < f < 0 for f in factors] == [False, True, False]
    assert nn.EXERCISES["04.3"].options[1].startswith("α = 15")
    return 2


ANSWERS = {
    "01.1": lambda: 3 * (2 + 1) + 1 * (3 + 1),  # 9 in the hidden layer, 4 at the output
    "01.2": example_a_with_b2_at_1,
    "01.3": lambda: (5, 32),  # Z2 has n_2 = 5 rows and m = 32 columns
    "02.1": lambda: gradient_at_or_example((0, 1), 1),
    "02.2": direction_of_w1_at_or_example_4,
    "02.3": or_examples_with_zero_dL_dw1,
    "03.1": lambda: loss_after_one_bias_step(0.5),
    "03.2": bias_after_two_steps,
    "03.3": learning_rate_with_the_lowest_loss_after_one_step,
    "04.1": widget_w_after_3_steps_at_18,
    "04.2": one_step_landing_rate,
    "04.3": learning_rate_that_zigzags_and_converges,
    "05.1": lambda: cost_of_neuron([0.1, 0.6], plain.OR_X, plain.OR_Y, 1.0, 2),
    "05.2": lambda: cost_of_neuron([0.1, 0.6], plain.OR_X, plain.OR_Y, 0.5, 1),
    "05.3": lambda: output_of_neuron([0.1, 0.6], plain.OR_X, plain.OR_Y, [0.2, 0.2]),
    "06.1": dJ_dw3_at_the_crossed_start,
    "06.2": lambda: output_of_neuron(
        [0.1, 0.6, 0.2], plain.XOR_X3, plain.XOR_Y, [0.2, 0.8, 0.2 * 0.8]
    ),
    "06.3": lambda: cost_of_neuron([0.1, 0.6, 0.2], plain.XOR_X3, plain.XOR_Y, 0.1, 5000),
    "07.1": xor_output_at_the_centre,
    "07.2": lambda: first_epoch_below(0.01, seed=1),
    "07.3": unsolved_fraction,
    "08.1": cross_entropy_of_the_trained_xor_network,
    "08.2": squared_error_dZ_at_z_minus_4,
    "08.3": lambda: first_epoch_below(0.01, epochs=2000, per_example=True),
}


def test_every_exercise_has_an_independent_answer():
    assert set(nn.EXERCISES) == set(ANSWERS)
    assert len(ANSWERS) == 24


@pytest.fixture(autouse=True)
def fresh_tries():
    """Every test starts with no wrong tries counted."""
    TRIES.clear()
    yield
    TRIES.clear()


@pytest.fixture(scope="module", params=sorted(ANSWERS))
def worked(request):
    """(key, the answer worked here)."""
    return request.param, np.asarray(ANSWERS[request.param](), dtype=float)


def test_the_registered_answer_is_the_worked_answer(worked):
    key, answer = worked
    np.testing.assert_allclose(nn.EXERCISES[key].expected, answer, rtol=1e-8, atol=1e-10)


def test_the_worked_answer_and_its_rounding_are_right_and_a_wrong_number_is_not(worked):
    key, answer = worked
    assert nn.judge(key, answer) == "right"
    assert nn.judge(key, np.round(answer, 3)) == "right"
    assert nn.judge(key, answer + 1000.0) == "wrong"
    assert nn.judge(key, answer.tolist()) == "right"  # a list or a tuple is the same answer


def printed_values(ex, values):
    """The ways a value could be quoted in a message: 3 and 2 decimals, a whole number as such."""
    values = np.asarray(values, dtype=float)
    if ex.kind == "shape":
        yield ", ".join(str(int(n)) for n in values.ravel())
        return
    for value in values.ravel():
        yield f"{value:.3f}"
        yield f"{value:.2f}"
        if ex.kind == "count":
            yield str(int(value))


def assert_quotes_none(ex, out, values):
    for text in printed_values(ex, values):
        assert not re.search(rf"(?<![\d.]){re.escape(text)}(?![\d])", out), (text, out)


def test_check_gives_the_hint_but_never_the_answer(worked, capsys):
    key, answer = worked
    ex = nn.EXERCISES[key]
    nn.check(key, ...)
    assert capsys.readouterr().out == (
        f"Exercise {key}: replace ... with your answer and run this cell again.\n"
    )
    for given in (answer + 1000.0, answer + 0.004, np.round(answer, 3), -answer):
        nn.check(key, given)
        assert_quotes_none(ex, capsys.readouterr().out, answer)
    nn.check(key, answer + 1000.0)
    assert capsys.readouterr().out.startswith(f"Exercise {key}: not yet")


def test_every_question_and_hint_keeps_the_answer_to_itself(worked):
    key, answer = worked
    ex = nn.EXERCISES[key]
    text = " ".join((ex.question, ex.hint, ex.more_help))
    assert_quotes_none(ex, text, answer)
    assert "negative" not in text and "same number" not in text  # 08.2 and 06.3 said so


def test_every_declared_slip_is_named_and_never_quoted(worked, capsys):
    key, answer = worked
    ex = nn.EXERCISES[key]
    values = [value for _, value in ex.slip_values]
    for slip, value in ex.slip_values:
        # A slip is told apart from the answer and from the other slips, to 3 decimals.
        assert np.abs(value - answer).max() > 2 * ex.tolerance, (key, slip.name)
        assert sum(np.abs(v - value).max() <= 2 * ex.tolerance for v in values) == 1, slip.name
        assert diagnose(key, np.round(value, 3)) == ("wrong", slip.message, True)
        nn.check(key, np.round(value, 3))
        out = capsys.readouterr().out
        assert out.startswith(f"Exercise {key}: not yet: {slip.message}"), out
        assert_quotes_none(ex, out, answer)
        assert_quotes_none(ex, out, value)


def test_the_cost_before_the_update_and_no_update_get_their_own_diagnosis():
    one_update = cost_of_neuron([0.1, 0.6], plain.OR_X, plain.OR_Y, 1.0, 1)  # printed in 5.8
    start = plain.cost(plain.sigmoid(np.array([[0.1, 0.6]]) @ plain.OR_X), plain.OR_Y)[0]
    verdict, reason, _ = diagnose("05.1", round(one_update, 3))
    assert verdict == "wrong" and "first update, before the second" in reason
    verdict, reason, _ = diagnose("05.2", round(start, 3))
    assert verdict == "wrong" and "no update" in reason
    assert nn.judge("05.1", round(ANSWERS["05.1"](), 3) + 0.002) == "close"  # rounding explains it


def test_generic_slips_where_they_fit():
    assert diagnose("02.1", -round(ANSWERS["02.1"](), 3)).reason == "check the sign."
    fraction = ANSWERS["07.3"]()
    assert "count" in diagnose("07.3", fraction * 200).reason
    assert "percentage" in diagnose("07.3", round(fraction * 100, 1)).reason
    assert "swapped" in diagnose("01.3", (32, 5)).reason
    assert diagnose("01.3", "(5, 32)") == (
        "wrong",
        "your answer is text ('(5, 32)'), a shape in quotes; type the tuple itself, without "
        "quotes: (rows, columns).",
        False,
    )
    assert "without quotes" in diagnose("02.1", "-0.081").reason
    assert "1 to 4" in diagnose("02.3", 5).reason
    assert "1 or -1" in diagnose("02.2", 0.5).reason
    assert diagnose("02.2", -1).reason.startswith("that is the sign of ∂L/∂w1 itself")


def test_hints_come_in_stages_and_an_unanswered_cell_is_no_try(capsys):
    wrong = ANSWERS["05.3"]() + 0.3
    outputs = []
    for given in (..., wrong, ..., "0.4", wrong, wrong):
        nn.check("05.3", given)
        outputs.append(capsys.readouterr().out)
    ex = nn.EXERCISES["05.3"]
    assert outputs[1] == f"Exercise 05.3: not yet. Hint: {ex.hint}\n"
    assert "More help" not in outputs[2] + outputs[3]
    assert (
        outputs[4]
        == outputs[5]
        == f"Exercise 05.3: not yet. Hint: {ex.hint} More help: {ex.more_help}\n"
    )
    assert TRIES["05.3"] == 3


def test_the_lesson_04_answers_are_the_closed_forms():
    assert edge_of_divergence() == pytest.approx(1 / CURVE_A, rel=1e-6)
    slips = dict((slip.name, value) for slip, value in nn.EXERCISES["04.2"].slip_values)
    assert slips["the edge of divergence"] == pytest.approx(edge_of_divergence(), rel=1e-6)
    assert ANSWERS["04.2"]() == pytest.approx(1 / (2 * CURVE_A))
    assert (nn.CURVE_A, nn.CURVE_MINIMUM, nn.CURVE_START, nn.EXAMPLE_A_SEED) == (
        CURVE_A,
        CURVE_MINIMUM,
        CURVE_START,
        1,
    )
    np.testing.assert_array_equal(nn.example_a_table().T, EXAMPLE_A_X)
    _, text = nn.learning_rate_view(learning_rate=18.0, steps=3)
    assert text.startswith(f"final w = {ANSWERS['04.1']():.3f}")


def test_exercise_06_3_is_the_cost_after_the_last_update_as_the_widget_shows():
    trained = plain.descend(
        [np.array([[0.1, 0.6, 0.2]])], [np.zeros((1, 1))], plain.XOR_X3, plain.XOR_Y, 0.1, 5000
    )[0][-1]  # the cost after 5000 updates, by plain NumPy
    assert ANSWERS["06.3"]() == pytest.approx(trained, rel=1e-12)
    assert nn.EXERCISES["06.3"].expected == pytest.approx(trained, rel=1e-12)
    _, text = nn.feature_cross_view(learning_rate=0.1, epochs=5000, use_cross=True)
    assert text.startswith(f"final cost = {trained:.3f}")


def test_answers_within_a_lesson_are_distinct():
    for lesson in {key[:2] for key in ANSWERS}:
        values = [np.ravel(ANSWERS[k]()) for k in ANSWERS if k.startswith(lesson)]
        for i, a in enumerate(values):
            for b in values[i + 1 :]:
                assert a.shape != b.shape or np.abs(a - b).max() > 1e-3, lesson


# --- the checker itself, on exercises registered for the test ----------------------------------

SCALAR, ARRAY, COUNT = "test-scalar", "test-array", "test-count"


@pytest.fixture
def registered():
    """Three temporary exercises: σ(1), σ'(z) at z = 0 and 2, and a count; removed afterwards."""
    calls = []

    def sigma_of_one():
        calls.append(1)
        return 1 / (1 + math.e**-1)  # 0.7310585786…

    exercise(SCALAR, "What is σ(1)?", hint="Use 1 / (1 + e^(-1)).", more_help="e ≈ 2.718")(
        sigma_of_one
    )
    exercise(ARRAY, "σ'(z) for z = 0, 2?", hint="σ'(z) = σ(z)(1 − σ(z)).", more_help="-")(
        lambda: [[0.25, sigma(2) * (1 - sigma(2))]]  # 0.25, 0.104993…
    )
    exercise(
        COUNT, "Solved of 20?", hint="Σ n_l (n_(l−1) + 1).", more_help="-", kind="count", out_of=20
    )(lambda: 13)
    yield calls
    for key in (SCALAR, ARRAY, COUNT):
        del nn.EXERCISES[key]


@pytest.mark.parametrize(
    ("answer", "verdict"),
    [
        (None, "unanswered"),
        (..., "unanswered"),
        (0.731, "right"),
        (0.7312, "right"),
        (np.float32(0.731), "right"),
        ([0.731], "right"),
        (0.73, "close"),
        (0.727, "close"),  # within what rounding to 2 decimals explains
        (0.72, "wrong"),  # beyond it: not a rounding slip
        (-0.731, "wrong"),
        ("0.731", "wrong"),  # text, not a number: check says so
        ({"a": 1}, "wrong"),
        (math.nan, "wrong"),
        (math.inf, "wrong"),
        ([0.731, 0.731], "wrong"),
    ],
)
def test_judge_a_number(registered, answer, verdict):
    assert nn.judge(SCALAR, answer) == verdict


@pytest.mark.parametrize(
    ("answer", "verdict"),
    [
        ([[0.25, 0.105]], "right"),
        ([0.25, 0.105], "right"),  # typed flat, same numbers
        ([[0.25, 0.11]], "close"),
        ([[0.25, 0.2]], "wrong"),
        ([[0.105, 0.25]], "wrong"),
        ([[0.25, 0.105, 0.0]], "wrong"),
        (0.25, "wrong"),
        ([["a", "b"]], "wrong"),
        ([[0.25, math.nan]], "wrong"),
    ],
)
def test_judge_an_array(registered, answer, verdict):
    assert nn.judge(ARRAY, answer) == verdict


def test_a_fraction_typed_for_a_count_is_named(registered):
    assert "looks like a fraction" in diagnose(COUNT, 13 / 20).reason
    assert "looks like a fraction" in diagnose(COUNT, 0.65).reason


def test_exercises_of_an_unknown_kind_or_a_choice_without_options_are_refused():
    with pytest.raises(ValueError, match="kind"):
        exercise("test-kind", "?", hint="", more_help="", kind="essay")
    with pytest.raises(ValueError, match="options"):
        exercise("test-kind", "?", hint="", more_help="", kind="choice")


def test_a_count_is_right_or_wrong_never_close(registered):
    assert [nn.judge(COUNT, n) for n in (13, 12, 13.3, 13.0004)] == [
        "right",
        "wrong",
        "wrong",
        "right",
    ]


@pytest.mark.parametrize("answer", [..., 0.731, 0.73, 0.5, "0.731"])
def test_check_prints_a_verdict_and_the_hint_but_never_the_answer(registered, capsys, answer):
    assert nn.check(SCALAR, answer) is None
    out = capsys.readouterr().out
    start = {
        "unanswered": "replace ... with your answer",
        "right": "right!",
        "close": "close. Keep every digit until the end",
        "wrong": "not yet. Hint: Use 1 / (1 + e^(-1)).",
    }[nn.judge(SCALAR, answer)]
    if isinstance(answer, str):
        start = "your answer is text ('0.731'); type the number itself, without quotes."
    assert out.startswith(f"Exercise {SCALAR}: {start}")
    if not isinstance(answer, str):
        assert "731" not in out and "0.73" not in out


def test_the_expected_answer_is_computed_once_and_read_only(registered):
    assert nn.judge(SCALAR, 0.731) == "right" and nn.judge(SCALAR, 0.7) == "wrong"
    nn.check(SCALAR, 0.731)
    assert registered == [1]
    assert not nn.EXERCISES[SCALAR].expected.flags.writeable


def test_registering_a_key_twice_is_refused(registered):
    with pytest.raises(ValueError, match="twice"):
        exercise(SCALAR, "again?", hint="", more_help="")(lambda: 1.0)
