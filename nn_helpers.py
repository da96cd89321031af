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

import functools
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
    if _check_finite_number(learning_rate, "learning_rate") <= 0:
        raise ValueError(f"learning_rate must be a finite number > 0, got {learning_rate!r}")
    return float(learning_rate)


def _check_whole_number(value, name: str, minimum: int = 1) -> int:
    """A count (epochs, units, a seed) must be a whole number of at least ``minimum``.

    ``2.0`` and ``True`` are refused: a float or a bool here is almost always a slip.
    """
    if (
        isinstance(value, (bool, np.bool_))
        or not isinstance(value, (int, np.integer))
        or value < minimum
    ):
        raise ValueError(f"{name} must be a whole number >= {minimum}, got {value!r}")
    return int(value)


def _check_epochs(epochs, name: str = "epochs") -> int:
    """A count of epochs (or steps) must be a whole number of at least 1."""
    return _check_whole_number(epochs, name)


def _check_layer_sizes(layer_sizes) -> list[int]:
    """Layer sizes like ``[3, 4, 1]``: at least an input and an output, each a whole number ≥ 1."""
    try:
        sizes = list(layer_sizes)
    except TypeError:
        raise ValueError(
            f"layer_sizes must be a list of sizes like [2, 3, 1], got {layer_sizes!r}"
        ) from None
    if len(sizes) < 2:
        raise ValueError(f"layer_sizes needs an input and an output size, got {layer_sizes!r}")
    return [
        _check_whole_number(n, f"layer size {number} of {sizes!r}")
        for number, n in enumerate(sizes, start=1)
    ]


def _check_rng(rng) -> np.random.Generator:
    """Random starts come from a generator the caller seeds, never from a hidden default."""
    if not isinstance(rng, np.random.Generator):
        raise ValueError(
            f"rng must be a NumPy random Generator, e.g. np.random.default_rng(0), got {rng!r}"
        )
    return rng


def _check_finite_number(value, name: str) -> float:
    """A setting such as a threshold or a scale must be one finite real number."""
    real = (int, float, np.integer, np.floating)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, real):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


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
    A NaN in Ŷ gives a NaN cost, without a warning: that is how ``train``
    notices that training diverged.
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

    Ŷ must be a probability: a value outside [0, 1] is refused (clipping 1.5 to
    1 would report a near-zero cost for it).  A NaN in Ŷ gives a NaN cost,
    without a warning: that is how ``train`` notices that training diverged.
    """
    Y, Y_hat = np.asarray(Y, dtype=float), np.asarray(Y_hat, dtype=float)
    _check_matrix(Y_hat, "Y_hat")
    _check_same_shape(Y, Y_hat, "Y", "Y_hat")
    if (Y_hat < 0).any() or (Y_hat > 1).any():  # False for NaN, which passes through
        raise ValueError(
            "Y_hat must hold probabilities in [0, 1] (the output of a sigmoid), "
            f"got values from {np.nanmin(Y_hat):g} to {np.nanmax(Y_hat):g}"
        )
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

    b starts at zero.  A lesson may overwrite ``W`` and ``b`` with exact values
    (whole numbers become floats when training starts).  ``rng`` is required:
    leaving it out is a ValueError rather than a hidden seed, which would give
    every layer built without one the same weights.
    """

    def __init__(
        self,
        n_in: int,
        n_out: int,
        rng: np.random.Generator | None = None,
        init: str = "small",
        scale: float = 0.01,
    ):
        n_in = _check_whole_number(n_in, "n_in")
        n_out = _check_whole_number(n_out, "n_out")
        if init not in INIT_SCHEMES:
            raise ValueError(f"init must be one of {INIT_SCHEMES}, got {init!r}")
        _check_rng(rng)
        if _check_finite_number(scale, "scale") <= 0:
            raise ValueError(f"scale must be a finite number > 0, got {scale!r}")
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
        self.leak = _check_finite_number(leak, "leak")
        if not 0 <= self.leak < 1:
            raise ValueError(f"leak must be at least 0 and below 1, got {leak!r}")
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
    ``costs`` holds the finite costs before it.  The usual cause is too large a
    learning rate (the weights and biases were checked to be finite before
    training began), so the message suggests a smaller one without blaming it.
    """

    def __init__(self, epoch: int, costs: np.ndarray, learning_rate: float):
        self.epoch = epoch
        self.costs = costs
        self.learning_rate = learning_rate
        super().__init__(
            f"training diverged at epoch {epoch}: the cost is no longer a finite number "
            "(try a smaller learning rate)"
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
    ``rng`` (an ``np.random.Generator`` the caller seeds) draws every layer's W in turn.
    """
    layer_sizes = _check_layer_sizes(layer_sizes)
    _check_rng(rng)
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
    layer_sizes = _check_layer_sizes(layer_sizes)
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


def _check_parameter(value, name: str) -> None:
    """A W or b handed to training must be finite: a NaN there is bad input, not divergence."""
    if not np.isfinite(value).all():
        raise ValueError(f"{name} contains NaN or infinite values")


def _check_layers_fit(layers, X, Y) -> None:
    """Catch a network that cannot be trained on the data, before training.

    Every linear layer's W and b become float arrays (a learner who types
    ``layer.W = np.array([[1, 2]])`` gets whole numbers, which cannot take a
    fractional gradient step in place) and must be finite; the first and last
    layers must fit X and Y.  Checked once per call, never once per epoch.
    """
    linear = [layer for layer in layers if isinstance(layer, LinearLayer)]
    if not linear:
        raise ValueError("the network has no LinearLayer: nothing to train")
    for number, layer in enumerate(linear, start=1):
        for name in ("W", "b"):
            value = getattr(layer, name)
            if not (isinstance(value, np.ndarray) and value.dtype == np.float64):
                value = np.asarray(value, dtype=float)
                setattr(layer, name, value)
            _check_parameter(value, f"layer {number}'s {name}")
        if layer.W.ndim != 2 or layer.b.shape != (layer.W.shape[0], 1):
            raise ValueError(
                f"layer {number}: expected W of shape (n, n_in) and b of shape (n, 1), "
                f"got {layer.W.shape} and {layer.b.shape}"
            )
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
    Bad input (shapes, NaN in X, Y or any W or b) is a ValueError before the
    first epoch; whole-number W or b are turned into floats on their layer.

    If the cost stops being finite, training stops and ``DivergenceError`` says
    at which epoch; no overflow warnings are printed on the way.  This needs an
    output that can grow without bound (a linear output, a custom cost): a
    sigmoid output with squared error keeps the cost below ½, so there too
    large a learning rate shows as a rising or stuck cost instead (see
    ``describe_progress``).
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
    """The training of ``train`` on an all-sigmoid network, written for speed (widgets).

    ``weights`` and ``biases`` are lists ``[W1, W2, …]`` and ``[b1, b2, …]`` of a
    network whose every layer is linear then sigmoid, with the squared-error cost.
    They are updated in place, as ``train`` updates the layers, and the cost of
    every epoch (before its update) is returned.

    Same formulas, fewer NumPy calls: at this size the time goes into the number
    of calls, not the arithmetic.  Each layer keeps ``[W | b]`` as one matrix and
    its input as ``[A_prev; 1]``, so ``[W | b]·[A_prev; 1] = W·A_prev + b`` is one
    product and ``dZ·[A_prev; 1]ᵀ = [dW | db]`` is another; buffers are reused and
    α/m is applied once to dZ.  Sums are taken in another order than in ``train``,
    so the numbers agree to rounding (~1e-12), not bit for bit; where training is
    chaotic (very large learning rates) those rounding differences can grow.

    Because the arrays are updated in place, each W and b must already be a
    NumPy array of floats (a list or whole numbers is a ValueError naming it),
    and finite.  ``DivergenceError`` is raised as in ``train``, which with a
    sigmoid output and squared error practically never happens: the cost stays
    below ½.
    """
    X, Y = _check_data(X, Y)
    learning_rate = _check_learning_rate(learning_rate)
    epochs = _check_epochs(epochs)
    if len(weights) != len(biases) or not weights:
        raise ValueError("weights and biases must be non-empty lists of the same length")
    n_prev = X.shape[0]
    for number, (W, b) in enumerate(zip(weights, biases, strict=True), start=1):
        for name, value in ((f"W{number}", W), (f"b{number}", b)):
            if not (isinstance(value, np.ndarray) and value.dtype == np.float64):
                is_array = isinstance(value, np.ndarray)
                kind = f"an array of {value.dtype}" if is_array else type(value).__name__
                raise ValueError(
                    f"layer {number}'s {name[0]} ({name}) must be a NumPy array of floats, "
                    f"since it is updated in place, e.g. np.array(..., dtype=float); got {kind}"
                )
            _check_parameter(value, f"layer {number}'s {name[0]} ({name})")
        if W.ndim != 2 or W.shape[1] != n_prev or b.shape != (W.shape[0], 1):
            raise ValueError(
                f"layer {number}: expected W of shape (n, {n_prev}) and b of shape (n, 1), "
                f"got {W.shape} and {b.shape}"
            )
        n_prev = W.shape[0]
    if n_prev != Y.shape[0]:
        raise ValueError(f"the last layer has {n_prev} outputs but Y has {Y.shape[0]} rows")

    m = X.shape[1]
    n_layers = len(weights)
    Wb = [np.hstack([W, b]) for W, b in zip(weights, biases, strict=True)]  # [W | b]
    # inputs[l] = [A_prev; 1] of layer l; a hidden layer writes its A into the next one's rows.
    inputs = [np.vstack([X, np.ones((1, m))])]
    inputs += [np.ones((W.shape[0] + 1, m)) for W in weights[:-1]]
    activations = [A_aug[:-1] for A_aug in inputs[1:]] + [np.empty((n_prev, m))]
    Y_hat = activations[-1]
    inputs_T = [A_aug.T for A_aug in inputs]  # views: no copy per epoch
    weights_T = [M[:, :-1].T for M in Wb]  # Wᵀ as a view of [W | b], current after each update
    Z = [np.empty((W.shape[0], m)) for W in weights]
    error = np.empty_like(Y_hat)
    costs = np.empty(epochs)
    step = learning_rate / m
    dot, tanh, multiply, subtract = np.dot, np.tanh, np.multiply, np.subtract
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs):
            for layer in range(n_layers):
                dot(Wb[layer], inputs[layer], out=Z[layer])
                Z[layer] *= 0.5  # σ(z) = ½ + ½ tanh(z/2)
                tanh(Z[layer], out=Z[layer])
                A = activations[layer]
                multiply(Z[layer], 0.5, out=A)
                A += 0.5
            subtract(Y_hat, Y, out=error)  # m·∂J/∂Ŷ
            cost = float(np.vdot(error, error)) / (2 * m)
            if not math.isfinite(cost):
                raise DivergenceError(epoch, costs[:epoch].copy(), learning_rate)
            costs[epoch] = cost
            dZ = subtract(1.0, Y_hat)  # α·∂J/∂Z = (α/m)·error·Ŷ(1 − Ŷ)
            dZ *= Y_hat
            dZ *= error
            dZ *= step
            for layer in range(n_layers - 1, -1, -1):
                if layer:
                    dA_prev = dot(weights_T[layer], dZ)  # with W before its update
                Wb[layer] -= dot(dZ, inputs_T[layer])  # [W | b] −= α [dW | db]
                if layer:
                    A_prev = activations[layer - 1]
                    dZ = subtract(1.0, A_prev)
                    dZ *= A_prev
                    dZ *= dA_prev
    for W, b, M in zip(weights, biases, Wb, strict=True):
        W[...] = M[:, :-1]
        b[...] = M[:, -1:]
    return costs


def predict(layers, X, threshold: float = 0.5) -> np.ndarray:
    """Class predictions 0/1: the network's output compared with ``threshold``."""
    X = _as_float_array(X, "X")
    _check_matrix(X, "X")
    threshold = _check_finite_number(threshold, "threshold")
    return (forward(layers, X) >= threshold).astype(int)


def accuracy(predictions, Y) -> float:
    """The fraction of examples whose prediction equals the label."""
    predictions = _as_float_array(predictions, "predictions")
    Y = _as_float_array(Y, "Y")
    _check_same_shape(predictions, Y, "predictions", "Y")
    if Y.size == 0:
        raise ValueError("accuracy needs at least one example, got none")
    return float(np.mean(predictions == Y))


# ---------------------------------------------------------------------------
# Gradient checks (lesson 02 onward): central finite differences.
# ---------------------------------------------------------------------------


def numerical_gradient(f: Callable[[], float], theta: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """∂f/∂θ by central differences, (f(θ + ε) − f(θ − ε)) / 2ε, one entry at a time.

    ``theta`` is changed in place while ``f`` (which takes no arguments and reads
    ``theta``) is evaluated, and restored afterwards, even if ``f`` raises.
    """
    if not isinstance(theta, np.ndarray) or theta.dtype != float:
        raise ValueError("theta must be a float NumPy array that f reads (it is nudged in place)")
    if _check_finite_number(eps, "eps") <= 0:
        raise ValueError(f"eps must be a finite number > 0, got {eps!r}")
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
    for ax in np.atleast_1d(axes).ravel():
        _measure_tick_space_once(ax)
    return fig, axes


def _measure_tick_space_once(ax) -> None:
    """Fix each axis's number of ticks now, once, at most 5.

    The default locator re-measures the tick-label font on every draw to decide
    how many ticks fit (about 20 ms per widget redraw).  With fixed margins the
    axes never change size, so measuring once gives the same answer; the cap of
    5 keeps figures uncluttered and saves ~1 ms per tick at every redraw.
    """
    from matplotlib.ticker import AutoLocator, MaxNLocator

    for axis in (ax.xaxis, ax.yaxis):
        if type(axis.get_major_locator()) is AutoLocator:
            # What nbins="auto" computes, capped at 5: uncluttered, and each tick is ~1 ms.
            nbins = max(1, min(axis.get_tick_space(), 5))
            axis.set_major_locator(MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10]))


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
    _check_matrix(X, "X")
    if X.shape[0] != 2:
        raise ValueError(f"plot_points needs X of shape (2, m), got {X.shape}")
    if Y.size != X.shape[1]:
        raise ValueError(f"plot_points needs one label per column of X {X.shape}, got Y {Y.shape}")
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
    ax.set(xlabel="x₁", ylabel="x₂")  # plain text: mathtext costs ~7 ms per widget redraw
    return ax


def _input_plane(X, margin: float, resolution: int) -> tuple[np.ndarray, ...]:
    """A grid over the data's range plus ``margin``: ``(G1, G2, points)``.

    ``points`` (2, resolution²) holds the grid's points as columns, ready for a model.
    """
    x1 = np.linspace(X[0].min() - margin, X[0].max() + margin, resolution)
    x2 = np.linspace(X[1].min() - margin, X[1].max() + margin, resolution)
    G1, G2 = np.meshgrid(x1, x2)
    return G1, G2, np.vstack([G1.ravel(), G2.ravel()])


def plot_decision_boundary(
    predict_proba: Callable[[np.ndarray], np.ndarray],
    X,
    Y,
    ax=None,
    title: str = "Decision boundary",
    margin: float = 0.5,
    resolution: int = 200,
    decimals: int | None = None,
):
    """Shade the input plane by the model's output and draw the 0.5 contour (lesson 03 onward).

    ``predict_proba`` takes a (2, k) array of points and returns (1, k) outputs
    in [0, 1], for example ``lambda P: forward(layers, P)``.  With ``decimals``,
    a model whose outputs all print the same at that rounding (one stuck at
    ŷ = 0.5 ± 1e-16) shades the plane one colour instead of by rounding noise.
    """
    from matplotlib.colors import ListedColormap

    X = _as_float_array(X, "X")
    _check_matrix(X, "X")
    if X.shape[0] != 2 or X.shape[1] == 0:
        raise ValueError(f"plot_decision_boundary needs X of shape (2, m), got {X.shape}")
    if ax is None:
        _, ax = new_axes()
    G1, G2, grid = _input_plane(X, margin, resolution)
    P = np.asarray(predict_proba(grid), dtype=float).reshape(G1.shape)
    shades = ListedColormap(["#BFDDF0", "#F7E1B0"])  # light versions of the class colours
    is_class_1 = P >= 0.5
    if decimals is not None and np.ptp(np.round(P, decimals)) == 0:
        # Every output prints the same (a stuck model at ½ ± 1e-16): one class, not noise.
        is_class_1 = np.round(P, decimals) >= 0.5
    ax.contourf(G1, G2, is_class_1, levels=[-0.5, 0.5, 1.5], cmap=shades, alpha=0.9)
    if is_class_1.any() and not is_class_1.all() and P.min() < 0.5 < P.max():
        ax.contour(G1, G2, P, levels=[0.5], colors="black", linewidths=1.2)
    plot_points(X, Y, ax=ax)
    ax.set_title(title)
    ax.legend(loc="upper center", ncols=2, handletextpad=0.2, borderaxespad=0.1)
    return ax


RISE_TOLERANCE = 0.01  # a rise of more than 1% of the starting cost in one epoch is overshooting
PROGRESS_TOLERANCE = 0.05  # less than 5% of the starting cost in the last half: no progress


def describe_progress(costs) -> str | None:
    """Name what a learning curve shows when it is not plain learning, or return None.

    * "unstable": the cost rose from one epoch to the next by more than
      ``RISE_TOLERANCE`` of the starting cost: steps too large, overshooting.  A
      sigmoid output with squared error keeps the cost below ½, so too large a
      learning rate shows as this rise (and then saturation), never as infinity.
    * "no progress": the cost is still above half its start and fell by less
      than ``PROGRESS_TOLERANCE`` of the start over the last half of training:
      steps too small, a network stuck on a plateau (XOR's ⅛, after a first
      small drop), or a model that cannot fit the data (one neuron on XOR).
      Slow learning that is still under way is not "no progress".
    * "diverged": a cost is NaN or infinite (a trainer that does not stop at
      divergence, or costs collected by hand).
    """
    costs = np.asarray(costs, dtype=float)
    if costs.ndim != 1 or costs.size == 0:
        raise ValueError(f"costs must be a non-empty 1-D sequence, got shape {costs.shape}")
    not_finite = np.flatnonzero(~np.isfinite(costs))
    if not_finite.size:
        return (
            f"diverged: the cost is no longer a finite number from epoch {not_finite[0]} "
            "(try a smaller learning rate)"
        )
    start = costs[0]
    if costs.size > 1:
        rises = np.flatnonzero(np.diff(costs) > RISE_TOLERANCE * start)
        if rises.size:
            return (
                f"unstable: the cost rose at epoch {rises[0] + 1}, the learning rate is too large"
            )
    final = costs[-1]
    recent_fall = costs[costs.size // 2] - final
    if costs.size > 1 and final > 0.5 * start and recent_fall < PROGRESS_TOLERANCE * start:
        return (
            "no progress: the cost has hardly fallen in the last half of training, "
            "too small a learning rate or a model stuck on a plateau"
        )
    return None


def mark_progress(ax, costs) -> str | None:
    """Name ``describe_progress(costs)`` in the title of a learning curve; return it (or None).

    The title, in the warning colour, never covers the curve it describes.
    """
    verdict = describe_progress(costs)
    if verdict is not None:
        ax.set_title(f"{ax.get_title()}: {verdict.split(':')[0]}", color=DIVERGED_COLOR)
    return verdict


# ---------------------------------------------------------------------------
# Widgets (lesson 01 onward): sliders that redraw a figure.  The function
# behind each widget is a plain function of the slider values, so it can be
# unit-tested and timed without a browser.
# ---------------------------------------------------------------------------

_WIDGET_STYLE = {"description_width": "initial"}
WIDGET_CACHE_SIZE = 64  # figures kept per widget (about 40 kB of PNG each)


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

    A view is a plain function of the settings (no global state), so the last
    ``WIDGET_CACHE_SIZE`` results are kept: going back to settings seen before
    shows them at once instead of retraining.
    """
    import html
    from collections import OrderedDict

    import ipywidgets as widgets

    text_area = widgets.HTML()
    text_area.add_class("nn-widget-text")
    image = widgets.Image(format="png")
    image.add_class("nn-widget-figure")
    seen: OrderedDict[tuple, tuple[bytes, str]] = OrderedDict()  # settings → (PNG, text)

    def draw(values: dict) -> tuple[bytes, str]:
        result = view(**values)
        fig, text = result if isinstance(result, tuple) else (result, None)
        lines = [describe_settings(controls, values)] + ([text] if text else [])
        return render_png(fig), "<pre>" + html.escape("\n".join(lines)) + "</pre>"

    def redraw(_change=None):
        values = {name: control.value for name, control in controls.items()}
        key = tuple(values.items())
        if key in seen:
            seen.move_to_end(key)
        else:
            seen[key] = draw(values)
            if len(seen) > WIDGET_CACHE_SIZE:
                seen.popitem(last=False)  # forget the least recently shown
        image.value, text_area.value = seen[key]

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

    @functools.cached_property
    def expected(self) -> np.ndarray:
        """``solve()`` as a read-only float array, computed once: some solves train
        hundreds of networks (~0.5 s), and a learner may check many times."""
        answer = np.array(self.solve(), dtype=float)
        answer.setflags(write=False)
        return answer


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
    expected = ex.expected
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
    # "Close" means off by no more than rounding to 2 decimals explains (0.005, plus the
    # slack of a right answer), so its advice, round to 3, is right.  A count or a shape
    # is never "close".
    whole_numbers = np.array_equal(expected, np.round(expected))
    if not whole_numbers and np.all(error <= 0.005 + ex.tolerance):
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
        "close": f"Exercise {key}: close. Keep every digit until the end, round to 3 decimals, "
        f"and check again. Hint: {ex.hint}",
        "wrong": f"Exercise {key}: not yet. Hint: {ex.hint}",
    }
    print(messages[verdict])


# ===========================================================================
# Lesson-specific helpers.  Each block below belongs to the lessons it names:
# views behind that lesson's widgets, its figures, its exercises.
# ===========================================================================

# --- Shared by the lesson widgets ------------------------------------------


def draw_training(costs, predict_proba, X, Y, title: str = "Decision boundary", resolution=100):
    """Learning curve beside the shaded decision boundary of a trained model: ``(fig, text)``.

    The training widgets of lessons 05–07 (and lesson 07's training figure)
    draw with it, so they look and report alike.  ``predict_proba(P)`` gives
    the trained model's outputs (1, k) for points P (2, k).  The text is
    ``final cost = … · accuracy = …``: the squared-error cost of the outputs on
    X (the cost after the last update; ``costs[-1]`` is the one before) and the
    ``rounded_accuracy``; a second line names ``describe_progress(costs)`` when
    the learning curve shows instability or a stall.  Outputs are read as
    printed (3 decimals) for the accuracy and, when they all print the same,
    for the shading: a neuron stuck at ŷ = 0.5 ± 1e-16 (XOR without the cross)
    shades the plane one colour on every machine, not by its rounding noise.
    """
    fig, (ax_cost, ax_boundary) = new_axes(ncols=2)
    plot_learning_curve(costs, ax=ax_cost)
    ax_cost.set_ylim(bottom=0)
    verdict = mark_progress(ax_cost, costs)
    plot_decision_boundary(
        predict_proba, X, Y, ax=ax_boundary, title=title, resolution=resolution, decimals=3
    )
    Y_hat = predict_proba(X)
    final_cost, _ = squared_error_cost(Y, Y_hat)
    text = f"final cost = {final_cost:.3f} · accuracy = {rounded_accuracy(Y_hat, Y):.0%}"
    return fig, text + (f"\n{verdict}" if verdict else "")


def rounded_accuracy(Y_hat, Y, decimals: int = 3) -> float:
    """Accuracy of outputs rounded to ``decimals`` first, then compared with 0.5 (lessons 05–07).

    The training widgets of lessons 05–07 report it, through ``draw_training``.

    A neuron stuck at ŷ ≈ 0.5 (XOR without the cross) has outputs 0.5 ± 1e-16:
    which side of 0.5 each falls on is rounding noise, which differs between
    machines and between ``train`` and ``train_sigmoid_network``.  Rounded as
    printed, they are all 0.500, one constant answer, so the result no longer
    depends on the noise.
    """
    Y_hat = _as_float_array(Y_hat, "Y_hat")
    predictions = (np.round(Y_hat, decimals) >= 0.5).astype(int)
    return accuracy(predictions, Y)


# --- end of the shared section ---

# --- Lesson 01: the forward pass -------------------------------------------

EXAMPLE_A_SEED = 1  # the seed lesson 01 draws worked example A's weights from


def example_a_table() -> np.ndarray:
    """Worked example A's data as a spreadsheet stores it: 5 examples × 3 features (lesson 01).

    One example per **row**; the lesson transposes it into ``X`` (3, 5), one
    example per column.
    """
    return np.array(
        [[9.0, 9.0, 9.0], [14.0, 16.0, 16.0], [10.0, 8.0, 7.0], [11.0, 12.0, 10.0], [8.0, 9.0, 9.0]]
    )


def forward_shapes(layer_sizes: Sequence[int], m: int) -> list[dict[str, tuple[int, int]]]:
    """The shape of every array in a forward pass on ``m`` examples (lesson 01).

    One dict per layer l = 1, 2, …: ``A_prev`` (n_{l−1}, m), ``W`` (n_l, n_{l−1}),
    ``b`` (n_l, 1) and ``Z`` (n_l, m), which is also the shape of ``A = g(Z)``.
    """
    sizes = _check_layer_sizes(layer_sizes)
    m = _check_whole_number(m, "m (the number of examples)")
    return [
        {"A_prev": (n_prev, m), "W": (n, n_prev), "b": (n, 1), "Z": (n, m)}
        for n_prev, n in zip(sizes[:-1], sizes[1:], strict=True)
    ]


def describe_forward_shapes(layer_sizes: Sequence[int], m: int) -> str:
    """One line per layer, ``layer 1: W1 (4, 3) · A0 (3, 5) + b1 (4, 1) → Z1, A1 (4, 5)``."""
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


# Colours of the four kinds of array in the shapes figure (Okabe–Ito, colour-blind safe).
_SHAPE_COLORS = {"W": "#56B4E9", "A_prev": "#CCCCCC", "b": "#E69F00", "Z": "#009E73"}
# One cell of a matrix is this many inches on every figure, whatever the sizes: the
# figure grows with the network instead of the cells shrinking, so the drawing is to scale.
_INCHES_PER_CELL = 0.2


def _shapes_layout(layer_sizes, m):
    """Where each matrix of the shapes figure goes: (kind, label, x, y, rows, cols), in cells."""
    gap = 2.0  # room for the ·, + and = signs between matrices
    items, top = [], 0.0
    for number, shapes in enumerate(forward_shapes(layer_sizes, m), start=1):
        row_height = max(shapes["W"][0], shapes["A_prev"][0])
        centre = top - row_height / 2
        x = 0.0
        for kind, label in (
            ("W", f"W{number}"),
            ("A_prev", "X" if number == 1 else f"A{number - 1}"),
            ("b", f"b{number}"),
            ("Z", f"Z{number}"),
        ):
            rows, cols = shapes[kind]
            items.append((kind, label, x, centre - rows / 2, rows, cols))
            x += cols + gap
        top -= row_height + 2.5  # room for the labels under the matrices
    width = max(x + cols for _, _, x, _, _, cols in items)
    return items, width, -top


def _draw_matrix(ax, kind, label, x, y, rows, cols):
    """A rows × cols grid of unit cells with its name and shape underneath."""
    from matplotlib.patches import Rectangle

    ax.add_patch(
        Rectangle((x, y), cols, rows, facecolor=_SHAPE_COLORS[kind], edgecolor="black", lw=1.2)
    )
    # All inner grid lines of one matrix as one line (NaN breaks it): one artist, fast to draw.
    xs, ys = [], []
    for c in range(1, cols):
        xs += [x + c, x + c, np.nan]
        ys += [y, y + rows, np.nan]
    for r in range(1, rows):
        xs += [x, x + cols, np.nan]
        ys += [y + r, y + r, np.nan]
    if xs:
        ax.plot(xs, ys, color="black", lw=0.4, alpha=0.5)
    ax.text(x + cols / 2, y - 0.4, f"{label}\n{(rows, cols)}", ha="center", va="top", fontsize=8)


def forward_shapes_view(
    n_features: int = 3, hidden_1: int = 4, hidden_2: int = 0, n_outputs: int = 1, m: int = 5
):
    """Lesson 01's widget: every matrix of the forward pass drawn to scale, one row per layer.

    ``hidden_2 = 0`` means no second hidden layer (the default is worked example
    A, a 3-4-1 network on 5 examples).  Returns ``(fig, text)``; the text lists
    every shape and the number of parameters.
    """
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


@exercise(
    "01.1",
    question="How many parameters (weights and biases) does a 2-3-1 network have?",
    hint="Layer l has n_l·n_(l−1) weights and n_l biases; add the two layers.",
)
def _solve_01_1():
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
def _solve_01_2():
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
def _solve_01_3():
    return forward_shapes([5, 3, 5, 4], m=32)[1]["Z"]


# --- end of lesson 01 section ---

# --- Lessons 02–04: backpropagation by hand, the bias, the learning rate ----

# Lesson 02: one sigmoid neuron on one example, every node of its graph.


@dataclass(frozen=True)
class NeuronGradients:
    """Every forward value and every gradient of one sigmoid neuron on one example.

    Forward: z = w·x (+ b), ŷ = σ(z), L = ½(y − ŷ)².  Backward, node by node:
    the local gradients ∂L/∂ŷ = ŷ − y, ∂ŷ/∂z = σ(z)(1 − σ(z)), ∂z/∂wᵢ = xᵢ,
    ∂z/∂xᵢ = wᵢ, ∂z/∂b = 1, each multiplied by the gradient arriving from
    above.  ``b`` and ``dL_db`` are None for the neuron without a bias (lesson 02).
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


def _check_neuron_inputs(x, w, y, b):
    """The checks shared by the lesson 02–03 neuron helpers."""
    x = _as_float_array(x, "x")
    w = _as_float_array(w, "w")
    if x.ndim != 1 or w.shape != x.shape:
        raise ValueError(
            f"x and w must be 1-D arrays of the same length, got shapes {x.shape} and {w.shape}"
        )
    y = _as_float_array(y, "y")
    if y.size != 1:
        raise ValueError(f"y must be a single number, got shape {y.shape}")
    if b is not None:
        b = _as_float_array(b, "b")
        if b.size != 1:
            raise ValueError(f"b must be a single number or None, got shape {b.shape}")
        b = float(b.item())
    return x, w, float(y.item()), b


def neuron_forward_backward(x, w, y, b=None) -> NeuronGradients:
    """Forward and backward pass of one sigmoid neuron on one example (lesson 02; bias: 03).

    ``x`` and ``w`` are 1-D arrays of the same length, ``y`` a number, ``b`` a
    number or None (no bias).  Returns every node value and gradient.
    """
    x, w, y, b = _check_neuron_inputs(x, w, y, b)
    z = float(np.dot(w, x)) + (0.0 if b is None else b)
    y_hat = float(sigmoid(z))
    loss = float(squared_error_loss(y, y_hat))
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
        loss=loss,
        dL_dyhat=dL_dyhat,
        dyhat_dz=dyhat_dz,
        dL_dz=dL_dz,
        dz_dw=x.copy(),  # z = Σ wᵢxᵢ (+ b): the local gradient for wᵢ is the input xᵢ
        dL_dw=dL_dz * x,
        dL_dx=dL_dz * w,
        dL_db=None if b is None else dL_dz,  # ∂z/∂b = 1
    )


def neuron_finite_differences(x, w, y, b=None, eps: float = 1e-6) -> dict[str, np.ndarray]:
    """Every gradient of ``neuron_forward_backward`` estimated by central differences (lesson 02).

    Each entry nudges one quantity and re-evaluates only the part of the graph
    above it: ŷ in the loss, z in the sigmoid, z, w, x and b in the whole neuron.
    """
    x, w, y, b = _check_neuron_inputs(x, w, y, b)
    bias = 0.0 if b is None else b
    forward_values = neuron_forward_backward(x, w, y, b)
    y_hat = np.array(forward_values.y_hat)
    z = np.array(forward_values.z)
    w_nudged, x_nudged, b_nudged = w.copy(), x.copy(), np.array(bias)

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


_NEURON_GRADIENT_NAMES = {
    "dL_dyhat": "dL/dŷ",
    "dyhat_dz": "dŷ/dz",
    "dL_dz": "dL/dz",
    "dL_dw": "dL/dw",
    "dL_dx": "dL/dx",
    "dL_db": "dL/db",
}


def _three_decimals(value) -> str:
    """A number or a 1-D array to 3 decimals, never showing "-0.000".

    Values are first rounded to 8 decimals: a finite-difference estimate is only
    that accurate, and 0.01249999999 should print like 0.0125 does.
    """
    values = np.round(np.atleast_1d(np.asarray(value, dtype=float)), 8)
    text = " ".join(f"{v:.3f}".replace("-0.000", "0.000") for v in values)
    return text if np.ndim(value) == 0 else f"[{text}]"


def check_neuron_gradients(result: NeuronGradients, verbose: bool = True) -> bool:
    """Compare every analytic gradient in ``result`` with finite differences (lesson 02).

    Prints one line per gradient — the analytic value, the finite-difference
    estimate (both to 3 decimals) and ``agree`` / ``DISAGREE`` — and returns
    True when all agree.
    """
    numeric = neuron_finite_differences(result.x, result.w, result.y, result.b)
    all_ok = True
    if verbose:
        print(f"{'gradient':<9}{'analytic':<17}{'finite difference':<19}")
    for key, estimate in numeric.items():
        analytic = np.asarray(getattr(result, key), dtype=float)
        ok = gradients_agree(analytic, estimate)
        if verbose:
            print(
                f"{_NEURON_GRADIENT_NAMES[key]:<9}{_three_decimals(analytic):<17}"
                f"{_three_decimals(estimate):<19}{'agree' if ok else 'DISAGREE'}"
            )
        all_ok = all_ok and ok
    return all_ok


GRADIENT_COLOR = "#CC79A7"  # Okabe–Ito reddish purple (reads as pink): gradients, never data
_NODE_SIZE = (1.2, 0.42)  # width and height of a node box, in the graph's data units


def _graph_node(ax, center, text, caption=None, color="#F2F2F2"):
    """A fixed-size box with ``text`` (the forward value) and an optional caption above it."""
    from matplotlib.patches import FancyBboxPatch

    width, height = _NODE_SIZE
    ax.add_patch(
        FancyBboxPatch(
            (center[0] - width / 2, center[1] - height / 2),
            width,
            height,
            boxstyle="round,pad=0.04",
            facecolor=color,
            edgecolor="#444444",
            zorder=3,
        )
    )
    ax.text(*center, text, ha="center", va="center", fontsize=11, zorder=4)
    if caption:
        ax.text(center[0], center[1] + 0.45, caption, ha="center", fontsize=10, color="#333333")


def _graph_edge(ax, start, end, gradient_text, label_at=0.4, label_below=0.0):
    """A forward arrow start → end, and on it (or ``label_below`` under it) the gradient
    flowing back, marked ← in pink (``GRADIENT_COLOR``)."""
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops={"arrowstyle": "-|>", "color": "#666666", "lw": 1.2, "shrinkA": 0, "shrinkB": 0},
        zorder=1,
    )
    label_xy = np.asarray(start) + label_at * (np.asarray(end) - np.asarray(start))
    label_xy[1] -= label_below
    ax.text(
        *label_xy,
        "← " + gradient_text,
        ha="center",
        va="center",
        fontsize=10,
        color=GRADIENT_COLOR,
        zorder=2,
        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": GRADIENT_COLOR},
    )


def draw_neuron_graph(result: NeuronGradients, title: str | None = None):
    """The computational graph of one sigmoid neuron, as a matplotlib Figure (lessons 02, 03).

    Boxes carry the forward values (grey: inputs and parameters; blue: the
    linear node, the sigmoid and the loss).  Forward arrows are grey; on every
    edge a pink label ``← ∂L/∂(node the edge comes from) = …`` is the
    gradient flowing back.  Numbers are rounded to 3 decimals.  Works for any
    number of inputs, with or without a bias.
    """
    if not isinstance(result, NeuronGradients):
        raise ValueError(
            f"draw_neuron_graph expects the result of neuron_forward_backward, got {result!r}"
        )
    # Left column, top to bottom: x1, w1, x2, w2, ..., then b; (node text, gradient label).
    sources = []
    for i, (x_i, w_i) in enumerate(zip(result.x, result.w, strict=True), start=1):
        sources.append(
            (f"$x_{i}$ = {x_i:.3f}", rf"$\partial L/\partial x_{i}$", result.dL_dx[i - 1])
        )
        sources.append(
            (f"$w_{i}$ = {w_i:.3f}", rf"$\partial L/\partial w_{i}$", result.dL_dw[i - 1])
        )
    if result.b is not None:
        sources.append((f"$b$ = {result.b:.3f}", r"$\partial L/\partial b$", result.dL_db))
    rows = len(sources)
    height = 0.75 * rows + (1.3 if title else 1.0)
    fig, ax = new_axes(width=10.0, height=height)
    fig.subplots_adjust(
        left=0.01, right=0.99, bottom=0.02, top=1 - (0.35 if title else 0.05) / height
    )
    ax.set_axis_off()
    ax.set(xlim=(0, 10), ylim=(-0.6, rows - 0.4))
    middle = (rows - 1) / 2
    half = _NODE_SIZE[0] / 2
    z_xy, y_hat_xy, loss_xy = (4.7, middle), (7.0, middle), (9.25, middle)
    terms = [f"w_{i}x_{i}" for i in range(1, result.x.size + 1)]
    terms += ["b"] if result.b is not None else []
    _graph_node(ax, z_xy, f"$z$ = {result.z:.3f}", f"${' + '.join(terms)}$", "#DCEBF5")
    _graph_node(ax, y_hat_xy, rf"$\hat y$ = {result.y_hat:.3f}", r"$\sigma(z)$", "#DCEBF5")
    _graph_node(ax, loss_xy, f"$L$ = {result.loss:.3f}", r"$\frac{1}{2}(y-\hat y)^2$", "#DCEBF5")
    ax.text(loss_xy[0], middle - 0.6, f"$y$ = {result.y:.3f}", ha="center", fontsize=10)
    # Edges into z end at points spread along its left side, so arrowheads do not pile up.
    ends = np.linspace(0.18, -0.18, rows) if rows > 1 else np.zeros(1)
    for row, (node_text, gradient_name, gradient) in enumerate(sources):
        y = rows - 1 - row
        _graph_node(ax, (0.75, y), node_text)
        _graph_edge(
            ax,
            (0.75 + half, y),
            (z_xy[0] - half - 0.05, middle + ends[row]),
            f"{gradient_name} = {gradient:.3f}",
        )
    _graph_edge(
        ax,
        (z_xy[0] + half, middle),
        (y_hat_xy[0] - half - 0.05, middle),
        rf"$\partial L/\partial z$ = {result.dL_dz:.3f}",
        label_at=0.5,
        label_below=0.45,
    )
    _graph_edge(
        ax,
        (y_hat_xy[0] + half, middle),
        (loss_xy[0] - half - 0.05, middle),
        rf"$\partial L/\partial \hat y$ = {result.dL_dyhat:.3f}",
        label_at=0.5,
        label_below=0.45,
    )
    if title:
        ax.set_title(title)
    return fig


# Lesson 03: the bias.


class NoBiasLinearLayer(LinearLayer):
    """A linear layer whose bias is held at zero: the neuron of lesson 02 (lesson 03).

    It trains with ``train`` like any layer; only W is a parameter, so ``b``
    stays zero and every boundary it learns passes through the origin.
    """

    def update_params(self, learning_rate) -> None:
        learning_rate = _check_learning_rate(learning_rate)
        self.W -= learning_rate * self.dW

    def params(self) -> dict[str, np.ndarray]:
        return {"W": self.W}

    def grads(self) -> dict[str, np.ndarray]:
        return {"W": self.dW}


def single_neuron(w, b=None) -> list:
    """One sigmoid neuron with the given weights, as layers for ``train`` (lesson 03).

    ``w`` holds the n weights; ``b`` is the starting bias, or None for a neuron
    without one (its bias stays zero).
    """
    w = _as_float_array(w, "w")
    if w.ndim != 1:
        raise ValueError(f"w must be a 1-D array of weights, got shape {w.shape}")
    layer_class = LinearLayer if b is not None else NoBiasLinearLayer
    # The drawn weights are replaced at once by w: the generator only satisfies the constructor.
    linear = layer_class(w.size, 1, rng=np.random.default_rng(0))
    linear.W = w.reshape(1, -1).copy()  # (1, n)
    if b is not None:
        b = _as_float_array(b, "b")
        if b.size != 1:
            raise ValueError(f"b must be a single number or None, got shape {b.shape}")
        linear.b = b.reshape(1, 1).copy()  # (1, 1)
    return [linear, SigmoidLayer()]


# Lesson 04: the learning rate, on a U-shaped loss in one parameter.

CURVE_A = 0.05  # curvature a of L(w) = a(w − w*)²: steps converge for 0 < α < 1/a
CURVE_MINIMUM = 2.0  # w*
CURVE_START = -2.0  # w0, where every descent on the curve starts
DIVERGENCE_BOUND = 1e6  # |w| beyond this counts as diverged


def u_loss(w, a: float = CURVE_A, w_star: float = CURVE_MINIMUM):
    """The U-shaped loss of lesson 04, L(w) = a(w − w*)²."""
    return a * (np.asarray(w, dtype=float) - w_star) ** 2


def u_loss_gradient(w, a: float = CURVE_A, w_star: float = CURVE_MINIMUM):
    """dL/dw = 2a(w − w*) (lesson 04)."""
    return 2 * a * (np.asarray(w, dtype=float) - w_star)


def gradient_descent_1d(
    gradient: Callable, w0: float, learning_rate, steps, bound: float = DIVERGENCE_BOUND
) -> tuple[np.ndarray, int | None]:
    """Gradient descent w ← w − α·gradient(w) in one parameter (lesson 04).

    Returns ``(path, diverged_at)``: ``path`` holds w0, w1, … (at most steps + 1
    values), ``diverged_at`` the step whose w was no longer finite or beyond
    ``bound`` in size (that w is left out of the path), or None.  Stops there,
    without overflow warnings.
    """
    learning_rate = _check_learning_rate(learning_rate)
    steps = _check_epochs(steps, "steps")
    w0 = _as_float_array(w0, "w0")  # refuses NaN and infinity
    if w0.size != 1:
        raise ValueError(f"w0 must be one number (the starting w), got shape {w0.shape}")
    w = float(w0.item())
    path = [w]
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(1, steps + 1):
            w = float(w - learning_rate * gradient(w))
            if not math.isfinite(w) or abs(w) > bound:
                return np.array(path), step
            path.append(w)
    return np.array(path), None


def describe_descent(path, diverged_at, loss: Callable = u_loss) -> str:
    """``final w = … · final loss = …``, or ``diverged at step N`` (lesson 04)."""
    if diverged_at is not None:
        return f"diverged at step {diverged_at}"
    text = f"final w = {path[-1]:.3f} · final loss = {float(loss(path[-1])):.3f}"
    step_sizes = np.abs(np.diff(path))
    if step_sizes.size >= 2 and step_sizes[-1] > step_sizes[-2]:
        text += " · the steps are growing: diverging"
    return text


def _name_divergence_in_corner(ax, step: int) -> None:
    """Write "diverged / at step N" in the lower right corner of a lesson 04 panel.

    Not across the middle, where a diverging path runs.  The corner stays empty:
    on the loss curve it lies below the parabola, and every step is a chord of
    the parabola, above it; on the log loss-per-step axes the loss of a
    diverging run climbs to the upper right.  Two short lines keep the box
    narrow enough to fit there.
    """
    ax.text(
        0.97,
        0.04,
        f"diverged\nat step {step}",
        transform=ax.transAxes,
        ha="right",
        va="bottom",
        multialignment="center",
        fontsize=10,
        color=DIVERGED_COLOR,
        fontweight="bold",
        bbox={"facecolor": "white", "edgecolor": DIVERGED_COLOR},
        zorder=5,
    )


def plot_descent_path(path, diverged_at=None, ax=None, loss: Callable = u_loss, title=None):
    """The loss curve with the steps of gradient descent drawn on it (lesson 04).

    The view is centred on the minimum and wide enough for the start and the
    first step, so an overshoot shows; later points that fly off are clipped.
    A diverged run is named in the panel's lower right corner, clear of the path.
    """
    path = np.asarray(path, dtype=float)
    if path.ndim != 1 or path.size == 0:
        raise ValueError(f"path must be a non-empty 1-D sequence, got shape {path.shape}")
    if ax is None:
        _, ax = new_axes()
    half_width = 1.5 * abs(path[0] - CURVE_MINIMUM) or 1.0
    if path.size > 1:
        half_width = max(half_width, 1.15 * abs(path[1] - CURVE_MINIMUM))
    w_grid = np.linspace(CURVE_MINIMUM - half_width, CURVE_MINIMUM + half_width, 200)
    curve = loss(w_grid)
    ax.plot(w_grid, curve, color="#888888", lw=1.5, label="loss L(w)")
    ax.plot(path, loss(path), "-o", color=LINE_COLOR, ms=4, lw=1.2, label="steps")
    ax.plot(path[:1], loss(path[:1]), "o", color="black", ms=7, label="start")
    ax.set_xlim(w_grid[0], w_grid[-1])
    ax.set_ylim(-0.05 * curve.max(), 1.1 * curve.max())
    ax.set(xlabel="$w$", ylabel="loss $L$")
    if title:
        ax.set_title(title)
    ax.legend(loc="upper center", ncols=3, handletextpad=0.2, columnspacing=0.8)
    if diverged_at is not None:
        _name_divergence_in_corner(ax, diverged_at)
    return ax


def compare_learning_rates(learning_rates=(0.5, 5, 50, 5e-10), steps: int = 20):
    """Lesson 04's side-by-side panels: the same curve, one learning rate per panel.

    Returns the figure; every panel says where its descent ended (3 decimals)
    or at which step it diverged.
    """
    if len(learning_rates) != 4:
        raise ValueError(f"expected 4 learning rates (a 2×2 grid), got {len(learning_rates)}")
    fig, axes = new_axes(ncols=2, nrows=2, width=10.0, height=7.6)
    for ax, learning_rate in zip(axes.ravel(), learning_rates, strict=True):
        path, diverged_at = gradient_descent_1d(u_loss_gradient, CURVE_START, learning_rate, steps)
        plot_descent_path(path, diverged_at, ax=ax, title=f"α = {learning_rate:g}, {steps} steps")
        if diverged_at is None:
            ax.text(
                0.5,
                0.62,
                describe_descent(path, diverged_at).replace(" · ", "\n"),
                transform=ax.transAxes,
                ha="center",
                fontsize=9,
            )
    return fig


def learning_rate_view(learning_rate: float = 5.0, steps: int = 20):
    """Lesson 04's widget: the path on the curve and the loss per step, for one α.

    Returns ``(fig, text)``; the text says where the descent ended or at which
    step it diverged.  The loss per step is on a log scale: a loss that grows
    (or shrinks) by the same factor every step is a straight line, and the steps
    before a divergence do not flatten against the axis.

    ``learning_rate`` is rounded to 3 significant digits before use (4.999999999999999
    becomes 5): the log slider's notches are 10^(k/4) computed in floating point, and
    rounded as the slider shows them they land exactly on 0.5, 5 and 50, the rates of
    the lesson's figure, so the widget draws the same paths and texts as the lesson.
    A value with more digits is not used as given.
    """
    # The slider's notches are 10^(k/4) computed in floating point (4.999999999999999
    # for 5): use α as the slider shows it, to 3 significant digits.
    learning_rate = float(f"{_check_learning_rate(learning_rate):.3g}")
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


# Exercises of lessons 02–04, answers computed from the setups above.

LESSON02_WEIGHTS = (0.1, 0.6)  # w1, w2 of the curriculum's neuron


def _or_neuron(index: int, w=LESSON02_WEIGHTS, b=None) -> NeuronGradients:
    """The lesson 02 neuron (or one with other w, b) on OR example ``index`` (0–3)."""
    X, Y = or_gate()
    return neuron_forward_backward(X[:, index], w, Y[0, index], b)


@exercise(
    "02.1",
    question="Second OR example, x = (0, 1), y = 1, weights w1 = 0.1, w2 = 0.6: ∂L/∂w2?",
    hint="∂L/∂w2 = (ŷ − y) · ŷ(1 − ŷ) · x2, with z = w1·x1 + w2·x2 and ŷ = σ(z).",
)
def _solve_02_1():
    return _or_neuron(1).dL_dw[1]


@exercise(
    "02.2",
    question="Same example, x = (0, 1), y = 1: ∂L/∂w1?",
    hint="Which input multiplies w1 in z? The local gradient ∂z/∂w1 is that input.",
)
def _solve_02_2():
    return _or_neuron(1).dL_dw[0]


@exercise(
    "02.3",
    question="Fourth OR example, x = (1, 1), y = 1: ∂L/∂z?",
    hint="∂L/∂z = (ŷ − y) · ŷ(1 − ŷ), with z = w1 + w2 here.",
)
def _solve_02_3():
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
def _solve_03_1():
    return _after_one_bias_step(0.5).loss


@exercise(
    "03.2",
    question="After this lesson's α = 1 step: ∂L/∂b at the new bias (the next step's gradient)?",
    hint="Forward again with the new b: z = b, ŷ = σ(b); then ∂L/∂b = (ŷ − y)·ŷ(1 − ŷ).",
)
def _solve_03_2():
    return _after_one_bias_step(1.0).dL_db


@exercise(
    "04.1",
    question="On L(w) = a(w − w*)² with this lesson's a: the α above which descent diverges?",
    hint="Each step multiplies w − w* by (1 − 2aα); it shrinks while |1 − 2aα| < 1.",
)
def _solve_04_1():
    return 1 / CURVE_A


@exercise(
    "04.2",
    question="The learning rate that lands exactly on the minimum in one step?",
    hint="Which α makes the factor (1 − 2aα) zero?",
)
def _solve_04_2():
    return 1 / (2 * CURVE_A)


@exercise(
    "04.3",
    question="w after 4 steps with α = 0.5 from this lesson's start w0?",
    hint="Four times w ← w − α·2a(w − w*), or w* + (1 − 2aα)⁴(w0 − w*).",
)
def _solve_04_3():
    path, _ = gradient_descent_1d(u_loss_gradient, CURVE_START, 0.5, 4)
    return path[-1]


# --- end of lessons 02–04 section ---

# --- Lessons 05–06: batch gradient descent, feature crosses ----------------

# The setup of lessons 05 and 06 (CURRICULUM.md): the widgets retrain from
# exactly these values, so the only difference a learner sees is the one made.
LESSON06_START_W = (*LESSON02_WEIGHTS, 0.2)  # w1, w2 of lesson 02 and w3 for the cross x1·x2
LESSON05_START_B = 0.0  # the starting bias of lessons 05 and 06 (lesson 03's too; 04 has none)


def _check_neuron_batch(W, b, X, Y) -> tuple[np.ndarray, ...]:
    """Shapes of lesson 05: W (n_out, n_in), b (n_out, 1), X (n_in, m), Y (n_out, m)."""
    X, Y = _check_data(X, Y)
    W, b = _as_float_array(W, "W"), _as_float_array(b, "b")
    _check_matrix(W, "W")
    if W.shape != (Y.shape[0], X.shape[0]):
        raise ValueError(
            f"W must have shape (n_out, n_in) = {(Y.shape[0], X.shape[0])}, got {W.shape}"
        )
    if b.shape != (W.shape[0], 1):
        raise ValueError(f"b must have shape {(W.shape[0], 1)}, got {b.shape}")
    return W, b, X, Y


def batch_gradients(W, b, X, Y) -> tuple[float, np.ndarray, np.ndarray]:
    """One vectorized forward and backward pass of a sigmoid neuron: ``(cost, dW, db)`` (lesson 05).

    Z = W·X + b, Ŷ = σ(Z), J = (1/2m) Σ (Ŷ − Y)², dZ = (Ŷ − Y)/m · Ŷ(1 − Ŷ),
    dW = dZ·Xᵀ, db = Σ_columns dZ.
    """
    W, b, X, Y = _check_neuron_batch(W, b, X, Y)
    Z = np.dot(W, X) + b  # (n_out, m)
    Y_hat = sigmoid(Z)  # (n_out, m)
    cost, dY_hat = squared_error_cost(Y, Y_hat)  # dY_hat = (Ŷ − Y)/m
    dZ = dY_hat * Y_hat * (1.0 - Y_hat)  # (n_out, m)
    dW = np.dot(dZ, X.T)  # (n_out, m)·(m, n_in) = (n_out, n_in)
    db = dZ.sum(axis=1, keepdims=True)  # (n_out, 1): b is shared by every example
    return cost, dW, db


def per_example_gradients(W, b, X, Y) -> tuple[float, np.ndarray, np.ndarray]:
    """The same ``(cost, dW, db)`` as ``batch_gradients``, one example at a time (lesson 05).

    Accumulate every example's loss and gradients, then average over m.
    """
    W, b, X, Y = _check_neuron_batch(W, b, X, Y)
    m = X.shape[1]
    total_loss, dW, db = 0.0, np.zeros_like(W), np.zeros_like(b)
    for i in range(m):
        x, y = X[:, i : i + 1], Y[:, i : i + 1]  # one column each: (n_in, 1), (n_out, 1)
        y_hat = sigmoid(np.dot(W, x) + b)
        total_loss += float(squared_error_loss(y, y_hat).sum())
        dz = (y_hat - y) * y_hat * (1.0 - y_hat)  # ∂L/∂z of this example
        dW += np.dot(dz, x.T)  # accumulate …
        db += dz
    return total_loss / m, dW / m, db / m  # … then average


def median_seconds(f: Callable[[], object], repeats: int = 25, number: int = 20) -> float:
    """Seconds per call of ``f()``: median of ``repeats`` timings of ``number`` calls (lesson 05).

    The median ignores the odd slow run (another program taking the CPU), so two
    functions timed this way can be compared.  Uses ``time.perf_counter``.
    """
    import time

    repeats, number = _check_epochs(repeats, "repeats"), _check_epochs(number, "number")
    if not callable(f):
        raise ValueError(f"f must be a function of no arguments, got {f!r}")
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            f()
        timings.append((time.perf_counter() - start) / number)
    return float(np.median(timings))


def _neuron_training_view(X, Y, W, b, learning_rate, epochs, features, title):
    """Train one sigmoid neuron from (W, b) on features(X) and draw it: ``(fig, text)``."""
    weights, biases = [np.array(W, dtype=float).reshape(1, -1)], [np.full((1, 1), float(b))]
    costs = train_sigmoid_network(weights, biases, features(X), Y, learning_rate, epochs)

    def predict_proba(P):
        return sigmoid(np.dot(weights[0], features(P)) + biases[0])

    return draw_training(costs, predict_proba, X, Y, title)


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
    b = 0.  Returns ``(fig, text)`` as ``batch_training_view`` does.
    """
    X, Y = xor_gate()
    if use_cross:
        start_W, features, title = LESSON06_START_W, add_cross_feature, "XOR with the cross x₁·x₂"
    else:
        start_W, features, title = LESSON02_WEIGHTS, (lambda P: P), "XOR without a cross"
    return _neuron_training_view(
        X, Y, start_W, LESSON05_START_B, learning_rate, epochs, features, title
    )


def neuron_formula(W, b, feature_names: Sequence[str]) -> str:
    """The function a neuron computes, written out: ``z = 0.100·x1 + 0.600·x2 − 0.200`` (lesson 05).

    One term per weight, each named by ``feature_names``, values to 3 decimals.
    """
    W = _as_float_array(W, "W")
    # One row only: ravelling a 2-row W would write two neurons' weights as one formula.
    if W.ndim not in (1, 2) or (W.ndim == 2 and W.shape[0] != 1) or W.size == 0:
        raise ValueError(
            f"W must be one neuron's weights, shape (1, n_in) or (n_in,), got {W.shape}"
        )
    W = W.ravel()
    b = _as_float_array(b, "b")
    if b.size != 1:
        raise ValueError(f"b must be a single number, got shape {b.shape}")
    b = b.item()
    if len(feature_names) != W.size:
        raise ValueError(f"need one name per weight: {W.size} weights, {len(feature_names)} names")
    text = f"z = {'−' if W[0] < 0 else ''}{abs(W[0]):.3f}·{feature_names[0]}"
    for weight, name in zip(W[1:], feature_names[1:], strict=True):
        text += f" {'−' if weight < 0 else '+'} {abs(weight):.3f}·{name}"
    return text + f" {'−' if b < 0 else '+'} {abs(b):.3f}"


def draw_quadrants(ax) -> None:
    """Draw the axes x1 = 0 and x2 = 0 and the sign of x1·x2 in each quadrant (lesson 06).

    The signs sit on top of the points (with a white outline, so they stay
    readable over many of them), centred at (±0.5, ±0.5): made for points in
    the square [−1, 1]².
    """
    from matplotlib import patheffects

    ax.axhline(0, color="gray", linewidth=1, zorder=1)
    ax.axvline(0, color="gray", linewidth=1, zorder=1)
    outline = [patheffects.withStroke(linewidth=4, foreground="white")]
    for x1, x2 in ((0.5, 0.5), (-0.5, 0.5), (-0.5, -0.5), (0.5, -0.5)):
        sign = "+" if x1 * x2 > 0 else "−"
        ax.text(
            x1,
            x2,
            sign,
            ha="center",
            va="center",
            fontsize=36,
            fontweight="bold",
            color="dimgray",
            zorder=5,  # above the points (zorder 3)
            path_effects=outline,
        )


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


@exercise(
    "05.1",
    question="Take the second step yourself with the gradients printed in 5.8. The cost after it?",
    hint="W ← W − α·dW and b ← b − α·db from the updated W and b, then J = (1/2m) Σ (Ŷ − Y)².",
)
def _solve_05_1():
    return _cost_after_updates(learning_rate=1.0, updates=2)


@exercise(
    "05.2",
    question="From the start, take one update with learning rate 0.5 instead of 1. The new cost?",
    hint="The gradients at the start are the ones printed in 5.4; only α changes.",
)
def _solve_05_2():
    return _cost_after_updates(learning_rate=0.5, updates=1)


@exercise(
    "05.3",
    question="After the 5000 epochs of 5.11, what does the neuron output at x = (0.2, 0.2)?",
    hint="z = w1·x1 + w2·x2 + b with the trained values, then ŷ = σ(z).",
)
def _solve_05_3():
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
def _solve_06_1():
    return batch_gradients(*_lesson06_crossed_start())[1][0, 2]


@exercise(
    "06.2",
    question="With the written-out z(x1, x2) of the trained crossed neuron: ŷ at (0.2, 0.8)?",
    hint="Put x1 = 0.2, x2 = 0.8 into z = w1·x1 + w2·x2 + w3·x1·x2 + b, then ŷ = σ(z).",
)
def _solve_06_2():
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
def _solve_06_3():
    W, b, X3, Y = _lesson06_crossed_start()
    layers = single_neuron(W[0], b)
    train(layers, X3, Y, learning_rate=0.1, epochs=5000)
    return network_cost(layers, X3, Y)  # after the last update (train's costs[-1] is before it)


# --- end of lessons 05–06 section ---

# --- Lessons 07–08: a hidden layer solves XOR, going deeper ----------------


XOR_SEED = 0  # the seed lesson 07 trains its 2-3-1 network from


def xor_network(seed: int = XOR_SEED, hidden_units: int = 3) -> list:
    """Lesson 07's 2-h-1 sigmoid network from a seeded Xavier start (untrained).

    ``build_network([2, hidden_units, 1], np.random.default_rng(seed), init="xavier")``:
    the same seed gives the same starting weights every time.
    """
    seed = _check_whole_number(seed, "seed", minimum=0)
    hidden_units = _check_whole_number(hidden_units, "hidden_units")
    return build_network([2, hidden_units, 1], np.random.default_rng(seed), init="xavier")


def plot_xor_training(costs, layers, X, Y, resolution: int = 200, title: str = "Decision boundary"):
    """Learning curve beside the shaded decision boundary of a trained network (lesson 07).

    Returns the figure of ``draw_training``, which lesson 07's widget shows too.
    """
    return draw_training(costs, lambda P: forward(layers, P), X, Y, title, resolution)[0]


def plot_hidden_units(layers, X, Y, resolution: int = 200):
    """One panel per hidden unit: its activation over the input plane (lesson 07).

    ``layers`` is a network from ``build_network``; the hidden units are the
    outputs of its first two layers (linear, then activation).  The activation
    is shaded in greys (one colour bar for all panels), so that the class
    colours stay reserved for the XOR points; the black line is where it is ½.
    """
    if len(layers) < 4 or not isinstance(layers[0], LinearLayer):
        raise ValueError("plot_hidden_units needs a network with a hidden layer (build_network)")
    X, Y = _as_float_array(X, "X"), _as_float_array(Y, "Y")
    n_hidden = layers[0].n_out
    fig, axes = new_axes(ncols=n_hidden, width=3.2 * n_hidden + 1.0, height=3.4)
    axes = np.atleast_1d(axes)
    G1, G2, grid = _input_plane(X, margin=0.5, resolution=resolution)
    A1 = forward(layers[:2], grid)  # (h, resolution²)
    # vmax above 1: the darkest shade stays mid-grey, so the points remain easy to see.
    shade = {"levels": np.linspace(0, 1, 11), "cmap": "Greys", "vmin": 0.0, "vmax": 1.5}
    for unit, ax in enumerate(axes):
        activation = A1[unit].reshape(G1.shape)
        shading = ax.contourf(G1, G2, activation, **shade)
        if activation.min() < 0.5 < activation.max():
            ax.contour(G1, G2, activation, levels=[0.5], colors="black", linewidths=1.2)
        plot_points(X, Y, ax=ax)
        ax.set_title(f"hidden unit {unit + 1}")
    # One legend is enough: the classes are the same in each panel.
    axes[0].legend(
        loc="upper center",
        ncols=2,
        handletextpad=0.2,
        borderaxespad=0.1,
        frameon=True,
        facecolor="white",
        framealpha=0.9,
        edgecolor="none",
    )
    fig.colorbar(shading, ax=axes.tolist(), label="activation a", fraction=0.03, pad=0.02)
    return fig


def plot_seed_outcomes(
    costs, outcomes, ax=None, title: str = "Learning curves by outcome", mark_epoch=None
):
    """Learning curves of several starts, one colour per outcome (lesson 07).

    ``costs`` (S, epochs) holds one learning curve per row; ``outcomes`` names
    the outcome of each row.  Curves with the same outcome share a colour and
    one legend entry; the legend sits below the axes, off the curves.  A dashed
    line marks ``mark_epoch`` when one is given.  Returns the axes.
    """
    costs = np.asarray(costs, dtype=float)
    if costs.ndim != 2 or costs.size == 0:
        raise ValueError(f"costs must be a non-empty 2-D array (seeds, epochs), got {costs.shape}")
    if len(outcomes) != costs.shape[0]:
        raise ValueError(
            f"outcomes must name one outcome per row of costs: got {len(outcomes)} "
            f"for {costs.shape[0]} rows"
        )
    if ax is None:
        _, ax = new_axes(width=6.4, height=4.4)
        ax.figure.subplots_adjust(bottom=1.5 / 4.4)  # room for the legend below the axes
    colours = {}
    for row, outcome in zip(costs, outcomes, strict=True):
        first = outcome not in colours
        colours.setdefault(outcome, f"C{len(colours)}")
        ax.plot(np.arange(row.size), row, color=colours[outcome], label=outcome if first else None)
    if mark_epoch is not None:
        ax.axvline(
            mark_epoch, color="black", linewidth=0.8, linestyle="--", label=f"epoch {mark_epoch}"
        )
    ax.set(title=title, xlabel="epoch", ylabel="cost J")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=1, frameon=False)
    return ax


def train_xor_many_seeds(
    seeds, hidden_units: int = 3, learning_rate=1.0, epochs: int = 5000, init: str = "xavier"
) -> tuple[np.ndarray, np.ndarray]:
    """Train one 2-h-1 sigmoid network on XOR per seed, all at once (lesson 07).

    Network ``s`` starts from ``build_network([2, hidden_units, 1],
    np.random.default_rng(seeds[s]), init=init)`` and is trained exactly like
    ``train`` (full batch, squared-error cost).  The networks are stacked along
    a leading seed axis (W1 has shape (S, h, 2)) so that one ``np.matmul`` does
    the work of S small ones: far faster than S separate calls of ``train``.

    Returns ``(costs, accuracies)``: the cost of every network at every epoch,
    shape (S, epochs), and each trained network's accuracy on XOR, shape (S,).
    """
    seeds = [_check_whole_number(seed, "each seed", minimum=0) for seed in seeds]
    if not seeds:
        raise ValueError("seeds must contain at least one seed")
    hidden_units = _check_whole_number(hidden_units, "hidden_units")
    learning_rate = _check_learning_rate(learning_rate)
    epochs = _check_epochs(epochs)
    X, Y = xor_gate()  # (2, 4), (1, 4)
    starts = [
        build_network([2, hidden_units, 1], np.random.default_rng(seed), init=init)
        for seed in seeds
    ]
    W1 = np.stack([layers[0].W for layers in starts])  # (S, h, 2)
    b1 = np.stack([layers[0].b for layers in starts])  # (S, h, 1)
    W2 = np.stack([layers[2].W for layers in starts])  # (S, 1, h)
    b2 = np.stack([layers[2].b for layers in starts])  # (S, 1, 1)
    m = X.shape[1]
    costs = np.empty((len(seeds), epochs))
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs):
            A1 = sigmoid(np.matmul(W1, X) + b1)  # (S, h, m)
            A2 = sigmoid(np.matmul(W2, A1) + b2)  # (S, 1, m)
            error = A2 - Y  # (S, 1, m)
            costs[:, epoch] = np.einsum("sij,sij->s", error, error) / (2 * m)
            dZ2 = error / m * A2 * (1.0 - A2)  # (S, 1, m)
            dZ1 = np.matmul(W2.transpose(0, 2, 1), dZ2) * A1 * (1.0 - A1)  # (S, h, m)
            W2 -= learning_rate * np.matmul(dZ2, A1.transpose(0, 2, 1))
            b2 -= learning_rate * dZ2.sum(axis=2, keepdims=True)
            W1 -= learning_rate * np.matmul(dZ1, X.T)
            b1 -= learning_rate * dZ1.sum(axis=2, keepdims=True)
        Y_hat = sigmoid(np.matmul(W2, sigmoid(np.matmul(W1, X) + b1)) + b2)  # (S, 1, m)
    # No divergence check: a sigmoid output keeps every cost below ½ (it saturates instead).
    accuracies = ((Y_hat >= 0.5) == Y).mean(axis=(1, 2))
    return costs, accuracies


def hidden_layer_view(learning_rate=1.0, epochs=5000, hidden_units=3, seed=XOR_SEED):
    """Lesson 07 widget: train a 2-h-1 sigmoid network on XOR from a seeded Xavier start.

    Every call starts again from the weights of ``seed``, so only the changed
    setting differs.  Returns ``(figure, text)`` of ``draw_training``: learning
    curve and shaded decision boundary, and ``final cost = … · accuracy = …%``.
    """
    learning_rate = _check_learning_rate(learning_rate)
    epochs = _check_epochs(epochs)
    X, Y = xor_gate()
    layers = xor_network(seed, hidden_units)
    weights = [layer.W for layer in layers if isinstance(layer, LinearLayer)]
    biases = [layer.b for layer in layers if isinstance(layer, LinearLayer)]
    # The fast path trains the layers' own arrays in place (train's numbers, to rounding).
    # It cannot diverge to infinity: the sigmoid output keeps the cost below ½ (too large a
    # learning rate saturates the units instead, and describe_progress names that).
    costs = train_sigmoid_network(weights, biases, X, Y, learning_rate, epochs)
    return draw_training(costs, lambda P: forward(layers, P), X, Y, "Decision boundary")


def train_per_example(
    layers,
    X,
    Y,
    learning_rate,
    epochs,
    rng: np.random.Generator | None = None,
    cost_function: Callable = squared_error_cost,
) -> np.ndarray:
    """Stochastic gradient descent: one update after every single example (lesson 08).

    Each epoch visits the m examples once, in column order, or in an order
    shuffled by ``rng`` when one is given; each update uses the gradient of one
    example's cost (m = 1).  Returns, like ``train``, the cost on *all* examples
    at the start of every epoch.
    """
    X, Y = _check_data(X, Y)
    learning_rate = _check_learning_rate(learning_rate)
    epochs = _check_epochs(epochs)
    _check_layers_fit(layers, X, Y)
    if rng is not None:
        _check_rng(rng)
    m = X.shape[1]
    costs = np.empty(epochs)
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs):
            cost = cost_function(Y, forward(layers, X))[0]
            if not math.isfinite(cost):
                raise DivergenceError(epoch, costs[:epoch].copy(), learning_rate)
            costs[epoch] = cost
            order = range(m) if rng is None else rng.permutation(m)
            for j in order:
                x, y = X[:, j : j + 1], Y[:, j : j + 1]  # one example, kept 2-D: (n, 1)
                backward(layers, cost_function(y, forward(layers, x))[1])
                for layer in layers:
                    layer.update_params(learning_rate)
    return costs


def even_odd_numbers(count: int = 16) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The numbers 0 … count−1 and their parity (lesson 08).

    Returns ``(numbers, X, Y)``: ``numbers`` (count,), ``X`` (1, count) the
    number scaled to [0, 1] (so that large inputs do not saturate the sigmoids),
    ``Y`` (1, count) 1 for odd and 0 for even.
    """
    count = _check_whole_number(count, "count", minimum=2)
    numbers = np.arange(count)
    X = (numbers / (count - 1)).reshape(1, count)  # (1, m)
    Y = (numbers % 2).astype(float).reshape(1, count)  # (1, m)
    return numbers, X, Y


def binary_digits(numbers, bits: int = 4) -> np.ndarray:
    """Each number written in binary, one digit per row, most significant first (lesson 08).

    ``numbers`` (m,) whole numbers in [0, 2**bits) → (bits, m) array of 0.0 and 1.0.
    """
    bits = _check_whole_number(bits, "bits")
    numbers = np.asarray(numbers)
    if numbers.size == 0:
        raise ValueError("numbers must contain at least one number, got an empty array")
    if numbers.ndim != 1 or not np.issubdtype(numbers.dtype, np.integer):
        raise ValueError(f"numbers must be a 1-D array of whole numbers, got {numbers!r}")
    if numbers.min() < 0 or numbers.max() >= 2**bits:
        raise ValueError(f"numbers must lie in [0, {2**bits}) to fit in {bits} bits")
    powers = 2 ** np.arange(bits - 1, -1, -1)  # (bits,) e.g. 8, 4, 2, 1
    return ((numbers[None, :] // powers[:, None]) % 2).astype(float)  # (bits, m)


def plot_outputs_by_number(layers, numbers, X, Y, ax=None, title: str = "Output per number"):
    """The network's output for each number beside the label it should give (lesson 08)."""
    numbers = np.asarray(numbers)
    if ax is None:
        _, ax = new_axes()
    Y_hat = forward(layers, X).ravel()
    ax.plot(numbers, Y_hat, color=LINE_COLOR, marker=".", label="network output ŷ")
    labels = np.asarray(Y).ravel()
    for cls, name in ((0, "even (y = 0)"), (1, "odd (y = 1)")):
        mask = labels == cls
        ax.scatter(
            numbers[mask],
            labels[mask],
            c=CLASS_COLORS[cls],
            marker=CLASS_MARKERS[cls],
            edgecolors="black",
            linewidths=0.8,
            label=name,
            zorder=3,
        )
    ax.axhline(0.5, color="black", linewidth=0.8, linestyle="--")
    # Room above the labels for a one-row legend, so it never covers the output line.
    ax.set(title=title, xlabel="number", ylabel="output", ylim=(-0.1, 1.35))
    ax.legend(loc="upper center", ncols=3, handletextpad=0.2, columnspacing=0.8)
    return ax


# Exercises of lessons 07 and 08, from the network of lesson 07 (xor_network).


@exercise(
    "07.1",
    question="The 2-3-1 network trained in section 7.8 never saw the centre of the square: "
    "what is its output ŷ for x = (0.5, 0.5)?",
    hint="A single input is one column, X of shape (2, 1); run it through the trained "
    "network's forward pass. The decision boundary figure tells you which side of ½ to expect.",
)
def _solve_07_1():
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
def _solve_07_2():
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
def _solve_07_3():
    _, accuracies = train_xor_many_seeds(range(200), hidden_units=2)
    return float(np.mean(accuracies < 1))


@exercise(
    "08.1",
    question="Train the seed-0 2-3-1 network on XOR with the squared error for 5000 epochs at "
    "α = 1, as in lesson 07: the cross-entropy cost of its final outputs?",
    hint="Training uses the squared error, as in lesson 07; only the final outputs are then "
    "scored with the other cost function (it returns the cost and its gradient).",
)
def _solve_08_1():
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
def _solve_08_2():
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
def _solve_08_3():
    X, Y = xor_gate()
    layers = xor_network()
    costs = train_per_example(layers, X, Y, learning_rate=1.0, epochs=2000)
    if not (costs < 0.01).any():
        raise RuntimeError("the cost never falls below 0.01: reword exercise 08.3")
    return int(np.argmax(costs < 0.01))


# --- end of lessons 07–08 section ---
