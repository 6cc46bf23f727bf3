"""Structure recovery: the seed's two articles, and variants written for these tests."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import tifalens
from tifalens.components.structure import cn_small_number, parse_structure
from tifalens.reading import read, read_bytes


@pytest.fixture(scope="module")
def seed_structure(seed_path):
    return parse_structure(read(seed_path).text)


def test_seed_article_one(seed_structure):
    arts = seed_structure.articles
    assert len(arts) == 2
    a = arts[0]
    assert a.title.text == "中组部负责人介绍二十大代表选举工作有关情况"
    assert [s.text for s in a.subtitles] == ["坚持把政治标准放在首位 严把政治关廉洁关身份关"]
    headings = [s.heading.text for s in a.sections if s.heading]
    assert headings == [
        "把加强党的领导贯穿代表选举全过程",
        "代表结构合理、分布广泛",
        "代表选举严格按照党中央规定的程序步骤",
        "坚决防止“带病提名”“带病当选”",
        "各选举单位基层党组织参与实现全覆盖",
        "普遍实行差额考察和考察预告",
        "选举工作确保风清气正",
    ]
    assert len(a.qa) == 7
    assert [q.heading.text for q in a.qa] == headings
    assert a.qa[0].question.text == "问:首先,请您介绍一下二十大代表选举工作的总体情况。"
    assert len(a.qa[0].answers) == 3
    assert [i.marker for i in a.qa[1].items] == ["一是", "二是", "三是", "四是", "五是", "六是"]
    assert a.qa[1].items[0].text.startswith("生产和工作第一线党员代表比例得到保证。")
    assert [i.marker for i in a.qa[2].items] == ["一是", "二是", "三是", "四是"]
    assert [i.marker for i in a.qa[4].items] == []
    d = a.dateline
    assert (d.text, d.agency, d.place, d.date, d.position) == ("(新华社北京9月26日电)", "新华社", "北京", "9月26日", "closing")
    lead = a.sections[0].blocks[0]
    assert lead.kind == "lead" and lead.text.startswith("在以习近平同志为核心的党中央坚强领导下")


def test_seed_article_two(seed_structure):
    b = seed_structure.articles[1]
    assert b.title.text == "党史上首次将党的全国代表大会相关工作面向全党全社会公开征求意见"
    assert [s.text for s in b.subtitles] == ["收集各类建言 超过854.2万条"]
    bullets = [blk.text for sec in b.sections for blk in sec.blocks if blk.kind == "bullet"]
    assert bullets == [
        "- 各平台征求意见页面总阅读量达6.6亿次",
        "- 民生类意见建议最多,约占三分之一",
        "- 有关方面将认真研究、充分吸收收集的意见建议",
    ]
    assert [s.heading.text for s in b.sections if s.heading] == [
        "聚焦加强党的建设,一条条建议深情表达对兴党强党的热切期盼",
        "建言国家治理,一句句留言饱含着网友对国家发展的热切关心",
        "围绕民生期盼,一条条建言蕴含着广大群众对美好生活的由衷向往",
    ]
    assert b.dateline.text == "(新华社北京9月26日电)"
    dups = [blk for sec in b.sections for blk in sec.blocks if blk.duplicate_of is not None]
    assert [d.text[:12] for d in dups] == ["江苏省委党校教授时伟表示", "党的执政能力建设事关党和"]
    quotes = [blk.text[:6] for sec in b.sections for blk in sec.blocks if blk.kind == "quote"]
    assert quotes == ["“此次活动听", "“通过网络广", "“开展网络征", "“短时间,通"]


def test_seed_joins_broken_paragraphs(seed_path, seed_structure):
    text = read(seed_path).text
    joined = [n for n in seed_structure.notes if n["code"] == "joined_paragraph"]
    assert len(joined) == 2
    assert [text[n["start"] - 3 : n["start"]] for n in joined] == ["以后入", "对人选进"[-3:]]
    blocks = [blk for sec in seed_structure.articles[0].sections for blk in sec.blocks]
    merged = [blk.text for blk in blocks if blk.joins]
    assert any("改革开放以后入党的2224名,占96.9%" in t for t in merged)
    assert any("普遍对人选进行严格组织考察" in t for t in merged)
    assert sum(n["code"] == "duplicate_paragraph" for n in seed_structure.notes) == 2


def articles(text: str):
    return parse_structure(read_bytes(text.encode("utf-8"), path="t").text).articles


def test_reporter_marker_and_fullwidth_colons():
    (a,) = articles("专访标题\n\n记者：今年的工作有哪些亮点？\n\n张局长：主要有三点。\n\n记者：下一步怎么做？\n\n答：继续推进。\n")
    assert [q.question.marker for q in a.qa] == ["记者：", "记者："]
    assert [[b.text for b in q.answers] for q in a.qa] == [["张局长：主要有三点。"], ["答：继续推进。"]]


def test_numbered_questions_with_tabs_and_ideographic_spaces():
    text = "座谈会答问\n\n\t1.问：请介绍背景。\n\t答：背景如下。\n\u3000\u3000第二段答案。\n\t2.问：有何要求？\n\t答：要求很多。\n"
    (a,) = articles(text)
    assert [q.question.marker for q in a.qa] == ["1.问：", "2.问："]
    assert [len(q.answers) for q in a.qa] == [2, 1]
    assert a.qa[0].answers[1].text == "第二段答案。"


def test_leading_datelines_split_articles():
    text = (
        "第一篇标题\n新华社北京3月5日电（记者 张三）第一篇正文很长很长的内容。\n第二段内容。\n"
        "第二篇标题\n本报北京3月6日电 第二篇正文。\n"
        "第三篇标题\n本报讯（记者 李四）第三篇正文。\n"
        "第四篇标题\n【本报讯】行政长官今日发表施政报告。\n"
        "第五篇标题\n【新华社香港10月1日电】行政长官出席酒会。\n"
    )
    arts = articles(text)
    assert [a.title.text for a in arts] == ["第一篇标题", "第二篇标题", "第三篇标题", "第四篇标题", "第五篇标题"]
    assert [(a.dateline.agency, a.dateline.place, a.dateline.date, a.dateline.position) for a in arts] == [
        ("新华社", "北京", "3月5日", "leading"),
        ("本报", "北京", "3月6日", "leading"),
        ("本报", "", "", "leading"),
        ("本报", "", "", "leading"),
        ("新华社", "香港", "10月1日", "leading"),
    ]
    assert arts[0].dateline.text == "新华社北京3月5日电（记者 张三）"
    assert arts[3].dateline.text == "【本报讯】"
    assert arts[4].dateline.text == "【新华社香港10月1日电】"


def test_a_title_over_a_dated_lead_opens_another_item_after_one_with_a_dateline():
    first = "习近平会见法国总统\n\n新华社北京3月12日电 国家主席习近平12日在人民大会堂会见法国总统。\n\n习近平指出，中法关系保持稳定发展势头。\n\n"
    second = "中共河南省委常委会召开会议\n\n3月14日，省委常委会召开会议，传达学习全国两会精神。\n\n会议强调，要坚决做到“两个维护”。\n"
    arts = articles(first + second)
    assert [(a.title.text, a.dateline and a.dateline.text) for a in arts] == [
        ("习近平会见法国总统", "新华社北京3月12日电"), ("中共河南省委常委会召开会议", None),
    ]  # fmt: skip
    assert arts[1].sections[0].blocks[0].text.startswith("3月14日，")
    # not a section of one article: with no dateline before it, under a quoted or numbered subhead
    for text in (
        "习近平会见法国总统\n\n国家主席习近平12日在人民大会堂会见法国总统。\n\n" + second,
        first + second.replace("中共河南省委常委会召开会议", "“要把群众的事当成自己的事”"),
        first + second.replace("中共河南省委常委会召开会议", "二、省委常委会召开会议"),
    ):
        assert len(articles(text)) == 1


def test_closing_dateline_fullwidth_with_space_splits():
    text = "甲文标题\n\n甲文正文第一段。\n\n甲文正文第二段。（ 新华社上海5月1日电 ）\n\n乙文标题\n\n乙文正文。\n"
    arts = articles(text)
    assert len(arts) == 2
    assert arts[0].dateline.place == "上海" and arts[0].dateline.date == "5月1日"
    assert arts[1].title.text == "乙文标题" and arts[1].dateline is None
    # in square brackets, as web pages write it
    arts = articles(text.replace("（ 新华社上海5月1日电 ）", "【新华社上海5月1日电】"))
    assert len(arts) == 2 and (arts[0].dateline.text, arts[0].dateline.position) == ("【新华社上海5月1日电】", "closing")


@pytest.mark.parametrize(
    ("footer", "agency", "date"),
    [
        ("（人民日报2025年7月20日 01版）", "人民日报", "2025-07-20"),
        ("《 人民日报 》（ 2025年07月20日 01 版）", "人民日报", "2025-07-20"),
        ("(光明日报2024年3月1日)", "光明日报", "2024-03-01"),
    ],
)
def test_a_papers_source_line_closes_an_article_and_dates_it(footer, agency, date):
    text = (
        "以钉钉子精神抓好改革落实\n人民日报评论员\n\n全面深化改革，关键在落实。各级党组织要切实扛起政治责任。\n\n"
        f"{footer}\n\n中办国办印发《关于加强基层治理的意见》\n\n新华社北京7月21日电 近日，中共中央办公厅印发了意见。\n"
    )
    first, second = articles(text)
    assert first.title.text == "以钉钉子精神抓好改革落实" and second.title.text == "中办国办印发《关于加强基层治理的意见》"
    assert (first.byline.role, first.byline.name) == (None, "人民日报评论员") and not first.subtitles  # a collective author
    assert (first.dateline.text, first.dateline.agency, first.dateline.position, first.date.value) == (footer, agency, "closing", date)
    assert (second.dateline.agency, second.dateline.position) == ("新华社", "leading")


def test_parenthesised_enumeration_and_di():
    text = "标题\n\n会议指出：（一）坚持党的领导；（二）坚持人民至上；（三）坚持自我革命。\n\n第一，要学习。第二，要落实。\n"
    (a,) = articles(text)
    assert [(i.marker, i.text) for i in a.items] == [
        ("（一）", "坚持党的领导；"),
        ("（二）", "坚持人民至上；"),
        ("（三）", "坚持自我革命。"),
        ("第一", "要学习。"),
        ("第二", "要落实。"),
    ]
    # the comma after 第一 belongs to neither the marker nor the item
    assert [text[i.start : i.end] for i in a.items[3:]] == ["要学习。", "要落实。"]


def test_sequence_words_and_arabic_items_in_answers():
    text = "标题\n\n问：怎么做？\n\n答：首先，统一思想。其次，完善制度。最后，狠抓落实。\n\n1.加强领导。\n\n2.强化考核。\n"
    (a,) = articles(text)
    assert [(i.marker, i.number) for i in a.qa[0].items] == [("首先", 1), ("其次", 2), ("最后", 4), ("1.", 1), ("2.", 2)]


def test_single_marker_and_words_are_not_enumerations():
    (a,) = articles("标题\n\n一是要坚持，这很重要。统一是前提，第一线的同志最辛苦。\n")
    assert a.items == []


def test_crlf_bom_file_structure():
    text = "\ufeff标题一\r\n\r\n副标题\r\n\r\n正文第一段，内容。\r\n\r\n小标题\r\n\r\n正文第二段。\r\n"
    src = read_bytes(text.encode("utf-8"), path="t")
    (a,) = parse_structure(src.text).articles
    assert a.title.text == "标题一" and [s.text for s in a.subtitles] == ["副标题"]
    assert [s.heading.text for s in a.sections if s.heading] == ["小标题"]
    heading = a.sections[-1].heading
    o1, o2 = src.to_original(heading.start, heading.end)
    assert src.original[o1:o2] == "小标题"


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_legacy_encodings_structure(tmp_path, encoding):
    text = "中組部負責人答記者問\n\n問：請介紹一下情況。\n\n答：一是堅持標準；二是嚴格程序。\n" if encoding == "big5" else "中组部负责人答记者问\n\n问：请介绍一下情况。\n\n答：一是坚持标准；二是严格程序。\n"
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    src = read(path, t2s=True)
    (a,) = parse_structure(src.text).articles
    assert a.title.text == "中组部负责人答记者问"
    assert a.qa[0].question.text == "问：请介绍一下情况。"
    assert [i.marker for i in a.qa[0].items] == ["一是", "二是"]


def test_web_leftovers_and_photo_credit_are_boilerplate():
    text = "下载\n打印\n【字号：\n加大\n】\n政府工作报告\n市长 某某\n大会现场。本报记者 王五摄\n各位代表：\n现在，我代表市人民政府作报告。\n"
    (a,) = articles(text)
    assert [b.text for b in a.boilerplate] == ["下载", "打印", "【字号：", "加大", "】", "大会现场。本报记者 王五摄"]
    assert a.title.text == "政府工作报告"


def test_bylines_are_credits_not_questions():
    text = "基层党建再上新台阶\n\n各级党组织积极行动，取得了显著成效。\n\n记者：李立峰 通讯员：陈伦双 方维\n\n（本报记者 张三）\n\n文/王五 图/赵六\n"
    (a,) = articles(text)
    assert a.qa == []
    # the first line of credits is the byline (its first label the role), the others page furniture
    assert (a.byline.role, a.byline.names, a.byline.block.text) == ("记者", ("李立峰", "陈伦双", "方维"), "记者：李立峰 通讯员：陈伦双 方维")
    assert [b.text for b in a.boilerplate] == ["（本报记者 张三）", "文/王五 图/赵六"]
    # a question after the same marker stays a question; so do headings that start like a credit (文化建设)
    (b,) = articles("专访\n\n记者：最后一个问题\n\n答：好的。\n\n文化建设\n\n记者：请谈谈文化建设。\n\n答：我们做了三件事。\n")
    assert [q.question.text for q in b.qa] == ["记者：最后一个问题", "记者：请谈谈文化建设。"]
    assert b.boilerplate == []
    # a title or heading that opens with the word 记者 or 作者 is no credit (记者会实录, 作者简介)
    (c,) = articles("记者会实录\n\n问：访港旅客有多少？\n\n答：4500万人次。\n\n作者简介\n\n张三，教授。\n")
    assert c.title.text == "记者会实录" and c.boilerplate == []
    assert [s.heading.text for s in c.sections if s.heading] == ["作者简介"]


def test_cut_numbered_line_is_joined_to_its_rest():
    text = "（一）坚持党的领导。这是根本。\n\n（二）坚持不懈用\n\n新时代的思想武装全党。这是关键。\n\n（三）完善制度。这是保障。\n"
    (a,) = articles(text)
    paragraphs = [b.text for s in a.sections for b in s.blocks]
    assert "（二）坚持不懈用新时代的思想武装全党。这是关键。" in paragraphs
    assert [i.marker for i in a.items] == ["（一）", "（二）", "（三）"]


def test_near_duplicate_needs_real_overlap():
    shared = "坚持以习近平新时代中国特色社会主义思想为指导"
    text = f"标题\n\n{shared}，做好经济工作。\n\n{shared}，推进乡村振兴，加快农业农村现代化，促进共同富裕。\n"
    (a,) = articles(text)
    assert all(b.duplicate_of is None for s in a.sections for b in s.blocks)


def test_near_duplicate_sample_is_the_same_in_every_process():
    """The shingle sample must not depend on Python's per-process string hash salt."""
    code = (
        "from tifalens.components.structure import _shingles\n"
        "text = '坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，统筹发展和安全，'\n"
        "text += '推进乡村振兴，加快农业农村现代化，深化改革开放，增强国内大循环内生动力和可靠性，'\n"
        "text += '提升国际循环质量和水平，加快建设现代化经济体系，着力提高全要素生产率，促进共同富裕。'\n"
        "print(sorted(_shingles(text, 8)))"
    )
    outputs = {
        subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
    sample = eval(outputs.pop())  # noqa: S307 - our own printed list
    assert 10 < len(sample) < 50  # thinned from 115 shingles, not emptied


@pytest.mark.parametrize("word, value", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("九十九", 99), ("7", 7), ("百", None)])
def test_cn_small_number(word, value):
    assert cn_small_number(word) == value


def test_structure_spans_on_doc(seed_result):
    doc = seed_result.doc
    labels = [s.label_ for s in doc.spans["structure"]]
    assert labels.count("ARTICLE") == 2
    assert labels.count("HEADING") == 10
    assert labels.count("QUESTION") == 7
    assert labels.count("BULLET") == 3
    assert labels.count("DATELINE") == 2
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents[:3] == ["中组部负责人介绍二十大代表选举工作有关情况", "坚持把政治标准放在首位 严把政治关廉洁关身份关", "在以习近平同志为核心的党中央坚强领导下,党的二十大代表选举工作顺利完成,当选代表名单也已在新闻媒体公布。"]


@pytest.mark.shared
def test_shared_interviews_have_their_pairs(shared_dir):
    expected = {"cpcnews-gqdj-160.txt": 13, "cpcnews-zjfd-174.txt": 9, "cpcnews-zyjs-106.txt": 4}
    for name, pairs in expected.items():
        (a,) = parse_structure(read(shared_dir / "corpus" / "texts" / name).text).articles
        assert len(a.qa) == pairs, name
        assert all(q.answers for q in a.qa), name


def test_quotations(seed_result):
    arts = seed_result.to_dict()["articles"]
    assert arts[0]["quotations"] == []
    texts = [q["text"] for q in arts[1]["quotations"]]
    assert texts[0] == "我为党的二十大建言献策"
    assert texts[1].startswith("此次活动听民声、察民意,彰显了我们党‘以人民为中心’的价值理念。")
    assert len(texts) == 5
    (a,) = articles("标题\n\n他说：“这是一句足够长的引语，值得引用。”又说“太短”。\n")
    assert len(a.quotations) == 1


def test_the_audience_s_reactions_in_a_speech_s_transcript(nlp):
    text = "讲话\n\n同志们：\n\n今天，我们隆重集会。（掌声）改革开放四十年来成就巨大。（热烈掌声）\n\n他说了个笑话（笑声），大家都记得（括号里的话）。\n\n谢谢大家。（长时间热烈掌声）\n"
    result = tifalens.analyze(text, nlp=nlp)
    (art,) = result.to_dict()["articles"]
    assert [(r["text"], r["kind"]) for r in art["reactions"]] == [
        ("（掌声）", "applause"), ("（热烈掌声）", "applause"), ("（笑声）", "laughter"), ("（长时间热烈掌声）", "applause"),
    ]
    assert all(text[r["orig_start"] : r["orig_end"]] == r["text"] for r in art["reactions"])
    assert "Audience: applause 3, laughter 1  " in result.to_markdown().splitlines()
    assert tifalens.analyze("标题\n\n他鼓掌了（见图）。\n", nlp=nlp).to_dict()["articles"][0]["reactions"] == []


def test_a_collection_whose_articles_each_open_with_a_title_and_a_date_line(nlp):
    text = "第一篇标题\n\n2023年3月5日\n\n去年全市GDP增长5%。\n\n第二段。\n\n第二篇标题\n\n2024年3月5日\n\n去年全市GDP增长6%。\n"
    data = tifalens.analyze(text, nlp=nlp).to_dict()
    assert [(a["title"], a["date"]["value"]) for a in data["articles"]] == [("第一篇标题", "2023-03-05"), ("第二篇标题", "2024-03-05")]
    assert [(s["text"], s["when"]["date"]) for s in data["stats"] if s["when"]] == [("5%", "2022"), ("6%", "2023")]  # 去年 of each
    # a text that does not open so is one article, whatever date lines it holds
    assert len(articles("标题\n\n正文第一段。\n\n小标题\n\n2024年3月5日\n\n当天召开会议。\n")) == 1


def test_parenthesised_line_is_not_a_heading():
    (a,) = articles("标题\n\n正文第一段，内容。\n\n（作者为某大学教授）\n")
    assert [s.heading for s in a.sections if s.heading] == []
    assert a.sections[0].blocks[-1].text == "（作者为某大学教授）"


def test_bracketed_markers_and_an_answer_on_the_question_line():
    text = "访谈\n\n【问】如何看待此次会晤？\n\n【答】这次会晤意义重大。\n\n问：取得了哪些成果？答：双方达成20多项共识。\n"
    (a,) = articles(text)
    assert [(q.question.marker, q.question.text) for q in a.qa] == [("【问】", "【问】如何看待此次会晤？"), ("问：", "问：取得了哪些成果？")]
    assert [[(b.marker, b.text) for b in q.answers] for q in a.qa] == [[("【答】", "【答】这次会晤意义重大。")], [("答：", "答：双方达成20多项共识。")]]
    second = a.qa[1]
    assert text[second.question.start : second.question.end] == second.question.text
    assert text[second.answers[0].start : second.answers[0].end] == second.answers[0].text
    # a question mark inside a question with no answer marker after it splits nothing
    (b,) = articles("访谈\n\n问：是否可行？是否必要？\n\n答：可行。\n")
    assert [q.question.text for q in b.qa] == ["问：是否可行？是否必要？"]


def test_web_page_time_source_and_editor_lines_are_boilerplate():
    text = "习近平会见外国领导人\n2023-11-15 08:30:12　来源：人民网－人民日报\n正文第一段。\n【责任编辑：王五】\n（编辑：赵六）\n2023年11月15日，正文第二段。\n"
    (a,) = articles(text)
    assert a.subtitles == []
    assert [b.text for b in a.boilerplate] == ["2023-11-15 08:30:12 来源：人民网－人民日报", "【责任编辑：王五】", "（编辑：赵六）"]  # U+3000 read as a space
    assert [b.text for s in a.sections for b in s.blocks] == ["正文第一段。", "2023年11月15日，正文第二段。"]
    (b,) = articles("公开信\n\n正文。\n\n2020年3月25日\n")  # a letter's date is no web leftover
    assert b.boilerplate == []


def test_a_pages_breadcrumbs_date_line_buttons_and_footer_links_are_boilerplate():
    text = (
        "人民网 >> 时政 >> 正文\n习近平主持召开会议\n2023年04月21日20:50 | 来源：新华社\n分享到：\n"
        "新华社北京4月21日电 会议强调，要完整、准确、全面贯彻新发展理念。\n点赞\n"
        "关于人民网 | 报社介绍 | 招聘英才 | 广告服务\n"
    )
    (a,) = articles(text)
    assert a.title.text == "习近平主持召开会议" and a.subtitles == []
    assert [b.text for b in a.boilerplate] == [
        "人民网 >> 时政 >> 正文", "2023年04月21日20:50 | 来源：新华社", "分享到：", "点赞", "关于人民网 | 报社介绍 | 招聘英才 | 广告服务",
    ]  # fmt: skip
    # a table's header row (years in it) and a title with one bar are no links
    (b,) = articles("标题\n\n指标 | 2020年 | 2025年\n\n两会｜代表委员热议高质量发展\n\n正文。\n")
    assert b.boilerplate == []


def test_breadcrumbs_font_size_and_related_links_are_boilerplate_and_a_bracketed_dateline_is_one():
    text = (
        "首页 > 新闻中心 > 时政要闻\n字号：大 中 小\n坚定不移推进全面从严治党\n——学习贯彻全国两会精神\n"
        "（人民日报北京3月4日电） 3月4日，会议在北京开幕。\n会议强调，要增强“四个意识”。\n"
        "相关新闻\n·习近平在参加江苏代表团审议时强调\n李强作政府工作报告\n"
    )
    (a,) = articles(text)
    assert a.title.text == "坚定不移推进全面从严治党"
    assert [b.text for b in a.subtitles] == ["——学习贯彻全国两会精神"]
    assert [b.text for b in a.boilerplate] == ["首页 > 新闻中心 > 时政要闻", "字号：大 中 小", "相关新闻", "·习近平在参加江苏代表团审议时强调", "李强作政府工作报告"]
    assert (a.dateline.agency, a.dateline.place, a.dateline.date, a.dateline.position) == ("人民日报", "北京", "3月4日", "leading")
    assert [b.text for s in a.sections for b in s.blocks] == ["（人民日报北京3月4日电） 3月4日，会议在北京开幕。", "会议强调，要增强“四个意识”。"]
    # a full sentence after 相关新闻 is the article again (related news as a topic of its own)
    (b,) = articles("标题\n\n相关新闻\n\n据报道，会议将于明天召开。\n")
    assert [x.text for x in b.boilerplate] == ["相关新闻"]
    # the first link on the header's line; not a sentence after the colon
    (b,) = articles("标题\n\n会议召开。\n\n相关新闻：全国政协召开双周协商座谈会\n李强作政府工作报告\n")
    assert [x.text for x in b.boilerplate] == ["相关新闻：全国政协召开双周协商座谈会", "李强作政府工作报告"]
    (b,) = articles("标题\n\n相关阅读：据报道，会议将于明天召开。\n")
    assert [x.text for x in b.boilerplate] == []
    # a header with a colon; the links end at a blank line, and the next article's title is no link
    a, b = articles(
        "甲会议召开\n\n新华社北京9月18日电 会议召开。\n\n相关新闻：\n\n· 习近平回信勉励……\n李强作政府工作报告\n\n\n"
        "乙会议召开\n\n新华社北京9月18日电 会议研究了措施。\n"
    )
    assert [x.text for x in a.boilerplate] == ["相关新闻：", "· 习近平回信勉励……", "李强作政府工作报告"]
    assert (b.title.text, b.boilerplate) == ("乙会议召开", [])
    # a prompt to scan a code and a site's footer labels, after the copyright line
    (a,) = articles(
        "会议召开\n\n新华社北京5月3日电 会议召开。\n\n扫一扫在手机打开当前页\n\nCopyright © 2000-2023 XINHUANET.com\n\n制作单位：新华网股份有限公司\n"
    )
    assert [x.text for x in a.boilerplate] == ["扫一扫在手机打开当前页", "Copyright © 2000-2023 XINHUANET.com", "制作单位：新华网股份有限公司"]
    # the prompt with a comma in it (扫一扫，分享到微信); a sentence that starts so is text
    (a,) = articles("会议召开\n\n新华社北京5月3日电 会议召开。\n\n扫一扫，就能查到办事指南。\n\n扫一扫，分享到微信\n")
    assert [x.text for x in a.boilerplate] == ["扫一扫，分享到微信"]


def test_an_end_mark_in_brackets_closes_an_article():
    text = "甲会议召开\n\n新华社北京4月21日电 会议召开。\n\n会议指出，要加快发展。\n\n（完）\n\n乙会议召开\n\n会议研究了措施。\n"
    a, b = articles(text)
    assert (a.title.text, b.title.text) == ("甲会议召开", "乙会议召开")
    assert [x.text for x in a.boilerplate] == ["（完）"]


def test_a_page_footer_ends_an_article_and_a_page_date_line_opens_one():
    # pages saved one after another: a footer (版权所有, ICP备) ends an article as （完） does; a date and
    # source line under a title after an article's body opens another; a bracketed font-size switch is furniture
    page = "【字体：大 中 小】\n{title}\n2023-05-1{day} 08:30　来源：湖南日报\n5月{day}日，会议召开。\n"
    text = page.format(title="甲会议召开", day=0) + "版权所有 © 湖南日报社 湘ICP备12345678号\n" + page.format(title="乙会议召开", day=1)
    a, b = articles(text)
    assert (a.title.text, b.title.text) == ("甲会议召开", "乙会议召开")
    assert [x.text for x in a.boilerplate] == ["【字体：大 中 小】", "2023-05-10 08:30 来源：湖南日报", "版权所有 © 湖南日报社 湘ICP备12345678号"]
    assert [x.text for x in b.boilerplate] == ["【字体：大 中 小】", "2023-05-11 08:30 来源：湖南日报"]
    c, d = articles(page.format(title="甲会议召开", day=0) + page.format(title="乙会议召开", day=1).split("\n", 1)[1])
    assert (c.title.text, d.title.text) == ("甲会议召开", "乙会议召开")
    assert [x.text for s in d.sections for x in s.blocks] == ["5月1日，会议召开。"]
    # with no title above it, a date line inside an article opens nothing
    (e,) = articles("甲会议召开\n\n会议召开。\n\n2023-05-10 08:30　来源：湖南日报\n\n会议强调。\n")
    assert [x.text for s in e.sections for x in s.blocks] == ["会议召开。", "会议强调。"]


def test_a_line_that_ends_with_a_comma_goes_on_in_the_next():
    parsed = parse_structure(read_bytes("标题\n\n会议强调，要全面推进乡村振兴，\n加快建设农业强省。\n\n尊敬的各位来宾，\n\n女士们、先生们：\n\n欢迎。\n".encode(), path="t").text)
    blocks = [b.text for s in parsed.articles[0].sections for b in s.blocks]
    assert blocks == ["会议强调，要全面推进乡村振兴，加快建设农业强省。", "尊敬的各位来宾，女士们、先生们：", "欢迎。"]  # a colon may end a line
    assert [n["code"] for n in parsed.notes] == ["joined_paragraph", "joined_paragraph"]


def test_yi_yao_er_yao_is_an_enumeration():
    (a,) = articles("标题\n\n问：基层如何落实？\n\n答：一要坚持制度；二要推进学习；三要落实政策，统一要求。\n")
    assert [(i.marker, i.number, i.family) for i in a.qa[0].items] == [("一要", 1, "yao"), ("二要", 2, "yao"), ("三要", 3, "yao")]
    (b,) = articles("标题\n\n各地统一要求，一要坚持。\n")  # one marker, and 一要 inside 统一要求: no enumeration
    assert b.items == [] and all(not q.items for q in b.qa)


def test_a_numbered_line_after_the_title_opens_a_section_not_a_subtitle():
    (a,) = articles("2023年统计公报\n\n一、综合\n\n全年地区生产总值3.2万亿元。\n\n二、农业\n\n粮食产量增长。\n")
    assert a.title.text == "2023年统计公报"
    assert a.subtitles == []
    assert [s.heading.text for s in a.sections if s.heading] == ["一、综合", "二、农业"]
    (b,) = articles("2023年统计公报\n\n——市统计局负责人解读\n\n（一）总体情况\n\n全年地区生产总值3.2万亿元。\n")
    assert [t.text for t in b.subtitles] == ["——市统计局负责人解读"]
    assert [s.heading.text for s in b.sections if s.heading] == ["（一）总体情况"]


INTERVIEW = (
    "部长访谈录\n\n"
    "记者：交通运输部如何求深求真？\n\n"
    "杨传堂：主题教育开展以来，部党组深入学习。\n\n"
    "王建国：第二位也答了。\n\n"
    "记者：下一步有什么打算？\n\n"
    "具体来说：要抓好三件事。\n\n"
    "记者：第三个问题？\n\n"
    "国家发展改革委有关负责人：我们将持续推进。\n\n"
    "问：第四个问题？\n\n"
    "答：好的。\n"
)


def test_the_speaker_opening_an_answer_is_its_marker(nlp):
    from tifalens import analyze

    qa = analyze(INTERVIEW, nlp=nlp).to_dict()["articles"][0]["qa"]
    assert [(q["question_marker"], q["answer_marker"]) for q in qa] == [
        ("记者：", "杨传堂："),
        ("记者：", None),  # 具体来说 is a phrase, not a name
        ("记者：", "国家发展改革委有关负责人："),
        ("问：", "答："),
    ]
    # only the first block of an answer is read for a speaker; the answer text goes without it
    assert qa[0]["answer"] == "主题教育开展以来，部党组深入学习。\n王建国：第二位也答了。"
    assert qa[1]["answer"] == "具体来说：要抓好三件事。"


def test_a_name_the_segmenter_cuts_into_words_opens_an_answer(nlp):
    from tifalens import analyze

    # jieba cuts 黄润|秋 (n, t): a surname and two characters that make no word are a name; 何时 is a word
    text = "访生态环境部部长黄润秋\n\n记者：总体情况怎么样？\n\n黄润秋：保持改善态势。\n\n记者：何时见效？\n\n何时：尚难确定。\n"
    data = analyze(text, nlp=nlp).to_dict()
    assert [(q["answer_marker"], q["answer"]) for q in data["articles"][0]["qa"]] == [("黄润秋：", "保持改善态势。"), (None, "何时：尚难确定。")]
    assert [(e["text"], e["label"]) for e in data["entities"] if e["label"] == "PERSON"][:1] == [("黄润秋", "PERSON")]


def test_without_a_segmenter_only_titled_speakers_are_read():
    (a,) = articles(INTERVIEW)
    assert [q.answers[0].marker for q in a.qa] == ["", "", "国家发展改革委有关负责人：", "答："]


def test_markdown_names_the_speaker(nlp):
    from tifalens import analyze

    md = analyze(INTERVIEW, nlp=nlp).to_markdown()
    assert "**A (杨传堂):** 主题教育开展以来，部党组深入学习。" in md
    assert "**A:** 具体来说：要抓好三件事。" in md
    assert "**A:** 好的。" in md
    md = analyze("访谈\n\n【问】如何看待？\n\n【答】意义重大。\n", nlp=nlp).to_markdown()
    assert "**Q:** 如何看待？\n\n**A:** 意义重大。\n" in md  # 【答】 is no speaker
    # the outlet that asks is named as the speaker who answers is; 记者 and 1.问 name nobody, but a numbered
    # question keeps its number
    md = analyze("例行记者会\n\n法新社记者：中方有何评论？\n\n毛宁：我们欢迎。\n\n记者：还有问题吗？\n\n毛宁：没有了。\n\n3.问：第三问？\n\n答：好。\n", nlp=nlp).to_markdown()
    assert "**Q (法新社记者):** 中方有何评论？\n\n**A (毛宁):** 我们欢迎。\n" in md
    assert "**Q:** 还有问题吗？\n\n**A (毛宁):** 没有了。\n" in md and "**Q3:** 第三问？\n\n**A:** 好。\n" in md
    # numbered with Chinese numerals: 一问：, （二）问：, 三、问： (numbered 1, 2, 3)
    text = "答记者问\n\n一问：中方有何回应？\n答：坚决反对。\n\n（二）问：影响如何？\n答：有限。\n\n三、问：下一步？\n答：密切关注。\n"
    data = analyze(text, nlp=nlp).to_dict()
    assert [(q["question_marker"], q["question"], q["answer"]) for q in data["articles"][0]["qa"]] == [
        ("一问：", "中方有何回应？", "坚决反对。"),
        ("（二）问：", "影响如何？", "有限。"),
        ("三、问：", "下一步？", "密切关注。"),
    ]
    md = analyze(text, nlp=nlp).to_markdown()
    assert "**Q1:** 中方有何回应？\n\n**A:** 坚决反对。\n" in md and "**Q2:** 影响如何？" in md and "**Q3:** 下一步？" in md
    # 提问：/回答： mark a pair and name nobody
    md = analyze("访谈\n\n提问：今年的重点是什么？\n\n回答：主要有三个方面。\n", nlp=nlp).to_markdown()
    assert "**Q:** 今年的重点是什么？\n\n**A:** 主要有三个方面。\n" in md


PRESS_CONFERENCE = (
    "2024年3月12日外交部发言人毛宁主持例行记者会\n\n"
    "毛宁：应国务院总理邀请，某国总理将于近日访华。\n\n"
    "法新社记者：美方表示将加征关税。中方对此有何回应？\n\n"
    "毛宁：我们注意到有关报道。\n\n"
    "总台央视记者：你能否介绍一下会议期间外交部的工作？\n\n"
    "毛宁：王毅外长回答了21个问题。\n\n"
    "CNN记者：中方怎么看？\n\n"
    "毛宁：中方的立场是一贯的。\n\n"
    "他告诉记者：今年的收成很好。\n"
)


def test_a_reporter_of_a_named_outlet_asks_the_question(nlp):
    from tifalens import analyze

    a = analyze(PRESS_CONFERENCE, nlp=nlp).to_dict()["articles"][0]
    assert [(q["question_marker"], q["answer_marker"]) for q in a["qa"]] == [
        ("法新社记者：", "毛宁："),
        ("总台央视记者：", "毛宁："),
        ("CNN记者：", "毛宁："),
    ]
    assert a["qa"][0]["question"] == "美方表示将加征关税。中方对此有何回应？"
    # a narrative line that names no outlet asks nothing: it goes on the last answer
    assert a["qa"][2]["answer"] == "中方的立场是一贯的。\n他告诉记者：今年的收成很好。"
    # the opening statement before the first question is the lead, not an answer
    assert a["sections"][0]["blocks"][0]["kind"] == "lead"


def test_an_outlet_before_a_role_must_end_like_a_medium():
    for line, asks in [
        ("凤凰卫视记者：请问？", True),
        ("路透社记者：请问？", True),
        ("澎湃新闻记者：请问？", True),
        ("主持人：请问？", True),
        ("《环球时报》记者：请问？", True),
        ("追问：请问？", True),
        ("他告诉记者：好。", False),
        ("我们的主持人：好。", False),
    ]:
        (a,) = articles(f"标题\n\n{line}\n\n答：好。\n")
        assert bool(a.qa) is asks, line


def test_a_reporter_of_any_outlet_asks_when_the_next_block_answers(nlp):
    from tifalens import analyze

    text = (
        "专访\n\n财新记者：今年的增长目标是多少？\n\n答：5%左右。\n\n"
        "红星新闻记者：怎么实现？\n\n李强：靠改革。\n\n"
        "他告诉记者：今年收成好。\n\n答：是的。\n\n"  # no question: narrative, answered or not
        "财新记者：还有问题吗？\n\n今天就到这里。\n"  # the next block answers nothing
    )
    (a,) = analyze(text, nlp=nlp).to_dict()["articles"]
    assert [(q["question_marker"], q["question"], q["answer_marker"]) for q in a["qa"]] == [
        ("财新记者：", "今年的增长目标是多少？", "答："),
        ("红星新闻记者：", "怎么实现？", "李强："),
    ]
    assert a["qa"][1]["answer"] == "靠改革。\n他告诉记者：今年收成好。\n是的。\n财新记者：还有问题吗？\n今天就到这里。"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the most precise date of the front matter: the subtitle's day beats the title's year
        ("中华人民共和国2023年统计公报\n\n国家统计局\n\n2024年2月29日\n\n全年国内生产总值1260582亿元，比上年增长5.2%。\n", ("2024年2月29日", "2024-02-29")),
        ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n", ("2024年3月5日", "2024-03-05")),
        ("高举伟大旗帜\n\n——在中国共产党第二十次全国代表大会上的报告\n\n（2022年10月16日）\n\n同志们：\n\n现在，我代表第十九届中央委员会向大会作报告。\n", ("2022年10月16日", "2022-10-16")),
        # a leading dateline that names the year
        ("标题\n\n新华社北京2024年3月5日电 国务院总理李强今天作政府工作报告，全文很长很长。\n", ("2024年3月5日", "2024-03-05")),
        # a date in the body is what the text reports
        ("标题\n\n1921年7月，中国共产党成立，这一天在中国历史上具有重要意义。\n", None),
        # with none in the front matter, the full date a document is signed with (a weekday may follow)
        ("标题\n\n1921年7月，中国共产党成立，这一天在中国历史上具有重要意义。\n\n2021年7月1日\n", ("2021年7月1日", "2021-07-01")),
        ("通知\n\n请各单位认真贯彻落实本通知精神，抓好各项工作的落实。\n\n国务院办公厅\n2024年3月1日（星期五）\n", ("2024年3月1日", "2024-03-01")),
        ("日照机场\n\n2015年12月22日正式建成通航。\n\n通航一年内，实现了国内最繁忙机场航线全面覆盖，开通19个城市。\n", None),
        # a timeline: several lines hold only a date, none of them dates the article
        ("2013年11月\n\n三中全会决定将国防和军队改革纳入全面深化改革大盘子。\n\n2015年11月\n\n中央军委改革工作会议在京举行。\n", None),
        # a title dated at its start is; one naming the date of an event is not
        ("2024年3月12日外交部发言人主持例行记者会\n\n法新社记者：中方对此有何回应？\n", ("2024年3月12日", "2024-03-12")),
        ("决定省十三届人大四次会议二○二一年一月二十一日在石家庄召开\n\n河北日报讯 11月27日下午，省人大常委会会议闭幕。\n", None),
        ("通知\n\n发布时间：2024年2月29日\n\n各单位要认真学习贯彻全会精神，抓好落实工作。\n", ("2024年2月29日", "2024-02-29")),
        ("标题\n\n新华社北京9月26日电 中组部负责人就有关情况答记者问。\n", None),
    ],
)
def test_the_article_date_comes_from_its_front_matter(nlp, text, date):
    from tifalens import analyze

    (art,) = analyze(text, nlp=nlp).to_dict()["articles"]
    got = art["date"]
    assert (got and (got["text"], got["value"])) == date or (got is None and date is None)
    if got:
        assert text[got["orig_start"] : got["orig_end"]] == got["text"]


@pytest.mark.parametrize(
    "name, text, date",
    [
        ("xinhua-2022-09-26.txt", "标题\r\n\r\n（新华社北京9月26日电）中组部负责人答记者问。\r\n", ("9月26日", "2022-09-26", "file name")),
        ("gwr-2022.txt", "标题\n\n新华社北京九月二十六日电 负责人答记者问。\n", ("九月二十六日", "2022-09-26", "file name")),
        ("rmrb-2023-01-02.txt", "标题\n\n新华社北京12月31日电 负责人答记者问。\n", ("12月31日", "2022-12-31", "file name")),
        # the text's own year wins; no day named in a name's year that has none (2月30日); no name, no year
        ("rmrb-2023-01-02.txt", "标题\n\n新华社北京2022年9月26日电 负责人答记者问。\n", ("2022年9月26日", "2022-09-26", "text")),
        ("rmrb-2023-01-02.txt", "标题\n\n新华社北京2月30日电 负责人答记者问。\n", None),
        ("undated.txt", "标题\n\n新华社北京9月26日电 负责人答记者问。\n", None),
    ],
)
def test_a_dateline_without_a_year_is_dated_in_the_year_of_the_files_name(tmp_path, nlp, name, text, date):
    from tifalens import analyze

    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    analysis = analyze(path=path, nlp=nlp)
    (art,) = analysis.to_dict()["articles"]
    got = art["date"]
    assert (got and (got["text"], got["value"], got["year_from"])) == date or (got is None and date is None)
    if got:
        assert text[got["orig_start"] : got["orig_end"]] == got["text"]
        year = ", year from the file name" if got["year_from"] == "file name" else ""
        assert f"Date: {got['value']} ({got['text']}{year})" in analysis.to_markdown()
    # the same text given as text, or as a record of a collection named by a year, names no year
    (art,) = analyze(text, nlp=nlp).to_dict()["articles"]
    assert art["date"] is None or art["date"]["year_from"] == "text"
    assert read_bytes(text.encode("utf-8"), path=f"{tmp_path}/news-2021.jsonl:3").name_date() is None


def test_the_author_line_under_the_title_is_the_byline(nlp):
    from tifalens import analyze

    text = "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理\u3000李强\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n"
    (art,) = analyze(text, nlp=nlp).to_dict()["articles"]
    assert art["subtitles"] == ["——2024年3月5日在第十四届全国人民代表大会第二次会议上"]
    by = art["byline"]
    assert (by["role"], by["name"]) == ("国务院总理", "李强")
    assert text[by["orig_start"] : by["orig_end"]] == "国务院总理\u3000李强"
    # a line that is only a name is the byline, and the name a person wherever it stands
    text = "在全省工作会议上的讲话\n（2025年2月10日）\n张　明\n\n同志们：\n\n今天召开会议。张明指出，要抓落实。\n"
    data = analyze(text, nlp=nlp).to_dict()
    (art,) = data["articles"]
    by = art["byline"]
    assert (by["role"], by["name"], text[by["orig_start"] : by["orig_end"]]) == (None, "张明", "张　明")
    assert art["subtitles"] == ["（2025年2月10日）"]
    # (the byline's name as written: the analysed text has a space for U+3000)
    persons = [(e["text"], e["start"], e["kb_id"]) for e in data["entities"] if e["label"] == "PERSON"]
    assert persons == [("张 明", text.index("张　明"), "张明"), ("张明", text.index("张明指出"), None)]
    # a line holding a name and more is a subtitle
    (art,) = analyze("纪念馆巡礼\n毛泽东像\n\n这里陈列着很多珍贵的文物和照片。\n", nlp=nlp).to_dict()["articles"]
    assert (art["byline"], art["subtitles"]) == (None, ["毛泽东像"])
    # a subtitle with a space in it is no byline unless it ends with a name after a title of office
    (art,) = analyze("标题\n\n坚持把政治标准放在首位 严把政治关廉洁关身份关\n\n正文很长很长的一段内容，说明有关情况。\n", nlp=nlp).to_dict()["articles"]
    assert (art["byline"], art["subtitles"]) == (None, ["坚持把政治标准放在首位 严把政治关廉洁关身份关"])


def one_article(nlp, text: str) -> tuple[dict, tuple | None, list[str]]:
    """The one article of ``text`` as JSON, its byline (role, names, the credit as written) and the persons found."""
    data = tifalens.analyze(text, nlp=nlp).to_dict()
    (art,) = data["articles"]
    by = art["byline"]
    persons = [e["text"] for e in data["entities"] if e["label"] == "PERSON"]
    return art, by and (by["role"], by["names"], text[by["orig_start"] : by["orig_end"]]), persons


def test_a_credit_is_the_byline_of_an_article_with_none_under_its_title(nlp):
    def byline(text):
        _, by, persons = one_article(nlp, text)
        return by, persons

    body = "\n今年全省粮食播种面积稳定在7100万亩以上。\n"
    assert byline("乡村振兴取得新成效\n本报记者 王明 李华" + body) == (("本报记者", ["王明", "李华"], "本报记者 王明 李华"), ["王明", "李华"])
    # after a bullet, the credit without it; a two-character name set apart to line up with longer ones is one
    assert byline("乡村振兴取得新成效\n□本报记者 王明" + body)[0] == ("本报记者", ["王明"], "本报记者 王明")
    by = byline("乡村振兴取得新成效\n■本报记者 李怀坤 特约通讯员 陈 超" + body)[0]
    assert by == ("本报记者", ["李怀坤", "陈超"], "本报记者 李怀坤 特约通讯员 陈 超")
    # a collective author is no person
    assert byline("坚持人民至上\n本报评论员" + body) == ((None, ["本报评论员"], "本报评论员"), [])
    # a byline's names are persons whatever the segmenter made of them (禹|爱华), as written (龙 军)
    assert byline("乡村振兴取得新成效\n本报记者 龙 军 禹爱华" + body) == (("本报记者", ["龙军", "禹爱华"], "本报记者 龙 军 禹爱华"), ["龙 军", "禹爱华"])
    # the credit in brackets, at the end of the article: the names without the brackets
    assert byline("乡村振兴取得新成效" + body + "（记者 王明）\n") == (("记者", ["王明"], "记者 王明"), ["王明"])
    # a credit with a colon or a slash names a person the segmenter does not tag as one
    assert byline("乡村振兴取得新成效\n作者：欧阳晓\n" + body)[0] == ("作者", ["欧阳晓"], "作者：欧阳晓")
    # a web page's date and source line: the author's credit in it, not the editor's
    text = "乡村振兴取得新成效\n2024-03-21 08:30:15\u3000来源：湖南日报\u3000作者：王明\u3000责任编辑：李华" + body
    assert byline(text) == (("作者", ["王明"], "作者：王明"), ["王明"])
    # an outlet credited as the author is no person; a photo credit is no byline
    assert byline("乡村振兴取得新成效\n2024-03-21\u3000作者：人民网" + body)[0] is None
    assert byline("乡村振兴取得新成效" + body + "记者 王明 摄\n")[0] is None
    assert byline("乡村振兴取得新成效" + body + "新华社记者王明摄\n")[0] is None
    # the line under the title is the byline before any credit
    assert byline("乡村振兴取得新成效\n市长 张强\n" + body + "（记者 王明）\n")[0] == ("市长", ["张强"], "市长 张强")


def test_an_author_note_is_a_block_of_its_own_and_credits_the_byline(nlp):
    def read(text):
        art, by, persons = one_article(nlp, text)
        kinds = [(b["kind"], b["text"]) for s in art["sections"] for b in s["blocks"]]
        return by and (*by[:2], art["byline"]["affiliation"], by[2]), kinds, persons

    title, body = "论新时代的伟大变革\n\n", "新时代十年的伟大变革，在党史、新中国史上具有里程碑意义。\n\n"
    note = "（作者：张三丰，系中国人民大学马克思主义学院教授）"
    by, kinds, persons = read(title + body + note + "\n")
    assert by == ("作者", ["张三丰"], "中国人民大学马克思主义学院教授", "张三丰")
    assert kinds[-1] == ("author_note", note) and persons == ["张三丰"]
    # several names, one affiliation; a body that is the author and the names that wrote for it
    by = read(title + body + "（作者：王明、李华，均系北京大学国家发展研究院教授）\n")[0]
    assert by == ("作者", ["王明", "李华"], "北京大学国家发展研究院教授", "王明、李华")
    # each name with its own affiliation, after a comma and 系 or after a space
    by = read(title + body + "（作者：王明，系北京大学教授；李华，系清华大学副教授）\n")[0]
    assert by == ("作者", ["王明", "李华"], "北京大学教授；清华大学副教授", "王明，系北京大学教授；李华")
    by = read(title + body + "（作者：王明 河南省鹤壁市副市长；李华 河南省鹤壁市委常委）\n")[0]
    assert by[:3] == ("作者", ["王明", "李华"], "河南省鹤壁市副市长；河南省鹤壁市委常委")
    note = "【作者：中央党校（国家行政学院）习近平新时代中国特色社会主义思想研究中心 执笔：郝永平、赵慧】"
    by, kinds, persons = read(title + body + note + "\n")
    assert by == ("执笔", ["郝永平", "赵慧"], "中央党校（国家行政学院）习近平新时代中国特色社会主义思想研究中心", "郝永平、赵慧")
    assert kinds[-1] == ("author_note", note) and persons == ["郝永平", "赵慧"]
    by = read(title + body + "（作者：上海市习近平新时代中国特色社会主义思想研究中心，执笔：董德兵）\n")[0]
    assert by == ("执笔", ["董德兵"], "上海市习近平新时代中国特色社会主义思想研究中心", "董德兵")
    # a note that names no one: where the author works, no byline; under the title it is no subtitle
    by, kinds, _ = read(title + body + "（作者为中国人民大学马克思主义学院教授）\n")
    assert by is None and kinds[-1] == ("author_note", "（作者为中国人民大学马克思主义学院教授）")
    data = tifalens.analyze("论新时代的伟大变革\n（作者单位：北京大学）\n" + body, nlp=nlp).to_dict()
    (art,) = data["articles"]
    assert art["subtitles"] == [] and art["sections"][0]["blocks"][0]["kind"] == "author_note"
    # what is no person's name credits no one; a byline under the title comes first
    assert read(title + body + "（作者：本报评论部）\n")[0] is None
    by = read("论新时代的伟大变革\n本报记者 王明\n\n" + body + note + "\n")[0]
    assert by[:2] == ("本报记者", ["王明"])
    # 执笔 is a credit's label like 作者 (a line of its own: the byline)
    assert read(title + body + "执笔：郝永平、赵慧\n")[0] == ("执笔", ["郝永平", "赵慧"], None, "执笔：郝永平、赵慧")
    assert read(title + body + "本文执笔：郝永平\n")[0] == ("本文执笔", ["郝永平"], None, "本文执笔：郝永平")


def test_the_reporters_a_dateline_credits_are_the_byline(nlp):
    def read(text):
        art, by, persons = one_article(nlp, text)
        return art["dateline"]["text"], by, persons

    body = "全省今年新建高标准农田120万亩，粮食生产再获丰收。"
    # in the brackets after a leading dateline
    assert read("标题在此\n\n新华社北京3月5日电（记者 张三、李四）" + body + "\n") == (
        "新华社北京3月5日电（记者 张三、李四）", ("记者", ["张三", "李四"], "记者 张三、李四"), ["张三", "李四"]
    )
    # inside a closing dateline's brackets, after a space (the analysed text has a space for U+3000): a name
    # that is also a word (关心) too
    assert read(body + "\n\n（新华社福州1月8日电　记者于晓泉、关心）\n") == (
        "（新华社福州1月8日电 记者于晓泉、关心）", ("记者", ["于晓泉", "关心"], "记者于晓泉、关心"), ["于晓泉", "关心"]
    )
    # credits apart by a comma, the writers' and the contributors' (执笔记者, 参与记者)
    text = body + "\n\n（新华社北京3月19日电 执笔记者胡浩、施雨岑，参与记者白丽萍、沈洋）\n"
    assert read(text)[1] == ("执笔记者", ["胡浩", "施雨岑", "白丽萍", "沈洋"], "执笔记者胡浩、施雨岑，参与记者白丽萍、沈洋")
    # after the dateline with no brackets, up to 报道： (as People's Daily printed it), credits apart by 、
    assert read("标题在此\n\n本报北京12月31日讯新华社记者秦杰、本报记者赵川东报道：" + body + "\n") == (
        "本报北京12月31日讯新华社记者秦杰、本报记者赵川东报道：", ("新华社记者", ["秦杰", "赵川东"], "新华社记者秦杰、本报记者赵川东"), ["秦杰", "赵川东"]
    )
    # names without a label, each one the segmenter reads
    assert read("标题在此\n\n中国共产党新闻网北京6月16日电 （任一林）" + body + "\n") == (
        "中国共产党新闻网北京6月16日电 （任一林）", (None, ["任一林"], "任一林"), ["任一林"]
    )
    # brackets that credit no one the segmenter reads as a name, or hold something else, give none
    assert read("标题在此\n\n新华社北京3月5日电（记者报道）" + body + "\n")[1:] == (None, [])
    assert read("标题在此\n\n新华社北京3月5日电（图文互动）" + body + "\n")[1] is None
    # a paper's source line closing an article credits no one (and reading it is no error)
    assert read(body + "\n\n（人民日报2025年7月20日 01版）\n") == ("（人民日报2025年7月20日 01版）", None, [])
    # a byline under the title comes first
    by = read("标题在此\n本报记者 赵六\n\n新华社北京3月5日电（记者 张三）" + body + "\n")[1]
    assert by == ("本报记者", ["赵六"], "本报记者 赵六")


def test_a_credit_in_brackets_closing_the_last_paragraph_is_the_byline(nlp):
    body = "全市选派干部到乡村任职，实现全覆盖。"

    def read(text):
        _, by, persons = one_article(nlp, text)
        return by, persons

    assert read("标题在此\n\n" + body + "（本报记者 张俊在 梁亮）\n") == (("本报记者", ["张俊在", "梁亮"], "本报记者 张俊在 梁亮"), ["张俊在", "梁亮"])
    # 报道 after the names is no name; labels with no space between the credits
    assert read("标题在此\n\n" + body + "（记者 赵洪杰 李子路 报道）\n")[0] == ("记者", ["赵洪杰", "李子路"], "记者 赵洪杰 李子路")
    assert read("标题在此\n\n" + body + "（通讯员郭健记者韩冬）\n")[0] == ("通讯员", ["郭健", "韩冬"], "通讯员郭健记者韩冬")
    # in brackets, a name may come before the first label, on the last paragraph's line or on a line of its own
    expected = (("记者", ["任家驹", "马晓刚", "李昊"], "任家驹 记者 马晓刚 李昊"), ["任家驹", "马晓刚", "李昊"])
    assert read("标题在此\n\n" + body + "（任家驹 记者 马晓刚 李昊）\n") == expected
    assert read("标题在此\n\n" + body + "\n\n（任家驹 记者 马晓刚 李昊）\n") == expected
    # names alone in the brackets, each with a common surname; 整理 after the names; a full stop after the brackets
    assert read("标题在此\n\n" + body + "(王爱民 张秋实)\n")[0] == (None, ["王爱民", "张秋实"], "王爱民 张秋实")
    assert read("标题在此\n\n" + body + "\n\n（本报记者 冉永平整理）\n")[0] == ("本报记者", ["冉永平"], "本报记者 冉永平")
    assert read("标题在此\n\n" + body + "（记者 郑芳芳）。\n")[0] == ("记者", ["郑芳芳"], "记者 郑芳芳")
    assert read("标题在此\n\n" + body + "（试行）\n")[0] is None
    # two three-character names written together, each with a surname, split where both read as names
    assert read("标题在此\n\n" + body + "（记者于险峰张仁军）\n") == (("记者", ["于险峰", "张仁军"], "记者于险峰张仁军"), ["于险峰", "张仁军"])
    # brackets that credit no one, or not at the end of the text, give none; a byline under the title comes first
    assert read("标题在此\n\n" + body + "（见附表）\n")[0] is None
    assert read("标题在此\n\n全市选派干部（记者 王明）到乡村任职。\n\n实现全覆盖。\n")[0] is None
    assert read("标题在此\n本报记者 赵六\n\n" + body + "（记者 王明）\n")[0] == ("本报记者", ["赵六"], "本报记者 赵六")


def test_the_lines_that_close_a_release_are_no_headings(nlp):
    from tifalens import analyze

    text = (
        "行政长官出席酒会致辞\n\n今天我们在这里隆重庆祝国庆，过去一年香港经济稳步复苏。\n\n多谢各位。\n\n"
        "完\n2025年10月1日（星期三）\n香港时间12时30分\n"
    )
    (art,) = analyze(text, nlp=nlp).to_dict()["articles"]
    assert [s["heading"] for s in art["sections"]] == [None]
    assert [(b["kind"], b["text"]) for b in art["sections"][0]["blocks"]][-2:] == [
        ("paragraph", "多谢各位。"),
        ("paragraph", "2025年10月1日（星期三）"),
    ]
    assert (art["date"]["text"], art["date"]["value"]) == ("2025年10月1日", "2025-10-01")
    # a last line with text under it stays a heading
    (art,) = analyze("标题\n\n第一段的内容很长很长，说明有关情况。\n\n结束语\n\n最后一段的内容。\n", nlp=nlp).to_dict()["articles"]
    assert [s["heading"] for s in art["sections"]] == [None, "结束语"]


def test_the_host_thanking_the_guest_at_the_end_asks_nothing(nlp):
    from tifalens import analyze

    text = (
        "专访：坚定信心推动高质量发展\n\n主持人：今年一季度经济开局怎么样？\n\n郑栅洁：一季度国民经济起步平稳。\n\n"
        "主持人：下一步有哪些举措？\n\n郑栅洁：我们将推出一批新的政策措施。\n\n主持人：谢谢您接受我们的采访。\n"
    )
    data = analyze(text, nlp=nlp).to_dict()
    (art,) = data["articles"]
    assert [(q["question"], q["answer_marker"], q["answer"]) for q in art["qa"]] == [
        ("今年一季度经济开局怎么样？", "郑栅洁：", "一季度国民经济起步平稳。"),
        ("下一步有哪些举措？", "郑栅洁：", "我们将推出一批新的政策措施。"),
    ]
    assert (art["sections"][-1]["blocks"][-1]["kind"], art["sections"][-1]["blocks"][-1]["marker"]) == ("paragraph", None)
    # 您 ends no name: 谢谢您 is no person
    assert [e["text"] for e in data["entities"] if e["label"] == "PERSON"] == ["郑栅洁", "郑栅洁"]


def test_a_transcripts_bracketed_labels_say_who_speaks_as_a_colon_does(nlp):
    from tifalens import analyze

    text = (
        "国新办举行新闻发布会\n\n【主持人 寿小丽】女士们、先生们，大家上午好。\n\n"
        "【国家统计局新闻发言人 付凌晖】\n一季度国内生产总值284997亿元，同比增长4.5%。\n\n"
        "【寿小丽】\n下面请记者朋友提问。\n\n【路透社记者】\n全年目标能否实现？\n\n【付凌晖】\n谢谢你的提问。我们有信心。\n\n"
        "【中央广播电视总台央视记者】请问消费恢复情况如何？\n\n【付凌晖】社会消费品零售总额同比增长5.8%。\n\n"
        "【寿小丽】\n今天的发布会到此结束。\n"
    )
    data = analyze(text, nlp=nlp).to_dict()
    (art,) = data["articles"]
    assert [(q["question_marker"], q["question"], q["answer_marker"], q["answer"]) for q in art["qa"]] == [
        ("【路透社记者】", "全年目标能否实现？", "【付凌晖】", "谢谢你的提问。我们有信心。"),
        ("【中央广播电视总台央视记者】", "请问消费恢复情况如何？", "【付凌晖】", "社会消费品零售总额同比增长5.8%。"),
    ]
    blocks = [(b["kind"], b["text"]) for sec in art["sections"] for b in sec["blocks"]]
    # a label on a line of its own and what is said on the next line are one block; the host closes
    assert ("paragraph", "【国家统计局新闻发言人 付凌晖】一季度国内生产总值284997亿元，同比增长4.5%。") in blocks
    assert blocks[-1] == ("paragraph", "【寿小丽】今天的发布会到此结束。")
    # every marker is the text where its block starts
    for q in art["qa"]:
        assert text[q["start"] : q["start"] + len(q["question_marker"])] == q["question_marker"]
    # a bracketed heading that names no one speaks for no one
    (art,) = analyze("标题在此\n\n【编者按】今年是改革开放45周年。\n\n记者：请问有何感受？\n\n【编者按】我们深受鼓舞。\n", nlp=nlp).to_dict()["articles"]
    assert art["qa"][0]["answer_marker"] is None


def test_a_speaker_on_a_line_of_their_own_speaks_the_next_line(nlp):
    from tifalens import analyze

    text = (
        "国务院新闻办公室举行新闻发布会\n\n国务院新闻办公室新闻局副局长、新闻发言人 寿小丽：\n　　女士们、先生们，大家上午好！\n\n"
        "国家统计局局长 康义：\n　　全年国内生产总值1349084亿元，比上年增长5.0%。\n\n"
        "中央广播电视总台央视记者：\n　　请问如何看待这一成绩？\n\n康义：\n　　谢谢你的提问。\n\n"
        "问：\n　　2025年的经济形势如何？\n\n答：\n　　我们充满信心。\n"
    )
    (art,) = analyze(text, nlp=nlp).to_dict()["articles"]
    assert [(q["question_marker"], q["question"], q["answer_marker"], q["answer"]) for q in art["qa"]] == [
        ("中央广播电视总台央视记者：", "请问如何看待这一成绩？", "康义：", "谢谢你的提问。"),
        ("问：", "2025年的经济形势如何？", "答：", "我们充满信心。"),
    ]
    first = [b["text"] for b in art["sections"][0]["blocks"]][:2]
    assert first == ["国务院新闻办公室新闻局副局长、新闻发言人 寿小丽：女士们、先生们，大家上午好！", "国家统计局局长 康义：全年国内生产总值1349084亿元，比上年增长5.0%。"]
    # the host who opened the conference takes the floor back: the answer is over
    (art,) = analyze(text + "\n寿小丽：\n　　今天的发布会就到这里。\n", nlp=nlp).to_dict()["articles"]
    assert art["qa"][-1]["answer"] == "我们充满信心。"
    assert art["sections"][-1]["blocks"][-1] == {**art["sections"][-1]["blocks"][-1], "kind": "paragraph", "text": "寿小丽：今天的发布会就到这里。"}
    # a spokesperson who opens and answers answers on
    (art,) = analyze("例行记者会\n\n毛宁：各位记者朋友，下午好。\n\n法新社记者：请问有何评论？\n\n毛宁：我们的立场是一贯的。\n\n毛宁：我再补充一点。\n", nlp=nlp).to_dict()["articles"]
    assert art["qa"][0]["answer"] == "我们的立场是一贯的。\n毛宁：我再补充一点。"
    # a salutation on its own line stays a line of its own
    (art,) = analyze("讲话\n\n同志们：\n\n今天我们召开会议，部署工作。\n", nlp=nlp).to_dict()["articles"]
    assert [b["text"] for b in art["sections"][0]["blocks"]] == ["同志们：", "今天我们召开会议，部署工作。"]
    # one that ends with a title of those who speak (代表, 委员) addresses them: it is no speaker either
    for salutation in ("各位代表：", "尊敬的各位委员："):
        (art,) = analyze(f"政府工作报告\n\n{salutation}\n\n现在，我代表国务院，向大会报告政府工作。\n", nlp=nlp).to_dict()["articles"]
        assert [b["text"] for b in art["sections"][0]["blocks"]] == [salutation, "现在，我代表国务院，向大会报告政府工作。"]
    # a deputy who speaks is a speaker
    (art,) = analyze("代表通道\n\n全国人大代表：\n\n我们村今年增收了。\n", nlp=nlp).to_dict()["articles"]
    assert [b["text"] for b in art["sections"][0]["blocks"]] == ["全国人大代表：我们村今年增收了。"]


def test_parts_of_a_long_document_are_headings_and_table_rows_are_not():
    text = (
        "新时代的中国绿色发展\n\n国务院新闻办公室\n\n前言\n\n绿色是生命的象征。\n\n第一章 发展基础\n\n"
        "“十四五”时期，全省地区生产总值年均增长5.8%。\n\n“我们要坚定不移走绿色发展之路。”\n\n"
        "专栏1 主要指标\n\n指标\t2025年\t2030年\n\n常住人口城镇化率（%）\t62.5\t66\n\n结束语\n\n中国将坚定不移。\n"
    )
    (a,) = articles(text)
    assert [s.text for s in a.subtitles] == ["国务院新闻办公室"]  # 前言 is a part, no subtitle
    assert [s.heading.text for s in a.sections if s.heading] == ["前言", "第一章 发展基础", "专栏1 主要指标", "结束语"]
    kinds = {b.text[:4]: b.kind for s in a.sections for b in s.blocks}
    # a paragraph that opens with a quoted formula is no quotation; one quoted whole is
    assert kinds["“十四五"] == "paragraph" and kinds["“我们要"] == "quote"
    # rows of a table (cells apart, one a number) are rows, not headings
    assert kinds["指标 2"] == "table_row" and kinds["常住人口"] == "table_row"


def test_a_table_of_contents_lists_the_headings_it_repeats_as_entries(nlp):
    text = (
        "新时代的中国乡村振兴\n\n国务院新闻办公室\n\n目录\n\n前言\n一、坚持农业农村优先发展\n二、全面推进乡村振兴\n结束语\n\n"
        "前言\n\n民族要复兴，乡村必振兴。\n\n一、坚持农业农村优先发展\n\n全国粮食总产量达到14130亿斤。\n\n"
        "二、全面推进乡村振兴\n\n坚持“五级书记抓乡村振兴”。\n\n结束语\n\n扎实推进乡村全面振兴。\n"
    )
    (a,) = articles(text)
    assert [s.heading.text for s in a.sections if s.heading] == ["目录", "前言", "一、坚持农业农村优先发展", "二、全面推进乡村振兴", "结束语"]
    assert [(b.kind, b.text) for b in a.sections[0].blocks] == [
        ("contents", "前言"), ("contents", "一、坚持农业农村优先发展"), ("contents", "二、全面推进乡村振兴"), ("contents", "结束语"),
    ]  # fmt: skip
    # the headings the table repeats count once: 乡村振兴 in the title and a heading
    doc = tifalens.analyze(text, nlp=nlp)
    assert {s["term"]: s["count"] for s in doc.to_dict()["terms"]} == {"乡村振兴战略": 2, "五级书记抓乡村振兴": 1, "乡村全面振兴": 1}
    assert "- 一、坚持农业农村优先发展\n- 二、全面推进乡村振兴\n- 结束语\n\n## 前言" in doc.to_markdown()
    # a dot leader and a page number end an entry; the body's headings say it without them, in full-width spaces
    text = (
        "规划纲要\n\n目 录\n\n第一篇　开启新征程……………………1\n　第一章　发展环境………………2\n第二篇　创新驱动 9\n\n"
        "第一篇　开启新征程\n\n第一章　发展环境\n\n国内生产总值超过130万亿元。\n\n第二篇　创新驱动\n\n坚持创新。\n"
    )
    (a,) = articles(text)
    assert [b.kind for b in a.sections[0].blocks] == ["contents"] * 3
    assert [s.heading.text for s in a.sections[1:]] == ["第一篇 开启新征程", "第一章 发展环境", "第二篇 创新驱动"]
    # a heading 目录 over a paragraph heads no table
    (a,) = articles("工作通知\n\n目录\n\n本目录所列项目由省发展改革委负责解释。\n\n一、总体要求\n\n加快推进。\n")
    assert [b.kind for s in a.sections for b in s.blocks] == ["paragraph", "paragraph"]


def test_a_table_s_header_row_is_a_row_not_a_heading():
    text = "统计公报\n\n一、综合\n\n全年地区生产总值56789亿元。\n\n表1\u30002023年居民消费价格涨跌幅度\n\n指标\t全省\t城市\t农村\n居民消费价格\t0.3\t0.4\t0.1\n\u3000食品烟酒\t-0.5\t-0.4\t-0.7\n\n二、农业\n\n全年粮食总产量3456万吨。\n"
    (a,) = articles(text)
    assert [s.heading.text for s in a.sections if s.heading] == ["一、综合", "表1 2023年居民消费价格涨跌幅度", "二、农业"]
    assert [(b.kind, b.text) for b in a.sections[1].blocks] == [
        ("table_row", "指标 全省 城市 农村"), ("table_row", "居民消费价格 0.3 0.4 0.1"), ("table_row", "食品烟酒 -0.5 -0.4 -0.7"),
    ]  # fmt: skip
    # short words apart by spaces with no row under them are a heading still (a headline and its decks)
    (a,) = articles("标题\n\n一、综合\n\n正文。\n\n甲 乙 丙\n\n正文。\n")
    assert [s.heading.text for s in a.sections if s.heading] == ["一、综合", "甲 乙 丙"]
    # Markdown shows the rows as a table under the header
    md = tifalens.analyze(text).to_markdown()
    assert "\n| 指标 | 全省 | 城市 | 农村 |\n|---|---|---|---|\n| 居民消费价格 | 0.3 | 0.4 | 0.1 |\n| 食品烟酒 | -0.5 | -0.4 | -0.7 |\n\n## 二、农业" in md


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("增强四个意识：政治意识、大局意识、核心意识。", [("四个意识", "四个意识 announces 4, but 3 are listed")]),
        ("增强四个意识：政治意识、大局意识、核心意识和看齐意识。", []),  # the last part holds two
        ("要牢固树立“四个意识”：政治意识、大局意识、核心意识。", [("四个意识”", "四个意识 announces 4, but 3 are listed")]),  # named without its quotes
        ("共包括六大平台：甲网、乙网、丙号、丁号、戊号和己号。", []),
        ("会议提出三点要求：一是加强学习；二是狠抓落实；三是从严管理；四是改进作风。", [("三点要求", "三点要求 announces 3, but 4 are listed (一是 … 四是)")]),
        ("主要有三大任务：\n一要加强学习。二要狠抓落实。\n", [("三大任务", "三大任务 announces 3, but 2 are listed (一要 … 二要)")]),
        ("落实两项制度：轮岗交流制度；全程纪实制度；干部考核制度。", [("两项制度", "两项制度 announces 2, but 3 are listed")]),
        # a marker after a quotation's end opens the next item (…好办。”三是)
        ("有三点：一是包容。他说：“好。”二是平等。他说：“对。”三是换位。", []),
        # not counted: an open list, a quotation, pairs, clauses, a congress, characters, a count with 的
        ("包括以下三类：甲、乙等。十九大报告指出：甲、乙。16个字：无中生有、点石成金。", []),
        ("四个坏习惯：习惯性麻木、无所作为，习惯性回避、绕道走。两种形象的对比：光明与黑暗、正义与邪恶、进步与落后。", []),
        ("四个方面：对照“脱贫、出列、摘帽”指标发现的问题；检查中发现的问题；作风问题线索以及整改中的问题。", []),
        # 以及 joins the last two members though 和 joins words inside one of them
        ("四个方面：指标问题；形式主义问题；扶贫领域腐败和作风问题线索以及各项整改工作中的问题。", []),
        ("五个平台”：思政教育平台、专业管理平台、从严治党平台、创先争优平台、服务平台；“三个机制”：领导机制、落实机制、评价机制。", []),
        ("坚持两个原则：“公开、公平、公正”。", []),
    ],
)
def test_a_list_is_held_against_the_number_that_announces_it(text, expected):
    found = parse_structure(text).checks
    assert [(text[c["start"] : c["end"]], c["message"]) for c in found] == expected
    assert all(c["code"] == "list_count" and c["level"] == "warning" and c["figures"] == [] for c in found)


def test_each_list_is_named_with_its_count_and_the_sentence_that_opens_it(nlp):
    from tifalens import analyze

    text = (
        "条例\n\n"
        "第七条　对党员的纪律处分种类：\n（一）警告；\n（二）严重警告；\n（三）开除党籍。\n\n"
        "我们要做好两方面工作。一是稳增长，重点有三：第一，扩内需；第二，稳外贸。二是防风险。\n"
    )
    result = analyze(text, nlp=nlp)
    (art,) = result.to_dict()["articles"]
    assert [(one["index"], one["family"], one["count"], one["lead"], one["qa"]) for one in art["lists"]] == [
        (0, "paren", 3, "第七条 对党员的纪律处分种类：", None),  # the normalised text: U+3000 is a space
        (1, "shi", 2, "我们要做好两方面工作。", None),
        (2, "di", 2, "一是稳增长，重点有三：", None),  # the sentence, from its start
    ]
    # items stay in text order, each naming its list: the list inside 一是 comes before 二是
    assert [(it["marker"], it["list"]) for it in art["items"]] == [
        ("（一）", 0), ("（二）", 0), ("（三）", 0), ("一是", 1), ("第一", 2), ("第二", 2), ("二是", 1),
    ]  # fmt: skip
    assert text[art["lists"][0]["start"] : art["lists"][0]["end"]] == "警告；\n（二）严重警告；\n（三）开除党籍。"
    md = result.to_markdown()
    # the lines that are items a list in place; the lists inside a paragraph a digest after the article
    assert "第七条 对党员的纪律处分种类：\n\n- **（一）** 警告；\n- **（二）** 严重警告；\n- **（三）** 开除党籍。\n\n我们要做好" in md
    assert "### Enumerations\n\n*我们要做好两方面工作。*\n\n- 一是 稳增长，重点有三：第一，扩内需；\n- 二是 防风险。\n\n*一是稳增长，重点有三：*\n\n- 第一 扩内需；\n" in md


def test_a_list_in_an_answer_belongs_to_its_pair(nlp):
    from tifalens import analyze

    (art,) = analyze("访谈\n\n问：有哪些措施？\n\n答：主要有两条。一是减税；二是降费。\n", nlp=nlp).to_dict()["articles"]
    assert [(one["count"], one["lead"], one["qa"]) for one in art["lists"]] == [(2, "主要有两条。", 0)]
    assert [it["list"] for it in art["qa"][0]["items"]] == [0, 0] and art["items"] == []


def test_the_articles_of_a_regulation_are_one_list_through_its_chapters(nlp):
    from tifalens import analyze

    text = (
        "示范条例\n\n第一章　总则\n\n"
        "第一条　为了规范工作，制定本条例。\n\n第二条　本条例适用于各级机关。\n\n"
        "第二章　职责\n\n"
        "第三条　机关应当履行下列职责：\n（一）执行决定；\n（二）依照本条例第一条开展工作。\n\n"
        "第四条违反本条例第二条规定的，依法处理。\n\n"
        "第三章　附则\n\n第五条　本条例自发布之日起施行。\n"
    )
    (art,) = analyze(text, nlp=nlp).to_dict()["articles"]
    assert [s["heading"] for s in art["sections"]] == ["第一章 总则", "第二章 职责", "第三章 附则"]
    # 第一条 … 第五条 run on across the chapters; 第一条 and 第二条 inside a sentence only refer to an article
    assert [(it["marker"], it["number"], it["family"], it["list"]) for it in art["items"]] == [
        ("第一条", 1, "tiao", 0), ("第二条", 2, "tiao", 0), ("第三条", 3, "tiao", 0),
        ("（一）", 1, "paren", 1), ("（二）", 2, "paren", 1), ("第四条", 4, "tiao", 0), ("第五条", 5, "tiao", 0),
    ]  # fmt: skip
    assert [(one["family"], one["count"], one["lead"]) for one in art["lists"]] == [("tiao", 5, None), ("paren", 2, "第三条 机关应当履行下列职责：")]
    assert [it["text"] for it in art["items"] if it["family"] == "tiao"][2:4] == ["机关应当履行下列职责：", "违反本条例第二条规定的，依法处理。"]


@pytest.mark.parametrize("word, value", [("一百零一", 101), ("一百二十", 120), ("两千", 2000), ("零", None), ("三百五", None)])
def test_article_numbers_above_ninety_nine(word, value):
    assert cn_small_number(word) == value


def test_lines_of_a_list_or_timeline_are_not_joined_as_broken_sentences():
    timeline = (
        "改革大事记\n\n2015年11月\n中央军委改革工作会议在京举行，我军历史上力度、深度、广度空前的整体性、革命性变革拉开大幕\n"
        "2016年12月\n军队规模结构和力量编成改革全面启动，重在破解结构性矛盾，实现我军力量体系革命性重塑\n"
        "2017年11月\n中共中央总书记、国家主席习近平对越南、老挝两国进行国事访问并出席亚太经合组织领导人非正式会议\n"
        "中越同意落实好共建“一带一路”和“两廊一圈”合作文件，推进务实合作。\n"
    )
    names = (
        "表彰名单\n\n上海市普陀区市场监督管理局市场主体监管科科长兼党支部书记 侯昶龙\n"
        "上海市黄浦区市场监督管理局豫园市场监管所副所长兼党支部副书记 朱 明\n"
    )
    for text in (timeline, names):
        parsed = parse_structure(read_bytes(text.encode("utf-8"), path="t").text)
        assert [n for n in parsed.notes if n["code"] == "joined_paragraph"] == []
    # prose cut mid-sentence still joins, though the cut line has no full stop, and so does a line after a ﹖
    prose = (
        "标题\n\n党的二十大代表选举工作从2021年11月启动，到今年7月全部完成，各选举单位坚持好中选优、优中\n"
        "选强，确保选出的代表符合条件。\n中策组会怎样看这个结果﹖\n它还能不能得到各方的信任？\n"
    )
    parsed = parse_structure(read_bytes(prose.encode("utf-8"), path="t").text)
    assert [n["message"] for n in parsed.notes if n["code"] == "joined_paragraph"] == [
        "joined a paragraph broken mid-sentence: “…持好中选优、优中” + “选强，确保选出的…”"
    ]


def test_an_agency_reporter_credit_is_no_heading():
    text = (
        "基层党建引领城市社区治理扫描\n\n新华社北京9月17日电\n新华社记者邹声文、康淼、陈弘毅\n"
        "党的工作最坚实的力量支撑在基层。\n（解放军报记者张磊峰）\n新华社记者采访了有关专家。\n"
    )
    (a,) = parse_structure(text).articles
    assert a.title.text == "基层党建引领城市社区治理扫描"
    assert [s.heading for s in a.sections if s.heading] == []
    assert (a.byline.role, a.byline.names) == ("新华社记者", ("邹声文", "康淼", "陈弘毅"))
    assert [b.text for b in a.boilerplate] == ["（解放军报记者张磊峰）"]
    assert "新华社记者采访了有关专家。" in [blk.text for sec in a.sections for blk in sec.blocks]


def test_headings_have_levels_by_their_numbering(nlp):
    from tifalens import analyze

    def levels(text):
        (art,) = analyze(text, nlp=nlp).to_dict()["articles"]
        return [(s["heading"], s["level"], s["numbering"]) for s in art["sections"] if s["heading"]]

    text = (
        "政府工作报告\n\n一、过去一年的工作\n\n过去一年，我们做了大量工作。\n\n（一）稳定经济增长\n\n经济总量稳步提升。\n\n"
        "1.扩大内需\n\n消费持续恢复。\n\n（二）推进改革开放\n\n改革深入推进。\n\n二、今年的主要任务\n\n今年要做好以下工作。\n"
    )
    assert levels(text) == [
        ("一、过去一年的工作", 1, "cn_dun"), ("（一）稳定经济增长", 2, "paren"), ("1.扩大内需", 3, "arabic"),
        ("（二）推进改革开放", 2, "paren"), ("二、今年的主要任务", 1, "cn_dun"),
    ]  # fmt: skip
    # the styles an article uses rank in the nesting order, whichever comes first: （一） under 第一部分
    text = "规划纲要\n\n（一）发展基础\n\n基础扎实。\n\n第一部分 总体要求\n\n要求明确。\n\n（二）主要目标\n\n目标清楚。\n"
    assert [lv for _, lv, _ in levels(text)] == [2, 1, 2]
    # headings with no number: level 1 when the first has none, else below every numbered style
    text = "通知\n\n一、总体要求\n\n要坚持标准。\n\n二、主要任务\n\n要抓好落实。\n\n附：相关说明\n\n说明如下。\n"
    assert levels(text)[-1] == ("附：相关说明", 2, "plain")
    (art,) = analyze("二十大代表选举\n\n当选代表名单已经公布。\n\n把好政治关\n\n各地严格把关。\n\n代表结构合理\n\n结构优化。\n", nlp=nlp).to_dict()["articles"]
    assert [(s["level"], s["numbering"]) for s in art["sections"]] == [(None, None), (1, "plain"), (1, "plain")]
    # a heading that is only a figure has its level too (its span shares the figure's offsets)
    figure = "党建大事记\n\n当年工作回顾如下。\n\n298个\n\n累计推出298个标准化党支部。\n\n重点工作\n\n各地扎实推进。\n"
    assert levels(figure) == [("298个", 1, "plain"), ("重点工作", 1, "plain")]
    # Markdown nests them under the article's title (#)
    md = analyze(text.replace("附：相关说明", "（一）相关说明"), nlp=nlp).to_markdown()
    assert "\n## 二、主要任务\n" in md and "\n### （一）相关说明\n" in md


def test_a_title_in_quotation_marks_or_asking_is_the_title():
    for title in ("“一个少数民族也不能少”", "“武汉必将再一次被载入英雄史册！”", "“两个确立”的决定性意义", "“红色引擎”动能澎湃――陕西省以党建引领助力非公企业复工复产"):
        (a,) = parse_structure(f"{title}\n宁夏北部俗称川区，得黄河水之利。\n\n摆脱贫困，是一道难题。\n").articles
        assert a.title.text == title
        assert [b.kind for sec in a.sections for b in sec.blocks] == ["lead", "paragraph"]
    # a quoted remark and who said it is a quotation, not a title
    (a,) = parse_structure("“我们一定要把这件事办好。”他说。\n宁夏北部俗称川区，得黄河水之利。\n").articles
    assert a.title is None and a.sections[0].blocks[0].kind == "quote"
    # a title may ask or exclaim; a question marked 问： is no title
    for title in ("钟声：这样的拙劣表演还要持续多久？", "望海楼：再折腾，香港伤不起！", "“神威大队”神在哪儿？", "打通基层治理“最后一公里”? ――北京市的探索与实践"):
        (a,) = parse_structure(f"{title}\n蓬佩奥的种种说辞，只会带来道义赤字。\n").articles
        assert a.title.text == title
    (a,) = parse_structure("问：这样的表演还要持续多久？\n答：不会太久。\n").articles
    assert a.title is None and [q.question.text for q in a.qa] == ["问：这样的表演还要持续多久？"]
    # such a title above a dateline (本报讯) opens the article; it is not an article of its own
    for title in ("“党委解难热线”暖了官兵心", "神威大队神在哪儿？"):
        (a,) = parse_structure(f"{title}\n本报讯 特约记者晏良报道：今年全省粮食丰收。\n").articles
        assert a.title.text == title and a.dateline.agency == "本报"


def test_a_first_line_too_long_for_a_heading_is_the_title_unless_the_text_is_wrapped_at_its_width():
    title = "以抗击疫情复工复产决胜全面小康，决战脱贫攻坚的非凡成就重大贡献，迎接伟大的中国共产党成立100周年"
    assert 40 < len(title) <= 60
    (a,) = parse_structure(f"{title}\n历史已经证明，中国共产党的成立是开天辟地的历史大事件。\n").articles
    assert a.title.text == title and a.sections[0].blocks[0].text.startswith("历史已经证明")
    # a headline and its deck on one line, apart by a space: one title, however long
    title = "中共中央政治局召开会议 审议《军队政治工作条例》《中国共产党统一战线工作条例》和《中国共产党党员权利保障条例》 中共中央总书记习近平主持会议"
    assert len(title) > 60
    (a,) = parse_structure(f"{title}\n新华社北京9月28日电 中共中央政治局9月28日召开会议。\n").articles
    assert a.title.text == title and a.dateline.agency == "新华社"
    # a paragraph wrapped at a width: its first line goes on in the next
    wrapped = "在以习近平同志为核心的党中央坚强领导下，党的二十大代表选举工作顺利完成，当选代表名单也已在新闻媒\n体公布。近日，中央组织部负责人就二十大代表选举工作有关情况回答了记者提问，全国共选出二十大代表二千\n二百九十六名。\n"
    assert abs(len(wrapped.split("\n")[0]) - len(wrapped.split("\n")[1])) <= 2
    (a,) = parse_structure(wrapped).articles
    assert a.title is None and len(a.sections[0].blocks) == 1


def test_a_summary_or_highlights_above_a_dateline_belong_to_its_article():
    summary = "全会一致认为，面对错综复杂的国际形势，党中央团结带领全党全国各族人民砥砺前行。"
    (a,) = parse_structure(f"中共十九届五中全会在京举行\n{summary}\n新华社北京10月29日电 全会听取和讨论了工作报告。\n全会强调，要坚定信心。\n").articles
    assert a.title.text == "中共十九届五中全会在京举行" and a.dateline.text.startswith("新华社北京10月29日电")
    (a,) = parse_structure("听取脱贫攻坚总结评估汇报\n■党的十八大以来，脱贫攻坚取得重大胜利。\n■脱贫攻坚的胜利打下坚实基础。\n本报讯（记者 谈燕）会议昨天召开。\n").articles
    assert a.dateline.agency == "本报"
    # a title of its own right above the dateline opens another article, however short the one before
    text = "妇女在耶路撒冷举行集会（图片）\n12月29日，数千名妇女在耶路撒冷举行集会。\n俄确定国歌歌词\n新华社莫斯科12月30日电 普京30日下午签署了命令。\n"
    assert [a.title.text for a in parse_structure(text).articles] == ["妇女在耶路撒冷举行集会（图片）", "俄确定国歌歌词"]
    # and so does a dateline after an article that has its own
    text = "基层减负进行时\n人民网南昌4月2日电 江西省委近日印发措施。\n各地积极落实。\n人民网石家庄4月2日电 河北省委办公厅印发措施。\n"
    assert len(parse_structure(text).articles) == 2


def test_a_dateline_alone_under_a_title_opens_the_text_after_it():
    body = "\u3000\u30003月2日，国务院召开常务会议。会议指出，要坚持稳中求进工作总基调。\n"
    (a,) = parse_structure(f"国务院召开常务会议\n（新华社北京3月2日电）\n\n{body}").articles
    assert a.title.text == "国务院召开常务会议" and (a.dateline.text, a.dateline.position) == ("（新华社北京3月2日电）", "leading")
    assert [b.text for s in a.sections for b in s.blocks if b.kind != "dateline"] == [body.strip()]
    # after another article's body, a title and such a dateline open a second article
    arts = parse_structure(f"第一篇\n\n正文一。这是第一篇文章的内容。\n\n另一篇标题\n（新华社北京3月2日电）\n\n{body}").articles
    assert [(a.title.text, a.dateline and a.dateline.position) for a in arts] == [("第一篇", None), ("另一篇标题", "leading")]
    # at the end of an article, signed and dated, it closes it; a paragraph with a dateline of its own opens the next
    text = "回信\n\n你们好！来信收悉。希望你们再接再厉。\n习近平\n2020年11月29日\n（新华社北京11月30日电）\n新华社北京11月30日电 习近平近日回信。\n"
    arts = parse_structure(text).articles
    assert [(a.dateline.text, a.dateline.position) for a in arts] == [("（新华社北京11月30日电）", "closing"), ("新华社北京11月30日电", "leading")]
    # the last line of a list of names, closing it
    (a,) = parse_structure("名单\n\n张三  李四\n王五  赵六\n（新华社北京12月16日电）\n").articles
    assert a.dateline.position == "closing"


@pytest.mark.parametrize("toolbar", ["【字体：大 中 小】 打印 分享到：", "打印 | 关闭窗口", "[字号：大 中 小]　下载　收藏", "【字号：大 中 小】【打印】【关闭】"])
def test_a_line_of_toolbar_items_is_boilerplate_and_splits_nothing(toolbar):
    text = f"推进新质生产力发展\n{toolbar}\n新华社北京2月1日电 会议召开。\n会议强调，要加快发展。\n"
    (a,) = articles(text)
    assert a.title.text == "推进新质生产力发展" and [b.text for b in a.boilerplate] == [toolbar.replace("\u3000", " ")]
    # a line that only begins with a toolbar word stays text
    (b,) = articles("标题\n\n打印 工作已全部完成。\n")
    assert b.boilerplate == []


def test_a_page_number_is_page_furniture_and_a_paragraph_goes_on_across_it():
    text = "报告标题\n\n过去一年，经济运行总体平稳。城镇新增就业1244万人，粮食产量达到\n\n－ 3 －\n\n13908亿斤，再创历史新高。\n\n第4页 共12页\n\n（一）宏观调控精准有力。\n\n— 5 —\n"
    structure = parse_structure(read_bytes(text.encode("utf-8"), path="t").text)
    (a,) = structure.articles
    assert [b.text for s in a.sections for b in s.blocks] == ["过去一年，经济运行总体平稳。城镇新增就业1244万人，粮食产量达到13908亿斤，再创历史新高。", "（一）宏观调控精准有力。"]
    assert [b.text for b in a.boilerplate] == ["第4页 共12页", "— 5 —"]
    (note,) = [n for n in structure.notes if n["code"] == "joined_paragraph"]
    assert note["message"] == "joined a paragraph broken mid-sentence across the page number － 3 －: “…人，粮食产量达到” + “13908亿斤，…”"
    assert text[note["start"] : note["end"]] == "\n\n－ 3 －\n\n"
    # a dash before a number and none after it is no page number
    (b,) = articles("标题\n\n正文。\n\n— 3项措施全部落实\n")
    assert b.boilerplate == []


def test_a_running_header_is_page_furniture_and_a_paragraph_goes_on_across_it():
    # a PDF's title at the top of each page, next to its number; the title line itself stays the title
    text = (
        "政府工作报告\n\n现在，我代表国务院，向大会报告政府工作。过去一年，我们坚持稳中求进工作总基调，着力推动高质\n政府工作报告（2025年）\n— 2 —\n量发展，经济运行总体平稳。\n\n"
        "一、2024年工作回顾\n\n国内生产总值达到134.9万亿元，\n政府工作报告（2025年）\n— 3 —\n增长5%。\n"
    )
    (a,) = articles(text)
    assert a.title.text == "政府工作报告"
    assert [b.text for s in a.sections for b in s.blocks] == [
        "现在，我代表国务院，向大会报告政府工作。过去一年，我们坚持稳中求进工作总基调，着力推动高质量发展，经济运行总体平稳。", "国内生产总值达到134.9万亿元，增长5%。",
    ]  # fmt: skip
    assert [s.heading.text for s in a.sections if s.heading] == ["一、2024年工作回顾"]
    # a paper's page line breaking three sentences, with no page numbers
    text = "标题\n\n全省经济运行总体平稳。就业\n人民日报 2024年3月6日 第2版\n形势保持稳定。物价\n人民日报 2024年3月6日 第2版\n温和上涨。\n人民日报 2024年3月6日 第2版\n"
    (a,) = articles(text)
    assert [b.text for s in a.sections for b in s.blocks] == ["全省经济运行总体平稳。就业形势保持稳定。物价温和上涨。"]
    assert [b.text for b in a.boilerplate] == ["人民日报 2024年3月6日 第2版"]  # (the two a join leaves out are in its gap)
    # a line said twice, apart from page numbers, is no furniture (a speaker's label)
    (a,) = articles("访谈\n\n主持人：\n\n请谈谈情况。\n\n主持人：\n\n还有呢？\n")
    assert a.boilerplate == []


def test_a_doubled_dash_opens_a_bullet_as_one_marker():
    # 政府工作报告's highlights: ——经济总体回升向好。… (a lone — or - is a marker too)
    (a,) = articles("工作回顾\n\n过去一年极不平凡。\n\n——经济总体回升向好。增长5.2%。\n\n——粮食产量再创新高。\n\n—就业总体稳定。\n")
    bullets = [(blk.marker, blk.text) for sec in a.sections for blk in sec.blocks if blk.kind == "bullet"]
    assert bullets == [("——", "——经济总体回升向好。增长5.2%。"), ("——", "——粮食产量再创新高。"), ("—", "—就业总体稳定。")]


def test_subheads_in_square_brackets_or_after_a_bullet_over_paragraphs_are_headings():
    text = (
        "标题\n\n今年以来，经济运行持续向好，主要指标好于预期。\n\n【坚持创新驱动】\n\n全省研发经费投入强度达到2.6%。\n\n"
        "■ 深化改革开放\n\n进出口总额增长8.2%，外资规模稳中有升。\n"
    )
    (a,) = articles(text)
    assert [s.heading.text if s.heading else None for s in a.sections] == [None, "【坚持创新驱动】", "■ 深化改革开放"]
    # bullets one after another are a list's items, and so is one with a clause's punctuation
    (a,) = articles("标题\n\n今年以来经济运行持续向好。\n\n■ 深化改革\n\n■ 扩大开放\n\n全省进出口总额增长8.2%。\n\n■ 稳外贸，稳外资\n\n外资规模稳中有升，结构持续优化。\n")
    assert [(blk.kind, blk.marker) for sec in a.sections for blk in sec.blocks] == [
        ("lead", ""), ("bullet", "■"), ("bullet", "■"), ("paragraph", ""), ("bullet", "■"), ("paragraph", ""),
    ]
    # a transcript's label in brackets names who speaks; a labelled line in brackets is no heading either
    (a,) = articles("发布会实录\n\n【国家统计局局长 康义】\n\n各位记者朋友，大家上午好，今年以来经济运行稳中向好。\n")
    assert [s.heading for s in a.sections] == [None]
    (a,) = articles("标题\n\n今年以来经济运行持续向好。\n\n【链接：相关报道】\n\n全省进出口总额增长8.2%，外资规模稳中有升。\n")
    assert [s.heading for s in a.sections] == [None]
    # a bullet before the authors of the piece under it credits them
    for credit in ("■任 明 程小冬 本报记者 周 远", "■任 帆", "■顾亚根 遇际坤", "■第83集团军某旅政治工作部主任 朱 刚"):
        (a,) = articles(f"标题\n\n今年以来经济运行持续向好。\n\n{credit}\n\n全省进出口总额增长8.2%，外资规模稳中有升。\n")
        assert [s.heading for s in a.sections] == [None], credit


def test_an_official_document_s_number_and_who_signs_it():
    text = (
        "国务院关于进一步优化营商环境的意见\n国发〔2023〕15号\n\n各省、自治区、直辖市人民政府：\n\n"
        "优化营商环境是建设现代化经济体系的重要内容。\n\n一、总体要求\n\n坚持稳中求进工作总基调。\n\n"
        "二、重点任务\n\n深化“放管服”改革。\n\n国务院\n2023年12月20日\n\n（此件公开发布）\n"
    )
    (a,) = articles(text)
    assert (a.doc_number.text, a.subtitles, a.doc_type) == ("国发〔2023〕15号", [], "意见")
    # whom it is sent to: its body's first line, ending with a colon
    assert (a.addressee.text, a.addressee.kind) == ("各省、自治区、直辖市人民政府：", "addressee")
    # the body that signs it, above the date that closes it, is no heading
    assert [s.heading.text for s in a.sections if s.heading] == ["一、总体要求", "二、重点任务"]
    assert (a.issuer.text, a.issuer.kind, a.date.value) == ("国务院", "signature", "2023-12-20")
    assert [(b.kind, b.text) for b in a.sections[-1].blocks][-3:] == [("signature", "国务院"), ("paragraph", "2023年12月20日"), ("paragraph", "（此件公开发布）")]
    # a decree's number; a letter signed by a person
    (a,) = articles("中华人民共和国国务院令\n国务院令第781号\n\n《条例》已经国务院常务会议通过，现予公布。\n")
    assert a.doc_number.text == "国务院令第781号"
    (a,) = articles("致全国人民的一封信\n\n同志们：新年好！希望大家身体健康。\n\n习近平\n2020年11月29日\n")
    assert (a.issuer.text, a.addressee) == ("习近平", None)
    # a colon later in the body names no addressee
    (a,) = articles("标题\n\n今年以来，全省经济运行稳中向好。\n\n各市、县人民政府：\n")
    assert a.addressee is None
    # a short last line of the body above a date is a signature only when the date ends the text
    (a,) = articles("大事记\n\n会议召开\n2020年11月29日\n\n这一天，会议在北京召开，审议通过了决议。\n")
    assert a.issuer is None


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("国务院关于进一步优化营商环境的意见", "意见"),
        ("关于做好2024年春节期间有关工作的通知", "通知"),
        ("关于实施乡村振兴战略的意见", "意见"),  # (实施 inside a 关于 title)
        ("中国共产党纪律处分条例（2023年修订）", "条例"),
        ("中华人民共和国反间谍法实施细则", "实施细则"),
        ("中国共产党章程", "章程"),
        # headlines about a document, and titles that only end with such a word
        ("国务院印发《2024—2030年规划纲要》", None),
        ("多地出台新规定", None),
        ("坚持依法办事的规则", None),
        ("学习贯彻新条例", None),
        ("习近平在中央经济工作会议上的讲话", None),
    ],
)
def test_the_kind_of_official_document_a_title_names(title, kind):
    from tifalens.components.structure import _rules, doc_type

    assert doc_type(title, _rules()) == kind


def test_a_rule_drawn_across_the_page_is_furniture_not_a_bullet():
    (a,) = articles("深圳四十年\n\n深圳创造了奇迹。\n\n----------------\n\n习近平总书记回顾了五大历史性跨越。\n\n＊＊＊\n\n——经济保持恢复发展。\n")
    blocks = [(blk.kind, blk.text) for sec in a.sections for blk in sec.blocks]
    assert blocks[1:] == [("paragraph", "习近平总书记回顾了五大历史性跨越。"), ("bullet", "——经济保持恢复发展。")]


def test_a_paper_s_own_dateline_ends_in_xun():
    (a,) = articles("全省新增就业12.5万人\n\n本报长沙5月5日讯（记者 张三）今年一季度，全省城镇新增就业12.5万人。\n")
    d = a.dateline
    assert (d.text, d.agency, d.place, d.date, d.position) == ("本报长沙5月5日讯（记者 张三）", "本报", "长沙", "5月5日", "leading")
    (a,) = articles("标题\n\n本报12月4日讯（记者黄鹭）近日，全省召开会议。\n")
    assert (a.dateline.text, a.dateline.place, a.dateline.date) == ("本报12月4日讯（记者黄鹭）", "", "12月4日")


@pytest.mark.parametrize(
    "line, dateline",
    [
        # a provincial paper is an agency by its shape, dated or not
        ("湖南日报11月26日讯（记者 冒蕞 孙敏坚）今天上午，", ("湖南日报11月26日讯（记者 冒蕞 孙敏坚）", "湖南日报", "", "11月26日")),
        ("南方日报讯（记者/张三）近日，", ("南方日报讯（记者/张三）", "南方日报", "", "")),
        ("本报南宁讯（记者 王明）日前，", ("本报南宁讯（记者 王明）", "本报", "南宁", "")),
        ("中国共产党新闻网北京3月5日电 日前，", ("中国共产党新闻网北京3月5日电", "中国共产党新闻网", "北京", "3月5日")),
        # the day alone (本报26日讯, 中央社台北22日电)
        ("本报26日讯（记者曹忠义）11月25日，", ("本报26日讯（记者曹忠义）", "本报", "", "26日")),
        ("（中央社台北22日电）今日，", ("（中央社台北22日电）", "中央社", "台北", "22日")),
        # a news site's dispatch (中国藏族网通讯)
        ("中国藏族网通讯  12月5日，", ("中国藏族网通讯", "中国藏族网", "", "")),
        # relayed (据) and undated
        ("据新华社北京3月5日电 日前，", ("据新华社北京3月5日电", "新华社", "北京", "3月5日")),
        ("新华社电（记者 王明）日前，", ("新华社电（记者 王明）", "新华社", "", "")),
        # an undated 电 or 讯 is one only before a space or a bracket: these are words
        ("新华社电视台记者日前走进乡村，", None),
        ("本报今年以来共收到群众来电一千多件，", None),
        ("湖南日报社电话会议日前召开，", None),
    ],
)
def test_datelines_of_any_paper_dated_or_not(line, dateline):
    (a,) = articles("标题在此\n\n" + line + "全省召开会议，部署今年的工作。\n")
    d = a.dateline
    assert (d and (d.text, d.agency, d.place, d.date)) == dateline or (d is None and dateline is None)


def test_a_title_with_a_byline_under_it_opens_another_article_of_a_collection(nlp):
    # no datelines: each piece a title, its author (a name alone, a credit, 本报评论员) and its body
    text = (
        "以高质量党建引领基层治理\n\n本报评论员\n\n基层治则天下安。各地坚持以党建引领基层治理，推动治理重心下移。\n\n"
        "实践证明，只有把党的领导贯穿基层治理全过程，才能形成共建共治共享的格局。\n\n"
        "稳住农业基本盘\n\n李明\n\n手中有粮，心中不慌。今年全国粮食总产量达到13908亿斤。\n\n"
        "让数字经济更好赋能实体经济\n\n本报记者 张华\n\n数字经济是新的经济形态，要推动数字技术与实体经济深度融合。\n"
    )
    found = [(a["title"], a["byline"]["text"]) for a in tifalens.analyze(text, nlp=nlp).to_dict()["articles"]]
    assert found == [("以高质量党建引领基层治理", "本报评论员"), ("稳住农业基本盘", "李明"), ("让数字经济更好赋能实体经济", "本报记者 张华")]
    # an editors' note signed ――编者 above the byline opens nothing
    text = "标题在此\n\n编者按：这是一段很长的编者按语，介绍了文章的背景和意义，请读者关注。\n\n――编 者\n\n本报记者 汪志球\n\n正文第一段，全省召开会议。\n"
    assert len(tifalens.analyze(text, nlp=nlp).to_dict()["articles"]) == 1


def test_taiwan_and_provincial_credits_and_the_central_news_agency_s_dateline(nlp):
    body = "行政院会今日通过总预算案，岁出规模创新高。"
    # a line of its own under the title: the reporter, a slash and where from, 报导 (Taiwan papers)
    art, by, persons = one_article(nlp, "总预算案出炉\n\n记者王大明／台北报导\n\n" + body + "\n")
    assert (by, art["subtitles"]) == (("记者", ["王大明"], "记者王大明"), [])
    # the same in brackets opening the first paragraph (〔〕 as the Liberty Times writes it, （） as provincial
    # papers do), in Traditional characters too
    assert one_article(nlp, "總預算案出爐\n\n〔記者王大明／台北報導〕行政院會今日通過總預算案，歲出規模創新高。\n")[1] == ("记者", ["王大明"], "記者王大明")
    assert one_article(nlp, "标题在此\n\n（记者杨文 孙蕊）11月26日，全省文化活动闭幕。\n")[1] == ("记者", ["杨文", "孙蕊"], "记者杨文 孙蕊")
    # 中央社 names the reporter before the place and gives the day alone; the editor's credit and the date code
    # after it close the article as page furniture
    art, by, persons = one_article(nlp, "总预算案出炉\n\n（中央社记者王大明台北22日电）" + body + "\n\n（编辑：李小华）1131022\n")
    d = art["dateline"]
    assert (d["text"], d["agency"], d["place"], d["date"], by) == ("（中央社记者王大明台北22日电）", "中央社", "台北", "22日", ("记者", ["王大明"], "记者王大明"))
    assert [b["text"] for sec in art["sections"] for b in sec["blocks"]] == ["（中央社记者王大明台北22日电）" + body]
    (a,) = articles("总预算案出炉\n\n（中央社台北22日电）" + body + "\n\n（编辑：李小华）1131022\n")
    assert ((a.dateline.place, a.dateline.date), [x.text for x in a.boilerplate]) == (("台北", "22日"), ["（编辑：李小华）1131022"])


def test_a_notice_that_prints_a_document_and_its_attachments():
    text = (
        "国务院办公厅关于印发《加快构建废弃物循环利用体系的意见》的通知\n国办发〔2024〕7号\n\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n经国务院同意，现将《意见》印发给你们，请认真贯彻执行。\n\n"
        "附件：1. 加快构建废弃物循环利用体系的意见\n      2. 重点任务分工表\n\n国务院办公厅\n2024年2月6日\n"
    )
    (a,) = articles(text)
    assert (a.doc_type, a.doc_number.text) == ("通知", "国办发〔2024〕7号")
    assert [sec.heading for sec in a.sections] == [None]  # the attachments are no headings
    assert [b.text for b in a.sections[0].blocks if b.text.startswith(("附件", "2."))] == ["附件：1. 加快构建废弃物循环利用体系的意见", "2. 重点任务分工表"]


def test_a_speech_that_says_how_many_parts_follow_is_held_to_its_headings():
    def checks(intro, headings):
        text = "在全市组织工作会议上的讲话\n\n同志们：\n\n" + intro + "\n\n" + "".join(f"{h}\n\n这一部分讲具体的工作。\n\n" for h in headings)
        return [c["message"] for c in parse_structure(read_bytes(text.encode("utf-8"), path="t").text).checks]

    assert checks("今天召开会议。下面，我讲三点意见。", ["一、提高政治站位", "二、突出工作重点"]) == [
        "三点意见 announces 3, but 2 headings follow (一、 … 二、)"
    ]
    assert checks("今天召开会议。下面，我讲两点意见。", ["一、提高政治站位", "二、突出工作重点"]) == []
    # subheadings of another style are not counted; an announcement not right above the first heading holds nothing
    assert checks("下面，我讲两点意见。", ["一、提高政治站位", "（一）加强学习", "（二）狠抓落实", "二、突出工作重点"]) == []
    assert checks("我讲三点意见。今天召开会议，大家都来了。", ["一、提高政治站位", "二、突出工作重点"]) == []


def test_a_wechat_post_s_furniture_is_boilerplate(nlp):
    # the prompt to follow, the end mark, the editors' credits, a list of earlier posts and the toolbar: only the
    # article is read (the formula in a linked post's title is not counted)
    text = (
        "点击蓝字 关注我们\n\n全省基层党建工作推进会召开\n\n作者：李华\n\n"
        "11月20日，全省基层党建工作推进会在长沙召开。全省已建成党群服务中心1.2万个。\n\n"
        "— END —\n\n编辑：王明\n审核：张强\n监制：刘伟\n\n往期推荐\n◆ 坚持“两个确立”\n◆ 全省组织工作会议召开\n\n分享\n在看\n阅读原文\n"
    )
    data = tifalens.analyze(text, nlp=nlp).to_dict()
    (art,) = data["articles"]
    assert (art["title"], art["subtitles"]) == ("全省基层党建工作推进会召开", [])
    assert [b["text"] for sec in art["sections"] for b in sec["blocks"]] == ["11月20日，全省基层党建工作推进会在长沙召开。全省已建成党群服务中心1.2万个。"]
    assert data["terms"] == []


def test_a_wechat_post_s_location_line_and_a_decorated_list_header_are_furniture(nlp):
    # 发表于江苏 (where the account posted from) is no subtitle, and ▼ 往期推荐 ▼ heads the links as 往期推荐 does
    text = (
        "我市召开全面深化改革推进会\n来源：XX发布\n2024-08-15 09:30\n发表于江苏\n\n"
        "8月14日上午，市委全面深化改革委员会召开第十二次会议。\n\n▼ 往期推荐 ▼\n● 我市召开防汛工作会议\n● 王建国调研乡村振兴工作\n"
    )
    data = tifalens.analyze(text, nlp=nlp).to_dict()
    (art,) = data["articles"]
    assert (art["title"], art["subtitles"], art["date"]["value"]) == ("我市召开全面深化改革推进会", [], "2024-08-15")
    assert [b["text"] for sec in art["sections"] for b in sec["blocks"]] == ["8月14日上午，市委全面深化改革委员会召开第十二次会议。"]
    assert [s["heading"] for s in art["sections"] if s["heading"]] == []
    assert [t["term"] for t in data["terms"]] == ["全面深化改革"]  # the title's; not the commission's, nor a link's 乡村振兴


def test_a_column_label_over_a_collection_is_no_title():
    text = (
        "今日要闻\n\n习近平会见柬埔寨首相洪玛奈\n新华社北京9月15日电 国家主席习近平15日在人民大会堂会见柬埔寨首相。\n（完）\n\n"
        "李强主持召开国务院常务会议\n新华社北京9月15日电 国务院总理李强15日主持召开国务院常务会议。\n（完）\n"
    )
    first, second = articles(text)
    assert (first.title.text, first.subtitles, second.title.text) == ("习近平会见柬埔寨首相洪玛奈", [], "李强主持召开国务院常务会议")
    assert [b.text for b in first.boilerplate][:1] == ["今日要闻"]


def test_a_photo_credit_closes_a_caption_and_is_no_title_of_the_next_article():
    text = (
        "喜迎新世纪第一缕曙光（图片）\n十二月三十一日，新西兰的吉斯伯恩市举行庆祝活动，迎接新世纪的到来。\n（新华社记者刘宇摄）\n"
        "法塔赫一高官被以军打死\n新华社加沙12月31日电（记者马晓霖）巴勒斯坦的一名重要官员31日上午被打死。\n据官方人士称，他当天上午被击中。\n"
    )
    first, second = articles(text)
    assert (first.title.text, second.title.text, second.subtitles) == ("喜迎新世纪第一缕曙光（图片）", "法塔赫一高官被以军打死", [])
    assert [blk.text for sec in first.sections for blk in sec.blocks][-1] == "（新华社记者刘宇摄）"


def test_a_relayed_closing_dateline_closes_the_article():
    (a,) = articles("标题在此\n\n全省召开会议，部署今年的工作。\n\n（据新华社电）\n")
    assert (a.dateline.text, a.dateline.agency, a.dateline.position) == ("（据新华社电）", "新华社", "closing")


def test_lines_wrapped_mid_sentence_are_one_paragraph():
    # a line that ends with 的 goes on, whatever its length; without a segmenter, a word cut by the break is not seen
    text = "全省新增就业\n\n本报长沙5月5日讯（记者 张三）今年一季度，全省城镇新增就业12.5万人，同比增\n长3.2%，完成年度目标任务的\n28%。\n\n失业率为5.1%。\n"
    (a,) = articles(text)
    assert [blk.text for sec in a.sections for blk in sec.blocks][-2:] == ["长3.2%，完成年度目标任务的28%。", "失业率为5.1%。"]
    # with the segmenter, 增|长 is 增长 read across the break: one paragraph under the title, no subtitles
    data = tifalens.analyze(text).to_dict()
    (art,) = data["articles"]
    assert art["subtitles"] == [] and art["dateline"]["text"] == "本报长沙5月5日讯（记者 张三）"
    assert [b["text"] for s in art["sections"] for b in s["blocks"]] == [
        "本报长沙5月5日讯（记者 张三）今年一季度，全省城镇新增就业12.5万人，同比增长3.2%，完成年度目标任务的28%。",
        "失业率为5.1%。",
    ]
    assert [n["message"] for n in data["notes"] if n["code"] == "joined_paragraph"][0] == "joined a paragraph broken mid-sentence: “….5万人，同比增” + “长3.2%，完成…”"
    assert [(s["text"], s["subject"]) for s in data["stats"] if s["kind"] != "date"] == [
        ("12.5万人", "全省城镇新增就业"), ("3.2%", "全省城镇新增就业"), ("28%", "完成年度目标任务"), ("5.1%", "失业率"),
    ]
    # a name at a line's end and a word the segmenter makes up across the break (熊媛|前: 熊媛前) join nothing
    data = tifalens.analyze("标题\n\n人物：重庆奉节县安坪镇劳动保障服务所所长熊媛\n前几天，熊媛整理好手里的一沓合同。\n").to_dict()
    assert [n for n in data["notes"] if n["code"] == "joined_paragraph"] == []
    assert [b["text"] for s in data["articles"][0]["sections"] for b in s["blocks"]][-1] == "前几天，熊媛整理好手里的一沓合同。"


def test_structure_spans_by_label_match_a_scan_of_the_group():
    from spacy.tokens import Doc

    from tifalens.components.structure import structure_spans
    from tifalens.extensions import LABELS_KEY

    nlp = tifalens.load()
    doc = nlp("标题\n\n问：怎么样？\n\n答：他说：“我们要坚定不移走绿色发展之路。”\n\n（新华社北京9月26日电）\n")
    group = list(doc.spans["structure"])
    for labels in (("QUOTATION",), ("QUESTION", "ANSWER"), ("DATELINE",), ("ARTICLE",), ("NONE",)):
        assert [(s.label_, s.start_char, s.end_char) for s in structure_spans(doc, *labels)] == [
            (s.label_, s.start_char, s.end_char) for s in group if s.label_ in labels
        ]
    assert [s.text for s in structure_spans(doc, "QUOTATION")] == ["我们要坚定不移走绿色发展之路。"]
    # a Doc read back from bytes keeps the index; one without it (or with a stale one) is scanned
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [s.text for s in structure_spans(again, "QUESTION", "ANSWER")] == ["问：怎么样？", "答：他说：“我们要坚定不移走绿色发展之路。”"]
    del again.user_data[LABELS_KEY]
    assert [s.text for s in structure_spans(again, "QUOTATION")] == ["我们要坚定不移走绿色发展之路。"]
    assert structure_spans(nlp.make_doc("没有结构"), "ARTICLE") == []


INTERVIEWED = (
    "答好乡村振兴这道必答题\n\n"
    "新华社北京2月13日电（记者于文静）如何全面推进乡村振兴？新华社记者就此专访了农业农村部党组书记、部长唐仁健。\n\n"
    "1.问：今年有哪些新的部署？\n\n"
    "答：一是稳产保供；二是建设高标准农田。\n\n"
    "2.问：农民增收方面有何考虑？\n\n"
    "答：农村居民收入增长较快。\n"
)


def test_plain_answers_are_by_whom_the_lead_says_was_interviewed(nlp):
    from tifalens import analyze

    result = analyze(INTERVIEWED, nlp=nlp)
    (art,) = result.to_dict()["articles"]
    assert [(q["asker"], q["answerer"]) for q in art["qa"]] == [(None, "唐仁健"), (None, "唐仁健")]
    iv = art["interviewee"]
    assert (iv["name"], iv["person"], INTERVIEWED[iv["start"] : iv["end"]]) == ("唐仁健", True, "唐仁健")
    assert ("唐仁健", "PERSON") in [(e["text"], e["label"]) for e in result.to_dict()["entities"]]
    assert "**A (唐仁健):** 一是稳产保供" in result.to_markdown()


@pytest.mark.parametrize(
    ("front", "who"),
    [
        ("王立新日前在北京接受本报记者专访，谈了他的看法。", "王立新"),  # the name before 接受…专访
        ("国家统计局局长康义近日接受了新华社记者的采访。", "康义"),  # after a title
        ("本报记者采访了康义局长。", "康义"),  # before a title
        ("近日，中央组织部负责人就代表选举工作的有关情况，接受了新华社记者的采访。", "中央组织部负责人"),  # a role, no name
        ("人社部事业管理司负责人就相关问题回答了记者提问。", "人社部事业管理司负责人"),
        ("本报记者采访了多位基层代表。", None),  # no one by name
    ],
)
def test_the_interviewee_is_read_in_the_lead(nlp, front, who):
    text = f"标题\n\n{front}\n\n问：情况怎么样？\n\n答：总体平稳。\n"
    (a,) = parse_structure(text, is_name=nlp.tokenizer.is_name).articles
    assert a.qa[0].answerer == who
    assert (a.interviewee.name if a.interviewee else None) == who
    if who:
        assert text[a.interviewee.start : a.interviewee.end] == who


def test_a_subtitle_names_the_interviewee_and_a_named_answer_keeps_its_speaker(nlp):
    text = "推动高质量发展\n——访国家统计局局长康义\n\n问：经济怎么样？\n\n答：稳中向好。\n\n问：下一步呢？\n\n寿小丽：我补充一点。\n"
    (a,) = parse_structure(text, is_name=nlp.tokenizer.is_name).articles
    assert [(q.asker, q.answerer) for q in a.qa] == [(None, "康义"), (None, "寿小丽")]
    # answers that all name their speaker need no interviewee, and an outlet that asks is the asker
    (b,) = parse_structure("例行记者会\n\n法新社记者：有何回应？\n\n毛宁：中方已提出交涉。\n", is_name=nlp.tokenizer.is_name).articles
    assert [(q.asker, q.answerer) for q in b.qa] == [("法新社记者", "毛宁")] and b.interviewee is None


def test_who_asks_or_answers_may_say_so_before_the_colon(nlp):
    from tifalens import analyze

    # 記者問： and 行政長官答： (a Hong Kong transcript), 新华社记者问：; a Traditional text shows them as written
    text = "答問會\n\n記者問：政府會否推出更多措施？\n\n行政長官答：會繼續優化。\n\n新华社记者问：还有什么安排？\n\n答：下周公布。\n"
    result = analyze(text, nlp=nlp)
    qa = result.to_dict()["articles"][0]["qa"]
    assert [(q["question_marker"], q["asker"], q["answer_marker"], q["answerer"]) for q in qa] == [
        ("记者问：", None, "行政长官答：", "行政长官"),
        ("新华社记者问：", "新华社记者", "答：", None),
    ]
    md = result.to_markdown()
    assert "**Q:** 政府會否推出更多措施？" in md and "**A (行政長官):** 會繼續優化。" in md and "**Q (新华社记者):** 还有什么安排？" in md


@pytest.mark.parametrize(
    "text",
    [
        "标题\n\n问题一：为什么要出台？\n\n答：因为需要。\n\n问题二：怎么实施？\n\n答：分步实施。\n",  # a label with a number after it
        "标题\n\n问一：为什么要出台？\n\n答：因为需要。\n\nQ2：怎么实施？\n\nA：分步实施。\n",
        "标题\n\n一、为什么要出台？\n\n答：因为需要。\n\n二、怎么实施？\n\n答：分步实施。\n",  # a numbered question, then 答：
        "标题\n\n1. 为什么要出台？\n\n因为需要。\n\n2. 怎么实施？\n\n分步实施。\n",  # an explainer's questions asked in turn
    ],
)
def test_numbered_questions_of_several_styles(text):
    (a,) = articles(text)
    asked = [(q.question.text[len(q.question.marker) :].strip(), [b.text.removeprefix("答：").removeprefix("A：") for b in q.answers], q.asker) for q in a.qa]
    assert asked == [("为什么要出台？", ["因为需要。"], None), ("怎么实施？", ["分步实施。"], None)]


def test_a_lone_numbered_question_or_a_series_out_of_turn_is_no_question():
    # one question under a number and no 答： after it, or numbers out of order (2 before 1): text as it was
    for text in ("标题\n\n一、总体情况\n\n二、怎么实施？\n\n分步实施。\n", "标题\n\n2. 为什么？\n\n因为。\n\n1. 怎么办？\n\n这么办。\n"):
        (a,) = articles(text)
        assert a.qa == []


def test_a_web_page_s_date_line_with_its_label_counters_and_links_to_other_articles_are_furniture():
    text = (
        "全市召开乡村振兴工作推进会\n\n"
        "发布时间：2024-04-12 10:20:35 来源：市融媒体中心 浏览次数：1523\n\n"
        "4月11日，全市乡村振兴工作推进会召开。今年要新建高标准农田5万亩。\n\n"
        "阅读 1.2万　点赞 356　分享 42\n\n"
        "上一篇：市委常委会召开会议\n"
        "下一篇：全市经济运行情况通报\n\n"
        "【我要纠错】 责任编辑：李华\n"
    )
    (a,) = articles(text)
    assert a.title.text == "全市召开乡村振兴工作推进会" and a.date.value == "2024-04-12"
    assert [b.text for s in a.sections for b in s.blocks] == ["4月11日，全市乡村振兴工作推进会召开。今年要新建高标准农田5万亩。"]
    assert [b.text for b in a.boilerplate][1:] == ["阅读 1.2万　点赞 356　分享 42".replace("\u3000", " "), "上一篇：市委常委会召开会议", "下一篇：全市经济运行情况通报", "【我要纠错】 责任编辑：李华"]
    # a sentence that starts like a counter is text
    (b,) = articles("标题\n\n阅读量达到1.2万次，比上月增长12%。\n")
    assert b.boilerplate == []


def test_an_editor_s_note_is_no_title_and_belongs_to_the_article_under_it():
    # 编者按 alone on its line (as a collection's record opens), its note on the next: a note, not the title
    (a,) = articles("编者按\n基层党支部的攻坚能力如何，直接关乎党的凝聚力。\n\n贵州独山\n\n8月18日上午，项目开工。\n\n福建尤溪\n\n近日，尤溪县出台意见。\n")
    assert a.title is None and [s.heading.text if s.heading else None for s in a.sections] == [None, "贵州独山", "福建尤溪"]
    note = a.sections[0].blocks[0]
    assert (note.kind, note.text) == ("editor_note", "编者按基层党支部的攻坚能力如何，直接关乎党的凝聚力。")
    # above a title, a credit and a dateline, after another article: it opens the article it is on
    text = (
        "上一篇文章的标题\n\n新华社北京3月1日电 第一篇的正文。\n\n第一篇的第二段。\n\n"
        "【编者按】本版今起推出系列报道。\n\n奋力谱写新篇章\n\n本报记者　王明\n\n本报北京3月1日电　今年以来经济运行稳中向好。\n"
    )
    first, second = articles(text)
    assert first.title.text == "上一篇文章的标题" and second.title.text == "奋力谱写新篇章"
    assert [(b.kind, b.text) for b in second.sections[0].blocks][:1] == [("editor_note", "【编者按】本版今起推出系列报道。")]
    assert second.byline.name == "王明" and second.dateline.agency == "本报"


def test_a_rule_across_the_page_before_a_title_and_its_text_parts_two_articles():
    text = "第一篇标题\n\n第一篇正文第一段，讲述了相关情况。\n\n第一篇正文第二段。\n\n==========\n\n第二篇标题\n\n第二篇正文第一段。\n\n第二篇第二段。\n"
    first, second = articles(text)
    assert (first.title.text, second.title.text) == ("第一篇标题", "第二篇标题")
    # before a heading with no text of its own, or at the end, a rule parts nothing
    (only,) = articles("标题\n\n正文第一段。\n\n----------\n\n相关阅读\n\n")
    assert only.title.text == "标题"


def test_markdown_sets_an_editor_s_note_label_off_with_a_colon(nlp):
    from tifalens import analyze

    md = analyze("编者按\n今年是开局之年。\n\n奋力谱写新篇章\n\n本报北京3月1日电 今年以来经济运行稳中向好。\n", nlp=nlp).to_markdown()
    assert "# 奋力谱写新篇章\n" in md and "> *编者按：今年是开局之年。*\n" in md


def test_a_paragraph_that_counts_the_list_below_it_is_held_to_it():
    head = "近日，中央纪委国家监委对{}起违反中央八项规定精神典型问题进行公开通报。具体如下：\n\n"
    items = "1.某市原副市长张三违规收受礼品礼金问题。\n\n2.某县原县委书记李四违规公款吃喝问题。\n\n3.某企业原总经理王五违规发放津贴补贴问题。\n"
    structure = parse_structure(read_bytes(("标题\n\n" + head.format(5) + items).encode("utf-8"), path="t").text)
    assert [c["message"] for c in structure.checks] == ["5起违反中央八项规定精神典型问题 announces 5 below, but 3 are listed (1. … 3.)"]
    assert parse_structure("标题\n\n" + head.format(3) + items).checks == []
    # two counts in the paragraph: which one the list is of is not said
    two = "标题\n\n今年查处5起问题，通报3起典型问题，具体如下：\n\n" + items.replace("3.某企业原总经理王五违规发放津贴补贴问题。\n", "")
    assert parse_structure(two).checks == []
