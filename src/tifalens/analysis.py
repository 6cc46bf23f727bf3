"""The Python API: analyse text or files with one call.

    >>> from tifalens import analyze
    >>> result = analyze("坚定“四个自信”。")
    >>> [t["term"] for t in result.to_dict()["terms"]]
    ['四个自信']
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .export.jsonout import to_dict, to_json
from .export.markdown import to_markdown
from .pipeline import load
from .reading import Source, read, read_text


@dataclass
class Analysis:
    """A document's Source and its analysed spaCy Doc."""

    source: Source
    doc: Doc

    def to_dict(self) -> dict:
        return to_dict(self.doc, self.source)

    def to_json(self, *, indent: int | None = 2) -> str:
        return to_json(self.doc, self.source, indent=indent)

    def to_markdown(self) -> str:
        return to_markdown(self.doc, self.source)


@lru_cache(maxsize=4)
def default_pipeline(backend: str = "rjieba", keep_duplicates: bool = False, lexicons: tuple[str, ...] = ()) -> Language:
    """A pipeline built once per process and option set (building costs ~0.3 s)."""
    return load(backend=backend, keep_duplicates=keep_duplicates, lexicons=lexicons)


def analyze_source(source: Source, nlp: Language | None = None) -> Analysis:
    """Run the pipeline on an already read :class:`Source`."""
    nlp = nlp or default_pipeline()
    return Analysis(source, nlp(source.text))


def analyze(
    text: str | None = None,
    *,
    path: str | os.PathLike | None = None,
    nlp: Language | None = None,
    encoding: str | None = None,
    t2s: bool | None = None,
) -> Analysis:
    """Analyse a string, or the file at ``path``.

    Raises:
        InputError: The file cannot be read as text.
    """
    if (text is None) == (path is None):
        raise TypeError("give either text or path")
    source = read(path, encoding=encoding, t2s=t2s) if path is not None else read_text(text, t2s=t2s)
    return analyze_source(source, nlp)
