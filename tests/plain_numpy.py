"""A second, plain computation of what nn_helpers computes: sigmoid networks in NumPy alone.

Tests hold ``train`` (to the last bit: the same formulas in the same order) and
the exercise answers to these loops.  Nothing here imports nn_helpers.
"""

import math

import numpy as np

# The data of the curriculum, typed from the lessons.
OR_X = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]])
OR_Y = np.array([[0.0, 1.0, 1.0, 1.0]])
XOR_Y = np.array([[0.0, 1.0, 1.0, 0.0]])
XOR_X3 = np.vstack([OR_X, OR_X[0] * OR_X[1]])  # x1, x2 and the cross x1·x2


def sigmoid(Z):
    """σ(z) = 1 / (1 + e^(−z)), written as ½ tanh(z/2) + ½ (the same number, no overflow)."""
    return 0.5 * np.tanh(0.5 * Z) + 0.5


def xavier_start(sizes, seed):
    """The weights build_network draws: layer by layer from one generator, standard normal
    × sqrt(1/n_in), biases zero."""
    rng = np.random.default_rng(seed)
    pairs = list(zip(sizes[:-1], sizes[1:], strict=True))
    Ws = [rng.standard_normal((n_out, n_in)) * math.sqrt(1 / n_in) for n_in, n_out in pairs]
    return Ws, [np.zeros((n_out, 1)) for _, n_out in pairs]


def outputs(Ws, bs, X):
    """Every layer's output, X first."""
    As = [X]
    for W, b in zip(Ws, bs, strict=True):
        As.append(sigmoid(np.dot(W, As[-1]) + b))
    return As


def cost(A, Y, cross_entropy=False):
    """(J, ∂J/∂Ŷ) of squared error (1/2m) Σ (Ŷ − Y)² or of cross-entropy."""
    m = Y.shape[1]
    if cross_entropy:
        P = np.clip(A, 1e-12, 1 - 1e-12)
        return -float(np.sum(Y * np.log(P) + (1 - Y) * np.log(1 - P))) / m, (P - Y) / (
            m * P * (1 - P)
        )
    return float(np.vdot(A - Y, A - Y)) / (2 * m), (A - Y) / m


def descend(Ws, bs, X, Y, learning_rate, epochs, cross_entropy=False, per_example=False):
    """Gradient descent from copies of (Ws, bs): ``(costs, Ws, bs)``.

    ``costs[k]`` is the cost on all of X after k epochs (``epochs + 1`` costs).  Each epoch
    takes one step on the whole batch, or (``per_example``) one step per
    column of X, in column order.
    """
    Ws, bs = [W.copy() for W in Ws], [b.copy() for b in bs]
    costs = [cost(outputs(Ws, bs, X)[-1], Y, cross_entropy)[0]]
    for _ in range(epochs):
        columns = [slice(j, j + 1) for j in range(X.shape[1])] if per_example else [slice(None)]
        for batch in columns:
            As = outputs(Ws, bs, X[:, batch])
            dA = cost(As[-1], Y[:, batch], cross_entropy)[1]
            grads = []
            for layer in reversed(range(len(Ws))):
                dZ = dA * As[layer + 1] * (1.0 - As[layer + 1])
                grads.append((np.dot(dZ, As[layer].T), dZ.sum(axis=1, keepdims=True)))
                dA = np.dot(Ws[layer].T, dZ)
            for W, b, (dW, db) in zip(Ws, bs, reversed(grads), strict=True):
                W -= learning_rate * dW
                b -= learning_rate * db
        costs.append(cost(outputs(Ws, bs, X)[-1], Y, cross_entropy)[0])
    return np.array(costs), Ws, bs
