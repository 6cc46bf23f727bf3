"""Reading: bytes -> :class:`Source` (decoded, normalised text with an exact offset map).

Reading is the only step that sees bytes. It detects the encoding, removes what
only gets in the way of matching (CR of CRLF, zero-width characters, the line
breaks of text hard-wrapped at a page's width), folds
look-alike characters one for one (NBSP, ideographic and other wide spaces,
full-width letters and digits) and, on request, converts Traditional to
Simplified characters. Every character of the normalised text comes from exactly
one character of the original, so any span maps back exactly::

    >>> src = read_bytes("问：１２３\\r\\n".encode("utf-8"), path="x.txt")
    >>> src.text
    '问：123\\n'
    >>> src.to_original(2, 5)
    (2, 5)

"Original" means the decoded text of the file with its byte-order mark removed;
offsets are in characters (code points), as in Python strings.

Inputs of any size: :func:`iter_blocks` reads a file in bounded memory as
consecutive Sources of at most ``block_chars`` characters, cut at line breaks,
each with a :class:`Block` saying where it sits in the whole input.
"""

from __future__ import annotations

import bisect
import codecs
import fnmatch
import hashlib
import io
import itertools
import os
import re
import sys
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Sequence

from .errors import InputError, UsageError
from .markup import Edits, html_edits, is_markdown, is_page, markdown_edits, merged
from .numbers import date_in_name

# Characters folded one for one. Full-width punctuation such as ，。：（） is kept:
# it carries meaning in Chinese typography and every pattern accepts both widths.
_FOLD = {
    0x00A0: " ",  # no-break space
    0x3000: " ",  # ideographic space (used for paragraph indentation)
    0x0009: " ",
    0x000B: "\n",
    0x000C: "\n",
    0x0085: "\n",
    0x2028: "\n",
    0x2029: "\n",
    0xFF05: "%",
    0xFF0E: ".",  # full-width full stop in figures: ３３．６％
    0xFF0B: "+",
}
_FOLD.update({cp: " " for cp in range(0x2000, 0x200B)})  # en/em/thin spaces
# Small and vertical forms that Big5 texts from Hong Kong and Taiwan hold for ，、；：？！（）: the full-width ones
_FOLD.update(dict(zip(map(ord, "﹐﹑﹒﹔﹕﹖﹗﹙﹚﹝﹞︰"), "，、.；：？！（）〔〕：")))
# The dots other scripts put between the parts of a foreign name (蒂姆・库克 with the katakana ・, Taiwan's ‧): ·
_FOLD.update(dict.fromkeys((0x30FB, 0xFF65, 0x2027), "·"))
_FOLD.update({cp: chr(cp - 0xFEE0) for cp in range(0xFF10, 0xFF1A)})  # ０-９
_FOLD.update({cp: chr(cp - 0xFEE0) for cp in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FOLD.update({cp: chr(cp - 0xFEE0) for cp in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FOLD_TABLE = str.maketrans(_FOLD)
# A bullet between two Chinese characters, as Python's Big5 codec reads Taiwan's name dot (艾爾肯•吐尼亞孜): ·
_NAME_BULLET = re.compile("(?<=[\u4e00-\u9fff])•(?=[\u4e00-\u9fff])")

# Removed outright: CR before LF, zero-width characters, soft hyphen, stray BOMs.
_DROP = re.compile("\r(?=\n)|[\u200b-\u200d\u2060\ufeff\u00ad]")
# a space a PDF or a web page's spacing puts between a number and the Chinese around it (达到 134.9 万亿元, 增长 5%,
# 2024 年): meaningless in a sentence, dropped there (a line with no clause punctuation may be a table's row, whose
# cells spaces set apart: 居民消费价格 0.3 0.4, kept; and a dateline's space is its end: 本报青岛讯 11月26日)
_NUMBER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![讯电])[ \xa0](?=[0-9０-９])|(?<=[0-9０-９])[ \xa0](?=[\u4e00-\u9fff%％])")
_CLAUSE_MARKS = re.compile("[，。；！？]")
_LONE_CR = re.compile("\r")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"%PDF", "a PDF document"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)

# Encodings the detector may choose from when the bytes are not UTF-8.
_CJK_CANDIDATES = ("gb18030", "big5", "big5hkscs", "utf_16_le", "utf_16_be")


@dataclass(frozen=True)
class Note:
    """A remark about the input or a repair made to it, with normalised offsets."""

    code: str
    message: str
    start: int = 0
    end: int = 0

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Block:
    """Where one block of a large input sits in the whole input (see :func:`iter_blocks`).

    Blocks tile the input: each starts where the one before ended, in characters and bytes.

    Attributes:
        number: 1 for the first block of the input.
        start_char: Offset of the block's first character in the whole decoded input
            (byte-order mark removed), so ``whole[start_char + i]`` is ``source.original[i]``.
        start_byte: Offset of the block's first byte in the file (after a byte-order mark).
        end_byte: Offset just after its last byte.
    """

    number: int
    start_char: int
    start_byte: int
    end_byte: int

    def label(self, name: str) -> str:
        """``name`` with the block number: ``big.txt#00001``."""
        return f"{name}#{self.number:05d}"

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


_NEAR = 2_000  # how far from its position a string is looked for in the text


@dataclass(frozen=True)
class Source:
    """A decoded, normalised input and the map back to its original text.

    Attributes:
        path: The input as named by the user (``-`` for standard input).
        original: The decoded text, byte-order mark removed.
        text: The normalised text every later step analyses.
        encoding: The encoding used to decode the bytes.
        sha256: Hex digest of the raw bytes (of the block's bytes, for a block).
        notes: Remarks made while reading (encoding guessed, characters removed).
        block: Where this Source sits in its input when it is one block of a large
            input (None when it is the whole input).
    """

    path: str
    original: str
    text: str
    encoding: str
    sha256: str
    notes: tuple[Note, ...] = ()
    # Normalised positions where the shift to original positions grows, and the
    # shift from there on. Empty when nothing was removed (the common case).
    _shift_at: tuple[int, ...] = field(default=(), repr=False)
    _shift: tuple[int, ...] = field(default=(), repr=False)
    block: Block | None = None

    def name_date(self) -> str | None:
        """The date in the name of the file this was read from (xinhua-2022-09-26.txt: 2022-09-26,
        gwr-2022.txt: 2022), or None for text, standard input or a record of a collection (``path:line``)."""
        if self.path in ("-", "<text>") or re.search(r":\d+$", self.path):
            return None
        return date_in_name(os.path.basename(self.path))

    def original_offset(self, i: int) -> int:
        """Original offset of normalised character ``i``."""
        k = bisect.bisect_right(self._shift_at, i)
        return i + (self._shift[k - 1] if k else 0)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised ``[start, end)`` span to original offsets.

        ``source.original[a:b]`` is then exactly the text the span came from.
        """
        if end <= start:
            pos = self.original_offset(start) if start < len(self.text) else len(self.original)
            return pos, pos
        return self.original_offset(start), self.original_offset(end - 1) + 1

    @cached_property
    def written(self) -> str:
        """:attr:`text` with every character that t2s changed put back as the input wrote it.

        It has the length of :attr:`text`, so any span of the analysis is a span of it; this is
        what reports show a reader. Folded characters (full-width digits, no-break spaces) stay
        folded. Without conversion it is :attr:`text` itself.

        >>> src = read_text("國務院發布", t2s=True)
        >>> src.text, src.written
        ('国务院发布', '國務院發布')
        """
        if not any(n.code == "t2s" for n in self.notes):
            return self.text
        chars = list(self.text)
        for i, ch in enumerate(chars):
            if ch >= "\u2e80":  # t2s changes only CJK characters and their punctuation
                o = self.original[self.original_offset(i)]
                if o != ch and o.translate(_FOLD_TABLE) == o:
                    chars[i] = o
        return "".join(chars)

    @cached_property
    def _written_chars(self) -> dict[int, str]:
        """Each converted character mapped back to its written form, where this input writes it one way
        (里 stays 里 in a text of 公里 and 這裡)."""
        forms: dict[str, set[str]] = {}
        for a, b in zip(self.text, self.written):
            forms.setdefault(a, set()).add(b)
        return {ord(a): b for a, bs in forms.items() if len(bs) == 1 and (b := next(iter(bs))) != a}

    def as_written(self, text: str, near: int = 0) -> str:
        """A string taken from :attr:`text` (a heading, a subject, a sentence), as :attr:`written` has it.

        Each line is looked up in the text around ``near`` (where it was found) and its
        written form copied; a string the text does not hold as it stands (a check's
        message) has each converted character put back where this input wrote it one way.
        """
        if self.written is self.text or not text:
            return text
        out = []
        for line in text.split("\n"):
            lo, hi = max(0, near - _NEAR), near + len(line) + _NEAR
            i = self.text.rfind(line, lo, near + len(line))
            if i < 0:
                i = self.text.find(line, near, hi)
            out.append(self.written[i : i + len(line)] if i >= 0 and line else line.translate(self._written_chars))
        return "\n".join(out)

    @property
    def offset(self) -> int:
        """Character offset of :attr:`original` in the whole input (0 unless this is a block)."""
        return self.block.start_char if self.block else 0

    @property
    def label(self) -> str:
        """How to name this Source in messages: its path, with ``#00001`` for a block."""
        return self.block.label(self.path) if self.block else self.path


# Hard-wrapped text (copied from a PDF or a fixed-width page): display columns of a line,
# a CJK or full-width character counting two.
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
# A line that opens one of these starts its own unit, wherever the line before stops.
_OWN_LINE = re.compile(
    r"[（(]?[一二三四五六七八九十\d]+[）)、.．]|第[一二三四五六七八九十]+[，,、章节条部]|[问答][:：]|[■●◆▲•·\-—*“「]"
    r"|[\u4e00-\u9fff]{1,15}\s*[〔［\[（(]\d{4}[〕］\]）)]\s*第?\s*\d{1,4}\s*号\s*$"  # a document's number (国办发〔2024〕7号)
    r"|附件\d*\s*[:：]",
    re.M,
)
_GAPS = re.compile(r"\s+")
_MIN_WRAP_COLUMNS = 30  # narrower "wrapping" is a list of short lines or verse
_WRAP_SLACK = 3  # a full line may stop a wide character and a narrow one short of the width


def _columns(line: str) -> int:
    return 2 * len(line) - len(_WIDE.sub("", line))


def wrapped_breaks(original: str) -> tuple[list[tuple[int, int]], int]:
    """The line breaks of text hard-wrapped at a fixed width, as ``(start, end)`` spans to drop, and the width.

    Text copied from a PDF or a fixed-width page breaks its lines at one width
    (in display columns), whatever the sentence. A break is dropped (with the line
    end's white space and the next line's) when the line before it is full (within
    ``_WRAP_SLACK`` columns of the width), the next line follows with no blank line,
    is not indented and does not open a numbered item, a question or a quotation,
    the break does not sit between two Latin letters or digits, and neither line is
    set in columns (names or cells apart by spaces). The width is the
    90th percentile of the line widths; the text counts as wrapped only when at
    least three lines, and 30% of them, are full, and most full lines stop mid-sentence.

    >>> line = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申"
    >>> wrapped_breaks(f"　　{line}\\n酉{line}\\n未申。\\n　　{line}\\n（一）酉戌亥。\\n")
    ([(21, 22), (42, 43)], 42)
    """
    if len(original) > 120 * (original.count("\n") + 1):
        return [], 0  # long lines: paragraphs, not a page's width (checked first, in C)
    rows = []  # (line start, text start, text end, columns, indented)
    pos = 0
    for line in original.split("\n"):
        text = line.strip()
        if text:
            lead = len(line) - len(line.lstrip())
            end = pos + lead + len(text)
            rows.append((pos, pos + lead, end, _columns(line.rstrip()), lead > 0))
        else:
            rows.append(None)
        pos += len(line) + 1
    widths = sorted(r[3] for r in rows if r)
    if len(widths) < 4:
        return [], 0
    width = widths[int(0.9 * (len(widths) - 1))]
    full = width - _WRAP_SLACK
    full_rows = [r for r in rows if r and r[3] >= full]
    if width < _MIN_WRAP_COLUMNS or len(full_rows) < max(3, 0.3 * len(widths)):
        return [], 0
    if 2 * sum(original[r[2] - 1] in _SENTENCE_ENDS + _CLOSERS for r in full_rows) > len(full_rows):
        return [], 0  # most full lines end a sentence: paragraphs of one length, not a page's width
    breaks = []
    for prev, row in zip(rows, rows[1:]):
        if not prev or not row or prev[3] < full or row[4]:
            continue
        before, after = original[prev[2] - 1], original[row[1]]
        if _OWN_LINE.match(original, row[1]) or (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()):
            continue
        if before in "：:" and original[prev[1]] == "各":
            continue  # 各省、自治区…各直属机构：: a document's addressees, on a line of their own
        if any(len(_GAPS.findall(original, r[1], r[2])) >= 2 for r in (prev, row)):
            continue  # columns (a list of names, a table) are no wrapped sentence
        breaks.append((prev[2], row[1]))
    return breaks, width


def _number_spaces(original: str) -> list[tuple[int, int]]:
    """The spaces between a number and the Chinese around it (达到 134.9 万亿元) on the lines of running text
    (those with clause punctuation), as ``(start, end)`` spans to drop."""
    out = []
    line_start, line_end, running = -1, -1, False
    for m in _NUMBER_SPACE.finditer(original):
        if m.start() >= line_end:  # (the line's test once per line)
            line_start = original.rfind("\n", 0, m.start()) + 1
            line_end = original.find("\n", m.start())
            line_end = len(original) if line_end < 0 else line_end
            running = _CLAUSE_MARKS.search(original, line_start, line_end) is not None
        if running:
            out.append((m.start(), m.end()))
    return out


def normalize(
    original: str, *, t2s: bool = False, unwrap: Sequence[tuple[int, int]] = (), markup: Edits | None = None
) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """Normalise text one character for one, dropping only what is meaningless
    (and the breaks of hard-wrapped lines given in ``unwrap``, from :func:`wrapped_breaks`, and what
    ``markup`` leaves out of a web page, reading its tags and entities as it says).

    Returns:
        The normalised text and the shift table (positions, cumulative shifts)
        that :meth:`Source.original_offset` uses.
    """
    shift_at: list[int] = []
    shift: list[int] = []
    pieces: list[str] = []
    last = 0
    dropped = 0
    drops = [(m.start(), m.end()) for m in _DROP.finditer(original)]
    spaced = _number_spaces(original)
    if unwrap or markup or spaced:
        drops = merged(drops + spaced + list(unwrap) + (markup.drops if markup else []))
    keep = markup.replaced if markup and markup.replacements else lambda text, a, b: text[a:b]
    for start, end in drops:
        pieces.append(keep(original, last, start))
        dropped += end - start
        shift_at.append(end - dropped)
        shift.append(dropped)
        last = end
    pieces.append(keep(original, last, len(original)))
    text = "".join(pieces) if shift_at or (markup and markup.replacements) else original
    text = _LONE_CR.sub("\n", text).translate(_FOLD_TABLE)
    if "•" in text:
        text = _NAME_BULLET.sub("·", text)
    if t2s:
        text = to_simplified(text)
    return text, tuple(shift_at), tuple(shift)


@lru_cache(maxsize=1)
def _t2s_converter():
    import opencc

    return opencc.OpenCC("t2s")


_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")
TRADITIONAL_SHARE = 0.05


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """The characters of the main CJK block that OpenCC's t2s changes (國, 們, 這 …)."""
    conv = _t2s_converter()
    block = "\n".join(map(chr, range(0x4E00, 0xA000)))
    converted = conv.convert(block)
    if len(converted) != len(block):  # a phrase rule fired across neighbours: go one by one
        converted = "\n".join(conv.convert(ch) for ch in block.split("\n"))
    return frozenset(a for a, b in zip(block, converted) if a != b and a != "\n")


def is_traditional(text: str, *, sample: int = 20_000) -> bool:
    """Is ``text`` written mostly in Traditional characters?

    True when at least 5% of the Chinese characters of its first ``sample`` characters
    (and at least three) are ones OpenCC's t2s would change. Text whose Chinese
    characters all lie in GB 2312, a Simplified-only set, is answered without OpenCC.

    >>> is_traditional("中組部負責人答記者問"), is_traditional("中组部负责人答记者问")
    (True, False)
    """
    han = _NOT_HAN.sub("", text[:sample])
    try:
        han.encode("gb2312")
        return False
    except UnicodeEncodeError:
        pass
    traditional = sum(map(_traditional_chars().__contains__, han))
    return traditional >= 3 and traditional >= TRADITIONAL_SHARE * len(han)


def to_simplified(text: str) -> str:
    """Convert Traditional to Simplified characters, keeping every character's position.

    OpenCC converts phrase by phrase; where a line would change length, that line
    is converted character by character so the offset map stays exact.
    """
    conv = _t2s_converter()
    out = []
    for line in text.splitlines(keepends=True):
        converted = conv.convert(line)
        if len(converted) != len(line):
            converted = "".join(c2 if len(c2 := conv.convert(c)) == 1 else c for c in line)
        out.append(converted)
    return "".join(out)


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _plausible_char(ch: str) -> bool:
    """A character Chinese text in UTF-16 would plausibly hold."""
    cp = ord(ch)
    return (
        0x20 <= cp < 0x7F
        or ch in "\n\r\t"
        or 0x4E00 <= cp <= 0x9FFF
        or 0x3000 <= cp <= 0x303F
        or 0xFF00 <= cp <= 0xFFEF
        or 0x2010 <= cp <= 0x206F
    )


def _looks_utf16(data: bytes, *, final: bool = True) -> str | None:
    """Guess BOM-less UTF-16 from where the NUL bytes fall."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    # Chinese text in UTF-16 has few NULs (CJK code points have two non-zero
    # bytes), so only claim UTF-16 when decoding succeeds and yields text.
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            decoded = _decode_as(data, enc, final=final)
        except UnicodeDecodeError:
            continue
        sample_text = decoded[:2048]
        plausible = sum(_plausible_char(ch) for ch in sample_text)
        if sample_text and plausible >= 0.9 * len(sample_text) and (even + odd) < half:
            return enc
    return None


def _decode_as(data: bytes, codec: str, *, final: bool = True, errors: str = "strict") -> str:
    """``data.decode(codec, errors)``; with ``final=False`` an incomplete last character is left out."""
    if final:
        return data.decode(codec, errors)
    return codecs.getincrementaldecoder(codec)(errors).decode(data, final=False)


def decode(data: bytes, *, path: str, encoding: str | None = None, final: bool = True) -> tuple[str, str, list[Note]]:
    """Decode bytes, detecting the encoding unless one is given.

    Args:
        final: False when ``data`` is only the start of the input (:func:`iter_blocks`
            detects the encoding from it): a character cut at its end is left out.

    Returns:
        The decoded text (BOM removed), the encoding name, and notes.

    Raises:
        InputError: The bytes are empty, binary or cannot be decoded.
        UsageError: ``encoding`` is not an encoding Python knows.
    """
    notes: list[Note] = []
    if not data:
        raise InputError(path, "empty file")
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise UsageError(f"unknown encoding {encoding!r} (try utf-8, gb18030, big5, utf-16)") from None
        if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
            codec = "utf-8-sig"
        try:
            return _decode_as(data, codec, final=final), codec, notes
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid {encoding} at byte {exc.start}") from None
    kind = _binary_kind(data)
    if kind:
        raise InputError(path, f"binary file ({kind}), not text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _decode_as(data, codec, final=final), codec, notes
            except UnicodeDecodeError as exc:
                raise InputError(path, f"starts with a {codec} byte-order mark but is not valid {codec} at byte {exc.start}") from None
    try:
        return _decode_as(data, "utf-8", final=final), "utf-8", notes
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    if b"\x00" in data:
        enc16 = _looks_utf16(data, final=final)
        if enc16:
            return _decode_as(data, enc16, final=final), enc16, notes
        raise InputError(path, "binary file (contains NUL bytes), not text")
    return _decode_cjk(data, path=path, utf8_error=utf8_error, final=final)


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    text = resources.files("tifalens").joinpath("data/common_hanzi.txt").read_text(encoding="utf-8")
    return frozenset("".join(line for line in text.splitlines() if not line.startswith("#")))


def plausibility(text: str) -> float:
    """Share of characters a real Chinese text would hold: frequent hanzi, ASCII, punctuation.

    A GB18030 text decoded as Big5 (or the reverse) turns into rare characters,
    bopomofo and symbols, so this tells the two apart where byte statistics alone
    cannot (short texts).
    """
    sample = text[:20000]
    if not sample:
        return 0.0
    common = _common_hanzi()
    good = sum(1 for ch in sample if ch in common or (ch not in common and _plausible_char(ch) and not 0x4E00 <= ord(ch) <= 0x9FFF))
    return good / len(sample)


def _decode_cjk(data: bytes, *, path: str, utf8_error: int, final: bool = True) -> tuple[str, str, list[Note]]:
    """Choose among the legacy Chinese encodings.

    charset-normalizer proposes the encodings that decode the bytes; each proposal
    is then ranked by :func:`plausibility` of its text (ties keep the detector's order).
    """
    from charset_normalizer import from_bytes

    results = from_bytes(data, cp_isolation=list(_CJK_CANDIDATES), explain=False)
    proposals = [codecs.lookup(r.encoding).name for r in results] or []
    for codec in ("gb18030", "big5hkscs"):  # strict decodings the detector may have skipped
        if codec not in proposals:
            proposals.append(codec)
    ranked = []
    for order, codec in enumerate(proposals):
        try:
            text = _decode_as(data, codec, final=final)
        except UnicodeDecodeError:
            continue
        ranked.append((-plausibility(text), order, codec, text))
    # Mostly UTF-8 with a few stray bytes (a pasted GBK fragment, a cut character):
    # keep the UTF-8 reading, with U+FFFD for the bad bytes, when it reads better.
    lenient = _decode_as(data, "utf-8", final=final, errors="replace")
    bad = lenient.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    if bad <= max(8, len(lenient) // 100):
        ranked.append((-plausibility(lenient), -1, "utf-8", lenient))
    if not ranked:
        raise InputError(
            path,
            f"cannot decode: not UTF-8 (invalid byte at {utf8_error}) and not GB18030, Big5 or UTF-16; use --encoding",
        )
    _, _, codec, text = min(ranked)
    if text is lenient:
        note = Note("invalid_bytes", f"not valid UTF-8: {bad} undecodable byte sequence(s) (first at byte {utf8_error}) replaced with U+FFFD")
        return text, "utf-8", [note]
    if codec == "big5hkscs":  # report plain Big5 when the HKSCS extension is not needed
        try:
            if _decode_as(data, "big5", final=final) == text:
                codec = "big5"
        except UnicodeDecodeError:
            pass
    note = Note("encoding_detected", f"not UTF-8; decoded as {codec} (detected)")
    return text, codec, [note]


@dataclass(frozen=True)
class DecodedBlock:
    """An input, or one block of it, decoded but not yet normalised (cheap to send to a worker).

    Attributes:
        original: The decoded text, byte-order mark removed.
        encoding: The encoding of the whole input.
        sha256: Hex digest of the raw bytes (the block's own, for a block).
        notes: Remarks made while decoding.
        block: Where the block sits in its input (None for a whole input).
    """

    original: str
    encoding: str
    sha256: str
    notes: tuple[Note, ...] = ()
    block: Block | None = None

    def to_source(self, path: str, *, t2s: bool | None = None) -> Source:
        """Normalise into a :class:`Source` named ``path``.

        ``t2s``: True converts Traditional characters to Simplified, False never does, None
        (the default) does when the text is mostly Traditional (:func:`is_traditional`).
        """
        convert = is_traditional(self.original) if t2s is None else t2s
        page = is_page(self.original)
        markdown = not page and is_markdown(path)
        markup = html_edits(self.original) if page else markdown_edits(self.original) if markdown else None
        breaks, width = ([], 0) if page else wrapped_breaks(self.original)
        text, shift_at, shift = normalize(self.original, t2s=convert, unwrap=breaks, markup=markup)
        notes = self.notes
        if page:
            notes += (Note("html", "read as a web page: tags, comments, scripts and styles left out, entities read as their characters"),)
        elif markdown and markup.drops:
            notes += (Note("markdown", "read as Markdown: heading, quotation, emphasis and code marks, link targets, images and rules left out"),)
        if breaks:
            notes += (Note("unwrapped", f"joined {len(breaks)} lines hard-wrapped at {width} columns into their paragraphs"),)
        if convert:
            how = "the text is mostly Traditional; --no-t2s keeps it" if t2s is None else "asked for"
            notes += (Note("t2s", f"Traditional characters converted to Simplified (OpenCC t2s; {how})"),)
        return Source(path, self.original, text, self.encoding, self.sha256, notes, shift_at, shift, self.block)


def _decode_whole(data: bytes, *, path: str, encoding: str | None, max_chars: int | None = None) -> DecodedBlock:
    original, codec, notes = decode(data, path=path, encoding=encoding)
    if max_chars is not None and len(original) > max_chars:
        raise InputError(path, _too_long(f"{len(original):,}", max_chars, unit="characters"))
    if not original.strip():
        raise InputError(path, "no text (the file holds only white space)")
    return DecodedBlock(original, codec, hashlib.sha256(data).hexdigest(), tuple(notes))


def read_bytes(
    data: bytes,
    *,
    path: str = "-",
    encoding: str | None = None,
    t2s: bool | None = None,
    max_chars: int | None = None,
) -> Source:
    """Decode and normalise raw bytes into a :class:`Source`.

    Args:
        data: The raw bytes of the input.
        path: How to name the input in messages and output.
        encoding: Force this encoding instead of detecting it.
        t2s: Convert Traditional to Simplified characters (OpenCC ``t2s``): True, False, or None
            (the default) to convert when the text is mostly Traditional.
        max_chars: Refuse longer inputs (None: no limit).

    Raises:
        InputError: Empty, binary, undecodable, whitespace-only or too long input.
    """
    return _decode_whole(data, path=path, encoding=encoding, max_chars=max_chars).to_source(path, t2s=t2s)


def read_text(text: str, *, path: str = "<text>", t2s: bool | None = None) -> Source:
    """Build a :class:`Source` from text already in memory (the API's entry point)."""
    if not text.strip():
        raise InputError(path, "empty text" if not text else "no text (only white space)")
    return read_bytes(text.encode("utf-8"), path=path, encoding="utf-8", t2s=t2s)


DEFAULT_MAX_CHARS = 20_000_000
DEFAULT_BLOCK_CHARS = 1_000_000
_CHUNK_BYTES = 1 << 20  # read at a time; the encoding of a large input is detected from its first chunk
_SENTENCE_ENDS = "。！？；"
_CLOSERS = "”’」』）》)"


@contextmanager
def _opened(name: str) -> Iterator[BinaryIO]:
    """The input's bytes (``-``: standard input); an OS error opening or reading it becomes one InputError."""
    try:
        if name == "-":
            yield sys.stdin.buffer
        else:
            with open(name, "rb") as fh:
                yield fh
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, not a file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot read ({exc.strerror or exc})") from None


def _refuse_by_size(fh: BinaryIO, name: str, max_chars: int) -> BinaryIO:
    """A seekable handle on the input, refused when its size alone proves it longer than ``max_chars``.

    Four bytes hold at least one character in every encoding we read, so an input
    of more than ``4 * max_chars`` bytes is refused unread; standard input is
    buffered up to that size.
    """
    limit = 4 * max_chars
    if not fh.seekable():
        data = fh.read(limit + 1)
        if len(data) > limit:
            raise InputError(name, _too_long(f"over {limit:,}", max_chars, unit="bytes"))
        fh = io.BytesIO(data)
    size = fh.seek(0, os.SEEK_END)
    fh.seek(0)
    if size > limit:
        raise InputError(name, _too_long(f"{size:,}", max_chars, unit="bytes"))
    return fh


def read(
    path: str | os.PathLike,
    *,
    encoding: str | None = None,
    t2s: bool | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Source:
    """Read one whole file (or ``-`` for standard input) into a :class:`Source`.

    The whole input is held in memory; :func:`iter_blocks` reads any size in bounded memory.

    Args:
        max_chars: Refuse inputs longer than this many characters (None: no limit).
            A file is refused before it is read when its size alone proves it too long.

    Raises:
        InputError: The file is missing, unreadable, a folder, empty, binary,
            undecodable or too long.
    """
    name = os.fspath(path)
    with _opened(name) as fh:
        if max_chars is not None:
            fh = _refuse_by_size(fh, name, max_chars)
        data = fh.read()
    return read_bytes(data, path=name, encoding=encoding, t2s=t2s, max_chars=max_chars)


def _too_long(size: str, max_chars: int, *, unit: str) -> str:
    return f"too long: {size} {unit}, more than --max-chars {max_chars:,} characters (split the file or raise the limit)"


def block_end(text: str, start: int, block_chars: int) -> int:
    """Where a block of at most ``block_chars`` characters of ``text`` from ``start`` ends.

    After the last line break within the limit; failing that, after the last
    sentence end (。！？；, with any closing quotes or brackets right after it);
    failing that, at the limit itself (but never between CR and LF)::

        >>> block_end("第一段。\\n第二段。", 0, 8)
        5
        >>> block_end("第一句。第二句。第三句", 0, 10)
        8
        >>> block_end("一二三四五六", 0, 4)
        4
    """
    stop = start + block_chars
    if stop >= len(text):
        return len(text)
    newline = text.rfind("\n", start, stop)
    if newline >= 0:
        return newline + 1
    end = max(text.rfind(mark, start, stop) for mark in _SENTENCE_ENDS) + 1
    if end > start:
        while end < stop and text[end] in _CLOSERS:
            end += 1
        return end
    if text[stop - 1] == "\r" and text[stop] == "\n" and stop - 1 > start:
        return stop - 1
    return stop


# Codecs that read a byte-order mark, and the codec for the bytes after it.
_AFTER_BOM = {
    "utf-8-sig": ((codecs.BOM_UTF8, "utf-8"),),
    "utf-16": ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")),
    "utf-32": ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")),
}


def _after_bom(codec: str, head: bytes) -> tuple[str, int]:
    """The codec to decode the input with once its byte-order mark is skipped, and the mark's length."""
    for bom, plain in _AFTER_BOM.get(codec, ()):
        if head.startswith(bom):
            return plain, len(bom)
    if codec == "utf-8-sig":
        return "utf-8", 0
    if codec in _AFTER_BOM:  # no mark: Python reads UTF-16/32 in the machine's byte order
        return f"{codec}-{'le' if sys.byteorder == 'little' else 'be'}", 0
    return codec, 0


def _byte_length(text: str, raw: memoryview, codec: str, errors: str) -> int:
    """How many bytes at the start of ``raw`` decode to ``text``."""
    try:
        n = len(text.encode(codec))
        if str(raw[:n], codec, errors) == text:
            return n
    except UnicodeError:
        pass
    # Replaced bytes do not encode back to themselves: find the shortest prefix
    # that decodes to as many characters.
    lo, hi = 0, len(raw)
    while lo < hi:
        mid = (lo + hi) // 2
        if len(_decode_as(bytes(raw[:mid]), codec, final=False, errors=errors)) < len(text):
            lo = mid + 1
        else:
            hi = mid
    return lo


class _BlockStream:
    """Decodes a large input chunk by chunk and cuts it into :class:`DecodedBlock` s.

    Only the current chunk and the text not yet cut into a block are held: memory
    does not grow with the input.
    """

    def __init__(self, head: bytes, *, name: str, encoding: str | None, block_chars: int) -> None:
        _, self.encoding, notes = decode(head, path=name, encoding=encoding, final=False)
        self.name, self.forced, self.block_chars = name, encoding is not None, block_chars
        # Detected UTF-8 tolerates a few stray bytes per block, as whole-file reading does.
        self.errors = "replace" if not self.forced and self.encoding == "utf-8" else "strict"
        self.notes = tuple(n for n in notes if n.code != "invalid_bytes")  # counted per block
        self.codec, self.bom = _after_bom(self.encoding, head)
        self.decoder = codecs.getincrementaldecoder(self.codec)(self.errors)
        self.whole = hashlib.sha256(head[: self.bom])
        self.text, self.pos = "", 0  # decoded text; self.text[self.pos:] is not in a block yet
        self.raw, self.raw_pos = b"", 0  # the bytes of that text (and of a character being decoded)
        self.fed = self.bom  # file offset of the next byte to decode
        self.number, self.start_char, self.start_byte = 0, 0, self.bom

    def blocks(self, chunks: Iterable[bytes]) -> Iterator[DecodedBlock]:
        for chunk in chunks:
            self._feed(chunk, final=False)
            while len(self.text) - self.pos > self.block_chars:
                yield self._cut(block_end(self.text, self.pos, self.block_chars))
        self._feed(b"", final=True)
        while len(self.text) - self.pos > self.block_chars:
            yield self._cut(block_end(self.text, self.pos, self.block_chars))
        if self.number == 0:  # more bytes than the first chunk, but one block after all
            yield self._only()
        elif self.pos < len(self.text):
            yield self._cut(len(self.text))

    def _feed(self, chunk: bytes, *, final: bool) -> None:
        pending = len(self.decoder.getstate()[0])
        try:
            decoded = self.decoder.decode(chunk, final)
        except UnicodeDecodeError as exc:
            raise InputError(self.name, self._invalid(self.fed - pending + exc.start)) from None
        self.whole.update(chunk)
        self.fed += len(chunk)
        self.text, self.pos = self.text[self.pos :] + decoded, 0
        self.raw, self.raw_pos = self.raw[self.raw_pos :] + chunk, 0

    def _invalid(self, at: int) -> str:
        if self.forced:
            return f"not valid {self.encoding} at byte {at}"
        return f"not valid {self.encoding} at byte {at} (the encoding was detected from the start of the file; use --encoding)"

    def _cut(self, end: int) -> DecodedBlock:
        text = self.text[self.pos : end]
        n = _byte_length(text, memoryview(self.raw)[self.raw_pos :], self.codec, self.errors)
        data = self.raw[self.raw_pos : self.raw_pos + n]
        self.number += 1
        block = Block(self.number, self.start_char, self.start_byte, self.start_byte + n)
        self.pos, self.raw_pos = end, self.raw_pos + n
        self.start_char, self.start_byte = self.start_char + len(text), self.start_byte + n
        notes = self.notes + self._replaced(text, data, block)
        return DecodedBlock(text, self.encoding, hashlib.sha256(data).hexdigest(), notes, block)

    def _replaced(self, text: str, data: bytes, block: Block) -> tuple[Note, ...]:
        """A note on bytes replaced with U+FFFD in this block; an error when they are too many to be strays."""
        if self.errors != "replace":
            return ()
        bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
        if not bad:
            return ()
        if bad > max(8, len(text) // 100):
            raise InputError(
                self.name,
                f"not valid utf-8 between bytes {block.start_byte} and {block.end_byte} ({bad} undecodable byte sequences; "
                "the encoding was detected from the start of the file); use --encoding",
            )
        return (Note("invalid_bytes", f"not valid UTF-8: {bad} undecodable byte sequence(s) replaced with U+FFFD"),)

    def _only(self) -> DecodedBlock:
        piece = self._cut(len(self.text))
        if not piece.original.strip():
            raise InputError(self.name, "no text (the file holds only white space)")
        return replace(piece, sha256=self.whole.hexdigest(), block=None)


def _chunks(fh: BinaryIO) -> Iterator[bytes]:
    while chunk := fh.read(_CHUNK_BYTES):
        yield chunk


def _split(fh: BinaryIO, name: str, *, block_chars: int, encoding: str | None) -> Iterator[DecodedBlock]:
    chunks = _chunks(fh)
    head = next(chunks, b"")
    following = next(chunks, None)
    if following is None:  # all of it is in hand: read it as a whole when it fits in one block
        whole = _decode_whole(head, path=name, encoding=encoding)
        if len(whole.original) <= block_chars:
            yield whole
            return
    stream = _BlockStream(head, name=name, encoding=encoding, block_chars=block_chars)
    rest = itertools.chain([following], chunks) if following is not None else ()
    yield from stream.blocks(itertools.chain([head[stream.bom :]], rest))


def iter_decoded_blocks(
    path: str | os.PathLike,
    *,
    block_chars: int = DEFAULT_BLOCK_CHARS,
    encoding: str | None = None,
    max_chars: int | None = None,
) -> Iterator[DecodedBlock]:
    """:func:`iter_blocks` without the normalisation (corpus runs normalise in their workers)."""
    name = os.fspath(path)
    with _opened(name) as fh:
        if max_chars is not None:
            fh = _refuse_by_size(fh, name, max_chars)
            _refuse_by_count(fh, name, max_chars, block_chars=block_chars, encoding=encoding)
        yield from _split(fh, name, block_chars=block_chars, encoding=encoding)


def _refuse_by_count(fh: BinaryIO, name: str, max_chars: int, *, block_chars: int, encoding: str | None) -> None:
    """Refuse an input of more than ``max_chars`` characters, counted in a first pass; then rewind.

    No pass is needed when the input has at most ``max_chars`` bytes: a character takes at least one.
    """
    if fh.seek(0, os.SEEK_END) > max_chars:
        fh.seek(0)
        chars = sum(len(piece.original) for piece in _split(fh, name, block_chars=block_chars, encoding=encoding))
        if chars > max_chars:
            raise InputError(name, _too_long(f"{chars:,}", max_chars, unit="characters"))
    fh.seek(0)


def iter_blocks(
    path: str | os.PathLike,
    *,
    block_chars: int = DEFAULT_BLOCK_CHARS,
    encoding: str | None = None,
    t2s: bool | None = None,
    max_chars: int | None = None,
) -> Iterator[Source]:
    """Read one file (or ``-``) of any size, in bounded memory, as Sources of at most ``block_chars`` characters.

    An input that fits in one block gives one Source, exactly as :func:`read`
    would. A longer one is decoded chunk by chunk (its encoding detected from its
    first megabyte, unless given) and cut into consecutive blocks, each ending
    at a line break where there is one (see :func:`block_end`). Each block is a
    normal Source over its own text whose :attr:`Source.block` says where it sits
    in the input, so ``whole[source.offset + a : source.offset + b]`` is
    ``source.original[a:b]``::

        for source in iter_blocks("big.txt"):
            result = analyze_source(source)

    Args:
        block_chars: Largest block, in characters.
        encoding: Force this encoding instead of detecting it.
        t2s: Convert Traditional to Simplified (True, False, or None: when mostly Traditional).
        max_chars: Refuse inputs longer than this many characters before yielding
            anything (None: no limit); by their size alone when that proves it,
            else after counting them in a first pass.

    Raises:
        InputError: As :func:`read`; an encoding error further into a large input
            is raised when its block is reached, after the blocks before it.
    """
    name = os.fspath(path)
    for piece in iter_decoded_blocks(name, block_chars=block_chars, encoding=encoding, max_chars=max_chars):
        yield piece.to_source(name, t2s=t2s)


DEFAULT_GLOB = "*.txt,*.text,*.md,*.htm,*.html,*.shtml,*.xhtml"
"""File-name patterns (comma-separated) of the files read inside folders: plain text, Markdown and web pages."""


def expand_inputs(specs: list[str], *, pattern: str = DEFAULT_GLOB, skipped: list[str] | None = None) -> tuple[list[str], list[InputError]]:
    """Turn files, folders, globs and ``-`` into a sorted list of input paths.

    Folders are searched recursively for names matching ``pattern`` (several
    patterns separated by commas); symbolic links to folders are not followed
    (so a link loop cannot hang a run). Files in a folder that match none are
    not read, and not silently: with ``skipped``, a line per folder that has
    such files (hidden ones aside) is appended to it.

    Returns:
        The paths found, and an error for each spec that matched nothing.
    """
    patterns = [p.strip() for p in pattern.split(",") if p.strip()] or [pattern]
    found: list[str] = []
    errors: list[InputError] = []
    for spec in specs:
        if spec == "-":
            found.append("-")
            continue
        p = Path(spec)
        if p.is_dir():
            others: list[str] = []
            hits = sorted(_walk(p, patterns, others))
            if not hits:
                errors.append(InputError(spec, f"folder has no files matching {pattern!r}" + (f" ({len(others)} other file{'s' if len(others) > 1 else ''}; see --glob)" if others else "")))
            elif others and skipped is not None:
                kinds = sorted({os.path.splitext(name)[1] or name for name in others})
                skipped.append(
                    f"{spec}: {len(others)} file{'s' if len(others) > 1 else ''} not matching {pattern!r} left out"
                    f" ({', '.join(kinds[:5])}{', …' if len(kinds) > 5 else ''}; see --glob)"
                )
            found.extend(hits)
        elif p.exists() or not any(ch in spec for ch in "*?["):
            found.append(spec)  # a missing plain path is reported when read
        else:
            hits = sorted(str(h) for h in Path().glob(spec) if h.is_file()) if not p.is_absolute() else sorted(
                str(h) for h in Path(p.anchor).glob(str(p.relative_to(p.anchor))) if h.is_file()
            )
            if not hits:
                errors.append(InputError(spec, "no files match this pattern"))
            found.extend(hits)
    seen: set[str] = set()
    unique = [f for f in found if not (f in seen or seen.add(f))]
    return unique, errors


def _walk(folder: Path, patterns: list[str], others: list[str]):
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in files:
            if any(fnmatch.fnmatch(name, pattern) for pattern in patterns):
                yield os.path.join(root, name)
            elif not name.startswith("."):
                others.append(name)