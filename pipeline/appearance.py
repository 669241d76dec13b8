"""How the corpus graph looks: a colour per node type, a size that grows with degree, a fixed layout.

Gephi takes `r`, `g`, `b`, `size`, `x` and `y` node attributes from GraphML (and `viz` from
GEXF), so a file opened there shows the same picture as `graph.png` before anyone styles it.
Computing them once, here, keeps every output in agreement; the layout is seeded and the
numbers rounded, so two runs give the same bytes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

import networkx as nx
import numpy as np

from .forceatlas import forceatlas2

# Okabe–Ito colours: distinguishable with the common kinds of colour blindness.
NODE_COLOURS: dict[str, tuple[int, int, int]] = {
    "event": (213, 94, 0),
    "person": (0, 114, 178),
    "organisation": (0, 158, 115),
    "country": (230, 159, 0),
}
OTHER_COLOUR = (136, 136, 136)
_BASE_SIZE = {"event": 12.0, "organisation": 8.0, "country": 8.0, "person": 5.0}
_SIZE_PER_SQRT_DEGREE = 3.0
LAYOUT_SPAN = 1000.0
"""Positions fall in [-LAYOUT_SPAN, LAYOUT_SPAN], about the scale of Gephi's own layouts."""
_LAYOUT_SEED = 20260101
_LAYOUT_ITERATIONS = 200
_LAYOUT_BUDGET = 200 * 400**2
"""Node pairs × iterations one layout may cost: a component of 1000 nodes gets 32 iterations, not 200."""
_FEWEST_ITERATIONS = 30
_LARGEST_FORCE_LAYOUT = 2000
_ISOLATE_RADIUS = 0.4
"""Nodes linked to nothing (organisations only mentioned) get little room: they add nothing to see."""
_GAP = 1.0
"""Space between packed components, where a component of n nodes has a radius of √n."""


@dataclass(frozen=True, slots=True)
class NodeLook:
    r: int
    g: int
    b: int
    size: float
    x: float
    y: float


LOOK_ATTRIBUTES = tuple(f.name for f in fields(NodeLook))


def colour(node_type: str) -> tuple[int, int, int]:
    return NODE_COLOURS.get(node_type, OTHER_COLOUR)


def node_size(node_type: str, degree: int) -> float:
    """Events are hubs by construction; the square root keeps a 40-speaker event from dwarfing the rest."""
    return round(_BASE_SIZE.get(node_type, 5.0) + _SIZE_PER_SQRT_DEGREE * math.sqrt(degree), 2)


def looks(graph: nx.MultiDiGraph) -> dict[str, NodeLook]:
    """The look of every node: the one `with_appearance` stored, else computed now."""
    if all(all(name in data for name in LOOK_ATTRIBUTES) for _, data in graph.nodes(data=True)):
        return {node: NodeLook(**{name: data[name] for name in LOOK_ATTRIBUTES}) for node, data in graph.nodes(data=True)}
    positions = layout(graph)
    return {
        node: NodeLook(
            *colour(str(data.get("type", ""))),
            size=node_size(str(data.get("type", "")), graph.degree(node)),
            x=positions[node][0],
            y=positions[node][1],
        )
        for node, data in graph.nodes(data=True)
    }


def with_appearance(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose nodes carry `r`, `g`, `b` (integers), `size`, `x` and `y`."""
    styled = graph.copy()
    for node, look in looks(graph).items():
        styled.nodes[node].update({name: getattr(look, name) for name in LOOK_ATTRIBUTES})
    return styled


def layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """ForceAtlas 2 (Gephi's own layout, lin-log mode) one component at a time, then the components
    packed in rows, largest first.

    A single layout of a corpus pushes the many small components to the rim and squeezes
    the big one into the middle; laying each out on its own and packing them uses the page.
    """
    undirected = nx.Graph(graph.to_undirected(as_view=True))
    components = sorted(
        (sorted(component) for component in nx.connected_components(undirected)), key=lambda c: (-len(c), c[0])
    )
    placed: dict[str, tuple[float, float]] = {}
    boxes = [_component_layout(undirected.subgraph(nodes)) for nodes in components]
    radii = [math.sqrt(len(nodes)) if len(nodes) > 1 else _ISOLATE_RADIUS for nodes in components]
    row_width = max(sum(2 * r for r in radii) / max(1.0, math.sqrt(len(radii))), 2 * radii[0]) if radii else 0.0
    x = y = row_height = 0.0
    for box, radius in zip(boxes, radii):
        half_width = max(_ISOLATE_RADIUS, max(abs(px) for px, _ in box.values()) * radius)
        half_height = max(_ISOLATE_RADIUS, max(abs(py) for _, py in box.values()) * radius)
        if x > 0 and x + 2 * half_width > row_width:
            x, y, row_height = 0.0, y - row_height, 0.0
        for node, (px, py) in box.items():
            placed[node] = (x + half_width + px * radius, y - half_height + py * radius)
        x += 2 * half_width + _GAP
        row_height = max(row_height, 2 * half_height + _GAP)
    if not placed:
        return {}
    return {node: (round(px, 2), round(py, 2)) for node, (px, py) in _fitted(placed, half_width=LAYOUT_SPAN).items()}


def _component_layout(component: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions within the square [-1, 1]². ForceAtlas 2 costs memory and time in the square of the
    node count: large components get fewer iterations, and one too large for it goes on a circle."""
    nodes = sorted(component)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) > _LARGEST_FORCE_LAYOUT:
        circle = nx.circular_layout(nodes)
        positions = [circle[n] for n in nodes]
    else:
        index = {node: number for number, node in enumerate(nodes)}
        edges = np.array(sorted(tuple(sorted((index[u], index[v]))) for u, v in component.edges), dtype=np.int64)
        iterations = max(_FEWEST_ITERATIONS, min(_LAYOUT_ITERATIONS, _LAYOUT_BUDGET // len(nodes) ** 2))
        positions = list(forceatlas2(edges, len(nodes), iterations=iterations, seed=_LAYOUT_SEED))
    return _fitted({n: (float(x), float(y)) for n, (x, y) in zip(nodes, positions)}, half_width=1.0)


def _fitted(positions: dict[str, tuple[float, float]], *, half_width: float) -> dict[str, tuple[float, float]]:
    """Centred on the origin, the longer side spanning [-half_width, half_width]."""
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    scale = half_width / (max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0)
    return {node: ((px - cx) * scale, (py - cy) * scale) for node, (px, py) in positions.items()}
