"""How each exercise's answer is computed, from the lesson's own setup (never typed in).

Kept apart from the code learners read: ``check`` uses these to judge an
answer and never prints them.  Every answer is also worked independently in
the tests.  Each exercise declares its likely slips, each computed from the
same setup; a choice's options are numbered from 1 in the order listed.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from _course.exercises import Slip, exercise
from _course.views import LESSON02_WEIGHTS, LESSON05_START_B, LESSON06_START_W
from nn_helpers import (
    CURVE_A,
    CURVE_MINIMUM,
    CURVE_START,
    EXAMPLE_A_SEED,
    NeuronGradients,
    add_cross_feature,
    batch_gradients,
    build_network,
    count_parameters,
    cross_entropy_cost,
    example_a_table,
    forward,
    forward_shapes,
    gradient_descent_1d,
    network_cost,
    neuron_forward_backward,
    or_gate,
    sigmoid,
    sigmoid_derivative,
    single_neuron,
    squared_error_cost,
    train,
    train_per_example,
    train_xor_many_seeds,
    u_loss_gradient,
    xor_gate,
    xor_network,
)


def _option(options: list[tuple[object, str]], which) -> int:
    """The number (from 1) of the option whose first entry is ``which``."""
    return [first for first, _ in options].index(which) + 1


def _texts(options: list[tuple[object, str]]) -> tuple[str, ...]:
    return tuple(text for _, text in options)


# --- 01 · The forward pass ---------------------------------------------------------------------


def _parameter_counts(layer_sizes) -> tuple[int, int]:
    """(weights, biases) of a network, from the shapes of its W and b."""
    shapes = forward_shapes(layer_sizes, m=1)
    return sum(int(np.prod(s["W"])) for s in shapes), sum(int(np.prod(s["b"])) for s in shapes)


@exercise(
    "01.1",
    question="How many parameters (weights and biases) does a 2-3-1 network have?",
    hint="Count layer by layer: every unit has one weight per input and one bias.",
    more_help="Layer l has n_l·n_(l−1) weights and n_l biases; add the two layers.",
    kind="count",
    slips=[
        Slip(
            "weights only",
            lambda: _parameter_counts([2, 3, 1])[0],
            "that counts the weights only; every unit has a bias too.",
        ),
        Slip(
            "the input layer counted",
            lambda: count_parameters([2, 3, 1]) + 2,
            "the input layer has no parameters: it is the data.",
        ),
    ],
)
def parameters_of_a_2_3_1_network():
    return count_parameters([2, 3, 1])


def _example_a_z2(b2: float) -> float:
    """Worked example A with the output bias b2: z of the third example at the output."""
    layers = build_network([3, 4, 1], np.random.default_rng(EXAMPLE_A_SEED), init="small")
    layers[2].b[:] = b2
    return float(forward(layers[:3], example_a_table().T)[0, 2])


@exercise(
    "01.2",
    question=(
        "Keep worked example A's data and weights, but set the output bias b2 to 1. "
        "What is Ŷ for the third example?"
    ),
    hint="What does b2 do to every column of Z2? Is z2 then still small enough for the "
    "straight-line picture of section 1.5?",
    more_help="Z2 = W2·A1 + b2 grows by exactly 1 in every column (W2·A1 is small, not zero); "
    "ŷ = σ(z) = 1/(1 + e^(−z)) of the third column.",
    slips=[
        Slip(
            "the straight line",
            lambda: 0.5 + _example_a_z2(1.0) / 4,
            "that is ½ + z/4, which is close to σ(z) only for small |z|; here z is near 1.",
        ),
        Slip(
            "z instead of ŷ",
            lambda: _example_a_z2(1.0),
            "that is z2, the input of the output sigmoid; ŷ is σ of it.",
        ),
        Slip(
            "b2 left at 0",
            lambda: sigmoid(_example_a_z2(0.0)),
            "that is the output with b2 = 0, as in section 1.4; set b2 to 1.",
        ),
    ],
)
def example_a_output_with_b2_at_1():
    return sigmoid(_example_a_z2(1.0))


@exercise(
    "01.3",
    question=(
        "A batch of m = 32 examples goes through worked example B's 5-3-5-4 network. "
        "What is the shape of Z2? Answer as a pair (rows, columns)."
    ),
    hint="Which of the shape rules of section 1.2 gives the rows of Z, and which its columns?",
    more_help="Z2 has one row per unit of layer 2 and one column per example.",
    kind="shape",
    slips=[
        Slip(
            "the shape of W2",
            lambda: forward_shapes([5, 3, 5, 4], m=32)[1]["W"],
            "that is the shape of W2; Z2 has one column per example.",
        ),
        Slip(
            "one example",
            lambda: forward_shapes([5, 3, 5, 4], m=1)[1]["Z"],
            "that is the shape for one example, as in section 1.7; this batch has 32.",
        ),
        Slip(
            "Z1",
            lambda: forward_shapes([5, 3, 5, 4], m=32)[0]["Z"],
            "that is the shape of Z1, the first layer's; Z2 belongs to the second layer.",
        ),
        Slip(
            "Z3",
            lambda: forward_shapes([5, 3, 5, 4], m=32)[2]["Z"],
            "that is the shape of Z3, the output layer's; Z2 belongs to the second layer.",
        ),
    ],
)
def shape_of_Z2_in_example_b():
    return forward_shapes([5, 3, 5, 4], m=32)[1]["Z"]


# --- 02 · Backpropagation by hand --------------------------------------------------------------


def _or_neuron(index: int, w=LESSON02_WEIGHTS, b=None) -> NeuronGradients:
    """The lesson 02 neuron (or one with other w, b) on OR example ``index`` (0–3)."""
    X, Y = or_gate()
    return neuron_forward_backward(X[:, index], w, Y[0, index], b)


@exercise(
    "02.1",
    question="Second OR example, x = (0, 1), y = 1, weights w1 = 0.1, w2 = 0.6: ∂L/∂w2?",
    hint="Go forward node by node (z, ŷ, L), then back: upstream gradient times local "
    "gradient at every node, down to w2.",
    more_help="∂L/∂w2 = (ŷ − y) · ŷ(1 − ŷ) · x2, with z = w1·x1 + w2·x2 and ŷ = σ(z).",
    slips=[
        Slip(
            "stopped at ∂L/∂ŷ",
            lambda: _or_neuron(1).dL_dyhat,
            "that is ∂L/∂ŷ; the sigmoid node's local gradient ŷ(1 − ŷ) still multiplies it.",
        ),
        Slip(
            "σ'(0) reused",
            lambda: _or_neuron(1).dL_dyhat * float(sigmoid_derivative(0.0)) * 1.0,
            "the local gradient ŷ(1 − ŷ) was σ'(0) on the first example, where z = 0; "
            "here z is not 0: compute ŷ(1 − ŷ) at this z.",
        ),
    ],
)
def or_example_2_dL_dw2():
    return _or_neuron(1).dL_dw[1]


@exercise(
    "02.2",
    question="Fourth OR example, x = (1, 1), y = 1, same weights: will one gradient-descent step "
    "make w1 larger (type 1) or smaller (type -1)?",
    hint="Find the sign of ∂L/∂w1 from the signs of its factors; the step goes against it.",
    more_help="∂L/∂w1 = (ŷ − y) · ŷ(1 − ŷ) · x1 with ŷ < 1 = y; then w1 ← w1 − α·∂L/∂w1.",
    kind="sign",
    slips=[
        Slip(
            "the gradient's own sign",
            lambda: np.sign(_or_neuron(3).dL_dw[0]),
            "that is the sign of ∂L/∂w1 itself; the step w1 ← w1 − α·∂L/∂w1 goes against it.",
        )
    ],
)
def or_example_4_direction_of_w1():
    return -np.sign(_or_neuron(3).dL_dw[0])


# Which examples have ∂L/∂w1 = 0, as indices into the columns of X, and why.
ZERO_GRADIENT_OPTIONS = [
    ((0,), "(0, 0) only: its target is 0, so the upstream gradient ∂L/∂ŷ = ŷ − y is zero."),
    ((0, 1), "(0, 0) and (0, 1): x1 = 0 there, and the local gradient ∂z/∂w1 is x1."),
    ((1, 3), "(0, 1) and (1, 1): the target is 1 there, so ŷ − y is zero."),
    ((), "none: ∂L/∂z is not zero on any example."),
]


@exercise(
    "02.3",
    question="At w = (0.1, 0.6), on which OR examples is ∂L/∂w1 exactly zero, and why? "
    "Type the number of the option.",
    hint="∂L/∂w1 is a product: which of its factors can be exactly zero?",
    more_help="∂L/∂w1 = ∂L/∂z · ∂z/∂w1, and ∂z/∂w1 = x1.",
    kind="choice",
    options=_texts(ZERO_GRADIENT_OPTIONS),
    slips=[
        Slip(
            "the target",
            lambda: _option(ZERO_GRADIENT_OPTIONS, (0,)),
            "ŷ = ½ on (0, 0), not 0, so ŷ − y is not zero there.",
        ),
        Slip(
            "ŷ − y",
            lambda: _option(ZERO_GRADIENT_OPTIONS, (1, 3)),
            "ŷ = σ(z) never reaches 1, so ŷ − y is never zero here.",
        ),
        Slip(
            "none",
            lambda: _option(ZERO_GRADIENT_OPTIONS, ()),
            "∂L/∂z is indeed never zero here, but it is not the only factor.",
        ),
    ],
)
def or_examples_with_zero_dL_dw1():
    zero = tuple(i for i in range(4) if _or_neuron(i).dL_dw[0] == 0)
    return _option(ZERO_GRADIENT_OPTIONS, zero)


# --- 03 · Bias ---------------------------------------------------------------------------------


def _after_bias_steps(learning_rate: float, steps: int = 1) -> NeuronGradients:
    """Lesson 03's neuron on the first OR example after ``steps`` steps from b = 0."""
    state = _or_neuron(0, b=0.0)
    for _ in range(steps):
        new_w = state.w - learning_rate * state.dL_dw  # unchanged: the inputs are zero
        state = _or_neuron(0, new_w, state.b - learning_rate * state.dL_db)
    return state


@exercise(
    "03.1",
    question="One step from b = 0 with α = 0.5 instead of 1: the loss after the step?",
    hint="Only the bias moves; take its step, then go forward again to the loss.",
    more_help="New b = b − α ∂L/∂b (the weights do not move); then z = b, ŷ = σ(z), L = ½(y − ŷ)².",
    slips=[
        Slip(
            "no step",
            lambda: _after_bias_steps(0.5, steps=0).loss,
            "that is the loss before the step.",
        ),
        Slip(
            "α = 1",
            lambda: _after_bias_steps(1.0).loss,
            "that is the loss after the α = 1 step of section 3.5; take α = 0.5.",
        ),
        Slip(
            "ŷ instead of L",
            lambda: _after_bias_steps(0.5).y_hat,
            "that is the new ŷ; the loss is ½(y − ŷ)².",
        ),
        Slip(
            "b instead of L",
            lambda: _after_bias_steps(0.5).b,
            "that is the new bias; go forward with it to the loss.",
        ),
    ],
)
def loss_after_one_step_at_half_rate():
    return _after_bias_steps(0.5).loss


@exercise(
    "03.2",
    question="Take a second α = 1 step after the one of section 3.5: the bias after it?",
    hint="The second step needs the gradient at the new bias: forward and backward again first.",
    more_help="At b = b1 (section 3.5): ŷ = σ(b1), ∂L/∂b = (ŷ − y)·ŷ(1 − ŷ); "
    "then b2 = b1 − α·∂L/∂b.",
    slips=[
        Slip(
            "one step too few",
            lambda: _after_bias_steps(1.0).b,
            "that is the bias after the first step; take one more from there.",
        ),
        Slip(
            "the gradient, not the step",
            lambda: _after_bias_steps(1.0).dL_db,
            "that is ∂L/∂b at the new bias; now take the step with it.",
        ),
        Slip(
            "the step, not the bias",
            lambda: -1.0 * _after_bias_steps(1.0).dL_db,
            "that is the second step −α·∂L/∂b on its own; add it to the bias after the first step.",
        ),
        Slip(
            "the first gradient twice",
            lambda: 2 * _after_bias_steps(1.0).b,
            "the gradient changed after the first step: compute it again at the new bias.",
        ),
    ],
)
def bias_after_two_steps():
    return _after_bias_steps(1.0, steps=2).b


# The learning rate whose one step from b = 0 lowers the first OR example's loss the most.
STEP_RATES = (0.5, 1.0, 8.0)
STEP_OPTIONS = [
    (0.5, "α = 0.5: a shorter step keeps ŷ(1 − ŷ) near its peak ¼, so the loss falls most."),
    (1.0, "α = 1, the step of section 3.5: a longer step would overshoot the target."),
    (
        8.0,
        "α = 8: ŷ = σ(b) can only approach the target 0, never pass it, so a longer step "
        "down cannot overshoot.",
    ),
]


@exercise(
    "03.3",
    question="From b = 0 on the first OR example, which of α = 0.5, 1 and 8 gives the lowest "
    "loss after one step, and why? Type the number of the option.",
    hint="All three steps start from the same gradient; where does each one put b, and "
    "can ŷ = σ(b) go past the target?",
    more_help="b = 0 − α·∂L/∂b with the ∂L/∂b of section 3.3; then L = ½(0 − σ(b))² for each α.",
    kind="choice",
    options=_texts(STEP_OPTIONS),
    slips=[
        Slip(
            "α = 0.5",
            lambda: _option(STEP_OPTIONS, 0.5),
            "a smaller step moves ŷ less far towards the target: compare the three losses.",
        ),
        Slip(
            "α = 1",
            lambda: _option(STEP_OPTIONS, 1.0),
            "work out the loss after each of the three steps: the step of section 3.5 is not "
            "the lowest.",
        ),
    ],
)
def learning_rate_with_the_lowest_loss_after_one_step():
    losses = [_after_bias_steps(rate).loss for rate in STEP_RATES]
    return _option(STEP_OPTIONS, STEP_RATES[int(np.argmin(losses))])


# --- 04 · The learning rate --------------------------------------------------------------------

WIDGET_RATE, WIDGET_STEPS = 18.0, 3  # exercise 04.1's slider settings


def _w_after(learning_rate: float, steps: int) -> float:
    path, _ = gradient_descent_1d(u_loss_gradient, CURVE_START, learning_rate, steps)
    return path[-1]


@exercise(
    "04.1",
    question="Before you set the widget of 4.5 (type 18 into the number beside the slider): "
    "at α = 18 and 3 steps, what final w will it print?",
    hint="Every step multiplies the distance to the minimum by the same factor; what is it "
    "at this α, and what is its sign?",
    more_help="w_k = w* + (1 − 2aα)^k (w0 − w*), or three times w ← w − α·2a(w − w*).",
    slips=[
        Slip(
            "two steps too few",
            lambda: _w_after(WIDGET_RATE, WIDGET_STEPS - 2),
            "that is w after one step; the widget takes three.",
        ),
        Slip(
            "one step too few",
            lambda: _w_after(WIDGET_RATE, WIDGET_STEPS - 1),
            "that is w after one step too few.",
        ),
        Slip(
            "one step too many",
            lambda: _w_after(WIDGET_RATE, WIDGET_STEPS + 1),
            "that is w after one step too many.",
        ),
        Slip(
            "the factor's sign",
            lambda: (
                CURVE_MINIMUM
                + abs(1 - 2 * CURVE_A * WIDGET_RATE) ** WIDGET_STEPS * (CURVE_START - CURVE_MINIMUM)
            ),
            "check the sign of the factor 1 − 2aα at this α: each step jumps across w*.",
        ),
    ],
)
def widget_w_after_3_steps_at_18():
    return _w_after(WIDGET_RATE, WIDGET_STEPS)


@exercise(
    "04.2",
    question="The learning rate that lands exactly on the minimum in one step, from any start?",
    hint="Landing on w* means the distance to it becomes zero after one step.",
    more_help="Which α makes the factor (1 − 2aα) zero?",
    slips=[
        Slip(
            "the edge of divergence",
            lambda: 1 / CURVE_A,
            "at that α the factor is −1: the path jumps across w* and back, for ever.",
        ),
        Slip(
            "the curvature",
            lambda: 2 * CURVE_A,
            "that is the curvature 2a, not a learning rate.",
        ),
        Slip(
            "α = 5",
            lambda: 5.0,
            "α = 5 of section 4.2 halves the distance every step; it does not land in one.",
        ),
    ],
)
def learning_rate_that_lands_in_one_step():
    return 1 / (2 * CURVE_A)


ZIGZAG_RATES = (8.0, 15.0, 25.0)
ZIGZAG_OPTIONS = [
    (8.0, "α = 8: its factor 1 − 2aα is below 1, so each step jumps across w* and lands closer."),
    (
        15.0,
        "α = 15: its factor 1 − 2aα lies between −1 and 0, so each step jumps across w* "
        "and lands closer.",
    ),
    (
        25.0,
        "α = 25: the larger the step, the more it zigzags, and the shrinking gradient "
        "makes it converge.",
    ),
]


@exercise(
    "04.3",
    question="Of α = 8, 15 and 25 on this curve, which one zigzags across the minimum and still "
    "converges, and why? Type the number of the option.",
    hint="Work out the factor 1 − 2aα of each: its sign says whether the path zigzags, its "
    "size whether it converges.",
    more_help="A zigzag needs 1 − 2aα < 0; convergence needs |1 − 2aα| < 1.",
    kind="choice",
    options=_texts(ZIGZAG_OPTIONS),
    slips=[
        Slip(
            "α = 8",
            lambda: _option(ZIGZAG_OPTIONS, 8.0),
            "at α = 8 every step stays on the same side of w*: no zigzag.",
        ),
        Slip(
            "α = 25",
            lambda: _option(ZIGZAG_OPTIONS, 25.0),
            "at α = 25 the zigzag grows: each jump lands farther from w*.",
        ),
    ],
)
def learning_rate_that_zigzags_and_converges():
    def zigzags_and_converges(rate):
        path, diverged_at = gradient_descent_1d(u_loss_gradient, CURVE_START, rate, 20)
        offsets = np.asarray(path) - CURVE_MINIMUM
        crosses = np.all(offsets[1:] * offsets[:-1] < 0)
        return diverged_at is None and crosses and abs(offsets[-1]) < abs(offsets[0])

    (rate,) = [rate for rate in ZIGZAG_RATES if zigzags_and_converges(rate)]
    return _option(ZIGZAG_OPTIONS, rate)


# --- 05 · Batch gradient descent ---------------------------------------------------------------


def _lesson05_start() -> tuple[np.ndarray, ...]:
    """W, b, X, Y of lesson 05, fresh arrays."""
    X, Y = or_gate()
    return np.array([LESSON02_WEIGHTS]), np.full((1, 1), LESSON05_START_B), X, Y


def _cost_after_updates(learning_rate: float, updates: int) -> float:
    """Lesson 05 setup: the cost after ``updates`` gradient-descent steps."""
    W, b, X, Y = _lesson05_start()
    for _ in range(updates):
        _, dW, db = batch_gradients(W, b, X, Y)
        W, b = W - learning_rate * dW, b - learning_rate * db
    return batch_gradients(W, b, X, Y)[0]


NO_UPDATE = Slip(
    "no update",
    lambda: _cost_after_updates(1.0, 0),
    "that is the cost at the start, before any update.",
)


@exercise(
    "05.1",
    question="Take the second step yourself with the gradients printed in 5.8. The cost after it?",
    hint="Update W and b from the values after the first step, then go forward to the cost.",
    more_help="W ← W − α·dW and b ← b − α·db from the updated W and b, then J = (1/2m) Σ (Ŷ − Y)².",
    slips=[
        Slip(
            "one step too few",
            lambda: _cost_after_updates(1.0, 1),
            "that is the cost after the first update, before the second: take the step "
            "with the second step's gradients, then compute the cost.",
        ),
        NO_UPDATE,
        Slip(
            "one step too many",
            lambda: _cost_after_updates(1.0, 3),
            "that is the cost after three updates; stop after the second.",
        ),
    ],
)
def cost_after_two_updates():
    return _cost_after_updates(learning_rate=1.0, updates=2)


@exercise(
    "05.2",
    question="From the start, take one update with learning rate 0.5 instead of 1. The new cost?",
    hint="The gradients at the start are the ones printed in 5.4; only α changes.",
    more_help="W ← W − 0.5·dW, b ← b − 0.5·db, then Z = W·X + b, Ŷ = σ(Z), J = (1/2m) Σ (Ŷ − Y)².",
    slips=[
        Slip(
            "no update",
            NO_UPDATE.value,
            "that is the cost at the start: no update has been taken yet.",
        ),
        Slip(
            "α = 1",
            lambda: _cost_after_updates(1.0, 1),
            "that is the cost after the α = 1 update of 5.8; take α = 0.5.",
        ),
        Slip(
            "uphill",
            lambda: _cost_after_updates(-0.5, 1),
            "that step went uphill, W + α·dW: the update subtracts the gradient.",
        ),
    ],
)
def cost_after_one_update_at_half_rate():
    return _cost_after_updates(learning_rate=0.5, updates=1)


def _trained_or_neuron(epochs: int = 5000) -> list:
    W, b, X, Y = _lesson05_start()
    layers = single_neuron(W[0], b)
    if epochs:
        train(layers, X, Y, learning_rate=1.0, epochs=epochs)
    return layers


@exercise(
    "05.3",
    question="After the 5000 epochs of 5.11, what does the neuron output at x = (0.2, 0.2)?",
    hint="The trained weights and bias are printed in 5.11 as the formula for z.",
    more_help="z = w1·x1 + w2·x2 + b with the trained values, then ŷ = σ(z).",
    slips=[
        Slip(
            "z instead of ŷ",
            lambda: forward(_trained_or_neuron()[:1], [[0.2], [0.2]]).item(),
            "that is z; the neuron outputs σ(z).",
        ),
        Slip(
            "untrained",
            lambda: forward(_trained_or_neuron(epochs=0), [[0.2], [0.2]]).item(),
            "that is the output of the neuron at its start; use the trained one.",
        ),
    ],
)
def trained_or_output_at_0_2_0_2():
    return forward(_trained_or_neuron(), [[0.2], [0.2]]).item()


# --- 06 · Feature crosses ----------------------------------------------------------------------


def _lesson06_crossed_start() -> tuple[np.ndarray, ...]:
    """W, b, features X3 = (x1, x2, x1·x2) and Y of lesson 06, fresh arrays."""
    X, Y = xor_gate()
    return np.array([LESSON06_START_W]), np.full((1, 1), LESSON05_START_B), add_cross_feature(X), Y


@exercise(
    "06.1",
    question="At the start (w1 = 0.1, w2 = 0.6, w3 = 0.2, b = 0), what is ∂J/∂w3 on XOR?",
    hint="∂J/∂w3 sums one term per example, each weighted by that example's x1·x2.",
    more_help="∂J/∂w3 = Σ dZ·x1x2 with dZ = (Ŷ − Y)/m · Ŷ(1 − Ŷ); x1x2 is zero in three "
    "of the four examples.",
    slips=[
        Slip(
            "without 1/m",
            lambda: (
                batch_gradients(*_lesson06_crossed_start())[1][0, 2]
                * _lesson06_crossed_start()[2].shape[1]
            ),
            "J is an average: dŶ = (Ŷ − Y)/m.",
        ),
        Slip(
            "∂J/∂b",
            lambda: batch_gradients(*_lesson06_crossed_start())[2].item(),
            "that is ∂J/∂b, to which every example contributes; to w3 only those with "
            "x1·x2 ≠ 0 do.",
        ),
    ],
)
def dJ_dw3_at_the_start():
    return batch_gradients(*_lesson06_crossed_start())[1][0, 2]


def _trained_crossed_neuron(learning_rate: float = 1.0, epochs: int = 5000) -> list:
    W, b, X3, Y = _lesson06_crossed_start()
    layers = single_neuron(W[0], b)
    if epochs:
        train(layers, X3, Y, learning_rate=learning_rate, epochs=epochs)
    return layers


@exercise(
    "06.2",
    question="With the written-out z(x1, x2) of the trained crossed neuron: ŷ at (0.2, 0.8)?",
    hint="The neuron's third input is computed from the first two.",
    more_help="Put x1 = 0.2, x2 = 0.8 into z = w1·x1 + w2·x2 + w3·x1·x2 + b, then ŷ = σ(z).",
    slips=[
        Slip(
            "the cross left out",
            lambda: forward(_trained_crossed_neuron(), [[0.2], [0.8], [0.0]]).item(),
            "the cross x1·x2 is not zero at this point: its term w3·x1·x2 counts too.",
        ),
        Slip(
            "z instead of ŷ",
            lambda: forward(
                _trained_crossed_neuron()[:1], add_cross_feature([[0.2], [0.8]])
            ).item(),
            "that is z; the neuron outputs σ(z).",
        ),
        Slip(
            "the untrained neuron",
            lambda: forward(
                _trained_crossed_neuron(epochs=0), add_cross_feature([[0.2], [0.8]])
            ).item(),
            "that is the output of the neuron before training; use the weights of 6.6.",
        ),
    ],
)
def crossed_output_at_0_2_0_8():
    return forward(_trained_crossed_neuron(), add_cross_feature([[0.2], [0.8]])).item()


def _cost_of_trained_crossed_neuron(learning_rate: float, epochs: int = 5000) -> float:
    _, _, X3, Y = _lesson06_crossed_start()
    return network_cost(_trained_crossed_neuron(learning_rate, epochs), X3, Y)


@exercise(
    "06.3",
    question="Before moving the sliders of 6.8: with the cross on, α = 0.1 and 5000 epochs, "
    "what final cost will the widget print?",
    hint="The widget retrains the crossed neuron from its start of 6.4 at the learning rate you "
    "set: do the same yourself.",
    more_help="A fresh single_neuron at the starting weights of 6.4, train at α = 0.1 for 5000 "
    "epochs, then network_cost as in 6.5 (or the last entry of the costs train returns).",
    slips=[
        Slip(
            "α = 1",
            lambda: _cost_of_trained_crossed_neuron(1.0),
            "that is the cost at α = 1, as in 6.5; train at α = 0.1.",
        ),
        Slip(
            "untrained",
            lambda: _cost_of_trained_crossed_neuron(0.1, epochs=0),
            "that is the cost at the start, before training.",
        ),
    ],
)
def crossed_cost_after_training_at_0_1():
    return _cost_of_trained_crossed_neuron(0.1)


# --- 07 · A hidden layer solves XOR ------------------------------------------------------------


def _xor_output_at_centre(epochs: int) -> float:
    X, Y = xor_gate()
    layers = xor_network()
    if epochs:
        train(layers, X, Y, learning_rate=1.0, epochs=epochs)
    return forward(layers, np.array([[0.5], [0.5]])).item()


@exercise(
    "07.1",
    question="The 2-3-1 network trained in section 7.8 never saw the centre of the square: "
    "what is its output ŷ for x = (0.5, 0.5)?",
    hint="A single input is one column; the decision boundary figure tells you which side "
    "of ½ to expect.",
    more_help="X of shape (2, 1), run through the trained network's forward pass.",
    slips=[
        Slip(
            "untrained",
            lambda: _xor_output_at_centre(epochs=0),
            "that is the output of the network at its start; use the trained one.",
        )
    ],
)
def xor_output_at_the_centre():
    return _xor_output_at_centre(epochs=5000)


def _first_below(costs: np.ndarray, threshold: float = 0.01) -> int:
    if not (costs < threshold).any():
        raise RuntimeError(f"the cost never falls below {threshold}: reword the exercise")
    return int(np.argmax(costs < threshold))


def _first_xor_epoch_below_0_01(seed: int) -> int:
    X, Y = xor_gate()
    return _first_below(train(xor_network(seed=seed), X, Y, learning_rate=1.0, epochs=5000))


def _off_by_one(value: Callable[[], int]) -> list[Slip]:
    message = "one epoch off: costs[0] is the cost at the start, costs[k] the cost after k updates."
    return [
        Slip("one epoch early", lambda: value() - 1, message),
        Slip("one epoch late", lambda: value() + 1, message),
    ]


@exercise(
    "07.2",
    question="Train the 2-3-1 network from seed 1 (Xavier, α = 1) for 5000 epochs: what is the "
    "first epoch k at which the cost is below 0.01 (epoch k = after k updates, costs[k])?",
    hint="Start as section 7.8 does, with seed 1 instead of 0, and search the costs train returns.",
    more_help="Entry k of the costs is the cost after k updates: the first k with "
    "costs[k] < 0.01, e.g. np.argmax(costs < 0.01).",
    kind="count",
    slips=[
        *_off_by_one(lambda: _first_xor_epoch_below_0_01(1)),
        Slip(
            "seed 0",
            lambda: _first_xor_epoch_below_0_01(0),
            "that is the network of seed 0, as in section 7.8; start from seed 1.",
        ),
    ],
)
def first_epoch_below_0_01_seed_1():
    return _first_xor_epoch_below_0_01(1)


def _unsolved_fraction(hidden_units: int) -> float:
    _, accuracies = train_xor_many_seeds(range(200), hidden_units=hidden_units)
    return float(np.mean(accuracies < 1))


@exercise(
    "07.3",
    question="With only 2 hidden units, what fraction of seeds 0–199 are not solved within "
    "5000 epochs at α = 1 (accuracy below 100%)?",
    hint="Section 7.11 measured this for 3 hidden units with one stacked computation; "
    "the same helper takes the number of hidden units.",
    more_help="train_xor_many_seeds(range(200), hidden_units=2) returns the accuracies; the "
    "fraction below 1 is their mean of (accuracies < 1).",
    kind="fraction",
    out_of=200,
    slips=[
        Slip(
            "the solved fraction",
            lambda: 1 - _unsolved_fraction(2),
            "that is the fraction of seeds solved; the question asks for those not solved.",
        ),
        Slip(
            "3 hidden units",
            lambda: _unsolved_fraction(3),
            "that is the fraction for 3 hidden units, as in section 7.11; take 2.",
        ),
    ],
)
def unsolved_fraction_with_2_hidden_units():
    return _unsolved_fraction(2)


# --- 08 · Going deeper -------------------------------------------------------------------------


def _trained_xor_outputs() -> tuple[np.ndarray, np.ndarray]:
    X, Y = xor_gate()
    layers = xor_network()
    train(layers, X, Y, learning_rate=1.0, epochs=5000)
    return Y, forward(layers, X)


@exercise(
    "08.1",
    question="Train the seed-0 2-3-1 network on XOR with the squared error for 5000 epochs at "
    "α = 1, as in lesson 07: the cross-entropy cost of its final outputs?",
    hint="Training uses the squared error, as in lesson 07; only the final outputs are then "
    "scored with the other cost function.",
    more_help="cross_entropy_cost(Y, Ŷ) returns the cost and its gradient; "
    "J = −(1/m) Σ [y·log ŷ + (1 − y)·log(1 − ŷ)].",
    slips=[
        Slip(
            "the squared error",
            lambda: squared_error_cost(*_trained_xor_outputs())[0],
            "that is the squared-error cost of those outputs; score them with cross-entropy.",
        ),
        Slip(
            "the sum, not the mean",
            lambda: cross_entropy_cost(*_trained_xor_outputs())[0] * xor_gate()[1].shape[1],
            "that is the sum over the examples; the cost J averages them (÷ m).",
        ),
    ],
)
def cross_entropy_of_the_trained_xor_network():
    return cross_entropy_cost(*_trained_xor_outputs())[0]


@exercise(
    "08.2",
    question="One example, y = 1, z = −4, sigmoid output, m = 1: type dZ under the "
    "squared-error cost.",
    hint="Under the squared error, dZ is dŶ times the sigmoid's local gradient.",
    more_help="dZ = (ŷ − y) · σ'(z) with m = 1; compare it with the cross-entropy dZ = ŷ − y.",
    slips=[
        Slip(
            "the cross-entropy dZ",
            lambda: sigmoid(-4.0) - 1.0,
            "that is the cross-entropy dZ = ŷ − y; under the squared error σ'(z) multiplies it.",
        ),
    ],
)
def squared_error_dZ_at_z_minus_4():
    y_hat = sigmoid(-4.0)
    return (y_hat - 1.0) * sigmoid_derivative(-4.0)


def _first_per_example_epoch_below_0_01() -> int:
    X, Y = xor_gate()
    costs = train_per_example(xor_network(), X, Y, learning_rate=1.0, epochs=2000)
    return _first_below(costs)


@exercise(
    "08.3",
    question="Train the seed-0 2-3-1 network on XOR one example at a time, in column order, "
    "at α = 1 for 2000 epochs: what is the first epoch k at which the cost is below 0.01 "
    "(epoch k = after k passes over the examples, costs[k])?",
    hint="The per-example trainer of section 8.2 returns, like train, one cost per epoch; "
    "without a generator it keeps the column order.",
    more_help="costs[k] is the cost after k passes; the first k with costs[k] < 0.01, "
    "e.g. np.argmax(costs < 0.01).",
    kind="count",
    slips=[
        *_off_by_one(_first_per_example_epoch_below_0_01),
        Slip(
            "batch training",
            lambda: _first_xor_epoch_below_0_01(0),
            "that is batch training, one update per epoch as in lesson 07; update after "
            "every example.",
        ),
    ],
)
def first_per_example_epoch_below_0_01():
    return _first_per_example_epoch_below_0_01()
