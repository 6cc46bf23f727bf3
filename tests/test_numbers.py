"""Numbers as Chinese official text writes them: exact values, ranges, stated precision."""

from __future__ import annotations

import re
import subprocess
import sys

import cn2an
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tifalens.numbers import DATE_PATTERN, date_in_name, decimals, iso_date, parse_number, parse_range, split_range


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2296", 2296),
        ("四点七七亿", 477000000),  # not 476999999.99999994
        ("四.七七亿", 477000000),  # Hong Kong and Taiwan texts write the decimal point
        ("三．五", 3.5),
        ("百分之三.五", 3.5),
        ("1,234.5", 1234.5),
        ("1,234,567", 1234567),
        ("33.6", 33.6),
        ("33.6%", 33.6),
        ("27.0", 27.0),
        ("854.2万", 8542000),
        ("6.6亿", 660000000),
        ("1.37万亿", 1370000000000),
        ("9600多万", 96000000),
        ("3000余", 3000),
        ("十几", 10),  # 几 inside reads as 多 (十几个, 二十几万)
        ("二十几万", 200000),
        ("1万多亿", 1000000000000),
        ("二〇二二", 2022),
        ("二○二○", 2020),
        ("一九四九", 1949),
        ("两千", 2000),
        ("三千多万", 30000000),
        ("九千六百多万", 96000000),
        ("一千五百", 1500),
        ("八百三十二", 832),
        ("十亿四千万", 1040000000),
        ("一百一十四万亿", 114000000000000),
        ("一万二千亿", 1200000000000),
        ("三万九千八百", 39800),
        ("七点二", 7.2),
        ("五十二点二", 52.2),
        ("十", 10),
        ("百分之三十三点六", 33.6),
        ("百分之九十五", 95),
        ("百分之四", 4),
        ("三分之一", 1 / 3),
        ("三分之二", 2 / 3),
        ("千分之五", 0.005),
        ("一半", 0.5),
        ("半数", 0.5),
        # two sections in Arabic digits, and Taiwan's 兆 (10^12)
        ("1亿2000万", 120000000),
        ("3亿零500万", 305000000),
        ("1亿2000多万", 120000000),
        ("2兆8,813亿", 2881300000000),
        ("2兆", 2000000000000),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value, rel=1e-9, abs=1e-9)


def test_exact_values_have_no_binary_noise():
    assert parse_number("854.2万") == 8542000.0
    assert parse_number("百分之三十三点六") == 33.6
    assert parse_number("三分之一") == 0.3333333333


@pytest.mark.parametrize("text", ["", "abc", "数百万", "点五", "五点", "1.2.3", "第一", "15%—20%", "分之一", "1亿5亿", "2万3000亿"])
def test_not_a_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("15%—20%", (15, 20)),
        ("15%-20%", (15, 20)),
        ("3至5", (3, 5)),
        ("3到5", (3, 5)),
        ("3至5万", (30000, 50000)),
        ("1万至2万", (10000, 20000)),
        ("百分之十五至二十", (15, 20)),
        ("百分之十五至百分之二十", (15, 20)),
        ("2021—2025", (2021, 2025)),
        ("4.5%～5%", (4.5, 5)),
        # two neighbouring digits said together: about either, times the units after them
        ("三四万", (30000, 40000)),
        ("二三十", (20, 30)),
        ("七八十", (70, 80)),
        ("一两亿", (100000000, 200000000)),
        ("三五", (3, 5)),
        ("五六十多", (50, 60)),
        # after the round part they add to: 十二三 12 to 13, 三十五六 35 to 36, 一百二三十 120 to 130
        ("十二三", (12, 13)),
        ("三十五六", (35, 36)),
        ("一百二三十", (120, 130)),
        ("二十七八万", (270000, 280000)),
        ("一万二三千", (12000, 13000)),
    ],
)
def test_parse_range(text, ends):
    assert parse_range(text) == ends


@pytest.mark.parametrize("text", ["15%", "2296", "三至", "甲至乙", "二〇", "三十四", "二五", "九八", "一二三", "十二三千"])
def test_not_a_range(text):
    assert parse_range(text) is None


def test_neighbouring_digits_are_no_single_number():
    # 三四万 is 3万 to 4万, not 34万; 二〇二二 is still a year's digits
    assert [parse_number(t) for t in ("三四万", "一两亿", "二〇二二", "三十四")] == [None, None, 2022, 34]
    # 十万八万 is said loosely (a hundred or eighty thousand), not 十万八 times 万; 一万万 is 亿
    assert [parse_number(t) for t in ("十万八万", "3万5万", "一万万", "一万五")] == [None, None, 100000000, 15000]


def test_split_range_keeps_the_written_ends():
    assert split_range("15%——20%") == ("15%", "20%")
    assert split_range("33.6") is None


@pytest.mark.parametrize(("text", "places"), [("27.0%", 1), ("33.60", 2), ("2296", 0), ("百分之十八点五", 1), ("七点二五", 2), ("854.2万", 1)])
def test_decimals(text, places):
    assert decimals(text) == places


def test_sections_cn2an_writes_but_does_not_read():
    # cn2an writes 100,001,000 as 一亿一千 and rejects it; 一亿一 is 1.1亿 in speech, not read
    assert cn2an.an2cn(100001000) == "一亿一千"
    assert [parse_number(s) for s in ("一亿一千", "一亿零一千", "十二亿零五十万", "一亿一")] == [100001000, 100001000, 1200500000, None]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_chinese_numerals_round_trip(n):
    assert parse_number(cn2an.an2cn(n)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_with_separators_round_trip(n):
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=99999), st.sampled_from(["万", "亿", "万亿"]), st.integers(min_value=0, max_value=9))
def test_multipliers_are_exact(whole, mult, tenth):
    scale = {"万": 10**4, "亿": 10**8, "万亿": 10**12}[mult]
    assert parse_number(f"{whole}.{tenth}{mult}") == (whole * 10 + tenth) * scale // 10
    assert parse_number(f"{whole}多{mult}") == whole * scale


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="〇○零一二两三四五六七八九十百千", min_size=1, max_size=7))
def test_small_integers_read_as_cn2an_reads_them(text):
    import cn2an

    from tifalens.numbers import small_integer

    value = small_integer(text)
    if value is not None:
        assert value == cn2an.cn2an(text.replace("○", "零").replace("〇", "零"), "smart")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="零一二两三四五六七八九十百千万亿", min_size=2, max_size=9))
@example("一亿十万")
@example("一亿千万零")
def test_sections_with_round_heads_read_as_cn2an_reads_them(text):
    from tifalens.numbers import _sectioned

    value = _sectioned(text, round_heads=True)
    if value is not None:
        try:  # (cn2an drops a section led by a bare 十, or by a bare 百 or 千 after 亿: 一亿十万 is 100100000, 一亿千万 110000000,
            # it reads 100000000 for both; with the 一 written it reads them right)
            expected = cn2an.cn2an(re.sub("(^|[亿万零])十", r"\1一十", re.sub("([亿万零])([百千])", r"\1一\2", text)), "smart")
        except (ValueError, KeyError, IndexError, TypeError):
            return  # 百万, 千亿: cn2an rejects a bare head; the multiplier reading gives the same value
        assert value == expected


def test_a_section_led_by_a_bare_shi_counts():
    assert parse_number("一亿十万") == parse_number("一亿一十万") == 100_100_000
    assert parse_number("三亿十万零五") == 300_100_005


def test_numerals_with_wan_and_yi_sections_are_read_without_cn2an():
    code = (
        "import sys; from tifalens.numbers import parse_number; "
        "print([parse_number(s) for s in ('百万', '九千六百万', '三亿零五十万', '两千万')], 'cn2an' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.strip()
    assert out == "[1000000.0, 96000000.0, 300500000.0, 20000000.0] False"


def test_every_regular_numeral_below_ten_thousand_is_read_without_cn2an():
    import cn2an

    from tifalens.numbers import small_integer

    assert [n for n in range(1, 10_000) if small_integer(cn2an.an2cn(n)) != n] == []
    assert small_integer("两千二百九十六") == 2296 and small_integer("三百五") is None  # 350 in speech: cn2an decides


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("——2024年3月5日在第十四届全国人民代表大会第二次会议上", "2024-03-05"),
        ("（二〇二二年十月十六日）", "2022-10-16"),
        ("二○二四年四月十五日", "2024-04-15"),
        ("2023年12月", "2023-12"),
        ("中华人民共和国2023年国民经济和社会发展统计公报", "2023"),
        ("2024-03-05 10:20 来源：新华网", "2024-03-05"),
        ("2024.3.5", "2024-03-05"),
        ("2023年2月30日", None),  # no such day
    ],
)
def test_calendar_dates(text, iso):
    assert iso_date(DATE_PATTERN.search(text)) == iso


@pytest.mark.parametrize("text", ["9月26日电", "12020年", "1.3万亿斤", "第2024号"])
def test_not_calendar_dates(text):
    assert DATE_PATTERN.search(text) is None


@pytest.mark.parametrize(
    ("name", "iso"),
    [("xinhua-2022-09-26.txt", "2022-09-26"), ("rmrb_20240305_01.txt", "2024-03-05"), ("gwr-2022-crlf.txt", "2022"), ("doc12345678.txt", None), ("a-2022-13-40.txt", "2022")],
)
def test_date_in_a_file_name(name, iso):
    assert date_in_name(name) == iso
