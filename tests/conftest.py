"""Shared fixtures: the repository's corpus, the shared corpus (when present), one extractor per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import Extraction, Extractor

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SEED = CORPUS / "side-event-sstc.txt"
SAMPLE_PDF = CORPUS / "ministerial-dialogue-sample.pdf"
SHARED = Path(__file__).resolve().parents[2] / "shared"
"""shared/ lies beside the repository (in CI too); tests that need it skip when it is missing."""


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared folder not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """Loading the spaCy pipeline takes seconds: do it once for the whole run."""
    return Extractor()


@pytest.fixture(scope="session")
def seed_extraction(extractor: Extractor) -> Extraction:
    return extractor.extract(SEED)


@pytest.fixture(scope="session")
def sample_extraction(extractor: Extractor) -> Extraction:
    return extractor.extract(SAMPLE_PDF)
