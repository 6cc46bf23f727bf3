"""Word segmentation scored the SIGHAN 2005 bakeoff way, ours against jieba in the same run.

Usage::

    python benchmarks/sighan.py ../shared/bench/sighan2005 [--parity corpus ../shared/corpus/texts]

FOLDER holds ``{pku,msr}_test.utf8`` (one sentence a line), ``{pku,msr}_test_gold.utf8``
(the same lines, words separated by spaces) and ``{pku,msr}_training_words.utf8`` (one
word a line: what counts as in-vocabulary). Each segmenter gets the raw test lines;
precision, recall and F1 are over word spans (a word is right when both its edges
are), OOV and IV recall split the gold words by the training word list.

Segmenters: tifalens' ``JiebaSegmenter`` with the packaged lexicon (both backends),
reading each line as the tool reads any input (normalised, words mapped back to the
raw line); plain jieba (``jieba.Tokenizer().lcut``); rjieba without the lexicon; and
our segmenter on the raw line without normalisation. The run also
checks that every lexicon occurrence in the test text is one token of ours, and
lists where the two backends of ours give different tokens (on the test sets and on
the ``--parity`` folders). Writes the "Segmentation (SIGHAN 2005)" section of
benchmarks/RESULTS.md (replacing an older one) and prints it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import logging
import platform
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from results import write_section

SECTION = "## Segmentation (SIGHAN 2005)"
CORPORA = ("pku", "msr")

Segment = Callable[[str], list[str]]


@dataclass
class Score:
    """Counts for one segmenter on one test set; the rates are derived."""

    gold: int = 0
    predicted: int = 0
    correct: int = 0
    oov: int = 0
    oov_correct: int = 0
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def oov_recall(self) -> float:
        return self.oov_correct / self.oov if self.oov else 0.0

    @property
    def iv_recall(self) -> float:
        iv = self.gold - self.oov
        return (self.correct - self.oov_correct) / iv if iv else 0.0


@dataclass
class TestSet:
    """One bakeoff corpus: raw lines, gold words per line, the training vocabulary."""

    name: str
    lines: list[str]
    gold: list[list[str]]
    vocabulary: frozenset[str]
    chars: int = field(init=False)

    def __post_init__(self) -> None:
        self.chars = sum(map(len, self.lines))


def read_lines(path: Path) -> list[str]:
    """Lines of a UTF-8 file without line ends (CRLF or LF); a BOM is dropped."""
    return path.read_text(encoding="utf-8-sig").splitlines()


def load_test_set(folder: Path, name: str) -> TestSet:
    """Read ``{name}_test``, ``{name}_test_gold`` and ``{name}_training_words`` from ``folder``.

    Lines are not required to pair up one to one: the MSR gold file puts a few
    opening quotes at the end of the line before. Scoring uses offsets into the
    whole test text instead, which the gold words must spell exactly.
    """
    lines = ["".join(line.split()) for line in read_lines(folder / f"{name}_test.utf8")]
    gold = [line.split() for line in read_lines(folder / f"{name}_test_gold.utf8")]
    vocabulary = frozenset(w.strip() for w in read_lines(folder / f"{name}_training_words.utf8") if w.strip())
    if "".join(lines) != "".join(w for words in gold for w in words):
        sys.exit(f"{name}: the gold words do not spell the test text")
    return TestSet(name, lines, gold, vocabulary)


def spans(words: Iterable[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank word, in a text with white space removed."""
    out = []
    pos = 0
    for word in words:
        word = "".join(word.split())
        if word:
            out.append((pos, pos + len(word)))
            pos += len(word)
    return out


def score(segment: Segment, test: TestSet) -> Score:
    """Run ``segment`` over every test line and count right words, OOV words and right OOV words."""
    result = Score()
    start = time.perf_counter()
    predicted = [segment(line) for line in test.lines]
    result.seconds = time.perf_counter() - start
    ours = set(spans(w for words in predicted for w in words))
    gold = [w for words in test.gold for w in words]
    result.predicted = len(ours)
    for (a, b), word in zip(spans(gold), gold):
        right = (a, b) in ours
        oov = word not in test.vocabulary
        result.gold += 1
        result.correct += right
        result.oov += oov
        result.oov_correct += right and oov
    return result


def segmenters() -> dict[str, Segment]:
    """Every segmenter compared, each a fresh instance (no shared jieba state)."""
    import jieba
    import rjieba
    import spacy

    from tifalens.lexicon import Lexicon
    from tifalens.segmenter import JiebaSegmenter

    logging.getLogger("jieba").setLevel(logging.WARNING)
    vocab = spacy.blank("zh").vocab
    ours = JiebaSegmenter(vocab, backend="rjieba", lexicon=Lexicon.default())
    ours_jieba = JiebaSegmenter(vocab, backend="jieba", lexicon=Lexicon.default())
    plain = jieba.Tokenizer()
    plain.initialize()
    bare = rjieba.Jieba()
    return {
        "tifalens (rjieba + lexicon)": as_read(ours),
        "tifalens (jieba + lexicon)": as_read(ours_jieba),
        "jieba `Tokenizer().lcut`": plain.lcut,
        "rjieba, no lexicon": bare.cut,
        "tifalens segmenter alone, raw line": lambda s: [t.text for t in ours(s)],
    }


def as_read(segmenter) -> Segment:
    """Segment a line the way the tool reads any input: normalised first, words mapped back to the line.

    Normalising folds full-width digits and Latin letters to ASCII one for one
    (１９９７ -> 1997), so a number is one run to the segmenter instead of a
    character each; every word is then the exact slice of the raw line it came from.
    """
    from tifalens.errors import InputError
    from tifalens.reading import read_text

    def segment(line: str) -> list[str]:
        try:
            source = read_text(line)
        except InputError:  # an empty or blank line
            return [line] if line else []
        words = []
        for token in segmenter(source.text):
            a, b = source.to_original(token.idx, token.idx + len(token.text))
            words.append(source.original[a:b])
        return words

    return segment


def lexicon_check(segment: Segment, texts: Iterable[str]) -> tuple[int, list[str]]:
    """Lexicon occurrences in ``texts``, and a line for each one that is not one token.

    A term may be left in pieces on purpose when a word of the segmenter runs
    across its edge (脱贫攻坚 in 脱贫攻坚战); the line says which word.
    """
    from tifalens.lexicon import Lexicon

    lexicon = Lexicon.default()
    seen = 0
    broken = []
    for text in texts:
        matches = lexicon.find(text)
        if not matches:
            continue
        words = segment(text)
        token = spans(words)
        for m in matches:
            seen += 1
            if (m.start, m.end) in token:
                continue
            over = [text[a:b] for a, b in token if a < m.end and m.start < b]
            crossing = [text[a:b] for a, b in token if a < m.end and m.start < b and (a < m.start or b > m.end)]
            why = f"the word {'/'.join(crossing)} crosses its edge" if crossing else "split inside: a bug"
            broken.append(f"{m.form} in …{text[max(0, m.start - 4) : m.end + 4]}… -> {' | '.join(over)} ({why})")
    return seen, broken


def token_differences(a: Segment, b: Segment, texts: Iterable[str]) -> Counter:
    """``(words of a, words of b)`` for every place the two segmenters disagree, counted."""
    found: Counter = Counter()
    for text in texts:
        wa, wb = a(text), b(text)
        if wa == wb:
            continue
        matcher = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "equal":
                found[(" ".join(wa[i1:i2]), " ".join(wb[j1:j2]))] += 1
    return found


def parity_texts(folders: list[Path]) -> list[tuple[str, str]]:
    """``(name, normalised text)`` of every file in ``folders``, read as tifalens reads them."""
    import tifalens

    out = []
    for folder in folders:
        paths = sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else [folder]
        out.extend((p.name, tifalens.read(p).text) for p in paths)
    return out


def table(results: dict[str, dict[str, Score]], tests: list[TestSet]) -> list[str]:
    rows = [
        "| corpus | segmenter | P | R | F1 | OOV recall | IV recall | words right / gold / predicted | chars/s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for test in tests:
        for name, by_test in results.items():
            s = by_test[test.name]
            speed = test.chars / s.seconds if s.seconds else 0.0
            rows.append(
                f"| {test.name.upper()} | {name} | {s.precision:.4f} | {s.recall:.4f} | **{s.f1:.5f}** | "
                f"{s.oov_recall:.4f} | {s.iv_recall:.4f} | {s.correct:,} / {s.gold:,} / {s.predicted:,} | {speed:,.0f} |"
            )
    return rows


def disagreements(a: Segment, b: Segment, test: TestSet) -> tuple[Counter, Counter]:
    """Words only ``a`` gives and words only ``b`` gives, each counted as right or wrong by the gold standard."""
    text = "".join(test.lines)
    gold = set(spans(w for words in test.gold for w in words))
    sa = set(spans(w for line in test.lines for w in a(line)))
    sb = set(spans(w for line in test.lines for w in b(line)))
    only_a: Counter = Counter()
    only_b: Counter = Counter()
    for only, found in ((sa - sb, only_a), (sb - sa, only_b)):
        for x, y in only:
            found[(text[x:y], (x, y) in gold)] += 1
    return only_a, only_b


def _has_digit_or_latin(word: str) -> bool:
    """Does ``word`` hold an ASCII or full-width digit or Latin letter?"""
    return any(ch.isascii() and ch.isalnum() or "０" <= ch <= "９" or "Ａ" <= ch <= "Ｚ" or "ａ" <= ch <= "ｚ" for ch in word)


def disagreement_lines(name: str, a: Segment, b: Segment, tests: list[TestSet]) -> list[str]:
    """One line per test set: where ours and ``name`` cut differently, and who the gold standard sides with."""
    out = []
    for test in tests:
        only_a, only_b = disagreements(a, b, test)
        right_a = sum(n for (_, ok), n in only_a.items() if ok)
        right_b = sum(n for (_, ok), n in only_b.items() if ok)
        runs = {key: n for key, n in only_a.items() if _has_digit_or_latin(key[0])}
        words = ", ".join(f"{w}{'✓' if ok else '✗'}" + (f"×{n}" if n > 1 else "") for (w, ok), n in sorted(only_a.items()) if (w, ok) not in runs)
        out.append(
            f"- {test.name.upper()}: ours gives {sum(only_a.values())} words {name} does not "
            f"({right_a} right), of which {sum(runs.values())} hold digits or Latin letters "
            f"({sum(n for (_, ok), n in runs.items() if ok)} right) and the others are: {words or 'none'}; "
            f"{name} gives {sum(only_b.values())} words ours does not ({right_b} right)."
        )
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="folder with the SIGHAN 2005 pku_* and msr_* files")
    parser.add_argument("--parity", type=Path, nargs="*", default=[], help="files or folders to diff the two backends on")
    parser.add_argument("--no-write", action="store_true", help="print the section, leave RESULTS.md alone")
    args = parser.parse_args(argv)

    tests = [load_test_set(args.folder, name) for name in CORPORA]
    segs = segmenters()
    results = {name: {t.name: score(seg, t) for t in tests} for name, seg in segs.items()}
    names = list(segs)
    ours, ours_jieba, plain = (segs[n] for n in names[:3])

    all_lines = [line for t in tests for line in t.lines]
    seen, broken = lexicon_check(ours, all_lines)
    bench_diff = token_differences(ours, ours_jieba, all_lines)
    named = parity_texts(args.parity)
    corpus_diff = token_differences(ours, ours_jieba, [text for _, text in named])

    command = "python benchmarks/sighan.py " + " ".join(sys.argv[1:] if argv is None else argv)
    lines = [
        SECTION,
        "",
        f"`{command}` — {dt.date.today().isoformat()}, Python {platform.python_version()}",
        "",
        "Word spans scored as in the bakeoff (a word is right when both edges are); OOV = gold words not in the",
        "corpus' training word list. Every segmenter gets the same raw test lines. Ours reads them as the tool",
        "reads any input: normalised first (full-width digits and letters folded to ASCII one for one, so",
        "１９９７ is one run, not four characters), each word then mapped back to its exact slice of the raw line;",
        "the last row is our segmenter on the raw line without that step. The lexicon keeps formulas whole on",
        "purpose: PKU's guidelines split numeral + classifier (四 项 基本 原则) and MSR's split 三 个 有利于, so a",
        "few formula words count against ours in both.",
        "",
        *table(results, tests),
        "",
        "F1 of ours minus F1 of plain jieba: "
        + ", ".join(f"{t.name.upper()} {results[names[0]][t.name].f1 - results[names[2]][t.name].f1:+.6f}" for t in tests)
        + ". Where the two differ (✓ = a gold word, ✗ = not):",
        *disagreement_lines("jieba", ours, plain, tests),
        "",
        f"Lexicon terms in the test sets: {seen} occurrences, {seen - len(broken)} kept as one token by ours.",
        *(f"- not whole: {b}" for b in broken),
        "",
        "Backends of ours (rjieba vs jieba), token differences:",
        f"- SIGHAN test sets ({sum(t.chars for t in tests):,} chars): " + _diff_line(bench_diff),
    ]
    if named:
        chars = sum(len(text) for _, text in named)
        lines.append(f"- {len(named)} texts of {', '.join(str(p) for p in args.parity)} ({chars:,} chars): " + _diff_line(corpus_diff))
    section = "\n".join(lines) + "\n"
    print(section)
    if not args.no_write:
        write_section(section)


def _diff_line(diff: Counter) -> str:
    if not diff:
        return "none"
    shown = ", ".join(f"`{a}` vs `{b}`" + (f" ×{n}" if n > 1 else "") for (a, b), n in diff.most_common())
    return f"{sum(diff.values())} places: {shown}"


if __name__ == "__main__":
    main()
