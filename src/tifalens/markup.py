"""Web pages saved as HTML: what to leave out of their text, and what to read in place of a tag or an entity.

A page is read as the text a browser shows: tags, comments, scripts and styles are left
out (and the page's ``<title>`` when an ``<h1>`` heads its body), a block tag (``<p>``, ``<div>``, ``<br>``, ``<h1>``…) becomes a line break and a table
cell a space, an entity (``&ldquo;``, ``&#20013;``) the character it stands for, and a
line break of the page's source inside running text nothing between two Chinese
characters (a space elsewhere). These are edits of the decoded text, never a second
text: each character read comes from one character of the page (a tag's ``<``, an
entity's ``&``), so offsets still map back into the file (:mod:`tifalens.reading`).

    >>> edits = html_edits("<p>增强&ldquo;四个\\n意识&rdquo;</p>")
    >>> edits.apply("<p>增强&ldquo;四个\\n意识&rdquo;</p>")
    '\\n增强“四个意识”\\n'
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser

# A page opens with a doctype, a comment or one of the tags a page starts with.
_PAGE_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|h[1-6])\b", re.I | re.S)
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main "
    "nav ol p pre section table title tr ul".split()
)
_CELL_TAGS = frozenset(("td", "th"))
_HIDDEN_TAGS = frozenset(("script", "style", "noscript", "template"))
_SOURCE_BREAK = re.compile(r"[ \t\r]*\n\s*")
_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


@dataclass
class Edits:
    """Spans of the original to leave out, and characters to read in place of the one at an offset.

    ``drops`` are sorted, disjoint ``(start, end)`` spans; no replaced offset lies inside one.
    """

    drops: list[tuple[int, int]] = field(default_factory=list)
    replacements: dict[int, str] = field(default_factory=dict)

    def apply(self, original: str) -> str:
        """The text these edits make of ``original`` (what :func:`tifalens.reading.normalize` builds)."""
        out, last = [], 0
        for start, end in [*self.drops, (len(original), len(original))]:
            out.append(self.replaced(original, last, start))
            last = end
        return "".join(out)

    @cached_property
    def _replaced_at(self) -> list[int]:
        return sorted(self.replacements)

    def replaced(self, original: str, start: int, end: int) -> str:
        """``original[start:end]`` with the replacements in it made."""
        at = self._replaced_at
        lo, hi = bisect_left(at, start), bisect_left(at, end)
        if lo == hi:
            return original[start:end]
        out, last = [], start
        for i in at[lo:hi]:
            out += (original[last:i], self.replacements[i])
            last = i + 1
        out.append(original[last:end])
        return "".join(out)


def is_page(text: str) -> bool:
    """Does ``text`` look like an HTML page (it opens with a doctype or a page's tag)?"""
    return _PAGE_START.match(text, 0, 4096) is not None


def html_edits(page: str) -> Edits:
    """The edits that read ``page`` (HTML) as its text."""
    reader = _Reader(page)
    reader.feed(page)
    reader.close()
    return reader.edits()


class _Reader(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=False)
        self.page = page
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", page))]
        self._drops: list[tuple[int, int]] = []
        self._replacements: dict[int, str] = {}
        self._hidden = 0  # inside <script>, <style>…: their content is no text
        self._title: list[int] = []  # where <title> opens and closes: the page's name, left out when an <h1> heads the page
        self._headed = False

    def _pos(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _tag(self, start: int, end: int, tag: str, *, closing: bool = False) -> None:
        if tag in _BLOCK_TAGS or (tag in _CELL_TAGS and not closing):
            self._replacements[start] = "\n" if tag in _BLOCK_TAGS else " "
            start += 1
        if end > start:
            self._drops.append((start, end))

    def handle_starttag(self, tag: str, attrs) -> None:
        start = self._pos()
        self._tag(start, start + len(self.get_starttag_text() or ""), tag)
        self._hidden += tag in _HIDDEN_TAGS
        self._headed |= tag == "h1"
        if tag == "title" and not self._title:
            self._title.append(start)

    def handle_startendtag(self, tag: str, attrs) -> None:
        start = self._pos()
        self._tag(start, start + len(self.get_starttag_text() or ""), tag)

    def handle_endtag(self, tag: str) -> None:
        start = self._pos()
        end = self.page.find(">", start)
        self._tag(start, len(self.page) if end < 0 else end + 1, tag, closing=True)
        if tag in _HIDDEN_TAGS and self._hidden:
            self._hidden -= 1
        if tag == "title" and len(self._title) == 1:
            self._title.append(len(self.page) if end < 0 else end + 1)

    def _skip(self, length: int) -> None:
        start = self._pos()
        self._drops.append((start, start + length))

    def handle_comment(self, data: str) -> None:
        self._skip(len(data) + 7)  # <!-- … -->

    def handle_decl(self, decl: str) -> None:
        self._skip(len(decl) + 3)  # <!DOCTYPE …>

    def handle_pi(self, data: str) -> None:
        self._skip(len(data) + 3)  # <? … >

    def unknown_decl(self, data: str) -> None:
        self._skip(len(data) + 5)  # <![ … ]>

    def _reference(self, written: str) -> None:
        start = self._pos()
        end = start + len(written) + (self.page.startswith(";", start + len(written)))
        if self._hidden:
            self._drops.append((start, end))
            return
        char = html.unescape(self.page[start:end])
        if len(char) != 1:
            return  # no entity it knows (A&B, &foo;): text as written
        self._replacements[start] = char
        if end > start + 1:
            self._drops.append((start + 1, end))

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name}")

    def handle_data(self, data: str) -> None:
        start = self._pos()
        if self._hidden:
            self._drops.append((start, start + len(data)))
            return
        for m in _SOURCE_BREAK.finditer(data):
            a, b = start + m.start(), start + m.end()
            between_cjk = a > 0 and b < len(self.page) and _CJK.match(self.page, a - 1) and _CJK.match(self.page, b)
            if not between_cjk and a > 0 and b < len(self.page):
                self._replacements[a] = " "  # a space where the page's source broke a line of Latin text
                a += 1
            if b > a:
                self._drops.append((a, b))

    def edits(self) -> Edits:
        if self._headed and len(self._title) == 2:  # 会议部署稳就业工作--时政--人民网 names the page; the <h1> is the title
            self._drops.append((self._title[0] + 1, self._title[1]))
        drops = merged(self._drops)
        starts = [s for s, _ in drops]
        kept = {i: ch for i, ch in self._replacements.items() if not (k := bisect_right(starts, i)) or i >= drops[k - 1][1]}
        return Edits(drops, kept)


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, those that overlap or touch joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


# ---------------------------------------------------------------------------- Markdown

_MD_LINE_MARK = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|(?:>[ \t]?)+)", re.M)  # a heading's #s, a quotation's >s
_MD_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$", re.M)
_MD_RULE = re.compile(r"^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$|^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$", re.M)
_MD_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MD_LINK_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__|~~)(?=\S)([^\n]+?)(?<=\S)\1|(?<![*\d])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\d])")
_MD_CODE = re.compile(r"`+")
_MD_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|>~])")


def markdown_edits(text: str) -> Edits:
    """The edits that read ``text`` (Markdown) as its words: a heading's ``#``, a quotation's ``>``, emphasis, code
    marks, escapes, rules and link targets left out (a link's words kept, an image left out whole), a table's
    separator line left out and its cells set apart by tabs, as a row of a table is (``| 指标 | 2024年 |``)."""
    drops: list[tuple[int, int]] = []
    replacements: dict[int, str] = {}
    for rx in (_MD_LINE_MARK, _MD_HEADING_CLOSE, _MD_RULE, _MD_IMAGE, _MD_LINK_DEFINITION, _MD_CODE, _MD_ESCAPE):
        drops += [m.span() for m in rx.finditer(text) if m.end() > m.start()]
    for m in _MD_LINK.finditer(text):
        drops += [(m.start(), m.start() + 1), (m.end(1), m.end())]  # [words](target): the words
    for m in _MD_EMPHASIS.finditer(text):
        mark = len(m.group(1)) if m.group(1) else 1
        drops += [(m.start(), m.start() + mark), (m.end() - mark, m.end())]
    for m in _MD_TABLE_ROW.finditer(text):
        row = m.group()
        first, last = m.start() + row.index("|"), m.start() + row.rindex("|")
        drops += [(first, first + 1), (last, last + 1)]
        replacements.update((m.start() + k, "\t") for k, ch in enumerate(row) if ch == "|" and first < m.start() + k < last)
    spans = merged(drops)
    starts = [a for a, _ in spans]
    kept = {at: ch for at, ch in replacements.items() if not _inside(spans, starts, at)}
    return Edits(spans, kept)


def _inside(spans: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    k = bisect_right(starts, at) - 1
    return k >= 0 and spans[k][0] <= at < spans[k][1]


def is_markdown(path: str) -> bool:
    """Is ``path`` a Markdown file by its name (``.md``, ``.markdown``)?"""
    return path.lower().endswith((".md", ".markdown"))
