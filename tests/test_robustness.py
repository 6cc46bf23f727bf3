"""Any input: arbitrary text and bytes never crash, every span maps back, JSON always validates."""

from __future__ import annotations

import conllu
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tifalens
from tifalens.analysis import analyze_source
from tifalens.errors import InputError
from tifalens.export.conllu import to_conllu
from tifalens.export.csvout import to_csv
from tifalens.export.html import to_html
from tifalens.export.jsonout import schema
from tifalens.reading import read_bytes

PIECES = st.sampled_from(
    [
        "问：", "答:", "1.问：", "记者：", "一是", "二是", "（一）", "（二）", "第一，", "首先，", "其次，", "- ", "● ",
        "（新华社北京9月26日电）", "新华社北京3月5日电（记者 张三）", "本报讯", "“两个确立”", "四个意识", "三上三下", "“双高”",
        "两不愁三保障", "771名，占33.6%", "三分之一", "\n", "\n\n", "\r\n", "\u3000", "\u00a0", "\u200b", "。", "，", "？", "”", "“",
        "<script>alert(1)</script>", "标题", "正文内容很长很长", "１２３", "ＡＢＣ",
    ]
)


def check(result) -> None:
    data = result.to_dict()
    jsonschema.validate(data, schema())
    src = result.source
    for t in data["terms"]:
        for occ in t["occurrences"]:
            assert src.text[occ["start"] : occ["end"]] == occ["form"]
            assert src.original[occ["orig_start"] : occ["orig_end"]] != "" or occ["form"] == ""
    for span in (*result.doc.spans["structure"], *result.doc.spans["tifa"]):
        a, b = src.to_original(span.start_char, span.end_char)
        assert 0 <= a <= b <= len(src.original)
    result.to_markdown()
    pair = [(result.doc, src)]
    page = to_html(result.doc, src)
    assert "<script>alert" not in page
    conllu.parse(to_conllu(result.doc, src))  # always valid CoNLL-U
    to_csv(pair, table="terms")
    to_csv(pair, table="stats")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=6)), min_size=1, max_size=40))
def test_structured_noise_never_crashes(nlp, parts):
    text = "".join(parts)
    try:
        src = read_bytes(text.encode("utf-8"), path="fuzz")
    except InputError as exc:
        # Only text with nothing but white space or invisible characters is refused.
        assert str(exc) in ("fuzz: no text (the file holds only white space)", "fuzz: empty file")
        assert not "".join(ch for ch in text if ch not in "\u200b\u00ad\ufeff").strip()
        return
    check(analyze_source(src, nlp))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_arbitrary_bytes_are_text_or_one_clear_error(nlp, data):
    try:
        src = read_bytes(data, path="bytes.bin")
    except InputError as exc:
        message = str(exc)
        assert message.startswith("bytes.bin: ") and "\n" not in message
        return
    check(analyze_source(src, nlp))


@pytest.mark.parametrize(
    "text",
    ["问:" * 5000, "一是" * 3000 + "。", "“" * 2000, "（一）" * 2000, "\n" * 10000 + "正文。", "党" * 200000],
)
def test_pathological_inputs(nlp, text):
    result = tifalens.analyze(text, nlp=nlp)
    jsonschema.validate(result.to_dict(), schema())


def test_text_longer_than_spacys_default_limit(nlp):
    text = "党的建设全面深化改革" * 120_000  # 1.2 million characters, one line, no punctuation
    result = tifalens.analyze(text, nlp=nlp)
    assert len(result.doc.text) == len(text)
    assert result.to_dict()["source"]["chars"] == len(text)
