"""Numbers as Chinese official text writes them -> values.

Arabic numerals with thousands separators and decimals (``1,234.5``), Chinese
numerals (``二〇二二``, ``三千二百五十万``, ``七点二``), multipliers after either
(``854.2万``, ``1.37万亿``, ``9600多万``), percentages (``33.6%``,
``百分之三十三点六``), fractions (``三分之一``, ``一半``) and ranges (``15%—20%``,
``3至5万``)::

    >>> parse_number("9600多万")
    96000000.0
    >>> parse_number("百分之三十三点六")
    33.6
    >>> parse_range("3至5万")
    (30000.0, 50000.0)

Full-width digits are folded by :mod:`tifalens.reading` before text gets here.
Plain Chinese numerals go to ``cn2an`` (correct and fast for them); what cn2an
does not read — approximation words inside a number (多, 余), 百分之, 分之, digit
strings with 〇/○, Arabic numbers with multipliers (kept exact with
:class:`~decimal.Decimal`) — is handled here.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from types import MappingProxyType
from typing import Callable

#: Multipliers written after a number, longest first in :data:`MULTIPLIER_PATTERN`.
MULTIPLIERS = MappingProxyType(
    {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "千万": 10**7, "百万": 10**6, "亿": 10**8, "万": 10**4}
)
MULTIPLIER_PATTERN = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))

#: Chinese digits, including the zeros 〇 (U+3007) and ○ (U+25CB) of year numbers.
CN_DIGITS = MappingProxyType(
    {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
)
CN_UNITS = "十百千万亿"
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + CN_UNITS + "点"

#: Approximation words a number may hold inside (9600多万, 3000余, 十几).
INNER_APPROX = "多余几来"
#: Separators of a range (15%—20%, 3至5).
RANGE_SEPARATORS = ("——", "—", "―", "–", "‒", "-", "－", "~", "～", "〜", "至", "到")

ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ARABIC_WITH_MULTIPLIER = re.compile(rf"({ARABIC})((?:{MULTIPLIER_PATTERN})*)")
_CN_ONLY = re.compile(rf"[{CN_NUMERAL_CHARS}]+")
#: A number of two sections in Arabic digits (1亿2000万, 3亿零500万; 2兆8,813亿 in Taiwan, where 兆 is 10^12),
#: and a number of 兆 before money (2兆元): what a text may write instead of 1.2亿 or 2.8813万亿.
_SECTION = r"(?:\d,\d{3}|\d{1,4})"  # the second section: below 10,000 of its multiplier
SECTIONED = rf"\d{{1,4}}(?:兆零?{_SECTION}[{INNER_APPROX}]?亿|亿零?{_SECTION}[{INNER_APPROX}]?万)"
ZHAO_MONEY = rf"(?:{ARABIC})兆(?=(?:美|日|港|新台|台)?(?:元|币))"
_SECTIONED = re.compile(rf"(\d{{1,4}})(兆|亿)零?({_SECTION})[{INNER_APPROX}]?(亿|万)|({ARABIC})兆")
_SECTION_SCALE = MappingProxyType({"兆": 10**12, "亿": 10**8, "万": 10**4})
_SECTION_PAIRS = frozenset({("兆", "亿"), ("亿", "万")})
_HALF = MappingProxyType({"一半": 0.5, "半数": 0.5})
_BARE_UNITS = MappingProxyType({"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8})


@lru_cache(maxsize=1)
def _cn2an() -> Callable[[str, str], float]:
    # Imported on first use: cn2an takes ~0.15 s to import.
    import cn2an

    return cn2an.cn2an


def _clean(value: float) -> float:
    """Drop binary noise (33.60000000001, 476999999.99999994 for 四点七七亿) while keeping every
    digit a text can state (14 significant digits, 10 decimals)."""
    return float(round(float(f"{value:.14g}"), 10))


def _strip_inner_approx(text: str) -> str:
    """``9600多万`` -> ``9600万``; ``3000余`` -> ``3000``; ``十几`` -> ``十``."""
    return re.sub(rf"(?<=[\d{CN_NUMERAL_CHARS}])[{INNER_APPROX}]", "", text)


def _arabic(text: str) -> float | None:
    m = _ARABIC_WITH_MULTIPLIER.fullmatch(text)
    if not m:
        return None
    try:
        value = Decimal(m.group(1).replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        return None
    scale = 1
    for mult in re.findall(MULTIPLIER_PATTERN, m.group(2)):
        scale *= MULTIPLIERS[mult]
    return float(value * scale)


_SMALL_UNITS = MappingProxyType({"千": 1000, "百": 100, "十": 10})


def small_integer(text: str) -> int | None:
    """0 to 9,999 written the regular way (三, 十四, 两千二百九十六, 三百零五), else None.

    What this reads, cn2an reads the same (a property test holds them together); it
    spares loading cn2an (~0.2 s) for the numerals most texts hold; with 万 and 亿 sections
    (九千六百万, 百万) :func:`_sectioned` does the same. Anything else, such as 三百五 (350 in
    speech), 三万五 or 三点五, is left to cn2an.
    """
    total, digit, last_unit, zero = 0, None, 10_000, False
    for ch in text:
        if ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            leading_ten = unit == 10 and digit is None and not total and not zero  # 十四
            if unit >= last_unit or not (digit or leading_ten) or (zero and unit * 10 >= last_unit):
                return None  # 十十, 零十, 百 alone, 一百十, 一千零一百 (零 must skip a place): not the regular way
            total += (digit or 1) * unit
            digit, last_unit, zero = None, unit, False
        elif ch in CN_DIGITS:
            value = CN_DIGITS[ch]
            if digit is not None or (value == 0 and (zero or not total or last_unit == 10)):
                return None  # two digits in a row (三四), a leading or doubled 零, 零 after 十
            if value == 0:
                zero = True
            else:
                digit = value
        else:
            return None
    if digit is not None:
        if not (zero or last_unit in (10, 10_000)):
            return None  # 三百五: 350 in speech
        total += digit
    elif zero:
        return None  # a trailing 零
    return total


_CN_DOT = re.compile(rf"(?<=[{''.join(CN_DIGITS)}十])[.．](?=[{''.join(CN_DIGITS)}])")


def _chinese(text: str) -> float | None:
    if not _CN_ONLY.fullmatch(text) or text.startswith("点") or text.endswith("点"):
        return None
    if text in _BARE_UNITS:  # 千 of 千分之五; cn2an reads only 十 alone
        return float(_BARE_UNITS[text])
    if len(text) > 1 and all(ch in CN_DIGITS for ch in text):
        # A digit string (二〇二二) is read digit by digit; cn2an's strict rules reject 〇.
        return float("".join(str(CN_DIGITS[ch]) for ch in text))
    small = small_integer(text)
    if small is not None:
        return float(small)
    if "万" in text or "亿" in text:  # 百万, 九千六百万, 三亿零五十万: read as cn2an does, without loading it
        sectioned = _sectioned(text, round_heads=True)
        if sectioned is not None:
            return float(sectioned)
    try:
        return _clean(float(_cn2an()(text.replace("○", "零").replace("〇", "零"), "smart")))
    except (ValueError, KeyError, IndexError, TypeError):
        sectioned = _sectioned(text)
        return None if sectioned is None else float(sectioned)


def _sectioned(text: str, *, round_heads: bool = False) -> int | None:
    """亿 and 万 sections of regular numerals added up, where cn2an rejects them: 一亿一千 (how
    cn2an itself writes 100,001,000) is 100,001,000. A section after 亿 or 万 starts with 零 or
    holds its thousands (一亿一 is 1.1亿 in speech: None). With ``round_heads`` the head of a
    section may be 十, 百 or 千 alone (百万, 千亿, 十万), as cn2an reads them."""
    for mark, scale in (("亿", 10**8), ("万", 10**4)):
        if mark in text:
            head, _, tail = text.partition(mark)
            high = _BARE_UNITS.get(head) if round_heads and head in _BARE_UNITS else _sectioned(head, round_heads=round_heads)
            low = _sectioned(tail.removeprefix("零"), round_heads=round_heads) if tail else 0
            if not high or low is None or low >= scale or (tail and not tail.startswith("零") and low < 1000):
                return None
            return high * scale + low
    return small_integer(text)


def _fraction(text: str) -> float | None:
    denominator, _, numerator = text.partition("分之")
    den, num = parse_number(denominator), parse_number(numerator)
    if den is None or num is None or den == 0:
        return None
    return _clean(num / den)


@lru_cache(maxsize=65536)  # pure; texts repeat the same numerals
def parse_number(text: str) -> float | None:
    """The value of one number as written, or None if it is not one.

    Percent forms give the number of percent (``33.6%`` and ``百分之三十三点六``
    are both 33.6); fractions give their quotient. Approximation words inside
    the number (多, 余) do not change its value. A range is not one number: use
    :func:`parse_range`.

    Args:
        text: The number, without unit (a trailing ``%`` is allowed).

    Returns:
        The value, or None when ``text`` is not a number this module reads.

    Example:
        >>> [parse_number(s) for s in ("1,234.5", "二〇二二", "三千多万", "三分之一", "两千", "854.2万")]
        [1234.5, 2022.0, 30000000.0, 0.3333333333, 2000.0, 8542000.0]
    """
    s = text.strip()
    if s.endswith(("%", "％")):
        s = s[:-1]
    if s.startswith("百分之"):
        s = s[3:]
    if not s:
        return None
    if s in _HALF:
        return _HALF[s]
    if "分之" in s:
        return _fraction(s)
    s = _CN_DOT.sub("点", _strip_inner_approx(s))  # 四.七七亿 (Hong Kong and Taiwan texts): 四点七七亿
    if approximate_pair(s) is not None:
        return None  # 三四万 is 3万 to 4万, not 34万: a range (parse_range)
    if s.count("万") > 1 and "万万" not in s and "亿" not in s:
        return None  # 十万八万 (a hundred or eighty thousand, said loosely): no one number (一万万 is 亿)
    value = _arabic(s)
    if value is not None:
        return value
    m = _SECTIONED.fullmatch(s)
    if m and m.group(5):
        return _clean(float(Decimal(m.group(5).replace(",", "")) * _SECTION_SCALE["兆"]))  # 2兆元 (before money only)
    if m and (m.group(2), m.group(4)) in _SECTION_PAIRS:  # 1亿2000万, 2兆8,813亿 (not 1亿5亿)
        high, low = (int(m.group(i).replace(",", "")) * _SECTION_SCALE[m.group(i + 1)] for i in (1, 3))
        return float(high + low)
    value = _chinese(s)
    if value is not None:
        return value
    m = re.fullmatch(rf"({ARABIC}|[{CN_NUMERAL_CHARS}]+?)((?:{MULTIPLIER_PATTERN})+)", s)
    if m:  # a Chinese numeral with a compound multiplier cn2an rejects (三千万亿)
        head = parse_number(m.group(1))
        return None if head is None else _clean(head * float(_multiplier(m.group(2))))
    return None


def _multiplier(text: str) -> int:
    scale = 1
    for mult in re.findall(MULTIPLIER_PATTERN, text):
        scale *= MULTIPLIERS[mult]
    return scale


def _trailing_multiplier(text: str) -> str:
    m = re.search(rf"(?:{MULTIPLIER_PATTERN})+$", _strip_inner_approx(text))
    return m.group(0) if m else ""


_PAIR = re.compile(
    rf"(?P<head>(?:[一两二三四五六七八九]?[十百千万])*)(?P<a>[一两二三四五六七八九])(?P<b>[两二三四五六七八九])(?P<small>[十百千]?)(?P<mult>(?:{MULTIPLIER_PATTERN})?)"
)
#: Pairs of digits that say "about either" (三四万 is 30,000 to 40,000; 三五个 three to five).
_PAIRS = frozenset({(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (3, 5)})
#: The place of the digits after a head that ends with one of these and has no unit of its own (十二三: ones).
_PLACE_AFTER = MappingProxyType({"十": 1, "百": 10, "千": 100, "万": 1000})


@lru_cache(maxsize=65536)  # pure; texts repeat the same numerals
def approximate_pair(text: str) -> tuple[float, float] | None:
    """Both ends of two neighbouring Chinese digits said together, after the round part they add to and
    before the units that scale them, or None: ``三四万`` is 30,000 to 40,000, ``二三十`` 20 to 30,
    ``十二三`` 12 to 13, ``三十五六`` 35 to 36, ``一百二三十`` 120 to 130, ``一两亿`` 100 to 200 million
    (not 34万, 23 or 1.2亿).

    Example:
        >>> [approximate_pair(s) for s in ("三四万", "二三十", "十二三", "一百二三十", "三五", "二〇", "三十四", "一二三")]
        [(30000.0, 40000.0), (20.0, 30.0), (12.0, 13.0), (120.0, 130.0), (3.0, 5.0), None, None, None]
    """
    m = _PAIR.fullmatch(_strip_inner_approx(text).replace("、", "", 1))  # 四、五万 (as Taiwan and Hong Kong write it)
    if m is None or (CN_DIGITS[m["a"]], CN_DIGITS[m["b"]]) not in _PAIRS:
        return None
    head = parse_number(m["head"]) if m["head"] else 0.0
    if head is None or (m["head"] and m["small"] and _SMALL_UNITS[m["small"]] >= _PLACE_AFTER[m["head"][-1]] * 10):
        return None  # (十二三千: no numeral)
    place = _SMALL_UNITS[m["small"]] if m["small"] else _PLACE_AFTER[m["head"][-1]] if m["head"] else 1
    scale = _multiplier(m["mult"])
    return float((head + CN_DIGITS[m["a"]] * place) * scale), float((head + CN_DIGITS[m["b"]] * place) * scale)


@lru_cache(maxsize=65536)  # pure; texts repeat the same numerals
def split_range(text: str) -> tuple[str, str] | None:
    """The two ends of a range as written, or None when ``text`` holds no range separator.

    Example:
        >>> split_range("15%—20%")
        ('15%', '20%')
    """
    for sep in RANGE_SEPARATORS:
        left, found, right = text.partition(sep)
        if found and left and right:
            return left, right
    return None


@lru_cache(maxsize=65536)  # pure; texts repeat the same numerals
def parse_range(text: str) -> tuple[float, float] | None:
    """Both ends of a range (``15%—20%``, ``3至5``, ``百分之十五至二十``, ``三四万``), or None.

    A multiplier written only after the second number applies to both ends
    (``3至5万`` is 30,000 to 50,000), as it does in Chinese.

    Example:
        >>> parse_range("15%—20%")
        (15.0, 20.0)
    """
    parts = split_range(text.strip())
    if parts is None:
        return approximate_pair(text.strip())
    left, right = parts
    if left.startswith("百分之") and not right.startswith("百分之"):
        right = "百分之" + right
    mult = _trailing_multiplier(right)
    if mult and not _trailing_multiplier(left):
        left += mult
    low, high = parse_number(left), parse_number(right)
    if low is None or high is None:
        return None
    return low, high


def decimals(text: str) -> int:
    """How many digits the number states after its decimal point (``27.0%`` -> 1, ``七点二`` -> 1).

    Example:
        >>> decimals("33.60%"), decimals("2296"), decimals("百分之十八点五")
        (2, 0, 1)
    """
    m = re.search(r"[.点]([\d〇○零一二三四五六七八九]+)", text)
    return len(m.group(1)) if m else 0


@lru_cache(maxsize=65536)  # pure; texts repeat the same numerals
def place(text: str) -> float:
    """The place value of the last digit a number states: what it is rounded to.

    ``23.6万`` is stated to the thousand (23.55万 to 23.65万 round to it), ``两万``
    to the ten thousand, ``一千二百万`` to the million, ``2296`` to the one and
    ``33.6%`` to the tenth. The checks allow half of it either way.

    Example:
        >>> place("23.6万"), place("两万"), place("一千二百万"), place("2296"), place("33.6%"), place("百分之七十点九")
        (1000.0, 10000.0, 1000000.0, 1.0, 0.1, 0.1)
    """
    scale = 10.0 ** -decimals(text)
    mult = _trailing_multiplier(text.rstrip("%"))
    if mult:
        scale *= _multiplier(mult)
        text = _strip_inner_approx(text)[: -len(mult)]
    if not decimals(text):
        m = re.search(f"([{CN_UNITS[:3]}])$", text)  # 一千二百: stated to the hundred
        if m and re.search(f"[{''.join(CN_DIGITS)}]", text):
            scale *= _SMALL_UNITS[m.group(1)]
    return float(scale)


# ---------------------------------------------------------------------------- calendar dates

_CN_YEAR = "[〇○零一二三四五六七八九]{4}"
_CN_MONTH = "十[一二]?|[一二三四五六七八九]"
_CN_DAY = "[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
#: A calendar date as official text writes it: 2024年3月5日, 二〇二四年三月五日, 2024年3月, 2024-03-05, 2024.3.5.
DATE_PATTERN = re.compile(
    rf"(?<![\d〇○零一二三四五六七八九十])(?P<y>(?:19|20)\d{{2}}|{_CN_YEAR})\s*年"
    rf"(?:\s*(?P<m>1[0-2]|0?[1-9]|{_CN_MONTH})\s*月(?:\s*(?P<d>3[01]|[12]\d|0?[1-9]|{_CN_DAY})\s*[日号])?)?"
    r"|(?<![\d.])(?P<iy>(?:19|20)\d{2})(?P<sep>[-/.])(?P<im>1[0-2]|0?[1-9])(?P=sep)(?P<id>3[01]|[12]\d|0?[1-9])(?![\d.])"
)


MONTH_DAY = re.compile(rf"(?<![\d〇○零一二三四五六七八九十年])(?P<m>1[0-2]|0?[1-9]|{_CN_MONTH})\s*月\s*(?P<d>3[01]|[12]\d|0?[1-9]|{_CN_DAY})\s*[日号]")


def in_year_of(m: re.Match, reference: str) -> str | None:
    """A :data:`MONTH_DAY` match dated in the year of ``reference`` (``YYYY`` or ``YYYY-MM[-DD]``), a
    December day before a January reference in the year before; None for no such day.

    >>> [in_year_of(MONTH_DAY.search(s), r) for s, r in (("9月26日", "2022-09-26"), ("12月31日", "2023-01-01"), ("二月三十日", "2024"))]
    ['2022-09-26', '2022-12-31', None]
    """
    year = int(reference[:4])
    month, day = _date_part(m.group("m")), _date_part(m.group("d"))
    if month == 12 and reference[5:7] == "01":
        year -= 1
    try:
        return dt.date(year, month, day).isoformat()
    except (TypeError, ValueError):
        return None


def dated_in(date: str, year: int) -> str:
    """An ISO date or interval with no year of its own (``--01/--09``, ``--10-05``) put in ``year``; a part that has
    one stays as it is.

    >>> dated_in("--01/--09", 2024), dated_in("--10", 2024), dated_in("2023-12/--02", 2024)
    ('2024-01/2024-09', '2024-10', '2023-12/2024-02')
    """
    return "/".join(f"{year}-{part[2:]}" if part.startswith("--") else part for part in date.split("/"))


def _date_part(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if len(text) == 4:  # a year, digit by digit
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    return small_integer(text)


def iso_date(m: re.Match) -> str | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` for a :data:`DATE_PATTERN` match, or None for no such day (2023年2月30日).

    >>> [iso_date(DATE_PATTERN.search(s)) for s in ("2024年3月5日", "二〇二二年十月十六日", "2023年", "2024-3-5")]
    ['2024-03-05', '2022-10-16', '2023', '2024-03-05']
    """
    if m.group("iy"):
        year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        year, month, day = _date_part(m.group("y")), _date_part(m.group("m")), _date_part(m.group("d"))
    if year is None or not 1900 <= year <= 2099:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def date_in_name(name: str) -> str | None:
    """The date a file name holds (xinhua-2022-09-26.txt, 20240305_news.txt, gwr-2022.txt), or None.

    >>> [date_in_name(s) for s in ("xinhua-2022-09-26.txt", "rmrb_20240305_01.txt", "gwr-2022-crlf.txt", "doc12345678.txt")]
    ['2022-09-26', '2024-03-05', '2022', None]
    """
    for m in re.finditer(r"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)", name):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            continue
    m = re.search(r"(?<![\d])((?:19|20)\d{2})(?![\d])", name)
    return m.group(1) if m else None
