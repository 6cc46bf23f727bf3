"""Statistics: every figure of the text, with what it counts, as spans in ``doc.spans["stats"]``.

Figures are found with patterns on the text (jieba splits ``23.4%`` and
``9600多万名`` unpredictably), then aligned to tokens. Each span's
``span._.fields`` holds the figure's record: value, unit, kind, approximation,
subject, the comparison it makes (``reference``) and, for a percentage, the count
and total it is a share of (``share_of``). The tables (units, approximation
words, change verbs ...) live in ``data/stats.json``; the checks of figures
against each other (:mod:`tifalens.components.checks`) go to ``doc._.checks``::

    >>> import tifalens
    >>> doc = tifalens.load()("当选代表中，女党员619名，比十九大增加68名。")
    >>> [(s.text, s._.fields["value"], s._.fields["subject"]) for s in doc.spans["stats"]]
    [('619名', 619, '女党员'), ('68名', 68, '女党员')]
    >>> doc.spans["stats"][0]._.fields["reference"]["reference_value"]
    551

A record's ``value`` is the number as written with its multiplier applied
(``854.2万条`` is 8542000 with unit 条; ``114万亿元`` is 1.14e14 with unit 元);
for a range it is the low end (``range`` holds both); for a date it is the year,
or the month when no year is given (``iso`` holds the date).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..tables import alternation, ends_with, longest_first, starts_with, table
from ..batching import Batched
from ..extensions import doc_text, register_extensions
from ..numbers import (
    ARABIC,
    CN_DIGITS,
    CN_NUMERAL_CHARS,
    DATE_PATTERN,
    MULTIPLIER_PATTERN,
    RANGE_SEPARATORS,
    SECTIONED,
    ZHAO_MONEY,
    approximate_pair,
    dated_in,
    decimals,
    parse_number,
    parse_range,
    place,
    split_range,
)
from ..segmenter import edge_tag_test, no_tags, no_words, word_test
from .checks import nearest_in_sentence, run_checks, share_fits
from .structure import JOINERS, member_counts, set_aside, structure_spans
from .terms import article_at, article_index

QUANTITY_KINDS = ("count", "money", "measure")
ROC_EPOCH = 1911  # 民国1年 is 1912
_HAN = re.compile("[\u4e00-\u9fff]")
SHARE_KINDS = ("percent", "ratio")
RELATIVE_UNITS = ("%", "倍")  # a change by a share of what it changes (增长12%; 增加了1.76倍: 176%)


_ARABIC_ONLY = re.compile(ARABIC)
_MULTIPLIER = re.compile(MULTIPLIER_PATTERN)
_ROUND_LEADS = "百千万"  # a numeral may start with these where 一 is left out (百万元, 千余名)
_VAGUE_LEADS = "十百千万"  # numerals a vague word may stand before (数十万, 上千)
_NOT_AN_OBJECT = frozenset("fcpu")  # the first letters of the tags of words that start no object: 后, 并, 在, 的
_ADVERB_MORPHEMES = frozenset("很较且仍也都就还又才再更最太只亦皆均尚已")  # what jieba tags zg that is an adverb
_TENTHS_LEADS = "近约超逾"  # words of about jieba may glue to a tenth (近九成 is one word of its dictionary)
_LIST_NUMERALS = frozenset("一二两三四五六七八九十百千万亿")  # (16页纸、近万字: no noun listed)
_NUMERAL_WORD_STARTS = frozenset("一二三四五六七八九十百千万两几数多若首第分每半大绝")  # numeral words: 一一, 一道, 两级, 若干, 首次, 分批, 大部分
_NEGATIONS = "不未没"
_LEADING_CN_NUMERAL = re.compile(rf"^[{''.join(CN_DIGITS)}十百千点]+")


_PAIRED = {"“": "”", "‘": "’", "”": "“", "’": "‘", "（": "）", "）": "（", "(": ")", ")": "("}
_OPENERS, _CLOSERS = "“‘（(", "”’）)"


def _strip_unpaired_quotes(text: str) -> str:
    """``text`` without spaces and the quotes and brackets at its ends that close or open nothing inside it
    (“特岗计划”教师 keeps its quotes, 党员” and 开展“ lose theirs, “两个确立” both; （476.3毫米）|比常年: ）)."""
    text = text.strip(" ")
    while text:
        first, last = text[0], text[-1]
        if first in _CLOSERS or first in "\"'" or (first in _OPENERS and _PAIRED[first] not in text[1:]):
            text = text[1:].lstrip(" ")
        elif last in _OPENERS or last in "\"'" or (last in _CLOSERS and _PAIRED[last] not in text[:-1]):
            text = text[:-1].rstrip(" ")
        else:
            break
    if len(text) > 2 and text[0] + text[-1] in ("“”", "‘’") and text.count(text[0]) == 1:
        text = text[1:-1].strip(" ")  # “两个确立”: quoted whole
    return text


_COMPARING = ("比", "接近", "高于", "低于", "超过", "相当于")
_WIDE_DELIMITERS = "，,。；;：:！？!?\n"
_WIDE_DELIMITER_SET = frozenset(_WIDE_DELIMITERS)
_ORDINAL_CHARS = frozenset("第一二三四五六七八九十")
_COUNTED_PLACES = re.compile(r"^[两二三四五六七八九十]+[市省地区县国镇村项类]")


_SIGNS = {"-": -1, "－": -1, "−": -1, "﹣": -1, "+": 1, "＋": 1}


def _sign(text: str, start: int) -> int:
    """-1 or 1 for a sign right before the number at ``start`` that no digit, letter, sign or closing bracket
    precedes (增长-2.3%, 为－1.48‰, 同比+3.2%; not the range 2-3 or the code GB-2); 0 without one."""
    sign = _SIGNS.get(text[start - 1], 0) if start else 0
    before = text[start - 2] if start >= 2 else ""
    if sign and ((before.isascii() and before.isalnum()) or before in _SIGNS or before in ").．）]】"):
        return 0
    return sign


_ASIDE = re.compile(r"（[^（）]*）|\([^()]*\)")


def _list_sizes(phrase: str) -> set[int]:
    """How many subjects a phrase lists by 、 (:func:`~tifalens.components.structure.member_counts`);
    empty when it is no list of short names."""
    parts = [p.strip() for p in _ASIDE.sub("", phrase).split("、")]
    if len(parts) < 2 or not all(parts) or any(len(p) > 12 for p in parts):
        return set()
    return member_counts(parts)


def _listed(phrase: str, n: int) -> list[str] | None:
    """The ``n`` members of a list of subjects joined by 、 (the last pair perhaps by 和, 及 or 与), or None;
    a bracketed aside (各县（市、区）) is no member and is left out."""
    phrase = _ASIDE.sub("", phrase)
    parts = [p.strip() for p in phrase.split("、")]
    if len(parts) == n - 1:
        last = JOINERS.split(parts[-1])
        if len(last) != 2:
            return None
        parts[-1:] = last
    if len(parts) == 1 and n == 2:
        parts = JOINERS.split(phrase)
    parts = [p.strip() for p in parts]
    if len(parts) != n or not all(parts) or any(len(p) > 20 for p in parts):
        return None
    return parts


# What may follow a year or date that opens a clause and still say when (2014年底, 2016年以来).
# A span of time alone before a figure says how long, not what (连续5年稳定在1300亿斤以上, 近三年年均增长8%).
_SPAN_UNIT = r"个?(?:年|月|季度|周|天)(?:来|以来|间|里)?"
_SPAN_OF_TIME = re.compile(rf"(?:已经?|已)?(?:连续|近|过去|此前)(?:\d+|[一二两三四五六七八九十]+){_SPAN_UNIT}")
# A span of time alone, as a subject says it (五年|年均增长5.2%, 十年|增加近70万亿元, 3年来): when, not what
_BARE_SPAN = re.compile(rf"(?:\d{{1,2}}|[两三四五六七八九十]+){_SPAN_UNIT}")
_YEAR_MONTH = r"(?:19|20)\d{2}年(?:年?[底末初])?(?:\d{1,2}月(?:份|底|末)?)?"
# A year or month alone (1980年, 2019年年底, 2020年6月): when, not what (上年, 去年 stay: a change's checks read them)
_A_DATE = re.compile(_YEAR_MONTH)
_LEADING_DATE = re.compile(rf"{_YEAR_MONTH}(?![年底末初月份\d])(?=[\u4e00-\u9fff]{{2}})")  # 2020年|全球经济: when, before what
_TRAILING_DATE = re.compile(rf"{_YEAR_MONTH}(?:底|末|初)?的$")
_TRAILING_WHEN = re.compile(rf"(?:在|于|到|截至|截止)(?:{_YEAR_MONTH})(?:\d{{1,2}}日)?(?:底|末|初)?$")  # 财政储备预计|在2024年3月31日
_TIME_TAIL = re.compile(r"(?:年底|年末|年初|底|末|初|以来|以后|以前|期间|上半年|下半年)?[\s，,]*")
_LEVEL_BETWEEN = re.compile(r"[0-9〇零一二两三四五六七八九十百千万到至为年月]")  # a figure, a time or a level between 从 and a figure
_SENTENCE_PART = re.compile(r"[^。；;！？!?\n]*")
_RATIO_SEPARATOR = re.compile(r"\s*[:：∶]\s*")
# A time and 的 between 到/至 and the level (增长到去年的789亿美元, 提高到2025年的66%).
_WHEN_OF = re.compile(rf"(?:去年|今年|上年|当年|前年|{_YEAR_MONTH}|\d{{1,2}}月(?:份|底|末)?)的?$")


class StatsRules:
    """The tables of ``data/stats.json`` and the patterns built from them, compiled once.

    Raises:
        ValueError: A unit names a kind the ``kinds`` table does not declare.
    """

    def __init__(self, data: dict) -> None:
        self.kinds: dict[str, str] = data["kinds"]
        self.split_units: dict[str, str] = data["units_with_inner_approx"]
        self.units: dict[str, str] = {**data["units"], **{u: data["units"][whole] for u, whole in self.split_units.items()}}
        bad = sorted({k for k in self.units.values() if k not in self.kinds})
        if bad:
            raise ValueError(f"data/stats.json: units use undeclared kinds {bad}; add them to 'kinds'")
        self.small_cn_units = set(data["small_chinese_units"])
        self.contribution_verbs = tuple(data["contribution_verbs"])
        # shapes tried only on texts holding one of their words: their first characters (上, 下, 前, 第,
        # numerals) are everywhere, their words rare (about 40 ms each on 1,500 texts, else)
        self.roc_reach: int = data["roc_reach"]
        self.roc_later_years: tuple[int, int] = tuple(data["roc_later_years"])
        self.roc_year_leads = frozenset(data["roc_year_leads"])
        self.index_words = tuple(data["index_words"])
        self.index_reach: int = data["index_reach_chars"]
        self.shape_words = {"quarter": ("季度", "半年"), "fraction": ("分之",), "first_months": ("个月",), "proportion": (":", "：", "∶"), "roc_date": ("民国",), "roc_year": ("民国",), "roc_later_year": ("民国",), "index": self.index_words}
        # a rate's unit: an amount per a unit of something (30微克/立方米, 5000元/吨, 120公里/小时)
        self.per_unit = re.compile(rf"[/／]({alternation(self.units)})")
        self.approx_before: dict[str, str | None] = data["approx_before"]  # (高达: none)
        self.approx_after: dict[str, str] = data["approx_after"]
        self.approx_inside: dict[str, str] = data["approx_inside"]
        self.approx_inside_rx = [(re.compile(rf"[\d{CN_NUMERAL_CHARS}]{re.escape(ch)}"), w) for ch, w in self.approx_inside.items()]
        self.vague_prefixes: dict[str, str] = data["vague_prefixes"]
        self.vague_word_ends = frozenset(data["vague_word_ends"])
        self.round_number_words: dict[str, str] = data["round_number_words"]
        self.round_number_after = longest_first([*self.approx_before, *data["reached_verbs"], *self.round_number_words])
        self.threshold_words = set(data["threshold_words"])
        self.change_verbs: dict[str, int] = data["change_verbs"]
        self.comparison_only = set(data["comparison_only_verbs"])
        self.comparison_markers = longest_first(data["comparison_markers"])
        self.time_comparison_words = tuple(data["time_comparison_words"])
        self.when_lead_chars: int = data["when_lead_chars"]
        self.when_source_leads = tuple(data["when_source_leads"])
        self.max_when_source_lead: int = data["max_when_source_lead_chars"]
        self.relative_years: dict[str, int] = data["relative_years"]
        self.year_span_ends = tuple(data["year_span_ends"])
        self.level_over_change: float = data["level_over_change"]
        self.duration_units = frozenset(data["duration_units"])
        self.group_ratio_ends = longest_first(data["group_ratio_ends"])
        self.origin_fillers = frozenset(["", *data["origin_fillers"]])
        self.year_since_words = tuple(data["year_since_words"])
        self.relative_years_rx = re.compile("|".join(map(re.escape, longest_first(self.relative_years))))
        self.when_breaks_rx = re.compile("|".join(map(re.escape, longest_first(data["when_breaks"]))))
        self.time_comparison_ends = tuple(data["time_comparison_ends"])
        self.clause_predicate_tags = frozenset(data["clause_predicate_tags"])
        self.item_delimiters = data["item_delimiters"]
        self.implied_against: dict[str, str] = data["implied_against"]
        self.per_markers: str = data["per_markers"]
        self.rate_base_nouns = tuple(data["rate_base_nouns"])
        self.real_growth_words = tuple(data["real_growth_words"])
        self.class_suffix: str = data["class_suffix"]
        self.generic_heads = frozenset(data["generic_heads"])
        self.target_heads = longest_first(data["target_heads"])
        self.target_comparisons = longest_first(data["target_comparisons"])
        self.threshold_heads = frozenset(data["threshold_heads"])
        self.comparison_false = data["comparison_false_words"]
        self.comparison_adverbs = longest_first(data["comparison_adverbs"])
        self.actor_pronouns = tuple(data["actor_pronouns"])
        self.foresight_verbs = tuple(data["foresight_verbs"])
        self.rate_nouns: dict[str, int] = data["rate_nouns"]
        self.rate_words = longest_first(self.rate_nouns)
        self.tally_words = frozenset(data["tally_words"])
        self.verb_kept_units = frozenset(data["verb_kept_units"])
        self.money_purpose_objects = frozenset(data["money_purpose_objects"])
        self.time_endings = tuple(data["time_endings"])
        self.period_words = longest_first(data["period_words"])
        self.year_before_words = frozenset(data["year_before_words"])
        self.level_markers = longest_first(data["level_markers"])
        self.level_verbs = longest_first(data["level_only_verbs"])
        self.reached_verbs = frozenset(data["reached_verbs"])
        self.ordinal_units = frozenset(data["ordinal_units"])
        self.list_modifiers = frozenset(data["list_modifiers"])
        self.tail_words = longest_first([*data["subject_trim_suffix"], *data["adverb_subjects"], "将可能", "可能", "将"])
        self.min_values: dict[str, float] = data["min_values"]
        self.quote_pairs: dict[str, str] = data["quote_pairs"]
        self.max_quoted_noun: int = data["max_quoted_noun_chars"]
        self.max_counted_chars: int = data["max_counted_chars"]
        self.from_markers: list[str] = data["from_markers"]
        self.from_reach: int = data["from_marker_reach"]
        self.source_markers: str = data["source_markers"]
        self.share_verbs = longest_first(data["share_verbs"])
        self.whole_verbs = longest_first(data["whole_verbs"])
        self.whole_words = longest_first(data["whole_words"])
        self.ratio_words = longest_first(data["ratio_words"])
        self.max_aside_chars: int = data["max_aside_chars"]
        self.predicates: list[str] = data["predicates"]
        self.predicate_ends = tuple(self.predicates)
        self.trim_prefix = longest_first(data["subject_trim_prefix"])
        self.object_markers = frozenset(data["object_markers"])
        self.having_verbs: list[str] = data["having_verbs"]
        self.holding_verbs = frozenset(data["holding_verbs"])
        self.holding_rx = re.compile(alternation(self.holding_verbs))  # (one C search for all of them)
        self.trim_suffix = longest_first({*data["subject_trim_suffix"], *data["reached_verbs"], *data["approx_before"], *data["holding_level_verbs"]})  # (…经济总量迈上|5万亿元台阶, 将近)
        self.per_suffix = longest_first(data["subject_per_suffix"])
        self.adverb_subjects = frozenset(data["adverb_subjects"])
        self.signed_change_markers = longest_first(data["signed_change_markers"])
        self.proportion_words = longest_first(data["proportion_words"])
        self.sum_words = tuple(data["sum_words"])
        self.conversion_words = tuple(data["conversion_words"])
        self.per_head: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in data["per_head"].items()}
        self.composition_percent_sum: tuple[float, float] = tuple(data["composition_percent_sum"])  # type: ignore[assignment]
        self.modality_words: dict[str, str] = data["modality_words"]
        self.modality_resets = frozenset(data["modality_resets"])
        self.modality_cancellers = longest_first(data["modality_cancellers"])
        reach = {"sentence": "", "semicolon": "；;", "clause": "，,；;"}
        self.modality_breaks = {"": reach["semicolon"]} | {w: reach[r] for r, words in data["modality_reach"].items() for w in words}
        self.modality_rx = re.compile(alternation([*self.modality_words, *self.modality_resets]))
        self.modality_first_chars = frozenset(w[0] for w in [*self.modality_words, *self.modality_resets])
        self.modality_inside: dict[str, list[str]] = {}  # word -> the longer words that hold it (拟 -> 模拟, 拟任)
        for longer in data["modality_inside"]:
            for word in [*self.modality_words, *self.modality_resets]:
                if word in longer:
                    self.modality_inside.setdefault(word, []).append(longer)
        self.following_strip = longest_first(data["following_strip_prefix"])
        self.copulas = longest_first(data["copulas"])
        self.stop_tags = set(data["following_stop_tags"])
        self.verb_tags = set(data["following_verb_tags"])
        self.name_tags = frozenset(data["person_name_tags"])
        self.restating_leads = longest_first(data["restating_leads"])
        self.resultative_words = frozenset(data["resultative_words"])
        self.class_bounds = frozenset(data["class_bounds"])
        self.settlement_verbs = frozenset(data["settlement_verbs"])
        self.rank_units = frozenset(data["rank_units"])
        self.rank_nouns = tuple(data["rank_nouns"])
        self.rank_moves = tuple(data["rank_moves"])
        self.rank_sides = tuple(data["rank_sides"])
        self.class_words = frozenset(data["class_words"])
        self.max_list_item_chars: int = data["max_list_item_chars"]
        self.modifier_tags = set(data["following_modifier_tags"])
        self.joining_words = frozenset(data["following_joining_words"])
        self.joined_tags = frozenset(data["following_joined_tags"])
        self.joined_last_tags = frozenset(data["following_joined_last_tags"])
        self.last_joining_words = frozenset(data["following_last_joining_words"])
        self.compound_heads: dict[str, tuple[str, ...]] = {head: tuple(before) for head, before in data["compound_heads"].items()}
        self.list_marks = frozenset(data["following_list_marks"])
        self.people_words = frozenset(data["following_people_words"])
        self.noun_tags = set(data["following_noun_tags"])
        self.stop_words = set(data["following_stop_words"])
        self.predicate_leads = frozenset(data["following_predicate_leads"])
        self.negated_qualifiers = frozenset(data["negated_qualifiers"])
        self.lead_modifier_tags = set(data["following_lead_modifier_tags"])
        self.lead_noun_tags = set(data["following_lead_noun_tags"])
        self.lead_phrase_tags = set(data["following_lead_phrase_tags"])
        self.phrase_not_first_tags = set(data["following_phrase_not_first_tags"])
        self.person_units = frozenset(data["person_units"])
        self.age_after_words = tuple(data["age_after_words"])
        self.age_words = longest_first(data["age_words"])
        self.time_leads = frozenset(data["time_leads"])
        self.causative_verbs = frozenset(data["causative_verbs"])
        self.lead_idiom_tags = set(data["following_lead_idiom_tags"])
        self.relative_stop_tags = self.stop_tags - self.lead_modifier_tags  # (尚未 d may qualify what a count counts)
        self.max_relative_chars: int = data["max_relative_clause_chars"]
        self.subjectless_units = set(data["subjectless_units"])
        self.money_purpose_verbs = longest_first(data["money_purpose_verbs"])
        self.self_describing_units = set(data["self_describing_units"])
        self.list_joiners = set(data["list_joiners"])
        self.clause_joints = frozenset(data["clause_joints"])
        self.total_words: list[str] = data["total_words"]
        self.rest_words = tuple(data["rest_words"])
        self.annual_rate_words: list[str] = data["annual_rate_words"]
        self.remainder_totals: list[str] = data["remainder_totals"]
        self.part_marker: str = data["part_marker"]
        self.partitive_word: str = data["partitive_word"]
        self.partitive_part_leads = frozenset(data["partitive_part_leads"])
        self.contracted_lists: list[tuple[str, list[str]]] = [(short, members) for short, members in data["contracted_lists"].items()]
        self.ratio_to_words: list[tuple[str, str]] = [tuple(pair) for pair in data["ratio_to_words"]]
        self.part_markers_rx = re.compile("|".join([*data["division_patterns"], *map(re.escape, longest_first(data["part_markers"]))]))
        self.nested_part_words: list[str] = data["nested_part_words"]
        self.overlapping_kinds: tuple[str, ...] = tuple(data["overlapping_kinds"])
        self.remainder_words: tuple[str, ...] = tuple(data["remainder_words"])
        self.holding_level_verbs = longest_first(data["holding_level_verbs"])
        self.ratio_adverbs = longest_first(data["ratio_adverbs"])
        self.complete_divisions: list[tuple[str, ...]] = [tuple(sorted(d, key=len, reverse=True)) for d in data["complete_divisions"]]
        self.count_whole_words: tuple[str, ...] = tuple(data["count_whole_words"])
        self.bare_totals = frozenset(data["bare_totals"])
        self.extremum_words = longest_first(data["extremum_words"])
        self.resolve_words = tuple(data["resolve_words"])
        self.addition_verbs = longest_first(data["addition_verbs"])
        self.average_words: tuple[str, ...] = tuple(data["average_words"])
        self.differences: list[tuple[str, str, str]] = [tuple(row) for row in data["differences"]]
        self.rank_prefixes: list[str] = data["rank_prefixes"]
        self.half_before = longest_first(data["half_requires_before"])
        self.sentence_ends = set(data["sentence_ends"])
        self.delimiters = set(data["clause_delimiters"])
        self.delimiters_past_lists = self.delimiters - set(data["following_list_marks"])  # (155个国家、地区和国际组织)
        self.list_delimiters = self.delimiters - {"、"}  # the clauses a list of figures runs across
        self.open_brackets = set(data["open_brackets"])
        self.close_brackets = set(data["close_brackets"])
        self.approx_before_words = longest_first(self.approx_before)
        self.approx_links = longest_first(data["approx_links"])
        self.approx_after_words = longest_first(self.approx_after)
        self.verb_words = longest_first(self.change_verbs)
        self.bullets = set(data["bullet_chars"])
        self.measured_by = re.compile(data["measured_by"])
        self.enumeration_prefix = re.compile(r"^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)")
        self.shapes = self._shapes()

    def inner_approx(self, number: str) -> str | None:
        """The approximation a number holds inside (9600多万: 多, 3000余: 余), or None."""
        return next((w for rx, w in self.approx_inside_rx if rx.search(number)), None)

    def _shapes(self) -> list[tuple[str, re.Pattern]]:
        digits, cn_all = "".join(CN_DIGITS), CN_NUMERAL_CHARS
        arabic = rf"(?<![\d.A-Za-z])(?:{ARABIC})(?![A-Za-z])"
        # 四.七七亿; a round number without its 一 (百余次, 近百万元, 千名), which _numeric reads only with care
        # (and two neighbouring digits with 、 between them after a word, 扩增至四、五万; not a heading's 一、)
        pair = r"(?<=[\u4e00-\u9fff])[一二三四五六七八]、(?=[二三四五六七八九][十百千万亿])"
        chinese = rf"(?<![{cn_all}.．])(?:(?:{pair})?[{digits}十][{cn_all}]*(?:[.．][{digits}]+[{cn_all}]*)?|[{_ROUND_LEADS}])"
        inner = "".join(self.approx_inside)
        sectioned = rf"(?<![\d.A-Za-z])(?:{SECTIONED}|{ZHAO_MONEY})"  # 1亿2000万, 2兆8,813亿, 2兆元
        number = rf"(?:{sectioned}|{arabic}|{chinese})(?:[{inner}]?(?:{MULTIPLIER_PATTERN}))*[{inner}]?"
        unit, sep = alternation(self.units), alternation(RANGE_SEPARATORS)
        year = rf"(?<![\d{cn_all}])(?:\d{{4}}|[{digits}]{{4}})"
        small = "[一二三四五六七八九十]"
        month = rf"(?:1[0-2]|0?[1-9]|十[一二]?|{small})"
        day = rf"(?:3[01]|[12]\d|0?[1-9]|[一二三]?十{small}?|{small})"
        # These shapes start with a numeral: a lookahead for one lets the regex engine
        # skip every other position at once (3-6x faster on running text).
        lead = rf"(?=[\d{cn_all}])"
        return [
            ("percent_cn", re.compile(rf"百分之(?:{number})(?:(?:{sep})(?:百分之)?(?:{number}))?")),
            ("fraction", re.compile(rf"{lead}(?<![{cn_all}])(?!百分之)(?:[{cn_all}]+|\d+)分之(?:[{cn_all}]+|\d+)")),
            ("half", re.compile(r"一半|半数")),
            ("proportion", re.compile(rf"{lead}(?P<num>{arabic})(?:\s*[:：∶]\s*(?:{arabic}))+(?![\d.:：∶])")),
            ("tenths", re.compile(rf"{lead}(?<![\d.．])(?P<num>[一二两三四五六七八九]|[1-9])(?P<num2>[二三四五六七八九])?成")),
            ("doubling", re.compile(r"翻了?(?P<num>[一两二三四五]|[1-5])番")),
            ("date", re.compile(
                rf"{lead}(?:(?P<year>{year})年)?(?<![\d{cn_all}])(?P<month>{month})(?:月?(?:{sep})(?P<month2>{month}))?月份?"
                rf"(?:(?P<day>{day})(?:日?(?:{sep})(?P<day2>{day}))?日)?"
            )),
            # a range whose end names its month (3月30日至4月2日, 2024年12月至2025年3月)
            ("date_span", re.compile(
                rf"{lead}(?:(?P<year>{year})年)?(?<![\d{cn_all}])(?P<month>{month})月(?:(?P<day>{day})[日号])?(?:{sep})"
                rf"(?:(?P<year2>{year})年)?(?P<month2>{month})月(?:(?P<day2>{day})[日号])?"
            )),
            # the first months of a year (今年前10个月, 前两个月), not a time before something (去世前10个月)
            ("first_months", re.compile(rf"(?=[\d{digits}前])(?:(?<![\d{cn_all}])(?P<year>{year})年)?前(?P<month2>1[0-2]|[1-9]|十[一二]?|[一二两三四五六七八九])个月")),
            # quarters and halves of a year (一季度, 第四季度, 前三季度, 上半年, 2023年二季度)
            ("quarter", re.compile(
                rf"(?=[\d{digits}第前上下])(?:(?<![\d{cn_all}])(?P<year>{year})年)?"
                r"(?:(?P<q0>[一二三1-3])[、和至到—-])?(?:第?(?P<q>[一二三四1-4])季度|前(?P<qn>[二两三2-3])个?季度|(?P<half>[上下])半年)"
            )),
            ("year", re.compile(rf"{lead}(?P<num>{year})(?:年?(?:{sep})(?P<num2>\d{{4}}|[{digits}]{{4}}))?年(?!代)")),
            # a year of the Republic of China's calendar, as Taiwan writes it (民国113年: 2024; 中华民国114年度)
            ("roc_date", re.compile(rf"(?:中华)?民国(?P<year>\d{{1,3}}|[{digits}十百]{{1,5}})年(?P<month>{month})月(?:(?P<day>{day})日)?")),
            ("roc_year", re.compile(rf"(?:中华)?民国(?P<num>\d{{1,3}}|[{digits}十百]{{1,5}})年(?:度)?")),
            # and such a year alone after one (民国113年经济成长率为4.3%，112年为1.3%), not a span of years (近100年)
            ("roc_later_year", re.compile(r"(?<![\d.．])(?P<num>\d{2,3})年(?:度)?(?![\d代来间里内后前])")),
            ("rank", re.compile(rf"第(?P<num>\d+|[{digits}十百]+)(?P<unit>位|名)")),
            # a decimal with no unit: an index's value where its clause names one (基尼系数为0.465)
            ("index", re.compile(r"(?=\d)(?<![\d.．A-Za-z:：∶])\d{1,6}[.．]\d{1,4}(?![\d.．A-Za-z%％‰:：∶])")),
            ("quantity", re.compile(rf"{lead}(?P<num>{number})(?:(?P<unit1>{unit})?(?:{sep})(?P<num2>{number}))?(?P<unit>{unit})?")),
        ]


@lru_cache(maxsize=1)
def stats_rules() -> StatsRules:
    """The packaged ``data/stats.json``, validated and compiled (once per process)."""
    data = table("stats")
    return StatsRules(data)


# ---------------------------------------------------------------------------- text view


class TextView:
    """The text with the line breaks the structure component joined taken out.

    A paragraph broken mid-sentence (``入\\n\\n党的2224名``) reads as one line here,
    so subjects and sentences run across the break; offsets map back exactly.

    >>> view = TextView("改革开放以后入\\n\\n党的2224名", [(7, 9)])
    >>> view.text, view.to_doc(9), view.to_doc_end(15)
    ('改革开放以后入党的2224名', 11, 17)
    """

    def __init__(self, text: str, gaps: Iterable[tuple[int, int]]) -> None:
        pieces: list[str] = []
        self._view_at = [0]  # view positions from which ...
        self._removed = [0]  # ... this many characters were removed before
        self._gaps: list[tuple[int, int, int]] = []  # (doc start, doc end, removed before)
        pos = removed = 0
        for start, end in sorted(gaps):
            if start < pos or end <= start:
                continue
            pieces.append(text[pos:start])
            self._gaps.append((start, end, removed))
            removed += end - start
            self._view_at.append(start - (removed - (end - start)))
            self._removed.append(removed)
            pos = end
        pieces.append(text[pos:])
        self.text = "".join(pieces)
        self._gap_starts = [g[0] for g in self._gaps]

    def to_doc(self, pos: int) -> int:
        """Document offset of view position ``pos`` (a start offset)."""
        return pos + self._removed[bisect.bisect_right(self._view_at, pos) - 1]

    def to_doc_end(self, pos: int) -> int:
        """Document offset of the exclusive end ``pos`` of a view range."""
        return self.to_doc(pos - 1) + 1 if pos > 0 else 0

    def to_view(self, doc_pos: int) -> int:
        """View position of document offset ``doc_pos`` (a position inside a gap goes to its end)."""
        k = bisect.bisect_right(self._gap_starts, doc_pos) - 1
        if k < 0:
            return doc_pos
        start, end, before = self._gaps[k]
        return start - before if doc_pos < end else doc_pos - before - (end - start)

    def to_view_array(self, doc_pos: numpy.ndarray) -> numpy.ndarray:
        """:meth:`to_view` over an array of document offsets at once."""
        if not self._gaps:
            return doc_pos
        gaps = numpy.array(self._gaps, dtype=numpy.int64)
        k = numpy.searchsorted(gaps[:, 0], doc_pos, side="right") - 1
        start, end, before = gaps[k, 0], gaps[k, 1], gaps[k, 2]
        mapped = numpy.where(doc_pos < end, start - before, doc_pos - before - (end - start))
        return numpy.where(k < 0, doc_pos, mapped)


# ---------------------------------------------------------------------------- figures


@dataclass(frozen=True)
class Time:
    """A year or date a figure may be of: a figure of its own (``figure``: its index), or a word that names a year
    counted from the text's own (``years``: 今年 0, 去年 -1, 明年 1); a date with no year of its own right after such a
    word (今年|前三季度) has the word's ``years`` too."""

    start: int
    end: int
    sentence: int
    clause: int
    figure: int | None = None
    years: int | None = None
    year: int | None = None  # a date's year its article's title names (…2024年前三季度…: 前三季度 of 2024)


@dataclass
class Figure:
    """A figure in the view text, with what the record and the checks need.

    Offsets are view offsets; ``cut`` is where the words before the figure that
    may name its subject end (before 超过, 比十九大增加, 占), ``tail`` where the
    words after it end (以上, 左右).
    """

    start: int
    end: int
    text: str
    number: str
    value: float
    unit: str
    kind: str
    high: float | None = None
    approx: str | None = None
    about: bool = False  # two neighbouring digits said together (三四万, 六七成): about either end
    direction: int = 0
    iso: str | None = None
    clause: int = 0
    cut: int = 0
    tail: int = 0
    share: bool = False
    level: bool = False
    origin: bool = False
    proportion: bool = False
    against: str | None = None
    sentence: int = 0
    paragraph: int = 0
    article: int | None = None
    depth: int = 0
    subject: str = ""
    subject_source: str = ""
    done: str = ""  # words before a count that only say what was done to what it counts (已整改|305处)
    done_of: int | None = None  # the count before it of all those things (排查隐患320处), whose name it takes
    whole: str | None = None
    whole_word: bool = False
    no_predicate: bool = False
    list_member: bool = False
    base: int | None = None
    paired: int | None = None  # the figure before 分别 a change pairs with (立案9340件…同比分别增长22%)
    reference: dict | None = None
    share_of: dict | None = None
    column: str | None = None
    parts: tuple[str, ...] | None = None  # a composition's numbers as written (5.3, 41.0, 53.7 of 5.3:41.0:53.7)
    modality: str | None = None  # "target" (预期目标是…, 力争, 拟) or "forecast" (预计, 有望); None for what is stated as so
    when: Time | None = None  # the year or date the figure is of (10月份，…增长4.6%; 去年…增长5.2%)

    @property
    def decimals(self) -> int:
        """Digits stated after the decimal point."""
        return decimals(self.number)

    @property
    def spread(self) -> float:
        """Half a unit of the last digit the figure states: 27.0% is 26.95% to 27.05%, 23.6万 is 23.55万 to 23.65万;
        none for a count stated to the one (7项, 2296名): things counted one by one are whole."""
        unit_place = place(self.number)
        if unit_place == 1 and self.kind == "count":
            return 1e-9
        return 0.5 * unit_place + 1e-9

    @property
    def json_value(self) -> int | float:
        """The value for JSON: 2296 and 8542000 (854.2万) as int, 27.0 (27.0%) as float."""
        stated_decimals = self.decimals and not re.search(MULTIPLIER_PATTERN, self.number)
        return float(self.value) if stated_decimals else json_number(self.value)

    @property
    def net(self) -> int:
        """Which way a change goes: its verb's direction, turned round by a negative figure (增长-2.3% falls)."""
        return -self.direction if self.value < 0 else self.direction

    @property
    def exact(self) -> bool:
        """A single number stated without approximation."""
        return self.approx is None and self.high is None


def json_number(value: float | None) -> int | float | None:
    """An integral float as int (2296, not 2296.0); others unchanged."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def rounded(value: float, *figures: Figure) -> float:
    """``value`` at the finest precision the ``figures`` state (27.0 - 2.8 = 24.2, not 24.200000000000003)."""
    return round(value, max((f.decimals for f in figures), default=0))


_INDEX_CLAUSE_ENDS = "。；;！？!?\n，,\t \u3000"  # (cells of a table row are apart by spaces: none is a clause)


class FigureFinder:
    """Finds figures in a text by pattern; :meth:`find` is a pure function of the text.

    Args:
        rules: The compiled tables.
        is_boundary: Whether a position is a token boundary: a unit must end at
            one (``14亿人民`` holds the figure ``14亿``, not ``14亿人``).

    >>> [(f.text, f.value, f.unit, f.kind, f.approx) for f in FigureFinder(stats_rules()).find("党员9600多万名，增长8.1%")]
    [('9600多万名', 96000000.0, '名', 'count', '多'), ('8.1%', 8.1, '%', 'change', None)]
    """

    def __init__(self, rules: StatsRules, is_boundary: Callable[[int], bool] = lambda _pos: True) -> None:
        self.rules = rules
        self.is_boundary = is_boundary
        self._resume: int | None = None  # where a shape's reader asks for the text to be read again

    def find(self, text: str) -> list[Figure]:
        """Figures leftmost first, the longest where two overlap."""
        found: list[Figure] = []
        for shape, rx in self.rules.shapes:
            if shape in self.rules.shape_words and not any(w in text for w in self.rules.shape_words[shape]):
                continue  # a shape whose first characters are everywhere but whose words are rare (季度, 半年)
            reader = getattr(self, f"_{shape}")
            for m in rx.finditer(text):
                if (fig := reader(m, text)) is not None:
                    found.append(fig)
                if self._resume is not None:  # a reader that read only the first of two figures (提升1.5个百分点|至53.8%)
                    at, self._resume = self._resume, None
                    if (again := rx.match(text, at)) is not None and (fig := reader(again, text)) is not None:
                        found.append(fig)
        found.sort(key=lambda f: (f.start, -(f.end - f.start)))
        chosen: list[Figure] = []
        per = self.rules.per_markers
        for fig in found:
            if not chosen or fig.start >= chosen[-1].end:
                chosen.append(fig)
        chosen = [fig for fig in chosen if not (fig.start and text[fig.start - 1] in per)]  # 每10万人口: a rate's base
        figs = [fig for fig in chosen if self._read_after(fig, text) and self._read_before(fig, text)]
        for fig in figs:
            if fig.about and fig.approx is None:
                fig.approx = "约"  # 三四万, 七八十, 六七成: about either (超过三四万元 says more)
        return figs

    # -- shapes -------------------------------------------------------------

    def _percent_cn(self, m: re.Match, text: str) -> Figure | None:
        return self._numeric(m.start(), m.end(), m.group(0), "%", text)

    def _index(self, m: re.Match, text: str) -> Figure | None:
        """基尼系数为0.465, 收入之比由2012年的2.88缩小到2024年的2.34: a decimal with no unit, in a clause that names an
        index or a coefficient before it (a number with a unit is a quantity, which is longer and wins)."""
        clause = text[max(0, m.start() - self.rules.index_reach) : m.start()]
        clause = clause[max(clause.rfind(ch) for ch in _INDEX_CLAUSE_ENDS) + 1 :]
        if not any(w in clause for w in self.rules.index_words):
            return None
        value = parse_number(m.group(0))
        if value is None:
            return None
        if text.startswith("点", m.end()) and self.is_boundary(m.end() + 1):  # 报收3336.50点: an index's points
            return Figure(m.start(), m.end() + 1, text[m.start() : m.end() + 1], m.group(0), value, "点", "index")
        return Figure(m.start(), m.end(), m.group(0), m.group(0), value, "", "index")

    def _fraction(self, m: re.Match, text: str) -> Figure | None:
        value = parse_number(m.group(0))
        if value is not None and m.group(0).startswith("千分之"):  # 千分之六点三九: 6.39‰, as 7.87‰ is written
            return Figure(m.start(), m.end(), m.group(0), m.group(0), round(value * 1000, 9), "‰", "ratio")
        return None if value is None else Figure(m.start(), m.end(), m.group(0), m.group(0), value, "", "ratio")

    def _proportion(self, m: re.Match, text: str) -> Figure | None:
        """性别比为104.5∶100, 城乡居民收入比2.39:1: a ratio of two numbers, read only after a word naming one
        (so 10:30 and a score 3:1 are none); the value is the first over the second (1.045, 2.39). Of three
        numbers or more (三次产业结构为5.3:41.0:53.7), a composition: the value is the first one's share of
        their sum (0.053), and ``parts`` are the numbers as written."""
        before = text[max(0, m.start() - 4) : m.start()]
        terms = _RATIO_SEPARATOR.split(m.group(0))
        values = [parse_number(t) for t in terms]
        if not ends_with(before, self.rules.proportion_words) or None in values or not values[1]:
            return None
        if len(terms) == 2:
            fig = Figure(m.start(), m.end(), m.group(0), terms[0], values[0] / values[1], "", "ratio")
        elif (total := sum(values)) > 0:
            fig = Figure(m.start(), m.end(), m.group(0), terms[0], values[0] / total, "", "composition", parts=tuple(terms))
        else:
            return None
        fig.proportion = True
        return fig

    def _half(self, m: re.Match, text: str) -> Figure | None:
        if not ends_with(text[max(0, m.start() - 3) : m.start()], self.rules.half_before):
            return None
        return Figure(m.start(), m.end(), m.group(0), m.group(0), 0.5, "", "ratio")

    def _tenths(self, m: re.Match, text: str) -> Figure | None:
        """三成, 近七成, 8成以上, 六七成 (0.6 to 0.7): tenths, as a ratio (0.3), when the segmenter
        reads the figure as words of its own (not 一成不变, 八成新, 完成), or glues 成 to 为 after it (其中约六|成为|零售业:
        six tenths are)."""
        glued = text.startswith("成为", m.end() - 1) and self.is_boundary(m.end() + 1)
        led = m.start() > 0 and text[m.start() - 1] in _TENTHS_LEADS and self.is_boundary(m.start() - 1)  # 近九成(l)|为
        if not ((self.is_boundary(m.start()) or led) and (self.is_boundary(m.end()) or glued)):
            return None
        value = parse_number(m.group("num"))
        high = parse_number(m.group("num2")) if m.group("num2") else None
        if value is None or (m.group("num2") and high != value + 1):
            return None  # 六七成 is a range; 三八成 is none
        return Figure(
            m.start(), m.end(), m.group(0), m.group("num"), value / 10, "成", "ratio", high=None if high is None else high / 10, about=high is not None
        )

    def _doubling(self, m: re.Match, text: str) -> Figure | None:
        """翻一番 (doubled), 翻两番 (doubled twice): a change of that many doublings."""
        value = parse_number(m.group("num"))
        if value is None:
            return None
        fig = Figure(m.start(), m.end(), m.group(0), m.group("num"), value, "番", "change")
        fig.direction = 1
        return fig

    def _date(self, m: re.Match, text: str) -> Figure | None:
        """2022年9月26日, 9月, 10月份; a range of months or days (1—10月, 11月5日至8日) is one date whose
        ``iso`` is an ISO interval (--01/--10, --11-05/--11-08)."""
        raw = (m.group("year"), m.group("month"), m.group("day"), m.group("month2"), m.group("day2"))
        if not (raw[0] or raw[2] or raw[3]) and not raw[1].isdigit():
            return None  # 十月 alone is too often a name (十月革命)
        parsed = [parse_number(p) if p else None for p in raw]
        if any(v is None for v, p in zip(parsed, raw) if p):
            return None
        year, month, day, month2, day2 = (int(v) if v is not None else None for v in parsed)
        if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
            return None
        if (month2 is not None and not month < month2 <= 12) or (day2 is not None and not (day or 0) < day2 <= 31) or (month2 and day):
            return None  # 5—3月, 1—10月5日: no range of dates
        head = f"{year:04d}" if year else "-"
        iso = head + f"-{month:02d}" + (f"-{day:02d}" if day else "")
        if month2 or day2:
            iso += "/" + head + f"-{month2 or month:02d}" + (f"-{day2:02d}" if day2 else "")
        fig = Figure(m.start(), m.end(), m.group(0), raw[0] or raw[1], float(year or month), "", "date")
        fig.iso = iso
        return fig

    def _date_span(self, m: re.Match, text: str) -> Figure | None:
        """A range of dates whose end names its month (3月30日至4月2日, 3月1日至3月8日, 2024年12月至2025年3月),
        as one date with an ISO interval (--03-30/--04-02, 2024-12/2025-03)."""
        raw = [m.group(g) for g in ("year", "month", "day", "year2", "month2", "day2")]
        if (raw[2] is None) != (raw[5] is None) or (raw[3] and not raw[0]):
            return None  # 3月30日至4月: not two dates of one precision; 12月至2025年3月: no year to start from
        parsed = [int(parse_number(p)) if p else None for p in raw]
        year, month, day, year2, month2, day2 = parsed
        year2 = year2 or year
        if (year or 0, month, day or 0) >= (year2 or 0, month2, day2 or 0) or not 1 <= month <= 12 or not 1 <= month2 <= 12:
            return None  # 5月至3月, 3月8日至3月1日
        if day is not None and not (1 <= day <= 31 and 1 <= day2 <= 31):
            return None

        def iso(y: int | None, mo: int, d: int | None) -> str:
            return (f"{y:04d}" if y else "-") + f"-{mo:02d}" + (f"-{d:02d}" if d else "")

        fig = Figure(m.start(), m.end(), m.group(0), raw[0] or raw[1], float(year or month), "", "date")
        fig.iso = iso(year, month, day) + "/" + iso(year2, month2, day2)
        return fig

    def _first_months(self, m: re.Match, text: str) -> Figure | None:
        """前10个月: months one to N of a year, one date (--01/--10; 2025-01/2025-10 after 2025年)."""
        year = m.group("year")
        if not year and m.start() and "\u4e00" <= text[m.start() - 1] <= "\u9fff" and text[m.start() - 1] != "年":
            return None  # 去世前10个月: before something, not the year's first months
        last = int(parse_number(m.group("month2")))
        head = f"{int(parse_number(year)):04d}" if year else "-"
        fig = Figure(m.start(), m.end(), m.group(0), year or m.group("month2"), float(parse_number(year) if year else last), "", "date")
        fig.iso = f"{head}-01/{head}-{last:02d}"
        return fig

    def _quarter(self, m: re.Match, text: str) -> Figure | None:
        """一季度, 前三季度, 上半年: the months they span, one date (--01/--03, --01/--09, --01/--06; 2023-04/2023-06
        after 2023年)."""
        year = m.group("year")
        if m.group("q"):
            q = int(parse_number(m.group("q")))
            q0 = int(parse_number(m.group("q0"))) if m.group("q0") else q
            if m.group("q0") and q0 >= q:
                return None  # 三、二季度: no span backwards
            first, last = 3 * q0 - 2, 3 * q
        elif m.group("qn"):
            first, last = 1, 3 * int(parse_number(m.group("qn")))
        else:
            first, last = (1, 6) if m.group("half") == "上" else (7, 12)
        head = f"{int(parse_number(year)):04d}" if year else "-"
        fig = Figure(m.start(), m.end(), m.group(0), year or "", float(parse_number(year)) if year else float(last), "", "date")
        fig.iso = f"{head}-{first:02d}/{head}-{last:02d}"
        return fig

    def _year(self, m: re.Match, text: str) -> Figure | None:
        low = parse_number(m.group("num"))
        high = parse_number(m.group("num2")) if m.group("num2") else None
        if low is None or not 1000 <= low <= 2199 or (m.group("num2") and high is None):
            return None
        return Figure(m.start(), m.end(), m.group(0), m.group("num"), low, "年", "year", high=high)

    def _roc_year(self, m: re.Match, text: str) -> Figure | None:
        number = parse_number(m.group("num"))
        if number is None or not 1 <= number <= 200:
            return None
        return Figure(m.start(), m.end(), m.group(0), m.group("num"), number + ROC_EPOCH, "年", "year")

    def _roc_date(self, m: re.Match, text: str) -> Figure | None:
        """民国113年3月5日: 2024-03-05."""
        year, month, day = (parse_number(g) if g else None for g in m.group("year", "month", "day"))
        if year is None or month is None or not 1 <= year <= 200 or not 1 <= month <= 12 or (m.group("day") and (day is None or not 1 <= day <= 31)):
            return None
        fig = Figure(m.start(), m.end(), m.group(0), m.group("year"), float(year + ROC_EPOCH), "", "date")
        fig.iso = f"{year + ROC_EPOCH:04.0f}-{month:02.0f}" + (f"-{day:02.0f}" if day else "")
        return fig

    def _roc_later_year(self, m: re.Match, text: str) -> Figure | None:
        roc = text.rfind("民国", max(0, m.start() - self.rules.roc_reach), m.start())
        before = text[m.start() - 1 : m.start()]
        if _HAN.match(before) and before not in self.rules.roc_year_leads:
            return None  # (成立100年, 近100年: a span of years)
        number = parse_number(m.group("num"))
        if roc < 0 or number is None or not self.rules.roc_later_years[0] <= number <= self.rules.roc_later_years[1]:
            return None
        return Figure(m.start(), m.end(), m.group(0), m.group("num"), number + ROC_EPOCH, "年", "year")

    def _rank(self, m: re.Match, text: str) -> Figure | None:
        num = m.group("num")
        if not num.isdigit() and not any(p in text[max(0, m.start() - 8) : m.start()] for p in self.rules.rank_prefixes):
            return None  # 第一位 is a rank only after 居, 位居 ...
        value = parse_number(num)
        return None if value is None else Figure(m.start(), m.end(), m.group(0), num, value, m.group("unit"), "rank")

    def _quantity(self, m: re.Match, text: str) -> Figure | None:
        unit, unit1 = m.group("unit") or "", m.group("unit1") or ""
        if m.start() > 0 and text[m.start() - 1] == "第":
            return None  # an ordinal (第38个)
        if unit1 and (unit1 != unit or self._by_and_to(m, text)):
            # two figures, not a range: a change and the level it reaches (提升1.5个百分点至53.8%, 增加5万人至120万人)
            self._resume = m.start("num2")
            one = self._numeric(m.start(), m.end("unit1"), text[m.start() : m.start("unit1")], unit1, text)
            return one if one is not None and self.is_boundary(m.end("unit1")) else None
        end = m.end()
        if unit and not self.is_boundary(end) and not (text.startswith(self.rules.class_suffix, end) and self.is_boundary(end + 1)):
            if m.group("num2"):
                return None
            end, unit = end - len(unit), ""  # 14亿人民: 人 starts a word (but 10亿吨|级, 30万吨级: a class of that size)
        numeral = text[m.start() : end - len(unit)]
        if unit1:  # 100名至200名, 3亿元至5亿元: the unit said at both ends is read once
            numeral = text[m.start() : m.start("unit1")] + text[m.end("unit1") : end - len(unit)]
        fig = self._numeric(m.start(), end, numeral, unit, text)
        if fig is not None and unit and self.rules.units.get(unit) in ("measure", "money") and (per := self.rules.per_unit.match(text, end)):
            if self.is_boundary(per.end()) and not text.startswith(("/", "／"), per.end()):
                fig.end, fig.unit = per.end(), unit + "/" + per.group(1)  # 30微克/立方米: per cubic metre
                fig.text = text[fig.start : fig.end]
        if fig is not None and unit in self.rules.split_units:  # 2个多月: 2 months and more
            fig.unit, fig.approx = self.rules.split_units[unit], fig.approx or self.rules.approx_inside["多"]
        sign = _sign(text, m.start()) if fig is not None else 0
        if sign < 0 or (sign > 0 and fig.kind in SHARE_KINDS + ("percentage_point",)):  # not + between counts (1名市领导+1名…)
            fig.start, fig.text = fig.start - 1, text[fig.start - 1 : fig.end]
            fig.value *= sign  # -3至5: only the low end carries the sign
        return fig

    def _by_and_to(self, m: re.Match, text: str) -> bool:
        """Is a range of one unit after a verb of change, joined by 至 or 到, a change and the level it reaches
        (下降3元至20元, 增加5万人至120万人): a level at least ``level_over_change`` times the change? (增长5%至6% is a
        range of growth.)"""
        between = text[m.end("unit1") : m.start("num2")]
        if between not in ("至", "到") or not ends_with(text[max(0, m.start() - 3) : m.start()].removesuffix("了"), self.rules.verb_words):
            return False
        low, high = parse_number(text[m.start() : m.start("unit1")]), parse_number(m.group("num2"))
        return low is not None and high is not None and low > 0 and high >= self.rules.level_over_change * low

    def _numeric(self, start: int, end: int, numeral: str, unit: str, text: str) -> Figure | None:
        percent_cn = numeral.startswith("百分之")
        body = numeral[3:] if percent_cn else numeral
        parts = None if _ARABIC_ONLY.fullmatch(body) else split_range(body)
        first = parts[0] if parts is not None else body
        multiplied = _MULTIPLIER.search(_LEADING_CN_NUMERAL.sub("", body)) is not None
        if not unit and not multiplied and not percent_cn:
            return None  # a bare number: an enumeration, a phone number, a code
        inner = self.rules.inner_approx(body)
        vague = None if percent_cn else self._vague_prefix(start, first, text)
        round_lead = first[0] in _ROUND_LEADS and not inner and not percent_cn  # (百分之百 is 100%, no slogan's 百)
        if percent_cn and body == "百" and not self._whole_hundred(start, end, text):
            return None  # 百分之百落实, 百分之百的信心: fully, said of a deed, no share
        if (round_lead or vague) and not unit and (not self.is_boundary(end) or text[end : end + 1] in _NEGATIONS):
            return None  # 上万|不可, 千万|不要, 约|万诺夫斯基: no figure
        if round_lead:
            word = vague or ends_with(text[max(0, start - 3) : start], self.rules.round_number_after)
            if not word and (self.rules.units.get(unit) != "money" or text.startswith(self.rules.rate_base_nouns, end)):
                return None  # 千条线, 百家门, 万名党员进党校, 百度: a slogan's or a name's round number (投资千万元 is
                # money, but 万元地区生产总值能耗 a rate's base)
            inner = self.rules.round_number_words.get(word)  # 过百亿元: more than
        if vague:
            start -= 1  # 数十万, 上千名: the word belongs to the figure
        elif not percent_cn and not first[0].isdigit() and unit not in self.rules.small_cn_units:
            tens = "十" in first and len(first) >= 2 and unit not in self.rules.ordinal_units  # 五十多个, 十余人; not 十九届
            if not (multiplied or tens or any(ch in first for ch in "百千万亿点")):
                return None  # 三个, 两名, 十分: ordinary words, not statistics
        pair = None if parts is not None or percent_cn else approximate_pair(body)
        if pair is not None:
            value, high = pair  # 三四万人: about 30,000 to 40,000 (约 unless a word around it says more: 超过三四万元)
        elif parts is not None:
            value, high = parse_range(numeral) or (None, None)
        else:
            value, high = parse_number(body), None
        if value is None or value < self.rules.min_values.get(unit, 0):
            return None  # (十六字方针, 20字要求: the name of a formula, not the length of a text)
        kind = "percent" if percent_cn else self.rules.units.get(unit, "count")
        return Figure(start, end, text[start:end], first, value, "%" if percent_cn else unit, kind, high=high, approx=vague or inner, about=pair is not None)

    def _whole_hundred(self, start: int, end: int, text: str) -> bool:
        """Is 百分之百 at ``start``–``end`` a share: after a verb of being or reaching (覆盖率达到百分之百), or before 的 and
        what it is of (宽减百分之百的薪俸税), not before a word of will (百分之百的信心) or a verb (百分之百落实)?"""
        if text.startswith("的", end):  # (not 百分之百的覆盖了: 的 for 地, before a verb)
            return not text.startswith(self.rules.resolve_words, end + 1) and "了" not in text[end + 1 : end + 5]
        return text[max(0, start - 4) : start].endswith(self.rules.predicate_ends)

    def _vague_prefix(self, start: int, first: str, text: str) -> str | None:
        """The approximation of a vague word right before a round Chinese numeral (数十万, 几百, 上千),
        when the word starts a token (not 总数|十万, 晚上|十点) and makes no noun with a character of its
        own before it (党员|总|数十万 is 党员总数 十万: the segmenter glued 数 to the numeral)."""
        if start == 0 or first[0] not in _VAGUE_LEADS:
            return None
        word = self.rules.vague_prefixes.get(text[start - 1])
        if not word or not self.is_boundary(start - 1):
            return None
        if start >= 2 and text[start - 2 : start] in self.rules.vague_word_ends and self.is_boundary(start - 2):
            return None
        return word

    # -- context ------------------------------------------------------------

    def _read_after(self, fig: Figure, text: str) -> bool:
        """以上, 左右 after the figure, a word of its own (not 多 of 10个|多功能|厅); False when it only
        qualifies a subject (55岁以下的)."""
        fig.tail = fig.end
        word = starts_with(text[fig.end : fig.end + 4], self.rules.approx_after_words)
        if word and self.is_boundary(fig.end + len(word)):
            fig.approx = fig.approx or self.rules.approx_after[word]
            fig.tail = fig.end + len(word)
            if word in self.rules.threshold_words and text[fig.tail : fig.tail + 1] == "的" and fig.kind not in SHARE_KINDS:
                return False  # (60%以上的企业 is a share of the companies)
        return True

    def _read_before(self, fig: Figure, text: str) -> bool:
        """Approximation, share and change words before the figure, and where its subject may end."""
        fig.clause = past_aside(text, clause_start(text, fig.start, self.rules.delimiters), self.rules)
        pre = self._strip_figure_words(fig, text[fig.clause : fig.start])
        if fig.kind not in ("year", "date", "rank"):
            pre = self._read_change(fig, pre)
            link = ends_with(pre, self.rules.approx_links) or ""  # 约|有6.1万个, 将近|达到500亿元: about, before the verb
            if about := ends_with(pre[: len(pre) - len(link)], self.rules.approx_before_words):
                fig.approx = fig.approx or self.rules.approx_before[about]  # (the verb says the words before are a subject)
            pre = self._read_origin(fig, pre, text)
        elif fig.kind == "rank":
            pre = self._read_origin(fig, pre, text)  # 排名由2016年的第25位…: the subject ends before 由
            fig.origin = False  # (a rank that rises falls in number: no level is computed from it)
        if fig.kind == "count" and self._unnumbered_rank(fig, text):
            fig.kind = "rank"  # 全球排名较2016年的122位上升…: a place in a ranking, said without 第
        if (fig.proportion or fig.kind == "index") and (copula := ends_with(pre, self.rules.copulas)):
            pre = pre[: -len(copula)]  # 收入比|为 (jieba's one word 比为): the ratio is named before 为
        fig.cut = fig.clause + len(pre)
        return True

    def _unnumbered_rank(self, fig: Figure, text: str) -> bool:
        """Is a count of 位 or 名 a place in a ranking said without 第: a ranking named before it in its clause,
        and the clause ending after it or the place moving (排名260位，…; 从392名跃升至293名)? Not the first or
        last so many (排名前30位) nor people (排名靠后的10名参训学员), nor a move itself (排名跃升了4位: a change)."""
        rules = self.rules
        if fig.unit not in rules.rank_units or text[fig.start - 1 : fig.start] in ("前", "后"):
            return False
        before = text[fig.clause : fig.start]
        if before.endswith(("至", "到")):  # 从392名跃升至|293名: the place it reached
            before = before[:-1].removesuffix(next((m for m in rules.rank_moves if before[:-1].endswith(m)), ""))
        at = max(before.rfind(w) for w in rules.rank_nouns)
        if at < 0 or any(w in before[at:] for w in rules.rank_moves + rules.rank_sides):
            return False  # (排名跃升了4位: how far it moved; 排名靠后的乡镇党委书记5名: people)
        return fig.end >= len(text) or text[fig.end] in rules.delimiters or text.startswith(rules.rank_moves, fig.end)

    def _read_origin(self, fig: Figure, pre: str, text: str) -> str:
        """``从2020年的82.4岁``: a figure a later one grows or falls from; the subject ends before 从. After 从
        with words between it and the figure that hold no number, time or level, only when a level it grows
        to follows (从国外引进人才300名 is none: where they come from); 由 is an agent as often (由村里补贴10元)."""
        at = max(pre.rfind(m, max(0, len(pre) - self.rules.from_reach)) for m in self.rules.from_markers)
        if at < 0 or not self.is_boundary(fig.clause + at + 1):
            return pre  # (由于, 从事: a word of their own, no origin)
        between = pre[at + 1 :].strip()
        if pre[at] in self.rules.source_markers and between and not _LEVEL_BETWEEN.search(between) and not between.endswith("的"):
            after = _SENTENCE_PART.match(text, fig.end, min(len(text), fig.end + self.rules.from_reach)).group()
            if "到" not in after and "至" not in after:
                return pre  # 从国外|引进人才300名: where they come from, and no level it grows to after it
        fig.origin = True
        return pre[:at]

    def _strip_figure_words(self, fig: Figure, pre: str) -> str:
        rules = self.rules
        while True:
            word = ends_with(pre, rules.approx_before_words)
            if word:
                fig.approx = fig.approx or rules.approx_before[word]
            elif not fig.share and (word := ends_with(pre, rules.share_verbs)):
                fig.share = True
            elif fig.number[:1] in _ROUND_LEADS and (word := ends_with(pre, rules.round_number_after)) in rules.round_number_words:
                pass  # 过万元: its approximation was read with the figure (突破 is a verb of reaching, read later)
            elif pre.endswith("了"):
                word = "了"
            else:
                return pre
            pre = pre[: -len(word)]

    def _read_change(self, fig: Figure, pre: str) -> str:
        rules = self.rules
        if fig.unit == "%" and not fig.share:  # 营业收入2934亿元，增幅25.7%: a change of the figure before, said with a noun
            said = pre.rstrip()
            said = said[: -len(cop)] if (cop := ends_with(said, rules.copulas)) else said  # 增幅为8%
            if rate := ends_with(said, rules.rate_words):
                against, core = self._comparison(said[: -len(rate)])
                if not core.strip():
                    fig.kind, fig.direction, fig.against = "change", rules.rate_nouns[rate], against
                    return core
        when = _WHEN_OF.search(pre)
        if when and ends_with(pre[: when.start()], rules.level_markers):
            pre = pre[: when.start()]  # 增长到去年的789亿美元: the time the level was reached
        level = ends_with(pre, rules.level_markers)
        core = pre[: len(pre) - len(level)] if level else pre
        verb = ends_with(core, rules.verb_words) or (level and ends_with(core, rules.level_verbs))
        if verb in rules.comparison_only and self._comparison(core[: -len(verb)])[0] is None:
            verb = None
        if fig.direction:  # 比2010年翻一番: the shape holds its verb; only 比… is left to read
            fig.against, core = self._comparison(pre)
            return core
        if verb:
            core = core[: -len(verb)]
            if level:
                fig.level = True
            else:
                fig.direction = rules.change_verbs[verb]
                fig.kind = fig.kind if fig.kind == "percentage_point" else "change"
            fig.against, core = self._comparison(core)
            return core
        if fig.kind == "percentage_point":
            return self._point_comparison(fig, pre)
        if fig.text[0] in _SIGNS and ends_with(core, rules.signed_change_markers):
            fig.direction, fig.kind = 1, "change"  # 同比-2.5%: a change, its sign says which way
            fig.against, core = self._comparison(core)
            return core
        return pre

    def _comparison(self, pre: str) -> tuple[str | None, str]:
        """(``十九大``, text before 比) for ``pre`` = ``…比十九大``; (None, pre) without a comparison."""
        best, marker = -1, ""
        taken: list[tuple[int, int]] = []  # longer markers found first: 比 inside 同比 is not a marker of its own
        for m in self.rules.comparison_markers:
            for k in (i.start() for i in re.finditer(re.escape(m), pre)):
                if any(a <= k < b for a, b in taken):
                    continue
                taken.append((k, k + len(m)))
                if k > best and not any(pre.startswith(w, j) for w in self.rules.comparison_false for j in range(max(0, k - 2), k + 1)):
                    best, marker = k, m
        if best < 0:
            return None, pre
        between = pre[best + len(marker) :].strip()  # 同比实际增长: 实际 says how, not against what
        while adverb := ends_with(between, self.rules.comparison_adverbs):  # 比上年分别增长
            between = between[: -len(adverb)]
        if between in self.rules.adverb_subjects:
            between = ""
        return (between or self.rules.implied_against.get(marker, marker)), pre[:best]

    def _point_comparison(self, fig: Figure, pre: str) -> str:
        """A percentage-point figure with words between its verb and itself (高于全国0.4个百分点)."""
        best, verb = -1, ""
        for v in self.rules.verb_words:
            k = pre.rfind(v)
            if k > best and v not in self.rules.comparison_only:
                best, verb = k, v
        if verb:
            fig.direction = self.rules.change_verbs[verb]
        else:  # 分别贡献了3.5个百分点: a part of a rate, no change of one
            fig.direction = 0 if any(w in pre for w in self.rules.contribution_verbs) else 1
        if not verb:
            return pre
        between = pre[best + len(verb) :].strip()
        against, before = self._comparison(pre[:best])
        fig.against = between or against
        return before


def clause_start(text: str, pos: int, delimiters: set[str]) -> int:
    """Start of the clause holding ``pos`` (just after the last delimiter before it)."""
    k = pos - 1
    while k >= 0 and text[k] not in delimiters:
        k -= 1
    return k + 1


def past_aside(text: str, clause: int, rules: StatsRules) -> int:
    """A clause that opens right after a short bracketed aside starts before it:
    ``全年固定资产投资（不含农户）比上年增长3.9%`` is about 全年固定资产投资（不含农户）, and
    ``村（社区）党组织`` is one noun. An aside holding a clause delimiter (other than 、) is no such note."""
    while clause > 0 and text[clause - 1] in rules.close_brackets:
        k = clause - 2
        while k >= max(0, clause - 2 - rules.max_aside_chars) and text[k] not in rules.open_brackets:
            if text[k] in rules.delimiters and text[k] != "、":
                return clause  # an aside with a clause of its own (（指…后，…）) is no note on a noun
            k -= 1
        if k < 0 or text[k] not in rules.open_brackets or k == 0 or text[k - 1] in rules.delimiters:
            return clause  # （一）at a line's start, or an aside after a comma, is no subject's
        clause = clause_start(text, k, rules.delimiters)
    return clause


def clause_end(text: str, pos: int, delimiters: set[str]) -> int:
    """End of the clause holding ``pos`` (the next delimiter, or the end of the text)."""
    k = pos
    while k < len(text) and text[k] not in delimiters:
        k += 1
    return k


# ---------------------------------------------------------------------------- tokens


class TokenIndex:
    """The Doc's tokens in view offsets: boundaries for units and subjects, tags for the following noun.

    Built from the Doc's arrays in one pass (no Python work per token); a token's
    text and tag are read only where a figure asks for the noun that follows it.
    """

    def __init__(
        self, doc: Doc, view: TextView, is_word: Callable[[str], bool] = no_words, edge_tags: Callable[[str], tuple[str, str]] = no_tags
    ) -> None:
        self._doc = doc
        self.text = view.text
        self._is_word = is_word
        self._edge_tags = edge_tags
        if len(doc):
            array = doc.to_array([IDX, LENGTH, IS_SPACE]).astype(numpy.int64)
            words = numpy.flatnonzero(array[:, 2] == 0)
            idx, length = array[words, 0], array[words, 1]
            starts = view.to_view_array(idx)
            ends = view.to_view_array(idx + length - 1) + 1
        else:
            words = starts = ends = numpy.zeros(0, dtype=numpy.int64)
        self._words: list[int] = words.tolist()  # Doc index of each non-space token
        self.starts: list[int] = starts.tolist()
        self.ends: list[int] = ends.tolist()
        self.boundaries: set[int] = {0, len(view.text), *self.starts, *ends.tolist()}

    def token(self, i: int) -> tuple[str, str]:
        """Text and tag of the ``i``-th non-space token."""
        token = self._doc[self._words[i]]
        return token.text, token.tag_

    def object_start(self, start: int, end: int, rules: StatsRules) -> int:
        """Where the object of the last 将 or 把 (rules.object_markers) between ``start`` and ``end`` starts,
        when a noun follows it (中方决定将|单方面…, 康利达集团将|河南…); else ``start`` (还将|继续招聘)."""
        if not any(m in self.text[start:end] for m in rules.object_markers):
            return start
        first, last = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end) - 1
        for i in range(last - 1, first - 1, -1):
            if self.ends[i + 1] <= end and self.token(i)[0] in rules.object_markers and self._nominal(self.token(i + 1)[1], rules):
                return self.starts[i + 1]
        return start

    def actor_object_start(self, start: int, end: int, rules: StatsRules) -> int:
        """Where the object starts when the text from ``start`` is a pronoun, adverbs, a verb and a noun
        before ``end`` (我们|已经|下拨|中央财政资金); else ``start``."""
        if not self.text.startswith(rules.actor_pronouns, start):
            return start
        i = bisect.bisect_left(self.starts, start)
        if i >= len(self.starts) or self.starts[i] != start or self.token(i)[0] not in rules.actor_pronouns:
            return start
        i += 1
        while i < len(self.starts) and self.ends[i] < end and self.token(i)[1] in ("d", "ad"):
            i += 1
        if i + 1 >= len(self.starts) or self.token(i)[1] not in ("v", "vn"):  # (预计 is vn)
            return start
        j = i + 1
        while j < len(self.starts) and self.token(j)[0] in ("了", "着", "过", "到"):
            j += 1  # 我们梳理了|…, 我了解|到|…
        if j >= len(self.starts) or self.ends[j] > end or self.token(j)[1] in ("d", "p", "ad", "v"):
            return start  # (梳理了|整整30个月, 奔波|到|距离银川: no object there)
        return self.starts[j] if self.noun_between(self.starts[j], end, rules) else start  # 我们看到|国内(s)生产总值

    def foreseen_start(self, start: int, end: int, rules: StatsRules) -> int:
        """Where what is foreseen starts when a word of foresight stands inside the text before ``end``, a word
        of its own with a noun after it (政府预计|今年本地生产总值); else ``start``."""
        text = self.text[start:end]
        for verb in rules.foresight_verbs:
            at = text.find(verb, 1)
            after = start + at + len(verb)
            if at > 0 and self.is_boundary(start + at) and self.is_boundary(after) and self.noun_between(after, end, rules):
                return after
        return start

    def tally_object_start(self, start: int, end: int, rules: StatsRules) -> int:
        """Where the object starts when a word of tallying, a verb and a noun end the text before ``end``
        (全市各级调解员共|化解|各类矛盾纠纷2642起, 全国铁路共|发展|劳务派遣工党员427人); else ``start``."""
        text = self.text[start:end]
        if not any(w in text for w in rules.tally_words):
            return start
        first, last = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end) - 1
        for i in range(last - 2, first - 1, -1):
            if self.token(i)[0] in rules.tally_words and self.token(i + 1)[1] in ("v", "vn"):
                j = i + 2
                while j < last and self.token(j)[1] in ("r", "b"):  # 各类|矛盾纠纷
                    j += 1
                if self._nominal(self.token(j)[1], rules) and self.text[self.starts[i + 2] : end] not in rules.generic_heads:
                    return self.starts[i + 2] if self.starts[i] > start else start  # (累计签约|规模 says only what is measured)
        return start

    def verb_object_start(self, start: int, end: int) -> int:
        """Where the object starts when a verb and nouns end the text before ``end`` (全省|改造|老旧小区,
        惠及|群众); else ``start`` (城镇|新增|就业: 就业 is vn)."""
        first, last = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end) - 1
        if last < first or self.ends[last] > end:
            return start
        tags = [self.token(k)[1] for k in range(first, last + 1)]  # (a subject is a few tokens)
        j = len(tags) - 1
        if not tags[j].startswith("n"):
            return start
        while j >= 0 and (tags[j].startswith("n") or tags[j] in ("a", "b")):  # 老旧(a)|小区
            j -= 1
        # a verb of two characters or more, then a word of two or more (not 安置|房, 督战|队: compounds),
        # with no noun before it (东莞市|快递|企业, 社会|组织|党组织: the verb is part of a compound)
        if (
            j >= 0
            and tags[j] == "v"
            and len(self.token(first + j)[0]) > 1
            and len(self.token(first + j + 1)[0]) > 1
            and not any(tag.startswith(("n", "vn", "j")) for tag in tags[:j])
        ):
            return self.starts[first + j + 1]
        return start

    def object_after_done(self, start: int, end: int, rules: StatsRules) -> int | None:
        """Where the object starts when the text from ``start`` opens with a verb and 了 and a noun follows
        before ``end`` (确定了|立查立改事项, 撰写了|《…》等专题调研报告); else None."""
        if "了" not in self.text[start + 1 : start + 5]:
            return None  # (most subjects: no token is looked at)
        i = bisect.bisect_left(self.starts, start)
        if i + 2 >= len(self.starts) or self.starts[i] != start or self.token(i)[1] != "v" or self.token(i + 1)[0] != "了":
            return None
        at = self.ends[i + 1]
        return at if end - at > 1 and self.noun_between(at, end, rules) else None

    def object_after_holding(self, start: int, end: int, rules: StatsRules) -> int | None:
        """Where the object starts when a verb of holding or giving out (开展, 召开, 发放, 受理) stands as a word of
        its own between ``start`` and ``end`` and a noun follows it (领导班子共开展|各类学习活动312次: what is
        counted is what was held); else None. The last such verb, and not one in a relative clause (…的)."""
        text = self.text[start:end]
        if not rules.holding_rx.search(text):
            return None  # (most subjects: no token is looked at)
        first, last = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        for i in range(last - 1, first - 1, -1):
            word, tag = self.token(i)
            if word not in rules.holding_verbs or tag not in ("v", "vn"):
                continue
            if self.text.count("“", start, self.starts[i]) > self.text.count("”", start, self.starts[i]):
                continue  # a verb in a quoted name (“学生培养工作”等专题座谈会)
            before, before_tag = self.token(i - 1) if i > first else ("", "")
            if tag == "vn" and before_tag != "d" or before_tag == "uj" or before_tag == "r" and before[-1:] in "类种项":
                continue  # a verbal noun is the verb after an adverb (已|培育|国家级…企业); not after 的 or 各类 (党组织的|组建率)
            j = i + 2 if i + 2 < last and self.token(i + 1)[0] in ("到", "了", "出") else i + 1  # 收集|到|各类建议, 培养|出|技术人才
            while j + 2 < last and self.token(j)[1] == "c" and self.token(j + 1)[1] == "v":
                j += 2  # 受理|并|办结|司法救助案件, 发放|及|回收|调查问卷: one more verb before what was held
            if j >= last or self.token(j)[1][:1] in _NOT_AN_OBJECT:
                return None  # what was held comes right after the verb (建成|后, 建成|并|投入使用 are no such)
            at = self.starts[j]
            if "的" in self.text[at:end] or self.text[at:end] in rules.generic_heads:
                return None  # (累计签约|规模: the size of what was signed, said by the verb)
            return at if self.noun_between(at, end, rules) else None
        return None

    def complement_start(self, start: int, end: int, rules: StatsRules) -> int | None:
        """Where the words after a copula 为 start when two characters or more stand before it and one word or
        two nouns after it before ``end`` (测评结果为|满意46票, 费率为|小型车四十元): the class that is counted,
        not what was classed (以党建为引领 is a manner, not a class); else None."""
        text = self.text[start:end]
        at = text.find("为", 2)
        if at < 0 or at > len(text) - 3 or not (self.is_boundary(start + at) and self.is_boundary(start + at + 1)):
            return None
        if "以" in self.text[clause_start(self.text, start, _WIDE_DELIMITER_SET) : start + at]:
            return None  # (以党员、入党积极分子为骨干的志愿服务队)
        first, last = bisect.bisect_left(self.starts, start + at + 1), bisect.bisect_left(self.starts, end) - 1
        if first == last:
            return self.starts[first] if self.token(first)[1] in ("n", "v", "a", "vn", "nz") else None  # 为|满意
        # a class of two nouns (成长为|总资产, 为|小型车), not 为 as "for" before what is done for someone
        # (为|园区|节省|电费, 为|企业|提供|转贷过桥资金: jieba tags such verbs n or vn as often as v)
        return start + at + 1 if last == first + 1 and all(self._nominal(self.token(i)[1], rules) for i in (first, last)) else None

    def is_boundary(self, pos: int) -> bool:
        """Does a token start or end at ``pos``?"""
        return pos in self.boundaries

    def can_cut(self, pos: int) -> bool:
        """May a subject be cut at ``pos``? At a token edge, or in the middle of two characters the
        segmenter joined into no dictionary word (赤字|率拟|按: 率拟 is its guess at an unknown word),
        unless the first is a negation (人数|不达: 不达 stays whole); or before the last character of a longer
        token that is no dictionary word either (与国内生产总值之比|为: 之比为 is the segmenter's guess)."""
        if pos in self.boundaries:
            return True
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0 or self.ends[i] != pos + 1:
            return False
        if self.starts[i] < pos - 1:
            return not self._is_word(self.text[self.starts[i] : pos + 1])
        pair = self.text[pos - 1 : pos + 1]
        return self.starts[i] == pos - 1 and pair[0] not in _NEGATIONS and not self._is_word(pair)

    def following_noun(
        self, pos: int, limit: int, rules: StatsRules, *, through_de: bool = False, counted: bool = False, reach: int | None = None
    ) -> str:
        """The noun phrase starting at ``pos`` (出席党的二十大代表, 选举单位 of 选举单位分别召开), or ''.

        With ``through_de`` a 的 right after the figure leads to the noun it measures
        (280多公里的距离 -> 距离); without, 的 means the figure qualifies what follows.
        With ``counted`` (a count with a measure word) a word jieba tags oddly may start
        the phrase (3578家|非公企业, 9个|县): after 家 or 个 comes what is counted.
        Nouns listed with 、 (155个国家、地区和国际组织) may take the phrase on to ``reach``, when it ends
        with a noun there (not 7名热心公益事业、责任心强).
        """
        listed = 0  # the words before the first list mark taken
        i = bisect.bisect_left(self.starts, pos)
        words: list[tuple[str, str]] = []
        close = rules.quote_pairs.get(self.text[pos : pos + 1])
        end = self.text.find(close, pos + 2, min(limit, pos + 2 + rules.max_quoted_noun)) if close else -1
        if end > 0:  # 9个“空壳村”: a quoted name is what is counted, with a noun right after it if any
            words.append((self.text[pos : end + 1], "n"))
            i = bisect.bisect_left(self.starts, end + 1)
        while i < len(self.starts) and self.starts[i] < max(limit, reach or 0):
            word, tag = self.token(i)
            if self.starts[i] >= limit and word not in rules.list_marks:
                break  # (past the clause only to read a list)
            if counted and not words and word in rules.negated_qualifiers and self._tag_at(i + 1, limit)[:1] in ("v", "n") and self._noun_at(i + 2, limit, rules):
                words += [(word, "d"), (self.token(i + 1)[0], "b")]  # 52个|未|摘帽|贫困县: a qualifier with no 的
                i += 2
                continue
            if not words and word == "的":
                if not through_de:
                    return ""  # 十四亿多人的粮食安全: the figure qualifies what follows, it does not count it
                through_de = False
                i += 1
                continue
            lead = counted and all(t in rules.lead_modifier_tags for _, t in words) and word not in rules.stop_words
            if lead and not words and tag in rules.lead_phrase_tags and self._phrase_noun(word, i, limit, rules):
                tag = "n"  # 500名|困难群众(l), 2架|无人机(l): what is counted
            if lead and tag in rules.lead_noun_tags:
                words.append((word, "n"))  # 9个|县(zg): right after a count, a morpheme is what is counted,
                if self._tag_at(i + 1, limit) == "nt":
                    i += 1  # 120名|村|党组织(nt)|书记: a body's name after it goes on
                    continue
                break  # and ends it: jieba's tags after it are no guide (县|摘帽 is tagged n)
            elif lead and tag in rules.lead_modifier_tags and len(word) >= 2 and self._noun_at(i + 1, limit, rules):
                words.append((word, tag))  # 3578家|非公(d)|企业: a modifier of what is counted (not 又|创新)
                i += 1
                continue
            elif lead and not words and tag in rules.lead_idiom_tags and self._tag_at(i + 1, limit) in rules.lead_noun_tags:
                words += [(word, tag), (self.token(i + 1)[0], "n")]  # 556个|软弱涣散(i)|村(zg)
                if self._tag_at(i + 2, limit) != "nt":
                    break  # as after 9个|县: what jieba tags after the morpheme is no guide (村|摘帽 n)
                i += 2  # 18名|优秀|村|党组织(nt)|书记
                continue
            if tag in rules.lead_noun_tags and words and words[-1][0] in rules.settlement_verbs:
                words.append((word, "n"))  # 重点|帮扶|县(zg): the morpheme after such a verb heads the compound, and ends it
                break
            if tag in rules.lead_noun_tags and len(word) == 1 and words and words[-1][1].startswith("n") and word not in _ADVERB_MORPHEMES:
                words.append((word, "n"))  # 46个村民|组(zg): so does one right after a noun (not 病情|很(zg))
                break
            if word in rules.class_bounds and words and self._class_word(*words[-1], rules) and self._noun_at(i + 1, limit, rules):
                words.append((word, tag))  # 97个|省级|以上|园区: the class of what is counted
                i += 1
                continue
            if word in rules.joining_words and words and words[-1][1] in rules.joined_tags and self._tag_at(i + 1, limit) == words[-1][1]:
                words.append((word, tag))  # 54万名湖北省|和|武汉市医务人员: places joined, then what is counted
                i += 1
                continue
            if word in rules.last_joining_words and words and words[-1][1] in rules.joined_last_tags and self._joins_last(i + 1, words, rules, limit):
                words += [(word, tag), self.token(i + 1)]  # 300名党员|和|群众|参与, 50多个国家|和|地区
                if self._compound_head(self._word_at(i + 2, limit), words[-1][0], rules):
                    words.append((self.token(i + 2)[0], "n"))  # 非公企业|和|社会|组织
                break
            if reach and word in rules.list_marks and words and words[-1][1] in rules.joined_last_tags and self._list_item(i + 1, reach, words[-1]):
                listed, limit = listed or len(words), reach
                words += [(word, tag), self.token(i + 1)]  # 155个国家|、|地区|和|国际|组织: kinds listed, then joined
                i += 2
                continue
            if words and self._compound_head(word, words[-1][0], rules):
                words.append((word, "n"))  # 3个国际|组织(v): the head of a compound noun jieba cut, not a verb
                i += 1
                continue
            if word in ("外", "内") and tag == "f" and words and words[-1][1].startswith("n") and self._noun_at(i + 1, limit, rules):
                words.append((word, tag))  # 117个目录|外|药品: inside or outside a noun, then what is counted
                i += 1
                continue
            if self._ends_phrase(word, tag, words, rules, i, limit):
                break
            words.append((word, tag))
            i += 1
        if listed and not words[-1][1].startswith("n"):
            del words[listed:]  # (7名热心公益事业|、|责任心|强: no list of what is counted)
        if not any(self._nominal(tag, rules) for _, tag in words):
            return ""
        if words[0][0] in rules.predicate_leads and not any(word == "的" for word, _ in words):
            return ""  # 179个|正在进行退出检查: a predicate, not what is counted (22个|正在建设的工程项目 is)
        phrase = "".join(word for word, _ in words)
        strip = starts_with(phrase, rules.following_strip)
        return phrase[len(strip) :] if strip else phrase

    @staticmethod
    def _class_word(word: str, tag: str, rules: StatsRules) -> bool:
        """Is ``word`` a class that 以上/以下 bound (省级, 县处级, 规模: 省级以上园区), not what is counted
        (500万人口|以下城市: the bound is of the figure)?"""
        return tag == "b" or word.endswith("级") or word in rules.class_words

    def _phrase_noun(self, word: str, i: int, limit: int, rules: StatsRules) -> bool:
        """Is ``word`` (token ``i``), a phrase jieba's dictionary holds whole, a noun phrase: it ends with a
        noun (a verb before it qualifies it: 发明|专利, 与会|代表) and starts with no adverb or negation
        (困难|群众, 国家|专利; not 扩大|开放, 不|胜任), and no 的 follows it (不胜任|的|村书记 qualifies what is counted)?"""
        first, last = self._edge_tags(word)
        return (
            last.startswith("n")
            and first not in rules.phrase_not_first_tags
            and word[0] not in _NEGATIONS
            and self._tag_at(i + 1, limit) != "uj"
        )

    def relative_noun(self, pos: int, limit: int, rules: StatsRules) -> str:
        """What a count counts when a short clause with no noun in it qualifies it before 的
        (7名|不胜任|的|村书记, 4265名|尚未|脱贫|的|老乡), or ''."""
        de = self.text.find("的", pos, min(limit, pos + rules.max_relative_chars + 1))
        if de <= pos or not self.is_boundary(de) or not self.is_boundary(de + 1):
            return ""
        first, last = bisect.bisect_left(self.starts, pos), bisect.bisect_left(self.starts, de)
        if any(self._nominal(self.token(k)[1], rules) or self.token(k)[1] in rules.relative_stop_tags for k in range(first, last)):
            return ""
        noun = self.following_noun(de + 1, limit, rules, counted=True)
        if len(noun) == 1 and self._tag_at(bisect.bisect_left(self.starts, de + 2), limit).startswith("n"):
            noun += self.following_noun(de + 2, limit, rules)  # 的|村(zg)|书记: after 的 the morpheme leads a noun
        return noun

    def _joins_last(self, i: int, words: list[tuple[str, str]], rules: StatsRules, limit: int) -> bool:
        """Is token ``i``, after a conjunction, a word of the tag of the last of ``words`` that ends what is
        counted (党员|和|群众|参与), with the head of a compound the segmenter cut after it (社会|组织, 国际|组织)?"""
        if self._tag_at(i, limit) != words[-1][1]:
            return False
        nxt = self._tag_at(i + 1, limit)
        if not nxt:
            return True
        word, tag = self.token(i + 1)
        words = [*words, self.token(i)]
        if self._compound_head(word, words[-1][0], rules):  # 社会|组织: the compound goes on; what follows it must end the phrase
            words.append((word, "n"))
            i += 1
            if not self._tag_at(i + 1, limit):
                return True
            word, tag = self.token(i + 1)
        return self._ends_phrase(word, tag, words, rules, i + 1, limit)

    def _list_item(self, i: int, limit: int, last: tuple[str, str]) -> bool:
        """Is token ``i`` a noun listed after ``last`` (国家|、|地区, 省|、|市), with no numeral in it
        and no figure right after it (not 16页纸|、|近万字, 袜子8万多双|、|鞋子|2万多双)?"""
        word, tag = self._word_at(i, limit), self._tag_at(i, limit)
        if tag != last[1] or any(ch in _LIST_NUMERALS or ch.isdigit() for ch in word):
            return False
        return self._tag_at(i + 1, limit) != "m" or self._word_at(i + 1, limit).endswith("级")  # (州、市两级党员干部)

    @staticmethod
    def _compound_head(word: str, before: str, rules: StatsRules) -> bool:
        """Is ``word``, after ``before``, the head of a compound noun jieba cut (国际|组织; not 党支部|组织, a verb)?"""
        return word in rules.compound_heads and before.endswith(rules.compound_heads[word])

    def _noun_at(self, i: int, limit: int, rules: StatsRules) -> bool:
        """Is token ``i`` (before ``limit``) a noun (n*), or a word that right after a count reads as one?"""
        tag = self._tag_at(i, limit)
        return tag.startswith("n") or tag in rules.lead_noun_tags

    def tag_between(self, start: int, end: int, test: Callable[[str], bool]) -> bool:
        """Does the tag of any token in ``[start, end)`` pass ``test``?"""
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.starts) and self.starts[i] < end:
            if test(self.token(i)[1]):
                return True
            i += 1
        return False

    def past_verbs(self, start: int, end: int) -> int:
        """Where the verbs and adverbs (v, d) the tokens from ``start`` open with end, before ``end``."""
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.starts) and self.starts[i] == start < end and self.token(i)[1] in ("v", "d"):
            start = self.ends[i]
            i += 1
        return start

    def verb_between(self, start: int, end: int) -> bool:
        """Is there a verb (v) among the tokens in ``[start, end)``?"""
        return self.tag_between(start, end, lambda tag: tag == "v")

    def noun_between(self, start: int, end: int, rules: StatsRules) -> bool:
        """Is there a noun (or a word read as one right after a count) among the tokens in ``[start, end)``?"""
        return self.tag_between(start, end, lambda tag: self._nominal(tag, rules) or tag in rules.lead_noun_tags)

    def token_at(self, pos: int) -> tuple[str, str]:
        """The token starting at ``pos`` (word, tag), or ('', '') when none does."""
        i = bisect.bisect_left(self.starts, pos)
        return self.token(i) if i < len(self.starts) and self.starts[i] == pos else ("", "")

    def token_ending(self, pos: int) -> tuple[str, str]:
        """The token ending at ``pos`` (word, tag), or ('', '') when none does."""
        i = bisect.bisect_left(self.starts, pos) - 1
        return self.token(i) if i >= 0 and self.ends[i] == pos else ("", "")

    def nominal_before(self, pos: int, rules: StatsRules) -> bool:
        """Does a noun (n*, or a word read as one) end right at ``pos``?"""
        i = bisect.bisect_left(self.starts, pos) - 1
        return i >= 0 and self.ends[i] == pos and self._nominal(self.token(i)[1], rules)

    def _tag_at(self, i: int, limit: int) -> str:
        """The tag of token ``i``, or '' past the end or ``limit``."""
        return self.token(i)[1] if i < len(self.starts) and self.starts[i] < limit else ""

    @staticmethod
    def _nominal(tag: str, rules: StatsRules) -> bool:
        return tag.startswith("n") or tag in rules.noun_tags

    def _ends_phrase(self, word: str, tag: str, words: list[tuple[str, str]], rules: StatsRules, i: int, limit: int) -> bool:
        """Does ``word``, token ``i`` tagged ``tag``, end the phrase ``words`` (read up to ``limit``)?"""
        if tag in rules.stop_tags or word in rules.stop_words or any(ch.isdigit() for ch in word):
            return True
        if not any(self._nominal(t, rules) for _, t in words):
            return False
        # After a noun a verb starts the predicate (选举单位|分别召开, 方面条件|进行), and so does a
        # distinguishing word no noun follows (党员|主动|参与, not 工作|临时|党支部); 的 ends a phrase
        # that began with a noun (党员|的马克思主义政党), not a relative clause (出席党的二十大代表).
        return (
            (tag in rules.verb_tags and word not in rules.people_words and not (word in rules.settlement_verbs and self._tag_at(i + 1, limit) in rules.lead_noun_tags))
            or (tag in rules.modifier_tags and not self._nominal(self._tag_at(i + 1, limit), rules))
            or (word == "的" and self._nominal(words[0][1], rules))
            or (tag == "m" and word[0] in _NUMERAL_WORD_STARTS and not self._qualifies_noun(i + 1, limit))
            # 900余份材料|一一|检查, 4名同乡|一道: the predicate's (not a morpheme jieba tags m: 2个水源|点, 12次主题|党日;
            # nor one that qualifies a noun: 8个市县|两级|示范点, 228名来自脱贫攻坚|一线|的干部, 党的|十九|大|精神)
            or (tag == "vn" and self._word_at(i + 1, limit) in rules.resultative_words)  # 61名党员|发展|到: a verb there
            or (word[0] in _NEGATIONS and "的" not in self.text[self.starts[i] : limit])  # 15份合同|不厚: the predicate
            or (tag == "l" and self._verb_phrase(word, before_noun=self._nominal(self._tag_at(i + 1, limit), rules)))  # 党员|积极开展(l)
        )  # (45个办公设施不全的党员活动室: a relative clause, read as before)

    def _qualifies_noun(self, i: int, limit: int) -> bool:
        """Does token ``i`` start what a numeral before it qualifies: a noun, a place word (第四批|高中), a
        distinguishing word, 的, or an adjective before a noun (十九|大|精神)?"""
        tag = self._tag_at(i, limit)
        return tag.startswith("n") or tag in ("s", "b") or self._word_at(i, limit) == "的" or (tag == "a" and self._tag_at(i + 1, limit).startswith("n"))

    def _verb_phrase(self, word: str, *, before_noun: bool) -> bool:
        """Is ``word``, a phrase jieba's dictionary holds whole (l), a verb with what leads it: an adverb (积极|开展
        活动, 紧紧|围绕), or a verb with no noun after it (围坐|在一起，); not a noun phrase (劳动|就业, 技术|改造) nor
        a verb phrase that qualifies the noun after it (服务业|扩大|开放|综合试点)?"""
        first, last = self._edge_tags(word)
        return last == "v" and (first in ("d", "a", "ad") or (first == "v" and not before_noun))

    def _word_at(self, i: int, limit: int) -> str:
        """The text of token ``i``, or '' past the end or ``limit``."""
        return self.token(i)[0] if i < len(self.starts) and self.starts[i] < limit else ""


# ---------------------------------------------------------------------------- subjects and links


class Linker:
    """Places figures in sentences, reads their subjects and links them to each other.

    Links: a change to the figure it changes (``619名`` ← ``比十九大增加68名``), a
    level to its origin (``从54万亿元增长到114万亿元``), a share to its count and
    to the earlier total that confirms it (``771名,占33.6%`` of ``2296名``).
    """

    def __init__(self, text: str, rules: StatsRules, tokens: TokenIndex) -> None:
        self.text = text
        self.rules = rules
        self.tokens = tokens
        self.partitives: list[tuple[int, int, int]] = []  # (start, end, whole) of each 中 that opens parts, read by link
        ends = re.compile("[" + re.escape("".join(rules.sentence_ends | {"\n"})) + "]")
        self.sentence_starts = [0] + [m.end() for m in ends.finditer(text)]
        self.paragraph_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.uneven_lists: list[tuple[list[int], str, list[int]]] = []  # figures after 分别 and the list of another length before it
        self._ratio_whole: tuple[int, str] | None = None  # (sentence, whole) of the last 占Y比重 share
        self.headings: list[tuple[int, int, int, int | None]] = []  # (start, end, level, article) of the text's headings

    def sentence_text(self, index: int) -> str:
        """The text of sentence ``index``, trimmed."""
        start = self.sentence_starts[index]
        end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else len(self.text)
        return self.text[start:end].strip()

    def sentence_range(self, index: int) -> tuple[int, int]:
        start = self.sentence_starts[index]
        end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    def context(self, fig: Figure) -> tuple[str, str]:
        """The words of a figure's clause before and after it, fillers off.

        ``农民党员共26名`` and ``农民党员85名`` share a context: (农民党员, ''); ``选派482名干部``
        and ``组织直属部门选派5628名干部`` do not, nor do ``2名妇女当选副主席`` and ``4名妇女当选委员``.
        """
        rules, text = self.rules, self.text
        pre = text[fig.clause : fig.cut]
        while (word := ends_with(pre, rules.trim_suffix)) and len(pre) > len(word):
            pre = pre[: -len(word)]
        while (word := starts_with(pre, rules.trim_prefix)) and len(pre) > len(word):
            pre = pre[len(word) :]
        return pre.strip(), text[fig.tail : clause_end(text, fig.tail, rules.delimiters)].strip()

    def part_start(self, pos: int) -> int:
        """Start of the part of the sentence holding ``pos``: 学校党委…立行立改50条；二级党委…立行立改347条 has two."""
        start = self.sentence_starts[bisect.bisect_right(self.sentence_starts, pos) - 1]
        return max(start, self.text.rfind("；", start, pos) + 1, self.text.rfind(";", start, pos) + 1)

    def link(self, figs: list[Figure]) -> None:
        """Every step, in order; each reads what the earlier ones wrote."""
        for fig in figs:
            self._place(fig)
        quantity = None  # the last figure before that is no year or date
        for i, fig in enumerate(figs):
            self._own_subject(fig, figs[i - 1] if i else None, quantity)
            quantity = quantity if fig.kind in ("year", "date") else fig
        self._counted_together(figs)
        self.partitives = self._find_partitives(figs)  # once the counts have their own subjects
        self._partitive_parts(figs)
        self._lists(figs)
        self._respectively(figs)
        self._changes(figs)
        self._levels(figs)
        self._shares(figs)
        self._bare_totals(figs)
        self._inherit_subjects(figs)
        self._refine_wholes(figs)
        self._named_counts(figs)
        self._totals(figs)
        self._when(figs)

    def _when(self, figs: list[Figure]) -> None:
        """Each figure's time: the nearest year or date before it in its sentence (10月份，规模以上工业增加值增长4.6%;
        从2012年的9899万人减到2019年底的551万人; 去年国内生产总值增长5.2%), not one it is compared with or a multiple
        of (比2015年增加19.8%, 是2010年的2.5倍, 比上年增长), which is only the time of a level right after it and 的
        (较2016年的122位上升了24个位次)."""
        words = self._relative_years()
        year_of = {w.end: w.years for w in words}  # 今年|前三季度, 去年|12月: a date with no year, in the year the word names
        dates = [
            Time(f.start, f.end, f.sentence, f.clause, figure=i, years=year_of.get(f.start) if (f.iso or "").startswith("--") else None)
            for i, f in enumerate(figs)
            if f.kind in ("year", "date")
        ]
        times = sorted(dates + words, key=lambda t: t.start)
        k, last, compared = 0, None, None  # compared: a time compared with, and 的 after it: of the next figure alone
        for fig in figs:
            if fig.kind in ("year", "date"):
                continue
            while k < len(times) and times[k].start < fig.start:
                time, k = times[k], k + 1
                if not self._compared_time(time):
                    last, compared = time, None
                elif time.figure is not None and self.text.startswith("的", time.end):
                    compared = time
            last = last if last is not None and last.sentence == fig.sentence else None
            of_compared = compared is not None and compared.sentence == fig.sentence and fig.kind not in SHARE_KINDS
            fig.when = compared if of_compared else last  # (是2010年的2.5倍: a multiple of its level, said of the time before)
            if fig.when is not None and self._other_time(fig.when, fig):
                fig.when = last = None  # 2006年的“半壁江山”，发展到现在超过GDP的7成: another time, the text's own
            compared = None
        if self.headings:
            self._section_years(figs, times)

    def _section_years(self, figs: list[Figure], times: list[Time]) -> None:
        """A figure whose sentence names no time, under a heading that names one (一、2024年工作回顾, 二、今年主要目标任务),
        in an article whose title names a year or a date (…通报2024年1至9月…情况), or in the answer to a question that
        does (问：2024年全国经济运行情况如何？), is of that time, and so under the
        headings below that one, up to the next heading of its level or above in its article; a time with 以来 after it
        (2012年以来) is a span, and a heading naming two times names none."""
        sections: list[tuple[int, int, Time | None, int | None]] = []  # (start, end, the time in force under it, article)
        stack: list[tuple[int, Time | None]] = []  # (level, the heading's own time) of the headings above
        article = None
        time_starts = [t.start for t in times]
        title_years: dict[int | None, int] = {}  # the year each article's title frames it with
        timed = {  # articles with a heading that names a time: a report by years (一、2025年工作回顾), which its title
            # (2026年政府工作报告) names by the year it was given, not the one its figures are of
            art for start, end, level, art in self.headings
            if 0 < level < _QUESTION_LEVEL and bisect.bisect_left(time_starts, start) < bisect.bisect_left(time_starts, end)
        }
        for start, end, level, art in self.headings:
            if art != article:
                stack, article = [], art
            inside = times[bisect.bisect_left(time_starts, start) : bisect.bisect_left(time_starts, end)]
            own = inside[0] if len(inside) == 1 and not self._span_since(inside[0]) else None
            if level == 0 and own is not None and (own.figure is None or end - start - (own.end - own.start) < _TITLE_WORDS or art in timed):
                own = None  # a title frames its article with a year or a date it names, not 明年 of a quotation, nor a bare date line
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, own))
            sections.append((start, end, next((t for _, t in reversed(stack) if t is not None), None), art))
            if level == 0 and own is not None and (year := self._named_year(figs[own.figure])) is not None:
                title_years[art] = year
        starts = [section[0] for section in sections]
        for fig in figs:
            k = bisect.bisect_right(starts, fig.start) - 1
            time = sections[k][2] if k >= 0 and fig.start >= sections[k][1] and sections[k][3] == fig.article else None
            when = fig.when
            if when is not None and when.figure is not None and when.years is None and (figs[when.figure].iso or "").startswith("--"):
                # a date with no year (10月份, 前三季度) under a heading that names one (一、2025年工作回顾) or, with none,
                # in an article whose title does (…2024年前三季度…发布会) is of that year; under 二、今年主要目标任务, of 今年
                year = self._named_year(figs[time.figure]) if time is not None and time.figure is not None else None
                if year is None and time is not None and time.figure is None:
                    fig.when = dataclasses.replace(when, years=time.years)
                elif (year := year or title_years.get(fig.article)) is not None:
                    fig.when = dataclasses.replace(when, year=year)
            if fig.when is None and time is not None and fig.kind not in ("year", "date"):
                fig.when = time

    @staticmethod
    def _named_year(fig: Figure) -> int | None:
        """The one year a year or a date names (2024年, 2024年1至9月), or None (2012年至2022年, 9月)."""
        if fig.kind == "year":
            return int(fig.value) if fig.high is None else None
        first, _, second = (fig.iso or "").partition("/")
        return int(first[:4]) if first[:4].isdigit() and (not second or second[:4] == first[:4]) else None

    def _span_since(self, time: Time) -> bool:
        """Is ``time`` the start of a span (2012年以来, 去年以来), not a time? 今年以来 is this year, to date."""
        return self.text.startswith(self.rules.year_since_words, time.end) and not (time.figure is None and time.years == 0)

    def _relative_years(self) -> list[Time]:
        """The words of the text that name a year counted from its own (今年, 去年, 明年), as times."""
        out = []
        for m in self.rules.relative_years_rx.finditer(self.text):
            if m.group().endswith("一年") and self.text.startswith(self.rules.year_span_ends, m.end()):
                continue  # 过去一年多时间, 过去一年来: a length of time, not the year before
            if self.tokens.is_boundary(m.start()):
                sentence = bisect.bisect_right(self.sentence_starts, m.start()) - 1
                clause = clause_start(self.text, m.start(), self.rules.delimiters)
                out.append(Time(m.start(), m.end(), sentence, clause, years=self.rules.relative_years[m.group()]))
        return out

    def _other_time(self, when: Time, fig: Figure) -> bool:
        """Does the text between the year or date ``when`` and ``fig`` name another time (目前, 现在), or open
        another item with a semicolon where ``when`` is said inside a clause, not before its sentence or after a clause
        naming the source alone (2019年，市里列支260万元…；各县共列支2587.3万元 and 报告显示，2024年，…；…: still that year)?"""
        if self.rules.when_breaks_rx.search(self.text, when.end, fig.start):
            return True
        if not any(mark in self.text[when.end : fig.start] for mark in self.rules.item_delimiters):
            return False
        lead = self.text[self.sentence_starts[when.sentence] : when.start].strip()
        source, comma, rest = lead.partition("，")
        if comma and not rest and len(source) <= self.rules.max_when_source_lead and source.endswith(self.rules.when_source_leads):
            return False  # 报告显示，2024年，…；…: where the figures come from, then the time all of them are of
        return len(lead) > self.rules.when_lead_chars

    def _compared_time(self, time: Time) -> bool:
        """Is the year or date ``time`` what something is compared with (比2015年, 与2019年相比, 是2010年的, 比上年)?"""
        before = self.text[max(time.clause, time.start - 3) : time.start]
        return before.endswith(self.rules.time_comparison_words) or self.text.startswith(self.rules.time_comparison_ends, time.end)

    # -- placing and subjects -------------------------------------------------

    def depth_at(self, pos: int) -> int:
        """How many brackets opened in its sentence are still open at ``pos``."""
        before = self.text[self.sentence_starts[bisect.bisect_right(self.sentence_starts, pos) - 1] : pos]
        return max(0, sum(map(before.count, self.rules.open_brackets)) - sum(map(before.count, self.rules.close_brackets)))

    def _place(self, fig: Figure) -> None:
        fig.sentence = bisect.bisect_right(self.sentence_starts, fig.start) - 1
        fig.paragraph = bisect.bisect_right(self.paragraph_starts, fig.start) - 1
        fig.depth = self.depth_at(fig.start)
        if fig.kind not in ("year", "date", "rank"):
            fig.modality = self._modality(fig)
        end = fig.tail
        while end < len(self.text) and self.text[end] in " ”’\"":
            end += 1
        before_clause = self.text[fig.clause : fig.start]
        fig.no_predicate = (
            fig.kind in SHARE_KINDS
            and self.text[fig.clause : fig.cut].rstrip().endswith("的")
            and not any(p in before_clause for p in self.rules.predicates)
            and (end >= len(self.text) or self.text[end] in self.rules.sentence_ends | {"\n", "；", ";"})
        )

    def _modality(self, fig: Figure) -> str | None:
        """Whether the figure is aimed at or foreseen: the last word of aim or foresight before it in its sentence
        whose reach it is in (今年发展主要预期目标是：…；城镇新增就业1200万人以上: a target, to the sentence's end;
        预计全年增长5%: a forecast, to a semicolon; 确保, 争取, 拟 to a comma), a word of its own, not one a
        comparison or a purpose takes (高于预期目标0.2个百分点, 为确保安全度汛) and with no word of what is done
        between (力争完成200亿元，实际完成180亿元: 180亿元 is stated as so)."""
        rules, start = self.rules, self.sentence_starts[fig.sentence]
        before = self.text[start : fig.start]
        if rules.modality_first_chars.isdisjoint(before):
            return None  # (most sentences)
        found = None
        for m in rules.modality_rx.finditer(before):
            word = m.group()
            at = start + m.start()
            if any(self.text.startswith(w, at - w.index(word)) for w in rules.modality_inside.get(word, ()) if at >= w.index(word)):
                continue  # 模拟, 拟任, 预计划 hold no word of aim of their own
            if word in rules.modality_resets:
                found = None
            elif not ends_with(before[: m.start()], rules.modality_cancellers):
                breaks = rules.modality_breaks.get(word, rules.modality_breaks[""])
                found = None if any(ch in breaks for ch in before[m.end() :]) else rules.modality_words[word]
        return found

    def _trim(self, start: int, end: int) -> str:
        """The text between ``start`` and ``end`` without filler words at either end (cut at word boundaries),
        from the object of a 将 or 把 in it on (中方决定将|单方面免签国家范围) unless nothing is left of that
        (全年经济总量将|突破: 将 is will there), or of the verb after a pronoun (我们已经下拨|中央财政资金), or after
        a word of foresight (政府预计|今年本地生产总值)."""
        obj = self.tokens.object_start(start, end, self.rules)
        if obj == start:
            obj = self.tokens.actor_object_start(start, end, self.rules)
        if obj == start:
            obj = self.tokens.foreseen_start(start, end, self.rules)
        if obj == start:
            obj = self.tokens.tally_object_start(start, end, self.rules)
        return (obj != start and self._trimmed(obj, end)) or self._trimmed(start, end)

    def _trimmed(self, start: int, end: int) -> str:
        """The text between ``start`` and ``end`` with fillers cut off its ends, one at a time."""
        while True:
            text = self.text
            while start < end and (text[start].isspace() or text[start] in self.rules.bullets):
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            step = self._trim_step(start, end)
            if step is None:
                words = _strip_unpaired_quotes(self._without_having(start, end))
                if words in self.rules.adverb_subjects or _SPAN_OF_TIME.fullmatch(words) or _BARE_SPAN.fullmatch(words) or _A_DATE.fullmatch(words):
                    return ""
                span = _SPAN_OF_TIME.search(words, 2)
                return words[: span.start()] if span and span.end() == len(words) else words  # 城乡居民收入|近三年
            start, end = step

    def _without_having(self, start: int, end: int) -> str:
        """The text between ``start`` and ``end`` less a verb of having inside it, a word of its own
        (东莞市|共有|快递企业 -> 东莞市快递企业)."""
        text = self.text[start:end]
        if text[:1] in self.rules.per_markers:
            return text  # 每10万人口拥有大学文化程度人数: a rate, said as it is
        for verb in self.rules.having_verbs:
            at = text.find(verb, 2)  # a holder of two characters or more (not 已|拥有)
            while 0 < at < len(text) - len(verb):
                if "的" in text[at:]:
                    break  # 232支有党小组的治沙民工联队: a relative clause keeps its verb
                if self.tokens.is_boundary(start + at) and self.tokens.is_boundary(start + at + len(verb)):
                    return text[:at] + text[at + len(verb) :]
                at = text.find(verb, at + 1)  # 有 inside a word (没有, 具有) is no verb of having
        return text

    def _trim_step(self, start: int, end: int) -> tuple[int, int] | None:
        """One filler word off either end, never leaving a single character (人均 stays whole)."""
        rules, ok, span = self.rules, self.tokens.can_cut, self.text[start:end]
        m = rules.enumeration_prefix.match(self.text, start, end) or rules.measured_by.match(self.text, start, end)
        if m:
            return m.end(), end  # 一是|, 按照汇率计算的|GDP: how it is measured, not what
        if self.text.startswith("的", end) and (marker := starts_with(span, rules.comparison_markers)) and ok(start + len(marker)):
            # 比上海的|1.3%, 较第二季的|1.3%跌幅: what a figure is compared with (a time: no subject, it is the compared one's)
            return (start, start) if span.endswith(rules.time_endings) else (start + len(marker), end)
        # the longest filler that can be cut off: 赤字|率拟|按 loses 拟按 (率拟 is no word)
        if span.startswith(rules.trim_prefix):
            for word in rules.trim_prefix:  # (现在的天明集团 keeps 现在: 的 never opens a subject)
                if (
                    span.startswith(word)
                    and ok(start + len(word))
                    and len(span) - len(word) != 1
                    and span[len(word) : len(word) + 1] != "的"
                    and not (word == "有" and "的" in self.text[start : end + 1])  # 有社工职称的达到14人, 有创业经历的占35%: a relative clause
                ):
                    return start + len(word), end
        for tails, left in ((rules.trim_suffix, 0), (rules.per_suffix, 2)):  # (每人 alone is a rate's subject: 人均)
            if span.endswith(tails):
                for tail in tails:
                    if span.endswith(tail) and ok(end - len(tail)) and len(span) - len(tail) != 1 and len(span) - len(tail) >= left:
                        return start, end - len(tail)
        if span[:1] == "的" and len(span) > 1 and ok(start + 1):
            return start + 1, end  # 超过100毫米|的区域面积: what a figure before it qualifies (not 的确)
        if (m := _LEADING_DATE.match(span)) and ok(start + m.end()):
            return start + m.end(), end  # (预计)2020年|全球经济: when, before what
        if (m := _TRAILING_DATE.search(span)) and m.start() > 0 and ok(start + m.start()):
            if span[: m.start()].strip() in rules.comparison_markers:
                return start, start  # 比|2015年的|76.34岁: what it is compared with, no subject
            return start, start + m.start()  # 排名…上升至|2020年的|第31位: when, after what
        if (m := _TRAILING_WHEN.search(span)) and m.start() > 1 and ok(start + m.start()):
            return start, start + m.start()  # 财政储备预计|在2024年3月31日|为7333亿元: when, after what
        at = self.tokens.object_after_done(start, end, rules)  # 确定了|立查立改事项12项: what was done is the verb's
        if at is None:
            at = self.tokens.object_after_holding(start, end, rules)  # 共开展|各类学习活动312次
        if at is None:
            at = self.tokens.complement_start(start, end, rules)  # 测评结果为|满意46票: what the result was
        return None if at is None else (at, end)

    def _list_start(self, fig: Figure) -> int:
        """Where the subject of a figure may start: its clause, or, when the clause opens after 、 and the words
        before the figure close a list with 等, the list's first item (解决了企业资金、人才、技术、市场等问题349个
        counts 企业资金、人才、技术、市场等问题). Only items of words (no figure in them: 新建学校12所、改扩建学校8所
        are figures of their own), each short; the verb that takes the list is no item (开展|河道保洁、绿化维护等志愿服务),
        and an item with a verb inside it (帮助居民解决|供热供水) is a clause of its own: the list starts after it."""
        text, clause, end = self.text, fig.clause, fig.cut
        at = text.find("等", clause, end)
        if clause == 0 or text[clause - 1] != "、" or at < 0 or not self.tokens.is_boundary(at) or not self.tokens.is_boundary(at + 1):
            return clause
        start = clause
        while start > 0 and text[start - 1] == "、":
            item = clause_start(text, start - 1, self.rules.delimiters)
            words = text[item : start - 1]
            if not words or len(words) > self.rules.max_list_item_chars or any(ch.isdigit() or ch in CN_NUMERAL_CHARS for ch in words):
                return clause
            start = item
        first_end = text.find("、", start)
        while (token := self.tokens.token_at(start))[1] == "v" and len(token[0]) > 1:  # 整合|优化|党建、综治…
            start += len(token[0]) + (self.tokens.token_at(start + len(token[0]))[0] == "了")
        return start if start < first_end and not self.tokens.verb_between(start, first_end) else first_end + 1

    def _own_subject(self, fig: Figure, prev: Figure | None, quantity: Figure | None = None) -> None:
        # A year or date before the figure is an adverbial (从2020年的82.4岁), not a subject boundary;
        # a figure before it is, dates between them or not (从2012年底的9899万人减到2019年底的551万人).
        bound = prev is not None and prev.tail <= fig.cut and prev.kind not in ("year", "date")
        start = max(self._list_start(fig), prev.tail if bound else quantity.tail if quantity is not None and quantity.tail <= fig.cut else 0)
        lead = self.text[fig.clause : prev.start].strip() if prev is not None else ""
        if prev is not None and prev.kind in ("year", "date") and fig.clause <= prev.start and (not lead or lead in self.rules.time_leads):
            start = _TIME_TAIL.match(self.text, max(start, prev.tail)).end()  # (到)2025年(底)达到4.2万亿元: when, not what
        before = self._subject_before(fig, start)
        if bound and prev.kind == "age" and before and prev.subject == before and fig.clause <= prev.start:
            qualified = self.text[prev.start : fig.cut].strip()
            if qualified.endswith(before):
                before = qualified  # 30岁及以下党员|1259.4万名: those of that age are counted
            elif (m := _AGE_BOUND.match(self.text, prev.tail)) and self.text.startswith(before, m.end()):
                before = self.text[prev.start : m.end()] + before  # 60岁及以上网民群体|占…比重为6.7%: of that age too
        after, share_of_noun = "", False
        target = fig.kind not in ("year", "date", "rank") and self._target_after(fig)
        if target:
            self._target(fig)
        if fig.kind in QUANTITY_KINDS + SHARE_KINDS and "/" not in fig.unit:  # (a rate, 1000元/亩, is of what comes before)
            limit = clause_end(self.text, fig.tail, self.rules.delimiters)
            copula = starts_with(self.text[fig.tail : limit], self.rules.copulas)
            if fig.kind in SHARE_KINDS and copula:  # 97%是实名留言
                after = self._trim(fig.tail + len(copula), limit)
            elif fig.kind == "money" and self._money_purpose(fig, limit):
                pass  # 下达资金500亿元用于设备更新: what follows is what the money is for
            else:
                share_of_noun = fig.kind in SHARE_KINDS and self.text.startswith("的", fig.tail)  # 87%的党员希望…
                after = self.tokens.following_noun(
                    fig.tail,
                    limit,
                    self.rules,
                    through_de=fig.kind in ("measure", "money") or share_of_noun,
                    counted=(fig.kind == "count" and bool(fig.unit)) or share_of_noun,
                    reach=clause_end(self.text, fig.tail, self.rules.delimiters_past_lists) if fig.kind == "count" and self.text.startswith("、", limit) else limit,
                )
                if target:
                    after = ""  # 超过1200万人的预期目标: the target of what the clause measures
                elif after in self.rules.threshold_heads or (after in self.rules.generic_heads and (fig.kind in ("measure", "money") or share_of_noun)):
                    after = ""  # 实现年经营收入100亿元的目标, 突破百万大关: what comes before says what the figure is
                if after and fig.kind == "count" and fig.unit in self.rules.person_units and self._acts(fig, before):
                    after = ""  # 官兵1000余人|参加仪式: the people before the count, not what they do
                if not after and fig.kind == "count" and fig.unit:
                    after = self.tokens.relative_noun(fig.tail, limit, self.rules)
        if not after and fig.kind == "count" and fig.unit in self.rules.person_units and (self._made_to_act(fig, before) or self._named_few(fig, before)):
            after = self.predicate(fig)  # 让4000万人|摆脱贫困, 戴立忠等340人|被授予…称号: those who do what follows
        if fig.kind == "count" and fig.unit and fig.unit not in self.rules.verb_kept_units and not after:
            obj = self.tokens.verb_object_start(start, fig.cut)  # 改造老旧小区1200个: the object is what is counted
            before = (obj != start and self._trimmed(obj, fig.cut)) or before
        if not (after or before) and fig.kind in QUANTITY_KINDS:
            after = self._restated(fig)  # 49万，这是…收到…留言的数量
        if fig.kind in QUANTITY_KINDS:
            fig.subject = after or before
        elif fig.kind in SHARE_KINDS:
            fig.subject = (after or before) if share_of_noun else (before or after)
        elif fig.kind == "age":  # 今年57岁的马师傅, 救治了100多岁的老人, 60岁以上老年人, 80岁老人: who is that old
            limit = clause_end(self.text, fig.tail, self.rules.delimiters)
            after = self.tokens.following_noun(fig.tail, limit, self.rules, through_de=True, counted=False)
            if after and (at := self.text.find(after, fig.tail, limit)) >= 0:
                word, tag = self.tokens.token_ending(at + len(after))
                if tag in ("l", "i") and word != after:
                    after = after[: -len(word)]  # 40岁及以下党员总数|稳中有升: an idiom says what they did
            word = starts_with(after, self.rules.age_words)
            if word and self.text.startswith(word + "的", fig.tail):  # 93岁高龄的蔡老太
                after = self.tokens.following_noun(fig.tail + len(word) + 1, limit, self.rules, counted=False)
            fig.subject = before if not after or after.startswith(self.rules.age_after_words) else after  # (30岁时, 90岁高龄: when)
        elif fig.kind == "change" and self.rules.units.get(fig.unit) == "count" and fig.unit not in self.rules.self_describing_units:
            limit = clause_end(self.text, fig.tail, self.rules.delimiters)  # 缩减19项|乡镇职能事项: what the change counts
            fig.subject = self.tokens.following_noun(fig.tail, limit, self.rules, counted=True) or before
        elif fig.kind not in ("year", "date"):
            fig.subject = before
        if not fig.subject and fig.kind in QUANTITY_KINDS and fig.start and self.text[fig.start - 1] in "（(":
            bracket = fig.start - 1  # 全部国家级贫困户（1219户，…）, 区域平均降水量（476.3毫米）: of the words before the bracket,
            # after a figure before them (不超过10页（5000字以内）: none); a comparison's word is no part of it
            # (比中等偏上收入国家的平均水平（9040美元）)
            lo = clause_start(self.text, bracket, self.rules.delimiters)
            if prev is not None and lo < prev.tail <= bracket:
                lo = prev.tail
            obj = self.tokens.verb_object_start(lo, bracket)  # 就完成了|所有搬迁户（225户）: the object
            words = (obj != lo and self._trimmed(obj, bracket)) or self._trim(lo, bracket)
            fig.subject = words[len(starts_with(words, _COMPARING) or "") :]
        if fig.kind == "count" and fig.subject and fig.subject == before and not after and self._only_done(fig, before):
            fig.done = before  # 共排查隐患320处，已整改305处: the hazards before, those put right (named later)
        fig.subject_source = "own" if fig.subject else ""

    def _only_done(self, fig: Figure, words: str) -> bool:
        """Are ``words`` before ``fig`` 已 (done), a verb and adverbs alone (已整改, 均已办结, 现已全部完成), no name of what
        is counted?"""
        at = self.text.rfind(words, fig.clause, fig.cut)
        tags = self.tokens.tag_between
        return (
            at >= 0 and "已" in words and tags(at, at + len(words), lambda tag: tag == "v") and not tags(at, at + len(words), lambda tag: tag not in ("v", "d"))
        )

    def _target_after(self, fig: Figure) -> bool:
        """Do 的 and a target noun, a word of its own, follow ``fig`` (…的预期目标, not 的目标群体)?"""
        if not self.text.startswith("的", fig.tail):
            return False
        head = starts_with(self.text[fig.tail + 1 : fig.tail + 8], self.rules.target_heads)
        return bool(head) and self.tokens.is_boundary(fig.tail + 1 + len(head))

    def _target(self, fig: Figure) -> None:
        """Mark ``fig``, followed by 的 and a target noun (超过1200万人的预期目标), a target; a comparison right before
        it compares the outcome with it and gives it no approximation (超过 is then no 超过). Its subject is left to
        the words before it or the clause before."""
        fig.modality = "target"
        word = ends_with(self.text[fig.clause : fig.start].rstrip(), self.rules.target_comparisons)
        if word and fig.approx is not None and self.rules.approx_before.get(word) == fig.approx:
            fig.approx = self.rules.inner_approx(fig.number)

    def _counted_together(self, figs: list[Figure]) -> None:
        """``带动566户1255名贫困群众``: two counts of other units written together before what they count; the first
        counts what the second does (households and people of the poor), not what stands before it."""
        for f, g in zip(figs, figs[1:]):
            if f.kind == g.kind == "count" and g.start == f.tail and f.unit != g.unit and g.subject and self.text.startswith(g.subject, g.tail):
                tag = self.tokens.token_at(g.tail)[1]
                if tag[:1] in ("n", "a", "b", "") or tag == "vn":  # a noun after them (not a verb: 赴疆内外, 驻村)
                    f.subject, f.subject_source = g.subject, "own"

    def _find_partitives(self, figs: list[Figure]) -> list[tuple[int, int, int]]:
        """``832个贫困县中``, ``在100名党员中``: a count and what it counts, then 中 (a word of its own), which
        opens its parts as 其中 does: (start, end) of 中 and the count's index."""
        found, word = [], self.rules.partitive_word
        for w, f in enumerate(figs):
            if f.kind not in QUANTITY_KINDS or not f.subject or f.depth:
                continue
            # 中 right after the count, or after what it counts (the words of a name jieba cut: 274家社会|组织|中)
            limit = min(clause_end(self.text, f.tail, self.rules.delimiters), f.tail + self.rules.max_counted_chars)
            if w + 1 < len(figs):
                limit = min(limit, figs[w + 1].start)  # no figure between the count and 中
            pos = self.text.find(word, f.tail, limit)
            if pos >= 0 and self.tokens.token_at(pos) == (word, "f") and self._opens_parts(pos + len(word)):
                found.append((pos, pos + len(word), w))
        return found

    def _opens_parts(self, pos: int) -> bool:
        """Does what follows a partitive 中 start its parts: a delimiter, a number, or a verb of having
        (…中，有, …中已有, …中270家; not 42家中|管企业)?"""
        nxt = self.text[pos : pos + 1]
        if not nxt or nxt in self.rules.delimiters or nxt.isdigit() or nxt in CN_NUMERAL_CHARS:
            return True
        return any(lead and self.text.startswith(lead, pos) for lead in self.rules.partitive_part_leads)

    def _partitive_parts(self, figs: list[Figure]) -> None:
        """``902家非公企业中已有898家成立党组织``: a part after the partitive that the text says what it does
        of (a verb right after it) counts what the whole counts, not what it does; one that names what it
        counts keeps it (9名成员中，有5名党员)."""
        for _, end, w in self.partitives:
            whole = figs[w]
            for f in (figs[j] for j in self.partitive_parts(figs, w, end)):
                if f.subject_source == "own" and self.text.startswith(f.subject, f.tail) and self.tokens.token_at(f.tail)[1] in self.rules.verb_tags:
                    f.subject, f.subject_source = whole.subject, "context"

    def partitive_parts(self, figs: list[Figure], w: int, end: int) -> list[int]:
        """The parts of a partitive's whole ``figs[w]`` after it (``end``): the figures of its kind and unit in
        its sentence, up to the first whose clause says more before it than what it counts and a verb of
        having (…业户党员6名，支部下设26个党小组，选出36名楼长: not 36名)."""
        whole, parts = figs[w], []
        opens = {k for _, _, k in self.partitives}
        for j in range(w + 1, len(figs)):
            f = figs[j]
            if f.sentence != whole.sentence:
                break
            if f.start < end or (f.kind, f.unit) != (whole.kind, whole.unit):
                continue
            lead = self.text[max(f.clause, end) : f.start]
            if f.subject_source == "own":
                lead = lead.replace(f.subject, "", 1)
            if lead.strip(" ，,、：:") not in self.rules.partitive_part_leads:
                break
            if j in opens:
                break  # 274家社会组织中270家…: the whole of other parts
            if f.depth == 0 and f.base is None:
                parts.append(j)
        return parts

    def predicate(self, fig: Figure) -> str:
        """The rest of the figure's clause after it (179个|正在进行退出检查, 62个|未摘帽)."""
        return self.text[fig.tail : clause_end(self.text, fig.tail, self.rules.delimiters)].strip()

    def _acts(self, fig: Figure, before: str) -> bool:
        """Does a verb (not a copula) right after a count of people say what the people named by a noun
        before it do (全县|100人|参加会议, 官兵1000余人参加仪式), rather than the verb phrase being all the
        text says of them (很快又派2人|进驻贫困村, 其中4人|是|党员)?"""
        word, tag = self.tokens.token_at(fig.tail)
        if tag not in self.rules.verb_tags or word in self.rules.copulas or not before:
            return False
        end = self.text.rfind(before, 0, fig.cut) + len(before)
        return self.tokens.nominal_before(end, self.rules)

    def _made_to_act(self, fig: Figure, before: str) -> bool:
        """Is a count of people the object of a causative verb ending its subject and followed by a verb
        (让将近4000万人|摆脱贫困, 带动5000人|就业), so that what they are made to do says what is counted?"""
        if not before or self.tokens.token_at(fig.tail)[1] not in self.rules.verb_tags:
            return False
        end = self.text.rfind(before, 0, fig.cut) + len(before)
        word, _ = self.tokens.token_ending(end)
        return word in self.rules.causative_verbs

    def _restated(self, fig: Figure) -> str:
        """What a figure alone in its clause is, as the clause after it restates it (49万，这是…留言的数量), or ''."""
        if fig.clause != fig.start or not self.text.startswith(("，", ","), fig.tail):
            return ""
        lead = starts_with(self.text[fig.tail + 1 : fig.tail + 6], self.rules.restating_leads)
        if not lead:
            return ""
        start = fig.tail + 1 + len(lead)
        return self._trim(start, clause_end(self.text, start, self.rules.delimiters))

    def _named_few(self, fig: Figure, before: str) -> bool:
        """Is a count of people said after some of them named and 等 (戴立忠等340人|被授予湖南省劳动模范称号), a verb
        after it, so that what they do says what is counted, not the names?"""
        end = len(self.text[: fig.cut].rstrip()) - 1
        tag = self.tokens.token_at(fig.tail)[1]
        if not before or not self.text.startswith("等", end) or (tag not in self.rules.verb_tags and tag != "p"):
            return False  # (戴立忠等340人|被授予: a verb or 被 after the count)
        return self.tokens.token_ending(end)[1] in self.rules.name_tags

    def names_what_it_counts(self, fig: Figure) -> bool:
        """Does the text name what ``fig`` counts where its subject was not read: a noun in the clause right
        after it or after the list it is in (50万名在岗党员, 5升、4升、900毫升等规格的桶装油), or is the figure
        quoted, the name of something (“72条”, “4办、1队、2中心”), or in brackets, a restatement of what
        comes before (所有搬迁户（225户）, 9.87亿新台币（约2.3亿港元））?"""
        text, rules = self.text, self.rules
        before = text[max(0, fig.start - 2) : fig.start]
        close = rules.quote_pairs.get(before[-1:]) if before else None
        if close and close in text[fig.end : fig.end + rules.max_quoted_noun]:
            return True
        if any(ch in rules.open_brackets for ch in before) and text[fig.tail : fig.tail + 1] in rules.close_brackets:
            return True
        end = min(clause_end(text, fig.tail, rules.list_delimiters), fig.tail + rules.max_counted_chars)
        return self.tokens.noun_between(fig.tail, end, rules)

    def _money_purpose(self, fig: Figure, limit: int) -> bool:
        """Does a verb of purpose, a word of its own, follow an amount of money (500亿元|用于, 23亿元|建设|高端…;
        not 500万元|建设|资金, where the verb qualifies the money)?"""
        verb = starts_with(self.text[fig.tail : limit], self.rules.money_purpose_verbs)
        if not verb or not self.tokens.is_boundary(fig.tail + len(verb)):
            return False
        rest = self.text[fig.tail + len(verb) : limit]
        return not rest.startswith(("的", *self.rules.money_purpose_objects))  # (300万元修建的文化园)

    def _subject_before(self, fig: Figure, start: int) -> str:
        """Subject words before the figure; for ``X占Y的p%`` or ``X Y总数的p%`` also the whole Y
        (and 约 of ``X约占Y的p%``)."""
        raw = self.text[start : fig.cut].rstrip()
        if fig.kind in SHARE_KINDS and not raw.endswith("的"):
            share = self._ratio_share(fig, start, start + len(raw))
            if share is not None:
                return share
            found = self._bare_share(start, start + len(raw))
            if found is not None:  # 占总预算23.7% (no 的, as Taiwan texts write it)
                return self._share_of_whole(fig, start, *found, start + len(raw))
        if fig.kind not in SHARE_KINDS or not raw.endswith("的"):
            return self._trim(start, fig.cut)
        end = start + len(raw) - 1
        share, verb = max((self.text.rfind(v, start, end), v) for v in self.rules.share_verbs)
        if share < 0:  # 为年度计划的105%, 是上年的1.2倍: the whole after another verb, a word of its own (仅为|2018年同期的)
            found = [(at, v) for v in self.rules.whole_verbs if (at := self.text.rfind(v, start, end)) >= 0 and self.tokens.is_boundary(at)]
            share, verb = max(found) if found else (-1, "")
        if share >= 0:
            return self._share_of_whole(fig, start, share, verb, end)
        word = ends_with(self.text[start:end], self.rules.whole_words)
        if word:
            fig.whole, fig.whole_word = word, True
            end -= len(word)
        return self._trim(start, end)

    def _bare_share(self, start: int, end: int) -> tuple[int, str] | None:
        """Where 占 stands, a word of its own, when only names of things follow it up to ``end`` (占总预算|23.7%),
        else None."""
        at, verb = max((self.text.rfind(v, start, end), v) for v in self.rules.share_verbs)
        after, tokens = at + len(verb), self.tokens
        if at < 0 or end - after < 2 or not (tokens.is_boundary(at) and tokens.is_boundary(after)):
            return None
        if tokens.tag_between(after, end, lambda tag: tag == "v" or tag[:1] in "dpucmrx"):
            return None  # (verbal nouns and idioms are names here: 占|全部投资, 占|总预算)
        return at, verb

    def _ratio_share(self, fig: Figure, start: int, end: int) -> str | None:
        """``占地区生产总值比重为7.9%``, ``占常住人口比重（常住人口城镇化率）为65.03%``: 占, the whole,
        (的)比重 or 比例, an aside and a verb before the share; the subject before 占, or None; 占比 alone
        (民营企业150家，占比80%) makes a share of the whole its context names.
        ``煤炭在一次能源消费中的占比由68.5%``: the whole between 在 and 中."""
        text, rules = self.text, self.rules
        end -= len(ends_with(text[start:end], rules.whole_verbs) or ends_with(text[start:end], rules.holding_level_verbs) or "")
        end -= len(ends_with(text[start:end], rules.ratio_adverbs) or "")  # 比重|长期|保持在1.5%以下
        end -= text[end - 1 : end] in rules.from_markers  # 占比由68.5%下降到56.0%
        if end > start and text[end - 1] in rules.close_brackets:
            end = max(text.rfind(b, start, end) for b in rules.open_brackets)
            if end < start:
                return None
        word = ends_with(text[start:end], rules.ratio_words)
        if not word:
            return self._ratio_to(fig, start, end)
        end -= len(word)
        end -= text.startswith("的", end - 1)
        share, verb = max((text.rfind(v, start, end), v) for v in rules.share_verbs)
        if share < 0 and text.startswith("中", end - 1):  # 煤炭在一次能源消费中的占比: the whole is 在 … 中
            share, verb, end = text.rfind("在", start, end - 1), "在", end - 1
            if share >= 0 and not self.tokens.is_boundary(share):
                share = -1
        if share < 0 and word.startswith(rules.share_verbs):  # 民营企业150家，占比80%: a share of a whole left unsaid
            fig.share = True
            return self._trim(start, end)
        if share < 0 and self._ratio_whole is not None and self._ratio_whole[0] == fig.sentence:
            # 第一产业增加值占国内生产总值比重为6.8%，第二产业增加值比重为36.5%: of the same whole
            fig.share, fig.whole = True, self._ratio_whole[1]
            return self._trim(start, end)
        if share < 0 or share + len(verb) >= end:
            return None
        subject = self._share_of_whole(fig, start, share, verb, end)
        if fig.whole:
            self._ratio_whole = (fig.sentence, fig.whole)
        return subject

    def _ratio_to(self, fig: Figure, start: int, end: int) -> str | None:
        """``与国内生产总值之比为2.64%``: a share of the whole between 与 and 之比, a word of its own; the subject
        before 与 (often none: the clause before names it), or None when the words are not there."""
        text = self.text
        for before, after in self.rules.ratio_to_words:
            if not text.endswith(after, start, end):
                continue
            at = text.rfind(before, start, end - len(after))
            if at >= 0 and end - len(after) - at > len(before) and self.tokens.is_boundary(at) and self.tokens.is_boundary(at + len(before)):
                fig.share = True
                fig.whole = self._trim(at + len(before), end - len(after)) or None
                return self._trim(start, at)
        return None

    def _share_of_whole(self, fig: Figure, start: int, share: int, verb: str, end: int) -> str:
        """Mark ``fig`` a share of the whole between ``verb`` (at ``share``) and ``end``; the subject
        before the verb, less an approximation word (约占总人口数的28.47%)."""
        fig.share = True
        fig.whole = self._trim(share + len(verb), end) or None
        word = ends_with(self.text[start:share], self.rules.approx_before_words)
        if word:
            fig.approx = fig.approx or self.rules.approx_before[word]
            share -= len(word)
        return self._trim(start, share)

    def _inherit_subjects(self, figs: list[Figure]) -> None:
        for i, fig in enumerate(figs):
            if fig.done:
                self._name_done(figs, i)
            if fig.subject or fig.kind in ("year", "date"):
                continue
            if fig.base is not None and figs[fig.base].subject:
                fig.subject, fig.subject_source = figs[fig.base].subject, "share" if fig.share_of else "change"
            elif fig.kind in SHARE_KINDS + ("change", "percentage_point"):
                fig.subject = self._context_subject(figs, i)
                fig.subject_source = "context" if fig.subject else ""
            elif fig.kind == "rank":  # 排名由2016年的第45位上升至2020年的第31位: the place it moved to, in that ranking
                j = nearest_in_sentence(figs, i, lambda f: f.kind == "rank" and bool(f.subject))
                if j is not None and figs[j].sentence == fig.sentence and any(w in self.text[figs[j].tail : fig.start] for w in "至到"):
                    fig.subject, fig.subject_source = figs[j].subject, "context"
            elif fig.kind in QUANTITY_KINDS:  # 新增1000处信号灯联网、累计达8000处
                j = nearest_in_sentence(figs, i, lambda f: f.unit == fig.unit and f.kind == fig.kind and bool(f.subject))
                prev = figs[i - 1] if i else None
                if j is None and prev and prev.tail == fig.start and prev.kind in QUANTITY_KINDS and prev.subject_source == "own":
                    j = i - 1  # 共10章66条: two counts of one thing, written together
                if j is None and prev and prev.kind in QUANTITY_KINDS and prev.subject_source == "own" and self._bare_clause(fig):
                    j = i - 1 if self._clause_before_holds(prev, fig) else None  # 丛书共14册，约150万字: the same thing measured again
                if j is None and prev and prev.kind == "money" == fig.kind and prev.subject_source == "own" and self._converts(prev, fig):
                    j = i - 1  # 1.2万亿美元，约合人民币8.6万亿元: the same amount in another currency
                if (j is None or self._item_between(figs[j], fig)) and self._opens_from_to(figs, i):
                    # 茶叶产业规模从少到多，从原来的200亩扩大到600亩: a clause that opens with 从 and the level it grows to
                    # is of what the clause before is about, not of a figure before a semicolon (the level is too)
                    words = self._clause_before(fig, figs)
                    if len(words) > 1 and not self.tokens.token_at(self.text.rfind(words, 0, fig.clause))[1].startswith("v"):
                        fig.subject, fig.subject_source = words, "context"
                        continue
                level = j is None and self._level_clause(fig)
                if level:  # 年均增长5.8%，2025年达到4.2万亿元: the level the change
                    # reached; 市场主体突破百万大关，达到103.33万户: the level the mark passed led to
                    k = nearest_in_sentence(figs, i, lambda f: f.kind not in ("year", "date"))
                    peak = starts_with(self.text[fig.clause : fig.start].strip(), self.rules.extremum_words)
                    if k is not None and figs[k].subject_source == "own" and (figs[k].kind == "change" or self._clause_before_holds(figs[k], fig)):
                        j = k if not peak or figs[k].kind in ("change", fig.kind) else None  # (5次刷新纪录，最高达到12687万千瓦: not of 5次)
                if j is not None and figs[j].subject:
                    fig.subject, fig.subject_source = figs[j].subject, "context"
                elif level and nearest_in_sentence(figs, i, lambda f: f.kind not in ("year", "date")) is None:
                    # 广东电网统调负荷屡创新高，最高达到了1.188亿千瓦: what the clause before, with no figure, is about
                    # (not a clause that opens with its verb: 进入上中等收入阶段)
                    words = self._clause_before(fig, figs)
                    if words and not self.tokens.token_at(self.text.rfind(words, 0, fig.clause))[1].startswith("v"):
                        fig.subject, fig.subject_source = words, "context"
                elif self.text[fig.clause : fig.cut].strip().startswith(self.rules.sum_words):
                    # 收受礼品礼金，共计折合人民币36.8万元: a sum of what the clause before says
                    fig.subject = self._clause_before(fig, figs)
                    fig.subject_source = "context" if fig.subject else ""

    def _name_done(self, figs: list[Figure], i: int) -> None:
        """A count of things done (已整改|305处) right after a count of all of them in the clause before, of its unit
        (共排查隐患320处，): of those things (已整改隐患), a part of that count."""
        fig, prev = figs[i], figs[i - 1] if i else None
        if not prev or prev.sentence != fig.sentence or prev.kind != fig.kind or prev.unit != fig.unit or prev.subject_source != "own":
            return
        if "已" in prev.subject or self.text[prev.tail : fig.clause].strip() not in self.rules.clause_joints:
            return  # (已排查清理村干部310人，现已补齐配强232人: two things done, the second not to the first's)
        at = self.text.rfind(prev.subject, 0, prev.cut)
        if at < 0 or not self.tokens.noun_between(at, at + len(prev.subject), self.rules):
            return
        # what the count before counts, less the verb it opens with (累计查找|各类问题48万个，已解决23.7万个: 已解决各类问题)
        end = at + len(prev.subject)
        if (kinds := prev.subject.rfind("等")) > 0 and self.tokens.token_at(at + kinds)[0] == "等" and at + kinds + 1 < end:
            at += kinds + 1  # 务工收入减少、农资运输不畅等|各类问题: the kinds listed, then their name
        opened = self.tokens.past_verbs(at, end)
        named = self.text[opened:end] if opened < end and self.tokens.noun_between(opened, end, self.rules) else prev.subject
        fig.subject, fig.subject_source = fig.done + named, "context"
        fig.done_of = i - 1 if prev.exact and prev.value > fig.value else None

    def _opens_from_to(self, figs: list[Figure], i: int) -> bool:
        """Does figure ``i`` open its clause after 从 with nothing but 原来的 or a time's 的 between (从原来的200亩, 从2012年的
        30.5%), and a level of its unit follow it (扩大到600亩)? Not 从一个年收入不足3万元的…, 从4个方面明确23条."""
        fig = figs[i]
        if not fig.origin or self.text[fig.clause : fig.cut].strip() or not self.text[fig.cut : fig.start].startswith(tuple(self.rules.from_markers)):
            return False
        between = DATE_PATTERN.sub("", self.text[fig.cut + 1 : fig.start]).removesuffix("的")
        if between not in self.rules.origin_fillers:
            return False
        return any(f.level and f.unit == fig.unit and f.sentence == fig.sentence for f in figs[i + 1 : i + 3])

    def _bare_totals(self, figs: list[Figure]) -> None:
        """A subject that is only a total (总数, 总量) is the total of what the nearest figure before it in the
        sentence, in the same unit, counts (新增国家高新技术企业560家，总数达到3200家 -> 国家高新技术企业总数)."""
        for i, fig in enumerate(figs):
            if fig.subject not in self.rules.bare_totals or fig.subject_source != "own":
                continue
            j = nearest_in_sentence(figs, i, lambda f: f.kind not in ("year", "date"))
            if j is None or figs[j].sentence != fig.sentence or figs[j].unit != fig.unit or figs[j].kind != fig.kind:
                continue
            whole = figs[j].subject
            if not whole or whole in self.rules.bare_totals or whole.endswith(fig.subject):
                continue
            for verb in self.rules.addition_verbs:  # the total is of all, not of the new ones
                at = whole.find(verb)
                if at >= 0 and len(whole) - at - len(verb) > 1 and whole[at + len(verb)] != "长":  # (not 新增|长点)
                    whole = whole[:at] + whole[at + len(verb) :]
                    break
            fig.subject, fig.subject_source = whole + fig.subject, "context"

    def _bare_clause(self, fig: Figure) -> bool:
        """Is ``fig`` alone in its clause but for an approximation word before it (，约150万字，)? Not with
        words after it, which may name what it counts (、8艘冲锋舟疾驰而去), nor before 、 and another count
        that may share them (1559户、4265名尚未脱贫的老乡)."""
        before = self.text[fig.clause : fig.start].strip()
        alone = not before[: len(before) - len(ends_with(before, self.rules.approx_before_words) or "")].strip()
        after = self.text[fig.tail : fig.tail + 1]
        return alone and (not after or after in self.rules.list_delimiters or after in self.rules.sentence_ends)

    def _converts(self, prev: Figure, fig: Figure) -> bool:
        """Does ``fig``'s clause restate ``prev``, in the clause before it, in another currency (，约合人民币8.6万亿元;
        ，按照世界银行的统计为14.3万亿美元)?"""
        words = self.text[fig.clause : fig.start].strip()
        if (m := self.rules.measured_by.match(words)) and words[m.end() :] in ("", *self.rules.whole_verbs):
            words = self.rules.conversion_words[0]  # 按照世界银行的统计为14.3万亿美元: the same amount, measured another way
        return prev.unit != fig.unit and words.startswith(self.rules.conversion_words) and self._clause_before_holds(prev, fig)

    def _clause_before_holds(self, other: Figure, fig: Figure) -> bool:
        """Is ``other`` in the clause right before ``fig``'s, and ``fig`` no qualifier of a noun (超过370张的电子表单)?"""
        if not fig.clause or self.text.startswith("的", fig.tail):
            return False
        return other.start >= clause_start(self.text, fig.clause - 1, self.rules.delimiters) and other.end <= fig.clause

    def _level_clause(self, fig: Figure) -> bool:
        """Does the figure's clause say only when and that a level was reached (，2025年达到4.2万亿元)?"""
        words = DATE_PATTERN.sub("", self.text[fig.clause : fig.start]).strip(" ，,、")
        words = words[len(starts_with(words, self.rules.extremum_words) or "") :]  # 最高|达到: the peak reached
        return words in self.rules.reached_verbs

    def _context_subject(self, figs: list[Figure], i: int) -> str:
        """The subject of the clause before: its figure's, or its words (民生类最多,约占三分之一)."""
        fig = figs[i]
        k = i - 1
        while k >= 0 and figs[k].kind in ("year", "date") and figs[k].sentence == fig.sentence:
            k -= 1  # …增长4.9%，前三季度|同比增长0.7%: a date says when, the figure before it what
        if k >= 0 and figs[k].sentence == fig.sentence and figs[k].subject and figs[k].kind != "age":
            # (not an age's: 40岁及以下|党员总数…，占…33.8% is of the young members; nor across a semicolon before
            # a clause of its own: …上涨0.2%；出口企稳，同比增长3.2%)
            if not self._item_between(figs[k], fig):
                return figs[k].subject
            return self._clause_before(fig, figs) or figs[k].subject
        return self._clause_before(fig, figs)

    def _item_between(self, before: Figure, fig: Figure) -> bool:
        """Does an item delimiter (；) stand between ``before`` and ``fig``'s clause?"""
        return any(mark in self.text[before.end : fig.clause] for mark in self.rules.item_delimiters)

    def _clause_before(self, fig: Figure, figs: list[Figure]) -> str:
        """The words of the clause before the figure's, in its sentence, fillers off; none when
        they are only a date (1月至10月，增长3%: when, not what)."""
        sentence_start = self.sentence_starts[fig.sentence]
        if fig.clause - 1 <= sentence_start:
            return ""
        start = clause_start(self.text, fig.clause - 1, self.rules.delimiters)
        start = max(sentence_start, past_aside(self.text, start, self.rules))  # 全国居民消费价格（CPI）|同比持平
        held = next((f for f in reversed(figs) if start <= f.start and f.end <= fig.clause - 1 and f.kind not in ("year", "date")), None)
        if held is not None and not self.text[held.tail : fig.clause - 1].strip():
            # 人均预期寿命达到77.3岁，比…提高将近1岁: a clause that ends with a figure says what that figure is of
            # (not 40岁及以下党员总数稳中有升: the age qualifies what the clause is about)
            words = held.subject or self._trim(start, held.cut)
            return "" if any(f.text == words and f.kind in ("year", "date") for f in figs) else words  # (一季度增长5.3%，二季度…)
        if held is not None and not held.subject:
            return self._trim(held.tail, fig.clause - 1)  # 1291万人报名参加高考，比上年增加98万人: those who do it, not the figure
        if _VIEWPOINT.fullmatch(self.text, max(start, sentence_start), fig.clause - 1):
            # 国内生产总值增长4.8%。分季度看，一季度同比增长5.3%: the figures of the sentence before, broken down
            before = (f for f in reversed(figs) if f.sentence == fig.sentence - 1 and f.paragraph == fig.paragraph and f.kind not in ("year", "date"))
            return next((f.subject for f in before if f.subject), "")
        words = self._trim(max(start, sentence_start), fig.clause - 1)
        if any(f.text == words and f.kind in ("year", "date") for f in figs):
            return ""
        return self._subject_of_clause(words, max(start, sentence_start), fig.clause - 1)

    def _subject_of_clause(self, words: str, start: int, end: int) -> str:
        """``words``, a clause found between ``start`` and ``end``, less its predicate when it opens with a noun
        phrase and a comparison, verb or adjective with no noun after it follows (全国居民消费价格|同比持平, 出口|企稳)."""
        at = self.text.find(words, start, end)
        if at < 0:
            return words
        if not self.tokens.noun_between(at, at + len(words), self.rules):
            return ""  # 稳中向好，全年增长5.2%: a predicate alone names nothing
        head = self.tokens.following_noun(at, at + len(words), self.rules)
        if not head or not words.startswith(head):
            return words
        pos = at
        while pos < at + len(head) and (word := self.tokens.token_at(pos)[0]):
            if word in self.rules.comparison_markers and pos > at:
                head = head[: pos - at]  # 全国居民消费价格|同比(j)|持平: jieba's abbreviation tag reads as a noun
                break
            pos += len(word)
        if len(head) >= len(words):
            return words
        if words[len(head)] in self.rules.open_brackets:  # 全国居民消费价格（CPI）|同比…: the aside is the subject's
            close = min((k for k in (words.find(b, len(head)) for b in self.rules.close_brackets) if k > 0), default=-1)
            if close < 0 or close > len(head) + self.rules.max_aside_chars:
                return words
            head = words[: close + 1]
        word, tag = self.tokens.token_at(at + len(head))
        if word in self.rules.comparison_markers:
            verb = at + len(head) + len(word)
        elif word in self.rules.from_markers:
            verb = at + len(head)  # 草皮种植面积|从进到退: 从 opens the predicate
        elif tag[:1] in self.rules.clause_predicate_tags:
            verb = at + len(head)
        else:
            return words
        # (掌握|车辆检测维修, 重回|扩张区间: a verb with an object says what the figure is of, too)
        return words if self.tokens.noun_between(verb, at + len(words), self.rules) else head

    def _refine_wholes(self, figs: list[Figure]) -> None:
        """``生产和工作第一线党员代表总数的92.1%``: an earlier subject ends where the whole begins."""
        known: list[str] = []
        for fig in figs:
            if fig.whole_word and fig.subject_source == "own":
                prefix = max((s for s in known if fig.subject.startswith(s) and s != fig.subject), key=len, default="")
                if prefix:
                    fig.whole = fig.subject[len(prefix) :] + (fig.whole or "")
                    fig.subject = prefix
            if fig.subject_source == "own" and len(fig.subject) >= 2:
                known.append(fig.subject)

    # -- links ------------------------------------------------------------------

    def _lists(self, figs: list[Figure]) -> None:
        """``分别达96%和98%``: the second figure shares the first's subject and change."""
        for prev, fig in zip(figs, figs[1:]):
            # (a change's words before it may reach back over the figure before: 比2015年增加19.8%和|1.27个百分点)
            between = self.text[prev.tail : fig.cut if fig.cut > prev.tail else fig.start].strip()
            # (228.5万公顷和37.6%, 19.8%和1.27个百分点: units apart after 分别)
            same = prev.unit == fig.unit or self.text.rfind("分别", clause_start(self.text, prev.start, _WIDE_DELIMITER_SET), prev.start) >= 0
            if prev.sentence == fig.sentence and between in self.rules.list_joiners and same:
                fig.list_member = True
                fig.subject, fig.subject_source = prev.subject, "list" if prev.subject else ""
                if fig.cut < prev.tail:  # the words before the first are the list's, said once (比2015年增加19.8%和1.27个百分点)
                    fig.cut = fig.start
                    if fig.kind == "percentage_point" and prev.kind == "change":
                        fig.against = prev.against
                if prev.kind == "change" and fig.direction == 0:
                    fig.kind, fig.direction, fig.against = "change", prev.direction, prev.against
                elif prev.kind == fig.kind == "percentage_point" and not prev.direction:
                    fig.direction = 0  # 分别贡献了3.5个百分点、1.9个百分点: parts, as the first is

    def _respectively(self, figs: list[Figure]) -> None:
        """``第一产业、第二产业、第三产业增加值分别增长4.1%、3.6%和5.8%``: a list of subjects before 分别
        and as many figures after it pair up in order; a head the last subject ends with is shared
        where the list shows it is (第一产业 … 第三产业增加值, 城镇和农村居民…, 北京、上海两市GDP)."""
        text = self.text
        i = 0
        while i < len(figs):
            j = i + 1
            while j < len(figs) and figs[j].list_member:
                j += 1
            run, first, i = figs[i:j], i, j
            at = text.rfind("分别", run[0].clause, run[0].start) if len(run) > 1 else -1
            if at < 0:
                continue
            start = max(text.rfind(d, 0, at) for d in _WIDE_DELIMITERS) + 1
            phrase = text[start:at].strip()
            if m := self.rules.part_markers_rx.match(phrase):
                phrase = phrase[m.end() :].lstrip("，, ")  # 其中男、女党员分别为…: 其中 opens the parts, it names none
            if not phrase or (phrase.startswith(self.rules.comparison_markers) and not _list_sizes(phrase)):
                self._pair_with_figures_before(figs, first, run)  # 立案9340件、处分12126人次，同比分别增长22%、15%
                continue
            if phrase.startswith(self.rules.comparison_markers):
                continue  # 比美、俄分别年轻10岁和20岁: what is compared with, not what is measured
            than = phrase.rfind("比")
            if than > 0 and "、" not in phrase[than:] and not any(w in phrase[than - 1 : than + 2] for w in self.rules.comparison_false):
                phrase = phrase[: than - (phrase[than - 1] in "同环相")]  # 氮氧化物排放浓度将比国家标准限值, 上交税费同比
            members = _listed(phrase, len(run)) or self._contracted(phrase, len(run))
            if members is None:
                counts = _list_sizes(phrase)
                if counts and len(run) not in counts:  # 甲、乙、丙分别增长5%和6%
                    self.uneven_lists.append((list(range(first, first + len(run))), phrase, sorted(counts)))
                continue
            for fig, subject in zip(run, self._with_head(members)):
                fig.subject, fig.subject_source = self._strip_tail(subject), "own"

    def _pair_with_figures_before(self, figs: list[Figure], first: int, run: list[Figure]) -> None:
        """Changes or shares after a 分别 with no subjects before it pair in order with as many figures listed
        just before, in its sentence (受理信访举报51047件、立案9340件、党纪政务处分12126人次，同比分别增长26%、22%、15%;
        男、女党员分别为60人和40人，分别占党员总数的60%和40%)."""
        shares = (run[0].share or run[0].whole) and all(f.kind in SHARE_KINDS for f in run)
        if not (shares or all(f.kind in ("change", "percentage_point") for f in run)):
            return
        bases: list[int] = []
        kinds = QUANTITY_KINDS + (SHARE_KINDS if any(f.kind == "percentage_point" for f in run) else ())  # (…和37.6%，分别增加19.8%和1.27个百分点)
        k = first - 1
        while k >= 0 and figs[k].sentence == run[0].sentence and len(bases) < len(run):
            if figs[k].kind in kinds:
                bases.insert(0, k)
            k -= 1
        if len(bases) < len(run) or any(
            any(d in self.text[figs[a].tail : figs[b].start] for d in "；;：:") for a, b in zip(bases, bases[1:])
        ):
            return
        for fig, k in zip(run, bases):
            fig.paired = k
            fig.subject, fig.subject_source = figs[k].subject, "own"
            if shares:  # 60%和40%: the second is a share of the same whole as the first
                fig.share, fig.whole, fig.whole_word = run[0].share, run[0].whole, run[0].whole_word

    def _strip_tail(self, subject: str) -> str:
        """A listed subject without the filler words it ends with (上交税费同比 -> 上交税费)."""
        while (word := ends_with(subject, self.rules.tail_words)) and len(subject) > len(word) + 1:
            subject = subject[: -len(word)]
        return subject

    def _contracted(self, phrase: str, n: int) -> list[str] | None:
        """The ``n`` subjects a contracted list in ``phrase`` stands for, each said in full
        (城乡居民收入分别增长4.5%和6.5%: 城镇居民收入, 农村居民收入), or None."""
        for short, members in self.rules.contracted_lists:
            at = phrase.find(short)
            if len(members) == n and at >= 0 and self.tokens.is_boundary(self.text.find(phrase) + at):
                return [phrase[:at] + member + phrase[at + len(short) :] for member in members]
        return None

    def _with_head(self, members: list[str]) -> list[str]:
        first, last = members[0], members[-1]
        cut = len(first)
        rest = last[cut:]
        counted = _COUNTED_PLACES.match(rest)  # 北京、上海两市GDP: 两市 says the list is parallel, and the head is GDP
        numbered = all(ch in _ORDINAL_CHARS for ch in first + last[:cut])  # 二、三季度国内生产总值
        if rest and ((cut >= 2 and last[cut - 1] == first[-1]) or first in self.rules.list_modifiers or counted or numbered):
            head = rest[counted.end() :] if counted else rest
            if head:
                return [m + head for m in members[:-1]] + [last[:cut] + head]
        return members


    def _changes(self, figs: list[Figure]) -> None:
        """Each change's base: the nearest figure before it in its sentence that it can change, not one in
        brackets closed before it (党员100人（其中女党员70人、男党员40人），比上年增加20人: of 100人)."""
        for i, fig in enumerate(figs):
            depth = fig.depth
            if fig.kind == "percentage_point" and not fig.direction:
                continue  # 分别贡献了3.5个百分点: a part of a rate, no change of one
            if fig.kind == "percentage_point" and fig.paired is not None:
                j = fig.paired if figs[fig.paired].unit == "%" else None  # 分别增加19.8%和1.27个百分点: of the rate listed for it
            elif fig.kind == "percentage_point":
                is_rate = lambda f: f.unit == "%" and f.kind != "percentage_point" and f.depth <= depth  # noqa: E731
                # (not one in its comparison: 较第二季的1.3%跌幅|扩大3.2个百分点 is of the 4.5% before)
                j = nearest_in_sentence(figs, i, lambda f: is_rate(f) and f.start < fig.cut)
                if j is not None and not fig.subject and self._item_between(figs[j], fig) and self._clause_before(fig, figs):
                    j = None  # …同比下降2.1%；采购经理指数重回扩张区间，比上月上升1.3个百分点: of the clause's own subject
                if j is None:  # 提高2.2个百分点，达到65%: the level after it; not a rate of something else
                    # (…高出全国农村平均水平2.2个百分点，贫困户人均纯收入…年均增幅30.2%)
                    j = nearest_in_sentence(figs, i, is_rate, forward=True)
                    if j is not None and (figs[j].kind == "change" or figs[j].subject_source == "own" and figs[j].subject not in ("", fig.subject)):
                        j = None  # (a change after it is no level it reached: …，年均增幅30.2%)
            elif fig.kind == "change" and fig.paired is not None:
                j = fig.paired if fig.unit in ("%", figs[fig.paired].unit) else None  # (增长了338倍: no amount to subtract)
            elif fig.kind == "change" and fig.unit in RELATIVE_UNITS:  # 增长12%, 增加了1.76倍: of any amount
                # (not one in its comparison, 比2012年的8389元|增加; nor a length of time, 1个月|增长12倍)
                j = nearest_in_sentence(
                    figs, i, lambda f: f.kind in QUANTITY_KINDS and f.unit not in self.rules.duration_units and f.depth <= depth and f.start < fig.cut
                )
            elif fig.kind == "change":
                j = nearest_in_sentence(figs, i, lambda f: f.kind in QUANTITY_KINDS + ("age",) and f.unit == fig.unit and f.depth <= depth and f.start < fig.cut)
            else:
                continue
            if fig.against and (was := self._compared_figure(figs, i)) is not None and (at := fig.against.find(was.text)) > 0:
                # 比2012年的8389元增加了2000元, 较第二季的1.3%跌幅扩大3.2个百分点: what it compares with is 2012年 (第二季),
                # the figure its level then
                fig.against = fig.against[:at].rstrip("（(").removesuffix("的")
            if j is None and fig.kind == "change":
                j = self._level_reached(figs, i)
            if fig.against is None:  # 比十九大增加68名,占27.0%,提高2.8个百分点: both against 十九大
                k = nearest_in_sentence(figs, i, lambda f: f.against is not None and f.kind in ("change", "percentage_point"))
                fig.against = figs[k].against if k is not None else None
            if j is not None and fig.kind == "change" and not self._same_thing(fig, figs[j]):
                j = None  # 村集体经济将增收200万元，每股分红增加500元: a change of something else
            if j is not None:
                self._attach_change(fig, figs[j], j)

    @staticmethod
    def _compared_figure(figs: list[Figure], i: int) -> Figure | None:
        """The amount in change ``i``'s comparison (比2012年的8389元|增加了2000元), or the rate (较第二季的1.3%跌幅|扩大3.2个百分点),
        or None."""
        change = figs[i]
        kinds = ("percent", "change") if change.kind == "percentage_point" else QUANTITY_KINDS + ("age",)
        for k in range(i - 1, -1, -1):
            if figs[k].start < change.cut:
                return None
            if figs[k].end <= change.start and figs[k].kind in kinds:
                return figs[k]
        return None

    def _level_reached(self, figs: list[Figure], i: int) -> int | None:
        """The figure right after a change and 至 or 到, the level it reaches (增加5万人至120万人, 增长2.1%至5000亿元),
        which is of what the change is of; or None."""
        fig = figs[i]
        if i + 1 >= len(figs) or self.text[fig.end : figs[i + 1].start] not in ("至", "到"):
            return None
        level = figs[i + 1]
        if level.kind not in QUANTITY_KINDS or (fig.unit != "%" and level.unit != fig.unit):
            return None
        if not level.subject:
            level.subject, level.subject_source = fig.subject, fig.subject_source
        return i + 1

    @staticmethod
    def _same_thing(change: Figure, base: Figure) -> bool:
        """Can ``change`` be of ``base``: it names no subject of its own, or one the base's names or holds?"""
        if change.subject_source != "own" or not change.subject or not base.subject:
            return True
        return change.subject in base.subject or base.subject in change.subject

    def _attach_change(self, change: Figure, base: Figure, j: int) -> None:
        relative = change.kind == "change" and change.unit in RELATIVE_UNITS
        delta = change.direction * change.value
        exact = change.exact and base.exact and not relative
        ref = {
            "text": self.text[change.cut : change.tail],
            "against": change.against,
            "delta": json_number(rounded(delta, change)),
            "relative": relative,
            "current_value": base.json_value,
            "reference_value": json_number(rounded(base.value - delta, change, base)) if exact else None,
        }
        change.base = j
        change.reference = ref
        if base.reference is None:
            base.reference = dict(ref)

    def _levels(self, figs: list[Figure]) -> None:
        """``从五十四万亿元增长到八十万亿元``: the second figure's reference is the first."""
        for i, fig in enumerate(figs):
            if not fig.level:
                continue
            j = nearest_in_sentence(figs, i, lambda f: f.origin and f.unit == fig.unit)
            if j is None:
                continue
            origin = figs[j]
            fig.reference = {
                "text": self.text[origin.cut : fig.tail],
                "against": None,
                "delta": json_number(rounded(fig.value - origin.value, fig, origin)),
                "relative": False,
                "current_value": fig.json_value,
                "reference_value": origin.json_value,
            }
            if not fig.subject:
                fig.subject, fig.subject_source = origin.subject, origin.subject_source

    def _shares(self, figs: list[Figure]) -> None:
        """``771名,占33.6%``: a share with no subject of its own belongs to the count before it (a count of
        things when its whole is a number of them: 132个村集体经济收入超过10万元，占行政村总数的88%); one with
        a subject of its own, to a count of that subject before it in its sentence (女教师60人，女教师占比65%)."""
        for i, fig in enumerate(figs):
            if fig.kind == "percent" and not (fig.share or fig.whole) and (j := self._rate_of_done(figs, i)) is not None:
                fig.base = j  # 已办结198件，办结率94.3%: the share of the things counted before that were done
                fig.share_of = {"count": j, "total": None, "whole": None, "computed": None, "confirmed": None}
                continue
            if fig.kind not in SHARE_KINDS or not (fig.share or fig.whole):
                continue
            j = fig.paired  # 分别占…60%和40%: each of the counts listed before, in order
            kinds = ("count",) if fig.whole and fig.whole.endswith(self.rules.count_whole_words) else QUANTITY_KINDS
            if j is None and (not fig.subject or fig.subject_source != "own"):
                j = nearest_in_sentence(figs, i, lambda f: f.kind in kinds and f.depth == fig.depth and f.base is None)
            elif j is None:  # 女教师60人，女教师占比65%: its own subject, counted before it in its sentence
                j = nearest_in_sentence(figs, i, lambda f: f.kind in kinds and f.subject == fig.subject and f.depth == fig.depth and f.base is None)
            if j is None and fig.whole is None:
                continue
            fig.base = j
            fig.share_of = {"count": j, "total": None, "whole": fig.whole, "computed": None, "confirmed": None}

    def _rate_of_done(self, figs: list[Figure], i: int) -> int | None:
        """The count before percent ``i`` in its sentence of the things its rate's verb was done to (已办结198件，办结率94.3%;
        已整改305处，整改率为95.3%), or None."""
        fig = figs[i]
        verb = fig.subject.removesuffix("率") if fig.subject_source == "own" else ""
        if len(verb) < 2 or len(verb) == len(fig.subject):
            return None
        done = figs[i - 1] if i else None  # (the count right before: 其中…整改完成2445件，办结率达到96.0% is not of 已办结2634件)
        ok = done is not None and done.sentence == fig.sentence and done.kind == "count" and done.done.endswith(verb) and done.exact and done.base is None
        return i - 1 if ok else None

    def _named_counts(self, figs: list[Figure]) -> None:
        """``第三产业增加值765583亿元 … 第三产业增加值比重为56.7%``: a share of a named whole whose
        subject an earlier figure of the article counts or measures (not a change) is a share of that figure."""
        for i, fig in enumerate(figs):
            share = fig.share_of
            if share is None or share["count"] is not None or not share["whole"] or fig.whole_word or fig.subject_source != "own" or not fig.subject:
                continue  # (…党员代表总数的92.1%: a whole word, 总数, is no named whole)
            j = next(
                (j for j in range(i - 1, -1, -1) if figs[j].article == fig.article and figs[j].subject == fig.subject and figs[j].kind in QUANTITY_KINDS),
                None,
            )
            if j is not None and figs[j].exact and figs[j].base is None:
                share["count"] = j

    def _totals(self, figs: list[Figure]) -> None:
        """The earlier count a share's count is that share of (771/2296 = 33.58% ≈ 33.6%)."""
        for fig in figs:
            share = fig.share_of
            if share is None or share["count"] is None or fig.kind != "percent" or not fig.exact:
                continue
            count = figs[share["count"]]
            # (已办结198件 is of 来信210件 before it, no other)
            for j in [count.done_of] if count.done_of is not None else range(share["count"] - 1, max(-1, share["count"] - 400), -1):
                total = figs[j]
                if self.is_total_for(total, count, fig):
                    share.update(total=j, computed=round(100 * count.value / total.value, fig.decimals + 2), confirmed=True)
                    break

    @staticmethod
    def is_total_for(total: Figure, count: Figure, percent: Figure) -> bool:
        """Could ``total`` be the whole that ``count`` is ``percent`` of, within the stated precision?"""
        if total.kind != count.kind or total.unit != count.unit or not total.exact or total.base is not None:
            return False
        if total.article != count.article or total.value <= count.value:
            return False
        return share_fits(count, total, percent)


# ---------------------------------------------------------------------------- records


class TableReader:
    """Figures in the rows of a table whose cells the input sets apart (an indicators table of a plan).

    A row is a label with its unit in brackets and then cells, some of them bare numbers
    (常住人口城镇化率（%） 62.1 67 [4.9] 预期性); each number is a figure of the label, read as
    the label, the number and the unit would be in a sentence (地区生产总值增长（%） 6左右 is a
    change of about 6%), with the heading of its column from the last row of years above it
    (类别 指标 2020年 2025年 年均/累计 属性), the columns counted from the right.
    """

    _CELL = re.compile(r"\S+")
    _ROW = re.compile(r"[（(][^（）()\n\s]{1,6}[）)][ \t]+[\[［]?[<>≤≥＜＞]?[-+]?\d")
    _LABEL = re.compile(r"(?P<subject>.+?)[（(](?P<unit>[^（）()]{1,6})[）)]")
    _NUMBER = re.compile(r"[\[［]?(?P<sign>[<>≤≥＜＞]?)(?P<number>[-+]?\d[\d.,]*)(?P<after>左右|以上|以下)?[\]］]?")
    _YEAR = re.compile(r"\d{4}年")
    _SIGNS = {">": "超过", "＞": "超过", "≥": "不低于", "<": "低于", "＜": "低于", "≤": "不超过"}

    def __init__(self, rules: StatsRules) -> None:
        self.finder = FigureFinder(rules)

    def find(self, text: str) -> list[Figure]:
        if not self._ROW.search(text):
            return []
        figs: list[Figure] = []
        header: list[str] = []
        for line in re.finditer(r"[^\n]+", text):
            cells = list(self._CELL.finditer(line.group()))
            words = [c.group() for c in cells]
            if len(cells) < 3 or any(ch in line.group() for ch in "。；;，"):  # a sentence is no row
                header = [] if len(cells) < 2 else header
                continue
            if any(self._YEAR.fullmatch(w) for w in words) and not any(self._NUMBER.fullmatch(w) for w in words):
                header = words
                continue
            figs.extend(self._row(cells, words, header, line.start()))
        return figs

    def _measure(self, m: re.Match, unit: str, subject: str) -> Figure | None:
        """A number in a unit no sentence pattern reads (受教育年限（年） 10.8): a measure in the label's unit; an
        index's (居民消费价格指数（上年=100） 103) has no unit, its brackets say its base."""
        value = parse_number(m["number"])
        if value is None:
            return None
        approx = self.finder.rules.approx_before.get(self._SIGNS.get(m["sign"], "")) or self.finder.rules.approx_after.get(m["after"] or "")
        if subject.endswith(self.finder.rules.index_words):
            return Figure(0, 0, m.group(), m["number"], value, "", "index", approx=approx)
        return Figure(0, 0, m.group(), m["number"], value, unit, "measure", approx=approx)

    def _row(self, cells: list[re.Match], words: list[str], header: list[str], at: int) -> list[Figure]:
        figs = []
        label = None  # the nearest label before a number (粮食产量（亿吨） — >6.5; two in a row: 党员（人） 300 女党员（人） 120)
        for i, word in enumerate(words):
            m = self._NUMBER.fullmatch(word)
            if m is None:
                label = self._LABEL.fullmatch(word) or label
                continue
            if label is None:
                continue
            subject, unit, sign = label["subject"], label["unit"], self._SIGNS.get(m["sign"], "")
            phrase = f"{subject}{sign}{m['number']}{unit}{m['after'] or ''}"
            fig = next((f for f in self.finder.find(phrase) if f.start == len(subject) + len(sign)), None) or self._measure(m, unit, subject)
            if fig is None:
                continue
            fig.start, fig.end = at + cells[i].start(), at + cells[i].end()
            fig.text, fig.subject = word, subject
            right = len(words) - i
            fig.column = header[-right] if header and right <= len(header) else None
            figs.append(fig)
        return figs


class Renderer:
    """Turns view-offset figures and checks into JSON-ready records with document offsets."""

    def __init__(self, view: TextView, linker: Linker, figs: list[Figure]) -> None:
        self.view = view
        self.linker = linker
        self.figs = figs

    def brief(self, index: int | None) -> dict[str, Any] | None:
        """How a record names another figure: text, value and document offsets."""
        if index is None:
            return None
        fig = self.figs[index]
        return {"text": fig.text, "value": fig.json_value, "start": self.view.to_doc(fig.start), "end": self.view.to_doc_end(fig.end)}

    def when(self, time: Time | None) -> dict[str, Any] | None:
        """How a record names the year or date it is of: text, ISO form (none yet for a word such as 去年, whose
        ``years`` from the text's own year the export reads against it), and document offsets."""
        if time is None:
            return None
        offsets = {"start": self.view.to_doc(time.start), "end": self.view.to_doc_end(time.end)}
        if time.figure is None:
            return {"text": self.linker.text[time.start : time.end], "date": None, "years": time.years, **offsets}
        fig = self.figs[time.figure]
        date = fig.iso
        if date is not None and time.year is not None:  # --01/--09 in a title's year: 2024-01/2024-09
            date = dated_in(date, time.year)
        if date is None and fig.kind == "year":  # 2024年: 2024; 2012年至2022年: 2012/2022
            date = f"{fig.value:.0f}" + (f"/{fig.high:.0f}" if fig.high is not None else "")
        return {"text": fig.text, "date": date, "years": time.years, **offsets}  # (years: 今年|前三季度)

    def record(self, fig: Figure) -> dict[str, Any]:
        """The figure's record, as ``span._.fields`` holds it."""
        share = None
        if fig.share_of is not None:
            share = {**fig.share_of, "count": self.brief(fig.share_of["count"]), "total": self.brief(fig.share_of["total"])}
        return {
            "text": fig.text,
            "value": fig.json_value,
            "unit": fig.unit,
            "kind": fig.kind,
            "approx": fig.approx,
            "range": [fig.json_value, json_number(fig.high)] if fig.high is not None else None,
            "parts": None if fig.parts is None else [json_number(parse_number(p)) for p in fig.parts],
            "modality": fig.modality,
            "direction": {1: "increase", -1: "decrease"}.get(fig.net),
            "date": fig.iso,
            "subject": fig.subject or None,
            "reference": fig.reference,
            "share_of": share,
            "when": self.when(fig.when),
            "column": fig.column,
            "start": self.view.to_doc(fig.start),
            "end": self.view.to_doc_end(fig.end),
            "sentence": self.linker.sentence_text(fig.sentence),
            "article": fig.article,
        }

    def check(self, check: dict[str, Any]) -> dict[str, Any]:
        """A check with document offsets and the figures it is about."""
        at = self.figs[check.pop("at")]
        return {
            **check,
            "start": self.view.to_doc(at.start),
            "end": self.view.to_doc_end(at.end),
            "figures": [self.brief(i) for i in check["figures"]],
        }


# ---------------------------------------------------------------------------- component


_QUESTION_LEVEL = 99  # a question heads its answer below any heading
_HEAD_LEVELS = {"TITLE": 0, "QUESTION": _QUESTION_LEVEL}  # a title is above every heading, a question below
_VIEWPOINT = re.compile(r"\s*(?:分|从|按|就)[\u4e00-\u9fff]{1,8}(?:来看|上看|看|而言|来说)\s*")  # 分季度看, 从结构上看
_AGE_BOUND = re.compile(r"(?:及|和)?(?:以上|以下)?")  # 60岁|及以上|网民: the rest of an age's bound before what it qualifies
_TITLE_WORDS = 4  # characters a title holds besides its time, to frame the article with it (not 2018年11月 alone)


class StatsComponent(Batched):
    """Finds the figures of a Doc, records them on spans and checks them against each other."""

    def __init__(self, nlp: Language, name: str, *, keep_duplicates: bool, checks: bool) -> None:
        register_extensions()
        self.name = name
        self.keep_duplicates = keep_duplicates
        self.checks = checks
        self.rules = stats_rules()
        self.tables = TableReader(self.rules)
        self.is_word = word_test(nlp)
        self.edge_tags = edge_tag_test(nlp)

    def _skipped(self, doc: Doc) -> list[tuple[int, int]]:
        """Ranges whose figures are not statistics: datelines, web leftovers and (by default) duplicates."""
        return set_aside(doc, labels=("DATELINE", "BOILERPLATE", "CONTENTS"), keep_duplicates=self.keep_duplicates)

    def __call__(self, doc: Doc) -> Doc:
        view = TextView(doc_text(doc), [(n["start"], n["end"]) for n in doc._.notes or [] if n["code"] == "joined_paragraph"])
        tokens = TokenIndex(doc, view, self.is_word, self.edge_tags)
        # Skipped ranges read as line breaks: no figure inside, no subject or sentence across.
        chars = list(view.text)
        for start, end in self._skipped(doc):
            a, b = view.to_view(start), view.to_view(end)
            chars[a:b] = "\n" * (b - a)
        text = "".join(chars)
        figs = self._outside_formulas(doc, view, FigureFinder(self.rules, tokens.is_boundary).find(text))
        arts = article_index(doc)
        for fig in figs:
            fig.article = article_at(arts, view.to_doc(fig.start))
        linker = Linker(text, self.rules, tokens)
        # headings, and questions as the lowest headings of their answers (问：2024年经济运行情况如何？答：全年增长5%)
        # an article's title over all its headings (中央纪委国家监委通报2024年1至9月…情况: the figures are of those months)
        heads = sorted(structure_spans(doc, "TITLE", "HEADING", "QUESTION"), key=lambda h: h.start_char)
        linker.headings = [(view.to_view(h.start_char), view.to_view(h.end_char), _HEAD_LEVELS.get(h.label_, h._.level or 1), h._.article) for h in heads]
        linker.link(figs)
        found = run_checks(figs, linker, self.rules) if self.checks else []
        figs += self._table_figures(text, figs, linker, view, arts)
        render = Renderer(view, linker, figs)
        doc.spans["stats"] = self._spans(doc, figs, render)
        doc._.checks = sorted([*(doc._.checks or []), *(render.check(c) for c in found)], key=lambda c: c["start"])  # with structure's list_count
        return doc

    @staticmethod
    def _outside_formulas(doc: Doc, view: TextView, figs: list[Figure]) -> list[Figure]:
        """The figures that are no part of a formula's name (“四千四万”精神: a formula the terms component found)."""
        spans = doc.spans["tifa"] if "tifa" in doc.spans else ()
        if not spans or not figs:
            return figs
        names = sorted((view.to_view(s.start_char), view.to_view(s.end_char)) for s in spans)
        starts = [a for a, _ in names]
        out = []
        for fig in figs:
            k = bisect.bisect_right(starts, fig.start) - 1
            if not (k >= 0 and names[k][1] >= fig.end):
                out.append(fig)
        return out

    def _table_figures(self, text: str, figs: list[Figure], linker: Linker, view: TextView, arts) -> list[Figure]:
        """The figures of table rows that no figure of the running text covers, placed in their rows
        (each row is a sentence of its own); they take no part in the checks."""
        taken = [(f.start, f.end) for f in figs]
        rows = []
        for fig in self.tables.find(text):
            i = bisect.bisect_right(taken, (fig.start, len(text)))
            if (i and taken[i - 1][1] > fig.start) or (i < len(taken) and taken[i][0] < fig.end):
                continue
            fig.sentence = bisect.bisect_right(linker.sentence_starts, fig.start) - 1
            fig.article = article_at(arts, view.to_doc(fig.start))
            rows.append(fig)
        return rows

    def _spans(self, doc: Doc, figs: list[Figure], render: Renderer) -> list[Span]:
        # spaCy keys span attributes by offsets alone: a figure whose tokens another
        # figure (or a dateline) already covers exactly cannot get a span of its own.
        taken = {(s.start_char, s.end_char) for s in structure_spans(doc, "DATELINE")}
        spans: list[Span] = []
        for fig in figs:
            record = render.record(fig)
            span = doc.char_span(record["start"], record["end"], label=fig.kind.upper(), alignment_mode="expand")
            if span is None or (span.start_char, span.end_char) in taken:
                continue
            taken.add((span.start_char, span.end_char))
            span._.fields = record
            spans.append(span)
        spans.sort(key=lambda span: span.start_char)  # table figures come after the others in figs
        return spans


@Language.factory(
    "tifa_stats",
    assigns=["doc.spans", "doc._.checks"],
    requires=["doc.spans"],
    default_config={"keep_duplicates": False, "checks": True},
)
def make_stats(nlp: Language, name: str, keep_duplicates: bool, checks: bool) -> StatsComponent:
    """Registered factory for the statistics component.

    Args:
        nlp: The pipeline.
        name: The component's name.
        keep_duplicates: Also report figures in duplicated paragraphs.
        checks: Check the figures against each other (``doc._.checks``).
    """
    return StatsComponent(nlp, name, keep_duplicates=keep_duplicates, checks=checks)
