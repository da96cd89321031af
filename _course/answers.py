"""How each exercise's answer is computed, from the lesson's own setup (never typed in).

Kept apart from the code learners read: ``check`` uses these to judge an
answer and never prints them.  Every answer is also worked independently in
the tests.
"""

from __future__ import annotations

import numpy as np

from _course.exercises import exercise
from _course.views import LESSON02_WEIGHTS, LESSON05_START_B, LESSON06_START_W
from nn_helpers import (
    CURVE_A,
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
    train,
    train_per_example,
    train_xor_many_seeds,
    u_loss_gradient,
    xor_gate,
    xor_network,
)


@exercise(
    "01.1",
    question="How many parameters (weights and biases) does a 2-3-1 network have?",
    hint="Layer l has n_l·n_(l−1) weights and n_l biases; add the two layers.",
)
def parameters_of_a_2_3_1_network():
    return count_parameters([2, 3, 1])


@exercise(
    "01.2",
    question=(
        "Keep worked example A's data and weights, but set the output bias b2 to 1. "
        "What is Ŷ for the third example, to 3 decimals?"
    ),
    hint=(
        "b2 is added to every column of W2·A1, so Z2 grows by exactly 1; then apply σ "
        "itself: ½ + z/4 is only close to σ(z) for small |z|, and here z is near 1."
    ),
)
def example_a_output_with_b2_at_1():
    rng = np.random.default_rng(EXAMPLE_A_SEED)
    layers = build_network([3, 4, 1], rng, init="small")
    layers[2].b[:] = 1.0
    return float(forward(layers, example_a_table().T)[0, 2])


@exercise(
    "01.3",
    question=(
        "A batch of m = 32 examples goes through worked example B's 5-3-5-4 network. "
        "What is the shape of Z2? Answer as a pair (rows, columns)."
    ),
    hint="Z2 has one row per unit of layer 2 and one column per example.",
)
def shape_of_Z2_in_example_b():
    return forward_shapes([5, 3, 5, 4], m=32)[1]["Z"]


def _or_neuron(index: int, w=LESSON02_WEIGHTS, b=None) -> NeuronGradients:
    """The lesson 02 neuron (or one with other w, b) on OR example ``index`` (0–3)."""
    X, Y = or_gate()
    return neuron_forward_backward(X[:, index], w, Y[0, index], b)


@exercise(
    "02.1",
    question="Second OR example, x = (0, 1), y = 1, weights w1 = 0.1, w2 = 0.6: ∂L/∂w2?",
    hint="∂L/∂w2 = (ŷ − y) · ŷ(1 − ŷ) · x2, with z = w1·x1 + w2·x2 and ŷ = σ(z).",
)
def or_example_2_dL_dw2():
    return _or_neuron(1).dL_dw[1]


@exercise(
    "02.2",
    question="Same example, x = (0, 1), y = 1: ∂L/∂w1?",
    hint="Which input multiplies w1 in z? The local gradient ∂z/∂w1 is that input.",
)
def or_example_2_dL_dw1():
    return _or_neuron(1).dL_dw[0]


@exercise(
    "02.3",
    question="Fourth OR example, x = (1, 1), y = 1: ∂L/∂z?",
    hint="∂L/∂z = (ŷ − y) · ŷ(1 − ŷ), with z = w1 + w2 here.",
)
def or_example_4_dL_dz():
    return _or_neuron(3).dL_dz


def _after_one_bias_step(learning_rate: float) -> NeuronGradients:
    """Lesson 03's neuron on the first OR example, one step from b = 0, then forward again."""
    first = _or_neuron(0, b=0.0)
    new_w = first.w - learning_rate * first.dL_dw  # unchanged: the inputs are zero
    new_b = first.b - learning_rate * first.dL_db
    return _or_neuron(0, new_w, new_b)


@exercise(
    "03.1",
    question="One step from b = 0 with α = 0.5 instead of 1: the loss after the step?",
    hint="New b = b − α ∂L/∂b (the weights do not move); then z = b, ŷ = σ(z), L = ½(y − ŷ)².",
)
def loss_after_one_step_at_half_rate():
    return _after_one_bias_step(0.5).loss


@exercise(
    "03.2",
    question="After this lesson's α = 1 step: ∂L/∂b at the new bias (the next step's gradient)?",
    hint="Forward again with the new b: z = b, ŷ = σ(b); then ∂L/∂b = (ŷ − y)·ŷ(1 − ŷ).",
)
def dL_db_after_one_step():
    return _after_one_bias_step(1.0).dL_db


@exercise(
    "04.1",
    question="On L(w) = a(w − w*)² with this lesson's a: the α above which descent diverges?",
    hint="Each step multiplies w − w* by (1 − 2aα); it shrinks while |1 − 2aα| < 1.",
)
def largest_stable_learning_rate():
    return 1 / CURVE_A


@exercise(
    "04.2",
    question="The learning rate that lands exactly on the minimum in one step?",
    hint="Which α makes the factor (1 − 2aα) zero?",
)
def learning_rate_that_lands_in_one_step():
    return 1 / (2 * CURVE_A)


@exercise(
    "04.3",
    question="w after 4 steps with α = 0.5 from this lesson's start w0?",
    hint="Four times w ← w − α·2a(w − w*), or w* + (1 − 2aα)⁴(w0 − w*).",
)
def w_after_four_steps():
    path, _ = gradient_descent_1d(u_loss_gradient, CURVE_START, 0.5, 4)
    return path[-1]


def _cost_after_updates(learning_rate: float, updates: int) -> float:
    """Lesson 05 setup: the cost after ``updates`` gradient-descent steps."""
    W, b, X, Y = _lesson05_start()
    for _ in range(updates):
        _, dW, db = batch_gradients(W, b, X, Y)
        W, b = W - learning_rate * dW, b - learning_rate * db
    return batch_gradients(W, b, X, Y)[0]


@exercise(
    "05.1",
    question="Take the second step yourself with the gradients printed in 5.8. The cost after it?",
    hint="W ← W − α·dW and b ← b − α·db from the updated W and b, then J = (1/2m) Σ (Ŷ − Y)².",
)
def cost_after_two_updates():
    return _cost_after_updates(learning_rate=1.0, updates=2)


@exercise(
    "05.2",
    question="From the start, take one update with learning rate 0.5 instead of 1. The new cost?",
    hint="The gradients at the start are the ones printed in 5.4; only α changes.",
)
def cost_after_one_update_at_half_rate():
    return _cost_after_updates(learning_rate=0.5, updates=1)


def _lesson05_start() -> tuple[np.ndarray, ...]:
    """W, b, X, Y of lesson 05, fresh arrays."""
    X, Y = or_gate()
    return np.array([LESSON02_WEIGHTS]), np.full((1, 1), LESSON05_START_B), X, Y


@exercise(
    "05.3",
    question="After the 5000 epochs of 5.11, what does the neuron output at x = (0.2, 0.2)?",
    hint="z = w1·x1 + w2·x2 + b with the trained values, then ŷ = σ(z).",
)
def trained_or_output_at_0_2_0_2():
    W, b, X, Y = _lesson05_start()
    layers = single_neuron(W[0], b)
    train(layers, X, Y, learning_rate=1.0, epochs=5000)
    return forward(layers, [[0.2], [0.2]]).item()


def _lesson06_crossed_start() -> tuple[np.ndarray, ...]:
    """W, b, features X3 = (x1, x2, x1·x2) and Y of lesson 06, fresh arrays."""
    X, Y = xor_gate()
    return np.array([LESSON06_START_W]), np.full((1, 1), LESSON05_START_B), add_cross_feature(X), Y


@exercise(
    "06.1",
    question="At the start (w1 = 0.1, w2 = 0.6, w3 = 0.2, b = 0), what is ∂J/∂w3 on XOR?",
    hint="∂J/∂w3 = Σ dZ·x1x2 over the examples, and x1x2 is zero in three of the four.",
)
def dJ_dw3_at_the_start():
    return batch_gradients(*_lesson06_crossed_start())[1][0, 2]


@exercise(
    "06.2",
    question="With the written-out z(x1, x2) of the trained crossed neuron: ŷ at (0.2, 0.8)?",
    hint="Put x1 = 0.2, x2 = 0.8 into z = w1·x1 + w2·x2 + w3·x1·x2 + b, then ŷ = σ(z).",
)
def crossed_output_at_0_2_0_8():
    W, b, X3, Y = _lesson06_crossed_start()
    layers = single_neuron(W[0], b)
    train(layers, X3, Y, learning_rate=1.0, epochs=5000)
    return forward(layers, add_cross_feature([[0.2], [0.8]])).item()


@exercise(
    "06.3",
    question="The crossed neuron retrained from its start with α = 0.1 for 5000 epochs: the cost "
    "after training (the widget's final cost)?",
    hint="Start from a fresh neuron with the starting weights of 6.4 (the layers trained in 6.5 "
    "are already past the start); after training, compute its cost as 6.5 does, with "
    "network_cost: train's last entry is the cost before the last update.",
)
def crossed_cost_after_training_at_0_1():
    W, b, X3, Y = _lesson06_crossed_start()
    layers = single_neuron(W[0], b)
    train(layers, X3, Y, learning_rate=0.1, epochs=5000)
    return network_cost(layers, X3, Y)  # after the last update (train's costs[-1] is before it)


@exercise(
    "07.1",
    question="The 2-3-1 network trained in section 7.8 never saw the centre of the square: "
    "what is its output ŷ for x = (0.5, 0.5)?",
    hint="A single input is one column, X of shape (2, 1); run it through the trained "
    "network's forward pass. The decision boundary figure tells you which side of ½ to expect.",
)
def xor_output_at_the_centre():
    X, Y = xor_gate()
    layers = xor_network()
    train(layers, X, Y, learning_rate=1.0, epochs=5000)
    return forward(layers, np.array([[0.5], [0.5]])).item()


@exercise(
    "07.2",
    question="Train the 2-3-1 network from seed 1 (Xavier, α = 1) for 5000 epochs: what is the "
    "first epoch k at which the cost is below 0.01 (epoch k = after k updates, costs[k])?",
    hint="Start as section 7.8 does, with seed 1 instead of 0. Entry k of the costs that "
    "train returns is the cost after k updates: look for the first one below 0.01.",
)
def first_epoch_below_0_01_seed_1():
    X, Y = xor_gate()
    layers = xor_network(seed=1)
    costs = train(layers, X, Y, learning_rate=1.0, epochs=5000)
    if not (costs < 0.01).any():
        raise RuntimeError("seed 1 never reaches a cost below 0.01: reword exercise 07.2")
    return int(np.argmax(costs < 0.01))


@exercise(
    "07.3",
    question="With only 2 hidden units, what fraction of seeds 0–199 are not solved within "
    "5000 epochs at α = 1 (accuracy below 100%)?",
    hint="Section 7.11 measured this for 3 hidden units with one stacked computation; "
    "the same helper takes the number of hidden units.",
)
def unsolved_fraction_with_2_hidden_units():
    _, accuracies = train_xor_many_seeds(range(200), hidden_units=2)
    return float(np.mean(accuracies < 1))


@exercise(
    "08.1",
    question="Train the seed-0 2-3-1 network on XOR with the squared error for 5000 epochs at "
    "α = 1, as in lesson 07: the cross-entropy cost of its final outputs?",
    hint="Training uses the squared error, as in lesson 07; only the final outputs are then "
    "scored with the other cost function (it returns the cost and its gradient).",
)
def cross_entropy_of_the_trained_xor_network():
    X, Y = xor_gate()
    layers = xor_network()
    train(layers, X, Y, learning_rate=1.0, epochs=5000)
    return cross_entropy_cost(Y, forward(layers, X))[0]


@exercise(
    "08.2",
    question="One example, y = 1, z = −4, sigmoid output, m = 1: type dZ under the "
    "squared-error cost (a negative number).",
    hint="dZ = (ŷ − y) · σ'(z) with m = 1; compare it with the cross-entropy dZ = ŷ − y.",
)
def squared_error_dZ_at_z_minus_4():
    y_hat = sigmoid(-4.0)
    return (y_hat - 1.0) * sigmoid_derivative(-4.0)


@exercise(
    "08.3",
    question="Train the seed-0 2-3-1 network on XOR one example at a time, in column order, "
    "at α = 1 for 2000 epochs: what is the first epoch k at which the cost is below 0.01 "
    "(epoch k = after k passes over the examples, costs[k])?",
    hint="The per-example trainer of section 8.2 returns, like train, the cost at the start "
    "of every epoch; without a generator it keeps the column order. Look for the first "
    "entry below 0.01.",
)
def first_per_example_epoch_below_0_01():
    X, Y = xor_gate()
    layers = xor_network()
    costs = train_per_example(layers, X, Y, learning_rate=1.0, epochs=2000)
    if not (costs < 0.01).any():
        raise RuntimeError("the cost never falls below 0.01: reword exercise 08.3")
    return int(np.argmax(costs < 0.01))
