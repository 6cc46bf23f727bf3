"""Reading: decoding, normalisation, exact original offsets, clear errors."""

from __future__ import annotations

import codecs
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tifalens
from tifalens.analysis import analyze_source
from tifalens.errors import InputError, UsageError
from tifalens.reading import DEFAULT_GLOB, expand_inputs, is_traditional, normalize, read, read_bytes, read_text

TEXT = "党的二十大代表选举工作顺利完成。\n问：怎么样？\n答：很好。\n"


@pytest.mark.parametrize(
    "encoding, expected",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("gb18030", "gb18030"),
    ],
)
def test_decodes_and_reports_encoding(encoding, expected):
    src = read_bytes(TEXT.encode(encoding), path="x.txt")
    assert src.text == TEXT
    assert src.encoding == expected


def test_big5_traditional_is_converted_unless_told_not_to():
    text = "堅持黨的領導，實現兩個確立的決定性意義。這是歷史經驗的總結，國務院與人民代表大會常務委員會。\n"
    data = text.encode("big5")
    kept = read_bytes(data, path="t.txt", t2s=False)
    assert kept.encoding in ("big5", "big5hkscs")
    assert kept.text == text and not any(n.code == "t2s" for n in kept.notes)
    for simplified, how in ((read_bytes(data, path="t.txt"), "the text is mostly Traditional"), (read_bytes(data, path="t.txt", t2s=True), "asked for")):
        assert simplified.text.startswith("坚持党的领导，实现两个确立")
        assert len(simplified.text) == len(text) and simplified.original == text
        (note,) = [n for n in simplified.notes if n.code == "t2s"]
        assert how in note.message


def test_written_text_puts_converted_characters_back():
    text = "國務院發布：這裡距市區３０公里。\r\n問：發展如何？\n"
    src = read_text(text, t2s=True)
    assert src.text == "国务院发布：这里距市区30公里。\n问：发展如何？\n"
    # same length as the analysed text; folded digits and the line end stay folded
    assert src.written == "國務院發布：這裡距市區30公里。\n問：發展如何？\n"
    assert src.as_written("这里距市区", src.text.index("距")) == "這裡距市區"
    assert src.as_written("发展如何？\n国务院") == "發展如何？\n國務院"  # each line found as it stands
    # not in the text as it stands: each character this input writes one way (里 is 裡 and 里 here)
    assert src.as_written("市区这里发布") == "市區這里發布"
    plain = read_text("国务院发布。")
    assert plain.written is plain.text and plain.as_written("国务院") == "国务院"


@pytest.mark.parametrize(
    "text, traditional",
    [
        ("中組部負責人答記者問：黨的二十大代表選舉工作", True),
        ("中组部负责人答记者问：党的二十大代表选举工作", False),
        # a Simplified article that names 臺灣 and quotes 國語 once is not converted
        ("中组部负责人答记者问，谈到臺灣和國語。" + "党的二十大代表选举工作顺利完成，" * 20, False),
        ("朱镕基同志和戮力同心的干部们", False),  # outside GB 2312, yet Simplified
        ("Xinhua 2022-09-26", False),
    ],
)
def test_traditional_script_is_detected(text, traditional):
    assert is_traditional(text) is traditional
    assert any(n.code == "t2s" for n in read_text(text).notes) is traditional


def test_gbk_file_detected(tmp_path):
    text = "中共中央关于党的二十大代表选举工作的通知。各选举单位坚持以党章为根本遵循，严格资格条件。\n" * 3
    path = tmp_path / "gbk.txt"
    path.write_bytes(text.encode("gbk"))
    src = read(path)
    assert src.encoding == "gb18030"
    assert src.text == text
    assert src.notes[0].code == "encoding_detected"


def test_crlf_bom_nbsp_fullwidth_and_zero_width_map_back():
    original = "\ufeff问：１２３\u00a0名\r\n\u200b占３３．６％\r\n"
    src = read_bytes(original.encode("utf-8"), path="x")
    assert src.encoding == "utf-8-sig"
    assert src.original == original[1:]
    assert src.text == "问：123 名\n占33.6%\n"
    start = src.text.index("33.6%")
    a, b = src.to_original(start, start + 5)
    assert src.original[a:b] == "３３．６％"
    nl = src.text.index("\n")
    assert src.original[slice(*src.to_original(nl, nl + 1))] == "\n"


def test_spaces_around_numbers_in_a_sentence_are_dropped_and_map_back(nlp):
    original = "新华社北京3月5日电 国内生产总值达到 134.9 万亿元，增长 5%，2024 年粮食丰收。\n指标 2024年 2025年\n居民消费价格 0.3 0.4\n"
    src = read_bytes(original.encode("utf-8"), path="x")
    # in a sentence the spaces go (the one that ends a dateline stays); a table's cells keep theirs
    assert src.text == "新华社北京3月5日电 国内生产总值达到134.9万亿元，增长5%，2024年粮食丰收。\n指标 2024年 2025年\n居民消费价格 0.3 0.4\n"
    figures = tifalens.analyze(original, nlp=nlp).to_dict()["stats"]
    assert [(f["text"], f["kind"], f["subject"], original[f["orig_start"] : f["orig_end"]]) for f in figures if f["kind"] != "date"][:3] == [
        ("134.9万亿元", "money", "国内生产总值", "134.9 万亿元"), ("5%", "change", "国内生产总值", "5%"), ("2024年", "year", None, "2024 年"),
    ]  # fmt: skip


def test_a_markdown_file_is_read_as_its_words_and_maps_back(nlp):
    original = (
        "# 主要指标\n\n> 全省经济运行**总体平稳**，见[新华网](http://www.news.cn/)。![图片](a.png)地区生产总值增长5.4%。\n\n"
        "| 指标 | 2024年 | 2025年 |\n|---|---|---|\n| 城镇化率（%） | 66.2 | 67 |\n\n计算`5*3`与2*3*4。\n"
    )
    src = read_bytes(original.encode("utf-8"), path="a.md")
    assert src.text == "主要指标\n\n全省经济运行总体平稳，见新华网。地区生产总值增长5.4%。\n\n 指标   2024年   2025年 \n\n 城镇化率（%）   66.2   67 \n\n计算5*3与2*3*4。\n"
    assert [n.code for n in src.notes] == ["markdown"]
    path_data = analyze_source(src, nlp).to_dict()
    (art,) = path_data["articles"]
    assert art["title"] == "主要指标"
    assert [b["kind"] for s in art["sections"] for b in s["blocks"]] == ["lead", "table_row", "table_row", "paragraph"]
    figures = [(f["text"], f["subject"], f["column"], original[f["orig_start"] : f["orig_end"]]) for f in path_data["stats"] if f["kind"] != "year"]
    assert figures == [("5.4%", "地区生产总值", None, "5.4%"), ("66.2", "城镇化率", "2024年", "66.2"), ("67", "城镇化率", "2025年", "67")]
    start = src.text.index("总体平稳")
    assert original[slice(*src.to_original(start, start + 4))] == "总体平稳"
    # the same words in a .txt file are read as written, and a .md file with no Markdown in it has no note
    assert read_bytes(original.encode("utf-8"), path="a.txt").text.startswith("# 主要指标")
    assert read_bytes("全省经济运行总体平稳。".encode("utf-8"), path="b.md").notes == ()


def test_the_small_forms_of_big5_punctuation_are_the_full_width_ones(nlp):
    # Hong Kong texts in Big5 hold ﹔﹕﹖ for ；：？: the line ending with ﹔ is no heading, and the offsets hold
    original = "露宿者增多\n\n賴淑芬指區內宿舍經常爆滿，他們未必有位入住﹔\n\n有些人不願遵守規矩﹖他說﹕也沒辦法。\n"
    src = read_bytes(original.encode("big5hkscs"), path="hk.txt", t2s=False)
    assert src.text == original.replace("﹔", "；").replace("﹕", "：").replace("﹖", "？")
    data = analyze_source(src, nlp).to_dict()
    (art,) = data["articles"]
    assert [s["heading"] for s in art["sections"]] == [None]
    assert len(src.original) == len(src.text)


def test_taiwan_s_name_dot_read_from_big5_as_a_bullet_is_the_dot_of_a_name(nlp):
    # Python's Big5 codec reads the name dot 0xA145 as • (U+2022): between two Chinese characters it is ·, one for
    # one, and the name is one person; a bullet opening a line stays a bullet
    original = "自治區主席艾爾肯•吐尼亞孜作政府工作報告。洛桑江村主持會議。\n\n• 第一項工作\n"
    assert b"\xa1\x45" in original.encode("big5")  # (‧ in Big5, as Taiwan writes it)
    src = read_bytes(original.encode("big5"), path="tw.txt")
    assert src.text == "自治区主席艾尔肯·吐尼亚孜作政府工作报告。洛桑江村主持会议。\n\n• 第一项工作\n"
    data = analyze_source(src, nlp).to_dict()
    people = [(e["text"], src.original[e["orig_start"] : e["orig_end"]]) for e in data["entities"] if e["label"] == "PERSON"]
    assert people == [("艾尔肯·吐尼亚孜", "艾爾肯•吐尼亞孜"), ("洛桑江村", "洛桑江村")]
    assert [b["kind"] for b in data["articles"][0]["sections"][0]["blocks"]][-1] == "bullet"


def test_forced_encoding_and_bad_name():
    data = TEXT.encode("gb18030")
    assert read_bytes(data, path="f", encoding="gb18030").text == TEXT
    with pytest.raises(InputError, match=r"^f: not valid utf-8 at byte 0$"):
        read_bytes(data, path="f", encoding="utf-8")
    with pytest.raises(UsageError, match="unknown encoding 'nope'"):
        read_bytes(data, path="f", encoding="nope")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "x: empty file"),
        (b" \n\t\r\n\xe3\x80\x80", "x: no text (the file holds only white space)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "x: binary file (a PNG image), not text"),
        (b"PK\x03\x04\x14\x00\x00\x00", "x: binary file (a ZIP archive), not text"),
        (b"\x7fELF\x02\x01\x01\x00", "x: binary file (an ELF executable), not text"),
        (b"abc\x00\x01\x02\x03\xff\xfe\x00\x00\x9c", "x: binary file (contains NUL bytes), not text"),
    ],
)
def test_bad_input_is_one_clear_error(data, message):
    with pytest.raises(InputError) as err:
        read_bytes(data, path="x")
    assert str(err.value) == message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a folder"):
        read(tmp_path)


def test_expand_inputs_folders_globs_and_symlink_loop(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("一", encoding="utf-8")
    (tmp_path / "a" / "skip.md").write_text("二", encoding="utf-8")
    (tmp_path / "a" / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / "a" / "b" / "two.txt").write_text("三", encoding="utf-8")
    (tmp_path / "a" / "b" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
    skipped: list[str] = []
    found, errors = expand_inputs([str(tmp_path / "a")], pattern="*.txt", skipped=skipped)
    assert found == [str(tmp_path / "a" / "b" / "two.txt"), str(tmp_path / "a" / "one.txt")]
    assert errors == []
    assert skipped == [f"{tmp_path / 'a'}: 2 files not matching '*.txt' left out (.jpg, .md; see --glob)"]
    found, _ = expand_inputs([str(tmp_path / "a")], pattern="*.md")
    assert found == [str(tmp_path / "a" / "skip.md")]
    found, _ = expand_inputs([str(tmp_path / "a")], pattern="*.md, *.jpg")
    assert found == [str(tmp_path / "a" / "photo.jpg"), str(tmp_path / "a" / "skip.md")]
    # by default, plain text, Markdown and web pages, and nothing else
    (tmp_path / "a" / "page.html").write_text("<p>四</p>", encoding="utf-8")
    (tmp_path / "a" / ".hidden").write_text("五", encoding="utf-8")
    skipped = []
    found, _ = expand_inputs([str(tmp_path / "a")], skipped=skipped)
    assert [os.path.basename(f) for f in found] == ["two.txt", "one.txt", "page.html", "skip.md"]
    assert skipped == [f"{tmp_path / 'a'}: 1 file not matching '{DEFAULT_GLOB}' left out (.jpg; see --glob)"]
    found, _ = expand_inputs([str(tmp_path / "a" / "*.txt")])
    assert found == [str(tmp_path / "a" / "one.txt")]
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "scan.pdf").write_bytes(b"%PDF")
    found, errors = expand_inputs([str(empty), str(tmp_path / "nothing*.txt")], pattern="*.txt")
    assert found == []
    assert [str(e) for e in errors] == [
        f"{empty}: folder has no files matching '*.txt' (1 other file; see --glob)",
        f"{tmp_path / 'nothing*.txt'}: no files match this pattern",
    ]


_ODD = st.sampled_from(list("\r\n\u00a0\u3000\u200b\ufeff\u00ad\t１Ａｚ％．党的二十大“”，。问：答:") + ["\r\n", "\r\r\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_ODD, st.text(max_size=3)), max_size=40), st.data())
def test_every_span_maps_back_exactly(parts, data):
    original = "".join(parts)
    text, shift_at, shift = normalize(original)
    src = read_bytes(b"-", path="p")  # a real Source to borrow the mapping method from
    src = type(src)("p", original, text, "utf-8", "0" * 64, (), shift_at, shift)
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    a, b = src.to_original(start, end)
    assert 0 <= a < b <= len(original)
    renormalised, _, _ = normalize(original[a:b])
    assert renormalised == text[start:end]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="big5", categories=("Lo",)), min_size=1, max_size=30))
def test_t2s_keeps_length(text):
    src = read_bytes(text.encode("utf-8"), path="t", t2s=True)
    assert len(src.text) == len(src.original)


def test_utf16_without_bom_detected():
    data = TEXT.encode("utf-16-le")
    assert not data.startswith(codecs.BOM_UTF16_LE)
    src = read_bytes(data, path="u")
    assert src.text == TEXT
    assert src.encoding == "utf-16-le"


def test_mostly_utf8_with_stray_bytes_stays_utf8():
    body = "党的二十大代表选举工作顺利完成，当选代表名单已经公布。\n" * 30
    data = body.encode("utf-8") + "混入一段国标编码".encode("gbk") + body.encode("utf-8")
    src = read_bytes(data, path="mixed.txt")
    assert src.encoding == "utf-8"
    assert src.text.startswith(body) and src.text.endswith(body)
    assert [n.code for n in src.notes] == ["invalid_bytes"]
    assert src.notes[0].message.startswith("not valid UTF-8: ")
    truncated = ("正文内容。" * 50).encode("utf-8")[:-1]  # a character cut in half at the end
    src = read_bytes(truncated, path="cut.txt")
    assert src.encoding == "utf-8" and src.text.endswith("\ufffd")


_LINE = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"  # 22 characters, 44 columns


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    import tifalens

    original = (
        f"报告标题\n\n　　{_LINE[:15]}坚持两个确\n立。{_LINE[:20]}\n{_LINE}\n乙丙丁。\n"
        f"　　（一）{_LINE[:17]}\n（二）{_LINE[:19]}\n　　{_LINE[:20]}\n{_LINE[:4]}。\n"
    )
    src = read_text(original)
    assert src.text == (
        f"报告标题\n\n  {_LINE[:15]}坚持两个确立。{_LINE[:20]}{_LINE}乙丙丁。\n"
        f"  （一）{_LINE[:17]}\n（二）{_LINE[:19]}\n  {_LINE[:20]}{_LINE[:4]}。\n"
    )
    assert [(n.code, n.message) for n in src.notes] == [("unwrapped", "joined 4 lines hard-wrapped at 44 columns into their paragraphs")]
    # the joined text maps back to the lines it came from, break included
    at = src.text.index("两个确立")
    a, b = src.to_original(at, at + 4)
    assert original[a:b] == "两个确\n立"
    # so a formula cut by the page width is one token and counted
    doc = tifalens.analyze(original).doc
    assert [(s.text, s.start_char) for s in doc.spans["tifa"]] == [("两个确立", at)]


def test_a_document_s_number_addressees_and_attachments_keep_their_lines_in_wrapped_text():
    # lines of one width, as a short notice has them: the number, the addressees and the attachments are lines
    text = (
        "国务院办公厅关于印发《加快构建废弃物循环利用体系的意见》的通知\n国办发〔2024〕7号\n\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n经国务院同意，现将《意见》印发给你们，请认真贯彻执行。\n\n"
        "附件：1. 加快构建废弃物循环利用体系的意见\n      2. 重点任务分工表\n\n国务院办公厅\n2024年2月6日\n"
    )
    assert read_text(text).text == text


@pytest.mark.parametrize(
    "original",
    [
        # one paragraph per line, as web pages and most files have it
        f"标题\n\n　　{_LINE}。\n　　{_LINE[:10]}。\n　　{_LINE}。\n　　{_LINE}，{_LINE}。\n",
        # names set in columns, each line full
        "代表名单\n" + "\n".join("王一一　李二二　张三三　赵四四　刘五五　陈六六　杨七七" for _ in range(5)) + "\n",
        # short lines: verse or a list
        "\n".join(["春风又绿江南岸", "明月何时照我还", "两岸猿声啼不住", "轻舟已过万重山"]) + "\n",
    ],
)
def test_text_that_is_not_hard_wrapped_keeps_its_lines(original):
    src = read_text(original)
    assert src.text == original.replace("\u3000", " ") and not src.notes


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "　　", "  "]), st.integers(10, 24), st.sampled_from(["", "。", "，", "\r", "\n"])), min_size=4, max_size=12))
def test_unwrapped_text_maps_back_character_by_character(lines):
    original = "".join(f"{indent}{_LINE[:n]}{end}\n" for indent, n, end in lines)
    src = read_text(original)
    assert any(n.code == "unwrapped" for n in src.notes) or src.text == normalize(original)[0]
    for i, ch in enumerate(src.text):
        assert normalize(original[src.original_offset(i)])[0] in (ch, ""), i
