"""The corpus graph and its files: Gephi-safe GraphML and GEXF, JSON, CSV, picture, report, and `sidegraph export`."""

from __future__ import annotations

import csv
import json
import os
import re
import stat
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from pipeline import (
    DocumentInfo,
    Entity,
    Extraction,
    Relation,
    Speaker,
    build_graph,
    write_extraction,
    write_graphml,
    write_outputs,
)
from pipeline.appearance import node_size, with_appearance
from pipeline.cli import main
from pipeline.drawing import render
from pipeline.export import EVIDENCE_LIMIT, gephi_ready, write_gexf

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


def test_a_speaker_under_a_variant_spelling_is_linked_to_the_person() -> None:
    extraction = small_extraction("a", "Kari Nordh")
    person = Entity("person:kari-nord", "person", "Kari Nord", aliases=("Kari Nordh",))
    graph = build_graph([replace(extraction, entities=(person, *extraction.entities[1:]))])
    assert graph.has_edge("person:kari-nord", "event:a", key="spoke_at")
    assert graph.nodes["person:kari-nord"]["title"] == "Director"


def test_organisation_based_in_a_country_the_text_does_not_name() -> None:
    extraction = Extraction(
        DocumentInfo("d", "d.txt", "d", 1),
        entities=(Entity("org:fin-ministry-of-finance", "organisation", "Ministry of Finance", country="FIN"),),
    )
    graph = build_graph([extraction])
    assert graph.nodes["country:FIN"]["type"] == "country"
    assert graph.has_edge("org:fin-ministry-of-finance", "country:FIN", key="based_in")


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


# ------------------------------------------------------------------------------- outputs and appearance
AWKWARD = 'Zoë "Zee" O\'Brien <b>&amp; 🌍\x07'
AWKWARD_ORG = "R&D <Unit> — Ünïcødé\x1f"


def awkward_extraction() -> Extraction:
    """Names and evidence with markup, entities, quotes, emoji, accents and control characters."""
    evidence = "R&D <Unit> \"cooperates\" with Norway\x0b on 🌍 " + "and much more " * 40
    return Extraction(
        document=DocumentInfo(id="awkward", source="awkward.txt", title="Event <&> \"quoted\"", pages=1),
        speakers=(Speaker(AWKWARD, "Ms", "chair", "Head <of> R&D", AWKWARD_ORG, "org:r-d-unit", None, "NOR", (), 0, 5, 1),),
        entities=(
            Entity("person:zoe-zee-obrien", "person", AWKWARD),
            Entity("org:r-d-unit", "organisation", AWKWARD_ORG),
            Entity("country:NOR", "country", "Norway", iso3="NOR"),
        ),
        relations=(Relation("org:r-d-unit", "country:NOR", "cooperation", evidence, 0, 10, 1, 0.9),),
    )


@pytest.fixture(scope="module")
def corpus(seed_extraction: Extraction, sample_extraction: Extraction) -> list[Extraction]:
    return [seed_extraction, sample_extraction, awkward_extraction()]


@pytest.fixture(scope="module")
def outputs(corpus: list[Extraction], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outputs")
    write_outputs(corpus, folder)
    return folder


def test_every_output_is_written(outputs: Path) -> None:
    names = sorted(p.name for p in outputs.iterdir())
    assert names == ["edges.csv", "graph.gexf", "graph.graphml", "graph.json", "graph.png", "graph.svg",
                     "nodes.csv", "report.html"]
    assert (outputs / "graph.png").read_bytes().startswith(b"\x89PNG")
    assert (outputs / "graph.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_chosen_formats_only(corpus: list[Extraction], tmp_path: Path) -> None:
    written = write_outputs(corpus, tmp_path, formats={"csv", "html"})
    assert [p.name for p in written] == ["nodes.csv", "edges.csv", "report.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edges.csv", "nodes.csv", "report.html"]
    with pytest.raises(ValueError, match="pdf"):
        write_outputs(corpus, tmp_path, formats={"pdf"})


def test_order_of_documents_does_not_matter(corpus: list[Extraction], outputs: Path, tmp_path: Path) -> None:
    """Same inputs, other order, second run: byte-identical files (SVG and PNG too, no dates inside)."""
    write_outputs(list(reversed(corpus)), tmp_path)
    for name in ("graph.graphml", "graph.gexf", "graph.json", "nodes.csv", "edges.csv", "graph.svg", "graph.png",
                 "report.html"):
        assert (tmp_path / name).read_bytes() == (outputs / name).read_bytes(), name
    assert "<dc:date>" not in (outputs / "graph.svg").read_text(encoding="utf-8")


def test_one_drawing_serves_both_pictures(outputs: Path, corpus: list[Extraction]) -> None:
    """`write_outputs` draws the figure once and saves it twice: the same bytes as each picture drawn alone."""
    graph = with_appearance(build_graph(sorted(corpus, key=lambda x: (x.document.id, x.document.source))))
    assert render(graph, "svg") == {"svg": (outputs / "graph.svg").read_bytes()}
    assert render(graph, "png") == {"png": (outputs / "graph.png").read_bytes()}


def test_writers_take_a_graph_cleaned_once(seed_graph: nx.MultiDiGraph, seed_file: Path, tmp_path: Path) -> None:
    """The GEXF writer moves the look into `viz` on its own copy: the shared clean graph keeps it for the others."""
    styled = with_appearance(seed_graph)
    clean = gephi_ready(styled)
    assert gephi_ready(clean) is clean
    write_gexf(clean, tmp_path / "graph.gexf")
    assert all("x" in data for _, data in clean.nodes(data=True))
    write_graphml(clean, tmp_path / "shared.graphml")
    write_graphml(styled, tmp_path / "alone.graphml")
    assert (tmp_path / "shared.graphml").read_bytes() == (tmp_path / "alone.graphml").read_bytes()


def test_nodes_are_styled_for_gephi(outputs: Path) -> None:
    back = nx.read_graphml(outputs / "graph.graphml", force_multigraph=True, edge_key_type=str)
    event, person = back.nodes["event:side-event-sstc"], back.nodes["person:liu-yuton"]
    for data in (event, person):
        assert all(isinstance(data[c], int) and 0 <= data[c] <= 255 for c in "rgb")
        assert isinstance(data["x"], float) and isinstance(data["y"], float)
    assert (event["r"], event["g"], event["b"]) != (person["r"], person["g"], person["b"])
    assert event["size"] > person["size"]
    assert back.nodes["org:ilo"]["kind"] == "un_system"
    assert back.nodes["org:r-d-unit"]["kind"] == ""


def test_size_grows_with_degree() -> None:
    assert node_size("person", 9) > node_size("person", 1) > node_size("person", 0)
    assert node_size("event", 1) > node_size("person", 1)


def test_evidence_is_cut_and_xml_safe(outputs: Path) -> None:
    back = nx.read_graphml(outputs / "graph.graphml", force_multigraph=True, edge_key_type=str)
    (evidence,) = [d["evidence"] for _, _, d in back.edges(data=True) if d["label"] == "cooperation"
                   and d["sources"] == "awkward"]
    assert len(evidence) == EVIDENCE_LIMIT and evidence.endswith("…")
    assert evidence.startswith('R&D <Unit> "cooperates" with Norway on 🌍 ')


def test_gexf_carries_viz_and_no_date(outputs: Path) -> None:
    text = (outputs / "graph.gexf").read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.get("version") == "1.3"
    assert "lastmodifieddate" not in text and "networkx_key" not in text
    viz = "{http://gexf.net/1.3/viz}"
    nodes = list(root.iter("{http://gexf.net/1.3}node"))
    assert nodes and all(node.find(f"{viz}color") is not None and node.find(f"{viz}size") is not None for node in nodes)
    back = nx.read_gexf(outputs / "graph.gexf")
    assert back.nodes["person:zoe-zee-obrien"]["label"] == 'Zoë "Zee" O\'Brien <b>&amp; 🌍'


def test_node_link_json_reads_back(outputs: Path) -> None:
    data = json.loads((outputs / "graph.json").read_text(encoding="utf-8"))
    back = nx.node_link_graph(data, edges="edges")
    graphml = nx.read_graphml(outputs / "graph.graphml", force_multigraph=True, edge_key_type=str)
    assert (back.number_of_nodes(), back.number_of_edges()) == (graphml.number_of_nodes(), graphml.number_of_edges())
    assert back.nodes["org:r-d-unit"]["label"] == "R&D <Unit> — Ünïcødé"


def test_csv_in_gephi_columns(outputs: Path) -> None:
    with (outputs / "nodes.csv").open(encoding="utf-8", newline="") as stream:
        nodes = list(csv.DictReader(stream))
    with (outputs / "edges.csv").open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        edges = list(reader)
    assert list(reader.fieldnames or [])[:6] == ["Source", "Target", "Type", "Id", "Label", "Weight"]
    assert list(nodes[0])[:2] == ["Id", "Label"]
    graphml = nx.read_graphml(outputs / "graph.graphml", force_multigraph=True, edge_key_type=str)
    assert (len(nodes), len(edges)) == (graphml.number_of_nodes(), graphml.number_of_edges())
    assert {e["Type"] for e in edges} == {"Directed"}
    zoe = next(n for n in nodes if n["Id"] == "person:zoe-zee-obrien")
    assert (zoe["Label"], zoe["type"], zoe["country"]) == ('Zoë "Zee" O\'Brien <b>&amp; 🌍', "person", "NOR")
    chair = next(e for e in edges if e["Source"] == "person:zoe-zee-obrien" and e["Target"] == "event:awkward")
    assert (chair["Label"], chair["Weight"], chair["role"]) == ("chaired", "1", "chair")


def test_report_is_self_contained_and_escaped(outputs: Path) -> None:
    page = (outputs / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert re.search(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]{1000,}"', page)
    assert not re.search(r'\s(src|href)="(?!data:|#)', page), "nothing to fetch"
    assert "Brien <b>" not in page  # tests/test_report.py checks the scripts
    assert "Zoë &quot;Zee&quot; O&#x27;Brien &lt;b&gt;&amp;amp; 🌍" in page
    assert "\x07" not in page and "\x1f" not in page
    assert "Liu Yuton" in page and "International Labour Organization" in page
    assert page.count("<tr>") > 20


# ---------------------------------------------------------------------------------------- sidegraph export
def saved(extractions: list[Extraction], folder: Path) -> Path:
    folder.mkdir()
    for extraction in extractions:
        write_extraction(extraction, folder / f"{extraction.document.id}.json")
    return folder


def test_export_rewrites_outputs_without_nlp(corpus: list[Extraction], outputs: Path, tmp_path: Path) -> None:
    folder = saved(corpus, tmp_path / "run")
    (folder / "notes.json").write_text('{"not": "an extraction"}', encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("3 extractions -> graph.graphml, graph.gexf, ")
    assert "notes.json: not a saved extraction (missing field 'document')" in result.stderr
    for name in ("graph.graphml", "graph.gexf", "graph.json", "nodes.csv", "edges.csv", "graph.svg", "report.html"):
        assert (tmp_path / "out" / name).read_bytes() == (outputs / name).read_bytes(), name


def test_export_in_place_with_chosen_formats(corpus: list[Extraction], tmp_path: Path) -> None:
    folder = saved(corpus, tmp_path / "run")
    for _ in range(2):  # the second time, its own graph.json is in the folder and is not an input
        result = CliRunner().invoke(main, ["export", str(folder), "--format", "json,graphml"])
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(("side-", "ministerial", "awkward"))) == [
        "graph.graphml", "graph.json"]


def test_export_rejects_unknown_formats_and_empty_folders(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", str(tmp_path), "--format", "graphml,pdf"])
    assert result.exit_code == 2 and "pdf; choose from graphml,gexf,json,csv,png,svg,html" in result.stderr
    result = CliRunner().invoke(main, ["export", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"Error: no saved extractions (NAME.json as `sidegraph run` writes them) in {tmp_path}"]


def test_outputs_are_ordinary_files(outputs: Path) -> None:
    """Written through a private temporary file, but readable like any other file the user makes."""
    umask = os.umask(0)
    os.umask(umask)
    assert {stat.S_IMODE(p.stat().st_mode) for p in outputs.iterdir()} == {0o666 & ~umask}


def test_export_help() -> None:
    result = CliRunner().invoke(main, ["export", "--help"])
    assert result.exit_code == 0
    assert "--format" in result.stdout and "graphml,gexf,json,csv,png,svg,html" in result.stdout


def test_an_empty_corpus_still_gives_valid_files(tmp_path: Path) -> None:
    assert len(write_outputs([], tmp_path)) == 8
    assert nx.read_graphml(tmp_path / "graph.graphml").number_of_nodes() == 0
    assert nx.read_gexf(tmp_path / "graph.gexf").number_of_nodes() == 0
    assert (tmp_path / "edges.csv").read_text(encoding="utf-8") == "Source,Target,Type,Id,Label,Weight\n"
