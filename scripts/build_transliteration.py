"""Print the ``transliteration_chars`` of ``src/tifalens/data/entities.json``.

The characters transliterated foreign names are written with, taken from the words jieba's
dictionary tags ``nrt`` (transliterated names): every character in at least ``MIN_WORDS`` of
them, less the everyday characters and numerals among them (those that are words or parts of
words of their own: 人, 王, 大, 中, 提, 派 …), plus the characters of names in the news that the
dictionary is too old to hold often (普京, 马克龙, 蓬佩奥, 泽连斯基, 内塔尼亚胡, 乔治, 丹, 尤, 朔尔茨, 卢卡申科, 希恩鲍姆,
米尔济约耶夫)::

    python scripts/build_transliteration.py

The segmenter keeps a run of them after a foreign title one token (英国首相斯塔默).
"""

from __future__ import annotations

import os
from collections import Counter

import jieba

MIN_WORDS = 8
EVERYDAY = "人圣王列日世堡二岛得崇文路金帝山宗一因万州新慈大令太三中昭沙齐提高门热城士五当河四班廉爱温佛十底考本孝第武密镇各木根休易派奈甘"
WELL_KNOWN = "京龙蓬连胡治丹尤朔申鲍济"


def transliteration_chars() -> str:
    counts: Counter[str] = Counter()
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            word, _freq, tag = line.split()
            if tag == "nrt":
                counts.update(set(word))
    chosen = [ch for ch, n in counts.most_common() if n >= MIN_WORDS and ch not in EVERYDAY]
    return "".join(chosen) + "".join(ch for ch in WELL_KNOWN if ch not in chosen)


if __name__ == "__main__":
    print(transliteration_chars())
