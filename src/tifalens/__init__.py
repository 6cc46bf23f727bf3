"""tifalens: structured, checkable data from Chinese political and official text."""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import InputError, LexiconError, TifalensError, UsageError  # noqa: E402
from .reading import Source, read, read_bytes, read_text  # noqa: E402
from .pipeline import load  # noqa: E402
from .analysis import Analysis, analyze  # noqa: E402

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
