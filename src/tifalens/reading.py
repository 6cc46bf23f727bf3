"""Reading: bytes -> :class:`Source` (decoded, normalised text with an exact offset map).

Reading is the only step that sees bytes. It detects the encoding, removes what
only gets in the way of matching (CR of CRLF, zero-width characters), folds
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
"""

from __future__ import annotations

import bisect
import codecs
import fnmatch
import hashlib
import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import InputError, UsageError

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
_FOLD.update({cp: chr(cp - 0xFEE0) for cp in range(0xFF10, 0xFF1A)})  # ０-９
_FOLD.update({cp: chr(cp - 0xFEE0) for cp in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FOLD.update({cp: chr(cp - 0xFEE0) for cp in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FOLD_TABLE = str.maketrans(_FOLD)

# Removed outright: CR before LF, zero-width characters, soft hyphen, stray BOMs.
_DROP = re.compile("\r(?=\n)|[\u200b-\u200d\u2060\ufeff\u00ad]")
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
class Source:
    """A decoded, normalised input and the map back to its original text.

    Attributes:
        path: The input as named by the user (``-`` for standard input).
        original: The decoded text, byte-order mark removed.
        text: The normalised text every later step analyses.
        encoding: The encoding used to decode the bytes.
        sha256: Hex digest of the raw bytes.
        notes: Remarks made while reading (encoding guessed, characters removed).
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


def normalize(original: str, *, t2s: bool = False) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """Normalise text one character for one, dropping only what is meaningless.

    Returns:
        The normalised text and the shift table (positions, cumulative shifts)
        that :meth:`Source.original_offset` uses.
    """
    shift_at: list[int] = []
    shift: list[int] = []
    pieces: list[str] = []
    last = 0
    dropped = 0
    for m in _DROP.finditer(original):
        pieces.append(original[last : m.start()])
        dropped += m.end() - m.start()
        shift_at.append(m.end() - dropped)
        shift.append(dropped)
        last = m.end()
    pieces.append(original[last:])
    text = "".join(pieces) if shift_at else original
    text = _LONE_CR.sub("\n", text).translate(_FOLD_TABLE)
    if t2s:
        text = to_simplified(text)
    return text, tuple(shift_at), tuple(shift)


@lru_cache(maxsize=1)
def _t2s_converter():
    import opencc

    return opencc.OpenCC("t2s")


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


def _looks_utf16(data: bytes) -> str | None:
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
            decoded = data.decode(enc)
        except UnicodeDecodeError:
            continue
        sample_text = decoded[:2048]
        plausible = sum(_plausible_char(ch) for ch in sample_text)
        if sample_text and plausible >= 0.9 * len(sample_text) and (even + odd) < half:
            return enc
    return None


def decode(data: bytes, *, path: str, encoding: str | None = None) -> tuple[str, str, list[Note]]:
    """Decode bytes, detecting the encoding unless one is given.

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
            return data.decode(codec), codec, notes
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid {encoding} at byte {exc.start}") from None
    kind = _binary_kind(data)
    if kind:
        raise InputError(path, f"binary file ({kind}), not text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, notes
            except UnicodeDecodeError as exc:
                raise InputError(path, f"starts with a {codec} byte-order mark but is not valid {codec} at byte {exc.start}") from None
    try:
        return data.decode("utf-8"), "utf-8", notes
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    if b"\x00" in data:
        enc16 = _looks_utf16(data)
        if enc16:
            return data.decode(enc16), enc16, notes
        raise InputError(path, "binary file (contains NUL bytes), not text")
    return _decode_cjk(data, path=path, utf8_error=utf8_error)


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


def _decode_cjk(data: bytes, *, path: str, utf8_error: int) -> tuple[str, str, list[Note]]:
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
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        ranked.append((-plausibility(text), order, codec, text))
    # Mostly UTF-8 with a few stray bytes (a pasted GBK fragment, a cut character):
    # keep the UTF-8 reading, with U+FFFD for the bad bytes, when it reads better.
    lenient = data.decode("utf-8", errors="replace")
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
            if data.decode("big5") == text:
                codec = "big5"
        except UnicodeDecodeError:
            pass
    note = Note("encoding_detected", f"not UTF-8; decoded as {codec} (detected)")
    return text, codec, [note]


def read_bytes(
    data: bytes,
    *,
    path: str = "-",
    encoding: str | None = None,
    t2s: bool = False,
    max_chars: int | None = None,
) -> Source:
    """Decode and normalise raw bytes into a :class:`Source`.

    Args:
        data: The raw bytes of the input.
        path: How to name the input in messages and output.
        encoding: Force this encoding instead of detecting it.
        t2s: Convert Traditional to Simplified characters (OpenCC ``t2s``).
        max_chars: Refuse longer inputs (None: no limit).

    Raises:
        InputError: Empty, binary, undecodable, whitespace-only or too long input.
    """
    original, codec, notes = decode(data, path=path, encoding=encoding)
    if max_chars is not None and len(original) > max_chars:
        raise InputError(path, _too_long(len(original), max_chars, unit="characters"))
    if not original.strip():
        raise InputError(path, "no text (the file holds only white space)")
    text, shift_at, shift = normalize(original, t2s=t2s)
    if t2s:
        notes.append(Note("t2s", "Traditional characters converted to Simplified (OpenCC t2s)"))
    digest = hashlib.sha256(data).hexdigest()
    return Source(path, original, text, codec, digest, tuple(notes), shift_at, shift)


def read_text(text: str, *, path: str = "<text>", t2s: bool = False) -> Source:
    """Build a :class:`Source` from text already in memory (the API's entry point)."""
    if not text.strip():
        raise InputError(path, "empty text" if not text else "no text (only white space)")
    return read_bytes(text.encode("utf-8"), path=path, encoding="utf-8", t2s=t2s)


DEFAULT_MAX_CHARS = 20_000_000


def read(
    path: str | os.PathLike,
    *,
    encoding: str | None = None,
    t2s: bool = False,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Source:
    """Read one file (or ``-`` for standard input) into a :class:`Source`.

    Args:
        max_chars: Refuse inputs longer than this many characters (None: no limit).
            A file is refused before it is read when its size alone proves it too long.

    Raises:
        InputError: The file is missing, unreadable, a folder, empty, binary,
            undecodable or too long.
    """
    name = os.fspath(path)
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            # Four bytes hold at least one character in every encoding we read.
            if max_chars is not None and os.path.getsize(name) > 4 * max_chars:
                raise InputError(name, _too_long(os.path.getsize(name), max_chars, unit="bytes"))
            with open(name, "rb") as fh:
                data = fh.read()
        except FileNotFoundError:
            raise InputError(name, "no such file") from None
        except IsADirectoryError:
            raise InputError(name, "is a folder, not a file") from None
        except PermissionError:
            raise InputError(name, "permission denied") from None
        except OSError as exc:
            raise InputError(name, f"cannot read ({exc.strerror or exc})") from None
    return read_bytes(data, path=name, encoding=encoding, t2s=t2s, max_chars=max_chars)


def _too_long(size: int, max_chars: int, *, unit: str) -> str:
    return f"too long: {size:,} {unit}, more than --max-chars {max_chars:,} characters (split the file or raise the limit)"


def expand_inputs(specs: list[str], *, pattern: str = "*.txt") -> tuple[list[str], list[InputError]]:
    """Turn files, folders, globs and ``-`` into a sorted list of input paths.

    Folders are searched recursively for names matching ``pattern``; symbolic
    links to folders are not followed (so a link loop cannot hang a run).

    Returns:
        The paths found, and an error for each spec that matched nothing.
    """
    found: list[str] = []
    errors: list[InputError] = []
    for spec in specs:
        if spec == "-":
            found.append("-")
            continue
        p = Path(spec)
        if p.is_dir():
            hits = sorted(_walk(p, pattern))
            if not hits:
                errors.append(InputError(spec, f"folder has no files matching {pattern!r}"))
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


def _walk(folder: Path, pattern: str):
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in files:
            if fnmatch.fnmatch(name, pattern):
                yield os.path.join(root, name)
