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
``change``                what 比X增加N / 提高N个百分点 implies about X (an earlier
                          value, or another group's: 比城镇居民快); an error when
                          the text states X differently
``dangling``              a figure with no subject, or a share with no predicate
``composition``           the percentages of a composition (三次产业结构为5.3:41.0:53.7)
                          do not add up to 100, or are not the shares of the
                          amounts listed right before it
``ratio``                 a ratio of two groups' amounts (城乡居民人均可支配收入之比为2.34)
                          is not what the two amounts the text gives make
========================  =======================================================

``list_count`` is also a list of subjects before 分别 with another number of figures after it;
the structure component adds the ``list_count`` of a list announced with a number (四个意识：…)
that has another number of members. The statistics component keeps all checks in text order.

>>> import tifalens
>>> doc = tifalens.load()("代表中，农民党员26名，农民党员85名。")
>>> [(c["code"], c["level"]) for c in doc._.checks]
[('conflict', 'error')]
"""

from __future__ import annotations

import bisect
import os
import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Callable, Iterator, NamedTuple

from ..numbers import MULTIPLIERS, parse_number, place
from ..tables import ends_with

if TYPE_CHECKING:  # pragma: no cover
    from .stats import Figure, Linker, StatsRules

Check = dict[str, Any]
_QUANTITY = ("count", "money", "measure")
_COMPARABLE = ("count", "money", "measure", "age", "percent")


def nearest_in_sentence(figs: list[Figure], i: int, ok: Callable[[Figure], bool], *, forward: bool = False) -> int | None:
    """The index of the nearest figure before ``figs[i]`` (after it, with ``forward``) in its sentence that passes
    ``ok``, or None."""
    step = 1 if forward else -1
    j = i + step
    while 0 <= j < len(figs) and figs[j].sentence == figs[i].sentence:
        if ok(figs[j]):
            return j
        j += step
    return None


def _check(code: str, level: str, message: str, at: int, figures: list[int]) -> Check:
    return {"code": code, "level": level, "message": message, "at": at, "figures": sorted(set(figures))}


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
    for check in (
        check_shares, check_parts, check_remainders, check_conflicts, check_share_conflicts, check_changes, check_change_rates,
        check_annual_rates, check_averages, check_differences, check_dangling, check_respectively, check_compositions,
        check_group_ratios,
    ):  # fmt: skip
        found.extend(check(figs, linker, rules))
    return sorted(found, key=lambda c: (figs[c["at"]].start, c["code"]))


# ---------------------------------------------------------------------------- share


def share_fits(count: Figure, total: Figure, percent: Figure, *, cut: bool = False) -> bool:
    """Can ``count`` be ``percent`` of ``total`` when each is rounded as stated (or, with ``cut``, the
    percentage cut after its last digit: 867 of 1264 is 68.59%, cut to 68%)?

    23.6万 of 33.2万 is 71.08%, yet 23.55万 of 33.25万 is 70.83%: 70.9% fits.
    """
    low_total = total.value - total.spread
    if low_total <= 0:
        return False
    low = 100 * (count.value - count.spread) / (total.value + total.spread)
    high = 100 * (count.value + count.spread) / low_total
    if cut:  # the share itself lies in [percent, percent + one unit of its last digit)
        unit = round(2 * percent.spread, 9)  # (the spread is padded by a hair for inclusive comparisons)
        return low - unit + 1e-6 < percent.value <= high
    return low - percent.spread <= percent.value <= high + percent.spread


def check_shares(figs: list[Figure], linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """``share``: a count and the total its neighbours are shares of give another percentage."""
    for i, fig in enumerate(figs):
        share = fig.share_of
        if not share or share["count"] is None or share["confirmed"] or fig.kind != "percent" or not fig.exact:
            continue
        count = figs[share["count"]]
        t, because = _expected_total(figs, i, linker, rules)
        if t is None or not count.exact:
            continue
        total = figs[t]
        if total.unit != count.unit or total.value <= count.value or share_fits(count, total, fig):
            continue
        computed = 100 * count.value / total.value
        share.update(total=t, computed=round(computed, fig.decimals + 2), confirmed=False)
        cut = share_fits(count, total, fig, cut=True)  # 68.59% written 68%: cut, not rounded
        yield _check(
            "share",
            "info" if cut else "error",
            f"{count.text} out of {total.text} is {_fmt(computed, max(fig.decimals + 1, 2))}%, "
            + (f"cut to {fig.text}, not rounded" if cut else f"not {fig.text}")
            + f" ({fig.subject or 'this share'}; {because.format(total=total.text, whole=fig.whole)})",
            i,
            [share["count"], t, i],
        )


def _expected_total(figs: list[Figure], i: int, linker: Linker, rules: StatsRules) -> tuple[int | None, str]:
    """The total that other shares near this one are confirmed against, or a total the text declares,
    and how the message says why it is the total."""
    fig = figs[i]
    count = figs[fig.share_of["count"]]
    confirmed = [
        (abs(f.paragraph - fig.paragraph), abs(k - i), f.share_of["total"])
        for k, f in enumerate(figs)
        if k != i
        and f.share_of
        and f.share_of["confirmed"]
        and f.article == fig.article
        and abs(f.paragraph - fig.paragraph) <= 2
        and not (fig.whole and f.whole and fig.whole != f.whole)  # 占总人口数的 is not 占排查总数的
        and _total_like(figs[f.share_of["total"]], count)  # (万人 of residents is no share of 名 of civil servants)
        and figs[f.share_of["total"]].value > count.value
    ]
    if confirmed:
        return min(confirmed)[2], "the other shares here are of {total}"
    if count.done_of is not None and not fig.whole:  # 共收到来信210件，已办结198件，办结率94.3%: of all those
        return count.done_of, "the total given is {total}"
    t = _declared_total(figs, fig.share_of["count"], linker, rules, fig.whole)
    return t, ("{whole} is {total}" if t is not None and fig.whole and figs[t].subject.endswith(fig.whole) else "the total given is {total}")


def _declared_total(figs: list[Figure], c: int, linker: Linker, rules: StatsRules, whole: str | None = None) -> int | None:
    """``共有代表100名，其中…``: an earlier count in the paragraph said to be a total, or the
    whole the share names (常住人口4890万人…其中，城镇常住人口3180万人，占常住人口比重为65.03%),
    with 其中 between it and the count (已脱贫户有2985户…，未脱贫户有1025户: the second is no part of the first).
    A share of another whole (占就业人员比重) is not held against a total of something else; a share
    that names its whole may be preceded by it with no 其中 between (全县有贫困村120个，已有80个村脱贫，
    占贫困村总数的70%) or followed by it (占行政村总数的88%，全市共有行政村160个)."""
    count = figs[c]
    core = whole[: len(whole) - len(next((w for w in rules.whole_words if whole.endswith(w)), ""))] if whole else ""
    # a count after the same 其中 as this one is another part, no total (其中女党员3500名，…35岁以下党员2800名，占党员总数的25%)
    marker = linker.text.rfind(rules.part_marker, linker.paragraph_starts[count.paragraph], count.start)
    for j in range(c - 1, -1, -1):
        f = figs[j]
        if f.paragraph != count.paragraph:
            break
        if f.start > marker >= 0:
            continue
        if _total_like(f, count) and not (core and not _shares_words(core, f.subject)):
            words = linker.text[f.clause : f.cut]
            after = linker.text[f.tail : f.tail + 4]
            if core and f.subject.endswith(core) and f.subject != count.subject:
                return j  # the whole the share names, stated before it (全县有贫困村120个，…80个村…，占贫困村总数的70%)
            named = bool(whole) and f.subject.endswith(whole)
            if (named or any(w in words for w in rules.total_words) or rules.part_marker in after) and rules.part_marker in linker.text[f.tail : count.start]:
                return j
    if not core:
        return None
    for j in range(c + 1, len(figs)):
        f = figs[j]
        if f.paragraph != count.paragraph:
            break
        if _total_like(f, count) and _shares_words(core, f.subject) and (f.subject.endswith(whole) or any(w in linker.text[f.clause : f.cut] for w in rules.total_words)):
            return j
    return None


def _total_like(f: Figure, count: Figure) -> bool:
    """Can ``f`` be the total of ``count``: of its kind and unit, exact, and no change from a base?"""
    return f.kind == count.kind and f.unit == count.unit and f.exact and f.base is None


# ---------------------------------------------------------------------------- parts


def check_parts(figs: list[Figure], linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """``parts_exceed_whole``: counts under 其中 larger than their whole, alone or added up;
    ``parts_short_of_whole``: counts under 其中 that end with the rest (其他市州) and add up to less.

    Several wholes before 其中 with as many parts after it pair up in order when
    their subjects share words (开工126万户、竣工112万户，其中…开工63万户、竣工56.6万户);
    otherwise the parts are held against the largest whole, so that no reading
    of the sentence is called an error when another reading fits.
    """
    text = linker.text
    for _, end, w in linker.partitives:  # 832个贫困县中，已有601个…: the parts of one count
        parts = [(j, []) for j in linker.partitive_parts(figs, w, end)]
        if parts and figs[w].exact:
            yield from _check_part_group(figs, w, parts, linker, rules, text[figs[w].start : end])
    for m in rules.part_markers_rx.finditer(text):
        wholes = _wholes_before(figs, m.start(), linker)
        if not wholes:
            continue
        marker = m.group(0)
        parts = _parts_after(figs, wholes[-1], m.end(), linker, rules, depth=_opens_aside(m.start(), linker, rules))
        if not parts:
            yield from _check_bare_shares(figs, wholes[-1], m.end(), linker, rules, marker)
            continue
        if len(wholes) > 1 and len(parts) == len(wholes) and all(_akin(figs[p], figs[w]) for (p, _), w in zip(parts, wholes)):
            for part, whole in zip(parts, wholes):
                yield from _check_part_group(figs, whole, [part], linker, rules, marker)
        else:
            yield from _check_part_group(figs, max(wholes, key=lambda w: figs[w].value), parts, linker, rules, marker)


def _too_much(
    figs: list[Figure], rules: StatsRules, what: str, marker: str, parts: list[int], total: str, limit: str, whole: int, labels: list[str] | None = None
) -> Check:
    """Parts that add up to more than their whole: an error when their subjects (or ``labels``) end alike
    (男性, 女性: the parts of one division), else a warning, since the parts may overlap; so may kinds of
    one measure that the same people can be given (党纪处分, 政务处分: rules.overlapping_kinds)."""
    kin = os.path.commonprefix([label[::-1] for label in labels or [figs[p].subject or "" for p in parts]])[::-1]
    kin = "" if kin.endswith(rules.overlapping_kinds) else kin
    return _check(
        "parts_exceed_whole",
        "error" if kin else "warning",
        f"{what} under {marker} ({', '.join(figs[p].text for p in parts)}) add up to {total}, more than {limit}" + ("" if kin else " (unless they overlap)"),
        parts[-1],
        [whole, *parts],
    )


def _check_bare_shares(figs: list[Figure], whole: int, pos: int, linker: Linker, rules: StatsRules, marker: str) -> Iterator[Check]:
    """Shares alone after 其中 (其中，男性占51.2%，女性占50.8%): of one whole, together at most 100%
    (an error when their subjects end alike, as the parts of a division do; else a warning)."""
    s = _sentence_of(linker, pos)
    w = figs[whole]
    shares = [
        j
        for j, f in enumerate(figs)
        if f.start >= pos and f.sentence == s and f.kind == "percent" and f.share and f.depth == 0 and f.base is None and f.whole in (None, w.subject)
    ]
    subjects = [figs[k].subject or "" for k in shares]
    if len(shares) < 2 or not all(figs[k].exact for k in shares) or len(set(subjects)) < len(subjects):
        return
    if any(word in subject for subject in subjects for word in rules.nested_part_words):
        return  # 55岁以下 and 45岁以下 overlap
    total = sum(figs[k].value for k in shares)
    if total > 100 + sum(0.5 * 10 ** -figs[k].decimals for k in shares) + 1e-9:
        yield _too_much(figs, rules, "the shares of the parts", marker, shares, f"{_fmt(total)}%", "100%", whole)


def _akin(a: Figure, b: Figure) -> bool:
    """Do two figures' subjects share two characters in a row (已开工 and 开工)?"""
    return _shares_words(a.subject, b.subject)


def _shares_words(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` share two characters in a row?"""
    return any(a[k : k + 2] in b for k in range(len(a) - 1))


def _sentence_of(linker: Linker, pos: int) -> int:
    return bisect.bisect_right(linker.sentence_starts, pos) - 1


_BOUNDS = ("以上", "超过", "以下")  # a floor or a ceiling, no amount


def _wholes_before(figs: list[Figure], pos: int, linker: Linker) -> list[int]:
    """The counts 其中 may divide: the last one before it in its sentence (or in the sentence before)
    and the earlier ones of its part of that sentence with the same kind and unit."""
    s = _sentence_of(linker, pos)
    start = linker.sentence_starts[s]
    lead = linker.text[start:pos].strip(" ，,、：:")
    sentences = (s,) if lead else (s, s - 1)
    found = []
    for j, f in enumerate(figs):
        if f.start >= pos:
            break
        if f.sentence in sentences and f.kind in _QUANTITY and f.depth == 0 and f.base is None and not f.list_member:
            found.append(j)
    if found and not figs[found[-1]].exact:
        # a floor said of the whole after it (总产量达到14130亿斤，…连续10年稳定在1.3万亿斤以上。其中…): the whole is the figure before
        floor, before = figs[found[-1]], found[:-1]
        if floor.approx not in _BOUNDS or not before or (figs[before[-1]].subject, figs[before[-1]].unit) != (floor.subject, floor.unit):
            return []
        found = before
    if not found or not figs[found[-1]].exact:
        return []
    last = figs[found[-1]]
    paragraph = bisect.bisect_right(linker.paragraph_starts, pos) - 1
    if last.paragraph != paragraph:
        return []
    part = linker.part_start(last.start)
    return [j for j in found if figs[j].start >= part and figs[j].kind == last.kind and figs[j].unit == last.unit and figs[j].exact]


def _opens_aside(pos: int, linker: Linker, rules: StatsRules) -> int:
    """1 when the 其中 at ``pos`` opens the first level of brackets of its sentence (处分61万人（其中党纪处分…）):
    its parts are in them; else 0."""
    return int(linker.depth_at(pos) == 1 and linker.text[max(0, pos - 4) : pos].rstrip()[-1:] in rules.open_brackets)


def _parts_after(figs: list[Figure], whole: int, pos: int, linker: Linker, rules: StatsRules, *, depth: int = 0) -> list[tuple[int, list[int]]]:
    """The parts after 其中 in its sentence: (part, [parts nested in it, in brackets]); with ``depth`` 1,
    the parts in the brackets that 其中 opens, up to their end.

    A part of the sentence after ； whose first count is of another kind or unit,
    or not in its first clause, starts another topic and ends the parts
    (…其中…由15万减少至2.7万；解决23个乡镇…), as does one that names the whole again to
    divide it another way (处分61万人，其中…；处分省部级干部49人…); so does a count said to be a total
    (…其中…18名，全市累计提拔重用扶贫干部791名).
    """
    s = _sentence_of(linker, pos)
    w = figs[whole]
    text = linker.text
    parts: list[tuple[int, list[int]]] = []
    part = linker.part_start(pos)
    for j, f in enumerate(figs):
        if f.start < pos or f.sentence != s:
            continue
        if f.depth < depth:
            break  # the brackets 其中 opened are closed
        if linker.part_start(f.start) != part and f.kind in _QUANTITY and f.depth == depth:
            part = linker.part_start(f.start)
            if f.kind != w.kind or f.unit != w.unit or text[part : f.clause].strip():
                break
            if w.subject and f.subject != w.subject and f.subject.startswith(w.subject):
                break  # 处分61万人，其中党纪处分…；处分省部级干部49人…: the whole divided another way
        if f.kind == w.kind and f.unit == w.unit and f.depth == depth and any(t in text[f.clause : f.cut] for t in rules.total_words):
            break  # 全市累计提拔重用扶贫干部791名: another whole
        if f.kind != w.kind or f.unit != w.unit or f.base is not None or _difference(f, rules):
            continue  # (出口…，进口…，顺差7.1万亿元: a difference of parts is none of them)
        if f.depth == depth:
            parts.append((j, []))
        elif parts:
            parts[-1][1].append(j)
    return parts


def _average(f: Figure, rules: StatsRules) -> bool:
    """Is the figure an average or a rate per head (全国居民人均消费支出19853元)?"""
    return any(word in f.subject for word in rules.average_words)


def _check_part_group(
    figs: list[Figure], whole: int, parts: list[tuple[int, list[int]]], linker: Linker, rules: StatsRules, marker: str = "其中"
) -> Iterator[Check]:
    w = figs[whole]
    if _average(w, rules) or any(_average(figs[p], rules) for p, _ in parts):
        return  # 城镇居民人均… 25000元 above 全国居民人均… 19853元 is what averages do
    for p, nested in parts:
        for child, parent in [(p, whole)] + [(n, p) for n in nested]:
            a, b = figs[child], figs[parent]
            if a.value - a.spread > b.value + b.spread and a.approx is None:
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
    if all(figs[p].exact for p in direct) and len({_part_label(figs[p], linker) for p in direct}) == len(direct):
        rest = _after_partitions(figs, w, direct)
        total = sum(figs[p].value for p in rest)
        if len(rest) > 1 and total - sum(figs[p].spread for p in rest) > w.value + w.spread:
            # parts told apart by what their clauses say (30名常年在村，25名年龄在60岁以上) may overlap, unless
            # the last is the rest (…，其他党员10名): then they divide the whole
            remainder = figs[rest[-1]].subject.startswith(rules.remainder_words)
            labels = None if remainder else ["".join(_part_label(figs[p], linker)) for p in rest]
            yield _too_much(figs, rules, "the parts", marker, rest, _as_written(total, w), f"the whole {w.text}", whole, labels)
        elif rest == direct and figs[direct[-1]].subject.startswith(rules.remainder_words) and total + sum(figs[p].spread for p in rest) < w.value - w.spread:
            yield _check(
                "parts_short_of_whole",
                "warning",
                f"the parts under {marker} ({', '.join(figs[p].text for p in rest)}), the rest ({figs[direct[-1]].subject}) included,"
                f" add up to {_as_written(total, w)}, less than the whole {w.text}",
                direct[-1],
                [whole, *rest],
            )
    if all(figs[p].exact for p in direct) and (division := complete_division([figs[p].subject or "" for p in direct], rules)):
        total = sum(figs[p].value for p in direct)
        if total + sum(figs[p].spread for p in direct) < w.value - w.spread:
            yield _check(
                "parts_short_of_whole",
                "warning",
                f"the parts under {marker} ({', '.join(figs[p].text for p in direct)}) divide it by {'、'.join(division)} and"
                f" add up to {_as_written(total, w)}, less than the whole {w.text}",
                direct[-1],
                [whole, *direct],
            )
    yield from _check_part_shares(figs, whole, direct)


def complete_division(subjects: list[str], rules: StatsRules) -> tuple[str, ...] | None:
    """The division that leaves nothing out (第一产业, 第二产业, 第三产业; 城镇, 农村) whose members, one each,
    open ``subjects``, the rest of them alike (…增加值), or None."""
    for division in rules.complete_divisions:
        if len(subjects) != len(division):
            continue
        members = [next((m for m in division if s.startswith(m)), None) for s in subjects]
        if None not in members and len(set(members)) == len(division) and len({s[len(m) :] for s, m in zip(subjects, members)}) == 1:
            return tuple(members)
    return None


def check_remainders(figs: list[Figure], linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """``remainder``: a total, the parts of it said and the rest (全县有贫困村120个，已有98个村脱贫出列，剩余32个村…)
    that together make the total. The total is said to be one (有, 共有, 原有, 达: rules.remainder_totals), in the
    rest's sentence; the parts are the counts between them. An error when neither all the parts nor any one of them
    and the rest make the total, a warning when there are several parts (one may be inside another)."""
    text = linker.text
    for i, rest in enumerate(figs):
        if rest.kind not in _QUANTITY or rest.depth or not rest.exact or not text[rest.clause : rest.start].lstrip().startswith(rules.rest_words):
            continue
        alike = [
            j for j in range(i) if figs[j].sentence == rest.sentence and figs[j].kind == rest.kind and figs[j].unit == rest.unit and not figs[j].depth and figs[j].base is None
        ]
        # the first count said to be a whole that is larger than every count after it (已有98个 is a part, 有 or not)
        t = next(
            (j for j in alike if any(w in text[figs[j].clause : figs[j].cut] for w in rules.remainder_totals) and all(figs[k].value < figs[j].value for k in alike if k > j) and figs[j].value > rest.value),
            None,
        )
        parts = [j for j in alike if t is not None and j > t]
        if not parts or not figs[t].exact or not all(figs[p].exact for p in parts) or rules.part_markers_rx.search(text, figs[t].end, rest.start):
            continue  # (parts under 其中 are check_parts')
        total = figs[t]
        slack = total.spread + rest.spread + 1e-9
        readings = [parts] + ([[p] for p in parts] if len(parts) > 1 else [])
        if any(abs(sum(figs[p].value for p in group) + rest.value - total.value) <= slack + sum(figs[p].spread for p in group) for group in readings):
            continue
        made = sum(figs[p].value for p in parts) + rest.value
        yield _check(
            "remainder",
            "error" if len(parts) == 1 else "warning",
            f"{', '.join(figs[p].text for p in parts)} and the rest, {rest.text}, add up to {_as_written(made, total)}, not the whole {total.text}",
            i,
            [t, *parts, i],
        )


def _part_label(f: Figure, linker: Linker) -> tuple[str, str]:
    """What tells a part from the others: its subject, and, when the subject is the whole's (其中601个已摘帽，
    179个正在进行退出检查: what is counted goes unsaid), what the clause says of it."""
    return (f.subject, "" if f.subject_source == "own" else linker.predicate(f))


def _after_partitions(figs: list[Figure], w: Figure, direct: list[int]) -> list[int]:
    """The parts to add up: none when they fall into runs that each add up to the whole
    (党员7名，其中男党员6名、女党员1名；党员民警6名、党员辅警1名: two ways to divide 7), else all."""
    run: list[int] = []
    for p in direct:
        run.append(p)
        if abs(sum(figs[k].value for k in run) - w.value) <= sum(figs[k].spread for k in run) + w.spread:
            run = []
    return direct if run else []


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
    """``conflict``: one subject in the same words, two different figures.

    An error within a sentence (代表中，农民党员26名，农民党员85名), a warning within a
    paragraph. Figures with something else counted between them, or 其中, are of
    different groups. The same noun counted in other words is another group (选派482名干部
    … 各县组织直属部门选派5628名干部; 2名妇女当选副主席，4名妇女当选委员), and so is
    one in another part of the sentence or paragraph when each part leads up to it
    with its own words (学校党委…立行立改50条；二级党委…立行立改347条).
    """
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
            groups[(f.article, f.paragraph, f.subject, f.kind, f.unit, linker.context(f))].append(i)
    for members in groups.values():
        for k, b in enumerate(members):
            fb = figs[b]
            a = next((a for a in members[:k] if abs(figs[a].value - fb.value) > figs[a].spread + fb.spread and figs[a].clause != fb.clause), None)
            if a is None:
                continue
            fa = figs[a]
            if _regrouped(figs, a, b, linker, rules):
                continue
            same = fa.sentence == fb.sentence
            if not same and (fa.sentence in dated or fb.sentence in dated):
                continue  # 2021年… 2022年…: figures of different times
            lead_a, lead_b = _lead(fa, linker), _lead(fb, linker)
            if linker.part_start(fa.start) != linker.part_start(fb.start) and lead_a and lead_b and lead_a != lead_b:
                continue  # 学校党委…立行立改50条；二级党委…立行立改347条: each part names its own group
            where = "sentence" if same else "paragraph"
            yield _check(
                "conflict",
                "error" if same else "warning",
                f"{fb.subject} is given as {fa.text} and as {fb.text} in the same {where}",
                b,
                [a, b],
            )


def _regrouped(figs: list[Figure], a: int, b: int, linker: Linker, rules: StatsRules) -> bool:
    """Do figures ``a`` and ``b`` each belong to the figure before them: 其中 between them, or each
    after a count of its own (营业收入总额2934亿元，增幅25.7%，利润总额48.5亿元，增幅13%)?

    A repeated item of one list is not regrouped (新建学校12所，改扩建学校8所，新建学校15所).
    """
    if rules.part_marker in linker.text[figs[a].end : figs[b].start]:
        return True
    head_a, head_b = _head(figs, a), _head(figs, b)
    return head_a is not None and head_b is not None and head_b > a


def _head(figs: list[Figure], i: int) -> int | None:
    """The nearest figure before ``i`` in its sentence that counts something else."""
    f = figs[i]
    return nearest_in_sentence(figs, i, lambda g: g.subject_source == "own" and bool(g.subject) and g.subject != f.subject and g.kind in _COMPARABLE)


def _lead(f: Figure, linker: Linker) -> str:
    """What leads up to a figure's clause in its part of the sentence, numbers masked."""
    return re.sub(r"\d+(?:\.\d+)?", "#", linker.text[linker.part_start(f.start) : f.clause]).strip()


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
            if abs(fa.value - fb.value) > fa.spread + fb.spread:
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
        if fig.kind not in ("change", "percentage_point") or fig.base is None or not ref:
            continue
        base = figs[fig.base]
        if ref["reference_value"] is None:
            if ref["relative"]:
                yield from _check_relative_change(figs, i, base, linker, rules)
            continue
        implied = _as_written(ref["reference_value"], base)
        against = ref["against"]
        if not against or against.endswith(rules.time_endings):
            what = f"{base.subject or 'it'} was {implied} {f'at {against}' if against else 'before'}"
        else:  # 比城镇居民快1.5个百分点: another group's value, not an earlier one
            what = f"{implied} for {against}"
        message = f"“{ref['text']}” {'after' if base.start < fig.start else 'to'} {base.text} implies {what}"  # (增加5万人|至120万人)
        stated = _stated_earlier(figs, fig, base, linker, rules)
        if stated is not None and abs(figs[stated].value - ref["reference_value"]) > figs[stated].spread + fig.spread + base.spread:
            yield _check("change", "error", f"{message}, but the text gives {figs[stated].text}", i, [fig.base, i, stated])
        else:
            yield _check("change", "info", message, i, [fig.base, i])


def rate_range(amount: Figure, current: Figure) -> tuple[float, float] | None:
    """The percentages of change ``amount`` (up or down to ``current``) can be when each is rounded as stated.

    比上年增加888万吨 to 69541万吨 is 888 / 68653 = 1.293%; the ends of the range take the
    rounding of both figures. None when the figure before the change would not be positive.
    """
    up = amount.direction > 0
    low_amount, high_amount = amount.value - amount.spread, amount.value + amount.spread
    low_before = current.value - current.spread - (high_amount if up else -high_amount)
    high_before = current.value + current.spread - (low_amount if up else -low_amount)
    if low_before <= 0 or low_amount < 0:
        return None
    return 100 * low_amount / high_before, 100 * high_amount / low_before


def check_change_rates(figs: list[Figure], linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """``change_rate``: a change given both as an amount and as a percentage (增加888万吨，增产1.3%)
    where the two disagree: the amount over the figure before the change is another percentage, or
    they go in opposite directions."""
    changes: dict[int, list[int]] = {}
    for i, fig in enumerate(figs):
        if fig.kind == "change" and fig.base is not None and fig.reference and fig.exact:
            changes.setdefault(fig.base, []).append(i)
    for j, found in changes.items():
        amounts = [i for i in found if not figs[i].reference["relative"]]
        rates = [i for i in found if figs[i].reference["relative"]]
        if len(amounts) != 1 or len(rates) != 1:
            continue  # none, or several to pair: nothing sure to compare
        amount, rate, current = figs[amounts[0]], figs[rates[0]], figs[j]
        if not current.exact or (amount.against and rate.against and amount.against != rate.against):
            continue
        what = current.subject or current.text
        if amount.net != rate.net:
            verb = {1: "rose", -1: "fell"}.get
            message = f"{what} {verb(amount.net, 'changed')} by {amount.text} but {verb(rate.net, 'changed')} by {rate.text}"
        else:
            bounds = rate_range(amount, current)
            if bounds is None or bounds[0] - rate.spread <= rate.value <= bounds[1] + rate.spread:
                continue
            before = _as_written(current.value - amount.direction * amount.value, current)
            computed = 100 * amount.value / (current.value - amount.direction * amount.value)
            message = f"{amount.text} on {before} before is a change of {_fmt(computed, max(rate.decimals + 1, 2))}%, not {rate.text} ({what} is {current.text})"
        yield _check("change_rate", "error", message, rates[0], [j, amounts[0], rates[0]])


def check_annual_rates(figs: list[Figure], linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """``change_rate``: a rate per year (年均增长30.2%) after a level reached from another, each dated by the year right
    before it (从2015年的3416元增加到2019年的9808元): compounded over the years between, the two levels give another rate."""
    for i, fig in enumerate(figs):
        ref = fig.reference
        if fig.kind != "change" or fig.base is None or not ref or not ref["relative"] or not fig.exact or fig.unit != "%":
            continue
        if not any(w in linker.text[fig.clause : fig.start] for w in rules.annual_rate_words):
            continue
        end = figs[fig.base]
        start_at = _origin_of(figs, fig.base)
        if start_at is None or not end.exact or _real_growth(end, linker, rules):
            continue
        begin = figs[start_at]
        years = _year_of(figs, start_at, linker), _year_of(figs, fig.base, linker)
        if None in years or years[1] <= years[0] or begin.value <= 0:
            continue
        n = years[1] - years[0]
        low = 100 * (((end.value - end.spread) / (begin.value + begin.spread)) ** (1 / n) - 1)
        high = 100 * (((end.value + end.spread) / (begin.value - begin.spread)) ** (1 / n) - 1) if begin.value > begin.spread else float("inf")
        rate = fig.direction * fig.value
        if low - fig.spread <= rate <= high + fig.spread:
            continue
        actual = 100 * ((end.value / begin.value) ** (1 / n) - 1)
        yield _check(
            "change_rate",
            "error",
            f"from {begin.text} in {years[0]} to {end.text} in {years[1]} is {_fmt(actual, max(fig.decimals, 1))}% a year, not {fig.text}",
            i,
            [start_at, fig.base, i],
        )


def _real_growth(level: Figure, linker: Linker, rules: StatsRules) -> bool:
    """May the rate of change of ``level`` be real growth, at comparable prices, while the levels are nominal: output
    in money (国内生产总值, 增加值), or a sentence that says so (实际增长, 按可比价格)?"""
    sentence = linker.sentence_text(level.sentence)
    if any(w in sentence for w in rules.real_growth_words):
        return True
    return level.kind == "money" and any(w in (level.subject or "") for w in rules.rate_base_nouns)


def _origin_of(figs: list[Figure], b: int) -> int | None:
    """The figure ``figs[b]`` was reached from in its sentence (从2015年的3416元增加到…), or None."""
    base = figs[b]
    return nearest_in_sentence(figs, b, lambda f: f.origin and f.unit == base.unit and f.kind == base.kind and f.exact)


def _year_of(figs: list[Figure], i: int, linker: Linker) -> int | None:
    """The year a figure is of, said right before it (2015年的3416元, 2019年底的9808元), or None."""
    if i == 0 or figs[i - 1].kind != "year" or figs[i - 1].high is not None:
        return None
    between = linker.text[figs[i - 1].end : figs[i].start]
    return int(figs[i - 1].value) if between in ("的", "底的", "末的", "年底的", "年末的", "") else None


# ---------------------------------------------------------------------------- average


_ABOVE = ("余", "多", "超过", "以上")  # 120余万: from 120万 up to the next unit of its last digit


def _bounds(f: Figure) -> tuple[float, float] | None:
    """The least and the most ``f`` can be, as rounded or as 余/多/超过/以上 say; None when it is only about (约)."""
    if f.exact:
        return f.value - f.spread, f.value + f.spread
    if f.approx in _ABOVE and f.high is None and f.value > 0:
        step = place(f.number)
        while f.value % (step * 10) == 0:
            step *= 10  # 120余万: the 2 is the last digit it states, so 120万 to 130万
        return f.value, f.value + step
    return None


def check_averages(figs: list[Figure], linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """``average``: a figure per head or per household (人均2.8万元) against the total and the
    count of the same sentence (共计120余万元，涉及职工43人): 120余万元 over 43人 is 2.79万元 to 3.02万元."""
    for i, avg in enumerate(figs):
        units = rules.per_head.get(avg.subject)
        if units is None or avg.kind not in _QUANTITY:
            continue
        count = total = None
        for j in range(i - 1, -1, -1):
            f = figs[j]
            if f.sentence != avg.sentence:
                break
            if count is None and f.kind == "count" and f.unit in units and f.subject not in rules.per_head:
                count = j
            elif total is None and f.kind == avg.kind and f.unit == avg.unit and f.subject not in rules.per_head and not _average(f, rules):
                total = j
        if count is None or total is None:
            continue
        ranges = [_bounds(figs[k]) for k in (total, count, i)]
        if None in ranges or ranges[1][0] <= 0:
            continue
        (t_low, t_high), (c_low, c_high), (a_low, a_high) = ranges
        low, high = t_low / c_high, t_high / c_low
        if a_high < low or a_low > high:
            t, c = figs[total], figs[count]
            places = avg.decimals + 1 if avg.decimals else 0  # 2.8万元: 2.76万元; 3000元: 2750元
            ends = [_as_written(v, avg, places) for v in (low, high)]
            span = ends[0] if ends[0] == ends[1] else f"{ends[0]} to {ends[1]}"
            yield _check(
                "average",
                "error",
                f"{t.text} over {c.text} is {avg.subject} {span}, not {avg.text}",
                i,
                [total, count, i],
            )


def _difference(f: Figure, rules: StatsRules) -> tuple[str, str, str] | None:
    """The row of ``rules.differences`` ``f`` is the difference of (人口自然增长率, 货物贸易顺差), or None."""
    return next((r for r in rules.differences if f.subject.endswith(r[0])), None)


def check_differences(figs: list[Figure], linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """``difference``: a figure that is by definition one less another, against the two in its
    paragraph (出生率为6.77‰；死亡率为7.76‰；自然增长率为-0.99‰; 出口25.5万亿元，进口18.4万亿元，顺差7.1万亿元)."""
    for i, d in enumerate(figs):
        row = _difference(d, rules) if d.exact and d.kind != "change" else None
        if row is None:
            continue
        found = []
        for word in row[1:]:
            found.append(next(
                (j for j in range(len(figs)) if j != i and figs[j].paragraph == d.paragraph and figs[j].subject.endswith(word)
                 and figs[j].unit == d.unit and figs[j].kind == d.kind and figs[j].exact),
                None,
            ))  # fmt: skip
        if None in found:
            continue
        a, b = (figs[j] for j in found)
        if abs(a.value - b.value - d.value) <= a.spread + b.spread + d.spread:
            continue
        yield _check(
            "difference",
            "error",
            f"{a.text} less {b.text} is {_as_written(a.value - b.value, d, d.decimals)}, not {d.text} ({d.subject} is {a.subject} less {b.subject})",
            i,
            [*found, i],
        )


def _as_written(value: float, like: Figure, places: int | None = None) -> str:
    """``value`` in the multiplier and unit of ``like`` (9672万名 beside 9804.1万名, not 96720000名),
    to ``places`` decimals (as few as it needs when None)."""
    if like.kind in _QUANTITY + ("change",):
        for word in sorted(MULTIPLIERS, key=len, reverse=True):
            if word in like.text:
                return f"{_fmt(value / MULTIPLIERS[word], places)}{word}{like.unit}"
    return f"{_fmt(value, places)}{like.unit}"


def _check_relative_change(figs: list[Figure], i: int, base: Figure, linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """A change in percent (比上年增长12%) against the value the text gives for what it compares with
    (上年为110亿元: 125亿元 is 13.6% more), or, compared with nothing named, the one it was reached from
    (从100亿元增长到125亿元，增长了30%: 25%): an error when no rounding of the three makes them agree."""
    fig = figs[i]
    against = fig.reference["against"]
    stated = _stated_earlier(figs, fig, base, linker, rules)
    if stated is None or not (fig.exact and base.exact):
        return
    ref = figs[stated]
    per = 100 if fig.unit == "倍" else 1  # (增加了1.76倍: 176% more)
    rate, spread = fig.direction * fig.value * per, fig.spread * per
    low = (base.value - base.spread) / (1 + (rate + spread) / 100)
    high = (base.value + base.spread) / (1 + (rate - spread) / 100) if rate - spread > -100 else float("inf")
    if low - ref.spread <= ref.value <= high + ref.spread or ref.value <= 0:
        return
    actual = 100 * (base.value / ref.value - 1)
    more = f"{_fmt(abs(actual), fig.decimals + 1)}%" if per == 1 else f"{_fmt(abs(actual) / 100, fig.decimals + 1)}倍"
    message = (
        f"“{fig.reference['text']}” after {base.text} implies {base.subject or 'it'} was {_as_written(base.value / (1 + rate / 100), base, ref.decimals + 1)}"
        f" {f'at {against}' if against else 'before'}, but the text gives {ref.text} ({base.text} is {more} {'more' if actual >= 0 else 'less'})"
    )
    times = base.value / ref.value
    slack = fig.spread + times * (base.spread / base.value + ref.spread / ref.value) if base.value else fig.spread
    if per > 1 and fig.direction > 0 and abs(times - fig.value) <= slack:
        # 增加了2.76倍 where 23119元 is 2.76 times 8389元: the multiple said as the increase, a slip writers often make
        yield _check(
            "change",
            "warning",
            f"{message}; {base.text} is {_fmt(times, fig.decimals + 1)} times {ref.text}, as 增长到{fig.text} or 是…的{fig.text} would say, not 增长{fig.text}",
            i,
            [fig.base, i, stated],
        )
        return
    yield _check("change", "error", message, i, [fig.base, i, stated])


def _stated_reference(figs: list[Figure], change: Figure, base: Figure, linker: Linker, rules: StatsRules) -> int | None:
    """A figure for the same subject in a sentence naming what the change compares with (上年全市财政收入为
    100亿元), or one whose subject is that alone or that and the same words as the base's past the period
    each opens with, in the change's sentence too (，上年为110亿元; 全年完成投资500亿元，…，上年完成投资450亿元)."""
    against = change.reference["against"] if change.reference else None
    if not against or not base.subject:
        return None
    own = _period(base.subject, rules)[1]
    for j, f in enumerate(figs):
        if f is base or f is change or f.reference is not None or f.unit != base.unit or f.kind != base.kind or not f.exact:
            continue
        period, rest = _period(f.subject or "", rules)
        earlier = bool(period) and rest == own and (against.startswith(period) or period.startswith(against))  # 上年 for 上年同期
        if (f.subject == against or earlier) and f.sentence == base.sentence and f.start > change.start:
            return j
        if f.sentence != base.sentence and (base.subject in (f.subject, f.subject.removeprefix(against)) or earlier):
            if against in linker.sentence_text(f.sentence):
                return j
    return _stated_for_year_before(figs, change, base, against, rules)


def _stated_for_year_before(figs: list[Figure], change: Figure, base: Figure, against: str, rules: StatsRules) -> int | None:
    """A figure of the base's subject in a sentence that names the year before the one the base's sentence names,
    when the change compares with the year before (2022年全市地区生产总值5000亿元。2023年全市地区生产总值5300亿元，
    比上年增加200亿元: 5000亿元). Not for a rate of change of money, often at comparable prices (国内生产总值增长5.2%
    is real growth; the two amounts are nominal)."""
    if against not in rules.year_before_words or (change.reference and change.reference["relative"] and base.kind == "money"):
        return None
    years: dict[int, set[int]] = {}
    for f in figs:
        if f.kind == "year" and f.high is None:
            years.setdefault(f.sentence, set()).add(int(f.value))
    named = years.get(base.sentence, set())
    if len(named) != 1:
        return None  # (no year, or several: which one the change is of is not sure)
    year = next(iter(named))
    found = [
        j
        for j, f in enumerate(figs)
        if f.sentence != base.sentence and years.get(f.sentence) == {year - 1} and f.subject == base.subject
        and f.unit == base.unit and f.kind == base.kind and f.exact and f.reference is None and f.article == base.article
    ]
    return found[0] if len(found) == 1 else None


def _stated_earlier(figs: list[Figure], change: Figure, base: Figure, linker: Linker, rules: StatsRules) -> int | None:
    """The figure the text gives for what ``change`` compares with: under the time it names (上年为110亿元), or,
    naming none, the one its base was reached from (由30.5%提高到35.2%，提高了5.7个百分点)."""
    rates = ("change", "percent")  # (同比下降4.5%，较第二季的1.3%跌幅扩大3.2个百分点: 1.3% is the rate the change had)
    compared = [
        j for j, f in enumerate(figs)
        if change.cut <= f.start and f.end <= change.start and f.unit == base.unit and (f.kind == base.kind or (f.kind in rates and base.kind in rates))
    ]
    if compared and base.start < change.cut:
        return compared[-1]  # 23119元，比2012年的8389元增加了1.76倍: the figure it is compared with, in its own words
    if change.reference and change.reference["against"]:
        return _stated_reference(figs, change, base, linker, rules)
    return _stated_origin(figs, change, linker, rules)


def _stated_origin(figs: list[Figure], change: Figure, linker: Linker, rules: StatsRules) -> int | None:
    """The figure the change's base was reached from in its sentence (由30.5%提高到35.2%: 30.5%), which a change
    compared with nothing named (，提高了5.7个百分点) starts from too; or None, and None for a change per year
    (年均增长4.8%: a rate over the years, not the whole change)."""
    if any(w in linker.text[change.clause : change.start] for w in rules.annual_rate_words):
        return None
    return _origin_of(figs, change.base)


def _period(subject: str, rules: StatsRules) -> tuple[str, str]:
    """The period word ``subject`` opens with, if any, and the rest (全年完成投资: 全年, 完成投资)."""
    period = next((w for w in rules.period_words if subject.startswith(w)), "")
    return period, subject[len(period) :]


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
        elif (
            not fig.subject
            and fig.kind in _QUANTITY + ("percent", "ratio")
            and fig.unit not in rules.self_describing_units
            and fig.unit not in rules.subjectless_units
            and not linker.names_what_it_counts(fig)
        ):
            yield _check("dangling", "warning", f"{fig.text} has no subject: the text does not say what it counts", i, [i])


# ---------------------------------------------------------------------------- 分别


def check_respectively(figs: list[Figure], linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """``list_count``: a list of subjects before 分别 and another number of figures after it
    (甲、乙、丙分别增长5%和6%: which figure is whose cannot be told)."""
    for run, phrase, sizes in linker.uneven_lists:
        yield _check(
            "list_count",
            "warning",
            f"{phrase} lists {' or '.join(map(str, sizes))} before 分别, but {len(run)} figures follow ({', '.join(figs[k].text for k in run)})",
            run[0],
            run,
        )


# ---------------------------------------------------------------------------- composition


class _Stated(NamedTuple):
    """A number as stated, for :func:`share_fits`: its value and half a unit of its last digit."""

    value: float
    spread: float


def check_compositions(figs: list[Figure], linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """``composition``: a composition in percentages (its numbers add up to about 100: 三次产业结构为5.3:41.0:53.7)
    must add up to 100 as rounded, an error otherwise; and when as many amounts of one kind and unit come right
    before it in its paragraph (第一产业增加值312.5亿元 … 第二产业… 第三产业增加值3148.0亿元), its numbers must be
    their shares of their sum, a warning otherwise (the amounts may be other than its parts)."""
    low, high = rules.composition_percent_sum
    for i, comp in enumerate(figs):
        if comp.parts is None:
            continue
        parts = [_Stated(parse_number(p) or 0.0, 0.5 * place(p) + 1e-9) for p in comp.parts]
        total = sum(p.value for p in parts)
        if not low <= total <= high:
            continue  # 1:2:7: no percentages
        places = max(_decimals(p) for p in comp.parts)
        if abs(total - 100) > sum(p.spread for p in parts):
            yield _check("composition", "error", f"the parts of {comp.text} add up to {_fmt(total, places)}, not 100", i, [i])
            continue
        amounts = _amounts_before(figs, i, len(parts))
        if amounts is None:
            continue
        whole = _Stated(sum(figs[j].value for j in amounts), sum(figs[j].spread for j in amounts))
        if all(share_fits(figs[j], whole, part) for j, part in zip(amounts, parts)):  # type: ignore[arg-type]
            continue
        shares = ":".join(_fmt(100 * figs[j].value / whole.value, places) for j in amounts)
        listed = ", ".join(figs[j].text for j in amounts)
        yield _check("composition", "warning", f"{comp.text} is not the shares of {listed} before it ({shares})", i, [*amounts, i])


def _decimals(number: str) -> int:
    return len(number.split(".")[1]) if "." in number else 0


def _amounts_before(figs: list[Figure], i: int, n: int) -> list[int] | None:
    """The ``n`` amounts (counts, money, measures; no changes) last before figure ``i`` in its paragraph, in text
    order, when they are of one kind and unit; else None."""
    found: list[int] = []
    for j in range(i - 1, -1, -1):
        f = figs[j]
        if f.paragraph != figs[i].paragraph or len(found) == n:
            break
        if f.kind in _QUANTITY and f.high is None:
            found.append(j)
    if len(found) < n or len({(figs[j].kind, figs[j].unit) for j in found}) != 1 or any(figs[j].value <= 0 for j in found):
        return None
    return found[::-1]


# ---------------------------------------------------------------------------- ratio of two groups


def check_group_ratios(figs: list[Figure], linker: Linker, rules: StatsRules) -> Iterator[Check]:
    """``ratio``: a ratio of two groups' amounts, named by the word that contracts them (城乡居民人均可支配收入之比为2.34,
    城乡居民收入比为2.34∶1), against the two amounts its article gives for the same time (城镇居民人均可支配收入54188元,
    农村居民人均可支配收入23119元: 2.34): an error when no rounding of the three makes them agree."""
    for i, fig in enumerate(figs):
        if fig.kind not in ("index", "ratio") or not fig.subject or not fig.exact:
            continue
        end = ends_with(fig.subject, rules.group_ratio_ends)
        if not end:
            continue
        stem = fig.subject[: -len(end)]
        for short, members in rules.contracted_lists:
            at = stem.find(short)
            if at < 0 or len(members) != 2:
                continue
            rest = stem[at + len(short) :]
            pair = [_group_amount(figs, fig, member, rest, linker) for member in members]
            if None in pair:
                continue
            a, b = (figs[k] for k in pair)
            if b.value - b.spread <= 0:
                continue
            low, high = (a.value - a.spread) / (b.value + b.spread), (a.value + a.spread) / (b.value - b.spread)
            if low - fig.spread <= fig.value <= high + fig.spread:
                continue
            yield _check(
                "ratio",
                "error",
                f"{fig.subject} {fig.text}, but {a.subject} {a.text} and {b.subject} {b.text} make {_fmt(a.value / b.value, fig.decimals + 1)}",
                i,
                [*pair, i],
            )
            break


def _group_amount(figs: list[Figure], ratio: Figure, member: str, rest: str, linker: Linker) -> int | None:
    """The last amount before ``ratio`` in its article whose subject names ``member`` and what the ratio is of
    (城镇 and 居民人均可支配收入: 城镇居民人均可支配收入; 居民收入: a subject with 城镇居民 in it, ending with 收入), said of the
    same time as the ratio."""
    head, tail = member + rest[:2], rest[-2:]
    when = _time_text(ratio, linker)
    for k in range(len(figs) - 1, -1, -1):
        f = figs[k]
        if f.start >= ratio.start or f.article != ratio.article or f.kind not in _QUANTITY or not f.exact or not f.subject:
            continue
        if head in f.subject and f.subject.endswith(tail) and _time_text(f, linker) == when:
            return k
    return None


def _time_text(fig: Figure, linker: Linker) -> str | None:
    return linker.text[fig.when.start : fig.when.end] if fig.when is not None else None

