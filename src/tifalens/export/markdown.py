"""Markdown export: the document as a readable outline, with its term and figure tables."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..components.structure import question_number
from ..tables import table
from ..reading import Source
from .jsonout import as_written, document_lines, entity_rows, gloss_text, shown_kind, shown_value, shown_when, to_dict

_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **{ch: "\\" + ch for ch in "\\`*_[]|"}})
# What CommonMark reads as a block when a line starts with it: an ATX heading (# x), a quote,
# a list item (- x, 1. x), a setext underline (===, --) or a fence (~~~). 5.2% or -3 is text.
_BLOCK_START = re.compile(r"^(?=#{1,6}(?:[ \t]|$)|>|[+\-](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|=+[ \t]*$|-{2,}[ \t]*$|~{3,})")


def md_inline(text: str) -> str:
    """Escape Markdown and HTML metacharacters in text that does not start a line (a table cell,
    the text after ``- `` or ``**Q:** ``), so it stays text, never markup."""
    return text.translate(_ESCAPE).replace("\n", " ")


def md_escape(text: str) -> str:
    """:func:`md_inline`, and a line start that would open a block (``# ``, ``1. ``) escaped too."""
    return _BLOCK_START.sub("\\\\", md_inline(text))


def _lists(items: list[dict], lists: list[dict]) -> list[str]:
    """Each list's items as bullets under the sentence that opens it (its lead), one list after another."""
    out: list[str] = []
    lead_of = {one["index"]: one["lead"] for one in lists}
    for n in dict.fromkeys(it["list"] for it in items):
        lead = lead_of.get(n)
        if lead:
            out += [f"*{md_escape(lead)}*", ""]
        out += [f"- {md_escape(it['marker'])} {md_escape(_first_sentence(it['text']))}" for it in items if it["list"] == n]
        out.append("")
    return out


_ITEM_LINE = re.compile(r"^- \*\*")  # an item shown in place (the text of others has its * escaped)


def _item_of(text: str, items: list[dict], shown: set[int]) -> dict | None:
    """The enumeration item a paragraph is (the item's marker, then its text to the end), not yet shown."""
    rest = text.strip()
    for i, it in enumerate(items):
        if i not in shown and rest.startswith(it["marker"]) and rest[len(it["marker"]) :].lstrip() == it["text"].strip():
            shown.add(i)
            return it
    return None


def _paragraphs(parts: list[str], items: list[dict], shown: set[int], first: str = "") -> list[str]:
    """Paragraphs as text, those that are items of an enumeration (一是…, 二是…) as a list in place:
    ``- **一是** …``, one item after another. ``first`` goes before the first paragraph (**A:**)."""
    out: list[str] = []
    for n, part in enumerate(parts):
        it = _item_of(part, items, shown)
        if it is not None:
            if first and n == 0:
                out += [first, ""]
            rest = part.lstrip()[len(it["marker"]) :].lstrip()
            out += [f"- **{md_inline(it['marker'])}** {md_inline(rest)}", ""]
        else:
            out += [(f"{first} " if first and n == 0 else "") + md_escape(part), ""]
    return out


def _table(rows: list[str]) -> list[str]:
    """Rows of a table laid out with tabs or spaces, as a Markdown table under the first row, each padded to the
    widest (a row's leading indent, 　食品烟酒, is no cell)."""
    cells = [row.split() for row in rows]
    width = max(map(len, cells))
    lines = ["| " + " | ".join(_cell(c) for c in row + [""] * (width - len(row))) + " |" for row in cells]
    return [lines[0], "|" + "---|" * width, *lines[1:]]


def _first_sentence(text: str) -> str:
    m = re.search(r"[。！？!?；;]", text)
    return text[: m.end()] if m else text


def _labelled_note(text: str) -> str:
    """An editor's note as shown: its label set off by a colon when the text had it alone on a line (编者按今年… ->
    编者按：今年…)."""
    label = next((m for m in table("structure")["editor_note_markers"] if text.startswith(m)), None)
    if label is None or text[len(label) : len(label) + 1] in ("：", ":", "】", "]", " "):
        return text
    return f"{label}：{text[len(label):]}"


def _cell(value) -> str:
    return md_inline("" if value is None else str(value))


def to_markdown(doc: Doc, source: Source) -> str:
    """Render the outline: articles, headings, Q/A pairs with their items, then tables
    (quoting the text as the input wrote it: see :func:`~tifalens.export.jsonout.as_written`)."""
    data = as_written(to_dict(doc, source), source)
    path = source.path.replace("--", "- -")  # a comment is not rendered: no escapes, only no end of comment in it
    out: list[str] = [f"<!-- tifalens {data['tool']['version']}: {path} ({source.encoding}) -->", ""]
    for art in data["articles"]:
        title = art["title"] or "Article {}".format(art["index"] + 1)
        out.append(f"# {md_escape(title)}")
        for sub in art["subtitles"]:
            out.append(f"*{md_escape(sub)}*  ")
        if art["dateline"]:
            d = art["dateline"]
            said = ", ".join(f"{key} {md_escape(d[key])}" for key in ("agency", "place", "date") if d[key])  # (a paper's source line names no place)
            out.append(f"Dateline: {md_escape(d['text'])}" + (f" ({said})" if said else ""))
        out += [f"{md_escape(line)}  " for line in document_lines(art)]
        if art["byline"]:
            where = art["byline"].get("affiliation")
            out.append(f"By: {md_escape(art['byline']['text'])}" + (f" ({md_escape(where)})" if where else "") + "  ")
        if art["date"]:
            d = art["date"]
            year = ", year from the file name" if d.get("year_from") == "file name" else ""
            out.append(f"Date: {d['value']} ({md_escape(d['text'])}{year})")
        out.append("")
        qa_by_start = {q["start"]: q for q in art["qa"]}
        body_shown: set[int] = set()  # the article's items shown in place
        for sec in art["sections"]:
            if sec["heading"]:
                hashes = "#" * min(6, 1 + (sec["level"] or 1))  # the article's title is #; 一、 ##, （一） ###, …
                out += [f"{hashes} {md_escape(sec['heading'])}", ""]
            rows: list[str] = []  # the table rows just read, shown as one table when a block of another kind comes
            for block in [*sec["blocks"], None]:
                if block is not None and block["kind"] == "table_row":
                    rows.append(block["text"])
                    continue
                if out[-1].startswith("- ") and (block is None or block["kind"] not in ("bullet", "contents")):
                    out.append("")  # a list of bullets ends: a paragraph after it is no part of its last item
                if rows:
                    out += [*_table(rows), ""]
                    rows = []
                if block is None:
                    break
                if block["kind"] == "question" and block["start"] in qa_by_start:
                    q = qa_by_start[block["start"]]
                    answer = q["answer"].split("\n")
                    speaker, asker = q["answerer"], q["asker"]
                    a = f"**A ({md_escape(speaker)}):**" if speaker else "**A:**"
                    n = question_number(q["question_marker"]) or ""
                    qm = f"**Q{n} ({md_escape(asker)}):**" if asker else f"**Q{n}:**"
                    out += [f"{qm} {md_escape(q['question'])}", ""]
                    shown: set[int] = set()
                    out += _paragraphs(answer, q["items"], shown, first=a)
                    # an enumeration inside a paragraph (一是…，二是…): its items as a digest under the answer
                    out += _lists([it for i, it in enumerate(q["items"]) if i not in shown], art["lists"])
                elif block["kind"] in ("question", "answer"):
                    continue
                elif block["kind"] == "bullet":
                    out.append(f"- {md_escape(block['text'][len(block['marker'] or ''):].strip())}")
                    continue  # (bullets close up; whatever comes next opens with a blank line)
                elif block["kind"] == "contents":
                    out.append(f"- {md_escape(block['text'].strip())}")
                    continue
                elif block["kind"] == "editor_note":
                    out += [f"> *{md_escape(_labelled_note(block['text']))}*", ""]
                elif block["kind"] == "author_note":
                    out += [f"*{md_escape(block['text'].strip())}*", ""]
                elif block["kind"] == "quote":
                    out += [f"> {md_escape(block['text'])}", ""]
                elif block["duplicate_of"] is not None:
                    out += [md_escape(block["text"]) + " *(duplicate)*", ""]
                else:
                    out += _paragraphs([block["text"]], art["items"], body_shown)
        rest = [it for i, it in enumerate(art["items"]) if i not in body_shown]
        if rest:
            out += ["### Enumerations", "", *_lists(rest, art["lists"])]
    if data["terms"]:
        out += ["## Terms", "", "| term | count | known | category | expansion | in the text |", "|---|---:|---|---|---|---|"]
        for t in data["terms"]:
            out.append(f"| {_cell(t['term'])} | {t['count']} | {'yes' if t['known'] else 'no'} | {_cell(t['category'])} | {_cell(t['expansion'])} | {_cell(gloss_text(t))} |")
        out.append("")
    if data["stats"]:
        # a column of its own only where a table has figures, and where a year or date says when a figure is
        optional = [key for key in ("column", "when") if any(s.get(key) for s in data["stats"])]
        out += ["## Figures", "", "| text | value | unit | kind | approx | " + "".join(f"{key} | " for key in optional) + "subject |"]
        out.append("|---|---:|---|---|---|" + "---|" * len(optional) + "---|")
        for s in data["stats"]:
            shown = {"column": s.get("column"), "when": shown_when(s)}
            out.append(
                f"| {_cell(s.get('text'))} | {_cell(shown_value(s))} | {_cell(s.get('unit'))} | {_cell(shown_kind(s))}"
                f" | {_cell(s.get('approx'))} |" + "".join(f" {_cell(shown[key])} |" for key in optional) + f" {_cell(s.get('subject'))} |"
            )
        out.append("")
    if data["entities"]:
        rows = entity_rows(data)
        office = any(e["office"] for e in rows)  # a column of its own only where a person is named after an office
        out += ["## Names: people, places, organisations, documents, works", "", "| name | kind | full name | " + ("office | " if office else "") + "count |"]
        out.append("|---|---|---|" + ("---|" if office else "") + "---:|")
        for e in rows:
            out.append(f"| {_cell(e['text'])} | {e['kind']} | {_cell(e['kb_id'])} |" + (f" {_cell(e['office'])} |" if office else "") + f" {e['count']} |")
        out.append("")
    if data["checks"]:
        out += ["## Checks", ""]
        out += [f"- **{_cell(c.get('level'))}** {_cell(c.get('code'))}: {_cell(c.get('message'))}" for c in data["checks"]]
        out.append("")
    if data["notes"]:
        out += ["## Notes", ""]
        out += [f"- {_cell(n['code'])} at {n['orig_start']}: {_cell(n['message'])}" for n in data["notes"]]
        out.append("")
    # the items of a list shown in place close up, one line each
    out = [line for i, line in enumerate(out) if line or not (0 < i < len(out) - 1 and _ITEM_LINE.match(out[i - 1]) and _ITEM_LINE.match(out[i + 1]))]
    return "\n".join(out).rstrip() + "\n"
