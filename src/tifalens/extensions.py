"""The extension attributes tifalens sets on spaCy objects (registered once, idempotently).

Span attributes (``span._.name``) are shared by the span groups ``structure``,
``tifa`` and ``stats``; each component fills the ones it needs and leaves the rest
at their defaults.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

SPAN_ATTRS = {
    # structure
    "article": None,
    "section": None,
    "qa": None,
    "marker": "",
    "number": None,
    "family": None,
    "duplicate_of": None,
    "clean_text": None,
    "fields": None,
    "level": None,  # a HEADING's level (1 for 一、, 2 for （一） under it, …); its own attribute, since a
    "numbering": None,  # heading that is only a figure (1月1日) shares its offsets, and so ``fields``, with the figure's span
    "speaker": None,  # a QUOTATION's speaker, {"start", "end", "name"} (set by the entities component)
    # tifa
    "term": None,
    "canonical": None,
    "category": None,
    "expansion": None,
    "known": None,
    "confidence": None,
    "evidence": None,
    "first_used": None,
    "gloss": None,  # {"start", "end", "items"}: the text's own spelling-out of the formula right after it
}
DOC_ATTRS = {
    "notes": None,  # list of {code, message, start, end}
    "excluded": None,  # [(start, end)] ranges (duplicates) left out of counts
    "checks": None,
}


TEXT_KEY = "tifalens.text"
LEXICON_KEY = "tifalens.lexicon_hits"  # the segmenter's lexicon matches, [(start, end, form)], for the terms component
CREDITED_KEY = "tifalens.credited"  # the persons bylines credit, [(start, end, name)], from structure for the entities component
TITLES_KEY = "tifalens.person_titles"  # {(start, end): title} of persons named after their office, from entities, for the export
LABELS_KEY = "tifalens.structure_labels"  # {label: [indices into doc.spans["structure"]]}, from structure, for structure_spans


def doc_text(doc: Doc) -> str:
    """``doc.text``, from the copy the segmenter keeps (building it from tokens costs ~2 ms a page)."""
    text = doc.user_data.get(TEXT_KEY)
    return text if text is not None else doc.text


def span_text(span) -> str:
    """``span.text``, sliced from the Doc's text (``Span.text`` joins its tokens one by one).

    The segmenter gives no token a trailing space, so the slice is exactly ``span.text``.
    """
    return doc_text(span.doc)[span.start_char : span.end_char]


def register_extensions() -> None:
    """Register every attribute once; safe to call from each component."""
    for name, default in SPAN_ATTRS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, default in DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
