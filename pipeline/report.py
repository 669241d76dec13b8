"""`report.html`: one page per run that anyone can open by double-clicking it.

Self-contained on purpose: the graph is drawn in the page by sigma.js and graphology, bundled
into `assets/report.js` at build time (see `js/build.mjs`, and `assets/README.md` for versions
and licences) and inlined with the graph's data; the picture is embedded as a data URI and stays
as the print version; a Content-Security-Policy allows that one script (by its hash) and forbids
loading anything, so the page needs no server and no network. Every piece of text from the
documents is escaped: names and evidence come from reports we do not control.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib.resources import files

import networkx as nx

from .appearance import colour
from .countries import CountryIndex
from .export import xml_safe
from .graph import LIST_SEPARATOR
from .records import Extraction

_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 110rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; } h3 { margin: 0; } h4 { margin: 1rem 0 .3rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; position: sticky; top: 0; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
img { max-width: 100%; height: auto; border: 1px solid #ddd; }
.evidence { max-width: 36rem; } .muted { color: #777; }
.id { overflow-wrap: anywhere; min-width: 8rem; }
#explore { display: grid; grid-template-columns: 17rem 1fr 25rem; gap: .8rem; height: 78vh; min-height: 30rem; }
#controls, #panel { overflow-y: auto; font-size: 14px; }
#graph-view { border: 1px solid #ddd; position: relative; min-width: 0; }
#search { width: 100%; box-sizing: border-box; font: inherit; padding: .3rem; }
#search-results, #panel ul { padding-left: 1.1rem; margin: .3rem 0; }
#filters { border: 1px solid #ddd; margin: .6rem 0; } #filters div { margin: .3rem 0; } #filters label { display: block; }
#filters input[type=number] { width: 5rem; } #document-filter { width: 100%; }
.swatch { display: inline-block; width: .7rem; height: .7rem; border-radius: 50%; margin-right: .2rem; }
#panel dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .6rem; margin: .5rem 0; }
#panel dt { color: #777; } #panel dd { margin: 0; } #panel q { display: block; margin: .2rem 0; }
#panel ul.evidence { list-style: none; padding-left: .6rem; border-left: 2px solid #eee; }
@media print { #explore { display: none; } }
"""
_NODE_SIZE_SCALE = 0.5
"""The picture's node sizes are points on a 12-inch figure; sigma's are pixels on a screen."""


@cache
def _script() -> str:
    """The bundled viewer (sigma.js, graphology and js/src/report.js), shipped with the package."""
    return files("pipeline").joinpath("assets/report.js").read_text(encoding="utf-8")


def render_report(extractions: Sequence[Extraction], graph: nx.MultiDiGraph, picture_png: bytes) -> str:
    """The page as text; the same inputs give the same page (no dates, stable order)."""
    speakers = [(x, s) for x in extractions for s in x.speakers]
    relations = [(x, r) for x in extractions for r in x.relations]
    data = _graph_data(extractions, graph)
    script = _script()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>sidegraph report</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<h1>sidegraph report</h1>",
        _counts(extractions, graph, len(speakers), len(relations)),
        "<h2>Explore</h2>",
        _explorer(data),
        "<h2>Picture</h2>",
        _picture(picture_png),
        "<h2>Documents</h2>",
        _table(
            ("document", "title", "date", "place", "series", "pages", "speakers", "relations"),
            ((x.document.id, x.document.title, _date(x), _place(x), x.document.series, x.document.pages,
              len(x.speakers), len(x.relations)) for x in extractions),
        ),
        f"<h2>Speakers ({len(speakers)})</h2>",
        _table(
            ("name", "title", "organisation", "country", "role", "document", "page"),
            ((s.name, s.title, s.organisation, _country(s.country), s.role, x.document.id, s.page) for x, s in speakers),
        ),
        f"<h2>Relations ({len(relations)})</h2>",
        _table(
            ("source", "relation", "target", "evidence", "document", "page"),
            ((_name(x, r.source), r.type, _name(x, r.target), r.evidence, x.document.id, r.page) for x, r in relations),
        ),
        f'<script type="application/json" id="sidegraph-data">{_json_for_script(data)}</script>',
        f"<script>{script}</script>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


# ------------------------------------------------------------------------------------- the explorer
def _explorer(data: dict[str, object]) -> str:
    """The controls the script wires: search, filters by node type, link type, years and document; the view; the panel."""
    nodes: list[dict] = data["nodes"]  # type: ignore[assignment]
    edges: list[dict] = data["edges"]  # type: ignore[assignment]
    types = _counted(n["type"] for n in nodes)
    kinds = _counted(e["kind"] for e in edges)
    years = sorted({year for item in (*nodes, *edges) for year in item["years"]})
    documents: list[dict] = data["documents"]  # type: ignore[assignment]

    def boxes(name: str, counts: dict[str, int]) -> str:
        return "".join(
            f'<label><input type="checkbox" data-filter="{name}" value="{_text(value)}" checked> '
            f"{_swatch(value) if name == 'type' else ''}{_text(value)} ({count})</label>"
            for value, count in counts.items()
        )

    bounds = f'min="{years[0]}" max="{years[-1]}"' if years else "disabled"
    options = "".join(
        f'<option value="{i}">{_text(d["title"])}{_text(" (" + d["date"] + ")" if d["date"] else "")}</option>'
        for i, d in enumerate(documents)
    )
    return "\n".join([
        '<section id="explore">',
        '<div id="controls">',
        '<label for="search">Find a person, organisation or country</label>',
        '<input id="search" type="search" placeholder="name, acronym or alias" autocomplete="off">',
        '<ul id="search-results"></ul>',
        '<fieldset id="filters"><legend>Show</legend>',
        f"<div><b>Nodes</b>{boxes('type', types)}"
        '<label><input id="unlinked" type="checkbox"> linked to nothing</label></div>',
        f"<div><b>Links</b>{boxes('kind', kinds)}</div>",
        f'<div><b>Years</b><br><input id="year-from" type="number" {bounds} value="{years[0] if years else ""}" aria-label="from year">'
        f' – <input id="year-to" type="number" {bounds} value="{years[-1] if years else ""}" aria-label="to year">'
        '<label><input id="undated" type="checkbox" checked> undated too</label></div>',
        f'<div><b>Document</b><br><select id="document-filter"><option value="">all documents</option>{options}</select></div>',
        "</fieldset>",
        '<p id="shown" class="muted"></p>',
        "</div>",
        '<div id="graph-view" role="img" aria-label="The corpus graph, interactive"></div>',
        '<aside id="panel"><p class="muted">The interactive view needs JavaScript and WebGL; the picture below shows the graph.</p></aside>',
        "</section>",
    ])


def _swatch(node_type: str) -> str:
    return f'<span class="swatch" style="background: rgb{colour(node_type)}"></span>'


def _counted(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for value in values:
        counts[value] += 1
    return dict(sorted(counts.items()))


def _graph_data(extractions: Sequence[Extraction], graph: nx.MultiDiGraph) -> dict[str, object]:
    """What the script draws: documents, nodes (position, look, facts, aliases, years, documents) and edges (kind,
    weight, years, documents, evidence with its document and page), in a stable order."""
    documents = [x.document for x in extractions]
    number = {d.id: i for i, d in enumerate(documents)}
    aliases: dict[str, set[str]] = defaultdict(set)
    evidence: dict[tuple[str, str, str], list[dict[str, object]]] = defaultdict(list)
    for extraction in extractions:
        doc = number[extraction.document.id]
        for entity in extraction.entities:
            aliases[entity.id].update((*entity.aliases, *((entity.iso3,) if entity.iso3 else ())))
        for relation in extraction.relations:
            evidence[relation.source, relation.target, relation.type].append({"text": relation.evidence, "doc": doc, "page": relation.page})
        for organiser in extraction.document.organisers:
            key = (f"event:{extraction.document.id}", organiser.id, "organised_by")
            evidence[key].append({"text": organiser.evidence, "doc": doc, "page": organiser.page})
    nodes = [
        {
            "key": node,
            "label": str(data.get("label", node)),
            "type": str(data.get("type", "")),
            "x": data.get("x", 0.0),
            "y": data.get("y", 0.0),
            "size": round(max(2.0, float(data.get("size", 5.0)) * _NODE_SIZE_SCALE), 2),
            "color": "#{:02x}{:02x}{:02x}".format(data.get("r", 136), data.get("g", 136), data.get("b", 136)),
            "aliases": sorted(aliases[node] - {data.get("label")}),
            "info": _facts(graph, node, data),
            "years": _years(data.get("dates")),
            "docs": _documents(data.get("sources", ""), number),
        }
        for node, data in sorted(graph.nodes(data=True))
    ]
    edges = [
        {
            "source": source,
            "target": target,
            "kind": str(data.get("label", key)),
            "weight": data.get("weight", 1),
            "years": _years(data.get("dates")),
            "docs": (docs := _documents(data.get("sources", ""), number)),
            "evidence": evidence.get((source, target, key)) or [{"text": _role(data), "doc": d, "page": None} for d in docs],
        }
        for source, target, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    ]
    return {
        "documents": [
            {"id": d.id, "title": d.title or d.id, "date": d.date, "date_source": d.date_source, "source": d.source}
            for d in documents
        ],
        "nodes": nodes,
        "edges": edges,
    }


def _facts(graph: nx.MultiDiGraph, node: str, data: dict) -> list[tuple[str, str]]:
    """What the panel says of a node, by type: role, title, organisation and country of a person; where and when an
    event was; an organisation's kind and country; a country's region."""
    kind = data.get("type")
    if kind == "person":
        roles = sorted({str(d["role"]) for _, _, d in graph.out_edges(node, data=True) if d.get("role")})
        facts = [("Role", ", ".join(roles)), ("Title", data.get("title")), ("Organisation", data.get("organisation")),
                 ("Country", _country(data.get("country")))]
    elif kind == "organisation":
        countries = [graph.nodes[t].get("label") for _, t, k in graph.out_edges(node, keys=True) if k == "based_in"]
        facts = [("Kind", str(data.get("kind", "")).replace("_", " ")), ("Country", ", ".join(map(str, countries)))]
    elif kind == "country":
        facts = [("ISO 3166", data.get("iso3")), ("Region", data.get("region")), ("Subregion", data.get("subregion"))]
    else:
        where = ", ".join(str(p) for p in (data.get("city"), _country(data.get("country"))) if p)
        source = str(data.get("date_source") or "text")
        when = data.get("date", "") + ("" if source == "text" else f" (from the {source.replace('_', ' ')})")
        facts = [("Date", when), ("Place", where), ("Series", data.get("series")), ("File", data.get("source"))]
    if data.get("first_year"):
        first, last = data["first_year"], data["last_year"]
        facts.append(("Seen", str(first) if first == last else f"{first}–{last}"))
    return [(name, str(value)) for name, value in facts if value]


@lru_cache(maxsize=4096)
def _years(dates: object) -> tuple[int, ...]:
    """Every year the dated events of an element touch (an event from 30 December to 2 January touches two); kept
    for the next element with the same dates, as the edges of one document have."""
    years: set[int] = set()
    for span in str(dates).split(LIST_SEPARATOR) if dates else ():
        start, _, end = span.partition("/")
        years.update(range(int(start[:4]), int((end or start)[:4]) + 1))
    return tuple(sorted(years))


def _documents(sources: object, number: dict[str, int]) -> list[int]:
    return sorted(number[s] for s in str(sources).split(LIST_SEPARATOR) if s in number)


def _role(data: dict) -> str:
    return f"as {data['role']}" if data.get("role") else ""


_NOT_IN_PAGE = re.compile(r"(?P<backslash>\\\\)|\\[bf]|\\u00(?:0[0-8bcef]|1[0-9a-f])|[\ud800-\udfff\ufffe\uffff]")
"""In JSON text: an escaped backslash (kept), or a control character XML has no place for (escaped by `json`, or
raw: lone surrogates and U+FFFE/U+FFFF)."""


def _json_for_script(data: object) -> str:
    """JSON that cannot end its <script> element or open a comment (<, > and & are written as escapes), and that
    carries none of the characters no page should: cleaned in one pass over the text, where `json` has escaped every
    control character (`_NOT_IN_PAGE` keeps an escaped backslash whole, so what follows it is never read as one)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = _NOT_IN_PAGE.sub(lambda found: found.group("backslash") or "", text)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _date(extraction: Extraction) -> str | None:
    document = extraction.document
    if not document.date:
        return None
    return document.date if document.date_source == "text" else f"{document.date} ({(document.date_source or '').replace('_', ' ')})"


def _place(extraction: Extraction) -> str | None:
    place = extraction.document.place
    return ", ".join(p for p in (place.city, _country(place.country)) if p) if place else None


def _picture(png: bytes) -> str:
    source = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return f'<img src="{source}" alt="The corpus graph: events, people, organisations and countries, coloured by type">'


def _counts(extractions: Sequence[Extraction], graph: nx.MultiDiGraph, speakers: int, relations: int) -> str:
    def entities(kind: str) -> int:
        return len({e.id for x in extractions for e in x.entities if e.type == kind})

    return _table(
        ("documents", "speakers", "people", "organisations", "countries", "relations", "graph nodes", "graph edges"),
        [(len(extractions), speakers, entities("person"), entities("organisation"), entities("country"), relations,
          graph.number_of_nodes(), graph.number_of_edges())],
    )


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    rows = list(rows)
    if not rows:
        return '<p class="muted">None found.</p>'
    numeric = [all(isinstance(row[i], int) for row in rows) for i in range(len(header))]
    head = "".join(f'<th{_class(numeric[i])} scope="col">{_text(name)}</th>' for i, name in enumerate(header))
    body = "\n".join(
        "<tr>" + "".join(f"<td{_class(numeric[i], header[i])}>{_text(value)}</td>" for i, value in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _class(numeric: bool, column: str = "") -> str:
    if numeric:
        return ' class="n"'
    return {"evidence": ' class="evidence"', "document": ' class="id"', "source": ' class="id"'}.get(column, "")


def _text(value: object) -> str:
    """Escaped for HTML (quotes too), with the control characters no page should carry dropped."""
    return "" if value is None else html.escape(xml_safe(str(value)), quote=True)


def _name(extraction: Extraction, entity_id: str) -> str:
    entity = extraction.entity(entity_id)
    return entity.name if entity else entity_id


def _country(iso3: str | None) -> str | None:
    if not iso3:
        return None
    try:
        return f"{CountryIndex.default()[iso3].name} ({iso3})"
    except KeyError:
        return iso3
