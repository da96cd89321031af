"""The math of single lessons: forward shapes (01), one neuron (02–03), the 1-D descent (04),
batch gradients (05), the XOR networks and the seed study (07).

Each helper is checked against the lesson's claim worked by hand, a closed form, finite
differences, or the general machinery (layers, train) computing the same thing.
"""

import math

import numpy as np
import pytest

import nn_helpers as nn

pytestmark = pytest.mark.filterwarnings("error")

SETUP_W = np.array([0.1, 0.6])  # the neuron of lessons 02–05


def sigmoid_by_hand(z):
    return 1 / (1 + math.exp(-z))


# --- lesson 01: the shapes of a forward pass ---------------------------------------------------


def test_forward_shapes_of_worked_example_a_by_hand():
    assert nn.forward_shapes([3, 4, 1], m=5) == [
        {"A_prev": (3, 5), "W": (4, 3), "b": (4, 1), "Z": (4, 5)},
        {"A_prev": (4, 5), "W": (1, 4), "b": (1, 1), "Z": (1, 5)},
    ]
    assert nn.describe_forward_shapes([3, 4, 1], m=5).splitlines() == [
        "layer 1: W1 (4, 3) · X (3, 5) + b1 (4, 1) → Z1, A1 (4, 5) · 16 parameters",
        "layer 2: W2 (1, 4) · A1 (4, 5) + b2 (1, 1) → Z2, A2 (1, 5) · 5 parameters",
    ]


@pytest.mark.parametrize("m", [1, 7])
def test_forward_shapes_are_the_shapes_of_a_real_forward_pass(m):
    """Worked example B, 5-3-5-4 with lesson 01's activations."""
    rng = np.random.default_rng(3)
    layers = [
        nn.LinearLayer(5, 3, rng),
        nn.LeakyReLULayer(),
        nn.LinearLayer(3, 5, rng),
        nn.SigmoidLayer(),
        nn.LinearLayer(5, 4, rng),
        nn.SigmoidLayer(),
    ]
    nn.forward(layers, np.random.default_rng(0).standard_normal((5, m)))
    shapes = nn.forward_shapes([5, 3, 5, 4], np.int64(m))
    for linear, activation, expected in zip(layers[::2], layers[1::2], shapes, strict=True):
        Z = linear.forward(linear.A_prev)  # recompute Z from what the layer kept
        actual = {"A_prev": linear.A_prev.shape, "W": linear.W.shape, "b": linear.b.shape}
        assert actual | {"Z": Z.shape} == expected
        assert activation.forward(Z).shape == expected["Z"]  # A = g(Z) has Z's shape
        assert all(type(n) is int for n in expected["Z"])


def test_forward_shapes_add_up_to_count_parameters():
    for sizes in ([3, 4, 1], [5, 3, 5, 4], [2, 3, 1], [1, 1]):
        shapes = nn.forward_shapes(sizes, m=2)
        total = sum(math.prod(s["W"]) + math.prod(s["b"]) for s in shapes)
        assert total == nn.count_parameters(sizes)


# --- lessons 02–03: one sigmoid neuron on one example ---------------------------------------


def test_first_or_example_by_hand():
    """x = (0, 0), y = 0: z = 0, ŷ = ½, L = ⅛, and both weight gradients are zero."""
    g = nn.neuron_forward_backward([0.0, 0.0], SETUP_W, 0.0)
    assert (g.z, g.y_hat, g.loss) == (0.0, 0.5, 0.125)
    assert (g.dL_dyhat, g.dyhat_dz, g.dL_dz) == (0.5, 0.25, 0.125)
    np.testing.assert_array_equal(g.dL_dw, [0.0, 0.0])
    np.testing.assert_allclose(g.dL_dx, 0.125 * SETUP_W)
    assert g.b is None and g.dL_db is None


def test_fourth_or_example_by_hand():
    """x = (1, 1), y = 1: z = 0.7 and ∂L/∂wᵢ = ∂L/∂z · 1."""
    g = nn.neuron_forward_backward([1.0, 1.0], SETUP_W, 1.0)
    s = sigmoid_by_hand(0.7)
    assert g.z == pytest.approx(0.7) and g.y_hat == pytest.approx(s)
    assert g.loss == pytest.approx(0.5 * (1 - s) ** 2)
    assert g.dL_dz == pytest.approx((s - 1) * s * (1 - s))
    np.testing.assert_allclose(g.dL_dw, [g.dL_dz, g.dL_dz])


def test_the_bias_gradient_is_the_gradient_at_z_and_a_step_lowers_the_loss():
    g = nn.neuron_forward_backward([0.0, 0.0], SETUP_W, 0.0, b=0.0)
    assert g.dL_db == g.dL_dz == 0.125
    moved = nn.neuron_forward_backward([0.0, 0.0], SETUP_W, 0.0, b=-0.125)
    assert moved.z == -0.125 and moved.loss < g.loss


def test_neuron_forward_backward_matches_the_layers():
    x, w, y, b = np.array([0.3, -1.2, 2.0]), np.array([0.5, 0.1, -0.4]), 1.0, 0.2
    g = nn.neuron_forward_backward(x, w, y, b)
    layers = nn.single_neuron(w, b)
    cost, dY_hat = nn.squared_error_cost([[y]], nn.forward(layers, x.reshape(-1, 1)))
    nn.backward(layers, dY_hat)
    assert cost == pytest.approx(g.loss)
    np.testing.assert_allclose(layers[0].dW.ravel(), g.dL_dw)
    assert layers[0].db[0, 0] == pytest.approx(g.dL_db)


@pytest.mark.parametrize("b", [None, 0.0, -0.7])
@pytest.mark.parametrize(("x", "y"), [([0, 0], 0), ([0, 1], 1), ([1, 0], 1), ([1, 1], 1)])
def test_every_neuron_gradient_agrees_with_finite_differences(x, y, b):
    g = nn.neuron_forward_backward(x, SETUP_W, y, b)
    numeric = nn.neuron_finite_differences(x, SETUP_W, y, b)
    names = {"dL_dyhat", "dyhat_dz", "dL_dz", "dL_dw", "dL_dx"}
    assert set(numeric) == names | (set() if b is None else {"dL_db"})
    for key, estimate in numeric.items():
        np.testing.assert_allclose(getattr(g, key), estimate, rtol=1e-6, atol=1e-9, err_msg=key)


def test_single_neuron_starts_where_asked_and_with_a_bias_learns_or():
    X, Y = nn.or_gate()
    layers = nn.single_neuron(SETUP_W, b=0.0)
    np.testing.assert_array_equal(layers[0].W, [[0.1, 0.6]])
    np.testing.assert_array_equal(layers[0].b, [[0.0]])
    np.testing.assert_array_equal(nn.single_neuron([[0.1, 0.6]])[0].W, [[0.1, 0.6]])
    nn.train(layers, X, Y, learning_rate=1.0, epochs=5000)
    assert nn.accuracy(nn.predict(layers, X), Y) == 1.0


def test_without_a_bias_or_stays_at_three_of_four():
    """Lesson 03's claim: a boundary through the origin cannot separate (0, 0) from the rest."""
    X, Y = nn.or_gate()
    layers = nn.single_neuron(SETUP_W)
    nn.train(layers, X, Y, learning_rate=1.0, epochs=5000)
    assert layers[0].b is None
    assert nn.accuracy(nn.predict(layers, X), Y) == 0.75


# --- lesson 04: the learning rate ------------------------------------------------------------


def test_u_loss_by_hand_and_its_gradient_by_finite_differences():
    assert nn.u_loss(nn.CURVE_MINIMUM) == 0.0
    assert nn.u_loss(nn.CURVE_MINIMUM + 2) == pytest.approx(4 * nn.CURVE_A)
    w = np.array([nn.CURVE_START, 0.3, 7.0])
    numeric = [nn.numerical_gradient(lambda t=t: float(nn.u_loss(t[0])), t)[0] for t in w[:, None]]
    np.testing.assert_allclose(nn.u_loss_gradient(w), numeric, rtol=1e-6)


def test_gradient_descent_1d_follows_the_closed_form():
    """Each step multiplies w − w* by (1 − 2aα)."""
    factor = 1 - 2 * nn.CURVE_A * 0.5
    path, diverged_at = nn.gradient_descent_1d(nn.u_loss_gradient, nn.CURVE_START, 0.5, 7)
    expected = nn.CURVE_MINIMUM + factor ** np.arange(8) * (nn.CURVE_START - nn.CURVE_MINIMUM)
    np.testing.assert_allclose(path, expected)
    assert diverged_at is None


def test_the_four_learning_rates_behave_as_the_lesson_says():
    """0.5 slow, 5 fast, 50 diverges, 5e-10 barely moves; the edge is α = 1/a."""
    start = abs(nn.CURVE_START - nn.CURVE_MINIMUM)
    outcome = {}
    for learning_rate in (0.5, 5, 50, 5e-10):
        path, diverged_at = nn.gradient_descent_1d(
            nn.u_loss_gradient, nn.CURVE_START, learning_rate, 20
        )
        outcome[learning_rate] = (abs(path[-1] - nn.CURVE_MINIMUM), diverged_at)
    assert outcome[0.5][1] is None and 0.1 < outcome[0.5][0] < 0.9 * start
    assert outcome[5][1] is None and outcome[5][0] < 5e-4
    assert outcome[50][1] is not None and outcome[50][1] <= 20
    assert outcome[5e-10][1] is None and start - outcome[5e-10][0] < 5e-4
    assert 5 < 1 / nn.CURVE_A < 50


def test_divergence_stops_at_the_bound_without_a_warning():
    path, diverged_at = nn.gradient_descent_1d(
        lambda w: np.exp(np.float64(w)) * 1e300, 1.0, 1e5, 50
    )
    assert diverged_at == 1 and path.tolist() == [1.0]
    path, diverged_at = nn.gradient_descent_1d(nn.u_loss_gradient, nn.CURVE_START, 100.0, 50)
    assert diverged_at is not None and path.size == diverged_at  # w0 … w_(diverged_at − 1)
    assert np.isfinite(path).all() and np.abs(path).max() <= nn.DIVERGENCE_BOUND


# --- lesson 05: the gradients of one neuron on a batch ----------------------------------------


def random_batch(rng, n_in=3, m=7):
    """W (1, n_in), b (1, 1), X (n_in, m), Y (1, m) with 0/1 labels."""
    W, b, X = rng.normal(size=(1, n_in)), rng.normal(size=(1, 1)), rng.normal(size=(n_in, m))
    return W, b, X, (rng.uniform(size=(1, m)) > 0.5).astype(float)


def test_batch_gradients_by_hand():
    """W = 0, b = 0 on OR: every ŷ is ½, every dz is ±1/32."""
    cost, dW, db = nn.batch_gradients(np.zeros((1, 2)), np.zeros((1, 1)), *nn.or_gate())
    assert cost == 0.125  # (1/8)(4 · ¼)
    np.testing.assert_array_equal(dW, [[-1 / 16, -1 / 16]])
    np.testing.assert_array_equal(db, [[1 / 32 - 3 / 32]])


def test_batch_gradients_agree_with_finite_differences_and_the_layers():
    W, b, X, Y = random_batch(np.random.default_rng(0))
    cost, dW, db = nn.batch_gradients(W, b, X, Y)
    for analytic, param in ((dW, W), (db, b)):
        numeric = nn.numerical_gradient(lambda: nn.batch_gradients(W, b, X, Y)[0], param)
        np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-9)
    layers = nn.single_neuron(W[0], b)
    layer_cost, dY_hat = nn.squared_error_cost(Y, nn.forward(layers, X))
    nn.backward(layers, dY_hat)
    assert layer_cost == pytest.approx(cost)
    np.testing.assert_allclose(layers[0].dW, dW)
    np.testing.assert_allclose(layers[0].db, db)


@pytest.mark.parametrize("seed", [2, 3])
def test_the_loop_gives_the_numbers_of_the_matrix_form(seed):
    W, b, X, Y = random_batch(np.random.default_rng(seed), n_in=2, m=50)
    looped, vectorized = nn.per_example_gradients(W, b, X, Y), nn.batch_gradients(W, b, X, Y)
    for a, b_ in zip(looped, vectorized, strict=True):
        np.testing.assert_allclose(a, b_, rtol=1e-12, atol=1e-15)


# --- lesson 07: XOR networks, one seed or many at once ----------------------------------------


def test_xor_network_is_the_seeded_xavier_2_h_1_network():
    layers = nn.xor_network()
    rng = np.random.default_rng(nn.XOR_SEED)
    np.testing.assert_array_equal(layers[0].W, rng.standard_normal((3, 2)) * math.sqrt(1 / 2))
    np.testing.assert_array_equal(layers[2].W, rng.standard_normal((1, 3)) * math.sqrt(1 / 3))
    assert not layers[0].b.any() and not layers[2].b.any()
    assert [type(layer).__name__ for layer in layers] == ["LinearLayer", "SigmoidLayer"] * 2
    assert nn.xor_network(5, hidden_units=4)[0].W.shape == (4, 2)


@pytest.mark.parametrize(
    ("seeds", "hidden_units", "learning_rate", "epochs"),
    [
        ([0, 29, 38, 1], 3, 1.0, 1500),  # 29 and 38 are starts that get stuck
        ([4, 5, 6], 2, 1.0, 800),
        ([7], 1, 0.5, 200),
        ([0, 3], 8, 5.0, 300),
    ],
)
def test_many_seeds_gives_the_numbers_of_train_seed_by_seed(
    seeds, hidden_units, learning_rate, epochs
):
    """Stacked matmuls sum in another order than np.dot: equal to rounding, not to the bit."""
    X, Y = nn.xor_gate()
    costs, accuracies = nn.train_xor_many_seeds(
        seeds, hidden_units=hidden_units, learning_rate=learning_rate, epochs=epochs
    )
    assert costs.shape == (len(seeds), epochs + 1) and accuracies.shape == (len(seeds),)
    for row, seed in enumerate(seeds):
        layers = nn.xor_network(seed, hidden_units)
        expected = nn.train(layers, X, Y, learning_rate, epochs)
        np.testing.assert_allclose(costs[row], expected, rtol=1e-10, atol=1e-12)
        assert accuracies[row] == nn.accuracy(nn.predict(layers, X), Y)


def test_many_seeds_finds_the_stuck_starts_of_the_lesson():
    """After 5000 epochs seed 0 is solved; 29 is on the ⅛ plateau, 38 at 1/16."""
    costs, accuracies = nn.train_xor_many_seeds(np.array([0, 29, 38]))
    assert accuracies.tolist() == [1.0, 0.5, 0.5]
    assert costs[1, -1] == pytest.approx(1 / 8, abs=1e-3)  # every output ½: J = 1/8
    assert costs[2, -1] == pytest.approx(1 / 16, abs=3e-3)  # two outputs right, two at ½


def test_longer_training_solves_a_slow_seed_but_not_seed_158():
    costs, accuracies = nn.train_xor_many_seeds(range(29, 159, 129), epochs=20000)  # 29, 158
    assert accuracies.tolist() == [1.0, 0.5]
    assert costs[0, 5000] == pytest.approx(1 / 8, abs=1e-3) and costs[0, -1] < 0.01
    assert costs[1, -1] == pytest.approx(1 / 16, abs=1e-3)
