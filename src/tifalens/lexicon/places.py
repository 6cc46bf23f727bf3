"""The gazetteer of China's administrative divisions: provinces, prefectures, counties.

``places.tsv`` (package data, built by ``scripts/build_places.py`` from public copies
of the GB/T 2260 list) has one row per division: its 6-digit code, official name,
short form and level. The code gives the parents (440305 is in 4403, 深圳市, which is
in 44, 广东省), so a place can be resolved in the context of the place before it
(河北正定 is 正定县 in 河北省) and named in full::

    >>> g = Gazetteer.default()
    >>> g.full_name(g.resolve(["河北", "正定"]))
    '河北省石家庄市正定县'
    >>> g.full_name(g.resolve(["朝阳"]))  # 朝阳市; the two 朝阳区 need their city before them
    '辽宁省朝阳市'
    >>> g.resolve(["鼓楼"]) is None  # 鼓楼区 of 南京, 福州, 开封 and 徐州
    True
    >>> g.full_name(g.resolve(["江苏", "海安"]))  # 海安县 until 2018
    '江苏省南通市海安市'
    >>> g.resolve(["正定"]) is None  # a county's short form needs the place that holds it
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import LexiconError

LEVELS = ("province", "prefecture", "county")


STATUSES = ("current", "former")
COLUMNS = ["code", "name", "short", "level", "status"]


@dataclass(frozen=True)
class Place:
    """One division: GB/T 2260 code, official name, short form ('' if none), level, and
    ``former`` for a county since renamed or recoded (海安县, now 海安市)."""

    code: str
    name: str
    short: str
    level: str
    former: bool = False

    def within(self, other: "Place") -> bool:
        """Is this division inside ``other`` (a province or prefecture), or ``other`` itself?"""
        prefix = {"province": 2, "prefecture": 4, "county": 6}[other.level]
        return self.code[:prefix] == other.code[:prefix]


def parse_places(text: str, *, name: str) -> list[Place]:
    """Rows of a places TSV (header ``code name short level status``; ``#`` lines are comments)."""
    places: list[Place] = []
    header = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if header != COLUMNS:
                raise LexiconError(f"{name}: line {number}: header must be {', '.join(COLUMNS)}")
            continue
        if len(cells) != 5 or not (cells[0].isdigit() and len(cells[0]) == 6) or not cells[1] or cells[3] not in LEVELS or cells[4] not in STATUSES:
            raise LexiconError(
                f"{name}: line {number}: expected a 6-digit code, a name, a short form, a level ({'/'.join(LEVELS)}) "
                f"and a status ({'/'.join(STATUSES)})"
            )
        places.append(Place(*cells[:4], former=cells[4] == "former"))
    return places


class Gazetteer:
    """Places by every name they go by, and the text search for official names."""

    def __init__(self, places: list[Place]) -> None:
        self._by_code: dict[str, Place] = {}
        self._by_form: dict[str, list[Place]] = {}
        for place in places:
            self._by_code.setdefault(place.code, place)  # a renamed division: the first row names the parents
            for form in {place.name, place.short} - {""}:
                self._by_form.setdefault(form, []).append(place)
        # Official names of three characters or more that name one place only (宁德市, 正定县):
        # safe to read whatever tag the segmenter gave them. 新城区 (several) and 城区 are not.
        # Found from their last character (县 区 市 旗 ...), which is rare enough in text that a
        # look-up of the few lengths a name can have there beats an Aho-Corasick scan of 3,000 names.
        distinct = [f for f, found in self._by_form.items() if len(f) >= 3 and len(found) == 1 and found[0].name == f]
        self._distinct = frozenset(distinct)
        lengths: dict[str, set[int]] = {}
        for f in distinct:
            lengths.setdefault(f[-1], set()).add(len(f))
        self._lengths = {ch: sorted(ls, reverse=True) for ch, ls in lengths.items()}
        self._last = re.compile("[" + re.escape("".join(sorted(lengths))) + "]")

    def _one(self, candidates: list[Place]) -> Place | None:
        """The place meant: the only candidate, or the one holding all others (乌鲁木齐市 holds
        乌鲁木齐县, 吉林省 holds 吉林市); None when they are apart (朝阳市 and two 朝阳区).

        A county renamed under a new code (海安县 320621 became 海安市 320685, 武隆县 500232
        became 武隆区 500156) is one place: of the rows sharing a parent and a short form, the
        current one stands for them. A county's parent is its prefecture, or its province where
        there is no prefecture row (the counties and districts of 北京, 重庆).
        """
        kept: dict[tuple[str, str], Place] = {}
        for p in candidates:
            parent = p.code if p.level != "county" else p.code[:4] if p.code[:4] + "00" in self._by_code else p.code[:2]
            key = (parent, p.short or p.name)
            if key not in kept or kept[key].former:
                kept[key] = p
        outer = [p for p in kept.values() if all(q.within(p) for q in kept.values())]
        return outer[0] if len(outer) == 1 else None

    def find_names(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, name)`` of each official name of one division in ``text``, leftmost-longest.

        >>> Gazetteer.default().find_names("福建省宁德市和河北正定县")
        [(0, 3, '福建省'), (3, 6, '宁德市'), (9, 12, '正定县')]
        """
        hits = []
        for m in self._last.finditer(text):
            end = m.end()
            for n in self._lengths[m.group()]:
                if n <= end and text[end - n : end] in self._distinct:
                    hits.append((end - n, end, text[end - n : end]))
        hits.sort(key=lambda h: (h[0], -h[1]))
        out: list[tuple[int, int, str]] = []
        for hit in hits:
            if not out or hit[0] >= out[-1][1]:
                out.append(hit)
        return out

    def __contains__(self, form: str) -> bool:
        return form in self._by_form

    def __len__(self) -> int:
        return len(self._by_code)

    def places(self, form: str) -> list[Place]:
        """Every division called ``form`` (by official name or short form)."""
        return self._by_form.get(form, [])

    def resolve(self, words: list[str]) -> Place | None:
        """The one division the last word names, read inside the places named before it; else None."""
        context: Place | None = None
        found: Place | None = None
        for word in words:
            if context is not None:
                found = self._one([p for p in self.places(word) if p.within(context)])
            else:
                # A county's two-character short form alone is too often a common word or another
                # place (江南, 天山, 西湖, 新建): it is read only after the place that holds it
                # (杭州西湖); 井冈山 needs nothing before it. So 西安
                # is 西安市, not also the 西安区 of 辽源; and 河北 is 河北省, not 天津's 河北区.
                candidates = [p for p in self.places(word) if self._alone(p, word)]
                provinces = [p for p in candidates if p.level == "province"]
                found = provinces[0] if len(provinces) == 1 else self._one(candidates)
            if found is not None:
                context = found
        return found

    @staticmethod
    def _alone(place: Place, form: str) -> bool:
        return place.level != "county" or form == place.name or len(form) >= 3

    def names_alone(self, form: str) -> bool:
        """Does ``form`` name a division with no place before it? A county's two-character short
        form does not (正定, 新建, 江南: as often everyday words or other places as the county)."""
        return any(self._alone(p, form) for p in self.places(form))

    def inside(self, form: str, parent: Place) -> Place | None:
        """The one division called ``form`` inside ``parent`` (正定 inside 河北), else None."""
        return self._one([p for p in self.places(form) if p.within(parent) and p.code != parent.code])

    def full_name(self, place: Place | None) -> str:
        """Province, prefecture and own official name joined: 广东省深圳市, 河北省石家庄市正定县."""
        if place is None:
            return ""
        parts = [self._by_code.get(place.code[:2] + "0000")]
        if place.level == "county":
            parts.append(self._by_code.get(place.code[:4] + "00"))
        names = [p.name for p in parts if p is not None and p.code != place.code]
        return "".join(names) + place.name

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Gazetteer":
        """The packaged gazetteer (read once)."""
        text = resources.files("tifalens").joinpath("lexicon/places.tsv").read_text(encoding="utf-8")
        return cls(parse_places(text, name="places.tsv"))
