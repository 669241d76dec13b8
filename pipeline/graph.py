"""The corpus graph: events, people, organisations and countries, and how they are linked.

One node per actor across the whole run (ids come from canonical names, so the same ILO from
two reports is one node); node and edge attributes are scalars so every GraphML reader,
Gephi's included, takes them.

Time comes from the events' dates: an event carries its `date` and `year`, an edge the `date`
and `year` of the first event that evidences it, every actor the `first_year` and `last_year`
it is seen, and each of them `dates`, the days of all its dated events (the GEXF writer turns
them into spells for Gephi's timeline). An undated event adds no time to what it mentions.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from .countries import CountryIndex
from .organisations import OrganisationGazetteer
from .records import DocumentInfo, Extraction

LIST_SEPARATOR = "; "
_CHAIR_ROLES = frozenset({"chair", "co-chair", "moderator", "facilitator"})


def build_graph(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """Merge extractions into one graph; parallel edges of one type become one weighted edge."""
    graph = nx.MultiDiGraph()
    dates: dict[str, str] = {}
    for extraction in extractions:
        _add_extraction(graph, extraction)
        if extraction.document.date:
            dates[extraction.document.id] = extraction.document.date
    for _, data in graph.nodes(data=True):
        documents = sorted(data.pop("_documents"))
        data["documents"] = len(documents)
        data["sources"] = LIST_SEPARATOR.join(documents)
        if data["type"] != "event":
            data.update(_time(documents, dates, first_and_last=True))
    for *_, data in graph.edges(data=True):
        data.update(_time(data["sources"].split(LIST_SEPARATOR), dates, first_and_last=False))
    return graph


def _time(documents: list[str], dates: dict[str, str], *, first_and_last: bool) -> dict[str, object]:
    """`dates` (the days of the dated events among `documents`, as ISO 8601 intervals joined like `sources`) and
    `first_year`/`last_year` for an actor, or the `date` and `year` of the first event for an edge."""
    spans = sorted({dates[d] for d in documents if d in dates})
    if not spans:
        return {}
    if first_and_last:
        return {"dates": LIST_SEPARATOR.join(spans), "first_year": _year(spans[0]), "last_year": max(_year(s, end=True) for s in spans)}
    return {"dates": LIST_SEPARATOR.join(spans), "date": spans[0].partition("/")[0], "year": _year(spans[0])}


def _year(span: str, *, end: bool = False) -> int:
    return int(span.rpartition("/")[2][:4] if end else span[:4])


def _add_extraction(graph: nx.MultiDiGraph, extraction: Extraction) -> None:
    document = extraction.document
    doc_id = document.id
    event = f"event:{doc_id}"
    _node(graph, event, doc_id, type="event", label=document.title or doc_id, source=document.source, **_event_attributes(document))
    entities = {e.id: e for e in extraction.entities}
    for entity in extraction.entities:
        attributes = (
            _country_attributes(entity.iso3) if entity.type == "country" and entity.iso3
            else {"type": entity.type, "label": entity.name}
        )
        if entity.type == "organisation":
            attributes["kind"] = _organisation_kind(entity.id)
        _node(graph, entity.id, doc_id, **attributes)
        if entity.type == "organisation" and entity.country:
            _node(graph, f"country:{entity.country}", doc_id, **_country_attributes(entity.country))
            _edge(graph, entity.id, f"country:{entity.country}", "based_in", doc_id)
    for entity in extraction.entities:
        if entity.parent in entities:  # after the loop above, so both nodes exist
            _edge(graph, entity.id, entity.parent, "part_of", doc_id)
    for speaker in extraction.speakers:
        person = next(  # a spelling variant of one person is kept as an alias of the person introduced
            (e.id for e in extraction.entities if e.type == "person" and speaker.name in (e.name, *e.aliases)), None
        )
        if person is None:
            continue
        graph.nodes[person].update(
            title=speaker.title or "", organisation=speaker.organisation or "", country=speaker.country or ""
        )
        _edge(graph, person, event, "chaired" if speaker.role in _CHAIR_ROLES else "spoke_at", doc_id, role=speaker.role)
        if speaker.organisation_id in entities:
            _edge(graph, person, speaker.organisation_id, "affiliated_with", doc_id)
        if speaker.country:
            _node(graph, f"country:{speaker.country}", doc_id, **_country_attributes(speaker.country))
            _edge(graph, person, f"country:{speaker.country}", "represents", doc_id)
    for relation in extraction.relations:
        _edge(graph, relation.source, relation.target, relation.type, doc_id, evidence=relation.evidence)
    for organiser in document.organisers:
        if organiser.id in entities:
            _edge(graph, event, organiser.id, "organised_by", doc_id, evidence=organiser.evidence)


def _event_attributes(document: DocumentInfo) -> dict[str, object]:
    """What the text says of the event: when (with `date_source`), where, and in which series; nothing unknown."""
    attributes: dict[str, object] = {}
    if document.date:
        attributes.update(date=document.date, year=int(document.date[:4]), date_source=document.date_source or "")
        attributes["dates"] = document.date
    if document.place:
        attributes.update({k: v for k, v in (("city", document.place.city), ("country", document.place.country)) if v})
    if document.series:
        attributes["series"] = document.series
    return attributes


def _country_attributes(iso3: str) -> dict[str, object]:
    country = CountryIndex.default()[iso3]
    return {"type": "country", "label": country.name, "iso3": iso3, "region": country.region, "subregion": country.subregion}


def _organisation_kind(org_id: str) -> str:
    """The gazetteer's kind (`un_system`, `ifi`, `ngo`, ...); "" for organisations it does not list."""
    known = OrganisationGazetteer.default().get(org_id.removeprefix("org:"))
    return known.kind if known else ""


def _node(graph: nx.MultiDiGraph, node_id: str, doc_id: str, **attributes: object) -> None:
    if node_id not in graph:
        graph.add_node(node_id, _documents=set(), **attributes)
    graph.nodes[node_id]["_documents"].add(doc_id)


def _edge(graph: nx.MultiDiGraph, source: str, target: str, kind: str, doc_id: str, **attributes: object) -> None:
    """One edge per (source, target, kind): repeated evidence raises its weight."""
    if graph.has_edge(source, target, key=kind):
        data = graph.edges[source, target, kind]
        data["weight"] += 1
        if doc_id not in data["sources"].split(LIST_SEPARATOR):
            data["sources"] += LIST_SEPARATOR + doc_id
        return
    graph.add_edge(source, target, key=kind, label=kind, weight=1, sources=doc_id, **attributes)
