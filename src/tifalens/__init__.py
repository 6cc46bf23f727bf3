"""tifalens: structured, checkable data from Chinese political and official text."""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING

from .errors import InputError, LexiconError, TifalensError, UsageError  # noqa: E402
from .reading import Source, read, read_bytes, read_text  # noqa: E402

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis, analyze
    from .pipeline import load

# spaCy (about 0.5 s to import) is loaded on first use of these, not with the package: the
# parent of a corpus run, ``tifalens lexicon`` and ``tifalens trends`` never need it.
_LAZY = {"load": "pipeline", "analyze": "analysis", "Analysis": "analysis"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "Analysis",
    "analyze",
    "load",
    "InputError",
    "LexiconError",
    "Source",
    "TifalensError",
    "UsageError",
    "__version__",
    "read",
    "read_bytes",
    "read_text",
]
