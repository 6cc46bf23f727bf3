"""The packaged rule tables (``src/tifalens/data/*.json``), parsed once per process."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Iterable
from importlib import resources


@lru_cache(maxsize=None)
def table(name: str) -> dict:
    """The parsed ``data/<name>.json`` (shared: do not modify it)."""
    return json.loads(resources.files("tifalens").joinpath(f"data/{name}.json").read_text(encoding="utf-8"))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of a table's words, escaped, longest first (so 副主任 wins over 主任)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
