"""The ForceAtlas2 layout behind every picture and every x/y that Gephi opens."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np

from conftest import REPO
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


def test_the_layout_does_not_depend_on_the_number_of_blas_threads() -> None:
    """A threaded BLAS splits a matrix-vector product between its threads (here two threads gave other
    positions than one on a star of 700 nodes), and the layout multiplies such differences: positions must be
    the same on a machine with one core as on one with many."""
    program = (
        "import sys, numpy as np; from pipeline.forceatlas import forceatlas2; "
        "star = np.array([(0, leaf) for leaf in range(1, 700)], dtype=np.int64); "
        "sys.stdout.buffer.write(forceatlas2(star, 700, iterations=30, seed=7).tobytes())"
    )
    one_thread = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    runs = [subprocess.run([sys.executable, "-c", program], capture_output=True, check=True, cwd=REPO, env=env).stdout
            for env in (one_thread, {**os.environ, "OPENBLAS_NUM_THREADS": "2", "OMP_NUM_THREADS": "2"})]
    assert runs[0] == runs[1]
