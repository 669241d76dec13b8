"""Real readers agree on what the exported files hold.

GraphML and GEXF are read by networkx, GraphML also by python-igraph (a strict C parser; igraph
reads no GEXF), and both by graphology-graphml / graphology-gexf in Node, the parsers Gephi Lite
uses (`npm ci --prefix tests/js` installs them; the test skips without node or them). The report
page is opened in headless Chromium and a screenshot taken (skips without Debian's chromium).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import igraph
import networkx as nx
import pytest
from PIL import Image
from test_graph_export import AWKWARD, awkward_extraction

from pipeline import Extraction, write_outputs

JS = Path(__file__).resolve().parent / "js"
NODE_TYPES = {"event", "person", "organisation", "country"}
NUMERIC_NODE_ATTRIBUTES = ("r", "g", "b", "size", "x", "y", "documents")
ZOE = "person:zoe-zee-obrien"
ZOE_LABEL = AWKWARD.replace("\x07", "")


@pytest.fixture(scope="module")
def outputs(seed_extraction: Extraction, sample_extraction: Extraction, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readers")
    write_outputs([seed_extraction, sample_extraction, awkward_extraction()], folder)
    return folder


@pytest.fixture(scope="module")
def reference(outputs: Path) -> nx.MultiDiGraph:
    """networkx's reading of the GraphML: what every other reader must agree with."""
    return nx.read_graphml(outputs / "graph.graphml", force_multigraph=True, edge_key_type=str)


def labels_by_type(graph: nx.MultiDiGraph) -> dict[str, str]:
    return {node: data["type"] for node, data in graph.nodes(data=True)}


def edge_labels(graph: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    return sorted((u, v, data["label"]) for u, v, data in graph.edges(data=True))


# -------------------------------------------------------------------------------------------- networkx
def test_networkx_reads_graphml(reference: nx.MultiDiGraph) -> None:
    assert reference.number_of_nodes() > 40 and reference.number_of_edges() > 40
    assert set(labels_by_type(reference).values()) == NODE_TYPES
    for _, data in reference.nodes(data=True):
        assert all(isinstance(data[name], (int, float)) for name in NUMERIC_NODE_ATTRIBUTES)
        assert isinstance(data["label"], str) and data["label"]
    assert all(isinstance(data["weight"], int) for *_, data in reference.edges(data=True))
    assert reference.nodes[ZOE]["label"] == ZOE_LABEL


def test_networkx_reads_gexf_alike(outputs: Path, reference: nx.MultiDiGraph) -> None:
    gexf = nx.read_gexf(outputs / "graph.gexf")
    assert (gexf.number_of_nodes(), gexf.number_of_edges()) == (reference.number_of_nodes(), reference.number_of_edges())
    assert labels_by_type(gexf) == labels_by_type(reference)
    assert edge_labels(gexf) == edge_labels(reference)
    for node, data in gexf.nodes(data=True):
        color = data["viz"]["color"]
        assert (color["r"], color["g"], color["b"]) == tuple(reference.nodes[node][c] for c in "rgb")
        assert data["viz"]["size"] == reference.nodes[node]["size"]
        assert data["label"] == reference.nodes[node]["label"]
        assert data["documents"] == reference.nodes[node]["documents"]


# ---------------------------------------------------------------------------------------------- igraph
def test_igraph_reads_graphml_alike(outputs: Path, reference: nx.MultiDiGraph) -> None:
    graph = igraph.Graph.Read_GraphML(str(outputs / "graph.graphml"))
    assert graph.is_directed()
    assert (graph.vcount(), graph.ecount()) == (reference.number_of_nodes(), reference.number_of_edges())
    for vertex in graph.vs:
        expected = reference.nodes[vertex["id"]]
        assert (vertex["label"], vertex["type"]) == (expected["label"], expected["type"])
        for name in NUMERIC_NODE_ATTRIBUTES:
            assert isinstance(vertex[name], float) and vertex[name] == expected[name], name
    ids = graph.vs["id"]
    assert sorted((ids[e.source], ids[e.target], e["label"]) for e in graph.es) == edge_labels(reference)
    assert sum(graph.es["weight"]) == sum(d["weight"] for *_, d in reference.edges(data=True))


# ------------------------------------------------------------------------------------------ graphology
def graphology(path: Path) -> dict:
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    if not (JS / "node_modules" / "graphology-graphml").is_dir():
        pytest.skip("graphology not installed: npm ci --prefix tests/js")
    done = subprocess.run(["node", str(JS / "read.js"), str(path)], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("name", ["graph.graphml", "graph.gexf"])
def test_graphology_reads_alike(name: str, outputs: Path, reference: nx.MultiDiGraph) -> None:
    seen = graphology(outputs / name)
    assert (seen["type"], seen["order"], seen["size"]) == (
        "directed", reference.number_of_nodes(), reference.number_of_edges())
    for node, attributes in seen["nodes"].items():
        expected = reference.nodes[node]
        assert (attributes["label"], attributes["type"]) == (expected["label"], expected["type"])
        assert attributes["documents"] == expected["documents"] and isinstance(attributes["documents"], int)
        assert (attributes["size"], attributes["x"], attributes["y"]) == (expected["size"], expected["x"], expected["y"])
        assert attributes["color"] in (  # graphology turns r, g, b (GraphML) or viz:color (GEXF) into one colour
            "#{:02x}{:02x}{:02x}".format(*(expected[c] for c in "rgb")),
            "rgba({},{},{},1.0)".format(*(expected[c] for c in "rgb")),
        )
    assert sorted((e["source"], e["target"], e["attributes"]["label"]) for e in seen["edges"]) == edge_labels(reference)
    assert all(e["attributes"]["weight"] >= 1 for e in seen["edges"])
    assert seen["nodes"][ZOE]["label"] == ZOE_LABEL


# -------------------------------------------------------------------------------------------- chromium
def test_report_opens_in_headless_chromium(outputs: Path, tmp_path: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed (Debian package `chromium`)")
    screenshot = tmp_path / "report.png"
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
         "--window-size=1280,1600", f"--screenshot={screenshot}", (outputs / "report.html").as_uri()],
        capture_output=True, timeout=120, check=False,
    )
    assert screenshot.is_file() and screenshot.stat().st_size > 20_000
    with Image.open(screenshot) as image:
        assert image.size == (1280, 1600)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    # A blank or error page has a handful of colours; the picture and tables give thousands.
    assert colours is None or len(colours) > 500
