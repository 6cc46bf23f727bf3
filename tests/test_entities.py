"""Entities: institutions (with abbreviations linked to full names) and jieba's name tags, in doc.ents."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

import tifalens
from tifalens.components.entities import entity_rules
from tifalens.errors import LexiconError
from tifalens.export.jsonout import schema, to_dict
from tifalens.lexicon.institutions import Institution, Institutions, load_institutions, packaged_institutions
from tifalens.lexicon.places import Gazetteer, parse_places

SEED = Path(__file__).resolve().parents[1] / "corpus" / "xinhua-2022-09-26.txt"
HEADER = "name\taliases\tlabel\tnote\n"
PACKAGED = Institutions.default()
GAZETTEER = Gazetteer.default()


@pytest.fixture(scope="module")
def ents_nlp():
    return tifalens.load()


@pytest.fixture(scope="module")
def user_table(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("institutions") / "mine.tsv"
    path.write_text(
        HEADER
        + "复旦大学国际关系与公共事务学院\t复旦国务学院\tORG\t\n"
        + "江西省抚州市人民政府\t抚州市政府\tORG\t\n"
        + "粤港澳大湾区\t大湾区\tLOC\t\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def user_nlp(user_table):
    nlp = tifalens.load(components=("tifa_structure", "tifa_terms"))
    nlp.add_pipe("tifa_entities", before="tifa_terms", config={"extra_institutions": [str(user_table)]})
    return nlp


def ents(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.kb_id_) for e in nlp(text).ents]


# -- institutions: abbreviations link to the full name -------------------------


def test_abbreviations_link_to_full_names(ents_nlp):
    assert ents(ents_nlp, "中组部负责人接受了新华社记者的采访") == [
        ("中组部", "ORG", "中共中央组织部"),
        ("新华社", "ORG", "新华通讯社"),
    ]
    assert ents(ents_nlp, "香港特区政府、香港立法会和中央财办、国家疾控局负责人出席。") == [
        ("香港特区政府", "ORG", "香港特别行政区政府"),
        ("香港立法会", "ORG", "香港特别行政区立法会"),
        ("中央财办", "ORG", "中央财经委员会办公室"),
        ("国家疾控局", "ORG", "国家疾病预防控制局"),
    ]
    # 立法会 alone is the legislature of either region, its own entry
    assert ents(ents_nlp, "行政长官在立法会发表施政报告。") == [("立法会", "ORG", "立法会")]


def test_the_bureaus_under_the_state_council_and_names_with_rarer_surnames(ents_nlp):
    assert ents(ents_nlp, "国家能源局原副局长刘宝华、国家林草局和中国民航局负责人出席。") == [
        ("国家能源局", "ORG", "国家能源局"),
        ("刘宝华", "PERSON", ""),
        ("国家林草局", "ORG", "国家林业和草原局"),
        ("中国民航局", "ORG", "中国民用航空局"),
    ]
    assert [e for e in ents(ents_nlp, "财政部原部长楼继伟说，赖清德发表谈话。") if e[1] == "PERSON"] == [("楼继伟", "PERSON", ""), ("赖清德", "PERSON", "")]
    # words jieba tags a name that start with one of those surnames name no one; nor does a name and 于 glued
    assert [e for e in ents(ents_nlp, "社区楼栋长主任张明说，原本是裱画师的厉莉于一九八四年入党。") if e[0] in ("楼栋长", "厉莉于")] == []


def test_the_central_commissions_and_leading_groups_are_bodies(ents_nlp):
    # a formula inside the name (全面依法治国) does not cut it
    assert ents(ents_nlp, "中央全面依法治国委员会第三次会议和中央审计委员会第一次会议召开。") == [
        ("中央全面依法治国委员会", "ORG", "中央全面依法治国委员会"),
        ("中央审计委员会", "ORG", "中央审计委员会"),
    ]
    assert ents(ents_nlp, "中央依法治国办、中央农办和中央深改组") == [
        ("中央依法治国办", "ORG", "中央全面依法治国委员会办公室"),
        ("中央农办", "ORG", "中央农村工作领导小组办公室"),
        ("中央深改组", "ORG", "中央全面深化改革领导小组"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a local Party committee's departments and commissions, named by the committee's level
        ("市委组织部、省委宣传部和县委办公室联合发文。", ["市委组织部", "省委宣传部", "县委办公室"]),
        ("市委全面深化改革委员会召开第十二次会议，区委编办牵头。", ["市委全面深化改革委员会", "区委编办"]),
        ("县委全面依法治县委员会和自治区党委政法委", ["县委全面依法治县委员会", "自治区党委政法委"]),
        # a local government's departments (jieba's 区人|社局 and 省|财政厅 too)
        ("市教育局、区人社局、省财政厅和自治区公安厅", ["市教育局", "区人社局", "省财政厅", "自治区公安厅"]),
        ("市政府办公室印发通知，市市场监管局开展检查。", ["市政府办公室", "市市场监管局"]),
        # with their place and the Party's name before them
        ("杭州市委组织部和中共浙江省委宣传部", ["杭州市委组织部", "中共浙江省委宣传部"]),
        ("苏州市教育局召开会议。", ["苏州市教育局"]),
        # a level inside another word is none (全市|教育局长)
        ("全市教育局长会议召开。", []),
    ],
)
def test_local_party_and_government_bodies_are_organisations(ents_nlp, text, expected):
    assert [e.text for e in ents_nlp(text).ents if e.label_ == "ORG"] == expected


def test_an_office_in_a_local_commission_is_the_persons_title(ents_nlp):
    data = tifalens.analyze("市委书记、市委深改委主任王建国主持会议并讲话。", nlp=ents_nlp).to_dict()
    assert [(e["text"], e["label"], e["title"]) for e in data["entities"]] == [
        ("市委深改委", "ORG", None),
        ("王建国", "PERSON", "市委书记、市委深改委主任"),
    ]


def test_full_name_and_every_alias_share_one_kb_id(ents_nlp):
    text = "中共中央组织部、中央组织部和中组部"
    assert ents(ents_nlp, text) == [
        ("中共中央组织部", "ORG", "中共中央组织部"),
        ("中央组织部", "ORG", "中共中央组织部"),
        ("中组部", "ORG", "中共中央组织部"),
    ]


def test_longest_name_wins(ents_nlp):
    assert ents(ents_nlp, "国务院办公厅印发通知") == [("国务院办公厅", "ORG", "国务院办公厅")]
    assert ents(ents_nlp, "中央政治局常委会会议") == [("中央政治局常委会", "ORG", "中共中央政治局常务委员会")]


def test_name_inside_another_word_is_not_an_entity(ents_nlp):
    # 中央组织部长 is read 中央/组织部长 and 集中办理 集中/办理: the names cross token edges.
    assert ents(ents_nlp, "中央组织部长") == []
    assert ents(ents_nlp, "集中办理") == []


def test_a_name_that_ends_inside_a_word_hides_no_name_that_starts_in_it(ents_nlp):
    # 联合|国家发展改革委: 联合国 ends inside 国家, so it does not hide the commission that starts there
    assert ents(ents_nlp, "两部门联合国家发展改革委发文") == [("国家发展改革委", "ORG", "国家发展和改革委员会")]


def test_international_organisations_link_to_full_names(ents_nlp):
    text = "联合国秘书长古特雷斯、世卫组织、欧盟、北约、东盟、上合组织和非盟委员会发表声明。"
    assert [(e.text, e.kb_id_) for e in ents_nlp(text).ents if e.label_ == "ORG"] == [
        ("联合国", "联合国"), ("世卫组织", "世界卫生组织"), ("欧盟", "欧洲联盟"), ("北约", "北大西洋公约组织"),
        ("东盟", "东南亚国家联盟"), ("上合组织", "上海合作组织"), ("非盟委员会", "非洲联盟委员会"),
    ]  # fmt: skip
    # a city in a body's name is no place of its own
    assert ents(ents_nlp, "上海合作组织峰会") == [("上海合作组织", "ORG", "上海合作组织")]


def test_institution_overrides_tag_based_entities(ents_nlp, user_nlp):
    text = "复旦大学国际关系与公共事务学院教授韩福国表示"
    assert ents(ents_nlp, text) == [("复旦大学", "ORG", ""), ("韩福国", "PERSON", "")]
    assert ents(user_nlp, text) == [
        ("复旦大学国际关系与公共事务学院", "ORG", "复旦大学国际关系与公共事务学院"),
        ("韩福国", "PERSON", ""),
    ]
    assert ents(ents_nlp, "江西省抚州市人民政府") == [("江西省抚州市人民政府", "ORG", "")]
    assert ents(user_nlp, "江西省抚州市人民政府和抚州市政府") == [
        ("江西省抚州市人民政府", "ORG", "江西省抚州市人民政府"),
        ("抚州市政府", "ORG", "江西省抚州市人民政府"),
    ]


def test_foreign_and_international_bodies_by_their_short_names(ents_nlp):
    # jieba tags 欧佩克 and 白宫 as persons and cuts 据|亚投行 wrongly; the institutions list and the segmenter's words know them
    text = "美联储宣布加息，欧洲央行按兵不动，欧佩克决定减产，据亚投行消息，白宫发言人表示，五角大楼回应。"
    assert ents(ents_nlp, text) == [
        ("美联储", "ORG", "美国联邦储备委员会"), ("欧洲央行", "ORG", "欧洲中央银行"), ("欧佩克", "ORG", "石油输出国组织"),
        ("亚投行", "ORG", "亚洲基础设施投资银行"), ("白宫", "ORG", "白宫"), ("五角大楼", "ORG", "美国国防部"),
    ]  # fmt: skip


def test_a_line_that_lists_people_names_each_of_them(ents_nlp):
    # a list of members, two-character names set apart to line up (王　毅), notes after names (（女）); jieba reads
    # 刘国|中 and 何|卫东 otherwise
    text = "委员名单如下：\n\n丁薛祥　马兴瑞　王　毅　尹　力　石泰峰　刘国中\n\n何卫东　张又侠　黄厚瑜（女）　杨文钦（侗族）\n\n（执笔：杨洪江、凌胜银）"
    people = [(e.text, e.kb_id_) for e in ents_nlp(text).ents if e.label_ == "PERSON"]
    assert people[:10] == [
        ("丁薛祥", ""), ("马兴瑞", ""), ("王　毅", "王毅"), ("尹　力", "尹力"), ("石泰峰", ""), ("刘国中", ""),
        ("何卫东", ""), ("张又侠", ""), ("黄厚瑜", ""), ("杨文钦", ""),
    ]  # fmt: skip
    assert "执笔" not in [p for p, _ in people]


def test_label_column_is_used(user_nlp):
    assert ents(user_nlp, "建设大湾区") == [("大湾区", "LOC", "粤港澳大湾区")]


# -- jieba's name tags ---------------------------------------------------------


def test_person_names_need_name_shape(ents_nlp):
    # 外交部长 is one word (a title), not 外交部 + 长.
    assert ents(ents_nlp, "国务院总理李强出席会议。外交部长王毅会见记者。") == [
        ("国务院", "ORG", "中华人民共和国国务院"),
        ("李强", "PERSON", ""),
        ("王毅", "PERSON", ""),
    ]


def test_titles_of_hong_kong_and_rarer_surnames(ents_nlp):
    # 长官 (行政长官), 司长 vouch for a two-character name; 谌 and 怀 are surnames, 阴 is not (阴转晴)
    assert [(n, label) for n, label, _ in ents(ents_nlp, "行政长官林峰表示，副司长韩旭指出。国务委员谌贻琴出席，部长怀进鹏讲话。天气阴转晴。")] == [
        ("林峰", "PERSON"), ("韩旭", "PERSON"), ("谌贻琴", "PERSON"), ("怀进鹏", "PERSON"),
    ]  # fmt: skip


def test_names_in_a_list_share_the_title(ents_nlp):
    text = "习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席。"
    assert ents(ents_nlp, text) == [(n, "PERSON", "") for n in ("习近平", "李强", "赵乐际", "王沪宁", "蔡奇", "丁薛祥", "李希")]


def test_names_apart_by_spaces_in_a_byline_share_the_title(ents_nlp):
    # a byline parts its names by spaces (ASCII, U+3000) as often as by 、; a line break parts no list,
    # and two two-character names with no title stay unvouched
    text = "（记者李伟 张明）今天开会。\n（记者 王芳　刘洋）\n李刚 周强\n"
    assert ents(ents_nlp, text) == [(n, "PERSON", "") for n in ("李伟", "张明", "王芳", "刘洋")]


def test_a_speaker_who_answers_in_an_interview_is_a_person(nlp):
    from tifalens import analyze

    # 李强 is a two-character name with no title: the structure found him opening an answer
    data = analyze("访谈\n\n记者：明年的重点是什么？\n\n李强：一是扩大内需；二是深化改革。\n", nlp=nlp).to_dict()
    assert [(a["answer_marker"], a["question_marker"]) for a in data["articles"][0]["qa"]] == [("李强：", "记者：")]
    assert [(e["text"], e["label"], e["start"]) for e in data["entities"]] == [("李强", "PERSON", 18)]


def test_a_two_character_name_that_speaks_or_a_list_closed_by_deng_is_a_person(ents_nlp):
    # no title: 王刚 opens a clause and says something; 张伟、刘洋等 is a list of people; 孙子 (grandson) says
    # something too, but is a kinship word; 周密 before a verb of speech does not open a clause
    text = "会后，王刚说，大家要团结。张伟、刘洋等代表参加了会议。“孙子说天气热。”要周密指出问题。"
    assert [t.tag_ for t in ents_nlp(text) if t.text in ("王刚", "张伟", "刘洋", "孙子")] == ["nr"] * 4
    assert ents(ents_nlp, text) == [("王刚", "PERSON", ""), ("张伟", "PERSON", ""), ("刘洋", "PERSON", "")]


def test_ordinary_words_tagged_as_names_are_dropped(ents_nlp):
    # jieba's dictionary tags 周密 文明 nr, 新鲜 上门 ns, 党组织 nt.
    doc = ents_nlp("要周密部署，加强文明建设，新鲜上门，基层党组织，党建“连心桥”。")
    assert {t.tag_ for t in doc if t.text in ("周密", "文明", "新鲜", "上门", "党组织", "连心桥")} == {"nr", "ns", "nt"}
    assert list(doc.ents) == []


def test_places_join_into_one_span(ents_nlp):
    assert ents(ents_nlp, "湖南衡阳、四川南充等地，江西省抚州市的干部") == [
        ("湖南衡阳", "GPE", "湖南省衡阳市"),
        ("四川南充", "GPE", "四川省南充市"),
        ("江西省抚州市", "GPE", "江西省抚州市"),
    ]
    assert ents(ents_nlp, "他在亚洲和欧洲访问，长江经济带") == [("亚洲", "LOC", ""), ("欧洲", "LOC", ""), ("长江经济带", "LOC", "")]  # a region of its own, not the river
    # the same place twice side by side is two mentions (a property test found 衡阳衡阳 read as one)
    assert ents(ents_nlp, "衡阳衡阳") == [("衡阳", "GPE", "湖南省衡阳市"), ("衡阳", "GPE", "湖南省衡阳市")]


def test_tag_based_entities_can_be_turned_off():
    nlp = tifalens.load(components=("tifa_structure", "tifa_terms"))
    nlp.add_pipe("tifa_entities", config={"use_tags": False})
    assert ents(nlp, "中组部部长在湖南衡阳会见习近平同志") == [("中组部", "ORG", "中共中央组织部")]
    places_only = tifalens.load(components=())
    places_only.add_pipe("tifa_entities", config={"tag_labels": {"nr": "", "nrfg": "", "nt": ""}})
    assert ents(places_only, "中组部部长在湖南衡阳会见习近平同志") == [("中组部", "ORG", "中共中央组织部"), ("湖南衡阳", "GPE", "湖南省衡阳市")]


NAMES = sorted({f for inst in PACKAGED.entries for f in inst.forms} | {"湖南", "衡阳", "习近平同志", "教授韩福国", "李强"})
FILLER = st.text(alphabet=st.sampled_from("的在和、，。中央部国务院总理长市省人民政府“”学习 ab1"), max_size=4)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(FILLER, st.sampled_from(NAMES)), min_size=1, max_size=6))
def test_ents_never_overlap_and_kb_ids_are_full_names(ents_nlp, parts):
    doc = ents_nlp("".join(filler + name for filler, name in parts))
    last_end = 0
    for e in doc.ents:
        assert e.start >= last_end
        last_end = e.end
        if e.kb_id_:
            inst = PACKAGED.get(e.text)
            if inst is not None:
                assert inst.name == e.kb_id_ and inst.label == e.label_
            else:  # a place (湖南, or 澳门 of an institution's name the segmenter cut): the full name of a division it names
                assert e.label_ == "GPE" and e.kb_id_ in {GAZETTEER.full_name(p) for p in GAZETTEER.places(e.text)}


# -- the seed -----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_doc(ents_nlp):
    return ents_nlp(tifalens.read(SEED).text)


def test_seed_places_exactly(seed_doc):
    places = Counter(e.text for e in seed_doc.ents if e.label_ in ("GPE", "LOC"))
    # 江苏 of 江苏省委党校 is part of the organisation's name
    assert places == Counter({"北京": 2, "湖南衡阳": 1, "四川南充": 1, "辽宁": 1, "江西省抚州市": 1})
    assert {e.label_ for e in seed_doc.ents if e.text in places} == {"GPE"}


def test_seed_persons_exactly(seed_doc):
    persons = Counter(e.text for e in seed_doc.ents if e.label_ == "PERSON")
    xi = sum(t.text == "习近平" for t in seed_doc)
    assert persons == Counter({"习近平": xi, "韩福国": 1, "时伟": 1})
    first = next(e for e in seed_doc.ents if e.label_ == "PERSON")
    text = seed_doc.text
    assert (first.text, text[first.start_char - 1], text[first.end_char : first.end_char + 2]) == ("习近平", "以", "同志")


def test_seed_organisations_exactly(seed_doc):
    orgs = Counter((e.text, e.kb_id_) for e in seed_doc.ents if e.label_ == "ORG")
    assert orgs == Counter(
        {
            ("党中央", "中国共产党中央委员会"): 26,
            ("中央组织部", "中共中央组织部"): 3,
            ("中组部", "中共中央组织部"): 1,
            ("新华社", "新华通讯社"): 4,
            ("中央政治局常委会", "中共中央政治局常务委员会"): 1,
            ("中央政治局", "中共中央政治局"): 1,
            ("中国共产党", "中国共产党"): 1,
            ("全国代表大会", ""): 2,
            ("中宣部", "中共中央宣传部"): 1,
            ("人民日报社", "人民日报社"): 1,
            ("中央广播电视总台", "中央广播电视总台"): 1,
            ("学习强国", "学习强国"): 1,
            ("复旦大学", ""): 1,
            ("江苏省委党校", ""): 1,
        }
    )


def test_seed_documents_and_works_exactly(seed_doc):
    # 中共中央 in the title of the notice is no organisation of its own; 《通知》 later shortens it
    titled = [(e.text, e.label_, e.kb_id_) for e in seed_doc.ents if e.label_ in ("LAW", "WORK_OF_ART")]
    assert titled == [
        ("中共中央关于党的二十大代表选举工作的通知", "LAW", ""),
        ("通知", "LAW", "中共中央关于党的二十大代表选举工作的通知"),
        ("党的二十大代表选举工作流程图", "WORK_OF_ART", ""),
        ("警钟长鸣", "WORK_OF_ART", ""),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a law, a Party regulation with its edition's note; the names in them are no entities
        ("依据《中华人民共和国监察法》和《中国共产党纪律处分条例（2023年修订）》处理。", [
            ("中华人民共和国监察法", "LAW", ""), ("中国共产党纪律处分条例（2023年修订）", "LAW", ""),
        ]),
        # a shortened name takes the last document of its kind named in full; an unknown one has none
        ("印发《中央企业领导人员管理规定》（以下简称《规定》）。《规定》强调，坚持《暂行规定》。", [
            ("中央企业领导人员管理规定", "LAW", ""), ("规定", "LAW", "中央企业领导人员管理规定"),
            ("规定", "LAW", "中央企业领导人员管理规定"), ("暂行规定", "LAW", ""),
        ]),
        # books, newspapers, articles
        ("学习《习近平谈治国理政》第四卷，读《人民日报》评论员文章《坚定不移推进全面从严治党》。", [
            ("习近平谈治国理政", "WORK_OF_ART", ""), ("人民日报", "WORK_OF_ART", ""), ("坚定不移推进全面从严治党", "WORK_OF_ART", ""),
        ]),
        # title marks around a sentence or across a line name nothing
        ("他说《我们要把这件事办好。》\n《未完\n待续》", []),
    ],
)
def test_names_in_title_marks_are_documents_or_works(ents_nlp, text, expected):
    doc = ents_nlp(text)
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents if e.label_ in ("LAW", "WORK_OF_ART")] == expected
    assert not [e for e in doc.ents if e.label_ in ("PERSON", "GPE", "ORG") and e.text in ("中华人民共和国", "中国共产党", "习近平")]


def test_seed_json_entities_validate_and_point_at_the_text(ents_nlp):
    source = tifalens.read(SEED)
    data = to_dict(ents_nlp(source.text), source)
    jsonschema.validate(data, schema())
    assert data["entities"][0] == {
        "text": "中组部",
        "label": "ORG",
        "kb_id": "中共中央组织部",
        "title": None,
        **dict(zip(("start", "end"), (source.text.index("中组部"), source.text.index("中组部") + 3))),
        "orig_start": data["entities"][0]["orig_start"],
        "orig_end": data["entities"][0]["orig_end"],
    }
    for e in data["entities"]:
        assert source.text[e["start"] : e["end"]] == e["text"]
        assert source.original[e["orig_start"] : e["orig_end"]] == e["text"]
    unlinked_orgs = [e["text"] for e in data["entities"] if e["label"] == "ORG" and e["kb_id"] is None]
    assert sorted(unlinked_orgs) == ["全国代表大会", "全国代表大会", "复旦大学", "江苏省委党校"]
    assert all(e["kb_id"] is None for e in data["entities"] if e["label"] == "PERSON")
    places = sorted({(e["text"], e["kb_id"]) for e in data["entities"] if e["label"] == "GPE"})
    assert places == [
        ("北京", "北京市"),
        ("四川南充", "四川省南充市"),
        ("江西省抚州市", "江西省抚州市"),
        ("湖南衡阳", "湖南省衡阳市"),
        ("辽宁", "辽宁省"),
    ]


# -- saving -------------------------------------------------------------------


def test_user_institutions_travel_with_the_pipeline(tmp_path, user_nlp):
    user_nlp.to_disk(tmp_path / "model")
    restored = tifalens.load()
    restored.get_pipe("tifa_entities").from_disk(tmp_path / "model" / "tifa_entities")
    assert ents(restored, "抚州市政府") == [("抚州市政府", "ORG", "江西省抚州市人民政府")]
    loaded = spacy.load(tmp_path / "model")
    assert ents(loaded, "复旦国务学院和中组部") == [
        ("复旦国务学院", "ORG", "复旦大学国际关系与公共事务学院"),
        ("中组部", "ORG", "中共中央组织部"),
    ]


# -- the institutions loader -----------------------------------------------------

ROW_ERRORS = [
    ("bad_header", "name\tshort\n中组部\tx\n", 1, "bad header"),
    ("no_name_column", "aliases\tlabel\n中组部\tORG\n", 1, "bad header"),
    ("too_many_fields", HEADER + "新华通讯社\t新华社\tORG\t\textra\n", 2, "5 fields but the header has 4"),
    ("empty_name", HEADER + "新华通讯社\t新华社\tORG\t\n\t中组部\tORG\t\n", 3, "empty name"),
    ("unknown_label", HEADER + "新华通讯社\t新华社\tAGENCY\t\n", 2, "unknown label 'AGENCY'"),
    ("duplicate_alias", HEADER + "新华通讯社\t新华社\tORG\t\n新华社\t\tORG\t\n", 3, "'新华社' already defined on line 2"),
    ("alias_twice_in_row", HEADER + "新华通讯社\t新华社|新华社\tORG\t\n", 2, "listed twice"),
    ("space_in_name", HEADER + "新华 通讯社\t\tORG\t\n", 2, "contains white space or '|'"),
]


@pytest.mark.parametrize(("body", "line", "problem"), [r[1:] for r in ROW_ERRORS], ids=[r[0] for r in ROW_ERRORS])
def test_loader_errors_name_file_and_line(tmp_path, body, line, problem):
    path = tmp_path / "bad.tsv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_institutions(path)
    assert str(info.value).startswith(f"{path}:{line}: ")
    assert problem in str(info.value)


def test_loader_non_utf8_names_line(tmp_path):
    path = tmp_path / "gbk.tsv"
    path.write_bytes((HEADER + "新华通讯社\t新华社\tORG\t\n").encode("gb18030"))
    with pytest.raises(LexiconError) as info:
        load_institutions(path)
    assert str(info.value) == f"{path}:2: not UTF-8 (bad byte at offset {len(HEADER)}); save the file as UTF-8"


def test_loader_missing_and_empty_files(tmp_path):
    with pytest.raises(LexiconError, match="no such institutions file"):
        load_institutions(tmp_path / "absent.tsv")
    (tmp_path / "empty.tsv").write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"empty\.tsv: no header row"):
        load_institutions(tmp_path / "empty.tsv")
    with pytest.raises(LexiconError, match="no such institutions file"):
        tifalens.load(components=()).add_pipe("tifa_entities", config={"extra_institutions": [str(tmp_path / "absent.tsv")]})


def test_loader_accepts_bom_crlf_comments_and_defaults(tmp_path):
    path = tmp_path / "ok.tsv"
    path.write_bytes("\ufeff# list\r\nname\taliases\r\n\r\n新华通讯社\t新华社| 新华\r\n".encode("utf-8"))
    assert load_institutions(path) == [Institution(name="新华通讯社", aliases=("新华社", "新华"), label="ORG")]


def test_packaged_institutions_load():
    entries = packaged_institutions()
    assert len(entries) >= 50
    assert PACKAGED.get("中组部").name == "中共中央组织部"
    assert PACKAGED.get("新华社").name == "新华通讯社"
    assert all(inst.label in ("ORG", "GPE", "LOC", "FAC", "NORP") for inst in entries)


def test_later_rows_replace_earlier_ones():
    old = Institution(name="甲委员会", aliases=("甲委",))
    new = Institution(name="甲委员会", aliases=("甲会",))
    other = Institution(name="乙委员会", aliases=("甲委",))
    merged = Institutions.merged([old], [new], [other])
    assert [(i.name, i.aliases) for i in merged.entries] == [("甲委员会", ("甲会",)), ("乙委员会", ("甲委",))]
    assert merged.get("甲委").name == "乙委员会"


def test_rules_data_is_consistent():
    rules = entity_rules()
    assert len(rules.surnames) >= 200
    assert not rules.generic_orgs & set(rules.places)
    assert rules.person_shape("习近平") and rules.person_shape("欧阳修") and not rules.person_shape("李家")


def test_json_schema_declares_entities():
    s = schema()
    assert "entities" in s["required"]
    assert s["$defs"]["entity"]["required"] == ["text", "label", "kb_id", "title", "start", "end", "orig_start", "orig_end"]
    json.dumps(s)


# -- places: the gazetteer of administrative divisions --------------------------


def test_cities_alone_are_places_named_in_full(ents_nlp):
    # jieba tags each ns; none is in the short list of names in data/entities.json.
    assert ents(ents_nlp, "代表们从深圳、延安和乌鲁木齐来到北京") == [
        ("深圳", "GPE", "广东省深圳市"),
        ("延安", "GPE", "陕西省延安市"),
        ("乌鲁木齐", "GPE", "新疆维吾尔自治区乌鲁木齐市"),  # the city, which holds 乌鲁木齐县
        ("北京", "GPE", "北京市"),
    ]


def test_a_division_joins_the_place_before_it_whatever_its_tag(ents_nlp):
    doc = ents_nlp("他先后在河北正定、福建宁德和浙江工作")
    assert {t.text: t.tag_ for t in doc if t.text in ("正定", "宁德")} == {"正定": "d", "宁德": "nr"}
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("河北正定", "GPE", "河北省石家庄市正定县"),
        ("福建宁德", "GPE", "福建省宁德市"),
        ("浙江", "GPE", "浙江省"),
    ]


def test_official_names_of_one_division_are_places_whatever_their_tag(ents_nlp):
    doc = ents_nlp("市北区依托网格，平房区动漫基地")
    assert {t.text: t.tag_ for t in doc if t.text in ("市北区", "平房区")} == {"市北区": "n", "平房区": "n"}
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("市北区", "山东省青岛市市北区"), ("平房区", "黑龙江省哈尔滨市平房区")]


def test_a_name_several_divisions_share_gets_no_full_name_without_context(ents_nlp):
    assert ents(ents_nlp, "北京朝阳和江苏南京鼓楼区") == [
        ("北京朝阳", "GPE", "北京市朝阳区"),
        ("江苏南京鼓楼区", "GPE", "江苏省南京市鼓楼区"),
    ]
    assert GAZETTEER.resolve(["鼓楼区"]) is None and len({p.code for p in GAZETTEER.places("鼓楼区")}) > 1


def test_renamed_counties_resolve_to_the_current_name(ents_nlp):
    assert ents(ents_nlp, "江苏海安、重庆武隆、山东即墨") == [
        ("江苏海安", "GPE", "江苏省南通市海安市"),
        ("重庆武隆", "GPE", "重庆市武隆区"),
        ("山东即墨", "GPE", "山东省青岛市即墨区"),
    ]
    # the old names still read as places: older texts use them
    assert ents(ents_nlp, "即墨市的干部")[0][:2] == ("即墨市", "GPE")


def test_everyday_words_are_not_places(ents_nlp):
    # jieba tags 城市 上市 江南 ns; 新建 is also 南昌's 新建区, 老城区 洛阳's, 和县 安徽's.
    doc = ents_nlp("城市建设、企业上市、城镇化、山区群众、新建项目、江南水乡，让老城区发展更好，市工商局和县（区）委")
    assert [(e.text, e.kb_id_) for e in doc.ents] == []
    doc = ents_nlp("城中村改造，建设大都市，跻身百强县，各县区要落实，经开区和周边地区发展。")
    assert [e.text for e in doc.ents] == []
    assert ents(ents_nlp, "洛阳老城区") == [("洛阳老城区", "GPE", "河南省洛阳市老城区")]
    # a count of settlements names a programme; a place may still open with a numeral
    doc = ents_nlp("实施“百县千镇万村”高质量发展工程，千村万户受益。")
    assert [e.text for e in doc.ents] == []
    assert ents(ents_nlp, "十堰市和万州区") == [("十堰市", "GPE", "湖北省十堰市"), ("万州区", "GPE", "重庆市万州区")]


def test_words_around_a_place_that_are_no_place_are_left_out(ents_nlp):
    doc = ents_nlp("扎根武汉，青岛中联，南京南站")
    assert {t.text: t.tag_ for t in doc if t.text in ("扎根", "中联")} == {"扎根": "ns", "中联": "ns"}
    assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "GPE"] == [
        ("武汉", "湖北省武汉市"),
        ("青岛", "山东省青岛市"),
        ("南京", "江苏省南京市"),
    ]


def test_packaged_gazetteer_holds_every_level():
    levels = Counter(GAZETTEER.places(p.name)[0].level for p in {p for form in ("北京", "深圳", "正定县") for p in GAZETTEER.places(form)})
    assert levels == Counter({"province": 1, "prefecture": 1, "county": 1})
    assert len(GAZETTEER) > 3200
    assert GAZETTEER.full_name(GAZETTEER.resolve(["内蒙古"])) == "内蒙古自治区"
    assert GAZETTEER.full_name(GAZETTEER.resolve(["延边"])) == "吉林省延边朝鲜族自治州"
    assert GAZETTEER.full_name(GAZETTEER.resolve(["云南", "大理"])) == "云南省大理白族自治州"


@pytest.mark.parametrize(
    "text, message",
    [
        ("code\tname\n", "places.tsv: line 1: header must be code, name, short, level, status"),
        ("code\tname\tshort\tlevel\tstatus\n4403\t深圳市\t深圳\tprefecture\tcurrent\n", "places.tsv: line 2: expected a 6-digit code"),
        ("code\tname\tshort\tlevel\tstatus\n# note\n440300\t深圳市\t深圳\tcity\tcurrent\n", "places.tsv: line 3: expected a 6-digit code"),
        ("code\tname\tshort\tlevel\tstatus\n440300\t深圳市\t深圳\tprefecture\tnew\n", "status (current/former)"),
    ],
)
def test_places_table_errors_name_the_line(text, message):
    with pytest.raises(LexiconError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_places(text, name="places.tsv")


DIVISION_NAMES = sorted(GAZETTEER._distinct)[:: len(GAZETTEER._distinct) // 60] + ["福建省", "宁德市", "正定县", "宁德"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(DIVISION_NAMES), st.text(alphabet="省市县区旗和的、宁德正定福建", max_size=3)), max_size=12))
def test_division_names_are_found_as_by_aho_corasick(parts):
    from tifalens.lexicon.matching import FormIndex

    text = "".join(parts)
    assert GAZETTEER.find_names(text) == FormIndex(GAZETTEER._distinct).find(text)


# -- persons: names jieba cuts short, foreign names -----------------------------


def test_a_name_cut_after_its_second_character_is_made_whole(ents_nlp):
    doc = ents_nlp("浙江省委书记易炼红参加。")
    assert {t.text: t.tag_ for t in doc if t.text in ("易炼", "红")} == {"易炼": "nr", "红": "a"}
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["易炼红"]


def test_a_conjunction_before_a_pause_ends_a_name_after_a_title(ents_nlp):
    # jieba cuts 周清|和 and 李永|才: before a pause they end the name; before a name or a verb 和 is a conjunction
    doc = ents_nlp("公司党委书记、董事长周清和，研究院院长李永才、主任张华出席。书记王大和出席会议。")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["周清和", "李永才", "张华"]


def test_a_name_before_a_township_word_is_the_township_s(ents_nlp):
    # jieba tags 白土岗 and 张山营 nr; 乡, 镇 or 街道 after them as words of their own make them townships (乡长 is a title)
    doc = ents_nlp("在位于白土岗乡的养殖场，张山营镇的干部和王明乡长都来了。")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["王明"]


def test_a_verb_jieba_cuts_off_a_name_ends_it_before_a_time_word(ents_nlp):
    # 杨国(ns)|赐(v)|昨（八）日: after a title, before 昨 or 今, the verb is the name's last character
    doc = ents_nlp("嘉义大学校长杨国赐昨（八）日在发表会上说，书记王明今天到村里调研。")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["杨国赐", "王明"]


def test_a_surname_cut_off_after_a_title_or_an_appointment_verb_joins_its_given_name(ents_nlp):
    doc = ents_nlp("免去赵立新的副主任职务；任命孙卫东为外交部副部长。书记赵立新指出，主任王在会上说明，任命制度改革。")
    assert [(t.text, t.tag_) for t in doc if t.text in ("赵", "立新", "孙", "卫东")] == [("赵", "nr"), ("立新", "d"), ("孙", "zg"), ("卫东", "nr"), ("赵", "nr"), ("立新", "d")]
    # 王 before 在 is no name; 制度 after 任命 is no given name
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["赵立新", "孙卫东", "赵立新"]
    # and a notice's verb vouches for a two-character name as a title does
    assert [e.text for e in ents_nlp("免去刘洋的职务，提名王伟为候选人。").ents if e.label_ == "PERSON"] == ["刘洋", "王伟"]
    # a compound surname jieba reads as a place (欧阳 ns), and one whose given name's last character it glues to 为
    doc = ents_nlp("免去欧阳文华的国家统计局局长职务；任命诸葛明为副部长。")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["欧阳文华", "诸葛明"]
    # military offices and ranks are titles, and a surname jieba tags a bound noun (林 ng) is one after them
    doc = ents_nlp("东部战区司令员林向阳上将，政治委员刘青松上将，参谋长王海出席。其中将有100人参加。")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["林向阳", "刘青松", "王海"]
    # a surname jieba tags an adjective (严 a | 金海 ns, 高 a | 金海 ns); not an adjective in a word of its own (严格要求)
    doc = ents_nlp("自治区主席严金海出席会议，市长高金海讲话，书记严格要求，局长严肃指出。")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["严金海", "高金海"]


def test_names_after_a_deputy_title_whatever_jieba_tags_their_parts(ents_nlp):
    text = "农业农村部副部长张兴旺、国家发展改革委副主任许甘露、国家统计局副局长盛来运出席。张兴旺：今年以来形势很好。民革中央主席万鄂湘代表民革讲话。"
    doc = ents_nlp(text)
    # 张 q + 兴旺 ns, 许 m + 甘露 v, 盛来 v + 运 n, 万 m + 鄂 nr + 湘 ns
    assert [(t.text, t.tag_) for t in doc if t.text in ("张", "兴旺", "许", "甘露", "盛来", "运")][:6] == [
        ("张", "q"), ("兴旺", "ns"), ("许", "m"), ("甘露", "v"), ("盛来", "v"), ("运", "n")
    ]
    assert [(e.text, e.label_, e.start_char) for e in doc.ents if e.label_ in ("PERSON", "ORG")] == [
        ("农业农村部", "ORG", 0), ("张兴旺", "PERSON", 8), ("国家发展改革委", "ORG", 12), ("许甘露", "PERSON", 22),
        ("国家统计局", "ORG", 26), ("盛来运", "PERSON", 34), ("张兴旺", "PERSON", 40), ("民革中央", "ORG", 53),
        ("万鄂湘", "PERSON", 59), ("民革", "ORG", 64),
    ]


def test_a_three_character_name_before_shuo_is_whole(ents_nlp):
    text = "永安镇党委书记陈训武说，集团党委书记龙宝正说，检察长邓根保说：“好。”主任王刚说。"
    assert [(e.text, e.start_char) for e in ents_nlp(text).ents if e.label_ == "PERSON"] == [
        ("陈训武", 7), ("龙宝正", 18), ("邓根保", 26), ("王刚", 37)
    ]


def test_a_name_that_says_something_after_a_clause_or_a_role_is_a_person(ents_nlp):
    text = "李家超说，过去一年很好。该连党员薛浩说，连队好。“好。”刘锦说。党支部书记钱桂林表示同意。协会严正指出：不对。"
    assert [(e.text, e.start_char) for e in ents_nlp(text).ents if e.label_ == "PERSON"] == [
        ("李家超", 0), ("薛浩", 16), ("刘锦", 28)
    ]  # 钱 is a surname jieba reads as a noun before 桂林: no role, and no name found


def test_a_divisions_congress_consultative_conference_and_discipline_commission_are_organisations(ents_nlp):
    text = "江西省南昌市政协原副主席李某某，南昌市政协主席出席，本溪市人大常委会审议，海淀区纪委监委通报，浙江省人大代表发言。"
    assert [(e.text, e.label_) for e in ents_nlp(text).ents] == [
        ("江西省南昌市政协", "ORG"), ("李某某", "PERSON"), ("南昌市政协", "ORG"), ("本溪市人大常委会", "ORG"), ("海淀区纪委监委", "ORG"), ("浙江省", "GPE")
    ]  # 人大代表 is a deputy, not the congress


def test_regions_named_in_several_words_are_places_of_their_own(ents_nlp):
    text = "雄安新区和粤港澳大湾区建设取得新进展，推动长江经济带发展和河南省黄河流域生态保护。长三角研究院成立。"
    assert [(e.text, e.label_) for e in ents_nlp(text).ents] == [
        ("雄安新区", "GPE"), ("粤港澳大湾区", "LOC"), ("长江经济带", "LOC"), ("河南省", "GPE"), ("黄河流域", "LOC"), ("长三角研究院", "ORG")
    ]


def test_no_name_after_a_title_from_words_that_only_look_like_one(ents_nlp):
    # 常态+化 is a derived noun, 任务+重 an adjective, 南沟+社区 a place
    text = "用于企业党组织书记常态化培训。村党组织书记任务重、压力大。十九大代表段南沟社区党总支书记任红出席。"
    assert [e.text for e in ents_nlp(text).ents if e.label_ == "PERSON"] == ["任红"]


def test_a_place_nouns_and_a_head_jieba_reads_apart_are_one_organisation(ents_nlp):
    doc = ents_nlp("中国历史研究院、浙江省农业科学院、深圳市腾讯计算机系统有限公司、江苏省委党校和中国科学技术大学的专家，浙江省台州市市场监管局和个协会。")
    assert [(t.text, t.tag_) for t in doc][:3] == [("中国", "ns"), ("历史", "n"), ("研究院", "n")]
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "ORG"] == [
        ("中国历史研究院", "ORG"),
        ("浙江省农业科学院", "ORG"),
        ("深圳市腾讯计算机系统有限公司", "ORG"),
        ("江苏省委党校", "ORG"),
        ("中国科学技术大学", "ORG"),
        ("浙江省台州市市场监管局", "ORG"),  # the body ends at its first head
    ]
    assert not [e for e in doc.ents if e.label_ == "GPE"]  # the places in them are no place mentions
    # a body that ends with an organisation the tags found is one name, never two overlapping ones
    doc = ents_nlp("福建省宁德市东侨经济技术开发区工商行政管理局\n江西省宜春市工商行政管理局")
    assert [(e.text, e.label_) for e in doc.ents] == [("福建省宁德市东侨经济技术开发区工商行政管理局", "ORG"), ("江西省宜春市工商行政管理局", "ORG")]
    # a place and a short head, or a word that only ends like a head, is no body; a company's branch is one
    doc = ents_nlp("中国大学生很多。中国移动北京分公司。中国经济社会发展新格局。")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ in ("GPE", "ORG")] == [("中国", "GPE"), ("中国移动北京分公司", "ORG"), ("中国", "GPE")]


def test_a_company_is_named_by_its_legal_form_or_by_a_name_before_its_head(ents_nlp):
    text = (
        "中车株洲电力机车有限公司党委书记出席，湖南兵器长城机械有限公司、国家电网有限公司和华菱钢铁集团有限责任公司签约。"
        "阿里巴巴集团、腾讯公司参加。中国公司在海外投资，该公司和某科技公司负责人说，全省电力公司也来了。"
    )
    assert [e.text for e in ents_nlp(text).ents if e.label_ == "ORG"] == [
        "中车株洲电力机车有限公司", "湖南兵器长城机械有限公司", "国家电网有限公司", "华菱钢铁集团有限责任公司", "阿里巴巴集团", "腾讯公司",
    ]
    # before a legal form, a brand word jieba tags oddly (粤能 v, 首新 d, 诚通 a) after a place is in the name; a
    # particle or a preposition before the place is not (亳州的|安徽济人药业有限公司, 街道与|湖南标志房地产有限公司)
    text = "联合深圳市粤能环保科技有限公司、北京首新屋宇资产管理有限公司、中国诚通控股集团有限公司、亳州的安徽济人药业有限公司和青园街道与湖南标志房地产有限公司开展活动。"
    assert [e.text for e in ents_nlp(text).ents if e.label_ == "ORG"] == [
        "深圳市粤能环保科技有限公司", "北京首新屋宇资产管理有限公司", "中国诚通控股集团有限公司", "安徽济人药业有限公司", "湖南标志房地产有限公司",
    ]


def test_a_name_shaped_word_after_a_title_is_a_person_whatever_jieba_tags_it(ents_nlp):
    doc = ents_nlp("空军工程大学政委褚宏彬、集团董事长方联民表示支持，主任苗华说要学习。")
    assert [(t.text, t.tag_) for t in doc][4:9] == [("褚宏彬", "nz"), ("、", "x"), ("集团", "n"), ("董事长", "n"), ("方联民", "n")]
    # not a name and a verb jieba holds as one word
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"] == [("褚宏彬", "PERSON"), ("方联民", "PERSON")]


def test_a_party_committee_after_its_place_is_an_organisation(ents_nlp):
    # jieba holds the committee and the office as one word (市委书记, 省委常委), the place apart
    doc = ents_nlp("深圳市委书记孟凡利、福建省委常委王永礼和浙江省委书记王浩出席，海淀区委召开会议。")
    assert [(t.text, t.tag_) for t in doc][:4] == [("深圳", "ns"), ("市委", "n"), ("书记", "n"), ("孟凡利", "nr")]
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("深圳市委", "ORG"), ("孟凡利", "PERSON"), ("福建省委", "ORG"), ("王永礼", "PERSON"), ("浙江省委", "ORG"), ("王浩", "PERSON"), ("海淀区委", "ORG"),
    ]  # fmt: skip
    # a longer body that goes on from the committee is the organisation; with no place before it the office stays one word
    doc = ents_nlp("广西区委党校和荆州市委机构编制委员会的专家。市委书记表示欢迎。")
    assert [(e.text, e.label_) for e in doc.ents] == [("广西区委党校", "ORG"), ("荆州市委机构编制委员会", "ORG")]
    assert "市委书记" in [t.text for t in doc]
    # a place jieba tags as a person's name before the committee and office is a place (余杭 nr, 克拉玛依 nr)
    doc = ents_nlp("余杭区委书记刘颖和新疆克拉玛依市委书记张三出席。")
    assert [(e.text, e.label_) for e in doc.ents] == [("余杭区委", "ORG"), ("刘颖", "PERSON"), ("新疆克拉玛依市委", "ORG"), ("张三", "PERSON")]
    # the Party's name opens a committee's full name (中共|杭州市委, 中共|余杭(nr)|区委); not a congress or a
    # four-character phrase jieba tags a name before a committee (严格执行(nr)|省委)
    doc = ents_nlp("中共杭州市委和中共余杭区委召开会议，中共浙江省纪委、中共山东省政协出席，严格执行省委决定。")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("中共杭州市委", "ORG"), ("中共余杭区委", "ORG"), ("中共浙江省纪委", "ORG"), ("中共", "ORG"), ("山东省政协", "ORG"),
    ]  # fmt: skip


def test_a_verb_or_particle_after_a_name_is_not_part_of_it(ents_nlp):
    assert [e.text for e in ents_nlp("记者王旭说，部长周强在北京，总理韩正和部长王瑞杰会见").ents if e.label_ == "PERSON"] == [
        "王旭",
        "周强",
        "韩正",
        "王瑞杰",
    ]


def test_foreign_names_after_a_title(ents_nlp):
    doc = ents_nlp("美国总统拜登、俄罗斯总统普京和美国国务卿布林肯")
    assert {t.text: t.tag_ for t in doc if t.text in ("拜登", "普京")} == {"拜登": "nrt", "普京": "nrt"}  # jieba: 普京 ns
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("美国", "GPE"), ("拜登", "PERSON"), ("俄罗斯", "GPE"), ("普京", "PERSON"), ("美国", "GPE"), ("布林肯", "PERSON"),
    ]
    # a place after such a title stays a place
    assert ents(ents_nlp, "非盟轮值主席国总统南非之行")[-1][:2] == ("南非", "GPE")


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        # jieba reads 拉克|森将, 斯塔|默, 马克|龙, 特朗|普: the segmenter keeps the name whole after the title
        ("新西兰总理拉克森将访华，英国首相斯塔默表示欢迎。", ["拉克森", "斯塔默"]),
        ("法国总统马克龙特别强调，巴西总统卢拉达成协议。", ["马克龙", "卢拉"]),  # 特别, 达成 are words
        ("俄罗斯总统普京同美国总统特朗普通电话。", ["普京", "特朗普"]),  # 通电话 is a word: 普 stays in the name
        ("联合国秘书长安东尼奥·古特雷斯说。", ["安东尼奥·古特雷斯"]),
        ("国家主席习近平同乌兹别克斯坦总统米尔济约耶夫通电话。", ["习近平", "米尔济约耶夫"]),  # 济 in a Central Asian name
        # a title after a place is no name (德国总理 nr), a surname and a title still name someone
        ("德国总理默茨说，陈先生和吴书记也来了。", ["默茨", "陈先生", "吴书记"]),
    ],
)
def test_transliterated_names_after_a_foreign_title_are_whole(ents_nlp, text, persons):
    doc = ents_nlp(text)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == persons
    assert [len(e) for e in doc.ents if e.label_ == "PERSON"] == [1] * len(persons)  # one token each


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        # jieba reads 艾尔肯|·|吐|尼亚|孜作 and 雪|克来提·扎克尔: a name written with a dot is one person, one token,
        # wherever it stands, a title before it or none
        ("自治区主席艾尔肯·吐尼亚孜作政府工作报告。", ["艾尔肯·吐尼亚孜"]),
        ("雪克来提·扎克尔会见客人，阿不都热依木·买买提说，收入增加了。", ["雪克来提·扎克尔", "阿不都热依木·买买提"]),
        ("马克思·韦伯提出了这一观点。", ["马克思·韦伯"]),  # 提出 is a word: 提 is no part of the name
        # the name opens where jieba's name before the dot does (列夫 nr), not inside a word (人文 of 人文·未来)
        ("作家列夫·托尔斯泰的小说，“人文·未来”论坛。", ["列夫·托尔斯泰"]),
        # a character of no transliteration between two that are (凡 of 斯特凡纳): not the end of the name after a title
        ("法国外长斯特凡纳·塞茹尔将于3月13日访华。", ["斯特凡纳·塞茹尔"]),
        # a word of grammar after the dot ends the name, though a character of transliteration follows it, and so does
        # a word between two such characters (心里 of …麦提心里美滋滋)
        ("学者奥拉夫·雷茨则将恩格斯的著作译成德文，班禅额尔德尼·确吉杰布的讲话。", ["奥拉夫·雷茨则", "班禅额尔德尼·确吉杰布"]),
        ("贫困户麦麦提阿卜杜拉·艾则麦提心里美滋滋。", ["麦麦提阿卜杜拉·艾则麦提"]),
        ("弗拉基米尔·伊里奇·列宁的著作。", ["弗拉基米尔·伊里奇·列宁"]),  # (列宁 opens a part: it is the name's)
        # a dot in a slogan, a title or a date joins no name (one character on a side)
        ("“会·互”活动启动，“文·未来”论坛举行，一二·九运动纪念日。", []),
    ],
)
def test_a_name_written_with_a_dot_is_a_person_wherever_it_stands(ents_nlp, text, persons):
    doc = ents_nlp(text)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == persons
    assert [len(e) for e in doc.ents if e.label_ == "PERSON"] == [1] * len(persons)


def test_a_tibetan_name_of_two_parts_is_a_person(ents_nlp):
    # jieba reads 洛桑|江村 (a place), 多吉|次珠, 扎西(ns)|次仁; no surname opens them
    doc = ents_nlp("西藏自治区人大常委会主任洛桑江村主持会议，嘎玛泽登、多吉次珠出席。扎西次仁说，次仁卓玛是乡村医生。")
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    assert [e.text for e in persons] == ["洛桑江村", "嘎玛泽登", "多吉次珠", "扎西次仁", "次仁卓玛"]
    assert [(len(e), e[0].tag_) for e in persons] == [(1, "nr")] * 5
    # one part is no name, nor a lake and a palace with one in their names
    assert [(e.text, e.label_) for e in ents_nlp("格桑花开了。罗布泊和罗布林卡都很有名。").ents if e.label_ == "PERSON"] == []


def test_titles_chinese_officials_hold_too_name_foreigners_in_the_characters_of_transliteration(ents_nlp, nlp):
    # 部长, 行长, 主席 before a foreign name (财政部长耶伦, 世界银行行长彭安杰, 顾问委员会主席蒂姆・库克 with the katakana
    # dot); before a Chinese name with a verb glued to it, the Chinese name's rules
    doc = ents_nlp("美国国务卿布林肯、财政部长耶伦、商务部长雷蒙多出席。世界银行行长彭安杰表示欢迎。商务部长王文涛说。")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["布林肯", "耶伦", "雷蒙多", "彭安杰", "王文涛"]
    text = "苹果公司顾问委员会主席蒂姆・库克表示。"
    (person,) = [e for e in tifalens.analyze(text, nlp=nlp).to_dict()["entities"] if e["label"] == "PERSON"]
    assert (person["text"], text[person["orig_start"] : person["orig_end"]]) == ("蒂姆·库克", "蒂姆・库克")


def test_villages_jieba_reads_as_names_are_no_persons(ents_nlp):
    # a name jieba guesses for a village (崔各庄, 马连庄) or a family's camp (关家营); a titled name still counts
    doc = ents_nlp("朝阳区崔各庄乡的村民来到马连庄和关家营参观。2008年7月，营长侯法营毕业后分配到边防连工作。")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["侯法营"]


def test_china_and_a_partner_before_an_institution_jieba_reads_as_the_partner_s(ents_nlp):
    # jieba: 中 | 美国防部 (the US Department of Defense); 中美 | 国防部 here, while 美国防部 alone stays the US one
    doc = ents_nlp("双方同意开展中美国防部工作会晤。美国防部发表声明。")
    words = [t.text for t in doc]
    assert words[words.index("中美") - 1 : words.index("中美") + 2] == ["开展", "中美", "国防部"]
    assert [(e.text, e.label_) for e in doc.ents] == [("国防部", "ORG"), ("美国防部", "ORG")]


def test_a_country_and_its_office_jieba_holds_as_one_word_are_a_place_and_a_title(ents_nlp):
    # jieba's dictionary: 德国总理 nr, 日本首相 n; 朔 is a character of transliterated names too
    doc = ents_nlp("德国总理朔尔茨、日本首相岸田文雄、法国总理巴尔尼耶等发来贺电。")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("德国", "GPE"), ("朔尔茨", "PERSON"), ("日本", "GPE"), ("岸田文雄", "PERSON"), ("法国", "GPE"), ("巴尔尼耶", "PERSON"),
    ]  # fmt: skip
    # the rest of a token a name was cut from is tagged as the dictionary tags it (尼耶等 nr -> 等 u)
    assert [(t.text, t.tag_) for t in doc][-5:-3] == [("巴尔尼耶", "nrt"), ("等", "u")]
    # an office jieba holds whole with no place in it stays one word
    assert "内阁总理" in [t.text for t in ents_nlp("内阁总理表示欢迎。")]


def test_a_foreign_name_after_a_title_is_a_person_wherever_else_the_document_has_it(ents_nlp):
    text = "美国总统拜登举行会晤。拜登表示，美方无意同中国发生冲突。"
    assert [(e.text, e.start_char) for e in ents_nlp(text).ents if e.label_ == "PERSON"] == [("拜登", 4), ("拜登", 11)]
    # it vouches for no list it stands in: 白宫 (a surname and a character, tagged nr) is the White House
    text = "当选总统布什发表讲话。代表团在白宫和布什进行了会晤。"
    assert [e.text for e in ents_nlp(text).ents if e.label_ == "PERSON"] == ["布什", "布什"]
    # after a title Chinese officials hold too, a Chinese name the segmenter reads whole is not cut short
    assert [e.text for e in ents_nlp("中央政法委副秘书长雷东生出席。").ents if e.label_ == "PERSON"] == ["雷东生"]


def test_a_name_read_once_is_found_where_jieba_reads_it_otherwise(ents_nlp):
    # 马克|龙|总统 and 李家|超 (李家 ends no name): the document names them in full elsewhere, or a title vouches
    text = "法国总统马克龙致唁电。习近平强调，愿同马克龙总统一道努力。行政长官李家超发表报告。李家超表示欢迎。"
    doc = ents_nlp(text)
    second, last = text.rfind("马克龙"), text.rfind("李家超")
    assert [(e.text, e.start_char) for e in doc.ents if e.label_ == "PERSON"] == [
        ("马克龙", 4), ("习近平", 11), ("马克龙", second), ("李家超", text.find("李家超")), ("李家超", last),
    ]  # fmt: skip
    assert [t.text for t in doc if t.idx in (second, last)] == ["马克", "李家"]  # the segmenter cut them
    # a one-character word that cannot end a name stays apart (书记李家|村)
    assert [e.text for e in ents_nlp("书记李家村的事情").ents if e.label_ == "PERSON"] == []


def test_derived_nouns_jieba_tags_as_names_are_not_persons(ents_nlp):
    doc = ents_nlp("维护制度的严肃性，增强群众安全感，提高向心力。何自力教授和郑智化出席。")
    assert {t.text: t.tag_ for t in doc if t.text in ("严肃性", "安全感", "向心力")} == {"严肃性": "nr", "安全感": "nr", "向心力": "nr"}
    # 何自, 郑智 are no words: those stay names.
    assert [(e.text, e.label_) for e in doc.ents] == [("何自力", "PERSON"), ("郑智化", "PERSON")]
    doc = ents_nlp("递交申请书，发布白皮书，维护国家安全法。孙忠法同志说。")
    assert {t.text: t.tag_ for t in doc if t.text in ("申请书", "白皮书", "安全法")} == {"申请书": "nr", "白皮书": "nr", "安全法": "nr"}
    assert [(e.text, e.label_) for e in doc.ents] == [("孙忠法", "PERSON")]


def test_places_documents_and_events_jieba_tags_as_names_are_not_persons(ents_nlp):
    text = "坚持正确的安全观，参观革命陈列馆和雷达站。申请人须持许可证，沙尘暴过后举行龙舟赛。制定施工图。万国权和李嘉图都是人名。"
    doc = ents_nlp(text)
    words = ("安全观", "陈列馆", "雷达站", "申请人", "许可证", "沙尘暴", "龙舟赛", "施工图")
    assert {t.text: t.tag_ for t in doc if t.text in words} == dict.fromkeys(words, "nr")
    # 万国+权 is a dictionary word and a character that ends names too: a name; 李嘉 is no word
    assert [(e.text, e.label_) for e in doc.ents] == [("万国权", "PERSON"), ("李嘉图", "PERSON")]


def test_a_familys_settlement_jieba_tags_as_a_name_is_not_a_person(ents_nlp):
    doc = ents_nlp("上海青浦区朱家角镇和陆家嘴金融区，延安杨家岭革命旧址。张家辉和王家卫到场。")
    assert {t.text: t.tag_ for t in doc if t.text in ("朱家角", "陆家嘴", "杨家岭")} == {"朱家角": "nr", "陆家嘴": "nr", "杨家岭": "nr"}
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["张家辉", "王家卫"]


def test_a_modifier_and_a_common_word_jieba_tags_as_a_name_is_not_a_person(ents_nlp):
    doc = ents_nlp("推动高水平对外开放，建设高素质干部队伍。这段时间以来，刘建军同志强调，要识大体、顾大局。")
    assert {t.text: t.tag_ for t in doc if t.text in ("高水平", "高素质", "段时间")} == {"高水平": "nr", "高素质": "nr", "段时间": "nr"}
    assert [(e.text, e.label_) for e in doc.ents] == [("刘建军", "PERSON")]
    # a city jieba tags as a name is a place
    doc = ents_nlp("石家庄的发展日新月异。")
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [("石家庄", "GPE", "河北省石家庄市")]


def test_things_places_and_phrases_jieba_tags_as_names_are_not_persons(ents_nlp):
    doc = ents_nlp("拿出真金白银发展高精尖产业，不能凌驾于法律之上。搬迁到贺兰山脚下，吃麦当劳。")
    assert {t.text: t.tag_ for t in doc if t.tag_.startswith("nr")} == {"金白银": "nr", "高精尖": "nr", "凌驾于": "nr", "贺兰山": "nr", "麦当劳": "nrt"}
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == []
    # nor two-character ones a title or a list would vouch for (荣誉会长 is honorary, 广大师生 teachers and students)
    doc = ents_nlp("研究会荣誉会长滕文生出席，书记看望慰问广大师生、职工，顾问委员会开会。")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["滕文生"]


def test_places_jieba_runs_together_are_one_only_when_each_is_inside_the_one_before(ents_nlp):
    # a country, a river or a division not inside the place before it starts another place
    doc = ents_nlp("马鞍山市长江岸线整治，重庆成都两地，河北省定州市，安徽省凤阳县小岗村。")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("马鞍山市", "GPE"), ("长江", "LOC"), ("重庆", "GPE"), ("成都", "GPE"), ("河北省定州市", "GPE"), ("安徽省凤阳县小岗村", "GPE"),
    ]
    # a city's name that opens a street's is the street's (南京西路), not a place of its own
    doc = ents_nlp("上海市静安区南京西路街道。")
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [("上海市静安区", "GPE", "上海市静安区")]


def test_a_body_and_a_title_jieba_holds_as_one_word_are_the_body_and_the_title(ents_nlp):
    # jieba's dictionary has 中央政治局常委 (a member's title) as one nt word; words.tsv takes it out
    doc = ents_nlp("中共中央政治局常委、国务院总理李强出席。中央政治局常委会召开会议。")
    assert [t.text for t in doc][:2] == ["中共中央政治局", "常委"]
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("中共中央政治局", "ORG"), ("国务院", "ORG"), ("李强", "PERSON"), ("中央政治局常委会", "ORG"),
    ]


def test_meetings_and_parts_jieba_tags_as_organisations_are_not_organisations(ents_nlp):
    doc = ents_nlp("研究下发了党委会议事规则，召开联席会和汇报会，发挥团组织作用，党政军一起抓。")
    assert {t.text: t.tag_ for t in doc if t.tag_ == "nt"} == {"党委会": "nt", "联席会": "nt", "汇报会": "nt", "团组织": "nt", "党政军": "nt"}
    assert [e.text for e in doc.ents] == []


def test_a_name_jieba_cut_after_a_compound_title_or_before_a_pause_is_whole(ents_nlp):
    # 孙|大伟 after 党组书记 (one word, ending with a title); 蓝天|立 before a comma (立 is a verb with nothing to say)
    doc = ents_nlp("自治区代主席蓝天立，自治区政协党组书记孙大伟出席会议。")
    assert [(t.text, t.tag_) for t in doc][2:4] == [("蓝天", "nr"), ("立", "v")]
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["蓝天立", "孙大伟"]
    # but a verb of saying is no part of a name
    doc = ents_nlp("副主任杨柱称，要推动发展。")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["杨柱"]


def test_a_title_before_a_space_vouches_for_the_name(ents_nlp):
    doc = ents_nlp("政府工作报告\n国务院总理　李强\n")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"] == [("李强", "PERSON")]
    doc = ents_nlp("总理\n李强\n")  # a line break is no byline
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == []


def test_foreign_countries_and_cities_are_places_whatever_jieba_tags_them(ents_nlp):
    doc = ents_nlp("习近平在旧金山会见美国总统拜登。访问阿富汗、莫斯科和马德里。首尔。")
    assert {t.text: t.tag_ for t in doc if t.text in ("阿富汗", "莫斯科", "马德里", "首尔")} == {
        "阿富汗": "nr", "莫斯科": "nr", "马德里": "nr", "首尔": "d",
    }  # fmt: skip
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("习近平", "PERSON"), ("旧金山", "GPE"), ("美国", "GPE"), ("拜登", "PERSON"), ("阿富汗", "GPE"), ("莫斯科", "GPE"), ("马德里", "GPE"),
        ("首尔", "GPE"),
    ]  # fmt: skip
    doc = ents_nlp("朝鲜平壤举行活动。他买了一个汉堡。")
    assert {t.text: t.tag_ for t in doc if t.text in ("平壤", "汉堡")} == {"平壤": "n", "汉堡": "ns"}
    # two listed places side by side are two places; 汉堡 is as often a hamburger: not listed
    assert [(e.text, e.label_) for e in doc.ents] == [("朝鲜", "GPE"), ("平壤", "GPE")]


def test_two_listed_places_side_by_side_are_two_places_and_a_division_joins_its_province(ents_nlp):
    doc = ents_nlp("约旦中国问题专家认为，北京上海两地和湖南衡阳都很好。")
    assert [(e.text, e.label_) for e in doc.ents] == [("约旦", "GPE"), ("中国", "GPE"), ("北京", "GPE"), ("上海", "GPE"), ("湖南衡阳", "GPE")]


def test_a_two_character_name_vouched_for_once_counts_everywhere_in_the_document(ents_nlp):
    doc = ents_nlp("外交部发言人毛宁主持记者会。\n毛宁：我们注意到有关报道。\n毛宁表示欢迎。王毅外长出席。")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"] == [("毛宁", "PERSON")] * 3 + [("王毅", "PERSON")]
    # without a title, a list or a verb of speech anywhere, a two-character word jieba tags as a name stays out
    assert [e.text for e in ents_nlp("毛宁主持记者会。").ents] == []


def test_a_title_holding_the_name_after_it_vouches_for_nothing_before(ents_nlp):
    doc = ents_nlp("东部战区陆军副司令员张学锋代表说，陆军司令员讲话，丁薛祥副总理出席。")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"] == [("张学锋", "PERSON"), ("丁薛祥", "PERSON")]


def test_foreign_news_agencies_are_organisations(ents_nlp):
    doc = ents_nlp("彭博社、路透社和法新社记者提问。")
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("彭博社", "ORG", "彭博新闻社"), ("路透社", "ORG", "路透社"), ("法新社", "ORG", "法国新闻社"),
    ]  # fmt: skip


def test_kinds_of_settlement_are_not_places(ents_nlp):
    doc = ents_nlp("31个大城市城镇调查失业率为5.0%，特大城市和中小城市协调发展，宁德市持续发展。")
    assert [(e.text, e.label_) for e in doc.ents] == [("宁德市", "GPE")]


def test_common_nouns_jieba_tags_as_organisations_are_not_organisations(ents_nlp):
    doc = ents_nlp("位于大小洋河交汇处，举办音乐会，推动中西部发展。")
    assert {t.text: t.tag_ for t in doc if t.text in ("交汇处", "音乐会", "中西部")} == {"交汇处": "nt", "音乐会": "nt", "中西部": "nt"}
    assert [e for e in doc.ents if e.label_ == "ORG"] == []
    doc = ents_nlp("形成东中西部联动发展的新格局，推动中央全会和省委全会精神落实。")
    assert {t.text: t.tag_ for t in doc if t.text in ("东中西部", "新格局", "中央全会")} == {"东中西部": "nt", "新格局": "nt", "中央全会": "nt"}
    assert [e for e in doc.ents if e.label_ == "ORG"] == []


def test_a_name_the_segmenter_cut_short_is_not_reported(ents_nlp):
    doc = ents_nlp("老书记孙贵树任党支部书记。孙贵树说。")
    assert [t.text for t in doc][2:4] == ["孙贵", "树任"]
    assert [(e.text, e.start_char) for e in doc.ents] == [("孙贵树", 13)]


def test_villages_jieba_tags_as_names_are_not_persons(ents_nlp):
    doc = ents_nlp("张泉村和文明村的村民来到农家院，村支书张俊民介绍。")
    assert {t.text: t.tag_ for t in doc if t.text in ("张泉村", "文明村", "农家院")} == {"张泉村": "nr", "文明村": "nr", "农家院": "nt"}
    # 张泉村 is a village (张泉 is no word); 文明村 is also an honour, left out
    assert [(e.text, e.label_) for e in doc.ents] == [("张泉村", "GPE"), ("张俊民", "PERSON")]
    doc = ents_nlp("沙美村、和平村和高新区，村支书王强说。")
    assert [(e.text, e.label_) for e in doc.ents] == [("沙美村", "GPE"), ("王强", "PERSON")]


def test_a_word_jieba_reads_as_a_name_in_a_parallel_phrase_with_yi_is_none(ents_nlp):
    doc = ents_nlp("明纪以自守，怀德以自重。")
    assert "怀德以" in [t.text for t in doc if t.tag_ == "nr"]
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == []


def test_kinds_of_area_are_not_places(ents_nlp):
    doc = ents_nlp("支持偏远地区和沿海地区发展，新疆阿勒泰地区。")
    assert {t.text: t.tag_ for t in doc if t.text in ("偏远地区", "沿海地区")} == {"偏远地区": "ns", "沿海地区": "ns"}
    assert [(e.text, e.label_) for e in doc.ents] == [("新疆阿勒泰地区", "GPE")]


def test_a_surname_and_mou_name_a_person_a_notice_withholds(ents_nlp):
    doc = ents_nlp("原副市长王某某违规收受礼品。王某某还存在问题。赵某某违规发放津贴。张某、刘某某等人受到处分。某某单位负责人说。")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("王某某", "PERSON"), ("王某某", "PERSON"), ("赵某某", "PERSON"), ("张某", "PERSON"), ("刘某某", "PERSON"),
    ]


def test_transliteration_characters_are_what_the_build_script_prints():
    import importlib.util

    from tifalens.tables import table

    script = Path(__file__).resolve().parents[1] / "scripts" / "build_transliteration.py"
    spec = importlib.util.spec_from_file_location("build_transliteration", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    chars = table("entities")["person"]["transliteration_chars"]
    assert chars == module.transliteration_chars()
    assert "斯" in chars and "京" in chars and not set("人王大中提派") & set(chars)


def test_names_with_the_surnames_hong_mao_niu_and_shou(ents_nlp):
    doc = ents_nlp("居民洪军星热心帮忙。主持人 寿小丽：欢迎收看。茅金虎和钮菊香参加。")
    assert [(e.text, e.label_) for e in doc.ents] == [("洪军星", "PERSON"), ("寿小丽", "PERSON"), ("茅金虎", "PERSON"), ("钮菊香", "PERSON")]


def test_a_quotation_of_several_paragraphs_is_one_speaker_s(nlp):
    # each paragraph of it opens with a quotation mark and only the last closes it; a closing mark mistyped as an
    # opening one (…！“老茅建议…) opens none
    text = (
        "标题\n\n习近平总书记指出：“要把两山理念贯穿始终，久久为功。\n“我们既要绿水青山，也要金山银山。”\n\n"
        "张总找到老茅，“业务会要和党建工作结合起来！“老茅建议他们去遵义开会，大家都很赞同。\n“在红色地标开业务会，已成时尚了。”王明说。\n"
    )
    quotes = tifalens.analyze(text, nlp=nlp).to_dict()["articles"][0]["quotations"]
    assert [(q["text"], q["speaker"] and q["speaker"]["name"]) for q in quotes] == [
        ("要把两山理念贯穿始终，久久为功。", "习近平"),
        ("我们既要绿水青山，也要金山银山。", "习近平"),
        ("在红色地标开业务会，已成时尚了。", "王明"),
    ]


def test_a_quotation_names_its_speaker(nlp):
    text = (
        "标题\n\n国家主席习近平在贺信中强调：“要坚持以人民为中心。”“我们要推动高质量发展。”李强说。"
        "他说：“这是一个好办法。”王毅外长表示，“中方欢迎各方为此共同努力。”\n"
    )
    data = tifalens.analyze(text, nlp=nlp).to_dict()
    quotes = data["articles"][0]["quotations"]
    assert [(q["text"], q["speaker"] and q["speaker"]["name"]) for q in quotes] == [
        ("要坚持以人民为中心。", "习近平"),  # a title before the name, words between it and the verb
        ("我们要推动高质量发展。", "李强"),  # the speaker after the quotation
        ("这是一个好办法。", None),  # a pronoun names no one
        ("中方欢迎各方为此共同努力。", "王毅"),  # a title after the name
    ]
    speaker = quotes[0]["speaker"]
    assert text[speaker["start"] : speaker["end"]] == text[speaker["orig_start"] : speaker["orig_end"]] == "习近平"
    jsonschema.validate(data, schema())
    # after the quotation, who the speaker is may stand before the name; not another person spoken to, and
    # not a name that opens the next paragraph
    text = (
        "标题\n\n“这一目标积极稳妥，符合实际。”全国人大代表、江苏省南京市市长陈之常说。"
        "“这项工作做得很好，值得推广。”他对李强说。\n“这项工作做得很好，值得推广。”\n王刚指出，要总结经验。\n"
    )
    quotes = tifalens.analyze(text, nlp=nlp).to_dict()["articles"][0]["quotations"]
    assert [q["speaker"] and q["speaker"]["name"] for q in quotes] == ["陈之常", None, None]
    # where the speaker said it may stand between the name and the verb (在会上, 在发布会上); one whose verb opens
    # the next quotation (说：“…”) is read as the speaker of both, as a reporter most often means it
    text = (
        "标题\n\n“要把人民群众的急难愁盼作为出发点。”国务院总理李强在会上说。“我们有信心实现全年目标任务。”"
        "国家统计局局长康义在发布会上表示。“这是唯物主义的历史观和方法论。”国家主席习近平在会上指出：“要坚持人民至上的原则。”\n"
    )
    quotes = tifalens.analyze(text, nlp=nlp).to_dict()["articles"][0]["quotations"]
    assert [q["speaker"] and q["speaker"]["name"] for q in quotes] == ["李强", "康义", "习近平", "习近平"]


def test_a_phrase_jieba_tags_as_a_name_because_it_opens_with_a_surname_is_no_person(ents_nlp):
    # jieba's dictionary tags these nr: 司法厅, 毛南族, 金海湖, 高兴地, 向前走 (司, 毛, 金, 高, 向 are surnames):
    # a dictionary word and a suffix; a character that also ends given names (堂) is no sign
    doc = ents_nlp("省司法厅和毛南族群众来到金海湖畔，高兴地向前走。部长杨传堂、马建堂出席。")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"] == [("杨传堂", "PERSON"), ("马建堂", "PERSON")]


def test_seas_straits_islands_and_mountains_are_locations(nlp):
    # 黄岩岛 was a person (jieba tags it nr), 台湾|海峡 and 仁爱|礁 two words each
    text = "菲律宾船只再次进入仁爱礁附近海域，黄岩岛和钓鱼岛是中国领土。美舰穿越台湾海峡，中方向南海派遣舰艇。"
    assert [(t, label) for t, label, _ in ents(nlp, text)] == [
        ("菲律宾", "GPE"), ("仁爱礁", "LOC"), ("黄岩岛", "LOC"), ("钓鱼岛", "LOC"), ("中国", "GPE"), ("台湾海峡", "LOC"), ("南海", "LOC"),
    ]
    # after a place, the words of a body's name (青岛|东海|药业集团); a district of the same name stays a place
    assert [(t, label) for t, label, _ in ents(nlp, "青岛东海药业集团发布公告。广东佛山市南海区召开会议。")] == [
        ("青岛东海药业集团", "ORG"), ("广东佛山市南海区", "GPE"),
    ]
    # a given name after a surname is no sea (姜|东海, 王|长江); after a number and its unit it is (800|米|长江)
    assert [e for e in ents(nlp, "排长姜东海、副主任王长江等人受到表彰。") if e[1] == "LOC"] == []
    assert ("长江", "LOC", "") in ents(nlp, "金牛湖800米长江民堤上出现多处管涌。")
    # a division named as a region stays one before a body's head (河北|雄安新区|规划展示中心)
    assert ("河北雄安新区", "GPE") in [(t, label) for t, label, _ in ents(nlp, "习近平在河北雄安新区规划展示中心听取汇报。")]


def test_a_name_after_a_title_may_be_a_surname_and_a_place_s_name(nlp):
    # 王|长江, 蔡|长春 (nr, ns): a person after a title; 王|表示 is a surname and a verb, 向|北京 a preposition
    text = "副主任王长江等人受到表彰。市委书记蔡长春出席。书记王表示同意。代表团向北京出发。"
    assert [(t, label) for t, label, _ in ents(nlp, text)] == [("王长江", "PERSON"), ("蔡长春", "PERSON"), ("北京", "GPE")]
    # titles of soldiers, police and crews (排长姜|东海, 民警王小明); 卓越医生 names no one
    text = "排长姜东海带领战士冲锋。民警王小明及时赶到。推进卓越工程师、卓越医生培养。"
    assert [(t, label) for t, label, _ in ents(nlp, text)] == [("姜东海", "PERSON"), ("王小明", "PERSON")]
    # a name jieba reads short, then a character it tags a pronoun or a numeral (旅长张体|任 r); not a verb (李明|赴),
    # a numeral (王平|一行) or a word that is no name (关于|本)
    text = "旅长张体任告诉记者。部长李明赴京开会。书记王平一行到场。关于本次会议。"
    assert [(t, label) for t, label, _ in ents(nlp, text)] == [("张体任", "PERSON"), ("李明", "PERSON"), ("王平", "PERSON")]


def test_a_person_named_after_an_office_has_it_as_title(ents_nlp):
    from tifalens.export.jsonout import entity_rows

    text = "今天，省委书记许达哲出席并讲话，省委副书记、省政府党组书记毛伟明主持。省领导黄兰香、王少峰出席。记者专访了国家统计局局长康义。康义说，形势很好。"
    source = tifalens.read_text(text)
    data = to_dict(ents_nlp(source.text), source)
    jsonschema.validate(data, schema())
    assert [(e["text"], e["title"]) for e in data["entities"] if e["label"] == "PERSON"] == [
        ("许达哲", "省委书记"), ("毛伟明", "省委副书记、省政府党组书记"), ("黄兰香", None), ("王少峰", None), ("康义", "国家统计局局长"), ("康义", None),
    ]  # (专访了: a verb ends an office; 、 between names joins none)
    assert [(r["text"], r["office"], r["count"]) for r in entity_rows(data) if r["text"] == "康义"] == [("康义", "国家统计局局长", 2)]
    # an ordinal and a conjunction between nouns may be in an office; a conjunction after a name, a caption's pointer not
    text = "南昌大学第四附属医院副院长唐浪娟说。（左为北京市委书记刘淇）市委书记李强和市长王明出席。"
    source = tifalens.read_text(text)
    assert [(e["text"], e["title"]) for e in to_dict(ents_nlp(source.text), source)["entities"] if e["label"] == "PERSON"] == [
        ("唐浪娟", "南昌大学第四附属医院副院长"), ("刘淇", "北京市委书记"), ("李强", "市委书记"), ("王明", "市长"),
    ]


def test_a_personnel_notice_names_the_office_after_the_person(ents_nlp):
    text = (
        "任命张伟为国家发展和改革委员会副主任；任命李娜（女）为教育部副部长。"
        "免去王强的财政部副部长职务；免去赵敏（女）的水利部副部长职务，退休。提名王明为市长候选人。"
    )
    data = tifalens.analyze(text, nlp=ents_nlp).to_dict()
    assert [(e["text"], e["title"]) for e in data["entities"] if e["label"] == "PERSON"] == [
        ("张伟", "国家发展和改革委员会副主任"),
        ("李娜", "教育部副部长"),
        ("王强", "财政部副部长"),
        ("赵敏", "水利部副部长"),
        ("王明", None),  # (a candidate is no office)
    ]


def test_a_two_character_name_after_a_title_in_brackets(ents_nlp):
    text = "中共中央政治局委员、中央党校（国家行政学院）校长（院长）陈希强调，领导干部要学习。"
    assert [e.text for e in ents_nlp(text).ents if e.label_ == "PERSON"] == ["陈希"]


def test_names_in_a_list_of_names_the_segmenter_cut_are_people(ents_nlp):
    text = "中央文史研究馆郭怡孮、李前宽、刘梦溪、陈祖武、尼玛泽仁、程大利、潘公凯、吴江、陈来、范迪安等10位馆员发言。"
    found = [(e.text, e.label_) for e in ents_nlp(text).ents]
    assert found[0] == ("中央文史研究馆", "ORG")
    # (尼玛泽仁, a Tibetan name, has no surname to know it by: two parts of Tibetan names make it one)
    assert [t for t, label in found if label == "PERSON"] == ["郭怡孮", "李前宽", "刘梦溪", "陈祖武", "尼玛泽仁", "程大利", "潘公凯", "吴江", "陈来", "范迪安"]
    assert [e.text for e in ents_nlp("出席会议的有习近平、李强、程大利。").ents if e.label_ == "PERSON"] == ["习近平", "李强", "程大利"]
    # a list of words is no list of names
    assert [e.label_ for e in ents_nlp("学习、宣传、贯彻、落实好会议精神。").ents] == []


def test_an_office_set_apart_from_its_name_by_a_space(ents_nlp):
    text = "国务院新闻办公室新闻局副局长、新闻发言人 寿小丽：女士们、先生们，大家上午好。"
    data = tifalens.analyze(text, nlp=ents_nlp).to_dict()
    assert [(e["text"], e["title"]) for e in data["entities"] if e["label"] == "PERSON"] == [("寿小丽", "国务院新闻办公室新闻局副局长、新闻发言人")]
