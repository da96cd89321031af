"""Unit tests of the general part of nn_helpers.py (everything above the lesson blocks).

Every value is checked against a small case worked by hand or computed
independently here, and every analytic gradient against finite differences.
Warnings are errors: no helper may print a warning to the learner.
"""

import math

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import nn_helpers as nn  # noqa: E402

pytestmark = pytest.mark.filterwarnings("error")


def reference_sigmoid(z):
    """The textbook formula, for comparison (only used on moderate z)."""
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))


# A generator for layers whose drawn weights a test overwrites or never reads.
RNG = np.random.default_rng(0)


def small_sigmoid_net(sizes=(2, 3, 1), seed=0, **kwargs):
    return nn.build_network(list(sizes), np.random.default_rng(seed), **kwargs)


# ---------------------------------------------------------------------------
# Activations
# ---------------------------------------------------------------------------


def test_sigmoid_of_zero_is_one_half():
    assert nn.sigmoid(0.0) == 0.5


def test_sigmoid_matches_textbook_formula():
    z = np.array([-5.0, -1.0, -0.3, 0.0, 0.7, 2.0, 6.0])
    expected = [1 / (1 + math.exp(-v)) for v in z]
    assert np.allclose(nn.sigmoid(z), expected, rtol=1e-14, atol=0)
    assert nn.sigmoid(1.0) == pytest.approx(1 / (1 + math.exp(-1)), rel=1e-14)
    assert nn.sigmoid(-1.0) == pytest.approx(1 / (1 + math.e), rel=1e-14)
    assert nn.sigmoid([[1.0, -1.0]]).shape == (1, 2)


def test_sigmoid_derivative_is_s_times_one_minus_s_and_matches_finite_differences():
    z = np.array([-4.0, -1.0, 0.0, 0.5, 3.0])
    s = reference_sigmoid(z)
    assert np.allclose(nn.sigmoid_derivative(z), s * (1 - s), rtol=1e-12)
    assert nn.sigmoid_derivative(0.0) == 0.25
    h = 1e-6
    numeric = (nn.sigmoid(z + h) - nn.sigmoid(z - h)) / (2 * h)
    assert np.allclose(nn.sigmoid_derivative(z), numeric, rtol=1e-7, atol=1e-10)


@pytest.mark.parametrize("z", [1e3, -1e3, 1e308, -1e308, np.inf, -np.inf])
def test_sigmoid_and_derivative_are_finite_for_huge_inputs(z):
    # filterwarnings("error") turns any overflow warning into a failure.
    assert nn.sigmoid(z) == (1.0 if z > 0 else 0.0)
    assert nn.sigmoid_derivative(z) == 0.0


def test_sigmoid_on_huge_arrays_is_finite_and_in_range():
    z = np.random.default_rng(0).standard_normal((200, 300)) * 1e306
    s, ds = nn.sigmoid(z), nn.sigmoid_derivative(z)
    assert np.isfinite(s).all() and np.isfinite(ds).all()
    assert ((s >= 0) & (s <= 1)).all() and ((ds >= 0) & (ds <= 0.25)).all()


def test_leaky_relu_and_derivative_by_hand():
    z = np.array([-2.0, -0.5, 0.0, 0.5, 3.0])
    assert np.allclose(nn.leaky_relu(z), [-0.2, -0.05, 0.0, 0.5, 3.0])
    assert np.array_equal(nn.leaky_relu_derivative(z), [0.1, 0.1, 0.1, 1.0, 1.0])
    assert np.allclose(nn.leaky_relu(z, leak=0.01), [-0.02, -0.005, 0.0, 0.5, 3.0])
    assert np.array_equal(nn.leaky_relu_derivative(z, leak=0.25), [0.25, 0.25, 0.25, 1.0, 1.0])


def test_leaky_relu_derivative_matches_finite_differences_away_from_zero():
    z = np.array([-3.0, -0.4, 0.3, 2.0])
    h = 1e-6
    numeric = (nn.leaky_relu(z + h, 0.2) - nn.leaky_relu(z - h, 0.2)) / (2 * h)
    assert np.allclose(nn.leaky_relu_derivative(z, 0.2), numeric, rtol=1e-8)


# ---------------------------------------------------------------------------
# Costs
# ---------------------------------------------------------------------------


def test_squared_error_loss_by_hand():
    assert nn.squared_error_loss(1.0, 0.6) == pytest.approx(0.5 * 0.4**2)
    assert np.allclose(nn.squared_error_loss([0.0, 1.0], [0.5, 0.0]), [0.125, 0.5])


def test_squared_error_cost_on_a_one_by_four_hand_case():
    Y = np.array([[0.0, 1.0, 1.0, 0.0]])
    Y_hat = np.array([[0.5, 0.5, 0.75, 0.25]])
    cost, dY_hat = nn.squared_error_cost(Y, Y_hat)
    # (0.25 + 0.25 + 0.0625 + 0.0625) / (2 * 4) = 0.625 / 8
    assert cost == pytest.approx(0.078125, rel=1e-15)
    assert isinstance(cost, float)
    assert np.allclose(dY_hat, [[0.125, -0.125, -0.0625, 0.0625]], rtol=1e-15)


def test_squared_error_cost_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match=r"same shape: \(1, 4\) vs \(1, 3\)"):
        nn.squared_error_cost(np.zeros((1, 4)), np.zeros((1, 3)))
    with pytest.raises(ValueError, match="Y_hat must be a 2-D array"):
        nn.squared_error_cost(np.zeros(4), np.zeros(4))


def test_cross_entropy_cost_value_by_hand():
    Y = np.array([[1.0, 0.0]])
    Y_hat = np.array([[0.8, 0.4]])
    cost, _ = nn.cross_entropy_cost(Y, Y_hat)
    assert cost == pytest.approx(-(math.log(0.8) + math.log(0.6)) / 2, rel=1e-12)


def test_cross_entropy_gradient_matches_finite_differences():
    rng = np.random.default_rng(3)
    Y = np.array([[1.0, 0.0, 1.0, 0.0, 1.0]])
    Y_hat = rng.uniform(0.1, 0.9, size=(1, 5))
    _, dY_hat = nn.cross_entropy_cost(Y, Y_hat)
    numeric = nn.numerical_gradient(lambda: nn.cross_entropy_cost(Y, Y_hat)[0], Y_hat)
    assert nn.gradients_agree(dY_hat, numeric)


@pytest.mark.parametrize("bad", [1.5, -0.2, 1 + 1e-9])
def test_cross_entropy_refuses_outputs_that_are_not_probabilities(bad):
    # Clipping 1.5 to 1 would report a cost near 0 for a label of 1.
    with pytest.raises(ValueError, match=r"Y_hat must hold probabilities in \[0, 1\]"):
        nn.cross_entropy_cost(np.array([[1.0, 0.0]]), np.array([[bad, 0.5]]))


@pytest.mark.parametrize("cost_function", [nn.squared_error_cost, nn.cross_entropy_cost])
def test_a_nan_output_gives_a_nan_cost_without_a_warning(cost_function):
    # train detects divergence this way, so NaN must pass through (and warnings are errors here).
    cost, _ = cost_function(np.array([[1.0, 0.0]]), np.array([[math.nan, 0.5]]))
    assert math.isnan(cost)


def test_cross_entropy_is_finite_for_saturated_outputs():
    Y = np.array([[1.0, 0.0, 1.0, 0.0]])
    Y_hat = np.array([[0.0, 1.0, 1.0, 0.0]])  # two confidently wrong, two exactly right
    cost, dY_hat = nn.cross_entropy_cost(Y, Y_hat)
    assert math.isfinite(cost) and cost > 10
    assert np.isfinite(dY_hat).all()
    assert dY_hat[0, 0] < 0 < dY_hat[0, 1]  # pushes each wrong output towards its label


# ---------------------------------------------------------------------------
# Layers
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("init", ["small", "xavier", "he"])
def test_linear_layer_shapes_for_every_init(init):
    layer = nn.LinearLayer(4, 3, rng=np.random.default_rng(0), init=init)
    assert layer.W.shape == (3, 4) and layer.b.shape == (3, 1)
    assert (layer.b == 0).all()
    assert (layer.n_in, layer.n_out) == (4, 3)
    assert layer.params()["W"] is layer.W and layer.params()["b"] is layer.b


@pytest.mark.parametrize(
    ("init", "expected_std"),
    [("small", 0.01), ("xavier", math.sqrt(1 / 400)), ("he", math.sqrt(2 / 400))],
)
def test_linear_layer_init_scale(init, expected_std):
    layer = nn.LinearLayer(400, 300, rng=np.random.default_rng(1), init=init)
    assert layer.W.std() == pytest.approx(expected_std, rel=0.02)
    assert abs(layer.W.mean()) < 0.05 * expected_std


def test_linear_layer_custom_small_scale():
    layer = nn.LinearLayer(200, 200, rng=np.random.default_rng(1), init="small", scale=0.5)
    assert layer.W.std() == pytest.approx(0.5, rel=0.02)


def test_linear_layer_is_deterministic_under_a_seed():
    a = nn.LinearLayer(3, 2, rng=np.random.default_rng(7), init="xavier")
    b = nn.LinearLayer(3, 2, rng=np.random.default_rng(7), init="xavier")
    c = nn.LinearLayer(3, 2, rng=np.random.default_rng(8), init="xavier")
    assert np.array_equal(a.W, b.W)
    assert not np.allclose(a.W, c.W)


@pytest.mark.parametrize("rng", [None, 0, 7, "seed", np.random.RandomState(0)])
def test_linear_layer_and_build_network_need_a_generator(rng):
    # A hidden default seed would give every layer built without one the same weights.
    message = r"rng must be a NumPy random Generator, e\.g\. np\.random\.default_rng\(0\)"
    with pytest.raises(ValueError, match=message):
        nn.LinearLayer(3, 2, rng)
    with pytest.raises(ValueError, match=message):
        nn.build_network([2, 3, 1], rng)


def test_linear_layer_without_a_generator_is_refused():
    with pytest.raises(ValueError, match="rng must be a NumPy random Generator"):
        nn.LinearLayer(3, 2)


def test_linear_layer_forward_by_hand():
    layer = nn.LinearLayer(2, 2, RNG)
    layer.W = np.array([[1.0, 2.0], [-1.0, 0.5]])
    layer.b = np.array([[0.5], [-1.0]])
    A_prev = np.array([[1.0, 0.0, 2.0], [1.0, 2.0, -2.0]])
    Z = layer.forward(A_prev)
    # column 1: (1+2+0.5, -1+0.5-1); column 2: (0+4+0.5, 0+1-1); column 3: (2-4+0.5, -2-1-1)
    assert np.allclose(Z, [[3.5, 4.5, -1.5], [-1.5, 0.0, -4.0]])


def _layer_gradient_check(layer, A_prev, rng):
    """Backward of a layer against finite differences of sum(R * forward(A_prev))."""
    Z = layer.forward(A_prev)
    R = rng.standard_normal(Z.shape)
    dA_prev = layer.backward(R)

    def f():
        return float(np.sum(R * layer.forward(A_prev)))

    results = {"A_prev": (dA_prev, nn.numerical_gradient(f, A_prev))}
    for name, param in layer.params().items():
        results[name] = (layer.grads()[name].copy(), nn.numerical_gradient(f, param))
    return results


def test_linear_layer_backward_matches_finite_differences():
    rng = np.random.default_rng(5)
    layer = nn.LinearLayer(3, 2, rng=rng, init="xavier")
    layer.b = rng.standard_normal((2, 1))
    A_prev = rng.standard_normal((3, 4))
    results = _layer_gradient_check(layer, A_prev, rng)
    assert set(results) == {"A_prev", "W", "b"}
    for name, (analytic, numeric) in results.items():
        assert analytic.shape == numeric.shape, name
        assert nn.gradients_agree(analytic, numeric), name


@pytest.mark.parametrize("layer", [nn.SigmoidLayer(), nn.LeakyReLULayer(), nn.LeakyReLULayer(0.3)])
def test_activation_layer_backward_matches_finite_differences(layer):
    rng = np.random.default_rng(6)
    Z = rng.standard_normal((3, 5)) * 2
    Z[np.abs(Z) < 1e-3] = 0.5  # keep away from the leaky-ReLU kink
    results = _layer_gradient_check(layer, Z, rng)
    assert set(results) == {"A_prev"}
    analytic, numeric = results["A_prev"]
    assert nn.gradients_agree(analytic, numeric)


def test_layer_forward_values_of_activation_layers():
    Z = np.array([[-1.0, 0.0, 2.0]])
    assert np.allclose(nn.SigmoidLayer().forward(Z), reference_sigmoid(Z))
    assert np.allclose(nn.LeakyReLULayer(0.2).forward(Z), [[-0.2, 0.0, 2.0]])


def test_update_params_takes_one_gradient_step():
    layer = nn.LinearLayer(2, 1, RNG)
    layer.W = np.array([[1.0, -1.0]])
    layer.b = np.array([[0.5]])
    layer.forward(np.array([[1.0, 2.0], [3.0, -1.0]]))
    layer.backward(np.array([[0.5, -1.0]]))
    # dW = dZ·A_prevᵀ = [0.5*1 - 1*2, 0.5*3 - 1*(-1)] = [-1.5, 2.5]; db = -0.5
    assert np.allclose(layer.dW, [[-1.5, 2.5]]) and np.allclose(layer.db, [[-0.5]])
    layer.update_params(0.1)
    assert np.allclose(layer.W, [[1.15, -1.25]])
    assert np.allclose(layer.b, [[0.55]])
    with pytest.raises(ValueError, match="learning_rate"):
        layer.update_params(0)


def test_activation_layers_have_no_parameters():
    for layer in (nn.SigmoidLayer(), nn.LeakyReLULayer()):
        assert layer.params() == {} and layer.grads() == {}
        layer.update_params(1.0)  # nothing to do, no error


@pytest.mark.parametrize(
    "layer", [nn.LinearLayer(2, 1, RNG), nn.SigmoidLayer(), nn.LeakyReLULayer()]
)
def test_backward_before_forward_is_refused(layer):
    with pytest.raises(ValueError, match="call forward before backward"):
        layer.backward(np.zeros((1, 1)))


def test_linear_layer_shape_errors_name_expected_and_actual():
    layer = nn.LinearLayer(3, 2, RNG)
    with pytest.raises(ValueError, match=r"input of shape \(3, m\), got \(2, 4\)"):
        layer.forward(np.zeros((2, 4)))
    with pytest.raises(ValueError, match=r"input of shape \(3, m\), got \(3,\)"):
        layer.forward(np.zeros(3))
    layer.forward(np.zeros((3, 4)))
    with pytest.raises(ValueError, match=r"dZ of shape \(2, 4\), got \(2, 5\)"):
        layer.backward(np.zeros((2, 5)))


@pytest.mark.parametrize("layer", [nn.SigmoidLayer(), nn.LeakyReLULayer()])
def test_activation_layer_shape_errors_name_expected_and_actual(layer):
    layer.forward(np.zeros((2, 3)))
    name = type(layer).__name__
    with pytest.raises(
        ValueError, match=rf"{name}.backward expects dA of shape \(2, 3\), got \(3, 2\)"
    ):
        layer.backward(np.zeros((3, 2)))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_in": 0, "n_out": 2}, "n_in must be a whole number >= 1, got 0"),
        ({"n_in": 2, "n_out": -1}, "n_out must be a whole number >= 1, got -1"),
        ({"n_in": 2.0, "n_out": 1}, "n_in must be a whole number"),
        ({"n_in": True, "n_out": 1}, "n_in must be a whole number"),
        ({"n_in": 2, "n_out": 1, "init": "glorot"}, "init must be one of .*'glorot'"),
        ({"n_in": 2, "n_out": 1, "scale": math.nan}, "scale must be a finite number, got nan"),
        ({"n_in": 2, "n_out": 1, "scale": math.inf}, "scale must be a finite number, got inf"),
        ({"n_in": 2, "n_out": 1, "scale": 0.0}, "scale must be a finite number > 0, got 0.0"),
        ({"n_in": 2, "n_out": 1, "scale": -0.1}, "scale must be a finite number > 0, got -0.1"),
        ({"n_in": 2, "n_out": 1, "scale": "0.1"}, "scale must be a number, got '0.1'"),
    ],
)
def test_linear_layer_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        nn.LinearLayer(rng=np.random.default_rng(0), **kwargs)


@pytest.mark.parametrize(
    ("leak", "message"),
    [
        (math.nan, "leak must be a finite number, got nan"),
        (-math.inf, "leak must be a finite number, got -inf"),
        (-0.1, "leak must be at least 0 and below 1, got -0.1"),
        (1.0, "leak must be at least 0 and below 1, got 1.0"),
        (None, "leak must be a number, got None"),
    ],
)
def test_leaky_relu_layer_bad_leak(leak, message):
    with pytest.raises(ValueError, match=message):
        nn.LeakyReLULayer(leak)


def test_leaky_relu_layer_accepts_a_zero_leak():
    assert np.array_equal(nn.LeakyReLULayer(0).forward([[-1.0, 2.0]]), [[0.0, 2.0]])


def test_reprs():
    assert repr(nn.LinearLayer(2, 3, RNG)) == "LinearLayer(n_in=2, n_out=3)"
    assert repr(nn.SigmoidLayer()) == "SigmoidLayer()"
    assert repr(nn.LeakyReLULayer(0.2)) == "LeakyReLULayer(leak=0.2)"


# ---------------------------------------------------------------------------
# Networks
# ---------------------------------------------------------------------------


def test_build_network_layer_types_and_shapes():
    layers = small_sigmoid_net((5, 3, 5, 4), hidden_activation="leaky_relu")
    kinds = [type(layer).__name__ for layer in layers]
    assert kinds == [
        "LinearLayer",
        "LeakyReLULayer",
        "LinearLayer",
        "LeakyReLULayer",
        "LinearLayer",
        "SigmoidLayer",
    ]
    assert [layer.W.shape for layer in layers[::2]] == [(3, 5), (5, 3), (4, 5)]
    assert all(isinstance(layer, nn.SigmoidLayer) for layer in small_sigmoid_net()[1::2])


def test_build_network_bad_arguments():
    with pytest.raises(ValueError, match="layer_sizes needs an input and an output"):
        nn.build_network([2], np.random.default_rng(0))
    with pytest.raises(ValueError, match="hidden_activation must be .*'relu'"):
        nn.build_network([2, 1], np.random.default_rng(0), hidden_activation="relu")


@pytest.mark.parametrize(
    ("sizes", "message"),
    [
        ([2], "layer_sizes needs an input and an output size, got \\[2\\]"),
        ([], "layer_sizes needs an input and an output size"),
        (3, "layer_sizes must be a list of sizes like \\[2, 3, 1\\], got 3"),
        ([2, -3, 1], r"layer size 2 of \[2, -3, 1\] must be a whole number >= 1, got -3"),
        ([2, 0, 1], r"layer size 2 of \[2, 0, 1\] must be a whole number >= 1, got 0"),
        ([2.5, 1], r"layer size 1 of \[2.5, 1\] must be a whole number >= 1, got 2.5"),
        ([2, True], "layer size 2 of .* must be a whole number >= 1, got True"),
    ],
)
def test_count_parameters_and_build_network_refuse_bad_sizes(sizes, message):
    with pytest.raises(ValueError, match=message):
        nn.count_parameters(sizes)
    with pytest.raises(ValueError, match=message):
        nn.build_network(sizes, np.random.default_rng(0))


def test_layer_sizes_may_be_any_sequence_of_whole_numbers():
    assert nn.count_parameters((2, np.int64(3), 1)) == 13
    assert len(nn.build_network((2, np.int64(3), 1), np.random.default_rng(0))) == 4


def test_count_parameters_matches_the_layers():
    sizes = [5, 3, 5, 4]
    by_hand = 3 * (5 + 1) + 5 * (3 + 1) + 4 * (5 + 1)
    assert by_hand == 62
    assert nn.count_parameters(sizes) == by_hand
    layers = small_sigmoid_net(sizes)
    assert nn.count_parameters(sizes) == sum(
        p.size for layer in layers for p in layer.params().values()
    )


def test_forward_and_backward_compose_the_layers():
    rng = np.random.default_rng(2)
    layers = small_sigmoid_net((2, 3, 1), seed=2)
    X = rng.standard_normal((2, 4))
    W1, b1, W2, b2 = layers[0].W, layers[0].b, layers[2].W, layers[2].b
    A1 = reference_sigmoid(W1 @ X + b1)
    Y_hat = reference_sigmoid(W2 @ A1 + b2)
    assert np.allclose(nn.forward(layers, X), Y_hat, rtol=1e-12)
    dY_hat = rng.standard_normal((1, 4))
    dX = nn.backward(layers, dY_hat)
    numeric = nn.numerical_gradient(lambda: float(np.sum(dY_hat * nn.forward(layers, X))), X)
    assert nn.gradients_agree(dX, numeric)


@pytest.mark.parametrize("hidden_activation", ["sigmoid", "leaky_relu"])
@pytest.mark.parametrize("cost_function", [nn.squared_error_cost, nn.cross_entropy_cost])
def test_check_network_gradients_passes_for_correct_backprop(
    hidden_activation, cost_function, capsys
):
    X, Y = nn.xor_gate()
    layers = small_sigmoid_net((2, 4, 3, 1), seed=4, hidden_activation=hidden_activation)
    # Non-zero biases: with b = 0 the XOR example (0, 0) puts every Z exactly on the
    # leaky-ReLU kink, where the function has no derivative to check.
    rng = np.random.default_rng(4)
    for layer in layers[::2]:
        layer.b = rng.standard_normal(layer.b.shape)
    assert nn.check_network_gradients(layers, X, Y, cost_function=cost_function)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["dW1", "db1", "dW2", "db2", "dW3", "db3"]
    assert all("agree" in line and "DISAGREE" not in line for line in lines)


def test_a_broken_backward_is_caught(monkeypatch, capsys):
    X, Y = nn.xor_gate()
    layers = small_sigmoid_net((2, 3, 1), seed=1)
    output_linear = layers[2]
    correct_backward = output_linear.backward
    monkeypatch.setattr(output_linear, "backward", lambda dZ: correct_backward(2 * dZ))
    assert nn.check_network_gradients(layers, X, Y) is False
    assert "DISAGREE" in capsys.readouterr().out
    assert nn.check_network_gradients(layers, X, Y, verbose=False) is False
    assert capsys.readouterr().out == ""
    # The doubled dW2 itself disagrees with its finite-difference estimate.
    numeric = nn.numerical_gradient(lambda: nn.network_cost(layers, X, Y), output_linear.W)
    assert not nn.gradients_agree(output_linear.dW, numeric)
    assert nn.gradients_agree(output_linear.dW / 2, numeric)


def test_network_cost_does_not_touch_gradients():
    X, Y = nn.xor_gate()
    layers = small_sigmoid_net()
    cost = nn.network_cost(layers, X, Y)
    assert cost == nn.squared_error_cost(Y, nn.forward(layers, X))[0]
    assert (layers[0].dW == 0).all()


# ---------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------


def test_train_returns_one_cost_per_epoch_recorded_before_each_update():
    X, Y = nn.xor_gate()
    layers = small_sigmoid_net()
    cost_before = nn.network_cost(layers, X, Y)
    costs = nn.train(layers, X, Y, learning_rate=0.5, epochs=7)
    assert costs.shape == (7,)
    assert costs[0] == cost_before
    assert costs[-1] != nn.network_cost(layers, X, Y)  # the last update happened after it


def test_train_one_epoch_equals_a_hand_step():
    X, Y = nn.or_gate()
    layers = small_sigmoid_net((2, 1), seed=3)
    W, b = layers[0].W.copy(), layers[0].b.copy()
    nn.train(layers, X, Y, learning_rate=0.5, epochs=1)
    Y_hat = reference_sigmoid(W @ X + b)
    dZ = (Y_hat - Y) / 4 * Y_hat * (1 - Y_hat)
    assert np.allclose(layers[0].W, W - 0.5 * dZ @ X.T, rtol=1e-12)
    assert np.allclose(layers[0].b, b - 0.5 * dZ.sum(axis=1, keepdims=True), rtol=1e-12)


def test_a_two_three_one_network_learns_xor():
    X, Y = nn.xor_gate()
    layers = small_sigmoid_net((2, 3, 1), seed=0, init="xavier")
    costs = nn.train(layers, X, Y, learning_rate=1.0, epochs=5000)
    assert nn.accuracy(nn.predict(layers, X), Y) == 1.0
    assert costs[-1] < 0.01 < costs[0]


def test_train_is_deterministic_under_a_seed():
    X, Y = nn.xor_gate()
    first = nn.train(small_sigmoid_net(seed=9), X, Y, 1.0, 200)
    second = nn.train(small_sigmoid_net(seed=9), X, Y, 1.0, 200)
    other = nn.train(small_sigmoid_net(seed=10), X, Y, 1.0, 200)
    assert np.array_equal(first, second)
    assert not np.allclose(first, other)


def test_a_single_neuron_learns_or():
    X, Y = nn.or_gate()
    layers = small_sigmoid_net((2, 1), seed=0)
    costs = nn.train(layers, X, Y, learning_rate=1.0, epochs=2000)
    assert nn.accuracy(nn.predict(layers, X), Y) == 1.0
    assert np.all(np.diff(costs) < 0)  # a small enough step lowers the cost every epoch


def test_divergence_from_a_custom_cost_names_the_epoch():
    X, Y = nn.or_gate()
    calls = []

    def cost_that_blows_up(Y, Y_hat):
        calls.append(1)
        cost, grad = nn.squared_error_cost(Y, Y_hat)
        return (math.inf if len(calls) > 3 else cost), grad

    with pytest.raises(nn.DivergenceError, match="diverged at epoch 3") as caught:
        nn.train(small_sigmoid_net((2, 1)), X, Y, 0.5, 10, cost_function=cost_that_blows_up)
    error = caught.value
    assert isinstance(error, ArithmeticError)
    assert error.epoch == 3 and error.learning_rate == 0.5
    assert error.costs.shape == (3,) and np.isfinite(error.costs).all()


def test_divergence_of_a_leaky_network_with_a_huge_learning_rate_gives_no_warning():
    # A linear output (no final sigmoid) lets the cost grow without bound.
    X, Y = nn.or_gate()
    layers = [
        nn.LinearLayer(2, 3, np.random.default_rng(0), init="xavier"),
        nn.LeakyReLULayer(),
        nn.LinearLayer(3, 1, np.random.default_rng(1), init="xavier"),
    ]
    with pytest.raises(nn.DivergenceError) as caught:
        nn.train(layers, 10 * X, Y, learning_rate=10.0, epochs=1000)
    error = caught.value
    assert str(error) == (
        f"training diverged at epoch {error.epoch}: the cost is no longer a finite number "
        "(try a smaller learning rate)"
    )
    assert 0 < error.epoch < 1000
    assert len(error.costs) == error.epoch and np.isfinite(error.costs).all()
    assert np.all(np.diff(error.costs) > 0)


def _sigmoid_layers_and_copies(sizes, seed):
    layers = small_sigmoid_net(sizes, seed=seed, init="xavier")
    weights = [layer.W.copy() for layer in layers[::2]]
    biases = [layer.b.copy() + 0.1 for layer in layers[::2]]
    for layer, b in zip(layers[::2], biases, strict=True):
        layer.b = b.copy()  # non-zero biases, so b is really exercised
    return layers, weights, biases


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("learning_rate", [0.1, 1.0, 2.0])
@pytest.mark.parametrize("sizes", [(2, 1), (2, 3, 1), (2, 4, 3, 1)])
def test_train_sigmoid_network_gives_the_same_numbers_as_train(sizes, learning_rate, seed):
    X, Y = nn.xor_gate()
    layers, weights, biases = _sigmoid_layers_and_copies(sizes, seed=seed)
    costs = nn.train(layers, X, Y, learning_rate=learning_rate, epochs=2000)
    fast_costs = nn.train_sigmoid_network(weights, biases, X, Y, learning_rate, epochs=2000)
    # Same formulas, sums in another order: equal to rounding, so a widget and a
    # lesson cell print the same rounded numbers.
    np.testing.assert_allclose(fast_costs, costs, rtol=1e-9, atol=1e-12)
    for layer, W, b in zip(layers[::2], weights, biases, strict=True):
        np.testing.assert_allclose(W, layer.W, rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(b, layer.b, rtol=1e-9, atol=1e-12)


def test_train_sigmoid_network_leaves_its_inputs_unchanged_but_the_parameters():
    X, Y = nn.xor_gate()
    X_before, Y_before = X.copy(), Y.copy()
    _, weights, biases = _sigmoid_layers_and_copies((2, 3, 1), seed=0)
    W_before = [W.copy() for W in weights]
    nn.train_sigmoid_network(weights, biases, X, Y, 1.0, 10)
    assert np.array_equal(X, X_before) and np.array_equal(Y, Y_before)
    assert not any(np.array_equal(W, W0) for W, W0 in zip(weights, W_before, strict=True))


def test_train_sigmoid_network_bad_inputs():
    X, Y = nn.xor_gate()
    W1, b1, W2, b2 = np.ones((3, 2)), np.zeros((3, 1)), np.ones((1, 3)), np.zeros((1, 1))
    with pytest.raises(ValueError, match="same length"):
        nn.train_sigmoid_network([W1, W2], [b1], X, Y, 1.0, 10)
    with pytest.raises(ValueError, match="non-empty"):
        nn.train_sigmoid_network([], [], X, Y, 1.0, 10)
    with pytest.raises(ValueError, match=r"layer 2: expected W of shape \(n, 3\).*got \(1, 2\)"):
        nn.train_sigmoid_network([W1, np.ones((1, 2))], [b1, b2], X, Y, 1.0, 10)
    with pytest.raises(
        ValueError, match=r"layer 1: .*b of shape \(n, 1\), got \(3, 2\) and \(3,\)"
    ):
        nn.train_sigmoid_network([W1, W2], [np.zeros(3), b2], X, Y, 1.0, 10)
    with pytest.raises(ValueError, match="the last layer has 1 outputs but Y has 2 rows"):
        nn.train_sigmoid_network([W1, W2], [b1, b2], X, np.vstack([Y, Y]), 1.0, 10)
    with pytest.raises(ValueError, match="learning_rate"):
        nn.train_sigmoid_network([W1, W2], [b1, b2], X, Y, -1.0, 10)
    with pytest.raises(ValueError, match="epochs"):
        nn.train_sigmoid_network([W1, W2], [b1, b2], X, Y, 1.0, 0)
    with pytest.raises(ValueError, match="X contains NaN"):
        nn.train_sigmoid_network([W1, W2], [b1, b2], X * np.nan, Y, 1.0, 10)


@pytest.mark.parametrize(
    ("replace", "message"),
    [
        ({"W1": np.ones((3, 2), dtype=int)}, r"layer 1's W \(W1\) must be a NumPy array of floats"),
        ({"b2": [[0.0]]}, r"layer 2's b \(b2\) must be a NumPy array of floats.*got list"),
        ({"W2": np.ones((1, 3), dtype=np.float32)}, r"W2\) must be .*got an array of float32"),
        ({"W2": np.full((1, 3), np.nan)}, r"layer 2's W \(W2\) contains NaN or infinite"),
        ({"b1": np.full((3, 1), np.inf)}, r"layer 1's b \(b1\) contains NaN or infinite"),
    ],
)
def test_train_sigmoid_network_refuses_parameters_it_cannot_update_in_place(replace, message):
    X, Y = nn.xor_gate()
    params = {"W1": np.ones((3, 2)), "b1": np.zeros((3, 1))}
    params |= {"W2": np.ones((1, 3)), "b2": np.zeros((1, 1))}
    params |= replace
    weights, biases = [params["W1"], params["W2"]], [params["b1"], params["b2"]]
    with pytest.raises(ValueError, match=message):
        nn.train_sigmoid_network(weights, biases, X, Y, 1.0, 10)


# ---------------------------------------------------------------------------
# Bad input to train
# ---------------------------------------------------------------------------


def _train_xor(X=None, Y=None, learning_rate=1.0, epochs=2, sizes=(2, 3, 1)):
    X0, Y0 = nn.xor_gate()
    X = X0 if X is None else X
    Y = Y0 if Y is None else Y
    return nn.train(small_sigmoid_net(sizes), X, Y, learning_rate, epochs)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"Y": np.zeros((1, 3))}, "same number of examples .*X has 4, Y has 3"),
        ({"X": np.zeros(4)}, r"X must be a 2-D array .*got shape \(4,\)"),
        ({"Y": np.zeros(4)}, r"Y must be a 2-D array .*got shape \(4,\)"),
        ({"X": np.zeros((3, 4))}, "the first layer expects 2 features but X has 3 rows"),
        ({"Y": np.zeros((2, 4))}, "the last layer has 1 outputs but Y has 2 rows"),
        ({"X": np.array([[0, 1, np.nan, 1], [0, 0, 1, 1]])}, "X contains NaN or infinite"),
        ({"X": np.array([[0, 1, np.inf, 1], [0, 0, 1, 1]])}, "X contains NaN or infinite"),
        ({"Y": np.array([[0, 1, 1, -np.inf]])}, "Y contains NaN or infinite"),
    ],
)
def test_train_refuses_bad_data(kwargs, message):
    with pytest.raises(ValueError, match=message):
        _train_xor(**kwargs)


@pytest.mark.parametrize("learning_rate", [0, 0.0, -0.1, math.nan, math.inf, "0.1", True, None])
def test_train_refuses_bad_learning_rates(learning_rate):
    with pytest.raises(ValueError, match="learning_rate must be a"):
        _train_xor(learning_rate=learning_rate)


@pytest.mark.parametrize(
    ("value", "minimum", "message"),
    [
        (0, 1, "count must be a whole number >= 1, got 0"),
        (-1, 0, "count must be a whole number >= 0, got -1"),
        (2.0, 1, "count must be a whole number >= 1, got 2.0"),
        (True, 0, "count must be a whole number >= 0, got True"),
        (np.bool_(True), 0, "count must be a whole number >= 0, got np.True_"),
        ("3", 1, "count must be a whole number >= 1, got '3'"),
        (None, 1, "count must be a whole number >= 1, got None"),
    ],
)
def test_check_whole_number_refuses(value, minimum, message):
    with pytest.raises(ValueError, match=f"^{message}$"):
        nn._check_whole_number(value, "count", minimum=minimum)


def test_check_whole_number_returns_a_python_int():
    assert nn._check_whole_number(np.int64(3), "count") == 3
    assert type(nn._check_whole_number(np.int64(3), "count")) is int
    assert nn._check_whole_number(0, "seed", minimum=0) == 0


@pytest.mark.parametrize("epochs", [0, -1, 2.5, 2.0, True, "3"])
def test_train_refuses_bad_epochs(epochs):
    with pytest.raises(ValueError, match="epochs must be a whole number >= 1"):
        _train_xor(epochs=epochs)


def test_train_accepts_numpy_numbers():
    assert _train_xor(learning_rate=np.float32(0.5), epochs=np.int64(3)).shape == (3,)


@pytest.mark.parametrize("name", ["W", "b"])
@pytest.mark.parametrize("bad", [math.nan, math.inf])
@pytest.mark.parametrize("number", [1, 2])
def test_train_refuses_non_finite_parameters_before_training(number, bad, name):
    # Bad input, not divergence: the error names the array, not the learning rate.
    X, Y = nn.xor_gate()
    layers = small_sigmoid_net()
    getattr(layers[2 * (number - 1)], name)[0, 0] = bad
    with pytest.raises(ValueError, match=f"layer {number}'s {name} contains NaN or infinite"):
        nn.train(layers, X, Y, 1.0, 5)


def test_train_turns_whole_number_parameters_into_floats_on_the_layer():
    X, Y = nn.xor_gate()
    layers = small_sigmoid_net()
    expected = small_sigmoid_net()
    for layer, reference in zip(layers[::2], expected[::2], strict=True):
        W = np.arange(layer.W.size).reshape(layer.W.shape) % 3 - 1  # whole numbers
        layer.W, reference.W = W, W.astype(float)
        layer.b = [[1]] * layer.b.shape[0]  # a list, as a learner might type it
        reference.b = np.ones_like(reference.b)
    costs = nn.train(layers, X, Y, 0.5, 20)
    assert all(layer.W.dtype == layer.b.dtype == np.float64 for layer in layers[::2])
    assert np.array_equal(costs, nn.train(expected, X, Y, 0.5, 20))
    for layer, reference in zip(layers[::2], expected[::2], strict=True):
        assert np.array_equal(layer.W, reference.W) and np.array_equal(layer.b, reference.b)


def test_train_refuses_a_bias_of_the_wrong_shape():
    X, Y = nn.xor_gate()
    layers = small_sigmoid_net()
    layers[2].b = np.zeros((1, 4))
    with pytest.raises(ValueError, match=r"layer 2: .*got \(1, 3\) and \(1, 4\)"):
        nn.train(layers, X, Y, 1.0, 5)


def test_train_refuses_a_network_without_linear_layers():
    X, Y = nn.xor_gate()
    with pytest.raises(ValueError, match="no LinearLayer"):
        nn.train([nn.SigmoidLayer()], X, Y, 1.0, 1)


# ---------------------------------------------------------------------------
# Predictions and datasets
# ---------------------------------------------------------------------------


def test_predict_thresholds_the_output():
    layer = nn.LinearLayer(1, 1, RNG)
    layer.W = np.array([[1.0]])
    layers = [layer, nn.SigmoidLayer()]
    X = np.array([[-2.0, -0.1, 0.0, 0.1, 3.0]])
    assert np.array_equal(nn.predict(layers, X), [[0, 0, 1, 1, 1]])
    assert np.array_equal(nn.predict(layers, X, threshold=0.6), [[0, 0, 0, 0, 1]])
    assert nn.predict(layers, X).dtype.kind == "i"
    with pytest.raises(ValueError, match="X must be a 2-D array"):
        nn.predict(layers, np.zeros(3))


def test_accuracy():
    assert nn.accuracy([[1, 0, 1, 1]], [[1.0, 1.0, 1.0, 0.0]]) == 0.5
    assert nn.accuracy([[0, 1]], [[0, 1]]) == 1.0
    with pytest.raises(ValueError, match=r"same shape: \(1, 3\) vs \(1, 4\)"):
        nn.accuracy([[0, 1, 1]], [[0, 1, 1, 0]])


def test_accuracy_refuses_no_examples_and_nan():
    with pytest.raises(ValueError, match="at least one example"):
        nn.accuracy([], [])
    with pytest.raises(ValueError, match="at least one example"):
        nn.accuracy(np.zeros((1, 0)), np.zeros((1, 0)))
    with pytest.raises(ValueError, match="predictions contains NaN"):
        nn.accuracy([[math.nan, 1.0]], [[0.0, 1.0]])
    with pytest.raises(ValueError, match="Y contains NaN"):
        nn.accuracy([[0, 1]], [[0.0, math.nan]])


@pytest.mark.parametrize(
    ("threshold", "message"),
    [(math.nan, "threshold must be a finite number"), ("0.5", "threshold must be a number")],
)
def test_predict_refuses_a_bad_threshold(threshold, message):
    layers = small_sigmoid_net((2, 1))
    with pytest.raises(ValueError, match=message):
        nn.predict(layers, np.zeros((2, 3)), threshold=threshold)


def test_gate_datasets():
    X_or, Y_or = nn.or_gate()
    X_xor, Y_xor = nn.xor_gate()
    assert X_or.shape == X_xor.shape == (2, 4) and Y_or.shape == Y_xor.shape == (1, 4)
    x1, x2 = X_or
    assert np.array_equal(Y_or[0], np.logical_or(x1, x2).astype(float))
    assert np.array_equal(Y_xor[0], np.logical_xor(x1, x2).astype(float))
    assert np.array_equal(X_or, X_xor)
    assert {tuple(column) for column in X_or.T} == {(0, 0), (0, 1), (1, 0), (1, 1)}
    X_or[0, 0] = 99  # each call returns a fresh copy
    assert nn.or_gate()[0][0, 0] == 0


def test_add_cross_feature():
    X = np.array([[0.0, 1.0, 2.0, -1.5], [3.0, 1.0, -2.0, 2.0]])
    crossed = nn.add_cross_feature(X)
    assert crossed.shape == (3, 4)
    assert np.array_equal(crossed[:2], X)
    assert np.array_equal(crossed[2], [0.0, 1.0, -4.0, -3.0])


@pytest.mark.parametrize(
    ("X", "message"),
    [
        (np.zeros((3, 4)), r"expects X of shape \(2, m\), got \(3, 4\)"),
        (np.zeros(4), r"X must be a 2-D array .*got shape \(4,\)"),
        (np.array([[0.0, np.nan], [1.0, 1.0]]), "X contains NaN"),
    ],
)
def test_add_cross_feature_bad_input(X, message):
    with pytest.raises(ValueError, match=message):
        nn.add_cross_feature(X)


# ---------------------------------------------------------------------------
# Gradient checks
# ---------------------------------------------------------------------------


def test_numerical_gradient_of_a_cubic_and_theta_restored():
    theta = np.array([[1.0, -2.0], [0.5, 3.0]])
    before = theta.copy()
    grad = nn.numerical_gradient(lambda: float(np.sum(theta**3)), theta)
    assert np.allclose(grad, 3 * before**2, rtol=1e-8)
    assert np.array_equal(theta, before)


def test_numerical_gradient_restores_theta_when_f_raises():
    theta = np.array([1.0, 2.0])
    calls = []

    def f():
        calls.append(theta.copy())
        if len(calls) == 2:
            raise RuntimeError("f failed")
        return float(theta.sum())

    with pytest.raises(RuntimeError, match="f failed"):
        nn.numerical_gradient(f, theta)
    assert calls[1][0] != 1.0  # f did see a nudged theta …
    assert np.array_equal(theta, [1.0, 2.0])  # … and it was put back


@pytest.mark.parametrize(
    ("eps", "message"),
    [
        (0.0, "eps must be a finite number > 0, got 0.0"),
        (-1e-6, "eps must be a finite number > 0"),
        (math.nan, "eps must be a finite number, got nan"),
        (math.inf, "eps must be a finite number, got inf"),
        ("1e-6", "eps must be a number"),
    ],
)
def test_numerical_gradient_refuses_bad_eps(eps, message):
    theta = np.array([1.0])
    with pytest.raises(ValueError, match=message):
        nn.numerical_gradient(lambda: float(theta[0]), theta, eps=eps)


def test_numerical_gradient_refuses_non_float_theta():
    with pytest.raises(ValueError, match="theta must be a float NumPy array"):
        nn.numerical_gradient(lambda: 0.0, np.array([1, 2]))
    with pytest.raises(ValueError, match="theta must be a float NumPy array"):
        nn.numerical_gradient(lambda: 0.0, [1.0, 2.0])


def test_gradients_agree_and_compare_gradients(capsys):
    a = np.array([0.123456789, -2.5])
    assert nn.gradients_agree(a, a + 1e-10)
    assert not nn.gradients_agree(a, 1.01 * a)
    with pytest.raises(ValueError, match="same shape"):
        nn.gradients_agree(a, np.zeros(3))

    assert nn.compare_gradients("dW1", a, a + 1e-10) is True
    assert nn.compare_gradients("db1", a, 1.01 * a) is False
    first, second = capsys.readouterr().out.splitlines()
    assert "dW1" in first and "agree" in first and "DISAGREE" not in first
    assert "db1" in second and "DISAGREE" in second
    for line in (first, second):
        assert "(shape (2,))" in line
        assert "0.12" not in line and "2.5" not in line and "e-" not in line


# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------


def test_new_axes():
    fig, ax = nn.new_axes()
    assert isinstance(ax, matplotlib.axes.Axes) and ax.figure is fig
    fig, axes = nn.new_axes(ncols=2)
    assert axes.shape == (2,)
    assert fig.get_size_inches()[0] == pytest.approx(2 * nn.FIGSIZE[0])


def test_plot_learning_curve():
    costs = np.linspace(0.3, 0.01, 25)
    ax = nn.plot_learning_curve(costs, title="XOR")
    assert ax.get_title() == "XOR"
    assert ax.get_xlabel() == "epoch" and ax.get_ylabel() == "cost J"
    (line,) = ax.get_lines()
    assert len(line.get_xdata()) == 25 and np.array_equal(line.get_ydata(), costs)
    ax2 = nn.plot_learning_curve(costs, ax=ax, label="second")
    assert ax2 is ax and len(ax.get_lines()) == 2 and ax.get_legend() is not None
    with pytest.raises(ValueError, match="non-empty 1-D"):
        nn.plot_learning_curve([])


def test_plot_decision_boundary_draws_shading_contour_and_both_classes():
    X, Y = nn.xor_gate()
    layers = small_sigmoid_net(seed=0)
    nn.train(layers, X, Y, 1.0, 3000)
    ax = nn.plot_decision_boundary(
        lambda P: nn.forward(layers, P), X, Y, title="XOR", resolution=40
    )
    assert ax.get_title() == "XOR"
    from matplotlib.collections import PathCollection
    from matplotlib.contour import ContourSet

    contours = [c for c in ax.get_children() if isinstance(c, ContourSet)]
    assert len(contours) == 2  # the shading and the 0.5 line
    scatters = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(scatters) == 2
    assert [len(s.get_offsets()) for s in scatters] == [2, 2]
    colours = {tuple(s.get_facecolor()[0]) for s in scatters}
    assert len(colours) == 2
    paths = [s.get_paths()[0].vertices.tobytes() for s in scatters]
    assert paths[0] != paths[1]  # two different markers
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["class 0", "class 1"]


@pytest.mark.parametrize("plot", ["points", "boundary"])
@pytest.mark.parametrize("X", [np.zeros(4), np.zeros((2, 2, 1))])
def test_plots_refuse_x_that_is_not_a_matrix(plot, X):
    with pytest.raises(ValueError, match=r"X must be a 2-D array \(one example per column\)"):
        if plot == "points":
            nn.plot_points(X, np.zeros((1, 4)))
        else:
            nn.plot_decision_boundary(lambda P: np.zeros((1, P.shape[1])), X, np.zeros((1, 4)))


def test_plot_decision_boundary_refuses_wrong_shape_before_predicting():
    def never_called(P):
        raise AssertionError("predict_proba called on bad input")

    with pytest.raises(ValueError, match=r"X of shape \(2, m\), got \(3, 4\)"):
        nn.plot_decision_boundary(never_called, np.zeros((3, 4)), np.zeros((1, 4)))


def test_plot_points_refuses_wrong_shape():
    with pytest.raises(ValueError, match=r"X of shape \(2, m\), got \(3, 4\)"):
        nn.plot_points(np.zeros((3, 4)), np.zeros((1, 4)))
    with pytest.raises(ValueError, match=r"one label per column of X \(2, 4\), got Y \(1, 3\)"):
        nn.plot_points(np.zeros((2, 4)), np.zeros((1, 3)))


def test_render_png_returns_png_bytes_and_closes_the_figure():
    plt.close("all")
    fig, ax = nn.new_axes()
    ax.plot([0, 1], [1, 0])
    png = nn.render_png(fig)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert plt.get_fignums() == []


# ---------------------------------------------------------------------------
# Widgets
# ---------------------------------------------------------------------------


def test_slider_and_toggle_settings():
    lr = nn.log_slider("learning rate", 0.01, 100, 1.0)
    assert lr.continuous_update is False
    assert lr.style.description_width == "initial"
    assert lr.value == pytest.approx(1.0) and lr.min == pytest.approx(-2) and lr.max == 2
    assert lr.step == 0.25
    epochs = nn.int_slider("epochs", 1, 500, 100, step=10)
    assert epochs.continuous_update is False
    assert epochs.style.description_width == "initial"
    assert (epochs.min, epochs.max, epochs.value, epochs.step) == (1, 500, 100, 10)
    box = nn.toggle("bias", value=True)
    assert box.value is True and box.description == "bias"
    assert box.style.description_width == "initial"


@pytest.mark.parametrize(("low", "high"), [(0, 1), (-1, 1), (2, 1), (1, 1)])
def test_log_slider_refuses_non_positive_or_empty_ranges(low, high):
    with pytest.raises(ValueError, match="0 < min < max"):
        nn.log_slider("x", low, high, 0.5)


@pytest.mark.parametrize(
    ("value", "text"),
    [(True, "on"), (np.bool_(False), "off"), (100, "100"), (np.int64(7), "7"), (0.123456, "0.123")],
)
def test_format_setting(value, text):
    assert nn.format_setting(value) == text


def test_format_setting_more_floats():
    assert nn.format_setting(5.0) == "5"
    assert nn.format_setting(12345.0) == "1.23e+04"


def test_describe_settings():
    controls = {
        "learning_rate": nn.log_slider("learning rate", 0.01, 100, 5.0),
        "epochs": nn.int_slider("epochs", 1, 1000, 100),
    }
    text = nn.describe_settings(controls, {"learning_rate": 5.0, "epochs": 100})
    assert text == "learning rate = 5 · epochs = 100"


def test_interactive_figure_redraws_on_every_change():
    calls = []

    def toy_view(slope=1.0, points=5):
        calls.append((slope, points))
        fig, ax = nn.new_axes()
        x = np.arange(points)
        ax.plot(x, slope * x)
        return fig, f"last value = {slope * (points - 1):.3f}"

    slope = nn.log_slider("slope", 0.1, 10, 1.0)
    points = nn.int_slider("points", 2, 20, 5)
    box = nn.interactive_figure(toy_view, slope=slope, points=points)

    import ipywidgets as widgets

    assert isinstance(box, widgets.VBox)
    children = list(box.children)
    assert children[:2] == [slope, points]
    html = next(c for c in children if isinstance(c, widgets.HTML))
    image = next(c for c in children if isinstance(c, widgets.Image))
    assert calls == [(1.0, 5)]
    assert bytes(image.value).startswith(b"\x89PNG")
    assert "slope = 1 · points = 5" in html.value
    assert "last value = 4.000" in html.value
    assert plt.get_fignums() == []  # the view's figure was closed after rendering

    first_png = bytes(image.value)
    points.value = 11
    assert calls[-1] == (1.0, 11)
    assert "points = 11" in html.value and "last value = 10.000" in html.value
    assert bytes(image.value).startswith(b"\x89PNG") and bytes(image.value) != first_png

    slope.value = 10.0
    assert calls[-1] == (10.0, 11)
    assert "slope = 10 · points = 11" in html.value and "last value = 100.000" in html.value
    assert len(calls) == 3


def _counting_view(calls):
    def view(slope=1.0):
        calls.append(slope)
        fig, ax = nn.new_axes()
        ax.plot([0, 1], [0, slope])
        return fig, f"slope = {slope:.3f}"

    return view


def test_interactive_figure_shows_a_setting_seen_before_without_calling_the_view():
    import ipywidgets as widgets

    calls = []
    slope = nn.log_slider("slope", 0.1, 10, 1.0)
    box = nn.interactive_figure(_counting_view(calls), slope=slope)
    image = next(c for c in box.children if isinstance(c, widgets.Image))
    html = next(c for c in box.children if isinstance(c, widgets.HTML))
    first_png, first_text = bytes(image.value), html.value
    slope.value = 10.0
    assert calls == [1.0, 10.0]
    slope.value = 1.0
    assert calls == [1.0, 10.0]  # from the cache
    assert bytes(image.value) == first_png and html.value == first_text


def test_interactive_figure_forgets_the_least_recently_shown_setting(monkeypatch):
    monkeypatch.setattr(nn, "WIDGET_CACHE_SIZE", 2)
    calls = []
    slope = nn.log_slider("slope", 0.1, 10, 1.0)
    nn.interactive_figure(_counting_view(calls), slope=slope)
    slope.value = 10.0
    slope.value = 1.0  # cached: 1 becomes the most recently shown
    assert calls == [1.0, 10.0]
    slope.value = 0.1  # a third setting: 10, the least recently shown, is forgotten
    slope.value = 1.0  # still cached
    assert calls == [1.0, 10.0, 0.1]
    slope.value = 10.0  # forgotten: drawn again
    assert calls == [1.0, 10.0, 0.1, 10.0]


def test_interactive_figure_accepts_a_bare_figure_and_escapes_html():
    def view(flag=False):
        fig, _ = nn.new_axes()
        return fig

    box = nn.interactive_figure(view, flag=nn.toggle("a < b", False))
    import ipywidgets as widgets

    html = next(c for c in box.children if isinstance(c, widgets.HTML))
    assert html.value == "<pre>a &lt; b = off</pre>"


# ---------------------------------------------------------------------------
# Exercises
# ---------------------------------------------------------------------------

SCALAR_KEY = "test-nn-helpers-scalar"
ARRAY_KEY = "test-nn-helpers-array"
SCALAR_ANSWER = 0.7310585786300049  # σ(1), recomputed in the solve function below


@pytest.fixture
def exercises():
    """Register two temporary exercises and remove them afterwards."""

    @nn.exercise(SCALAR_KEY, "What is σ(1)?", hint="Use 1 / (1 + e^(-1)).")
    def solve_scalar():
        return float(nn.sigmoid(1.0))

    @nn.exercise(ARRAY_KEY, "What is σ'(z) for z = 0, 2?", hint="σ'(z) = σ(z)(1 − σ(z)).")
    def solve_array():
        return nn.sigmoid_derivative(np.array([[0.0, 2.0]]))

    yield solve_scalar, solve_array
    del nn.EXERCISES[SCALAR_KEY]
    del nn.EXERCISES[ARRAY_KEY]


def test_exercise_registers_and_returns_the_function(exercises):
    solve_scalar, _ = exercises
    assert nn.EXERCISES[SCALAR_KEY].solve is solve_scalar
    assert nn.EXERCISES[SCALAR_KEY].question == "What is σ(1)?"
    assert solve_scalar() == pytest.approx(SCALAR_ANSWER, rel=1e-14)


def test_registering_a_key_twice_is_refused(exercises):
    with pytest.raises(ValueError, match="registered twice"):
        nn.exercise(SCALAR_KEY, "again?", hint="")(lambda: 1.0)


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
        (0.5, "wrong"),
        (-0.731, "wrong"),
        ("abc", "wrong"),
        ({"a": 1}, "wrong"),
        (math.nan, "wrong"),
        (math.inf, "wrong"),
        ([0.731, 0.731], "wrong"),
    ],
)
def test_judge_scalar(exercises, answer, verdict):
    assert nn.judge(SCALAR_KEY, answer) == verdict


@pytest.mark.parametrize(
    ("answer", "verdict"),
    [
        ([[0.25, 0.105]], "right"),
        ([0.25, 0.105], "right"),  # typed flat, same numbers
        (np.array([[0.25, 0.105]]), "right"),
        ([[0.25, 0.11]], "close"),
        ([[0.25, 0.2]], "wrong"),
        ([[0.105, 0.25]], "wrong"),
        ([[0.25, 0.105, 0.0]], "wrong"),
        ([[0.25], [0.105], [0.0]], "wrong"),
        (0.25, "wrong"),
        ([["a", "b"]], "wrong"),
        ([[0.25, math.nan]], "wrong"),
    ],
)
def test_judge_array(exercises, answer, verdict):
    assert nn.judge(ARRAY_KEY, answer) == verdict


def test_judge_unknown_key():
    with pytest.raises(ValueError, match="no exercise called 'nope'"):
        nn.judge("nope", 1.0)


@pytest.mark.parametrize("answer", [..., 0.731, 0.73, 0.5, "abc"])
def test_check_prints_the_hint_but_never_the_answer(exercises, capsys, answer):
    assert nn.check(SCALAR_KEY, answer) is None
    out = capsys.readouterr().out
    verdict = nn.judge(SCALAR_KEY, answer)
    expected_start = {
        "unanswered": f"Exercise {SCALAR_KEY}: replace ... with your answer",
        "right": f"Exercise {SCALAR_KEY}: right!",
        "close": f"Exercise {SCALAR_KEY}: close. Keep every digit until the end",
        "wrong": f"Exercise {SCALAR_KEY}: not yet.",
    }[verdict]
    assert out.startswith(expected_start)
    if verdict in ("close", "wrong"):
        assert "Hint: Use 1 / (1 + e^(-1))." in out
    for digits in ("731", "7310", "0.73"):
        assert digits not in out


def test_check_never_prints_array_answers(exercises, capsys):
    nn.check(ARRAY_KEY, [[0.2, 0.1]])
    out = capsys.readouterr().out
    assert "not yet" in out and "Hint: σ'(z) = σ(z)(1 − σ(z))." in out
    assert "105" not in out and "0.25" not in out


def test_a_whole_number_answer_is_right_or_wrong_never_close():
    """A count (of parameters, of rows) is not rounded: off by one is wrong, not "close"."""
    key = "test-nn-helpers-count"
    nn.exercise(key, "How many parameters has a 2-3-1 network?", hint="Σ n_l (n_{l-1} + 1).")(
        lambda: nn.count_parameters([2, 3, 1])
    )
    try:
        assert nn.judge(key, 13) == "right"
        assert nn.judge(key, 12) == "wrong"
        assert nn.judge(key, 13.3) == "wrong"
    finally:
        del nn.EXERCISES[key]


def test_describe_progress_names_a_rise_and_a_stall_but_not_learning():
    learning = np.array([0.2, 0.15, 0.1, 0.05])
    assert nn.describe_progress(learning) is None
    rising = np.array([0.2, 0.3, 0.1, 0.0])
    assert nn.describe_progress(rising).startswith("unstable: the cost rose at epoch 1")
    # A wobble smaller than 1% of the starting cost is not a rise.
    assert nn.describe_progress(np.array([0.2, 0.1, 0.1015, 0.05])) is None
    stalled = np.array([0.2, 0.199, 0.195])
    assert nn.describe_progress(stalled).startswith("no progress")
    # A first small drop onto a plateau (XOR's ⅛) is still no progress ...
    plateau = np.array([0.132] + [0.125] * 99)
    assert nn.describe_progress(plateau).startswith("no progress")
    # ... but slow learning still under way is not.
    assert nn.describe_progress(np.linspace(0.089, 0.072, 5000)) is None
    assert nn.describe_progress(np.array([0.2])) is None  # one epoch says nothing
    with pytest.raises(ValueError, match="non-empty 1-D"):
        nn.describe_progress([])


@pytest.mark.parametrize(
    ("costs", "epoch"),
    [([0.2, math.nan], 1), ([0.2, 0.1, math.inf, math.nan], 2), ([math.nan], 0)],
)
def test_describe_progress_names_a_cost_that_is_no_longer_finite(costs, epoch):
    verdict = nn.describe_progress(costs)
    assert verdict.startswith(f"diverged: the cost is no longer a finite number from epoch {epoch}")
    _, ax = nn.new_axes()
    ax.set_title("Learning curve")
    assert nn.mark_progress(ax, costs) == verdict
    assert ax.get_title() == "Learning curve: diverged"


def test_mark_progress_names_the_verdict_in_the_title():
    _, ax = nn.new_axes()
    ax.set_title("Learning curve")
    assert nn.mark_progress(ax, [0.2, 0.3, 0.1]).startswith("unstable")
    assert ax.get_title() == "Learning curve: unstable"
    _, ax = nn.new_axes()
    ax.set_title("Learning curve")
    assert nn.mark_progress(ax, [0.2, 0.1]) is None
    assert ax.get_title() == "Learning curve"


# ---------------------------------------------------------------------------
# Every registered exercise (importing nn_helpers registers all of them)
# ---------------------------------------------------------------------------

LESSON_EXERCISES = sorted(nn.EXERCISES)


def test_every_lesson_registers_exercises():
    assert {key.split(".")[0] for key in LESSON_EXERCISES} >= {f"0{n}" for n in range(1, 8)}


@pytest.mark.parametrize("key", LESSON_EXERCISES)
def test_registered_exercise_solution_is_right_and_a_wrong_one_is_not(key, capsys):
    answer = nn.EXERCISES[key].solve()
    expected = np.asarray(answer, dtype=float)
    assert expected.size > 0 and np.isfinite(expected).all()
    assert nn.judge(key, answer) == "right"
    wrong = expected + 0.1
    assert nn.judge(key, wrong) != "right"
    nn.check(key, wrong)
    out = capsys.readouterr().out
    assert out.startswith(f"Exercise {key}: not yet. Hint: ")
    for value in expected.ravel():
        assert f"{value:.3f}" not in out
    nn.check(key, ...)
    assert capsys.readouterr().out == (
        f"Exercise {key}: replace ... with your answer and run this cell again.\n"
    )


def test_the_expected_answer_is_computed_once():
    key = "test-nn-helpers-cached"
    calls = []

    @nn.exercise(key, "What is 0.25 + 0.5?", hint="Add them.")
    def solve():
        calls.append(1)
        return 0.75

    try:
        assert nn.judge(key, 0.75) == "right"
        assert nn.judge(key, 0.7) == "wrong"
        nn.check(key, 0.75)
        assert calls == [1]
        assert not nn.EXERCISES[key].expected.flags.writeable
    finally:
        del nn.EXERCISES[key]


def _shaded_classes(ax):
    """Which of the two classes the decision-boundary shading covers anywhere."""
    filled = next(c for c in ax.collections if getattr(c, "filled", False))
    return [any(len(polygon) for polygon in polygons) for polygons in filled.allsegs]


def test_decision_boundary_rounds_only_a_model_whose_outputs_all_print_alike():
    X, Y = nn.xor_gate()
    rng = np.random.default_rng(0)

    def stuck(P):  # ½ ± rounding noise: every output prints 0.500
        return 0.5 + 1e-16 * rng.standard_normal((1, P.shape[1]))

    _, ax = nn.new_axes()
    nn.plot_decision_boundary(stuck, X, Y, ax=ax, decimals=3)
    assert _shaded_classes(ax) == [False, True]  # one colour: the tie, class 1
    _, ax = nn.new_axes()
    nn.plot_decision_boundary(stuck, X, Y, ax=ax)
    assert _shaded_classes(ax) == [True, True]  # without rounding: noise decides

    def gentle_slope(P):  # outputs 0.498 … 0.502: a plateau, but they print differently
        return 0.5 + 0.002 * (P[0:1] - 0.5)

    _, ax = nn.new_axes()
    nn.plot_decision_boundary(gentle_slope, X, Y, ax=ax, decimals=3)
    # Shaded by the exact outputs, so the shading edge is the drawn contour x1 = 0.5.
    assert _shaded_classes(ax) == [True, True]
    line = next(c for c in ax.collections if not getattr(c, "filled", True))
    assert np.allclose(line.allsegs[0][0][:, 0], 0.5, atol=0.02)
    filled = next(c for c in ax.collections if getattr(c, "filled", False))
    class_0_right_edge = max(polygon[:, 0].max() for polygon in filled.allsegs[0])
    assert class_0_right_edge == pytest.approx(0.5, abs=0.02)
