"""Lesson 01 (the forward pass): the helpers in its block of nn_helpers.py."""

import matplotlib
import numpy as np
import pytest

import nn_helpers as nn

matplotlib.use("Agg")
pytestmark = pytest.mark.filterwarnings("error")


def example_b_layers():
    """A 5-3-5-4 network with lesson 01's activations (leaky ReLU, sigmoid, sigmoid)."""
    rng = np.random.default_rng(3)
    return [
        nn.LinearLayer(5, 3, rng=rng, init="xavier"),
        nn.LeakyReLULayer(leak=0.1),
        nn.LinearLayer(3, 5, rng=rng, init="xavier"),
        nn.SigmoidLayer(),
        nn.LinearLayer(5, 4, rng=rng, init="xavier"),
        nn.SigmoidLayer(),
    ]


# --- the data of worked example A -----------------------------------------------------


def test_example_a_table_is_the_curriculum_data_with_examples_in_rows():
    X = nn.example_a_table().T
    expected = [[9, 14, 10, 11, 8], [9, 16, 8, 12, 9], [9, 16, 7, 10, 9]]
    assert X.shape == (3, 5)
    assert np.array_equal(X, expected)


def test_example_a_table_is_a_fresh_copy():
    nn.example_a_table()[0, 0] = -1.0
    assert nn.example_a_table()[0, 0] == 9.0


# --- forward_shapes ---------------------------------------------------------------------


def test_forward_shapes_of_a_3_4_1_network_by_hand():
    assert nn.forward_shapes([3, 4, 1], m=5) == [
        {"A_prev": (3, 5), "W": (4, 3), "b": (4, 1), "Z": (4, 5)},
        {"A_prev": (4, 5), "W": (1, 4), "b": (1, 1), "Z": (1, 5)},
    ]


@pytest.mark.parametrize("m", [1, 7])
def test_forward_shapes_match_the_arrays_of_a_real_forward_pass(m):
    layers = example_b_layers()
    X = np.random.default_rng(0).standard_normal((5, m))
    nn.forward(layers, X)
    linear = layers[::2]
    activations = layers[1::2]
    shapes = nn.forward_shapes([5, 3, 5, 4], m)
    assert len(shapes) == 3
    for layer, activation, expected in zip(linear, activations, shapes, strict=True):
        Z = layer.forward(layer.A_prev)  # recompute Z from what the layer kept
        assert layer.A_prev.shape == expected["A_prev"]
        assert layer.W.shape == expected["W"]
        assert layer.b.shape == expected["b"]
        assert Z.shape == expected["Z"]
        assert activation.forward(Z).shape == expected["Z"]  # A = g(Z) has Z's shape


def test_forward_shapes_give_the_parameter_count():
    for sizes in ([3, 4, 1], [5, 3, 5, 4], [2, 3, 1], [1, 1]):
        shapes = nn.forward_shapes(sizes, m=2)
        total = sum(np.prod(s["W"]) + np.prod(s["b"]) for s in shapes)
        assert total == nn.count_parameters(sizes)


def test_count_parameters_of_example_b_by_hand():
    assert nn.count_parameters([5, 3, 5, 4]) == 3 * 6 + 5 * 4 + 4 * 6


def test_forward_shapes_accepts_numpy_integers():
    shapes = nn.forward_shapes(np.array([2, 3, 1]), m=np.int64(4))
    assert shapes[0]["Z"] == (3, 4)
    assert all(type(n) is int for n in shapes[0]["Z"])


@pytest.mark.parametrize(
    ("sizes", "m", "message"),
    [
        ([3], 5, "input and an output"),
        ([], 5, "input and an output"),
        ([3, 0, 1], 5, "whole number >= 1"),
        ([3, -2, 1], 5, "whole number >= 1"),
        ([3, 2.5, 1], 5, "whole number >= 1"),
        ([3, True, 1], 5, "whole number >= 1"),
        ([3, 4, 1], 0, "m \\(the number of examples\\)"),
        ([3, 4, 1], 2.0, "m \\(the number of examples\\)"),
    ],
)
def test_forward_shapes_refuses_bad_sizes(sizes, m, message):
    with pytest.raises(ValueError, match=message):
        nn.forward_shapes(sizes, m)


def test_describe_forward_shapes_names_every_array():
    text = nn.describe_forward_shapes([3, 4, 1], m=5)
    assert text.splitlines() == [
        "layer 1: W1 (4, 3) · X (3, 5) + b1 (4, 1) → Z1, A1 (4, 5) · 16 parameters",
        "layer 2: W2 (1, 4) · A1 (4, 5) + b2 (1, 1) → Z2, A2 (1, 5) · 5 parameters",
    ]


# --- the widget's view --------------------------------------------------------------------


def test_view_runs_with_its_defaults_and_names_the_result():
    import matplotlib.pyplot as plt

    fig, text = nn.forward_shapes_view()
    try:
        assert isinstance(fig, matplotlib.figure.Figure)
        assert text.startswith("3-4-1 network, m = 5 examples: 21 parameters")
        assert "W1 (4, 3)" in text and "Z2, A2 (1, 5)" in text
        assert nn.render_png(fig).startswith(b"\x89PNG")
    finally:
        plt.close("all")


def test_view_draws_one_matrix_of_each_kind_per_layer():
    import matplotlib.pyplot as plt

    fig, text = nn.forward_shapes_view(n_features=5, hidden_1=3, hidden_2=5, n_outputs=4, m=1)
    try:
        ax = fig.axes[0]
        assert len(ax.patches) == 3 * 4  # W, A_prev, b, Z for each of the 3 layers
        labels = [t.get_text() for t in ax.texts]
        assert "Z2\n(5, 1)" in labels and "W3\n(4, 5)" in labels
        assert "m = 1 example:" in text and "62 parameters" in text
    finally:
        plt.close(fig)


def test_view_keeps_one_cell_the_same_size_whatever_the_sizes():
    """The drawing is to scale: a bigger network makes a bigger figure, not smaller cells."""
    import matplotlib.pyplot as plt

    figures = [nn.forward_shapes_view(), nn.forward_shapes_view(6, 8, 8, 5, 8)]
    try:
        cells_per_inch = []
        for fig, _ in figures:
            ax = fig.axes[0]
            width_inches = ax.get_position().width * fig.get_figwidth()
            cells_per_inch.append(np.ptp(ax.get_xlim()) / width_inches)
        assert cells_per_inch[0] == pytest.approx(cells_per_inch[1])
        assert figures[1][0].get_figheight() > figures[0][0].get_figheight()
    finally:
        plt.close("all")


def test_view_refuses_bad_sizes():
    with pytest.raises(ValueError, match="whole number >= 1"):
        nn.forward_shapes_view(hidden_1=0)
    with pytest.raises(ValueError, match="whole number >= 1"):
        nn.forward_shapes_view(hidden_2=-1)


# --- exercises ----------------------------------------------------------------------------

ANSWERS_BY_HAND = {
    "01.1": 3 * (2 + 1) + 1 * (3 + 1),  # 2-3-1: 9 in the hidden layer, 4 at the output
    "01.3": (5, 32),  # Z2 has n_2 = 5 rows and m = 32 columns
}


def test_exercise_answers_by_hand():
    for key, answer in ANSWERS_BY_HAND.items():
        assert nn.judge(key, answer) == "right"


def test_exercise_01_2_is_sigma_of_one_plus_the_small_z2():
    """With b2 = 1, Z2 of example A grows by exactly 1 in every column."""
    rng = np.random.default_rng(nn.EXAMPLE_A_SEED)
    W1 = rng.standard_normal((4, 3)) * 0.01
    W2 = rng.standard_normal((1, 4)) * 0.01
    X = nn.example_a_table().T
    Z2 = W2 @ nn.sigmoid(W1 @ X) + 1.0
    expected = 1 / (1 + np.exp(-Z2[0, 2]))
    assert nn.EXERCISES["01.2"].solve() == pytest.approx(expected, abs=1e-12)
    # close to σ(1), since the weights are tiny
    assert abs(expected - nn.sigmoid(1.0)) < 0.01


@pytest.mark.parametrize("key", ["01.1", "01.2", "01.3"])
def test_each_exercise_judges_a_wrong_number_wrong(key, capsys):
    solution = nn.EXERCISES[key].solve()
    wrong = np.asarray(solution, dtype=float) * 3 + 7
    assert nn.judge(key, wrong) == "wrong"

    nn.check(key, ...)
    unanswered = capsys.readouterr().out
    assert "replace ... with your answer" in unanswered

    for answer in (..., wrong, solution):
        nn.check(key, answer)
        printed = capsys.readouterr().out
        for number in np.ravel(solution):
            assert f"{float(number):.3f}" not in printed
            assert str(number) not in printed


def test_exercise_01_2_rounded_answer_is_right():
    solution = nn.EXERCISES["01.2"].solve()
    assert nn.judge("01.2", round(solution, 3)) == "right"
