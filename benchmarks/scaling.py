"""Scaling of structure parsing and duplicate detection, and of reading a web page saved as HTML:
10x the input must take at most 12x the time.

Usage::

    python benchmarks/scaling.py [SEED_FILE]

Builds texts of n and 10n paragraphs (the seed's paragraphs, each made unique so
duplicate detection has real work), times the structure component's parser on
both and reading them as HTML pages (each paragraph a <p>, quotation marks as
entities), and appends the result to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from tifalens.components.structure import parse_structure
from tifalens.reading import read, read_bytes

from results import write_section
from throughput import best_of as best

HERE = Path(__file__).resolve().parent


def make_text(paragraphs: list[str], n: int) -> str:
    return "\n\n".join(f"{paragraphs[i % len(paragraphs)]}（第{i}段）" for i in range(n))


def make_page(text: str) -> bytes:
    body = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n")).replace("“", "&ldquo;").replace("”", "&rdquo;")
    return f"<!DOCTYPE html><html><body>{body}</body></html>".encode("utf-8")


def scaling(what: str, work, small, large, sizes: str) -> tuple[str, float]:
    """A table row for ``work`` on ``small`` and on ten times as much (``large``), and the ratio of their times."""
    t_small, t_large = best(lambda: work(small)), best(lambda: work(large))
    ratio = t_large / t_small
    return f"| {what}, {sizes} | {ratio:.1f}× time ({t_large:.2f} s vs {t_small:.3f} s) | ≤ 12× |", ratio


def main() -> None:
    seed = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "corpus" / "xinhua-2022-09-26.txt"
    paragraphs = [p.strip() for p in read(seed).text.split("\n") if len(p.strip()) > 20]
    small, large = make_text(paragraphs, 500), make_text(paragraphs, 5000)
    pages = make_page(small), make_page(large)
    rows = [
        scaling("structure + duplicates", parse_structure, small, large, f"5,000 vs 500 paragraphs ({len(large):,} vs {len(small):,} chars)"),
        scaling("reading an HTML page", lambda page: read_bytes(page, path="page.html"), *pages, f"5,000 vs 500 paragraphs ({len(pages[1]):,} vs {len(pages[0]):,} bytes)"),
    ]
    section = "\n".join(
        ["## Scaling", "", f"`python benchmarks/scaling.py` — {dt.date.today().isoformat()}", "", "| measure | value | target |", "|---|---|---|", *(row for row, _ in rows), ""]
    )
    print(section)
    write_section(section)
    worst = max(ratio for _, ratio in rows)
    if worst > 12:
        sys.exit(f"scaling target missed: {worst:.1f}x > 12x")


if __name__ == "__main__":
    main()
