"""Neural Networks by Hand: the one helper module every lesson imports.

Conventions (see the lessons and CURRICULUM.md):

* data is stored one example per **column**: ``X`` is ``(n_features, m)``,
  ``Y`` is ``(n_outputs, m)``;
* layer ``l`` has ``W`` of shape ``(n_l, n_{l-1})`` and ``b`` of shape ``(n_l, 1)``;
* squared-error cost ``J = (1/2m) Σ (Y − Ŷ)²`` with ``∂J/∂Ŷ = (Ŷ − Y)/m``;
* gradient descent ``θ ← θ − α ∂J/∂θ``.

Sections: input checks · activations · costs · layers · networks and training ·
gradient checks · datasets · figures · widgets · exercises.
Each helper's docstring says which lesson introduces it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

# ---------------------------------------------------------------------------
# Input checks: one clear ValueError that names the problem, checked once per
# call (never once per element) so that the checks cost nothing measurable.
# ---------------------------------------------------------------------------


def _as_float_array(value, name: str) -> np.ndarray:
    """Return ``value`` as a float array, refusing NaN and infinity by name."""
    array = np.asarray(value, dtype=float)
    if not np.isfinite(array).all():
        raise ValueError(f"{name} contains NaN or infinite values")
    return array


def _check_matrix(array: np.ndarray, name: str) -> None:
    """Refuse anything but a 2-D array (one example per column)."""
    if array.ndim != 2:
        raise ValueError(
            f"{name} must be a 2-D array (one example per column), got shape {array.shape}"
        )


def _check_same_shape(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    if a.shape != b.shape:
        raise ValueError(f"{name_a} and {name_b} must have the same shape: {a.shape} vs {b.shape}")


def _check_learning_rate(learning_rate) -> float:
    """A learning rate must be a finite number greater than zero."""
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, (int, float, np.number)):
        raise ValueError(f"learning_rate must be a number, got {learning_rate!r}")
    if not math.isfinite(learning_rate) or learning_rate <= 0:
        raise ValueError(f"learning_rate must be a finite number > 0, got {learning_rate!r}")
    return float(learning_rate)


def _check_epochs(epochs, name: str = "epochs") -> int:
    """A count of epochs (or steps) must be a whole number of at least 1."""
    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)) or epochs < 1:
        raise ValueError(f"{name} must be a whole number >= 1, got {epochs!r}")
    return int(epochs)


# ---------------------------------------------------------------------------
# Activations (lesson 01) and their derivatives (lesson 02).
# ---------------------------------------------------------------------------


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), computed as ½(1 + tanh(z/2)).

    The two are equal, but tanh never overflows, so no warning appears for any
    finite z (a learning rate of 50 produces very large z).
    """
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))


def sigmoid_derivative(z):
    """σ'(z) = σ(z)(1 − σ(z))."""
    s = sigmoid(z)
    return s * (1.0 - s)


def leaky_relu(z, leak: float = 0.1):
    """max(z, leak·z): the identity for z > 0, a small slope ``leak`` below 0."""
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, z, leak * z)


def leaky_relu_derivative(z, leak: float = 0.1):
    """1 for z > 0, ``leak`` otherwise (the kink at 0 takes the left slope)."""
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, 1.0, leak)


# ---------------------------------------------------------------------------
# Costs (lessons 02 and 05).
# ---------------------------------------------------------------------------


def squared_error_loss(y, y_hat):
    """Loss of one example: L = ½ (y − ŷ)²."""
    y, y_hat = np.asarray(y, dtype=float), np.asarray(y_hat, dtype=float)
    return 0.5 * (y - y_hat) ** 2


def squared_error_cost(Y, Y_hat) -> tuple[float, np.ndarray]:
    """Cost over a batch and its gradient: ``(J, dY_hat)``.

    J = (1/2m) Σ (Y − Ŷ)² and ∂J/∂Ŷ = (Ŷ − Y)/m, with m the number of columns.
    """
    Y, Y_hat = np.asarray(Y, dtype=float), np.asarray(Y_hat, dtype=float)
    _check_matrix(Y_hat, "Y_hat")
    _check_same_shape(Y, Y_hat, "Y", "Y_hat")
    m = Y.shape[1]
    error = Y_hat - Y  # (n_out, m)
    cost = float(np.vdot(error, error)) / (2 * m)
    return cost, error / m


def cross_entropy_cost(Y, Y_hat) -> tuple[float, np.ndarray]:
    """Binary cross-entropy and its gradient: ``(J, dY_hat)`` (lesson 08).

    J = −(1/m) Σ [Y log Ŷ + (1 − Y) log(1 − Ŷ)];
    ∂J/∂Ŷ = (Ŷ − Y) / (m Ŷ (1 − Ŷ)).  Ŷ is clipped away from 0 and 1 so that
    a saturated output gives a large, finite cost instead of infinity.
    """
    Y, Y_hat = np.asarray(Y, dtype=float), np.asarray(Y_hat, dtype=float)
    _check_matrix(Y_hat, "Y_hat")
    _check_same_shape(Y, Y_hat, "Y", "Y_hat")
    m = Y.shape[1]
    eps = 1e-12
    P = np.clip(Y_hat, eps, 1 - eps)
    cost = -float(np.sum(Y * np.log(P) + (1 - Y) * np.log(1 - P))) / m
    return cost, (P - Y) / (m * P * (1 - P))


# ---------------------------------------------------------------------------
# Layers (lesson 07; shapes from lesson 01).  Each layer keeps what its
# backward pass needs from the forward pass, like a node of the graph in 02.
# ---------------------------------------------------------------------------

INIT_SCHEMES = ("small", "xavier", "he")


class LinearLayer:
    """Z = W·A_prev + b, with W of shape (n_out, n_in) and b of shape (n_out, 1).

    Initialisation draws W from ``rng`` (an ``np.random.Generator`` that the
    caller seeds) with one of the schemes:

    * ``"small"`` — standard normal × ``scale`` (default 0.01);
    * ``"xavier"`` — standard normal × sqrt(1 / n_in);
    * ``"he"`` — standard normal × sqrt(2 / n_in).

    b starts at zero.  A lesson may overwrite ``W`` and ``b`` with exact values.
    """

    def __init__(
        self,
        n_in: int,
        n_out: int,
        rng: np.random.Generator | None = None,
        init: str = "small",
        scale: float = 0.01,
    ):
        for name, n in (("n_in", n_in), ("n_out", n_out)):
            if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
                raise ValueError(f"{name} must be a whole number >= 1, got {n!r}")
        if init not in INIT_SCHEMES:
            raise ValueError(f"init must be one of {INIT_SCHEMES}, got {init!r}")
        if rng is None:
            # Deterministic by default: the caller who wants another start passes a generator.
            rng = np.random.default_rng(0)
        std = {"small": scale, "xavier": math.sqrt(1 / n_in), "he": math.sqrt(2 / n_in)}[init]
        self.W = rng.standard_normal((n_out, n_in)) * std  # (n_out, n_in)
        self.b = np.zeros((n_out, 1))  # (n_out, 1)
        self.dW = np.zeros_like(self.W)
        self.db = np.zeros_like(self.b)
        self.A_prev = None

    @property
    def n_in(self) -> int:
        return self.W.shape[1]

    @property
    def n_out(self) -> int:
        return self.W.shape[0]

    def forward(self, A_prev) -> np.ndarray:
        """Z = W·A_prev + b; b is broadcast across the m columns."""
        A_prev = np.asarray(A_prev, dtype=float)
        if A_prev.ndim != 2 or A_prev.shape[0] != self.W.shape[1]:
            raise ValueError(
                f"LinearLayer expects input of shape ({self.W.shape[1]}, m), got {A_prev.shape}"
            )
        self.A_prev = A_prev  # (n_in, m), kept for backward
        return np.dot(self.W, A_prev) + self.b  # (n_out, m)

    def backward(self, dZ) -> np.ndarray:
        """Given ∂J/∂Z, keep dW = dZ·A_prevᵀ and db = Σ_columns dZ; return dA_prev = Wᵀ·dZ."""
        if self.A_prev is None:
            raise ValueError("call forward before backward")
        dZ = np.asarray(dZ, dtype=float)
        expected = (self.W.shape[0], self.A_prev.shape[1])
        if dZ.shape != expected:
            raise ValueError(f"LinearLayer.backward expects dZ of shape {expected}, got {dZ.shape}")
        self.dW = np.dot(dZ, self.A_prev.T)  # (n_out, n_in)
        self.db = dZ.sum(axis=1, keepdims=True)  # (n_out, 1): b is shared by every example
        return np.dot(self.W.T, dZ)  # (n_in, m)

    def update_params(self, learning_rate) -> None:
        """θ ← θ − α ∂J/∂θ for W and b."""
        learning_rate = _check_learning_rate(learning_rate)
        self.W -= learning_rate * self.dW
        self.b -= learning_rate * self.db

    def params(self) -> dict[str, np.ndarray]:
        """The trainable arrays by name (the arrays themselves, not copies)."""
        return {"W": self.W, "b": self.b}

    def grads(self) -> dict[str, np.ndarray]:
        """The gradients from the last backward pass, named like ``params``."""
        return {"W": self.dW, "b": self.db}

    def __repr__(self) -> str:
        return f"LinearLayer(n_in={self.n_in}, n_out={self.n_out})"


class _ActivationLayer:
    """Shared plumbing of layers that apply a function element by element."""

    def params(self) -> dict[str, np.ndarray]:
        return {}

    def grads(self) -> dict[str, np.ndarray]:
        return {}

    def update_params(self, learning_rate) -> None:
        """An activation has no parameters: nothing to update."""

    def _check_dA(self, dA, kept) -> np.ndarray:
        if kept is None:
            raise ValueError("call forward before backward")
        dA = np.asarray(dA, dtype=float)
        if dA.shape != kept.shape:
            raise ValueError(
                f"{type(self).__name__}.backward expects dA of shape {kept.shape}, got {dA.shape}"
            )
        return dA

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class SigmoidLayer(_ActivationLayer):
    """A = σ(Z); backward uses σ'(Z) = A(1 − A), so it keeps A, not Z."""

    def __init__(self):
        self.A = None

    def forward(self, Z) -> np.ndarray:
        self.A = sigmoid(Z)
        return self.A

    def backward(self, dA) -> np.ndarray:
        """dZ = dA · A(1 − A), element by element."""
        dA = self._check_dA(dA, self.A)
        return dA * self.A * (1.0 - self.A)


class LeakyReLULayer(_ActivationLayer):
    """A = leaky_relu(Z, leak); backward multiplies by 1 or ``leak``."""

    def __init__(self, leak: float = 0.1):
        self.leak = leak
        self.Z = None

    def forward(self, Z) -> np.ndarray:
        self.Z = np.asarray(Z, dtype=float)
        return leaky_relu(self.Z, self.leak)

    def backward(self, dA) -> np.ndarray:
        dA = self._check_dA(dA, self.Z)
        return dA * leaky_relu_derivative(self.Z, self.leak)

    def __repr__(self) -> str:
        return f"LeakyReLULayer(leak={self.leak})"


# ---------------------------------------------------------------------------
# Networks and training (lessons 05, 07, 08).
# ---------------------------------------------------------------------------


class DivergenceError(ArithmeticError):
    """Training stopped because the cost stopped being a finite number.

    ``epoch`` is the (0-based) epoch at which the cost became non-finite;
    ``costs`` holds the finite costs before it.
    """

    def __init__(self, epoch: int, costs: np.ndarray, learning_rate: float):
        self.epoch = epoch
        self.costs = costs
        self.learning_rate = learning_rate
        super().__init__(
            f"training diverged at epoch {epoch}: the cost is no longer a finite number "
            f"(learning rate {learning_rate:g} is too large)"
        )


def build_network(
    layer_sizes: Sequence[int],
    rng: np.random.Generator,
    init: str = "xavier",
    hidden_activation: str = "sigmoid",
    scale: float = 0.01,
) -> list:
    """Layers for sizes like ``[2, 3, 1]``: Linear, activation, Linear, …, Sigmoid.

    Hidden activations are ``"sigmoid"`` or ``"leaky_relu"``; the output is a sigmoid.
    """
    if len(layer_sizes) < 2:
        raise ValueError(f"layer_sizes needs an input and an output size, got {layer_sizes!r}")
    if hidden_activation not in ("sigmoid", "leaky_relu"):
        raise ValueError(
            f"hidden_activation must be 'sigmoid' or 'leaky_relu', got {hidden_activation!r}"
        )
    layers: list = []
    for i, (n_in, n_out) in enumerate(zip(layer_sizes[:-1], layer_sizes[1:], strict=True)):
        layers.append(LinearLayer(n_in, n_out, rng=rng, init=init, scale=scale))
        is_output = i == len(layer_sizes) - 2
        if is_output or hidden_activation == "sigmoid":
            layers.append(SigmoidLayer())
        else:
            layers.append(LeakyReLULayer())
    return layers


def count_parameters(layer_sizes: Sequence[int]) -> int:
    """Σ n_l (n_{l−1} + 1): every unit has one weight per input plus a bias."""
    return sum(
        n_out * (n_in + 1) for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:], strict=True)
    )


def forward(layers, X) -> np.ndarray:
    """Run ``X`` through every layer in order and return the last output Ŷ."""
    A = X
    for layer in layers:
        A = layer.forward(A)
    return A


def backward(layers, dY_hat) -> np.ndarray:
    """Run the gradient back through every layer in reverse; return ∂J/∂X."""
    grad = dY_hat
    for layer in reversed(layers):
        grad = layer.backward(grad)
    return grad


def _check_data(X, Y) -> tuple[np.ndarray, np.ndarray]:
    X = _as_float_array(X, "X")
    Y = _as_float_array(Y, "Y")
    _check_matrix(X, "X")
    _check_matrix(Y, "Y")
    if X.shape[1] != Y.shape[1]:
        raise ValueError(
            f"X and Y must have the same number of examples (columns): "
            f"X has {X.shape[1]}, Y has {Y.shape[1]}"
        )
    return X, Y


def _check_layers_fit(layers, X, Y) -> None:
    """Catch a network whose first or last layer does not fit the data, before training."""
    linear = [layer for layer in layers if isinstance(layer, LinearLayer)]
    if not linear:
        raise ValueError("the network has no LinearLayer: nothing to train")
    if linear[0].n_in != X.shape[0]:
        raise ValueError(
            f"the first layer expects {linear[0].n_in} features but X has {X.shape[0]} rows"
        )
    if linear[-1].n_out != Y.shape[0]:
        raise ValueError(
            f"the last layer has {linear[-1].n_out} outputs but Y has {Y.shape[0]} rows"
        )


def train(
    layers,
    X,
    Y,
    learning_rate,
    epochs,
    cost_function: Callable = squared_error_cost,
) -> np.ndarray:
    """Full-batch gradient descent for ``epochs`` epochs; returns the cost of every epoch.

    Each epoch: forward, cost (recorded *before* the update), backward, update.
    If the cost stops being finite, training stops and ``DivergenceError`` says
    at which epoch; no overflow warnings are printed on the way.
    """
    X, Y = _check_data(X, Y)
    learning_rate = _check_learning_rate(learning_rate)
    epochs = _check_epochs(epochs)
    _check_layers_fit(layers, X, Y)
    costs = np.empty(epochs)
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs):
            A = X
            for layer in layers:
                A = layer.forward(A)
            cost, grad = cost_function(Y, A)
            if not math.isfinite(cost):
                raise DivergenceError(epoch, costs[:epoch].copy(), learning_rate)
            costs[epoch] = cost
            for layer in reversed(layers):
                grad = layer.backward(grad)
            for layer in layers:
                layer.update_params(learning_rate)
    return costs


def train_sigmoid_network(weights, biases, X, Y, learning_rate, epochs) -> np.ndarray:
    """The same training as ``train`` on a sigmoid network, written for speed (widgets).

    ``weights`` and ``biases`` are lists ``[W1, W2, …]`` and ``[b1, b2, …]`` of a
    network whose every layer is linear then sigmoid, with the squared-error cost.
    They are updated in place, exactly as ``train`` updates the layers, and the
    cost of every epoch is returned.  It computes the same formulas with fewer
    temporary arrays; the lessons show the readable version, ``train``.
    """
    X, Y = _check_data(X, Y)
    learning_rate = _check_learning_rate(learning_rate)
    epochs = _check_epochs(epochs)
    if len(weights) != len(biases) or not weights:
        raise ValueError("weights and biases must be non-empty lists of the same length")
    n_prev = X.shape[0]
    for number, (W, b) in enumerate(zip(weights, biases, strict=True), start=1):
        if W.ndim != 2 or W.shape[1] != n_prev or b.shape != (W.shape[0], 1):
            raise ValueError(
                f"layer {number}: expected W of shape (n, {n_prev}) and b of shape (n, 1), "
                f"got {W.shape} and {b.shape}"
            )
        n_prev = W.shape[0]
    if n_prev != Y.shape[0]:
        raise ValueError(f"the last layer has {n_prev} outputs but Y has {Y.shape[0]} rows")
    m = X.shape[1]
    costs = np.empty(epochs)
    dot = np.dot
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs):
            activations = [X]
            A = X
            for W, b in zip(weights, biases, strict=True):
                A = dot(W, A) + b
                A *= 0.5  # sigmoid(z) = ½(1 + tanh(z/2)), in place
                np.tanh(A, out=A)
                A += 1.0
                A *= 0.5
                activations.append(A)
            error = A - Y
            cost = float(np.vdot(error, error)) / (2 * m)
            if not math.isfinite(cost):
                raise DivergenceError(epoch, costs[:epoch].copy(), learning_rate)
            costs[epoch] = cost
            grad = error / m  # ∂J/∂Ŷ
            for layer in range(len(weights) - 1, -1, -1):
                A = activations[layer + 1]
                dZ = grad * A * (1.0 - A)
                if layer:
                    grad = dot(weights[layer].T, dZ)
                weights[layer] -= learning_rate * dot(dZ, activations[layer].T)
                biases[layer] -= learning_rate * dZ.sum(axis=1, keepdims=True)
    return costs


def predict(layers, X, threshold: float = 0.5) -> np.ndarray:
    """Class predictions 0/1: the network's output compared with ``threshold``."""
    X = _as_float_array(X, "X")
    _check_matrix(X, "X")
    return (forward(layers, X) >= threshold).astype(int)


def accuracy(predictions, Y) -> float:
    """The fraction of examples whose prediction equals the label."""
    predictions, Y = np.asarray(predictions), np.asarray(Y)
    _check_same_shape(predictions, Y, "predictions", "Y")
    return float(np.mean(predictions == Y))


# ---------------------------------------------------------------------------
# Gradient checks (lesson 02 onward): central finite differences.
# ---------------------------------------------------------------------------


def numerical_gradient(f: Callable[[], float], theta: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """∂f/∂θ by central differences, (f(θ + ε) − f(θ − ε)) / 2ε, one entry at a time.

    ``theta`` is changed in place while ``f`` (which takes no arguments and reads
    ``theta``) is evaluated, and restored afterwards.
    """
    if not isinstance(theta, np.ndarray) or theta.dtype != float:
        raise ValueError("theta must be a float NumPy array that f reads (it is nudged in place)")
    grad = np.zeros_like(theta)
    for index in np.ndindex(theta.shape):
        original = theta[index]
        theta[index] = original + eps
        f_plus = f()
        theta[index] = original - eps
        f_minus = f()
        theta[index] = original
        grad[index] = (f_plus - f_minus) / (2 * eps)
    return grad


def gradients_agree(analytic, numeric, rtol: float = 1e-5, atol: float = 1e-8) -> bool:
    """True when the analytic and numerical gradients match within tolerance."""
    analytic, numeric = np.asarray(analytic, dtype=float), np.asarray(numeric, dtype=float)
    _check_same_shape(analytic, numeric, "analytic", "numeric")
    return bool(np.allclose(analytic, numeric, rtol=rtol, atol=atol))


def compare_gradients(name: str, analytic, numeric, rtol: float = 1e-5, atol: float = 1e-8) -> bool:
    """Print whether an analytic gradient matches its finite-difference estimate.

    The printed line is stable from run to run (no raw float digits), so it can
    be part of a notebook's stored output.
    """
    ok = gradients_agree(analytic, numeric, rtol=rtol, atol=atol)
    verdict = "agree" if ok else "DISAGREE"
    print(f"{name:>8}  analytic vs numeric: {verdict}  (shape {np.shape(analytic)})")
    return ok


def network_cost(layers, X, Y, cost_function: Callable = squared_error_cost) -> float:
    """The cost of the network on (X, Y), without touching any gradient."""
    return cost_function(Y, forward(layers, X))[0]


def check_network_gradients(
    layers, X, Y, cost_function: Callable = squared_error_cost, verbose: bool = True
) -> bool:
    """Backpropagate once, then compare every layer's dW and db with finite differences.

    Layers are numbered 1, 2, … counting linear layers only (dW1, db1, dW2, …).
    Returns True when all agree.
    """
    X, Y = _check_data(X, Y)
    cost, dY_hat = cost_function(Y, forward(layers, X))
    backward(layers, dY_hat)
    all_ok = True
    linear = [layer for layer in layers if isinstance(layer, LinearLayer)]
    for number, layer in enumerate(linear, start=1):
        for name, param in layer.params().items():
            analytic = layer.grads()[name].copy()
            numeric = numerical_gradient(lambda: network_cost(layers, X, Y, cost_function), param)
            if verbose:
                ok = compare_gradients(f"d{name}{number}", analytic, numeric)
            else:
                ok = gradients_agree(analytic, numeric)
            all_ok = all_ok and ok
    return all_ok


# ---------------------------------------------------------------------------
# Datasets (lessons 02–08): one example per column.
# ---------------------------------------------------------------------------

_GATE_INPUTS = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]])  # (2, 4)


def or_gate() -> tuple[np.ndarray, np.ndarray]:
    """The OR truth table: X (2, 4) with columns (0,0),(0,1),(1,0),(1,1); Y (1, 4) = 0,1,1,1."""
    return _GATE_INPUTS.copy(), np.array([[0.0, 1.0, 1.0, 1.0]])


def xor_gate() -> tuple[np.ndarray, np.ndarray]:
    """The XOR truth table: X (2, 4) as for OR; Y (1, 4) = 0,1,1,0."""
    return _GATE_INPUTS.copy(), np.array([[0.0, 1.0, 1.0, 0.0]])


def add_cross_feature(X) -> np.ndarray:
    """Stack the feature cross x1·x2 under X: (2, m) in, (3, m) out (lesson 06)."""
    X = _as_float_array(X, "X")
    _check_matrix(X, "X")
    if X.shape[0] != 2:
        raise ValueError(f"add_cross_feature expects X of shape (2, m), got {X.shape}")
    return np.vstack([X, X[0:1] * X[1:2]])


# ---------------------------------------------------------------------------
# Figures: one look for every lesson.  Class 0 and class 1 differ in colour
# (Okabe–Ito blue and orange, safe for colour-blind readers) and in marker.
# ---------------------------------------------------------------------------

CLASS_COLORS = ("#0072B2", "#E69F00")
CLASS_MARKERS = ("o", "s")
FIGSIZE = (5.0, 3.6)
LINE_COLOR = "#009E73"
DIVERGED_COLOR = "#D55E00"

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


def _pyplot():
    """Import pyplot lazily (it costs ~0.3 s) and apply the course style once."""
    import matplotlib.pyplot as plt

    plt.rcParams.update(_STYLE)
    return plt


def new_axes(
    ncols: int = 1, nrows: int = 1, width: float | None = None, height: float | None = None
):
    """A figure in the course style: returns ``(fig, ax)`` or ``(fig, axes)``.

    Margins are fixed in inches rather than computed by a layout engine: every
    figure gets the same look, and a widget redraw saves ~40 ms.
    """
    plt = _pyplot()
    width = width or FIGSIZE[0] * ncols
    height = height or FIGSIZE[1] * nrows
    fig, axes = plt.subplots(nrows, ncols, figsize=(width, height))
    fig.subplots_adjust(
        left=0.75 / width,
        right=1 - 0.2 / width,
        bottom=0.6 / height,
        top=1 - 0.4 / height,
        wspace=0.9 * ncols / width,
        hspace=1.0 * nrows / height,
    )
    return fig, axes


def plot_learning_curve(costs, ax=None, title: str = "Learning curve", label: str | None = None):
    """Cost per epoch (lesson 05 onward). Returns the axes."""
    costs = np.asarray(costs, dtype=float)
    if costs.ndim != 1 or costs.size == 0:
        raise ValueError(f"costs must be a non-empty 1-D sequence, got shape {costs.shape}")
    if ax is None:
        _, ax = new_axes()
    ax.plot(np.arange(costs.size), costs, color=LINE_COLOR if label is None else None, label=label)
    ax.set(title=title, xlabel="epoch", ylabel="cost J")
    if label is not None:
        ax.legend()
    return ax


def plot_points(X, Y, ax=None, labels=("class 0", "class 1")):
    """Scatter 2-D examples (columns of X) with a colour and a marker per class."""
    X, Y = _as_float_array(X, "X"), _as_float_array(Y, "Y")
    if X.shape[0] != 2:
        raise ValueError(f"plot_points needs X of shape (2, m), got {X.shape}")
    if ax is None:
        _, ax = new_axes()
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
    ax.set(xlabel="$x_1$", ylabel="$x_2$")
    return ax


def plot_decision_boundary(
    predict_proba: Callable[[np.ndarray], np.ndarray],
    X,
    Y,
    ax=None,
    title: str = "Decision boundary",
    margin: float = 0.5,
    resolution: int = 200,
):
    """Shade the input plane by the model's output and draw the 0.5 contour (lesson 03 onward).

    ``predict_proba`` takes a (2, k) array of points and returns (1, k) outputs
    in [0, 1], for example ``lambda P: forward(layers, P)``.
    """
    from matplotlib.colors import ListedColormap

    X = _as_float_array(X, "X")
    if ax is None:
        _, ax = new_axes()
    x1 = np.linspace(X[0].min() - margin, X[0].max() + margin, resolution)
    x2 = np.linspace(X[1].min() - margin, X[1].max() + margin, resolution)
    G1, G2 = np.meshgrid(x1, x2)
    grid = np.vstack([G1.ravel(), G2.ravel()])  # (2, resolution²)
    P = np.asarray(predict_proba(grid), dtype=float).reshape(G1.shape)
    shades = ListedColormap(["#BFDDF0", "#F7E1B0"])  # light versions of the class colours
    ax.contourf(G1, G2, P >= 0.5, levels=[-0.5, 0.5, 1.5], cmap=shades, alpha=0.9)
    if P.min() < 0.5 < P.max():
        ax.contour(G1, G2, P, levels=[0.5], colors="black", linewidths=1.2)
    plot_points(X, Y, ax=ax)
    ax.set_title(title)
    ax.legend(loc="upper center", ncols=2, handletextpad=0.2, borderaxespad=0.1)
    return ax


def mark_divergence(ax, epoch: int) -> None:
    """Write "diverged at step N" across a plot, so divergence is named, not a blank."""
    ax.text(
        0.5,
        0.5,
        f"diverged at step {epoch}",
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=12,
        color=DIVERGED_COLOR,
        fontweight="bold",
        bbox={"facecolor": "white", "edgecolor": DIVERGED_COLOR},
    )


# ---------------------------------------------------------------------------
# Widgets (lesson 01 onward): sliders that redraw a figure.  The function
# behind each widget is a plain function of the slider values, so it can be
# unit-tested and timed without a browser.
# ---------------------------------------------------------------------------

_WIDGET_STYLE = {"description_width": "initial"}


def log_slider(description: str, min: float, max: float, value: float, steps_per_decade: int = 4):
    """A logarithmic float slider from ``min`` to ``max`` (both > 0)."""
    import ipywidgets as widgets

    if not 0 < min < max:
        raise ValueError(f"a log slider needs 0 < min < max, got min={min}, max={max}")
    return widgets.FloatLogSlider(
        value=value,
        base=10,
        min=math.log10(min),
        max=math.log10(max),
        step=1 / steps_per_decade,
        description=description,
        readout_format=".3g",
        continuous_update=False,
        style=_WIDGET_STYLE,
        layout={"width": "420px"},
    )


def int_slider(description: str, min: int, max: int, value: int, step: int = 1):
    """A whole-number slider."""
    import ipywidgets as widgets

    return widgets.IntSlider(
        value=value,
        min=min,
        max=max,
        step=step,
        description=description,
        continuous_update=False,
        style=_WIDGET_STYLE,
        layout={"width": "420px"},
    )


def toggle(description: str, value: bool = False):
    """An on/off checkbox."""
    import ipywidgets as widgets

    return widgets.Checkbox(value=value, description=description, style=_WIDGET_STYLE)


def format_setting(value) -> str:
    """How a control's value is printed above the figure: ints plainly, floats to 3 digits."""
    if isinstance(value, (bool, np.bool_)):
        return "on" if value else "off"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    return f"{float(value):.3g}"


def describe_settings(controls: dict, values: dict) -> str:
    """One line naming every control's value, e.g. ``learning rate = 5 · epochs = 100``."""
    return " · ".join(
        f"{control.description} = {format_setting(values[name])}"
        for name, control in controls.items()
    )


def render_png(fig) -> bytes:
    """The figure as PNG bytes, then closed (no tight bounding box: margins are fixed)."""
    import io

    plt = _pyplot()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def interactive_figure(view: Callable, **controls):
    """Controls above a text line and a figure; every change calls ``view(**values)``.

    ``view`` returns a matplotlib Figure, or ``(figure, text)``.  The text area
    always starts with a line naming the current settings (``learning rate = 5 ·
    epochs = 100``), so a reader — or a browser test — can see which values the
    figure shows.  The figure is shown as a PNG image widget that is replaced in
    place, so the page does not jump while a learner drags a slider.  Changes are
    handled one at a time, in order, so the last change is what stays on screen.
    """
    import html

    import ipywidgets as widgets

    text_area = widgets.HTML()
    text_area.add_class("nn-widget-text")
    image = widgets.Image(format="png")
    image.add_class("nn-widget-figure")

    def redraw(_change=None):
        values = {name: control.value for name, control in controls.items()}
        result = view(**values)
        fig, text = result if isinstance(result, tuple) else (result, None)
        lines = [describe_settings(controls, values)] + ([text] if text else [])
        image.value = render_png(fig)
        text_area.value = "<pre>" + html.escape("\n".join(lines)) + "</pre>"

    for control in controls.values():
        control.observe(redraw, names="value")
    redraw()
    return widgets.VBox([*controls.values(), text_area, image])


# ---------------------------------------------------------------------------
# Exercises with self-checks.  The expected answers are computed here from the
# lesson's setup (never typed in), and never printed: ``check`` only says
# right, close or not yet, with a hint.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Exercise:
    """A question whose answer ``solve()`` computes; answers are judged to 3 decimals."""

    question: str
    solve: Callable[[], object]
    hint: str
    tolerance: float = 5e-4  # half a unit in the 3rd decimal: a correctly rounded answer passes


EXERCISES: dict[str, Exercise] = {}


def exercise(key: str, question: str, hint: str, tolerance: float = 5e-4):
    """Register ``solve`` as the answer to exercise ``key`` (a decorator)."""

    def register(solve: Callable[[], object]) -> Callable[[], object]:
        if key in EXERCISES:
            raise ValueError(f"exercise {key!r} is registered twice")
        EXERCISES[key] = Exercise(question, solve, hint, tolerance)
        return solve

    return register


def judge(key: str, answer) -> str:
    """The verdict on an answer to exercise ``key``: unanswered, right, close or wrong."""
    if key not in EXERCISES:
        raise ValueError(f"no exercise called {key!r}; known: {sorted(EXERCISES)}")
    if answer is None or answer is Ellipsis:
        return "unanswered"
    ex = EXERCISES[key]
    expected = np.asarray(ex.solve(), dtype=float)
    try:
        given = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return "wrong"
    if given.shape != expected.shape:
        # A scalar typed as [x] or a list typed flat still counts if the numbers match.
        if given.size != expected.size:
            return "wrong"
        given = given.reshape(expected.shape)
    if not np.isfinite(given).all():
        return "wrong"
    error = np.abs(given - expected)
    if np.all(error <= ex.tolerance):
        return "right"
    if np.all(error <= np.maximum(0.05 * np.abs(expected), 10 * ex.tolerance)):
        return "close"
    return "wrong"


def check(key: str, answer) -> None:
    """Print a verdict on ``answer`` for exercise ``key`` without revealing the solution.

    Returns nothing, so a notebook cell ending in ``check(...)`` shows only the message.
    """
    verdict = judge(key, answer)
    ex = EXERCISES[key]
    messages = {
        "unanswered": f"Exercise {key}: replace ... with your answer and run this cell again.",
        "right": f"Exercise {key}: right!",
        "close": f"Exercise {key}: close. Round to 3 decimals and check again. Hint: {ex.hint}",
        "wrong": f"Exercise {key}: not yet. Hint: {ex.hint}",
    }
    print(messages[verdict])


# ===========================================================================
# Lesson-specific helpers.  Each block below belongs to the lessons it names:
# views behind that lesson's widgets, its figures, its exercises.
# ===========================================================================

# --- Lesson 01: the forward pass -------------------------------------------

# --- end of lesson 01 section ---

# --- Lessons 02–04: backpropagation by hand, the bias, the learning rate ----

# --- end of lessons 02–04 section ---

# --- Lessons 05–06: batch gradient descent, feature crosses ----------------

# --- end of lessons 05–06 section ---

# --- Lessons 07–08: a hidden layer solves XOR, going deeper ----------------

# --- end of lessons 07–08 section ---
