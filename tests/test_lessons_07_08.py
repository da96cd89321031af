"""Lessons 07–08 (a hidden layer solves XOR, going deeper): the helpers in their block."""

from functools import partial

import matplotlib
import numpy as np
import pytest

import nn_helpers as nn

matplotlib.use("Agg")
pytestmark = pytest.mark.filterwarnings("error")


# --- xor_network: the starting network of lesson 07 -------------------------------------


def test_xor_network_is_the_seeded_xavier_2_h_1_network():
    layers = nn.xor_network()
    rng = np.random.default_rng(nn.XOR_SEED)
    W1 = rng.standard_normal((3, 2)) * np.sqrt(1 / 2)  # Xavier: std sqrt(1 / n_in)
    W2 = rng.standard_normal((1, 3)) * np.sqrt(1 / 3)
    np.testing.assert_array_equal(layers[0].W, W1)
    np.testing.assert_array_equal(layers[2].W, W2)
    assert not layers[0].b.any() and not layers[2].b.any()
    assert [type(layer).__name__ for layer in layers] == [
        "LinearLayer",
        "SigmoidLayer",
        "LinearLayer",
        "SigmoidLayer",
    ]
    assert nn.xor_network(5, hidden_units=4)[0].W.shape == (4, 2)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"seed": -1}, "seed must be a whole number >= 0"),
        ({"seed": 1.0}, "seed must be a whole number >= 0"),
        ({"hidden_units": 0}, "hidden_units must be a whole number >= 1"),
    ],
)
def test_xor_network_refuses_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        nn.xor_network(**kwargs)


# --- train_xor_many_seeds: the stacked computation of lesson 07 ------------------------


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
    X, Y = nn.xor_gate()
    costs, accuracies = nn.train_xor_many_seeds(
        seeds, hidden_units=hidden_units, learning_rate=learning_rate, epochs=epochs
    )
    assert costs.shape == (len(seeds), epochs)
    assert accuracies.shape == (len(seeds),)
    for row, seed in enumerate(seeds):
        layers = nn.xor_network(seed, hidden_units)
        expected = nn.train(layers, X, Y, learning_rate, epochs)
        np.testing.assert_allclose(costs[row], expected, rtol=1e-10, atol=1e-12)
        assert accuracies[row] == nn.accuracy(nn.predict(layers, X), Y)


def test_many_seeds_finds_the_unsolved_starts_of_the_lesson():
    """After 5000 epochs seed 0 (the lesson's) is solved; 29 is on the ⅛ plateau, 38 at 1/16."""
    costs, accuracies = nn.train_xor_many_seeds([0, 29, 38])
    assert accuracies.tolist() == [1.0, 0.5, 0.5]
    assert costs[1, -1] == pytest.approx(1 / 8, abs=1e-3)  # every output ½: J = 1/8
    assert costs[2, -1] == pytest.approx(1 / 16, abs=3e-3)  # two outputs right, two at ½


def test_longer_training_solves_a_slow_seed_but_not_seed_158():
    """Lesson 07's longer run: 29 leaves the ⅛ plateau; 158 stays near 1/16 for 20 000 epochs."""
    costs, accuracies = nn.train_xor_many_seeds([29, 158], epochs=20000)
    assert accuracies.tolist() == [1.0, 0.5]
    assert costs[0, 5000] == pytest.approx(1 / 8, abs=1e-3)
    assert costs[0, -1] < 0.01
    assert costs[1, -1] == pytest.approx(1 / 16, abs=1e-3)


def test_many_seeds_accepts_a_range_and_numpy_integers():
    costs, _ = nn.train_xor_many_seeds(range(2), epochs=3)
    costs_np, _ = nn.train_xor_many_seeds(np.arange(2), epochs=3)
    assert np.array_equal(costs, costs_np)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"seeds": []}, "at least one seed"),
        ({"seeds": [-1]}, "seed"),
        ({"seeds": [0.5]}, "seed"),
        ({"seeds": [0], "hidden_units": 0}, "hidden_units"),
        ({"seeds": [0], "learning_rate": 0}, "learning_rate"),
        ({"seeds": [0], "learning_rate": float("inf")}, "learning_rate"),
        ({"seeds": [0], "epochs": 0}, "epochs"),
        ({"seeds": [0], "init": "zeros"}, "init"),
    ],
)
def test_many_seeds_refuses_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        nn.train_xor_many_seeds(**kwargs)


# --- figures -----------------------------------------------------------------------------


def test_plot_xor_training_draws_a_learning_curve_and_a_boundary():
    X, Y = nn.xor_gate()
    layers = nn.xor_network(0)
    costs = nn.train(layers, X, Y, 1.0, 50)
    fig = nn.plot_xor_training(costs, layers, X, Y, resolution=20, title="t")
    ax_cost, ax_boundary = fig.axes[:2]
    assert ax_cost.get_xlabel() == "epoch"
    assert ax_boundary.get_title() == "t"


@pytest.mark.parametrize("hidden_units", [1, 3, 5])
def test_plot_hidden_units_draws_one_panel_per_hidden_unit(hidden_units):
    X, Y = nn.xor_gate()
    fig = nn.plot_hidden_units(nn.xor_network(0, hidden_units), X, Y, resolution=20)
    panels, colour_bar = fig.axes[:-1], fig.axes[-1]
    assert [ax.get_title() for ax in panels] == [
        f"hidden unit {unit}" for unit in range(1, hidden_units + 1)
    ]
    assert colour_bar.get_ylabel() == "activation a"
    # Exactly one legend, in the first panel: the classes are the same everywhere.
    assert [ax.get_legend() is not None for ax in panels] == [True] + [False] * (hidden_units - 1)


def test_plot_hidden_units_shades_the_activation_not_the_classes():
    X, Y = nn.xor_gate()
    layers = nn.xor_network(0)
    fig = nn.plot_hidden_units(layers, X, Y, resolution=20)
    shading = fig.axes[0].collections[0]
    assert shading.get_cmap().name == "Greys"
    assert shading.get_array().min() >= 0 and shading.get_array().max() <= 1


def test_plot_hidden_units_refuses_a_network_without_a_hidden_layer():
    X, Y = nn.xor_gate()
    single = nn.build_network([2, 1], np.random.default_rng(0))
    with pytest.raises(ValueError, match="hidden layer"):
        nn.plot_hidden_units(single, X, Y)


def test_plot_seed_outcomes_gives_one_colour_and_one_legend_entry_per_outcome():
    costs = np.array([[3.0, 2.0, 1.0], [3.0, 2.5, 2.0], [3.0, 1.0, 0.5], [2.0, 2.0, 2.0]])
    outcomes = ["solved", "slow", "solved", "stuck"]
    ax = nn.plot_seed_outcomes(costs, outcomes, mark_epoch=1)
    colours = [line.get_color() for line in ax.lines[:4]]
    assert colours[0] == colours[2] and len({colours[0], colours[1], colours[3]}) == 3
    np.testing.assert_array_equal(ax.lines[1].get_ydata(), costs[1])
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels == ["solved", "slow", "stuck", "epoch 1"]
    assert ax.lines[4].get_xdata()[0] == 1  # the dashed mark


@pytest.mark.parametrize(
    ("costs", "outcomes", "message"),
    [
        (np.zeros(3), ["a"], "2-D"),
        (np.zeros((0, 3)), [], "2-D"),
        (np.zeros((2, 3)), ["a"], "one outcome per row"),
    ],
)
def test_plot_seed_outcomes_refuses_bad_input(costs, outcomes, message):
    with pytest.raises(ValueError, match=message):
        nn.plot_seed_outcomes(costs, outcomes)


def test_plot_outputs_by_number_draws_the_output_and_both_classes():
    numbers, X, Y = nn.even_odd_numbers(6)
    layers = nn.build_network([1, 2, 1], np.random.default_rng(0))
    ax = nn.plot_outputs_by_number(layers, numbers, X, Y)
    assert np.allclose(ax.lines[0].get_ydata(), nn.forward(layers, X).ravel())
    assert len(ax.collections) == 2  # one scatter per class


# --- the widget view of lesson 07 ---------------------------------------------------------


def test_view_runs_with_its_defaults_and_names_the_result():
    fig, text = nn.hidden_layer_view()
    assert fig.axes
    assert text == "final cost = 0.002 · accuracy = 100%"


def test_view_text_reports_the_numbers_of_train():
    X, Y = nn.xor_gate()
    layers = nn.xor_network(4, hidden_units=2)
    nn.train(layers, X, Y, 0.5, 300)
    cost = nn.network_cost(layers, X, Y)
    acc = nn.accuracy(nn.predict(layers, X), Y)
    _, text = nn.hidden_layer_view(learning_rate=0.5, epochs=300, hidden_units=2, seed=4)
    assert text.split("\n")[0] == f"final cost = {cost:.3f} · accuracy = {acc:.0%}"


def test_view_retrains_from_the_same_start_every_time():
    assert nn.hidden_layer_view(epochs=100)[1] == nn.hidden_layer_view(epochs=100)[1]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"learning_rate": 1e-3, "epochs": 100, "hidden_units": 1, "seed": 0},
        {"learning_rate": 100.0, "epochs": 10000, "hidden_units": 8, "seed": 199},
        {"learning_rate": 100.0, "epochs": 1, "hidden_units": 1, "seed": 20},
    ],
)
def test_view_runs_at_the_ends_of_its_sliders_without_warnings(kwargs):
    fig, text = nn.hidden_layer_view(**kwargs)
    assert fig.axes
    assert text.startswith("final cost = ")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"learning_rate": -1.0}, "learning_rate"),
        ({"epochs": 0}, "epochs"),
        ({"hidden_units": 0}, "hidden_units"),
        ({"seed": -1}, "seed"),
    ],
)
def test_view_refuses_bad_settings(kwargs, message):
    with pytest.raises(ValueError, match=message):
        nn.hidden_layer_view(**kwargs)


# --- train_per_example: stochastic updates of lesson 08 ----------------------------------


def test_per_example_with_one_example_is_full_batch_training():
    X, Y = nn.xor_gate()
    x, y = X[:, 1:2], Y[:, 1:2]
    a, b = nn.xor_network(0), nn.xor_network(0)
    np.testing.assert_array_equal(
        nn.train_per_example(a, x, y, 1.0, 20), nn.train(b, x, y, 1.0, 20)
    )
    np.testing.assert_array_equal(a[0].W, b[0].W)


def test_per_example_epoch_is_m_single_example_steps_in_column_order():
    """By hand: each step is θ ← θ − α ∂L_i/∂θ, the gradient taken by finite differences."""
    X, Y = nn.xor_gate()
    learning_rate = 0.7
    layers = nn.xor_network(2)
    costs = nn.train_per_example(layers, X, Y, learning_rate, epochs=1)
    expected = nn.xor_network(2)
    assert costs[0] == pytest.approx(nn.network_cost(expected, X, Y))
    for j in range(X.shape[1]):
        x, y = X[:, j : j + 1], Y[:, j : j + 1]
        steps = [
            nn.numerical_gradient(partial(nn.network_cost, expected, x, y), param)
            for layer in expected
            for param in layer.params().values()
        ]
        params = [param for layer in expected for param in layer.params().values()]
        for param, gradient in zip(params, steps, strict=True):
            param -= learning_rate * gradient
    for trained, by_hand in zip(layers, expected, strict=True):
        for name, param in trained.params().items():
            np.testing.assert_allclose(param, by_hand.params()[name], rtol=1e-6, atol=1e-9)


def test_per_example_records_the_full_cost_at_the_start_of_each_epoch():
    X, Y = nn.xor_gate()
    layers = nn.xor_network(0)
    costs = nn.train_per_example(layers, X, Y, 1.0, 5)
    again = nn.xor_network(0)
    nn.train_per_example(again, X, Y, 1.0, 4)
    assert costs[4] == pytest.approx(nn.network_cost(again, X, Y))


def test_per_example_shuffles_only_with_a_generator_and_reproducibly():
    X, Y = nn.xor_gate()
    in_order = nn.train_per_example(nn.xor_network(0), X, Y, 1.0, 30)
    shuffled = nn.train_per_example(nn.xor_network(0), X, Y, 1.0, 30, rng=np.random.default_rng(5))
    again = nn.train_per_example(nn.xor_network(0), X, Y, 1.0, 30, rng=np.random.default_rng(5))
    np.testing.assert_array_equal(shuffled, again)
    assert not np.array_equal(in_order, shuffled)


def test_per_example_accepts_cross_entropy():
    X, Y = nn.xor_gate()
    costs = nn.train_per_example(
        nn.xor_network(0), X, Y, 1.0, 3, cost_function=nn.cross_entropy_cost
    )
    assert costs[0] == pytest.approx(
        nn.network_cost(nn.xor_network(0), X, Y, nn.cross_entropy_cost)
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((np.zeros((2, 4)), np.zeros((1, 4)), 0.0, 1), "learning_rate"),
        ((np.zeros((2, 4)), np.zeros((1, 4)), 1.0, 0), "epochs"),
        ((np.zeros((2, 4)), np.zeros((1, 3)), 1.0, 1), "same number of examples"),
        ((np.zeros((3, 4)), np.zeros((1, 4)), 1.0, 1), "features"),
        ((np.zeros(4), np.zeros((1, 4)), 1.0, 1), "2-D"),
    ],
)
def test_per_example_refuses_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        nn.train_per_example(nn.xor_network(0), *args)


# --- the even/odd data of lesson 08 ------------------------------------------------------


def test_even_odd_numbers_by_hand():
    numbers, X, Y = nn.even_odd_numbers(4)
    assert numbers.tolist() == [0, 1, 2, 3]
    np.testing.assert_allclose(X, [[0, 1 / 3, 2 / 3, 1]])
    assert Y.tolist() == [[0.0, 1.0, 0.0, 1.0]]


@pytest.mark.parametrize("count", [1, 0, 2.5, True])
def test_even_odd_numbers_refuses_bad_counts(count):
    with pytest.raises(ValueError, match="count"):
        nn.even_odd_numbers(count)


def test_binary_digits_by_hand():
    digits = nn.binary_digits(np.array([0, 5, 15, 8]), bits=4)
    assert digits.T.tolist() == [[0, 0, 0, 0], [0, 1, 0, 1], [1, 1, 1, 1], [1, 0, 0, 0]]


def test_binary_digits_last_row_is_the_parity():
    numbers, _, Y = nn.even_odd_numbers(16)
    np.testing.assert_array_equal(nn.binary_digits(numbers)[-1:], Y)


@pytest.mark.parametrize(
    ("numbers", "bits", "message"),
    [
        (np.array([16]), 4, r"\[0, 16\)"),
        (np.array([-1]), 4, r"\[0, 16\)"),
        (np.array([1.5]), 4, "whole numbers"),
        (np.array([[1, 2]]), 4, "1-D"),
        (np.array([1]), 0, "bits"),
        (np.array([], dtype=int), 4, "at least one number"),
        ([], 4, "at least one number"),
    ],
)
def test_binary_digits_refuses_bad_input(numbers, bits, message):
    with pytest.raises(ValueError, match=message):
        nn.binary_digits(numbers, bits=bits)


# --- cross-entropy as lesson 08 uses it ---------------------------------------------------


def test_cross_entropy_gradient_matches_finite_differences():
    X, Y = nn.xor_gate()
    Y_hat = nn.forward(nn.xor_network(0), X)
    _, dY_hat = nn.cross_entropy_cost(Y, Y_hat)
    numeric = nn.numerical_gradient(lambda: nn.cross_entropy_cost(Y, Y_hat)[0], Y_hat)
    assert nn.gradients_agree(dY_hat, numeric)


def test_cross_entropy_through_a_sigmoid_gives_dZ_equal_to_the_error_over_m():
    X, Y = nn.xor_gate()
    Z = nn.forward(nn.xor_network(0)[:3], X)
    sigmoid_layer = nn.SigmoidLayer()
    Y_hat = sigmoid_layer.forward(Z)
    dZ = sigmoid_layer.backward(nn.cross_entropy_cost(Y, Y_hat)[1])
    np.testing.assert_allclose(dZ, (Y_hat - Y) / X.shape[1], rtol=1e-9)
    numeric = nn.numerical_gradient(lambda: nn.cross_entropy_cost(Y, nn.sigmoid(Z))[0], Z)
    assert nn.gradients_agree(dZ, numeric)


def test_deeper_networks_gradients_agree_under_both_costs():
    X, Y = nn.xor_gate()
    for cost_function in (nn.squared_error_cost, nn.cross_entropy_cost):
        layers = nn.build_network([2, 4, 3, 1], np.random.default_rng(0))
        assert nn.check_network_gradients(layers, X, Y, cost_function, verbose=False)


# --- exercises ----------------------------------------------------------------------------

KEYS = ["07.1", "07.2", "07.3", "08.1", "08.2", "08.3"]


def test_exercise_answers_by_hand():
    # 07.1: the trained network's forward pass for one point, written out in plain NumPy.
    X, Y = nn.xor_gate()
    layers = nn.xor_network(0)
    nn.train(layers, X, Y, 1.0, 5000)
    W1, b1, W2, b2 = layers[0].W, layers[0].b, layers[2].W, layers[2].b
    x = np.array([[0.5], [0.5]])
    a1 = 1 / (1 + np.exp(-(W1 @ x + b1)))
    y_hat = 1 / (1 + np.exp(-(W2 @ a1 + b2)))
    assert nn.EXERCISES["07.1"].solve() == pytest.approx(y_hat.item())
    y_hat = 1 / (1 + np.exp(4.0))
    assert nn.EXERCISES["08.2"].solve() == pytest.approx((y_hat - 1) * y_hat * (1 - y_hat))


def test_exercises_counting_epochs_use_the_cost_after_k_updates():
    """07.2 and 08.3: epoch k is the cost after k updates, below 0.01 first there."""
    X, Y = nn.xor_gate()
    k = nn.EXERCISES["07.2"].solve()
    layers = nn.xor_network(1)
    nn.train(layers, X, Y, 1.0, k)  # k updates
    assert nn.network_cost(layers, X, Y) < 0.01
    layers = nn.xor_network(1)
    nn.train(layers, X, Y, 1.0, k - 1)
    assert nn.network_cost(layers, X, Y) >= 0.01
    k = nn.EXERCISES["08.3"].solve()
    layers = nn.xor_network(0)
    nn.train_per_example(layers, X, Y, 1.0, k)  # k passes over the examples
    assert nn.network_cost(layers, X, Y) < 0.01


def test_exercise_07_3_counts_the_stuck_seeds_of_two_hidden_units():
    _, accuracies = nn.train_xor_many_seeds(range(200), hidden_units=2)
    assert nn.EXERCISES["07.3"].solve() == pytest.approx(np.mean(accuracies < 1))


@pytest.mark.parametrize("key", KEYS)
def test_each_exercise_takes_the_rounded_solution_and_judges_a_wrong_number_wrong(key, capsys):
    exercise = nn.EXERCISES[key]
    solution = float(exercise.solve())
    assert nn.judge(key, round(solution, 3)) == "right"
    wrong = solution + 1.0 + abs(solution)
    assert nn.judge(key, wrong) == "wrong"

    nn.check(key, ...)
    assert "replace ... with your answer" in capsys.readouterr().out
    for answer in (wrong, solution * 1.02 if solution else 0.001):
        nn.check(key, answer)
        message = capsys.readouterr().out
        for shown in {f"{solution:.3f}", f"{solution:g}", str(solution)}:
            assert shown not in message


def test_train_per_example_refuses_a_shuffling_rng_that_is_not_a_generator():
    X, Y = nn.xor_gate()
    with pytest.raises(ValueError, match="rng must be a NumPy random Generator"):
        nn.train_per_example(nn.xor_network(), X, Y, 1.0, 2, rng=0)
