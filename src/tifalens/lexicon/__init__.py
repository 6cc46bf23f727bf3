"""The tifa lexicon: curated formulas (package data) plus a user's own TSV files.

A lexicon file is tab-separated UTF-8 (a BOM and CRLF line ends are accepted) with
a header row. Only ``term`` is required; the full set of columns is::

    term  variants  canonical  expansion  category  first_used  note

``variants`` holds other spellings separated by ``|``. Rows are validated and a bad
row raises :class:`~tifalens.errors.LexiconError` naming the file and line::

    >>> lex = Lexicon.default()
    >>> [(m.start, m.end, m.entry.term) for m in lex.find("增强“四个意识”")]
    [(3, 7, '四个意识')]
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import LexiconError
from .matching import FormIndex

COLUMNS = ("term", "variants", "canonical", "expansion", "category", "first_used", "note")
CATEGORIES = frozenset(
    {
        "ideology",
        "loyalty",
        "party_building",
        "discipline",
        "cadre_work",
        "economy",
        "governance",
        "development",
        "social",
        "foreign_affairs",
        "campaign",
        "other",
    }
)
_BAD_TERM_CHARS = set(" \t\r\n|")


_QUOTE_STYLES = (str.maketrans("“”‘’", "「」『』"), str.maketrans("“”‘’", "\"\"''"))


def _other_quotes(form: str) -> list[str]:
    """``form`` with its quotation marks written the other ways (「」 and 『』, straight quotes), if it has any."""
    if "“" not in form and "‘" not in form:
        return []
    return [form.translate(table) for table in _QUOTE_STYLES]


@dataclass(frozen=True)
class Entry:
    """One formula of the lexicon."""

    term: str
    canonical: str
    variants: tuple[str, ...] = ()
    expansion: str = ""
    category: str = "other"
    first_used: int | None = None
    note: str = ""
    source: str = "tifalens"

    @property
    def forms(self) -> tuple[str, ...]:
        """Every spelling that matches this entry: its term, its variants, and those of them with quotation marks
        written as Hong Kong and Taiwan write them (「一个中国」原则) or as web pages do ("一个中国"原则)."""
        written = (self.term, *self.variants)
        return written + tuple(other for form in written for other in _other_quotes(form) if other not in written)

    def as_row(self) -> dict[str, str]:
        return {
            "term": self.term,
            "variants": "|".join(self.variants),
            "canonical": self.canonical,
            "expansion": self.expansion,
            "category": self.category,
            "first_used": "" if self.first_used is None else str(self.first_used),
            "note": self.note,
        }


@dataclass(frozen=True)
class Match:
    """A lexicon form found in text at normalised offsets ``[start, end)``."""

    start: int
    end: int
    form: str
    entry: Entry


def parse_tsv(text: str, *, name: str, source: str = "user") -> list[Entry]:
    """Parse lexicon TSV text into entries, validating every row.

    Raises:
        LexiconError: ``name:line: problem`` for the first bad row.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    header_no = next((i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")), None)
    if header_no is None:
        raise LexiconError(f"{name}: no header row (expected columns: {', '.join(COLUMNS)})")
    header = [h.strip() for h in lines[header_no].split("\t")]
    unknown = [h for h in header if h not in COLUMNS]
    if unknown or "term" not in header:
        raise LexiconError(
            f"{name}:{header_no + 1}: bad header {header!r}; columns must come from {', '.join(COLUMNS)} and include term"
        )
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for no, line in enumerate(lines[header_no + 1 :], start=header_no + 2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) > len(header):
            raise LexiconError(f"{name}:{no}: {len(cells)} fields but the header has {len(header)}")
        row = dict(zip(header, (c.strip() for c in cells)))
        entry = _entry_from_row(row, name=name, no=no, source=source)
        for form in entry.forms:
            if form in seen:
                raise LexiconError(f"{name}:{no}: {form!r} already defined on line {seen[form]}")
            seen[form] = no
        entries.append(entry)
    return entries


def _entry_from_row(row: dict[str, str], *, name: str, no: int, source: str) -> Entry:
    term = row.get("term", "")
    if not term:
        raise LexiconError(f"{name}:{no}: empty term")
    variants = tuple(v.strip() for v in row.get("variants", "").split("|") if v.strip())
    for form in (term, *variants):
        if _BAD_TERM_CHARS & set(form):
            raise LexiconError(f"{name}:{no}: {form!r} contains white space or '|'")
    category = row.get("category") or "other"
    if category not in CATEGORIES:
        raise LexiconError(f"{name}:{no}: unknown category {category!r}; use one of {', '.join(sorted(CATEGORIES))}")
    year = row.get("first_used", "")
    if year and not (year.isdigit() and len(year) == 4):
        raise LexiconError(f"{name}:{no}: first_used must be a 4-digit year, not {year!r}")
    return Entry(
        term=term,
        canonical=row.get("canonical") or term,
        variants=variants,
        expansion=row.get("expansion", ""),
        category=category,
        first_used=int(year) if year else None,
        note=row.get("note", ""),
        source=source,
    )


def load_tsv(path: str | Path) -> list[Entry]:
    """Load a user's lexicon file.

    Raises:
        LexiconError: The file is missing, undecodable or has a bad row.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such lexicon file") from None
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LexiconError(f"{path}:{line}: not UTF-8 (bad byte at {exc.start}); save the file as UTF-8") from None
    return parse_tsv(text, name=str(path), source=str(path))


def _packaged_entries() -> list[Entry]:
    text = resources.files(__name__).joinpath("tifa.tsv").read_text(encoding="utf-8")
    return parse_tsv(text, name="tifa.tsv", source="tifalens")


@dataclass
class Lexicon:
    """Entries indexed for fast, longest-match search (Aho-Corasick)."""

    entries: list[Entry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_form: dict[str, Entry] = {}
        for entry in self.entries:
            for form in entry.forms:
                self._by_form[form] = entry
        self._index = FormIndex(self._by_form)

    @classmethod
    def default(cls, extra: Iterable[str | Path] = ()) -> "Lexicon":
        """The packaged lexicon, with entries from ``extra`` files added (a user's row wins)."""
        return cls.merged(_packaged_entries(), *(load_tsv(p) for p in extra))

    @classmethod
    def merged(cls, *groups: Iterable[Entry]) -> "Lexicon":
        """Merge entry lists; a later entry replaces an earlier one sharing any form."""
        by_term: dict[str, Entry] = {}
        owner: dict[str, str] = {}
        for group in groups:
            for entry in group:
                for form in entry.forms:
                    old = owner.get(form)
                    if old is not None and old in by_term:
                        del by_term[old]
                for form in entry.forms:
                    owner[form] = entry.term
                by_term[entry.term] = entry
        return cls(list(by_term.values()))

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, form: str) -> bool:
        return form in self._by_form

    def get(self, form: str) -> Entry | None:
        """The entry a spelling belongs to, or None."""
        return self._by_form.get(form)

    @property
    def forms(self) -> list[str]:
        return list(self._by_form)

    def find(self, text: str) -> list[Match]:
        """Leftmost-longest, non-overlapping occurrences of any form in ``text``.

        A form inside a longer known form (四个全面 inside 协调推进“四个全面”战略布局,
        for instance, if the longer one is listed) counts once, as the longer one.
        """
        return [Match(start, end, form, self._by_form[form]) for start, end, form in self._index.find(text)]

    def iter_rows(self) -> Iterator[dict[str, str]]:
        for entry in sorted(self.entries, key=lambda e: (e.category, e.term)):
            yield entry.as_row()

    def to_tsv(self) -> str:
        """Serialise all entries as lexicon TSV (what ``lexicon export`` writes)."""
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writeheader()
        writer.writerows(self.iter_rows())
        return buf.getvalue()
