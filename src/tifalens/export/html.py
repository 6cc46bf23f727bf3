"""HTML export: one self-contained report page (inline CSS and JS, no network) per run.

The page shows the outline with anchors, the full text with tifa, figures,
failed checks and repairs highlighted, and sortable tables of terms, figures,
checks and notes. Every piece of input reaches the page through Jinja's
autoescaping; markup comes only from the templates in ``templates/``::

    >>> import tifalens
    >>> result = tifalens.analyze("坚定“四个自信”<b>。")
    >>> page = to_html(result.doc, result.source)
    >>> "&lt;b&gt;" in page and "<b>" not in page
    True
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable, Sequence, Union

import jinja2
from markupsafe import Markup
from spacy.tokens import Doc

from ..components.structure import structure_spans
from ..reading import Source
from .jsonout import ENTITY_LABELS, as_written, document_lines, entity_rows, gloss_text, shown_kind, shown_value, shown_when, summary_rows, to_dict

# Structure labels styled in the full text (others carry no markup of their own).
_STYLED_BLOCKS = {"TITLE": "s-title", "SUBTITLE": "s-subtitle", "BYLINE": "s-subtitle", "DATELINE": "s-dateline", "HEADING": "s-heading", "QUESTION": "s-question", "TABLE_ROW": "s-row", "CONTENTS": "s-contents"}
_NOTE_CLASSES = {"duplicate_paragraph": "note dup", "joined_paragraph": "note joined"}
_CHECK_LEVELS = ("error", "warning", "info")
_PALETTE_SIZE = 12  # colours .cat-0 … .cat-11 in report.css (one per packaged category)
_OUTLINE_CHARS = 60

# Layers of the full text, outermost first when two marks start and end together.
_RANK_BLOCK, _RANK_NOTE, _RANK_CHECK, _RANK_FIGURE, _RANK_TIFA, _RANK_ENTITY = range(6)

Part = Union[str, dict]


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """The Jinja environment: autoescaping everything, templates from package data."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("tifalens.export", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """A packaged asset (``report.css``, ``report.js``) as text, without trailing whitespace."""
    return resources.files("tifalens.export").joinpath(f"templates/{name}").read_text(encoding="utf-8").rstrip()


def script_hash(script: str) -> str:
    """The CSP source expression (``'sha256-…'``) allowing exactly this inline script."""
    return "'sha256-{}'".format(base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii"))


# ---------------------------------------------------------------------------- full text


@dataclass
class Mark:
    """A highlighted range ``[start, end)`` of the text (``start == end``: an anchor point)."""

    start: int
    end: int
    rank: int
    cls: str = ""
    attrs: tuple[tuple[str, str], ...] = ()
    children: list["Mark"] = field(default_factory=list)


def nest_marks(marks: Iterable[Mark], length: int) -> Mark:
    """Nest marks into a tree under a root covering ``[0, length)``.

    Marks that cross the boundary of an earlier (outer) mark are left out, so the
    result is always well-formed markup; out-of-range marks are left out too.
    """
    root = Mark(0, length, -1)
    stack = [root]
    for mark in sorted(marks, key=lambda m: (m.start, -m.end, m.rank)):
        if not 0 <= mark.start <= mark.end <= length:
            continue
        while len(stack) > 1 and stack[-1].end <= mark.start:
            stack.pop()
        parent = stack[-1]
        if mark.end > parent.end:
            continue  # crosses the outer/earlier mark
        parent.children.append(mark)
        if mark.end > mark.start:
            stack.append(mark)
    return root


def fill_text(mark: Mark, text: str) -> list[Part]:
    """The parts of ``mark`` for the template: plain strings (escaped there) and child marks."""
    parts: list[Part] = []
    pos = mark.start
    for child in mark.children:
        if child.start > pos:
            parts.append(text[pos : child.start])
        parts.append({"cls": child.cls, "attrs": child.attrs, "parts": fill_text(child, text)})
        pos = max(pos, child.end)
    if pos < mark.end:
        parts.append(text[pos : mark.end])
    return parts


def _term_title(term: dict[str, Any], form: str) -> str:
    gloss = f"in the text: {text}" if (text := gloss_text(term)) else None
    if not term["known"]:
        evidence = ", ".join(term["evidence"]) or "-"
        return " · ".join(x for x in (f"{term['term']} · unseen formula (confidence {term['confidence']}; evidence: {evidence})", gloss) if x)
    name = term["term"] if form == term["term"] else f"{form} → {term['term']}"
    return " · ".join(x for x in (name, term["category"], term["expansion"], gloss) if x)


def _tifa_marks(data: dict[str, Any], prefix: str, cat_class: dict[str, str]) -> list[Mark]:
    marks = []
    for n, term in enumerate(data["terms"]):
        cls = f"tifa {cat_class[term['category']]}" if term["known"] and term["category"] else ("tifa known" if term["known"] else "tifa unseen")
        for k, occ in enumerate(term["occurrences"]):
            attrs = (
                ("id", f"{prefix}t{n}-{k}"),
                ("title", _term_title(term, occ["form"])),
                ("data-term", term["term"]),
                ("data-category", term["category"] or ""),
            )
            marks.append(Mark(occ["start"], occ["end"], _RANK_TIFA, cls, attrs))
    return marks


def _entity_kind(ent: dict[str, Any]) -> str:
    return ENTITY_LABELS.get(ent["label"], "other")  # fixed words: safe as a class name


def _entity_title(ent: dict[str, Any]) -> str:
    return " · ".join(x for x in (ent["text"], _entity_kind(ent), ent["kb_id"]) if x)


def _entity_marks(data: dict[str, Any], prefix: str) -> list[Mark]:
    """A mark per entity occurrence (``ent ent-person`` …), its id the target of the entities table."""
    return _offset_marks(data["entities"], _RANK_ENTITY, f"{prefix}e", lambda ent: f"ent ent-{_entity_kind(ent)}", _entity_title)


def entity_table(data: dict[str, Any], prefix: str) -> list[dict[str, Any]]:
    """Rows of the entities table, each linking to the name's first occurrence in the text."""
    first: dict[tuple[str, str, str], int] = {}
    for n, ent in enumerate(data["entities"]):
        if isinstance(ent.get("start"), int):
            first.setdefault((ent["text"], ent["label"], ent["kb_id"] or ""), n)
    rows = []
    for row in entity_rows(data):
        n = first.get((row["text"], row["label"], row["kb_id"]))
        rows.append({**row, "href": f"#{prefix}e{n}" if n is not None else None})
    return rows


def _figure_title(fig: dict[str, Any]) -> str:
    value = " ".join(str(fig[k]) for k in ("value", "unit") if fig.get(k) not in (None, ""))
    extra = [str(fig[k]) for k in ("kind", "subject") if fig.get(k)]
    return " · ".join([("≈ " if fig.get("approx") else "") + (value or str(fig.get("text", ""))), *extra])


def _message(record: dict[str, Any]) -> str:
    return str(record.get("message", ""))


def _offset_marks(records: list[dict[str, Any]], rank: int, prefix: str, cls_of: Callable[[dict], str], title_of: Callable[[dict], str]) -> list[Mark]:
    """Marks for records carrying ``start``/``end`` (notes, checks, figures); others have none."""
    marks = []
    for n, rec in enumerate(records):
        if isinstance(rec.get("start"), int) and isinstance(rec.get("end"), int):
            marks.append(Mark(rec["start"], rec["end"], rank, cls_of(rec), (("id", f"{prefix}{n}"), ("title", title_of(rec)))))
    return marks


def check_level(check: dict[str, Any]) -> str:
    """The check's level if it is one we style, else ``other`` (levels never become raw class names)."""
    level = check.get("level")
    return level if level in _CHECK_LEVELS else "other"


def _block_marks(doc: Doc) -> list[Mark]:
    return [
        Mark(s.start_char, s.end_char, _RANK_BLOCK, _STYLED_BLOCKS[s.label_]) for s in structure_spans(doc, *_STYLED_BLOCKS)
    ]


def _anchor(pos: int | None, ident: str) -> list[Mark]:
    return [] if pos is None else [Mark(pos, pos, _RANK_BLOCK, "anchor", (("id", ident),))]


def _anchor_marks(outline: list[dict[str, Any]]) -> list[Mark]:
    marks: list[Mark] = []
    for art in outline:
        marks += _anchor(art["start"], art["id"])
        for sec in art["sections"]:
            marks += _anchor(sec["start"], sec["id"]) if sec["id"] else []
            for qa in sec["qa"]:
                marks += _anchor(qa["start"], qa["id"])
                for item in qa["enumeration"]:
                    marks += _anchor(item["start"], item["id"])
        for item in art["enumeration"]:
            marks += _anchor(item["start"], item["id"])
    return marks


def text_marks(doc: Doc, data: dict[str, Any], outline: list[dict[str, Any]], prefix: str, cat_class: dict[str, str]) -> list[Mark]:
    """Every mark of the full text: structure, anchors, notes, checks, figures, tifa, entities."""
    return [
        *_block_marks(doc),
        *_anchor_marks(outline),
        *_offset_marks(data["notes"], _RANK_NOTE, f"{prefix}n", lambda n: _NOTE_CLASSES.get(n["code"], "note"), _message),
        *_offset_marks(data["checks"], _RANK_CHECK, f"{prefix}c", lambda c: f"check lvl-{check_level(c)}", _message),
        *_offset_marks(data["stats"], _RANK_FIGURE, f"{prefix}f", lambda _f: "fig", _figure_title),
        *_tifa_marks(data, prefix, cat_class),
        *_entity_marks(data, prefix),
    ]


# ---------------------------------------------------------------------------- outline and tables


def _short(text: str) -> str:
    m = re.search(r"[。！？!?；;]", text)
    text = text[: m.end()] if m else text
    return text if len(text) <= _OUTLINE_CHARS else text[: _OUTLINE_CHARS - 1] + "…"


def _items(items: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    return [{"id": f"{prefix}i{m}", "start": it["start"], "marker": it["marker"], "text": _short(it["text"])} for m, it in enumerate(items)]


def outline(data: dict[str, Any], prefix: str) -> list[dict[str, Any]]:
    """Articles → sections → Q/A pairs → enumerated items, each with its anchor id."""
    out = []
    for art in data["articles"]:
        a = f"{prefix}a{art['index']}"
        qa_at = {qa["start"]: (k, qa) for k, qa in enumerate(art["qa"])}
        sections = []
        for s, sec in enumerate(art["sections"]):
            pairs = [qa_at[b["start"]] for b in sec["blocks"] if b["kind"] == "question" and b["start"] in qa_at]
            qas = [
                {"id": f"{a}-q{k}", "start": qa["start"], "marker": qa["question_marker"], "question": qa["question"], "answerer": qa["answerer"], "enumeration": _items(qa["items"], f"{a}-q{k}-")}
                for k, qa in pairs
            ]
            if sec["heading"] or qas:
                sections.append({"id": f"{a}-s{s}" if sec["heading"] else None, "start": sec["start"], "heading": sec["heading"], "level": sec["level"] or 1, "qa": qas})
        out.append(
            {
                "id": a,
                "start": art["start"],
                "title": art["title"] or f"Article {art['index'] + 1}",
                "subtitles": art["subtitles"],
                "dateline": art["dateline"]["text"] if art["dateline"] else None,
                "date": art["date"]["value"] if art["date"] else None,
                "byline": art["byline"]["text"] if art["byline"] else None,
                "document": document_lines(art),
                "sections": sections,
                "enumeration": _items(art["items"], f"{a}-"),
            }
        )
    return out


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    try:
        return (a["start"] < b["end"] and b["start"] < a["end"]) or a["start"] == b["start"]
    except (KeyError, TypeError):
        return False


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def figure_rows(data: dict[str, Any], prefix: str) -> list[dict[str, Any]]:
    """Rows of the figures table, each with the messages of the checks that touch it."""
    rows = []
    for n, fig in enumerate(data["stats"]):
        checks = [c for c in data["checks"] if _overlaps(fig, c)]
        cells = {key: _cell(fig.get(key)) for key in ("text", "unit", "kind", "approx", "column", "subject")}
        cells["value"], cells["kind"], cells["when"] = _cell(shown_value(fig)), _cell(shown_kind(fig)), _cell(shown_when(fig))
        rows.append({"href": f"#{prefix}f{n}", **cells, "checks": [(check_level(c), _message(c)) for c in checks]})
    return rows


def check_rows(data: dict[str, Any], prefix: str) -> list[dict[str, Any]]:
    """Rows of the checks table: level, code, message and a link to where the check failed."""
    rows = []
    for n, c in enumerate(data["checks"]):
        at = c.get("orig_start", c.get("start"))
        href = f"#{prefix}c{n}" if isinstance(c.get("start"), int) else None
        rows.append({"level": check_level(c), "level_text": _cell(c.get("level")), "code": _cell(c.get("code")), "message": _message(c), "at": _cell(at), "href": href})
    return rows


def category_classes(datas: Sequence[dict[str, Any]]) -> dict[str, str]:
    """A colour class per category seen on the page (stable: sorted by name)."""
    cats = sorted({t["category"] for d in datas for t in d["terms"] if t["category"]})
    return {c: f"cat-{n % _PALETTE_SIZE}" for n, c in enumerate(cats)}


def document_view(doc: Doc, source: Source, data: dict[str, Any], prefix: str, cat_class: dict[str, str]) -> dict[str, Any]:
    """Everything the template needs for one document."""
    tree = outline(data, prefix)
    root = nest_marks(text_marks(doc, data, tree, prefix, cat_class), len(source.text))
    return {
        "id": prefix.rstrip("-"),
        "prefix": prefix,
        "data": data,
        "outline": tree,
        "text": fill_text(root, source.written),
        "figures": figure_rows(data, prefix),
        "figure_column": any(f.get("column") for f in data["stats"]),  # a column of its own only where a table has figures
        "figure_when": any(f.get("when") for f in data["stats"]),  # and where a year or date says when a figure is
        "checks": check_rows(data, prefix),
        "entities": entity_table(data, prefix),
        "entity_office": any(e.get("title") for e in data["entities"]),  # a column of its own only where a person has one
        "duplicates": sum(1 for n in data["notes"] if n["code"] == "duplicate_paragraph"),
    }


# ---------------------------------------------------------------------------- entry points


def report_html(analyses: Sequence[tuple[Doc, Source]]) -> str:
    """One self-contained page with a section per document (and a cross-document summary)."""
    datas = [as_written(to_dict(doc, source), source) for doc, source in analyses]
    cat_class = category_classes(datas)
    documents = [document_view(doc, source, data, f"d{n}-", cat_class) for n, ((doc, source), data) in enumerate(zip(analyses, datas))]
    script = asset("report.js")
    return _environment().get_template("report.html.j2").render(
        documents=documents,
        summary=summary_rows(datas) if len(datas) > 1 else [],
        categories=[(c, cls) for c, cls in cat_class.items()],
        css=Markup(asset("report.css")),
        script=Markup(script),
        script_hash=Markup(script_hash(script)),  # base64 and quotes we made: no input in it
        version=datas[0]["tool"]["version"] if datas else "",
    )


def to_html(doc: Doc, source: Source) -> str:
    """The report page for one document (a pure function of the Doc and its Source)."""
    return report_html([(doc, source)])


def corpus_index_html(documents: Sequence[dict[str, Any]], terms: Sequence[dict[str, Any]], *, documents_total: int, chars_total: int, version: str) -> str:
    """The index page of a corpus run: terms across documents and a link to each document's report.

    ``documents`` rows hold id, date, title, chars and report (a file name tifalens chose,
    never one taken from the input); ``terms`` rows hold term, count, documents, known.
    """
    script = asset("report.js")
    return _environment().get_template("corpus_index.html.j2").render(
        documents=documents,
        terms=terms,
        documents_total=documents_total,
        chars_total=f"{chars_total:,}",
        css=Markup(asset("report.css")),
        script=Markup(script),
        script_hash=Markup(script_hash(script)),
        version=version,
    )
