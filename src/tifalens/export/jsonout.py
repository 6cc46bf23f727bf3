"""JSON export: a pure function of the Doc and its Source (see ``schema.json`` beside this file).

Every offset pair comes twice: ``start``/``end`` into the normalised text the
analysis saw, and ``orig_start``/``orig_end`` into the original (decoded) text.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from importlib import resources
from typing import Any, Iterable

from spacy.tokens import Doc, Span

from .. import __version__
from ..extensions import TITLES_KEY, span_text
from ..numbers import DATE_PATTERN, MONTH_DAY, dated_in, in_year_of, iso_date
from ..reading import Source

SCHEMA_VERSION = "1.5"
_BLOCK_LABELS = {"EDITOR_NOTE", "AUTHOR_NOTE", "SIGNATURE", "ADDRESSEE", "LEAD", "PARAGRAPH", "BULLET", "QUOTE", "QUESTION", "ANSWER", "TABLE_ROW", "CONTENTS"}


def schema() -> dict:
    """The JSON Schema every document produced by :func:`to_dict` validates against."""
    return json.loads(resources.files("tifalens.export").joinpath("schema.json").read_text(encoding="utf-8"))


def _offsets(source: Source, start: int, end: int) -> dict[str, int]:
    a, b = source.to_original(start, end)
    return {"start": start, "end": end, "orig_start": a, "orig_end": b}


def _text(span: Span) -> str:
    return clean if (clean := span._.clean_text) is not None else span_text(span).strip()


def _strip_marker(span: Span) -> str:
    text = _text(span)
    marker = span._.marker or ""
    return text[len(marker) :].strip() if marker and text.startswith(marker) else text


def _block(span: Span, source: Source) -> dict[str, Any]:
    return {
        "kind": span.label_.lower(),
        "text": _text(span),
        "marker": span._.marker or None,
        **_offsets(source, span.start_char, span.end_char),
        "duplicate_of": span._.duplicate_of,
    }


def _item(span: Span, source: Source) -> dict[str, Any]:
    return {
        "marker": span._.marker,
        "number": span._.number,
        "family": span._.family,
        "text": span._.clean_text or "",
        "list": span._.fields["list"],
        **_offsets(source, span.start_char, span.end_char),
    }


def _list(span: Span, source: Source) -> dict[str, Any]:
    return {**span._.fields, "qa": span._.qa, **_offsets(source, span.start_char, span.end_char)}


def articles(doc: Doc, source: Source) -> list[dict[str, Any]]:
    """The ``articles`` array: titles, datelines, sections with blocks, Q/A pairs with items."""
    by_article: dict[int, list[Span]] = defaultdict(list)
    for span in doc.spans.get("structure", []):
        by_article[span._.article].append(span)
    out = []
    for a in sorted(k for k in by_article if k is not None):
        spans = by_article[a]
        first = {s.label_: s for s in reversed(spans)}
        art = first["ARTICLE"]
        subtitles = [_text(s) for s in spans if s.label_ == "SUBTITLE"]
        dl = first.get("DATELINE")
        date = first.get("DATE")
        byline = first.get("BYLINE")
        interviewee = first.get("INTERVIEWEE")
        sections: dict[int, dict] = {}
        qa: dict[int, dict] = {}
        items_outside: list[dict] = []
        quotations = [
            {"text": span_text(s), **_offsets(source, s.start_char, s.end_char), "speaker": _speaker(source, s._.speaker)}
            for s in spans
            if s.label_ == "QUOTATION"
        ]
        reactions = [{"text": span_text(s), "kind": s._.fields["kind"], **_offsets(source, s.start_char, s.end_char)} for s in spans if s.label_ == "REACTION"]
        lists = [_list(s, source) for s in spans if s.label_ == "LIST"]
        for s in spans:
            if s.label_ == "HEADING":
                underscore = s._
                sections[underscore.section] = {
                    "heading": _text(s),
                    "level": underscore.level,
                    "numbering": underscore.numbering,
                    **_offsets(source, s.start_char, s.end_char),
                    "blocks": [],
                }
        for s in spans:
            if s.label_ in _BLOCK_LABELS:
                sec = sections.setdefault(
                    s._.section, {"heading": None, "level": None, "numbering": None, "start": None, "end": None, "orig_start": None, "orig_end": None, "blocks": []}
                )
                sec["blocks"].append(_block(s, source))
                if s.label_ == "QUESTION":
                    qa[s._.qa] = {
                        "heading": sec["heading"],
                        "question": _strip_marker(s),
                        "question_marker": s._.marker,
                        "asker": (s._.fields or {}).get("asker"),
                        "answer": "",
                        "answer_marker": None,
                        "answerer": (s._.fields or {}).get("answerer"),
                        **_offsets(source, s.start_char, s.end_char),
                        "items": [],
                    }
                elif s.label_ == "ANSWER" and s._.qa in qa:
                    pair = qa[s._.qa]
                    part = _strip_marker(s)
                    if not pair["answer"]:
                        pair["answer_marker"] = s._.marker or None
                    pair["answer"] = f"{pair['answer']}\n{part}" if pair["answer"] else part
                    pair.update({k: v for k, v in _offsets(source, pair["start"], s.end_char).items() if k in ("end", "orig_end")})
            elif s.label_ == "ITEM":
                target = qa[s._.qa]["items"] if s._.qa is not None and s._.qa in qa else items_outside
                target.append(_item(s, source))
        out.append(
            {
                "index": a,
                "title": _text(first["TITLE"]) if "TITLE" in first else None,
                "subtitle": " / ".join(subtitles) if subtitles else None,
                "subtitles": subtitles,
                "byline": None if byline is None else {"text": _text(byline), **byline._.fields, **_offsets(source, byline.start_char, byline.end_char)},
                "date": _dateline_date(dl, source) if date is None else _document_date(date, source),
                "interviewee": None if interviewee is None else {"name": _text(interviewee), **interviewee._.fields, **_offsets(source, interviewee.start_char, interviewee.end_char)},
                "doc_type": (art._.fields or {}).get("doc_type"),
                "doc_number": _plain("DOC_NUMBER", first, source),
                "issuer": _plain("SIGNATURE", first, source),
                "addressee": _plain("ADDRESSEE", first, source),
                "dateline": None if dl is None else {"text": span_text(dl), **dl._.fields, **_offsets(source, dl.start_char, dl.end_char)},
                **_offsets(source, art.start_char, art.end_char),
                "sections": [sections[k] for k in sorted(sections)],
                "qa": [qa[k] for k in sorted(qa)],
                "items": items_outside,
                "lists": lists,
                "quotations": quotations,
                "reactions": reactions,
            }
        )
    return out


DOCUMENT_FIELDS = (("doc_type", "Kind"), ("doc_number", "Number"), ("issuer", "Signed"), ("addressee", "To"))


def document_lines(art: dict[str, Any]) -> list[str]:
    """An official document's kind, number, who signs it and whom it is sent to, as the reports show them
    (Kind: 意见, Number: 国发〔2023〕15号, Signed: 国务院, To: 各省、自治区、直辖市人民政府), and a speech's
    audience reactions counted by kind (Audience: applause 3)."""
    out = []
    for key, label in DOCUMENT_FIELDS:
        value = art.get(key)
        if value:
            out.append(f"{label}: {(value['text'] if isinstance(value, dict) else value).rstrip('：: ')}")
    kinds = Counter(r["kind"] for r in art.get("reactions") or ())
    if kinds:  # a speech's transcript: how often the audience reacted (Audience: applause 3, laughter 1)
        out.append("Audience: " + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()))
    return out


def _plain(label: str, first: dict[str, Span], source: Source) -> dict[str, Any] | None:
    """The text and offsets of the article's first span with ``label``, or None."""
    span = first.get(label)
    return None if span is None else {"text": _text(span), **_offsets(source, span.start_char, span.end_char)}


def _document_date(span: Span, source: Source) -> dict[str, Any]:
    """The article's date: the span is cut to token edges (5日电), the date itself is exact."""
    m = DATE_PATTERN.search(span_text(span))
    start, end = span.start_char + m.start(), span.start_char + m.end()
    return {"text": m.group(0), "value": iso_date(m), "year_from": "text", **_offsets(source, start, end)}


def _dateline_date(dl: Span | None, source: Source) -> dict[str, Any] | None:
    """An article whose front matter gives no full date but whose dateline gives a day without a
    year (（新华社北京9月26日电）) is dated in the year of its file's name (xinhua-2022-09-26.txt)."""
    reference = source.name_date() if dl is not None else None
    if reference is None:
        return None
    text = span_text(dl)
    m = None if DATE_PATTERN.search(text) else MONTH_DAY.search(text)
    value = m and in_year_of(m, reference)
    if not value:
        return None
    start, end = dl.start_char + m.start(), dl.start_char + m.end()
    return {"text": m.group(0), "value": value, "year_from": "file name", **_offsets(source, start, end)}


def terms(doc: Doc, source: Source) -> list[dict[str, Any]]:
    """The ``terms`` array: one entry per canonical formula, with every occurrence."""
    groups: dict[str, list[Span]] = defaultdict(list)
    for span in doc.spans.get("tifa", []):
        groups[span._.canonical].append(span)
    out = []
    for canonical, spans in groups.items():
        first = spans[0]
        per_article = Counter(s._.article for s in spans)
        out.append(
            {
                "term": canonical,
                "known": bool(first._.known),
                "category": first._.category,
                "expansion": first._.expansion or None,
                "first_used": first._.first_used,
                "confidence": first._.confidence if first._.confidence is not None else (1.0 if first._.known else None),
                "evidence": first._.evidence or [],
                "count": len(spans),
                "forms": dict(Counter(s._.term for s in spans)),
                "count_by_article": {str(k): v for k, v in sorted(per_article.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))},
                "gloss": next((_gloss(source, s._.gloss) for s in spans if s._.gloss), None),
                "occurrences": [_occurrence(source, s) for s in spans],
            }
        )
    out.sort(key=lambda t: (-t["count"], t["term"]))
    return out


def shown_value(fig: dict[str, Any]) -> Any:
    """The value a table shows for a ``stats`` entry: a date's ISO form (3月2日: --03-02), not the first
    number in it, a composition's parts (5.3:41:53.7), else ``value``."""
    if fig.get("parts"):
        return ":".join(map(str, fig["parts"]))
    return fig["date"] if fig.get("kind") == "date" and fig.get("date") else fig.get("value")


def shown_when(fig: dict[str, Any], year: str | None = None) -> str | None:
    """The time a table shows for a ``stats`` entry: the ISO form of the year or date it is of (10月份: --10,
    2024年: 2024, 去年 in a text of 2024: 2023, or read against ``year``, a record's date), else its words, or None."""
    when = fig.get("when")
    return (shown_year(when, year) or when["date"] or when["text"]) if when else None


def shown_kind(fig: dict[str, Any]) -> Any:
    """The kind a table shows for a ``stats`` entry, with its modality when it has one (money, target)."""
    return f"{fig.get('kind')}, {fig['modality']}" if fig.get("modality") else fig.get("kind")


def _speaker(source: Source, speaker: dict[str, Any] | None) -> dict[str, Any] | None:
    """Who says a quotation (``span._.speaker``): the name and its offsets, or None."""
    return None if speaker is None else {"name": speaker["name"], **_offsets(source, speaker["start"], speaker["end"])}


def gloss_text(term: dict[str, Any]) -> str | None:
    """The text of a ``terms`` entry's gloss (how the text spells the formula out), or None."""
    return term["gloss"]["text"] if term.get("gloss") else None


def _occurrence(source: Source, span: Span) -> dict[str, Any]:
    out = {"form": span._.term, "article": span._.article, **_offsets(source, span.start_char, span.end_char)}
    if span._.gloss:
        out["gloss"] = _gloss(source, span._.gloss)
    return out


def _gloss(source: Source, gloss: dict[str, Any]) -> dict[str, Any]:
    """The text's own spelling-out of a formula (``span._.gloss``): its text, items and offsets."""
    start, end = gloss["start"], gloss["end"]
    return {"text": source.text[start:end], "items": list(gloss["items"]), **_offsets(source, start, end)}


def entities(doc: Doc, source: Source) -> list[dict[str, Any]]:
    """The ``entities`` array: ``doc.ents`` in text order; ``kb_id`` is an institution's or a division's full name, or null;
    ``title`` the office a person is named after (国家统计局局长康义: 国家统计局局长), or null."""
    titles = doc.user_data.get(TITLES_KEY) or {}
    return [
        {
            "text": span_text(e),
            "label": e.label_,
            "kb_id": e.kb_id_ or None,
            "title": titles.get((e.start_char, e.end_char)),
            **_offsets(source, e.start_char, e.end_char),
        }
        for e in doc.ents
    ]


def notes(doc: Doc, source: Source) -> list[dict[str, Any]]:
    """Reading notes and repairs, each with both kinds of offsets."""
    found = [n.as_dict() for n in source.notes] + list(doc._.notes or [])
    return [{"code": n["code"], "message": n["message"], **_offsets(source, n["start"], n["end"])} for n in found]


def to_dict(doc: Doc, source: Source) -> dict[str, Any]:
    """Everything tifalens found in one document, as plain data."""
    arts = articles(doc, source)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "tifalens", "version": __version__},
        "source": {
            "path": source.path,
            "encoding": source.encoding,
            "chars": len(source.text),
            "original_chars": len(source.original),
            "sha256": source.sha256,
            **({"block": source.block.as_dict()} if source.block else {}),
        },
        "articles": arts,
        "terms": terms(doc, source),
        "entities": entities(doc, source),
        "stats": _dated(_group_records(doc, "stats", source), arts, source),
        "checks": checks(doc, source),
        "notes": notes(doc, source),
    }


# Fields that quote the text (rather than name a canonical form, a unit or a code).
_QUOTING_KEYS = frozenset(
    {"text", "title", "subtitle", "subtitles", "heading", "question", "question_marker", "asker", "answer", "answer_marker", "answerer", "marker",
     "subject", "sentence", "whole", "against", "message", "agency", "place", "role", "name"}
)


def as_written(data: dict[str, Any], source: Source) -> dict[str, Any]:
    """:func:`to_dict`'s data with the fields that quote the text as the input wrote them.

    For a Traditional input the analysis reads Simplified characters; Markdown and HTML show
    the reader the characters of the input (國務院, not 国务院). The JSON keeps the analysed text,
    and its ``orig_start``/``orig_end`` slice the original. Other data is returned as it is.
    """
    if source.written is source.text:
        return data

    def walk(value: Any, near: int, quoting: bool) -> Any:
        if isinstance(value, str):
            return source.as_written(value, near) if quoting else value
        if isinstance(value, list):
            return [walk(v, near, quoting) for v in value]
        if isinstance(value, dict):
            near = value["start"] if isinstance(value.get("start"), int) else near
            return {k: walk(v, near, k in _QUOTING_KEYS) for k, v in value.items()}
        return value

    return {**data, **{key: walk(data[key], 0, False) for key in ("articles", "entities", "stats", "checks", "notes")}}


def _with_orig(record: dict[str, Any], source: Source) -> dict[str, Any]:
    """The record with ``orig_start``/``orig_end`` added when it has ``start``/``end``."""
    if isinstance(record.get("start"), int) and isinstance(record.get("end"), int):
        return {**record, **_offsets(source, record["start"], record["end"])}
    return dict(record)


def _group_records(doc: Doc, group: str, source: Source) -> list[dict[str, Any]]:
    """Records that a component keeps for a span group (filled by the statistics component); the year or date
    a figure is of (``when``) has both kinds of offsets too."""
    records = [_with_orig(span._.fields, source) for span in doc.spans.get(group, []) if span._.fields]
    return [{**r, "when": _with_orig(r["when"], source)} if r.get("when") else r for r in records]


def _dated(figures: list[dict[str, Any]], arts: list[dict[str, Any]], source: Source) -> list[dict[str, Any]]:
    """The figures, a year a word names counted from the text's own (去年) read against the year of the
    figure's article (its date, or the file name's), when that is known."""
    own = (source.name_date() or "")[:4]
    years = [((a["date"] or {}).get("value") or "")[:4] for a in arts]
    out = []
    for fig in figures:
        when = fig.get("when")
        if when and when["years"] is not None:
            year = years[fig["article"]] if fig.get("article") is not None and fig["article"] < len(years) else ""
            year = year if year.isdigit() else own if own.isdigit() else ""
            fig = {**fig, "when": {**when, "date": _in_year(when, int(year) + when["years"]) if year else when["date"]}}
        out.append(fig)
    return out


def _in_year(when: dict[str, Any], year: int) -> str:
    """The ISO form of ``when`` in ``year``: the year itself for a word (去年), or a date with no year of its
    own put in it (今年前三季度, --01/--09: 2024-01/2024-09)."""
    return dated_in(when["date"], year) if when["date"] else str(year)


def shown_year(when: dict[str, Any], year: str | None) -> str | None:
    """The year or date a word such as 去年 names, read against ``year`` (a record's date) where the text gave none."""
    if when.get("years") is None or not year or not year[:4].isdigit() or (when["date"] and not when["date"].startswith("--")):
        return None
    return _in_year(when, int(year[:4]) + when["years"])


def checks(doc: Doc, source: Source) -> list[dict[str, Any]]:
    """The ``checks`` array: each check, and each figure it names, with both kinds of offsets."""
    out = []
    for check in doc._.checks or []:
        figures = [_with_orig(f, source) if isinstance(f, dict) else f for f in check.get("figures", [])]
        out.append({**_with_orig(check, source), **({"figures": figures} if "figures" in check else {})})
    return out


ENTITY_LABELS = {"PERSON": "person", "GPE": "place", "LOC": "place", "ORG": "organisation", "LAW": "document", "WORK_OF_ART": "work"}


def entity_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of the entities table: each name once, with its kind, full name, office (the first a person is named
    after, or '') and count, most frequent first."""
    counts = Counter((e["text"], e["label"], e["kb_id"] or "") for e in data["entities"])
    offices: dict[tuple[str, str, str], str] = {}
    for e in data["entities"]:
        if e.get("title"):
            offices.setdefault((e["text"], e["label"], e["kb_id"] or ""), e["title"])
    return [
        {"text": text, "kind": ENTITY_LABELS.get(label, label), "label": label, "kb_id": kb_id, "office": offices.get((text, label, kb_id), ""), "count": n}
        for (text, label, kb_id), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def summary_rows(datas: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Terms across documents: total count, number of documents, known, category, expansion."""
    totals: dict[str, dict[str, Any]] = {}
    for data in datas:
        for t in data["terms"]:
            row = totals.setdefault(t["term"], {"term": t["term"], "count": 0, "documents": 0, "known": t["known"], "category": t["category"], "expansion": t["expansion"]})
            row["count"] += t["count"]
            row["documents"] += 1
    return sorted(totals.values(), key=lambda r: (-r["count"], r["term"]))


def to_json(doc: Doc, source: Source, *, indent: int | None = 2) -> str:
    """Serialise :func:`to_dict` deterministically (same input, same bytes)."""
    return json.dumps(to_dict(doc, source), ensure_ascii=False, indent=indent)
