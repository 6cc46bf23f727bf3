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

SEED = Path(__file__).resolve().parents[1] / "corpus" / "xinhua-2022-09-26.txt"
HEADER = "name\taliases\tlabel\tnote\n"
PACKAGED = Institutions.default()


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


def test_names_in_a_list_share_the_title(ents_nlp):
    text = "习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席。"
    assert ents(ents_nlp, text) == [(n, "PERSON", "") for n in ("习近平", "李强", "赵乐际", "王沪宁", "蔡奇", "丁薛祥", "李希")]


def test_ordinary_words_tagged_as_names_are_dropped(ents_nlp):
    # jieba's dictionary tags 周密 文明 nr, 新鲜 上门 ns, 党组织 nt.
    doc = ents_nlp("要周密部署，加强文明建设，新鲜上门，基层党组织，党建“连心桥”。")
    assert {t.tag_ for t in doc if t.text in ("周密", "文明", "新鲜", "上门", "党组织", "连心桥")} == {"nr", "ns", "nt"}
    assert list(doc.ents) == []


def test_places_join_into_one_span(ents_nlp):
    assert ents(ents_nlp, "湖南衡阳、四川南充等地，江西省抚州市的干部") == [
        ("湖南衡阳", "GPE", ""),
        ("四川南充", "GPE", ""),
        ("江西省抚州市", "GPE", ""),
    ]
    assert ents(ents_nlp, "他在亚洲和欧洲访问，长江经济带") == [("亚洲", "LOC", ""), ("欧洲", "LOC", ""), ("长江", "LOC", "")]


def test_tag_based_entities_can_be_turned_off():
    nlp = tifalens.load(components=("tifa_structure", "tifa_terms"))
    nlp.add_pipe("tifa_entities", config={"use_tags": False})
    assert ents(nlp, "中组部部长在湖南衡阳会见习近平同志") == [("中组部", "ORG", "中共中央组织部")]
    places_only = tifalens.load(components=())
    places_only.add_pipe("tifa_entities", config={"tag_labels": {"nr": "", "nrfg": "", "nt": ""}})
    assert ents(places_only, "中组部部长在湖南衡阳会见习近平同志") == [("中组部", "ORG", "中共中央组织部"), ("湖南衡阳", "GPE", "")]


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
            assert inst is not None and inst.name == e.kb_id_ and inst.label == e.label_


# -- the seed -----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_doc(ents_nlp):
    return ents_nlp(tifalens.read(SEED).text)


def test_seed_places_exactly(seed_doc):
    places = Counter(e.text for e in seed_doc.ents if e.label_ in ("GPE", "LOC"))
    assert places == Counter({"北京": 2, "湖南衡阳": 1, "四川南充": 1, "辽宁": 1, "江西省抚州市": 1, "江苏": 1})
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
            ("中共中央", "中国共产党中央委员会"): 1,
            ("中国共产党", "中国共产党"): 1,
            ("全国代表大会", ""): 2,
            ("中宣部", "中共中央宣传部"): 1,
            ("人民日报社", "人民日报社"): 1,
            ("中央广播电视总台", "中央广播电视总台"): 1,
            ("学习强国", "学习强国"): 1,
            ("复旦大学", ""): 1,
        }
    )


def test_seed_json_entities_validate_and_point_at_the_text(ents_nlp):
    source = tifalens.read(SEED)
    data = to_dict(ents_nlp(source.text), source)
    jsonschema.validate(data, schema())
    assert data["entities"][0] == {
        "text": "中组部",
        "label": "ORG",
        "kb_id": "中共中央组织部",
        **dict(zip(("start", "end"), (source.text.index("中组部"), source.text.index("中组部") + 3))),
        "orig_start": data["entities"][0]["orig_start"],
        "orig_end": data["entities"][0]["orig_end"],
    }
    for e in data["entities"]:
        assert source.text[e["start"] : e["end"]] == e["text"]
        assert source.original[e["orig_start"] : e["orig_end"]] == e["text"]
    unlinked_orgs = [e["text"] for e in data["entities"] if e["label"] == "ORG" and e["kb_id"] is None]
    assert sorted(unlinked_orgs) == ["全国代表大会", "全国代表大会", "复旦大学"]
    assert all(e["kb_id"] is None for e in data["entities"] if e["label"] != "ORG")


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
    assert s["$defs"]["entity"]["required"] == ["text", "label", "kb_id", "start", "end", "orig_start", "orig_end"]
    json.dumps(s)
