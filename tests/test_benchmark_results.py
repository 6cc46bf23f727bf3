"""benchmarks/RESULTS.md keeps one section per benchmark script: a rerun of one never drops another's."""

from __future__ import annotations

import re
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def test_every_benchmark_has_its_section_in_results():
    results = (BENCH / "RESULTS.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^## .+$", results, flags=re.M))
    for script in ("sighan.py", "throughput.py", "scaling.py", "bigfile.py"):
        source = (BENCH / script).read_text(encoding="utf-8")
        (heading,) = set(re.findall(r"\"(## [^\"]+)\"", source))
        assert heading in headings, f"{script}: {heading!r} missing from RESULTS.md"
        # the section says how it was produced
        section = results.split(heading, 1)[1].split("\n## ", 1)[0]
        assert f"python benchmarks/{script}" in section


def test_writing_one_section_keeps_the_others(tmp_path, monkeypatch):
    import sys

    monkeypatch.syspath_prepend(str(BENCH))
    sys.modules.pop("results", None)
    import results

    path = tmp_path / "RESULTS.md"
    path.write_text("# Benchmark results\n\n## A\n\none\n\n## B\n\ntwo\n\n## C\n\nthree\n", encoding="utf-8")
    monkeypatch.setattr(results, "RESULTS", path)
    results.write_section("## B\n\nnew two\n")
    results.write_section("## D\n\nfour\n")
    assert path.read_text(encoding="utf-8") == "# Benchmark results\n\n## A\n\none\n\n## C\n\nthree\n\n## B\n\nnew two\n\n## D\n\nfour\n"
