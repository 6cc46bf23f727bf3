"""Statistics and checks: figures with what they count, shares confirmed, contradictions found."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tifalens
from tifalens.analysis import analyze_source
from tifalens.components.stats import FigureFinder, TextView, stats_rules
from tifalens.export.csvout import STAT_COLUMNS
from tifalens.numbers import RANGE_SEPARATORS, parse_number, parse_range

SHARED = Path(__file__).resolve().parents[2] / "shared"
EXE = shutil.which("tifalens") or str(Path(sys.executable).with_name("tifalens"))

# (text, value, unit, kind, approx, subject) of the seed's figures, first occurrence of each text.
SEED_FIGURES = [
    ("2296名", 2296, "名", "count", None, "出席党的二十大代表"),
    ("771名", 771, "名", "count", None, "生产和工作第一线党员"),
    ("33.6%", 33.6, "%", "percent", None, "生产和工作第一线党员"),
    ("192名", 192, "名", "count", None, "工人党员"),
    ("26名", 26, "名", "count", None, "农民党员"),
    ("8.4%", 8.4, "%", "percent", None, "工人党员"),
    ("85名", 85, "名", "count", None, "农民党员"),
    ("3.7%", 3.7, "%", "percent", None, "农民党员"),
    ("266名", 266, "名", "count", None, "专业技术人员党员"),
    ("11.6%", 11.6, "%", "percent", None, "专业技术人员党员"),
    ("619名", 619, "名", "count", None, "女党员"),
    ("68名", 68, "名", "change", None, "女党员"),
    ("27.0%", 27.0, "%", "percent", None, "女党员"),
    ("2.8个百分点", 2.8, "个百分点", "percentage_point", None, "女党员"),
    ("264名", 264, "名", "count", None, "少数民族党员"),
    ("11.5%", 11.5, "%", "percent", None, "少数民族党员"),
    ("40个", 40, "个", "count", None, "少数民族"),
    ("52.2岁", 52.2, "岁", "age", None, "当选代表平均年龄"),
    ("1371名", 1371, "名", "count", None, "55岁以下的"),
    ("59.7%", 59.7, "%", "percent", None, "55岁以下的"),
    ("434名", 434, "名", "count", None, "45岁以下的"),
    ("18.9%", 18.9, "%", "percent", None, "45岁以下的"),
    ("2191名", 2191, "名", "count", None, "大专以上学历的"),
    ("95.4%", 95.4, "%", "percent", None, "大专以上学历的"),
    ("1.2个百分点", 1.2, "个百分点", "percentage_point", None, "大专以上学历的"),
    ("826名", 826, "名", "count", None, "大学学历的"),
    ("36.0%", 36.0, "%", "percent", None, "大学学历的"),
    ("1210名", 1210, "名", "count", None, "研究生学历的"),
    ("52.7%", 52.7, "%", "percent", None, "研究生学历的"),
    ("2224名", 2224, "名", "count", None, "改革开放以后入党的"),
    ("96.9%", 96.9, "%", "percent", None, "改革开放以后入党的"),
    ("9600多万名", 96000000, "名", "count", "多", "党员"),
    ("92.1%", 92.1, "%", "percent", None, "生产和工作第一线党员"),
    ("99.5%", 99.5, "%", "percent", None, "党员参与率"),
    ("15%", 15, "%", "percent", "超过", "差额比例"),
    ("854.2万条", 8542000, "条", "count", "超过", "各类建言"),
    ("6.6亿次", 660000000, "次", "count", None, "各平台征求意见页面总阅读量"),
    ("97%", 97, "%", "percent", "超过", "实名留言"),
    ("三分之一", 0.3333333333, "", "ratio", "约", "民生类意见建议"),
]
SEED_SHARES = {
    "33.6%": "771名", "8.4%": "192名", "3.7%": "85名", "11.6%": "266名", "27.0%": "619名", "11.5%": "264名",
    "59.7%": "1371名", "18.9%": "434名", "95.4%": "2191名", "36.0%": "826名", "52.7%": "1210名", "96.9%": "2224名",
}  # fmt: skip


def analyse(nlp, text: str) -> dict:
    return analyze_source(tifalens.read_text(text), nlp).to_dict()


def figures(data: dict) -> list[tuple]:
    return [(s["text"], s["value"], s["unit"], s["kind"], s["approx"], s["subject"]) for s in data["stats"]]


def messages(nlp, text: str, code: str) -> list[str]:
    """The messages of the checks of one code on ``text``."""
    return [c["message"] for c in analyse(nlp, text)["checks"] if c["code"] == code]


def checks(data: dict) -> list[tuple[str, str, str]]:
    """(code, level, text of the figure the check is about)."""
    return [(c["code"], c["level"], next(f["text"] for f in c["figures"] if f["start"] == c["start"])) for c in data["checks"]]


@pytest.fixture(scope="module")
def seed(seed_result) -> dict:
    return seed_result.to_dict()


# ---------------------------------------------------------------------------- the seed


def test_seed_figures(seed):
    first: dict[str, tuple] = {}
    for fig in figures(seed):
        first.setdefault(fig[0], fig)
    assert [first.get(f[0]) for f in SEED_FIGURES] == SEED_FIGURES


def test_seed_figure_list_is_exact(seed):
    assert [s["text"] for s in seed["stats"]] == [
        "2021年11月", "7月", "38个", "2296名", "771名", "33.6%", "192名", "26名", "8.4%", "85名", "3.7%", "266名",
        "11.6%", "619名", "68名", "27.0%", "2.8个百分点", "264名", "11.5%", "40个", "31个", "52.2岁", "1371名",
        "59.7%", "434名", "18.9%", "2191名", "95.4%", "1.2个百分点", "826名", "36.0%", "1210名", "52.7%", "2224名",
        "96.9%", "9600多万名", "6个", "92.1%", "99.5%", "15%", "854.2万条", "6.6亿次", "三分之一", "6.6亿次", "97%",
        "854.2万条", "三分之一", "数百万条",
    ]  # fmt: skip
    assert "9月26日" not in [s["text"] for s in seed["stats"]]  # the datelines are no statistics


def test_seed_every_share_is_confirmed_against_the_total(seed):
    shares = {s["text"]: s["share_of"] for s in seed["stats"] if s["kind"] == "percent" and s["share_of"] and s["share_of"]["count"]}
    assert {k: v["count"]["text"] for k, v in shares.items()} == SEED_SHARES
    for text, share in shares.items():
        assert share["total"]["text"] == "2296名" and share["confirmed"] is True, text
        assert abs(share["computed"] - float(text[:-1])) <= 0.05, text
    assert shares["33.6%"]["computed"] == 33.58
    assert shares["33.6%"]["total"]["start"] == next(s["start"] for s in seed["stats"] if s["text"] == "2296名")


def test_seed_references(seed):
    refs = {s["text"]: s["reference"] for s in seed["stats"] if s["reference"]}
    assert refs["619名"] == {
        "text": "比十九大增加68名", "against": "十九大", "delta": 68, "relative": False, "current_value": 619, "reference_value": 551,
    }  # fmt: skip
    assert refs["68名"]["reference_value"] == 551
    assert (refs["27.0%"]["text"], refs["27.0%"]["reference_value"], refs["27.0%"]["against"]) == ("提高2.8个百分点", 24.2, "十九大")
    assert (refs["95.4%"]["text"], refs["95.4%"]["reference_value"]) == ("比十九大提高1.2个百分点", 94.2)
    assert {s["text"]: s["direction"] for s in seed["stats"] if s["direction"]} == {"68名": "increase", "2.8个百分点": "increase", "1.2个百分点": "increase"}


def test_seed_checks(seed):
    assert checks(seed) == [
        ("conflict", "error", "85名"),
        ("change", "info", "68名"),
        ("change", "info", "2.8个百分点"),
        ("change", "info", "1.2个百分点"),
        ("conflict", "warning", "92.1%"),
        ("dangling", "warning", "92.1%"),
    ]
    messages = [c["message"] for c in seed["checks"]]
    assert messages[0] == "农民党员 is given as 26名 and as 85名 in the same sentence"
    assert messages[1] == "“比十九大增加68名” after 619名 implies 女党员 was 551名 at 十九大"
    assert messages[4].startswith("生产和工作第一线党员 is 92.1% of the whole here, but 33.6% earlier")
    assert messages[5].startswith("“据统计,生产和工作第一线党员代表总数的92.1%。” has no predicate")


def test_seed_offsets_and_spans(seed_result, seed):
    src, doc = seed_result.source, seed_result.doc
    for rec in seed["stats"]:
        assert src.text[rec["start"] : rec["end"]] == rec["text"]
        assert src.original[rec["orig_start"] : rec["orig_end"]] == rec["text"]
        assert rec["article"] in (0, 1)
        assert rec["text"].replace("\n", "") in rec["sentence"]
    for check in seed["checks"]:
        assert src.original[check["orig_start"] : check["orig_end"]] == src.text[check["start"] : check["end"]]
    spans = list(doc.spans["stats"])
    assert len(spans) == len(seed["stats"])
    for span in spans:
        rec = span._.fields
        assert span.start_char <= rec["start"] < rec["end"] <= span.end_char
        assert span.label_ == rec["kind"].upper()
    (joined,) = [s for s in seed["stats"] if s["text"] == "2224名"]
    assert joined["sentence"] == "其中,改革开放以后入党的2224名,占96.9%,成为二十大代表的主体。"


def test_seed_datelines_keep_their_fields(seed):
    assert seed["articles"][0]["dateline"]["date"] == "9月26日"


# ---------------------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国内生产总值从五十四万亿元增长到一百一十四万亿元。", [
            ("五十四万亿元", 54000000000000, "元", "money", None, "国内生产总值"),
            ("一百一十四万亿元", 114000000000000, "元", "money", None, "国内生产总值"),
        ]),
        ("贫困发生率从百分之十点二下降到百分之四以下。", [
            ("百分之十点二", 10.2, "%", "percent", None, "贫困发生率"),
            ("百分之四", 4, "%", "percent", "以下", "贫困发生率"),
        ]),
        ("全国共有党员9600多万名。", [("9600多万名", 96000000, "名", "count", "多", "全国党员")]),
        ("九百六十多万贫困人口实现易地搬迁。", [("九百六十多万", 9600000, "", "count", "多", "贫困人口")]),
        ("14亿人民的共同心愿。", [("14亿", 1400000000, "", "count", None, "人民")]),
        ("新增贷款1,234.5亿元。", [("1,234.5亿元", 123450000000, "元", "money", None, "新增贷款")]),
        ("城镇新增就业1100万人以上。", [("1100万人", 11000000, "人", "count", "以上", "城镇新增就业")]),
        ("民生类意见最多,约占三分之一;超过一半来自农村。", [
            ("三分之一", 0.3333333333, "", "ratio", "约", "民生类意见"),
            ("一半", 0.5, "", "ratio", "超过", "来自农村"),
        ]),
        ("粮食产量居全国第一位。", [("第一位", 1, "位", "rank", None, "粮食产量居全国")]),
        ("当选代表平均年龄52.2岁。", [("52.2岁", 52.2, "岁", "age", None, "当选代表平均年龄")]),
        ("城镇化率提高十一点六个百分点。", [("十一点六个百分点", 11.6, "个百分点", "percentage_point", None, "城镇化率")]),
        ("居民消费价格上涨0.9%。", [("0.9%", 0.9, "%", "change", None, "居民消费价格")]),
        ("《规定》共10章66条，分总则、附则。", [
            ("10章", 10, "章", "count", None, "《规定》"),
            ("66条", 66, "条", "count", None, "《规定》"),
        ]),
        ("举办培训班12期，培训干部3200人次。", [
            ("12期", 12, "期", "count", None, "培训班"),  # the object of 举办 is what is counted; people are counted with the verb
            ("3200人次", 3200, "人次", "count", None, "培训干部"),
        ]),
        ("新增装机30兆瓦。", [("30兆瓦", 30, "兆瓦", "measure", None, "新增装机")]),
        # a count of times is a unit of its own (件次, 架次), not the thing it counts times of
        ("接收信访举报344.3万件次，飞行起降43383架次。", [
            ("344.3万件次", 3443000, "件次", "count", None, "信访举报"),
            ("43383架次", 43383, "架次", "count", None, "飞行起降"),
        ]),
        # trains, doses, barrels, containers, votes and small lengths are counted and measured too
        ("中欧班列开行2600多列，其中回程班列1100列。", [
            ("2600多列", 2600, "列", "count", "多", "中欧班列开行"),
            ("1100列", 1100, "列", "count", None, "回程班列"),
        ]),
        ("累计对2.8万列次列车进行消毒，全国累计接种疫苗34亿剂次。", [
            ("2.8万列次", 28000, "列次", "count", None, "列车"),
            ("34亿剂次", 3400000000, "剂次", "count", None, "疫苗"),
        ]),
        ("原油日产量400万桶，吞吐量2.96亿标箱，年降水量800毫米。", [
            ("400万桶", 4000000, "桶", "measure", None, "原油日产量"),
            ("2.96亿标箱", 296000000, "标箱", "measure", None, "吞吐量"),
            ("800毫米", 800, "毫米", "measure", None, "年降水量"),
        ]),
        ("农业损失9.87亿新台币。", [("9.87亿新台币", 987000000, "新台币", "money", None, "农业损失")]),
        # 共 and 按/按照 before what is counted are no part of it; 至多 alone is no subject
        ("今年共发展党员23人，按收益的90%进行分红，按当地农民人均可支配收入的2倍发放补贴。", [
            ("23人", 23, "人", "count", None, "发展党员"),
            ("90%", 90, "%", "percent", None, "收益"),
            ("2倍", 2, "倍", "ratio", None, "当地农民人均可支配收入"),
        ]),
        # 占比 is one word (jieba read 占|比达), and what is counted is not covered (街道|全覆盖)
        ("绿色电力占比达36%，实现74个街道全覆盖。", [
            ("36%", 36, "%", "percent", None, "绿色电力"),
            ("74个", 74, "个", "count", None, "街道"),
        ]),
        # a quarter or a year says when: the subject is what the figure before it was of
        ("一季度国内生产总值同比增长4.5%，前三季度同比增长5.2%，2024年同比增长5.0%。", [
            ("一季度", 3, "", "date", None, None),
            ("4.5%", 4.5, "%", "change", None, "国内生产总值"),
            ("前三季度", 9, "", "date", None, None),
            ("5.2%", 5.2, "%", "change", None, "国内生产总值"),
            ("2024年", 2024, "年", "year", None, None),
            ("5.0%", 5.0, "%", "change", None, "国内生产总值"),
        ]),
        # 由 + a year before a share is when, not what
        ("生产队迅速增多，由1980年占全国生产队的50%上升到86.7%。", [
            ("1980年", 1980, "年", "year", None, None),
            ("50%", 50, "%", "percent", None, "生产队"),  # (迅速增多 is what they did)
            ("86.7%", 86.7, "%", "percent", None, "生产队"),
        ]),
        # people of an age counted: the age says which (not 党员 for every age group)
        ("30岁及以下党员1259.4万名，31至35岁党员1056.6万名。", [
            ("30岁", 30, "岁", "age", "以下", "党员"),
            ("1259.4万名", 12594000, "名", "count", None, "30岁及以下党员"),
            ("31至35岁", 31, "岁", "age", None, "党员"),
            ("1056.6万名", 10566000, "名", "count", None, "31至35岁党员"),
        ]),
        # a span of time alone (五年, 十年) says when: the subject goes on from the clause before
        ("国内生产总值增加到121万亿元，五年年均增长5.2%，十年增加近70万亿元。", [
            ("121万亿元", 121000000000000, "元", "money", None, "国内生产总值"),
            ("5.2%", 5.2, "%", "change", None, "国内生产总值"),
            ("70万亿元", 70000000000000, "元", "change", "近", "国内生产总值"),
        ]),
        # a figure in brackets right after what it is of; not across a figure before the bracket
        ("区域平均降水量（476.3毫米）比常年同期偏多51%，比中等偏上收入国家的平均水平（9040美元）高，至多10页（5000字以内）。", [
            ("476.3毫米", 476.3, "毫米", "measure", None, "区域平均降水量"),
            ("51%", 51, "%", "change", None, "区域平均降水量"),
            ("9040美元", 9040, "美元", "money", None, "中等偏上收入国家的平均水平"),
            ("10页", 10, "页", "count", None, None),
            ("5000字", 5000, "字", "measure", "以下", None),
        ]),
        ("绿地面积和绿地率分别达到228.5万公顷和37.6%，分别比2015年增加19.8%和1.27个百分点。", [
            ("228.5万公顷", 2285000, "公顷", "measure", None, "绿地面积"),
            ("37.6%", 37.6, "%", "percent", None, "绿地率"),
            ("2015年", 2015, "年", "year", None, None),
            ("19.8%", 19.8, "%", "change", None, "绿地面积"),
            ("1.27个百分点", 1.27, "个百分点", "percentage_point", None, "绿地率"),
        ]),
        # a rate's unit is an amount per a unit of something; it is of what comes before it
        ("细颗粒物年均浓度为30微克/立方米，煤价600元/吨，村里按1000元/亩统一流转。", [
            ("30微克/立方米", 30, "微克/立方米", "measure", None, "细颗粒物年均浓度"),
            ("600元/吨", 600, "元/吨", "money", None, "煤价"),
            ("1000元/亩", 1000, "元/亩", "money", None, "村里"),
        ]),
        # what a figure before it qualifies is the subject, without the 的 that ties them
        ("降雨量超过100毫米的区域面积达29万平方公里。", [
            ("100毫米", 100, "毫米", "measure", "超过", "区域面积"),
            ("29万平方公里", 290000, "平方公里", "measure", None, "区域面积"),
        ]),
        ("外汇交易量仅为四.七七亿美元。", [("四.七七亿美元", 477000000, "美元", "money", None, "外汇交易量")]),
        # a unit jieba joined to the noun after it (3|篇文章, cut by the segmenter), and a quoted name counted
        ("选出3篇文章。", [("3篇", 3, "篇", "count", None, "文章")]),
        ("全镇有9个“空壳村”。", [("9个", 9, "个", "count", None, "“空壳村”")]),
        ("累计推出119个“高效办成一件事”重点事项。", [("119个", 119, "个", "count", None, "“高效办成一件事”重点事项")]),
        ("全区200名“红色教员”累计解决难题。", [("200名", 200, "名", "count", None, "“红色教员”")]),
        ("数以十万计市民参加。", [("十万", 100000, "", "count", None, "市民")]),
        # a measure with 的 measures the noun after it; a count with 的 only qualifies it
        ("280多公里的距离，近5小时的车程。", [
            ("280多公里", 280, "公里", "measure", "多", "距离"),
            ("5小时", 5, "小时", "measure", "近", "车程"),
        ]),
        # a unit before a locative the segmenter joined to it (202|人中)
        ("在选拔的202人中，到省直单位任职的有60人。", [
            ("202人", 202, "人", "count", None, "在选拔的"),
            ("60人", 60, "人", "count", None, "到省直单位任职的"),
        ]),
        ("有60人到会。", [("60人", 60, "人", "count", None, None)]),
        # the same with Chinese numerals, and a unit of several characters the segmenter ran on (时|电)
        ("在选拔的三百人中。有六十人到会。", [
            ("三百人", 300, "人", "count", None, "在选拔的"),
            ("六十人", 60, "人", "count", None, None),
        ]),
        ("每年提供30万千瓦时电。", [("30万千瓦时", 300000, "千瓦时", "measure", None, "电")]),
        ("提供4.7亿人份检测试剂盒。", [("4.7亿人份", 470000000, "人份", "count", None, "检测试剂盒")]),
        # after a measure word comes what is counted, however jieba tags its first word
        ("全市3578家非公企业参与帮扶。", [("3578家", 3578, "家", "count", None, "非公企业")]),
        ("共有9个县设立了管理机构。", [("9个", 9, "个", "count", None, "县")]),
        ("全市党员1200名又创新高。", [("1200名", 1200, "名", "count", None, "全市党员")]),
        ("时速600公里高速磁悬浮列车。", [("600公里", 600, "公里", "measure", None, "时速")]),
        # 净增 and 比上年新增 are changes; 新增 alone counts what is new; 约占 is approximate
        ("党员9191万名，比上年净增132万名。", [
            ("9191万名", 91910000, "名", "count", None, "党员"),
            ("132万名", 1320000, "名", "change", None, "党员"),
        ]),
        ("党员9191万名，比上年新增132万名。", [
            ("9191万名", 91910000, "名", "count", None, "党员"),
            ("132万名", 1320000, "名", "change", None, "党员"),
        ]),
        ("全年新增就业1100万人。", [("1100万人", 11000000, "人", "count", None, "全年新增就业")]),
        ("贫困人口8.39万人，约占总人口的28.47%。", [
            ("8.39万人", 83900, "人", "count", None, "贫困人口"),
            ("28.47%", 28.47, "%", "percent", "约", "贫困人口"),
        ]),
        # 同比 and 环比 are one comparison word (not 同 + 比): the change is of the figure before
        ("国内生产总值913027亿元，按不变价格计算，同比增长5.2%。", [
            ("913027亿元", 91302700000000, "元", "money", None, "国内生产总值"),
            ("5.2%", 5.2, "%", "change", None, "国内生产总值"),
        ]),
        # tenths (成) when the segmenter reads the figure as its own word
        ("近七成受访者表示满意，交通事故下降三成。", [
            ("七成", 0.7, "成", "ratio", "近", "受访者"),
            ("三成", 0.3, "成", "change", None, "交通事故"),
        ]),
        ("党员1200名，其中女党员近四成。", [
            ("1200名", 1200, "名", "count", None, "党员"),
            ("四成", 0.4, "成", "ratio", "近", "女党员"),
        ]),
        ("一成不变，八成新的房子，完成任务。", []),
        # also when jieba glues 成 to the 为 after it (六|成为: six tenths are); 希望孩子成为医生 has no figure
        ("受访企业中，三成为制造业企业，孩子成为医生。", [("三成", 0.3, "成", "ratio", None, "制造业企业")]),
        # or the word of about before it (近九成 is one word of jieba's dictionary)
        ("毕业生中近九成为研究生。", [("九成", 0.9, "成", "ratio", "近", "毕业生")]),
        ("公司员工六七成是青年。", [("六七成", 0.6, "成", "ratio", "约", "公司员工")]),  # about either, as 三四万
        # X为Y的N%, X是Y的N倍: the share is of X, Y is its whole
        ("全年完成投资3500亿元，为年度计划的105%。", [
            ("3500亿元", 350000000000, "元", "money", None, "全年完成投资"),
            ("105%", 105, "%", "percent", None, "全年完成投资"),
        ]),
        ("利润总额是2012年的2倍。", [("2012年", 2012, "年", "year", None, None), ("2倍", 2, "倍", "ratio", None, "利润总额")]),
        # 个小时, 个工作日 are units of time, not a count of 个
        ("月均在线时长超过120个小时，审批时限为3个工作日。", [
            ("120个小时", 120, "个小时", "measure", "超过", "月均在线时长"),
            ("3个工作日", 3, "个工作日", "measure", None, "审批时限"),
        ]),
        # 压缩, 缩短 are changes (down), 延长 up; with 到/至 they reach a level
        ("审批时限压缩到3个工作日，投资审批时间比上年缩短30%。", [
            ("3个工作日", 3, "个工作日", "measure", None, "审批时限"),
            ("30%", 30, "%", "change", None, "投资审批时间"),
        ]),
        # an amount of money with 的 is the amount of the noun after it, unless that noun only says it is one
        ("驻村工作队实现了12.5万元的年收益，每年拨给500万元的活动经费。", [
            ("12.5万元", 125000, "元", "money", None, "年收益"),
            ("500万元", 5000000, "元", "money", None, "活动经费"),
        ]),
        ("集团计划实现年经营收入100亿元的目标。", [("100亿元", 10000000000, "元", "money", None, "集团计划实现年经营收入")]),
        # what follows a verb of purpose is what the money is for, not what it is
        ("安排超长期特别国债3000亿元支持消费品以旧换新，下达资金500亿元用于设备更新。", [
            ("3000亿元", 300000000000, "元", "money", None, "超长期特别国债"),
            ("500亿元", 50000000000, "元", "money", None, "下达资金"),
        ]),
        # 预计 and 并 are cut from a subject's ends, and so is 实质 (the Hong Kong 实际)
        ("本地生产总值实质增长2.7%，全年预计增长2.5%，并预留资金100亿元，预计总产值20多万元。", [
            ("2.7%", 2.7, "%", "change", None, "本地生产总值"),
            ("2.5%", 2.5, "%", "change", None, "本地生产总值"),
            ("100亿元", 10000000000, "元", "money", None, "预留资金"),
            ("20多万元", 200000, "元", "money", "多", "总产值"),
        ]),
        # a count of things for a purpose counts them (支持政策)
        ("出台10项支持政策。", [("10项", 10, "项", "count", None, "支持政策")]),
        # 人民币 after 元 says which money, not what it is of
        ("进出口总值37.31万亿元人民币，同比增长3.6%。", [
            ("37.31万亿元", 37310000000000, "元", "money", None, "进出口总值"),
            ("3.6%", 3.6, "%", "change", None, "进出口总值"),
        ]),
        # 完成, 实现 after the subject are verbs, not part of it
        ("一般公共预算收入完成3200亿元。", [("3200亿元", 320000000000, "元", "money", None, "一般公共预算收入")]),
        # X%的Y: a share of Y (also with 以上); a noun that only says it is a rate leaves the subject before
        ("民营经济贡献了50%以上的税收，约8成的党员希望在线学习。", [
            ("50%", 50, "%", "percent", "以上", "税收"),
            ("8成", 0.8, "成", "ratio", "约", "党员"),
        ]),
        ("欧元占比保持在26%的水平。", [("26%", 26, "%", "percent", None, "欧元")]),
        # the base of a rate is no figure
        ("每10万人口拥有大学文化程度人数为15467人。", [("15467人", 15467, "人", "count", None, "每10万人口拥有大学文化程度人数")]),
        # 翻一番, 翻两番: a change of so many doublings, against what 比 names
        ("居民收入比2020年翻一番，进出口额翻了两番。", [
            ("2020年", 2020, "年", "year", None, None),
            ("翻一番", 1, "番", "change", None, "居民收入"),
            ("翻了两番", 2, "番", "change", None, "进出口额"),
        ]),
        # a subject reaches across a short bracketed aside, but not across a comma or a line's （一）
        ("全年固定资产投资（不含农户）比上年增长3.9%，粮食种植面积3650.2千公顷。", [
            ("3.9%", 3.9, "%", "change", None, "全年固定资产投资（不含农户）"),
            ("3650.2千公顷", 3650.2, "千公顷", "measure", None, "粮食种植面积"),
        ]),
        ("（一）全年地区生产总值5万亿元。党的十八大以来（2012年至2022年），投资增长3%。", [
            ("5万亿元", 5e12, "元", "money", None, "全年地区生产总值"),
            ("2012年至2022年", 2012, "年", "year", None, None),
            ("3%", 3, "%", "change", None, "投资"),
        ]),
        # 名义, 实际 alone say how a change is measured: the subject is the clause before's
        ("人均消费支出26000元，名义增长5.3%，实际增长5.1%。实际使用外资1.1万亿元。", [
            ("26000元", 26000, "元", "money", None, "人均消费支出"),
            ("5.3%", 5.3, "%", "change", None, "人均消费支出"),
            ("5.1%", 5.1, "%", "change", None, "人均消费支出"),
            ("1.1万亿元", 1.1e12, "元", "money", None, "实际使用外资"),
        ]),
        # 共计, 合计, 折合人民币 are fillers; a sum with nothing else in its clause sums the clause before
        ("王某某多次收受礼品礼金，共计折合人民币36.8万元。合计新增政府债务总规模11.86万亿元。", [
            ("36.8万元", 368000, "元", "money", None, "王某某多次收受礼品礼金"),
            ("11.86万亿元", 1.186e13, "元", "money", None, "新增政府债务总规模"),
        ]),
        # 占Y比重为N%: a share of Y, what comes before 占 is what it counts
        ("第三产业增加值占地区生产总值比重为53.7%。", [("53.7%", 53.7, "%", "percent", None, "第三产业增加值")]),
        # 与Y之比为N%: the same share, of what is named before 与 or in the clause before
        ("全省研发投入与地区生产总值之比达到3%。", [("3%", 3, "%", "percent", None, "全省研发投入")]),
        ("研发经费支出3.3万亿元，与国内生产总值之比为2.64%。", [
            ("3.3万亿元", 3.3e12, "元", "money", None, "研发经费支出"),
            ("2.64%", 2.64, "%", "percent", None, "研发经费支出"),
        ]),
        ("全国男女之比为105∶100。", [("105∶100", 105 / 100, "", "ratio", None, "全国男女之比")]),
        # 按, 拟安排 say how the figure is set, not what it is of
        ("今年赤字率按3%安排。", [("3%", 3, "%", "percent", None, "赤字率")]),
        ("专项债券拟安排3.9万亿元。", [("3.9万亿元", 3900000000000, "元", "money", None, "专项债券")]),
        ("拟发行超长期特别国债1.3万亿元。", [("1.3万亿元", 1.3e12, "元", "money", None, "超长期特别国债")]),
        # a verb of having inside a subject is left out
        ("东莞市共有快递企业1200家，集团现有员工3000人。", [
            ("1200家", 1200, "家", "count", None, "东莞市快递企业"), ("3000人", 3000, "人", "count", None, "集团员工"),
        ]),
        # the object of 将 or 把 is what the figure is of; 将 before a verb means will, and is cut off
        ("中方决定将单方面免签国家范围扩大至38个，全年经济总量将突破10万亿元。", [
            ("38个", 38, "个", "count", None, "单方面免签国家范围"),
            ("10万亿元", 1e13, "元", "money", None, "全年经济总量"),
        ]),
        # a Chinese numeral with 十 counts (not 十分, not the ordinal 十九届); 百余, 千余 and 万余 too
        ("帮助五十多个贫困家庭，吸纳党员万余名，开展活动百余次。党的十九届四中全会十分重要。", [
            ("五十多个", 50, "个", "count", "多", "贫困家庭"),
            ("万余名", 10000, "名", "count", "余", "吸纳党员"),
            ("百余次", 100, "次", "count", "余", "活动"),
        ]),
        # a round numeral without its 一 after an approximation word (近百万元, 超千亿元, 过万元), with a
        # vague word before it (上千名, 数十万, 几百名: part of the figure) or 几 inside (十几个)
        ("村里还清了近百万元的陈年老债。上千名志愿者、数十万群众和十几个省份参加，投资超千亿元，月收入过万元。", [
            ("百万元", 1e6, "元", "money", "近", "陈年老债"),
            ("上千名", 1000, "名", "count", "约", "志愿者"),
            ("数十万", 1e5, "", "count", "数", "群众"),
            ("十几个", 10, "个", "count", "多", "省份"),
            ("千亿元", 1e11, "元", "money", "超过", "投资"),
            ("万元", 1e4, "元", "money", "超过", "月收入"),
        ]),
        # 数 of a noun the segmenter cut apart (党员|总|数十万) is the noun's: 党员总数 十万人; a whole word before
        # 数十万 keeps it (当地人|数十万人)
        ("全省党员总数十万人，党员人数十万人，当地人数十万人。", [
            ("十万人", 1e5, "人", "count", None, "全省党员总数"),
            ("十万人", 1e5, "人", "count", None, "党员人数"),
            ("数十万人", 1e5, "人", "count", "数", "当地人"),
        ]),
        ("营业收入突破万亿元，招募几百名专家。", [
            ("万亿元", 1e12, "元", "money", None, "营业收入"),
            ("几百名", 100, "名", "count", "数", "专家"),
        ]),
        # alone, a round numeral is a slogan's or a name's; a negation after one makes it no number
        ("上面千条线，下面一根针。进百家门，百度党委，千万不要忘记。成千上万名群众涌上街头，在这个问题上万不可大意。", []),
        # but an amount of money is one even alone
        ("该镇投资千万元建设养老院，对每户奖励万元。", [
            ("千万元", 1e7, "元", "money", None, "该镇投资"),
            ("万元", 1e4, "元", "money", None, "每户奖励"),
        ]),
        # a level after a date keeps the subject of the figure it grew or fell from; how fast it did is no subject
        ("贫困人口从2012年年底的9899万人减到2019年年底的551万人。人均收入由2015年的2.4万元逐年上涨至2019年6月的4.12万元。", [
            ("2012年", 2012, "年", "year", None, None),
            ("9899万人", 9.899e7, "人", "count", None, "贫困人口"),
            ("2019年", 2019, "年", "year", None, None),
            ("551万人", 5.51e6, "人", "count", None, "贫困人口"),
            ("2015年", 2015, "年", "year", None, None),
            ("2.4万元", 24000, "元", "money", None, "人均收入"),
            ("2019年6月", 2019, "", "date", None, None),
            ("4.12万元", 41200, "元", "money", None, "人均收入"),
        ]),
        # 由于, 从事 are words of their own, not 由/从 of an origin; 因为 opens no subject, 还有 ends none
        ("由于农村人口占全国人口的80%，因为从事农业的人口占60%，未摘帽县还有52个。", [
            ("80%", 80, "%", "percent", None, "农村人口"),
            ("60%", 60, "%", "percent", None, "从事农业的人口"),
            ("52个", 52, "个", "count", None, "未摘帽县"),
        ]),
        # a figure compared with (比2015年的76.34岁) has no subject of its own; the change after it is of what the
        # clause before, ending with a figure, is about
        ("我国居民人均预期寿命达到77.3岁，比2015年的76.34岁提高将近1岁。", [
            ("77.3岁", 77.3, "岁", "age", None, "我国居民人均预期寿命"),
            ("2015年", 2015, "年", "year", None, None),
            ("76.34岁", 76.34, "岁", "age", None, None),
            ("1岁", 1, "岁", "change", "近", "我国居民人均预期寿命"),
        ]),
        # a rank a later one rises or falls from: the subject ends before 由, and the rank it moves to is in the
        # same ranking, a date before it or not
        ("中国创新指数排名由2016年的第25位上升到第14位，排名由第45位升至2020年的第31位。", [
            ("2016年", 2016, "年", "year", None, None),
            ("第25位", 25, "位", "rank", None, "中国创新指数排名"),
            ("第14位", 14, "位", "rank", None, "中国创新指数排名"),
            ("第45位", 45, "位", "rank", None, "排名"),
            ("2020年", 2020, "年", "year", None, None),
            ("第31位", 31, "位", "rank", None, "排名"),
        ]),
        # a mark passed (大关, 台阶) is no subject; the level the next clause reaches is of what passed it;
        # 连续 and a verb of reaching end no subject; 猛增 is a change
        ("武汉市市场主体突破百万大关，达到103.33万户；经济总量连续迈上5万亿元台阶。城市人口猛增3倍，达到140多万人。", [
            ("百万", 1e6, "", "count", None, "武汉市市场主体"),
            ("103.33万户", 1033300, "户", "count", None, "武汉市市场主体"),
            ("5万亿元", 5e12, "元", "money", None, "经济总量"),
            ("3倍", 3, "倍", "change", None, "城市人口"),
            ("140多万人", 1.4e6, "人", "count", "多", "城市人口"),
        ]),
        # ... but not a figure qualifying the noun after it (超过370张的电子表单)
        ("有12个条线的台账，超过370张的电子表单。", [
            ("12个", 12, "个", "count", None, "条线"),
            ("370张", 370, "张", "count", "超过", None),  # (before 的 a count qualifies, it does not count)
        ]),
        # a unit glued to 级 is still the unit: the size of a class
        ("建成10亿吨级大港和两个30万吨级码头。", [
            ("10亿吨", 1e9, "吨", "measure", None, "大港"),
            ("30万吨", 3e5, "吨", "measure", None, "码头"),
        ]),
        # a round amount before output, or after a slash, is a rate's base
        ("万元地区生产总值能耗下降3%，事故死亡率控制在0.6人/百亿元以下。", [
            ("3%", 3, "%", "change", None, "万元地区生产总值能耗"),
            ("0.6人", 0.6, "人", "count", None, "事故死亡率"),
        ]),
        # 字 measures a text (万字的汇编材料: of what follows 的); 十六字方针 is a formula's name
        ("3年来，100万字的汇编材料见证了实践。报告全文共3.2万字，阐释了十六字方针和20字要求。", [
            ("100万字", 1e6, "字", "measure", None, "汇编材料"),
            ("3.2万字", 32000, "字", "measure", None, "报告全文"),
        ]),
        # subjects listed before 分别 pair up with the figures after it, sharing a head where the list shows it
        ("第一产业、第二产业、第三产业增加值分别增长4.1%、3.6%和5.8%。", [
            ("4.1%", 4.1, "%", "change", None, "第一产业增加值"),
            ("3.6%", 3.6, "%", "change", None, "第二产业增加值"),
            ("5.8%", 5.8, "%", "change", None, "第三产业增加值"),
        ]),
        ("城镇和农村居民人均可支配收入分别为49283元和20133元；北京、上海两市GDP分别为4.4万亿元和4.7万亿元。", [
            ("49283元", 49283, "元", "money", None, "城镇居民人均可支配收入"),
            ("20133元", 20133, "元", "money", None, "农村居民人均可支配收入"),
            ("4.4万亿元", 4.4e12, "元", "money", None, "北京GDP"),
            ("4.7万亿元", 4.7e12, "元", "money", None, "上海GDP"),
        ]),
        # a word that says two subjects at once (城乡, 进出口) stands for each in turn
        ("城乡居民人均可支配收入分别增长4.5%和6.5%，全年进出口分别增长3.1%和2.2%。", [
            ("4.5%", 4.5, "%", "change", None, "城镇居民人均可支配收入"),
            ("6.5%", 6.5, "%", "change", None, "农村居民人均可支配收入"),
            ("3.1%", 3.1, "%", "change", None, "全年进口"),
            ("2.2%", 2.2, "%", "change", None, "全年出口"),
        ]),
        ("二、三季度国内生产总值同比分别增长3.2%、4.9%；烟尘、二氧化硫排放浓度将比国家标准限值分别降低33%和82%。", [
            ("二、三季度", 9, "", "date", None, None),  # the second and third quarters: one date, --04/--09
            ("3.2%", 3.2, "%", "change", None, "二季度国内生产总值"),
            ("4.9%", 4.9, "%", "change", None, "三季度国内生产总值"),
            ("33%", 33, "%", "change", None, "烟尘"),
            ("82%", 82, "%", "change", None, "二氧化硫排放浓度"),
        ]),
        ("税收、一般公共预算收入分别增长5%和6%，两项指标分别达96%和98%。", [
            ("5%", 5, "%", "change", None, "税收"),
            ("6%", 6, "%", "change", None, "一般公共预算收入"),
            ("96%", 96, "%", "percent", None, "两项指标"),
            ("98%", 98, "%", "percent", None, "两项指标"),
        ]),
        # 加快, 回升, 放缓, 收窄 change a rate; 扣除价格因素 says how, not what
        ("全年国内生产总值增长5.2%，比上年加快2.2个百分点。人均可支配收入39218元，扣除价格因素实际增长6.1%。", [
            ("5.2%", 5.2, "%", "change", None, "全年国内生产总值"),
            ("2.2个百分点", 2.2, "个百分点", "percentage_point", None, "全年国内生产总值"),
            ("39218元", 39218, "元", "money", None, "人均可支配收入"),
            ("6.1%", 6.1, "%", "change", None, "人均可支配收入"),
        ]),
        # X在Y中的占比: a share of Y (and the level it falls to, of the same)
        ("煤炭在一次能源消费中的占比由68.5%下降到56.0%。", [
            ("68.5%", 68.5, "%", "percent", None, "煤炭"),
            ("56.0%", 56.0, "%", "percent", None, "煤炭"),
        ]),
        # a year opening a clause says when; the level a change reached takes the change's subject
        ("全省地区生产总值年均增长5.8%，2025年达到4.2万亿元；增长1.3%，共10个。", [
            ("5.8%", 5.8, "%", "change", None, "全省地区生产总值"),
            ("2025年", 2025, "年", "year", None, None),
            ("4.2万亿元", 4.2e12, "元", "money", None, "全省地区生产总值"),
            ("1.3%", 1.3, "%", "change", None, "全省地区生产总值"),
            ("10个", 10, "个", "count", None, None),
        ]),
        ("2025年全省地区生产总值达到4.2万亿元。", [
            ("2025年", 2025, "年", "year", None, None),
            ("4.2万亿元", 4.2e12, "元", "money", None, "全省地区生产总值"),
        ]),
        # 到去年的: the time a level was reached stands between 到 and the level
        ("双边贸易额从不足1亿美元增长到去年的789亿美元。", [
            ("1亿美元", 1e8, "美元", "money", "以下", "双边贸易额"),
            ("789亿美元", 7.89e10, "美元", "money", None, "双边贸易额"),
        ]),
        ("工业增加值同比增长6.1%，环比增长0.5%。", [
            ("6.1%", 6.1, "%", "change", None, "工业增加值"),
            ("0.5%", 0.5, "%", "change", None, "工业增加值"),
        ]),
    ],
)  # fmt: skip
def test_figures_in_small_texts(nlp, text, expected):
    assert figures(analyse(nlp, text)) == expected


@pytest.mark.parametrize("dash", ["—", "―", "–", "‒", "-", "－", "~", "～", "〜", "至"])
def test_range_dashes(nlp, dash):
    data = analyse(nlp, f"每村每年可分红5{dash}11万元。")
    assert [(s["text"], s["value"], s["range"]) for s in data["stats"]] == [(f"5{dash}11万元", 50000, [50000, 110000])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # alone in its clause, a figure measures again what the clause before counts
        ("丛书第一辑共14册，约150万字，包括16部经典著作。", [("14册", "丛书第一辑"), ("150万字", "丛书第一辑"), ("16部", "经典著作")]),
        ("全村累计脱贫194户、761人，村集体经济实现收入31.1万元。", [("194户", "全村累计脱贫"), ("761人", "全村累计脱贫"), ("31.1万元", "村集体经济实现收入")]),
    ],
)
def test_a_figure_alone_in_its_clause_measures_what_the_clause_before_counts(nlp, text, expected):
    data = analyse(nlp, text)
    assert [(s["text"], s["subject"]) for s in data["stats"]] == expected
    assert data["checks"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("代表的名额一般为100名至200名，最多不超过300名。", [("100名至200名", 100, [100, 200], "名", "代表的名额"), ("300名", 300, None, "名", "代表的名额")]),
        ("每年投资3亿元至5亿元。", [("3亿元至5亿元", 300000000, [300000000, 500000000], "元", "每年投资")]),
        ("每年培训干部3000人到5000人。", [("3000人到5000人", 3000, [3000, 5000], "人", "每年培训干部")]),
    ],
)
def test_a_range_with_its_unit_at_both_ends(nlp, text, expected):
    assert [(s["text"], s["value"], s["range"], s["unit"], s["subject"]) for s in analyse(nlp, text)["stats"]] == expected


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("1—10月，全国规模以上工业增加值同比增长6.1%。", [("1—10月", "--01/--10")]),
        ("2025年1至10月份，全市接待游客1200万人次。", [("2025年1至10月份", "2025-01/2025-10")]),
        ("11月5日至8日访问中国，10月1日-7日放假，3月至5月开展活动。", [
            ("11月5日至8日", "--11-05/--11-08"), ("10月1日-7日", "--10-01/--10-07"), ("3月至5月", "--03/--05"),
        ]),
        # no range backwards, nor from a month to a day: neither is a date
        ("5—3月，1—10月5日。", []),
        # across months and years, and within a month written out twice
        ("3月30日至4月2日，清明节假期出游1.26亿人次。", [("3月30日至4月2日", "--03-30/--04-02")]),
        ("2024年12月至2025年3月，铁路发送旅客13.2亿人次。", [("2024年12月至2025年3月", "2024-12/2025-03")]),
        ("3月1日至3月8日举办，1月至10月，增长3%。", [("3月1日至3月8日", "--03-01/--03-08"), ("1月至10月", "--01/--10")]),
        # backwards, of two precisions, or with no year to start from: each date stands alone
        ("4月2日至3月30日，3月30日至4月，12月至2025年3月。", [
            ("4月2日", "--04-02"), ("3月30日", "--03-30"), ("3月30日", "--03-30"), ("4月", "--04"), ("12月", "--12"), ("2025年3月", "2025-03"),
        ]),
        # the first months of a year; not a time before something
        ("今年前10个月，进出口增长3.6%；2025年前两个月，出口增长5%。", [("前10个月", "--01/--10"), ("2025年前两个月", "2025-01/2025-02")]),
        # quarters and halves of a year
        ("2023年一季度GDP增长4.5%，前三季度增长5.2%，第四季度增长5.2%；今年上半年出口增长，下半年进口增长。二、三季度好转。", [
            ("2023年一季度", "2023-01/2023-03"), ("前三季度", "--01/--09"), ("第四季度", "--10/--12"), ("上半年", "--01/--06"), ("下半年", "--07/--12"),
            ("二、三季度", "--04/--09"),
        ]),
    ],
)
def test_a_range_of_months_or_days_is_one_date(nlp, text, dates):
    data = analyse(nlp, text)
    assert [(s["text"], s["date"]) for s in data["stats"] if s["kind"] == "date"] == dates
    # a range of months opening a clause says when, not what, also to a clause with no subject of its own
    assert all(not s["subject"] or not s["subject"][0].isdigit() for s in data["stats"])


def test_months_before_an_event_are_a_measure(nlp):
    data = analyse(nlp, "去世前10个月，他仍在工作。")
    assert [(s["text"], s["kind"], s["date"]) for s in data["stats"]] == [("10个月", "measure", None)]


def test_ranges_years_and_dates(nlp):
    data = analyse(nlp, "差额比例保持在15%—20%。每年招收3至5万人。二〇二二年十月十六日开幕,2021—2025年完成。")
    got = [(s["text"], s["value"], s["kind"], s["range"], s["date"]) for s in data["stats"]]
    assert got == [
        ("15%—20%", 15, "percent", [15, 20], None),
        ("3至5万人", 30000, "count", [30000, 50000], None),
        ("二〇二二年十月十六日", 2022, "date", None, "2022-10-16"),
        ("2021—2025年", 2021, "year", [2021, 2025], None),
    ]


def test_ordinary_numerals_are_no_figures(nlp):
    data = analyse(nlp, "落实三个务必,做到两个确立,十九大以来,一是学习,拨打12380举报电话,支持5G和H5。")
    assert data["stats"] == []


def test_a_threshold_that_qualifies_a_subject_is_no_figure(nlp):
    data = analyse(nlp, "当选代表中,55岁以下的1371名,占59.7%。")
    assert [s["text"] for s in data["stats"]] == ["1371名", "59.7%"]


def test_full_width_digits_and_crlf_map_back_to_the_original(nlp):
    src = tifalens.read_bytes("标题\r\n\r\n当选代表中，女党员６１９名，占２７．０％。\r\n".encode("utf-8"), path="x.txt")
    data = analyze_source(src, nlp).to_dict()
    assert [(s["text"], s["value"]) for s in data["stats"]] == [("619名", 619), ("27.0%", 27.0)]
    assert [src.original[s["orig_start"] : s["orig_end"]] for s in data["stats"]] == ["６１９名", "２７．０％"]


def test_a_paragraph_joined_across_a_line_break(nlp):
    text = "六是各个时期入党的都有代表。当选代表中,有新民主主义革命时期入党的。其中,改革开放以后入\n\n党的2224名,占96.9%。"
    data = analyse(nlp, text)
    assert [(s["text"], s["subject"], text[s["start"] : s["end"]]) for s in data["stats"]] == [
        ("2224名", "改革开放以后入党的", "2224名"),
        ("96.9%", "改革开放以后入党的", "96.9%"),
    ]


def test_datelines_hold_no_figures(nlp):
    for text in ("新华社北京9月26日电 全市新建学校12所。", "全市新建学校12所。(新华社北京9月26日电)"):
        assert figures(analyse(nlp, text)) == [("12所", 12, "所", "count", None, "全市新建学校")]


def test_duplicated_paragraphs_are_skipped_unless_kept(nlp):
    text = "标题\n\n全市新建学校12所,改扩建学校8所。\n\n全市新建学校12所,改扩建学校8所。\n"
    assert [s["text"] for s in analyse(nlp, text)["stats"]] == ["12所", "8所"]
    kept = analyse(tifalens.load(keep_duplicates=True), text)
    assert [s["text"] for s in kept["stats"]] == ["12所", "8所", "12所", "8所"]


def test_checks_can_be_turned_off():
    nlp = tifalens.load(components=("tifa_structure", "tifa_terms"))
    nlp.add_pipe("tifa_stats", config={"checks": False})
    data = analyse(nlp, "新建学校12所,改扩建学校8所,新建学校15所。")
    assert len(data["stats"]) == 3 and data["checks"] == []
    assert nlp.get_pipe_config("tifa_stats") == {"factory": "tifa_stats", "keep_duplicates": False, "checks": False}


def test_finder_is_a_pure_function_of_the_text():
    found = FigureFinder(stats_rules()).find("党员9600多万名，比上年增长8.1%")
    assert [(f.text, f.value, f.kind, f.approx, f.direction, f.against) for f in found] == [
        ("9600多万名", 96000000.0, "count", "多", 0, None),
        ("8.1%", 8.1, "change", None, 1, "上年"),
    ]


def test_text_view_maps_offsets_across_joins():
    view = TextView("入\n\n党的2224名", [(1, 3)])
    assert view.text == "入党的2224名"
    assert (view.to_doc(3), view.to_doc_end(8), view.to_view(3), view.to_view(2)) == (5, 10, 1, 1)


# ---------------------------------------------------------------------------- checks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("当选代表共1000名。其中,女代表270名,占27.0%;少数民族代表120名,占11.5%。", [("share", "error", "11.5%")]),
        ("当选代表共1000名。其中,女代表270名,占27.0%;少数民族代表120名,占12.0%。", []),
        ("全校共有教师200名,其中女教师90名,占40%。", [("share", "error", "40%")]),
        ("全校共有教师200名,其中女教师90名,占45%。", []),
        # rounded counts: 23.6万 of 33.2万 is 71.08%, but 23.55万 of 33.25万 is 70.83%
        ("共处理33.2万人次。其中,第一类23.6万人次,占70.9%;第二类7.4万人次,占22.4%;第三类1.1万人次,占3.2%。", []),
        # an approximate share is not held to the digit
        ("当选代表共1000名。其中,女代表270名,占27.0%;少数民族代表120名,约占11.5%。", []),
        # siblings are no parts of each other: 1025 is not a share of 2985
        ("共发现已脱贫户2985户、占排查总数的3.5%,未脱贫户1025户、占1.2%。", []),
        # the whole a share names (占常住人口比重) is the earlier figure of that subject
        ("年末常住人口4890万人。其中,城镇常住人口3180万人,占常住人口比重（城镇化率）为68.03%。", [("share", "error", "68.03%")]),
        ("年末常住人口4890万人。其中,城镇常住人口3180万人,占常住人口比重（城镇化率）为65.03%。", []),
        ("年末常住人口4890万人。其中,城镇常住人口3180万人,占就业人员比重为68.03%。", []),
        ("全年国内生产总值1260582亿元。全年研发经费支出33278亿元，与国内生产总值之比为3.64%。", [("share", "error", "3.64%")]),
        ("全年国内生产总值1260582亿元。全年研发经费支出33278亿元，与国内生产总值之比为2.64%。", []),
        # a share of a number of things is of the count before it, past an amount that qualifies them,
        # and a total after it that the share names counts too
        ("全市已有132个村集体经济收入超过10万元，占行政村总数的88%，全市共有行政村160个。", [("share", "error", "88%")]),
        ("全市已有132个村集体经济收入超过10万元，占行政村总数的82.5%，全市共有行政村160个。", []),
        ("全市已有132个村集体经济收入超过10万元，占行政村总数的88%，全市共有社区160个。", []),
        # 占比 alone says a share of the whole the context gives
        ("全市共有企业200家，其中民营企业150家，占比80%。", [("share", "error", "80%")]),
        ("全市共有企业200家，其中民营企业150家，占比为75%。", []),
        # a share with its own subject is of the count of that subject before it
        ("全校共有教师100人，其中女教师60人，女教师占比65%。", [("share", "error", "65%")]),
        ("全校共有教师100人，其中女教师60人，女教师占比60%。", []),
        # ... or stated before it, with no 其中 between
        ("全县有贫困村120个，已有80个村脱贫，占贫困村总数的70%。", [("share", "error", "70%")]),
        ("全县有贫困村120个，已有80个村脱贫，占贫困村总数的66.7%。", []),
        ("全县有社区120个，已有80个村脱贫，占贫困村总数的70%。", []),
        # a share confirmed in the next paragraph against a total of other things (名 of civil servants) is
        # no reason to pass over the total this one names
        ("年末常住人口8000万人，其中城镇常住人口5200万人，占总人口的比重为68.5%。\n\n全年招录公务员12000名，其中女性5800名，占48.3%。", [("share", "error", "68.5%")]),
        # a share cut after its last digit, not rounded (68.59% written 68%), is told, not held as an error;
        # 45.00% written 44% is no cut
        ("公司有职工1264人，其中党员867人，占职工总数的68%。", [("share", "info", "68%")]),
        ("全校共有教师200名,其中女教师90名,占44%。", [("share", "error", "44%")]),
        # the parts listed under the same 其中 before the count are no total of it: the whole before 其中 is
        ("全县共有党员12000名，其中女党员3500名，少数民族党员1200名，35岁以下党员2800名，占党员总数的25%。", [("share", "error", "25%")]),
        ("全县共有党员12000名，其中女党员3500名，少数民族党员1200名，35岁以下党员2800名，占党员总数的23.3%。", []),
        # a rate of things done is of the count of those done, out of all counted right before
        ("共收到群众来信210件，已办结198件，办结率96.3%。", [("share", "error", "96.3%")]),
        ("共收到群众来信210件，已办结198件，办结率94.3%。", []),
        ("全年共排查隐患320处，已整改305处，整改率为95.3%。", []),
        # (not of a count of other things done, nor of one done before a part of it under 其中)
        ("共收到群众来信210件，已办结198件，满意率96.3%。", []),
        ("共查摆问题3228件，已整改办结2634件，办结率达到81.6%，其中民生问题2548件，整改完成2445件，办结率达到96.0%。", []),
    ],
)
def test_share_check(nlp, text, expected):
    data = analyse(nlp, text)
    assert checks(data) == expected
    if expected:
        assert data["checks"][0]["message"] in (
            "120名 out of 1000名 is 12.00%, not 11.5% (少数民族代表; the other shares here are of 1000名)",
            "90名 out of 200名 is 45.00%, not 40% (女教师; the total given is 200名)",
            "198件 out of 210件 is 94.29%, not 96.3% (办结率; the total given is 210件)",
            "3180万人 out of 4890万人 is 65.031%, not 68.03% (城镇常住人口; 常住人口 is 4890万人)",
            "132个 out of 160个 is 82.50%, not 88% (村; the total given is 160个)",
            "80个 out of 120个 is 66.67%, not 70% (村; the total given is 120个)",
            "150家 out of 200家 is 75.00%, not 80% (民营企业; the total given is 200家)",
            "60人 out of 100人 is 60.00%, not 65% (女教师; the total given is 100人)",
            "5200万人 out of 8000万人 is 65.00%, not 68.5% (城镇常住人口; the total given is 8000万人)",
            "867人 out of 1264人 is 68.59%, cut to 68%, not rounded (党员; the total given is 1264人)",
            "90名 out of 200名 is 45.00%, not 44% (女教师; the total given is 200名)",
            "2800名 out of 12000名 is 23.33%, not 25% (35岁以下党员; the total given is 12000名)",
            "33278亿元 out of 1260582亿元 is 2.640%, not 3.64% (全年研发经费支出; 国内生产总值 is 1260582亿元)",
        )
        share = next(s["share_of"] for s in data["stats"] if s["share_of"] and s["share_of"]["confirmed"] is False)
        assert share["total"]["value"] in (1000, 200, 48900000, 160, 120, 100, 80000000, 1264, 12000, 126058200000000, 210)


GDP = "全年国内生产总值1349084亿元。其中，第一产业增加值91414亿元，第二产业增加值492087亿元，第三产业增加值765583亿元。"


@pytest.mark.parametrize(
    ("third", "expected"),
    [
        ("56.7%", []),
        # 765583亿元 of 1349084亿元 is 56.75%: the share a later sentence states of a figure named before is checked
        ("58.7%", [("parts_exceed_whole", "error", "58.7%"), ("share", "error", "58.7%")]),
    ],
)
def test_shares_of_a_named_whole_are_held_against_the_figures_it_names(nlp, third, expected):
    data = analyse(nlp, GDP + f"第一产业增加值占国内生产总值比重为6.8%，第二产业增加值比重为36.5%，第三产业增加值比重为{third}。")
    # 第二产业增加值比重为36.5% in a list after 占国内生产总值比重: of the same whole, and the subject has no 比重
    assert [(s["text"], s["subject"], s["share_of"]["whole"], s["share_of"]["count"]["text"]) for s in data["stats"] if s["kind"] == "percent"] == [
        ("6.8%", "第一产业增加值", "国内生产总值", "91414亿元"),
        ("36.5%", "第二产业增加值", "国内生产总值", "492087亿元"),
        (third, "第三产业增加值", "国内生产总值", "765583亿元"),
    ]
    assert checks(data) == expected
    if expected:
        assert data["checks"][1]["message"] == "765583亿元 out of 1349084亿元 is 56.75%, not 58.7% (第三产业增加值; the other shares here are of 1349084亿元)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年出生人口954万人，出生率为6.77‰；死亡人口1093万人，死亡率为7.76‰；自然增长率为-0.99‰。", []),
        ("全年出生人口954万人，出生率为6.77‰；死亡人口1093万人，死亡率为7.76‰；人口自然增长率为-1.99‰。", [
            "6.77‰ less 7.76‰ is -0.99‰, not -1.99‰ (人口自然增长率 is 出生率 less 死亡率)",
        ]),
        # a surplus is no part of the total the exports and imports are parts of
        ("全年货物进出口总额43.8万亿元。其中，出口25.5万亿元，进口18.4万亿元，货物贸易顺差7.1万亿元。", []),
        ("全年货物进出口总额43.8万亿元。其中，出口25.5万亿元，进口18.4万亿元，货物贸易顺差6.1万亿元。", [
            "25.5万亿元 less 18.4万亿元 is 7.1万亿元, not 6.1万亿元 (货物贸易顺差 is 出口 less 进口)",
        ]),
    ],
)
def test_a_difference_is_held_against_what_it_is_the_difference_of(nlp, text, expected):
    data = analyse(nlp, text)
    assert [c["message"] for c in data["checks"]] == expected
    assert all(c["code"] == "difference" and c["level"] == "error" for c in data["checks"])


def test_a_share_in_a_whole_names_the_whole(nlp):
    data = analyse(nlp, "煤炭在一次能源消费中的占比由68.5%下降到56.0%，非化石能源在能源消费总量中的比重达到17.5%。")
    assert [(s["text"], s["subject"], s["share_of"]["whole"]) for s in data["stats"]] == [
        ("68.5%", "煤炭", "一次能源消费"),
        ("56.0%", "煤炭", "一次能源消费"),
        ("17.5%", "非化石能源", "能源消费总量"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全校共有教师120名。其中,女教师80名,男教师50名。", [("parts_exceed_whole", "error", "50名")]),
        ("全校共有教师120名。其中,女教师70名,男教师50名。", []),
        # shares alone under 其中 add up to 100% at most (a warning where the parts need not exclude each other)
        ("全市常住人口1000万人，其中，男性占51.2%，女性占50.8%。", [("parts_exceed_whole", "error", "50.8%")]),
        ("全市常住人口1000万人，其中，男性占51.2%，女性占48.8%。", []),
        ("全市党员100万名，其中，女党员占30%，少数民族占80%。", [("parts_exceed_whole", "warning", "80%")]),
        # 包括 opens parts as 其中 does
        ("全省共有党员100万名，包括农民党员40万名、工人党员30万名、其他党员40万名。", [("parts_exceed_whole", "error", "40万名")]),
        ("全省共有党员100万名，包括农民党员40万名、工人党员30万名、其他党员30万名。", []),
        ("全校共有教师120名,其中女教师130名。", [("parts_exceed_whole", "error", "130名")]),
        # a floor said of the whole after it is no whole: the figure before it is
        ("全国粮食总产量达到14130亿斤，连续10年稳定在1.3万亿斤以上。其中，夏粮2995亿斤，秋粮10875亿斤，早稻560亿斤。", [
            ("parts_exceed_whole", "warning", "560亿斤"),
        ]),
        ("全国粮食总产量达到14130亿斤，连续10年稳定在1.3万亿斤以上。其中，夏粮2995亿斤，秋粮10575亿斤，早稻560亿斤。", []),
        ("全市党员超过3000名。其中，女党员1800名，少数民族党员1500名。", []),
        # parts that end with the rest (其他, 其余) are the whole: they must add up to it, within rounding
        ("全省共有党员100万名，包括农民党员40万名、工人党员30万名、其他党员20万名。", [("parts_short_of_whole", "warning", "20万名")]),
        ("全省企业3.8万家，其中武汉市2.1万家、襄阳市0.9万家，其余市州0.8万家。", []),
        ("全省企业3.8万家，其中武汉市2.1万家、襄阳市0.6万家、宜昌市0.5万家，其他市州0.2万家。", [("parts_short_of_whole", "warning", "0.2万家")]),
        # without the rest, parts may leave some of the whole out
        ("全省共有党员100万名，包括农民党员40万名、工人党员30万名。", []),
        # so do the members of a division that leaves nothing out (第一、二、三产业; 城镇, 农村), under 其中 or a
        # sentence that breaks the whole down (分产业看)
        ("全年国内生产总值1260582亿元。其中，第一产业增加值89755亿元，第二产业增加值482589亿元，第三产业增加值600238亿元。", [
            ("parts_short_of_whole", "warning", "600238亿元"),
        ]),
        ("全年国内生产总值1260582亿元，增长5.2%。分产业看，第一产业增加值89755亿元，第二产业增加值482589亿元，第三产业增加值688238亿元。", []),
        ("全市常住人口1000万人，其中城镇常住人口700万人，农村常住人口200万人。", [("parts_short_of_whole", "warning", "200万人")]),
        # a release divides a whole by whatever it names (按经营地分, 分地区看): the parts follow as under 其中
        ("全年社会消费品零售总额24600亿元，比上年增长5.0%。按经营地分，城镇消费品零售额21200亿元，增长4.8%；乡村消费品零售额3300亿元，增长6.2%。", [
            ("parts_short_of_whole", "warning", "3300亿元"),
        ]),
        ("全年社会消费品零售总额24600亿元，比上年增长5.0%。按经营地分，城镇消费品零售额21200亿元，增长4.8%；乡村消费品零售额3400亿元，增长6.2%。", []),
        ("年末全省企业3.8万家。分区域看：东部地区2.1万家，中部地区0.9万家，西部地区0.9万家，东北地区0.2万家。", [("parts_exceed_whole", "error", "0.2万家")]),
        ("全年居民人均可支配收入41200元。按常住地分，城镇居民人均可支配收入52300元，农村居民人均可支配收入24800元。", []),
        # 按 and 分 with no comma after them divide nothing (按比例分配)
        ("全年资金24600亿元，按比例分配给城镇2万亿元、乡村0.5万亿元。", []),
        ("全市常住人口1000万人，其中城镇常住人口700万人，农村常住人口300万人。", []),
        ("全市常住人口1000万人，其中城镇常住人口700万人，流动人口200万人。", []),
        ("代表中,工人党员20名。其中,党员干部10名(农民工党员30名)。", [("parts_exceed_whole", "error", "30名")]),
        ("代表中,工人党员20名。其中,党员干部10名(农民工党员3名)。", []),
        ("代表中,党员干部300名,占30.0%。其中,机关干部150名,占20.0%;企业干部140名,占15.0%。", [("parts_exceed_whole", "error", "15.0%")]),
        ("代表中,党员干部300名,占30.0%。其中,机关干部150名,占15.0%;企业干部140名,占14.0%。", []),
        ("平均年龄52.2岁。其中,55岁以下的1371名,占59.7%;45岁以下的434名,占58.9%。", []),
        # a count stated to the one is exact: six parts of 7+5+6+5+5+6 are not 33, however many there are
        ("措施共33项。其中，财政政策7项，货币金融政策5项，投资政策6项，粮食政策5项，产业政策5项，民生政策6项。", [("parts_exceed_whole", "error", "6项")]),
        ("措施共33项。其中，财政政策7项，货币金融政策5项，投资政策6项，粮食政策5项，产业政策5项，民生政策5项。", []),
        # each stated figure is rounded: 23.6+7.4+1.1+1.2 = 33.3万 fits 33.2万
        ("共处理33.2万人次,其中第一类23.6万人次,第二类7.4万人次,第三类1.1万人次,第四类1.2万人次。", []),
        ("共处理33.2万人次,其中第一类24.6万人次,第二类7.4万人次,第三类1.1万人次,第四类1.2万人次。", [("parts_exceed_whole", "error", "1.2万人次")]),
        # 其中 opening brackets: the parts are in them
        ("全年共有党员100人（其中女党员70人、男党员40人）。", [("parts_exceed_whole", "error", "40人")]),
        ("全年共有党员100人（其中女党员60人、男党员40人），发展党员12人。", []),
        ("全年共有党员100人（其中女党员60人、男党员40人），预备党员50人，发展党员52人。", []),
        # 件次 and 件 count different things: 立案62.6万件 is no part of 344.3万件次
        ("共接收信访举报344.3万件次，其中检举控告类信访举报100.4万件次；处置问题线索179.9万件，谈话函询36.6万件次，立案62.6万件。", []),
        # two ways to divide one whole
        ("支部现有党员9名,其中男党员7名、女党员2名;在职党员6名、退休党员3名。", []),
        ("支部现有党员9名,其中男党员7名、女党员2名;在职党员8名、退休党员3名。", [("parts_exceed_whole", "error", "3名")]),
        # parts of different kinds may overlap: a warning, not an error
        ("全年处理干部500人,其中给予党纪处分320人,组织处理150人,诫勉谈话80人。", [("parts_exceed_whole", "warning", "80人")]),
        # so may kinds of one measure that the same people can each be given, though their names end alike
        ("全省共处分1200人，其中党纪处分800人，政务处分600人。", [("parts_exceed_whole", "warning", "600人")]),
        ("全省共有干部1200人，其中男干部800人，女干部600人。", [("parts_exceed_whole", "error", "600人")]),
        # after ； the whole named again opens another way to divide it: those counts are no parts of the first
        ("处分61万人，其中党纪处分45万人、政务处分15万人；处分省部级干部49人，厅局级干部3144人，县处级干部2.4万人。", []),
        # parts that leave unsaid what they count (the whole's) are told apart by what their clauses say;
        # adding up to more is a warning, since such parts may overlap
        ("全国832个贫困县，其中601个已摘帽，179个正在进行退出检查，62个未摘帽。", [("parts_exceed_whole", "warning", "62个")]),
        ("全国832个贫困县，其中601个已摘帽，179个正在进行退出检查，52个未摘帽。", []),
        ("全村党员50名，其中30名常年在村，15名外出务工，其他党员10名。", [("parts_exceed_whole", "error", "10名")]),
        # a count and what it counts, then 中, opens its parts as 其中 does
        ("全国832个贫困县中，已有601个摘帽，179个正在进行退出检查，未摘帽县还有62个。", [("parts_exceed_whole", "warning", "62个")]),
        ("全国832个贫困县中已有601个摘帽，179个正在进行退出检查，未摘帽县还有52个。", []),
        ("在100名党员中，有60名女党员、50名男党员。", [("parts_exceed_whole", "error", "50名")]),
        ("2296名代表中，女党员619名，少数民族党员264名。", []),
        ("5个试点城市中期评估全部合格，30个城市获得奖励。", []),  # 中期 is no partitive, nor 中|管企业
        ("中央对42家中管企业开展巡视，56家选择集中整改。", []),
        # another partitive opens other parts
        ("902家非公企业中已有898家成立党组织，274家社会组织中270家成立党组织。", []),
        # several wholes, as many parts: they pair up
        ("全年开工住房90万套、竣工70万套,其中保障房开工50万套、竣工40万套。", []),
        ("全年开工住房90万套、竣工70万套,其中保障房开工50万套、竣工80万套。", [("parts_exceed_whole", "error", "80万套")]),
        # the whole is the largest of those it may be
        ("在选拔的120人中,到省直单位的有40人,到市直单位的有80人。其中,乡镇书记100人、乡镇长20人。", []),
        # a total after the parts is no part; nor is a count further on in another part of the sentence
        ("今年提拔干部80名,其中第一书记12名,全市累计提拔干部420名。", []),
        ("有12个学科进入前列,其中工学进入前1‰;发起成立联盟,35个国家的高校加入。", []),
        # a change is no whole
        ("基层组织460万个,比上年净增7万个。其中党委25万个,总支部30万个,支部405万个。", [("change", "info", "7万个")]),
        # averages of the parts neither add up to nor stay below the whole's average
        ("全国居民人均消费支出19853元,其中农村居民人均消费支出12000元,城镇居民人均消费支出25000元。", []),
        ("职工平均工资8000元,其中国有单位平均工资9000元,私营单位平均工资6000元。", []),
        # ... but totals of the same groups still do
        ("全国居民消费支出19853亿元,其中农村居民消费支出12000亿元,城镇居民消费支出25000亿元。", [
            ("parts_exceed_whole", "error", "25000亿元"),
            ("parts_exceed_whole", "error", "25000亿元"),
        ]),
    ],
)
def test_parts_exceed_whole_check(nlp, text, expected):
    assert checks(analyse(nlp, text)) == expected


def test_the_parts_after_a_partitive_count_what_it_counts(nlp):
    # a part with a verb right after it: what it does is no subject
    data = analyse(nlp, "全区902家非公企业中已有898家成立党组织，13个异地商会中，11个单独建立党支部，2个组建党的工作小组。")
    assert [(s["text"], s["subject"]) for s in data["stats"]] == [
        ("902家", "非公企业"), ("898家", "非公企业"), ("13个", "异地商会"), ("11个", "异地商会"), ("2个", "异地商会"),
    ]  # fmt: skip
    data = analyse(nlp, "全国832个贫困县中，已有601个摘帽，179个正在进行退出检查，未摘帽县还有62个。")
    (check,) = data["checks"]
    assert check["message"] == "the parts under 832个贫困县中 (601个, 179个, 62个) add up to 842个, more than the whole 832个 (unless they overlap)"
    # a part that names what it counts keeps its own subject
    data = analyse(nlp, "小组9名成员中，有5名党员、3名入党积极分子。")
    assert [s["subject"] for s in data["stats"]] == ["成员", "党员", "入党积极分子"]
    # the parts end at a count with more than a verb of having before it
    data = analyse(nlp, "9名支部班子成员中，物业公司党员3名，业户党员6名，支部下设26个党小组，选出36名楼长。")
    assert data["checks"] == [] and data["stats"][-1]["subject"] == "楼长"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全县共有贫困村120个，已有98个村脱贫出列，剩余32个村将于明年出列。", [("remainder", "error", "32个")]),
        ("全县共有贫困村120个，已有88个村脱贫出列，剩余32个村将于明年出列。", []),
        ("原有的12个村办企业已停产8个，剩下5个不死不活。", [("remainder", "error", "5个")]),
        ("这102名党员中关系在社里的只有11名，其余91名是外村的。", []),
        # several parts: one may hold another, a warning; any one of them with the rest making the whole, none
        ("全县有贫困村120个，2019年脱贫58个，今年脱贫30个，剩余30个明年脱贫。", [("remainder", "warning", "30个")]),
        ("全县有贫困村120个，2019年脱贫58个，今年脱贫30个，剩余32个明年脱贫。", []),
        ("全县有贫困村120个，其中深度贫困村30个，已脱贫90个，剩余30个明年脱贫。", [("parts_exceed_whole", "warning", "30个")]),  # (under 其中)
        # no count said to be a whole (停运…147个 is what was done, not all there were), no approximate figures
        ("停运政务新媒体147个，只保留4个，其余30个统一整合。", []),
        ("善款达609万余元，除安排58万余元购买口罩外，剩余的551万余元全部捐赠。", []),
    ],
)
def test_remainder_check(nlp, text, expected):
    data = analyse(nlp, text)
    assert checks(data) == expected
    if expected and expected[0][1] == "error":
        assert data["checks"][0]["message"] in (
            "98个 and the rest, 32个, add up to 130个, not the whole 120个",
            "8个 and the rest, 5个, add up to 13个, not the whole 12个",
        )


def test_parts_message(nlp):
    (check,) = analyse(nlp, "全校共有教师120名。其中,女教师80名,男教师50名。")["checks"]
    assert check["message"] == "the parts under 其中 (80名, 50名) add up to 130名, more than the whole 120名"
    assert [f["text"] for f in check["figures"]] == ["120名", "80名", "50名"]
    # the sum is written in the whole's multiplier, not as a raw number of yuan
    (check,) = analyse(nlp, "总额为100亿元，其中A项目为60亿元，B项目为7000万元，C项目为45亿元。")["checks"]
    assert check["message"] == "the parts under 其中 (60亿元, 7000万元, 45亿元) add up to 105.7亿元, more than the whole 100亿元"
    (check,) = analyse(nlp, "全省共有党员100万名，包括农民党员40万名、工人党员30万名、其他党员40万名。")["checks"]
    assert check["message"] == "the parts under 包括 (40万名, 30万名, 40万名) add up to 110万名, more than the whole 100万名"
    (check,) = analyse(nlp, "全省企业3.8万家，其中武汉市2.1万家、宜昌市0.5万家，其他市州0.2万家。")["checks"]
    assert check["message"] == "the parts under 其中 (2.1万家, 0.5万家, 0.2万家), the rest (其他市州) included, add up to 2.8万家, less than the whole 3.8万家"
    assert [f["text"] for f in check["figures"]] == ["3.8万家", "2.1万家", "0.5万家", "0.2万家"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新建学校12所,改扩建学校8所,新建学校15所。", [("conflict", "error", "15所")]),
        # the same noun, counted in other words or after another count, is another group
        ("县里选派20名干部驻村,各乡镇组织直属部门选派300名干部。", []),
        ("另有2名妇女当选副主席,4名妇女当选委员。", []),
        ("营业收入120亿元,增幅12.5%,利润总额8亿元,增幅6.1%。", []),
        ("县委列出问题30条,当场整改12条;各乡镇列出问题210条,当场整改96条。", []),
        ("报到率91.5%,其中在职党员8185名,报到率达95.3%。", []),
        ("全县党员1200名。全县党员1300名。", [("conflict", "warning", "1300名")]),
        ("代表中,农民党员26名;农民党员85名。", [("conflict", "error", "85名")]),
        ("新建学校12所,改扩建学校8所。", []),
        ("全市新建学校12所。改扩建学校8所。全市新建学校15所。", [("conflict", "warning", "15所")]),
        ("全市新建学校12所。\n全市新建学校15所。", []),
        ("2021年新建学校12所。2022年新建学校15所。", []),
        ("代表中,女代表270名,占27.0%。\n据统计,女代表占代表总数的35.0%。", [("conflict", "warning", "35.0%")]),
        ("代表中,女代表270名,占27.0%。\n据统计,女代表占代表总数的27.0%。", []),
        # a level reached from an earlier figure is no conflict (降至, 减至: a one-character verb before 至)
        ("贫困发生率由5.7%降至0.6%。", []),
        ("贫困人口由5575万人减至551万人。", []),
        # a bare verb before each figure: each is for another project
        ("投资55万元共建养殖基地，投资80万元扩容电站，投资20万元建成茶叶基地。", []),
    ],
)
def test_conflict_check(nlp, text, expected):
    assert checks(analyse(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("十九大代表中,女党员551名。\n二十大代表中,女党员619名,比十九大增加70名。", [("change", "error", "70名")]),
        ("十九大代表中,女党员551名。\n二十大代表中,女党员619名,比十九大增加68名。", [("change", "info", "68名")]),
        ("城镇化率提高十一点六个百分点,达到百分之六十四点七。", [("change", "info", "十一点六个百分点")]),
        ("研发投入强度比上年提高0.1个百分点。", []),
        ("城镇调查失业率为5.0%，环比下降0.2个百分点。", [("change", "info", "0.2个百分点")]),
        ("全国共有党员9804.1万名，比上年净增132.1万名。", [("change", "info", "132.1万名")]),
        # the earlier value may be stated under its time (上年全市财政收入), or as the time alone (，上年为…)
        ("今年全市财政收入达到125亿元，比上年增加15亿元。上年全市财政收入为100亿元。", [("change", "error", "15亿元")]),
        # a change in percent against the earlier value stated: 125亿元 is 13.6% more than 110亿元
        ("今年全市财政收入达到125亿元，比上年增长12%，上年为110亿元。", [("change", "error", "12%")]),
        ("今年全市财政收入达到125亿元，比上年增长13.6%，上年为110亿元。", []),
        ("今年全市财政收入达到125亿元，比上年下降12%。上年全市财政收入为142亿元。", []),
        # the earlier value under the period it is of, the same words past the period (全年 / 上年)
        ("全年完成投资500亿元，同比增长10%，上年完成投资450亿元。", [("change", "error", "10%")]),
        ("全年完成投资500亿元，同比增长11.1%，上年完成投资450亿元。", []),
        ("全年完成投资500亿元，同比增长10%，上年完成利润450亿元。", []),
        # a change after brackets is of the figure before them, not of one inside them
        ("全市共有党员100人（其中女党员60人、男党员40人），比上年增加20人。", [("change", "info", "20人")]),
        # percentage points before a rate of something else are not its change (a level after them is)
        ("农民收入年均增速高出全国平均水平2.2个百分点，贫困户人均纯收入年均增幅30.2%。", []),
        # two figures of two units after 分别, and two changes after 分别 against the same year: each of its own
        ("绿地面积和绿地率分别达到228.5万公顷和37.6%，分别比2015年增加19.8%和1.27个百分点。", [("change", "info", "1.27个百分点")]),
        # percentage points contributed to a rate are parts of it, not changes of it
        ("在6.1%的GDP实际增长率中，消费、投资、出口分别贡献了3.5个百分点、1.9个百分点和0.7个百分点。", []),
        # a change that names a subject of its own is no change of a figure of something else
        ("预计村集体经济将增收200万元，每股分红增加500元。", []),
        ("集团年营收达603.38亿元，税收较2016年增长2.5亿元。", []),
        # 高出 compares as 高于 does: a change of the subject
        ("全市财政收入达到125亿元，比上年高出5亿元。", [("change", "info", "5亿元")]),
        # a change compared with nothing named starts from the figure the level was reached from (由…提高到…)
        ("城镇化率由30.5%提高到35.2%，提高了5.7个百分点。", [("change", "error", "5.7个百分点")]),
        ("城镇化率由30.5%提高到35.2%，提高了4.7个百分点。", [("change", "info", "4.7个百分点")]),
        ("财政收入从100亿元增长到125亿元，增长了30%。", [("change", "error", "30%")]),
        ("财政收入从100亿元增长到125亿元，增长了25%。", []),
        ("收入从125亿元下降到100亿元，下降了25%。", [("change", "error", "25%")]),
        # not a rate per year over several, nor a change against a time named
        ("全球服务贸易额由7.8万亿美元增长至11.9万亿美元，年均增长4.8%。", []),
        ("城镇化率由2012年的30.5%提高到35.2%，比上年提高1.1个百分点。", [("change", "info", "1.1个百分点")]),
        # a change by a multiple (增长N倍: N+1 times) against where the level was reached from, or what it is compared with
        ("高铁营业里程从0.9万公里增加到4.8万公里，增长了4.3倍。", []),
        ("农村居民人均可支配收入23119元，比2012年的8389元增加了1.76倍。", []),
        ("农村居民人均可支配收入23119元，比2012年的8389元增加了2.5倍。", [("change", "error", "2.5倍")]),
        # the multiple said as the increase, a frequent slip, is a warning
        ("农村居民人均可支配收入23119元，比2012年的8389元增加了2.76倍。", [("change", "warning", "2.76倍")]),
        # an amount against the figure it is compared with, of the time before it (比2012年的8389元)
        ("农村居民人均可支配收入23119元，比2012年的8389元增加了2000元。", [("change", "error", "2000元")]),
        ("农村居民人均可支配收入23119元，比2012年的8389元增加了14730元。", [("change", "info", "14730元")]),
        # a length of time is no amount a change by a share changes
        ("口罩日产量1个月增长12倍。", []),
        # a rate in the comparison is what the one before it was (跌幅 1.3% widened by 3.2 points to 4.5%)
        ("本地生产总值按年实质下跌4.5%，较第二季的1.3%跌幅扩大3.2个百分点。", [("change", "info", "3.2个百分点")]),
        ("本地生产总值按年实质下跌4.5%，较第二季的1.5%跌幅扩大3.2个百分点。", [("change", "error", "3.2个百分点")]),
        ("出口增长4.5%，比上海的1.3%高3.2个百分点。", [("change", "info", "3.2个百分点")]),
    ],
)
def test_change_check(nlp, text, expected):
    data = analyse(nlp, text)
    assert checks(data) == expected
    if "增加了2.76倍" in text:
        assert data["checks"][0]["message"] == (
            "“比2012年的8389元增加了2.76倍” after 23119元 implies 农村居民人均可支配收入 was 6148.7元 at 2012年, but the text gives 8389元 "
            "(23119元 is 1.756倍 more); 23119元 is 2.756 times 8389元, as 增长到2.76倍 or 是…的2.76倍 would say, not 增长2.76倍"
        )
    if "增加了2000元" in text:
        assert data["checks"][0]["message"] == "“比2012年的8389元增加了2000元” after 23119元 implies 农村居民人均可支配收入 was 21119元 at 2012年, but the text gives 8389元"
    if "提高了5.7个百分点" in text:
        assert data["checks"][0]["message"] == "“提高了5.7个百分点” after 35.2% implies 城镇化率 was 29.5% before, but the text gives 30.5%"
    if "下降了25%" in text:
        assert data["checks"][0]["message"] == "“下降了25%” after 100亿元 implies 收入 was 133.3亿元 before, but the text gives 125亿元 (100亿元 is 20.0% less)"
    if "12%，上年为" in text:
        assert data["checks"][0]["message"] == "“比上年增长12%” after 125亿元 implies 全市财政收入 was 111.6亿元 at 上年, but the text gives 110亿元 (125亿元 is 13.6% more)"
    if "15亿元" in text:
        assert data["checks"][0]["message"] == "“比上年增加15亿元” after 125亿元 implies 全市财政收入 was 110亿元 at 上年, but the text gives 100亿元"
    if "十九大增加70名" in text:
        assert data["checks"][0]["message"] == "“比十九大增加70名” after 619名 implies 女党员 was 549名 at 十九大, but the text gives 551名"
    if "万名" in text:  # the implied figure is written like the one it is implied from
        assert data["checks"][0]["message"] == "“比上年净增132.1万名” after 9804.1万名 implies 全国党员 was 9672万名 at 上年"
    if "（其中" in text:
        assert data["checks"][0]["message"] == "“比上年增加20人” after 100人 implies 全市党员 was 80人 at 上年"
    if "1.5%跌幅" in text:
        assert data["checks"][0]["message"] == "“较第二季的1.5%跌幅扩大3.2个百分点” after 4.5% implies 本地生产总值 was 1.3% at 第二季, but the text gives 1.5%"
    if "较第二季" in text:  # the figure compared with is 第二季's, named by what follows it
        assert [(f["text"], f["subject"], f["reference"] and f["reference"]["against"]) for f in data["stats"]] == [
            ("4.5%", "本地生产总值", "第二季"),
            (text[text.index("的") + 1 : text.index("跌幅")], "跌幅", None),
            ("3.2个百分点", "本地生产总值", "第二季"),
        ]
    if "上海" in text:  # another group's rate: its subject is the group
        assert data["checks"][0]["message"] == "“比上海的1.3%高3.2个百分点” after 4.5% implies 1.3% for 上海"
        assert data["stats"][1]["subject"] == "上海"
    if "环比" in text:  # 同比 and 环比 name what they compare with
        assert data["checks"][0]["message"] == "“环比下降0.2个百分点” after 5.0% implies 城镇调查失业率 was 5.2% at 上期"
        assert data["stats"][1]["reference"]["against"] == "上期"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("据统计,生产和工作第一线党员代表总数的92.1%。", [("dangling", "warning", "92.1%")]),
        ("据统计,生产和工作第一线党员占代表总数的92.1%。", []),
        # a level or an approximate share has its predicate
        ("贫困发生率从百分之二十一降至目前的0.45%。", []),
        ("老年人口将达到3.66亿人，接近总人口的三分之一。", []),
        # a span of time says how long, not what is counted
        ("不到12小时即处理完毕。", []),
        ("他们又干了4个月。", []),
        ("其中,5000处。", [("dangling", "warning", "5000处")]),
        ("其中,信号灯5000处。", []),
        # 完成 or 实现 … 的 N% is a predicate: what was done of a target
        ("全国城镇新增就业1022万人，完成全年目标任务的85%左右。", []),
        ("全年实现预期目标的92%。", []),
        # so is a bound (不少于, 不低于, 高于 … 的 N%)
        ("代表候选人的差额不少于应选人数的20%，党员人数高于全区的60%。", []),
        # where a noun follows in the clause, or after the list the figure is in, the text says what it counts
        # (only its reading failed); a quoted count is a name; a count in brackets restates what comes before
        ("在京的230多家在京企业落户新区，5升、4升、900毫升等各种规格的桶装油应有尽有。", []),
        ("制定“72条”规定，完成所有搬迁户（225户）的征迁，损失9.87亿新台币（约2.3亿港元）。", []),
        ("达到103.33万户。", [("dangling", "warning", "103.33万户")]),
    ],
)
def test_dangling_check(nlp, text, expected):
    assert checks(analyse(nlp, text)) == expected


# ---------------------------------------------------------------------------- command line


def test_cli_stats_prints_figures_and_checks(tmp_path, seed_path):
    out = tmp_path / "figures.csv"
    proc = subprocess.run([EXE, "stats", str(seed_path), "--csv", str(out)], capture_output=True, timeout=120, env={**os.environ, "COLUMNS": "200"})
    assert proc.returncode == 0, proc.stderr.decode()
    stdout = proc.stdout.decode("utf-8")
    assert "figures in 1 document(s)" in stdout and "2296名" in stdout and "农民党员 is given as 26名 and as 85名" in stdout
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == STAT_COLUMNS
    assert {k: rows[3][k] for k in ("text", "value", "unit", "kind", "subject")} == {
        "text": "2296名", "value": "2296", "unit": "名", "kind": "count", "subject": "出席党的二十大代表",
    }  # fmt: skip


# ---------------------------------------------------------------------------- third-party texts


def _numeral(record: dict) -> str:
    """The number of a record as written: its text without unit, 第…位, 年, 月, 日."""
    text, kind = record["text"], record["kind"]
    if kind == "date":
        return re.match(r"(.+?)[年月]", text).group(1)
    if kind == "year":
        return text.replace("年", "")
    if kind == "rank":
        return text[1 : -len(record["unit"])]
    numeral = text[: len(text) - len(record["unit"])] if record["unit"] and text.endswith(record["unit"]) else text
    if record["range"] and record["unit"]:  # 100万元至300万元: the unit at the low end too
        numeral = re.sub("|".join(re.escape(record["unit"] + sep) for sep in RANGE_SEPARATORS), lambda m: m.group(0)[len(record["unit"]) :], numeral)
    return numeral


@pytest.mark.shared
def test_shared_texts_values_parse_back():
    corpus = SHARED / "corpus" / "texts"
    if not corpus.is_dir():
        pytest.skip(f"third-party corpus not found at {corpus} (only present in the development workspace)")
    nlp = tifalens.load()
    total = 0
    for path in sorted(corpus.glob("*.txt")):
        result = tifalens.analyze(path=path, nlp=nlp)
        data = result.to_dict()
        for rec in data["stats"]:
            assert result.source.text[rec["start"] : rec["end"]] == rec["text"], path.name
            numeral = _numeral(rec)
            if rec["range"] and rec["unit"] == "成":  # 六七成: 0.6 to 0.7
                assert [parse_number(ch) / 10 for ch in numeral] == rec["range"], (path.name, rec["text"])
            elif rec["range"]:
                assert parse_range(numeral) == tuple(rec["range"]), (path.name, rec["text"])
            else:
                tenths = 10 if rec["unit"] == "成" else 1  # 五成 is 0.5
                assert parse_number(numeral) == pytest.approx(rec["value"] * tenths, rel=1e-12), (path.name, rec["text"])
        assert all(c["level"] in ("error", "warning", "info") for c in data["checks"])
        total += len(data["stats"])
    assert total > 300


def test_more_or_less_output_and_a_larger_increase_are_changes(nlp):
    data = analyse(nlp, "全年粮食产量69541万吨，增产1.3%。其中，夏粮产量14615万吨，减产0.8%。全年城镇新增就业1244万人，比上年多增38万人。")
    assert [(s["text"], s["kind"], s["direction"], s["subject"]) for s in data["stats"] if s["kind"] == "change"] == [
        ("1.3%", "change", "increase", "全年粮食产量"),
        ("0.8%", "change", "decrease", "夏粮产量"),
        ("38万人", "change", "increase", "全年城镇新增就业"),
    ]
    # 多增 compares this year's increase with last year's
    assert [c["message"] for c in data["checks"]] == ["“比上年多增38万人” after 1244万人 implies 全年城镇新增就业 was 1206万人 at 上年"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 888 / (69541 - 888) = 1.29%
        ("全年粮食产量69541万吨，比上年增加888万吨，增产1.3%。", None),
        ("全年粮食产量69541万吨，比上年增加888万吨，增产3.1%。", "888万吨 on 68653万吨 before is a change of 1.29%, not 3.1% (全年粮食产量 is 69541万吨)"),
        # a fall is over the larger figure before it: 100 / 1100 = 9.09%
        ("年末人口1000万人，比上年末减少100万人，下降9.1%。", None),
        ("年末人口1000万人，比上年末减少100万人，下降10%。", "100万人 on 1100万人 before is a change of 9.09%, not 10% (年末人口 is 1000万人)"),
        ("年末人口1000万人，比上年末减少100万人，增长11.1%。", "年末人口 fell by 100万人 but rose by 11.1%"),
        # the rounding of the figures is allowed for: 1.2 / 9.8 = 12.24%, but 1.25 / (10.95 - 1.25) = 12.89%
        ("存款余额11.0万亿元，比上年增加1.2万亿元，增长12.9%。", None),
        ("存款余额11.0万亿元，比上年增加1.2万亿元，增长13.0%。", "1.2万亿元 on 9.8万亿元 before is a change of 12.24%, not 13.0% (存款余额 is 11.0万亿元)"),
        # against different moments (比年初, 同比) the two need not agree
        ("存款余额284.26万亿元，比年初增加25.74万亿元，同比增长12.0%。", None),
        # an approximate figure is not checked
        ("全年粮食产量约69541万吨，比上年增加888万吨，增产3.1%。", None),
        # a negative growth rate is a fall
        ("年末人口1000万人，比上年末增加100万人，增长-9.1%。", "年末人口 rose by 100万人 but fell by -9.1%"),
    ],
)
def test_a_change_given_as_an_amount_and_a_percentage_must_agree(nlp, text, expected):
    assert messages(nlp, text, "change_rate") == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 120余万 is 120万 to 130万: over 43 people, 2.79万 to 3.02万 each
        ("违规发放津贴补贴共计120余万元，涉及职工43人，人均2.8万元。", None),
        ("违规发放津贴补贴共计120余万元，涉及职工43人，人均2.5万元。", "120余万元 over 43人 is 人均 2.79万元 to 3.02万元, not 2.5万元"),
        # the count may come first; each figure is taken as rounded
        ("全年发放补贴3.6亿元，惠及12万户，户均3000元。", None),
        ("全年发放补贴3.6亿元，惠及12万户，户均4000元。", "3.6亿元 over 12万户 is 户均 2840元 to 3174元, not 4000元"),
        # an approximate average, a count of something else, or figures in another sentence are not held to it
        ("全年发放补贴3.6亿元，惠及12万户，户均约4000元。", None),
        ("全年发放补贴3.6亿元，惠及12万家企业，户均4000元。", None),
        ("全年发放补贴3.6亿元，惠及12万户。户均4000元。", None),
    ],
)
def test_an_average_agrees_with_the_total_and_the_count(nlp, text, expected):
    assert messages(nlp, text, "average") == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the segmenter guesses 率拟 and 率达 as words: fillers are cut off inside such a guess
        ("今年赤字率拟按3%安排。", "赤字率"),
        ("农网供电可靠率达99%。", "农网供电可靠率"),
        ("拟安排地方政府专项债券3.9万亿元。", "地方政府专项债券"),
        ("该小区目前一共有1500余户。", "该小区"),
        # 今年, 目前 at either end say when, not what (老张今年57岁)
        ("老张今年57岁。", "老张"),
        ("今年57岁的马师傅带领团队创新。", "马师傅"),
        # 实际, 名义 and 全年 after the subject say how or when it is measured
        ("居民人均可支配收入实际增长8.1%。", "居民人均可支配收入"),
        ("城镇调查失业率全年控制在5.5%以内。", "城镇调查失业率"),  # an age before 的 is the age of what follows
        # a negation stays with its verb; a modal after the subject (就得, 就要, 需) goes
        ("网点党员人数不达3人。", "网点党员人数不达"),
        ("物业费一年就要400多元。", "物业费一年"),
        ("满意度需达80%以上。", "满意度"),
        ("办理时间最短只需28分钟。", "办理时间最短"),
        # a dictionary word is never cut
        ("模拟为3%。", "模拟"),
        # quotes that pair inside the subject stay; one left open at an end goes
        ("安排“特岗计划”教师42.8万人。", "“特岗计划”教师"),
        ("找出“隐形党员”2560个。", "找出“隐形党员”"),
    ],
)
def test_filler_words_and_unpaired_quotes_are_cut_from_subjects(nlp, text, subject):
    (fig,) = [s for s in analyse(nlp, text)["stats"] if s["kind"] not in ("year", "date")]
    assert fig["subject"] == subject


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲产业、乙产业、丙产业增加值分别增长5%和6%。", ["甲产业、乙产业、丙产业增加值 lists 3 before 分别, but 2 figures follow (5%, 6%)"]),
        ("甲、乙和丙分别增长5%和6%。", []),  # 乙和丙 may be one subject: two fit
        ("甲、乙和丙分别增长5%、6%、7%和8%。", ["甲、乙和丙 lists 2 or 3 before 分别, but 4 figures follow (5%, 6%, 7%, 8%)"]),
        ("出口、进口分别增长7.1%和2.3%。甲、乙分别增长5%。", []),  # one figure for each is no list of figures
        ("一板块、二板块各县（市、区）分别安排200万元和60万元。", []),  # an aside's 、 separates no subjects
    ],
)
def test_subjects_before_fenbie_are_as_many_as_the_figures_after_it(nlp, text, expected):
    assert messages(nlp, text, "list_count") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (text, value, kind, subject, direction)
        ("人口自然增长率为-1.48‰。", ("-1.48‰", -1.48, "ratio", "人口自然增长率", None)),
        ("人口自然增长率为－0.60‰。", ("－0.60‰", -0.6, "ratio", "人口自然增长率", None)),
        ("规模以上工业企业利润增长-2.3%。", ("-2.3%", -2.3, "change", "规模以上工业企业利润", "decrease")),
        ("工业生产者出厂价格同比-2.5%。", ("-2.5%", -2.5, "change", "工业生产者出厂价格", "decrease")),
        ("规模以上工业增加值环比+0.3%。", ("+0.3%", 0.3, "change", "规模以上工业增加值", "increase")),
        ("净出口对经济增长的贡献率为-11.4%。", ("-11.4%", -11.4, "percent", "净出口对经济增长的贡献率", None)),
        # a range's sign is its low end's
        ("温差为-3至5度。", ("-3至5度", -3, "measure", "温差", None)),
        # no sign: a range, a code, + joining counts
        ("利率区间为2-3%。", ("2-3%", 2, "percent", "利率区间", None)),
    ],
)
def test_a_sign_before_a_figure_is_read(nlp, text, expected):
    first = analyse(nlp, text)["stats"][0]
    assert (first["text"], first["value"], first["kind"], first["subject"], first["direction"]) == expected


def test_a_plus_between_counts_joins_them(nlp):
    assert [s["text"] for s in analyse(nlp, "形成了1支服务总队+12支服务分队。")["stats"]] == ["1支", "12支"]



def test_a_count_is_read_where_jieba_glued_its_classifier_to_the_next_word(nlp):
    data = analyse(nlp, "全县10个村党支部完成换届，5401人未脱贫，2人因违纪被处分，3户央企参与。")
    assert [(s["text"], s["value"], s["kind"], s["subject"]) for s in data["stats"]] == [
        ("10个", 10, "count", "村"),
        ("5401人", 5401, "count", None),
        ("2人", 2, "count", None),
        ("3户", 3, "count", "央企"),
    ]


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        # an idiom or a time word after what a count counts starts the predicate
        ("346支国家医疗队、4.2万多名医务人员奔赴前线。", [("346支", "国家医疗队"), ("4.2万多名", "医务人员")]),
        ("180万名环卫工人起早贪黑。", [("180万名", "环卫工人")]),
        ("284名优秀干部先后到村任职。", [("284名", "优秀干部")]),
        # but not the time words that name people
        ("310名楼宇青年参加活动。", [("310名", "楼宇青年")]),
        # a distinguishing word ends what is counted unless a noun follows it
        ("8000余名党员主动参与志愿服务。", [("8000余名", "党员")]),
        ("成立89个疫情防控工作临时党支部。", [("89个", "疫情防控工作临时党支部")]),
        # two places joined by a conjunction are part of what is counted, with more after them
        ("54万名湖北省和武汉市医务人员奔赴前线。", [("54万名", "湖北省和武汉市医务人员")]),
        ("建成10个村和5个社区。", [("10个", "村"), ("5个", "社区")]),
        # and two nouns where the second ends what is counted; not where more follows it, not after 与
        # (mostly "with"); a compound noun jieba cut (社会|组织, with 组织 a verb) is the second noun whole
        ("动员300名党员和群众参与，覆盖50多个国家和地区。", [("300名", "党员和群众"), ("50多个", "国家和地区")]),
        ("十几个志愿者和物业工人清理积雪，310名党员干部与贫困户结了对子，28家非公企业和社会组织参加。", [
            ("十几个", "志愿者"), ("310名", "党员干部"), ("28家", "非公企业和社会组织"),
        ]),
        # 正在 (tagged t) starts a predicate: a count before it leaves what it counts unsaid (the whole's)
        ("全国832个贫困县，其中179个正在进行退出检查。", [("832个", "贫困县"), ("179个", "贫困县")]),
        ("重点对全县22个正在建设的工程项目开展服务。", [("22个", "正在建设的工程项目")]),  # unless 的 follows
        # an age before 的 is the age of what follows, whatever comes before it
        ("救治了100多岁的老人。", [("100多岁", "老人")]),
        ("今年57岁的马师傅。", [("57岁", "马师傅")]),
        # so is an age right before a noun, after 以上/以下 too; an idiom after it says what they did, and 时,
        # 起 or 高龄 after an age say when or how old: the subject is then before it
        ("设立3岁以下婴幼儿照护扣除，80岁老人有20位。", [("3岁", "婴幼儿"), ("80岁", "老人"), ("20位", "80岁老人")]),
        ("40岁及以下党员总数稳中有升，占党员总数的33.8%。", [("40岁", "党员总数"), ("33.8%", "40岁及以下党员总数")]),
        ("老张30岁时入党，93岁高龄的蔡老太也来了。", [("30岁", "老张"), ("93岁", "蔡老太")]),
        # a numeral word after the noun (一一, 一道, 一起, 分批) is the predicate's; a morpheme jieba tags a numeral
        # (点, 党日) and a numeral word before a noun or 的 (两级, 一线的) are of what is counted
        ("督导组对照900余份纪实性材料一一检查，与4名同乡一道，220名队员分批走进那曲。", [
            ("900余份", "纪实性材料"), ("4名", "同乡"), ("220名", "队员"),
        ]),
        ("45万常住人口大部分居住在城中村，上千名员工绝大多数是青年。", [("45万", "常住人口"), ("上千名", "员工")]),
        # a morpheme after a noun ends the compound with it (村民|组, 网格|员), not an adverb jieba tags so (病情|很)
        ("24个自然村、46个村民组，217名网格员，这18名学员病情很重。", [("24个", "自然村"), ("46个", "村民组"), ("217名", "网格员"), ("18名", "学员病情")]),
        ("解决2个水源点，开展12次主题党日活动，建设8个市县两级示范点，组建12支党员十九大精神宣讲队。", [
            ("2个", "水源点"), ("12次", "主题党日活动"), ("8个", "市县两级示范点"), ("12支", "党员十九大精神"),
        ]),
        # a morpheme right after the count leads a body's name that follows it (村|党组织|书记), else ends it
        ("全市120名村党组织书记参加培训，9个县摘帽。", [("120名", "村党组织书记"), ("9个", "县")]),
        # after a verb of holding or giving out, what was held is what is counted; right before the figure the
        # verb is cut off; not inside a noun (回收利用率)
        ("领导班子共开展各类学习活动312次，教职工党支部开展1082次，共收集到各类建议1200多条，生活垃圾回收利用率达到43%。", [
            ("312次", "各类学习活动"), ("1082次", "教职工党支部"), ("1200多条", "各类建议"), ("43%", "生活垃圾回收利用率"),
        ]),
        ("面向师生发放问卷5.6万余份，已成功举办8期。", [("5.6万余份", "问卷"), ("8期", None)]),  # (成功 names nothing)
        # verbs of raising and founding too, a verbal noun after an adverb among them (已|培育); 出 after the verb is
        # the verb's; not after 的 (党组织的|组建率), not in a quoted name, not before a word of size (签约|规模)
        ("全省已培育国家级专精特新“小巨人”企业326家，全市已认定高新技术企业1200家，全县组建志愿服务队伍120支。", [
            ("326家", "国家级专精特新“小巨人”企业"), ("1200家", "高新技术企业"), ("120支", "志愿服务队伍"),
        ]),
        ("全区公开选聘专职化村党组织书记87名。", [("87名", "专职化村党组织书记")]),
        # 在 and a verb with it (排在, 分布在) before the figure, and 主要, belong to the predicate
        ("粮食产量在6.5亿吨上下，美团目前排在第八位，其从业者年龄主要分布在26岁~35岁之间。", [
            ("6.5亿吨", "粮食产量"), ("第八位", "美团"), ("26岁~35岁", "其从业者年龄"),
        ]),
        # a date after 在 or 于 at the subject's end says when (财政储备预计|在2024年3月31日|为7333亿元)
        ("财政储备预计在2024年3月31日为7333亿元，全市常住人口于2023年底达到1200万人。", [
            ("2024年3月31日", None), ("7333亿元", "财政储备"), ("2023年", None), ("1200万人", "全市常住人口"),
        ]),
        # a negated verb right after the count qualifies what it counts, with no 的 (52个|未|摘帽|贫困县)
        ("对52个未摘帽贫困县和1113个贫困村实施挂牌督战，海南还有83个未出列贫困村，有15个单位未完成任务。", [
            ("52个", "未摘帽贫困县"), ("1113个", "贫困村"), ("83个", "未出列贫困村"), ("15个", "单位"),
        ]),
        # inside or outside a noun (目录|外|药品) is part of what is counted
        ("今年共有117个目录外药品参加谈判，新增300个体制外岗位。", [("117个", "目录外药品"), ("300个", "体制外岗位")]),
        ("学校培养出技术人才980多名，党组织的组建率保持在95%，开展“学生培养工作”等专题座谈会32场。", [
            ("980多名", "技术人才"), ("95%", "党组织的组建率"), ("32场", "“学生培养工作”等专题座谈会"),
        ]),
        # a bare total is of what the figure before it counts, all of it and not only the new ones; a share
        # after it is of that total
        ("高新区新增国家高新技术企业8家、总数达20家，新建5G基站1.2万个，总数达到8.6万个，占全省的15%。", [
            ("8家", "高新区新增国家高新技术企业"), ("20家", "高新区国家高新技术企业总数"),
            ("1.2万个", "新建5G基站"), ("8.6万个", "5G基站总数"), ("15%", "5G基站总数"),
        ]),
        ("从总部到军区的各类表彰奖励20多次，全年累计发放规模3769亿元。", [
            ("20多次", "总部到军区的各类表彰奖励"), ("3769亿元", "全年累计发放规模"),
        ]),
        # a second verb joined to the first; not a verb that a time word or 并 follows (建成|后, 建成|并)
        ("已受理并办结司法救助案件15件，全市建成农村颐养之家736个，项目建成后日处理能力将达5100吨。", [
            ("15件", "司法救助案件"), ("736个", "农村颐养之家"), ("5100吨", "项目建成后日处理能力"),
        ]),
        # two counts of other units written together count what follows the second (households and people of the
        # poor); a verb of pushing or driving opens no subject
        ("带动566户1255名贫困群众顺利脱贫，推动全旗贫困率降至0.14%，梳理20类195项改革任务。", [
            ("566户", "贫困群众"), ("1255名", "贫困群众"), ("0.14%", "全旗贫困率"), ("20类", "改革任务"), ("195项", "改革任务"),
        ]),
        # a modal before the figure is the predicate's (还能, 可以)
        ("大棚出租后村集体还能有20多万元的收入，贫困户可以达到3000元。", [("20多万元", "大棚出租后村集体"), ("3000元", "贫困户")]),
    ],
)
def test_what_a_count_counts_ends_where_the_predicate_starts(nlp, text, subjects):
    assert [(s["text"], s["subject"]) for s in analyse(nlp, text)["stats"]] == subjects


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("男女性别比为104.5∶100。", [("104.5∶100", 1.045, "ratio", "男女性别比")]),
        ("城乡居民人均可支配收入比为2.39:1。", [("2.39:1", 2.39, "ratio", "城乡居民人均可支配收入比")]),
        ("报名427名，竞争比例20∶1。", [("20∶1", 20, "ratio", "竞争比例")]),
        # a time of day and a score are no ratio
        ("会议于10:30开始，中国队以3:1获胜。", []),
    ],
)
def test_a_proportion_after_a_word_naming_one_is_a_ratio(nlp, text, expected):
    assert [(s["text"], s["value"], s["kind"], s["subject"]) for s in analyse(nlp, text)["stats"] if s["kind"] == "ratio"] == expected


@pytest.mark.parametrize(
    ("text", "figures", "message"),
    [
        # a change and the level it reaches, of two units or of one far apart, not a range
        ("城镇化率提升1.5个百分点至53.8%。", [("1.5个百分点", "percentage_point"), ("53.8%", "percent")], "“提升1.5个百分点” to 53.8% implies 城镇化率 was 52.3% before"),
        ("党员人数增加5万人至120万人。", [("5万人", "change"), ("120万人", "count")], "“增加5万人” to 120万人 implies 党员人数 was 115万人 before"),
        ("价格下降3元至20元。", [("3元", "change"), ("20元", "money")], "“下降3元” to 20元 implies 价格 was 23元 before"),
        ("收入增长2.1%至5000亿元。", [("2.1%", "change"), ("5000亿元", "money")], None),
        ("贫困发生率从2017年的48%到2019年已降为0。", [("2017年", "year"), ("48%", "percent"), ("2019年", "year")], None),
        # a range of growth, and a range after no verb of change
        ("预计增长5%至6%。", [("5%至6%", "change")], None),
        ("培训100名至200名干部。", [("100名至200名", "count")], None),
    ],
)
def test_a_change_and_the_level_it_reaches_after_zhi_are_two_figures(nlp, text, figures, message):
    data = analyse(nlp, text)
    assert [(s["text"], s["kind"]) for s in data["stats"]] == figures
    assert [c["message"] for c in data["checks"] if c["code"] == "change"] == ([message] if message else [])
    if message:
        assert data["stats"][1]["subject"] == data["stats"][0]["subject"]


def test_a_change_is_of_the_figure_before_its_comparison_not_of_the_one_compared_with(nlp):
    # an age too: 77.3岁，比2015年的76.34岁提高将近1岁 is a change of 77.3岁 against 2015年
    stats = analyse(nlp, "居民人均预期寿命达到77.3岁，比2015年的76.34岁提高将近1岁。")["stats"]
    (change,) = [s for s in stats if s["kind"] == "change"]
    assert (change["reference"]["current_value"], change["reference"]["against"]) == (77.3, "2015年")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年城镇居民人均可支配收入54188元，农村居民人均可支配收入23119元，城乡居民人均可支配收入之比为2.34。", []),
        ("全年城镇居民人均可支配收入54188元，农村居民人均可支配收入23119元，城乡居民人均可支配收入之比为2.56。", [
            "城乡居民人均可支配收入之比 2.56, but 全年城镇居民人均可支配收入 54188元 and 农村居民人均可支配收入 23119元 make 2.344",
        ]),
        # a ratio written a:b, of a subject shortened (居民收入 for 居民人均可支配收入), in the next sentence
        ("城镇居民人均可支配收入54188元，农村居民人均可支配收入23119元。城乡居民收入比为2.11∶1。", [
            "城乡居民收入比 2.11∶1, but 城镇居民人均可支配收入 54188元 and 农村居民人均可支配收入 23119元 make 2.344",
        ]),
        # only amounts of the ratio's own time
        ("2023年城镇居民人均可支配收入51821元。2024年城镇居民人均可支配收入54188元，农村居民人均可支配收入23119元，城乡居民收入比为2.34。", []),
        ("2024年城镇居民人均可支配收入54188元，农村居民人均可支配收入23119元。城乡居民收入比由2012年的2.88缩小到2024年的2.34。", []),
    ],
)
def test_a_ratio_of_two_groups_is_checked_against_their_amounts(nlp, text, expected):
    assert [c["message"] for c in analyse(nlp, text)["checks"] if c["code"] == "ratio"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全国居民人均可支配收入基尼系数为0.465。", [("0.465", 0.465, "全国居民人均可支配收入基尼系数")]),
        ("城乡居民收入比为2.11。", [("2.11", 2.11, "城乡居民收入比")]),  # (jieba: 比为, one word)
        # from one level to another: both are the index's, the second referred to the first
        ("城乡居民人均可支配收入之比由2012年的2.88缩小到2024年的2.34。", [("2.88", 2.88, "城乡居民人均可支配收入之比"), ("2.34", 2.34, "城乡居民人均可支配收入之比")]),
        ("农田灌溉水有效利用系数由0.542提高到0.559。", [("0.542", 0.542, "农田灌溉水有效利用系数"), ("0.559", 0.559, "农田灌溉水有效利用系数")]),
        # an exchange rate; an index in points, the verb of a close no part of its subject
        ("人民币对美元汇率中间价为7.1104，上证指数报收3336.50点，深证成指收于10500.12点。", [
            ("7.1104", 7.1104, "人民币对美元汇率中间价"), ("3336.50点", 3336.5, "上证指数"), ("10500.12点", 10500.12, "深证成指"),
        ]),
        # a percentage or a ratio written a:b is read as such; a decimal in a clause naming no index is none
        ("恩格尔系数为28.4%，城乡居民收入比为2.34∶1，版本号为2.0。", []),
    ],
)
def test_a_decimal_with_no_unit_after_an_index_is_its_value(nlp, text, expected):
    data = analyse(nlp, text)
    assert [(s["text"], s["value"], s["subject"]) for s in data["stats"] if s["kind"] == "index"] == expected
    if len(expected) == 2:
        assert data["stats"][-1]["reference"]["reference_value"] == expected[0][1]


def test_an_index_in_a_table_row_has_no_unit(nlp):
    text = "主要指标\n\n类别\t指标\t2020年\t2025年\t属性\n经济发展\t居民消费价格指数（上年=100）\t102.5\t103\t预期性\n\t农田灌溉水有效利用系数（—）\t0.565\t>0.58\t预期性\n"
    rows = [(s["text"], s["value"], s["unit"], s["kind"], s["approx"], s["column"]) for s in analyse(nlp, text)["stats"] if s["column"]]
    assert rows == [
        ("102.5", 102.5, "", "index", None, "2020年"), ("103", 103, "", "index", None, "2025年"),
        ("0.565", 0.565, "", "index", None, "2020年"), (">0.58", 0.58, "", "index", "超过", "2025年"),
    ]  # fmt: skip


def test_figures_in_the_rows_of_a_table_with_their_columns(nlp):
    text = (
        "主要指标\n\n"
        "类别\t指标\t2020年\t2025年\t年均/累计\t属性\n"
        "经济发展\t地区生产总值增长（%）\t3.6\t—\t6左右\t预期性\n"
        "\t常住人口城镇化率（%）\t62.1\t67\t[4.9]\t预期性\n"
        "民生福祉\t城镇调查失业率（%）\t5.2\t<5.5\t—\t约束性\n"
        "\t粮食综合生产能力（亿吨）\t—\t>6.5\t—\t约束性\n"
        "\n全省地区生产总值年均增长6%左右。\n"
    )
    data = analyse(nlp, text)
    table = [(s["text"], s["value"], s["unit"], s["kind"], s["approx"], s["subject"], s["column"]) for s in data["stats"] if s["column"]]
    assert table == [
        ("3.6", 3.6, "%", "change", None, "地区生产总值增长", "2020年"),
        ("6左右", 6, "%", "change", "约", "地区生产总值增长", "年均/累计"),
        ("62.1", 62.1, "%", "percent", None, "常住人口城镇化率", "2020年"),
        ("67", 67, "%", "percent", None, "常住人口城镇化率", "2025年"),
        ("[4.9]", 4.9, "%", "percent", None, "常住人口城镇化率", "年均/累计"),
        ("5.2", 5.2, "%", "percent", None, "城镇调查失业率", "2020年"),
        ("<5.5", 5.5, "%", "percent", "以下", "城镇调查失业率", "2025年"),
        (">6.5", 650000000, "吨", "measure", "超过", "粮食综合生产能力", "2025年"),
    ]
    for s in data["stats"]:  # each offset is the cell as written, and the row is the figure's sentence
        assert text[s["start"] : s["end"]] == s["text"]
    assert [s["sentence"] for s in data["stats"] if s["text"] == "<5.5"] == ["民生福祉 城镇调查失业率（%） 5.2 <5.5 — 约束性"]  # the normalised text: a tab is a space
    # Markdown gives the column where a table has figures, and no such column otherwise
    from tifalens import analyze

    md = analyze(text, nlp=nlp).to_markdown()
    assert "| text | value | unit | kind | approx | column | subject |" in md and "| &lt;5.5 | 5.5 | % | percent | 以下 | 2025年 | 城镇调查失业率 |" in md  # < escaped as in all cells
    assert "| text | value | unit | kind | approx | subject |" in analyze("党员619名。", nlp=nlp).to_markdown()
    # and the time a figure is of where any figure has one
    md = analyze("2024年，全市有党员619名。", nlp=nlp).to_markdown()
    assert "| text | value | unit | kind | approx | when | subject |" in md and "| 619名 | 619 | 名 | count |  | 2024 | 全市党员 |" in md
    # the running text keeps its own reading, with no column; the header's years stay years
    assert [(s["text"], s["kind"], s["column"]) for s in data["stats"] if not s["column"]] == [
        ("2020年", "year", None), ("2025年", "year", None), ("6%", "change", None),
    ]  # fmt: skip
    # a row without a header above it has no column; a row of prose is no table
    (row,) = analyse(nlp, "人均预期寿命（岁）\t78.3\t79.3\n")["stats"][:1]
    assert (row["text"], row["value"], row["kind"], row["column"]) == ("78.3", 78.3, "age", None)
    prose = analyse(nlp, "今年 全县 党员（人） 300 人，比上年增加。")["stats"]  # (in a sentence 300 人 is 300人)
    assert [(s["text"], s["column"]) for s in prose] == [("300人", None)]
    # a unit no sentence pattern reads is the label's unit of a measure
    years = analyse(nlp, "平均受教育年限（年）\t10.8\t≥11.3\n")["stats"]
    assert [(s["text"], s["value"], s["unit"], s["kind"], s["approx"]) for s in years] == [("10.8", 10.8, "年", "measure", None), ("≥11.3", 11.3, "年", "measure", "以上")]
    # each number is of the nearest label before it
    two = analyse(nlp, "全县党员（人）\t300\t其中女党员（人）\t120\n")["stats"]
    assert [(s["text"], s["value"], s["unit"], s["subject"]) for s in two] == [("300", 300, "人", "全县党员"), ("120", 120, "人", "其中女党员")]


def test_a_gap_to_another_group_implies_that_groups_value_not_an_earlier_one(nlp):
    data = analyse(nlp, "农村居民人均可支配收入增长6.2%，比城镇居民快1.5个百分点。全市地区生产总值增长5.4%，高于全国0.4个百分点。")
    assert [(s["text"], s["kind"], s["direction"], s["subject"], (s["reference"] or {}).get("against")) for s in data["stats"]] == [
        ("6.2%", "change", "increase", "农村居民人均可支配收入", "城镇居民"),
        ("1.5个百分点", "percentage_point", "increase", "农村居民人均可支配收入", "城镇居民"),
        ("5.4%", "change", "increase", "全市地区生产总值", "全国"),
        ("0.4个百分点", "percentage_point", "increase", "全市地区生产总值", "全国"),
    ]
    assert [c["message"] for c in data["checks"]] == [
        "“比城镇居民快1.5个百分点” after 6.2% implies 4.7% for 城镇居民",
        "“高于全国0.4个百分点” after 5.4% implies 5% for 全国",
    ]
    # slower is a gap the other way; an adverb before the verb is not what the figure is compared with
    data = analyse(nlp, "工业增加值增长3.1%，比全国慢0.5个百分点。粮食产量6.5亿吨，同比分别增长2.0%。排放浓度5毫克，比国家标准限值分别低33%。")
    assert [c["message"] for c in data["checks"]] == ["“比全国慢0.5个百分点” after 3.1% implies 3.6% for 全国"]
    assert [s["reference"]["against"] for s in data["stats"] if s["text"] in ("2.0%", "33%")] == ["上年同期", "国家标准限值"]


def test_what_a_pronoun_does_with_an_amount_is_the_subject_not_the_pronoun(nlp):
    data = analyse(nlp, "我们已经下拨中央财政资金300亿元。他们装填沙袋1万余个。我们有3000名党员。")
    assert [(s["text"], s["subject"]) for s in data["stats"]] == [("300亿元", "中央财政资金"), ("1万余个", "沙袋"), ("3000名", "党员")]


def test_what_a_count_counts_after_a_short_clause_or_an_idiom(nlp):
    text = (
        "对7名不胜任的村书记进行调整，1559户、4265名尚未脱贫的老乡正奋力翻越。"
        "对556个软弱涣散村逐一整顿，已有18名优秀村党组织书记提拔，30个薄弱村摘帽。十四亿多人的粮食安全。"
    )
    data = analyse(nlp, text)
    assert [(s["text"], s["subject"]) for s in data["stats"]] == [
        ("7名", "村书记"), ("1559户", None), ("4265名", "老乡"),
        ("556个", "软弱涣散村"), ("18名", "优秀村党组织书记"), ("30个", "薄弱村"),
        # the figure qualifies what follows 的, it does not count it
        ("十四亿多人", None),
    ]


def test_a_span_of_time_with_duo_inside_its_unit(nlp):
    data = analyse(nlp, "团队成立2个多月，抢修持续了10个多小时。全县建成10个多功能活动室，党员9600多万名。")
    assert [(s["text"], s["value"], s["unit"], s["kind"], s["approx"]) for s in data["stats"]] == [
        ("2个多月", 2, "个月", "measure", "多"),
        ("10个多小时", 10, "个小时", "measure", "多"),
        # 多 of 多功能 is no approximation: it starts a word
        ("10个", 10, "个", "count", None),
        ("9600多万名", 96000000, "名", "count", "多"),
    ]
    assert data["stats"][2]["subject"] == "多功能活动室"


def test_a_tally_verb_object_and_having_in_a_subject(nlp):
    text = (
        "今年以来，全市各级调解员共化解各类矛盾纠纷2642起。全国铁路共发展劳务派遣工党员427人。"
        "中铁二十局集团有员工17415人。有贫困户108户。有社工职称的达到14人，有创业经历的占35%。"
        "组建有党小组的治沙民工联队232支。国寿投资公司累计签约规模3769亿元。"
    )
    assert [(s["text"], s["subject"]) for s in analyse(nlp, text)["stats"]] == [
        ("2642起", "各类矛盾纠纷"),
        ("427人", "劳务派遣工党员"),
        ("17415人", "中铁二十局集团员工"),
        ("108户", "贫困户"),
        # a relative clause keeps its verb of having
        ("14人", "有社工职称的"),
        ("35%", "有创业经历"),
        ("232支", "组建有党小组的治沙民工联队"),
        # 规模 alone says only what is measured
        ("3769亿元", "国寿投资公司累计签约规模"),
    ]


def test_what_money_is_spent_on_is_not_what_it_is(nlp):
    text = "集团投资约23亿元建设高端液态奶生产基地。投资248亿元实施无电地区电网延伸。投入500万元建设资金。投资300万元修建的文化园。"
    assert [(s["text"], s["subject"]) for s in analyse(nlp, text)["stats"]] == [
        ("23亿元", "集团投资"), ("248亿元", "投资"), ("500万元", "建设资金"), ("300万元", "修建的文化园"),
    ]


def test_words_that_only_lead_a_span_of_time_are_no_subject(nlp):
    data = analyse(nlp, "此次培训班为期5天。党员群众耗时22小时完成抢修。经过5个昼夜连续抢救，18名患者恢复意识。他们负责运维的线路长达3497公里。")
    assert [(s["text"], s["unit"], s["subject"]) for s in data["stats"]] == [
        ("5天", "天", "此次培训班"),
        ("22小时", "小时", "党员群众"),
        ("5个昼夜", "个昼夜", None),
        ("18名", "名", "患者"),
        ("3497公里", "公里", "运维的线路"),
    ]
    assert data["checks"] == []  # a span of time needs no subject


def test_a_rate_noun_alone_before_a_percentage_makes_it_a_change_of_the_figure_before(nlp):
    text = "集团营业收入总额2934亿元，增幅25.7%，利润总额48.6亿元，增幅为8%。出口额1200亿元，降幅3.1%。党员人数达120人，同比增幅10%。服务贸易年均增速4.5%。"
    data = analyse(nlp, text)
    assert [(s["text"], s["kind"], s["direction"], s["subject"]) for s in data["stats"] if s["unit"] == "%"] == [
        ("25.7%", "change", "increase", "集团营业收入总额"),
        ("8%", "change", "increase", "利润总额"),
        ("3.1%", "change", "decrease", "出口额"),
        ("10%", "change", "increase", "党员人数"),
        # with words before it the noun names what is measured
        ("4.5%", "percent", None, "服务贸易年均增速"),
    ]
    assert [s["reference"]["against"] for s in data["stats"] if s["text"] == "10%"] == ["上年同期"]


def test_changes_after_fenbie_pair_with_the_figures_listed_before_them(nlp):
    text = (
        "2019年，中管企业受理信访举报51047件、立案9340件、党纪政务处分12126人次，同比分别增长26%、22%、15%。"
        "全国实有个体工商户7137.2万户、私营企业3067.4万户，分别比1978年增长了500多倍和338倍。"
    )
    data = analyse(nlp, text)
    assert [(s["text"], s["subject"], (s["reference"] or {}).get("current_value")) for s in data["stats"] if s["kind"] == "change"] == [
        ("26%", "信访举报", 51047),
        ("22%", "立案", 9340),
        ("15%", "党纪政务处分", 12126),
        ("500多倍", "全国实有个体工商户", None),
        ("338倍", "私营企业", None),  # a multiple is not subtracted from the figure
    ]
    assert data["checks"] == []


def test_shares_after_fenbie_pair_with_the_counts_listed_before_them(nlp):
    data = analyse(nlp, "南疆贫困县26个、贫困村2605个、贫困人口219万人，分别占全疆的74%、86%和84%。")
    assert [(s["text"], s["subject"], s["share_of"]["count"]["text"], s["share_of"]["whole"]) for s in data["stats"] if s["share_of"]] == [
        ("74%", "南疆贫困县", "26个", "全疆"), ("86%", "贫困村", "2605个", "全疆"), ("84%", "贫困人口", "219万人", "全疆"),
    ]  # fmt: skip
    # and are checked each against the total (40 of 100 is 40%, not 45%); 其中 before the subjects names none of them
    data = analyse(nlp, "全村共有党员100人，其中男、女党员分别为60人和40人，分别占党员总数的60%和45%。")
    assert [(s["text"], s["subject"]) for s in data["stats"]][1:3] == [("60人", "男党员"), ("40人", "女党员")]
    assert [c["message"] for c in data["checks"] if c["code"] == "share"] == [
        "40人 out of 100人 is 40.00%, not 45% (女党员; the other shares here are of 100人)"
    ]
    assert analyse(nlp, "全村共有党员100人，其中男、女党员分别为60人和40人，分别占党员总数的60%和40%。")["checks"] == []


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        # a verb and its object before a count: the object is what is counted
        ("全年改造老旧小区1200个，新增机动车停车位3.5万个。", [("1200个", "老旧小区"), ("3.5万个", "机动车停车位")]),
        ("今年以来发现问题4566个。", [("4566个", "问题")]),
        # not a count of people or of cases (the verb says who or which), not after a noun (东莞市|快递|企业
        # is a compound; so the actor stays too: 巡视组发现问题), not a verb and a character (安置|房)
        ("巡视组发现问题4566个。", [("4566个", "巡视组发现问题")]),
        ("组织党员干部学习3万人次，确诊病例900万例。", [("3万人次", "组织党员干部学习"), ("900万例", "确诊病例")]),
        ("东莞市快递企业32家，安置房504套。", [("32家", "东莞市快递企业"), ("504套", "安置房")]),
        # a phrase jieba holds whole that is a verb with what leads it ends what is counted (积极|开展, 圆满|完成),
        # not one that is a noun phrase inside it (服务业|扩大开放|综合试点); 经 (by way of) opens no subject
        ("组织712名党员积极开展活动，4800余名师生圆满完成检阅，新增4个服务业扩大开放综合试点。", [
            ("712名", "党员"), ("4800余名", "师生"), ("4个", "服务业扩大开放综合试点"),
        ]),
        ("经检察机关批准执行逮捕50人。", [("50人", "检察机关批准执行逮捕")]),
        # after a pronoun's verb the object starts past 了/到 and a place word (我们看到|国内(s)生产总值), not at an adverb
        ("我们看到国内生产总值达到99.1万亿元，他们破获各种跨国犯罪案件568起，我们梳理了整整30个月。", [
            ("99.1万亿元", "国内生产总值"), ("568起", "各种跨国犯罪案件"), ("30个月", "我们梳理了"),
        ]),
        # a verb that makes a kind of place with the morpheme after it is no predicate (帮扶|县, 试点|村); 到|村 is one
        ("确定160个国家乡村振兴重点帮扶县，首批55个试点村流转土地，选派17名优秀年轻干部到村任职。", [
            ("160个", "国家乡村振兴重点帮扶县"), ("55个", "试点村"), ("17名", "优秀年轻干部"),
        ]),
        # 约有 and 共约有 are verbs of having too (not 约 left in the subject)
        ("该镇约有党员300人，全县共约有企业500家。", [("300人", "该镇党员"), ("500家", "全县企业")]),
        # a verb of having at the end of a subject is cut off, a word of its own
        ("该村已有1800余人。中央企业现有96家。仅2018年，就有21人。", [("1800余人", "该村"), ("96家", "中央企业"), ("2018年", None), ("21人", None)]),
        # a span of time alone says how long: the subject comes from the clause before
        ("粮食总产量1400亿斤，连续5年稳定在1300亿斤以上。", [("1400亿斤", "粮食总产量"), ("1300亿斤", "粮食总产量")]),
        # and at the end of a subject it is cut off, as 特别是 before it
        ("城乡居民收入近三年年均增长8%。", [("8%", "城乡居民收入")]),
        ("特别是探明油气储量连续13年超10亿吨。", [("10亿吨", "探明油气储量")]),
        # a phrase jieba's dictionary holds whole (l) right after a count, ending with a noun, is what is counted
        ("慰问500名困难群众，2架无人机列装，冒雨拆除110处违章建筑。", [("500名", "困难群众"), ("2架", "无人机"), ("110处", "违章建筑")]),
        # not one that starts with a negation, or qualifies what follows with 的
        ("撤换7名不胜任的村书记，新增4个服务业扩大开放综合试点。", [("7名", "村书记"), ("4个", "服务业扩大开放综合试点")]),
        # a verb may start it (发明 is tagged v), as it may start a noun phrase after 名 or 家
        ("获得3项发明专利，评出3名获奖代表，共有10家参展企业。", [("3项", "发明专利"), ("3名", "获奖代表"), ("10家", "参展企业")]),
        # after a count of 人, a verb says what the people named before it do; with no noun before the
        # count (a verb, or nothing) or after a copula, what follows is all the text says of them
        ("海军官兵1000余人参加仪式，全县100人参加会议。", [("1000余人", "海军官兵"), ("100人", "全县")]),
        ("很快又派2人进驻贫困村，2人受到处分。成员一共有5人，其中4人是党员。", [("2人", "进驻贫困村"), ("2人", "受到处分"), ("5人", "成员"), ("4人", "党员")]),
        # a time led by 到/截至 opening the clause is when, not what; 仍有/现有 are fillers
        ("到2035年人均国内生产总值翻一番。截至2019年年底仍有贫困人口1569户，该村现有党员92人。", [
            ("2035年", None), ("翻一番", "人均国内生产总值"), ("2019年", None), ("1569户", "贫困人口"), ("92人", "该村党员"),
        ]),
        # an amount restated in another currency is of what the first is of
        ("GDP达到1.2万亿美元，约合人民币8.6万亿元。", [("1.2万亿美元", "GDP"), ("8.6万亿元", "GDP")]),
        # and so is one measured another way; how a figure is measured is no part of what it is of
        ("国内生产总值总规模达到99.09万亿元，按照世界银行的统计为14.3万亿美元。按照汇率计算的GDP占世界的16.4%。", [
            ("99.09万亿元", "国内生产总值总规模"), ("14.3万亿美元", "国内生产总值总规模"), ("16.4%", "GDP"),
        ]),
        # nouns listed with 、 and joined by 和 are all what is counted; 组织 after 国际, 社会 heads a compound noun,
        # after a body it is a verb
        ("本届进博会共有来自155个国家、地区和国际组织参会，其中77个国家和3个国际组织参加国家展。", [("155个", "国家、地区和国际组织"), ("77个", "国家"), ("3个", "国际组织")]),
        ("18个党支部组织开展活动，12个非公企业和社会组织建立了党组织。", [("18个", "党支部"), ("12个", "非公企业和社会组织")]),
        # not a list whose last word is no noun, nor a noun a figure follows
        ("选出7名热心公益事业、责任心强的代表，29个省、自治区、直辖市派出医护人员。", [("7名", "热心公益事业"), ("29个", "省、自治区、直辖市")]),
        ("共印发16页纸、近万字的材料。", [("16页", "纸"), ("万字", "材料")]),
        ("选派1200余名州、市两级党员干部下沉社区。", [("1200余名", "州、市两级党员干部")]),
        # people jieba's dictionary tags as verbs (考生, 选手) are what a count before them counts
        ("全年共有1291万名考生报名参加高考，来自40个单位的40名选手展开竞赛。", [("1291万名", "考生"), ("40个", "单位"), ("40名", "选手")]),
        # people jieba holds as set phrases (未成年人, 男女老少 l), a noun it tags a place (场地 s)
        ("我国有3亿多未成年人，300多位男女老少笑了，200平方米的场地里设有工作室。", [("3亿多", "未成年人"), ("300多位", "男女老少"), ("200平方米", "场地")]),
        # a figure alone in its clause is what the clause after it says it is
        ("49万，这是今年人民网收到留言的数量；200万，这是该平台累计促成解决民生问题的件数。", [
            ("49万", "人民网收到留言的数量"), ("200万", "该平台累计促成解决民生问题的件数"),
        ]),
        # a change of a count is of what follows it, as the count is (缩减19项|乡镇职能事项); alone, of what comes before
        ("金东区建立乡镇职能准入机制，缩减19项乡镇职能事项。全县党员比上年增加98名。", [("19项", "乡镇职能事项"), ("98名", "全县党员")]),
        # 不实 is one word (jieba: 不|实, a noun), 正名 a verb (jieba: an adjective): a relative clause with no noun in it
        ("近一年来共为842名受到不实举报的干部正名。", [("842名", "受到不实举报的干部")]),
        # people named and 等 before a count: what they do is what is counted; 等 ends no subject
        ("根据表彰决定，戴立忠等340人被授予湖南省劳动模范称号。全县干部等500人参加，蔬菜、蛋肉等共34款。", [
            ("340人", "被授予湖南省劳动模范称号"), ("500人", "全县干部"), ("34款", "蔬菜、蛋肉"),
        ]),
        # a clause that opens with 从 and the level it grows to is of what the clause before is about, not of a figure
        # before a semicolon; 不断扩大 is a predicate (jieba: a noun)
        ("药材产业从无到有，茶叶产业规模不断扩大，从原来的200亩扩大到600亩；草场面积从多到少，从原来的300多亩减少到20多亩。", [
            ("200亩", "茶叶产业规模"), ("600亩", "茶叶产业规模"), ("300多亩", "草场面积"), ("20多亩", "草场面积"),
        ]),
        # not with a noun between 从 and the figure, nor with no level after it
        ("心脏支架大幅降价，从均价1.3万元降至700元左右。", [("1.3万元", None), ("700元", None)]),
        # 举措 is a noun (jieba: a verb): what a count before it counts, and what one after it measures
        ("江西从4个方面明确23条举措，制定整治举措50项，推出336项重大改革举措。", [
            ("4个", "方面"), ("23条", "举措"), ("50项", "整治举措"), ("336项", "重大改革举措"),
        ]),
        ("收集10条诉求，梳理99项需求，每个驿站设1名站长，培养100名高管正职。", [("10条", "诉求"), ("99项", "需求"), ("1名", "站长"), ("100名", "高管正职")]),
        # 信访举报 is a noun (jieba: two verbs) and 纪检监察 no name: a count after a verb counts its object
        ("全国纪检监察机关共接收信访举报264.1万件次，处置问题线索118.4万件。", [("264.1万件次", "信访举报"), ("118.4万件", "问题线索")]),
        # 入党 is a verb (jieba: a noun), and the nouns made with it are whole words
        ("先后发展57名业务骨干、优秀青年入党，10余名优秀员工光荣入党，小组里有3名入党积极分子。", [
            ("57名", "业务骨干、优秀青年"), ("10余名", "优秀员工"), ("3名", "入党积极分子"),
        ]),
        # a change after a clause whose count has no subject is of what those counted do, not of the count's words
        ("全年有1291万人报名参加高考，比上年增加98万人。", [("1291万人", None), ("98万人", "报名参加高考")]),
        # a filler glued to the end of a word the segmenter guessed (之比为, 降费达) is cut off it
        ("经费支出30507亿元，与国内生产总值之比为2.55%。一年减税降费达2.36万亿元。", [("30507亿元", "经费支出"), ("2.55%", "经费支出"), ("2.36万亿元", "一年减税降费")]),
        # after a causative verb the people are those made to do what follows, not the verb or who makes them
        ("让将近4000万人摆脱贫困，该项目带动5000人就业。", [("4000万人", "摆脱贫困"), ("5000人", "就业")]),
        ("帮助3000名农民工返乡创业，全县1000人参加培训。", [("3000名", "农民工"), ("1000人", "全县")]),
        # a verb and 了 opening the subject did the counting: the object is what is counted
        ("确定了立查立改事项12项，收到了货款278.6元。", [("12项", "立查立改事项"), ("278.6元", "货款")]),
        # a class bounded by 以上/以下 is part of what is counted; after another noun the bound is the figure's
        ("全省97个省级以上园区，成立了21家规模以上企业党委，放开500万人口以下城市。", [
            ("97个", "省级以上园区"), ("21家", "规模以上企业党委"), ("500万", "人口"),
        ]),
        # a verbal noun before 到 is a verb (党员|发展到), and 发展到 no part of a subject
        ("从3个党支部、61名党员发展到6个党支部，运输队已经发展到40支。", [
            ("3个", "党支部"), ("61名", "党员"), ("6个", "党支部"), ("40支", "运输队"),
        ]),
        # a list closed by 等 is what is counted, items and all; not the verb that takes it, nor an item with a
        # verb inside it, nor figures listed
        ("解决了企业资金、人才、技术、市场等问题349个，开展河道保洁、绿化维护等志愿服务千余次。", [
            ("349个", "企业资金、人才、技术、市场等问题"), ("千余次", "河道保洁、绿化维护等志愿服务"),
        ]),
        ("帮助居民解决供热供水、楼顶维修、车辆停放等实际问题千余件，新建学校12所、改扩建学校8所等项目。", [
            ("千余件", "楼顶维修、车辆停放等实际问题"), ("12所", "新建学校"), ("8所", "等项目"),
        ]),
        # two neighbouring digits said together are a range, about either (not 34万 or 1.2亿)
        ("每天有三四万名游客，投资一两亿元，全县有二三十个村，七八十岁的老人。", [
            ("三四万名", "游客"), ("一两亿元", "投资"), ("二三十个", "村"), ("七八十岁", "老人"),
        ]),
        # what jieba tags as an adjective, an idiom or a place word (合同 a, 冲锋舟 i, 窗口 s) is counted all the same;
        # a negation after what is counted starts the predicate (合同|不厚), not inside a relative clause
        ("15份合同不厚，8艘冲锋舟疾驰而去，12个窗口依次排开，45个办公设施不全的活动室。", [
            ("15份", "合同"), ("8艘", "冲锋舟"), ("12个", "窗口"), ("45个", "办公设施不全"),
        ]),
        # jieba's dictionary tags 非公 an adverb and 投身 a noun: data/words.tsv tags them as they are used
        ("建立了172个非公党建指导站，300余家非公企业投身脱贫攻坚。", [("172个", "非公党建指导站"), ("300余家", "非公企业")]),
        # a rate kept at a level: the level after 的 says how it stands, not what it is of
        ("失业率维持在3.0%的低水平，消费价格涨幅控制在3%以内的目标范围，增速处于6%左右的合理区间。", [
            ("3.0%", "失业率"), ("3%", "消费价格涨幅"), ("6%", "增速"),
        ]),
        # after a copula 为 with a word or two nouns after it: the class counted, not what was classed
        ("测评结果为满意46票，费率为小型车40元，集团已经成长为总资产128亿元。", [("46票", "满意"), ("40元", "小型车"), ("128亿元", "总资产")]),
        # not 为 as "for" before what is done for someone, nor 以…为 (a manner), nor a currency after 为
        ("每年为园区节省电费300多万元，以党员为骨干的志愿服务队30余支，净利润为人民币375.99亿元。", [
            ("300多万元", "每年为园区节省电费"), ("30余支", "以党员为骨干的志愿服务队"), ("375.99亿元", "净利润"),
        ]),
        # a count's object jieba's dictionary cuts (创新|创业项目), a verb it lacks (对口支援), a unit 亩次
        ("遴选46个大学生创新创业项目，19个省份对口支援湖北，托管面积15亿亩次。", [
            ("46个", "大学生创新创业项目"), ("19个", "省份"), ("15亿亩次", "托管面积"),
        ]),
        # the clause before, with no figure, gives its subject, less a predicate with no noun in it (同比持平, 企稳,
        # 收窄 are verbs), an aside kept; 增速 is a noun; a verb with an object keeps it (重回|扩张区间)
        ("全国居民消费价格（CPI）同比持平，环比上涨0.2%；出口企稳，同比增长3.2%；工业增加值增速比上月加快0.8个百分点；"
         "零售总额降幅收窄，同比下降2.1%；采购经理指数重回扩张区间，比上月上升1.3个百分点。", [
            ("0.2%", "全国居民消费价格（CPI）"), ("3.2%", "出口"), ("0.8个百分点", "工业增加值增速"),
            ("2.1%", "零售总额降幅"), ("1.3个百分点", "采购经理指数重回扩张区间"),
        ]),
        # a year said relatively before a span of it is when, as 到 before a year is
        ("今年前两个月两岸贸易额达到约三百亿美元。", [("前两个月", None), ("三百亿美元", "两岸贸易额")]),
        # 从 where something comes from, with no level reached after the figure, is no origin: it stays in the subject
        ("从国外引进人才300名，从经营利润中提取20%作为公积金，平均寿命从2020年的82.4岁提高到83岁。", [
            ("300名", "国外引进人才"), ("20%", "经营利润中提取"), ("2020年", None), ("82.4岁", "平均寿命"), ("83岁", "平均寿命"),
        ]),
        # the same amount in another currency after 折合(约)
        ("全年国内生产总值126万亿元，折合约17.9万亿美元。", [("126万亿元", "全年国内生产总值"), ("17.9万亿美元", "全年国内生产总值")]),
        # a rate's base before the amount (每人每月) and a preposition left before it (以, 至) are no part of what is
        # measured; 每人 alone is an average's subject and stays
        ("基础养老金最低标准提高到每人每月103元，企业效益以每年30%的速度增长，额度放宽至每年每人10万元，每人2.8万元。", [
            ("103元", "基础养老金最低标准"), ("30%", "企业效益"), ("10万元", "额度放宽"), ("2.8万元", "每人"),
        ]),
    ],
)
def test_subjects_read_past_a_verb_a_span_of_time_or_a_whole_phrase(nlp, text, subjects):
    assert [(s["text"], s["subject"]) for s in analyse(nlp, text)["stats"]] == subjects


def test_neighbouring_digits_give_a_range_about_either(nlp):
    stats = analyse(nlp, "每天有三四万名游客，投资一两亿元，七八十岁的老人，费用超过两三万元。")["stats"]
    assert [(s["text"], s["value"], s["range"], s["approx"], s["unit"]) for s in stats] == [
        ("三四万名", 30000, [30000, 40000], "约", "名"),
        ("一两亿元", 100000000, [100000000, 200000000], "约", "元"),
        ("七八十岁", 70, [70, 80], "约", "岁"),
        ("两三万元", 20000, [20000, 30000], "超过", "元"),  # a word before it says how
    ]
    stats = analyse(nlp, "他十二三岁就外出打工，一百二三十人参加。")["stats"]
    assert [(s["text"], s["value"], s["range"]) for s in stats] == [("十二三岁", 12, [12, 13]), ("一百二三十人", 120, [120, 130])]
    # with 、 between them after a word (as Taiwan and Hong Kong write them); not a heading's 一、 or an ordinal
    stats = analyse(nlp, "过年期间扩增至四、五万辆次。\n一、二十年来的变化\n第一、二批试点")["stats"]
    assert [(s["text"], s["value"], s["range"], s["subject"]) for s in stats] == [("四、五万辆次", 40000, [40000, 50000], "过年期间")]  # (扩|增至)


def test_lai_inside_a_number_is_about(nlp):
    # 来 between a number and its unit says about (一百来头, 十来天); 十年来 (over ten years) and 一来…二来… are no such
    stats = analyse(nlp, "存栏肉牛从一百来头增至近千头，每隔十来天巡查一次。十年来新增就业3万人，一来提高效率，二来节约成本。")["stats"]
    assert [(s["text"], s["value"], s["approx"]) for s in stats] == [("一百来头", 100, "约"), ("千头", 1000, "近"), ("十来天", 10, "约"), ("3万人", 30000, None)]


def test_an_approximation_before_a_verb_of_having_or_reaching_is_about(nlp):
    # 约有, 约为, 至少有, 将近达到: the verb between the approximation and the figure leaves it about, and the
    # subject ends before both (贷款余额, not 贷款余额将近); 有人口 between them is no such verb
    stats = analyse(nlp, "第一批参加单位约有6.1万个，参会代表约为3000人，贷款余额将近达到500亿元，人均至少有1亩经济作物。全市有人口300万。")["stats"]
    assert [(s["text"], s["approx"], s["subject"]) for s in stats] == [
        ("6.1万个", "约", "第一批参加单位"),
        ("3000人", "约", "参会代表"),
        ("500亿元", "近", "贷款余额"),
        ("1亩", "以上", "经济作物"),
        ("300万", None, "全市人口"),
    ]


def test_a_share_held_at_a_level_is_a_share(nlp):
    # 比重(长期)保持在, 占比稳定在: the share of the whole named before, of the subject before 占
    text = "我们的国防开支占国内生产总值的比重长期保持在1.5%以下。民营企业占比稳定在30%左右。"
    stats = analyse(nlp, text)["stats"]
    assert [(s["text"], s["approx"], s["subject"], (s["share_of"] or {}).get("whole")) for s in stats] == [
        ("1.5%", "以下", "我们的国防开支", "国内生产总值"),
        ("30%", "约", "民营企业", None),
    ]


def test_a_peak_reached_in_a_clause_of_its_own_is_of_what_the_clause_before_is_about(nlp):
    # 最高达到: the peak of what the clause before is about, its predicate (屡创新高, 稳中有升) cut off; not of a count
    # of times before it (5次刷新纪录), nor of a clause that opens with its verb
    text = (
        "2019年以来，广东电网统调负荷屡创新高，最高达到了1.188亿千瓦。入境外商稳中有升，达39.7万人次。"
        "电网负荷5次刷新纪录，最高达到12687万千瓦。进入上中等收入阶段，2019年达到1万美元。"
    )
    stats = [(s["text"], s["subject"]) for s in analyse(nlp, text)["stats"] if s["kind"] not in ("year", "date")]
    assert stats == [("1.188亿千瓦", "广东电网统调负荷"), ("39.7万人次", "入境外商"), ("5次", "刷新纪录"), ("12687万千瓦", None), ("1万美元", None)]


def test_a_hundred_percent_is_a_share_only_where_it_is_one(nlp):
    # after a verb of reaching or before 的 and what it is of; not 百分之百 said of a deed or a will
    text = "政府会宽减百分之百的薪俸税。要百分之百落实到位。我们有百分之百的信心。行政村通宽带比例达到百分之百。网格百分之百的覆盖了全区。"
    stats = analyse(nlp, text)["stats"]
    assert [(s["text"], s["value"], s["subject"]) for s in stats] == [("百分之百", 100, "薪俸税"), ("百分之百", 100, "行政村通宽带比例")]


def test_a_change_against_the_year_before_is_held_against_that_year_s_figure(nlp):
    def found(text):
        return [(c["level"], c["code"], c["message"]) for c in analyse(nlp, text)["checks"]]

    # the year before the one the change's sentence names, stated in a sentence of its own
    assert found("2022年全市地区生产总值5000亿元。2023年全市地区生产总值5300亿元，比上年增加200亿元。") == [
        ("error", "change", "“比上年增加200亿元” after 5300亿元 implies 全市地区生产总值 was 5100亿元 at 上年, but the text gives 5000亿元")
    ]
    assert found("2022年全国粮食产量13731亿斤。2023年全国粮食产量13908亿斤，比上年增长1.3%。") == []
    assert found("2022年全国粮食产量13731亿斤。2023年全国粮食产量13908亿斤，比上年增长2.3%。")[0][:2] == ("error", "change")
    # a rate of change of money is often real growth: two nominal amounts are not held against it
    assert found("2022年国内生产总值121万亿元。2023年国内生产总值126万亿元，比上年增长5.2%。") == []


def test_a_rate_per_year_is_held_against_the_levels_it_compounds_between(nlp):
    def found(text):
        return [(c["level"], c["code"], c["message"]) for c in analyse(nlp, text)["checks"]]

    # 年均增幅 after a level reached from another, each dated: (9808 / 3416) ** (1 / 4) is 1.302
    assert found("全国建档立卡贫困户人均纯收入从2015年的3416元增加到2019年的9808元，年均增幅30.2%。") == []
    assert found("全市常住人口从2010年的1000万人增加到2020年的1200万人，年均增长3%。") == [
        ("error", "change_rate", "from 1000万人 in 2010 to 1200万人 in 2020 is 1.8% a year, not 3%")
    ]
    # output in money, or a rate said to be real, is growth at comparable prices: not held against nominal levels
    assert found("国内生产总值从2012年的54万亿元增长到2022年的121万亿元，年均增长6.2%。") == []
    assert found("农村居民人均可支配收入从2012年的8389元增加到2022年的20133元，年均实际增长7.3%。") == []
    # a change after a rate compared with another group is no level it reached
    text = "贫困地区农民收入年均增速高出全国农村平均水平2.2个百分点，贫困户人均纯收入由2015年的3416元增加到2019年的9808元，年均增幅30.2%。"
    assert found(text) == []


def test_a_price_cut_is_a_decrease(nlp):
    stats = analyse(nlp, "今年共有91个药品新增进入目录，其中90个为目录外药品，平均降价63%。猪肉价格涨价12%。")["stats"]
    assert [(s["text"], s["kind"], s["direction"], s["subject"]) for s in stats] == [
        ("91个", "count", None, "药品"), ("90个", "count", None, "药品"), ("63%", "change", "decrease", "药品"), ("12%", "change", "increase", "猪肉价格"),
    ]


def test_a_share_with_no_de_and_numbers_of_two_sections(nlp):
    # 占 and a whole right before the share (占总预算23.7%, as Taiwan texts write it), 占到 too; 1亿2000万元 is one
    # figure, and 兆 before money is 10^12 (2兆8,813亿元), not before 瓦 (300兆瓦 is 300 MW)
    text = (
        "社会福利支出6830亿元，占总预算23.7%。其中女性占到45%。总投资1亿2000万元，岁出2兆8,813亿元，岁入2兆元，"
        "装机容量300兆瓦。主计总处预估明年经济成长率为3.26%。"
    )
    stats = analyse(nlp, text)["stats"]
    assert [(s["text"], s["value"], s["subject"], s["modality"], (s["share_of"] or {}).get("whole")) for s in stats] == [
        ("6830亿元", 683000000000, "社会福利支出", None, None),
        ("23.7%", 23.7, "社会福利支出", None, "总预算"),
        ("45%", 45, "女性", None, None),
        ("1亿2000万元", 120000000, "总投资", None, None),
        ("2兆8,813亿元", 2881300000000, "岁出", None, None),
        ("2兆元", 2000000000000, "岁入", None, None),
        ("300兆瓦", 300, "装机容量", None, None),
        ("3.26%", 3.26, "经济成长率", "forecast", None),
    ]
    assert stats[1]["share_of"]["count"]["text"] == "6830亿元"


def test_a_figure_before_de_and_a_target_is_a_target_of_what_the_clause_measures(nlp):
    # 超过 compares the outcome with the target: no approximation of it; 左右 still is one; 的目标群体 is no target
    text = (
        "城镇新增就业1244万人，超过1200万人的预期目标。居民消费价格上涨0.2%，低于3%左右的预期目标。"
        "今年GDP增长5%左右的预期目标是合适的。85%的目标群体表示满意。"
    )
    stats = analyse(nlp, text)["stats"]
    assert [(s["text"], s["approx"], s["modality"], s["subject"]) for s in stats] == [
        ("1244万人", None, None, "城镇新增就业"),
        ("1200万人", None, "target", "城镇新增就业"),
        ("0.2%", None, None, "居民消费价格"),
        ("3%", "约", "target", "居民消费价格"),
        ("5%", "约", "target", "GDP"),
        ("85%", None, None, "目标群体"),
    ]


def test_as_high_as_stresses_a_figure_and_leaves_it_exact(nlp):
    # 高达 and 多达 say a figure is large, not that it is more than it (超过 does); 只, 才 and a clause of
    # meaning before a subject (这意味着) are no part of it
    # they are read as the others are: a subject ends before them, 占比高达 gives a share
    text = (
        "我国对世界经济增长的贡献高达28%，参会人数多达3000人，超过500家企业参展。消费支出只占世界总额的12.1%。这意味着全市有300万人受益。"
        "月收入最高达4427元。互联网经济在国内生产总值中占比高达6.9%。"
    )
    stats = analyse(nlp, text)["stats"]
    assert [(s["text"], s["approx"], s["subject"], s["share_of"] is not None) for s in stats] == [
        ("28%", None, "我国对世界经济增长的贡献", False),
        ("3000人", None, "参会人数", False),
        ("500家", "超过", "企业", False),
        ("12.1%", None, "消费支出", True),
        ("300万人", None, "全市", False),
        ("4427元", None, "月收入", False),
        ("6.9%", None, "互联网经济", True),
    ]


COMPOSED = (
    "全市地区生产总值5862.3亿元。其中，第一产业增加值312.5亿元，增长3.1%；第二产业增加值2401.8亿元，增长6.2%；"
    "第三产业增加值3148.0亿元，增长5.3%。三次产业结构为{}。"
)


def test_a_composition_is_one_figure_with_its_parts(nlp):
    data = analyse(nlp, COMPOSED.format("5.3:41.0:53.7") + "资金按1:2:7的比例分配，比分为3:1:2。")
    comps = [s for s in data["stats"] if s["kind"] == "composition"]
    assert [(s["text"], s["value"], s["parts"], s["subject"]) for s in comps] == [
        ("5.3:41.0:53.7", pytest.approx(0.053), [5.3, 41, 53.7], "三次产业结构"),
        ("1:2:7", pytest.approx(0.1), [1, 2, 7], "资金"),
    ]  # (a score after 比分为 is none: 分为 names no ratio)
    assert all(s["parts"] is None for s in data["stats"] if s["kind"] != "composition")
    assert checks(data) == []  # the shares of 312.5, 2401.8 and 3148.0 亿元 are 5.3, 41.0 and 53.7; 1:2:7 is no percentages
    assert "| 5.3:41.0:53.7 | 5.3:41:53.7 |  | composition |" in tifalens.analyze(COMPOSED.format("5.3:41.0:53.7"), nlp=nlp).to_markdown()


@pytest.mark.parametrize(
    ("composition", "expected"),
    [
        ("5.3:41.0:54.0", [("composition", "error", "the parts of 5.3:41.0:54.0 add up to 100.3, not 100")]),
        ("5.3∶40.0∶54.7", [("composition", "warning", "5.3∶40.0∶54.7 is not the shares of 312.5亿元, 2401.8亿元, 3148.0亿元 before it (5.3:41.0:53.7)")]),
    ],
)
def test_a_composition_in_percentages_adds_up_to_100_and_fits_the_amounts_before_it(nlp, composition, expected):
    assert [(c["code"], c["level"], c["message"]) for c in analyse(nlp, COMPOSED.format(composition))["checks"]] == expected
    # 100.1: three numbers rounded to the tenth may add up to that, and no amounts before it to hold it to
    assert analyse(nlp, "三次产业结构为5.3:41.0:53.8。")["checks"] == []


def test_targets_and_forecasts_are_told_from_what_is_stated_as_so(nlp):
    text = (
        "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。"  # an announcement reaches its sentence's end
        "今年赤字率拟按3%安排。全年增长5.2%，高于预期目标0.2个百分点。"  # a comparison takes 预期目标
        "预计全年增长5%左右，其中一季度已增长5.3%；出口增长4%。"  # 已: done; a forecast reaches a semicolon
        "力争全年完成投资200亿元，实际完成180亿元。为确保安全度汛，1200余名党员干部下沉一线。"  # a purpose
        "在镇里支持下争取到项目，升级道路17公里。人均预期寿命达到78.6岁。确保粮食产量1.3万亿斤以上，投资增长6%。"
    )
    stats = analyse(nlp, text)["stats"]
    assert [(s["text"], s["modality"]) for s in stats] == [
        ("5%", "target"), ("1200万人", "target"), ("3%", "target"), ("5.2%", None), ("0.2个百分点", None),
        ("5%", "forecast"), ("一季度", None), ("5.3%", None), ("4%", None),
        ("200亿元", "target"), ("180亿元", None), ("1200余名", None),
        ("17公里", None), ("78.6岁", None), ("1.3万亿斤", "target"), ("6%", None),  # 确保 reaches a comma
    ]
    assert [s["subject"] for s in stats if s["text"] in ("200亿元", "1.3万亿斤")] == ["全年完成投资", "粮食产量"]  # not 力争…, 确保…
    md = tifalens.analyze("今年赤字率拟按3%安排。", nlp=nlp).to_markdown()
    assert "| 3% | 3 | % | percent, target |  | 今年 | 赤字率 |" in md  # (today's year unknown: when says 今年)


def test_a_forecast_said_by_us_is_of_what_follows_the_verb(nlp):
    # 我们预计(vn)|今年|经济增长: the pronoun and its verb are no part of the subject, nor 介于/介乎 (between)
    stats = analyse(nlp, "我们预计今年经济增长介乎2.5%至3.5%。城镇化率介于60%至65%之间。")["stats"]
    assert [(s["text"], s["subject"], s["modality"]) for s in stats] == [("2.5%至3.5%", "经济增长", "forecast"), ("60%至65%", "城镇化率", None)]
    # so are a body that foresees and its verb
    stats = analyse(nlp, "政府预计今年本地生产总值增长2.5%至3.5%。国际货币基金组织预测今年中国经济增长5.2%。")["stats"]
    assert [(s["text"], s["subject"], s["modality"]) for s in stats] == [("2.5%至3.5%", "本地生产总值", "forecast"), ("5.2%", "中国经济", "forecast")]
    # a year before what is foreseen says when; 萎缩 (shrink) is a change down, as 下挫 and 收缩 are
    stats = analyse(nlp, "国际货币基金组织预计2020年全球经济将萎缩3%，房价下挫2.1%。")["stats"]
    assert [(s["text"], s["kind"], s["direction"], s["subject"]) for s in stats if s["kind"] != "year"] == [
        ("3%", "change", "decrease", "全球经济"), ("2.1%", "change", "decrease", "房价"),
    ]
    stats = analyse(nlp, "预计2019年年底完成107条。")["stats"]  # (a date alone: when, and no subject, not 年底)
    assert [(s["text"], s["subject"]) for s in stats] == [("2019年", None), ("107条", None)]


def test_a_clause_before_with_no_noun_names_nothing(nlp):
    # 稳中向好 (稳中|向|好), 与去年同期相比, 20多年来: a figure after them has no subject, not those words
    stats = analyse(nlp, "稳中向好，全年增长5.2%。与去年同期相比，增长了30%。出口企稳，增长3%。")["stats"]
    assert [(s["text"], s["subject"]) for s in stats] == [("5.2%", None), ("30%", None), ("3%", "出口")]


def test_a_formula_s_numerals_are_no_figure(nlp):
    # “四千四万”精神 is an unseen formula's name: no count of 44 million
    data = analyse(nlp, "弘扬“四千四万”精神，全县有党员四万人。")
    assert [t["term"] for t in data["terms"]] == ["四千四万"]
    assert [(s["text"], s["value"]) for s in data["stats"]] == [("四万人", 40000)]


def test_a_place_in_a_ranking_said_without_di_is_a_rank(nlp):
    text = "学校在全国高校排名从392名跃升至293名，营商环境全球排名较2016年的122位上升了24个位次。"
    assert [(s["text"], s["kind"]) for s in analyse(nlp, text)["stats"] if s["kind"] != "year"] == [
        ("392名", "rank"), ("293名", "rank"), ("122位", "rank"), ("24个位次", "change"),
    ]
    # places moved (个位次) are no count of the things ranked: no change of the 229 airports
    data = analyse(nlp, "在全国229个民航运输机场中排名第98位，较2016年的122位上升了24个位次。")
    assert [(s["text"], s["unit"]) for s in data["stats"] if s["kind"] == "change"] == [("24个位次", "个位次")]
    assert data["checks"] == []
    # not how far a place moved, nor people ranked low, nor the first so many
    text = "排名跃升了4位。已约谈排名靠后的乡镇党委书记5名。排名前30位的经济体。"
    assert [(s["text"], s["kind"]) for s in analyse(nlp, text)["stats"]] == [("4位", "count"), ("5名", "count"), ("30位", "count")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the nearest year or date before a figure in its sentence is the time it is of
        ("10月份，规模以上工业增加值同比实际增长4.6%，环比增长0.41%。1—10月份，规模以上工业增加值同比增长5.8%。", [
            ("10月份", None), ("4.6%", ("10月份", "--10")), ("0.41%", ("10月份", "--10")), ("1—10月份", None), ("5.8%", ("1—10月份", "--01/--10")),
        ]),
        ("贫困人口从2012年的9899万人减到2019年底的551万人。2012年至2022年，全市GDP年均增长6%。", [
            ("2012年", None), ("9899万人", ("2012年", "2012")), ("2019年", None), ("551万人", ("2019年", "2019")),
            ("2012年至2022年", None), ("6%", ("2012年至2022年", "2012/2022")),
        ]),
        # not a time it is compared with or a multiple of, which is only the time of a level right after it and 的
        ("2020年全市GDP比2015年增加19.8%，是2010年的2.5倍，较2016年的122位上升了24个位次。", [
            ("2020年", None), ("2015年", None), ("19.8%", ("2020年", "2020")), ("2010年", None), ("2.5倍", ("2020年", "2020")),
            ("2016年", None), ("122位", ("2016年", "2016")), ("24个位次", ("2020年", "2020")),
        ]),
        ("与2019年同期相比，2023年出口增长30%。", [("2019年", None), ("2023年", None), ("30%", ("2023年", "2023"))]),
        ("2023年全市GDP达到5000亿元，比上年增长5.2%。", [("2023年", None), ("5000亿元", ("2023年", "2023")), ("5.2%", ("2023年", "2023"))]),
        # nor one in another sentence, after a semicolon, or with another time the text names between
        ("2024年是关键之年。全年国内生产总值增长5.0%。", [("2024年", None), ("5.0%", None)]),
        ("社区于2018年11月举办讲座；社区成立以来，开展活动100余场。", [("2018年11月", None), ("100余场", None)]),
        # (a year that opens its sentence is the time of all its items)
        ("2019年，市里列支260万元；各县共列支2587.3万元。", [("2019年", None), ("260万元", ("2019年", "2019")), ("2587.3万元", ("2019年", "2019"))]),
        # (and after a clause that names the source alone; not after a clause that says more)
        ("报告显示，2024年，生产总值增长6.3%；居民收入增长6.5%。", [("2024年", None), ("6.3%", ("2024年", "2024")), ("6.5%", ("2024年", "2024"))]),
        ("社区于2018年11月举办讲座；开展活动100余场。", [("2018年11月", None), ("100余场", None)]),
        ("1997年成立党委以来，目前已发展党员1500名，2006年的“半壁江山”，发展到现在超过GDP的7成。", [
            ("1997年", None), ("1500名", None), ("2006年", None), ("7成", None),
        ]),
    ],
)
def test_the_time_a_figure_is_of(nlp, text, expected):
    stats = analyse(nlp, text)["stats"]
    assert [(s["text"], s["when"] and (s["when"]["text"], s["when"]["date"])) for s in stats] == expected
    assert all(s["when"]["years"] is None for s in stats if s["when"])
    for s in stats:  # offsets into the text, in both kinds
        if s["when"]:
            assert text[s["when"]["orig_start"] : s["when"]["orig_end"]] == s["when"]["text"] == text[s["when"]["start"] : s["when"]["end"]]


def test_a_year_counted_from_the_text_s_own_is_read_against_its_date(nlp, tmp_path):
    text = "去年国内生产总值增长5.2%，比上年增长0.2个百分点。今年前三季度，出口增长3%。今年发展主要预期目标是：国内生产总值增长5%左右。"
    expected = [("5.2%", "去年", -1), ("0.2个百分点", "去年", -1), ("前三季度", None, None), ("3%", "前三季度", 0), ("5%", "今年", 0)]
    stats = analyse(nlp, text)["stats"]  # (比上年: compared with, not the time; 今年|前三季度: a date in the year the word names)
    assert [(s["text"], s["when"] and s["when"]["text"], s["when"] and s["when"]["years"]) for s in stats] == expected
    assert [s["when"]["date"] for s in stats if s["when"] and s["when"]["years"] is not None] == [None, None, "--01/--09", None]  # no year known
    # the file's name gives the text's year, and so does the article's own date
    path = tmp_path / "gwr-2024.txt"
    path.write_text(text, encoding="utf-8")
    dated = tifalens.analyze(path=path, nlp=nlp).to_dict()["stats"]
    assert [s["when"]["date"] for s in dated if s["when"]] == ["2023", "2023", "2024-01/2024-09", "2024"]
    dated = analyse(nlp, "新华社北京2025年3月5日电　" + text)["stats"]
    assert [s["when"]["date"] for s in dated if s["when"] and s["when"]["years"] is not None] == ["2024", "2024", "2025-01/2025-09", "2025"]
    # a table reads a record's date where the text gives no year
    from tifalens.export.jsonout import shown_when

    assert [shown_when(s, "2022-03-05") for s in stats if s["when"]] == ["2021", "2021", "2022-01/2022-09", "2022"]
    assert [shown_when(s) for s in stats if s["when"]] == ["去年", "去年", "--01/--09", "今年"]
    # a report at the start of a year looks back on the last as 过去一年
    dated = analyse(nlp, "政府工作报告\n\n2025年1月15日\n\n过去一年，全省地区生产总值达到5.6万亿元、增长5.4%。\n")["stats"]
    assert [(s["text"], s["when"]["text"], s["when"]["date"]) for s in dated if s["when"]] == [("5.6万亿元", "过去一年", "2024"), ("5.4%", "过去一年", "2024")]
    assert [s["when"] for s in analyse(nlp, "过去一年多时间，共受理问题线索54件。过去一年来，诫勉10人。")["stats"]] == [None, None]  # a length of time


def test_a_heading_s_year_is_the_time_of_the_figures_under_it(nlp):
    text = (
        "政府工作报告\n\n一、2024年工作回顾\n\n全省地区生产总值增长5.4%。2023年增长5.0%。\n\n（一）产业\n\n新增企业1500家。\n\n"
        "二、2025年主要目标任务\n\n地区生产总值增长5.5%左右。\n\n三、2012年以来的发展\n\n累计减贫1000万人。\n\n"
        "四、2024年和2025年的比较\n\n粮食产量700亿斤。\n"
    )
    stats = analyse(nlp, text)["stats"]
    at = text.index
    assert [(s["text"], s["when"] and s["when"]["text"], s["when"] and s["when"]["start"]) for s in stats if s["kind"] not in ("year", "date")] == [
        ("5.4%", "2024年", at("2024年")),  # the heading's year
        ("5.0%", "2023年", at("2023年")),  # the sentence's own year wins
        ("1500家", "2024年", at("2024年")),  # under a heading below it
        ("5.5%", "2025年", at("2025年")),  # the next heading of its level names its own
        ("1000万人", None, None),  # 以来: a span, no year
        ("700亿斤", None, None),  # two years: none
    ]
    # a question's time is its answer's; 今年以来 is this year to date
    text = "答记者问\n\n问：2024年全国经济运行情况如何？\n\n答：全年国内生产总值增长5%。\n\n问：今年以来物价走势如何？\n\n答：居民消费价格上涨0.2%。\n\n问：怎么看？\n\n答：就业增加100万人。\n"
    assert [(s["text"], s["when"] and s["when"]["text"]) for s in analyse(nlp, text)["stats"] if s["kind"] != "year"] == [
        ("5%", "2024年"), ("0.2%", "今年"), ("100万人", None),
    ]  # fmt: skip
    # a heading's year holds in its article only
    text = "甲文\n\n一、2024年工作回顾\n\n增长5.4%。\n\n乙文标题\n\n新华社北京3月5日电 新增企业1500家。\n"
    assert [(s["article"], s["when"]) for s in analyse(nlp, text)["stats"] if s["text"] == "1500家"] == [(1, None)]


def test_a_title_s_year_or_months_are_the_time_of_its_figures(nlp):
    # a release's title names the months its figures are of, in every paragraph
    text = (
        "中央纪委国家监委通报2024年1至9月全国纪检监察机关监督检查审查调查情况\n\n"
        "全国纪检监察机关共立案64.3万件。\n\n处分省部级干部56人，厅局级干部3200人。\n"
    )
    assert [(s["text"], s["when"] and s["when"]["text"]) for s in analyse(nlp, text)["stats"] if s["kind"] != "date"] == [
        ("64.3万件", "2024年1至9月"), ("56人", "2024年1至9月"), ("3200人", "2024年1至9月"),
    ]  # fmt: skip
    # not 明年 of a quoted title, nor a title that is only a date
    for title in ("“赶明年再来看看复叶槭、白蜡，更漂亮！”", "2018年11月"):
        assert [s["when"] for s in analyse(nlp, f"{title}\n\n村里种了树苗200棵。\n")["stats"] if s["text"] == "200棵"] == [None]
    # a report whose headings name years is framed by them, not by the year it was given in (2026年…报告)
    text = "2026年北京市政府工作报告\n\n一、2025年工作回顾\n\n地区生产总值增长5.4%。\n\n二、“十四五”时期发展成就\n\n经济总量突破5万亿元。\n"
    assert [(s["text"], s["when"] and s["when"]["text"]) for s in analyse(nlp, text)["stats"] if s["kind"] != "year"] == [
        ("5.4%", "2025年"), ("5万亿元", None),
    ]  # fmt: skip


def test_years_of_the_republic_of_china_s_calendar(nlp):
    # Taiwan's texts count years from 1912 (民国1年): after 民国, and alone near one, a year of two or three digits
    text = "行政院表示，民国113年经济成长率为4.3%，112年为1.3%。中华民国114年度中央政府总预算岁出2兆8,813亿元。公司成立100年，近100年来发展很快。"
    stats = analyse(nlp, text)["stats"]
    assert [(s["text"], s["kind"], s["value"]) for s in stats if s["kind"] == "year"] == [
        ("民国113年", "year", 2024), ("112年", "year", 2023), ("中华民国114年度", "year", 2025),
    ]
    assert [(s["text"], s["subject"], s["when"]["date"]) for s in stats if s["kind"] != "year"] == [
        ("4.3%", "经济成长率", "2024"), ("1.3%", "经济成长率", "2023"), ("2兆8,813亿元", "中央政府总预算岁出", "2025"),
    ]
    # and its dates
    stats = analyse(nlp, "民国113年3月5日，经济成长率为4.3%。民国八十六年九月起。")["stats"]
    assert [(s["text"], s["kind"], s["date"]) for s in stats if s["kind"] == "date"] == [("民国113年3月5日", "date", "2024-03-05"), ("民国八十六年九月", "date", "1997-09")]
    # with no 民国 before it a year of three digits is none (建党100年)
    assert [s["kind"] for s in analyse(nlp, "建党100年来，112年间，全省增长5%。")["stats"]] == ["change"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count of things done (已 and a verb) names what the count right before it counts
        ("全年共排查隐患320处，已整改305处。", [("320处", "隐患"), ("305处", "已整改隐患")]),
        ("制发检察建议106件，已回复104件。", [("106件", "制发检察建议"), ("104件", "已回复检察建议")]),
        ("累计查找各类问题48万个，已解决23.7万个。", [("48万个", "累计查找各类问题"), ("23.7万个", "已解决各类问题")]),
        ("去年排查务工收入减少、农资运输不畅等各类问题170个，已整改164个。", [("170个", "农资运输不畅等各类问题"), ("164个", "已整改各类问题")]),
        # not what another thing done counts (those cleared out, then those put in their place)
        ("已排查清理不符合条件的村干部310人，现已补齐配强232人。", [("310人", "已排查清理不符合条件的村干部"), ("232人", "现已补齐配强")]),
        # nor with nothing counted before it
        ("已完成98项。", [("98项", "已完成")]),
    ],
)
def test_a_count_of_things_done_names_what_the_count_before_counts(nlp, text, expected):
    assert [(f["text"], f["subject"]) for f in analyse(nlp, text)["stats"]] == expected


def test_an_expected_growth_is_a_target_and_expectancy_is_no_aim(nlp):
    text = "今年全省生产总值预期增长5.5%左右，城镇新增就业110万人以上。人均预期寿命78.2岁。居民消费价格涨幅预期为2%左右。"
    assert [(f["text"], f["subject"], f["modality"]) for f in analyse(nlp, text)["stats"]] == [
        ("5.5%", "全省生产总值", "target"),
        ("110万人", "城镇新增就业", "target"),
        ("78.2岁", "人均预期寿命", None),
        ("2%", "居民消费价格涨幅", "target"),
    ]


def test_figures_broken_down_by_a_viewpoint_are_of_the_sentence_before(nlp):
    # 分季度看 says how the figures after it divide what the sentence before measures; it names nothing
    text = "前三季度国内生产总值同比增长4.8%。分季度看，一季度同比增长5.3%，二季度增长4.7%。"
    assert [(f["text"], f["subject"]) for f in analyse(nlp, text)["stats"] if f["kind"] == "change"] == [
        ("4.8%", "国内生产总值"), ("5.3%", "国内生产总值"), ("4.7%", "国内生产总值"),
    ]  # fmt: skip
    assert [f["subject"] for f in analyse(nlp, "分季度看，一季度同比增长5.3%。")["stats"] if f["kind"] == "change"] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a share of a whole after 仅为 or 仅相当于 (one word each for the segmenter), past a year in the whole
        ("今年首九个月，访港旅客约35万人次，仅为2018年同期的0.7%。", ("访港旅客", "同期")),
        ("进口额100亿元，仅相当于上年同期的85%。", ("进口额", "上年同期")),
        ("全年粮食产量6.5亿吨，为上年的101.3%。", ("全年粮食产量", "上年")),
        # 占…比重仅为: the share's subject is before 占
        ("我国老年网民群体占全国网民规模的比重仅为6.7%。", ("我国老年网民群体", "全国网民规模")),
        # an age before the subject qualifies it (not 网民群体 alone)
        ("我国60岁及以上网民群体占全国网民规模的比重仅为6.7%。", ("60岁及以上网民群体", "全国网民规模")),
    ],
)
def test_a_share_after_only_is_of_the_whole_it_names(nlp, text, expected):
    share = [f for f in analyse(nlp, text)["stats"] if f["kind"] == "percent"][-1]
    assert (share["subject"], share["share_of"] and share["share_of"]["whole"]) == expected


def test_a_date_with_no_year_takes_the_year_of_its_article_s_title(nlp):
    text = "国新办举行2024年前三季度国民经济运行情况新闻发布会\n\n前三季度国内生产总值同比增长4.8%。10月份，出口增长5%。2023年前三季度增长5.2%。\n"
    assert [(f["text"], f["when"]["text"], f["when"]["date"]) for f in analyse(nlp, text)["stats"] if f["kind"] == "change"] == [
        ("4.8%", "前三季度", "2024-01/2024-09"), ("5%", "10月份", "2024-10"), ("5.2%", "2023年前三季度", "2023-01/2023-09"),
    ]  # fmt: skip
    # not a title of two years; in a report whose headings name years, the heading's year, not the title's (2026)
    for title, date in (("2012年至2022年发展成就", "--10"), ("2026年政府工作报告\n\n一、2025年工作回顾\n\n全年增长5%。", "2025-10")):
        text = f"{title}\n\n10月份，出口增长5%。\n"
        assert [f["when"]["date"] for f in analyse(nlp, text)["stats"] if f["text"] == "5%" and f["when"]["text"] == "10月份"] == [date]


def test_a_date_with_no_year_under_a_heading_is_of_the_year_the_heading_names(nlp):
    text = (
        "2026年政府工作报告\n\n一、2025年工作回顾\n\n过去一年，全市经济运行总体平稳。前三季度，地区生产总值增长5.2%。"
        "10月份，全市新开工重大项目128个。\n\n二、2026年主要目标任务\n\n6月底前，完成老旧小区改造200个。\n"
    )
    assert [(f["text"], f["when"]["text"], f["when"]["date"]) for f in analyse(nlp, text)["stats"] if f["unit"] in ("%", "个")] == [
        ("5.2%", "前三季度", "2025-01/2025-09"), ("128个", "10月份", "2025-10"), ("200个", "6月", "2026-06"),
    ]  # fmt: skip
    # a heading naming a year counted from the text's own (二、今年主要目标任务): the date is of that year, read
    # against the date line's 2025 as 今年前三季度 is
    text = "市政府全体会议\n\n（2025年1月10日）\n\n一、去年工作回顾\n\n前三季度，地区生产总值增长5.2%。\n\n二、今年主要目标任务\n\n6月底前，完成老旧小区改造200个。\n"
    assert [(f["text"], f["when"]["text"], f["when"]["years"], f["when"]["date"]) for f in analyse(nlp, text)["stats"] if f["unit"] in ("%", "个")] == [
        ("5.2%", "前三季度", -1, "2024-01/2024-09"), ("200个", "6月", 0, "2025-06"),
    ]  # fmt: skip


def test_a_rate_per_thousand_in_words_is_one_in_per_mille(nlp):
    # 千分之六点三九 is written out as 7.87‰ is written in figures: the same unit, the same scale
    text = "出生率为千分之六点三九，死亡率7.87‰。约三分之一的村集体经济收入超过10万元。"
    assert [(f["text"], f["value"], f["unit"], f["kind"]) for f in analyse(nlp, text)["stats"] if f["kind"] == "ratio"] == [
        ("千分之六点三九", 6.39, "‰", "ratio"), ("7.87‰", 7.87, "‰", "ratio"), ("三分之一", 0.3333333333, "", "ratio"),
    ]  # fmt: skip
