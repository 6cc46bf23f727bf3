"""CSV export: the terms table, the figures table or the Q/A table, one row per term (figure, pair) per document.

Rows are plain dicts (:func:`term_rows`, :func:`stat_rows`, :func:`qa_rows`), pure functions of the
Doc and its Source; :func:`to_csv` writes any number of documents as one table
with a ``document`` column, quoted by the :mod:`csv` module::

    >>> import tifalens
    >>> result = tifalens.analyze("增强“四个意识”。")
    >>> print(to_csv([(result.doc, result.source)]), end="")
    document,term,count,known,category,expansion,first_used,gloss
    <text>,四个意识,1,True,loyalty,政治意识、大局意识、核心意识、看齐意识,2016,
"""

from __future__ import annotations

import csv
import io
from typing import Any, Callable, Iterable, Iterator, Sequence

from spacy.tokens import Doc

from ..reading import Source
from .jsonout import as_written, gloss_text, shown_when, to_dict

TERM_COLUMNS = ("document", "term", "count", "known", "category", "expansion", "first_used", "gloss")
STAT_COLUMNS = ("document", "text", "value", "unit", "kind", "approx", "modality", "subject", "column", "date", "when")
QA_COLUMNS = ("document", "article", "pair", "heading", "asker", "question", "answerer", "answer", "orig_start", "orig_end")


def term_rows(doc: Doc, source: Source) -> list[dict[str, Any]]:
    """One row per canonical term of the document, most frequent first (``gloss``: the text's own
    spelling-out of it, the first one, or empty)."""
    return [
        {"document": source.path, **{key: term[key] for key in TERM_COLUMNS[1:-1]}, "gloss": gloss_text(term)}
        for term in to_dict(doc, source)["terms"]
    ]


def stat_row(document: str, record: dict[str, Any]) -> dict[str, Any]:
    """The row of one ``stats`` record: its fields, and ``when`` as :func:`shown_when` gives it."""
    return {"document": document, **{key: record.get(key) for key in STAT_COLUMNS[1:-1]}, "when": shown_when(record)}


def stat_rows(doc: Doc, source: Source) -> list[dict[str, Any]]:
    """One row per figure the statistics component recorded (none before it has run)."""
    return [stat_row(source.path, record) for record in to_dict(doc, source)["stats"]]


def qa_rows(doc: Doc, source: Source) -> list[dict[str, Any]]:
    """One row per question and answer pair, numbered from 1 in each article: who asks and who answers (empty when
    the text does not say), the question and the answer without their markers, as the input writes them."""
    data = as_written(to_dict(doc, source), source)
    return [
        {"document": source.path, "article": art["index"], "pair": n, **{key: pair[key] for key in QA_COLUMNS[3:]}}
        for art in data["articles"]
        for n, pair in enumerate(art["qa"], 1)
    ]


TABLES: dict[str, tuple[tuple[str, ...], Callable[[Doc, Source], list[dict[str, Any]]]]] = {
    "terms": (TERM_COLUMNS, term_rows),
    "stats": (STAT_COLUMNS, stat_rows),
    "qa": (QA_COLUMNS, qa_rows),
}


def write_rows(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    """A CSV text with a header row; ``None`` becomes an empty cell."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if row.get(key) is None else row[key] for key in columns})
    return buf.getvalue()


def to_csv(analyses: Iterable[tuple[Doc, Source]], *, table: str = "terms") -> str:
    """One CSV table (``terms``, ``stats`` or ``qa``) over all the given documents.

    Raises:
        KeyError: ``table`` is not one of :data:`TABLES`.
    """
    return "".join(iter_csv(analyses, table=table))


def iter_csv(analyses: Iterable[tuple[Doc, Source]], *, table: str = "terms") -> Iterator[str]:
    """The CSV text of :func:`to_csv` in pieces: the header, then each document's rows as it comes."""
    columns, rows_of = TABLES[table]
    header, *_ = write_rows(columns, []).splitlines(keepends=True)
    yield header
    for doc, source in analyses:
        piece = write_rows(columns, rows_of(doc, source))[len(header) :]
        del doc, source  # not held while the next document is made
        yield piece
