"""The math core of nn_helpers: activations, costs, layers, networks, training, gradient checks.

Every value is checked against a case worked by hand or a second, plain
computation written here, and every analytic gradient against finite
differences.  Training is held to a plain NumPy loop bit for bit.  Warnings
are errors: no helper may print a warning to the learner.
"""

import math

import numpy as np
import plain_numpy as plain
import pytest

import nn_helpers as nn

pytestmark = pytest.mark.filterwarnings("error")


def textbook_sigmoid(z):
    """1 / (1 + e^(−z)), for comparison on moderate z."""
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))


def network(sizes=(2, 3, 1), seed=0, **kwargs):
    return nn.build_network(list(sizes), np.random.default_rng(seed), **kwargs)


def finite_difference(f, x, h=1e-6):
    """(f(x + h) − f(x − h)) / 2h, entry by entry, without nn_helpers."""
    return (f(x + h) - f(x - h)) / (2 * h)


# --- activations ------------------------------------------------------------------------


def test_sigmoid_is_the_textbook_formula():
    z = np.array([-5.0, -1.0, -0.3, 0.0, 0.7, 2.0, 6.0])
    np.testing.assert_allclose(nn.sigmoid(z), [1 / (1 + math.exp(-v)) for v in z], rtol=1e-14)
    assert nn.sigmoid(0.0) == 0.5
    assert nn.sigmoid([[1.0, -1.0]]).shape == (1, 2)


def test_sigmoid_derivative_is_s_times_one_minus_s_and_the_finite_difference():
    z = np.array([-4.0, -1.0, 0.0, 0.5, 3.0])
    s = textbook_sigmoid(z)
    np.testing.assert_allclose(nn.sigmoid_derivative(z), s * (1 - s), rtol=1e-12)
    np.testing.assert_allclose(
        nn.sigmoid_derivative(z), finite_difference(nn.sigmoid, z), rtol=1e-7, atol=1e-10
    )


@pytest.mark.parametrize("z", [1e3, -1e3, 1e308, -1e308, np.inf, -np.inf])
def test_sigmoid_saturates_without_a_warning(z):
    assert nn.sigmoid(z) == (1.0 if z > 0 else 0.0)
    assert nn.sigmoid_derivative(z) == 0.0


def test_sigmoid_of_huge_arrays_is_finite_and_in_range():
    z = np.random.default_rng(0).standard_normal((200, 300)) * 1e306
    s, ds = nn.sigmoid(z), nn.sigmoid_derivative(z)
    assert ((s >= 0) & (s <= 1)).all() and ((ds >= 0) & (ds <= 0.25)).all()


def test_leaky_relu_and_its_derivative_by_hand_and_by_finite_differences():
    z = np.array([-2.0, -0.5, 0.0, 0.5, 3.0])
    np.testing.assert_allclose(nn.leaky_relu(z), [-0.2, -0.05, 0.0, 0.5, 3.0])
    np.testing.assert_array_equal(nn.leaky_relu_derivative(z), [0.1, 0.1, 0.1, 1.0, 1.0])
    np.testing.assert_allclose(nn.leaky_relu(z, leak=0.01), [-0.02, -0.005, 0.0, 0.5, 3.0])
    away_from_the_kink = np.array([-3.0, -0.4, 0.3, 2.0])
    np.testing.assert_allclose(
        nn.leaky_relu_derivative(away_from_the_kink, 0.2),
        finite_difference(lambda v: nn.leaky_relu(v, 0.2), away_from_the_kink),
        rtol=1e-8,
    )


# --- costs --------------------------------------------------------------------------------


def test_squared_error_loss_by_hand():
    assert nn.squared_error_loss(1.0, 0.6) == pytest.approx(0.5 * 0.4**2)
    np.testing.assert_allclose(nn.squared_error_loss([0.0, 1.0], [0.5, 0.0]), [0.125, 0.5])


def test_squared_error_cost_on_a_one_by_four_case_by_hand():
    cost, dY_hat = nn.squared_error_cost([[0.0, 1.0, 1.0, 0.0]], [[0.5, 0.5, 0.75, 0.25]])
    assert cost == 0.078125  # (0.25 + 0.25 + 0.0625 + 0.0625) / (2 · 4), exact in binary
    assert isinstance(cost, float)
    np.testing.assert_array_equal(dY_hat, [[0.125, -0.125, -0.0625, 0.0625]])  # (Ŷ − Y)/4


def test_cross_entropy_cost_by_hand_and_its_gradient_by_finite_differences():
    cost, _ = nn.cross_entropy_cost([[1.0, 0.0]], [[0.8, 0.4]])
    assert cost == pytest.approx(-(math.log(0.8) + math.log(0.6)) / 2, rel=1e-12)
    Y = np.array([[1.0, 0.0, 1.0, 0.0, 1.0]])
    Y_hat = np.random.default_rng(3).uniform(0.1, 0.9, size=(1, 5))
    _, dY_hat = nn.cross_entropy_cost(Y, Y_hat)
    numeric = nn.numerical_gradient(lambda: nn.cross_entropy_cost(Y, Y_hat)[0], Y_hat)
    np.testing.assert_allclose(dY_hat, numeric, rtol=1e-6)


def test_cross_entropy_through_a_sigmoid_gives_dZ_equal_to_the_error_over_m():
    X, Y = nn.xor_gate()
    Z = nn.forward(nn.xor_network(0)[:3], X)
    sigmoid_layer = nn.SigmoidLayer()
    Y_hat = sigmoid_layer.forward(Z)
    dZ = sigmoid_layer.backward(nn.cross_entropy_cost(Y, Y_hat)[1])
    np.testing.assert_allclose(dZ, (Y_hat - Y) / 4, rtol=1e-9)
    numeric = nn.numerical_gradient(lambda: nn.cross_entropy_cost(Y, nn.sigmoid(Z))[0], Z)
    np.testing.assert_allclose(dZ, numeric, rtol=1e-5, atol=1e-9)


def test_cross_entropy_of_saturated_outputs_is_large_but_finite():
    cost, dY_hat = nn.cross_entropy_cost([[1.0, 0.0, 1.0, 0.0]], [[0.0, 1.0, 1.0, 0.0]])
    assert 10 < cost < math.inf and np.isfinite(dY_hat).all()
    assert dY_hat[0, 0] < 0 < dY_hat[0, 1]  # pushes each wrong output towards its label


@pytest.mark.parametrize("cost_function", [nn.squared_error_cost, nn.cross_entropy_cost])
def test_a_nan_output_gives_a_nan_cost_without_a_warning(cost_function):
    """How a diverged run shows: the cost is NaN (train then raises DivergenceError)."""
    cost, _ = cost_function([[1.0, 0.0]], [[math.nan, 0.5]])
    assert math.isnan(cost)


# --- layers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("init", "std"), [("small", 0.01), ("xavier", math.sqrt(1 / 400)), ("he", math.sqrt(2 / 400))]
)
def test_linear_layer_draws_each_init_at_its_scale(init, std):
    layer = nn.LinearLayer(400, 300, np.random.default_rng(1), init=init)
    assert layer.W.shape == (300, 400) and layer.b.shape == (300, 1) and not layer.b.any()
    assert layer.W.std() == pytest.approx(std, rel=0.02)
    assert abs(layer.W.mean()) < 0.05 * std
    assert (layer.n_in, layer.n_out) == (400, 300)
    scaled = nn.LinearLayer(200, 200, np.random.default_rng(1), init="small", scale=0.5)
    assert scaled.W.std() == pytest.approx(0.5, rel=0.02)


def test_linear_layer_weights_come_from_the_generator_only():
    first, again, other = (nn.LinearLayer(3, 2, np.random.default_rng(s)) for s in (7, 7, 8))
    np.testing.assert_array_equal(first.W, again.W)
    assert not np.allclose(first.W, other.W)
    np.testing.assert_array_equal(
        first.W, np.random.default_rng(7).standard_normal((2, 3)) * math.sqrt(1 / 3)
    )


def test_linear_layer_forward_backward_and_update_by_hand():
    layer = nn.LinearLayer.from_weights([[1.0, -1.0]], [[0.5]])
    Z = layer.forward(np.array([[1.0, 2.0], [3.0, -1.0]]))
    np.testing.assert_array_equal(Z, [[1 - 3 + 0.5, 2 + 1 + 0.5]])
    dA_prev = layer.backward(np.array([[0.5, -1.0]]))
    # dW = dZ·A_prevᵀ = [0.5·1 − 1·2, 0.5·3 − 1·(−1)]; db = 0.5 − 1; dA_prev = Wᵀ·dZ
    np.testing.assert_array_equal(layer.dW, [[-1.5, 2.5]])
    np.testing.assert_array_equal(layer.db, [[-0.5]])
    np.testing.assert_array_equal(dA_prev, [[0.5, -1.0], [-0.5, 1.0]])
    layer.update_params(0.1)
    np.testing.assert_allclose(layer.W, [[1.15, -1.25]])
    np.testing.assert_allclose(layer.b, [[0.55]])


def _layer_gradients(layer, A_prev, rng):
    """(analytic, finite-difference) gradients of sum(R · layer.forward(A_prev)) by name."""
    R = rng.standard_normal(layer.forward(A_prev).shape)
    dA_prev = layer.backward(R)

    def f():
        return float(np.sum(R * layer.forward(A_prev)))

    results = {"A_prev": (dA_prev, nn.numerical_gradient(f, A_prev))}
    for name, param in layer.params().items():
        results[name] = (layer.grads()[name].copy(), nn.numerical_gradient(f, param))
    return results


@pytest.mark.parametrize(
    "make_layer",
    [
        lambda rng: nn.LinearLayer.from_weights(rng.standard_normal((2, 3)), rng.normal(size=2)),
        lambda rng: nn.LinearLayer.from_weights(rng.standard_normal((2, 3))),  # no bias
        lambda rng: nn.SigmoidLayer(),
        lambda rng: nn.LeakyReLULayer(),
        lambda rng: nn.LeakyReLULayer(0.3),
    ],
    ids=["linear", "linear-no-bias", "sigmoid", "leaky-relu", "leaky-relu-0.3"],
)
def test_every_layer_backward_agrees_with_finite_differences(make_layer):
    rng = np.random.default_rng(6)
    layer = make_layer(rng)
    A_prev = rng.standard_normal((3, 5)) * 2
    A_prev[np.abs(A_prev) < 1e-3] = 0.5  # away from the leaky-ReLU kink
    results = _layer_gradients(layer, A_prev, rng)
    assert set(results) == {"A_prev"} | set(layer.params())
    for name, (analytic, numeric) in results.items():
        np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-8, err_msg=name)


def test_from_weights_copies_its_arrays_and_shapes_b_as_a_column():
    W = np.ones((2, 3))
    layer = nn.LinearLayer.from_weights(W, [1.0, 2.0])
    W[0, 0] = 99.0
    assert layer.W[0, 0] == 1.0 and layer.b.shape == (2, 1)
    assert repr(layer) == "LinearLayer(n_in=3, n_out=2)"
    assert "no bias" in repr(nn.LinearLayer.from_weights(W))


def test_a_layer_without_a_bias_never_grows_one():
    """b=None: the boundary stays through the origin, whatever train does (lesson 02's neuron)."""
    X, Y = nn.or_gate()
    layers = [nn.LinearLayer.from_weights([[0.1, 0.6]]), nn.SigmoidLayer()]
    costs = nn.train(layers, X, Y, learning_rate=1.0, epochs=200)
    assert costs[-1] < costs[0] and not np.array_equal(layers[0].W, [[0.1, 0.6]])
    assert layers[0].b is None and layers[0].db is None
    assert list(layers[0].params()) == list(layers[0].grads()) == ["W"]
    assert nn.forward(layers, np.zeros((2, 1)))[0, 0] == 0.5  # σ(0): tied to the origin
    assert nn.check_network_gradients(layers, X, Y, verbose=False)


def test_activation_layers_have_nothing_to_train():
    for layer in (nn.SigmoidLayer(), nn.LeakyReLULayer()):
        assert layer.params() == {} and layer.grads() == {}
        layer.update_params(1.0)
    np.testing.assert_array_equal(nn.LeakyReLULayer(0).forward(np.array([[-1.0, 2.0]])), [[0, 2]])


# --- networks -----------------------------------------------------------------------------------


def test_build_network_alternates_linear_and_activation_layers_and_ends_in_a_sigmoid():
    layers = network((5, 3, 5, 4), hidden_activation="leaky_relu")
    kinds = [type(layer).__name__ for layer in layers]
    assert kinds == ["LinearLayer", "LeakyReLULayer"] * 2 + ["LinearLayer", "SigmoidLayer"]
    assert [layer.W.shape for layer in layers[::2]] == [(3, 5), (5, 3), (4, 5)]
    assert all(isinstance(layer, nn.SigmoidLayer) for layer in network()[1::2])


def test_count_parameters_by_hand_and_from_the_layers():
    assert nn.count_parameters([5, 3, 5, 4]) == 3 * (5 + 1) + 5 * (3 + 1) + 4 * (5 + 1) == 62
    assert nn.count_parameters((2, np.int64(3), 1)) == 13
    layers = network((5, 3, 5, 4))
    assert sum(p.size for layer in layers for p in layer.params().values()) == 62


def test_forward_is_the_formula_and_backward_its_finite_difference():
    rng = np.random.default_rng(2)
    layers = network(seed=2)
    X = rng.standard_normal((2, 4))
    W1, b1, W2, b2 = layers[0].W, layers[0].b, layers[2].W, layers[2].b
    expected = textbook_sigmoid(W2 @ textbook_sigmoid(W1 @ X + b1) + b2)
    np.testing.assert_allclose(nn.forward(layers, X), expected, rtol=1e-12)
    dY_hat = rng.standard_normal((1, 4))
    dX = nn.backward(layers, dY_hat)
    numeric = nn.numerical_gradient(lambda: float(np.sum(dY_hat * nn.forward(layers, X))), X)
    np.testing.assert_allclose(dX, numeric, rtol=1e-5, atol=1e-9)


@pytest.mark.parametrize("hidden_activation", ["sigmoid", "leaky_relu"])
@pytest.mark.parametrize("cost_function", [nn.squared_error_cost, nn.cross_entropy_cost])
def test_check_network_gradients_passes_correct_backprop(hidden_activation, cost_function, capsys):
    X, Y = nn.xor_gate()
    layers = network((2, 4, 3, 1), seed=4, hidden_activation=hidden_activation)
    rng = np.random.default_rng(4)
    for layer in layers[::2]:  # with b = 0, XOR's (0, 0) puts every Z on the leaky-ReLU kink
        layer.b = rng.standard_normal(layer.b.shape)
    assert nn.check_network_gradients(layers, X, Y, cost_function=cost_function)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["dW1", "db1", "dW2", "db2", "dW3", "db3"]
    assert all(" agree " in line for line in lines)


def test_check_network_gradients_catches_a_broken_backward(monkeypatch, capsys):
    X, Y = nn.xor_gate()
    layers = network(seed=1)
    output_linear = layers[2]
    correct_backward = output_linear.backward
    monkeypatch.setattr(output_linear, "backward", lambda dZ: correct_backward(2 * dZ))
    assert nn.check_network_gradients(layers, X, Y) is False
    assert "DISAGREE" in capsys.readouterr().out
    assert nn.check_network_gradients(layers, X, Y, verbose=False) is False
    assert capsys.readouterr().out == ""
    numeric = nn.numerical_gradient(lambda: nn.network_cost(layers, X, Y), output_linear.W)
    assert not nn.gradients_agree(output_linear.dW, numeric)
    assert nn.gradients_agree(output_linear.dW / 2, numeric)


def test_network_cost_is_the_cost_of_forward_and_leaves_the_gradients_alone():
    X, Y = nn.xor_gate()
    layers = network()
    assert nn.network_cost(layers, X, Y) == nn.squared_error_cost(Y, nn.forward(layers, X))[0]
    assert layers[0].dW is None


def test_predict_thresholds_the_output_and_accuracy_counts_matches():
    layers = [nn.LinearLayer.from_weights([[1.0]], [[0.0]]), nn.SigmoidLayer()]
    X = np.array([[-2.0, -0.1, 0.0, 0.1, 3.0]])
    np.testing.assert_array_equal(nn.predict(layers, X), [[0, 0, 1, 1, 1]])
    np.testing.assert_array_equal(nn.predict(layers, X, threshold=0.6), [[0, 0, 0, 0, 1]])
    assert nn.predict(layers, X).dtype.kind == "i"
    assert nn.accuracy([[1, 0, 1, 1]], [[1.0, 1.0, 1.0, 0.0]]) == 0.5


# --- training -------------------------------------------------------------------------------------


@pytest.mark.parametrize("sizes", [(2, 1), (2, 3, 1), (2, 4, 3, 1)])
@pytest.mark.parametrize("learning_rate", [0.1, 2.0])
@pytest.mark.parametrize("cross_entropy", [False, True], ids=["squared", "cross-entropy"])
def test_train_gives_the_numbers_of_a_plain_numpy_loop_to_the_last_bit(
    sizes, learning_rate, cross_entropy
):
    X, Y = nn.xor_gate()
    layers = network(sizes, seed=5)
    rng = np.random.default_rng(5)
    for layer in layers[::2]:
        layer.b = rng.normal(size=layer.b.shape)  # non-zero biases, so b is really exercised
    Ws, bs = [layer.W.copy() for layer in layers[::2]], [layer.b.copy() for layer in layers[::2]]
    cost = nn.cross_entropy_cost if cross_entropy else nn.squared_error_cost
    costs = nn.train(layers, X, Y, learning_rate, 300, cost_function=cost)
    plain_costs, plain_Ws, plain_bs = plain.descend(Ws, bs, X, Y, learning_rate, 300, cross_entropy)
    np.testing.assert_array_equal(costs, plain_costs)
    for layer, W, b in zip(layers[::2], plain_Ws, plain_bs, strict=True):
        np.testing.assert_array_equal(layer.W, W)
        np.testing.assert_array_equal(layer.b, b)


def test_train_records_the_cost_after_every_number_of_updates():
    """costs[k] is the cost after k updates: the start, then one more after each update."""
    X, Y = nn.xor_gate()
    layers = network()
    before = nn.network_cost(layers, X, Y)
    costs = nn.train(layers, X, Y, learning_rate=0.5, epochs=7)
    assert costs.shape == (8,) and costs[0] == before
    assert nn.network_cost(layers, X, Y) == costs[-1]  # the trained network's cost
    again = network()
    assert nn.train(again, X, Y, learning_rate=0.5, epochs=3)[-1] == costs[3]


def test_a_2_3_1_network_learns_xor_and_one_neuron_learns_or():
    X, Y = nn.xor_gate()
    layers = network(seed=0)
    costs = nn.train(layers, X, Y, learning_rate=1.0, epochs=5000)
    assert nn.accuracy(nn.predict(layers, X), Y) == 1.0 and costs[-1] < 0.01 < costs[0]
    X, Y = nn.or_gate()
    neuron = network((2, 1))
    costs = nn.train(neuron, X, Y, learning_rate=1.0, epochs=2000)
    assert nn.accuracy(nn.predict(neuron, X), Y) == 1.0
    assert np.all(np.diff(costs) < 0)  # a small enough step lowers the cost every epoch


def test_train_makes_whole_number_parameters_floats_on_the_layer():
    X, Y = nn.xor_gate()
    layers, expected = network(), network()
    for layer, reference in zip(layers[::2], expected[::2], strict=True):
        W = np.arange(layer.W.size).reshape(layer.W.shape) % 3 - 1  # whole numbers
        layer.W, reference.W = W, W.astype(float)
        layer.b = [[1]] * layer.b.shape[0]  # a list, as a learner might type it
        reference.b = np.ones_like(reference.b)
    np.testing.assert_array_equal(
        nn.train(layers, X, Y, 0.5, 20), nn.train(expected, X, Y, 0.5, 20)
    )
    assert all(layer.W.dtype == layer.b.dtype == np.float64 for layer in layers[::2])


def test_divergence_from_a_custom_cost_names_the_epoch():
    X, Y = nn.or_gate()
    calls = []

    def cost_that_blows_up(Y, Y_hat):
        calls.append(1)
        cost, grad = nn.squared_error_cost(Y, Y_hat)
        return (math.inf if len(calls) > 3 else cost), grad

    with pytest.raises(nn.DivergenceError, match="epoch 3") as caught:
        nn.train(network((2, 1)), X, Y, 0.5, 10, cost_function=cost_that_blows_up)
    assert isinstance(caught.value, ArithmeticError) and caught.value.epoch == 3
    assert caught.value.costs.shape == (3,) and np.isfinite(caught.value.costs).all()


def test_a_linear_output_with_a_huge_learning_rate_diverges_without_a_warning():
    X, Y = nn.or_gate()
    rng = np.random.default_rng(0)
    layers = [nn.LinearLayer(2, 3, rng), nn.LeakyReLULayer(), nn.LinearLayer(3, 1, rng)]
    with pytest.raises(nn.DivergenceError) as caught:
        nn.train(layers, 10 * X, Y, learning_rate=10.0, epochs=1000)
    error = caught.value
    assert 0 < error.epoch < 1000 and "learning rate" in str(error)
    assert len(error.costs) == error.epoch and np.all(np.diff(error.costs) > 0)


@pytest.mark.parametrize("cross_entropy", [False, True], ids=["squared", "cross-entropy"])
def test_train_per_example_gives_the_numbers_of_a_plain_numpy_loop_to_the_last_bit(cross_entropy):
    X, Y = nn.xor_gate()
    layers = network((2, 4, 1), seed=8)
    Ws, bs = [layer.W.copy() for layer in layers[::2]], [layer.b.copy() for layer in layers[::2]]
    cost = nn.cross_entropy_cost if cross_entropy else nn.squared_error_cost
    costs = nn.train_per_example(layers, X, Y, 0.7, 100, cost_function=cost)
    expected = plain.descend(Ws, bs, X, Y, 0.7, 100, cross_entropy, per_example=True)
    np.testing.assert_array_equal(costs, expected[0])
    for layer, W, b in zip(layers[::2], *expected[1:], strict=True):
        np.testing.assert_array_equal(layer.W, W)
        np.testing.assert_array_equal(layer.b, b)


def test_train_per_example_on_one_example_is_full_batch_training():
    X, Y = nn.xor_gate()
    x, y = X[:, 1:2], Y[:, 1:2]
    a, b = nn.xor_network(0), nn.xor_network(0)
    np.testing.assert_array_equal(
        nn.train_per_example(a, x, y, 1.0, 20), nn.train(b, x, y, 1.0, 20)
    )
    np.testing.assert_array_equal(a[0].W, b[0].W)


def test_train_per_example_takes_m_single_example_steps_in_column_order():
    """Each step θ ← θ − α ∂L_i/∂θ, the gradient here by finite differences."""
    X, Y = nn.xor_gate()
    layers = nn.xor_network(2)
    costs = nn.train_per_example(layers, X, Y, 0.7, epochs=1)
    expected = nn.xor_network(2)
    assert costs[0] == nn.network_cost(expected, X, Y)
    params = [param for layer in expected for param in layer.params().values()]
    for j in range(4):
        x, y = X[:, j : j + 1], Y[:, j : j + 1]

        def loss(x=x, y=y):
            return nn.network_cost(expected, x, y)

        steps = [nn.numerical_gradient(loss, p) for p in params]
        for param, gradient in zip(params, steps, strict=True):
            param -= 0.7 * gradient
    trained = [param for layer in layers for param in layer.params().values()]
    for param, by_hand in zip(trained, params, strict=True):
        np.testing.assert_allclose(param, by_hand, rtol=1e-6, atol=1e-9)


def test_train_per_example_records_the_full_cost_at_the_start_of_each_epoch():
    X, Y = nn.xor_gate()
    costs = nn.train_per_example(nn.xor_network(0), X, Y, 1.0, 5)
    again = nn.xor_network(0)
    nn.train_per_example(again, X, Y, 1.0, 4)
    assert costs[4] == nn.network_cost(again, X, Y)
    entropy = nn.train_per_example(
        nn.xor_network(0), X, Y, 1.0, 3, cost_function=nn.cross_entropy_cost
    )
    assert entropy[0] == nn.network_cost(nn.xor_network(0), X, Y, nn.cross_entropy_cost)


def test_train_per_example_shuffles_only_with_a_generator_and_reproducibly():
    X, Y = nn.xor_gate()
    in_order = nn.train_per_example(nn.xor_network(0), X, Y, 1.0, 30)
    shuffled, again = (
        nn.train_per_example(nn.xor_network(0), X, Y, 1.0, 30, rng=np.random.default_rng(5))
        for _ in range(2)
    )
    np.testing.assert_array_equal(shuffled, again)
    assert not np.array_equal(in_order, shuffled)


# --- gradient checks ----------------------------------------------------------------------------


def test_numerical_gradient_of_a_cubic_and_theta_restored():
    theta = np.array([[1.0, -2.0], [0.5, 3.0]])
    before = theta.copy()
    grad = nn.numerical_gradient(lambda: float(np.sum(theta**3)), theta)
    np.testing.assert_allclose(grad, 3 * before**2, rtol=1e-8)
    np.testing.assert_array_equal(theta, before)


def test_numerical_gradient_restores_theta_when_f_raises():
    theta = np.array([1.0, 2.0])
    seen = []

    def f():
        seen.append(theta.copy())
        if len(seen) == 2:
            raise RuntimeError("f failed")
        return float(theta.sum())

    with pytest.raises(RuntimeError, match="f failed"):
        nn.numerical_gradient(f, theta)
    assert seen[1][0] != 1.0  # f saw a nudged theta …
    np.testing.assert_array_equal(theta, [1.0, 2.0])  # … and it was put back


def test_gradients_agree_and_compare_gradients_print_no_digits(capsys):
    a = np.array([0.123456789, -2.5])
    assert nn.gradients_agree(a, a + 1e-10) and not nn.gradients_agree(a, 1.01 * a)
    assert nn.compare_gradients("dW1", a, a + 1e-10) is True
    assert nn.compare_gradients("db1", a, 1.01 * a) is False
    first, second = capsys.readouterr().out.splitlines()
    assert "dW1" in first and " agree " in first
    assert "db1" in second and "DISAGREE" in second
    for line in (first, second):
        assert "(shape (2,))" in line and "0.12" not in line and "2.5" not in line


# --- datasets -----------------------------------------------------------------------------------


def test_gate_datasets_are_the_truth_tables_and_fresh_copies():
    X_or, Y_or = nn.or_gate()
    X_xor, Y_xor = nn.xor_gate()
    np.testing.assert_array_equal(X_or, [[0, 0, 1, 1], [0, 1, 0, 1]])
    np.testing.assert_array_equal(X_xor, X_or)
    np.testing.assert_array_equal(Y_or, [[0, 1, 1, 1]])
    np.testing.assert_array_equal(Y_xor, [[0, 1, 1, 0]])
    X_or[0, 0] = 99
    assert nn.or_gate()[0][0, 0] == 0


def test_add_cross_feature_by_hand():
    X = np.array([[0.0, 1.0, 2.0, -1.5], [3.0, 1.0, -2.0, 2.0]])
    np.testing.assert_array_equal(nn.add_cross_feature(X), np.vstack([X, [[0, 1, -4, -3]]]))


def test_example_a_table_has_one_example_per_row_and_is_a_fresh_copy():
    X = nn.example_a_table().T
    np.testing.assert_array_equal(X, [[9, 14, 10, 11, 8], [9, 16, 8, 12, 9], [9, 16, 7, 10, 9]])
    nn.example_a_table()[0, 0] = -1.0
    assert nn.example_a_table()[0, 0] == 9.0


def test_even_odd_numbers_and_binary_digits_by_hand():
    numbers, X, Y = nn.even_odd_numbers(4)
    assert numbers.tolist() == [0, 1, 2, 3] and Y.tolist() == [[0.0, 1.0, 0.0, 1.0]]
    np.testing.assert_allclose(X, [[0, 1 / 3, 2 / 3, 1]])
    digits = nn.binary_digits(np.array([0, 5, 15, 8]), bits=4)
    assert digits.T.tolist() == [[0, 0, 0, 0], [0, 1, 0, 1], [1, 1, 1, 1], [1, 0, 0, 0]]
    numbers, _, Y = nn.even_odd_numbers(16)
    np.testing.assert_array_equal(nn.binary_digits(numbers)[-1:], Y)  # the last bit is the parity
