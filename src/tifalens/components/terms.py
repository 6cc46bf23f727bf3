"""Known tifa: every lexicon formula the segmenter kept whole, as spans in ``doc.spans["tifa"]``.

The segmenter (:mod:`tifalens.segmenter`) decides where a formula is really a
word (四必 in 落实“四必”核查, not in 四必须); this component reads that decision
off the tokens, so the two can never disagree.
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..tables import alternation, longest_first, starts_with, table
from ..batching import Batched
from ..extensions import LEXICON_KEY, doc_text, register_extensions
from ..lexicon import Lexicon, Match
from ..numbers import CN_NUMERAL_CHARS, parse_number
from ..segmenter import CLOSE_QUOTES, OPEN_QUOTES, edge_tag_test, frequency_test, idiom_test, no_tags, no_words, word_test
from .structure import JOINERS, masked_enclosures, set_aside, structure_spans


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is ``[start, end)`` within one of the sorted, disjoint ``ranges``?"""
    k = bisect.bisect_right(ranges, (start, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= start and end <= ranges[k][1]


_ORG = get_string_id("ORG")


def _in_a_name(doc: Doc, token) -> bool:
    """Is ``token`` part of a longer organisation's name (全面深化改革 in 中央|全面深化改革|委员会)?"""
    if token.ent_type != _ORG:
        return False
    return token.ent_iob_ == "I" or (token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I")


def article_index(doc: Doc) -> tuple[list[int], list[int]]:
    """Start offsets and indices of the ARTICLE spans, for bisecting a position to its article."""
    arts = sorted((s.start_char, s._.article) for s in structure_spans(doc, "ARTICLE"))
    return [a for a, _ in arts], [i for _, i in arts]


def article_at(index: tuple[list[int], list[int]], pos: int) -> int | None:
    starts, ids = index
    k = bisect.bisect_right(starts, pos) - 1
    return ids[k] if k >= 0 else None


@dataclass(frozen=True)
class Candidate:
    """An unseen numbered formula found by shape, with the evidence for it."""

    start: int
    end: int
    text: str
    evidence: tuple[str, ...]
    confidence: float


_NUMERALS = "一二两三四五六七八九十百"
_NUMBERED = re.compile(rf"([{_NUMERALS}]+)([个项条面点大种类只件]?)([\u4e00-\u9fff]{{1,6}})")  # 三|面|红旗


@lru_cache(maxsize=1)
def _formula_rules() -> dict:
    return table("formulas")


class FormulaFinder:
    """Finds numbered formulas the lexicon does not know (三上三下, 两不愁三保障, “双高”, “1+N”).

    Evidence and its weight come from ``data/formulas.json``: ``quoted`` (a short
    quoted phrase opening with a numeral or 双), ``paired`` (two to four
    numeral+head groups with heads of equal length: 三去一降一补), ``numbered``
    (numeral + classifier + head: 四个不摘), ``repeated`` (seen more than once).
    Ordinary quantities (38个选举单位, 三分之一, 2296名, 十九大) never qualify:
    Arabic digits, fractions and ordinary heads rule a candidate out, and a
    dictionary idiom (一心一意) is a word, not a formula.

    >>> finder = FormulaFinder()
    >>> [(c.text, c.evidence) for c in finder.find("实现“两不愁三保障”。")]
    [('两不愁三保障', ('quoted', 'paired'))]
    """

    def __init__(
        self,
        *,
        is_word: Callable[[str], bool] | None = None,
        is_idiom: Callable[[str], bool] | None = None,
        frequency: Callable[[str], int] | None = None,
    ) -> None:
        rules = _formula_rules()
        n = re.escape(rules["numerals"])
        han = rf"(?:(?![{n}])[\u4e00-\u9fff])"
        # The leading lookahead lets the regex engine skip positions without a numeral at once.
        self._paired = [re.compile(rf"(?=[{n}])(?<![{n}\d])(?:[{n}]{han}{{{k}}}){{2,4}}") for k in (2, 1)]
        self._numbered = re.compile(rf"^[{n}]{{1,3}}[{re.escape(rules['classifiers'])}]{han}{{1,4}}$")
        q = self._quoted_max = rules["quoted_max_chars"]
        self._quoted = re.compile(rf"[“\"‘「『]([{n}][^“”\"‘’「」『』\n\d，,。]{{1,{q - 1}}})[”\"’」』]")
        # “两个确保、三个提升、两个强化”: numbered formulas listed in one pair of quotation marks, too long to be one
        # name, each quoted
        item = rf"[{n}][^“”\"‘’「」『』\n\d，,。、]{{1,{q - 1}}}"
        self._quoted_list = re.compile(rf"[“\"‘「『]({item}(?:、{item})+)[”\"’」』]")
        # “1+N”, “1+X”, “3+2”: a quoted sum of numbers and letters names a policy set, not a quantity
        self._plus = re.compile(r"[“\"‘「『]((?:\d{1,2}|[A-Z])(?:\s*[+＋]\s*(?:\d{1,2}|[A-Za-z]))+)[”\"’」』]")
        self._ordinary = tuple(rules["ordinary_heads"])
        self._place_heads = frozenset(rules["place_heads"])
        self._stock = frozenset(rules["stock_phrases"])
        self._word_starts = tuple(rules["word_starts"])
        units = alternation(rules["quantity_units"])
        self._quantity = re.compile(rf"([{CN_NUMERAL_CHARS}]+?)(?:{units})")
        self._weights = rules["weights"]
        self._threshold = rules["report_threshold"]
        self._numerals = set(rules["numerals"])
        self._classifiers = set(rules["classifiers"])
        self._non_head = set(rules["non_head_chars"])
        self._is_word = is_word or no_words
        self._is_idiom = is_idiom or no_words
        self._frequency = frequency or (lambda _text: 0)
        self._common_frequency = rules["common_word_frequency"]

    def _ordinary_quantity(self, text: str, *, quoted: bool) -> bool:
        # A dictionary word unquoted is an idiom (一心一意); quotation marks make it a term.
        quantity = self._quantity.fullmatch(text)
        return (
            text in self._stock
            or "分之" in text
            or any(text.endswith(h) and not self._head_in_word(text, h, quoted=quoted) for h in self._ordinary)
            or (quantity is not None and parse_number(quantity.group(1)) is not None)  # “五百亩”
            or (not quoted and self._is_word(text))
        )

    def _head_in_word(self, text: str, head: str, *, quoted: bool = False) -> bool:
        """Is a one-character ordinary head the end of a word instead (位 of 到位 in “三个到位”; not 三位,
        两个多月, 一家人)? Quoted, a place's head after a word the dictionary lacks will do (省 of 强省 in “六大强省”)."""
        if len(head) != 1 or len(text) < 3:
            return False
        before = text[-2]
        return (
            before not in self._numerals
            and before not in self._classifiers
            and before not in self._ordinary  # 一家人: 家 is a measure word there
            and before not in "多余几来"
            and ((quoted and head in self._place_heads) or self._is_word(text[-2:]))
        )

    def _opens_paired(self, text: str) -> bool:
        """Does ``text`` open with numbered groups that pair (一点一线 of 一点一线多馆)?"""
        for k, rx in enumerate(self._paired):
            m = rx.match(text)
            if m and self._paired_heads_ok(m.group(0), 2 - k):
                return True
        return False

    def _paired_heads_ok(self, text: str, k: int) -> bool:
        groups = [text[i : i + k + 1] for i in range(0, len(text), k + 1)]
        heads = [g[1:] for g in groups]
        return (
            len(set(groups)) == len(groups)
            and not any(h in self._ordinary or set(h) & self._non_head for h in heads)
            and not all(self._is_word(g) for g in groups)  # 两岸双方 is two words, not a formula
        )

    def find(self, text: str, *, known: Callable[[str], bool] = lambda _s: False) -> list[Candidate]:
        """Candidates at or above the report threshold, leftmost first, never overlapping."""
        found: dict[tuple[int, int], set[str]] = {}
        for rx in (self._quoted, self._plus):
            for m in rx.finditer(text):
                found.setdefault(m.span(1), set()).add("quoted")
        for m in self._quoted_list.finditer(text):
            items = m.group(1).split("、")
            if len(m.group(1)) < self._quoted_max or not all(self._numbered.match(item) for item in items):
                continue  # (“三亮、三比、三评” is one name, quoted whole; “一次登岛、两次回信” lists no formulas)
            start = m.start(1)
            for item in items:
                found.setdefault((start, start + len(item)), set()).add("quoted")
                start += len(item) + 1
        for k, rx in enumerate(self._paired):
            width = 2 - k
            for m in rx.finditer(text):
                if self._paired_heads_ok(m.group(0), width):
                    found.setdefault(m.span(), set()).add("paired")
        spans = {}
        for (a, b), ev in found.items():
            s = text[a:b]
            if known(s) or self._ordinary_quantity(s, quoted="quoted" in ev):
                continue
            if any(rx.fullmatch(s) for rx in self._paired):
                ev = ev | {"paired"}
            if self._numbered.match(s):
                ev = ev | {"numbered"}
            if s.startswith(self._word_starts) and not self._opens_paired(s):
                continue  # “十分渺茫”, 双方就…: an everyday word, not a numeral (一点一线多馆 opens a pair: kept)
            spans[(a, b)] = ev
        counts = Counter(text[a:b] for a, b in spans)
        out: list[Candidate] = []
        for (a, b), ev in sorted(spans.items()):
            s = text[a:b]
            if counts[s] > 1:
                ev = ev | {"repeated"}
            if self._is_idiom(s):
                ev = ev | {"idiom"}  # “百花齐放”, “一潭死水”: quoted for emphasis, an idiom all the same
            elif self._frequency(s) >= self._common_frequency:
                ev = ev | {"common"}  # “两个”作用, “百科全书”, “五四运动”: an everyday word, quoted or not
            score = round(min(1.0, sum(self._weights[e] for e in ev)), 2)
            if score < self._threshold or (out and a < out[-1].end):
                continue
            order = ("quoted", "paired", "numbered", "repeated", "idiom", "common")
            out.append(Candidate(a, b, s, tuple(e for e in order if e in ev), round(score, 2)))
        return out


def _unquoted(item: str) -> str:
    """An item without the quotes around it (“丝绸之路经济带”: 丝绸之路经济带)."""
    return item[1:-1] if len(item) > 2 and item[0] in "“‘" and item[-1] in "”’" else item


class GlossReader:
    """Reads the gloss a text gives a formula right after it (``data/formulas.json``, ``gloss``).

    A gloss is plain data (so that a Doc holding it still serialises): ``{"start", "end", "items"}``,
    the offsets of the gloss in the text and the items it lists.

    >>> text = "增强“四个意识”，即政治意识、大局意识、核心意识和看齐意识。"
    >>> g = GlossReader().read(text, text.index("”"), "四个意识")  # (the pipeline's reader knows the words)
    >>> text[g["start"] : g["end"]], g["items"]
    ('政治意识、大局意识、核心意识和看齐意识', ['政治意识', '大局意识', '核心意识', '看齐意识'])
    """

    def __init__(self, *, is_word: Callable[[str], bool] | None = None, edge_tags: Callable[[str], tuple[str, str]] = no_tags) -> None:
        rules = _formula_rules()
        g = rules["gloss"]
        self._is_word = is_word or no_words
        self._edge_tags = edge_tags
        self._brackets: dict[str, str] = g["brackets"]
        self._bracket_leads = longest_first(g["bracket_leads"])
        self._openers = longest_first([*g["explicit_openers"], *g["plain_openers"]])
        self._explicit = frozenset(g["explicit_openers"])
        self._comma_leads = longest_first(w for w in g["explicit_openers"] if w[0] in "，,")  # (after the formula's noun)
        self._end = re.compile(rf"[{re.escape(g['ends'])}]")
        ranks = g["separator_ranks"]
        self._splits = []
        for chars in g["separators"]:
            stronger = ranks[max(map(ranks.index, chars)) + 1 :]
            self._splits.append((re.compile(rf"[{re.escape(chars)}]"), re.compile(rf"[{re.escape(stronger)}]") if stronger else None))
        self._any_separator = re.compile(rf"[{re.escape(ranks)}]")
        self._colon = re.compile("[：:]")
        self._bracket_rx = re.compile(f"[{re.escape(''.join(self._brackets) + ''.join(self._brackets.values()))}]")
        self._trailing = g["trailing"]
        self._max_chars = g["max_chars"]
        self._max_items = g["max_items"]
        self._max_short = g["max_short_item_chars"]
        self._max_parallel = g["max_parallel_item_chars"]
        self._numeral_rx = re.compile(rf"[{re.escape(rules['numerals'])}]")
        self._tally = re.compile(rf"(?:等|这)[{re.escape(rules['numerals'])}\d]")
        self._non_head = set(rules["non_head_chars"])
        self._head = re.compile(rf"[\u4e00-\u9fff]{{0,{g['max_head_chars']}}}")
        self._before_leads = longest_first(g["before_leads"])
        self._before_opening = g["before_opening"]
        self._before_brackets = g["before_brackets"]
        self._before_ends = g["before_ends"]

    def _unclosed(self, text: str, start: int, end: int) -> int:
        """``end``, or the first closing bracket before it that opens nowhere after ``start`` (“七中心”即…、
        志愿服务中心）: the gloss was inside brackets)."""
        depth = 0
        for m in self._bracket_rx.finditer(text, start, end):
            if m.group(0) in self._brackets:
                depth += 1
            elif depth:
                depth -= 1
            else:
                return m.start()
        return end

    def expected(self, formula: str) -> list[int]:
        """How many items a gloss of ``formula`` may list: all its numerals together, else its first
        (三去一降一补 and 两不愁三保障: 5; 五位一体: 5); a numeral inside a word (一 of 统一, 一刻钟, 一体)
        or at the end (三个一: 3) leads no group; none for a formula with no numeral."""
        formula = formula.replace("双", "两")
        values = []
        for m in self._numeral_rx.finditer(formula):
            k = m.start()
            if values and k == len(formula) - 1:
                continue  # 四个一, 三个一: a numeral that ends the formula is what each group is, not a group
            if values and (self._is_word(formula[k - 1 : k + 1]) or any(self._is_word(formula[k : k + n]) for n in (2, 3) if k + n <= len(formula))):
                continue
            if (v := parse_number(m.group(0))) is not None:
                values.append(int(v))
        counts = [sum(values), values[0]] if values else []
        return [n for k, n in enumerate(counts) if 2 <= n <= self._max_items and n not in counts[:k]]

    def read(self, text: str, pos: int, formula: str) -> dict | None:
        """The gloss of ``formula`` starting at ``pos`` (after the formula and its closing quote), or None."""
        if pos < len(text) and text[pos] in "”’\"」』":
            pos += 1
        head = self._head.match(text, pos)  # “两统一”职责（即…）: the bracket glosses the formula and its noun
        if head.end() > pos and text[pos] in self._non_head:
            head = self._head.match(text, pos, pos)  # “三不变”为载体（…）: no noun of the formula's
        close = self._brackets.get(text[head.end() : head.end() + 1])
        if close:
            start = head.end() + 1
            end = text.find(close, start, start + self._max_chars)
            start += len(starts_with(text[start : start + 4], self._bracket_leads) or "")
            explicit = True
        else:
            opener = starts_with(text[pos : pos + 4], self._openers)
            if not opener and head.end() > pos and text[pos] not in self._non_head:  # “三个一”工程，即…: an explicit lead,
                # after a comma, after the formula's noun (not 两委干部非亲即友, not “三不变”为载体，即…)
                opener = starts_with(text[head.end() : head.end() + 4], self._comma_leads)
                pos = head.end() if opener else pos
            if not opener:
                return None
            explicit = opener in self._explicit
            start = pos + len(opener)
            m = self._end.search(text, start, start + self._max_chars)
            end = self._unclosed(text, start, m.start()) if m else -1
        if end <= start:
            return None
        colon = self._colon.search(text, start, end)
        if colon and not self._any_separator.search(text, start, colon.start()):
            start = colon.end()  # 也就是国有企业“三大基石”：党建、管理、文化
        while start < end and text[start] in " \u3000，,":
            start += 1
        if text.startswith("“", start) and (close_quote := text.find("”", start, end)) > 0:
            start, end = start + 1, close_quote  # “党组织带党员创效、党员带群众创新”，是…: the quoted list
        body = text[start:end].rstrip(self._trailing + "”’")
        if not body or formula in body or "》" in body.split("《")[0]:
            return None  # a formula explained by itself; 《共建“一带一路”：理念、实践与中国的贡献》: a title's colon
        wanted = self.expected(formula)  # (read only where something follows that may be a gloss)
        found = self._items(body, wanted, explicit) if wanted else None
        return None if found is None else {"start": start, "end": start + found[1], "items": list(found[0])}

    def read_before(self, text: str, pos: int, formula: str, *, expansion: str | None = None) -> dict | None:
        """The gloss of ``formula`` (starting at ``pos``) that comes before it and that it names or points
        back to (…，即“双建双链”; 党组织组建难、发挥作用难这“两难”; …。这“五个更”; quoted, right after the list:
        科技金融、…、数字金融“五篇大文章”, which must agree with the lexicon's ``expansion`` of it if any), or None."""
        quoted = bool(pos) and text[pos - 1] in self._before_opening
        pos -= quoted
        lead = next((w for w in self._before_leads if pos >= len(w) and text.startswith(w, pos - len(w))), None)
        bodies = None
        if lead is None and quoted and pos and text[pos - 1] not in self._before_ends:
            lead, bodies = "", [self._clause_list_before(text, pos)]  # 科技金融、…、数字金融“五篇大文章”: the list it counts
            if bodies[0][0] == pos:
                return None  # (no list in the clause)
        if lead is None:
            return None
        end = pos - len(lead)
        if end and text[end - 1] in self._before_brackets:
            end -= 1  # 群众满意率（以下简称“两力两率”）
        while end and text[end - 1] in " \u3000，,":
            end -= 1
        wanted = self.expected(formula)
        if not wanted:
            return None
        for start, stop in bodies or self._bodies_before(text, end):
            body = text[start:stop].rstrip(self._trailing)
            found = self._items_before(body, wanted, nearest=not lead) if body and formula not in body else None
            if found is not None and not lead and not self._adjacent_list(found[0], expansion):
                found = None
            if found is not None:
                items, offset = found
                return {"start": start + offset, "end": start + len(body), "items": [_unquoted(x) for x in items]}
        return None

    def _adjacent_list(self, items: tuple[str, ...], expansion: str | None) -> bool:
        """May ``items``, listed right before a quoted formula, be what it counts: three or more, all different, the
        last no verb whose object the formula is (关于…、关于打击…传播“三股势力”), and, for a formula the lexicon spells
        out, mostly words of its expansion (坚持…、坚持“一国两制”: no)?"""
        if len(set(items)) < max(3, len(items)) or self._edge_tags(items[-1])[1].startswith("v"):
            return False
        return not expansion or 2 * sum(item in expansion for item in items) >= len(items)

    def _clause_list_before(self, text: str, end: int) -> tuple[int, int]:
        """The list of the clause that ends at ``end`` (…，做好科技金融、…、数字金融|“五篇大文章”), or an empty span
        when the clause holds no 、."""
        floor = max(0, end - self._max_chars)
        start = max(text.rfind(ch, floor, end) for ch in "，,；;。：:！？!?\n") + 1 or floor
        return (start, end) if "、" in text[start:end] else (end, end)

    def _bodies_before(self, text: str, end: int) -> Iterator[tuple[int, int]]:
        """Where a list ending at ``end`` may start and end: inside the quotes that end there (王杰“在荣誉上不伸手，
        …，在物质上不伸手”，这“三不伸手”), then the clauses back to the sentence's start (past a colon that opens
        it), or, after a sentence's end, the sentence before (…。这“五个更”)."""
        if end and text[end - 1] in "”’」』":
            start = max(text.rfind(ch, max(0, end - self._max_chars), end - 1) for ch in "“‘「『")
            if start >= 0:
                yield start + 1, end - 1
        if end and text[end - 1] in self._before_ends:
            end -= 1
        start = max(max(text.rfind(ch, 0, end) for ch in self._before_ends) + 1, end - self._max_chars)
        colon = self._colon.search(text, start, end)
        if colon and not self._any_separator.search(text, start, colon.start()):
            start = colon.end()
        yield start, end

    def _items_before(self, body: str, wanted: list[int], *, nearest: bool = False) -> tuple[tuple[str, ...], int] | None:
        """The items of a list that ends ``body`` and where it starts in it: the whole body, or its last
        clauses after a stronger separator (落实…要求，着力推进核心工程、堡垒工程…). The first item loses what
        leads into the list (:meth:`_lead_cut`). The items must read as one (:meth:`_alike`; not 工作很忙，任务很重).
        With ``nearest`` the shortest such end of the body is tried first (…关于打击…传播恐怖主义、分裂主义、极端主义“三股势力”)."""
        masked = masked_enclosures(body)
        cuts = [0, *(m.end() for m in self._any_separator.finditer(masked))]
        if nearest:
            cuts.reverse()
        # all the numerals together anywhere; the first alone (双建|双链: 2) only for the whole body, so that
        # the end of a longer list is not read as a shorter one (战斗力、执行力及问题解决率、群众满意率: not 2)
        readings = [(n, cut) for n in wanted[:1] for cut in cuts] + [(n, 0) for n in wanted[1:]]
        for conjoined, (split, stronger), (n, cut) in itertools.product((False, True), self._splits, readings):
            found = self._reading(body[cut:], masked[cut:], n - conjoined, split, stronger)
            if found is None or found[1] != len(body) - cut:
                continue
            items = self._conjoined(found[0]) if conjoined else found[0]
            if items is None:
                continue
            rest = body[cut:]
            items, offset = self._lead_cut(items, cut + len(rest) - len(rest.lstrip()))  # (the first item is stripped)
            if self._alike(items) and self._even(items):
                return tuple(items), offset
        return None

    @staticmethod
    def _even(items: list[str]) -> bool:
        """Is neither end of a list much longer than the items inside it: no words leading into the first
        (15名党员取得|注册会计师、税务师、律师) or going on after the last (全员育人、全过程育人、全方位育人|综合改革试点工作)
        that the list's shape cannot cut off?"""
        return len(items[0]) <= max(map(len, items[1:])) + 2 and len(items[-1]) <= max(map(len, items[:-1])) + 2

    @staticmethod
    def _lead_cut(items: list[str], offset: int) -> tuple[list[str], int]:
        """``items`` with the first cut where the list starts, and the offset of that start: at the first
        word the others share (全党同志|务必…，务必…), at its last quote when they are quoted (提出共建|“丝绸之路经济带”
        和“…”), or to their length when they are of one length and end alike (着力推进|核心工程、堡垒工程、先锋工程)."""
        rest = items[1:]
        shared = os.path.commonprefix(rest)
        k = 0
        if shared and (k := items[0].find(shared, 1)) < 0:
            k = 0
        if not k and all(x[:1] in "“‘" for x in rest):
            k = max(items[0].rfind("“"), 0)
        if not k and len(rest) > 1 and len({len(x) for x in rest}) == 1 and len(items[0]) > len(rest[0]) and items[0][-1] == rest[0][-1]:
            k = len(items[0]) - len(rest[0])
        return [items[0][k:], *rest], offset + k

    def _alike(self, items: list[str]) -> bool:
        """Do items read as one list: a first or a last character, or a pair of them, shared by all, and two
        items of like length (not 为强化新非公有制经济组织|和|社会组织: the first holds what leads into the list)?"""
        if len(items) == 2 and max(map(len, items)) > 2 * min(map(len, items)) + 1:
            return False
        if len({x[0] for x in items}) == 1 or len({x[-1] for x in items}) == 1:
            return True
        pairs = [{x[k : k + 2] for k in range(len(x) - 1)} for x in items]
        return any(p.isalpha() and "\u4e00" <= p[0] <= "\u9fff" for p in set.intersection(*pairs))

    def _items(self, body: str, wanted: list[int], explicit: bool) -> tuple[tuple[str, ...], int] | None:
        """The items of ``body`` and the length of the gloss in it: the first reading with the count wanted
        whose items are parallel, or, after an explicit lead, the first with that count. A reading splits
        at a set of separators; its last item ends at a stronger separator (定人员、…、定考核，接受职工群众监督),
        and is split at a conjunction (核心意识和看齐意识) only when no separator alone gives the count."""
        first = None
        masked = masked_enclosures(body)
        for n, conjoined in itertools.product(wanted, (False, True)):
            for split, stronger in self._splits:
                found = self._reading(body, masked, n - conjoined, split, stronger)
                if found is None:
                    continue
                items, length = found
                if conjoined:
                    items = self._conjoined(items)
                    if items is None:
                        continue
                if self._parallel(items):
                    return tuple(items), length
                first = first or (tuple(items), length)
        return first if explicit else None

    def _reading(self, body: str, masked: str, n: int, split: re.Pattern, stronger: re.Pattern | None) -> tuple[list[str], int] | None:
        """``n`` items split at ``split``, the last ending at the first ``stronger`` separator after them;
        separators inside quotes and brackets (masked in ``masked``) split nothing (“红色业委会”和“红色物业”等专业力量)."""
        seps = [m.end() for m in split.finditer(masked)][: n - 1]
        if len(seps) < n - 1:
            return None
        head = seps[-1] if seps else 0
        end = len(body)
        if stronger is not None:
            if stronger.search(masked, 0, head):
                return None
            m = stronger.search(masked, head)
            end = m.start() if m else end
        if split.search(masked, head, end):
            return None  # more items than wanted
        if tally := self._tally.search(masked, head, end):
            end = tally.start()  # …、社会等八个利益相关方的共赢: the list ends where it is counted
        end = head + len(body[head:end].rstrip(self._trailing))
        bounds = [0, *seps, end + 1]
        items = [body[a : b - 1].strip() for a, b in zip(bounds, bounds[1:])]
        return (items, end) if all(items) else None

    def _conjoined(self, items: list[str]) -> list[str] | None:
        """``items`` with the last split at its first conjunction that is a word of its own (not 和 of 和平)."""
        last = items[-1]
        if self._any_separator.search(last):
            return None
        for m in JOINERS.finditer(last):
            a, b = m.start(), m.end()
            if a and len(last) - b >= 2 and not self._is_word(last[a - 1 : b]) and not self._is_word(last[a : b + 1]):
                return [*items[:-1], last[:a], last[b:]]
        return None

    def _parallel(self, items: list[str]) -> bool:
        """Items that read as one list: all short, or sharing a first or a last character, or (items of
        moderate length) a pair of characters (落实…主体责任、发挥…主体作用、激发…主体意识)."""
        if all(len(x) <= self._max_short for x in items) or len({x[0] for x in items}) == 1 or len({x[-1] for x in items}) == 1:
            return True
        if any(len(x) > self._max_parallel for x in items):
            return False
        pairs = [{x[k : k + 2] for k in range(len(x) - 1)} for x in items]
        return any(p.isalpha() and "\u4e00" <= p[0] <= "\u9fff" for p in set.intersection(*pairs))


class TermsComponent(Batched):
    """Adds a span per formula occurrence; web-page leftovers left out, and duplicates unless asked."""

    def __init__(self, nlp: Language, name: str, *, keep_duplicates: bool) -> None:
        register_extensions()
        self.name = name
        self.keep_duplicates = keep_duplicates
        tokenizer_lexicon = getattr(nlp.tokenizer, "lexicon", None)
        self.shares_lexicon = isinstance(tokenizer_lexicon, Lexicon)
        self.lexicon: Lexicon = tokenizer_lexicon if self.shares_lexicon else Lexicon.default()
        is_word = self.is_word = word_test(nlp)
        self.finder = FormulaFinder(is_word=is_word, is_idiom=idiom_test(nlp), frequency=frequency_test(nlp))
        self.glosses = GlossReader(is_word=is_word, edge_tags=edge_tag_test(nlp))
        self.senses = table("formulas")["senses"]
        self.series_reach: int = table("formulas")["series_reach"]

    def _sense(self, term: str, category: str, expansion: str, text: str, start: int, end: int) -> tuple[str, str]:
        """The category and expansion of the sense of ``term`` its neighbourhood shows (两新 beside 两重 or 以旧换新:
        the equipment and trade-in programme, not the Party's 两新组织), else the entry's own."""
        reach = self.senses["reach"]
        around = text[max(0, start - reach) : end + reach]
        for sense in self.senses["terms"].get(term, ()):
            if any(cue in around for cue in sense["cues"]):
                return sense["category"], sense["expansion"]
        return category, expansion

    def _counted_in_series(self, term: str, text: str, start: int, end: int) -> bool:
        """Is ``term`` (a numbered formula) said as a count, the same words with two other numerals beside it in its
        sentence and none quoted (五面红旗的嘎查村4个，三面红旗的嘎查村9个，两面红旗的嘎查村23个)?"""
        m = _NUMBERED.fullmatch(term)
        if m is None or len(m.group(3)) < 2 or (start and text[start - 1] in OPEN_QUOTES):
            return False  # (三必讲、四必问、五必访: one character after the numeral makes a group of formulas)
        reach = self.series_reach
        left, right = max(0, start - reach), min(len(text), end + reach)
        left = max(left, *(text.rfind(mark, left, start) + 1 for mark in "。！？\n"))  # within its sentence
        right = min(right, *(k for k in (text.find(mark, end, right) for mark in "。！？\n") if k >= 0), right)
        series = re.compile(rf"(?<![{re.escape(OPEN_QUOTES)}第])([{_NUMERALS}]+){re.escape(m.group(2) + m.group(3))}")
        others = {
            s.group(1)
            for s in series.finditer(text, left, right)
            if s.group(1) != m.group(1) and not (s.end() < len(text) and text[s.end()] in CLOSE_QUOTES)
        }
        return len(others) >= 2  # a series of three (not 把三大赤字发展为四大赤字: a formula and the one before it)

    def _numeral_in_a_word(self, doc: Doc, c: Candidate) -> bool:
        """Does a numeral of ``c`` stand inside a dictionary word that starts before it (统一, 唯一, 进一步, 千方百计),
        not at the start of a group (三抓三促 is read 三|抓三|促, a guess of the segmenter's, no word)?"""
        for k, ch in enumerate(c.text):
            if k and ch in _NUMERALS:
                token = doc[doc.char_span(c.start + k, c.start + k + 1, alignment_mode="expand").start]
                if token.idx < c.start + k and self.is_word(token.text):
                    return True
        return False

    def _lexicon_matches(self, doc: Doc, text: str) -> list[Match]:
        """The matches the segmenter found with this lexicon, or a search of ``text`` where it found none
        (a Doc made by another tokenizer)."""
        hits = doc.user_data.get(LEXICON_KEY) if self.shares_lexicon else None
        if hits is None:
            return self.lexicon.find(text)
        return [Match(start, end, form, self.lexicon.get(form)) for start, end, form in hits]

    def __call__(self, doc: Doc) -> Doc:
        excluded = set_aside(doc, keep_duplicates=self.keep_duplicates)
        arts = article_index(doc)
        text = doc_text(doc)
        spans: list[tuple[Span, object, str, str | None]] = []  # (span, its ``span._``, the term, a known one's expansion)
        for m in self._lexicon_matches(doc, text):
            span = doc.char_span(m.start, m.end, label="TIFA")
            if span is None or len(span) != 1:
                continue  # the segmenter read another word here (四必须)
            if excluded and inside(excluded, m.start, m.end):
                continue
            if _in_a_name(doc, span[0]):
                continue  # 中央全面深化改革委员会: the organisation's name, not a use of the formula
            if m.form[:1] in _NUMERALS and self._counted_in_series(m.form, text, m.start, m.end):
                continue  # 五面红旗的…4个，三面红旗的…9个: flags counted, not the formula of 1958
            e, u = m.entry, span._  # (a new object at each ``span._``)
            category, expansion = e.category, e.expansion
            if e.term in self.senses["terms"]:
                category, expansion = self._sense(e.term, category, expansion, text, m.start, m.end)
            u.term, u.canonical, u.category, u.expansion, u.first_used = m.form, e.canonical, category, expansion, e.first_used
            u.known, u.article = True, article_at(arts, m.start)
            spans.append((span, u, m.form, expansion))
        known = [span for span, *_ in spans]
        for c in self.finder.find(text, known=self.lexicon.__contains__):
            if excluded and inside(excluded, c.start, c.end):
                continue
            if "quoted" not in c.evidence and self._numeral_in_a_word(doc, c):
                continue  # 一侧|统一|悬挂, 双方|唯一|正确: 一 of a word opens no group of a formula
            # Unquoted shapes must be whole words to the segmenter (长三角一体化 is not 三角一体).
            mode = "expand" if "quoted" in c.evidence else "strict"
            span = doc.char_span(c.start, c.end, label="TIFA_UNSEEN", alignment_mode=mode)
            if span is None or any(s.start < span.end and span.start < s.end for s in known):
                continue
            u = span._
            u.term, u.canonical, u.known, u.confidence = c.text, c.text, False, c.confidence
            u.evidence, u.article = list(c.evidence), article_at(arts, c.start)
            spans.append((span, u, c.text, None))
        spans.sort(key=lambda row: row[0].start_char)
        for span, u, term, expansion in spans:
            u.gloss = self.glosses.read(text, span.end_char, term) or self.glosses.read_before(text, span.start_char, term, expansion=expansion)
        doc.spans["tifa"] = [span for span, *_ in spans]
        return doc


@Language.factory(
    "tifa_terms",
    assigns=["doc.spans"],
    requires=["doc.spans"],
    default_config={"keep_duplicates": False},
)
def make_terms(nlp: Language, name: str, keep_duplicates: bool) -> TermsComponent:
    """Registered factory for the known-terms component."""
    return TermsComponent(nlp, name, keep_duplicates=keep_duplicates)
