"""Shared fixtures: seed files, the optional ../shared corpus, Sphinx test roots."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = ["sphinx.testing.fixtures"]

TESTS = Path(__file__).resolve().parent
SEEDS = TESTS / "fixtures" / "seeds"
SHARED = Path(os.environ.get("FRUS_CITE_SHARED", TESTS.parent.parent / "shared")).resolve()
CORPUS = SHARED / "corpus"


def seed(number: int) -> Path:
    """Path of seed document *number* (0–4)."""
    return next(SEEDS.glob(f"{number:03d}_*.txt"))


@pytest.fixture
def corpus() -> Path:
    """The real corpus in ../shared/corpus; tests using it skip when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not available: {CORPUS} does not exist (CI provides ../shared)")
    return CORPUS


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return TESTS / "roots"
