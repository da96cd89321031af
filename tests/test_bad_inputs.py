"""Bad input to every public entry point is a ValueError that names the argument and the problem.

One table: ``(function, args, kwargs, keywords)``.  Each case must raise a
ValueError, at once (under 0.1 s, 0.5 s for a figure: no hang, no huge allocation), with no
warning on the way (warnings are errors here), and every keyword must appear
in the message as a word of its own, case-insensitively.  Key words, not exact
wording: "X" and "NaN", "None", "complex", "empty", "2-D", "columns",
"whole number", "learning_rate", "[0, 1]".

The table is built from a few lists of bad values (bad arrays, bad counts, bad
numbers) crossed with the entry points that take such an argument, plus the
cases of single functions and the cases of the red-team report: NaN weights
before forward/predict/train/a gradient check, cross-entropy labels outside
[0, 1], 10**9 epochs, layer sizes of 10**6, ``judge(['02.1'], 0.5)``.
"""

import math
import re
import time

import ipywidgets  # noqa: F401  (imported once here, so no case pays for the import)
import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import nn_helpers as nn  # noqa: E402
from _course import figures  # noqa: E402
from _course import validation as valid  # noqa: E402

pytestmark = pytest.mark.filterwarnings("error")
plt.close(nn.new_axes()[0])  # the first figure loads the backend: not timed below

X4, Y4 = nn.xor_gate()  # (2, 4), (1, 4)
MAX_EPOCHS = str(valid.MAX_EPOCHS)
MAX_UNITS = str(valid.MAX_UNITS)


def net(sizes=(2, 3, 1), seed=0):
    return nn.build_network(list(sizes), np.random.default_rng(seed))


def poisoned(layer_index=0, name="W", value=math.nan):
    """A 2-3-1 network with one weight (or bias) set to NaN or infinity."""
    layers = net()
    getattr(layers[layer_index], name)[0, 0] = value
    return layers


def with_entry(shape, value):
    """Zeros of ``shape`` with one entry set to ``value`` (NaN, infinity, 1j)."""
    array = np.zeros(shape, dtype=complex if isinstance(value, complex) else float)
    array.flat[0] = value
    return array


def bad_arrays(shape):
    """(bad value, key words) for an array argument that should have ``shape`` (2-D or 1-D)."""
    wrong_ndim = np.zeros(shape[:-1]) if len(shape) == 2 else np.zeros(shape + (1,))
    return [
        (None, ["None"]),
        ("0.5", ["text"]),
        (with_entry(shape, 1j), ["complex"]),
        (np.array([[object()]]), ["numbers"]),
        (np.zeros(shape[:-1] + (0,)), ["empty"]),
        (wrong_ndim, [f"{len(shape)}-D"]),
        (np.zeros((2, 4, 1)) if len(shape) == 2 else np.zeros((1, 2)), [f"{len(shape)}-D"]),
        (with_entry(shape, math.nan), ["NaN"]),
        (with_entry(shape, -math.inf), ["infinite"]),
    ]


def case(function, *args, keys, bug=None, **kwargs):
    """One row.  ``bug``: where a file this suite may not change lets the case through."""
    name = getattr(function, "__qualname__", repr(function))
    marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
    return pytest.param(function, args, kwargs, keys, id=f"{name}-{'-'.join(keys)}", marks=marks)


CASES = []

# --- every function that runs a network on data: X, Y, weights, biases -------------------

NETWORK_ON_DATA = {  # function: how it is called with (layers, X, Y)
    "forward": lambda layers, X, Y: nn.forward(layers, X),
    "predict": lambda layers, X, Y: nn.predict(layers, X),
    "train": lambda layers, X, Y: nn.train(layers, X, Y, 1.0, 10),
    "train_per_example": lambda layers, X, Y: nn.train_per_example(layers, X, Y, 1.0, 10),
    "network_cost": lambda layers, X, Y: nn.network_cost(layers, X, Y),
    "check_network_gradients": lambda layers, X, Y: nn.check_network_gradients(layers, X, Y),
    "plot_xor_training": lambda layers, X, Y: nn.plot_xor_training([0.2, 0.1], layers, X, Y),
}
NETWORK_ON_LABELS = ("train", "train_per_example", "network_cost", "check_network_gradients")

for name, call in NETWORK_ON_DATA.items():
    call.__qualname__ = name
    for bad, keys in bad_arrays((2, 4)):
        CASES.append(case(call, net(), bad, Y4, keys=["X", *keys]))
    rows = ["X", "(2, m)"] if name == "plot_xor_training" else ["X", "features", "rows"]
    CASES.append(case(call, net(), np.zeros((3, 4)), Y4, keys=rows))
    for layers, keys in [
        (poisoned(0, "W"), ["layer 1", "W", "NaN"]),
        (poisoned(2, "W", math.inf), ["layer 2", "W", "infinite"]),
        (poisoned(0, "b"), ["layer 1", "b", "NaN"]),
        (poisoned(2, "b", -math.inf), ["layer 2", "b", "infinite"]),
        (None, ["layers", "list"]),
        ([], ["layers", "non-empty"]),
        ("net", ["layers", "list"]),
        ([nn.SigmoidLayer()], ["LinearLayer"]),
        ([nn.LinearLayer(2, 3, np.random.default_rng(0)), 3], ["layers[1]", "layer"]),
        (net((2, 3, 1))[:2] + net((2, 1)), ["layer 2", "columns"]),
    ]:
        CASES.append(case(call, layers, X4, Y4, keys=keys))
    if name in NETWORK_ON_LABELS:
        for bad, keys in bad_arrays((1, 4)):
            CASES.append(case(call, net(), X4, bad, keys=["Y", *keys]))
        CASES.append(case(call, net(), X4, np.zeros((1, 3)), keys=["X", "Y", "columns"]))
        CASES.append(case(call, net(), X4, np.zeros((2, 4)), keys=["Y", "outputs", "rows"]))

# --- training: learning rates, epochs, cost functions, labels ---------------------------

TRAINERS = {
    "train": nn.train,
    "train_per_example": nn.train_per_example,
    "train_xor_many_seeds": lambda learning_rate=1.0, epochs=10: nn.train_xor_many_seeds(
        [0, 1], learning_rate=learning_rate, epochs=epochs
    ),
    "gradient_descent_1d": lambda learning_rate=1.0, epochs=10: nn.gradient_descent_1d(
        nn.u_loss_gradient, 0.0, learning_rate, epochs
    ),
    "batch_training_view": nn.batch_training_view,
    "feature_cross_view": nn.feature_cross_view,
    "hidden_layer_view": nn.hidden_layer_view,
    "learning_rate_view": lambda learning_rate=1.0, epochs=10: nn.learning_rate_view(
        learning_rate, epochs
    ),
}
BAD_LEARNING_RATES = [
    (0, ["learning_rate", "> 0"]),
    (-0.5, ["learning_rate", "> 0"]),
    (math.nan, ["learning_rate", "finite"]),
    (math.inf, ["learning_rate", "finite"]),
    (True, ["learning_rate", "number"]),
    ("1", ["learning_rate", "number"]),
    (None, ["learning_rate", "number"]),
    (1j, ["learning_rate", "number"]),
]
BAD_COUNTS = [  # for epochs and steps
    (0, ["whole number", MAX_EPOCHS]),
    (-1, ["whole number", MAX_EPOCHS]),
    (10**9, ["whole number", MAX_EPOCHS]),
    (2.0, ["whole number"]),
    (True, ["whole number"]),
    ("5", ["whole number"]),
    (None, ["whole number"]),
]
for name, trainer in TRAINERS.items():
    epochs_name = "steps" if name in ("gradient_descent_1d", "learning_rate_view") else "epochs"
    on_data = name in ("train", "train_per_example")

    def call(learning_rate=1.0, epochs=10, trainer=trainer, on_data=on_data):
        if on_data:
            return trainer(net(), X4, Y4, learning_rate, epochs)
        return trainer(learning_rate=learning_rate, epochs=epochs)

    call.__qualname__ = name
    for bad, keys in BAD_LEARNING_RATES:
        CASES.append(case(call, learning_rate=bad, keys=keys))
    for bad, keys in BAD_COUNTS:
        CASES.append(case(call, epochs=bad, keys=[epochs_name, *keys]))

CE = nn.cross_entropy_cost
for trainer in (nn.train, nn.train_per_example):
    CASES += [
        case(trainer, net(), X4, Y4, 1.0, 10, cost_function="squared", keys=["cost_function"]),
        case(trainer, net(), X4, 2 * Y4, 1, 10, cost_function=CE, keys=["Y", "labels", "[0, 1]"]),
        case(trainer, net(), X4, Y4 - 1, 1, 10, cost_function=CE, keys=["Y", "labels", "[0, 1]"]),
    ]
CASES += [
    case(nn.train_per_example, net(), X4, Y4, 1.0, 10, rng=0, keys=["rng", "Generator"]),
    case(
        nn.train,
        net((2, 1000, 1000, 1)),
        np.zeros((2, 10**4)),
        np.zeros((1, 10**4)),
        1,
        10**4,
        keys=["epochs", "examples", "parameters"],
    ),
    case(
        nn.train_per_example,
        net(),
        np.zeros((2, 10**4)),
        np.zeros((1, 10**4)),
        1,
        1000,
        keys=["epochs", "examples", "updates"],
    ),
    case(nn.train_per_example, net(), X4, Y4, 1.0, 10, rng="seed", keys=["rng", "Generator"]),
    case(nn.network_cost, net(), X4, Y4, cost_function=None, keys=["cost_function"]),
    case(nn.check_network_gradients, net(), X4, Y4, cost_function=0, keys=["cost_function"]),
    case(nn.network_cost, net(), X4, 2 * Y4, nn.cross_entropy_cost, keys=["Y", "[0, 1]"]),
    case(nn.predict, net(), X4, threshold=math.nan, keys=["threshold", "finite"]),
    case(nn.predict, net(), X4, threshold="0.5", keys=["threshold", "number"]),
    case(nn.predict, net(), X4, threshold=None, keys=["threshold", "number"]),
]

# --- costs and accuracy -------------------------------------------------------------

for cost in (nn.squared_error_cost, nn.cross_entropy_cost):
    for bad, keys in bad_arrays((1, 4)):
        CASES.append(case(cost, bad, np.full((1, 4), 0.5), keys=["Y", *keys]))
    for bad, keys in bad_arrays((1, 4))[:7]:  # Ŷ may hold NaN: the cost of a diverged run
        CASES.append(case(cost, Y4, bad, keys=["Y_hat", *keys]))
    CASES.append(case(cost, Y4, np.full((1, 3), 0.5), keys=["Y", "Y_hat", "same shape"]))
CASES += [
    case(nn.cross_entropy_cost, [[1.5, 0.0]], [[0.5, 0.5]], keys=["Y", "labels", "[0, 1]"]),
    case(nn.cross_entropy_cost, [[-0.1, 0.0]], [[0.5, 0.5]], keys=["Y", "labels", "[0, 1]"]),
    case(nn.cross_entropy_cost, [[1.0, 0.0]], [[1.5, 0.5]], keys=["Y_hat", "[0, 1]"]),
    case(nn.cross_entropy_cost, [[1.0, 0.0]], [[0.5, -1e-9]], keys=["Y_hat", "[0, 1]"]),
]
for bad, keys in bad_arrays((1, 4)):
    CASES.append(case(nn.accuracy, bad, Y4, keys=["predictions", *keys]))
    CASES.append(case(nn.accuracy, Y4, bad, keys=["Y", *keys]))
CASES.append(case(nn.accuracy, [[0, 1, 1]], Y4, keys=["predictions", "Y", "same shape"]))

# --- activations and one-example losses: any shape, but numbers ------------------------

for function in (nn.sigmoid, nn.sigmoid_derivative, nn.leaky_relu, nn.leaky_relu_derivative):
    CASES += [
        case(function, None, keys=["z", "None"]),
        case(function, "0.5", keys=["z", "text"]),
        case(function, 1j, keys=["z", "complex"]),
        case(function, [[1.0, "a"]], keys=["z", "numbers"]),
    ]
for function in (nn.leaky_relu, nn.leaky_relu_derivative):
    CASES += [
        case(function, [1.0], leak=math.nan, keys=["leak", "finite"]),
        case(function, [1.0], leak="0.1", keys=["leak", "number"]),
    ]
for function in (nn.squared_error_loss, nn.u_loss, nn.u_loss_gradient):
    first = "y" if function is nn.squared_error_loss else "w"
    rest = (0.5,) if function is nn.squared_error_loss else ()
    CASES += [
        case(function, None, *rest, keys=[first, "None"]),
        case(function, "1", *rest, keys=[first, "text"]),
        case(function, 1j, *rest, keys=[first, "complex"]),
    ]
CASES += [
    case(nn.squared_error_loss, 1.0, None, keys=["y_hat", "None"]),
    case(nn.squared_error_loss, [1.0, 0.0], [0.5, 0.5, 0.5], keys=["y", "y_hat", "shape"]),
    case(nn.u_loss, 1.0, a="0.05", keys=["a", "number"]),
    case(nn.u_loss_gradient, 1.0, w_star=math.nan, keys=["w_star", "finite"]),
]

# --- layers and networks ----------------------------------------------------------------

RNG = np.random.default_rng(0)
BAD_SIZES = [
    (0, ["whole number", MAX_UNITS]),
    (10**6, ["whole number", MAX_UNITS]),
    (2.0, ["whole number"]),
    (True, ["whole number"]),
    ("3", ["whole number"]),
    (None, ["whole number"]),
]
for bad, keys in BAD_SIZES:
    CASES += [
        case(nn.LinearLayer, bad, 2, RNG, keys=["n_in", *keys]),
        case(nn.LinearLayer, 2, bad, RNG, keys=["n_out", *keys]),
        case(nn.build_network, [2, bad, 1], RNG, keys=["layer size 2", *keys]),
        case(nn.count_parameters, [bad, 1], keys=["layer size 1", *keys]),
        case(nn.forward_shapes, [2, bad], 4, keys=["layer size 2", *keys]),
        case(nn.draw_network, [3, bad, 1], keys=["layer size 2", *keys]),
        case(nn.xor_network, 0, bad, keys=["hidden_units", *keys]),
        case(nn.train_xor_many_seeds, [0], bad, epochs=5, keys=["hidden_units", *keys]),
        case(nn.hidden_layer_view, hidden_units=bad, epochs=5, keys=["hidden_units", *keys]),
    ]
for bad in (None, 0, "seed", np.random.RandomState(0)):
    CASES += [
        case(nn.LinearLayer, 2, 3, bad, keys=["rng", "Generator"]),
        case(nn.build_network, [2, 3, 1], bad, keys=["rng", "Generator"]),
    ]
for sizes in ([2], [], 3, "2-3-1", None, [2] * 60):
    CASES += [
        case(nn.build_network, sizes, RNG, keys=["layer_sizes"]),
        case(nn.count_parameters, sizes, keys=["layer_sizes"]),
        case(nn.forward_shapes, sizes, 4, keys=["layer_sizes"]),
        case(nn.draw_network, sizes, keys=["layer_sizes"]),
    ]
CASES += [
    case(nn.LinearLayer, 2, 3, keys=["rng", "Generator"]),
    case(nn.LinearLayer, 2, 3, RNG, init="glorot", keys=["init", "xavier"]),
    case(nn.build_network, [2, 1], RNG, init=None, keys=["init", "xavier"]),
    case(nn.build_network, [2, 1], RNG, hidden_activation="relu", keys=["hidden_activation"]),
    case(nn.LinearLayer, 2, 3, RNG, scale=0.0, keys=["scale", "> 0"]),
    case(nn.LinearLayer, 2, 3, RNG, init="small", scale=math.nan, keys=["scale", "finite"]),
    case(nn.LinearLayer, 2, 3, RNG, scale="0.01", keys=["scale", "number"]),
    case(nn.LeakyReLULayer, math.nan, keys=["leak", "finite"]),
    case(nn.LeakyReLULayer, -0.1, keys=["leak", "0", "1"]),
    case(nn.LeakyReLULayer, 1.0, keys=["leak", "0", "1"]),
    case(nn.LeakyReLULayer, None, keys=["leak", "number"]),
    case(nn.forward_shapes, [2, 3, 1], 0, keys=["m", "whole number"]),
    case(nn.forward_shapes, [2, 3, 1], 10**9, keys=["m", "whole number"]),
    case(nn.describe_forward_shapes, [2, 3, 1], 2.5, keys=["m", "whole number"]),
    case(nn.LinearLayer(3, 2, RNG).forward, np.zeros((2, 4)), keys=["input", "(3, m)"]),
    case(nn.backward, net(), np.zeros((1, 4)), keys=["forward", "before backward"]),
    case(nn.backward, None, np.zeros((1, 4)), keys=["layers", "list"]),
    case(nn.backward, net(), None, keys=["dY_hat", "None"]),
    case(nn.backward, net(), [[math.nan] * 4], keys=["dY_hat", "NaN"]),
]
_forwarded = net()
nn.forward(_forwarded, X4)
CASES.append(case(nn.backward, _forwarded, np.zeros((1, 3)), keys=["dY_hat", "shape", "(1, 4)"]))

for bad, keys in bad_arrays((2, 3)):
    CASES.append(case(nn.LinearLayer.from_weights, bad, keys=["W", *keys]))
CASES += [
    case(nn.LinearLayer.from_weights, np.ones((2, 3)), [1.0, math.nan], keys=["b", "NaN"]),
    case(nn.LinearLayer.from_weights, np.ones((2, 3)), "0", keys=["b", "text"]),
    case(nn.LinearLayer.from_weights, np.ones((2, 3)), [1.0, 2.0, 3.0], keys=["b", "entry"]),
    case(nn.LinearLayer.from_weights, np.ones((2, 3)), 1j, keys=["b", "complex"]),
]

# --- gradient checks ----------------------------------------------------------------------

THETA = np.array([1.0, 2.0])
CASES += [
    case(nn.numerical_gradient, None, THETA, keys=["f", "function"]),
    case(nn.numerical_gradient, lambda: 0.0, [1.0, 2.0], keys=["theta", "NumPy array"]),
    case(nn.numerical_gradient, lambda: 0.0, np.array([1, 2]), keys=["theta", "float"]),
    case(nn.numerical_gradient, lambda: 0.0, np.array([1.0, math.nan]), keys=["theta", "NaN"]),
    case(nn.numerical_gradient, lambda: 0.0, np.zeros(0), keys=["theta", "empty"]),
    case(nn.numerical_gradient, lambda: 0.0, THETA, eps=0.0, keys=["eps", "> 0"]),
    case(nn.numerical_gradient, lambda: 0.0, THETA, eps="1e-6", keys=["eps", "number"]),
    case(nn.gradients_agree, THETA, np.zeros(3), keys=["analytic", "numeric", "same shape"]),
    case(nn.gradients_agree, None, THETA, keys=["analytic", "None"]),
    case(nn.gradients_agree, THETA, [1.0, math.nan], keys=["numeric", "NaN"]),
    case(nn.gradients_agree, THETA, THETA, rtol="1e-5", keys=["rtol", "number"]),
    case(nn.gradients_agree, THETA, THETA, atol=-1.0, keys=["atol", ">= 0"]),
    case(nn.compare_gradients, None, THETA, THETA, keys=["name", "text"]),
    case(nn.compare_gradients, "dW1", THETA, "0", keys=["numeric", "text"]),
]

# --- datasets -------------------------------------------------------------------------------

for bad, keys in bad_arrays((2, 4)):
    CASES.append(case(nn.add_cross_feature, bad, keys=["X", *keys]))
CASES.append(case(nn.add_cross_feature, np.zeros((3, 4)), keys=["X", "(2, m)"]))
for bad, keys in bad_arrays((4,)):
    CASES.append(case(nn.binary_digits, bad, keys=["numbers", *keys]))
CASES += [
    case(nn.binary_digits, [16], keys=["numbers", "whole numbers", "[0, 16)"]),
    case(nn.binary_digits, [-1], keys=["numbers", "[0, 16)"]),
    case(nn.binary_digits, [1.5], keys=["numbers", "whole numbers"]),
    case(nn.binary_digits, [1], bits=0, keys=["bits", "whole number"]),
    case(nn.binary_digits, [1], bits=10**6, keys=["bits", "whole number"]),
    case(nn.even_odd_numbers, 1, keys=["count", "whole number"]),
    case(nn.even_odd_numbers, 10**12, keys=["count", "whole number"]),
    case(nn.even_odd_numbers, 2.5, keys=["count", "whole number"]),
]

# --- the math of single lessons ------------------------------------------------------------

W2 = [0.1, 0.6]
for bad, keys in bad_arrays((2,)):
    CASES += [
        case(nn.neuron_forward_backward, bad, W2, 1.0, keys=["x", *keys]),
        case(nn.neuron_forward_backward, [0.0, 1.0], bad, 1.0, keys=["w", *keys]),
        case(nn.neuron_finite_differences, bad, W2, 1.0, keys=["x", *keys]),
    ]
    if "1-D" not in keys:  # single_neuron takes w as (n,) or (1, n)
        CASES.append(case(nn.single_neuron, bad, keys=["w", *keys]))
CASES += [
    case(nn.neuron_forward_backward, [0.0, 1.0, 1.0], W2, 1.0, keys=["x", "w", "same shape"]),
    case(nn.neuron_forward_backward, [0.0, 1.0], W2, None, keys=["y", "None"]),
    case(nn.neuron_forward_backward, [0.0, 1.0], W2, [0.0, 1.0], keys=["y", "single number"]),
    case(nn.neuron_forward_backward, [0.0, 1.0], W2, math.nan, keys=["y", "NaN"]),
    case(nn.neuron_forward_backward, [0.0, 1.0], W2, 1.0, [0.0, 1.0], keys=["b", "single number"]),
    case(nn.neuron_forward_backward, [0.0, 1.0], W2, 1.0, "0", keys=["b", "text"]),
    case(nn.neuron_finite_differences, [0.0, 1.0], W2, 1.0, eps=-1.0, keys=["eps", "> 0"]),
    case(nn.single_neuron, np.zeros((2, 2)), keys=["w", "one neuron"]),
    case(nn.single_neuron, W2, [0.0, 1.0], keys=["b", "single number"]),
    case(nn.single_neuron, W2, math.nan, keys=["b", "NaN"]),
    case(nn.gradient_descent_1d, None, 0.0, 0.5, 5, keys=["gradient", "function"]),
    case(nn.gradient_descent_1d, nn.u_loss_gradient, None, 0.5, 5, keys=["w0", "number"]),
    case(nn.gradient_descent_1d, nn.u_loss_gradient, math.nan, 0.5, 5, keys=["w0", "finite"]),
    case(nn.gradient_descent_1d, nn.u_loss_gradient, 0.0, 0.5, 5, bound=0, keys=["bound", "> 0"]),
]
for gradients in (nn.batch_gradients, nn.per_example_gradients):
    W, b = np.zeros((1, 2)), np.zeros((1, 1))
    for bad, keys in bad_arrays((1, 2)):
        CASES.append(case(gradients, bad, b, X4, Y4, keys=["W", *keys]))
    for bad, keys in bad_arrays((2, 4)):
        CASES.append(case(gradients, W, b, bad, Y4, keys=["X", *keys]))
    CASES += [
        case(gradients, np.zeros((1, 3)), b, X4, Y4, keys=["W", "(1, 2)"]),
        case(gradients, W, np.zeros((2, 1)), X4, Y4, keys=["b", "(1, 1)"]),
        case(gradients, W, 0.0, X4, Y4, keys=["b", "2-D"]),
        case(gradients, W, b, X4, np.zeros((1, 3)), keys=["X", "Y", "columns"]),
        case(gradients, W, b, X4, [[math.nan] * 4], keys=["Y", "NaN"]),
    ]
CASES += [
    case(nn.xor_network, -1, keys=["seed", "whole number"]),
    case(nn.xor_network, 1.0, keys=["seed", "whole number"]),
    case(nn.train_xor_many_seeds, [], keys=["seeds", "1"]),
    case(nn.train_xor_many_seeds, 5, keys=["seeds", "list"]),
    case(nn.train_xor_many_seeds, None, keys=["seeds", "list"]),
    case(nn.train_xor_many_seeds, [0.5], keys=["seed", "whole number"]),
    case(nn.train_xor_many_seeds, [-1], keys=["seed", "whole number"]),
    case(nn.train_xor_many_seeds, range(10**6), keys=["seeds", str(valid.MAX_SEEDS)]),
    case(nn.train_xor_many_seeds, range(1000), epochs=10**5, keys=["seeds", "epochs"]),
    case(nn.train_xor_many_seeds, [0], init="zeros", epochs=5, keys=["init", "xavier"]),
]

# --- figures ---------------------------------------------------------------------------------


def ANY_MODEL(P):  # noqa: N802  a model whose every output is 0.7
    return np.full((1, P.shape[1]), 0.7)


for bad, keys in bad_arrays((2, 4)):
    CASES += [
        case(nn.plot_points, bad, Y4, keys=["X", *keys]),
        case(nn.plot_decision_boundary, ANY_MODEL, bad, Y4, keys=["X", *keys]),
        case(nn.draw_training, [0.2, 0.1], ANY_MODEL, bad, Y4, keys=["X", *keys]),
    ]
for bad, keys in bad_arrays((4,))[:7]:  # a learning curve may end in NaN: a diverged run
    CASES += [
        case(nn.plot_learning_curve, bad, keys=["costs", *keys]),
        case(nn.describe_progress, bad, keys=["costs", *keys]),
        case(nn.draw_training, bad, ANY_MODEL, X4, Y4, keys=["costs", *keys]),
    ]
CASES += [
    case(nn.plot_points, np.zeros((3, 4)), Y4, keys=["X", "(2, m)"]),
    case(nn.plot_points, X4, np.zeros((1, 3)), keys=["label", "column"]),
    case(nn.plot_points, X4, None, keys=["Y", "None"]),
    case(nn.plot_decision_boundary, None, X4, Y4, keys=["predict_proba", "function"]),
    case(nn.plot_decision_boundary, ANY_MODEL, X4, Y4, resolution=10**6, keys=["resolution"]),
    case(nn.plot_decision_boundary, ANY_MODEL, X4, Y4, resolution=1, keys=["resolution"]),
    case(nn.draw_training, [0.2, 0.1], "model", X4, Y4, keys=["predict_proba", "function"]),
    case(nn.draw_training, [0.2, 0.1], ANY_MODEL, X4, Y4, resolution=0, keys=["resolution"]),
    case(nn.plot_xor_training, [0.2], net(), X4, Y4, resolution=10**6, keys=["resolution"]),
    case(nn.plot_descent_path, None, keys=["path", "None"]),
    case(nn.plot_descent_path, [1.0, math.nan], keys=["path", "NaN"]),
    case(nn.compare_learning_rates, (0.5, 5), keys=["4 learning rates"]),
    case(nn.compare_learning_rates, (0.5, 5, 50, -1.0), keys=["learning_rate", "> 0"]),
    case(nn.compare_learning_rates, steps=10**9, keys=["steps", "whole number"]),
    case(nn.neuron_formula, [[0.1, 0.6]], 0.0, ["x1"], keys=["name", "weight"]),
    case(nn.neuron_formula, [[0.1, 0.6], [0.2, 0.3]], 0.0, ["x1", "x2"], keys=["W", "one neuron"]),
    case(nn.neuron_formula, [[0.1]], [1.0, 2.0], ["x1"], keys=["b", "single number"]),
    case(nn.neuron_formula, None, 0.0, ["x1"], keys=["W", "None"]),
    case(nn.neuron_formula, [[0.1, math.nan]], 0.0, ["x1", "x2"], keys=["W", "NaN"]),
    case(nn.draw_neuron_graph, {"z": 0.0}, keys=["neuron_forward_backward"]),
    case(nn.draw_network, [3, 13, 1], keys=["layer_sizes", "12 units", "legible"]),
    case(nn.draw_network, [2] * 7, keys=["layer_sizes", "6 layers", "legible"]),
    case(nn.draw_network, [3, 4, 1], title=5, keys=["title", "text"]),
    case(nn.mark_progress, nn.new_axes()[1], None, keys=["costs", "None"]),
    case(nn.mark_progress, nn.new_axes()[1], [[0.1]], keys=["costs", "1-D"]),
    case(nn.new_axes, ncols=0, keys=["columns"]),
    case(nn.plot_hidden_units, net((2, 1)), X4, Y4, keys=["hidden layer"]),
    case(nn.plot_hidden_units, net(), None, Y4, keys=["X", "None"]),
    case(nn.plot_seed_outcomes, np.zeros((2, 3)), ["a"], keys=["outcomes", "row"]),
    case(nn.plot_seed_outcomes, np.zeros(3), ["a"], keys=["costs", "2-D"]),
    case(nn.plot_seed_outcomes, np.zeros((0, 3)), [], keys=["costs", "empty"]),
    case(nn.plot_outputs_by_number, poisoned(), [0, 1, 2, 3], X4, Y4, keys=["W", "NaN"]),
    case(
        nn.plot_outputs_by_number,
        net((1, 2, 1)),
        [0, 1],
        [[0, 0.5, 1]],
        [[0, 1, 0]],
        keys=["numbers", "column"],
    ),
    case(nn.new_axes, width="5", keys=["width", "number"]),
    case(nn.new_axes, height=10**4, keys=["height", "inches"]),
    case(nn.new_axes, nrows=10**4, keys=["rows", "whole number"]),
    case(nn.check_neuron_gradients, {"z": 0.0}, keys=["neuron_forward_backward"]),
    case(nn.describe_descent, None, None, keys=["path", "None"]),
    case(nn.describe_descent, [1.0], 2.5, keys=["diverged_at", "whole number"]),
    case(nn.plot_hidden_units, None, X4, Y4, keys=["layers", "list"]),
    case(nn.plot_hidden_units, net(), X4, Y4, resolution=0, keys=["resolution"]),
    case(nn.plot_hidden_units, net((2, 11, 1)), X4, Y4, keys=["hidden unit", "10"]),
    case(nn.plot_decision_boundary, ANY_MODEL, X4, Y4, margin="0.5", keys=["margin", "number"]),
    case(nn.plot_decision_boundary, lambda P: P[:1, :3], X4, Y4, keys=["predict_proba", "point"]),
    case(nn.plot_decision_boundary, ANY_MODEL, X4, Y4, ax="axes", keys=["ax", "Axes"]),
    case(nn.plot_seed_outcomes, np.zeros((2, 3)), None, keys=["outcomes", "list"]),
    case(nn.plot_seed_outcomes, np.zeros((2, 3)), [1, 2], keys=["outcomes", "text"]),
    case(nn.compare_learning_rates, None, keys=["learning_rates", "list"]),
    case(nn.neuron_formula, [[0.1]], 0.0, None, keys=["feature_names", "list"]),
    case(nn.plot_learning_curve, [0.2, 0.1], ax="axes", keys=["ax", "Axes"]),
    case(nn.plot_points, X4, Y4, ax=plt.figure, keys=["ax", "Axes"]),
    case(nn.plot_points, X4, Y4, labels="class 0", keys=["labels", "list"]),
    case(nn.mark_progress, None, [0.2, 0.1], keys=["ax", "Axes"]),
    case(nn.plot_descent_path, [1.0, 2.0], loss=None, keys=["loss", "function"]),
]

# --- widgets, views and the exercise checker ---------------------------------------------------

CASES += [
    case(nn.log_slider, "α", 0, 1, 0.5, keys=["min", "max"]),
    case(nn.log_slider, "α", -1, 1, 0.5, keys=["min", "max"]),
    case(nn.log_slider, "α", 2, 1, 1.5, keys=["min", "max"]),
    case(nn.log_slider, "α", 0.1, 10, 20, keys=["value", "min", "max"]),
    case(nn.log_slider, "α", 0.1, 10, 0.01, keys=["value", "min", "max"]),
    case(nn.log_slider, "α", 0.1, 10, 1, steps_per_decade=0, keys=["steps_per_decade"]),
    case(nn.int_slider, "epochs", 1, 10, 11, keys=["value", "min", "max"]),
    case(nn.int_slider, "epochs", 1, 10, 0, keys=["value", "min", "max"]),
    case(nn.interactive_figure, None, epochs=nn.int_slider("e", 1, 2, 1), keys=["view"]),
    case(nn.interactive_figure, nn.learning_rate_view, keys=["control"]),
    case(nn.interactive_figure, nn.learning_rate_view, steps=5, keys=["steps", "control"]),
    case(nn.log_slider, "α", "0.1", 10, 1, keys=["min", "number"]),
    case(nn.log_slider, "α", 0.1, 10, None, keys=["value", "number"]),
    case(nn.int_slider, "epochs", 1, 10, 5, step=0, keys=["step", "whole number"]),
    case(nn.int_slider, "epochs", 1, 10, 2.5, keys=["value", "whole number"]),
    case(nn.int_slider, "epochs", 1.0, 10, 5, keys=["min", "whole number"]),
    case(nn.toggle, "bias", "yes", keys=["value", "True", "False"]),
    case(nn.feature_cross_view, use_cross="no", epochs=5, keys=["use_cross", "True", "False"]),
    case(nn.forward_shapes_view, m=10**4, keys=["m", "whole number", "32"]),
    case(nn.forward_shapes_view, n_features=33, keys=["layer size 1", "32"]),
    case(nn.forward_shapes_view, hidden_1=0, keys=["layer size 2", "whole number"]),
    case(nn.forward_shapes_view, hidden_2=-1, keys=["layer size 3", "whole number"]),
    case(nn.forward_shapes_view, m=0, keys=["m", "whole number"]),
    case(nn.hidden_layer_view, seed=-1, epochs=5, keys=["seed", "whole number"]),
    case(nn.median_seconds, lambda: None, repeats=0, keys=["repeats", "whole number"]),
    case(nn.median_seconds, lambda: None, number=10**9, keys=["number", "whole number"]),
    case(nn.median_seconds, 42, keys=["f", "function"]),
    case(nn.judge, ["02.1"], 0.5, keys=["key", "text"]),
    case(nn.judge, 2.1, 0.5, keys=["key", "text"]),
    case(nn.judge, None, 0.5, keys=["key", "text"]),
    case(nn.judge, "02.9", 0.5, keys=["02.9", "exercise"]),
    case(nn.check, ["02.1"], 0.5, keys=["key", "text"]),
    case(nn.check, "nope", 0.5, keys=["nope", "exercise"]),
]


def mentions(message: str, keyword: str) -> bool:
    """``keyword`` appears in ``message`` as a word of its own (not inside a longer word)."""
    return re.search(rf"(?<!\w){re.escape(keyword)}(?!\w)", message, re.IGNORECASE) is not None


@pytest.mark.parametrize(("function", "args", "kwargs", "keywords"), CASES)
def test_bad_input_is_a_clear_value_error_at_once(function, args, kwargs, keywords):
    start = time.perf_counter()
    with pytest.raises(ValueError) as caught:
        function(*args, **kwargs)
    seconds = time.perf_counter() - start
    message = str(caught.value)
    missing = [keyword for keyword in keywords if not mentions(message, keyword)]
    assert not missing, f"the message does not name {missing}: {message!r}"
    name = getattr(function, "__qualname__", "")
    limit = 0.5 if name in vars(figures) else 0.1  # a figure function may open its figure first
    assert seconds < limit, f"refused only after {seconds:.2f} s"


def test_the_table_covers_every_public_function():
    """Every function and class in nn_helpers.__all__ has a row (constants and data aside)."""
    tested = {getattr(param.values[0], "__qualname__", "") for param in CASES}
    tested = {name.split(".")[0] for name in tested} | {
        name.split(".")[-1] for name in tested
    }  # LinearLayer.from_weights counts for LinearLayer, LinearLayer.forward too
    callables = {name for name in nn.__all__ if callable(getattr(nn, name))}
    no_arguments = {"or_gate", "xor_gate", "example_a_table", "SigmoidLayer", "toggle"}
    not_called_by_learners = {"NeuronGradients", "DivergenceError", "draw_quadrants"}
    untested = callables - tested - no_arguments - not_called_by_learners
    assert not untested, f"no bad-input case for {sorted(untested)}"


# --- bad input that is not an error -------------------------------------------------------------


def test_an_answer_typed_as_text_is_wrong_and_check_says_it_is_text(capsys):
    assert nn.judge("02.1", "0.5") == "wrong"
    nn.check("02.1", "0.5")
    out = capsys.readouterr().out
    assert "text" in out and "without quotes" in out


@pytest.mark.parametrize("answer", [[0.5, 0.5], {"a": 1}, math.nan, math.inf, 1j, [["a"]]])
def test_answers_that_are_not_one_finite_number_are_wrong(answer):
    assert nn.judge("02.1", answer) == "wrong"
