"""Checks of a text's figures against each other: where official text contradicts itself.

Pure functions over the linked figures of :mod:`tifalens.components.stats`; the
statistics component runs them and puts the results in ``doc._.checks``. Each
result is a dict: ``code``, ``level`` (``error``, ``warning`` or ``info``),
``message``, ``at`` (the figure the result is about, an index) and ``figures``
(every figure involved, indices); the component turns indices into offsets.

========================  =======================================================
code                      what it finds
========================  =======================================================
``share``                 a count and its total do not give the stated percentage
``parts_exceed_whole``    parts under 其中 larger than their whole, together or alone
``conflict``              one subject given two different figures in a sentence or
                          paragraph, or two different shares of the same whole
``change``                what 比X增加N / 提高N个百分点 implies about X; an error when
                          the text states X differently
``dangling``              a figure with no subject, or a share with no predicate
========================  =======================================================

>>> import tifalens
>>> doc = tifalens.load()("代表中，农民党员26名，农民党员85名。")
>>> [(c["code"], c["level"]) for c in doc._.checks]
[('conflict', 'error')]
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:  # pragma: no cover
    from .stats import Figure, Linker, StatsRules

Check = dict[str, Any]
_QUANTITY = ("count", "money", "measure")
_COMPARABLE = ("count", "money", "measure", "age", "percent")


def _check(code: str, level: str, message: str, at: int, figures: list[int]) -> Check:
    return {"code": code, "level": level, "message": message, "at": at, "figures": sorted(set(figures))}


def _tolerance(fig: Figure) -> float:
    return 0.5 * 10 ** -fig.decimals + 1e-9


def _fmt(value: float, places: int | None = None) -> str:
    """``value`` to ``places`` decimals, or as few as it needs when ``places`` is None (130, 23.7)."""
    if places is not None:
        return f"{value:.{places}f}"
    return f"{value:.6f}".rstrip("0").rstrip(".")


def run_checks(figs: list[Figure], linker: Linker, rules: StatsRules) -> list[Check]:
    """Every check over the figures, in text order.

    Args:
        figs: The figures, linked by :class:`~tifalens.components.stats.Linker`.
        linker: The linker (sentences and paragraphs of the text).
        rules: The tables of ``data/stats.json``.

    Returns:
        The results; ``check_shares`` also fills in the expected total of a
        share that does not match (``share_of["confirmed"]`` becomes False).
    """
    found: list[Check] = []
    for check in (check_shares, check_parts, check_conflicts, check_share_conflicts, check_changes, check_dangling):
        found.extend(check(figs, linker, rules))
    return sorted(found, key=lambda c: (figs[c["at"]].start, c["code"]))


# ---------------------------------------------------------------------------- share


def check_shares(figs: list[Figure], linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """``share``: a count and the total its neighbours are shares of give another percentage."""
    for i, fig in enumerate(figs):
        share = fig.share_of
        if not share or share["count"] is None or share["confirmed"] or fig.kind != "percent" or not fig.exact:
            continue
        count = figs[share["count"]]
        t = _expected_total(figs, i, linker, rules)
        if t is None or not count.exact:
            continue
        total = figs[t]
        if total.unit != count.unit or total.value <= count.value:
            continue
        computed = 100 * count.value / total.value
        share.update(total=t, computed=round(computed, fig.decimals + 2), confirmed=False)
        yield _check(
            "share",
            "error",
            f"{count.text} out of {total.text} is {_fmt(computed, max(fig.decimals + 1, 2))}%, not {fig.text}"
            f" ({fig.subject or 'this share'}; the other shares here are of {total.text})",
            i,
            [share["count"], t, i],
        )


def _expected_total(figs: list[Figure], i: int, linker: Linker, rules: StatsRules) -> int | None:
    """The total that other shares near this one are confirmed against, or a total the text declares."""
    fig = figs[i]
    confirmed = [
        (abs(f.paragraph - fig.paragraph), abs(k - i), f.share_of["total"])
        for k, f in enumerate(figs)
        if k != i and f.share_of and f.share_of["confirmed"] and f.article == fig.article and abs(f.paragraph - fig.paragraph) <= 2
    ]
    if confirmed:
        return min(confirmed)[2]
    return _declared_total(figs, fig.share_of["count"], linker, rules)


def _declared_total(figs: list[Figure], c: int, linker: Linker, rules: StatsRules) -> int | None:
    """``共有代表100名，其中…``: an earlier count in the paragraph said to be a total."""
    count = figs[c]
    for j in range(c - 1, -1, -1):
        f = figs[j]
        if f.paragraph != count.paragraph:
            return None
        if f.kind == count.kind and f.unit == count.unit and f.exact and f.base is None:
            words = linker.text[f.clause : f.cut]
            after = linker.text[f.tail : f.tail + 4]
            if any(w in words for w in rules.total_words) or rules.part_marker in after:
                return j
    return None


# ---------------------------------------------------------------------------- parts


def check_parts(figs: list[Figure], linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """``parts_exceed_whole``: counts under 其中 larger than their whole, alone or added up."""
    text = linker.text
    for m in re.finditer(re.escape(rules.part_marker), text):
        whole = _whole_before(figs, m.start(), linker)
        if whole is None:
            continue
        yield from _check_part_group(figs, whole, _parts_after(figs, whole, m.end(), linker), rules)


def _sentence_of(linker: Linker, pos: int) -> int:
    return bisect.bisect_right(linker.sentence_starts, pos) - 1


def _whole_before(figs: list[Figure], pos: int, linker: Linker) -> int | None:
    """The count 其中 divides: the last one before it in its sentence, or in the sentence before."""
    s = _sentence_of(linker, pos)
    start = linker.sentence_starts[s]
    lead = linker.text[start:pos].strip(" ，,、：:")
    sentences = (s,) if lead else (s, s - 1)
    best = None
    for j, f in enumerate(figs):
        if f.start >= pos:
            break
        if f.sentence in sentences and f.kind in _QUANTITY and f.depth == 0 and f.base is None and not f.list_member:
            best = j
    if best is None or not figs[best].exact:
        return None
    paragraph = bisect.bisect_right(linker.paragraph_starts, pos) - 1
    return best if figs[best].paragraph == paragraph else None


def _parts_after(figs: list[Figure], whole: int, pos: int, linker: Linker) -> list[tuple[int, list[int]]]:
    """The parts after 其中 in its sentence: (part, [parts nested in it, in brackets])."""
    s = _sentence_of(linker, pos)
    w = figs[whole]
    parts: list[tuple[int, list[int]]] = []
    for j, f in enumerate(figs):
        if f.start < pos or f.sentence != s:
            continue
        if f.kind != w.kind or f.unit != w.unit or f.base is not None:
            continue
        if f.depth == 0:
            parts.append((j, []))
        elif parts:
            parts[-1][1].append(j)
    return parts


def _check_part_group(figs: list[Figure], whole: int, parts: list[tuple[int, list[int]]], rules: StatsRules) -> Iterator[Check]:
    w = figs[whole]
    for p, nested in parts:
        for child, parent in [(p, whole)] + [(n, p) for n in nested]:
            a, b = figs[child], figs[parent]
            if a.value > b.value and a.approx is None:
                yield _check(
                    "parts_exceed_whole",
                    "error",
                    f"{a.text} ({a.subject or 'a part'}) is more than {b.text} ({b.subject or 'its whole'}), which it is part of",
                    child,
                    [parent, child],
                )
    direct = [p for p, _ in parts]
    if len(direct) < 2 or any(any(word in figs[p].subject for word in rules.nested_part_words) for p in direct):
        return  # 55岁以下 and 45岁以下 overlap: they do not add up
    if all(figs[p].exact for p in direct) and len({figs[p].subject for p in direct}) == len(direct):
        total = sum(figs[p].value for p in direct)
        if total > w.value:
            yield _check(
                "parts_exceed_whole",
                "error",
                f"the parts under 其中 ({', '.join(figs[p].text for p in direct)}) add up to {_fmt(total)}{w.unit}, more than the whole {w.text}",
                direct[-1],
                [whole, *direct],
            )
    yield from _check_part_shares(figs, whole, direct)


def _share_of(figs: list[Figure], index: int) -> int | None:
    return next((k for k, f in enumerate(figs) if f.share_of and f.share_of["count"] == index and f.kind == "percent"), None)


def _check_part_shares(figs: list[Figure], whole: int, direct: list[int]) -> Iterator[Check]:
    shares = [_share_of(figs, p) for p in direct]
    if None in shares or not all(figs[k].exact for k in shares):
        return
    total = sum(figs[k].value for k in shares)
    limit_at = _share_of(figs, whole)
    limit = figs[limit_at].value if limit_at is not None else 100.0
    slack = sum(0.5 * 10 ** -figs[k].decimals for k in shares) + (0 if limit_at is None else 0.5 * 10 ** -figs[limit_at].decimals)
    if total > limit + slack + 1e-9:
        of = f"the whole's {figs[limit_at].text}" if limit_at is not None else "100%"
        yield _check(
            "parts_exceed_whole",
            "error",
            f"the shares of the parts under 其中 ({', '.join(figs[k].text for k in shares)}) add up to {_fmt(total)}%, more than {of}",
            shares[-1],
            [whole, *direct, *shares] + ([limit_at] if limit_at is not None else []),
        )


# ---------------------------------------------------------------------------- conflicts


def _dated_sentences(figs: list[Figure]) -> set[int]:
    return {f.sentence for f in figs if f.kind in ("year", "date")}


def _bare_verb(f: Figure, linker: Linker) -> bool:
    """Is the figure's subject one verb right before it (投资55万元…, 投资80万元…: each for another project)?"""
    tokens = linker.tokens
    pos = linker.text.rfind(f.subject, 0, f.start)
    i = bisect.bisect_left(tokens.starts, pos)
    if pos < 0 or i >= len(tokens.starts) or tokens.starts[i] != pos or tokens.ends[i] != pos + len(f.subject):
        return False
    return tokens.token(i)[1].startswith("v")


def check_conflicts(figs: list[Figure], linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """``conflict``: one subject, two different figures, in one sentence (error) or paragraph (warning)."""
    dated = _dated_sentences(figs)
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, f in enumerate(figs):
        if (
            f.subject_source == "own"
            and len(f.subject) >= 2
            and f.exact
            and f.kind in _COMPARABLE
            and f.reference is None
            and not f.list_member
            and not _bare_verb(f, linker)
        ):
            groups[(f.article, f.paragraph, f.subject, f.kind, f.unit)].append(i)
    for members in groups.values():
        for k, b in enumerate(members):
            a = next((a for a in members[:k] if abs(figs[a].value - figs[b].value) > _tolerance(figs[b])), None)
            if a is None:
                continue
            fa, fb = figs[a], figs[b]
            same = fa.sentence == fb.sentence
            if not same and (fa.sentence in dated or fb.sentence in dated):
                continue  # 2021年… 2022年…: figures of different times
            where = "sentence" if same else "paragraph"
            yield _check(
                "conflict",
                "error" if same else "warning",
                f"{fb.subject} is given as {fa.text} and as {fb.text} in the same {where}",
                b,
                [a, b],
            )


def check_share_conflicts(figs: list[Figure], linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """``conflict``: a share of a subject that contradicts an earlier share of the same subject."""
    shares = [
        i
        for i, f in enumerate(figs)
        if f.kind == "percent" and f.exact and f.share_of is not None and len(f.subject) >= 2 and not f.list_member
    ]
    for k, b in enumerate(shares):
        fb = figs[b]
        for a in shares[:k]:
            fa = figs[a]
            if fa.subject != fb.subject or fa.article != fb.article or fa.paragraph == fb.paragraph:
                continue
            if fa.whole and fb.whole and fa.whole != fb.whole:
                continue  # shares of different wholes
            if abs(fa.value - fb.value) > _tolerance(fa) + _tolerance(fb):
                yield _check(
                    "conflict",
                    "warning",
                    f"{fb.subject} is {fb.text} of the whole here, but {fa.text} earlier (“{linker.sentence_text(fa.sentence)}”)",
                    b,
                    [a, b],
                )
                break


# ---------------------------------------------------------------------------- change


def check_changes(figs: list[Figure], linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """``change``: the value a change implies for what it compares with, and texts that state it otherwise."""
    for i, fig in enumerate(figs):
        ref = fig.reference
        if fig.kind not in ("change", "percentage_point") or fig.base is None or not ref or ref["reference_value"] is None:
            continue
        base = figs[fig.base]
        when = f"at {ref['against']}" if ref["against"] else "before"
        implied = f"{ref['reference_value']}{base.unit}"
        stated = _stated_reference(figs, fig, base, linker)
        if stated is not None and abs(figs[stated].value - ref["reference_value"]) > _tolerance(figs[stated]) + _tolerance(fig):
            yield _check(
                "change",
                "error",
                f"“{ref['text']}” after {base.text} implies {base.subject or 'it'} was {implied} {when}, but the text gives {figs[stated].text}",
                i,
                [fig.base, i, stated],
            )
        else:
            yield _check("change", "info", f"“{ref['text']}” after {base.text} implies {base.subject or 'it'} was {implied} {when}", i, [fig.base, i])


def _stated_reference(figs: list[Figure], change: Figure, base: Figure, linker: Linker) -> int | None:
    """A figure elsewhere for the same subject, in a sentence naming what the change compares with."""
    against = change.reference["against"] if change.reference else None
    if not against or not base.subject:
        return None
    for j, f in enumerate(figs):
        if f is base or f is change or f.sentence == base.sentence or f.reference is not None:
            continue
        if f.subject == base.subject and f.unit == base.unit and f.kind == base.kind and f.exact:
            if against in linker.sentence_text(f.sentence):
                return j
    return None


# ---------------------------------------------------------------------------- dangling


def check_dangling(figs: list[Figure], linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """``dangling``: a share in a sentence with no predicate, or a figure with no subject."""
    for i, fig in enumerate(figs):
        if fig.no_predicate:
            yield _check(
                "dangling",
                "warning",
                f"“{linker.sentence_text(fig.sentence)}” has no predicate: it does not say what is {fig.text}"
                f" (a word such as 占 or 为 seems to be missing)",
                i,
                [i],
            )
        elif not fig.subject and fig.kind in _QUANTITY + ("percent", "ratio") and fig.unit not in rules.self_describing_units:
            yield _check("dangling", "warning", f"{fig.text} has no subject: the text does not say what it counts", i, [i])
