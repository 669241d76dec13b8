"""Writing results: extraction JSON and GraphML that Gephi opens cleanly.

Gephi and strict GraphML readers reject what networkx writes by default in three ways: key ids
d0..dN collide with ids Gephi reserves, list or None attribute values have no GraphML type,
and graph-level data trips some importers. `write_graphml` avoids all three, numbers every
edge uniquely, and sorts nodes and edges so two runs give identical files.
"""

from __future__ import annotations

import io
import json
import os
import xml.etree.ElementTree as ET
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import networkx as nx

from .records import Extraction

_SCALARS = (str, int, float, bool)


@contextmanager
def atomic_write(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, mode, **({"encoding": "utf-8"} if "b" not in mode else {})) as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_extraction(extraction: Extraction, path: Path) -> None:
    with atomic_write(path) as stream:
        json.dump(extraction.to_dict(), stream, ensure_ascii=False, indent=1)
        stream.write("\n")


def read_extraction(path: Path) -> Extraction:
    return Extraction.from_dict(json.loads(path.read_text(encoding="utf-8")))


def gephi_ready(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with scalar attributes only, sorted nodes and edges, a unique `id` per edge, no graph data."""
    clean = nx.MultiDiGraph()
    for node in sorted(graph.nodes):
        clean.add_node(node, **_scalars(graph.nodes[node]))
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    for number, (source, target, key, data) in enumerate(edges):
        clean.add_edge(source, target, key=key, **_scalars(data), id=f"e{number}")
    return clean


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    buffer = io.BytesIO()
    nx.write_graphml(gephi_ready(graph), buffer, named_key_ids=True, edge_id_from_attribute="id")
    with atomic_write(path, "wb") as stream:
        stream.write(_unique_key_ids(buffer.getvalue()))


_GRAPHML = "http://graphml.graphdrawing.org/xmlns"
ET.register_namespace("", _GRAPHML)
ET.register_namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")


def _unique_key_ids(document: bytes) -> bytes:
    """GraphML key ids must be unique in the file; networkx names a node and an edge attribute
    of the same name ("label") alike, so the edge one becomes "edge_label". The edge `id`
    is already the edge element's own id: its copy as data is dropped."""
    root = ET.fromstring(document)
    for key in root.findall(f"{{{_GRAPHML}}}key"):
        if key.get("for") == "edge" and key.get("attr.name") == "id":
            root.remove(key)
    for edge in root.iter(f"{{{_GRAPHML}}}edge"):
        for value in edge.findall(f"{{{_GRAPHML}}}data[@key='id']"):
            edge.remove(value)
    keys = root.findall(f"{{{_GRAPHML}}}key")
    node_ids = {key.get("id") for key in keys if key.get("for") != "edge"}
    renamed = {}
    for key in keys:
        if key.get("for") == "edge" and key.get("id") in node_ids:
            renamed[key.get("id")] = f"edge_{key.get('id')}"
            key.set("id", renamed[key.get("id")])
    for data in root.iter(f"{{{_GRAPHML}}}edge"):
        for value in data.findall(f"{{{_GRAPHML}}}data"):
            value.set("key", renamed.get(value.get("key"), value.get("key")))
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _scalars(attributes: dict[str, Any]) -> dict[str, Any]:
    return {
        key: _xml_safe(value) if isinstance(value, str) else value
        for key, value in sorted(attributes.items())
        if isinstance(value, _SCALARS) and not key.startswith("_")
    }


def _xml_safe(text: str) -> str:
    """XML 1.0 has no place for most control characters; drop them rather than write an unreadable file."""
    return "".join(c for c in text if c in "\t\n\r" or (ord(c) >= 0x20 and not 0xD800 <= ord(c) <= 0xDFFF and c not in "\ufffe\uffff"))
