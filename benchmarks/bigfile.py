"""Peak memory and time of ``tifalens analyze`` (and ``corpus``) on one large text file, by file size.

Usage::

    python benchmarks/bigfile.py [--sizes 20 50 100 200] [--commands analyze corpus] [--keep DIR]

Each file is made of the paragraphs of the bundled ``corpus/*.txt`` texts, shuffled
and with their figures changed at random, written as UTF-8 up to the size in MB.
Each command runs as its own process; its peak RSS is read from ``os.wait4``.
Writes the "Large files" section of benchmarks/RESULTS.md (replacing an older one)
and prints it. The target: peak RSS does not grow with the file (largest vs
smallest ≤ 1.2×).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from results import write_section

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SECTION = "## Large files"
EXE = shutil.which("tifalens") or str(Path(sys.executable).with_name("tifalens"))
MB = 1_000_000


def paragraphs() -> list[str]:
    """The non-empty lines of the bundled seed texts."""
    lines = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def make_file(path: Path, size_mb: int, *, seed: int = 0) -> int:
    """Write about ``size_mb`` MB of shuffled paragraphs with varied figures; return the characters written."""
    rng = random.Random(seed)
    paras = paragraphs()
    vary = lambda m: str(rng.randint(1, 10 ** len(m.group()) - 1))  # noqa: E731
    written = chars = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        while written < size_mb * MB:
            rng.shuffle(paras)
            for para in paras:
                text = re.sub(r"\d+", vary, para) + "\n"
                fh.write(text)
                written += len(text.encode("utf-8"))
                chars += len(text)
                if written >= size_mb * MB:
                    break
    return chars


def measure(args: list[str]) -> tuple[float, int, int]:
    """Wall time (s), peak RSS (bytes) and exit status of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen([EXE, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if proc.stderr is not None:
        proc.stderr.close()
    return seconds, usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)


def command(name: str, text: Path, work: Path) -> list[str]:
    if name == "analyze":
        return ["analyze", str(text), "-f", "jsonl", "-o", str(work / "out.jsonl")]
    out = work / "run"
    shutil.rmtree(out, ignore_errors=True)
    return ["corpus", str(text), "--out", str(out), "--quiet"]


def blocks_of(name: str, work: Path) -> int:
    if name == "analyze":
        with open(work / "out.jsonl", "rb") as fh:
            return sum(1 for _ in fh)
    with open(work / "run" / "documents.csv", "rb") as fh:
        return sum(1 for _ in fh) - 1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 50, 100, 200], help="file sizes in MB")
    parser.add_argument("--commands", nargs="+", choices=["analyze", "corpus"], default=["analyze"])
    parser.add_argument("--keep", type=Path, help="make the files in this folder and keep them")
    parser.add_argument("--no-write", action="store_true", help="print the section, leave RESULTS.md alone")
    args = parser.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="tifalens-bigfile-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for size in args.sizes:
            text = work / f"big-{size}mb.txt"
            chars = make_file(text, size)
            for name in args.commands:
                seconds, rss, status = measure(command(name, text, work))
                rows.append((name, size, chars, blocks_of(name, work) if status == 0 else 0, seconds, rss, status))
                print(f"{name} {size} MB: {seconds:.1f} s, {rss / 2**20:.0f} MiB, exit {status}", file=sys.stderr, flush=True)
            if not args.keep:
                text.unlink()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    cmd = "python benchmarks/bigfile.py " + " ".join(["--sizes", *map(str, args.sizes), "--commands", *args.commands])
    lines = [
        SECTION,
        "",
        f"`{cmd}` — {dt.date.today().isoformat()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}",
        "",
        "Each file: the paragraphs of `corpus/*.txt`, shuffled, figures changed at random, UTF-8. Commands:",
        "`tifalens analyze FILE -f jsonl -o out.jsonl` and `tifalens corpus FILE --out DIR --quiet`, default",
        "`--block-chars` (1,000,000); peak RSS of the process from `os.wait4`.",
        "",
        "| command | file | characters | blocks | time | chars/s | peak RSS | exit |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, size, chars, blocks, seconds, rss, status in rows:
        lines.append(f"| {name} | {size} MB | {chars:,} | {blocks} | {seconds:.1f} s | {chars / seconds:,.0f} | {rss / 2**20:,.0f} MiB | {status} |")
    lines.append("")
    for name in args.commands:
        mine = [r for r in rows if r[0] == name]
        small, large = min(mine, key=lambda r: r[1]), max(mine, key=lambda r: r[1])
        lines.append(
            f"- {name}: peak RSS {large[1]} MB vs {small[1]} MB file: {large[5] / small[5]:.2f}× "
            f"({large[5] / 2**20:,.0f} vs {small[5] / 2**20:,.0f} MiB; target ≤ 1.2×)"
        )
    lines += ["", "Peak RSS is that of one block being analysed (the pipeline, one block's `Doc` and its JSON); it does", "not grow with the file."]
    section = "\n".join(lines) + "\n"
    print(section)
    if not args.no_write:
        write_section(section)


if __name__ == "__main__":
    main()
