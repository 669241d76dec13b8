"""The corpus graph and its GraphML: Gephi-safe keys and values, stable bytes, text that survives XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from pipeline import DocumentInfo, Entity, Extraction, Speaker, build_graph, write_graphml

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


@pytest.fixture(scope="module")
def seed_graph(seed_extraction: Extraction) -> nx.MultiDiGraph:
    return build_graph([seed_extraction])


@pytest.fixture(scope="module")
def seed_file(seed_graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "graph.graphml"
    write_graphml(seed_graph, path)
    return path


@pytest.fixture(scope="module")
def read_back(seed_file: Path) -> nx.MultiDiGraph:
    return nx.read_graphml(seed_file, force_multigraph=True, edge_key_type=str)


def edge_types(graph: nx.MultiDiGraph, source: str, target: str) -> set[str]:
    return {data["label"] for data in graph.get_edge_data(source, target, default={}).values()}


# ------------------------------------------------------------------------------------------ the graph
def test_every_node_has_label_and_type(read_back: nx.MultiDiGraph) -> None:
    assert read_back.number_of_nodes() > 20
    for node, data in read_back.nodes(data=True):
        assert data.get("label"), node
        assert data.get("type") in {"event", "person", "organisation", "country"}, node


def test_speaker_edges(read_back: nx.MultiDiGraph) -> None:
    assert edge_types(read_back, "person:liu-yuton", "org:mohrss") == {"affiliated_with"}
    assert edge_types(read_back, "person:liu-yuton", "country:CHN") == {"represents"}
    assert edge_types(read_back, "person:liu-yuton", "event:side-event-sstc") == {"spoke_at"}
    assert edge_types(read_back, "person:valerie-schmitt", "event:side-event-sstc") == {"chaired"}


def test_node_attributes(read_back: nx.MultiDiGraph) -> None:
    assert read_back.nodes["event:side-event-sstc"]["type"] == "event"
    assert read_back.nodes["event:side-event-sstc"]["label"] == "South-South and Triangular Cooperation"
    china = read_back.nodes["country:CHN"]
    assert (china["label"], china["iso3"], china["region"]) == ("China", "CHN", "Asia")
    liu = read_back.nodes["person:liu-yuton"]
    assert (liu["type"], liu["organisation"], liu["country"]) == ("person", "MOHRSS", "CHN")
    assert read_back.nodes["org:mohrss"]["documents"] == 1


def test_organisation_based_in_its_country(read_back: nx.MultiDiGraph) -> None:
    assert "based_in" in edge_types(read_back, "org:mohrss", "country:CHN")


def test_shared_organisation_is_one_node(seed_extraction: Extraction, sample_extraction: Extraction) -> None:
    graph = build_graph([seed_extraction, sample_extraction])
    ilo = [node for node in graph if node == "org:ilo"]
    assert len(ilo) == 1
    assert graph.nodes["org:ilo"]["documents"] == 2
    assert graph.nodes["org:ilo"]["sources"] == "ministerial-dialogue-sample; side-event-sstc"
    assert {"event:side-event-sstc", "event:ministerial-dialogue-sample"} <= set(graph)


def small_extraction(doc_id: str, person: str) -> Extraction:
    slug = person.lower().replace(" ", "-")
    return Extraction(
        document=DocumentInfo(id=doc_id, source=f"{doc_id}.txt", title=f"Event {doc_id}", pages=1),
        speakers=(Speaker(person, "Ms", "speaker", "Director", "ILO", "org:ilo", None, "NOR", (), 0, 5, 1),),
        entities=(
            Entity(f"person:{slug}", "person", person),
            Entity("org:ilo", "organisation", "International Labour Organization", aliases=("ILO",)),
        ),
    )


def test_repeated_evidence_raises_the_weight() -> None:
    graph = build_graph([small_extraction("a", "Kari Nord"), small_extraction("b", "Kari Nord")])
    assert sorted(graph.nodes) == ["country:NOR", "event:a", "event:b", "org:ilo", "person:kari-nord"]
    affiliation = graph.edges["person:kari-nord", "org:ilo", "affiliated_with"]
    assert (affiliation["weight"], affiliation["sources"]) == (2, "a; b")
    assert graph.nodes["person:kari-nord"]["documents"] == 2
    assert graph.number_of_edges("person:kari-nord", "country:NOR") == 1


# --------------------------------------------------------------------------------------------- GraphML
def test_key_ids_are_attribute_names(seed_file: Path) -> None:
    text = seed_file.read_text(encoding="utf-8")
    assert 'id="d0"' not in text
    keys = ET.parse(seed_file).getroot().findall("g:key", NS)
    assert keys and all(key.get("id") in (key.get("attr.name"), f"edge_{key.get('attr.name')}") for key in keys)
    assert len({key.get("id") for key in keys}) == len(keys)


def test_no_graph_level_data(seed_file: Path) -> None:
    root = ET.parse(seed_file).getroot()
    graph = root.find("g:graph", NS)
    assert graph is not None and graph.findall("g:data", NS) == []
    assert not [key for key in root.findall("g:key", NS) if key.get("for") not in {"node", "edge"}]


def test_edge_ids_unique(seed_file: Path) -> None:
    ids = [edge.get("id") for edge in ET.parse(seed_file).getroot().iter(f"{{{NS['g']}}}edge")]
    assert len(ids) > 20 and None not in ids
    assert len(set(ids)) == len(ids)


def test_values_are_scalars(read_back: nx.MultiDiGraph) -> None:
    assert read_back.graph == {"node_default": {}, "edge_default": {}}
    values = [v for _, data in read_back.nodes(data=True) for v in data.values()]
    values += [v for *_, data in read_back.edges(keys=True, data=True) for v in data.values()]
    assert all(isinstance(v, (str, int, float, bool)) for v in values)
    assert all(isinstance(data["weight"], int) for *_, data in read_back.edges(data=True))


def test_two_writes_give_identical_bytes(seed_graph: nx.MultiDiGraph, seed_file: Path, tmp_path: Path) -> None:
    write_graphml(seed_graph, tmp_path / "again.graphml")
    assert (tmp_path / "again.graphml").read_bytes() == seed_file.read_bytes()


def test_rebuilt_graph_gives_identical_bytes(seed_extraction: Extraction, seed_file: Path, tmp_path: Path) -> None:
    """Order of insertion must not matter: the same extraction, saved and rebuilt, gives the same file."""
    rebuilt = Extraction.from_dict(seed_extraction.to_dict())
    write_graphml(build_graph([rebuilt]), tmp_path / "rebuilt.graphml")
    assert (tmp_path / "rebuilt.graphml").read_bytes() == seed_file.read_bytes()


def test_awkward_text_round_trips(tmp_path: Path) -> None:
    label = 'R&D <Unit> "quoted" \'single\' 🌍 Ünïcødé\x07 end'
    graph = nx.MultiDiGraph()
    graph.add_node("org:r&d<1>", label=label, type="organisation", note=None, tags=["a", "b"], _private="x")
    graph.add_node("country:NOR", label="Norway", type="country")
    graph.add_edge("org:r&d<1>", "country:NOR", key="based_in", label="based_in", weight=1, evidence="a\x00b\x1fc")
    path = tmp_path / "awkward.graphml"
    write_graphml(graph, path)
    ET.parse(path)  # well-formed XML 1.0
    back = nx.read_graphml(path, force_multigraph=True, edge_key_type=str)
    node = back.nodes["org:r&d<1>"]
    assert node == {"label": 'R&D <Unit> "quoted" \'single\' 🌍 Ünïcødé end', "type": "organisation"}
    assert back.edges["org:r&d<1>", "country:NOR", "e0"]["evidence"] == "abc"


def test_write_replaces_an_old_file_whole(seed_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / "out" / "graph.graphml"
    path.parent.mkdir()
    path.write_text("stale " * 100_000)
    write_graphml(seed_graph, path)
    assert path.read_text(encoding="utf-8").startswith("<?xml")
    assert [p.name for p in path.parent.iterdir()] == ["graph.graphml"]
