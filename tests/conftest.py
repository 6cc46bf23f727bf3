"""Shared fixtures: the seed article, the third-party corpus (skipped when absent), one pipeline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests explore new inputs on every run on a developer's machine; under CI (the CI variable set, as CI
# services and .ci/run do) they replay the same inputs, so that a landing is never refused for an input no change
# of it produced: what a random run finds is fixed and pinned as an example test (衡阳衡阳, test_entities).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

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
