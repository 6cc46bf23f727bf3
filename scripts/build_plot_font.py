"""Build ``src/tifalens/data/fonts/tifalens-plot-cjk.otf``, the font trend plots label terms with.

A plot's legend names the terms it draws (两个确立, 四个意识); without a font that has
their characters, matplotlib draws boxes. Many machines tifalens runs on (servers,
containers) have no CJK font, so the package ships a subset of Noto Sans CJK SC
(SIL Open Font License 1.1, ``data/fonts/OFL.txt``): the characters of
``data/common_hanzi.txt`` (the 4,000 most frequent Han characters and their
Traditional forms), every character of the tifa lexicon, ASCII and Chinese
punctuation. It is built once, at build time only::

    pip install "fonttools>=4.40"
    python scripts/build_plot_font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

(Debian and Ubuntu: ``apt install fonts-noto-cjk``; or any NotoSansCJKsc-Regular.otf.)
The font is renamed "tifalens plot CJK" so that it is never taken for the full font
a machine may have installed under Noto's name.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "tifalens" / "data"
OUT = DATA / "fonts" / "tifalens-plot-cjk.otf"
FAMILY = "tifalens plot CJK"
PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】〔〕—–…·％＋－／"


def characters() -> set[str]:
    chars = {chr(c) for c in range(0x20, 0x7F)} | set(PUNCTUATION)
    for line in (DATA / "common_hanzi.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            chars.update(line.strip())
    chars.update((ROOT / "src" / "tifalens" / "lexicon" / "tifa.tsv").read_text(encoding="utf-8"))
    return {c for c in chars if c.isprintable()}


def main(source: str) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

    if source.endswith(".ttc"):
        fonts = TTCollection(source).fonts
        number = next(i for i, f in enumerate(fonts) if f["name"].getDebugName(1) == "Noto Sans CJK SC")
        font = TTFont(source, fontNumber=number)
    else:
        font = TTFont(source)
    options = subset.Options()
    options.layout_features = []  # no shaping is needed to label a plot
    options.hinting = False
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(map(ord, characters())))
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID in (3, 4):
            record.string = f"{FAMILY} Regular"
        elif record.nameID == 6:
            record.string = FAMILY.replace(" ", "") + "-Regular"
    if "CFF " in font:  # the outlines' own names
        cff = font["CFF "].cff
        top = cff[cff.fontNames[0]]
        cff.fontNames = [FAMILY.replace(" ", "") + "-Regular"]
        top.FamilyName, top.FullName = FAMILY, f"{FAMILY} Regular"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(OUT)
    print(f"{OUT}: {len(font.getBestCmap())} characters, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: python {sys.argv[0]} NotoSansCJK-Regular.ttc (or NotoSansCJKsc-Regular.otf)")
    main(sys.argv[1])
