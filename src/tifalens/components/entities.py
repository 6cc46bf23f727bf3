"""Named entities: persons, places and organisations in ``doc.ents``.

Two sources, in this order of trust:

1. **Institutions** (``lexicon/institutions.tsv``), matched on the text,
   leftmost-longest. Each span's ``kb_id_`` is the institution's full official
   name, so an abbreviation links to it: 中组部 and 中央组织部 both get
   ``kb_id_ == "中共中央组织部"``. A match is kept only where it starts and ends on
   token edges (中央组织部 is not read inside 中央组织部长 when the segmenter says
   组织部长).
2. **jieba's name tags** on the tokens (``tag_labels``: nr/nrfg/nrt -> PERSON,
   ns -> GPE, nt -> ORG). Adjacent tokens with the same label join (丁+薛祥,
   湖南+衡阳) and a place joins the organisation right after it
   (抚州市+人民政府). jieba's dictionary tags many ordinary words as names
   (文明 nr, 新鲜 ns, 党组织 nt), so a run is kept only when its shape agrees;
   the rules and word lists are in ``data/entities.json``. These spans have an
   empty ``kb_id_``.

An institution match wins over any tag-based span it overlaps; ``doc.ents``
never holds overlapping spans. The component replaces ``doc.ents``::

    >>> import tifalens
    >>> doc = tifalens.load()("中组部负责人接受了新华社记者的采访")
    >>> [(e.text, e.label_, e.kb_id_) for e in doc.ents]
    [('中组部', 'ORG', '中共中央组织部'), ('新华社', 'ORG', '新华通讯社')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

import numpy
from spacy.attrs import IDX, LENGTH, ORTH, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..batching import Batched
from ..extensions import CREDITED_KEY, TITLES_KEY, doc_text, register_extensions
from ..lexicon.institutions import Institutions, parse_institutions
from ..numbers import CN_NUMERAL_CHARS
from ..lexicon.places import Gazetteer
from ..segmenter import no_words, word_test
from ..tables import alternation, longest_first, starts_with, table
from .structure import speaker_name, structure_spans

# 百县千镇(万村), 千村万户: numbers of settlements, the name of a programme, not a place
_COUNTED_SETTLEMENTS = re.compile("(?:[一二三四五六七八九十百千万两][省市县区乡镇村户企])+")

def _han(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


DEFAULT_TAG_LABELS = {"nr": "PERSON", "nrfg": "PERSON", "nrt": "PERSON", "ns": "GPE", "nt": "ORG"}


@dataclass(frozen=True)
class EntityRules:
    """The shape rules of ``data/entities.json``, ready to use."""

    surnames: frozenset[str]
    compound_surnames: tuple[str, ...]
    tibetan_parts: frozenset[str]
    not_last: frozenset[str]
    derived_noun_suffixes: frozenset[str]
    not_names: frozenset[str]
    never_names: frozenset[str]
    given_name_end_tags: frozenset[int]  # tag hashes
    surname_tags: frozenset[int]  # tag hashes
    given_noun_tags: frozenset[int]  # tag hashes
    name_end_after_name_tags: frozenset[int]  # tag hashes
    not_given_name_end: frozenset[str]
    name_ends_before_pause: frozenset[str]
    foreign_titles: tuple[str, ...]
    shared_foreign_titles: tuple[str, ...]
    transliteration_chars: frozenset[str]
    max_foreign_name: int
    titles: tuple[str, ...]
    title_tags: frozenset[str]  # first letters of the tags of the words of an office before a name (n, b, j)
    title_joiners: frozenset[str]  # marks joining two offices of one person (省委副书记、省政府党组书记)
    title_extra_tags: frozenset[str]  # whole tags of other words an office may hold (租赁 vn)
    title_conjunctions: frozenset[str]  # conjunctions between two nouns of an office (非公企业和社会组织工委)
    title_not_leads: tuple[str, ...]  # words that may open the words before a name and are no part of an office (左为)
    max_title_chars: int
    appointment_verbs: frozenset[str]
    cue_ids: numpy.ndarray  # word hashes of the titles and words ending with one (also with 副: 副局长) and appointment verbs, as whole tokens
    place_suffixes: tuple[str, ...]
    places: dict[str, str]
    tag_free_places: numpy.ndarray = field(compare=False)  # sorted string ids of the listed names: they count whatever their tag
    regions: re.Pattern = field(compare=False)  # regions named in several words (粤港澳|大湾|区), longest first
    org_suffixes: tuple[str, ...]
    body_heads: tuple[str, ...]
    committee_heads: frozenset[str]
    party_names: frozenset[str]
    party_bodies: tuple[str, ...]
    generic_orgs: frozenset[str]
    company_heads: frozenset[str]
    legal_forms: tuple[str, ...]
    company_stops: frozenset[str]
    company_stop_ends: tuple[str, ...]
    not_organizations: frozenset[str]
    street_words: tuple[str, ...]
    quotes: frozenset[str]
    list_separators: frozenset[str]
    speech_verbs: frozenset[str]
    quote_lead: re.Pattern = field(compare=False)  # what may stand between a speaker and the opening quote
    quote_tail: re.Pattern = field(compare=False)  # what may stand after the closing quote before its speaker
    quote_verb_after: re.Pattern = field(compare=False)  # what may follow the speaker after the quote
    list_closers: frozenset[str]
    clause_openers: frozenset[str]
    gazetteer: Gazetteer
    generic_divisions: frozenset[str]
    village_suffixes: frozenset[str]
    family_place_suffixes: frozenset[str]
    kind_endings: tuple[str, ...]
    not_first_of_short_names: frozenset[str]
    titled_work: re.Pattern
    local_bodies: re.Pattern = field(compare=False)  # 市委|组织部, 区|人社局: a body named by its level alone
    document_ends: tuple[str, ...]
    document_shorts: frozenset[str]

    def listed_places(self, orths: numpy.ndarray) -> list[int]:
        """Indices of the tokens that are a listed name (one binary search per token, in numpy)."""
        return _found(self.tag_free_places, orths)

    def generic_place(self, word: str) -> bool:
        """A division's name that is also a common phrase (老城区), or 和县 read in 市和县."""
        return word in self.generic_divisions or (len(word) == 2 and word[0] in self.not_first_of_short_names)

    def kind_of_settlement(self, word: str) -> bool:
        """大城市, 北京城市, 大城市城镇, 各乡镇: a kind of settlement, not a place; 东城镇 (东城+镇) is a town."""
        ending = next((e for e in self.kind_endings if word.endswith(e)), None)
        if ending is None:
            return False
        prefix = word[: -len(ending)]
        return len(prefix) != 1 or prefix in self.not_first_of_short_names

    def named_place(self, word: str) -> bool:
        """A listed place or a division's name that stands alone (石家庄, 宁德市), not a shape (文明村)."""
        return word in self.places or (self.gazetteer.names_alone(word) and not self.generic_place(word))

    def place_word(self, word: str) -> bool:
        """A listed place, a division's name that stands alone (深圳, 宁德市, 井冈山; not 新建 or
        江南, two-character short forms of counties that are everyday words as often), or a name
        of three characters or more with an administrative suffix (抚州市, 洛峪镇); not 山区 or
        城市, not a common phrase such as 老城区, not a count of settlements (百县千镇)."""
        if self.named_place(word):
            return True
        return (
            len(word) >= 3
            and word.endswith(self.place_suffixes)
            and not self.kind_of_settlement(word)
            and not self.generic_place(word)
            and _COUNTED_SETTLEMENTS.fullmatch(word) is None
        )

    def _units(self, words: list[str]) -> list[tuple[int, int]]:
        """Word ranges of a run, a one-character suffix joined to the word before it (海安+市)."""
        units: list[tuple[int, int]] = []
        for i, w in enumerate(words):
            if units and len(w) == 1 and w in self.place_suffixes:
                units[-1] = (units[-1][0], i + 1)
            else:
                units.append((i, i + 1))
        return units

    def place(self, words: list[str]) -> Run | None:
        """The place a run of ns words names: label, the words kept, and the division's full name.

        Words at either end that are no place are dropped (扎根+武汉, 青岛+中联, 南京+南站);
        one at the end stays when it names a division inside the place before it (杭州+西湖).
        None when no word is a place (新鲜, 依法治国, 老城区 alone).
        """
        text = "".join(words)
        if text in self.places:
            return Run(0, len(words), self.places[text], self.gazetteer.full_name(self.gazetteer.resolve([text])))
        units = [("".join(words[i:j]), i, j) for i, j in self._units(words)]
        if self.place_word(text):
            lo, hi = 0, len(units)
        else:
            ok = [self.place_word(u) for u, _, _ in units]
            if not any(ok):
                return None
            lo, hi = ok.index(True), len(ok) - ok[::-1].index(True)
            while hi < len(units):
                parent = self.gazetteer.resolve([u for u, _, _ in units[lo:hi]])
                if parent is None or self.gazetteer.inside(units[hi][0], parent) is None:
                    break
                hi += 1
        hi = lo + self._chain([u for u, _, _ in units[lo:hi]])
        kept = [u for u, _, _ in units[lo:hi]]
        kb_id = "" if len(kept) == 1 and self.generic_place(kept[0]) else self.gazetteer.full_name(self.gazetteer.resolve(kept))
        return Run(units[lo][1], units[hi - 1][2], "GPE", kb_id)

    def _chain(self, names: list[str]) -> int:
        """How many of ``names`` name one place, each inside the one before (安徽省|凤阳县|小岗村): a country, a
        river or a region after a division (天津市|中国特色…, 马鞍山市|长江岸线, 沂蒙山区|西南) or a division not
        inside the one before it (静安区|南京西路) starts something else."""
        for k in range(1, len(names)):
            name = names[k]
            if self.places.get(name) == "LOC" or (self.places.get(name) == "GPE" and not self.gazetteer.places(name)):
                return k
            parent = self.gazetteer.resolve(names[:k])
            if parent is not None and self.gazetteer.names_alone(name) and not any(p.within(parent) for p in self.gazetteer.places(name)):
                return k
        return len(names)

    def village(self, word: str, is_word: Callable[[str], bool]) -> bool:
        """A village or town jieba read as a name: 沙美村 (沙美 is no word), not 和平村; or a family's
        settlement: 朱家角, 陆家嘴, 杨家岭, 张家湾 (a surname, 家 and a word of land or water)."""
        if len(word) == 3 and word[1] == "家" and word[2] in self.family_place_suffixes:
            return True
        if self.tibetan_name(word):
            return False  # 洛桑江村: a person's name, not a village's
        return len(word) >= 3 and word[-1] in self.village_suffixes and _han(word) and not is_word(word[:-1])

    def tibetan_name(self, text: str) -> bool:
        """Two of the parts Tibetan names are made of (洛桑江村, 扎西次仁)."""
        return len(text) == 4 and text[:2] in self.tibetan_parts and text[2:] in self.tibetan_parts

    def person_shape(self, text: str) -> bool:
        """Surname first, then a given name: 2-3 characters, 3-4 after a compound surname; or two of the parts
        Tibetan names are made of (洛桑江村)."""
        if self.tibetan_name(text):
            return True
        if not text or text[-1] in self.not_last or not _han(text):
            return False
        if text.startswith(self.compound_surnames):
            return 3 <= len(text) <= 4
        return text[0] in self.surnames and 2 <= len(text) <= 3

    def placed_title(self, word: str) -> bool:
        """Is ``word`` a title after something other than a surname (德国总理, 英国首相; not 陈先生, 欧阳书记)?"""
        every = self.titles + self.foreign_titles
        if not word.endswith(every):  # one C call for the usual case, no title at all
            return False
        title = next(t for t in every if word.endswith(t))
        if len(word) == len(title):
            return False
        head = word[: -len(title)]
        return not (head in self.surnames or head in self.compound_surnames)

    def foreign_shape(self, text: str) -> bool:
        """Chinese characters of a transliterated name, 2 to max_transliterated_chars, a dot (·) between its parts."""
        return 2 <= len(text) <= self.max_foreign_name and _han(text.replace("·", "")) and text[0] != "·" != text[-1]

    def foreign_after(self, before: str, text: str) -> bool:
        """Is ``text`` a foreign name after ``before``, a word ending with a foreign title? After a title Chinese
        officials hold too (部长, 主席), only one in the characters of transliteration (财政部长耶伦; not a Chinese
        name with a verb glued to it, 部长王文涛说)."""
        if not (before.endswith(self.foreign_titles) and self.foreign_shape(text)):
            return False
        if not before.endswith(self.shared_foreign_titles):
            return True
        return self.transliteration_chars.issuperset(text)

    def separates(self, word: str) -> bool:
        """Does ``word`` stand between two items of a list of names (、, 和; or spaces within a line, as in
        a byline: 记者李伟 张明)?"""
        return word in self.list_separators or (bool(word) and not word.strip(" \u3000\xa0"))

    def anonymised(self, text: str) -> bool:
        """A surname and 某 or 某某: a person a notice does not name (李某, 王某某)."""
        return 2 <= len(text) <= 3 and text[0] in self.surnames and text[1:] in ("某", "某某")

    def is_title(self, word: str, *, before: bool) -> bool:
        """Does ``word`` end (before a name) or start (after a name) with a title such as 总理 or 同志
        (王毅外长, 丁薛祥副总理)? Before a name, a personnel notice's verb (任命, 免去) counts as one."""
        if before:
            return word.endswith(self.titles) or word in self.appointment_verbs
        return word.removeprefix("副").startswith(self.titles)

    def organization(self, text: str) -> bool:
        """Does the run end with an organisation head (部, 委, 政府, 大学 ...) and name one body?"""
        return len(text) >= 2 and text.endswith(self.org_suffixes) and text not in self.generic_orgs


@lru_cache(maxsize=1)
def entity_rules() -> EntityRules:
    """The packaged rules (read once; the object is immutable)."""
    data = table("entities")
    person, place, org = data["person"], data["place"], data["organization"]
    places = {name: "GPE" for name in place["names"]} | {name: "LOC" for name in place["locations"]} | place["regions"]
    return EntityRules(
        surnames=frozenset(person["surnames"]),
        compound_surnames=tuple(person["compound_surnames"]),
        tibetan_parts=frozenset(person["tibetan_name_parts"]),
        not_last=frozenset(person["not_last"]),
        derived_noun_suffixes=frozenset(person["derived_noun_suffixes"]),
        not_names=frozenset(person["not_names"]),
        never_names=frozenset(person["never_names"]),
        given_name_end_tags=frozenset(get_string_id(t) for t in person["given_name_end_tags"]),
        surname_tags=frozenset(get_string_id(t) for t in person["surname_tags"]),
        given_noun_tags=frozenset(get_string_id(t) for t in person["given_noun_tags"]),
        name_end_after_name_tags=frozenset(get_string_id(t) for t in person["name_end_after_name_tags"]),
        not_given_name_end=frozenset(person["not_given_name_end"]),
        name_ends_before_pause=frozenset(person["name_ends_before_pause"]),
        foreign_titles=tuple(person["foreign_titles"]),
        shared_foreign_titles=tuple(person["shared_foreign_titles"]),
        transliteration_chars=frozenset(person["transliteration_chars"] + "·"),
        max_foreign_name=person["max_transliterated_chars"],
        titles=tuple(person["titles"]),
        title_tags=frozenset(person["title_tags"]),
        title_joiners=frozenset(person["title_joiners"]),
        title_extra_tags=frozenset(person["title_extra_tags"]),
        title_conjunctions=frozenset(person["title_conjunctions"]),
        title_not_leads=longest_first(person["title_not_leads"]),
        max_title_chars=person["max_title_chars"],
        appointment_verbs=frozenset(person["appointment_verbs"]),
        cue_ids=numpy.unique(
            numpy.array(
                [get_string_id(w) for t in person["titles"] + person["titled_words"] for w in (t, "副" + t)] + [get_string_id(w) for w in person["appointment_verbs"]],
                dtype="uint64",
            )
        ),
        place_suffixes=tuple(place["suffixes"]),
        places=places,
        tag_free_places=numpy.unique(numpy.array([get_string_id(n) for n in place["names"]], dtype="uint64")),
        regions=re.compile(alternation(place["regions"])),
        street_words=tuple(place["street_words"]),
        org_suffixes=tuple(org["suffixes"]),
        body_heads=tuple(org["body_heads"]),
        committee_heads=frozenset(org["committee_heads"]),
        party_names=frozenset(org["party_names"]),
        party_bodies=tuple(h for h in org["committee_heads"] if h.endswith("委") and h not in ("监委",)),
        generic_orgs=frozenset(org["generic"]),
        company_heads=frozenset(org["company_heads"]),
        legal_forms=tuple(org["legal_forms"]),
        company_stops=frozenset(org["company_stops"]),
        company_stop_ends=tuple(org["company_stop_ends"]),
        not_organizations=frozenset(org["not_organizations"]),
        quotes=frozenset(data["quotes"]),
        list_separators=frozenset(person["list_separators"]),
        speech_verbs=frozenset(person["speech_verbs"]),
        quote_lead=re.compile(rf"[\u4e00-\u9fff]{{0,{person['max_quote_lead']}}}?(?:{alternation(person['quote_verbs'])})[：:，,]?\s*$"),
        quote_tail=re.compile(r"[，,]?[ \t\u3000]*"),  # not across a line: a new paragraph speaks for itself
        # (李强在会上说, 王毅在记者会上表示: where they said it, a few characters)
        quote_verb_after=re.compile(
            rf"(?:在[^，,。！？“”\n]{{1,{person['max_quote_lead']}}}?(?:上|中|时|期间))?(?:也|还|又)?(?:{alternation(person['quote_verbs'])})"
        ),
        list_closers=frozenset(person["list_closers"]),
        clause_openers=frozenset(person["clause_openers"]),
        gazetteer=Gazetteer.default(),
        generic_divisions=frozenset(place["generic_divisions"]),
        village_suffixes=frozenset(place["village_suffixes"]),
        family_place_suffixes=frozenset(place["family_place_suffixes"]),
        kind_endings=tuple(sorted(place["kind_endings"], key=len, reverse=True)),
        not_first_of_short_names=frozenset(place["not_first_of_short_names"]),
        titled_work=re.compile(rf"《([^《》\n。！？；]{{1,{data['titled_works']['max_chars']}}})》"),
        local_bodies=re.compile(
            f"(?:{alternation(org['party_levels'])})(?:{alternation(org['party_bodies'])})"
            f"|(?:{alternation(org['government_levels'])})(?:{alternation(org['government_bodies'])})"
        ),
        document_ends=tuple(sorted(data["titled_works"]["document_ends"], key=len, reverse=True)),
        document_shorts=frozenset(data["titled_works"]["shorts"]),
    )


def _found(ids: numpy.ndarray, orths: numpy.ndarray) -> list[int]:
    """Indices of the ``orths`` that are among the sorted ``ids`` (faster than numpy.isin on a Doc's tokens)."""
    at = numpy.minimum(numpy.searchsorted(ids, orths), len(ids) - 1)
    return numpy.flatnonzero(ids[at] == orths).tolist()


@dataclass
class Run:
    """Tokens ``[start, end)`` read as one entity with ``label``."""

    start: int
    end: int
    label: str
    kb_id: str = ""


class TokenTexts:
    """The tokens' texts, sliced from the Doc's text on demand (no Token object per token).

    Most tokens are never looked at: only those with a name tag and their neighbours.
    """

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        array = doc.to_array([IDX, LENGTH, TAG, ORTH])  # one read of the Doc
        # 1-D int64 columns: they convert to lists ~10x faster than an (n, 2) uint64 array.
        self._starts = array[:, 0].astype("int64").tolist()
        self._ends = (array[:, 0] + array[:, 1]).astype("int64").tolist()
        self.tags = array[:, 2]  # tag hashes, for a vectorised look at the name tags
        self.orths = array[:, 3]  # word hashes, for a vectorised look-up of listed names

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, i: int) -> str:
        return self.text[self._starts[i] : self._ends[i]]

    def index_at(self, pos: int) -> int:
        """The index of the token holding character ``pos``."""
        return bisect_left(self._ends, pos + 1)

    def start_of(self, i: int) -> int:
        """Character offset where token ``i`` starts."""
        return self._starts[i]

    def end_of(self, i: int) -> int:
        """Character offset where token ``i`` ends."""
        return self._ends[i]

    def tokens_of(self, start: int, end: int) -> range | None:
        """The tokens covering characters ``[start, end)`` exactly, or None when it cuts a token."""
        i, j = bisect_left(self._starts, start), bisect_left(self._starts, end)
        if i == len(self._starts) or self._starts[i] != start or self._ends[j - 1] != end:
            return None
        return range(i, j)

    def span(self, start: int, end: int) -> list[str]:
        """The texts of tokens ``[start, end)``."""
        return [self[i] for i in range(start, end)]


def token_labels(
    doc: Doc, words: TokenTexts, tag_labels: dict[str, str], rules: EntityRules, is_word: Callable[[str], bool] = no_words
) -> dict[int, str]:
    """Token index -> the label its tag suggests; a title right before a name-shaped word makes it PERSON;
    a village or town jieba tags as a name (沙美村 nr) is a place when what comes before 村 or 镇 is
    no word of its own (和平村, 文明村 are also honours: left out)."""
    tags = words.tags
    labels: dict[int, str] = {}
    given: set[int] = set()  # the place-named halves of names after a title (王|长江): no place, whatever their tag
    for tag, label in tag_labels.items():  # a few name tags: one vectorised comparison each
        for i in numpy.flatnonzero(tags == get_string_id(tag)).tolist():
            if i in given:
                continue
            before = word_before(words, i)
            titled = rules.is_title(before, before=True) and rules.person_shape(words[i])
            # 总统普京 (普京 ns), not 总统南非 (a place)
            foreign = label != "ORG" and rules.foreign_after(before, words[i]) and not rules.place_word(words[i])
            if titled or foreign:
                labels[i] = "PERSON"
            elif label == "PERSON" and (rules.is_title(before, before=True) or _says_after(words, i, rules)) and _cut_after_last_char(words, i, rules):
                labels[i] = labels[i + 1] = "PERSON"  # 行政长官李家|超, ，李家|超|说: 李家 is no name (家 ends none), 李家超 is
            elif label == "PERSON" and rules.is_title(before, before=True) and _given_place_name(words, i, rules):
                labels[i] = labels[i + 1] = "PERSON"  # 副主任王|长江: a surname and a place's name
                given.add(i + 1)
            elif label == "PERSON" and rules.placed_title(words[i]):
                continue  # 德国总理 (nr): a title, and the name after it stands alone (陈先生 and 吴书记 name someone)
            elif label == "PERSON" and _next_word(words, i + 1) in _DIVISION_WORDS:
                continue  # 白土岗|乡, 某某|镇: jieba read a township's name as a person's
            elif label == "PERSON" and (rules.village(words[i], is_word) or (len(words[i]) >= 3 and rules.named_place(words[i]))):
                labels[i] = "GPE"  # 沙美村, 石家庄 (nr); not 玉林 of 赵玉林
            else:
                labels[i] = label
    if "PERSON" in tag_labels.values():
        _anonymised(words, labels, rules)
        _cut_names(words, labels, rules, is_word)
    if "ORG" in tag_labels.values() and ("公司" in words.text or "集团" in words.text):
        _companies(words, labels, rules)
    return labels


_COMPANY_WORD = re.compile("公司|集团")
_TRANSLITERATED = get_string_id("nrt")
# the tags of words that are no part of a name (与, 和, 的, 这): prepositions, conjunctions, particles, pronouns,
# punctuation, modal particles, interjections, onomatopoeia (numerals and places of direction may be: 深圳一百教育集团, 西部公共汽车)
_FUNCTION_TAGS = frozenset(
    get_string_id(t) for t in ("p", "c", "u", "uj", "ul", "uz", "uv", "ud", "ug", "r", "rr", "rz", "rg", "x", "y", "e", "o", "w")
)
_COMPANY_NAME_TAGS = frozenset(get_string_id(t) for t in ("n", "nz", "ns", "nt", "j", "nr", "nrt", "vn", "eng"))
_PROPER_TAGS = frozenset(get_string_id(t) for t in ("nz", "nt", "j", "nrt", "eng"))
_MAX_COMPANY_WORDS = 6


def _companies(words: TokenTexts, labels: dict[int, str], rules: EntityRules) -> None:
    """Companies, each one organisation with the nouns before its head (at most six, a place among them included:
    湖南|兵器|长城|机械|有限公司): named by a legal form (中车|株洲|电力机车|有限公司, 国家电网|有限公司,
    中国船舶|集团|有限公司), or by 公司 or 集团 after a name that is no place alone (华菱|钢铁|集团, 腾讯|公司; not
    中国|公司, 该|公司, 某|科技|公司). The name holds a word tagged as one or a place (not 科技|有限公司: it was cut).
    A word ending with a title (党委书记) ends it, and so do a person's name but a transliteration (阿里巴巴|集团), a
    word that says what kind of company it is (制造商, 龙头企业) and a body of the Party or the state (河南省委|组织部|
    对圆方|集团). Before a legal form, one or two words jieba tags oddly after a place are the brand (深圳市|粤能(v)|…)."""
    n = len(words)
    heads = rules.company_heads
    # only the tokens that hold 公司 or 集团 are looked at (a company's head or a name jieba holds whole)
    candidates = sorted({words.index_at(m.start()) for m in _COMPANY_WORD.finditer(words.text)})
    done = -1
    for i in candidates:
        if i <= done:
            continue
        word = words[i]
        if word not in heads and not (word.endswith(rules.legal_forms) and int(words.tags[i]) in _COMPANY_NAME_TAGS):
            continue
        while i - 1 > done and words[i - 1] in heads:
            i -= 1  # 有限责任|公司: the head starts before the word holding 公司
        end = i + 1
        while end < n and words[end] in heads:
            end += 1  # 集团|有限公司, 有限责任|公司
        legal = any(words[k].endswith(rules.legal_forms) or words[k] in rules.legal_forms for k in range(i, end)) or (
            end - i >= 2 and "".join(words[k] for k in range(i, end)).endswith(rules.legal_forms)
        )
        start = i
        while (
            start > 0
            and i - start < _MAX_COMPANY_WORDS
            and int(words.tags[start - 1]) in _COMPANY_NAME_TAGS
            and (labels.get(start - 1) != "PERSON" or legal or int(words.tags[start - 1]) == _TRANSLITERATED)  # 丁湖|养殖|有限公司, 阿里巴巴|集团
            and not _descriptor(words[start - 1], rules)
            and _han_or_latin(words[start - 1])
            and words[start - 1] not in rules.company_stops
            and not rules.is_title(words[start - 1], before=True)
        ):
            start -= 1
        if legal:  # 深圳市|粤能(v)|环保|科技|有限公司, 北京|首新(d)|屋宇…: a brand word jieba tags oddly, a place before it
            for odd in (1, 2):
                k = start - odd - 1
                if k >= 0 and int(words.tags[k]) == _PLACE_TAG and all(
                    _han_or_latin(words[j]) and int(words.tags[j]) not in _FUNCTION_TAGS and words[j] not in rules.company_stops for j in range(k + 1, start)
                ):
                    start = k
                    break
        name = "".join(words[k] for k in range(start, i))
        proper = any(int(words.tags[k]) in _PROPER_TAGS or labels.get(k) == "PERSON" for k in range(start, i))
        places = sum(int(words.tags[k]) == _PLACE_TAG for k in range(start, i))
        # a name: a word of a name's tag, or a place and more (not 科技|有限公司, 中国|公司 alone)
        if len(name) >= 2 and (proper or (places and (legal or i - start > places))):
            for k in range(start, end):
                labels[k] = "ORG"
        done = end - 1


def _descriptor(word: str, rules: EntityRules) -> bool:
    """Does ``word`` say what a company is or belongs to, rather than name it (制造商, 龙头企业, 组织部, 省委)?"""
    return (len(word) >= 3 and word.endswith("商")) or (len(word) >= 2 and word.endswith(rules.company_stop_ends))


def _han_or_latin(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" or ch.isascii() and ch.isalnum() for ch in word)


_PLACE_TAG = get_string_id("ns")


def _given_place_name(words: TokenTexts, i: int, rules: EntityRules) -> bool:
    """Is token ``i`` a surname alone and the next a two-character word tagged a place (王|长江, 姜|东海): a name
    after a title, the given name a place's?"""
    return (
        len(words[i]) == 1
        and words[i] in rules.surnames
        and i + 1 < len(words)
        and len(words[i + 1]) == 2
        and int(words.tags[i + 1]) == _PLACE_TAG
        and rules.person_shape(words[i] + words[i + 1])
    )


def _says_after(words: TokenTexts, i: int, rules: EntityRules) -> bool:
    """Does token ``i`` stand where a speaker does, with a verb of saying two tokens on (，李家|超|说)?"""
    return _speaker_place(words, i, rules) and i + 2 < len(words) and words[i + 2] in rules.speech_verbs


def _cut_after_last_char(words: TokenTexts, i: int, rules: EntityRules) -> bool:
    """Is token ``i`` two characters that end no name (李家) and, with the one-character word after it
    (超, not a particle or preposition), a name (李家超)?"""
    word = words[i]
    if len(word) != 2 or i + 1 >= len(words) or rules.person_shape(word):
        return False
    nxt = words[i + 1]
    return len(nxt) == 1 and _han(nxt) and nxt not in rules.not_given_name_end and rules.person_shape(word + nxt)


def _cut_names(words: TokenTexts, labels: dict[int, str], rules: EntityRules, is_word: Callable[[str], bool] = no_words) -> None:
    """书记赵|立新, 任命孙|卫东为, 部长张|兴旺 (兴旺 ns), 主席万|鄂|湘: a lone surname right after a title or a
    personnel notice's verb, and one or two words after it that end the given name (at most two
    characters; no listed place, nor one with the word after it: 代表段|南沟|社区), is one person, and so is a compound
    surname jieba reads as a place and a word of one or two characters after it (免去欧阳|文华的); so is a two-character word
    led by a surname and a one-character noun after it (副局长盛来|运; not 书记任务|重, 书记常态|化), and a
    three-character word shaped like a name that is no dictionary word, whatever jieba tags it (书记信长星 n)."""
    cues = rules.cue_ids
    for i in (k + 1 for k in _found(cues, words.orths[:-2])):
        first, given = words[i], words[i + 1]
        if (
            len(first) == 3
            and i not in labels
            and rules.person_shape(first)
            and first[-1] not in rules.speech_verbs  # 主任苗华说: a name and a verb jieba holds as one word
            and not is_word(first)
            and int(words.tags[i]) in rules.given_noun_tags
        ):
            labels[i] = "PERSON"
            continue
        # 董事长周清|和，: before a pause 和 is no conjunction but the name's end (so 才, 为, 有: 李永|才，)
        paused = len(given) == 1 and given in rules.name_ends_before_pause and _next_word(words, i + 2) in _PAUSES
        if not (
            _han(given)
            and (given[-1] not in rules.not_given_name_end or paused)
            and not rules.is_title(given, before=False)
            and (labels.get(i + 1) in (None, "PERSON") or (labels[i + 1] == "GPE" and not rules.named_place(given) and not rules.place_word(given + _next_word(words, i + 2))))
        ):
            continue
        if first in rules.compound_surnames and len(given) <= 2 and labels.get(i) in (None, "GPE") and not is_word(first + given):
            labels[i] = labels[i + 1] = "PERSON"  # 免去欧阳(ns)|文华的…职务: a compound surname jieba reads as a place
        elif (
            len(first) == 1
            and first in rules.surnames
            and first not in rules.not_given_name_end  # 和, 向, 同: a conjunction or preposition first
            and int(words.tags[i]) in rules.surname_tags
            and len(given) <= 2
        ):
            labels[i] = labels[i + 1] = "PERSON"
            if len(given) == 1 and len(_next_word(words, i + 2)) == 1 and _ends_name(words, i + 2, rules) and labels.get(i + 2) in (None, "GPE"):
                labels[i + 2] = "PERSON"
        elif (
            len(first) == 2
            and len(given) == 1
            and given not in rules.derived_noun_suffixes
            and (
                (i not in labels and (int(words.tags[i + 1]) in rules.given_noun_tags or paused))
                or (labels.get(i) == "PERSON" and int(words.tags[i + 1]) in rules.name_end_after_name_tags and given not in CN_NUMERAL_CHARS)
            )
            and rules.person_shape(first + given)
        ):
            labels[i] = labels[i + 1] = "PERSON"  # (大法官张述|元 m, 旅长张体|任 r: a name jieba reads short)


def _next_word(words: TokenTexts, i: int) -> str:
    return words[i] if i < len(words) else ""


def _ends_name(words: TokenTexts, i: int, rules: EntityRules, *, before_pause: bool = False) -> bool:
    """May the one-character token ``i`` end a given name (湘 of 万|鄂|湘; not 说, 在)? Before a pause a verb
    may too (代主席蓝天|立，: a verb there would have nothing to say), but for one of saying (杨柱|称，)."""
    if not _han(words[i]) or words[i] in rules.not_given_name_end:
        return False
    return int(words.tags[i]) in rules.given_name_end_tags or (before_pause and int(words.tags[i]) == _VERB and words[i] not in rules.speech_verbs)


_SOMEONE = numpy.unique(numpy.array([get_string_id(w) for w in ("某", "某某")], dtype="uint64"))


def _anonymised(words: TokenTexts, labels: dict[int, str], rules: EntityRules) -> None:
    """王|某某, 李某: a surname and 某 name a person whose name a notice withholds, whatever the tags."""
    for i in _found(_SOMEONE, words.orths):
        if i > 0 and words[i - 1] in rules.surnames and words.end_of(i - 1) == words.end_of(i) - len(words[i]):
            labels[i - 1] = labels[i] = "PERSON"
    for i, label in labels.items():
        if label != "PERSON" and rules.anonymised(words[i]):
            labels[i] = "PERSON"


def label_runs(labels: dict[int, str]) -> list[Run]:
    """Maximal runs of adjacent tokens with the same label."""
    runs: list[Run] = []
    for i in sorted(labels):
        label = labels[i]
        if runs and runs[-1].end == i and runs[-1].label == label:
            runs[-1].end = i + 1
        else:
            runs.append(Run(i, i + 1, label))
    return runs


def _text(words: TokenTexts, run: Run) -> str:
    return "".join(words.span(run.start, run.end))


def _quoted(words: TokenTexts, run: Run, rules: EntityRules) -> bool:
    return run.start > 0 and run.end < len(words) and words[run.start - 1][-1] in rules.quotes and words[run.end][0] in rules.quotes


def word_before(words: TokenTexts, i: int) -> str:
    """The word before token ``i``, past one space on the same line (国务院总理　李强 in a byline), or the one word in
    brackets right before it (校长（院长）|陈希: 院长)."""
    if i > 1 and words[i - 1].isspace() and "\n" not in words[i - 1]:
        return words[i - 2]
    if i > 2 and words[i - 1] in ("）", ")") and words[i - 3] in ("（", "("):
        return words[i - 2]
    return words[i - 1] if i > 0 else ""


_NAME_TAGS = frozenset(get_string_id(t) for t in ("nr", "nrfg", "nrt"))


def _titled(words: TokenTexts, run: Run, rules: EntityRules) -> bool:
    """A title before the run, or after it (王毅外长) unless that title holds the name after it
    (陆军副司令员张学锋: 陆军 is where the office is)."""
    before = rules.is_title(word_before(words, run.start), before=True)
    after = (
        run.end < len(words)
        and rules.is_title(words[run.end], before=False)
        and not (run.end + 1 < len(words) and int(words.tags[run.end + 1]) in _NAME_TAGS)
    )
    return before or after


def _foreign(words: TokenTexts, run: Run, rules: EntityRules) -> bool:
    """A transliterated name right after a title such as 总统 (拜登, 马克龙, 安东尼奥·古特雷斯)."""
    return run.start > 0 and rules.foreign_after(words[run.start - 1], _text(words, run))


def _dotted(text: str, rules: EntityRules) -> bool:
    """A name written with a dot between its parts (艾尔肯·吐尼亚孜, 马克思·韦伯): a person's wherever it stands."""
    return "·" in text and rules.foreign_shape(text)


def _derived_noun(words: TokenTexts, run: Run, rules: EntityRules, is_word: Callable[[str], bool]) -> bool:
    """A dictionary word plus a noun suffix that jieba tags as a name (严肃+性, 安全+感, 向心+力)."""
    text = _text(words, run)
    return (
        len(text) == 3
        and text[-1] in rules.derived_noun_suffixes
        and is_word(text[:2])
        and not _titled(words, run, rules)
    )


def persons(
    words: TokenTexts, runs: list[Run], rules: EntityRules, is_word: Callable[[str], bool] = no_words, known: frozenset[str] = frozenset()
) -> list[Run]:
    """PERSON runs shaped like names (or foreign names after a title, or written with a dot); a two-character one needs a
    title, or a name beside it in a list, or the same name so vouched for elsewhere in the document
    (发言人毛宁 … 毛宁：) or in ``known`` (the article's byline and speakers); a derived noun (严肃性) is none.
    A foreign name after a title is one wherever else the document has it (美国总统拜登 … 拜登表示)."""
    foreign = {r.start for r in runs if r.label == "PERSON" and (_foreign(words, r, rules) or _dotted(_text(words, r), rules))}
    shaped = [
        r
        for r in runs
        if r.label == "PERSON"
        and (rules.person_shape(_text(words, r)) or r.start in foreign)
        and not _quoted(words, r, rules)
        and not _derived_noun(words, r, rules, is_word)
        and not (_text(words, r) in rules.not_names and not _titled(words, r, rules))
        and _text(words, r) not in rules.never_names
    ]
    sure = [
        len(_text(words, r)) > 2 or _titled(words, r, rules) or _text(words, r) in known or rules.anonymised(_text(words, r)) or _speaks(words, r, rules)
        for r in shaped
    ]
    listed = [
        a.end + 1 == b.start and rules.separates(words[a.end]) for a, b in zip(shaped, shaped[1:])
    ]  # listed[k]: shaped[k] and shaped[k + 1] are neighbours in a list
    for k in range(len(listed)):
        if listed[k] and shaped[k + 1].end < len(words) and words[shaped[k + 1].end] in rules.list_closers:
            sure[k] = sure[k + 1] = True  # 张伟、刘洋等代表: names listed and closed as a list of people
    changed = True
    while changed:  # 习近平、李强、蔡奇: the title of one name vouches for the list
        changed = False
        for k in range(len(shaped)):
            if not sure[k] and ((k > 0 and listed[k - 1] and sure[k - 1]) or (k < len(listed) and listed[k] and sure[k + 1])):
                sure[k] = changed = True
    vouched = {_text(words, r) for r, ok in zip(shaped, sure) if ok}
    sure = [ok or _text(words, r) in vouched for r, ok in zip(shaped, sure)]
    taken = {i for r in runs for i in range(r.start, r.end)}
    found = [_completed(words, r, taken, rules) for r, ok in zip(shaped, sure) if ok]
    # the same foreign name elsewhere, with no title (拜登表示): a person, though it vouches for no list
    # it stands in (在白宫和克林顿…: 白宫 is a place)
    named = {_text(words, r) for r in shaped if r.start in foreign}
    starts = {r.start for r in shaped}
    echoes = [r for r in runs if r.label == "PERSON" and r.start not in starts and _text(words, r) in named and not _quoted(words, r, rules)]
    return sorted(found + echoes, key=lambda r: r.start) if echoes else found


_NOUN = get_string_id("n")
_VERB = get_string_id("v")


def _speaker_place(words: TokenTexts, i: int, rules: EntityRules) -> bool:
    """Does token ``i`` open a clause, or follow a noun that says who someone is (党员|薛浩, 董事|敖宏; not a
    surname alone: 书记钱|桂林)?"""
    before = i - 1
    return before < 0 or words[before] in rules.clause_openers or (int(words.tags[before]) == _NOUN and len(words[before]) > 1)


def _speaks(words: TokenTexts, run: Run, rules: EntityRules) -> bool:
    """A name where a speaker stands that says something (，王刚说, 党员|薛浩说; not 沙尘暴过后)."""
    return _speaker_place(words, run.start, rules) and run.end < len(words) and words[run.end] in rules.speech_verbs


def _completed(words: TokenTexts, run: Run, taken: set[int], rules: EntityRules) -> Run:
    """A two-character name with the one-character word after it that ends the given name
    (书记易炼+红, 总统马克+龙), when that word's tag allows it (not 李强+说, 汪洋+在), or it is a verb before a pause
    or a time word (代主席蓝天+立，, 校长杨国+赐+昨（八）日)."""
    i = run.end
    if run.end - run.start != 1 or len(words[run.start]) != 2 or i >= len(words) or i in taken:
        return run
    pause = _next_word(words, i + 1) in _PAUSES or _next_word(words, i + 1) in _WHEN_AFTER_NAME  # (校长杨国|赐|昨（八）日)
    if len(words[i]) == 1 and _ends_name(words, i, rules, before_pause=pause) and rules.person_shape(words[run.start] + words[i]):
        return Run(run.start, i + 1, run.label)
    return run


_PAUSES = frozenset("，、；。,;")
_DIVISION_WORDS = frozenset(("乡", "镇", "街道"))  # a word of its own after a name: the name is a township's
_WHEN_AFTER_NAME = frozenset(("昨", "今", "昨天", "今天", "日前", "近日"))  # a time word after a name: the clause goes on


def _organization(words: TokenTexts, run: Run, place: Run | None, rules: EntityRules) -> Run | None:
    """The ORG run, joined to the place run right before it, if it names one body."""
    if words[run.end - 1] in rules.not_organizations:
        return None  # 洋河+交汇处: a common noun jieba tags nt
    whole = Run(place.start if place else run.start, run.end, "ORG")
    return whole if rules.organization(_text(words, whole)) else None


def checked_runs(
    words: TokenTexts, runs: list[Run], rules: EntityRules, is_word: Callable[[str], bool] = no_words, known: frozenset[str] = frozenset()
) -> list[Run]:
    """Runs whose shape agrees with their label, a place joined to the organisation right after it;
    ``known`` names are persons whatever their length (a byline's, a speaker's)."""
    people = _without_cut_names(words, persons(words, runs, rules, is_word, known))
    out: list[Run] = people + _named_again(words, people)
    places = {r.end: r for r in runs if r.label in ("GPE", "LOC")}
    absorbed: set[tuple[int, int]] = set()  # places that became the head of an organisation
    for run in runs:
        if run.label == "ORG":
            org = _organization(words, run, places.get(run.start), rules)
            if org:
                absorbed.add((org.start, run.start))
                out.append(org)
    for run in runs:
        if run.label in ("ORG", "PERSON"):
            continue
        if run.label in ("GPE", "LOC"):
            if (run.start, run.end) in absorbed:
                continue
            body = _named_body(words, run, rules)
            if body is not None:
                out.append(body)
                continue
            if run.end - run.start == 1 and rules.places.get(words[run.start]) == "LOC" and _named_after(words, range(run.start, run.end), {}, rules):
                continue  # 姜|东海: a given name, not the sea
            for piece in _listed_apart(words, run, rules):
                start = piece.start
                while start < piece.end and (place := rules.place(words.span(start, piece.end))) is not None:
                    if start == piece.start or not _next_word(words, start + place.end).startswith(rules.street_words):
                        out.append(Run(start + place.start, start + place.end, place.label, place.kb_id))
                    start += place.end  # 重庆|成都, 天津市|中国: the place that starts after one ends (not 南京 of 静安区|南京西路)

        else:
            out.append(run)  # a label a user mapped a tag to: no shape rule for it
    kept: list[Run] = []
    for run in sorted(out, key=lambda r: (r.start, -r.end)):
        if not kept or run.start >= kept[-1].end:
            kept.append(run)  # an organisation a place opens holds what its words would name apart (台州市 of 浙江省台州市市场监管局)
    return kept


_BODY_PART_TAGS = frozenset(get_string_id(t) for t in ("n", "nz", "vn", "nt", "j", "b", "ng", "nrt"))
_MAX_BODY_WORDS = 3


def _named_body(words: TokenTexts, place: Run, rules: EntityRules) -> Run | None:
    """中国|历史|研究院, 江苏|省委党校: a place, at most three nouns and a word ending with a body's
    head (研究院, 有限公司) read as one organisation; a bare place and a short head (中国|大学) is none,
    but for a Party committee right after its place (深圳|市委, 海淀区|委), unless a longer body goes on from it
    (广西|区委|党校, 荆州|市委|机构编制|委员会)."""
    end = place.end
    head = words[end] if end < len(words) else ""
    # 深圳|市委, or 海淀区|委 when the segmenter keeps the division's last character with its name
    committee = Run(place.start, end + 1, "ORG") if head in rules.committee_heads or (head == "委" and words[end - 1][-1] + head in rules.committee_heads) else None
    if committee is not None and end + 1 < len(words) and head + words[end + 1] in rules.committee_heads:
        committee = Run(place.start, end + 2, "ORG")  # 本溪市|人大|常委会, 海淀区|纪委|监委: the longer name
    if committee is not None and place.start > 0 and words[place.start - 1] in rules.party_names and _text(words, committee).endswith(rules.party_bodies):
        committee = Run(place.start - 1, committee.end, "ORG")  # 中共|杭州|市委: the committee's full name
    for k in range(end, min(end + _MAX_BODY_WORDS + 1, len(words))):
        word = words[k]
        if int(words.tags[k]) not in _BODY_PART_TAGS or not _han(word):
            return committee
        if word.endswith(rules.body_heads) and (k > end or (len(word) >= 3 and word[0] != "分")):
            return Run(place.start, k + 1, "ORG")
    return committee


def _listed_apart(words: TokenTexts, run: Run, rules: EntityRules) -> list[Run]:
    """A run cut between two listed places side by side (约旦+中国问题专家, 北京+上海), which
    name two places, and between a place and the same word again (衡阳+衡阳); a division stays with the
    place before it (湖南+衡阳, 安阳市+安阳县, 衡阳+衡阳县)."""
    pieces = [Run(run.start, run.start + 1, run.label)]
    for i in range(run.start + 1, run.end):
        if (words[i] in rules.places and words[i - 1] in rules.places) or words[i] == words[i - 1]:
            pieces.append(Run(i, i + 1, run.label))
        else:
            pieces[-1].end = i + 1
    return pieces


def _named_again(words: TokenTexts, people: list[Run]) -> list[Run]:
    """The same names elsewhere in the document where the segmenter read them otherwise: 马克|龙总统
    after 法国总统马克龙, 李家|超 after 行政长官李家超. Only names of three or more characters, and
    only where the name's edges are token edges (not 王小明 inside 王小明星)."""
    names = {name for name in map(lambda r: _text(words, r), people) if len(name) >= 3}
    found = {(r.start, r.end) for r in people}
    out = []
    for name in names:
        at = words.text.find(name)
        while at >= 0:
            tokens = words.tokens_of(at, at + len(name))
            if tokens is not None and (tokens.start, tokens.stop) not in found:
                out.append(Run(tokens.start, tokens.stop, "PERSON"))
            at = words.text.find(name, at + len(name))
    return out


def _without_cut_names(words: TokenTexts, runs: list[Run]) -> list[Run]:
    """Persons less those the segmenter cut short: 孙贵 where the text goes on 树 and the
    document names 孙贵树 elsewhere (老书记孙贵|树任 beside 孙贵树说). The token holding the rest
    of the name also holds the next word, so the name cannot be a span there."""
    longer: dict[str, set[str]] = {}  # a name's prefixes -> the rest of the longer names
    for name in {_text(words, r) for r in runs}:
        for k in range(2, len(name)):
            longer.setdefault(name[:k], set()).add(name[k:])
    out = []
    for r in runs:
        rests, end = longer.get(_text(words, r), ()), words.end_of(r.end - 1)
        if not any(words.text.startswith(rest, end) for rest in rests):
            out.append(r)
    return out


def institution_spans(doc: Doc, table: Institutions, words: TokenTexts) -> list[Span]:
    """A span per institution name that starts and ends on token edges, ``kb_id_`` = full name."""
    out = []
    for m in table.find(words.text, edges=lambda a, b: words.tokens_of(a, b) is not None):
        tokens = words.tokens_of(m.start, m.end)
        out.append(Span(doc, tokens.start, tokens.stop, label=m.institution.label, kb_id=m.institution.name))
    return out


_EDITION_NOTE = re.compile(r"[（(][^（）()]{1,12}[）)]$")  # （2023年修订）, （试行）


def titled_works(doc: Doc, words: TokenTexts, rules: EntityRules) -> list[Span]:
    """A span per name in title marks on token edges (《中国共产党纪律处分条例》 without its marks): LAW when it
    names a document by its last word (before an edition's note: 条例（2023年修订）), else WORK_OF_ART."""
    text = words.text
    if "《" not in text:
        return []
    out: list[Span] = []
    documents: list[str] = []  # the documents named so far, in full
    for m in rules.titled_work.finditer(text):
        tokens = words.tokens_of(m.start(1), m.end(1))
        if tokens is None:
            continue
        name = _EDITION_NOTE.sub("", m.group(1))
        if not name.endswith(rules.document_ends):
            out.append(Span(doc, tokens.start, tokens.stop, label="WORK_OF_ART"))
            continue
        kind = next(end for end in rules.document_ends if name.endswith(end))
        if name == kind or name in rules.document_shorts:  # 《规定》, 《暂行规定》: the last such document named in full
            full = next((d for d in reversed(documents) if d.endswith(name) and d != name), "")
        else:
            full = ""
            documents.append(name)
        out.append(Span(doc, tokens.start, tokens.stop, label="LAW", kb_id=full))
    return out


def entity_spans(
    doc: Doc, table: Institutions, tag_labels: dict[str, str], rules: EntityRules, is_word: Callable[[str], bool] = no_words
) -> list[Span]:
    """Institutions first, then the names the structure credits (a byline's, a list of members'), then tag-based
    entities that overlap none of them; sorted, never overlapping."""
    words = TokenTexts(doc)
    works = titled_works(doc, words, rules)
    spans = institution_spans(doc, table, words)
    if works:
        inside = [False] * (len(doc) + 1)
        for s in works:
            inside[s.start : s.end] = [True] * (s.end - s.start)
        spans = [s for s in spans if not any(inside[s.start : s.end])] + works  # (监察法's 中华人民共和国 is no place)
    if tag_labels:
        taken = [False] * (len(doc) + 1)  # tokens covered by a title, an institution or a credited name
        for s in spans:
            taken[s.start : s.end] = [True] * (s.end - s.start)
        if "PERSON" in tag_labels.values():  # (刘国中 of a list: not jieba's 刘国|中)
            for s in _byline_names(doc):
                if not any(taken[s.start : s.end]):
                    spans.append(s)
                    taken[s.start : s.end] = [True] * (s.end - s.start)
        labels = token_labels(doc, words, tag_labels, rules, is_word)
        if "GPE" in tag_labels.values():
            labels = place_labels(words, labels, rules)
        known = frozenset(_vouched_names(doc))
        party = {s.start: s for s in spans if s.text in rules.party_names}
        before = {s.end: s for s in party.values()}
        for run in checked_runs(words, label_runs(labels), rules, is_word, known):
            lead = party.get(run.start)
            if lead is None and run.label == "ORG" and (lead := before.get(run.start)) is not None:
                if _text(words, run).endswith(rules.party_bodies):
                    run = Run(lead.start, run.end, run.label, run.kb_id)  # 中共|杭州市委 (one word)
                else:
                    lead = None
            if lead is not None and run.end > lead.end and not any(taken[lead.end : run.end]):
                spans.remove(lead)  # 中共|深圳|市委: the Party's name opens its committee's full name
            elif any(taken[run.start : run.end]):
                continue
            spans.append(Span(doc, run.start, run.end, label=run.label, kb_id=run.kb_id))
    spans = local_bodies(doc, words, spans, rules)
    if any(s.label_ == "PERSON" for s in spans):
        spans = listed_names(doc, words, spans, rules)
    return sorted(spans, key=lambda s: s.start)


# the items after a list's first (the first, the Han characters right before: a search that opens with 、 is quick)
_NAME_LIST = re.compile(r"、[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})+(?=等|和|及|[，。；：,;:\s]|$)")
_HAN_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,4}$")


def listed_names(doc: Doc, words: TokenTexts, spans: list[Span], rules: EntityRules) -> list[Span]:
    """``spans`` with the names of a list of people that the segmenter cut otherwise (郭怡|孮, 李前|宽, 程|大利):
    in a list of three or more (、 between), at least half of whose items are names found, an item shaped like a
    name on token edges that overlaps no other entity is a person too (…郭怡孮、李前宽、刘梦溪、陈祖武…等10位馆员)."""
    lists = list(_NAME_LIST.finditer(words.text))
    if not lists:
        return spans
    people = {(s.start_char, s.end_char) for s in spans if s.label_ == "PERSON"}
    taken = [False] * (len(words.text) + 1)
    for s in spans:
        taken[s.start_char : s.end_char] = [True] * (s.end_char - s.start_char)
    added: list[Span] = []
    for m in lists:
        head = _HAN_BEFORE.search(words.text, max(0, m.start() - 4), m.start())
        items, at = [head.span()] if head else [], m.start() + 1
        for item in m.group()[1:].split("、"):
            items.append((at, at + len(item)))
            at += len(item) + 1
        if len(items) < 3:
            continue
        first = items[0]  # (有|习近平: the name the first item ends with; 中央文史研究馆|郭怡孮: what follows a body's name)
        if (name := next((p for p in people if p[1] == first[1] and first[0] <= p[0]), None)) is not None:
            items[0] = name
        else:
            items[0] = (max((k + 1 for k in range(first[0], first[1]) if taken[k]), default=first[0]), first[1])
        named = sum(item in people for item in items)
        if named < 2 or 2 * named < len(items):
            continue
        for start, end in items:
            if (start, end) in people or any(taken[start:end]) or not rules.person_shape(words.text[start:end]):
                continue
            tokens = words.tokens_of(start, end)
            if tokens is not None:
                added.append(Span(doc, tokens.start, tokens.stop, label="PERSON"))
    return spans + added if added else spans


def local_bodies(doc: Doc, words: TokenTexts, spans: list[Span], rules: EntityRules) -> list[Span]:
    """``spans`` with the bodies of local Party committees and governments named by their level (市委|组织部, 区|人社局,
    省委|全面深化改革委员会): one ORG each, from the place before them when a place or its committee ends where the level
    does (杭州市委|组织部, 苏州市|教育局); what they overlap (财政厅 of 省|财政厅, 杭州市委) is part of them. A name
    that cuts a token (全市|教育局) or a person's name is none."""
    found = [(m.start(), m.end()) for m in rules.local_bodies.finditer(words.text)]
    if not found:
        return spans
    by_end = {s.end_char: s for s in spans if s.label_ in ("GPE", "ORG")}
    for start, end in found:
        first = words.index_at(start)
        head = words.start_of(first)
        if head != start:  # 杭州市委|组织部, 苏州市|教育局: the level inside the word of its place
            lead = by_end.get(words.end_of(first))
            if lead is None or lead.start_char > head:
                continue
            head = lead.start_char  # (中共杭州市委|组织部)
        elif (lead := by_end.get(start)) is not None:
            head = lead.start_char  # 杭州|市委组织部: the place before the level's word
        tokens = words.tokens_of(head, end)
        if tokens is None:
            continue
        over = [s for s in spans if s.start < tokens.stop and tokens.start < s.end]
        if any(s.label_ == "PERSON" or s.start < tokens.start or s.end > tokens.stop for s in over):
            continue  # (a name, or a longer body that holds it: 中共杭州市委组织部 read otherwise)
        spans = [s for s in spans if s not in over] + [Span(doc, tokens.start, tokens.stop, label="ORG")]
    return spans


def _byline_names(doc: Doc) -> Iterable[Span]:
    """PERSON spans over the names bylines credit (the structure found them), whatever the segmenter made of
    them (禹|爱华), a two-character name set apart to line up with longer ones as written (本报记者 龙 军):
    ``kb_id_`` is then the name without the space (龙军)."""
    for start, end, name in doc.user_data.get(CREDITED_KEY, ()):
        span = doc.char_span(start, end, label="PERSON", kb_id=name if end - start != len(name) else "")
        if span is not None:
            yield span


def _vouched_names(doc: Doc) -> Iterable[str]:
    """Names the structure (which ran first) found in the places of people: a byline's, and the speakers
    who open a question or an answer (李强：一是…)."""
    yield from (name for _, _, name in doc.user_data.get(CREDITED_KEY, ()))
    for b in structure_spans(doc, "QUESTION", "ANSWER"):
        if b._.marker:
            yield speaker_name(b._.marker)


def place_labels(words: TokenTexts, labels: dict[int, str], rules: EntityRules) -> dict[int, str]:
    """``labels`` with the listed countries and cities and the divisions the gazetteer finds, whatever their tags.

    An official name that names one division (宁德市, 正定县) is a place on token edges;
    and a division right after a place that holds it joins that place (福建+宁德,
    河北+正定), where the segmenter may have read a name (宁德 nr) or an adverb (正定 d).
    """
    labels, gazetteer = dict(labels), rules.gazetteer
    for i in rules.listed_places(words.orths):
        if labels.get(i) != "ORG":
            labels[i] = "GPE"  # 首尔 (d), 平壤 (n): a listed country or city, whatever its tag
    for start, end, name in gazetteer.find_names(words.text):
        tokens = words.tokens_of(start, end)
        if tokens is not None and not rules.generic_place(name):
            labels.update(dict.fromkeys(tokens, "GPE"))
    for m in rules.regions.finditer(words.text):
        tokens = words.tokens_of(*m.span())
        if tokens is None or _named_after(words, tokens, labels, rules):
            continue
        if all(labels.get(i) != "ORG" for i in tokens):
            labels.update(dict.fromkeys(tokens, rules.places[m.group()]))  # LOC: a run of its own beside a division (河南省|黄河流域)
    for run in label_runs(labels):
        if run.label != "GPE" or run.end == len(words) or labels.get(run.end) == "GPE" or words[run.end] not in gazetteer:
            continue  # the common case: nothing after the place that could be a division in it
        place, end = gazetteer.resolve(words.span(run.start, run.end)), run.end
        while place is not None and end < len(words) and labels.get(end) != "GPE":
            place = gazetteer.inside(words[end], place)
            if place is not None:
                labels[end] = "GPE"
                end += 1
    return labels


def _named_after(words: TokenTexts, tokens: range, labels: dict[int, str], rules: EntityRules) -> bool:
    """Is a region's name a person's given name after a surname (姜|东海, 李|南海) or, for a sea, a river, a
    mountain after a place, a part of a body's name (青岛|东海|药业集团: a head in the next two words; not
    推动|长江经济带|发展座谈会, nor 河北|雄安新区|规划展示中心, a division)?"""
    k = tokens.start - 1
    if k < 0:
        return False
    if len(words[k]) == 1 and words[k] in rules.surnames and int(words.tags[k]) in rules.surname_tags and not (k and words[k - 1][-1:].isdigit()):
        return True  # (向|南海 is no name: 向 is tagged p; nor 800|米|长江: 米 measures)
    after = "".join(words[j] for j in range(tokens.stop, min(tokens.stop + 2, len(words))))
    named = "".join(words[j] for j in tokens)
    return rules.places.get(named) == "LOC" and labels.get(k) == "GPE" and any(rules.organization(after[:n]) for n in range(2, len(after) + 1))


_OPEN_QUOTES, _CLOSE_QUOTES = "“「『\"", "”」』\""


_TITLE_CHAIN = re.compile(r"[\u4e00-\u9fff、·]{2,40}")


def _titled_after(doc: Doc, text: str, at: int, person: Span, rules: EntityRules) -> bool:
    """Do only who they are, ending with a title, stand between ``at`` and ``person`` (“…”全国人大代表、
    江苏省南京市市长|陈之常说; not “…”他对|李强说)?"""
    return bool(_TITLE_CHAIN.fullmatch(text, at, person.start_char)) and person.start > 0 and rules.is_title(doc[person.start - 1].text, before=True)


def person_titles(doc: Doc, rules: EntityRules) -> dict[tuple[int, int], str]:
    """The office of each person named right after it, by the name's offsets (国家统计局局长|康义: 国家统计局局长;
    省委副书记、省政府党组书记|毛伟明): the nouns right before the name, back to a verb, a mark of the clause or the
    name before, ending with a title (not 专访了|, not 黄兰香、|王少峰)."""
    out: dict[tuple[int, int], str] = {}
    text, floor = doc_text(doc), 0
    for e in doc.ents:
        if e.label_ != "PERSON":
            continue
        i = e.start
        if i > 1 and doc[i - 1].is_space and "\n" not in doc[i - 1].text and doc[i - 1].idx >= floor:
            i -= 1  # 新闻发言人 寿小丽: a space on its line between the office and the name
        start = i
        while i > 0 and doc[i - 1].idx >= floor and _in_office(doc, i - 1, rules):
            i -= 1
        if i == start:
            i = e.start
        while i < e.start and (doc[i].text in rules.title_joiners or doc[i].text in rules.title_conjunctions):
            i += 1  # (、王少峰: a list of names, no office; 李强|和|市长王明: the office is 市长)
        title = text[doc[i].idx : e.start_char].rstrip() if i < e.start else ""
        title = title[len(starts_with(title, rules.title_not_leads) or "") :]  # 左为|北京市委书记刘淇: a caption's pointer
        if not title.endswith(rules.titles) and e.start > 0 and doc[e.start - 1].text in rules.appointment_verbs:
            title = _appointed_office(text, e.end_char)  # 任命张伟为|国家发展和改革委员会副主任
        if title and len(title) <= rules.max_title_chars and title.endswith(rules.titles):
            out[(e.start_char, e.end_char)] = title
        floor = e.end_char
    return out


_APPOINTED = re.compile(r"(?:[（(][男女][）)])?(?:为|担任|的)([^，。；、,;：:\n（(“”]{2,40}?)(?:职务)?(?=[，。；、,;\n]|$)")


def _appointed_office(text: str, end: int) -> str:
    """The office a personnel notice names after a person (任命张伟为|国家发展和改革委员会副主任; 免去赵敏（女）的|水利部
    副部长|职务), or ""."""
    m = _APPOINTED.match(text, end)
    return m.group(1) if m else ""


def _in_office(doc: Doc, i: int, rules: EntityRules) -> bool:
    """May token ``i`` be a word of an office before a name: a noun or a word that qualifies one (省委|副|书记), a
    verbal noun (汽车|租赁|…有限公司), an ordinal (第四|附属医院), 、 between offices, or a conjunction between
    nouns (非公企业|和|社会组织|工委书记)?"""
    token = doc[i]
    tag, word = token.tag_, token.text
    if tag[:1] in rules.title_tags or tag in rules.title_extra_tags or word in rules.title_joiners:
        return True
    if tag == "m":
        return word.startswith("第")
    return word in rules.title_conjunctions and i > 0 and doc[i - 1].tag_[:1] == "n" and not doc[i - 1].tag_.startswith("nr")


def quotation_speakers(doc: Doc, rules: EntityRules) -> None:
    """``span._.speaker`` of each QUOTATION in ``doc.spans["structure"]``: the person named right before it
    with a verb of saying (习近平强调：“…”, 李强在会上指出，“…”) or right after it (“…”，李强说), as
    ``{"start", "end", "name"}``, else None (他说：“…”: a pronoun names no one here)."""
    quotes = structure_spans(doc, "QUOTATION")
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    if not quotes or not people:
        return
    text = doc_text(doc)
    ends = [p.end_char for p in people]
    starts = [p.start_char for p in people]
    lead = rules.quote_lead
    before = None  # the quotation before, and its speaker
    for q in quotes:
        speaker = None
        open_at = q.start_char - 1 if q.start_char and text[q.start_char - 1] in _OPEN_QUOTES else q.start_char
        k = bisect_left(ends, open_at + 1) - 1  # the last person ending before the opening quote
        if k >= 0 and lead.fullmatch(text, ends[k], open_at):
            speaker = people[k]
        else:
            close = q.end_char + 1 if q.end_char < len(text) and text[q.end_char] in _CLOSE_QUOTES else q.end_char
            at = rules.quote_tail.match(text, close).end()
            k = bisect_left(starts, at)
            if k < len(people) and (starts[k] == at or _titled_after(doc, text, at, people[k], rules)) and rules.quote_verb_after.match(text, people[k].end_char):
                speaker = people[k]
        said = None if speaker is None else {"start": speaker.start_char, "end": speaker.end_char, "name": text[speaker.start_char : speaker.end_char]}
        if said is None and before is not None and _goes_on(text, before[0], open_at):
            said = before[1]  # “…。\n“…。”: a quotation of several paragraphs is all the first one's speaker's
        q._.speaker = said
        before = (q, said)


def _goes_on(text: str, quote: Span, open_at: int) -> bool:
    """Does a quotation opening at ``open_at`` at the start of a paragraph go on from ``quote``, which ends its
    own paragraph with no closing mark?"""
    end = quote.end_char
    return (
        end < open_at
        and text[end] not in _CLOSE_QUOTES
        and not text[end:open_at].strip()
        and "\n" in text[end:open_at]
        and text[open_at : open_at + 1] in _OPEN_QUOTES
    )


class EntitiesComponent(Batched):
    """Sets ``doc.ents`` from the institutions list and the segmenter's name tags.

    Args:
        nlp: The pipeline.
        name: The component's name in the pipeline.
        extra_institutions: Institutions TSV files whose rows are added to the packaged list.
        tag_labels: jieba tag -> entity label (spaCy merges a given mapping into the default one).
        use_tags: False keeps only the institutions (tag-based entities off).
    """

    def __init__(
        self, nlp: Language, name: str, *, extra_institutions: Iterable[str], tag_labels: dict[str, str], use_tags: bool
    ) -> None:
        register_extensions()
        self.name = name
        self.tag_labels = {tag: label for tag, label in tag_labels.items() if label} if use_tags else {}
        self.rules = entity_rules()
        self.institutions = Institutions.default(list(extra_institutions))
        self.is_word = word_test(nlp)

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = entity_spans(doc, self.institutions, self.tag_labels, self.rules, self.is_word)
        quotation_speakers(doc, self.rules)
        doc.user_data[TITLES_KEY] = person_titles(doc, self.rules)  # plain data: a Doc still serialises
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the institutions in use, so a saved pipeline carries a user's rows."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "institutions.tsv").write_text(self.institutions.to_tsv(), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "EntitiesComponent":
        """Restore the institutions saved by :meth:`to_disk`."""
        table = Path(path) / "institutions.tsv"
        if table.exists():
            self.institutions = Institutions(parse_institutions(table.read_text(encoding="utf-8"), name=str(table)))
        return self


@Language.factory(
    "tifa_entities",
    assigns=["doc.ents"],
    default_config={"extra_institutions": [], "tag_labels": DEFAULT_TAG_LABELS, "use_tags": True},
)
def make_entities(
    nlp: Language, name: str, extra_institutions: list[str], tag_labels: dict[str, str], use_tags: bool
) -> EntitiesComponent:
    """Registered factory for the entities component."""
    return EntitiesComponent(nlp, name, extra_institutions=extra_institutions, tag_labels=tag_labels, use_tags=use_tags)

