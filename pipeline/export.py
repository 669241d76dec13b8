"""Files other programs read: extraction JSON, and the corpus graph as GraphML, GEXF, node-link JSON and CSV.

Gephi and strict GraphML readers reject what networkx writes by default in three ways: key ids
d0..dN collide with ids Gephi reserves, list or None attribute values have no GraphML type,
and graph-level data trips some importers. Every format is written from the clean copy
`gephi_ready` makes (scalars only, text valid in XML 1.0, evidence cut to a readable length,
sorted, a unique id per edge), so the formats agree with each other and two runs give
identical bytes. Every file is written atomically.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter
from networkx.readwrite.graphml import GraphMLWriter

from .appearance import LOOK_ATTRIBUTES
from .errors import Errors, InputError
from .records import Extraction

_SCALARS = (str, int, float, bool)
EVIDENCE_LIMIT = 300
"""Characters of evidence kept on a graph edge: enough to read in Gephi's data table; report.html has it whole."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()


@contextmanager
def atomic_write(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, mode, **({"encoding": "utf-8", "newline": ""} if "b" not in mode else {})) as stream:
            yield stream
        os.chmod(temporary, _FILE_MODE)  # mkstemp makes it private; the result is an ordinary file
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_extraction(extraction: Extraction | dict[str, Any], path: Path) -> None:
    """`extraction` may be given as its `to_dict()`, for a caller that needs the dict too."""
    data = extraction.to_dict() if isinstance(extraction, Extraction) else extraction
    with atomic_write(path) as stream:
        stream.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")  # one write: `json.dump` makes thousands


def read_extraction(path: Path) -> Extraction:
    """Raises InputError (E009) for a file that is not an extraction `write_extraction` wrote."""
    try:
        return Extraction.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(Errors.E008.format(path=path, reason=type(error).__name__)) from error
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise InputError(Errors.E009.format(path=path, reason=_reason(error))) from error


def _reason(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"invalid JSON at line {error.lineno}"
    if isinstance(error, KeyError):
        return f"missing field {error}"
    return type(error).__name__


class GephiReadyGraph(nx.MultiDiGraph):
    """A graph `gephi_ready` made: the writers take it as it is, so a run cleans the graph once for all formats."""


def gephi_ready(graph: nx.MultiDiGraph) -> GephiReadyGraph:
    """A copy with scalar attributes only, sorted nodes and edges, a unique `id` per edge, no graph data."""
    if isinstance(graph, GephiReadyGraph):
        return graph
    clean = GephiReadyGraph()
    for node in sorted(graph.nodes):
        clean.add_node(xml_safe(node), **_scalars(graph.nodes[node]))
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    for number, (source, target, key, data) in enumerate(edges):
        clean.add_edge(xml_safe(source), xml_safe(target), key=key, **_scalars(data), id=f"e{number}")
    return clean


# ---------------------------------------------------------------------------------------------- GraphML
def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    writer = GraphMLWriter(named_key_ids=True, edge_id_from_attribute="id")
    writer.add_graph_element(gephi_ready(graph))
    _unique_key_ids(writer.xml)
    buffer = io.BytesIO()
    writer.dump(buffer)
    with atomic_write(path, "wb") as stream:
        stream.write(buffer.getvalue())


def _unique_key_ids(root: ET.Element) -> None:
    """GraphML key ids must be unique in the file; networkx names a node and an edge attribute
    of the same name ("label") alike, so the edge one becomes "edge_label". The edge `id`
    is already the edge element's own id: its copy as data is dropped. (The tree is networkx's
    own, before it is written: its elements carry no namespace.)"""
    for key in root.findall("key"):
        if key.get("for") == "edge" and key.get("attr.name") == "id":
            root.remove(key)
    edges = list(root.iter("edge"))
    for edge in edges:
        for value in edge.findall("data[@key='id']"):
            edge.remove(value)
    keys = root.findall("key")
    node_ids = {key.get("id") for key in keys if key.get("for") != "edge"}
    renamed = {}
    for key in keys:
        if key.get("for") == "edge" and key.get("id") in node_ids:
            renamed[key.get("id")] = f"edge_{key.get('id')}"
            key.set("id", renamed[key.get("id")])
    for edge in edges:
        for value in edge.findall("data"):
            value.set("key", renamed.get(value.get("key"), value.get("key")))


# ------------------------------------------------------------------------------------------------- GEXF
GEXF_VERSION = "1.3"


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    """GEXF 1.3 for Gephi's native import: colour, size and position go into `viz` elements."""
    clean = gephi_ready(graph).copy()  # the look moves into `viz` below; the caller's graph keeps it
    for _, data in clean.nodes(data=True):
        if all(name in data for name in LOOK_ATTRIBUTES):
            look = {name: data.pop(name) for name in LOOK_ATTRIBUTES}
            data["viz"] = {
                "color": {"r": look["r"], "g": look["g"], "b": look["b"], "a": 1.0},
                "size": look["size"],
                "position": {"x": look["x"], "y": look["y"], "z": 0.0},
            }
    writer = GEXFWriter(prettyprint=False, version=GEXF_VERSION)
    writer.add_graph(clean)
    with atomic_write(path, "wb") as stream:
        stream.write(_plain_gexf(writer.xml))


_GEXF = f"http://gexf.net/{GEXF_VERSION}"


def _plain_gexf(root: ET.Element) -> bytes:
    """networkx stamps today's date into <meta> (two runs would differ), and copies each edge's
    multigraph key into a `networkx_key` column that Gephi would show beside `label`: both go.
    (The tree is networkx's own, before it is written: its GEXF elements carry no namespace.)"""
    for name in ("xsi:schemaLocation", "xmlns:xsi"):
        root.attrib.pop(name, None)  # networkx misspells the XML Schema namespace for 1.3; the hint is optional
    for meta in root.iter("meta"):
        meta.attrib.pop("lastmodifieddate", None)
    for attributes in root.iter("attributes"):
        for attribute in attributes.findall("attribute[@title='networkx_key']"):
            attributes.remove(attribute)
            for values in root.iter("attvalues"):
                for value in values.findall(f"attvalue[@for='{attribute.get('id')}']"):
                    values.remove(value)
    ET.indent(root)
    ET.register_namespace("viz", f"{_GEXF}/viz")  # ElementTree's prefixes are global: set ours before writing
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


# ------------------------------------------------------------------------------------- node-link JSON
def write_node_link(graph: nx.MultiDiGraph, path: Path) -> None:
    """networkx's node-link form (`nx.node_link_graph(data, edges="edges")` reads it back), as d3 and sigma take it."""
    data = nx.node_link_data(gephi_ready(graph), edges="edges")
    with atomic_write(path) as stream:
        json.dump(data, stream, ensure_ascii=False, indent=1, sort_keys=True)
        stream.write("\n")


# -------------------------------------------------------------------------------------------------- CSV
NODE_COLUMNS = ("Id", "Label")
EDGE_COLUMNS = ("Source", "Target", "Type", "Id", "Label", "Weight")
"""The columns Gephi's spreadsheet import recognises; `Type` there is Directed/Undirected, so
an edge's kind is its `Label`. Other attributes follow as further columns, in name order."""


def write_tables(graph: nx.MultiDiGraph, nodes_path: Path, edges_path: Path) -> None:
    clean = gephi_ready(graph)
    node_rows = [{"Id": node, "Label": data.get("label", node), **_other(data, "label")} for node, data in clean.nodes(data=True)]
    edge_rows = [
        {
            "Source": source,
            "Target": target,
            "Type": "Directed",
            "Id": data["id"],
            "Label": data.get("label", key),
            "Weight": data.get("weight", 1),
            **_other(data, "id", "label", "weight"),
        }
        for source, target, key, data in clean.edges(keys=True, data=True)
    ]
    _write_csv(nodes_path, NODE_COLUMNS, node_rows)
    _write_csv(edges_path, EDGE_COLUMNS, edge_rows)


def _other(data: dict[str, Any], *taken: str) -> dict[str, Any]:
    """Attributes besides the Gephi columns; lower-case names cannot clash with them (`Type` vs `type`)."""
    return {name: value for name, value in data.items() if name not in taken}


def _write_csv(path: Path, leading: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    extra = sorted({name for row in rows for name in row} - set(leading))
    with atomic_write(path) as stream:
        writer = csv.DictWriter(stream, fieldnames=[*leading, *extra], restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# --------------------------------------------------------------------------------------------- values
def _scalars(attributes: dict[str, Any]) -> dict[str, Any]:
    return {
        key: _text(key, value) if isinstance(value, str) else value
        for key, value in sorted(attributes.items())
        if isinstance(value, _SCALARS) and not key.startswith("_")
    }


def _text(key: str, value: str) -> str:
    value = xml_safe(value)
    if key == "evidence" and len(value) > EVIDENCE_LIMIT:
        return value[: EVIDENCE_LIMIT - 1].rstrip() + "…"
    return value


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """XML 1.0 has no place for most control characters; drop them rather than write an unreadable file."""
    return _NOT_XML.sub("", text)
