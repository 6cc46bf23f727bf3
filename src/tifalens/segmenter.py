"""A jieba-compatible segmenter that owns its dictionary and keeps every known tifa whole.

It is registered as the spaCy tokenizer ``tifalens.JiebaSegmenter.v1``. Each
pipeline has its own backend instance (no global ``jieba.add_word`` state), so two
pipelines with different lexicons never interfere.

Segmentation and PKU-style tagging happen in one backend pass, so the tokenizer
emits ``token.tag_`` and ``token.pos_`` directly: a separate tagging component would
walk every token again in Python for nothing.

Lexicon forms are added to the backend dictionary (so jieba prefers them) and also
matched on the text itself, because jieba ignores user words with digits, Latin
letters or spaces. A match is kept as one token unless the segmenter puts a word
across its edge (四必 in 四必须, 两会 in 两会儿) or reads a dictionary word around
it on both sides (三医 in 北京大学第三医院; 两委 in 村两委 is kept); a quoted match
(“四必”) is always kept.
"""

from __future__ import annotations

import bisect
import csv
import importlib.machinery
import importlib.util
import json
import logging
import re
import sys
from functools import lru_cache
from itertools import accumulate
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable

import numpy
import spacy
from spacy.attrs import POS, SENT_START, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as UPOS_IDS
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .tables import alternation, table
from .batching import Batched
from .errors import UsageError
from .extensions import LEXICON_KEY, TEXT_KEY
from .lexicon import Entry, Lexicon, parse_tsv
from .numbers import CN_DIGITS, CN_UNITS, INNER_APPROX

BACKENDS = ("rjieba", "jieba")
OPEN_QUOTES = "“‘「『\"'《"  # marks that open a quotation or a title, and those that close one
CLOSE_QUOTES = "”’」』\"'》"
TIFA_TAG = "nz"
FOREIGN_NAME_TAG = "nrt"  # a transliterated foreign name kept whole after a title
_HAN_WORD = re.compile("[\u4e00-\u9fd5]+")


def _token_of(starts: list[int], a: int, b: int) -> int | None:
    """The index of the token that is exactly the characters ``[a, b)``, or None."""
    i = bisect.bisect_left(starts, a)
    return i if i + 1 < len(starts) and starts[i] == a and starts[i + 1] == b else None


def _split_token(words: list[str], tags: list[str], starts: list[int], i: int, at: int, left_tag: str, right_tag: str) -> None:
    """Cut token ``i`` at text offset ``at`` into two tokens of the given tags, in place."""
    word, cut = words[i], at - starts[i]
    words[i : i + 1] = [word[:cut], word[cut:]]
    tags[i : i + 1] = [left_tag, right_tag]
    starts.insert(i + 1, at)


@lru_cache(maxsize=1)
def _appointed() -> re.Pattern:
    """A personnel notice's verb, a name of two or three characters, then 为 (任命王伟为…)."""
    data = table("entities")
    verbs = alternation(data["person"]["appointment_verbs"])
    return re.compile(f"(?:{verbs})([\u4e00-\u9fff]{{2,3}}?)为")


def _unglue_appointed(text: str, words: list[str], tags: list[str], starts: list[int]) -> None:
    """任命王伟为: jieba glues 为 to a name it does not know (one token 王伟为), or to its last character (诸葛|明为); cut it
    back to 王伟 (nr) | 为 (p), in place."""
    for m in _appointed().finditer(text):
        a, b = m.span(1)
        if (i := _token_of(starts, a, b + 1)) is not None:  # tagged nr by rjieba, p by jieba
            _split_token(words, tags, starts, i, b, "nr", "p")
            continue
        i = bisect.bisect_right(starts, b) - 1  # 任命诸葛|明为: the last character of the name glued to 为 alone
        if a < starts[i] < b and starts[i + 1] == b + 1 and starts[i] == b - 1:
            _split_token(words, tags, starts, i, b, "nr", "p")


@lru_cache(maxsize=1)
def _titles() -> tuple[str, ...]:
    """The titles before a name (书记, 董事长), for ``str.endswith``."""
    return tuple(table("entities")["person"]["titles"])


@lru_cache(maxsize=1)
def _glued_to_names() -> re.Pattern:
    """A character jieba may hold as one word with the name before it (张华说, 张军作, 张广在), two characters
    after a surname, or three (李家超说, 易炼红到). The character is matched first and the
    surname looked behind it: a pattern that opens with the look-behind tries it at every position."""
    person = table("entities")["person"]
    surnames = person["surnames"]
    return re.compile(f"[{person['glued_after_name']}](?<=[{surnames}]..)|[{person['glued_after_name']}](?<=[{surnames}]...)")


def _unglue_name_end(text: str, words: list[str], tags: list[str], starts: list[int], backend) -> None:
    """书记陈训武说: jieba reads the name's first two characters as one word and glues the last to 说
    (陈训 | 武说, 龚俊 | 明说; 李 | 明说 of a two-character name); cut that token back to 武 (nr) | 说 (v), in place, so the name ends at a token edge.
    Only where the token is exactly those two characters and the one before it the rest of the name.
    With no title, the same where jieba tags the two characters a name and the token with 说 is no
    dictionary word (李家 nrfg | 超说 -> 李家 | 超 | 说; not 王明 | 再说); the character keeps the tag the
    dictionary gives it alone; so with 作, 在, 向, 等 or 到 after a title where the token is no dictionary word
    (书记易炼 | 红到 -> 易炼 | 红 | 到). A name jieba holds as one word with 说, 作 (作报告), 在, 向, 等 or 到
    (张华说, 张军作, 张广在, 王浩到; no dictionary word) is cut the same way where the dictionary tags its first
    two characters a name (张华 nr | 说 v, 张军 nr | 作 v); a three-character name held so, no dictionary word, that
    jieba tags a name or that follows a title (主席王莉霞作), is cut too (王莉霞 nr | 作 v)."""
    surnames = _surnames()
    for m in _glued_to_names().finditer(text, 2):
        at = m.start()
        i = bisect.bisect_right(starts, at - 1) - 1  # the token holding the character before it
        if starts[i + 1] == at + 1 and starts[i] == at - 3 and not backend.has_word(words[i]):
            if (tags[i].startswith("nr") or text.endswith(_titles(), 0, at - 3)) and text[at - 3] in surnames and not _with_someone(m.group(), tags, i):
                _split_token(words, tags, starts, i, at, "nr", _tag_of(m.group(), "v", backend))  # 主席王莉霞作(nr)|报告
            continue
        if starts[i + 1] != at + 1 or starts[i] < at - 2:
            continue  # the character ends no token here, or a longer one
        if starts[i] == at - 1:
            if i < 1 or starts[i] - starts[i - 1] not in (1, 2) or (m.group() != "说" and backend.has_word(words[i])):
                continue  # (书记易炼|红到: 红 ends the name; 王伟|正在 is no such cut)
            if starts[i] - starts[i - 1] == 1:  # 党委书记李|明说: a two-character name, its surname alone
                if text[at - 2] in surnames and text.endswith(_titles(), 0, at - 2):
                    _split_token(words, tags, starts, i, at, "nr", "v")
                continue
            if backend.has_word(words[i]) and backend.has_word(words[i - 1]) and tags[i - 1].startswith("nr"):
                continue  # 书记王明|再说一遍: a whole name the dictionary knows, then a word of its own
            if text[at - 3] in surnames and text.endswith(_titles(), 0, at - 3):
                _split_token(words, tags, starts, i, at, "nr", "v")  # nr: a part of the name, whatever jieba makes of it alone (正 d)
            elif (
                tags[i - 1].startswith("nr")
                and "\u4e00" <= text[at - 1] <= "\u9fff"
                and not backend.has_word(words[i])  # 再说, 听说
            ):
                _split_token(words, tags, starts, i, at, _tag_of(text[at - 1], tags[i], backend), "v")
        elif not backend.has_word(words[i]) and (name := _tag_of(text[at - 2 : at], "", backend)).startswith("nr"):
            if _with_someone(m.group(), tags, i):
                continue  # 王毅同|美国国务卿…: 同 with someone; before a verb (王建同|说) it ends the name
            _split_token(words, tags, starts, i, at, name, _tag_of(m.group(), "v", backend))


def _with_someone(glued: str, tags: list[str], i: int) -> bool:
    """Is ``glued``, held in token ``i`` with a name before it, a word such as 同 that goes with the noun after it
    (王毅同|美国国务卿) rather than ending the name (王建同|说)?"""
    return glued in _before_nouns() and not (i + 1 < len(tags) and tags[i + 1].startswith("n"))


@lru_cache(maxsize=1)
def _deputy() -> re.Pattern:
    """副 right before a title (副部长, 副主任), or 原 (former) before one or 副 and one (原副局长), which is
    where jieba glues it to the word before."""
    titles = alternation(table("entities")["person"]["titles"])
    return re.compile(f"副(?={titles})|原(?=副?(?:{titles}))")


def _unglue_deputy(text: str, words: list[str], tags: list[str], starts: list[int], backend) -> None:
    """农业农村部副部长, 国家发展改革委副主任: jieba glues 副 to the end of the institution (部副 | 部长, 委副 |
    主任); cut it off, in place, so the institution and the title each end at a token edge (部 | 副 | 部长),
    as jieba reads 副部长 alone. Only a token that ends with that 副 and is followed by the title's token.
    So with 原 (former) before a title or 副 and a title (国家能源局原副局长: 局原 | 副局长 -> 局 | 原 | 副局长),
    when the token is no word of the dictionary (高原|县长 stays)."""
    for m in _deputy().finditer(text):
        at = m.start()
        i = bisect.bisect_right(starts, at) - 1
        if starts[i] < at and starts[i + 1] == at + 1 and (m.group() == "副" or not backend.has_word(words[i])):
            _split_token(words, tags, starts, i, at, _tag_of(text[starts[i] : at], tags[i], backend), "b")


_GROUPED_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])")  # 8,813 and 1,260,582.5


def _grouped_numbers_whole(text: str, words: list[str], tags: list[str], starts: list[int], backend) -> tuple[list[str], list[str], list[int]]:
    """A number with its thousands set apart by commas (8,813, 1,260,582) as one token tagged m, where jieba cuts it at
    each comma; only where the number starts and ends on token edges."""
    found = list(_GROUPED_NUMBER.finditer(text))
    if not found:
        return words, tags, starts  # (most texts with a comma: the seed writes ， as ,)
    edges = set(starts)
    whole = [(m.start(), m.end(), "m") for m in found if m.start() in edges and m.end() in edges]
    return _recut(text, words, tags, starts, whole, backend) if whole else (words, tags, starts)


_PARTNERS = re.compile("中(?=[美俄日英法德欧韩朝印澳加意])")  # 中美, 中俄, 中欧 …: China and a partner


def _unglue_partners(text: str, words: list[str], tags: list[str], starts: list[int], backend) -> None:
    """中美国防部工作会晤: jieba reads 中 | 美国防部 (its word for the US Department of Defense); where 中 and the
    partner's character make a word (中美, 中俄) and the rest of the institution's token is a word of its own
    (国防部), read 中美 | 国防部, in place."""
    for m in _PARTNERS.finditer(text):
        at = m.start()
        i = _token_of(starts, at, at + 1)
        if i is None or i + 1 >= len(words) or tags[i + 1] != "nt" or len(words[i + 1]) < 3:
            continue
        pair, rest = text[at : at + 2], words[i + 1][1:]
        if backend.has_word(pair) and backend.has_word(rest):
            words[i : i + 2] = [pair, rest]
            tags[i : i + 2] = [_tag_of(pair, "j", backend), "nt"]
            starts[i + 1] = at + 2


@lru_cache(maxsize=1)
def _counted() -> tuple[re.Pattern, frozenset[str]]:
    """Where a unit follows a number (10个村, 三百人中, 2000多家律所, 30万千瓦时电): a pattern for the
    longest unit (group 1) right after a number (Arabic or Chinese, perhaps with 多 or 余) and before a hanzi, and
    the dictionary words to cut after a number (3个人)."""
    data = table("stats")
    units = sorted([*(u for u, kind in data["units"].items() if kind in ("count", "measure", "money", "age")), "日"], key=len, reverse=True)  # (26日电)
    numeral = f"0-9{''.join(CN_DIGITS)}{CN_UNITS}"
    unit = "|".join(map(re.escape, units))
    return re.compile(f"[{numeral}][{INNER_APPROX}]?({unit})(?=[\u4e00-\u9fff])"), frozenset(data["cut_after_numbers"])


def _unglue_counted(text: str, words: list[str], tags: list[str], starts: list[int], backend) -> None:
    """10个村, 5401人未脱贫, 三百人中, 30万千瓦时电: jieba glues a unit after a number to what follows
    (个村, 人未, 人中, 时电); cut the token at the end of the unit, in place, so the figure ends at a token
    edge. Only a token that begins inside the unit is cut (not 5万|人民币), and a dictionary word stays
    whole (10部门, 468项目, 100周年) unless it is one to cut after a number (3个人: 个|人) or the rest of
    it is a word of its own (3篇文章: 篇|文章)."""
    unit, cut = _counted()
    for m in unit.finditer(text):
        start, end = m.span(1)
        i = bisect.bisect_right(starts, end - 1) - 1
        if i + 1 >= len(starts) or starts[i + 1] == end or starts[i] < start:
            continue
        word = words[i]
        head, rest = text[starts[i] : end], text[end : starts[i + 1]]
        if backend.has_word(word) and word not in cut and not (len(rest) > 1 and backend.has_word(rest)):
            continue
        # a one-character unit is a measure word; other parts are tagged as the dictionary does if one token
        head_tag = "q" if head == m[1] and len(head) == 1 and head != "日" else _tag_of(head, tags[i], backend)  # (26日 is a date)
        _split_token(words, tags, starts, i, end, head_tag, _tag_of(rest, tags[i], backend))


@lru_cache(maxsize=1)
def _before_nouns() -> str:
    """The characters of glued_after_name cut from a name only before a noun (entities.json)."""
    return table("entities")["person"]["glued_before_nouns"]


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """The common one-character surnames (entities.json)."""
    return frozenset(table("entities")["person"]["surnames"])


@lru_cache(maxsize=1)
def _foreign_titled() -> re.Pattern:
    """A foreign title and the run of transliteration characters after it (group 1): 总理拉克森, 首相斯塔默."""
    person = table("entities")["person"]
    titles = alternation(person["foreign_titles"])
    chars = person["transliteration_chars"]
    return re.compile(f"(?:{titles})([{chars}][{chars}·]{{1,{person['max_transliterated_chars'] - 1}}})")


@lru_cache(maxsize=1)
def _dotted_chars() -> str:
    """The characters of transliterated names and of names written with a dot (entities.json)."""
    person = table("entities")["person"]
    return person["transliteration_chars"] + person["dotted_name_chars"]


@lru_cache(maxsize=1)
def _dotted_re() -> re.Pattern:
    """A run of transliteration characters with a dot between its parts (安东尼奥·古特雷斯, 艾尔肯·吐尼亚孜), any
    character on either side of a dot (马克思·韦伯) or between two of them (斯特凡纳·塞茹尔); after the first dot,
    where the name's end is to be found, not a word of grammar (雷茨则|将|恩格斯, 确吉杰布|的)."""
    chars, breaks = _dotted_chars(), table("entities")["person"]["dotted_name_breaks"]
    lead = f"(?:[{chars}]|(?<=[{chars}])[\u4e00-\u9fff](?=[{chars}]))"
    tail = f"(?:[{chars}]|(?<=[{chars}])(?![{breaks}])[\u4e00-\u9fff](?=[{chars}]))"
    return re.compile(f"{lead}{{0,7}}[\u4e00-\u9fff](?:·[\u4e00-\u9fff]{tail}{{0,7}})+")


@lru_cache(maxsize=1)
def _foreign_title() -> re.Pattern:
    """A foreign title (总统, 首相, 总理 …), to find where the dictionary holds a country and its office as one word."""
    return re.compile(alternation(table("entities")["person"]["foreign_titles"]))


def _unglue_office(text: str, words: list[str], tags: list[str], starts: list[int], backend) -> None:
    """德国总理朔尔茨, 日本首相岸田文雄: jieba's dictionary holds a few countries and their office as one word
    (德国总理 nr, 日本首相 n, 英国首相 nz); cut it, in place, into the place (ns) and the title (n), so the
    place is a place and the title vouches for the name after it. Only a token that ends with the title
    and whose rest the dictionary tags ns."""
    for m in _foreign_title().finditer(text):
        a, b = m.span()
        i = bisect.bisect_right(starts, a) - 1
        if starts[i] < a and starts[i + 1] == b and _tag_of(text[starts[i] : a], "", backend) == "ns":
            _split_token(words, tags, starts, i, a, "ns", "n")


@lru_cache(maxsize=1)
def _committee_offices() -> re.Pattern:
    """A division's Party committee and an office in it, as one word (市委书记, 省委常委): group 1 the committee."""
    org = table("entities")["organization"]
    return re.compile(f"({alternation(org['committee_heads'])})(?:{alternation(org['committee_offices'])})")


@lru_cache(maxsize=1)
def _committees() -> re.Pattern:
    """A division's Party committee (市委, 区委, 县委 …; not 纪委, 人大) as a word of its own."""
    org = table("entities")["organization"]
    return re.compile(alternation(h for h in org["committee_heads"] if len(h) == 2 and h[1] == "委" and h[0] in table("entities")["place"]["suffixes"]))


def _unglue_committee(text: str, words: list[str], tags: list[str], starts: list[int]) -> None:
    """深圳|市委书记|孟凡利, 福建|省委常委: after a place (ns) jieba holds a division's Party committee and an
    office in it as one word; cut it, in place, into the committee (n) and the office (n), so that the place
    and the committee name one organisation (深圳市委) as 浙江省委 (one word) does. A name jieba tags as a person's
    there (余杭 nr | 区委书记) is a place: a title comes before a name, never after it."""
    for m in _committee_offices().finditer(text):
        i = _token_of(starts, *m.span())
        if i and (tags[i - 1] == "ns" or (tags[i - 1] in ("nr", "nz") and len(words[i - 1]) >= 2)):
            tags[i - 1] = "ns"
            _split_token(words, tags, starts, i, m.end(1), "n", "n")
    for m in _committees().finditer(text):  # 中共|余杭(nr)|区委|召开: the committee alone, its place tagged a name
        i = _token_of(starts, *m.span())
        if i and tags[i - 1] in ("nr", "nz") and 2 <= len(words[i - 1]) <= 3:
            tags[i - 1] = "ns"  # (not 严格执行 nr, 景俊海受 nr|省委: four characters)


def _foreign_names(text: str, backend) -> list[tuple[int, int]]:
    """Where a transliterated foreign name follows a foreign title (新西兰总理拉克森将…: 拉克森), to be kept
    one token whatever jieba reads there (拉克|森将). A last character that opens a dictionary word with
    the next one is no part of the name (总统马克龙特别…: 特别, 卢拉达成), unless a word starts right
    after the name (特朗普|通电话: 普通 is a word too); a run from a Chinese surname that the segmenter
    reads as the start of a longer name (副秘书长雷东生) is none."""
    spans = []
    surnames = _surnames()
    for m in _foreign_titled().finditer(text):
        a, b = _name_end(text, *m.span(1), backend)
        first, tag = backend.tag(text[a : b + 4])[0]
        if len(first) > b - a and tag.startswith("nr") and text[a] in surnames:
            continue  # 副秘书长雷东生: a Chinese name longer than the run, after a title both use (not 蓬佩奥为)
        spans.append((a, b))
    return spans


def _dotted_names(text: str, words: list[str], tags: list[str], starts: list[int], backend) -> list[tuple[int, int]]:
    """Where a name written with a dot between its parts stands (艾尔肯·吐尼亚孜, 列夫·托尔斯泰), each part two
    characters or more (not 会·互, 文·未来, 一二·九: a slogan's, a title's or a date's dot). It opens where its
    characters of transliteration do, or where the token holding the first of them does when jieba tags that token
    a name or knows no such word (列夫 nr|·托尔斯泰, 本扬; not 人文 of 人文·未来); it ends as :func:`_name_end` says, or
    before a word that a character of no transliteration opens after the dot (…艾则麦提|心里美滋滋)."""
    spans = []
    chars = _dotted_chars()
    for m in _dotted_re().finditer(text):
        a, b = m.span()
        dot = text.index("·", a)
        inner = (k for k in range(dot + 2, b) if text[k] not in chars and "·" not in text[k - 1 : k + 1])  # (not a part's first: ·列宁)
        cut = next((k for k in inner if backend.has_word(text[k : k + 2])), b)
        a, b = _name_end(text, a, cut, backend)  # (…艾则麦提|心里美滋滋: a word inside the run after the dot ends it)
        i = bisect.bisect_right(starts, a) - 1
        if starts[i] < a and (tags[i].startswith("nr") or not backend.has_word(words[i])) and _HAN_WORD.fullmatch(words[i]):
            a = starts[i]
        if all(len(part) >= 2 for part in text[a:b].split("·")):
            spans.append((a, b))
    return spans


@lru_cache(maxsize=1)
def _tibetan_name() -> re.Pattern:
    """Two of the parts Tibetan names are made of (洛桑江村, 扎西次仁), a search that opens with a class of their first characters."""
    parts = table("entities")["person"]["tibetan_name_parts"]
    return re.compile(f"(?=[{''.join(sorted({p[0] for p in parts}))}])(?:{alternation(parts)}){{2}}")


def _tibetan_names(text: str, starts: list[int]) -> list[tuple[int, int, str]]:
    """``(start, end, "nr")`` of each Tibetan name of two parts whose edges are token edges (洛桑|江村, 多吉|次珠;
    not one whose part jieba joins to a word around it)."""
    out = []
    for m in _tibetan_name().finditer(text):
        a, b = m.span()
        i = bisect.bisect_left(starts, a)
        if i < len(starts) and starts[i] == a and starts[bisect.bisect_left(starts, b, i)] == b:
            out.append((a, b, "nr"))
    return out


def _name_end(text: str, a: int, b: int, backend) -> tuple[int, int]:
    """``(a, b)``, a run of a transliterated name, without the last characters that open a dictionary word with the
    character after them (马克龙|特别, 韦伯|提出) or a dot."""
    while b - a > 2 and (text[b - 1] == "·" or (b < len(text) and backend.has_word(text[b - 1 : b + 1]) and not _word_starts(text, b, backend))):
        b -= 1
    return a, b


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans inside no other, in text order (a name after a title found again for its dot)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if out and a < out[-1][1]:
            continue
        out.append((a, b))
    return out


def _word_starts(text: str, pos: int, backend) -> bool:
    """Does a dictionary word of two or more characters start at ``pos`` (as the segmenter reads what follows)?"""
    first = backend.tag(text[pos : pos + 6])[0][0]
    return len(first) >= 2 and backend.has_word(first)


def _recut(
    text: str, words: list[str], tags: list[str], starts: list[int], whole: list[tuple[int, int, str]], backend
) -> tuple[list[str], list[str], list[int]]:
    """The tokens with each (start, end, tag) of ``whole`` (leftmost first, not overlapping) one token
    of that tag; only the tokens they touch are re-cut, and a piece of one is tagged as the dictionary
    tags it alone (巴尔尼耶|等: 尼耶等 nr -> 等 u), or keeps the token's tag where it is no one word."""
    n = len(words)
    regions: list[tuple[int, int, list[tuple[int, int, str]]]] = []  # tokens lo..hi and the spans in them
    for span in whole:
        i = bisect.bisect_right(starts, span[0], 0, n) - 1
        j = bisect.bisect_left(starts, span[1], 1, n + 1) - 1
        if regions and i <= regions[-1][1]:  # shares a token with the previous span
            regions[-1] = (regions[-1][0], j, [*regions[-1][2], span])
        else:
            regions.append((i, j, [span]))
    new_words: list[str] = []
    new_tags: list[str] = []
    new_starts: list[int] = []
    done = 0
    for lo, hi, region in regions:
        new_words += words[done:lo]
        new_tags += tags[done:lo]
        new_starts += starts[done:lo]
        cuts = set(starts[lo : hi + 2])
        tag_of: dict[tuple[int, int], str] = {}
        for a, b, tag in region:
            cuts.difference_update(range(a + 1, b))
            cuts.update((a, b))
            tag_of[a, b] = tag
        bounds = sorted(cuts)
        for a, b in zip(bounds, bounds[1:]):
            k = bisect.bisect_right(starts, a, 0, n) - 1
            whole_token = starts[k] == a and starts[k + 1] == b
            new_words.append(text[a:b])
            new_tags.append(tag_of.get((a, b)) or (tags[k] if whole_token else _tag_of(text[a:b], tags[k], backend)))
            new_starts.append(a)
        done = hi + 1
    return new_words + words[done:], new_tags + tags[done:], new_starts + starts[done:]


def _tag_of(part: str, guessed: str, backend) -> str:
    """The tag of ``part`` of a token jieba tagged ``guessed``: the dictionary's if it is one token, else the guess."""
    tagged = backend.tag(part)
    return tagged[0][1] if len(tagged) == 1 else guessed


@lru_cache(maxsize=1)
def extra_words() -> tuple[tuple[str, str, int | None], ...]:
    """(word, tag, frequency or None) of the everyday words jieba's dictionary lacks, from the packaged
    table ``data/words.tsv``."""
    text = resources.files("tifalens").joinpath("data/words.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return tuple((row["word"], row["tag"], int(row["freq"]) if row.get("freq") else None) for row in rows)


@lru_cache(maxsize=1)
def pos_map() -> dict[str, str]:
    """jieba tag -> Universal POS, from the packaged table ``data/pos_map.tsv``."""
    text = resources.files("tifalens").joinpath("data/pos_map.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return {row["tag"]: row["upos"] for row in rows}


def _upos(word: str, tag: str, table: dict[str, str]) -> str:
    if tag == "x" or tag not in table:
        if word.isspace():
            return "SPACE"
        if not any(ch.isalnum() for ch in word):
            return "PUNCT"
        return table.get(tag, "X")
    return table[tag]


_NOT_START = 2**64 - 1  # -1 as spaCy stores it in a uint64 array
_CLOSERS = "”’」』)）"
# A sentence starts at the first character after 。！？ or a line break that is
# neither white space nor a closing quote or bracket (。”他说 starts at 他).
_LEADING = re.compile(rf"[\s{_CLOSERS}]*")
_BOUNDARY = re.compile(rf"[。！？!?\n][\s{_CLOSERS}]*")


def sentence_starts(text: str, starts: list[int]) -> numpy.ndarray:
    """SENT_START values for tokens at character offsets ``starts`` (n + 1 entries, the last is len(text)).

    1 where a sentence starts, -1 (as uint64) elsewhere. Punctuation and white
    space are tokens of their own, so every sentence start is a token start.
    """
    n = len(starts) - 1
    out = numpy.full(n, _NOT_START, dtype="uint64")
    first = _LEADING.match(text).end()
    chars = [first, *(m.end() for m in _BOUNDARY.finditer(text, first))]
    chars = [c for c in chars if c < len(text)]
    if chars and n:
        out[numpy.searchsorted(numpy.asarray(starts[:n]), chars, side="right") - 1] = 1
    return out


def _rjieba_class():
    """rjieba's ``Jieba`` class, from its compiled module alone.

    ``import rjieba`` builds a module-level default instance with jieba's whole dictionary
    (about 0.1 s, half of the segmenter's start-up), which a pipeline never uses: it has
    its own instance, with its own words. So the extension module is loaded by itself,
    under its own name, where a later ``import rjieba`` finds it; a package laid out
    otherwise is imported as usual.
    """
    module = sys.modules.get("rjieba.rjieba")
    if module is None:
        package = importlib.util.find_spec("rjieba")
        found = package and package.submodule_search_locations
        spec = importlib.machinery.PathFinder.find_spec("rjieba.rjieba", list(found)) if found else None
        if spec is None or not isinstance(spec.loader, importlib.machinery.ExtensionFileLoader):
            import rjieba

            return rjieba.Jieba
        module = importlib.util.module_from_spec(spec)
        sys.modules["rjieba.rjieba"] = module
        spec.loader.exec_module(module)
    return module.Jieba


class _RJiebaBackend:
    """jieba-rs through rjieba: the same dictionary and algorithm as jieba, much faster."""

    def __init__(self) -> None:
        self._jieba = _rjieba_class()()

    def add_word(self, word: str, tag: str = TIFA_TAG, freq: int | None = None) -> None:
        self._jieba.add_word(word, freq, tag)

    def tag(self, text: str) -> list[tuple[str, str]]:
        return self._jieba.tag(text)

    def cut(self, text: str) -> list[str]:
        return self._jieba.cut(text)

    def has_word(self, word: str) -> bool:
        return self._jieba.has_word(word)

    def frequency(self, word: str) -> int:
        return self._jieba.suggest_freq(word) if self._jieba.has_word(word) else 0


class _JiebaBackend:
    """Plain jieba, with a private ``jieba.Tokenizer`` instance.

    Words come from ``Tokenizer.lcut`` (what ``jieba.lcut`` gives) and are then
    tagged from the dictionary, as jieba-rs does. ``jieba.posseg.cut`` is not
    used for the words because it re-segments unknown runs with its own HMM
    (问需于民 -> 问/需于/民), so the two backends would disagree on tokens.
    A word missing from the dictionary gets the tag of the last state of the
    posseg HMM over its characters (Han) or ``m``/``eng``/``x`` by its ASCII
    characters; jieba-rs tags such words its own way, so only these tags may
    differ between the backends.
    """

    def __init__(self) -> None:
        import jieba
        import jieba.posseg

        logging.getLogger("jieba").setLevel(logging.WARNING)
        self._tokenizer = jieba.Tokenizer()
        self._posseg = jieba.posseg.POSTokenizer(self._tokenizer)

    def add_word(self, word: str, tag: str = TIFA_TAG, freq: int | None = None) -> None:
        self._tokenizer.add_word(word, freq, tag)

    def tag(self, text: str) -> list[tuple[str, str]]:
        self._posseg.makesure_userdict_loaded()
        table = self._posseg.word_tag_tab
        return [(word, table.get(word) or _unknown_word_tag(word)) for word in self._tokenizer.lcut(text)]

    def cut(self, text: str) -> list[str]:
        return self._tokenizer.lcut(text)

    def has_word(self, word: str) -> bool:
        self._tokenizer.check_initialized()
        return bool(self._tokenizer.FREQ.get(word))

    def frequency(self, word: str) -> int:
        self._tokenizer.check_initialized()
        return self._tokenizer.FREQ.get(word) or 0


@lru_cache(maxsize=65536)
def _unknown_word_tag(word: str) -> str:
    """Tag for a word outside the dictionary: posseg's HMM for Han, else by its ASCII characters."""
    if _HAN_WORD.fullmatch(word):
        import jieba.posseg as posseg

        _, states = posseg.viterbi(word, posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
        return states[-1][1]
    alnum = sum(ch.isascii() and ch.isalnum() for ch in word)
    digits = sum(ch.isascii() and ch.isdigit() for ch in word)
    return "x" if alnum == 0 else "m" if alnum == digits else "eng"


def no_words(_text: str) -> bool:
    """The word test used when no segmenter dictionary is at hand: nothing is a word."""
    return False


def word_test(nlp: Language) -> Callable[[str], bool]:
    """The pipeline segmenter's :meth:`JiebaSegmenter.is_word` (is a text one dictionary word?),
    or :func:`no_words` under another tokenizer."""
    return getattr(nlp.tokenizer, "is_word", None) or no_words


def idiom_test(nlp: Language) -> Callable[[str], bool]:
    """The pipeline segmenter's :meth:`JiebaSegmenter.is_idiom`, or :func:`no_words` under another tokenizer."""
    return getattr(nlp.tokenizer, "is_idiom", None) or no_words


def frequency_test(nlp: Language) -> Callable[[str], int]:
    """The pipeline segmenter's :meth:`JiebaSegmenter.word_frequency`, or 0 for every text under another tokenizer."""
    return getattr(nlp.tokenizer, "word_frequency", None) or (lambda _text: 0)


def name_test(nlp: Language, *, whole: bool = False) -> Callable[[str], bool]:
    """The pipeline segmenter's :meth:`JiebaSegmenter.is_name` (or, with ``whole``,
    :meth:`JiebaSegmenter.is_one_name`), or :func:`no_words` under another tokenizer."""
    return getattr(nlp.tokenizer, "is_one_name" if whole else "is_name", None) or no_words


def no_join(_left: str, _right: str) -> bool:
    """The test of a word across a line break used when no segmenter is at hand: there is none."""
    return False


def join_test(nlp: Language) -> Callable[[str, str], bool]:
    """The pipeline segmenter's :meth:`JiebaSegmenter.joins_across`, or :func:`no_join` under another tokenizer."""
    return getattr(nlp.tokenizer, "joins_across", None) or no_join


def no_tags(_text: str) -> tuple[str, str]:
    """The edge tags used when no segmenter is at hand: none."""
    return "", ""


def edge_tag_test(nlp: Language) -> Callable[[str], tuple[str, str]]:
    """The pipeline segmenter's :meth:`JiebaSegmenter.edge_tags`, or :func:`no_tags` under another tokenizer."""
    return getattr(nlp.tokenizer, "edge_tags", None) or no_tags


def make_backend(name: str):
    """A fresh backend instance by name (``rjieba`` or ``jieba``)."""
    if name == "rjieba":
        return _RJiebaBackend()
    if name == "jieba":
        return _JiebaBackend()
    raise UsageError(f"unknown segmenter backend {name!r}; choose one of {', '.join(BACKENDS)}")


class JiebaSegmenter(Batched):
    """spaCy tokenizer: text -> Doc with words, ``tag_`` and ``pos_``; tifa kept whole.

    Args:
        vocab: The pipeline's vocabulary.
        backend: ``rjieba`` (default, fast) or ``jieba``.
        lexicon: The tifa lexicon whose forms must stay whole.
    """

    def __init__(self, vocab: Vocab, *, backend: str = "rjieba", lexicon: Lexicon | None = None) -> None:
        self.vocab = vocab
        self.backend_name = backend
        self._backend = make_backend(backend)
        self._pos = pos_map()
        # Row numbers (from 1, so that a found row is truthy) into a table of (tag hash, UPOS id).
        self._rows: list[tuple[int, int]] = [(0, 0)]
        self._table = numpy.zeros((1, 2), dtype="uint64")
        self._row_of_tag: dict[str, int] = {}
        self._row_of_x: dict[str, int] = {}  # words tagged x: their UPOS depends on the word
        self.lexicon = lexicon if lexicon is not None else Lexicon.default()
        self._user_entries: list[Entry] = [e for e in self.lexicon.entries if e.source != "tifalens"]
        self._retag: dict[str, str] = {}  # words of the dictionary that words.tsv tags otherwise (非公 d -> b)
        for word, tag, freq in extra_words():
            if word in self.lexicon:
                continue
            if self._backend.has_word(word):
                self._retag[word] = tag  # (jieba-rs keeps a known word's tag whatever add_word says)
            if freq is not None or not self._backend.has_word(word):
                self._backend.add_word(word, tag, freq)  # everyday words jieba lacks (占比, 营收)
        self._retag_rx = re.compile(alternation(self._retag)) if self._retag else None
        for form in self.lexicon.forms:
            self._backend.add_word(form)

    def __call__(self, text: str) -> Doc:
        pairs = self._backend.tag(text) if text else []
        words = [w for w, _ in pairs]
        tags = [t for _, t in pairs]
        if "".join(words) != text:  # never seen; keep offsets exact whatever happens
            words, tags = list(text), ["x"] * len(text)
        starts = [0, *accumulate(map(len, words))]
        if self._retag_rx is not None:
            for m in self._retag_rx.finditer(text):  # (only the tokens found: 反对, 主任 are in most texts)
                i = bisect.bisect_left(starts, m.start())
                if starts[i] == m.start() and words[i] == m.group():
                    tags[i] = self._retag[words[i]]
        if "为" in text:
            _unglue_appointed(text, words, tags, starts)
        if "副" in text or "原" in text:
            _unglue_deputy(text, words, tags, starts, self._backend)
        _unglue_name_end(text, words, tags, starts, self._backend)
        _unglue_counted(text, words, tags, starts, self._backend)
        _unglue_office(text, words, tags, starts, self._backend)
        if "委" in text or "政协" in text or "人大" in text:
            _unglue_committee(text, words, tags, starts)
        if "中" in text:
            _unglue_partners(text, words, tags, starts, self._backend)
        matches = self.lexicon.find(text)
        foreign = _foreign_names(text, self._backend)
        if "·" in text:  # (艾尔肯·吐尼亚孜: wherever it stands)
            foreign = _outermost(foreign + _dotted_names(text, words, tags, starts, self._backend))
        names = [(a, b, FOREIGN_NAME_TAG) for a, b in foreign] + _tibetan_names(text, starts)
        if matches or names:
            words, tags, starts = self._keep_whole(text, words, tags, starts, matches, names)
        if "," in text:
            words, tags, starts = _grouped_numbers_whole(text, words, tags, starts, self._backend)
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        if words:
            # Precomputed (tag hash, UPOS id) pairs and sentence starts set in one
            # from_array call: ~4x faster than passing strings to the Doc constructor.
            array = numpy.empty((len(words), 3), dtype="uint64")
            array[:, :2] = self._annotation_rows(words, tags)
            array[:, 2] = sentence_starts(text, starts)
            doc.from_array([TAG, POS, SENT_START], array)
        doc.user_data[TEXT_KEY] = text
        doc.user_data[LEXICON_KEY] = [(m.start, m.end, m.form) for m in matches]  # plain data: a Doc still serialises
        return doc

    def _annotation_rows(self, words: list[str], tags: list[str]) -> numpy.ndarray:
        """(tag hash, UPOS id) per token, looked up as small row numbers then gathered by numpy."""
        by_tag, by_word = self._row_of_tag.get, self._row_of_x.get
        rows = [by_tag(t) or by_word(w) or self._new_row(w, t) for w, t in zip(words, tags)]
        if len(self._table) != len(self._rows):
            self._table = numpy.array(self._rows, dtype="uint64")
        return self._table[numpy.fromiter(rows, dtype=numpy.intp, count=len(rows))]

    def _new_row(self, word: str, tag: str) -> int:
        self._rows.append((self.vocab.strings.add(tag), UPOS_IDS[_upos(word, tag, self._pos)]))
        if tag == "x":  # punctuation, symbols, white space: the UPOS depends on the word
            self._row_of_x[word] = len(self._rows) - 1
        else:
            self._row_of_tag[tag] = len(self._rows) - 1
        return len(self._rows) - 1

    def is_word(self, text: str) -> bool:
        """Is ``text`` one word of the base dictionary (idioms such as 一心一意 are)? Lexicon forms are not."""
        return text not in self.lexicon and self._backend.has_word(text)

    def word_frequency(self, text: str) -> int:
        """How often the base dictionary has ``text`` as one word (两个 28,947, 百科全书 221, 三资 48), or 0 when it
        is no word of it or a lexicon form."""
        return 0 if text in self.lexicon else self._backend.frequency(text)

    def is_idiom(self, text: str) -> bool:
        """Is ``text`` one word the base dictionary tags as an idiom or a set phrase (i, l: 百花齐放, 一潭死水)?"""
        if text in self.lexicon:
            return False
        tagged = self._backend.tag(text)
        return len(tagged) == 1 and tagged[0][1] in ("i", "l")

    def joins_across(self, left: str, right: str) -> bool:
        """Does the segmenter read one word of its dictionary across the end of ``left`` and the start of ``right``
        (…同比增|长3.2%: 增长)? Not one it makes up for a word it does not know (所长熊媛|前几天: 熊媛前)."""
        at, pos = len(left), 0
        for word, _ in self._backend.tag(left + right):
            if pos < at < pos + len(word):
                return self._backend.has_word(word)
            pos += len(word)
            if pos >= at:
                return False
        return False

    def is_name(self, text: str) -> bool:
        """Does the segmenter read a person's name in ``text`` (杨传堂, 欧阳|晓晖: a word tagged nr), or is it
        a surname and two characters that make no word (黄润|秋: the dictionary knows 黄润, not the name)?"""
        if any(tag.startswith("nr") for _, tag in self._backend.tag(text)):
            return True
        return len(text) == 3 and text[0] in _surnames() and _HAN_WORD.fullmatch(text) is not None and not self.is_word(text)

    def edge_tags(self, text: str) -> tuple[str, str]:
        """The segmenter's tags of the first and of the last two characters of ``text``, each when they
        are one word, else '' (扩大|开放: v, v; 发明|专利: v, n; 合作|社: v, ''): what a phrase jieba's
        dictionary tags l as a whole starts and ends with."""
        if len(text) < 3:
            return "", ""
        first, last = self._backend.tag(text[:2]), self._backend.tag(text[-2:])
        return (first[0][1] if len(first) == 1 else "", last[0][1] if len(last) == 1 else "")

    def is_one_name(self, text: str) -> bool:
        """Is ``text`` a person's name and nothing else (张明, 欧阳|晓晖; not 毛泽东|像)?"""
        tags = [tag for _, tag in self._backend.tag(text)]
        return bool(tags) and all(tag.startswith("nr") for tag in tags)

    def _keep_whole(
        self, text: str, words: list[str], tags: list[str], starts: list[int], matches, names: list[tuple[int, int, str]] = ()
    ) -> tuple[list[str], list[str], list[int]]:
        """Merge the tokens of each accepted lexicon match into one token tagged ``nz``, and of each
        name (``names``: ``(start, end, tag)``, a foreign name after a title ``nrt``) that no match overlaps into one
        with its tag."""
        n = len(words)
        tags = list(tags)
        whole: list[tuple[int, int, str]] = []  # (start, end, tag) to re-cut as one token
        for m in matches:
            i = bisect.bisect_right(starts, m.start, 0, n) - 1
            if starts[i] == m.start and starts[i + 1] == m.end:  # already one token: the common case
                tags[i] = TIFA_TAG
                continue
            j = bisect.bisect_left(starts, m.end, 1, n + 1) - 1  # the token holding the match's last character
            straddles = starts[i] < m.start or starts[j + 1] > m.end
            quoted = m.start > 0 and m.end < len(text) and text[m.start - 1] in OPEN_QUOTES and text[m.end] in CLOSE_QUOTES
            inside = i == j and starts[i] < m.start and starts[i + 1] > m.end
            if straddles and not quoted and (i != j or (inside and self._backend.has_word(words[i]))):
                continue  # the segmenter reads a different word here: 四必须, 两会儿, 北京大学第三医院 (not 村两委)
            whole.append((m.start, m.end, TIFA_TAG))
        terms = [(m.start, m.end) for m in matches]
        for a, b, tag in names:
            if any(s < b and a < e for s, e in terms):
                continue  # a formula holds it
            i = bisect.bisect_right(starts, a, 0, n) - 1
            if starts[i] == a and starts[i + 1] == b:
                tags[i] = tag
            else:
                whole.append((a, b, tag))
        if not whole:
            return words, tags, starts
        return _recut(text, words, tags, starts, sorted(whole), self._backend)

    # -- serialisation: the user's lexicon entries travel with the pipeline --------

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "segmenter.json").write_text(json.dumps({"backend": self.backend_name}), encoding="utf-8")
        (path / "user_lexicon.tsv").write_text(Lexicon(self._user_entries).to_tsv(), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "JiebaSegmenter":
        path = Path(path)
        cfg = json.loads((path / "segmenter.json").read_text(encoding="utf-8"))
        user_file = path / "user_lexicon.tsv"
        user = parse_tsv(user_file.read_text(encoding="utf-8"), name=str(user_file), source="saved") if user_file.exists() else []
        self._restore(cfg.get("backend", self.backend_name), user)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps({"backend": self.backend_name, "user": Lexicon(self._user_entries).to_tsv()}).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "JiebaSegmenter":
        cfg = json.loads(data.decode("utf-8"))
        user = parse_tsv(cfg["user"], name="<bytes>", source="saved")
        self._restore(cfg["backend"], user)
        return self

    def add_entries(self, entries: Iterable[Entry]) -> None:
        """Add a user's lexicon entries (a user's row wins over a packaged one sharing a form)."""
        self._restore(self.backend_name, [*self._user_entries, *entries])

    def _restore(self, backend: str, user: list[Entry]) -> None:
        """Rebuild with the packaged lexicon plus the saved ``user`` entries.

        The :class:`Lexicon` object is refreshed in place rather than replaced:
        components built before ``from_disk`` runs (``tifa_terms`` during
        ``spacy.load``) hold a reference to it and must see the restored entries.
        """
        lexicon = self.lexicon
        merged = Lexicon.merged(Lexicon.default().entries, user)
        self.__init__(self.vocab, backend=backend, lexicon=merged)
        lexicon.entries = merged.entries
        lexicon.__post_init__()
        self.lexicon = lexicon


@spacy.registry.tokenizers("tifalens.JiebaSegmenter.v1")
def create_segmenter(backend: str = "rjieba", extra_lexicons: list[str] = []) -> Callable[[Language], JiebaSegmenter]:  # noqa: B006
    """Registered tokenizer factory (see the pipeline config in :mod:`tifalens.pipeline`)."""

    def make(nlp: Language) -> JiebaSegmenter:
        return JiebaSegmenter(nlp.vocab, backend=backend, lexicon=Lexicon.default(extra_lexicons))

    return make
