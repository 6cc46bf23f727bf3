"""Shared fixtures: the seed article, the third-party corpus (skipped when absent), one pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "xinhua-2022-09-26.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (third-party texts); tests that need it skip on a user's machine."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"third-party corpus not found at {SHARED} (only present in the development workspace)")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    import tifalens

    return tifalens.load()


@pytest.fixture(scope="session")
def seed_result(nlp):
    import tifalens

    return tifalens.analyze(path=SEED, nlp=nlp)
