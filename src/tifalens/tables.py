"""The packaged rule tables (``src/tifalens/data/*.json``), parsed once per process."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def table(name: str) -> dict:
    """The parsed ``data/<name>.json`` (shared: do not modify it)."""
    return json.loads(resources.files("tifalens").joinpath(f"data/{name}.json").read_text(encoding="utf-8"))
