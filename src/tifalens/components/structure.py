"""Document structure: articles, titles, datelines, headings, Q/A pairs, enumerations.

:func:`parse_structure` is a pure function of the normalised text; the registered
component ``tifa_structure`` turns its result into spans in ``doc.spans["structure"]``
(labels ``ARTICLE TITLE SUBTITLE BYLINE DATE DATELINE INTERVIEWEE HEADING DOC_NUMBER ADDRESSEE EDITOR_NOTE AUTHOR_NOTE SIGNATURE LEAD PARAGRAPH BULLET QUOTE TABLE_ROW CONTENTS
QUESTION ANSWER LIST ITEM QUOTATION REACTION BOILERPLATE``) and records repairs
(joined paragraphs, duplicates) in ``doc._.notes``::

    >>> s = parse_structure("标题\\n\\n问：怎么样？\\n\\n答：一是好；二是快。\\n")
    >>> s.articles[0].title.text, s.articles[0].qa[0].question.text
    ('标题', '问：怎么样？')
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat
from typing import Callable, NamedTuple

import numpy

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..tables import alternation, table
from ..batching import Batched
from ..extensions import CREDITED_KEY, LABELS_KEY, doc_text, register_extensions
from ..numbers import DATE_PATTERN, iso_date, parse_number, small_integer
from ..segmenter import join_test, name_test, no_join, no_words

_SENTENCE_END = "。！？!?﹒﹖﹗"
_CLOSING = "”’」』)）"
_NO_HEADING_END = "。！？!?﹒﹖﹗；;，,、：:…"
_MID_SENTENCE = "，,、"
_OPEN_QUOTE = "“「『\""
_QUOTE_MARKS = re.compile("[“”「」『』\"]")


def cn_small_number(s: str) -> int | None:
    """Value of a Chinese numeral below 10,000 written the regular way (一, 十二, 一百零五) or Arabic digits; None otherwise."""
    return int(s) if s.isdigit() else small_integer(s) or None


@lru_cache(maxsize=1)
def _rules() -> "_Rules":
    data = table("structure")
    return _Rules(data)


class Family(NamedTuple):
    """An enumeration family of the rule table: its marker pattern, whether a marker must open a sentence
    (needs_break) or a paragraph (line_start), and whether its numbers run on across sections (第一条 … 第八条
    through the chapters of a regulation) rather than start again in each."""

    pattern: re.Pattern
    needs_break: bool
    line_start: bool
    across_sections: bool


class _Rules:
    """Regular expressions compiled once from ``data/structure.json``."""

    def __init__(self, data: dict) -> None:
        agencies = alternation(data["agencies"]) + "|" + data["agency_shapes"]
        date = r"(?:\d{4}年)?[\d〇零一二三四五六七八九十]{1,3}月[\d〇零一二三四五六七八九十]{1,3}日"
        # (新华社福州1月8日电 记者于晓泉、关心): the reporters credited after it, inside the brackets;
        # (据新华社电): relayed, and undated
        self.closing_dateline = re.compile(
            rf"[（(【]\s*(?:据\s*)?(?P<agency>{agencies})(?:记者[^（()）【】]*?)?(?P<place>[\u4e00-\u9fff]{{0,10}}?)(?P<date>{date})?电"
            rf"(?:\s+(?P<credit>(?:{data['credit_label']})[^（()）【】]{{1,60}}?))?\s*[）)】]\s*$"
        )
        # 《人民日报》（2025年07月20日 01版）, （人民日报2025年7月20日 01版）: the paper and page an article
        # was printed on, closing it as a closing dateline does
        self.closing_source = re.compile(
            rf"^[（(]?\s*《?\s*(?P<agency>{agencies})\s*》?\s*(?P<place>)[（(]?\s*(?P<date>\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)"
            r"\s*(?:第?\s*\d{1,3}\s*版)?\s*[）)]?\s*[）)]?\s*$"
        )
        # 新华社北京9月26日电, （人民日报北京3月4日电）, 【新华社香港10月1日电】 opening a paragraph (alone on its line it
        # closes one), 【本报讯】, a paper's own 本报长沙5月5日讯, and undated (本报南宁讯, 南方日报讯, 据新华社电) when a
        # space or a bracket follows (not 新华社电视, 本报…来电话)
        # (中央社记者王大明台北22日电), as Taiwan's agency writes it: the reporter before the place, the day alone
        day = r"[\d〇零一二三四五六七八九十]{1,3}日"
        self.leading_dateline = re.compile(
            rf"^(?:(?P<open>[（(【]\s*)?(?:据\s*)?(?P<agency>{agencies})(?P<reporter>记者)?"
            rf"(?:(?P<place>[\u4e00-\u9fff]{{0,10}}?)(?P<date>{date}|{day})[电讯]|(?P<place2>[\u4e00-\u9fff]{{0,6}}?)(?:通讯|[电讯])(?=[\s\u3000（(【）)】]))"
            r"(?(open)\s*[）)】](?=\s*\S))|【?(?P<agency2>本报)讯】?)"
            r"\s*(?:[（(](?P<credit>[^（()）]{0,40})[）)]"
            rf"|(?P<credit2>(?:{data['credit_label']})[^（()）。：:，,]{{2,40}}?)报道[：:])?"  # 本报北京12月31日讯记者吴坤胜报道：
        )
        q = "|".join(map(re.escape, data["question_markers"]))
        a = "|".join(map(re.escape, data["answer_markers"]))
        roles = "|".join(map(re.escape, data["asker_roles"]))
        endings = "|".join(map(re.escape, data["outlet_endings"]))
        most = data["max_outlet_chars"]
        outlet = rf"[\u4e00-\u9fffA-Za-z0-9·]{{0,{most}}}?(?:{endings}|[A-Za-z]{{2}})|[\u4e00-\u9fff]{{0,4}}《[^》\n]{{1,{most}}}》"
        # 问：, 追问：, 1.问：, 【问】, [问], and an outlet's reporter: 法新社记者：, 《环球时报》记者：
        # numbered: 1.问：, 一问：, 一、问：, （一）问：
        cn = "[一二三四五六七八九十]{1,3}"
        num = rf"\d{{1,3}}\s*[.、．]\s*|{cn}(?:、\s*|(?=(?:{q})\s*[:：]))|[（(](?:\d{{1,3}}|{cn})[）)]\s*"
        self.question = re.compile(
            rf"^(?P<num>{num})?(?:(?P<marker>{q})\s*(?:[:：]|(?:\d{{1,3}}|{cn})\s*[:：.．、])|(?P<asker>{outlet})(?:{roles})问?\s*[:：]|【(?:{q})】|\[(?:{q})\])"
        )
        self.answer = re.compile(rf"^(?:(?P<marker>{a})\s*[:：]|【(?:{a})】|\[(?:{a})\])")
        self.any_asker = re.compile(rf"^(?P<num>\d{{1,3}}\s*[.、．]\s*)?(?P<asker>[\u4e00-\u9fffA-Za-z·]{{2,{data['max_any_outlet_chars']}}}?)(?:{roles})问?\s*[:：]")
        # 问：…？答：… on one line: the answer starts after the question mark
        self.inline_answer = re.compile(rf"[？?]\s*(?=(?:{a})\s*[:：]|【(?:{a})】)")
        # 【国家统计局局长 康义】, 【主持人 寿小丽】: a transcript's label of who speaks, read as the same words and a colon
        self.bracket_label = re.compile(r"^【(?P<who>[^【】\s][^【】\n]{0,%d})】" % data["max_speaker_chars"])
        self.speaker = re.compile(rf"^(?P<who>[\u4e00-\u9fff·]{{2,{data['max_speaker_chars']}}}?)答?\s*[:：]")  # (行政长官答：)
        self.speaker_titles = tuple(data["speaker_titles"])
        self.plain_markers = frozenset(data["question_markers"] + data["answer_markers"])
        self.interview_before = re.compile(data["interview_before"])
        self.interview_after = re.compile(data["interview_after"])
        self.interview_subtitle = re.compile(data["interview_subtitle"])
        self.interview_roles = tuple(data["interview_roles"])
        notes = alternation(data["editor_note_markers"])
        self.editor_note = re.compile(rf"^(?:[【\[〔]\s*(?:{notes})\s*[】\]〕]|(?:{notes})\s*[:：])")
        self.editor_note_label = re.compile(rf"\s*(?:[【\[〔]\s*(?:{notes})\s*[】\]〕]|(?:{notes})\s*[:：]?)\s*")  # alone on its line
        self.max_interview_role_chars: int = data["max_interview_role_chars"]
        self.address_starts, self.address_ends = tuple(data["address_starts"]), tuple(data["address_ends"])
        self.byline = re.compile(r"(?P<role>[\u4e00-\u9fff][\u4e00-\u9fff、]{1,29}?)[ \t\u3000]+(?P<name>[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,4}·[\u4e00-\u9fff·]{1,8})")
        self.max_name_chars: int = data["max_name_chars"]
        self.collective_authors = tuple(data["collective_authors"])
        # a name of two to four characters, or of two set apart by a space to line up with longer ones (陈 超)
        label, name = f"(?:{data['credit_label']})", r"(?:[\u4e00-\u9fff·]{2,4}|[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff](?![\u4e00-\u9fff]))"
        names, sep = rf"{name}(?:[\s、，,]+{name})*", r"[\s、，,]+"
        bullets = "".join(re.escape(b) for b in data["bullet_markers"])
        # after a bullet too (□本报记者 王明); a photo's credit (新华社记者兰红光摄) credits no author
        photo = re.escape(data["photo_credit_end"])
        self.photo_credit = re.compile(rf"^[（(]\s*[^（()）]{{2,40}}{photo}\s*[）)]$")  # （新华社记者刘宇摄）
        # （记者 王明 报道）, （本报记者 冉永平整理）; 记者王大明／台北报导 (where from, as Taiwan papers write it)
        tail = rf"(?:\s*[／/]\s*[\u4e00-\u9fff]{{1,8}}?(?=\s*(?:{alternation(data['credit_ends'])})))?(?:\s*(?:{alternation(data['credit_ends'])}))?"
        # (任家驹 记者 马晓刚 李昊): in brackets, names may come before the first label
        self.credit_line = re.compile(rf"^(?!.*{photo}\s*[）)]?$)(?:[{bullets}]\s*)?(?:[（(]\s*{names}[\s、，,]+(?={label})|[（(]?)\s*{label}\s*{names}(?:[\s，,；;、]*{label}\s*{names})*{tail}\s*[）)]?$")
        # one label and its names: up to the next label (after a space or none: 通讯员郭健记者韩冬) or the end of the line
        self.credit = re.compile(rf"(?P<label>{label})\s*(?P<names>{name}(?:{sep}{name})*?)(?=[\s，,；;、]*{label}|{tail}\s*[）)]?$)")
        page_labels = alternation(data["page_credit_labels"])
        self.page_credit = re.compile(rf"(?:^|(?<=\s))(?P<label>{page_labels})\s*[:：]\s*(?P<names>{name}(?:[、，,]{name})*)(?=\s|$)")
        self.credited_name = re.compile(name)
        self.bare_names = re.compile(names)  # (任一林), (张三、李四): names credited without a label
        self.surnames = frozenset(table("entities")["person"]["surnames"])
        # 〔记者王大明／台北报导〕 opening the first paragraph, as Taiwan papers credit their reporters
        self.leading_credit = re.compile(rf"^[〔【\[（(]\s*(?P<credit>{label}\s*{names}{tail})\s*[〕】\]）)]")
        self.glued_credit = re.compile(rf"[（(]?\s*(?P<label>{label})\s*(?P<names>[\u4e00-\u9fff]{{5,7}})\s*[）)]?")  # 记者于险峰张仁军
        self.doc_number = re.compile(data["doc_number"])
        self.addressee = re.compile(data["addressee"])
        self.doc_types = tuple(sorted(data["doc_types"], key=len, reverse=True))
        self.doc_types_alone = frozenset(data["doc_types_alone"])
        self.doc_type_news_words = tuple(data["doc_type_news_words"])
        # （作者：张三，系…教授）, 【作者：…研究中心 执笔：王明、李华】: the names a note credits, and where they work
        self.author_note = re.compile(rf"\s*[（(【\[〔]\s*(?:{data['author_note']})\s*(?P<rest>.+?)\s*[）)】\]〕]\s*")
        affiliation = alternation(data["author_note_affiliation"])
        self.noted_names = re.compile(rf"(?P<names>{name}(?:[、，,]{name})*)(?:(?:\s*[，,]?\s*(?:{affiliation})|[ \u3000]+)\s*(?P<affiliation>.+))?")
        self.noted_pen = re.compile(rf"[\s，,；;]+执笔人?\s*[:：]\s*(?P<names>{name}(?:[、，,]{name})*)$")
        self.outlet_endings = tuple(data["outlet_endings"])
        self.max_collective_author: int = data["max_collective_author_chars"]
        self.bullet = re.compile(rf"^(?P<marker>(?P<mark>[{bullets}])(?P=mark)?)\s*(?=\S)")  # (——: a dash doubled is one)
        self.dangling = set(data["dangling_end_chars"])
        self.boiler_lines = set(data["boilerplate_lines"])
        self.boiler_prefixes = tuple(data["boilerplate_prefixes"])
        self.boiler_patterns = [re.compile(p) for p in data["boilerplate_patterns"]]
        word = alternation([*self.boiler_lines, *self.boiler_prefixes])
        item = f"(?:{data['toolbar_font_switch']}|[【\\[]\\s*(?:{word})\\s*[】\\]]|{word})"  # (【打印】: bracketed items need no space)
        self.toolbar = re.compile(rf"{item}(?:(?:[\s|｜]+|(?<=[】\]])|(?=[【\[])){item})*")
        self.related_headers = frozenset(data["related_headers"])
        self.end_marks = frozenset(data["end_marks"])
        self.page_date_line = re.compile(data["page_date_line"])
        self.page_number = re.compile(data["page_number"])
        self.heading_numbering = [(name, re.compile(p)) for name, p in data["heading_numbering"]]
        self.page_footers = [re.compile(p) for p in data["page_footer_patterns"]]
        self.families = {
            name: Family(re.compile(spec["pattern"]), spec["needs_break"], spec.get("line_start", False), spec.get("across_sections", False))
            for name, spec in data["enumeration_families"].items()
        }
        self.all_families = frozenset(self.families)
        self.across_sections = frozenset(name for name, f in self.families.items() if f.across_sections)
        self.per_section = self.all_families - self.across_sections
        self.sequence_order = {w: i + 1 for i, w in enumerate(data["sequence_order"])}
        self.max_heading = data["max_heading_chars"]
        self.open_line_ends = set(data["open_line_end_chars"])
        self.max_header_cell: int = data["max_table_header_cell_chars"]
        self.courtesies = tuple(data["courtesies"])
        self.min_listed_names: int = data["min_listed_names"]
        self.listed_name_share: float = data["listed_name_share"]
        self.min_wrapped_chars: int = data["min_wrapped_chars"]
        self.wrap_context: int = data["wrap_context_chars"]
        self.max_title = data["max_title_chars"]
        self.section_words = frozenset(data["section_words"])
        self.contents_headings = frozenset(data["contents_headings"])
        self.contents_leader = re.compile(data["contents_leader"])
        self.announced = re.compile(data["announced_count"])
        self.not_announcing = re.compile(data["not_announcing"])
        self.listed_below = re.compile(data["listed_below"], re.M)
        self.announced_sections = re.compile(data["announced_sections"])
        self.counted_kind = re.compile(data["counted_kind"])
        self.max_date_line: int = data["max_date_line_chars"]
        self.shingle = data["near_duplicate_shingle"]
        self.containment = data["near_duplicate_containment"]
        self.min_dup = data["min_duplicate_chars"]
        q = self.min_quotation = data["min_quotation_chars"]
        self.quotation = re.compile(rf"[“「『]([^“”「」『』\n]{{{q},}}?)[”」』]")
        self.reaction_kinds: dict[str, str] = data["reactions"]
        words = alternation(self.reaction_kinds)
        self.reaction = re.compile(rf"[（(](?:[\u4e00-\u9fff]{{0,{data['max_reaction_lead_chars']}}}?)(?P<word>{words})[）)]")


# ---------------------------------------------------------------------------- model


@dataclass
class Block:
    """A paragraph-level unit: one line, or lines joined across a mid-sentence break."""

    start: int
    end: int
    text: str
    kind: str = "paragraph"
    marker: str = ""
    duplicate_of: int | None = None
    joins: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Dateline:
    start: int
    end: int
    text: str
    agency: str
    place: str
    date: str
    position: str  # "leading" or "closing"


@dataclass
class Item:
    start: int
    end: int
    marker: str
    number: int
    family: str
    text: str
    marker_start: int = -1  # where the marker begins (the item's text may start after a comma)
    list_start: int = -1  # where the first marker of its list begins: the items of one list share it
    lead: str | None = None  # on a list's first item: the words that open the list (对党员的纪律处分种类：)


@dataclass
class QA:
    heading: Block | None
    question: Block
    answers: list[Block] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    asker: str | None = None  # who asks, as the question's marker names them (法新社记者); None for 问：
    answerer: str | None = None  # who answers: the answer's marker (毛宁：), else the interview's interviewee


@dataclass
class Section:
    heading: Block | None
    blocks: list[Block] = field(default_factory=list)
    level: int | None = None  # of the heading: 1 for the top (一、), 2 under it (（一）), …; None with no heading
    numbering: str | None = None  # the style of the heading's number (cn_dun, paren, …), or "plain"


@dataclass
class Article:
    start: int
    end: int
    title: Block | None = None
    subtitles: list[Block] = field(default_factory=list)
    dateline: Dateline | None = None
    sections: list[Section] = field(default_factory=list)
    qa: list[QA] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)  # enumerations outside Q/A
    boilerplate: list[Block] = field(default_factory=list)
    quotations: list[tuple[int, int]] = field(default_factory=list)  # inner text of “…” of some length
    reactions: list[tuple[int, int, str]] = field(default_factory=list)  # the audience's, in brackets: （热烈掌声）, kind
    date: "DocumentDate | None" = None
    byline: "Byline | None" = None
    interviewee: "Interviewee | None" = None  # whom an interview's plain answers (答：) are by
    doc_number: Block | None = None  # an official document's number under its title (国发〔2023〕15号)
    issuer: Block | None = None  # who signs it, above the date that closes it (国务院 / 2023年12月20日)
    addressee: Block | None = None  # whom it is sent to, its body's first line (各省、自治区、直辖市人民政府：)
    doc_type: str | None = None  # what kind of official document its title names (意见, 通知, 条例)


@dataclass
class Byline:
    """Who the article is by: a line under the title (国务院总理　李强), or a credit (本报记者 王明 李华, 作者：王明)."""

    block: Block
    role: str | None
    name: str
    names: tuple[str, ...] = ()  # every name the line credits, ``name`` first
    start: int = -1  # the credit within the block (作者：王明 of a page's date and source line); else the block
    end: int = -1
    persons: tuple[tuple[int, int, str], ...] = ()  # (start, end, name) of each person's name as written (龙 军: 龙军); none for 本报评论员
    affiliation: str | None = None  # where they work, as an author note says (中国人民大学马克思主义学院教授)

    def __post_init__(self) -> None:
        self.names = self.names or (self.name,)
        if self.start < 0:
            self.start, self.end = self.block.start, self.block.end


class Interviewee(NamedTuple):
    """Whom an interview's plain answers are by: a person's name, or a role that speaks for a body."""

    start: int
    end: int
    name: str
    person: bool  # False for a role (中央组织部负责人)


@dataclass
class DocumentDate:
    """The date an article gives itself in its front matter, as written and as ``YYYY[-MM[-DD]]``."""

    start: int
    end: int
    text: str
    value: str


@dataclass
class Structure:
    articles: list[Article]
    notes: list[dict]
    checks: list[dict] = field(default_factory=list)  # lists shorter or longer than they were announced


# ---------------------------------------------------------------------------- lines


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as stripped ``(start, end)`` offsets."""
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return out


def _is_boilerplate(s: str, rules: _Rules) -> bool:
    """Web-page leftovers: toolbar words (one or several on a line, or before another leftover: 【我要纠错】
    责任编辑：李华), bylines, photo credits."""
    if (
        s in rules.boiler_lines
        or s.startswith(rules.boiler_prefixes)
        or any(p.search(s) for p in rules.boiler_patterns)
        or rules.credit_line.match(s) is not None
        or rules.page_date_line.match(s) is not None
        or _page_footer(s, rules)
    ):
        return True
    if len(s) > rules.max_heading or (m := rules.toolbar.match(s)) is None:
        return False
    rest = s[m.end() :].strip()
    if not rest or m.group().rstrip().endswith(rules.boiler_prefixes):
        return True  # toolbar items, the last a label such as 责任编辑： with what it labels after it
    return m.end() > 0 and _is_boilerplate(rest, rules)


def _page_footer(s: str, rules: _Rules) -> bool:
    """A page's footer line (版权所有 ©…, 湘ICP备…), which ends the article above it."""
    return any(p.match(s) for p in rules.page_footers)


_HEADER_MARKS = " \t\u3000：:▼▲▽△◆◇■□●○★☆♦◎【】[]|｜"


def _related_header(s: str, rules: _Rules) -> bool:
    """A header of a list of links to other articles, marks around it or not (往期推荐, ▼ 往期推荐 ▼, 【相关阅读】)."""
    return s.strip(_HEADER_MARKS) in rules.related_headers or _related_inline(s, rules)


def _related_inline(s: str, rules: _Rules) -> bool:
    """A header of a list of links with the first title on its line (相关新闻：全国政协召开双周协商座谈会)."""
    colon = next((k for k in (s.find("："), s.find(":")) if k > 0), -1)
    return colon > 0 and s[:colon].strip() in rules.related_headers and _link_line(s[colon + 1 :].strip(), rules)


def _link_line(s: str, rules: _Rules) -> bool:
    """A line of a list of links: a title, short and with no full stop (·李强作政府工作报告)."""
    return len(s) <= rules.max_heading and not any(ch in s for ch in _SENTENCE_END)


def _ends_open(s: str, rules: _Rules) -> bool:
    """Does this line stop mid-sentence (so the next line continues it)?"""
    last = s[-1]
    if last in _MID_SENTENCE:
        return True  # no paragraph ends with a comma: the page wrapped the line (…要全面推进乡村振兴，\n加快…)
    if last in _NO_HEADING_END or last in _CLOSING or last in "”":
        return False
    if last in rules.open_line_ends:
        return True  # …完成年度目标任务的\n28%。: no heading ends with 的, 和, 与, 把
    if last == "】" and rules.closing_dateline.search(s):
        return False  # …。【新华社上海5月1日电】 closes its article
    if any(ch in s for ch in _SENTENCE_END):
        return True  # a heading never holds a full stop; a paragraph was cut
    return len(s) > rules.max_heading


def _wrapped_in_word(text: str, prev: Block, s: str, rules: _Rules, joins_across: Callable[[str, str], bool]) -> bool:
    """Was the last line of ``prev`` wrapped inside a word (…全省城镇新增就业12.5万人，同比增\n长3.2%): a line of
    rules.min_wrapped_chars or more that ends with a Chinese character, before one, and the segmenter reads a word
    across the break? (A heading is shorter, or its last word ends at the break.)"""
    last = text[prev.joins[-1][1] if prev.joins else prev.start : prev.end]
    return (
        len(last) >= rules.min_wrapped_chars
        and _HAN_CHAR.fullmatch(last[-1]) is not None
        and _HAN_CHAR.fullmatch(s[0]) is not None
        and joins_across(last[-rules.wrap_context :], s[: rules.wrap_context])
    )


_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _long_title(first: str, nxt: str, rules: _Rules) -> bool:
    """Is the text's first line a title too long for a heading (以抗击疫情复工复产决胜全面小康，…迎接伟大的中国共产党成立100周年)
    rather than the first line of a wrapped paragraph: like a title (:func:`_title_like`), no comma at its end,
    and not the width the next line is wrapped at?"""
    return first[-1] not in _MID_SENTENCE and abs(len(nxt) - len(first)) > 2 and _title_like(Block(0, len(first), first), rules)


_NAME_AFTER_SPACE = re.compile(r"[ \u3000][\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){0,3}$")
_CLAUSE_MARKS = "，,；;：:"
_MONTH_RANGE = re.compile(r"\d{4}年\d{1,2}月[―—–-]+(?:\d{4}年)?\d{1,2}月")  # (one date alone: _only_date)


def _list_line(line: str, nxt: str) -> bool:
    """Is a long line with no full stop an entry of a list or a timeline rather than a cut sentence? So it is
    when the next line is only a date (2018年11月, 2018年11月―12月), when it ends with a name after a space
    (…监管科科长 侯昶龙, 科长 黄 捷), or when it has no comma or colon either (国家主席习近平对俄罗斯、德国进行国事访问)."""
    return (
        _only_date(nxt)
        or _MONTH_RANGE.fullmatch(nxt) is not None
        or _NAME_AFTER_SPACE.search(line) is not None
        or not any(ch in line for ch in _CLAUSE_MARKS)
    )


def _enumeration_start(s: str, rules: _Rules) -> tuple[str, int] | None:
    """The family and number of an enumeration marker opening a line, if any."""
    for family, (rx, *_) in rules.families.items():
        m = rx.match(s)
        if m:
            word = m.group("num")
            number = rules.sequence_order.get(word) if family == "sequence" else cn_small_number(word)
            if number:
                return family, number
    return None


def _cut_sibling(s: str, opened: tuple[str, int], rules: _Rules, last_item: dict[str, tuple[int, bool]]) -> bool:
    """A short numbered line whose previous sibling was a full paragraph was cut.

    In 20th Congress report style, （一）…。 items are paragraphs; a lone
    “（二）坚持不懈用” between them lost its line's rest to a break.
    """
    family, number = opened
    prev = last_item.get(family)
    return (
        prev is not None
        and prev == (number - 1, True)
        and len(s) <= rules.max_heading
        and s[-1] in rules.dangling
        and s[-1] not in _NO_HEADING_END
    )


def _closing(s: str, rules: _Rules) -> re.Match | None:
    """A closing dateline at the end of ``s`` ((新华社北京9月26日电)), or ``s`` a source line (（人民日报2025年7月20日 01版）)."""
    return rules.closing_dateline.search(s) or rules.closing_source.match(s)


def _is_marked(s: str, rules: _Rules) -> bool:
    """Does the line open with a Q/A, bullet, dateline or quotation mark?"""
    return bool(
        rules.question.match(s)
        or rules.answer.match(s)
        or rules.bullet.match(s)
        or rules.leading_dateline.match(s)
        or rules.closing_dateline.match(s)
        or rules.closing_source.match(s)
        or s[0] in _OPEN_QUOTE
    )


def _starts_new_unit(s: str, rules: _Rules) -> bool:
    return _is_marked(s, rules) or any(f.pattern.match(s) for f in rules.families.values())


def _list_entry(text: str, prev: Block, s: str) -> bool:
    """Is the last line of ``prev``, with no full stop in the block, an entry of a list before line ``s``?"""
    last = text[prev.joins[-1][1] if prev.joins else prev.start : prev.end]
    return not any(ch in prev.text for ch in _SENTENCE_END) and _list_line(last, s)


def _blocks(
    text: str, rules: _Rules, notes: list[dict], is_name: Callable[[str], bool] = no_words, joins_across: Callable[[str, str], bool] = no_join
) -> list[Block]:
    blocks: list[Block] = []
    last_item: dict[str, tuple[int, bool]] = {}  # family -> (number, was a full paragraph)
    prev_cut = False
    label = False  # the block before is a line that only says who speaks (康义：)
    related = False  # in a page's list of links to other articles (相关新闻, then a title a line)
    after_header = False  # the line before is the header of such a list
    page_lines: list[Block] = []  # a page's number (— 3 —) since the last block: a paragraph may go on after it
    lines = _lines(text)
    furniture = _running_headers(text, lines, rules)
    for start, end in lines:
        s = text[start:end]
        if rules.page_number.match(s) or start in furniture:
            page_lines.append(Block(start, end, s, kind="boilerplate"))
            continue
        header = _related_header(s, rules)
        # the links go on line after line, a blank line after the header at most (not the next article's title)
        related = header or (related and _link_line(s, rules) and (after_header or text.count("\n", blocks[-1].end, start) < 2))
        after_header = header
        if related or _is_boilerplate(s, rules):
            blocks += page_lines
            page_lines.clear()
            blocks.append(Block(start, end, s, kind="boilerplate"))
            label = False
            continue
        prev = blocks[-1] if blocks else None
        if page_lines and not (prev is not None and prev.kind != "boilerplate" and _ends_open(prev.text, rules)):
            blocks += page_lines  # a page's number between whole paragraphs: a line of its own
            page_lines.clear()
            prev = blocks[-1]
        if label and prev is not None and not _label_line(s, rules, is_name):
            prev.joins.append((prev.end, start))  # 康义：\n初步核算… is one block: the speaker and what they say
            prev.text += s
            prev.end = end
            label = False
            page_lines.clear()  # in the gap the join leaves out
            continue
        label = _label_line(s, rules, is_name)
        if (
            prev is not None
            and prev.kind != "boilerplate"
            and (prev_cut or ((_ends_open(prev.text, rules) or _wrapped_in_word(text, prev, s, rules, joins_across)) and not _list_entry(text, prev, s)))
            and not _starts_new_unit(s, rules)
            and not (len(blocks) == 1 and _long_title(prev.text, s, rules))
        ):
            across = f" across the page number {page_lines[-1].text}" if page_lines else ""
            page_lines.clear()  # it is in the gap the join leaves out
            notes.append(
                {
                    "code": "joined_paragraph",
                    "message": f"joined a paragraph broken mid-sentence{across}: “…{prev.text[-8:]}” + “{s[:8]}…”",
                    "start": prev.end,
                    "end": start,
                }
            )
            prev.joins.append((prev.end, start))
            prev.text += s
            prev.end = end
            prev_cut = False
            continue
        blocks += page_lines  # the paragraph before does not go on here
        page_lines.clear()
        opened = _enumeration_start(s, rules)
        prev_cut = opened is not None and _cut_sibling(s, opened, rules, last_item)
        if opened:
            last_item[opened[0]] = (opened[1], any(ch in s for ch in _SENTENCE_END))
        blocks.extend(_split_inline_answer(Block(start, end, s), rules))
    return blocks + page_lines


def _running_headers(text: str, lines: list[tuple[int, int]], rules: _Rules) -> set[int]:
    """The starts of the lines a PDF repeats at the top or foot of its pages (政府工作报告（2025年） by each page's
    number; 人民日报 2024年3月6日 第2版 breaking sentences): a short line said again and again, twice or more next to a
    page's number, or three times or more and twice inside an open sentence. A paragraph goes on across them as across a number."""
    texts = [text[a:b] for a, b in lines]
    seen: dict[str, list[int]] = {}
    for k, s in enumerate(texts):
        if len(s) <= rules.max_heading and s[-1] not in _NO_HEADING_END and not rules.page_number.match(s):
            seen.setdefault(s, []).append(k)  # (no header ends with a comma: 因此， on its line is the text's)
    out: set[int] = set()
    for s, at in seen.items():
        if len(at) < 2:
            continue
        by_number = [k for k in at if any(0 <= j < len(texts) and rules.page_number.match(texts[j]) for j in (k - 1, k + 1))]
        in_sentence = [k for k in at if 0 < k < len(texts) - 1 and _ends_open(texts[k - 1], rules)]
        if len(by_number) >= 2:
            out.update(lines[k][0] for k in by_number)
        elif len(at) >= 3 and len(in_sentence) >= 2:
            out.update(lines[k][0] for k in at)
    return out


def _split_inline_answer(b: Block, rules: _Rules) -> list[Block]:
    """A question and its answer on one line (问：…？答：…) as two blocks."""
    m = rules.question.match(b.text) and rules.inline_answer.search(b.text)
    if not m:
        return [b]
    cut = m.start() + 1  # after the question mark
    return [Block(b.start, b.start + cut, b.text[:cut]), Block(b.start + m.end(), b.end, b.text[m.end() :])]


# ---------------------------------------------------------------------------- classify


_SECTION_FAMILIES = ("cn_dun", "paren", "arabic", "di")


_ATTACHMENTS = re.compile(r"附件\d*\s*[:：]")
_ATTACHMENT_ITEM = re.compile(r"\d{1,2}\s*[.．、]")


def _attachment_line(body: list[Block], k: int) -> bool:
    """Is block ``k`` a document's list of attachments (附件：1. …意见), or an item under it (2. 重点任务分工表): no heading."""
    if _ATTACHMENTS.match(body[k].text):
        return True
    if not _ATTACHMENT_ITEM.match(body[k].text):
        return False
    j = k - 1
    while j >= 0 and _ATTACHMENT_ITEM.match(body[j].text):
        j -= 1
    return j >= 0 and _ATTACHMENTS.match(body[j].text) is not None


def _heading_like(b: Block, rules: _Rules, limit: int) -> bool:
    s = b.text
    return (
        b.kind == "paragraph"
        and len(s) <= limit
        and s[-1] not in _NO_HEADING_END
        and not any(ch in s[:-1] for ch in _SENTENCE_END)
        and not _is_marked(s, rules)
        and not _table_row(s)
        or (b.kind == "paragraph" and len(s) <= limit and s.startswith("——"))
    )


_CELL_GAP = re.compile(r"\s+")
_CLAUSE_ENDS = "。！？!?；;，,"
_NUMBER_CELL = re.compile(r"[<>≤≥＜＞]?[-+]?\d[\d.,]*%?(?:年|万|亿)?")


def _title_like(b: Block, rules: _Rules) -> bool:
    """Can the line be a title: heading-like, or in quotation marks (“一个少数民族也不能少”, “两个确立”的决定性意义,
    “武汉必将再一次被载入英雄史册！”), or a question or an exclamation (钟声：这样的拙劣表演还要持续多久？,
    望海楼：再折腾，香港伤不起！): short, with no sentence ending outside quotes before its end, no Q/A marker?"""
    s = b.text
    if rules.photo_credit.match(s):
        return False  # （新华社记者刘宇摄）: it closes a photo's caption
    limit = _title_limit(s, rules)
    if _heading_like(b, rules, limit):
        return True
    if b.kind != "paragraph" or len(s) > limit or _table_row(s) or (s[0] not in _OPEN_QUOTE and _is_marked(s, rules)):
        return False
    asks = s[-1] in _TITLE_ENDS
    body = s[:-1] if asks else s
    if body and body[-1] not in _NO_HEADING_END and (asks or s[0] in _OPEN_QUOTE) and not any(ch in _QUOTED.sub("", body) for ch in _SENTENCE_END):
        return True
    # a headline that asks, then its deck, apart by spaces (打通基层治理“最后一公里”? ――北京市…的探索与实践)
    parts = _TITLE_PARTS.split(s.strip())
    return 2 <= len(parts) <= 6 and all(_title_like(Block(0, len(p), p), rules) for p in parts)


_TITLE_ENDS = "？?！!"  # a title may ask or exclaim
_TITLE_PARTS = re.compile(r"[ \u3000\xa0]+")


def _title_limit(s: str, rules: _Rules) -> int:
    """How long a title line may be: max_title_chars, or more for a headline and its decks on one line, apart
    by spaces (陈希在…开学典礼上强调 领导干部要切实履行…政治责任 …主持), two to six parts of at most max_title_chars."""
    parts = _TITLE_PARTS.split(s.strip())
    if 2 <= len(parts) <= 6 and all(2 <= len(p) <= rules.max_title for p in parts):
        return len(s)
    return rules.max_title


_QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」|『[^『』]*』|\"[^\"]*\"")


def _table_row(s: str) -> bool:
    """A row of a table whose cells the tabs or spaces of the input separate: three cells or
    more, one of them a number (地区生产总值增长（%） 5.5 5左右 预期性; 类别 指标 2025年 2030年)."""
    cells = _CELL_GAP.split(s.strip())
    return len(cells) >= 3 and any(_NUMBER_CELL.fullmatch(c) for c in cells)


_NAME_NOTE = re.compile(r"[（(][^（）()\s]{1,6}[）)]")


def listed_names(b: Block, rules: _Rules, is_name: Callable[[str], bool]) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, name)`` of the names of a line that lists people and nothing else, apart by spaces (a list of
    members: 丁薛祥 马兴瑞 王 毅 尹 力 石泰峰, a two-character name set apart to line up with longer ones), when
    there are rules.min_listed_names or more and nearly all read as names; else none."""
    s = b.text
    if b.joins or len(s.split(maxsplit=rules.min_listed_names)) < rules.min_listed_names or any(ch in s for ch in _CLAUSE_ENDS):
        return ()  # (most paragraphs: no regex run over them)
    if rules.credited_name.sub("", _NAME_NOTE.sub("", s)).strip():
        return ()  # (a short note after a name is allowed: 王争艳（女）, 杨文钦（侗族）)
    notes = [m.span() for m in _NAME_NOTE.finditer(s)]
    found = [
        (b.start + m.start(), b.start + m.end(), re.sub(r"[ \u3000]", "", m.group()))
        for m in rules.credited_name.finditer(s)
        if not any(a <= m.start() < z for a, z in notes)
    ]
    if len(found) < rules.min_listed_names or sum(is_name(name) for _, _, name in found) < rules.listed_name_share * len(found):
        return ()
    return tuple(found)


def _header_row(s: str, body: list[Block], k: int, rules: _Rules) -> bool:
    """Is block ``k``, line ``s``, the header of the table below it: three short cells or more with no
    punctuation (指标 全省 城市 农村), and the next line a row?"""
    cells = _CELL_GAP.split(s.strip())
    return (
        len(cells) >= 3
        and all(len(c) <= rules.max_header_cell for c in cells)
        and not any(ch in s for ch in _NO_HEADING_END)
        and k + 1 < len(body)
        and _table_row(body[k + 1].text)
    )


_PART_NUMBER = re.compile(r"第[一二三四五六七八九十百零〇\d]{1,4}[章节篇编部卷](?:分)?(?=\s|$|[\u4e00-\u9fff“《])")


def _numbered_heading(s: str, rules: _Rules) -> bool:
    """Does a heading-like line open with a section number (一、综合, （一）, 1. 总体要求, 第一，,
    第一章 发展基础, 第二部分)? Such a line right after the title starts the first section; it is no subtitle."""
    return bool(_PART_NUMBER.match(s)) or any(rules.families[name].pattern.match(s) for name in _SECTION_FAMILIES if name in rules.families)


_QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", '"': '"'}
_CLAUSE_MARKS = "，,。！？!?；;：:"


def _quotation_block(s: str, rules: _Rules) -> bool:
    """Does the paragraph open with a quotation of a sentence or more (a quoted remark and who
    made it, or a quotation that goes on in the next paragraph)? “十四五”时期，… opens with a
    quoted formula: a paragraph."""
    close = _QUOTE_PAIRS.get(s[0])
    if close is None:
        return False
    depth = 0
    for i, ch in enumerate(s):
        if ch == s[0] and (ch != close or depth == 0):
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                quoted = s[1:i]
                return len(quoted) >= rules.min_quotation or any(ch in _CLAUSE_MARKS for ch in quoted)
    return True


def _parenthesised(s: str) -> bool:
    """A line wholly in brackets is a note (（作者为…）, （完）), not a heading."""
    return s[0] in "（(【[" and s[-1] in "）)】]"


def _bracket_heading(s: str, said: str, rules: _Rules, is_name: Callable[[str], bool]) -> bool:
    """【坚持创新驱动】 alone on its line: a subhead in square brackets, not a transcript's label naming who
    speaks (【国家统计局局长 康义】) nor a labelled note (【字号：大 中 小】)."""
    return s[0] == "【" and s[-1] == "】" and not any(ch in s for ch in "：:") and _speaker(said, rules, is_name) is None


_SPACED_LAST_NAME = re.compile(r"(\s[\u4e00-\u9fff])[ \u3000]([\u4e00-\u9fff])$")
_LAST_NAME = re.compile(r"[ \t\u3000]+[\u4e00-\u9fff]{2,4}$")


def _bullet_heading(body: list[Block], k: int, marker_end: int, rules: _Rules, is_name: Callable[[str], bool]) -> bool:
    """■ 深化改革开放 over a paragraph: a subhead, not a list's item: short, with no punctuation of a clause,
    no bullet right before or after it, and the block after it longer (a paragraph under it); not a line
    that credits authors (■任 明 程小冬 本报记者 周 远, ■刘正权, ■某旅政治工作部主任 朱 刚)."""
    s = body[k].text
    rest = s[marker_end:].strip()
    if not rest or len(rest) > rules.max_heading or any(ch in rest for ch in _CLAUSE_ENDS + "：:、"):
        return False
    parts = rest.split()
    lined_up = _SPACED_LAST_NAME.sub(r"\1\2", rest)  # (主任 朱 刚: a two-character name lined up with longer ones)
    titled = _LAST_NAME.search(lined_up)
    if "记者" in rest or "通讯员" in rest or (titled and lined_up[: titled.start()].endswith(rules.speaker_titles)):
        return False
    if all(len(p) <= 4 for p in parts) and (len(parts) > 1 or is_name(rest)):
        return False  # names only (■顾亚根 遇际坤, ■刘正权; a subhead has no spaces inside)
    after = body[k + 1] if k + 1 < len(body) else None
    before = body[k - 1] if k > 0 else None
    return (
        after is not None
        and len(after.text) > len(s)
        and rules.bullet.match(after.text) is None
        and (before is None or rules.bullet.match(before.text) is None)
    )


def _split_articles(blocks: list[Block], rules: _Rules, is_one_name: Callable[[str], bool] = no_words) -> list[list[Block]]:
    cuts: set[int] = set()
    body_since_cut = False
    last_cut = 0
    dated = _titled_and_dated(blocks, 0, rules)  # a collection whose articles each open with a title and a date line
    for i, b in enumerate(blocks):
        if body_since_cut and dated and _titled_and_dated(blocks, i, rules):
            cuts.add(i)  # …。/ 第二篇的标题 / 2024年3月5日 / 正文: laid out as the first article is
            last_cut, body_since_cut = i, False
            continue
        if body_since_cut and _titled_and_signed(blocks, i, rules, is_one_name):
            j = i - 1 if i - 1 > last_cut and _editor_note(blocks[i - 1], rules) else i  # (an editors' note above it is its)
            cuts.add(j)  # …。/ 稳住农业基本盘 / 李明 / 正文: the next article's title and byline
            last_cut, body_since_cut = j, False
            continue
        if body_since_cut and _titled_lead(blocks, i, last_cut, rules):
            cuts.add(i)  # 新华社北京3月12日电 …。/ 中共河南省委常委会召开会议 / 3月14日，…: another item, with no dateline
            last_cut, body_since_cut = i, False
            continue
        if b.kind == "boilerplate":
            if body_since_cut and rules.page_date_line.match(b.text):
                j = _title_start(blocks, i, last_cut, rules)
                if j < i:  # 农业农村厅召开专题会议 / 2023-05-11　来源：红网: another page's title and date line
                    cuts.add(j)
                    last_cut, body_since_cut = j, False
                continue
            ends = b.text in rules.end_marks or _page_footer(b.text, rules) or (_RULE_LINE.match(b.text) is not None and _titled_next(blocks, i, rules))
            after = next((x for x in blocks[i + 1 :] if x.kind != "boilerplate"), None) if ends else None
            if body_since_cut and after is not None and not _only_date(after.text):
                cuts.add(i + 1)  # （完）, 版权所有: the article before is over (but for the date it is signed with)
                last_cut, body_since_cut = i + 1, False
            continue
        if rules.leading_dateline.match(b.text) and body_since_cut:
            j = _title_start(blocks, i, last_cut, rules)
            if j < i or _whole_article(blocks[last_cut:i], rules):  # a title of its own, or a whole article before
                cuts.add(j)
                last_cut, body_since_cut = j, False
        if closing := _closing(b.text, rules):
            if closing.start() == 0 and not body_since_cut:
                continue  # a dateline alone on its line under a title opens the text after it
            if closing.start() == 0 and _heads_body(blocks, i, rules) and (j := _title_start(blocks, i, last_cut, rules)) < i:
                cuts.add(j)  # …。/ 另一篇的标题 / （新华社北京3月2日电） / 正文: the title and dateline open another article
                last_cut, body_since_cut = j, False
                continue
            if any(x.kind != "boilerplate" for x in blocks[i + 1 :]):
                cuts.add(i + 1)
                last_cut, body_since_cut = i + 1, False
            continue
        if not _title_like(b, rules) and not _editor_note(b, rules):
            body_since_cut = True
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(blocks)), len(blocks)]
    return [blocks[a:b] for a, b in zip(bounds, bounds[1:]) if a < b]


_RULE_LINE = re.compile(r"^[-—–=_~*·•.．…─━＿＝＊\s]{3,}$")  # (one of the boilerplate patterns)


_DASHES = "―—–-"
_MAX_BYLINE = 40  # characters: a byline or a line of credits is short


def _titled_and_signed(blocks: list[Block], i: int, rules: _Rules, is_one_name: Callable[[str], bool]) -> bool:
    """Is block ``i`` a title with a byline under it (a name alone, 本报评论员, 本报记者 王明) and body under that:
    the start of another article of a collection with no datelines?"""
    if i + 2 >= len(blocks) or len(blocks[i + 1].text) > _MAX_BYLINE or blocks[i].kind != "paragraph" or blocks[i].text[:1] in _DASHES:
        return False  # (a short line under it first: most lines have none; ――编者 closes an editors' note, no title)
    if not _title_like(blocks[i], rules):
        return False
    by, body = blocks[i + 1], blocks[i + 2]
    if by.kind not in ("paragraph", "boilerplate") or body.kind != "paragraph" or _title_like(body, rules):
        return False
    return rules.credit_line.match(by.text) is not None or (by.kind == "paragraph" and _byline(by, rules, is_one_name) is not None)


_DATED_LEAD = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上中下]午|晚间?|早间?|凌晨)?[，,]")


def _titled_lead(blocks: list[Block], i: int, last_cut: int, rules: _Rules) -> bool:
    """Is block ``i`` the title of another news item of a collection whose item before opened with a dateline:
    a title-like line, not a numbered section's heading nor a quotation, with a paragraph under it that opens
    with the day the news is of (中共河南省委常委会召开会议 / 3月14日，省委常委会召开会议…)? A feature's subhead
    over a dated paragraph (“要把群众的事当成自己的事” / 2019年5月，…) is quoted or bracketed, and its story has no dateline."""
    if i + 1 >= len(blocks) or blocks[i].kind != "paragraph" or blocks[i + 1].kind != "paragraph":
        return False
    s = blocks[i].text
    if s[0] in _OPEN_QUOTE or s[0] in "【〔[（(" or not _DATED_LEAD.match(blocks[i + 1].text):
        return False
    if not _title_like(blocks[i], rules) or _numbered_heading(s, rules) or _only_date(s):
        return False
    return any(rules.leading_dateline.match(b.text) for b in blocks[last_cut:i])


def _titled_and_dated(blocks: list[Block], i: int, rules: _Rules) -> bool:
    """Is block ``i`` a title with a line that holds only a date under it and body under that (标题 / 2024年3月5日 /
    正文)? Where the text opens so, each such block opens another article of the collection."""
    if i + 2 >= len(blocks) or blocks[i].kind != "paragraph" or not _title_like(blocks[i], rules) or _only_date(blocks[i].text):
        return False
    body = blocks[i + 2]
    return _only_date(blocks[i + 1].text) and body.kind == "paragraph" and not _title_like(body, rules)


def _titled_next(blocks: list[Block], i: int, rules: _Rules) -> bool:
    """Does a title-like line with text under it follow block ``i`` (a rule across the page between two articles
    of a collection: ==========, then the next one's title)?"""
    after = [x for x in blocks[i + 1 : i + 4] if x.kind != "boilerplate"]
    return len(after) >= 2 and _title_like(after[0], rules) and not _title_like(after[1], rules)


def _heads_body(blocks: list[Block], i: int, rules: _Rules) -> bool:
    """Is block ``i`` (a dateline alone on its line) between a title-like line and a paragraph of body,
    as a leading dateline stands? A closing one follows the body, perhaps signed and dated (习近平 / 2020年11月29日),
    and the next title or a paragraph with a dateline of its own follows it."""
    after = next((x for x in blocks[i + 1 :] if x.kind != "boilerplate"), None)
    return (
        i > 0
        and _title_like(blocks[i - 1], rules)
        and not _only_date(blocks[i - 1].text)
        and after is not None
        and not _title_like(after, rules)
        and not rules.leading_dateline.match(after.text)
    )


def _whole_article(blocks: list[Block], rules: _Rules) -> bool:
    """Are the blocks before a leading dateline with no title of its own right above it an article of their own:
    dated by a dateline too, or with two paragraphs or more? A title with one paragraph (the page's summary) or with
    bullets (its highlights) above 新华社北京10月29日电 is the dateline's own article."""
    if any(rules.leading_dateline.match(b.text) for b in blocks):
        return True
    return sum(1 for b in blocks if not _title_like(b, rules) and not rules.bullet.match(b.text)) >= 2


def _title_start(blocks: list[Block], i: int, last_cut: int, rules: _Rules) -> int:
    """Where the article that block ``i`` (a leading dateline, a page's date line) opens starts: at most
    two title lines before it (and a line of credits under them: 本报记者　王明), after the last cut, and an
    editor's note above them (编者按：…)."""
    under = i - 1 if i - 1 > last_cut and blocks[i - 1].kind == "boilerplate" and rules.credit_line.match(blocks[i - 1].text) else i
    j = under
    while j - 1 > last_cut and under - j < 3 and _title_like(blocks[j - 1], rules):
        j -= 1
    if j == under:
        return i  # no title above
    return j - 1 if j - 1 >= last_cut and _editor_note(blocks[j - 1], rules) else j


def _editor_note(b: Block, rules: _Rules) -> bool:
    """Does the block open with an editor's note marker (编者按：, 【编者按】, 编者的话：), or with one alone on
    the line the block's text was joined to (编者按\n作为党全部工作…)?"""
    return rules.editor_note.match(b.text) is not None or (bool(b.joins) and rules.editor_note_label.fullmatch(b.text[: b.joins[0][0] - b.start]) is not None)


def _dateline(m: re.Match, offset: int, position: str) -> Dateline:
    agency = m.group("agency") or (m.groupdict().get("agency2") or "")
    text = m.group(0).strip()
    start = offset + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    place = m.group("place") or m.groupdict().get("place2") or ""
    return Dateline(start, start + len(text), text, agency, place, m.group("date") or "", position)


def _colon_form(s: str, rules: _Rules) -> str:
    """``s`` with a transcript's bracketed label (【国家统计局局长 康义】…, 【中央广播电视总台央视记者】…) written
    as the same words and a colon (国家统计局局长 康义： …), of the same length so that every offset after
    the label holds; a marker found in it is the original's by :func:`_marker_of`. Other lines are unchanged."""
    m = rules.bracket_label.match(s)
    return s if m is None else f"{m.group('who')}： {s[m.end():]}"


def _marker_of(s: str, marker: str) -> str:
    """The marker found in :func:`_colon_form` of ``s`` as ``s`` writes it (康义： -> 【康义】)."""
    return s[: len(marker) + 1] if s.startswith("【") and not s.startswith(marker) else marker


def _speaker(s: str, rules: _Rules, is_name: Callable[[str], bool]) -> str | None:
    """The speaker opening an answer, with the colon (杨传堂：, 国家发展改革委有关负责人：), or None.

    A name the segmenter reads as one (杨传堂, 欧阳晓晖), or words ending with a title
    of those who answer (负责人, 发言人); not a phrase (具体来说：, 对此：).
    """
    m = rules.speaker.match(s)
    if m is None:
        return _titled_speaker(s, rules, is_name)
    who = m.group("who")
    if who.startswith(rules.address_starts) or who.endswith(rules.address_ends):
        return None  # 各位代表：, 同志们：: a salutation
    if who.endswith(rules.speaker_titles) or (len(who) <= rules.max_name_chars and is_name(who)):
        return m.group(0).strip()
    return None


def _titled_speaker(s: str, rules: _Rules, is_name: Callable[[str], bool]) -> str | None:
    """A role, a space and a name before the colon (国家统计局局长 康义：), as a press conference's transcript writes who speaks."""
    colon = min((k for k in (s.find("："), s.find(":")) if k > 0), default=-1)
    if colon < 0 or colon > rules.max_title:
        return None
    m = rules.byline.fullmatch(s[:colon].strip())
    if m and (m.group("role").endswith(rules.speaker_titles) or is_name(m.group("name"))):
        return s[: colon + 1].strip()
    return None


def marker_who(marker: str | None, rules: _Rules) -> str | None:
    """Who asks or answers, as a marker names them (法新社记者, 杨传堂, 寿小丽 of 新闻发言人 寿小丽：); None for
    问, 答, 记者, 回答 (1.问：, （二）问： too)."""
    who = _bare_marker(marker)
    if m := _NUMBERED_MARKER.match(who):
        who = who[m.end() :].lstrip()  # 1.问, 一问, （二）问: the number is not who asks
    who = _NUMBER_AFTER_MARKER.sub("", who)  # 问题一, 问二, Q1: the number after the marker neither
    if len(who) > 2 and who[-1] in "问答":
        who = who[:-1]  # 行政长官答, 新华社记者问: who answers or asks
    return None if len(who) < 2 or who in rules.plain_markers else who.split()[-1]


def question_number(marker: str | None) -> int | None:
    """The number a numbered question's marker gives it (1.问：, （二）问：, 一、, 问题一：, Q1：), or None."""
    bare = _bare_marker(marker)
    m = _NUMBERED_MARKER.match(bare) or _NUMBER_AFTER_MARKER.search(bare)
    return cn_small_number(m.group(1)) if m else None


def _bare_marker(marker: str | None) -> str:
    return (marker or "").rstrip(":： ").strip("【】[]")


_NUMBERED_MARKER = re.compile(r"[（(]?(\d+|[一二三四五六七八九十]+)(?:[.、．)）]|(?=问))")
_NUMBER_AFTER_MARKER = re.compile(r"(?<=[问题Qq])\s*(\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]?$")


def _asking_number(s: str, rules: _Rules) -> tuple[str, int, re.Match] | None:
    """(numbering style, number, its match) of a line that asks one question under a number (一、为什么要出台
    《条例》？, 1. 怎么实施？, （三）如何落实？), no longer than a heading; else None."""
    s = s.rstrip()
    if not s.endswith(("？", "?")) or len(s) > rules.max_heading or any(ch in s[:-1] for ch in _SENTENCE_END):
        return None
    for name, rx in rules.heading_numbering:
        if name not in ("part", "chapter", "section") and (m := rx.match(s)):
            n = _LIST_NUMBER.search(m.group())
            return (name, cn_small_number(n.group()) or 0, m) if n else None
    return None


_LIST_NUMBER = re.compile(r"\d+|[一二三四五六七八九十]+|[①-⑳]")


def _asked_in_turn(body: list[Block], start: int, rules: _Rules) -> set[int]:
    """The blocks of ``body`` from ``start`` on that are numbered questions asked in turn, 1 then 2 …, in one
    style (an explainer: 一、为什么要制定《条例》？ … 二、《条例》有哪些主要内容？ …), two or more, each followed
    by something other than a question: each a question the blocks after it answer."""
    asked = [(k, found) for k in range(start, len(body)) if (found := _asking_number(body[k].text, rules))]
    out: set[int] = set()
    for style in {found[0] for _, found in asked}:
        run = [k for k, found in asked if found[0] == style]
        numbers = [found[1] for _, found in asked if found[0] == style]
        if len(run) >= 2 and numbers == list(range(1, len(run) + 1)) and all(k + 1 < len(body) and k + 1 not in run for k in run):
            out.update(run)
    return out


def _numbered_question(body: list[Block], k: int, rules: _Rules, asked: set[int]) -> re.Match | None:
    """A numbered line that asks (一、为什么要出台《条例》？, 1. 怎么实施？) with an answer marker opening the next
    block (答：…), or one of the questions asked in turn (``asked``): a question, its number the marker; else None."""
    found = _asking_number(body[k].text, rules)
    if found is None:
        return None
    if k in asked or (k + 1 < len(body) and rules.answer.match(_colon_form(body[k + 1].text, rules))):
        return found[2]
    return None


def _name_speakers(art: Article, rules: _Rules, is_name: Callable[[str], bool]) -> None:
    """Each Q/A pair's asker and answerer, the answerer of plain answers (答：) being whom the lead says was
    interviewed (art.interviewee), when it says so."""
    for one in art.qa:
        one.asker = marker_who(one.question.marker, rules)
        one.answerer = marker_who(one.answers[0].marker, rules) if one.answers else None
    if not any(one.answers and one.answerer is None for one in art.qa):
        return
    art.interviewee = _interviewee(art, rules, is_name)
    for one in art.qa:
        if one.answers and one.answerer is None and art.interviewee is not None:
            one.answerer = art.interviewee.name


def _interviewee(art: Article, rules: _Rules, is_name: Callable[[str], bool]) -> Interviewee | None:
    """The person an interview's title, subtitles or text before its first question
    says was interviewed (——访农业农村部部长唐仁健, 记者专访了农业农村部部长唐仁健, 唐仁健日前接受记者专访)."""
    first = art.qa[0].question.start
    fronts = [b for b in (art.title, *art.subtitles) if b is not None]
    before = [b for sec in art.sections for b in sec.blocks if b.end <= first and b.kind in ("paragraph", "lead")]
    found = [(b, m) for b in fronts for m in rules.interview_subtitle.finditer(b.text)]
    found += [(b, m) for b in before for rx in (rules.interview_before, rules.interview_after) for m in rx.finditer(b.text)]
    for b, m in found:
        if (at := _named_in(m.group("who"), rules, is_name)) is not None:
            start, end = _abs(b, m.start("who") + at[0]), _abs(b, m.start("who") + at[1])
            return Interviewee(start, end, m.group("who")[at[0] : at[1]], True)
    for b, m in found:  # no name: a role that speaks for a body (中央组织部负责人)
        who = m.group("who").strip()
        if who.endswith(rules.interview_roles) and len(who) <= rules.max_interview_role_chars:
            start = m.start("who") + m.group("who").index(who)
            return Interviewee(_abs(b, start), _abs(b, start + len(who)), who, False)
    return None


def _named_in(who: str, rules: _Rules, is_name: Callable[[str], bool]) -> tuple[int, int] | None:
    """Where a person's name is in words naming one: at their end, alone or after a title (部长唐仁健), or
    before a title that ends them (唐仁健部长); None when no name the segmenter reads is there (多位代表)."""
    title = max((t for t in rules.speaker_titles if who.endswith(t)), key=len, default="")
    for end in (len(who) - len(title), len(who)) if title else (len(who),):
        for size in (3, 2, 4):
            start = end - size
            if start >= 0 and (start == 0 or who[:start].endswith(rules.speaker_titles)) and is_name(who[start:end]):
                return start, end
    return None


def speaker_name(marker: str | None) -> str | None:
    """The name in a speaker marker: 寿小丽 of 新闻发言人 寿小丽：, of 寿小丽： and of 【寿小丽】."""
    return marker.rstrip("：:").strip("【】").split()[-1] if marker else None


def _host_takes_over(s: str, qa: QA, host: str | None, rules: _Rules, is_name: Callable[[str], bool]) -> bool:
    """Does the host who opened the conference speak here, after someone else answered (寿小丽：下面请…)?
    A spokesperson who opens and answers (毛宁：) answers on."""
    if host is None or not qa.answers:
        return False
    answerer = speaker_name(qa.answers[0].marker)
    return answerer is not None and answerer != host and speaker_name(_speaker(s, rules, is_name)) == host


def _answered_asker(body: list[Block], k: int, rules: _Rules, is_name: Callable[[str], bool]) -> re.Match | None:
    """A reporter of an outlet whose name does not end like one (财新记者：…？), taken as asking when the
    block asks something and the next one answers (答：…, or 李强：…); 他告诉记者：… asks nothing."""
    m = rules.any_asker.match(_colon_form(body[k].text, rules))
    if m is None or k + 1 >= len(body) or not ("？" in body[k].text or "?" in body[k].text):
        return None
    after = _colon_form(body[k + 1].text, rules)
    return m if rules.answer.match(after) or _speaker(after, rules, is_name) else None


def _label_line(s: str, rules: _Rules, is_name: Callable[[str], bool]) -> bool:
    """A line that only says who speaks or asks (问：, 路透社记者：, 康义：, 国家统计局局长 康义：):
    what they say is on the next line."""
    s = _colon_form(s, rules).rstrip()
    if rules.editor_note_label.fullmatch(s):
        return True  # 编者按 alone: the note is on the next line
    if not s.endswith(("：", ":")):
        return False
    m = rules.question.match(s) or rules.answer.match(s)
    if m is not None:
        return m.end() == len(s)
    return _speaker(s, rules, is_name) == s


_DATE_LABELS = ("发布时间", "发布日期", "日期", "时间")
_WEEKDAY = re.compile(r"[（(]?(?:星期|周|礼拜)[一二三四五六日天][）)]?")
_ALL_HAN = re.compile(r"[\u4e00-\u9fff]+")


_MAX_DATE_LINE = 60  # a date, a weekday, a label and brackets: no block longer holds only a date


def _only_date(text: str) -> bool:
    """Does the block hold a date and nothing else but brackets or a label (（2022年10月16日）, 日期：2024年2月29日)?"""
    m = DATE_PATTERN.search(text)
    if m is None:
        return False
    rest = _WEEKDAY.sub("", text[: m.start()] + text[m.end() :]).strip(" \t（）()【】[]：:")
    return not rest or rest.rstrip("：:") in _DATE_LABELS


def _front_date(art: Article, body: list[Block], rules: _Rules) -> DocumentDate | None:
    """The article's own date: the most precise full date (day, then month, then year) in its
    front matter, the first of equals: the dateline when it names the year, a title or subtitle
    that opens with a date (——2024年3月5日在…会议上), a short line that holds only a date
    (（2022年10月16日）) and the web page's time-and-source line. Dates in the body are what it reports, not when it was written;
    an article with several lines holding only a date is a timeline (2013年11月 … 2015年11月 …),
    and none of them dates it."""
    timeline = sum(_only_date(b.text) for b in body if b is not art.title and len(b.text) <= _MAX_DATE_LINE) > 1
    places: list[tuple[int, str]] = []  # (offset of the text, text)
    if art.dateline is not None:
        places.append((art.dateline.start, art.dateline.text))
    for b in [art.title, *art.subtitles]:
        m = b and DATE_PATTERN.search(b.text)
        # one that opens with a date (2024年3月12日外交部…记者会, ——2024年3月5日在…上); not a title that
        # is only a date (a timeline's first entry) nor one that names an event's date (…会议二○二一年一月二十一日在石家庄召开)
        if m and b.text[: m.start()].strip(" —-―（(【[：:") in ("", *_DATE_LABELS) and not (b is art.title and _only_date(b.text)):
            places.append((b.start, b.text[: m.end()]))
    text_start = art.end  # where the first block of some length starts; the front matter ends there
    for b in body:
        if b.kind in ("title", "subtitle", "byline"):
            continue
        if len(b.text) > rules.max_date_line:
            text_start = b.start
            break
        if not timeline and _only_date(b.text):
            places.append((b.start, b.text))
    places += [(b.start, b.text) for b in art.boilerplate if b.start < text_start]
    best: DocumentDate | None = None
    for offset, text in places:
        for m in DATE_PATTERN.finditer(text):
            value = iso_date(m)
            if value and (best is None or len(value) > len(best.value)):
                best = DocumentDate(offset + m.start(), offset + m.end(), m.group(0), value)
    return best


def _closing_date(body: list[Block], rules: _Rules) -> DocumentDate | None:
    """The date a document is signed with when its front matter gives none: a line holding only a
    full date among the short lines that close it (国务院 / 2024年3月1日, 2025年10月1日（星期三）),
    unless the article holds other lines of only a date (a timeline)."""
    short = []
    for b in reversed(body):
        if len(b.text) > rules.max_date_line or len(short) == 3:
            break
        short.append(b)
    dated = [b for b in short if b.kind not in ("title", "subtitle", "byline") and _only_date(b.text)]
    if len(dated) != 1 or sum(_only_date(b.text) for b in body if b.kind != "title") > 1:
        return None  # the end of a timeline is no signature
    b = dated[0]
    m = DATE_PATTERN.search(b.text)
    value = iso_date(m)
    if not value or len(value) < len("YYYY-MM-DD"):
        return None  # a document is signed on a day (2015年11月 closes a timeline's entry)
    return DocumentDate(b.start + m.start(), b.start + m.end(), m.group(0), value)


_TITLE_NOTE = re.compile(r"[（(][^（()）]{1,16}[）)]$")  # （试行）, （2023年修订）


def doc_type(title: str, rules: _Rules) -> str | None:
    """The kind of official document ``title`` names by its last word (…的意见: 意见, …条例（试行）: 条例), when
    it is a document's title: 关于 before the word (关于印发《…》的通知 too), or a word that names a rule by itself;
    else None (a headline: 国务院印发《…方案》, 多地出台新规定)."""
    name = _TITLE_NOTE.sub("", title.strip()).rstrip("》”\"")
    kind = next((t for t in rules.doc_types if name.endswith(t)), None)
    if kind is None or len(name) <= len(kind) + 2:
        return None
    quoted = min((k for k in (title.find("《"), title.find("“")) if k >= 0), default=-1)
    if quoted >= 0:  # a title quoted in it: a notice that prints or forwards it (关于印发《…》的通知), else a headline
        about = name.find("关于")
        return kind if 0 <= about < quoted and name.endswith(("》的" + kind, "”的" + kind)) else None
    if "关于" in name:
        return kind
    head = name[: -len(kind)]
    if kind not in rules.doc_types_alone or head.endswith(("的", "新")) or any(w in head for w in rules.doc_type_news_words):
        return None
    return kind


def _close_signed(art: Article, rules: _Rules) -> None:
    """A last heading with only the lines that close a document under it (国务院 / 2023年12月20日 /
    （此件公开发布）) is who signs it: no heading, its lines go to the section before."""
    last = art.sections[-1]
    if len(art.sections) < 2 or last.heading is None or not last.blocks or not _only_date(last.blocks[0].text):
        return
    if all(_only_date(b.text) or (_parenthesised(b.text) and len(b.text) <= rules.max_date_line) for b in last.blocks):
        art.sections.pop()
        last.heading.kind = "paragraph"
        art.sections[-1].blocks += [last.heading, *last.blocks]


def _signature(art: Article, rules: _Rules) -> None:
    """The line right above the date that closes a document, short and no sentence (国务院, 中共中央 国务院,
    习近平), is its signature: kind signature, the article's issuer."""
    blocks = art.sections[-1].blocks
    for k in range(len(blocks) - 1, max(len(blocks) - 4, 0), -1):
        if _only_date(blocks[k].text) and len(blocks[k].text) <= rules.max_date_line:
            b = blocks[k - 1]
            s = b.text.strip()
            if b.kind == "paragraph" and len(s) <= rules.max_date_line and not any(ch in s for ch in _CLAUSE_ENDS + "：:、") and not _only_date(s) and not _parenthesised(s):
                b.kind, art.issuer = "signature", b
            return


def _close_empty_sections(art: Article) -> None:
    """Short lines that end an article with nothing under them are no headings (a signature,
    a date): they close the last section that has text."""
    tail: list[Block] = []
    while len(art.sections) > 1 and not art.sections[-1].blocks and art.sections[-1].heading is not None:
        tail.append(art.sections.pop().heading)
    for b in reversed(tail):
        b.kind = "paragraph"
        art.sections[-1].blocks.append(b)


def _byline(b: Block, rules: _Rules, is_one_name: Callable[[str], bool]) -> Byline | None:
    """A role ending with a title of office, a space, then a name (国务院总理　李强, 市长 王某某),
    a line that is only a name the segmenter tags as one (张明, 张　明), or a collective author (本报评论员)."""
    m = rules.byline.fullmatch(b.text)
    if m is not None and m.group("role").endswith(rules.speaker_titles):
        name = m.group("name")
        return Byline(b, m.group("role"), name, persons=((b.start + m.start("name"), b.start + m.end("name"), name),))
    name = "".join(b.text.split())
    if 2 <= len(name) <= rules.max_name_chars and is_one_name(name):
        lead = len(b.text) - len(b.text.lstrip())
        return Byline(b, None, name, persons=((b.start + lead, b.start + len(b.text.rstrip()), name),))
    if len(name) <= rules.max_collective_author and name.endswith(rules.collective_authors) and _ALL_HAN.fullmatch(name):
        return Byline(b, None, name)  # 人民日报评论员: a collective author
    return None


def _credit(blocks: list[Block], rules: _Rules) -> Byline | None:
    """The byline of the first of ``blocks`` (page furniture) that credits authors: a line of credits
    (本报记者 王明 李华, 文/王明) or a page's date and source line with one (…　作者：王明　责任编辑：…)."""
    for b in blocks:
        if rules.credit_line.match(b.text):
            parts = list(rules.credit.finditer(b.text))
        elif rules.page_date_line.match(b.text) or b.text.startswith(rules.boiler_prefixes):
            parts = list(rules.page_credit.finditer(b.text))[:1]
        else:
            continue
        if byline := _credited(b, parts, b.start, rules):
            return byline
    return None


def _dateline_credit(b: Block, dateline: re.Match, rules: _Rules, is_name: Callable[[str], bool]) -> Byline | None:
    """The byline of the reporters a dateline credits in its brackets (新华社北京3月5日电（记者 张三、李四）,
    （新华社福州1月8日电 记者于晓泉、关心））, when the brackets hold credits only, one of them a name the
    segmenter reads (not （记者报道）), or names only, each one the segmenter reads (中国共产党新闻网北京6月16日电（任一林）)."""
    group = "credit2" if dateline.groupdict().get("credit2") else "credit"  # (…讯记者吴坤胜报道：, no brackets)
    credit = dateline.groupdict().get(group)  # (a paper's source line has none)
    return _credit_text(b, credit, b.start + dateline.start(group), rules, is_name) if credit else None


def _dateline_reporter(b: Block, dateline: re.Match, found: Dateline, is_name: Callable[[str], bool]) -> Byline | None:
    """The reporter a dateline names before its place (中央社记者王大明台北22日电): the first two to four characters
    after 记者 that the segmenter reads as a name, the rest the place (``found`` keeps only the rest)."""
    if not dateline.group("reporter") or not (both := dateline.group("place")):
        return None
    at = b.start + dateline.start("place")
    for k in (3, 2, 4):
        if len(both) > k and is_name(both[:k]):
            found.place = both[k:]
            return _persons_byline(b, "记者", ((at, at + k, both[:k]),), start=b.start + dateline.start("reporter"))
    return None


_TRAILING_BRACKETS = re.compile(r"[（(](?P<credit>[^（）()]{2,40})[）)]\s*[。.]?\s*$")  # (…。（记者 郑芳芳）。)


def _closing_credit(b: Block, rules: _Rules, is_name: Callable[[str], bool]) -> Byline | None:
    """The byline of a credit in brackets that ends the last paragraph of an article (…实现全覆盖。（记者 于险峰）),
    when one of its names is one the segmenter reads."""
    m = _TRAILING_BRACKETS.search(b.text)
    # the brackets with it: names may open a credit in brackets before the first label (（任家驹 记者 马晓刚）)
    return None if m is None else _credit_text(b, b.text[m.start() : m.end("credit") + 1], b.start + m.start(), rules, is_name, surnamed=True)


def _credit_text(b: Block, credit: str, at: int, rules: _Rules, is_name: Callable[[str], bool], *, surnamed: bool = False) -> Byline | None:
    """The byline of ``credit``, a text at offset ``at`` of block ``b`` that holds credits only (记者 张三、李四),
    one of them a name the segmenter reads; or a label and two names written together (记者于险峰张仁军),
    each a name the segmenter reads; or names only, each one the segmenter reads (（任一林）, (王爱民 张秋实)) and, with
    ``surnamed`` (brackets closing a paragraph, where a name is less sure than in a dateline), each with a common surname."""
    if rules.credit_line.match(credit.strip()):
        byline = _credited(b, list(rules.credit.finditer(credit)), at, rules)
        return byline if byline is not None and any(map(is_name, byline.names)) else None
    bare = credit.strip(" \t\u3000（()）")
    if rules.bare_names.fullmatch(bare):
        persons = _named(bare, at + credit.index(bare), rules)
        if all(is_name(name) and (not surnamed or name[0] in rules.surnames) for _, _, name in persons):
            return _persons_byline(b, None, persons)
        return None
    m = rules.glued_credit.fullmatch(credit.strip())
    if m is None:
        return None
    glued, where = m.group("names"), at + len(credit) - len(credit.lstrip()) + m.start("names")
    for k in (3, 2):  # 于险峰|张仁军, 王明|张仁军
        first, second = glued[:k], glued[k:]
        if 2 <= len(second) <= 3 and is_name(first) and is_name(second) and first[0] in rules.surnames and second[0] in rules.surnames:
            persons = ((where, where + k, first), (where + k, where + len(glued), second))
            role = m.group("label").rstrip(" \t\u3000:：/")
            return _persons_byline(b, role, persons, start=at + len(credit) - len(credit.lstrip()) + m.start("label"))
    return None


def _persons_byline(
    b: Block, role: str | None, persons: tuple[tuple[int, int, str], ...], *, start: int = -1, end: int = -1, affiliation: str | None = None
) -> Byline:
    """The byline of ``persons`` ((start, end, name) each), from the first name's start to the last's end unless
    ``start`` or ``end`` (a credit's label, what follows the names) says otherwise."""
    return Byline(
        b, role, persons[0][2], tuple(p[2] for p in persons),
        persons[0][0] if start < 0 else start, persons[-1][1] if end < 0 else end, persons, affiliation,
    )


def _named(names: str, at: int, rules: _Rules) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, name)`` of each name in ``names``, a text at offset ``at``: the name without the space that
    lines it up with longer ones (龙 军: 龙军)."""
    return tuple((at + n.start(), at + n.end(), re.sub(r"[ \u3000]", "", n.group())) for n in rules.credited_name.finditer(names))


def _credited(b: Block, parts: list[re.Match], at: int, rules: _Rules) -> Byline | None:
    """The byline of the credits ``parts`` (label and names) found in a text at offset ``at`` of block ``b``:
    none when they name no one or only an outlet (作者：人民网)."""
    persons = tuple(p for m in parts for p in _named(m.group("names"), at + m.start("names"), rules))
    if parts and (lead := parts[0].string[: parts[0].start()]).strip(" \t\u3000（(、，,"):
        names_at = len(lead) - len(lead.lstrip(" \t\u3000（("))
        bare = lead[names_at:].rstrip(" \t\u3000、，,")
        if rules.bare_names.fullmatch(bare):
            persons = _named(bare, at + names_at, rules) + persons  # (任家驹 记者 马晓刚): the first, with no label
    names = tuple(name for _, _, name in persons)
    if not names or any(n.endswith(rules.outlet_endings) for n in names):
        return None
    role = parts[0].group("label").rstrip(" \t\u3000:：/")
    return _persons_byline(b, role, persons, start=min(at + parts[0].start(), persons[0][0]), end=at + parts[-1].end())


def _noted_author(b: Block, note: re.Match, rules: _Rules, is_name: Callable[[str], bool]) -> Byline | None:
    """The byline an author note gives: the names it credits, each one the segmenter reads as a name, and
    where they work (（作者：张三，系…教授）; 【作者：…研究中心 执笔：王明、李华】: the centre is the affiliation;
    （作者：张三，系…；李四，系…）: each one's, apart by ；)."""
    rest, at = note.group("rest"), b.start + note.start("rest")
    if pen := rules.noted_pen.search(rest):
        credits, role = [(pen.group("names"), at + pen.start("names"), rest[: pen.start()].strip())], "执笔"
    else:
        entries = [(m, rules.noted_names.fullmatch(m.group())) for m in re.finditer(r"[^；;]+", rest)]
        if not entries or not all(noted for _, noted in entries):
            return None  # （作者为…教授）: where they work, naming no one
        credits, role = [(noted.group("names"), at + m.start(), noted.group("affiliation")) for m, noted in entries], "作者"
    persons = tuple(p for names, names_at, _ in credits for p in _named(names, names_at, rules))
    if not all(is_name(name) for _, _, name in persons):
        return None  # （作者：本报评论部）
    affiliation = "；".join(where for _, _, where in credits if where) or None
    return _persons_byline(b, role, persons, affiliation=affiliation)


def _classify_article(
    blocks: list[Block], rules: _Rules, is_name: Callable[[str], bool] = no_words, is_one_name: Callable[[str], bool] = no_words
) -> Article:
    art = Article(start=blocks[0].start, end=blocks[-1].end)
    body = [b for b in blocks if b.kind != "boilerplate"]
    art.boilerplate = [b for b in blocks if b.kind == "boilerplate"]
    if not body:
        return art
    i = 0
    note = None
    if len(body) > 2 and _editor_note(body[0], rules):
        note, i = body[0], 1  # 编者按：… above the title: the editors' word on the article
        note.kind = "editor_note"
    titled = note is None or rules.leading_dateline.match(body[2].text) is not None  # (a note opens a text whose title is elsewhere)
    if titled and len(body) > i + 1 and _title_like(body[i], rules):
        body[i].kind = "title"
        art.title = body[i]
        i += 1
        while (
            i < len(body) - 1
            and len(art.subtitles) < 4
            and _heading_like(body[i], rules, rules.max_title)
            and not _numbered_heading(body[i].text, rules)
            and body[i].text.replace(" ", "") not in rules.section_words
            and rules.author_note.fullmatch(body[i].text) is None
        ):
            if art.byline is None and (byline := _byline(body[i], rules, is_one_name)):
                body[i].kind = "byline"
                art.byline = byline
            elif art.doc_number is None and rules.doc_number.fullmatch(body[i].text):
                body[i].kind = "doc_number"
                art.doc_number = body[i]
            else:
                body[i].kind = "subtitle"
                art.subtitles.append(body[i])
            i += 1
    if art.byline is None and (credit := _credit(art.boilerplate, rules)):
        art.byline = credit
        if rules.credit_line.match(credit.block.text):  # the line is the byline (not a page line holding it)
            credit.block.kind = "byline"
            art.boilerplate.remove(credit.block)
    section = Section(heading=None)
    art.sections.append(section)
    qa: QA | None = None
    seen_lead = False
    host: str | None = None  # who speaks first, before any question (a press conference's host)
    asked = _asked_in_turn(body, i, rules)
    contents: set[str] | None = None  # the entries of the table of contents being read
    if note is not None:
        section.blocks.append(note)
    for k, b in enumerate(body[i:], i):
        s = b.text
        if contents is not None:
            entry = _contents_entry(s, rules)
            if entry is not None and entry not in contents:
                contents.add(entry)
                b.kind = "contents"
                section.blocks.append(b)
                continue
            contents = None  # the body's first heading again, or a paragraph: the table is over
        said = _colon_form(s, rules)  # who speaks, as a colon writes it
        closing = _closing(s, rules)
        if closing and art.dateline is None:
            alone = closing.start() == 0
            opens = alone and k == i and k < len(body) - 1  # right under the title, with the text after it
            art.dateline = _dateline(closing, b.start, "leading" if opens else "closing")
            art.byline = art.byline or _dateline_credit(b, closing, rules, is_name)
            if alone:
                b.kind = "dateline"
                section.blocks.append(b)
                continue
        leading = rules.leading_dateline.match(s)
        if leading and art.dateline is None:
            art.dateline = _dateline(leading, b.start, "leading")
            art.byline = art.byline or _dateline_credit(b, leading, rules, is_name) or _dateline_reporter(b, leading, art.dateline, is_name)
        if k == i and art.byline is None and (credit := rules.leading_credit.match(s)):
            art.byline = _credit_text(b, credit.group("credit"), b.start + credit.start("credit"), rules, is_name)  # 〔记者王大明／台北报导〕
        if _editor_note(b, rules):
            b.kind = "editor_note"  # (further down: a note on the part of the text it heads)
        elif k == i and art.title is not None and rules.addressee.fullmatch(s):
            b.kind, art.addressee = "addressee", b
        elif note_of_author := rules.author_note.fullmatch(s):
            b.kind = "author_note"
            if art.byline is None:
                art.byline = _noted_author(b, note_of_author, rules, is_name)
        elif m := rules.question.match(said) or _answered_asker(body, k, rules, is_name) or _numbered_question(body, k, rules, asked):
            b.kind, b.marker = "question", _marker_of(s, m.group(0).strip())
            qa = QA(heading=section.heading, question=b)
            art.qa.append(qa)
        elif m := rules.answer.match(said):
            b.kind, b.marker = "answer", _marker_of(s, m.group(0).strip())
            if qa is not None:
                qa.answers.append(b)
        elif (m := rules.bullet.match(s)) and not (qa is None and _bullet_heading(body, k, m.end(), rules, is_name)):
            b.kind, b.marker = "bullet", m.group("marker")
        elif not m and qa is None and not any(ch in s for ch in _CLAUSE_ENDS) and (_table_row(s) or _header_row(s, body, k, rules)):
            b.kind = "table_row"  # a row of a table the input lays out with tabs or spaces (a sentence is none: 2013 年 3 月 23日，…)
        elif m or (
            _heading_like(b, rules, rules.max_heading)
            and (not _parenthesised(s) or _bracket_heading(s, said, rules, is_name))
            and not _only_date(s)
            and not listed_names(b, rules, is_name)
            and not _attachment_line(body, k)
        ):
            b.kind = "heading"
            section = Section(heading=b)
            art.sections.append(section)
            qa = None
            if re.sub(r"\s", "", s) in rules.contents_headings:
                contents = set()
            continue
        elif qa is not None and _host_takes_over(said, qa, host, rules, is_name):
            qa = None  # the host takes the floor back: a paragraph, and the answer is over
        elif qa is not None:
            b.kind = "answer"  # everything up to the next question or heading answers it
            if not qa.answers and (speaker := _speaker(said, rules, is_name)):
                b.marker = _marker_of(s, speaker)  # 杨传堂：… answers 记者：…
            qa.answers.append(b)
        elif _quotation_block(s, rules):
            b.kind = "quote"
        elif not seen_lead and not art.qa and section.heading is None:
            b.kind = "lead"
        if b.kind in ("paragraph", "lead", "quote"):
            seen_lead = True
            if host is None and not art.qa:
                host = speaker_name(_speaker(said, rules, is_name))
        section.blocks.append(b)
    if not art.sections[0].blocks and art.sections[0].heading is None and len(art.sections) > 1:
        art.sections.pop(0)
    if art.byline is None and (last := next((b for b in reversed(body) if b.kind in ("paragraph", "lead", "answer", "quote")), None)):
        art.byline = _closing_credit(last, rules, is_name)  # …实现全覆盖。（记者于险峰张仁军）
    _close_signed(art, rules)
    art.doc_type = doc_type(art.title.text, rules) if art.title is not None else None
    _close_empty_sections(art)
    _signature(art, rules)
    if art.qa and not art.qa[-1].answers and not any(ch in art.qa[-1].question.text for ch in "？?"):
        closing = art.qa.pop().question  # 主持人：谢谢您接受采访。 closes, asking nothing
        closing.kind, closing.marker = "paragraph", None
    art.date = _front_date(art, body, rules) or _closing_date(body, rules)
    for one in art.qa:
        one.items = _enumerate([one.question, *one.answers], rules, rules.all_families)
    _name_speakers(art, rules, is_name)
    _heading_levels(art.sections, rules)
    in_qa = {id(b) for one in art.qa for b in (one.question, *one.answers)}
    numbered = [[b for b in sec.blocks if id(b) not in in_qa and b.kind in ("paragraph", "lead")] for sec in art.sections]
    for blocks in numbered:
        art.items.extend(_enumerate(blocks, rules, rules.per_section))
    art.items.extend(_enumerate([b for blocks in numbered for b in blocks], rules, rules.across_sections))
    art.items.sort(key=lambda it: it.start)
    for sec in art.sections:
        for b, after in zip(sec.blocks, [*sec.blocks[1:], None]):
            art.reactions.extend((_abs(b, m.start()), _abs(b, m.end()), rules.reaction_kinds[m["word"]]) for m in rules.reaction.finditer(b.text))
            art.quotations.extend((_abs(b, m.start(1)), _abs(b, m.end(1))) for m in rules.quotation.finditer(b.text))
            if after is not None and (run_on := _quotation_run_on(b.text, after.text, rules)):
                art.quotations.append((_abs(b, run_on[0]), _abs(b, run_on[1])))
    art.quotations.sort()
    return art


def _contents_entry(s: str, rules: _Rules) -> str | None:
    """A line of a table of contents, as a heading of the body would say it (without its dot leader, page
    number and spaces: 一、总则……………1 → 一、总则), or None if no heading could say it."""
    entry = re.sub(r"\s", "", rules.contents_leader.sub("", s))
    if not entry or len(entry) > rules.max_heading or any(ch in entry for ch in _SENTENCE_END + "，,；;"):
        return None
    return entry


def _quotation_run_on(text: str, after: str, rules: _Rules) -> tuple[int, int] | None:
    """A quotation that opens in ``text`` and goes on in the next paragraph, which opens with a quotation mark
    again, as Chinese quotes several paragraphs (…指出：“要把…。\n“我们既要…。”): from after the mark to the end."""
    opened = text.rfind("“")
    if opened < 0 or text.find("”", opened) >= 0 or not after.lstrip().startswith("“"):
        return None
    if text.count("“", 0, opened) != text.count("”", 0, opened):
        return None  # (…结合起来！“老茅建议…: a closing mark mistyped, the quotation before it unclosed)
    end = len(text.rstrip())
    return (opened + 1, end) if end - opened - 1 >= rules.min_quotation else None


def _heading_levels(sections: list[Section], rules: _Rules) -> None:
    """Each heading's numbering style and level. The styles an article uses rank in the order official
    documents nest them (第一部分 > 一、 > （一） > 1. > （1））, the first of them level 1; headings with no
    number are level 1 when the first heading has none, else a level below every numbered style."""
    headed = [sec for sec in sections if sec.heading is not None]
    for sec in headed:
        sec.numbering = next((name for name, rx in rules.heading_numbering if rx.match(sec.heading.text)), "plain")
    used = {sec.numbering for sec in headed} - {"plain"}
    ranks = [name for name, _ in rules.heading_numbering if name in used]
    if headed and headed[0].numbering == "plain":
        ranks.insert(0, "plain")
    else:
        ranks.append("plain")
    for sec in headed:
        sec.level = ranks.index(sec.numbering) + 1


# ---------------------------------------------------------------------------- enumerations


def _marker_hits(b: Block, rules: _Rules, families: frozenset[str]):
    s = b.text
    for family, (rx, needs_break, line_start, _) in rules.families.items():
        if family not in families:
            continue
        for m in rx.finditer(s):
            pos = m.start()
            if line_start and pos != 0:
                continue  # 1. and 第一条 open a paragraph; 依照本条例第十条 only refers to one
            if needs_break and pos > 0 and s[pos - 1] not in "。；;！？!?：:，, " and not (pos > 1 and s[pos - 1] in "”’」』" and s[pos - 2] in "。；;！？!?"):
                continue  # a marker opens a sentence (…越来越好办。”三是 too)
            word = m.group("num")
            number = rules.sequence_order.get(word) if family == "sequence" else cn_small_number(word)
            if number:
                yield family, number, pos, m.end()


def _enumerate(blocks: list[Block], rules: _Rules, families: frozenset[str]) -> list[Item]:
    """Runs of numbered markers (一是/二是, 一要/二要, 第一/第二, （一）, 1., 首先/其次) as items.

    A run starts at number 1 and keeps going while the next marker of the same
    family has the next number; runs of a single marker are not enumerations.
    Only the ``families`` named are looked for.
    """
    hits = []
    for bi, b in enumerate(blocks):
        for family, number, ms, me in _marker_hits(b, rules, families):
            hits.append((bi, ms, me, family, number))
    hits.sort(key=lambda h: (h[0], h[1]))
    items: list[Item] = []
    runs: dict[str, list] = {}
    following: dict[tuple, int] = {}  # hit -> start of the next marker of its family in its block
    last: dict[tuple[int, str], tuple] = {}
    for h in hits:
        prev = last.get((h[0], h[3]))
        if prev is not None:
            following[prev] = h[1]
        last[(h[0], h[3])] = h
    for h in hits:
        family, number = h[3], h[4]
        run = runs.get(family)
        expected = 1 if not run else run[-1][4] + 1
        if family == "sequence" and run and number > run[-1][4]:
            run.append(h)
        elif number == expected:
            runs.setdefault(family, []).append(h)
        elif number == 1:
            _flush(runs.pop(family, []), blocks, items, following)
            runs[family] = [h]
    for run in runs.values():
        _flush(run, blocks, items, following)
    items.sort(key=lambda it: it.start)
    return items


_AFTER_MARKER = "，,、：: \u3000"


def _flush(run: list, blocks: list[Block], items: list[Item], following: dict[tuple, int]) -> None:
    if len(run) < 2:
        return
    first = len(items)
    for hit in run:
        bi, ms, me, family, number = hit
        b = blocks[bi]
        # An item runs to the next marker of its family in the same block, or to the block's end.
        end = following.get(hit, len(b.text))
        # 第一，… and 首先：… : the comma or colon after the marker belongs to neither.
        at = me
        while at < end and b.text[at] in _AFTER_MARKER:
            at += 1
        text = b.text[at:end].strip()
        # The span covers the item's text, not its marker: spaCy keys span
        # attributes by offsets alone, so an item may not share the offsets of
        # the paragraph that holds it.
        items.append(Item(_abs(b, at), _abs(b, end), b.text[ms:me], number, family, text, _abs(b, ms)))
    for it in items[first:]:
        it.list_start = items[first].marker_start
    items[first].lead = _lead(blocks, run[0][0], run[0][1])


def _unmarked(b: Block) -> str:
    """The block's text without its Q/A marker (答：, 法新社记者：)."""
    return b.text[len(b.marker) :].lstrip() if b.marker and b.text.startswith(b.marker) else b.text


_LEAD_START = re.compile(r"[。！？!?；;]\s*")
_MAX_LEAD = 80


def _lead(blocks: list[Block], bi: int, ms: int) -> str | None:
    """The sentence that opens a list: before its first marker in the block (我们要做好三方面工作。一是…:
    我们要做好三方面工作。), else the previous block when it ends with a colon (对党员的纪律处分种类：)."""
    b = blocks[bi]
    before = b.text[len(b.text) - len(_unmarked(b)) : ms].rstrip()  # 答：主要有两条。一是…: not 答：
    if not before and bi > 0 and blocks[bi - 1].text.rstrip().endswith(("：", ":")):
        before = _unmarked(blocks[bi - 1]).rstrip()
    if not before:
        return None
    starts = [m.end() for m in _LEAD_START.finditer(before, 0, len(before) - 1)]
    lead = before[starts[-1] if starts else 0 :].strip()
    if lead.startswith(_rules().courtesies):
        return None  # 谢谢你的提问。一是…: thanks for the question announce no list
    return lead[-_MAX_LEAD:] if lead else None


def _abs(b: Block, rel: int) -> int:
    """Offset in the document of position ``rel`` of the block's (joined) text."""
    pos = b.start + rel
    for gap_start, gap_end in b.joins:
        if pos >= gap_start:
            pos += gap_end - gap_start
    return pos


# ---------------------------------------------------------------------------- duplicates


_MAX_POSTING = 32


_GOLDEN = numpy.uint32(2654435761)  # Knuth's multiplicative hash


def _shingles(key: str, k: int) -> set[str]:
    """k-character shingles; on long blocks a consistent one-in-four sample.

    A shingle is kept when its first character is an anchor, and whether a
    character is an anchor depends on its code point alone (a fixed multiplicative
    hash, not Python's per-process salted ``hash``). Two blocks therefore keep the
    same shingles of what they share, containment is estimated from the sample,
    and the answer is the same in every process.
    """
    count = len(key) - k + 1
    if count < 64:
        starts, ends = range(max(count, 0)), range(k, count + k)
    else:
        codes = numpy.frombuffer(key.encode("utf-32-le"), dtype=numpy.uint32)[:count]
        anchors = numpy.flatnonzero(((codes * _GOLDEN) >> 13) & 3 == 0)
        starts, ends = anchors.tolist(), (anchors + k).tolist()
    return set(map(key.__getitem__, map(slice, starts, ends)))  # C loops, no Python per shingle


def _mark_duplicates(blocks: list[Block], rules: _Rules, notes: list[dict]) -> None:
    """Mark blocks that repeat an earlier block exactly, or nearly (shingle containment)."""
    k = rules.shingle
    exact: dict[str, Block] = {}
    # Shingle -> the first block holding it; the few shingles seen in more blocks
    # also have the later ones in ``more`` (an int per shingle, not a list, keeps
    # building the index cheap: within one document most shingles occur once).
    first: dict[str, int] = {}
    more: dict[str, list[int]] = {}
    for n, b in enumerate(blocks):
        if b.kind in ("title", "subtitle", "byline", "heading", "dateline", "boilerplate"):
            continue
        key = re.sub(r"\s+", "", b.text)
        if len(key) >= rules.min_dup and key in exact:
            _note_duplicate(b, exact[key], "exact", notes)
            continue
        grams = _shingles(key, k)
        seen = grams.intersection(first)
        if len(key) >= 2 * rules.min_dup and seen:
            hits = Counter(map(first.__getitem__, seen))  # C loops, no Python per shingle
            hits.update(chain.from_iterable(filter(None, map(more.get, seen))))
            other, shared = max(hits.items(), key=lambda kv: (kv[1], -kv[0]))
            if shared / len(grams) >= rules.containment:
                _note_duplicate(b, blocks[other], "near", notes)
                continue  # a duplicate adds nothing new to the index
        exact.setdefault(key, b)
        for g in seen:
            posting = more.setdefault(g, [])
            if len(posting) < _MAX_POSTING - 1:  # a shingle in that many blocks is a stock phrase
                posting.append(n)
        first.update(zip(grams.difference(first), repeat(n)))


def _note_duplicate(b: Block, original: Block, how: str, notes: list[dict]) -> None:
    b.duplicate_of = original.start
    notes.append(
        {
            "code": "duplicate_paragraph",
            "message": f"paragraph repeats the one at offset {original.start} ({how}); excluded from counts",
            "start": b.start,
            "end": b.end,
        }
    )


# ---------------------------------------------------------------------------- entry point


def parse_structure(
    text: str,
    is_name: Callable[[str], bool] = no_words,
    is_one_name: Callable[[str], bool] = no_words,
    joins_across: Callable[[str, str], bool] = no_join,
) -> Structure:
    """Recover the structure of a (normalised) text. Pure; no spaCy involved.

    ``is_name`` (the segmenter's name test) tells a speaker opening an answer
    (杨传堂：…) from a phrase (具体来说：…); without it, only a speaker with a
    title (有关负责人：) is read. ``is_one_name`` (text that is a name and nothing
    else) tells a byline that is only a name (张明 under the title). ``joins_across``
    (does the segmenter read a word across two texts) tells a line wrapped inside
    a word (同比增\n长3.2%) from one that ends.
    """
    rules = _rules()
    notes: list[dict] = []
    blocks = _blocks(text, rules, notes, is_name, joins_across)
    if not blocks:
        return Structure([], notes)
    articles = [_classify_article(group, rules, is_name, is_one_name) for group in _split_articles(blocks, rules, is_one_name)]
    _mark_duplicates(blocks, rules, notes)
    notes.sort(key=lambda n: n["start"])
    checks = list_counts(text, [it for art in articles for it in _all_items(art)], rules)
    checks += [check for art in articles if (check := _announced_sections(art, rules)) is not None]
    return Structure(articles, notes, sorted(checks, key=lambda c: c["start"]))


def _all_items(art: Article) -> list[Item]:
    return sorted([*art.items, *(it for q in art.qa for it in q.items)], key=lambda it: it.start)


def _runs(items: list[Item]) -> dict[int, list[Item]]:
    """Enumeration lists (一是, 二是 …) by where their first marker starts."""
    runs: dict[int, list[Item]] = {}
    for it in items:
        runs.setdefault(it.list_start, []).append(it)
    return runs


def list_counts(text: str, items: list[Item], rules: _Rules) -> list[dict]:
    """``list_count`` checks: a number announces a list (四个意识：…, 提出三点要求：一是…) and the
    list right after the colon has another number of members.

    The members are the enumeration that opens after the colon (一是 … 四是), else the parts split
    by 、 up to the first ；, or, where that part holds no 、, the parts of the sentence split by ；
    (the last may hold two, joined by 和 or 及). Not counted: a list ending in 等 (open), a quotation, a list on the next line
    that is no enumeration, a 、 list followed by more 、 in its sentence (pairs or a longer
    clause), and announcements that are no list's: 十九大 (a congress), 16个字, a count with 的
    or a verb in its words (三个方面的治理智慧, 五个维度来考察干部).
    """
    runs = _runs(items)
    out = []
    for m in rules.announced.finditer(text):
        n = parse_number(m.group("n"))
        if n is None or n < 2 or (m.start() and text[m.start() - 1] in "第0123456789") or (m.group("cl") == "大" and n > 10):
            continue
        if rules.not_announcing.search(m.group("words")):
            continue
        after = m.end()
        while after < len(text) and text[after] in " \t":
            after += 1
        line_break = after < len(text) and text[after] == "\n"
        while after < len(text) and text[after].isspace():
            after += 1
        run = runs.get(after)
        if run is not None:
            counts, listed = {len(run)}, f"{len(run)} are listed ({run[0].marker} … {run[-1].marker})"
        else:
            if line_break or after >= len(text) or text[after] in "“「『\"" or _enumeration_start(text[after : after + 6], rules):
                continue
            parts = _list_members(text, after)
            if parts is None:
                continue
            counts = member_counts(parts)
            listed = "{} are listed".format(" or ".join(map(str, sorted(counts))))
        if int(n) not in counts:
            announced = m.group(0).rstrip("：: ")
            named = _QUOTE_MARKS.sub("", announced)  # 要牢固树立“四个意识”： names 四个意识
            out.append({"code": "list_count", "level": "warning", "message": f"{named} announces {int(n)}, but {listed}", "start": m.start(), "end": m.start() + len(announced), "figures": []})
    return out + _listed_below(text, runs, rules)


def _announced_sections(art: Article, rules: _Rules) -> dict | None:
    """``list_count`` of a speech or report that says how many parts follow (下面，我讲三点意见。) at the end of the
    paragraph right above its first numbered heading, when the headings numbered as that one is are another number."""
    first = next((k for k, sec in enumerate(art.sections) if sec.heading is not None and sec.numbering not in (None, "plain")), None)
    if not first or not art.sections[first - 1].blocks:
        return None
    above = art.sections[first - 1].blocks[-1]
    m = rules.announced_sections.search(above.text)
    n = parse_number(m.group("n")) if m else None
    if n is None:
        return None
    style, level = art.sections[first].numbering, art.sections[first].level
    headings = [sec.heading for sec in art.sections[first:] if sec.heading is not None and sec.numbering == style and sec.level == level]
    if len(headings) == int(n):
        return None
    start = above.start + m.start("n")
    marks = f"{_marker_text(headings[0])} … {_marker_text(headings[-1])}" if len(headings) > 1 else _marker_text(headings[0])
    said = above.text[m.start("n") : m.end()].rstrip("。：: \n")
    return {
        "code": "list_count",
        "level": "warning",
        "message": f"{said} announces {int(n)}, but {len(headings)} headings follow ({marks})",
        "start": start,
        "end": start + len(said),
        "figures": [],
    }


def _marker_text(heading: Block) -> str:
    """The number a heading opens with (一、 of 一、提高政治站位)."""
    m = re.match(r"\S*?[、．.）)]|第\S{1,4}?[部章节]分?", heading.text)
    return m.group() if m else heading.text[:4]


def _listed_below(text: str, runs: dict[int, list[Item]], rules: _Rules) -> list[dict]:
    """``list_count`` of a paragraph that counts what it lists below (对5起典型问题进行公开通报。具体如下：) when the
    numbered list on the next lines has another number of members: one count of the kind in the paragraph only."""
    out = []
    for m in rules.listed_below.finditer(text):
        counts = [c for c in rules.counted_kind.finditer(m.group()) if not (c.start() and m.group()[c.start() - 1] in "第0123456789")]
        after = m.end()
        while after < len(text) and text[after].isspace():
            after += 1
        run = runs.get(after)
        if len(counts) != 1 or run is None or len(run) < 2 or (n := parse_number(counts[0].group("n"))) is None or int(n) == len(run):
            continue
        start, end = m.start() + counts[0].start(), m.start() + counts[0].end()
        named = _QUOTE_MARKS.sub("", text[start:end])
        listed = f"{len(run)} are listed ({run[0].marker} … {run[-1].marker})"
        out.append({"code": "list_count", "level": "warning", "message": f"{named} announces {int(n)} below, but {listed}", "start": start, "end": end, "figures": []})
    return out


def _list_members(text: str, start: int) -> list[str] | None:
    """The members of an inline list from ``start`` to its sentence's end, or None when it is none."""
    stop = _SENTENCE_STOP.search(text, start)
    # separators inside quotes and brackets separate no members (对照“脱贫、出列、摘帽”指标)
    sentence = masked_enclosures(text[start : stop.start() if stop else len(text)])
    parts = re.split("[；;]", sentence)
    if len(parts) == 1 or "、" in parts[0]:  # a 、 list (one that ends at ； too: 四个平台：A、B、C、D；“三个机制”：…)
        first = parts[0]
        comma = _CLAUSE_STOP.search(first)
        named = first[: comma.start() if comma else len(first)].split("、")
        if max(map(len, named)) <= _MAX_NAMED_MEMBER:
            if comma and "、" in first[comma.end() :]:
                return None  # 习惯性麻木、出现亏损无所作为，习惯性回避、…: pairs, or a clause after the list
            parts = named
        elif len(parts) == 1:
            return None  # clauses joined by 、: no list of names to count
    parts = [p for p in (p.strip() for p in parts) if p]
    if len(parts) < 2 or parts[-1].endswith(_OPEN_LIST):
        return None
    return parts


_SENTENCE_STOP = re.compile(r"[。！？!?\n]")
_MAX_NAMED_MEMBER = 20  # longer parts between 、 are clauses, and the list's members are split by ；
_ENCLOSED = re.compile(r"“[^“”]*”|《[^《》]*》|（[^（）]*）|\([^()]*\)")
_CLAUSE_STOP = re.compile(r"[，,]")


def masked_enclosures(text: str) -> str:
    """``text`` with what is inside quotes, titles and brackets masked (same length), so that the
    separators there separate no members of a list."""
    return _ENCLOSED.sub(lambda m: "○" * len(m.group(0)), text)


JOINERS = re.compile(r"以及|和|及|与")  # what joins the last two members of a 、 list


def member_counts(parts: list[str]) -> set[int]:
    """How many members the parts of a list between 、 may be: one more when the last part joins
    two by 和, 及, 与 or 以及 (政治意识、大局意识、核心意识和看齐意识: 3 or 4), or holds 以及 whatever else
    it holds (…；扶贫领域腐败和作风问题线索以及各项整改工作中的问题: 以及 joins members, 和 their words)."""
    joined = len(JOINERS.split(parts[-1])) == 2 or "以及" in parts[-1]
    return {len(parts), len(parts) + 1} if joined else {len(parts)}


_OPEN_LIST = ("等", "等等")


# ---------------------------------------------------------------------------- component


class StructureComponent(Batched):
    """Writes :func:`parse_structure` results onto the Doc as spans."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.is_name = name_test(nlp)
        self.is_one_name = name_test(nlp, whole=True)
        self.joins_across = join_test(nlp)
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        structure = parse_structure(doc_text(doc), self.is_name, self.is_one_name, self.joins_across)
        spans: list[Span] = []

        def add(start: int, end: int, label: str, **attrs) -> Span | None:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None:
                return None
            underscore = span._  # (a new object at each ``span._``)
            for key, value in attrs.items():
                if value is not None:  # None is every attribute's default: skip the write
                    setattr(underscore, key, value)
            spans.append(span)
            return span

        credited: list[tuple[int, int, str]] = []
        for a, art in enumerate(structure.articles):
            add(art.start, art.end, "ARTICLE", article=a, fields={"doc_type": art.doc_type} if art.doc_type else None)
            for b in art.boilerplate:
                add(b.start, b.end, "BOILERPLATE", article=a)
            if art.title:
                add(art.title.start, art.title.end, "TITLE", article=a)
            if art.byline:
                by = art.byline
                add(by.start, by.end, "BYLINE", article=a, fields={"role": by.role, "name": by.name, "names": list(by.names), "affiliation": by.affiliation})
                credited.extend(by.persons)
            for b in art.subtitles:
                add(b.start, b.end, "SUBTITLE", article=a)
            if art.doc_number:
                add(art.doc_number.start, art.doc_number.end, "DOC_NUMBER", article=a)
            if art.date:
                # only the article: a figure span has the same offsets, and spaCy keys span attributes by offsets
                add(art.date.start, art.date.end, "DATE", article=a)
            if art.interviewee:
                one = art.interviewee
                add(one.start, one.end, "INTERVIEWEE", article=a, fields={"person": one.person})
                if one.person:
                    credited.append((one.start, one.end, one.name))
            if art.dateline:
                d = art.dateline
                add(d.start, d.end, "DATELINE", article=a, fields={"agency": d.agency, "place": d.place, "date": d.date, "position": d.position})
            qa_of = {id(b): q for q, one in enumerate(art.qa) for b in (one.question, *one.answers)}
            speakers = {id(one.question): {"asker": one.asker, "answerer": one.answerer} for one in art.qa}
            for s_i, sec in enumerate(art.sections):
                if sec.heading:
                    add(sec.heading.start, sec.heading.end, "HEADING", article=a, section=s_i, level=sec.level, numbering=sec.numbering)
                for b in sec.blocks:
                    if b.kind == "dateline":
                        continue
                    if b.kind in ("paragraph", "lead"):
                        credited.extend(listed_names(b, _rules(), self.is_name))  # 丁薛祥 马兴瑞 王 毅: people, as a byline's are
                    add(
                        b.start,
                        b.end,
                        b.kind.upper(),
                        article=a,
                        section=s_i,
                        qa=qa_of.get(id(b)),
                        marker=b.marker,
                        duplicate_of=b.duplicate_of,
                        clean_text=b.text if b.joins else None,
                        fields=speakers.get(id(b)),
                    )
            qa_of_list = {it.list_start: q for q, one in enumerate(art.qa) for it in one.items}
            items = _all_items(art)
            index_of = {}
            for n, members in enumerate(_runs(items).values()):
                index_of[members[0].list_start] = n
                fields = {"index": n, "family": members[0].family, "count": len(members), "lead": members[0].lead}
                # from the first item's text, not its marker: a list may fill its paragraph, whose offsets a span may not share
                add(members[0].start, members[-1].end, "LIST", article=a, qa=qa_of_list.get(members[0].list_start), fields=fields)
            for it in items:  # in text order, a list inside another's item (（一）… 一是 … 二是 … （二）) between its items
                fields = {"list": index_of[it.list_start]}
                add(it.start, it.end, "ITEM", article=a, qa=qa_of_list.get(it.list_start), marker=it.marker, number=it.number, family=it.family, clean_text=it.text, fields=fields)
            for start, end in art.quotations:
                add(start, end, "QUOTATION", article=a)
            for start, end, kind in art.reactions:
                add(start, end, "REACTION", article=a, fields={"kind": kind})
        doc.spans["structure"] = spans
        doc.user_data[CREDITED_KEY] = credited  # plain data: a Doc still serialises
        by_label: dict[str, list[int]] = {}
        for i, span in enumerate(spans):
            by_label.setdefault(span.label_, []).append(i)
        doc.user_data[LABELS_KEY] = by_label  # (plain data too)
        doc._.notes = list(doc._.notes or []) + structure.notes
        doc._.checks = list(doc._.checks or []) + structure.checks
        doc._.excluded = [(n["start"], n["end"]) for n in structure.notes if n["code"] == "duplicate_paragraph"]
        return doc


def structure_spans(doc: Doc, *labels: str) -> list[Span]:
    """The spans of ``doc.spans["structure"]`` with one of ``labels``, in order. The component notes where each
    label's spans are in the group, so the others (most of them) are never made into Span objects; a Doc made
    otherwise is scanned."""
    group = doc.spans["structure"] if "structure" in doc.spans else None
    if group is None:
        return []
    index = doc.user_data.get(LABELS_KEY)
    if index is None or sum(map(len, index.values())) != len(group):
        return [s for s in group if s.label_ in labels]
    return [group[i] for i in sorted(i for label in labels for i in index.get(label, ()))]


def set_aside(doc: Doc, *, labels: tuple[str, ...] = ("BOILERPLATE", "CONTENTS"), keep_duplicates: bool = False) -> list[tuple[int, int]]:
    """Sorted ``(start, end)`` ranges left out of counts: the structure spans of ``labels`` (web-page leftovers: a
    toolbar, the links under 相关新闻), a table of contents' entries (the headings they repeat count once) and,
    unless ``keep_duplicates``, duplicated paragraphs."""
    ranges = [(s.start_char, s.end_char) for s in structure_spans(doc, *labels)]
    if not keep_duplicates:
        ranges += list(doc._.excluded or [])
    return sorted(ranges)


@Language.factory(
    "tifa_structure",
    assigns=["doc.spans", "doc._.notes", "doc._.excluded", "doc._.checks"],
    default_config={},
)
def make_structure(nlp: Language, name: str) -> StructureComponent:
    """Registered factory for the structure component."""
    return StructureComponent(nlp, name)
