"""`report.html`: one page per run that anyone can open by double-clicking it.

Self-contained on purpose: the picture is embedded as a data URI, the style is inline, there is
no script, and a Content-Security-Policy forbids loading anything else, so the page needs no
server and no network. Every piece of text from the documents is escaped: names and evidence
come from reports we do not control.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable, Sequence

import networkx as nx

from .countries import CountryIndex
from .export import xml_safe
from .records import Extraction

_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 76rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; position: sticky; top: 0; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
img { max-width: 100%; height: auto; border: 1px solid #ddd; }
.evidence { max-width: 36rem; } .muted { color: #777; }
.id { overflow-wrap: anywhere; min-width: 8rem; }
"""
_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def render_report(extractions: Sequence[Extraction], graph: nx.MultiDiGraph, picture_png: bytes) -> str:
    """The page as text; the same inputs give the same page (no dates, stable order)."""
    speakers = [(x, s) for x in extractions for s in x.speakers]
    relations = [(x, r) for x in extractions for r in x.relations]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>sidegraph report</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<h1>sidegraph report</h1>",
        _counts(extractions, graph, len(speakers), len(relations)),
        "<h2>Graph</h2>",
        _picture(picture_png),
        "<h2>Documents</h2>",
        _table(
            ("document", "title", "source", "pages", "speakers", "relations"),
            ((x.document.id, x.document.title, x.document.source, x.document.pages, len(x.speakers), len(x.relations))
             for x in extractions),
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
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


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
