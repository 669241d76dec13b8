"""Time in the graph: events' dates become `date`/`year` attributes, first/last years per actor, and GEXF spells
that Gephi's timeline (and networkx, graphology) read; filtering to a year keeps exactly that year's edges."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from test_readers import graphology

from pipeline import DocumentInfo, Entity, Extraction, Organiser, Place, Relation, Speaker, build_graph, write_outputs

GEXF = "http://gexf.net/1.3"


def event(doc_id: str, date: str | None, people: tuple[str, ...], partners: tuple[str, ...]) -> Extraction:
    """An invented event where each person speaks for the ILO and the ILO cooperates with each partner country."""
    speakers = tuple(Speaker(p, None, "speaker", None, "ILO", "org:ilo", None, None, (), 0, 5, 1) for p in people)
    entities = (
        *(Entity(f"person:{p.lower().replace(' ', '-')}", "person", p) for p in people),
        Entity("org:ilo", "organisation", "International Labour Organization", aliases=("ILO",)),
        *(Entity(f"country:{c}", "country", c, iso3=c) for c in partners),
    )
    relations = tuple(Relation("org:ilo", f"country:{c}", "cooperation", f"The ILO works with {c}.", 0, 9, 1, 0.9) for c in partners)
    document = DocumentInfo(
        id=doc_id, source=f"{doc_id}.txt", title=f"Event {doc_id}", pages=1, date=date,
        date_source="text" if date else None, place=Place("Port Ana", "GHA") if date else None,
        series="COP 23" if date else None,
        organisers=(Organiser("org:ilo", "Organised by the ILO.", 0, 20, 1),),
    )
    return Extraction(document, speakers, entities, relations)


CORPUS = [
    event("a", "2008-06-25/2008-06-27", ("Ana Lima", "Kari Nord"), ("GHA", "NOR")),
    event("b", "2011-06-01", ("Ana Lima",), ("GHA", "PER")),
    event("c", "2011-12-30/2012-01-02", ("Ola Berg",), ("FIN",)),
    event("d", None, ("Ola Berg",), ("CHL",)),
]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("timeline")
    write_outputs(CORPUS, folder, formats={"graphml", "gexf", "json", "csv"})
    return folder


def test_dates_and_years_in_the_graph() -> None:
    graph = build_graph(CORPUS)
    assert {k: graph.nodes["event:a"][k] for k in ("date", "year", "date_source", "city", "country", "series")} == {
        "date": "2008-06-25/2008-06-27", "year": 2008, "date_source": "text", "city": "Port Ana", "country": "GHA",
        "series": "COP 23"}
    ana = graph.nodes["person:ana-lima"]
    assert (ana["first_year"], ana["last_year"], ana["dates"]) == (2008, 2011, "2008-06-25/2008-06-27; 2011-06-01")
    assert (graph.nodes["org:ilo"]["first_year"], graph.nodes["org:ilo"]["last_year"]) == (2008, 2012)
    ghana = graph.edges["org:ilo", "country:GHA", "cooperation"]
    assert (ghana["date"], ghana["year"], ghana["weight"]) == ("2008-06-25", 2008, 2)
    chile = graph.edges["org:ilo", "country:CHL", "cooperation"]  # only the undated event says so
    assert not {"date", "year", "dates"} & set(chile)
    assert "date" not in graph.nodes["event:d"] and "first_year" not in graph.nodes["country:CHL"]
    assert graph.has_edge("event:a", "org:ilo", key="organised_by")


def test_graphml_csv_and_json_carry_date_and_year(outputs: Path) -> None:
    graphml = nx.read_graphml(outputs / "graph.graphml", force_multigraph=True, edge_key_type=str)
    assert graphml.nodes["event:b"]["date"] == "2011-06-01" and graphml.nodes["event:b"]["year"] == 2011
    assert graphml.nodes["person:ola-berg"]["first_year"] == 2011 and graphml.nodes["person:ola-berg"]["last_year"] == 2012
    assert {d["year"] for u, v, d in graphml.edges(data=True) if v == "country:PER"} == {2011}
    with (outputs / "edges.csv").open(encoding="utf-8", newline="") as stream:
        edges = list(csv.DictReader(stream))
    assert {"date", "year", "dates"} <= set(edges[0])
    peru = next(e for e in edges if e["Target"] == "country:PER")
    assert (peru["date"], peru["year"]) == ("2011-06-01", "2011")
    with (outputs / "nodes.csv").open(encoding="utf-8", newline="") as stream:
        ana = next(n for n in csv.DictReader(stream) if n["Id"] == "person:ana-lima")
    assert (ana["first_year"], ana["last_year"]) == ("2008", "2011")
    data = json.loads((outputs / "graph.json").read_text(encoding="utf-8"))
    assert next(n for n in data["nodes"] if n["id"] == "event:c")["date"] == "2011-12-30/2012-01-02"


def test_gexf_is_dynamic_with_spells(outputs: Path) -> None:
    root = ET.parse(outputs / "graph.gexf").getroot()
    graph = root.find(f"{{{GEXF}}}graph")
    assert graph is not None and (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    declared = set(re.findall(r'xmlns(?::\w+)?="([^"]+)"', (outputs / "graph.gexf").read_text(encoding="utf-8")))
    assert declared == {GEXF, f"{GEXF}/viz"}
    assert {element.tag.partition("}")[0].lstrip("{") for element in root.iter()} <= declared  # spells in gexf's own
    ola = next(n for n in root.iter(f"{{{GEXF}}}node") if n.get("id") == "person:ola-berg")
    spells = [(s.get("start"), s.get("end")) for s in ola.iter(f"{{{GEXF}}}spell")]
    assert spells == [("2011-12-30", "2012-01-02")]  # the undated event adds no time
    assert not list(next(n for n in root.iter(f"{{{GEXF}}}node") if n.get("id") == "country:CHL").iter(f"{{{GEXF}}}spell"))


def test_networkx_reads_the_spells(outputs: Path) -> None:
    graph = nx.read_gexf(outputs / "graph.gexf")
    assert graph.nodes["person:ana-lima"]["spells"] == [("2008-06-25", "2008-06-27"), ("2011-06-01", "2011-06-01")]
    assert graph.nodes["event:b"]["viz"]["position"]  # the viz elements are still read alongside


def edges_in_year(graph: nx.MultiDiGraph, year: int) -> set[tuple[str, str, str]]:
    """What Gephi's timeline shows for one year: edges with a spell that overlaps it."""
    first, last = f"{year}-01-01", f"{year}-12-31"
    return {(u, v, d["label"]) for u, v, d in graph.edges(data=True)
            if any(start <= last and end >= first for start, end in d.get("spells", ()))}


@pytest.mark.parametrize("year", [2008, 2011, 2012, 2020])
def test_filtering_to_a_year_keeps_exactly_that_year_s_edges(outputs: Path, year: int) -> None:
    graph = nx.read_gexf(outputs / "graph.gexf")
    events_of_year = {x.document.id for x in CORPUS if x.document.days
                      and int(x.document.days[0][:4]) <= year <= int(x.document.days[1][:4])}
    expected = {(u, v, d["label"]) for u, v, d in build_graph(CORPUS).edges(data=True)
                if events_of_year & set(d["sources"].split("; "))}
    assert edges_in_year(graph, year) == expected
    assert bool(expected) == (year != 2020)


def test_graphology_reads_the_dynamic_gexf(outputs: Path) -> None:
    seen = graphology(outputs / "graph.gexf")
    reference = nx.read_gexf(outputs / "graph.gexf")
    assert (seen["order"], seen["size"]) == (reference.number_of_nodes(), reference.number_of_edges())
    assert seen["nodes"]["event:a"]["date"] == "2008-06-25/2008-06-27"
    assert seen["nodes"]["person:ana-lima"]["first_year"] == 2008


def test_a_corpus_without_dates_stays_static(tmp_path: Path) -> None:
    write_outputs([event("d", None, ("Ola Berg",), ("CHL",))], tmp_path, formats={"gexf"})
    text = (tmp_path / "graph.gexf").read_text(encoding="utf-8")
    assert 'mode="static"' in text and "<spell" not in text
