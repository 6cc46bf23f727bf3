"""HTML report: a pure function of (Doc, Source), safe with hostile input, and checked in a real browser."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

import tifalens
import tifalens.analysis
from tifalens.export.html import Mark, asset, fill_text, nest_marks, report_html, to_html

EXE = shutil.which("tifalens") or str(Path(sys.executable).with_name("tifalens"))
VOID = {"meta", "input", "br", "img", "link", "hr", "area", "base", "col", "embed", "source", "track", "wbr"}
# Every element the templates write; anything else would have come from the input.
TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "span", "main", "section",
    "nav", "ol", "ul", "li", "a", "div", "input", "table", "thead", "tbody", "tr", "th", "td", "code", "script", "time",
}
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
    "--disable-component-update", "--disable-sync",
]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, timeout=120)


# ---------------------------------------------------------------------------- a small DOM


@dataclass
class El:
    tag: str
    attrs: dict[str, str | None]
    parent: "El | None" = None
    children: list = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, El):
                yield from c.iter()

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list["El"]:
        return [e for e in self.iter() if (tag is None or e.tag == tag) and (cls is None or cls in e.classes())]

    def by_id(self, ident: str) -> "El":
        (found,) = [e for e in self.iter() if e.attrs.get("id") == ident]
        return found


class DomParser(HTMLParser):
    """Builds an :class:`El` tree and keeps every start tag with its raw attribute list."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = El("#root", {})
        self.current = self.root
        self.start_tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.start_tags.append((tag, attrs))
        el = El(tag, dict(attrs), self.current)
        self.current.children.append(el)
        if tag not in VOID:
            self.current = el

    def handle_startendtag(self, tag, attrs):
        self.start_tags.append((tag, attrs))
        self.current.children.append(El(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(page: str) -> DomParser:
    parser = DomParser()
    parser.feed(page)
    parser.close()
    return parser


def assert_no_markup_from_input(page: str) -> DomParser:
    """Only template elements, no event handlers, no links leaving the page, one script: ours."""
    dom = parse(page)
    tags = {tag for tag, _ in dom.start_tags}
    assert tags <= TEMPLATE_TAGS, tags - TEMPLATE_TAGS
    for tag, attrs in dom.start_tags:
        names = [name.lower() for name, _ in attrs]
        assert not [n for n in names if n.startswith("on")], (tag, attrs)
        assert len(names) == len(set(names)), (tag, attrs)
        assert set(names) <= {"class", "id", "title", "href", "lang", "charset", "name", "content", "http-equiv", "type", "placeholder", "aria-label", "aria-sort", "data-table", "data-key", "data-type", "data-term", "data-category", "hidden", "datetime"}, (tag, attrs)
        href = dict(attrs).get("href")
        assert href is None or re.fullmatch(r"#[A-Za-z0-9-]+", href), href
    scripts = dom.root.find_all("script")
    assert [s.text().strip() for s in scripts] == [asset("report.js")]
    return dom


# ---------------------------------------------------------------------------- pure function


@pytest.fixture(scope="module")
def seed_page(seed_result) -> str:
    return to_html(seed_result.doc, seed_result.source)


def tifa_counts_by_category(root: El) -> Counter:
    return Counter(e.attrs["data-category"] for e in root.find_all("span", "tifa"))


def expected_counts_by_category(data: dict) -> Counter:
    counts: Counter = Counter()
    for t in data["terms"]:
        counts[t["category"] or ""] += t["count"]
    return counts


def test_seed_report_outline_text_and_tables(seed_result, seed_page):
    data = seed_result.to_dict()
    dom = assert_no_markup_from_input(seed_page)
    root = dom.root
    assert [a.text() for a in root.find_all("a", "article-title")] == [
        "中组部负责人介绍二十大代表选举工作有关情况",
        "党史上首次将党的全国代表大会相关工作面向全党全社会公开征求意见",
    ]
    assert len(root.find_all("li", "qa")) == 7
    # each article dated by its dateline's day in the year of the file's name
    assert [t.attrs["datetime"] for t in root.find_all("time")] == ["2022-09-26", "2022-09-26"]
    assert [li.text().strip() for li in root.by_id("d0").find_all("li", "qa")[1].find_all("li", "item")][:2] == [
        "一是 生产和工作第一线党员代表比例得到保证。",
        "二是 女党员代表数量增加,少数民族党员代表比例保持稳定。",
    ]
    # Every outline link lands on an anchor of the page.
    ids = [e.attrs["id"] for e in root.iter() if "id" in e.attrs]
    assert len(ids) == len(set(ids))
    assert {a.attrs["href"][1:] for a in root.find_all("a")} <= set(ids)
    # The full text is the analysed text, character for character, with the marks on top.
    (full,) = root.find_all("div", "fulltext")
    assert full.text() == seed_result.source.text
    assert tifa_counts_by_category(full) == expected_counts_by_category(data)
    assert sum(tifa_counts_by_category(full).values()) == len(seed_result.doc.spans["tifa"]) > 10
    assert len(full.find_all("span", "unseen")) == sum(t["count"] for t in data["terms"] if not t["known"])
    top = data["terms"][0]
    first = root.by_id("d0-t0-0")
    assert (first.text(), first.attrs["title"]) == (top["term"], " · ".join(x for x in (top["term"], top["category"], top["expansion"]) if x))
    # The two duplicated paragraphs are marked, and so are the two joins.
    dups = full.find_all("span", "dup")
    notes = [n for n in data["notes"] if n["code"] == "duplicate_paragraph"]
    assert [d.text() for d in dups] == [seed_result.source.text[n["start"] : n["end"]] for n in notes]
    assert len(full.find_all("span", "joined")) == 2
    # Tables: a row per term, per note.
    terms_rows = root.by_id("d0-terms-table").find_all("tr")[1:]
    assert [r.find_all("td")[0].text() for r in terms_rows] == [t["term"] for t in data["terms"]]
    assert [[td.text() for td in r.find_all("td")] for r in terms_rows] == [
        [t["term"], str(t["count"]), t["category"] or "", t["expansion"] or "", t["gloss"]["text"] if t["gloss"] else "", "known" if t["known"] else "unseen", "" if t["first_used"] is None else str(t["first_used"])]
        for t in data["terms"]
    ]
    assert len(root.by_id("d0-notes-table").find_all("tr")) == 1 + 4
    assert len(root.by_id("d0-figures-table").find_all("tr")) == 1 + len(data["stats"]) > 20
    assert len(root.by_id("d0-checks-table").find_all("tr")) == 1 + len(data["checks"]) > 2
    # People, places, organisations: each name once, with its full name and count.
    entity_rows = [[td.text() for td in r.find_all("td")] for r in root.by_id("d0-entities-table").find_all("tr")[1:]]
    assert sum(int(r[4]) for r in entity_rows) == len(data["entities"])
    assert ["北京", "place", "北京市", "", "2"] in entity_rows and ["中组部", "organisation", "中共中央组织部", "", "1"] in entity_rows
    assert ["时伟", "person", "", "江苏省委党校教授", "1"] in entity_rows  # the office a person is named after
    assert len({tuple(r[:3]) for r in entity_rows}) == len(entity_rows)
    # Each occurrence is marked in the text; each name in the table links to its first one.
    marked = [e for e in full.iter() if "ent" in e.classes()]
    assert [(e.text(), e.attrs["id"]) for e in marked] == [(e["text"], f"d0-e{n}") for n, e in enumerate(data["entities"])]
    for row in root.by_id("d0-entities-table").find_all("tr")[1:]:
        (link,) = row.find_all("a")
        target = root.by_id(link.attrs["href"][1:])
        assert target.text() == link.text() and target.attrs["id"] == next(f"d0-e{n}" for n, e in enumerate(data["entities"]) if e["text"] == link.text())


def test_the_outline_indents_headings_by_level(nlp):
    text = "工作报告\n\n一、过去一年的工作\n\n我们做了大量工作。\n\n（一）稳定经济增长\n\n经济总量稳步提升。\n\n二、今年的任务\n\n今年要做好工作。\n"
    result = tifalens.analyze(text, nlp=nlp)
    root = assert_no_markup_from_input(to_html(result.doc, result.source)).root
    sections = [li for li in root.find_all("li", "section") if li.find_all("a", "heading")]
    assert [(li.find_all("a", "heading")[0].text(), [c for c in li.classes() if c.startswith("level-")]) for li in sections] == [
        ("一、过去一年的工作", ["level-1"]), ("（一）稳定经济增长", ["level-2"]), ("二、今年的任务", ["level-1"]),
    ]  # fmt: skip


def test_page_is_self_contained(seed_page):
    assert "http://" not in seed_page and "https://" not in seed_page and "src=" not in seed_page
    assert "@import" not in seed_page and "url(" not in seed_page
    script = asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in seed_page
    assert f"<script>{script}</script>" in seed_page
    assert f"<style>\n{asset('report.css')}\n</style>" in seed_page


def test_figures_and_failed_checks_are_marked_where_they_occur(nlp):
    text = "标题\n\n当选代表中，女党员619名，占27.0%。增强“四个意识”。\n"
    result = tifalens.analysis.analyze_source(tifalens.read_text(text), nlp)
    doc = result.doc
    a, b = text.index("619名"), text.index("27.0%")
    figures = []
    for start, end, fields in [
        (a, a + 4, {"text": "619名", "value": 619, "unit": "名", "kind": "count", "approx": None, "subject": "女党员"}),
        (b, b + 5, {"text": "27.0%", "value": 27.0, "unit": "%", "kind": "share", "approx": "约", "subject": "女党员"}),
    ]:
        span = doc.char_span(start, end)
        span._.fields = {**fields, "start": start, "end": end}
        figures.append(span)
    doc.spans["stats"] = figures
    doc._.checks = [
        {"code": "change", "level": "info", "message": "what it implies", "start": a, "end": a + 4},
        {"code": "share_total", "level": "error", "message": "shares add up to 127%", "start": b, "end": b + 5},
    ]
    root = assert_no_markup_from_input(to_html(doc, result.source)).root
    (full,) = root.find_all("div", "fulltext")
    assert full.text() == text
    assert [(f.text(), f.attrs["title"]) for f in full.find_all("span", "fig")] == [("619名", "619 名 · count · 女党员"), ("27.0%", "≈ 27.0 % · share · 女党员")]
    info, check = full.find_all("span", "check")
    assert (check.classes(), check.attrs["title"], check.text()) == ({"check", "lvl-error"}, "shares add up to 127%", "27.0%")
    assert check.find_all("span", "fig")[0].text() == "27.0%"  # the figure stays highlighted inside the check
    assert info.classes() == {"check", "lvl-info"}
    rows = root.by_id("d0-figures-table").find_all("tr")[1:]
    assert [[td.text() for td in r.find_all("td")] for r in rows] == [
        ["619名", "619", "名", "count", "", "女党员", "what it implies"],
        ["27.0%", "27.0", "%", "share", "约", "女党员", "shares add up to 127%"],
    ]
    # a row is marked failed for a warning or an error, not for what a change implies
    assert [r.classes() for r in rows] == [set(), {"failed"}]
    assert [td.text() for td in root.by_id("d0-checks-table").find_all("td")][4:] == ["error", "share_total", "shares add up to 127%", str(b)]
    # the counts under the document's name say one check, two checks
    assert "· 2 checks ·" in root.find_all("p", "meta")[-1].text() and "· 2 figures ·" in root.find_all("p", "meta")[-1].text()


def test_traditional_text_is_shown_as_written(nlp):
    text = "行政長官致辭\n\n一、經濟\n\n本地生產總值按年實質增長2.5%，特區政府堅持「一國兩制」。\n"
    result = tifalens.analysis.analyze_source(tifalens.read_text(text), nlp)
    root = assert_no_markup_from_input(to_html(result.doc, result.source)).root
    (full,) = root.find_all("div", "fulltext")
    assert full.text() == text
    assert [t.text() for t in full.find_all("span", "tifa")] == ["一國兩制"]
    assert "一、經濟" in [a.text() for a in root.find_all("a")]
    rows = root.by_id("d0-figures-table").find_all("tr")[1:]
    assert [[td.text() for td in r.find_all("td")][:6] for r in rows] == [["2.5%", "2.5", "%", "change", "", "本地生產總值"]]


def test_nest_marks_keeps_nested_and_drops_crossing():
    text = "abcdefghij"
    marks = [
        Mark(0, 6, 1, "outer"),
        Mark(2, 4, 4, "inner"),
        Mark(5, 8, 4, "crossing"),  # starts inside "outer", ends outside: left out
        Mark(6, 6, 0, "point"),
        Mark(8, 12, 4, "out-of-range"),
        Mark(8, 10, 4, "tail"),
    ]
    parts = fill_text(nest_marks(marks, len(text)), text)
    assert parts == [
        {"cls": "outer", "attrs": (), "parts": ["ab", {"cls": "inner", "attrs": (), "parts": ["cd"]}, "ef"]},
        {"cls": "point", "attrs": (), "parts": []},
        "gh",
        {"cls": "tail", "attrs": (), "parts": ["ij"]},
    ]


def test_table_figures_show_their_column(nlp):
    text = "主要指标\n\n指标\t2020年\t2025年\n城镇调查失业率（%）\t5.2\t<5.5\n\n全年城镇新增就业1200万人以上。\n"
    result = tifalens.analysis.analyze_source(tifalens.read_text(text), nlp)
    root = assert_no_markup_from_input(to_html(result.doc, result.source)).root
    table = root.by_id("d0-figures-table")
    assert [th.text() for th in table.find_all("th")] == ["text", "value", "unit", "kind", "approx", "column", "subject", "check"]
    rows = [[td.text() for td in r.find_all("td")] for r in table.find_all("tr")[1:]]
    assert [r for r in rows if r[5]] == [
        ["5.2", "5.2", "%", "percent", "", "2020年", "城镇调查失业率", ""],
        ["<5.5", "5.5", "%", "percent", "以下", "2025年", "城镇调查失业率", ""],
    ]
    assert ["1200万人", "12000000", "人", "count", "以上", "", "全年城镇新增就业", ""] in rows
    # without table figures there is no column column
    plain = tifalens.analysis.analyze_source(tifalens.read_text("全年城镇新增就业1200万人以上。"), nlp)
    header = assert_no_markup_from_input(to_html(plain.doc, plain.source)).root.by_id("d0-figures-table").find_all("th")
    assert [th.text() for th in header] == ["text", "value", "unit", "kind", "approx", "subject", "check"]


def test_figures_show_the_time_they_are_of_where_any_has_one(nlp):
    result = tifalens.analysis.analyze_source(tifalens.read_text("1—10月份，规模以上工业增加值同比增长5.8%。全年城镇新增就业1200万人以上。"), nlp)
    table = assert_no_markup_from_input(to_html(result.doc, result.source)).root.by_id("d0-figures-table")
    assert [th.text() for th in table.find_all("th")] == ["text", "value", "unit", "kind", "approx", "when", "subject", "check"]
    assert [[td.text() for td in r.find_all("td")] for r in table.find_all("tr")[1:]] == [
        ["1—10月份", "--01/--10", "", "date", "", "", "", ""],
        ["5.8%", "5.8", "%", "change", "", "--01/--10", "规模以上工业增加值", ""],
        ["1200万人", "12000000", "人", "count", "以上", "", "全年城镇新增就业", ""],
    ]


def test_empty_and_plain_documents_render(nlp):
    empty = tifalens.Source(path="empty.txt", original="", text="", encoding="utf-8", sha256=hashlib.sha256(b"").hexdigest())
    plain = tifalens.read_text("没有任何结构的一句话。")
    for source in (empty, plain):
        root = assert_no_markup_from_input(to_html(nlp(source.text), source)).root
        assert root.find_all("div", "fulltext")[0].text() == source.text
        assert root.find_all("p", "empty")[0].text() == "No tifa found."


def test_hostile_input_never_becomes_markup(tmp_path):
    lexicon = tmp_path / "evil.tsv"
    lexicon.write_text(
        "term\tcanonical\texpansion\tcategory\n"
        "三个务必\t三个务必\t<script>alert(1)</script>\"><img src=x onerror=alert(1)>\tloyalty\n"
        "<b>恶意</b>提法\t<b>恶意</b>提法\t{{ 7*7 }} javascript:alert(1)\tother\n",
        encoding="utf-8",
    )
    name = tmp_path / '"><img src=x onerror=alert(2)>{{ 7*7 }}.txt'
    text = (
        "<script>alert(1)</script>标题\n\n"
        "问：什么是“四个意识”和\"><img src=x onerror=alert(1)>？\n\n"
        "答：一是坚持“三个务必”，<a href=\"javascript:alert(1)\">点我</a>；二是{{ 7*7 }}{% raw %}和<b>恶意</b>提法。\n"
        "<svg onload=alert(1)> <iframe src=javascript:alert(1)></iframe> ]]><!-- --> &lt;i&gt;\n"
    )
    name.write_text(text, encoding="utf-8")
    out = tmp_path / "report.html"
    proc = run("analyze", str(name), "--lexicon", str(lexicon), "--format", "html", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    page = out.read_text(encoding="utf-8")
    root = assert_no_markup_from_input(page).root
    assert root.find_all("div", "fulltext")[0].text() == text
    assert root.find_all("h2", "doc-title")[0].text() == str(name)
    assert root.find_all("title")[0].text() == f"tifalens report: {name}"
    terms = {e.attrs["data-term"]: e.attrs for e in root.find_all("div", "fulltext")[0].find_all("span", "tifa")}
    assert set(terms) == {"四个意识", "三个务必", "<b>恶意</b>提法"}
    assert terms["三个务必"]["title"] == "三个务必 · loyalty · <script>alert(1)</script>\"><img src=x onerror=alert(1)>"
    assert terms["<b>恶意</b>提法"]["title"] == "<b>恶意</b>提法 · other · {{ 7*7 }} javascript:alert(1)"
    assert "{{ 7*7 }}" in page and ">49<" not in page


def test_several_inputs_make_one_page_with_sections_and_a_summary(tmp_path, seed_path, seed_result):
    seed_counts = {t["term"]: t["count"] for t in seed_result.to_dict()["terms"]}
    shutil.copy(seed_path, tmp_path / "a.txt")
    (tmp_path / "b.txt").write_text("标题\n\n问：什么是“四个意识”？\n\n答：增强“四个意识”，做到“两个确立”。\n", encoding="utf-8")
    proc = run("analyze", str(tmp_path), "--format", "html")
    assert proc.returncode == 0, proc.stderr
    root = assert_no_markup_from_input(proc.stdout.decode()).root
    assert [s.attrs["id"] for s in root.find_all("section", "document")] == ["d0", "d1"]
    rows = {tr.find_all("td")[0].text(): [td.text() for td in tr.find_all("td")[1:3]] for tr in root.by_id("summary-table").find_all("tr")[1:]}
    assert rows["四个意识"] == [str(seed_counts["四个意识"] + 2), "2"]
    assert rows["两个确立"] == [str(seed_counts["两个确立"] + 1), "2"]
    assert set(rows) == set(seed_counts)
    assert all(rows[t][1] == "1" for t in seed_counts if t not in ("四个意识", "两个确立"))
    ids = [e.attrs["id"] for e in root.iter() if "id" in e.attrs]
    assert len(ids) == len(set(ids))
    assert [a.attrs["href"] for a in root.find_all("ul", "doc-list")[0].find_all("a")] == ["#d0", "#d1"]


def test_report_html_of_nothing_is_a_page():
    root = assert_no_markup_from_input(report_html([])).root
    assert root.find_all("section") == []


# ---------------------------------------------------------------------------- real browser


def chromium_binary() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Runs headless Chromium with a throw-away profile; skips when no Chromium is installed."""
    exe = chromium_binary()
    if exe is None:
        pytest.skip("no chromium binary found (apt-get install chromium fonts-noto-cjk; .ci/run does this when it can)")
    profile = tmp_path_factory.mktemp("chromium-profile")

    def launch(*args: str) -> subprocess.CompletedProcess:
        proc = subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, timeout=120)
        assert proc.returncode == 0, proc.stderr[-2000:]
        return proc

    return launch


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory, seed_path) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    proc = run("analyze", str(seed_path), "--format", "html", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.mark.browser
def test_browser_dom_has_highlights_tables_outline_and_sorts(browser, seed_report, seed_result):
    data = seed_result.to_dict()
    dom = parse(browser("--dump-dom", seed_report.as_uri() + "#sort=count").stdout.decode("utf-8"))
    root = dom.root
    (full,) = root.find_all("div", "fulltext")
    assert full.text() == seed_result.source.text
    assert tifa_counts_by_category(full) == expected_counts_by_category(data)
    assert [a.text() for a in root.find_all("a", "article-title")] == [a["title"] for a in data["articles"]]
    assert len(root.find_all("li", "qa")) == 7
    table = root.by_id("d0-terms-table")
    rows = table.find_all("tr")[1:]
    # The script ran: #sort=count put the rows in ascending order of count (ties keep their order).
    assert [r.find_all("td")[0].text() for r in rows] == [t["term"] for t in sorted(data["terms"], key=lambda t: t["count"])]
    assert [th.attrs.get("aria-sort") for th in table.find_all("th")] == [None, "ascending", None, None, None, None, None]


@pytest.mark.browser
def test_browser_filter_and_descending_sort_from_the_address(browser, seed_report, seed_result):
    data = seed_result.to_dict()
    url = seed_report.as_uri() + "#sort=-term&filter=" + "两个"
    root = parse(browser("--dump-dom", url).stdout.decode("utf-8")).root
    rows = root.by_id("d0-terms-table").find_all("tr")[1:]
    shown = {r.find_all("td")[0].text() for r in rows if "hidden" not in r.attrs}
    assert shown == {t["term"] for t in data["terms"] if "两个" in t["term"] + (t["expansion"] or "")}
    assert "两个确立" in shown and 0 < len(shown) < len(rows)
    assert root.by_id("d0-terms-table").find_all("th")[0].attrs["aria-sort"] == "descending"


@pytest.mark.browser
def test_browser_screenshot_is_a_rendered_page(browser, seed_report, tmp_path):
    image = pytest.importorskip("PIL.Image", reason="Pillow (installed with matplotlib in the test extra) checks the pixels")
    png = tmp_path / "report.png"
    browser(f"--screenshot={png}", "--window-size=1280,1600", "--hide-scrollbars", seed_report.as_uri())
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with image.open(png) as img:
        assert img.size == (1280, 1600)
        colors = img.convert("RGB").getcolors(maxcolors=1 << 20)
    assert len(colors) > 500  # text, highlights and tables, not a blank page


@pytest.mark.browser
def test_browser_draws_chinese_glyphs_not_boxes(browser, tmp_path):
    """Two different characters look different only if a CJK font is there (missing glyphs are identical boxes)."""
    image = pytest.importorskip("PIL.Image", reason="Pillow (installed with matplotlib in the test extra) checks the pixels")
    css = asset("report.css")
    page = tmp_path / "glyphs.html"
    page.write_text(
        f"<!DOCTYPE html><meta charset='utf-8'><style>{css} div{{font-size:64px;line-height:100px;height:100px;margin:0}}</style>"
        "<body style='margin:0'><div>中中中中</div><div>国国国国</div></body>",
        encoding="utf-8",
    )
    png = tmp_path / "glyphs.png"
    browser(f"--screenshot={png}", "--window-size=400,200", "--hide-scrollbars", page.as_uri())
    with image.open(png) as img:
        top, bottom = img.convert("L").crop((0, 0, 400, 100)), img.convert("L").crop((0, 100, 400, 200))
        assert top.getextrema()[0] < 128  # something dark was drawn
        assert top.tobytes() != bottom.tobytes()


@pytest.mark.browser
def test_browser_runs_no_markup_from_input(browser, tmp_path):
    f = tmp_path / "evil.txt"
    f.write_text("标题\n\n正文<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>“四个意识”。\n", encoding="utf-8")
    out = tmp_path / "evil.html"
    assert run("analyze", str(f), "--format", "html", "-o", str(out)).returncode == 0
    root = parse(browser("--dump-dom", out.as_uri()).stdout.decode("utf-8")).root
    assert root.find_all("img") == [] and len(root.find_all("script")) == 1
    assert root.find_all("title")[0].text() == f"tifalens report: {f}"
