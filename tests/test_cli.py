"""The `sidegraph` command, run in-process: exit statuses, files written, one-line errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import pipeline.cli
from conftest import SAMPLE_PDF, SEED
from pipeline import DEFAULT_MODEL, Extractor, read_extraction
from pipeline.cli import main


@pytest.fixture(autouse=True)
def reuse_model(monkeypatch: pytest.MonkeyPatch, extractor: Extractor) -> None:
    """Commands get the session's extractor for the default model; any other model loads for real."""
    monkeypatch.setattr(
        pipeline.cli, "Extractor", lambda model: extractor if model == DEFAULT_MODEL else Extractor(model=model)
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
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "graph.graphml", "ministerial-dialogue-sample.json", "side-event-sstc.json"]
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
                                "title": "South-South and Triangular Cooperation", "pages": 1}


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


def test_evaluate_the_seed_against_its_gold(shared: Path, tmp_path: Path) -> None:
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir()
    docs.mkdir()
    shutil.copy(shared / "corpus" / "gold" / "side-event-sstc.json", gold)
    shutil.copy(SEED, docs)
    result = invoke("evaluate", gold, docs, "--json")
    assert result.exit_code == 0, result.output
    speakers = json.loads(result.stdout)["micro"]["speakers"]
    assert (speakers["tp"], speakers["fp"], speakers["fn"]) == (7, 0, 0)
