"""The `sidegraph` command, run in-process: exit statuses, files written, one-line errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import SAMPLE_PDF, SEED

import pipeline.cli
from pipeline import DEFAULT_MODEL, Extractor, read_extraction
from pipeline.cli import main


@pytest.fixture(autouse=True)
def reuse_model(monkeypatch: pytest.MonkeyPatch, extractor: Extractor) -> None:
    """Commands get the session's extractor for the default model; any other model loads for real."""
    monkeypatch.setattr(
        pipeline.cli, "Extractor",
        lambda model, relations="cues": extractor if (model, relations) == (DEFAULT_MODEL, "cues")
        else Extractor(model=model, relations=relations),
    )


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def assert_one_line_error(result: Result, *fragments: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert all(fragment in lines[0] for fragment in fragments), lines[0]


# ------------------------------------------------------------------------------------------------- run
@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEED, folder)
    shutil.copy(SAMPLE_PDF, folder)
    (folder / "bad.pdf").write_bytes(b"\x00\x01 not a pdf at all \xff\xfe" * 20)
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 a word file")
    return folder


def test_run_goes_on_past_bad_files(mixed_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("run", mixed_folder, "-o", out)
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "edges.csv", "graph.gexf", "graph.graphml", "graph.json", "graph.png", "graph.svg",
        "ministerial-dialogue-sample.json", "nodes.csv", "report.html", "side-event-sstc.json"]
    assert len(read_extraction(out / "side-event-sstc.json").speakers) == 7
    assert result.stdout.startswith("2 documents, ")
    assert "1 document(s) failed:" in result.stderr
    assert f"{mixed_folder / 'bad.pdf'}: cannot read PDF" in result.stderr
    assert f"note: {mixed_folder / 'notes.docx'}: skipped, unsupported file type" in result.stderr


def test_run_on_an_empty_folder(tmp_path: Path) -> None:
    result = invoke("run", tmp_path, "-o", tmp_path / "out")
    assert_one_line_error(result, "no .txt, .md or .pdf documents", str(tmp_path))
    assert not (tmp_path / "out").exists()


def test_run_on_a_missing_path(tmp_path: Path) -> None:
    result = invoke("run", tmp_path / "nowhere", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert f"note: {tmp_path / 'nowhere'}: no such file or folder" in result.stderr
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------------------------- extract
def test_extract_prints_json() -> None:
    result = invoke("extract", SEED)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["speakers"]) == 7
    assert data["document"] == {"id": "side-event-sstc", "source": str(SEED),
                                "title": "South-South and Triangular Cooperation", "pages": 1,
                                "date": None, "date_source": None, "place": None, "series": None, "organisers": []}


def test_extract_missing_file(tmp_path: Path) -> None:
    assert_one_line_error(invoke("extract", tmp_path / "absent.txt"), "absent.txt: no such file or folder")


def test_extract_unsupported_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_bytes(b"PK")
    assert_one_line_error(invoke("extract", path), "unsupported file type '.docx'")


def test_unknown_model() -> None:
    assert_one_line_error(invoke("extract", "--model", "not_a_model", SEED),
                          "spaCy pipeline 'not_a_model' is not installed")


# ------------------------------------------------------------------------------------------ help, misc
@pytest.mark.parametrize("command", [[], ["run"], ["extract"], ["evaluate"]])
def test_help(command: list[str]) -> None:
    result = invoke(*command, "--help")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: ")
    assert "--help" in result.stdout


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and "0.1.0" in result.stdout


@pytest.fixture
def seed_with_gold(shared: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A gold folder and a docs folder holding the seed summary only."""
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir()
    docs.mkdir()
    shutil.copy(shared / "corpus" / "gold" / "side-event-sstc.json", gold)
    shutil.copy(SEED, docs)
    return gold, docs


def test_evaluate_the_seed_against_its_gold(seed_with_gold: tuple[Path, Path]) -> None:
    result = invoke("evaluate", *seed_with_gold, "--json")
    assert result.exit_code == 0, result.output
    speakers = json.loads(result.stdout)["micro"]["speakers"]
    assert (speakers["tp"], speakers["fp"], speakers["fn"]) == (7, 0, 0)


# ------------------------------------------------------------------------------- run: failures, cache, workers
def test_run_strict_stops_at_the_first_failure(mixed_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("run", mixed_folder, "-o", out, "--strict")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines()[-1].startswith(f"Error: {mixed_folder / 'bad.pdf'}: cannot read PDF")
    assert not (out / "graph.graphml").exists(), "no graph from a run that stopped"


def test_run_keep_going_is_the_default(mixed_folder: Path, tmp_path: Path) -> None:
    result = invoke("run", mixed_folder, "-o", tmp_path / "out", "--keep-going")
    assert result.exit_code == 3
    failed = result.stderr.splitlines()[-2:]
    assert failed[0] == "1 document(s) failed:" and failed[1].startswith(f"  {mixed_folder / 'bad.pdf'}: cannot read PDF")


def test_run_again_reads_the_cache_unless_told_not_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert invoke("run", SEED, "-o", out).exit_code == 0
    first = (out / "side-event-sstc.json").read_text(encoding="utf-8")

    def no_model(**options: object) -> Extractor:
        raise AssertionError("the model was loaded for an unchanged corpus")

    monkeypatch.setattr(pipeline.cli, "Extractor", no_model)
    again = invoke("run", SEED, "-o", out, "-w", "1")
    assert again.exit_code == 0, again.output
    assert (out / "side-event-sstc.json").read_text(encoding="utf-8") == first
    fresh = invoke("run", SEED, "-o", out, "--no-cache")
    assert fresh.exit_code == 1 and "the model was loaded" in fresh.stderr


def test_run_keeps_inputs_with_the_same_stem_apart(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(SEED, tmp_path / folder / "report.txt")
    out = tmp_path / "out"
    result = invoke("run", tmp_path / "a", tmp_path / "b", "-o", out)
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("report-*.json"))) == 2


def test_run_rejects_zero_workers(tmp_path: Path) -> None:
    result = invoke("run", SEED, "-o", tmp_path / "out", "--workers", "0")
    assert result.exit_code == 2 and "--workers" in result.stderr


def test_run_with_an_unreachable_scheduler(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    assert_one_line_error(invoke("run", SEED, "-o", tmp_path / "out", "--scheduler", "nonsense://nowhere"),
                          "cannot use the Dask scheduler nonsense://nowhere")


def test_run_prints_no_progress_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    result = invoke("run", SEED, "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert "documents/s" not in result.stderr and "\r" not in result.stderr


def test_progress_line_shows_rate_and_time_left(capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter([100.0, 102.0])
    monkeypatch.setattr(pipeline.cli.time, "monotonic", lambda: next(clock))
    progress = pipeline.cli._Progress()
    progress(4, 10)
    assert capsys.readouterr().err.strip() == "[4/10] 2.0 documents/s, ETA 0:03"


def test_evaluate_the_cooccurrence_baseline(seed_with_gold: tuple[Path, Path]) -> None:
    """The baseline switch changes the relations only, and links more pairs less precisely than sidegraph."""
    ours, baseline = (json.loads(invoke("evaluate", *seed_with_gold, "--json", *extra).stdout)["micro"]
                      for extra in ((), ("--baseline", "cooccurrence")))
    assert baseline["speakers"] == ours["speakers"] and baseline["countries"] == ours["countries"]
    assert baseline["relations"]["fp"] > ours["relations"]["fp"]
    assert baseline["relations"]["precision"] < ours["relations"]["precision"]


def test_evaluate_unknown_baseline(tmp_path: Path) -> None:
    result = invoke("evaluate", tmp_path, "--baseline", "magic")
    assert result.exit_code == 2 and "cooccurrence" in result.output


def test_an_unchanged_rerun_keeps_the_corpus_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert invoke("run", SEED, "-o", out).exit_code == 0
    written: list[Path] = []
    monkeypatch.setattr(pipeline.cli, "write_outputs", lambda extractions, output, formats: written.append(output))
    assert invoke("run", SEED, "-o", out).exit_code == 0
    assert written == [], "same inputs, same pipeline: the graph and report are already there"
    (out / "graph.graphml").unlink()
    assert invoke("run", SEED, "-o", out).exit_code == 0
    assert written == [out], "a missing output is written again"


def test_run_writes_only_the_chosen_formats(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("run", SEED, "-o", out, "--format", "graphml,csv")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "edges.csv", "graph.graphml", "nodes.csv", "side-event-sstc.json"]
    assert invoke("run", SEED, "-o", out, "--format", "pdf").exit_code == 2
