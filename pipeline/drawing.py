"""A picture of the corpus graph (PNG or SVG) for people who will never open Gephi.

Drawn from the attributes `appearance` put on the nodes, so the picture matches what Gephi shows.
matplotlib runs headless on its Agg canvas; the SVG carries no date and a fixed hash salt, so
two runs give the same bytes.
"""

from __future__ import annotations

import io
import math
import warnings

import matplotlib
import networkx as nx
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from .appearance import NODE_COLOURS, NodeLook, colour, looks

LABELLED_NODES = 30
"""Labels for the largest nodes only: past a few dozen they cover the picture."""
_LABEL_LENGTH = 34
_FIGURE_INCHES = (12.0, 12.0)
_DPI = 120
_EDGE_COLOUR = (0.55, 0.55, 0.55, 0.35)
_MARKER_AREA_PER_SIZE = 0.55
_AXES_BOX = (0.01, 0.01, 0.98, 0.94)
"""Figure fractions (left, bottom, width, height): the legend takes the strip above. A fixed box, not a
constrained layout, since that needs a whole extra drawing pass before labels can be placed."""
_SAVE_OPTIONS = {
    "png": {"dpi": _DPI, "metadata": {"Software": None}, "pil_kwargs": {"compress_level": 3}},
    # zlib level 3 rather than matplotlib's 6: a fifth faster and, on these pictures, no larger
    "svg": {"metadata": {"Date": None, "Creator": None}},
}
IMAGE_FORMATS = tuple(_SAVE_OPTIONS)


def render(graph: nx.MultiDiGraph, *image_formats: str) -> dict[str, bytes]:
    """The graph drawn once and saved in each of `image_formats` (`png`, `svg`): format -> bytes."""
    unknown = [f for f in image_formats if f not in _SAVE_OPTIONS]
    if unknown:
        raise ValueError(f"image format must be one of {', '.join(IMAGE_FORMATS)}, not {unknown[0]!r}")
    images: dict[str, bytes] = {}
    if not image_formats:
        return images
    with matplotlib.rc_context({"svg.hashsalt": "sidegraph", "svg.fonttype": "path"}), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from")  # emoji and rare scripts: a box, not noise
        figure = _draw(graph)
        for image_format in image_formats:
            buffer = io.BytesIO()
            figure.savefig(buffer, format=image_format, facecolor="white", **_SAVE_OPTIONS[image_format])
            images[image_format] = buffer.getvalue()
    return images


def _draw(graph: nx.MultiDiGraph) -> Figure:
    figure = Figure(figsize=_FIGURE_INCHES)
    FigureCanvasAgg(figure)
    axes = figure.add_axes(_AXES_BOX)
    axes.set_axis_off()
    axes.set_aspect("equal")
    node_looks = looks(graph)
    # Nodes linked to nothing are counted in the legend, not drawn: hundreds of lone dots hide the network.
    nodes = sorted((n for n in graph if graph.degree(n)), key=lambda n: (node_looks[n].size, n))  # large ones on top
    linked = {tuple(sorted(pair)) for pair in graph.edges()}  # edges of several kinds, or both ways: one line
    segments = sorted(((node_looks[u].x, node_looks[u].y), (node_looks[v].x, node_looks[v].y)) for u, v in linked)
    axes.add_collection(LineCollection(segments, colors=[_EDGE_COLOUR], linewidths=0.5, zorder=1))
    axes.scatter(
        [node_looks[n].x for n in nodes],
        [node_looks[n].y for n in nodes],
        s=[_MARKER_AREA_PER_SIZE * node_looks[n].size ** 2 for n in nodes],
        c=[_rgb(node_looks[n].r, node_looks[n].g, node_looks[n].b) for n in nodes],
        edgecolors="white",
        linewidths=0.4,
        zorder=2,
    )
    axes.autoscale_view()
    axes.margins(0.03)
    _legend(figure, graph)
    _label(figure, axes, graph, node_looks, nodes[::-1][: 4 * LABELLED_NODES])
    return figure


def _label(
    figure: Figure, axes: Axes, graph: nx.MultiDiGraph, node_looks: dict[str, NodeLook], candidates: list[str]
) -> None:
    """Label the largest nodes first, leaving out a label that would cover one already placed."""
    axes.apply_aspect()  # fits the equal-aspect data box in the axes, so the extents measured below are final
    renderer = figure.canvas.get_renderer()
    placed: list[Bbox] = []
    for node in candidates:
        look = node_looks[node]
        text = axes.annotate(
            _short(str(graph.nodes[node].get("label", node))),
            (look.x, look.y),
            xytext=(0, math.sqrt(_MARKER_AREA_PER_SIZE) * look.size / 2 + 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=8,
            zorder=3,
            parse_math=False,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.75},
        )
        extent = text.get_window_extent(renderer)
        if any(extent.overlaps(other) for other in placed):
            text.remove()
            continue
        placed.append(extent)
        if len(placed) == LABELLED_NODES:
            return


def _legend(figure: Figure, graph: nx.MultiDiGraph) -> None:
    counts: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        counts[str(data.get("type", ""))] = counts.get(str(data.get("type", "")), 0) + 1
    kinds = [kind for kind in NODE_COLOURS if kind in counts] + sorted(set(counts) - set(NODE_COLOURS))
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=_rgb(*colour(kind)),
               markeredgecolor="white", label=f"{kind or 'other'} ({counts[kind]})")
        for kind in kinds
    ]
    handles.append(Line2D([], [], color=_EDGE_COLOUR[:3], linewidth=1, label=f"links ({graph.number_of_edges()})"))
    unlinked = sum(1 for node in graph if not graph.degree(node))
    if unlinked:
        handles.append(Line2D([], [], linestyle="", label=f"{unlinked} unlinked nodes not drawn"))
    figure.legend(handles=handles, loc="upper center", ncols=len(handles), frameon=False, fontsize=11)


def _rgb(r: int, g: int, b: int) -> tuple[float, float, float]:
    return (r / 255, g / 255, b / 255)


def _short(label: str) -> str:
    label = " ".join("".join(c for c in label if c.isprintable()).split())
    return label if len(label) <= _LABEL_LENGTH else label[: _LABEL_LENGTH - 1].rstrip() + "…"
