"""Throughput, scaling, cold start and memory of tifalens, as ratios against jieba in the same run.

Usage::

    python benchmarks/throughput.py ../shared/corpus/bulk/cpcnews.jsonl [--limit 1000] [--rss-docs 1000 10000]

Writes the "Throughput" section of benchmarks/RESULTS.md (replacing an older one) and
prints it. Absolute numbers on shared machines are noisy; the ratios are what count.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from results import write_section

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def load_texts(path: Path, limit: int) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            if text.strip():
                texts.append(text)
            if len(texts) >= limit:
                break
    return texts


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def single_process(texts: list[str]) -> dict:
    import jieba
    import jieba.posseg

    import tifalens

    chars = sum(map(len, texts))
    jieba.lcut("预热")
    list(jieba.posseg.cut("预热"))
    nlp = tifalens.load()
    list(nlp.pipe(texts[:50]))  # warm the vocabulary
    t_jieba = best_of(lambda: [jieba.lcut(t) for t in texts])
    t_posseg = best_of(lambda: [jieba.posseg.lcut(t) for t in texts], repeat=1)
    t_ours = best_of(lambda: list(nlp.pipe(texts)))
    return {
        "docs": len(texts),
        "chars": chars,
        "jieba_lcut_cps": chars / t_jieba,
        "jieba_posseg_cps": chars / t_posseg,
        "tifalens_cps": chars / t_ours,
        "vs_lcut": t_jieba / t_ours,
        "vs_posseg": t_posseg / t_ours,
    }


def per_component(texts: list[str]) -> dict[str, float]:
    """Seconds per pipeline step over ``texts`` (best of 3, warm vocabulary), with rjieba's own tagging and JSON export."""
    import tifalens
    from tifalens.export.jsonout import to_dict
    from tifalens.reading import read_text

    nlp = tifalens.load()
    list(nlp.pipe(texts))
    steps: dict[str, float] = {"rjieba.tag alone": best_of(lambda: [nlp.tokenizer._backend.tag(t) for t in texts])}
    docs: list = []

    def tokenize() -> None:
        docs[:] = [nlp.make_doc(t) for t in texts]

    steps["tokenizer (segmentation, tags, Doc)"] = best_of(tokenize)
    for name, proc in nlp.pipeline:
        before = [nlp.make_doc(t) for t in texts]
        for _, earlier in nlp.pipeline[: [n for n, _ in nlp.pipeline].index(name)]:
            before = [earlier(d) for d in before]
        steps[name] = best_of(lambda: [proc(d) for d in before])
    sources = [read_text(t) for t in texts]
    analysed = list(nlp.pipe(texts))
    steps["JSON export (to_dict)"] = best_of(lambda: [to_dict(d, s) for d, s in zip(analysed, sources)])
    return steps


def write_cycled(corpus: Path, docs: int, path: Path) -> None:
    """A JSONL corpus of ``docs`` documents: the non-empty ones of ``corpus`` repeated, each with its own id."""
    with open(corpus, encoding="utf-8") as fh:
        records = [r for r in map(json.loads, fh) if (r.get("text") or "").strip()]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(docs):
            record = dict(records[i % len(records)], id=f"{records[i % len(records)].get('id')}-{i}")
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def jobs_speedup(corpus: Path, docs: int) -> dict:
    """Wall time of a whole ``tifalens corpus`` run as a user starts it (a new process: start-up,
    workers and tables included) with ``--jobs 1`` and ``--jobs 2``, best of 2 each; and, for
    what the machine's cores allow, two independent ``--jobs 1`` runs at once, each over every
    other document (the wall time until both end)."""
    exe = str(Path(sys.executable).with_name("tifalens"))

    def run(*inputs: Path, jobs: int = 1) -> list[subprocess.Popen]:
        return [
            subprocess.Popen([exe, "corpus", str(path), "--out", str(path.with_suffix(f".out{jobs}-{time.perf_counter_ns()}")), "--jobs", str(jobs), "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for path in inputs
        ]

    def timed(*inputs: Path, jobs: int = 1) -> float:
        t = time.perf_counter()
        procs = run(*inputs, jobs=jobs)
        if any(p.wait() for p in procs):
            raise SystemExit(f"tifalens corpus failed on {inputs}")
        return time.perf_counter() - t

    with tempfile.TemporaryDirectory() as tmp:
        sample, halves = Path(tmp) / "sample.jsonl", (Path(tmp) / "even.jsonl", Path(tmp) / "odd.jsonl")
        write_cycled(corpus, docs, sample)
        with open(sample, encoding="utf-8") as fh, open(halves[0], "w", encoding="utf-8") as even, open(halves[1], "w", encoding="utf-8") as odd:
            for i, line in enumerate(fh):
                (odd if i % 2 else even).write(line)
        times = {jobs: min(timed(sample, jobs=jobs) for _ in range(2)) for jobs in (1, 2)}
        apart = min(timed(*halves) for _ in range(2))
    return {"jobs1_s": times[1], "jobs2_s": times[2], "speedup": times[1] / times[2], "apart_s": apart, "apart_speedup": times[1] / apart}


def cold_start(seed: Path) -> dict:
    """Median of 5 starts of each, alternating. tifalens's bytecode is compiled first, as ``pip install .`` (the
    README's install) compiles it and jieba's at install: an editable install under PYTHONDONTWRITEBYTECODE (as on
    the machines these numbers come from) would compile its 29 modules again at every start (about 0.3 s)."""
    import compileall
    import importlib.util

    compileall.compile_dir(Path(importlib.util.find_spec("tifalens").origin).parent, quiet=1)
    exe = str(Path(sys.executable).with_name("tifalens"))
    ours, base = [], []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([exe, "analyze", str(seed), "-o", os.devnull], check=True)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import jieba; jieba.lcut('测试')"], check=True, capture_output=True)
        base.append(time.perf_counter() - t)
    return {"tifalens_s": statistics.median(ours), "jieba_s": statistics.median(base), "ratio": statistics.median(ours) / statistics.median(base)}


def peak_rss(corpus: Path, docs: int) -> int:
    """Peak RSS (KiB) of a child process running a corpus of ``docs`` documents (cycling the input)."""
    code = f"""
import json, resource, sys, tempfile, itertools
from pathlib import Path
from tifalens.corpus import Options, run_corpus
lines = [l for l in open({str(corpus)!r}, encoding='utf-8') if json.loads(l).get('text', '').strip()]
with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / 'c.jsonl'
    with open(path, 'w', encoding='utf-8') as fh:
        for i, line in zip(range({docs}), itertools.cycle(lines)):
            rec = json.loads(line); rec['id'] = f"{{rec['id']}}-{{i}}"
            fh.write(json.dumps(rec, ensure_ascii=False) + '\\n')
    del lines
    run_corpus([str(path)], Path(tmp) / 'out', Options(), progress=False)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="JSONL corpus with a text field")
    parser.add_argument("--limit", type=int, default=1000, help="documents for the throughput runs")
    parser.add_argument("--jobs-docs", type=int, default=10000, help="documents (the corpus repeated as needed) for the --jobs 1 vs 2 corpus runs")
    parser.add_argument("--profile-docs", type=int, default=200, help="documents for the per-component table")
    parser.add_argument("--rss-docs", type=int, nargs=2, default=(1000, 10000), help="small and large corpus sizes for peak RSS")
    args = parser.parse_args()

    texts = load_texts(args.corpus, args.limit)
    single = single_process(texts)
    steps = per_component(texts[: args.profile_docs])
    jobs = jobs_speedup(args.corpus, args.jobs_docs)
    cold = cold_start(ROOT / "corpus" / "xinhua-2022-09-26.txt")
    small, large = args.rss_docs
    rss_small, rss_large = peak_rss(args.corpus, small), peak_rss(args.corpus, large)

    cmd = "python benchmarks/throughput.py " + " ".join(sys.argv[1:])
    lines = [
        "## Throughput",
        "",
        f"`{cmd}` — {dt.date.today().isoformat()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| full analysis vs `jieba.lcut` (single process, {single['docs']} docs, {single['chars']:,} chars) | {single['vs_lcut']:.2f}× ({single['tifalens_cps']:,.0f} vs {single['jieba_lcut_cps']:,.0f} chars/s) | ≥ 3× |",
        f"| full analysis vs `jieba.posseg.lcut` | {single['vs_posseg']:.2f}× ({single['jieba_posseg_cps']:,.0f} chars/s for posseg) | ≥ 15× |",
        f"| `--jobs 2` vs `--jobs 1` (`tifalens corpus` run, {args.jobs_docs} docs, start-up included) | {jobs['speedup']:.2f}× ({jobs['jobs1_s']:.1f} s vs {jobs['jobs2_s']:.1f} s) | ≥ 1.8× |",
        f"| two `--jobs 1` runs at once, each on half of those docs, vs one on all: what two processes get from this machine's cores | {jobs['apart_speedup']:.2f}× ({jobs['jobs1_s']:.1f} s vs {jobs['apart_s']:.1f} s) | (none: the ceiling for `--jobs 2`) |",
        f"| cold start `tifalens analyze` seed vs `import jieba; jieba.lcut` (median of 5, bytecode compiled as on install) | {cold['ratio']:.2f}× ({cold['tifalens_s']:.2f} s vs {cold['jieba_s']:.2f} s) | ≤ 2× |",
        f"| peak RSS, {large:,}-doc run vs {small:,}-doc run | {rss_large / rss_small:.2f}× ({rss_large / 1024:.0f} MiB vs {rss_small / 1024:.0f} MiB) | ≤ 1.2× |",
        "",
        f"Where the time goes: seconds per step on the first {min(args.profile_docs, len(texts))} documents "
        f"({sum(map(len, texts[: args.profile_docs])):,} chars), best of 3, in the same process "
        f"(`jieba.lcut` on them: {best_of(lambda: [__import__('jieba').lcut(t) for t in texts[: args.profile_docs]]):.3f} s):",
        "",
        "| step | seconds |",
        "|---|---|",
        *(f"| {name} | {seconds:.3f} |" for name, seconds in steps.items()),
        "",
    ]
    section = "\n".join(lines)
    print(section)
    write_section(section)


if __name__ == "__main__":
    main()
