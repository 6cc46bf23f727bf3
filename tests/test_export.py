"""JSON and Markdown exporters: pure functions of (Doc, Source)."""

from __future__ import annotations

import json

import jsonschema

import tifalens
import tifalens.analysis
from tifalens.export.jsonout import schema, to_dict, to_json
from tifalens.export.markdown import md_escape, to_markdown


def test_seed_json_shape(seed_result):
    data = seed_result.to_dict()
    jsonschema.validate(data, schema())
    a0, a1 = data["articles"]
    assert a0["subtitle"] == "坚持把政治标准放在首位 严把政治关廉洁关身份关"
    assert a0["dateline"] == {
        "text": "(新华社北京9月26日电)", "agency": "新华社", "place": "北京", "date": "9月26日", "position": "closing",
        "start": 5770, "end": 5783, "orig_start": 5770, "orig_end": 5783,
    }
    qa = a0["qa"][1]
    assert qa["heading"] == "代表结构合理、分布广泛"
    assert qa["question"] == "二十大代表的构成与分布主要有哪些特点?"
    assert [i["marker"] for i in qa["items"]] == ["一是", "二是", "三是", "四是", "五是", "六是"]
    assert qa["items"][5]["text"].endswith("改革开放以后入党的2224名,占96.9%,成为二十大代表的主体。")
    assert qa["answer"].count("\n") == 7
    kinds = [b["kind"] for s in a1["sections"] for b in s["blocks"]]
    assert kinds[:4] == ["bullet", "bullet", "bullet", "lead"]
    dups = [b for s in a1["sections"] for b in s["blocks"] if b["duplicate_of"] is not None]
    assert len(dups) == 2
    assert {n["code"] for n in data["notes"]} == {"joined_paragraph", "duplicate_paragraph"}


def test_offsets_point_into_the_original(seed_result):
    data = seed_result.to_dict()
    original = seed_result.source.original
    for art in data["articles"]:
        for sec in art["sections"]:
            for b in sec["blocks"]:
                piece = original[b["orig_start"] : b["orig_end"]]
                assert piece.replace("\n", "") == b["text"].replace("\n", "") or "\n" in piece


def test_crlf_offsets_in_json():
    src = tifalens.read_bytes("标题\r\n\r\n增强“四个意识”，坚定“四个自信”。\r\n".encode("utf-8"), path="c.txt")
    result = tifalens.analysis.analyze_source(src)
    data = result.to_dict()
    occ = {t["term"]: t["occurrences"][0] for t in data["terms"]}
    o = occ["四个自信"]
    assert src.original[o["orig_start"] : o["orig_end"]] == "四个自信"
    assert (o["start"], o["orig_start"]) == (16, 18)


def test_json_is_deterministic(seed_result, nlp, seed_path):
    again = tifalens.analyze(path=seed_path, nlp=nlp)
    assert again.to_json() == seed_result.to_json()
    assert json.loads(to_json(seed_result.doc, seed_result.source)) == to_dict(seed_result.doc, seed_result.source)


def test_markdown_outline(seed_result):
    md = to_markdown(seed_result.doc, seed_result.source)
    assert md.count("\n# ") + md.startswith("# ") == 2
    assert "## 代表结构合理、分布广泛" in md
    # an answer's enumeration is a list in place, once: no digest of it after the answer
    assert "\n- **一是** 生产和工作第一线党员代表比例得到保证。当选代表中" in md
    assert "\n- **二是** 女党员代表数量增加" in md and md.count("女党员代表数量增加") == 1
    assert "主要特点有" in md and "*主要特点有" not in md
    assert "| 两个确立 | 3 | yes |" in md
    assert "| 北京 | place | 北京市 |  | 2 |\n" in md and "| 中组部 | organisation | 中共中央组织部 |  | 1 |\n" in md
    assert "| 时伟 | person |  | 江苏省委党校教授 | 1 |\n" in md  # (an office column: the seed names people after theirs)


def test_markdown_shows_an_enumeration_once():
    text = (
        "加快建设农业强国\n\n会议强调，要做好三方面工作。\n\n一是稳定粮食生产。全年粮食产量保持在1.3万亿斤以上。\n\n"
        "二是推进乡村建设。\n\n三是深化农村改革。\n\n会议要求，一要压实责任，二要强化考核。\n\n"
        "问：明年怎么做？\n\n答：一是稳产量；二是调结构。\n"
    )
    md = tifalens.analyze(text).to_markdown()
    # paragraphs that are items: a list in place, one line each, the text after it apart
    assert "要做好三方面工作。\n\n- **一是** 稳定粮食生产。全年粮食产量保持在1.3万亿斤以上。\n- **二是** 推进乡村建设。\n- **三是** 深化农村改革。\n\n会议要求" in md
    # an enumeration inside a paragraph or an answer stays in its text, with a digest of its items
    assert "\n\n会议要求，一要压实责任，二要强化考核。\n" in md and "### Enumerations\n\n*会议要求，*\n\n- 一要 压实责任，\n- 二要 强化考核。\n" in md
    assert "**A:** 一是稳产量；二是调结构。\n\n- 一是 稳产量；\n- 二是 调结构。\n" in md
    # thanks for the question announce no list
    thanks = tifalens.analyze("标题\n\n问：动力来自哪里？\n\n答：谢谢你的提问。一是消费增强。二是投资扩大。\n").to_markdown()
    assert "**A:** 谢谢你的提问。一是消费增强。二是投资扩大。\n\n- 一是 消费增强。\n- 二是 投资扩大。\n" in thanks
    assert md.count("稳定粮食生产") == 1
    # a paragraph after bullets stands apart from them (no line of the last item), and so does the next section
    md = tifalens.analyze("标题\n\n●第一条要点。\n●第二条要点。\n\n这是正文段落。\n").to_markdown()
    assert "\n- 第一条要点。\n- 第二条要点。\n\n这是正文段落。\n" in md
    md = tifalens.analyze("标题\n\n●前三季度增长5.2%。\n●制造业增长4.4%。\n").to_markdown()
    assert "\n- 制造业增长4.4%。\n\n## Figures\n" in md
    # a bullet's marker, a dash doubled too, gives way to the list's own
    md = tifalens.analyze("工作回顾\n\n过去一年极不平凡。\n\n——经济总体回升向好。\n\n——粮食产量再创新高。\n").to_markdown()
    assert "\n- 经济总体回升向好。\n- 粮食产量再创新高。\n" in md


def test_markdown_dateline_says_what_it_names():
    md = tifalens.analyze("标题\n\n（新华社北京9月26日电）正文。\n").to_markdown()
    assert "Dateline: （新华社北京9月26日电） (agency 新华社, place 北京, date 9月26日)" in md
    # a paper's source line names no place: nothing is said of one
    md = tifalens.analyze("标题\n\n本报评论员\n\n正文。\n\n《人民日报》（2023年02月10日 01版）\n").to_markdown()
    assert "Dateline: 《人民日报》（2023年02月10日 01版） (agency 人民日报, date 2023年02月10日)\n" in md


def test_markdown_escapes_markup():
    result = tifalens.analyze("<script>alert(1)</script>标题\n\n正文包含\"><img src=x onerror=alert(1)>和**粗体**。\n")
    md = result.to_markdown()
    assert "<script>" not in md and "<img" not in md
    assert md_escape("<b>*") == "&lt;b&gt;\\*"
    assert md_escape("# 1. x") == "\\# 1. x"
    # only what would open a block at a line start is escaped; figures stay as written
    assert md_escape("1. x") == "\\1. x" and md_escape("- x") == "\\- x" and md_escape("~~~") == "\\~~~"
    assert md_escape("5.2%") == "5.2%" and md_escape("-3") == "-3" and md_escape("#标签") == "#标签"
    md = tifalens.analyze("统计公报\n\n工业增加值增长6.1%。\n").to_markdown()
    assert "| 6.1% | 6.1 | % | change |  | 工业增加值 |" in md
    # the approximation word is its own column: 5%左右 is about 5%, 1200万人以上 at least 1200万人
    md = tifalens.analyze("预期目标\n\n国内生产总值增长5%左右，城镇新增就业1200万人以上。\n").to_markdown()
    assert "| 5% | 5 | % | change | 约 | 国内生产总值 |" in md and "| 1200万人 | 12000000 | 人 | count | 以上 | 城镇新增就业 |" in md


def test_markdown_quotes_a_traditional_text_as_written():
    text = "記者會實錄\n\n問：訪港旅客有多少？\n\n答：訪港旅客達4500萬人次，比去年增加12%。我們堅持「一國兩制」。\n"
    result = tifalens.analyze(text)
    md = result.to_markdown()
    assert "# 記者會實錄\n" in md
    assert "**Q:** 訪港旅客有多少？\n\n**A:** 訪港旅客達4500萬人次，比去年增加12%。我們堅持「一國兩制」。\n" in md
    assert "| 4500萬人次 | 45000000 | 人次 | count |  | 訪港旅客 |" in md
    assert "| 一国两制 | 1 | yes |" in md  # the term is the lexicon's canonical form
    # the JSON keeps the analysed text, and its original offsets slice what was written
    data = result.to_dict()
    (fig, _) = data["stats"]
    assert fig["subject"] == "访港旅客" and text[fig["orig_start"] : fig["orig_end"]] == "4500萬人次"


def test_a_list_count_check_is_in_the_json_in_text_order():
    text = "代表中，农民党员26名，农民党员85名。增强四个意识：政治意识、大局意识、核心意识。\n"
    data = tifalens.analyze(text).to_dict()
    jsonschema.validate(data, schema())
    assert [(c["code"], c["level"]) for c in data["checks"]] == [("conflict", "error"), ("list_count", "warning")]
    check = data["checks"][1]
    assert (text[check["orig_start"] : check["orig_end"]], check["figures"]) == ("四个意识", [])
    md = tifalens.analyze(text).to_markdown()
    assert "- **warning** list\\_count: 四个意识 announces 4, but 3 are listed\n" in md


def test_a_gloss_in_markdown_and_html(nlp):
    from tifalens.export.html import to_html

    text = "标题\n\n全面推行“四定”：定人员、定范围、定任务、定考核，接受职工群众监督。增强“四个意识”。\n"
    result = tifalens.analysis.analyze_source(tifalens.read_text(text), nlp)
    md = result.to_markdown()
    assert "| term | count | known | category | expansion | in the text |" in md
    assert "| 四定 | 1 | no |  |  | 定人员、定范围、定任务、定考核 |" in md
    assert "| 四个意识 | 1 | yes | loyalty | 政治意识、大局意识、核心意识、看齐意识 |  |" in md
    page = to_html(result.doc, result.source)
    assert "四定 · unseen formula (confidence" in page and "in the text: 定人员、定范围、定任务、定考核" in page
    assert "<td>定人员、定范围、定任务、定考核</td>" in page


def test_an_official_document_s_kind_number_signature_and_addressee_in_the_reports(nlp):
    from tifalens.export.html import to_html

    text = (
        "国务院关于进一步优化营商环境的意见\n国发〔2023〕15号\n\n各省、自治区、直辖市人民政府：\n\n"
        "优化营商环境是建设现代化经济体系的重要内容。\n\n国务院\n2023年12月20日\n"
    )
    result = tifalens.analysis.analyze_source(tifalens.read_text(text), nlp)
    (art,) = result.to_dict()["articles"]
    assert (art["doc_type"], art["doc_number"]["text"], art["issuer"]["text"], art["addressee"]["text"]) == (
        "意见", "国发〔2023〕15号", "国务院", "各省、自治区、直辖市人民政府：",
    )  # fmt: skip
    lines = ["Kind: 意见", "Number: 国发〔2023〕15号", "Signed: 国务院", "To: 各省、自治区、直辖市人民政府"]
    md = result.to_markdown()
    assert "# 国务院关于进一步优化营商环境的意见\n" + "".join(f"{line}  \n" for line in lines) in md
    page = to_html(result.doc, result.source)
    assert "".join(f'        <div class="dateline">{line}</div>\n' for line in lines) in page
