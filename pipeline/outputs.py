"""The corpus-level outputs of a run: the graph in every format, its picture and the report.

`sidegraph run` calls `write_outputs` after extracting, and `sidegraph export` calls it on saved
extraction JSON, so both give the same files. Extractions are put in document order first:
which document came first decides nothing, and the files are the same byte for byte.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from .appearance import with_appearance
from .drawing import render
from .export import (
    atomic_write,
    write_gexf,
    write_graphml,
    write_node_link,
    write_tables,
)
from .graph import build_graph
from .records import Extraction
from .report import render_report

FILE_NAMES: dict[str, tuple[str, ...]] = {
    "graphml": ("graph.graphml",),
    "gexf": ("graph.gexf",),
    "json": ("graph.json",),
    "csv": ("nodes.csv", "edges.csv"),
    "png": ("graph.png",),
    "svg": ("graph.svg",),
    "html": ("report.html",),
}
ALL_FORMATS: tuple[str, ...] = tuple(FILE_NAMES)


def write_outputs(
    extractions: Sequence[Extraction], output: Path, *, formats: Collection[str] = ALL_FORMATS
) -> list[Path]:
    """Write the chosen formats into `output` (each file atomically); returns the paths written, in format order."""
    unknown = sorted(set(formats) - set(FILE_NAMES))
    if unknown:
        raise ValueError(f"unknown output format(s) {', '.join(unknown)}; choose from {', '.join(ALL_FORMATS)}")
    ordered = sorted(extractions, key=lambda x: (x.document.id, x.document.source))
    graph = with_appearance(build_graph(ordered))
    written: list[Path] = []

    def paths(name: str) -> list[Path]:
        files = [output / file_name for file_name in FILE_NAMES[name]]
        written.extend(files)
        return files

    if "graphml" in formats:
        write_graphml(graph, *paths("graphml"))
    if "gexf" in formats:
        write_gexf(graph, *paths("gexf"))
    if "json" in formats:
        write_node_link(graph, *paths("json"))
    if "csv" in formats:
        write_tables(graph, *paths("csv"))
    png = render(graph, "png") if {"png", "html"} & set(formats) else b""
    if "png" in formats:
        _write_bytes(*paths("png"), png)
    if "svg" in formats:
        _write_bytes(*paths("svg"), render(graph, "svg"))
    if "html" in formats:
        _write_bytes(*paths("html"), render_report(ordered, graph, png).encode("utf-8"))
    return written


def _write_bytes(path: Path, data: bytes) -> None:
    with atomic_write(path, "wb") as stream:
        stream.write(data)
