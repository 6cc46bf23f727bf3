"""Known tifa: every lexicon formula the segmenter kept whole, as spans in ``doc.spans["tifa"]``.

The segmenter (:mod:`tifalens.segmenter`) decides where a formula is really a
word (四必 in 落实“四必”核查, not in 四必须); this component reads that decision
off the tokens, so the two can never disagree.
"""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import register_extensions
from ..lexicon import Lexicon


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is ``[start, end)`` within one of the sorted, disjoint ``ranges``?"""
    k = bisect.bisect_right(ranges, (start, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= start and end <= ranges[k][1]


def article_index(doc: Doc) -> tuple[list[int], list[int]]:
    """Start offsets and indices of the ARTICLE spans, for bisecting a position to its article."""
    arts = sorted((s.start_char, s._.article) for s in doc.spans.get("structure", []) if s.label_ == "ARTICLE")
    return [a for a, _ in arts], [i for _, i in arts]


def article_at(index: tuple[list[int], list[int]], pos: int) -> int | None:
    starts, ids = index
    k = bisect.bisect_right(starts, pos) - 1
    return ids[k] if k >= 0 else None


class TermsComponent:
    """Adds a span per known formula occurrence (duplicates left out unless asked)."""

    def __init__(self, nlp: Language, name: str, *, keep_duplicates: bool) -> None:
        register_extensions()
        self.name = name
        self.keep_duplicates = keep_duplicates
        tokenizer_lexicon = getattr(nlp.tokenizer, "lexicon", None)
        self.lexicon: Lexicon = tokenizer_lexicon if isinstance(tokenizer_lexicon, Lexicon) else Lexicon.default()

    def __call__(self, doc: Doc) -> Doc:
        excluded = sorted(doc._.excluded or [])
        arts = article_index(doc)
        spans: list[Span] = []
        for m in self.lexicon.find(doc.text):
            span = doc.char_span(m.start, m.end, label="TIFA")
            if span is None or len(span) != 1:
                continue  # the segmenter read another word here (四必须)
            if not self.keep_duplicates and excluded and inside(excluded, m.start, m.end):
                continue
            e = m.entry
            span._.term = m.form
            span._.canonical = e.canonical
            span._.category = e.category
            span._.expansion = e.expansion
            span._.first_used = e.first_used
            span._.known = True
            span._.article = article_at(arts, m.start)
            spans.append(span)
        doc.spans["tifa"] = spans
        return doc


@Language.factory(
    "tifa_terms",
    assigns=["doc.spans"],
    requires=["doc.spans"],
    default_config={"keep_duplicates": False},
)
def make_terms(nlp: Language, name: str, keep_duplicates: bool) -> TermsComponent:
    """Registered factory for the known-terms component."""
    return TermsComponent(nlp, name, keep_duplicates=keep_duplicates)
