"""The corpus-level outputs of a run: the graph in every format, its picture and the report.

`sidegraph run` calls `write_outputs` after extracting, and `sidegraph export` calls it on saved
extraction JSON, so both give the same files. Extractions are put in document order first:
which document came first decides nothing, and the files are the same byte for byte.
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from .appearance import with_appearance
from .drawing import IMAGE_FORMATS, render
from .export import (
    atomic_write,
    gephi_ready,
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
    with _collection_paused():
        return _write_outputs(extractions, output, formats)


def _write_outputs(extractions: Sequence[Extraction], output: Path, formats: Collection[str]) -> list[Path]:
    ordered = sorted(extractions, key=lambda x: (x.document.id, x.document.source))
    graph = with_appearance(build_graph(ordered))
    written: list[Path] = []

    def paths(name: str) -> list[Path]:
        files = [output / file_name for file_name in FILE_NAMES[name]]
        written.extend(files)
        return files

    clean = gephi_ready(graph)
    if "graphml" in formats:
        write_graphml(clean, *paths("graphml"))
    if "gexf" in formats:
        write_gexf(clean, *paths("gexf"))
    if "json" in formats:
        write_node_link(clean, *paths("json"))
    if "csv" in formats:
        write_tables(clean, *paths("csv"))
    images = render(graph, *(f for f in IMAGE_FORMATS if f in formats or (f == "png" and "html" in formats)))
    for image_format, image in images.items():
        if image_format in formats:
            _write_bytes(*paths(image_format), image)
    if "html" in formats:
        _write_bytes(*paths("html"), render_report(ordered, graph, images["png"]).encode("utf-8"))
    return written


@contextmanager
def _collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collection off while the outputs are written, and back on after.

    They make hundreds of thousands of short-lived objects (graph copies, rows, strings), reference counting frees
    them all, and each burst of allocations would start a collection that reads every extraction record and graph
    node again: on 1,000 summaries four full collections, a tenth of the outputs' time. The few cycles made (the
    picture's figure) are collected after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _write_bytes(path: Path, data: bytes) -> None:
    with atomic_write(path, "wb") as stream:
        stream.write(data)
