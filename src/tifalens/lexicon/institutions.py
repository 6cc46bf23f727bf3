"""The institutions list: official names of organisations with their abbreviations.

``institutions.tsv`` (package data) is tab-separated UTF-8 with a header row; a
BOM and CRLF line ends are accepted, blank lines and ``#`` comments skipped::

    name           aliases              label  note
    中共中央组织部  中央组织部|中组部     ORG

``name`` is the full official name, ``aliases`` other names separated by ``|``,
``label`` a spaCy entity label (``ORG`` when empty). A bad row raises
:class:`~tifalens.errors.LexiconError` naming the file and line::

    >>> table = Institutions.default()
    >>> [(m.form, m.institution.name) for m in table.find("中组部负责人")]
    [('中组部', '中共中央组织部')]
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable


from ..errors import LexiconError
from .matching import FormIndex

COLUMNS = ("name", "aliases", "label", "note")
# OntoNotes entity labels, the set spaCy's Chinese models use.
LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
_BAD_NAME_CHARS = set(" \t\r\n|")
PACKAGED = "institutions.tsv"


@dataclass(frozen=True)
class Institution:
    """One institution: its full official name, other names, entity label."""

    name: str
    aliases: tuple[str, ...] = ()
    label: str = "ORG"
    note: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        """Every name that refers to this institution, the full name first."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class InstitutionMatch:
    """A name of an institution found in text at ``[start, end)``."""

    start: int
    end: int
    form: str
    institution: Institution


def decode(data: bytes, *, name: str) -> str:
    """UTF-8 text of a table file (BOM dropped).

    Raises:
        LexiconError: ``name:line: not UTF-8`` with the line of the first bad byte.
    """
    try:
        return data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LexiconError(f"{name}:{line}: not UTF-8 (bad byte at offset {exc.start}); save the file as UTF-8") from None


def parse_institutions(text: str, *, name: str) -> list[Institution]:
    """Parse institutions TSV text, validating every row.

    Raises:
        LexiconError: ``name:line: problem`` for the first bad row.
    """
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    rows = [(no, line) for no, line in enumerate(lines, start=1) if line.strip() and not line.startswith("#")]
    if not rows:
        raise LexiconError(f"{name}: no header row (expected columns: {', '.join(COLUMNS)})")
    header_no, header_line = rows[0]
    header = [h.strip() for h in header_line.split("\t")]
    if "name" not in header or any(h not in COLUMNS for h in header) or len(set(header)) != len(header):
        raise LexiconError(
            f"{name}:{header_no}: bad header {header!r}; columns must come from {', '.join(COLUMNS)} and include name"
        )
    out: list[Institution] = []
    seen: dict[str, int] = {}
    for no, line in rows[1:]:
        cells = line.split("\t")
        if len(cells) > len(header):
            raise LexiconError(f"{name}:{no}: {len(cells)} fields but the header has {len(header)}")
        institution = _institution(dict(zip(header, (c.strip() for c in cells))), where=f"{name}:{no}")
        for form in institution.forms:
            if form in seen:
                raise LexiconError(f"{name}:{no}: {form!r} already defined on line {seen[form]}")
            seen[form] = no
        out.append(institution)
    return out


def _institution(row: dict[str, str], *, where: str) -> Institution:
    full = row.get("name", "")
    if not full:
        raise LexiconError(f"{where}: empty name")
    aliases = tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())
    for form in (full, *aliases):
        if _BAD_NAME_CHARS & set(form):
            raise LexiconError(f"{where}: {form!r} contains white space or '|'")
    if len(set(aliases)) != len(aliases) or full in aliases:
        raise LexiconError(f"{where}: a name is listed twice in the row")
    label = row.get("label") or "ORG"
    if label not in LABELS:
        raise LexiconError(f"{where}: unknown label {label!r}; use one of {', '.join(sorted(LABELS))}")
    return Institution(name=full, aliases=aliases, label=label, note=row.get("note", ""))


def load_institutions(path: str | Path) -> list[Institution]:
    """Load an institutions file.

    Raises:
        LexiconError: The file is missing, not UTF-8 or has a bad row.
    """
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such institutions file") from None
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read ({exc.strerror})") from None
    return parse_institutions(decode(data, name=str(path)), name=str(path))


def packaged_institutions() -> list[Institution]:
    """The institutions shipped with tifalens (``lexicon/institutions.tsv``)."""
    data = resources.files("tifalens.lexicon").joinpath(PACKAGED).read_bytes()
    return parse_institutions(decode(data, name=PACKAGED), name=PACKAGED)


@dataclass
class Institutions:
    """Institutions indexed by every name, searched leftmost-longest (Aho-Corasick)."""

    entries: list[Institution] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_form = {form: inst for inst in self.entries for form in inst.forms}
        self._index = FormIndex(self._by_form)

    @classmethod
    def default(cls, extra: Iterable[str | Path] = ()) -> "Institutions":
        """The packaged list with the rows of ``extra`` files added (a later row wins)."""
        return cls.merged(packaged_institutions(), *(load_institutions(p) for p in extra))

    @classmethod
    def merged(cls, *groups: Iterable[Institution]) -> "Institutions":
        """Merge lists; a later institution replaces any earlier one sharing a name or alias."""
        by_name: dict[str, Institution] = {}
        owner: dict[str, str] = {}
        for group in groups:
            for inst in group:
                for form in inst.forms:
                    old = by_name.pop(owner.get(form, ""), None)
                    for old_form in old.forms if old else ():
                        owner.pop(old_form, None)
                for form in inst.forms:
                    owner[form] = inst.name
                by_name[inst.name] = inst
        return cls(list(by_name.values()))

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, form: str) -> Institution | None:
        """The institution a name or alias belongs to, or None."""
        return self._by_form.get(form)

    def find(self, text: str, *, edges: Callable[[int, int], bool] | None = None) -> list[InstitutionMatch]:
        """Leftmost-longest, non-overlapping occurrences of any name in ``text`` (of those ``edges`` accepts)."""
        return [InstitutionMatch(start, end, form, self._by_form[form]) for start, end, form in self._index.find(text, edges=edges)]

    def to_tsv(self) -> str:
        """All entries as institutions TSV (what the pipeline saves with ``to_disk``)."""
        buf = io.StringIO()
        buf.write("\t".join(COLUMNS) + "\n")
        for inst in sorted(self.entries, key=lambda i: i.name):
            buf.write("\t".join((inst.name, "|".join(inst.aliases), inst.label, inst.note)) + "\n")
        return buf.getvalue()
