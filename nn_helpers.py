"""Neural Networks by Hand: the library the lessons build, in the order they build it.

Conventions, used everywhere in the course:

* data is stored one example per **column**: ``X`` is ``(n_features, m)``,
  ``Y`` is ``(n_outputs, m)``;
* layer ``l`` has ``W`` of shape ``(n_l, n_{l-1})`` and ``b`` of shape ``(n_l, 1)``;
* the squared-error cost is ``J = (1/2m) Σ (Y − Ŷ)²`` with ``∂J/∂Ŷ = (Ŷ − Y)/m``;
* gradient descent is ``θ ← θ − α ∂J/∂θ``;
* randomness comes from a generator you seed, ``rng = np.random.default_rng(seed)``.

Read it top to bottom: activations · costs · layers · a network of layers ·
training · gradient checks · datasets · the math of single lessons (the shapes
of a forward pass, one neuron forward and back, the 1-D descent, batch
gradients, many seeds at once).  Docstrings name the lesson that introduces it.

Every public function checks its arguments once, on the way in (``_course/validation.py``):
bad input is a ValueError that names the argument.  Figures, widgets and the
exercise checker are course machinery; they live in the private package
``_course`` and are re-exported at the end of this file.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from _course import validation as valid

# --- Activations (lesson 01), each beside its derivative (lesson 02). ----------------------------


# Each function checks z (real numbers; ±infinity is allowed, the limits are exact) and
# calls its unchecked twin ``_name``, which the layers call inside the training loop.


def _sigmoid(z):
    s = np.tanh(0.5 * z)
    s *= 0.5
    s += 0.5
    return s


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), computed as ½(1 + tanh(z/2)) (lesson 01).

    The two are equal, but tanh never overflows, so no warning appears for any
    finite z (a learning rate of 50 produces very large z).
    """
    return _sigmoid(valid.array(z, "z", ndim=None, finite=False))


def sigmoid_derivative(z):
    """σ'(z) = σ(z)(1 − σ(z))."""
    s = sigmoid(z)
    return s * (1.0 - s)


def _leaky_relu(z, leak):
    return np.where(z > 0, z, leak * z)


def _leaky_relu_derivative(z, leak):
    return np.where(z > 0, 1.0, leak)


def leaky_relu(z, leak: float = 0.1):
    """max(z, leak·z): the identity for z > 0, a small slope ``leak`` below 0."""
    return _leaky_relu(valid.array(z, "z", ndim=None, finite=False), valid.number(leak, "leak"))


def leaky_relu_derivative(z, leak: float = 0.1):
    """1 for z > 0, ``leak`` otherwise (the kink at 0 takes the left slope)."""
    z, leak = valid.array(z, "z", ndim=None, finite=False), valid.number(leak, "leak")
    return _leaky_relu_derivative(z, leak)


# --- Costs (lessons 02, 05 and 08): each returns the cost and its gradient ∂J/∂Ŷ. ----------------


def squared_error_loss(y, y_hat):
    """Loss of one example: L = ½ (y − ŷ)² (entry by entry for arrays of one shape)."""
    y, y_hat = valid.array(y, "y", ndim=None), valid.array(y_hat, "y_hat", ndim=None, finite=False)
    if y.size != 1 and y_hat.size != 1:
        valid.same_shape(y, y_hat, "y", "y_hat")
    return 0.5 * (y - y_hat) ** 2


def _squared_error(Y, Y_hat) -> tuple[float, np.ndarray]:
    m = Y.shape[1]
    error = Y_hat - Y  # (n_out, m)
    return float(np.vdot(error, error)) / (2 * m), error / m


def _cross_entropy(Y, Y_hat) -> tuple[float, np.ndarray]:
    m = Y.shape[1]
    P = np.clip(Y_hat, 1e-12, 1 - 1e-12)  # a saturated output gives a large, finite cost
    cost = -float(np.sum(Y * np.log(P) + (1 - Y) * np.log(1 - P))) / m
    return cost, (P - Y) / (m * P * (1 - P))


def _check_cost_arguments(Y, Y_hat) -> tuple[np.ndarray, np.ndarray]:
    # Ŷ may hold NaN (a diverged run): the cost is then NaN, not an error.
    Y, Y_hat = valid.array(Y, "Y"), valid.array(Y_hat, "Y_hat", finite=False)
    valid.same_shape(Y, Y_hat, "Y", "Y_hat")
    return Y, Y_hat


def squared_error_cost(Y, Y_hat) -> tuple[float, np.ndarray]:
    """Cost over a batch and its gradient: ``(J, dY_hat)`` (lesson 05).

    J = (1/2m) Σ (Y − Ŷ)² and ∂J/∂Ŷ = (Ŷ − Y)/m, with m the number of columns.
    """
    return _squared_error(*_check_cost_arguments(Y, Y_hat))


def cross_entropy_cost(Y, Y_hat) -> tuple[float, np.ndarray]:
    """Binary cross-entropy and its gradient: ``(J, dY_hat)`` (lesson 08).

    J = −(1/m) Σ [Y log P + (1 − Y) log(1 − P)];  ∂J/∂Ŷ = (P − Y) / (m P (1 − P)), where
    P is Ŷ clipped to [1e-12, 1 − 1e-12], so that a saturated output gives a large,
    finite cost instead of infinity.  Labels Y and outputs Ŷ must lie in [0, 1].
    """
    Y, Y_hat = _check_cost_arguments(Y, Y_hat)
    valid.probabilities(Y, "Y (the labels)")
    valid.probabilities(Y_hat, "Y_hat (the outputs of a sigmoid)")
    return _cross_entropy(Y, Y_hat)


# Training calls the unchecked math of the two costs it knows (checked once, before epoch 0).
_UNCHECKED = {squared_error_cost: _squared_error, cross_entropy_cost: _cross_entropy}

# --- Layers (lesson 07; shapes from lesson 01) ----------------------------------------------------
# Each layer keeps what its backward pass needs from the forward pass, like a node of the graph
# in lesson 02.

INIT_SCHEMES = ("small", "xavier", "he")


class LinearLayer:
    """Z = W·A_prev + b, with W of shape (n_out, n_in) and b of shape (n_out, 1) (lesson 01)

    ``LinearLayer(n_in, n_out, rng, init="xavier")`` draws W from ``rng`` (an
    ``np.random.Generator`` the caller seeds; leaving it out is an error, not a
    hidden seed) and starts b at zero.  Schemes: ``"xavier"`` — standard normal
    × sqrt(1/n_in), the course's default; ``"he"`` — × sqrt(2/n_in);
    ``"small"`` — × ``scale`` (0.01 unless told).  ``LinearLayer.from_weights(W, b)``
    builds a layer from given numbers instead.
    """

    def __init__(self, n_in: int, n_out: int, rng=None, init: str = "xavier", scale=0.01):
        n_in = valid.count(n_in, "n_in", 1, valid.MAX_UNITS)
        n_out = valid.count(n_out, "n_out", 1, valid.MAX_UNITS)
        valid.choice(init, "init", INIT_SCHEMES)
        valid.rng(rng)
        scale = valid.number(scale, "scale", positive=True)
        std = {"small": scale, "xavier": math.sqrt(1 / n_in), "he": math.sqrt(2 / n_in)}[init]
        self.W = rng.standard_normal((n_out, n_in)) * std  # (n_out, n_in)
        self.b = np.zeros((n_out, 1))  # (n_out, 1)
        self.dW, self.db, self.A_prev = None, None, None

    @classmethod
    def from_weights(cls, W, b=None) -> LinearLayer:
        """A layer with exactly these W (n_out, n_in) and b (n_out, 1) (lessons 02–06).

        ``b=None`` is a neuron without a bias, which never grows one: its
        boundary always passes through the origin (lesson 02's neuron).
        """
        layer = cls.__new__(cls)
        layer.W = valid.array(W, "W").copy()
        layer.b = None if b is None else valid.array(b, "b", ndim=None).reshape(-1, 1).copy()
        if layer.b is not None and layer.b.shape != (layer.W.shape[0], 1):
            raise ValueError(f"b must have one entry per row of W {layer.W.shape}, got {b!r}")
        layer.dW, layer.db, layer.A_prev = None, None, None
        return layer

    @property
    def n_in(self) -> int:
        return self.W.shape[1]

    @property
    def n_out(self) -> int:
        return self.W.shape[0]

    def forward(self, A_prev) -> np.ndarray:
        """Z = W·A_prev + b; b is broadcast across the m columns."""
        if A_prev.shape[0] != self.W.shape[1]:
            raise ValueError(
                f"LinearLayer expects input of shape ({self.W.shape[1]}, m), got {A_prev.shape}"
            )
        self.A_prev = A_prev  # (n_in, m), kept for backward
        Z = np.dot(self.W, A_prev)  # (n_out, m)
        if self.b is not None:
            Z += self.b
        return Z

    def backward(self, dZ) -> np.ndarray:
        """Given ∂J/∂Z, keep dW = dZ·A_prevᵀ and db = Σ_columns dZ; return dA_prev = Wᵀ·dZ."""
        self.dW = np.dot(dZ, self.A_prev.T)  # (n_out, n_in)
        if self.b is not None:
            self.db = dZ.sum(axis=1, keepdims=True)  # (n_out, 1): b is shared by every example
        return np.dot(self.W.T, dZ)  # (n_in, m)

    def update_params(self, learning_rate: float) -> None:
        """θ ← θ − α ∂J/∂θ for W and b."""
        self.W -= learning_rate * self.dW
        if self.b is not None:
            self.b -= learning_rate * self.db

    def params(self) -> dict[str, np.ndarray]:
        """The trainable arrays by name (the arrays themselves, not copies)."""
        return {"W": self.W} if self.b is None else {"W": self.W, "b": self.b}

    def grads(self) -> dict[str, np.ndarray]:
        """The gradients from the last backward pass, named like ``params``."""
        return {"W": self.dW} if self.b is None else {"W": self.dW, "b": self.db}

    def __repr__(self) -> str:
        bias = ", no bias" if self.b is None else ""
        return f"LinearLayer(n_in={self.n_in}, n_out={self.n_out}{bias})"


class _Activation:
    """What the activation layers share: they apply a function entry by entry, no parameters."""

    def update_params(self, learning_rate: float) -> None:
        """An activation has no parameters: nothing to update."""

    def params(self) -> dict[str, np.ndarray]:
        return {}

    def grads(self) -> dict[str, np.ndarray]:
        return {}


class SigmoidLayer(_Activation):
    """A = σ(Z); backward uses σ'(Z) = A(1 − A), so it keeps A, not Z (lesson 07)."""

    def __init__(self):
        self.A = None

    def forward(self, Z) -> np.ndarray:
        self.A = _sigmoid(Z)
        return self.A

    def backward(self, dA) -> np.ndarray:
        """dZ = dA · A(1 − A), element by element."""
        return dA * self.A * (1.0 - self.A)

    def __repr__(self) -> str:
        return "SigmoidLayer()"


class LeakyReLULayer(_Activation):
    """A = leaky_relu(Z, leak); backward multiplies by 1 (z > 0) or ``leak``."""

    def __init__(self, leak: float = 0.1):
        self.leak = valid.number(leak, "leak")
        if not 0 <= self.leak < 1:
            raise ValueError(f"leak must be at least 0 and below 1, got {leak!r}")
        self.Z = None

    def forward(self, Z) -> np.ndarray:
        self.Z = Z
        return _leaky_relu(Z, self.leak)

    def backward(self, dA) -> np.ndarray:
        return dA * _leaky_relu_derivative(self.Z, self.leak)

    def __repr__(self) -> str:
        return f"LeakyReLULayer(leak={self.leak})"


# --- A network is a list of layers (lessons 01, 07, 08). -----------------------------------------


def build_network(
    layer_sizes: Sequence[int],
    rng: np.random.Generator,
    init: str = "xavier",
    hidden_activation: str = "sigmoid",
    scale: float = 0.01,
) -> list:
    """Layers for sizes like ``[2, 3, 1]``: Linear, activation, …, Sigmoid (lesson 01).

    Hidden activations are ``"sigmoid"`` or ``"leaky_relu"``; the output is a sigmoid.
    ``rng`` draws every layer's W in turn, so one seed gives one network.
    """
    sizes = valid.layer_sizes(layer_sizes)
    valid.rng(rng)
    valid.choice(hidden_activation, "hidden_activation", ("sigmoid", "leaky_relu"))
    layers: list = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True):
        layers.append(LinearLayer(n_in, n_out, rng, init=init, scale=scale))
        layers.append(LeakyReLULayer() if hidden_activation == "leaky_relu" else SigmoidLayer())
    layers[-1] = SigmoidLayer()  # the output is a probability
    return layers


def count_parameters(layer_sizes: Sequence[int]) -> int:
    """Σ n_l (n_{l−1} + 1): every unit has one weight per input plus a bias (lesson 01)."""
    sizes = valid.layer_sizes(layer_sizes)
    return sum(n_out * (n_in + 1) for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True))


def _check_network(layers, X, *Y) -> tuple[np.ndarray, np.ndarray | None, list]:
    """The checks of every entry point that runs a network on data (finite weights too).

    Returns X, Y (None when not given) and the linear layers.
    """
    X, Y = valid.data(X, *Y) if Y else (valid.array(X, "X"), None)
    linear = valid.layers(layers, LinearLayer)
    valid.network_fits(linear, X, Y)
    return X, Y, linear


def _forward(layers, A) -> np.ndarray:
    for layer in layers:
        A = layer.forward(A)
    return A


def _backward(layers, grad) -> np.ndarray:
    for layer in reversed(layers):
        grad = layer.backward(grad)
    return grad


def forward(layers, X) -> np.ndarray:
    """Run ``X`` through every layer in order and return the last output Ŷ (lesson 01)."""
    return _forward(layers, _check_network(layers, X)[0])


def backward(layers, dY_hat) -> np.ndarray:
    """Run ∂J/∂Ŷ back through every layer in reverse; return ∂J/∂X (lesson 07).

    Call it right after ``forward``: each layer uses what its forward pass kept.
    """
    linear, dY_hat = valid.layers(layers, LinearLayer), valid.array(dY_hat, "dY_hat")
    kept = ("A_prev", "A", "Z")  # what each kind of layer keeps from its forward pass
    if any(getattr(layer, name, 0) is None for layer in layers for name in kept):
        raise ValueError("call forward(layers, X) before backward: the layers keep its values")
    output = (linear[-1].n_out, linear[0].A_prev.shape[1])  # the shape forward returned
    if dY_hat.shape != output:
        raise ValueError(
            f"dY_hat must have the shape of forward's output {output}, got {dY_hat.shape}"
        )
    return _backward(layers, dY_hat)


def _classes(Y_hat, threshold: float = 0.5) -> np.ndarray:
    # Read to 9 decimals: a network that answers ½ everywhere (one neuron on XOR settles at
    # ŷ = ½ ± 1e-17) gives one class for every input, not a class picked by rounding noise.
    return (np.round(Y_hat, 9) >= threshold).astype(int)


def predict(layers, X, threshold: float = 0.5) -> np.ndarray:
    """Class predictions 0/1: 1 where the network's output is at least ``threshold`` (03)

    Outputs are read to 9 decimals first, so floating-point noise never decides a class.
    """
    threshold = valid.number(threshold, "threshold")
    return _classes(forward(layers, X), threshold)


def accuracy(predictions, Y) -> float:
    """The fraction of examples whose prediction equals the label (lesson 03)."""
    predictions, Y = valid.array(predictions, "predictions"), valid.array(Y, "Y")
    valid.same_shape(predictions, Y, "predictions", "Y")
    return float(np.mean(predictions == Y))


# --- Training (lessons 03, 05, 07, 08): the one trainer, plus one example at a time. -------------


class DivergenceError(ArithmeticError):
    """Training stopped because the cost stopped being a finite number.

    ``epoch`` is the epoch whose cost was not finite; ``costs`` holds the finite
    costs before it.  The usual cause is too large a learning rate with an output or
    a cost of your own: a sigmoid output keeps the course's costs finite (lesson 08).
    """

    def __init__(self, epoch: int, costs: np.ndarray):
        self.epoch, self.costs = epoch, costs
        super().__init__(
            f"training diverged at epoch {epoch}: the cost is no longer a finite number "
            "(try a smaller learning rate)"
        )


def _check_cost_function(cost_function, Y):
    valid.function(cost_function, "cost_function", "a function (Y, Y_hat) -> (J, dY_hat)")
    if cost_function is cross_entropy_cost:
        valid.probabilities(Y, "Y (the labels)")


def _check_training(layers, X, Y, learning_rate, epochs, cost_function, per_example=False):
    X, Y, linear = _check_network(layers, X, Y)
    _check_cost_function(cost_function, Y)
    learning_rate, epochs = valid.learning_rate(learning_rate), valid.epochs(epochs)
    valid.training_size(linear, X.shape[1], epochs, X.shape[1] if per_example else 0)
    return X, Y, learning_rate, epochs


def train(layers, X, Y, learning_rate, epochs, cost_function=squared_error_cost) -> np.ndarray:
    """Full-batch gradient descent for ``epochs`` epochs; returns ``epochs + 1`` costs (03, 05).

    Each epoch: forward, cost, backward, update; after the last update, one more
    forward and cost.  So ``costs[k]`` is the cost after k updates: ``costs[0]``
    the starting cost, ``costs[-1]`` the cost of the trained network.  Bad input is a
    ValueError before the first epoch, and so is a run of over a minute (at
    most 100 000 epochs; the bounds are in ``_course/validation.py``).  If the
    cost stops being finite, training stops and ``DivergenceError`` says at
    which epoch, without overflow warnings on the way.  (A sigmoid output with
    squared error keeps the cost below ½, so there too large a learning rate
    shows as a rising or stuck cost instead.)
    """
    X, Y, learning_rate, epochs = _check_training(
        layers, X, Y, learning_rate, epochs, cost_function
    )
    cost_and_gradient = _UNCHECKED.get(cost_function, cost_function)
    costs = np.empty(epochs + 1)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for epoch in range(epochs + 1):
            cost, dY_hat = cost_and_gradient(Y, _forward(layers, X))
            if not math.isfinite(cost):
                raise DivergenceError(epoch, costs[:epoch].copy())
            costs[epoch] = cost
            if epoch == epochs:
                break  # the cost after the last update: no update follows
            _backward(layers, dY_hat)
            for layer in layers:
                layer.update_params(learning_rate)
    return costs


def train_per_example(
    layers, X, Y, learning_rate, epochs, rng=None, cost_function=squared_error_cost
) -> np.ndarray:
    """Stochastic gradient descent: one update after every single example (lesson 08).

    Each epoch visits the m examples once, in column order, or in an order
    shuffled by ``rng`` when one is given; each update uses one example's
    gradient (m = 1).  Returns, like ``train``, ``epochs + 1`` costs on *all*
    examples: ``costs[k]`` after k passes over the examples.
    """
    X, Y, learning_rate, epochs = _check_training(
        layers, X, Y, learning_rate, epochs, cost_function, per_example=True
    )
    if rng is not None:
        valid.rng(rng)
    cost_and_gradient = _UNCHECKED.get(cost_function, cost_function)
    m = X.shape[1]
    costs = np.empty(epochs + 1)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for epoch in range(epochs + 1):
            cost = cost_and_gradient(Y, _forward(layers, X))[0]
            if not math.isfinite(cost):
                raise DivergenceError(epoch, costs[:epoch].copy())
            costs[epoch] = cost
            if epoch == epochs:
                break
            for j in range(m) if rng is None else rng.permutation(m):
                x, y = X[:, j : j + 1], Y[:, j : j + 1]  # one example, kept 2-D: (n, 1)
                _backward(layers, cost_and_gradient(y, _forward(layers, x))[1])
                for layer in layers:
                    layer.update_params(learning_rate)
    return costs


def network_cost(layers, X, Y, cost_function=squared_error_cost) -> float:
    """The cost of the network on (X, Y) now, e.g. after the last update of ``train`` (05)."""
    X, Y, _ = _check_network(layers, X, Y)
    _check_cost_function(cost_function, Y)
    return cost_function(Y, _forward(layers, X))[0]


# --- Gradient checks (lesson 02 onward): central finite differences. -----------------------------


def numerical_gradient(f: Callable[[], float], theta: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """∂f/∂θ by central differences, (f(θ + ε) − f(θ − ε)) / 2ε, entry by entry (lesson 02)

    ``theta`` is changed in place while ``f`` (which takes no arguments and reads
    ``theta``) is evaluated, and restored afterwards, even if ``f`` raises.
    """
    if not callable(f):
        raise ValueError(f"f must be a function of no arguments, got {f!r}")
    if not isinstance(theta, np.ndarray) or theta.dtype != np.float64:
        raise ValueError("theta must be a float NumPy array that f reads (it is nudged in place)")
    valid.array(theta, "theta", ndim=None)
    eps = valid.number(eps, "eps", positive=True)
    grad = np.zeros_like(theta)
    for index in np.ndindex(theta.shape):
        original = theta[index]
        try:
            theta[index] = original + eps
            f_plus = f()
            theta[index] = original - eps
            f_minus = f()
        finally:
            theta[index] = original
        grad[index] = (f_plus - f_minus) / (2 * eps)
    return grad


def gradients_agree(analytic, numeric, rtol: float = 1e-5, atol: float = 1e-8) -> bool:
    """True when the analytic and numerical gradients match within tolerance."""
    analytic = valid.array(analytic, "analytic", ndim=None)
    numeric = valid.array(numeric, "numeric", ndim=None)
    valid.same_shape(analytic, numeric, "analytic", "numeric")
    rtol, atol = valid.number(rtol, "rtol", minimum=0), valid.number(atol, "atol", minimum=0)
    return bool(np.allclose(analytic, numeric, rtol=rtol, atol=atol))


def compare_gradients(name: str, analytic, numeric, rtol: float = 1e-5, atol: float = 1e-8) -> bool:
    """Print whether an analytic gradient matches its finite-difference estimate (lesson 05).

    The line holds no raw digits, so it is the same on every run and machine.
    """
    valid.text(name, "name")
    ok = gradients_agree(analytic, numeric, rtol=rtol, atol=atol)
    verdict = "agree" if ok else "DISAGREE"
    print(f"{name:>8}  analytic vs numeric: {verdict}  (shape {np.shape(analytic)})")
    return ok


def check_network_gradients(
    layers, X, Y, cost_function=squared_error_cost, verbose: bool = True
) -> bool:
    """Backpropagate once, compare every layer's dW and db with finite differences (06, 07)

    Layers are numbered 1, 2, … counting linear layers only (dW1, db1, dW2, …).
    Returns True when all agree.
    """
    X, Y, _ = _check_network(layers, X, Y)
    _check_cost_function(cost_function, Y)
    _backward(layers, cost_function(Y, _forward(layers, X))[1])
    all_ok = True
    linear = [layer for layer in layers if isinstance(layer, LinearLayer)]
    for number, layer in enumerate(linear, start=1):
        for name, param in layer.params().items():
            analytic = layer.grads()[name].copy()
            numeric = numerical_gradient(lambda: cost_function(Y, _forward(layers, X))[0], param)
            if verbose:
                ok = compare_gradients(f"d{name}{number}", analytic, numeric)
            else:
                ok = gradients_agree(analytic, numeric)
            all_ok = all_ok and ok
    return all_ok


# --- Datasets: one example per column. -----------------------------------------------------------

_GATE_INPUTS = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]])  # (2, 4)


def or_gate() -> tuple[np.ndarray, np.ndarray]:
    """OR (lesson 02): X (2, 4) with columns (0,0),(0,1),(1,0),(1,1); Y (1, 4) = 0,1,1,1."""
    return _GATE_INPUTS.copy(), np.array([[0.0, 1.0, 1.0, 1.0]])


def xor_gate() -> tuple[np.ndarray, np.ndarray]:
    """The XOR truth table (lesson 06): X (2, 4) as for OR; Y (1, 4) = 0,1,1,0."""
    return _GATE_INPUTS.copy(), np.array([[0.0, 1.0, 1.0, 0.0]])


def add_cross_feature(X) -> np.ndarray:
    """Stack the feature cross x1·x2 under X: (2, m) in, (3, m) out (lesson 06)."""
    X = valid.array(X, "X")
    if X.shape[0] != 2:
        raise ValueError(f"add_cross_feature expects X of shape (2, m), got {X.shape}")
    return np.vstack([X, X[0:1] * X[1:2]])


EXAMPLE_A_SEED = 1  # the seed lesson 01 draws worked example A's weights from


def example_a_table() -> np.ndarray:
    """Worked example A's data as a spreadsheet stores it: 5 examples × 3 features (lesson 01).

    One example per **row**; the lesson transposes it into ``X`` (3, 5).
    """
    return np.array(
        [[9.0, 9.0, 9.0], [14.0, 16.0, 16.0], [10.0, 8.0, 7.0], [11.0, 12.0, 10.0], [8.0, 9.0, 9.0]]
    )


def even_odd_numbers(count: int = 16) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The numbers 0 … count−1 and their parity (lesson 08): ``(numbers, X, Y)``.

    ``X`` (1, count) is the number scaled to [0, 1], so large inputs do not
    saturate the sigmoids; ``Y`` (1, count) is 1 for odd and 0 for even.
    """
    count = valid.count(count, "count", 2, valid.MAX_EXAMPLES)
    numbers = np.arange(count)
    return numbers, (numbers / (count - 1)).reshape(1, -1), (numbers % 2.0).reshape(1, -1)


def binary_digits(numbers, bits: int = 4) -> np.ndarray:
    """Each number in binary, one digit per row, most significant first (lesson 08).

    ``numbers`` (m,) whole numbers in [0, 2**bits) → (bits, m) array of 0.0 and 1.0.
    """
    bits = valid.count(bits, "bits", 1, 62)
    values = valid.array(numbers, "numbers", ndim=1)
    if not np.array_equal(values, np.round(values)) or values.min() < 0 or values.max() >= 2**bits:
        raise ValueError(f"numbers must be whole numbers in [0, {2**bits}) to fit in {bits} bits")
    powers = 2 ** np.arange(bits - 1, -1, -1)  # (bits,) e.g. 8, 4, 2, 1
    return ((values.astype(np.int64)[None, :] // powers[:, None]) % 2).astype(float)


# --- Lesson 01: the shapes of a forward pass. ----------------------------------------------------


def forward_shapes(layer_sizes: Sequence[int], m: int) -> list[dict[str, tuple[int, int]]]:
    """The shape of every array in a forward pass on ``m`` examples (lesson 01).

    One dict per layer l = 1, 2, …: ``A_prev`` (n_{l−1}, m), ``W`` (n_l, n_{l−1}),
    ``b`` (n_l, 1) and ``Z`` (n_l, m), which is also the shape of ``A = g(Z)``.
    """
    sizes = valid.layer_sizes(layer_sizes)
    m = valid.count(m, "m (the number of examples)", 1, valid.MAX_EXAMPLES)
    return [
        {"A_prev": (n_prev, m), "W": (n, n_prev), "b": (n, 1), "Z": (n, m)}
        for n_prev, n in zip(sizes[:-1], sizes[1:], strict=True)
    ]


def describe_forward_shapes(layer_sizes: Sequence[int], m: int) -> str:
    """One line per layer: ``layer 1: W1 (4, 3) · X (3, 5) + b1 (4, 1) → Z1, A1 (4, 5) · 16
    parameters``."""
    lines = []
    for number, shapes in enumerate(forward_shapes(layer_sizes, m), start=1):
        n, n_prev = shapes["W"]
        inputs = "X" if number == 1 else f"A{number - 1}"  # A0 is the data itself
        lines.append(
            f"layer {number}: W{number} {shapes['W']} · {inputs} {shapes['A_prev']}"
            f" + b{number} {shapes['b']} → Z{number}, A{number} {shapes['Z']}"
            f" · {n * (n_prev + 1)} parameters"
        )
    return "\n".join(lines)


# --- Lessons 02–03: one sigmoid neuron on one example, every node of its graph. ------------------


@dataclass(frozen=True)
class NeuronGradients:
    """Every forward value and every gradient of one sigmoid neuron on one example.

    Forward: z = w·x (+ b), ŷ = σ(z), L = ½(y − ŷ)².  Backward, node by node,
    each local gradient times the gradient arriving from above.  ``b`` and
    ``dL_db`` are None for the neuron without a bias (lesson 02).
    """

    x: np.ndarray  # (n,) inputs
    w: np.ndarray  # (n,) weights
    y: float  # target
    b: float | None  # bias, or None: no bias node
    z: float  # linear node
    y_hat: float  # sigmoid node
    loss: float  # L = ½(y − ŷ)²
    dL_dyhat: float  # ∂L/∂ŷ = ŷ − y
    dyhat_dz: float  # local gradient σ'(z)
    dL_dz: float  # ∂L/∂z = ∂L/∂ŷ · ∂ŷ/∂z
    dz_dw: np.ndarray  # (n,) local gradients ∂z/∂wᵢ = xᵢ
    dL_dw: np.ndarray  # (n,) ∂L/∂wᵢ = ∂L/∂z · xᵢ
    dL_dx: np.ndarray  # (n,) ∂L/∂xᵢ = ∂L/∂z · wᵢ
    dL_db: float | None  # ∂L/∂b = ∂L/∂z · 1, or None without a bias


def _check_neuron(x, w, y, b) -> tuple[np.ndarray, np.ndarray, float, float | None]:
    x, w = valid.array(x, "x", ndim=1), valid.array(w, "w", ndim=1)
    valid.same_shape(x, w, "x", "w")
    y = valid.array(y, "y", ndim=None)
    if y.size != 1:
        raise ValueError(f"y must be a single number, got shape {y.shape}")
    if b is not None:
        b = valid.array(b, "b", ndim=None)
        if b.size != 1:
            raise ValueError(f"b must be a single number or None, got shape {b.shape}")
        b = float(b.item())
    return x, w, float(y.item()), b


def neuron_forward_backward(x, w, y, b=None) -> NeuronGradients:
    """Forward and backward pass of one sigmoid neuron on one example (lesson 02; bias: 03)."""
    x, w, y, b = _check_neuron(x, w, y, b)
    z = float(np.dot(w, x)) + (0.0 if b is None else b)
    y_hat = float(sigmoid(z))
    dL_dyhat = y_hat - y  # derivative of ½(y − ŷ)² with respect to ŷ
    dyhat_dz = y_hat * (1.0 - y_hat)  # σ'(z) = σ(z)(1 − σ(z))
    dL_dz = dL_dyhat * dyhat_dz  # chain rule: upstream × local
    return NeuronGradients(
        x=x.copy(),
        w=w.copy(),
        y=y,
        b=b,
        z=z,
        y_hat=y_hat,
        loss=float(squared_error_loss(y, y_hat)),
        dL_dyhat=dL_dyhat,
        dyhat_dz=dyhat_dz,
        dL_dz=dL_dz,
        dz_dw=x.copy(),  # z = Σ wᵢxᵢ (+ b): the local gradient for wᵢ is the input xᵢ
        dL_dw=dL_dz * x,
        dL_dx=dL_dz * w,
        dL_db=None if b is None else dL_dz,  # ∂z/∂b = 1
    )


def neuron_finite_differences(x, w, y, b=None, eps: float = 1e-6) -> dict[str, np.ndarray]:
    """Every gradient of ``neuron_forward_backward`` by central differences (lesson 02).

    Each entry nudges one quantity and re-evaluates only the part of the graph
    above it: ŷ in the loss, z in the sigmoid, z, w, x and b in the whole neuron.
    """
    x, w, y, b = _check_neuron(x, w, y, b)
    values = neuron_forward_backward(x, w, y, b)
    y_hat, z = np.array(values.y_hat), np.array(values.z)
    w_nudged, x_nudged, b_nudged = w.copy(), x.copy(), np.array(0.0 if b is None else b)

    def loss_of_neuron():
        return float(squared_error_loss(y, sigmoid(np.dot(w_nudged, x_nudged) + b_nudged)))

    numeric = {
        "dL_dyhat": numerical_gradient(lambda: float(squared_error_loss(y, y_hat)), y_hat, eps),
        "dyhat_dz": numerical_gradient(lambda: float(sigmoid(z)), z, eps),
        "dL_dz": numerical_gradient(lambda: float(squared_error_loss(y, sigmoid(z))), z, eps),
        "dL_dw": numerical_gradient(loss_of_neuron, w_nudged, eps),
        "dL_dx": numerical_gradient(loss_of_neuron, x_nudged, eps),
    }
    if b is not None:
        numeric["dL_db"] = numerical_gradient(loss_of_neuron, b_nudged, eps)
    return numeric


def single_neuron(w, b=None) -> list:
    """One sigmoid neuron with the given weights, as layers for ``train`` (lesson 03).

    ``w`` holds the n weights; ``b`` is the starting bias, or None for a neuron
    without one (it never grows one).
    """
    w = valid.array(w, "w", ndim=None)
    if w.ndim not in (1, 2) or (w.ndim == 2 and w.shape[0] != 1):
        raise ValueError(f"w must hold one neuron's weights, shape (n,) or (1, n), got {w.shape}")
    if b is not None and np.size(b) != 1:
        raise ValueError(f"b must be a single number or None, got {b!r}")
    return [LinearLayer.from_weights(w.reshape(1, -1), b), SigmoidLayer()]


# --- Lesson 04: the learning rate, on a U-shaped loss in one parameter. --------------------------

CURVE_A = 0.05  # curvature a of L(w) = a(w − w*)²: steps converge for 0 < α < 1/a
CURVE_MINIMUM = 2.0  # w*
CURVE_START = -2.0  # w0, where every descent on the curve starts
DIVERGENCE_BOUND = 1e6  # |w| beyond this counts as diverged


def _check_curve(w, a, w_star) -> tuple[np.ndarray, float, float]:
    return valid.array(w, "w", ndim=None), valid.number(a, "a"), valid.number(w_star, "w_star")


def u_loss(w, a: float = CURVE_A, w_star: float = CURVE_MINIMUM):
    """The U-shaped loss of lesson 04, L(w) = a(w − w*)²."""
    w, a, w_star = _check_curve(w, a, w_star)
    return a * (w - w_star) ** 2


def u_loss_gradient(w, a: float = CURVE_A, w_star: float = CURVE_MINIMUM):
    """dL/dw = 2a(w − w*) (lesson 04)."""
    w, a, w_star = _check_curve(w, a, w_star)
    return 2 * a * (w - w_star)


def gradient_descent_1d(
    gradient: Callable, w0: float, learning_rate, steps, bound: float = DIVERGENCE_BOUND
) -> tuple[np.ndarray, int | None]:
    """Gradient descent w ← w − α·gradient(w) in one parameter (lesson 04).

    Returns ``(path, diverged_at)``: ``path`` holds w0, w1, … (at most steps + 1
    values); ``diverged_at`` is the step whose w was no longer finite or beyond
    ``bound`` in size (that w is left out of the path), or None.
    """
    if not callable(gradient):
        raise ValueError(f"gradient must be a function of w, got {gradient!r}")
    learning_rate = valid.learning_rate(learning_rate)
    steps = valid.epochs(steps, "steps")
    w = valid.number(w0, "w0")
    bound = valid.number(bound, "bound", positive=True)
    path = [w]
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(1, steps + 1):
            w = float(w - learning_rate * gradient(w))
            if not math.isfinite(w) or abs(w) > bound:
                return np.array(path), step
            path.append(w)
    return np.array(path), None


# --- Lesson 05: the gradients of one neuron on a whole batch, two ways. --------------------------


def _check_neuron_batch(W, b, X, Y) -> tuple[np.ndarray, ...]:
    """W (n_out, n_in), b (n_out, 1), X (n_in, m), Y (n_out, m)."""
    X, Y = valid.data(X, Y)
    W, b = valid.array(W, "W"), valid.array(b, "b")
    if W.shape != (Y.shape[0], X.shape[0]):
        raise ValueError(
            f"W must have shape (n_out, n_in) = {(Y.shape[0], X.shape[0])}, got {W.shape}"
        )
    if b.shape != (W.shape[0], 1):
        raise ValueError(f"b must have shape {(W.shape[0], 1)}, got {b.shape}")
    return W, b, X, Y


def batch_gradients(W, b, X, Y) -> tuple[float, np.ndarray, np.ndarray]:
    """One vectorized forward and backward pass of a sigmoid neuron: ``(cost, dW, db)``.

    Z = W·X + b, Ŷ = σ(Z), J = (1/2m) Σ (Ŷ − Y)², dZ = (Ŷ − Y)/m · Ŷ(1 − Ŷ),
    dW = dZ·Xᵀ, db = Σ_columns dZ (lesson 05).
    """
    W, b, X, Y = _check_neuron_batch(W, b, X, Y)
    Y_hat = _sigmoid(np.dot(W, X) + b)  # (n_out, m)
    cost, dY_hat = _squared_error(Y, Y_hat)  # dY_hat = (Ŷ − Y)/m
    dZ = dY_hat * Y_hat * (1.0 - Y_hat)  # (n_out, m)
    return cost, np.dot(dZ, X.T), dZ.sum(axis=1, keepdims=True)  # dW (n_out, n_in), db (n_out, 1)


def per_example_gradients(W, b, X, Y) -> tuple[float, np.ndarray, np.ndarray]:
    """The same ``(cost, dW, db)`` as ``batch_gradients``, one example at a time (lesson 05).

    Accumulate every example's loss and gradients, then average over m.
    """
    W, b, X, Y = _check_neuron_batch(W, b, X, Y)
    m = X.shape[1]
    total_loss, dW, db = 0.0, np.zeros_like(W), np.zeros_like(b)
    for i in range(m):
        x, y = X[:, i : i + 1], Y[:, i : i + 1]  # one column each: (n_in, 1), (n_out, 1)
        y_hat = _sigmoid(np.dot(W, x) + b)
        total_loss += float((0.5 * (y - y_hat) ** 2).sum())  # L = ½(y − ŷ)²
        dz = (y_hat - y) * y_hat * (1.0 - y_hat)  # ∂L/∂z of this example
        dW += np.dot(dz, x.T)  # accumulate …
        db += dz
    return total_loss / m, dW / m, db / m  # … then average


# --- Lesson 07: the 2-h-1 network on XOR, one seed or many at once. ------------------------------

XOR_SEED = 0  # the seed lesson 07 trains its 2-3-1 network from


def xor_network(seed: int = XOR_SEED, hidden_units: int = 3) -> list:
    """Lesson 07's untrained 2-h-1 sigmoid network from a seeded Xavier start.

    ``build_network([2, hidden_units, 1], np.random.default_rng(seed))``: the
    same seed gives the same starting weights every time.
    """
    seed = valid.count(seed, "seed", 0, 2**63 - 1)
    hidden_units = valid.count(hidden_units, "hidden_units", 1, valid.MAX_UNITS)
    return build_network([2, hidden_units, 1], np.random.default_rng(seed))


def train_xor_many_seeds(
    seeds, hidden_units: int = 3, learning_rate=1.0, epochs: int = 5000, init: str = "xavier"
) -> tuple[np.ndarray, np.ndarray]:
    """Train one 2-h-1 network on XOR per seed, all at once (lesson 07).

    Network ``s`` starts as ``build_network([2, h, 1], np.random.default_rng(seeds[s]),
    init=init)`` and follows ``train``'s formulas; the networks are stacked
    along a leading seed axis (W1 is (S, h, 2)) so that one ``np.matmul`` does
    the work of S small ones.  Returns ``(costs, accuracies)``: shape (S, epochs + 1)
    and (S,).
    """
    seeds = valid.sequence(seeds, "seeds", "range(200)", valid.MAX_SEEDS)
    seeds = [valid.count(seed, "each seed", 0, 2**63 - 1) for seed in seeds]
    hidden_units = valid.count(hidden_units, "hidden_units", 1, valid.MAX_UNITS)
    learning_rate, epochs = valid.learning_rate(learning_rate), valid.epochs(epochs)
    if len(seeds) * epochs * hidden_units > valid.MAX_SEED_WORK:
        raise ValueError(
            f"seeds × epochs × hidden_units = {len(seeds)} × {epochs} × {hidden_units} is more "
            f"than {valid.MAX_SEED_WORK}: use fewer seeds, epochs or hidden units"
        )
    X, Y = xor_gate()  # (2, 4), (1, 4)
    starts = [build_network([2, hidden_units, 1], np.random.default_rng(s), init) for s in seeds]
    W1, b1, W2, b2 = (
        np.stack([layers[i].params()[p] for layers in starts])
        for i, p in ((0, "W"), (0, "b"), (2, "W"), (2, "b"))
    )  # (S, h, 2) … (S, 1, 1)
    m = X.shape[1]
    costs = np.empty((len(seeds), epochs + 1))
    for epoch in range(epochs + 1):
        A1 = _sigmoid(np.matmul(W1, X) + b1)  # (S, h, m)
        A2 = _sigmoid(np.matmul(W2, A1) + b2)  # (S, 1, m)
        error = A2 - Y  # (S, 1, m)
        costs[:, epoch] = np.einsum("sij,sij->s", error, error) / (2 * m)
        if epoch == epochs:
            break  # A2 is the trained networks' output
        dZ2 = error / m * A2 * (1.0 - A2)  # (S, 1, m)
        dZ1 = np.matmul(W2.transpose(0, 2, 1), dZ2) * A1 * (1.0 - A1)  # (S, h, m)
        W2 -= learning_rate * np.matmul(dZ2, A1.transpose(0, 2, 1))
        b2 -= learning_rate * dZ2.sum(axis=2, keepdims=True)
        W1 -= learning_rate * np.matmul(dZ1, X.T)
        b1 -= learning_rate * dZ1.sum(axis=2, keepdims=True)
    # No divergence check: a sigmoid output keeps every cost below ½ (it saturates instead).
    return costs, (_classes(A2) == Y).mean(axis=(1, 2))


# --- Course machinery (package ``_course``) ------------------------------------------------
# Figures, widgets and their views, timing, and the exercise checker, kept out of the way of the
# math above and re-exported here, so that lessons import everything from nn_helpers.

from _course import answers as _answers  # noqa: E402, F401  (registers every exercise)
from _course.exercises import EXERCISES, check, judge  # noqa: E402
from _course.figures import (  # noqa: E402
    CLASS_COLORS,
    CLASS_MARKERS,
    LINE_COLOR,
    check_neuron_gradients,
    compare_learning_rates,
    describe_descent,
    describe_progress,
    draw_network,
    draw_neuron_graph,
    draw_quadrants,
    draw_training,
    mark_progress,
    neuron_formula,
    new_axes,
    plot_decision_boundary,
    plot_descent_path,
    plot_hidden_units,
    plot_learning_curve,
    plot_outputs_by_number,
    plot_points,
    plot_seed_outcomes,
    plot_xor_training,
)
from _course.views import (  # noqa: E402
    LESSON02_WEIGHTS,
    LESSON05_START_B,
    LESSON06_START_W,
    batch_training_view,
    feature_cross_view,
    forward_shapes_view,
    hidden_layer_view,
    learning_rate_view,
    median_seconds,
)
from _course.widgets import int_slider, interactive_figure, log_slider, toggle  # noqa: E402

# fmt: off
__all__ = [
    # activations and costs
    "sigmoid", "sigmoid_derivative", "leaky_relu", "leaky_relu_derivative",
    "squared_error_loss", "squared_error_cost", "cross_entropy_cost",
    # layers and networks
    "INIT_SCHEMES", "LinearLayer", "SigmoidLayer", "LeakyReLULayer", "build_network",
    "count_parameters", "forward", "backward", "predict", "accuracy",
    # training and gradient checks
    "DivergenceError", "train", "train_per_example", "network_cost", "numerical_gradient",
    "gradients_agree", "compare_gradients", "check_network_gradients",
    # datasets
    "or_gate", "xor_gate", "add_cross_feature", "EXAMPLE_A_SEED", "example_a_table",
    "even_odd_numbers", "binary_digits",
    # the math of single lessons
    "forward_shapes", "describe_forward_shapes", "NeuronGradients", "neuron_forward_backward",
    "neuron_finite_differences", "single_neuron", "CURVE_A", "CURVE_MINIMUM", "CURVE_START",
    "DIVERGENCE_BOUND", "u_loss", "u_loss_gradient", "gradient_descent_1d", "batch_gradients",
    "per_example_gradients", "XOR_SEED", "xor_network", "train_xor_many_seeds",
    # course machinery (package _course)
    "CLASS_COLORS", "CLASS_MARKERS", "LINE_COLOR", "new_axes", "plot_learning_curve",
    "plot_points", "plot_decision_boundary", "describe_progress", "mark_progress",
    "draw_training", "check_neuron_gradients", "draw_neuron_graph", "describe_descent",
    "plot_descent_path", "compare_learning_rates", "neuron_formula", "draw_quadrants",
    "draw_network",
    "plot_xor_training", "plot_hidden_units", "plot_seed_outcomes", "plot_outputs_by_number",
    "log_slider", "int_slider", "toggle", "interactive_figure", "LESSON02_WEIGHTS",
    "LESSON05_START_B", "LESSON06_START_W", "forward_shapes_view", "learning_rate_view",
    "batch_training_view", "feature_cross_view", "hidden_layer_view", "median_seconds",
    "EXERCISES", "check", "judge",
]
# fmt: on
