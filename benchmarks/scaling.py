"""Scaling of structure parsing and duplicate detection: 10x the input must take at most 12x the time.

Usage::

    python benchmarks/scaling.py [SEED_FILE]

Builds texts of n and 10n paragraphs (the seed's paragraphs, each made unique so
duplicate detection has real work), times the structure component's parser on
both, and appends the result to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from tifalens.components.structure import parse_structure
from tifalens.reading import read

from results import write_section
from throughput import best_of as best

HERE = Path(__file__).resolve().parent


def make_text(paragraphs: list[str], n: int) -> str:
    return "\n\n".join(f"{paragraphs[i % len(paragraphs)]}（第{i}段）" for i in range(n))


def main() -> None:
    seed = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "corpus" / "xinhua-2022-09-26.txt"
    paragraphs = [p.strip() for p in read(seed).text.split("\n") if len(p.strip()) > 20]
    small, large = make_text(paragraphs, 500), make_text(paragraphs, 5000)
    t_small = best(lambda: parse_structure(small))
    t_large = best(lambda: parse_structure(large))
    ratio = t_large / t_small
    line = (
        f"| structure + duplicates, 5,000 vs 500 paragraphs ({len(large):,} vs {len(small):,} chars) "
        f"| {ratio:.1f}× time ({t_large:.2f} s vs {t_small:.3f} s) | ≤ 12× |"
    )
    section = "\n".join(
        ["## Scaling", "", f"`python benchmarks/scaling.py` — {dt.date.today().isoformat()}", "", "| measure | value | target |", "|---|---|---|", line, ""]
    )
    print(section)
    write_section(section)
    if ratio > 12:
        sys.exit(f"scaling target missed: {ratio:.1f}x > 12x")


if __name__ == "__main__":
    main()
