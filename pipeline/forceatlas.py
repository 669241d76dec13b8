"""ForceAtlas2 (Jacomy et al. 2014, Gephi's own layout) in lin-log mode, over an edge list.

networkx's `forceatlas2_layout` has the same forces and speed rule but builds a dense adjacency matrix
and sums attraction over all n² node pairs; here attraction is summed over the edges,
repulsion over all pairs comes from one n × n weight matrix (Σ_j w_ij (p_i − p_j) is
p_i Σ_j w_ij − (W p)_i), and positions are float32: four times faster on the graph of 100
summaries, which made the layout the largest part of a small run's outputs.

W p is summed by numpy's own loop (`einsum`), not by BLAS: a threaded BLAS splits the sum between its
threads, so the layout (and every x, y and picture) came out differently on machines with different
numbers of cores, and its threads, waiting on each other, took ten times as long on a machine busy
with other work.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

_SCALING = 2.0
_GRAVITY = 1.0
_CLOSEST_SQUARED = 1e-6
"""Two nodes on one spot repel as if this close, rather than with an infinite force."""


def forceatlas2(edges: npt.NDArray[np.int64], node_count: int, *, iterations: int, seed: int) -> npt.NDArray[np.float32]:
    """Positions (node_count × 2) for nodes 0..node_count-1 linked by `edges` (m × 2), from a seeded start."""
    position = np.random.default_rng(seed).random((node_count, 2)).astype(np.float32)
    source, target = edges[:, 0], edges[:, 1]
    mass = (np.bincount(edges.ravel(), minlength=node_count) + 1).astype(np.float32)
    pair_mass = np.outer(mass, mass) * np.float32(_SCALING)
    np.fill_diagonal(pair_mass, 0)
    weights = np.empty((node_count, node_count), np.float32)
    squares = np.empty_like(weights)
    speed = _Speed(node_count)
    for _ in range(iterations):
        x, y = position[:, 0].copy(), position[:, 1].copy()
        np.subtract.outer(x, x, out=weights)
        weights *= weights
        np.subtract.outer(y, y, out=squares)
        squares *= squares
        weights += squares
        np.maximum(weights, _CLOSEST_SQUARED, out=weights)
        np.divide(pair_mass, weights, out=weights)  # repulsion m_i m_j / d, along a vector of length d
        row_sums = weights.sum(axis=1)
        force = np.stack([x * row_sums - np.einsum("ij,j->i", weights, x), y * row_sums - np.einsum("ij,j->i", weights, y)], axis=1)
        along = position[source] - position[target]
        length = np.maximum(np.sqrt((along**2).sum(axis=1)), _CLOSEST_SQUARED)
        pull = along * (np.log1p(length) / length)[:, None]  # lin-log attraction: log(1 + d)
        for axis in (0, 1):
            force[:, axis] += np.bincount(target, pull[:, axis], node_count) - np.bincount(source, pull[:, axis], node_count)
        centred = position - position.mean(axis=0)
        distance = np.linalg.norm(centred, axis=1)
        force -= _GRAVITY * mass[:, None] * centred / np.where(distance > 0, distance, 1)[:, None]
        step = speed.next(mass, position, force)
        position += (force * step[:, None]).astype(np.float32)
    return position


class _Speed:
    """ForceAtlas2's adaptive speed, global swing (oscillation) against traction (useful movement), both
    measured as networkx measures them, so the layout keeps the look it had with networkx's implementation."""

    def __init__(self, node_count: int) -> None:
        self.node_count = node_count
        self.speed = self.efficiency = self.swing = self.traction = 1.0

    def next(self, mass: npt.NDArray[np.float32], position: npt.NDArray[np.float32], force: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
        """Each node's step factor this iteration."""
        self.swing += float((mass * np.linalg.norm(position - force, axis=1)).sum())
        self.traction += float((0.5 * mass * np.linalg.norm(position + force, axis=1)).sum())
        optimal = 0.05 * math.sqrt(self.node_count)
        jitter = max(math.sqrt(optimal), min(10.0, optimal * self.traction / self.node_count**2))
        if self.swing / self.traction > 2.0:
            self._slow(0.5)
            jitter = max(jitter, 1.0)
        target = jitter * self.efficiency * self.traction / self.swing
        if self.swing > jitter * self.traction:
            self._slow(0.7)
        elif self.speed < 1000:
            self.efficiency *= 1.3
        self.speed += min(target - self.speed, 0.5 * self.speed)
        return self.speed / (1 + np.sqrt(self.speed * mass * np.linalg.norm(force, axis=1)))

    def _slow(self, factor: float) -> None:
        if self.efficiency > 0.05:
            self.efficiency *= factor
