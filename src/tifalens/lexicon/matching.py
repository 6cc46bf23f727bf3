"""Leftmost-longest search for many fixed strings at once (Aho-Corasick), shared by the lexicons."""

from __future__ import annotations

from typing import Callable, Iterable

import ahocorasick


class FormIndex:
    """Finds every occurrence of a set of strings, keeping leftmost-longest, non-overlapping ones.

    >>> FormIndex(["四个全面", "四个全面战略布局"]).find("协调推进四个全面战略布局")
    [(4, 12, '四个全面战略布局')]
    """

    def __init__(self, forms: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for form in forms:
            self._automaton.add_word(form, form)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, *, edges: Callable[[int, int], bool] | None = None) -> list[tuple[int, int, str]]:
        """``(start, end, form)`` of each kept occurrence; a form inside a longer one counts once, as the longer.

        With ``edges``, only occurrences it accepts compete (one that ends inside a word does not hide
        the one that starts there: 联合|国家发展改革委)."""
        if self._empty:
            return []
        hits = sorted(
            ((end + 1 - len(form), end + 1, form) for end, form in self._automaton.iter(text)),
            key=lambda h: (h[0], -h[1]),
        )
        if edges is not None:
            hits = [h for h in hits if edges(h[0], h[1])]
        out: list[tuple[int, int, str]] = []
        last_end = 0
        for start, end, form in hits:
            if start >= last_end:
                out.append((start, end, form))
                last_end = end
        return out
