"""A built wheel carries the data files and finds them when installed elsewhere, run from another folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

DATA_FILES = ["countries.json", "organisations.jsonl", "speaker_cues.json", "registry-1.tsv"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build from a copy of the sources, so no build/ or egg-info is left in (or taken from) the checkout."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "setup.cfg", "README.md"):
        if (REPO / name).is_file():
            shutil.copy(REPO / name, source)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "pipeline", source / "pipeline", ignore=ignore)
    shutil.copytree(REPO / "models", source / "models", ignore=ignore)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)],
        check=True, capture_output=True, text=True,
    )
    (built,) = out.glob("sidegraph-*.whl")
    return built


def test_wheel_contains_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"pipeline/models/{name}" for name in DATA_FILES} <= names
    assert "pipeline/py.typed" in names
    assert "pipeline/assets/report.js" in names  # the interactive report's script: no node needed to get it
    assert "pipeline/__init__.py" in names and "pipeline/components.py" in names


def test_installed_wheel_finds_its_data_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
        check=True, capture_output=True, text=True,
    )
    code = (
        "import pipeline.resources as r; from pipeline.resources import data_file; "
        "print(r.__file__); print(data_file('countries.json').is_file())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONPATH": str(site)},
    )
    module, found = result.stdout.split()
    assert Path(module).is_relative_to(site)  # the installed copy, not the checkout
    assert found == "True"
