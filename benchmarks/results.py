"""Writing one benchmark's section of benchmarks/RESULTS.md, leaving the other sections alone."""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(section: str) -> None:
    """Replace the section that starts with ``section``'s first line (its ``## `` heading), or append it."""
    heading = section.splitlines()[0]
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n\n"
    if heading in old:
        head, _, rest = old.partition(heading)
        tail = rest[rest.find("\n## ") + 1 :] if "\n## " in rest else ""
        old = head.rstrip() + "\n\n" + tail
    RESULTS.write_text(old.rstrip() + "\n\n" + section.rstrip() + "\n", encoding="utf-8")
