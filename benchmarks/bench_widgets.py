"""How fast the widgets answer: `make bench` (or `python benchmarks/bench_widgets.py`).

Prints medians over repeated runs of

* training a 2-3-1 sigmoid network on XOR for 5000 epochs (full batch,
  learning rate 2, Xavier start from seed 0) three ways: the helper module's
  layers (`train`, the one trainer, which the widgets use too), the same
  computation as plain NumPy expressions, and a per-example Python loop;
* every widget view in nn_helpers (every public function named `*_view`):
  a cold change, the work behind a slider change to a setting never drawn,
  `view(**defaults)` then `render_png`, since each change retrains from the
  start; and a cache hit, what a change to a setting already drawn costs (one
  seen before, or a neighbouring notch the widget drew in the background
  while the learner looked at the figure: `_course.widgets.FigureCache`).

Targets: the layers within 1.5× the plain NumPy expressions; and what a
learner waits for, the slider-to-figure time in JupyterLab, at most 150 ms
(median) — measured by tests/test_browser.py, where most changes are cache
hits; the cold times here are the worst case, a jump to a setting far away.

These are wall-clock times on a shared machine: another busy process makes
every number larger (the load average is printed with them).  For tiny
matrices NumPy's time is per-call overhead, not arithmetic, so the BLAS
threading settings (OPENBLAS_NUM_THREADS, OMP_NUM_THREADS) hardly matter;
they are printed so a run can be reproduced.

Options: --repeats N (default 11), --quick (3 repeats, for a smoke test).
"""

from __future__ import annotations

import argparse
import inspect
import os
import statistics
import sys
import time
from typing import Callable

import matplotlib

matplotlib.use("Agg")  # no window: the widgets render PNG bytes too

import numpy as np  # noqa: E402

import nn_helpers as nn  # noqa: E402
from _course.widgets import FigureCache, render_png  # noqa: E402

LEARNING_RATE = 2.0
EPOCHS = 5000
LAYER_SIZES = [2, 3, 1]
LAYERS_TARGET_RATIO = 1.5


def median_ms(
    cases: dict[str, tuple[Callable, Callable[[], tuple]]], repeats: int
) -> dict[str, float]:
    """Median wall time in ms of each ``run(*setup())`` (setup not timed).

    The cases take turns, run after run, so a burst of load from another
    process slows them all alike instead of one of them.
    """
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeats):
        for name, (run, setup) in cases.items():
            arguments = setup()
            start = time.perf_counter()
            run(*arguments)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) * 1000 for name, t in times.items()}


# ---------------------------------------------------------------------------
# One training problem, four implementations
# ---------------------------------------------------------------------------


def fresh_layers() -> tuple[list]:
    """The same starting network every run: Xavier weights from seed 0."""
    return (nn.build_network(LAYER_SIZES, np.random.default_rng(0), init="xavier"),)


def fresh_arrays() -> tuple[list, list]:
    (layers,) = fresh_layers()
    linear = layers[::2]
    return [layer.W.copy() for layer in linear], [layer.b.copy() for layer in linear]


def train_layers(layers) -> np.ndarray:
    X, Y = nn.xor_gate()
    return nn.train(layers, X, Y, LEARNING_RATE, EPOCHS)


def train_plain_numpy(weights, biases) -> np.ndarray:
    """What a learner would write: the lesson's formulas as NumPy expressions, no checks."""
    X, Y = nn.xor_gate()
    (W1, W2), (b1, b2) = weights, biases
    m = X.shape[1]
    costs = np.empty(EPOCHS)
    for epoch in range(EPOCHS):
        A1 = 1 / (1 + np.exp(-(W1 @ X + b1)))
        A2 = 1 / (1 + np.exp(-(W2 @ A1 + b2)))
        costs[epoch] = np.sum((A2 - Y) ** 2) / (2 * m)
        dZ2 = (A2 - Y) / m * A2 * (1 - A2)
        dZ1 = W2.T @ dZ2 * A1 * (1 - A1)
        W2 -= LEARNING_RATE * dZ2 @ A1.T
        b2 -= LEARNING_RATE * np.sum(dZ2, axis=1, keepdims=True)
        W1 -= LEARNING_RATE * dZ1 @ X.T
        b1 -= LEARNING_RATE * np.sum(dZ1, axis=1, keepdims=True)
    return costs


def train_per_example_loop(weights, biases) -> np.ndarray:
    """The same full-batch gradient, summed one example (one column) at a time in Python."""
    X, Y = nn.xor_gate()
    (W1, W2), (b1, b2) = weights, biases
    m = X.shape[1]
    costs = np.empty(EPOCHS)
    for epoch in range(EPOCHS):
        cost = 0.0
        dW1, db1 = np.zeros_like(W1), np.zeros_like(b1)
        dW2, db2 = np.zeros_like(W2), np.zeros_like(b2)
        for i in range(m):
            x, y = X[:, i : i + 1], Y[:, i : i + 1]
            a1 = nn.sigmoid(W1 @ x + b1)
            a2 = nn.sigmoid(W2 @ a1 + b2)
            cost += float((a2 - y)[0, 0] ** 2) / (2 * m)
            dz2 = (a2 - y) / m * a2 * (1 - a2)
            dz1 = W2.T @ dz2 * a1 * (1 - a1)
            dW2 += dz2 @ a1.T
            db2 += dz2
            dW1 += dz1 @ x.T
            db1 += dz1
        costs[epoch] = cost
        W2 -= LEARNING_RATE * dW2
        b2 -= LEARNING_RATE * db2
        W1 -= LEARNING_RATE * dW1
        b1 -= LEARNING_RATE * db1
    return costs


def check_same_numbers() -> None:
    """All three compute the same training (else the timings compare different work)."""
    reference = train_layers(*fresh_layers())[:-1]  # train also records the trained cost
    for name, run in [
        ("plain NumPy", train_plain_numpy),
        ("per-example loop", train_per_example_loop),
    ]:
        costs = run(*fresh_arrays())
        if not np.allclose(costs, reference, rtol=1e-9, atol=1e-12):
            sys.exit(f"{name} does not reproduce train's costs: the comparison would be unfair")


# ---------------------------------------------------------------------------
# Widget views
# ---------------------------------------------------------------------------


def widget_views() -> dict[str, Callable]:
    """Every public ``*_view`` function of nn_helpers, in the order of the file."""
    views = {
        name: value
        for name, value in vars(nn).items()
        if name.endswith("_view") and not name.startswith("_") and inspect.isfunction(value)
    }
    return dict(sorted(views.items(), key=lambda item: item[1].__code__.co_firstlineno))


def one_change(view: Callable) -> None:
    """What one cold slider change costs: the view (which retrains from the start) and the PNG."""
    result = view()
    figure = result[0] if isinstance(result, tuple) else result
    render_png(figure)


def cache_hit(cache: FigureCache) -> None:
    """What a change to a setting already drawn costs: a look-up in the widget's cache."""
    cache.get({})


# ---------------------------------------------------------------------------


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=11)
    parser.add_argument("--quick", action="store_true", help="3 repeats, 1 for the slow loop")
    args = parser.parse_args(argv)
    repeats = 3 if args.quick else args.repeats
    slow_repeats = 1 if args.quick else max(3, repeats // 3)

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    blas = {k: os.environ.get(k, "unset") for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    print(f"numpy {np.__version__}, matplotlib {matplotlib.__version__}, {os.cpu_count()} CPUs")
    print(f"load average {load}; " + ", ".join(f"{k}={v}" for k, v in blas.items()))
    check_same_numbers()

    print(f"\nTraining 2-3-1 on XOR, {EPOCHS} epochs (median of {repeats} runs):")
    layers, plain = "helper layers: train(build_network(...))", "plain NumPy expressions"
    ms = median_ms(
        {layers: (train_layers, fresh_layers), plain: (train_plain_numpy, fresh_arrays)}, repeats
    )
    loop = f"per-example Python loop (median of {slow_repeats})"
    ms |= median_ms({loop: (train_per_example_loop, fresh_arrays)}, slow_repeats)
    ratio = ms[layers] / ms[plain]
    for name, value in ms.items():
        print(f"  {name:<60} {value:8.1f} ms")
    verdict = "ok" if ratio <= LAYERS_TARGET_RATIO else f"OVER the {LAYERS_TARGET_RATIO}× target"
    print(f"  {'layers / plain NumPy':<60} {ratio:8.2f} ×   ({verdict})")

    print(f"\nWidget views, one change (median of {repeats} runs): cold = view(**defaults) +")
    print("render_png; cache hit = a setting already drawn (seen, or prefetched in the background)")
    views = widget_views()
    if not views:
        print("  (no *_view function in nn_helpers yet)")
    for view in views.values():
        one_change(view)  # warm-up: imports, font cache
    ms = median_ms(
        {name: (lambda view=view: one_change(view), tuple) for name, view in views.items()},
        repeats,
    )
    caches = {}
    for name, view in views.items():
        caches[name] = FigureCache(lambda _values, view=view: one_change(view))
        caches[name].get({})  # drawn once: every later get is a hit
    hits = median_ms(
        {name: (lambda cache=cache: cache_hit(cache), tuple) for name, cache in caches.items()},
        repeats,
    )
    for name, view in views.items():
        parameters = inspect.signature(view).parameters.values()
        settings = ", ".join(
            f"{p.name}={p.default!r}" for p in parameters if p.default is not p.empty
        )
        print(f"  {name}({settings})")
        print(f"  {'':<40} cold {ms[name]:8.1f} ms   cache hit {hits[name]:8.3f} ms")
    if views:
        print(f"  {'slowest cold change':<60} {max(ms.values()):8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
