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


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """A table's words, longest first, for :func:`starts_with` and :func:`ends_with`."""
    return tuple(sorted(words, key=len, reverse=True))


def ends_with(text: str, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` (sorted longest first) that ``text`` ends with."""
    if not text.endswith(words):  # one C call rules out the common case
        return None
    return next(w for w in words if text.endswith(w))


def starts_with(text: str, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` (sorted longest first) that ``text`` starts with."""
    if not text.startswith(words):
        return None
    return next(w for w in words if text.startswith(w))
