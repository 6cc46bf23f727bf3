"""Web pages saved as HTML: read as the text a browser shows, with offsets into the page."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

import tifalens
from tifalens.markup import html_edits, is_page
from tifalens.reading import read_bytes

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>国务院常务会议部署稳就业工作</title>
<style>p { color: red; }</style>
<script>var s = "<p>不是正文</p>"; if (a < b && c > d) {}</script></head>
<body><!-- 导航 --><div class="nav"><a href="/">首页</a> &gt; <a href="/zx">时政</a></div>
<p>&emsp;新华社北京3月1日电 会议指出，今年城镇新增就业目标为1200万人以上，
城镇调查失业率控制在5.5%左右。</p>
<p>要增强&#8220;四个意识&#8221;，坚定&ldquo;四个自信&rdquo;。<br>Open and
inclusive.</p>
<table><tr><td>指标</td><td>2024年</td></tr></table>
</body></html>
"""


def test_a_page_is_read_as_its_text():
    src = read_bytes(PAGE.encode("utf-8"), path="page.html")
    lines = [line.strip() for line in src.text.split("\n") if line.strip()]
    assert lines == [
        "国务院常务会议部署稳就业工作",
        "首页 > 时政",
        "新华社北京3月1日电 会议指出，今年城镇新增就业目标为1200万人以上，城镇调查失业率控制在5.5%左右。",
        "要增强“四个意识”，坚定“四个自信”。",
        "Open and inclusive.",
        "指标 2024年",
    ]
    assert [n.code for n in src.notes] == ["html"]
    assert "不是正文" not in src.text and "color" not in src.text and "导航" not in src.text


def test_every_character_read_comes_from_one_character_of_the_page():
    src = read_bytes(PAGE.encode("utf-8"), path="page.html")
    for i, ch in enumerate(src.text):
        o = src.original_offset(i)
        if src.original[o] != ch:  # a tag's < read as a line break or a space, an entity's & as its character
            assert src.original[o] in "<&" or (ch == " " and src.original[o] in "\n\u2003"), (i, ch, src.original[o])
    start = src.text.index("1200万人")
    a, b = src.to_original(start, start + len("1200万人"))
    assert src.original[a:b] == "1200万人"
    quote = src.text.index("“四个意识”")
    assert src.original[src.original_offset(quote) :].startswith("&#8220;四个意识&#8221;")


def test_the_analysis_of_a_page_points_into_the_page(tmp_path, nlp):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    result = tifalens.analyze(path=tmp_path / "page.html", nlp=nlp)
    data = result.to_dict()
    assert data["articles"][0]["title"] == "国务院常务会议部署稳就业工作"
    assert {t["term"]: t["count"] for t in data["terms"]} == {"四个意识": 1, "四个自信": 1}
    assert [(s["text"], PAGE[s["orig_start"] : s["orig_end"]]) for s in data["stats"]][:2] == [("1200万人", "1200万人"), ("5.5%", "5.5%")]


def test_an_ampersand_that_names_no_entity_stays_as_written():
    page = "<p>R&D投入，A&B公司&foo;与&amp;合作&#20013;国</p>"
    assert html_edits(page).apply(page) == "\nR&D投入，A&B公司&foo;与&合作中国\n"


def test_only_a_page_is_read_as_one():
    assert is_page(PAGE) and is_page("\n<!-- saved -->\n<html><body><p>正文</p></body></html>") and is_page("<p>正文。</p><p>又一段。</p>")
    for text in ("<<中华人民共和国宪法>>第一条", "正文<p>中的标记</p>", "<2024年工作要点>\n一、总体要求", "a < b 且 c > d"):
        assert not is_page(text)
        assert [n.code for n in read_bytes(text.encode("utf-8"), path="t.txt").notes] == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["p", "div", "span", "b", "td", "br", "script"]),
            st.text(alphabet="两个确立增强四个意识12%, \n&<>;", min_size=0, max_size=12),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_edits_never_make_a_character_the_page_does_not_hold(parts):
    page = "<html><body>" + "".join(f"<{tag}>{html.escape(text, quote=False)}</{tag}>" for tag, text in parts) + "</body></html>"
    edits = html_edits(page)
    text = edits.apply(page)
    kept = [i for i in range(len(page)) if not any(a <= i < b for a, b in edits.drops)]
    assert len(kept) == len(text)
    for i, ch in zip(kept, text):
        assert ch == page[i] or edits.replacements.get(i) == ch
    visible = "".join(text.split())
    assert visible == "".join("".join(t.split()) for tag, t in parts if tag != "script")


def test_an_h1_heads_the_page_instead_of_the_pages_name():
    page = "<html><head><title>会议部署稳就业工作--时政--人民网</title></head><body><h1>会议部署稳就业工作</h1><p>正文。</p></body></html>"
    src = read_bytes(page.encode("utf-8"), path="page.html")
    assert [line for line in src.text.split("\n") if line.strip()] == ["会议部署稳就业工作", "正文。"]
    # with no <h1>, the page's name is its first line
    src = read_bytes(page.replace("h1>", "p>").encode("utf-8"), path="page.html")
    assert [line for line in src.text.split("\n") if line.strip()][0] == "会议部署稳就业工作--时政--人民网"
