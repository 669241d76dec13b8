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
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from .appearance import LOOK_ATTRIBUTES
from .errors import Errors, InputError
from .graph import LIST_SEPARATOR
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


# ------------------------------------------------------------------------------------- GraphML and GEXF
# Written line by line rather than through networkx's writers: those build an ElementTree that
# then needed fixing (key ids, a date, networkx's own columns), and cost three times as long.
_XML_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>"
_TEXT_ESCAPES = {"\r": "&#13;"}
"""A bare carriage return in element text would reach a reader as a line feed."""
_GRAPHML_ROOT = (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
)


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    """GraphML whose key ids are the attribute names (an edge attribute named like a node one,
    such as `label`, gets an `edge_` id: ids are unique per file) and whose edge ids are `e0`, `e1`..."""
    clean = gephi_ready(graph)
    node_keys = _attribute_types(data for _, data in clean.nodes(data=True))
    edge_keys = _attribute_types((data for _, _, data in clean.edges(data=True)), leaving=("id",))
    edge_ids = {name: f"edge_{name}" if name in node_keys else name for name in edge_keys}
    lines = [_XML_DECLARATION, _GRAPHML_ROOT]
    for scope, keys, ids in (("node", node_keys, {name: name for name in node_keys}), ("edge", edge_keys, edge_ids)):
        lines += [
            f'  <key id={quoteattr(ids[name])} for="{scope}" attr.name={quoteattr(name)} attr.type="{kind}" />'
            for name, kind in keys.items()
        ]
    lines.append('  <graph edgedefault="directed">')
    node_attrs = _quoted_nodes(clean)
    node_data = {name: f"      <data key={quoteattr(name)}>" for name in node_keys}
    edge_data = {name: f"      <data key={quoteattr(key_id)}>" for name, key_id in edge_ids.items()}
    for node, data in clean.nodes(data=True):
        lines.append(f"    <node id={node_attrs[node]}>")
        lines += [f"{node_data[name]}{_xml_text(value)}</data>" for name, value in data.items()]
        lines.append("    </node>")
    for source, target, data in clean.edges(data=True):
        lines.append(f"    <edge source={node_attrs[source]} target={node_attrs[target]} id={quoteattr(data['id'])}>")
        lines += [f"{edge_data[name]}{_xml_text(value)}</data>" for name, value in data.items() if name in edge_data]
        lines.append("    </edge>")
    lines += ["  </graph>", "</graphml>", ""]
    _write_lines(path, lines)


GEXF_VERSION = "1.3"
_GEXF = f"http://gexf.net/{GEXF_VERSION}"


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    """GEXF 1.3 for Gephi's native import: colour, size and position go into `viz` elements,
    an edge's kind and weight into its `label` and `weight`, the days of its events into `spells`
    (the graph is then dynamic, for Gephi's timeline), everything else into attribute columns."""
    clean = gephi_ready(graph)
    node_columns = _attribute_types((data for _, data in clean.nodes(data=True)), leaving=("label", "dates", *LOOK_ATTRIBUTES))
    edge_columns = _attribute_types((data for _, _, data in clean.edges(data=True)), leaving=("id", "label", "weight", "dates"))
    dynamic = any("dates" in data for _, data in clean.nodes(data=True))
    mode = 'mode="dynamic" timeformat="date"' if dynamic else 'mode="static"'
    lines = [
        _XML_DECLARATION,
        f'<gexf xmlns="{_GEXF}" xmlns:viz="{_GEXF}/viz" version="{GEXF_VERSION}">',
        "  <meta>",
        "    <creator>sidegraph</creator>",
        "  </meta>",
        f'  <graph defaultedgetype="directed" {mode}>',
    ]
    node_ids = {name: str(number) for number, name in enumerate(node_columns)}  # numbers, not names: Gephi reserves some
    edge_ids = {name: str(len(node_ids) + number) for number, name in enumerate(edge_columns)}
    for scope, columns, ids in (("node", node_columns, node_ids), ("edge", edge_columns, edge_ids)):
        lines.append(f'    <attributes class="{scope}" mode="static">')
        lines += [f'      <attribute id="{ids[name]}" title={quoteattr(name)} type="{kind}" />' for name, kind in columns.items()]
        lines.append("    </attributes>")
    lines.append("    <nodes>")
    node_attrs = _quoted_nodes(clean)
    for node, data in clean.nodes(data=True):
        lines.append(f"      <node id={node_attrs[node]} label={quoteattr(str(data.get('label', node)))}>")
        if all(name in data for name in LOOK_ATTRIBUTES):
            lines += [
                f'        <viz:color r="{data["r"]}" g="{data["g"]}" b="{data["b"]}" a="1.0" />',
                f'        <viz:size value="{data["size"]}" />',
                f'        <viz:position x="{data["x"]}" y="{data["y"]}" z="0.0" />',
            ]
        lines += _attribute_values(data, node_ids)
        lines += _spells(data)
        lines.append("      </node>")
    lines += ["    </nodes>", "    <edges>"]
    for source, target, data in clean.edges(data=True):
        optional = "".join(f" {name}={quoteattr(str(data[name]))}" for name in ("label", "weight") if name in data)
        lines.append(f"      <edge source={node_attrs[source]} target={node_attrs[target]} id={quoteattr(data['id'])}{optional}>")
        lines += _attribute_values(data, edge_ids)
        lines += _spells(data)
        lines.append("      </edge>")
    lines += ["    </edges>", "  </graph>", "</gexf>", ""]
    _write_lines(path, lines)


def _quoted_nodes(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Each node id as an XML attribute value, quoted once: an edge names two nodes, and a corpus has ten
    times as many edges as nodes."""
    return {node: quoteattr(node) for node in graph}


def _spells(data: dict[str, Any]) -> list[str]:
    """One spell per event day or range ("2008-06-25/2008-06-27"), ends included, as Gephi reads them."""
    if "dates" not in data:
        return []
    spells = []
    for span in str(data["dates"]).split(LIST_SEPARATOR):
        start, _, end = span.partition("/")
        spells.append(f'          <spell start="{start}" end="{end or start}" />')
    return ["        <spells>", *spells, "        </spells>"]


def _attribute_values(data: dict[str, Any], ids: dict[str, str]) -> list[str]:
    values = [f'          <attvalue for="{ids[name]}" value={quoteattr(_xml_value(data[name]))} />' for name in ids if name in data]
    return ["        <attvalues>", *values, "        </attvalues>"] if values else []


def _attribute_types(records: Iterable[dict[str, Any]], *, leaving: tuple[str, ...] = ()) -> dict[str, str]:
    """Each attribute's XML type, in name order: text if any value is text, a number wide enough for all values otherwise."""
    seen: dict[str, set[type]] = {}
    for record in records:
        for name, value in record.items():
            if name not in leaving:
                seen.setdefault(name, set()).add(type(value))
    return {name: _xml_type(seen[name]) for name in sorted(seen)}


def _xml_type(types: set[type]) -> str:
    if types == {bool}:
        return "boolean"
    if types <= {int}:
        return "long"
    if types <= {int, float}:
        return "double"
    return "string"


def _xml_value(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _xml_text(value: object) -> str:
    return escape(_xml_value(value), _TEXT_ESCAPES)


def _write_lines(path: Path, lines: list[str]) -> None:
    with atomic_write(path, "wb") as stream:
        stream.write("\n".join(lines).encode("utf-8"))


# ------------------------------------------------------------------------------------- node-link JSON
def write_node_link(graph: nx.MultiDiGraph, path: Path) -> None:
    """networkx's node-link form (`nx.node_link_graph(data, edges="edges")` reads it back), as d3 and sigma take it."""
    data = nx.node_link_data(gephi_ready(graph), edges="edges")
    with atomic_write(path) as stream:
        stream.write(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


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
