"""The ForceAtlas2 layout behind every picture and every x/y that Gephi opens."""

from __future__ import annotations

import numpy as np

from pipeline.forceatlas import forceatlas2


def test_linked_nodes_end_closer_than_unlinked_ones() -> None:
    """Two five-node cliques joined by one edge: each clique gathers, the two stay apart."""
    clique = [(a, b) for a in range(5) for b in range(a + 1, 5)]
    edges = np.array([*clique, *((a + 5, b + 5) for a, b in clique), (0, 5)], dtype=np.int64)
    position = forceatlas2(edges, 10, iterations=100, seed=1)
    centres = position[:5].mean(axis=0), position[5:].mean(axis=0)
    spread = max(np.linalg.norm(position[:5] - centres[0], axis=1).max(), np.linalg.norm(position[5:] - centres[1], axis=1).max())
    assert np.linalg.norm(centres[0] - centres[1]) > 2 * spread


def test_a_seed_gives_the_same_layout_and_hubs_stay_finite() -> None:
    star = np.array([(0, leaf) for leaf in range(1, 400)], dtype=np.int64)
    first = forceatlas2(star, 400, iterations=60, seed=7)
    assert np.array_equal(first, forceatlas2(star, 400, iterations=60, seed=7))
    assert np.isfinite(first).all()
    leaves = np.linalg.norm(first[1:] - first[0], axis=1)
    assert leaves.min() > 0  # the hub's leaves spread around it, none on top of it
