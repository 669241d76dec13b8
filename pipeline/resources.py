"""Access to the reviewable data files in `models/`.

A wheel installs the folder as `pipeline/models` (see `package_dir` in `setup.cfg`); in a source
checkout, or an editable install, it is the `models/` folder beside the package.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


@cache
def data_root() -> Traversable:
    installed = files("pipeline").joinpath("models")
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "models"


def data_file(name: str) -> Traversable:
    return data_root().joinpath(name)


@cache
def load_json(name: str) -> Any:
    return json.loads(data_file(name).read_text(encoding="utf-8"))


@cache
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    lines = data_file(name).read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines if line.strip())


@cache
def load_lines(name: str) -> frozenset[str]:
    """A word list, one entry per line."""
    return frozenset(line.strip() for line in data_file(name).read_text(encoding="utf-8").splitlines() if line.strip())
