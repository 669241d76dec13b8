"""The corpus graph: events, people, organisations and countries, and how they are linked.

One node per actor across the whole run (ids come from canonical names, so the same ILO from
two reports is one node); node and edge attributes are scalars so every GraphML reader,
Gephi's included, takes them.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from .countries import CountryIndex
from .organisations import OrganisationGazetteer
from .records import Extraction

LIST_SEPARATOR = "; "
_CHAIR_ROLES = frozenset({"chair", "co-chair", "moderator", "facilitator"})


def build_graph(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """Merge extractions into one graph; parallel edges of one type become one weighted edge."""
    graph = nx.MultiDiGraph()
    for extraction in extractions:
        _add_extraction(graph, extraction)
    for _, data in graph.nodes(data=True):
        documents = sorted(data.pop("_documents"))
        data["documents"] = len(documents)
        data["sources"] = LIST_SEPARATOR.join(documents)
    return graph


def _add_extraction(graph: nx.MultiDiGraph, extraction: Extraction) -> None:
    doc_id = extraction.document.id
    event = f"event:{doc_id}"
    _node(graph, event, doc_id, type="event", label=extraction.document.title or doc_id, source=extraction.document.source)
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
