"""The one validation layer: every public entry point checks its arguments here, once.

Each check returns the value in the form the math needs (a float array, an int)
or raises a ValueError that names the argument and the problem.  The math in
``nn_helpers`` then runs unguarded, so an epoch of training pays for no checks.

Counts have upper bounds (``MAX_EPOCHS`` and friends, and bounds on the work of
one training run, ``MAX_WORK``) so that no call can hang or try to allocate more
memory than a laptop has.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

MAX_EPOCHS = 100_000  # 2-3-1 XOR trains ~40 000 epochs a second: at most a few seconds
MAX_UNITS = 1_000  # units in one layer (a 1000 × 1000 W is 8 MB)
MAX_LAYERS = 50
MAX_EXAMPLES = 1_000_000  # columns of a shapes-only computation (nothing is allocated)
MAX_SEEDS = 10_000
MAX_SEED_WORK = 30_000_000  # seeds × epochs × hidden units of one stacked run: a few seconds
MAX_WORK = 10**11  # epochs × examples × parameters of one training run: under a minute
MAX_UPDATES = 1_000_000  # single-example updates of one train_per_example run: under a minute


def array(value, name: str, ndim: int | None = 2, finite: bool = True) -> np.ndarray:
    """``value`` as a float64 array with ``ndim`` dimensions, at least one entry, all finite.

    Refused by name: None, text, complex numbers, objects that are not numbers,
    the wrong number of dimensions, zero examples, NaN and infinity.
    """
    if value is None:
        raise ValueError(f"{name} is None: expected an array of numbers")
    if isinstance(value, (str, bytes)):
        raise ValueError(f"{name} is text ({value!r}): expected an array of numbers")
    raw = np.asarray(value)
    if raw.dtype.kind == "c":
        raise ValueError(f"{name} holds complex numbers: expected real numbers")
    if raw.dtype.kind not in "biuf":
        raise ValueError(f"{name} must hold numbers, got an array of {raw.dtype} ({value!r})")
    result = raw.astype(float, copy=False)
    if ndim is not None and result.ndim != ndim:
        shape_hint = " (one example per column)" if ndim == 2 else ""
        raise ValueError(f"{name} must be a {ndim}-D array{shape_hint}, got shape {result.shape}")
    if result.size == 0:
        raise ValueError(f"{name} is empty (shape {result.shape}): it needs at least one example")
    if finite and not np.isfinite(result).all():
        raise ValueError(f"{name} contains NaN or infinite values")
    return result


def data(X, Y) -> tuple[np.ndarray, np.ndarray]:
    """X (n_features, m) and Y (n_outputs, m): 2-D, finite, the same number of columns."""
    X, Y = array(X, "X"), array(Y, "Y")
    if X.shape[1] != Y.shape[1]:
        raise ValueError(
            "X and Y must have the same number of examples (columns): "
            f"X has {X.shape[1]}, Y has {Y.shape[1]}"
        )
    return X, Y


def same_shape(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    if a.shape != b.shape:
        raise ValueError(f"{name_a} and {name_b} must have the same shape: {a.shape} vs {b.shape}")


def probabilities(Y: np.ndarray, name: str) -> None:
    """Labels or outputs of a sigmoid must lie in [0, 1] (NaN passes: it means divergence)."""
    if (Y < 0).any() or (Y > 1).any():
        raise ValueError(
            f"{name} must hold values in [0, 1], got values from {np.nanmin(Y):g} "
            f"to {np.nanmax(Y):g}"
        )


def number(value, name: str, positive: bool = False, minimum: float | None = None) -> float:
    """One finite real number (``positive``: greater than 0; at least ``minimum``).

    Booleans and text are refused, "1" as well as True: neither is a number.
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    if positive and value <= 0:
        raise ValueError(f"{name} must be a number > 0, got {value!r}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be a number >= {minimum:g}, got {value!r}")
    return float(value)


def function(value, name: str, shape: str = "a function"):
    """A callable, e.g. a cost function ``(Y, Y_hat) -> (J, dY_hat)``."""
    if not callable(value):
        raise ValueError(f"{name} must be {shape}, got {value!r}")
    return value


def boolean(value, name: str) -> bool:
    """True or False (a NumPy bool too).  ``"no"``, 0 and 1 are refused: none is a bool."""
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be True or False, got {value!r}")
    return bool(value)


def names(value, name: str, example: str) -> list[str]:
    """A list or tuple of text, e.g. ``["x1", "x2"]``; the caller checks how many it needs."""
    if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple, np.ndarray)):
        raise ValueError(f"{name} must be a list of names like {example}, got {value!r}")
    items = list(value)
    for item in items:
        if not isinstance(item, str):
            raise ValueError(f"{name} must hold text names like {example}, got {item!r}")
    return items


def axes(value, name: str = "ax", optional: bool = True):
    """A matplotlib Axes to draw on (``optional``: or None, for a new figure)."""
    if value is None and optional:
        return None
    from matplotlib.axes import Axes

    if not isinstance(value, Axes):
        allowed = "None or a matplotlib Axes" if optional else "a matplotlib Axes"
        raise ValueError(f"{name} must be {allowed} (e.g. from new_axes()), got {value!r}")
    return value


def text(value, name: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text, got {value!r}")
    return value


def learning_rate(value) -> float:
    """A learning rate is a finite number greater than zero (0 would never move)."""
    return number(value, "learning_rate", positive=True)


def count(value, name: str, minimum: int = 1, maximum: int = MAX_EPOCHS) -> int:
    """A whole number from ``minimum`` to ``maximum``.  ``2.0`` and ``True`` are refused."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    if not minimum <= value <= maximum:
        raise ValueError(f"{name} must be a whole number from {minimum} to {maximum}, got {value}")
    return int(value)


def epochs(value, name: str = "epochs") -> int:
    return count(value, name, 1, MAX_EPOCHS)


def sequence(value, name: str, example: str, maximum: int) -> list:
    """A list, tuple or range (not text) of 1 to ``maximum`` items, its length checked first."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__"):
        raise ValueError(f"{name} must be a list like {example}, got {value!r}")
    if not 1 <= len(value) <= maximum:
        raise ValueError(f"{name} must hold from 1 to {maximum} items, got {len(value)}")
    return list(value)


def training_size(linear: list, m: int, epochs: int, updates_per_epoch: int = 0) -> None:
    """Refuse a run that would take more than a minute (``MAX_WORK``, ``MAX_UPDATES``)."""
    parameters = sum(layer.W.size + (0 if layer.b is None else layer.b.size) for layer in linear)
    if epochs * m * parameters > MAX_WORK:
        raise ValueError(
            f"epochs × examples × parameters = {epochs} × {m} × {parameters} is more than "
            f"{MAX_WORK:.0e} (a minute of training): use fewer epochs, examples or units"
        )
    if epochs * updates_per_epoch > MAX_UPDATES:
        raise ValueError(
            f"epochs × examples = {epochs} × {updates_per_epoch} single-example updates is "
            f"more than {MAX_UPDATES} (a minute of training): use fewer epochs or examples"
        )


def layer_sizes(value) -> list[int]:
    """Sizes like ``[3, 4, 1]``: an input, an output, each from 1 to ``MAX_UNITS``."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__"):
        raise ValueError(f"layer_sizes must be a list of sizes like [2, 3, 1], got {value!r}")
    sizes = list(value)
    if not 2 <= len(sizes) <= MAX_LAYERS + 1:
        raise ValueError(
            f"layer_sizes needs an input and an output size (at most {MAX_LAYERS} layers), "
            f"got {value!r}"
        )
    return [count(n, f"layer size {i} of {sizes!r}", 1, MAX_UNITS) for i, n in enumerate(sizes, 1)]


def rng(value) -> np.random.Generator:
    """Random starts come from a generator the caller seeds, never from a hidden default."""
    if not isinstance(value, np.random.Generator):
        raise ValueError(
            f"rng must be a NumPy random Generator, e.g. np.random.default_rng(0), got {value!r}"
        )
    return value


def choice(value, name: str, options: tuple) -> str:
    if not isinstance(value, str) or value not in options:
        raise ValueError(f"{name} must be one of {options}, got {value!r}")
    return value


def layers(network, linear_class) -> list:
    """A network is a non-empty list of layers with at least one linear layer.

    Every linear layer's W and b (when it has one) are made float arrays in
    place (a learner may type whole numbers) and must be finite, with b of
    shape (n_out, 1); consecutive linear layers must fit each other.  Returns
    the linear layers.
    """
    if isinstance(network, (str, bytes)) or not isinstance(network, (list, tuple)) or not network:
        raise ValueError(f"layers must be a non-empty list of layers, got {network!r}")
    for i, layer in enumerate(network, 1):
        if not (hasattr(layer, "forward") and hasattr(layer, "backward")):
            raise ValueError(f"layers[{i - 1}] is not a layer (no forward/backward): {layer!r}")
    linear = [layer for layer in network if isinstance(layer, linear_class)]
    if not linear:
        raise ValueError("the network has no LinearLayer: nothing to train")
    n_prev = None
    for number_, layer in enumerate(linear, start=1):
        W = array(layer.W, f"layer {number_}'s W")
        if W is not layer.W:
            layer.W = W
        if layer.b is not None:
            b = array(layer.b, f"layer {number_}'s b")
            if b.shape != (W.shape[0], 1):
                raise ValueError(
                    f"layer {number_}'s b must have shape {(W.shape[0], 1)}, got {b.shape}"
                )
            if b is not layer.b:
                layer.b = b
        if n_prev is not None and W.shape[1] != n_prev:
            raise ValueError(
                f"layer {number_}'s W has {W.shape[1]} columns but layer {number_ - 1} "
                f"has {n_prev} outputs"
            )
        n_prev = W.shape[0]
    return linear


def network_fits(linear: list, X: np.ndarray, Y: np.ndarray | None = None) -> None:
    """The first linear layer takes X's rows as features; the last gives Y's rows."""
    if linear[0].W.shape[1] != X.shape[0]:
        raise ValueError(
            f"the first layer expects {linear[0].W.shape[1]} features but X has {X.shape[0]} rows"
        )
    if Y is not None and linear[-1].W.shape[0] != Y.shape[0]:
        raise ValueError(
            f"the last layer has {linear[-1].W.shape[0]} outputs but Y has {Y.shape[0]} rows"
        )
