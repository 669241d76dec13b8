"""report.html: one file that works from disk with no network, interactive in a browser, escaped, reproducible.

The page is checked as text here, then opened from file:// in Debian's headless Chromium (driven by
playwright-core from `npm ci --prefix tests/js`; the test skips without them): it must draw the graph,
make no request beyond its own file, find a searched name, hide a filtered node type and show the
evidence of a clicked node's links. The screenshot is kept in outputs/test-artifacts/. The committed
bundle must be what `js/build.mjs` builds from the pinned packages (skips without `npm ci --prefix js`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from conftest import CORPUS, REPO, SAMPLE_PDF, SEED
from test_graph_export import awkward_extraction

from pipeline import Extraction, Extractor, write_outputs

JS = REPO / "tests" / "js"
ARTIFACTS = REPO / "outputs" / "test-artifacts"
BUNDLE = REPO / "pipeline" / "assets" / "report.js"


@pytest.fixture(scope="module")
def page(seed_extraction: Extraction, sample_extraction: Extraction, tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("report")
    write_outputs([seed_extraction, sample_extraction, awkward_extraction()], folder, formats={"html"})
    return (folder / "report.html").read_text(encoding="utf-8")


def scripts(page: str) -> list[tuple[str, str]]:
    return re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.DOTALL)


def graph_data(page: str) -> dict:
    (data,) = [body for attributes, body in scripts(page) if 'id="sidegraph-data"' in attributes]
    return json.loads(data)


def test_the_one_script_is_allowed_by_its_hash_and_nothing_is_fetched(page: str) -> None:
    executable = [body for attributes, body in scripts(page) if "application/json" not in attributes]
    assert executable == [BUNDLE.read_text(encoding="utf-8")]
    digest = base64.b64encode(hashlib.sha256(executable[0].encode("utf-8")).digest()).decode("ascii")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert policy == f"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"
    assert not re.search(r'\s(src|href)="(?!data:|#)', page), "nothing to fetch"


def test_the_data_cannot_break_out_of_its_script(page: str) -> None:
    (data,) = [body for attributes, body in scripts(page) if 'id="sidegraph-data"' in attributes]
    assert "<" not in data and ">" not in data and "&" not in data
    zoe = next(n for n in graph_data(page)["nodes"] if n["key"] == "person:zoe-zee-obrien")
    assert zoe["label"] == 'Zoë "Zee" O\'Brien <b>&amp; 🌍'  # the text itself survives, control character dropped


def test_the_data_has_what_the_panel_shows(page: str) -> None:
    data = graph_data(page)
    liu = next(n for n in data["nodes"] if n["key"] == "person:liu-yuton")
    assert dict(map(tuple, liu["info"])).items() >= {"Organisation": "MOHRSS", "Country": "China (CHN)", "Role": "speaker"}.items()
    assert {"x", "y", "size", "color", "aliases", "years", "docs"} <= set(liu)
    ilo = next(n for n in data["nodes"] if n["key"] == "org:ilo")
    assert "ILO" in ilo["aliases"] or ilo["label"] == "ILO"
    china = next(n for n in data["nodes"] if n["key"] == "country:CHN")
    assert "CHN" in china["aliases"]
    cooperation = [e for e in data["edges"] if e["kind"] == "cooperation" and e["evidence"][0]["text"]]
    assert cooperation and all(item["page"] >= 1 for e in cooperation for item in e["evidence"])
    titles = [d["title"] for d in data["documents"]]
    assert "South-South and Triangular Cooperation" in titles


def test_the_controls_list_every_type_and_kind(page: str) -> None:
    data = graph_data(page)
    for name, values in (("type", {n["type"] for n in data["nodes"]}), ("kind", {e["kind"] for e in data["edges"]})):
        assert set(re.findall(rf'data-filter="{name}" value="([^"]+)"', page)) == values
    assert page.count("<option value=") == len(data["documents"]) + 1


def test_the_page_is_the_same_for_the_same_run(seed_extraction: Extraction, page: str, tmp_path: Path) -> None:
    write_outputs([seed_extraction, awkward_extraction()], tmp_path / "a", formats={"html"})
    write_outputs([awkward_extraction(), seed_extraction], tmp_path / "b", formats={"html"})
    assert (tmp_path / "a" / "report.html").read_bytes() == (tmp_path / "b" / "report.html").read_bytes()


# ----------------------------------------------------------------------------------------- in Chromium
def shared_corpus() -> list[Path]:
    docs = REPO.parent / "shared" / "corpus" / "docs"
    if not docs.is_dir():
        pytest.skip("the shared corpus (../shared/corpus) is not here")
    return sorted(docs.iterdir())


@pytest.fixture(scope="module", params=["repository", "shared"])
def corpus_report(request: pytest.FixtureRequest, extractor: Extractor, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, list[Extraction]]:
    paths = [SEED, SAMPLE_PDF] if request.param == "repository" else shared_corpus()
    extractions = [x for _, x in extractor.extract_many(paths) if isinstance(x, Extraction)]
    folder = tmp_path_factory.mktemp(request.param)
    write_outputs(extractions, folder, formats={"html"})
    return request.param, folder / "report.html", extractions


def in_chromium(report: Path, screenshot: Path, search: str, node: str) -> dict:
    if shutil.which("chromium") is None or shutil.which("node") is None:
        pytest.skip("chromium or node is not installed (Debian packages `chromium`, `nodejs`)")
    if not (JS / "node_modules" / "playwright-core").is_dir():
        pytest.skip("playwright-core not installed: npm ci --prefix tests/js")
    done = subprocess.run(["node", str(JS / "report_check.js"), str(report), str(screenshot), search, node],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def most_evidenced_organisation(extractions: list[Extraction]) -> tuple[str, str, set[str]]:
    """The organisation with the most relation sentences: its id, name and those sentences."""
    counts = Counter(end for x in extractions for r in x.relations for end in (r.source, r.target) if end.startswith("org:"))
    chosen = counts.most_common(1)[0][0]
    name = next(e.name for x in extractions for e in x.entities if e.id == chosen)
    sentences = {r.evidence for x in extractions for r in x.relations if chosen in (r.source, r.target)}
    return chosen, name, sentences


def test_the_report_works_in_headless_chromium(corpus_report: tuple[str, Path, list[Extraction]]) -> None:
    name, report, extractions = corpus_report
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screenshot = ARTIFACTS / f"report-{name}.png"
    person = next(s.name for x in extractions for s in x.speakers if len(s.name.split()) >= 2)
    organisation, organisation_name, sentences = most_evidenced_organisation(extractions)
    seen = in_chromium(report, screenshot, person, organisation)
    assert not seen["errors"], seen["errors"]
    assert {url.split(":", 1)[0] for url in seen["requests"]} == {"file"}, "a request left the page"
    assert seen["requests"] == [report.as_uri()]
    assert seen["nodes"] > 40 and seen["firstRender"] > 0
    assert person in seen["searchResults"] and seen["searchPanel"] == person
    filtered = seen["filter"]
    assert filtered["after"] == filtered["before"] - filtered["persons"] and filtered["persons"] > 0
    assert filtered["personsStillDrawn"] == 0
    assert seen["clickPanel"] == organisation_name
    assert set(seen["evidence"]) & sentences, "the panel shows the evidence of the clicked node's links"
    assert screenshot.stat().st_size > 20_000


# ------------------------------------------------------------------------------------------ the bundle
def test_the_committed_bundle_is_what_the_pinned_packages_build(tmp_path: Path) -> None:
    if shutil.which("node") is None or not (REPO / "js" / "node_modules" / "esbuild").is_dir():
        pytest.skip("node or the bundle's build tools are not installed: npm ci --prefix js")
    rebuilt = tmp_path / "report.js"
    subprocess.run(["node", str(REPO / "js" / "build.mjs"), str(rebuilt)], check=True, timeout=300)
    assert rebuilt.read_bytes() == BUNDLE.read_bytes(), "pipeline/assets/report.js is stale: npm run build --prefix js"


def test_the_bundle_names_its_licences() -> None:
    head = BUNDLE.read_text(encoding="utf-8")[:1000]
    lock = json.loads((REPO / "js" / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    for package in ("sigma", "graphology"):
        assert f"{package} {lock[f'node_modules/{package}']['version']} (MIT)" in head
    assert (REPO / "pipeline" / "assets" / "README.md").is_file()
    assert CORPUS.is_dir()


@pytest.mark.parametrize(("text", "kept"), [
    ("bell\x07 and form\x0cfeed", "bell and formfeed"),
    ("lone \ud800 surrogate and \ufffe", "lone  surrogate and "),
    ("C:\\bin\\u0001 is a path, not a control character", "C:\\bin\\u0001 is a path, not a control character"),
    ("a backslash\\\x01 then a control character", "a backslash\\ then a control character"),
    ("tabs\tand\nnew lines stay", "tabs\tand\nnew lines stay"),
])
def test_the_data_drops_what_no_page_may_carry_and_keeps_the_rest(text: str, kept: str) -> None:
    from pipeline.report import _json_for_script

    assert json.loads(_json_for_script({"text": text})) == {"text": kept}
