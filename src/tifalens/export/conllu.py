"""CoNLL-U export: one block per sentence, one line per token (whitespace tokens left out).

There is no parser in the pipeline, so HEAD, DEPREL and DEPS are ``_``. UPOS is
``token.pos_``, XPOS the segmenter's jieba tag. FORM is the token as the input
writes it and LEMMA the form the analysis read (the Simplified one of a Traditional
text; otherwise the two are the same), as is ``# text``'s sentence. MISC has
``SpaceAfter=No`` where the next character is not whitespace (most Chinese
tokens), ``NER=B-…``/``NER=I-…`` on the tokens of a named entity (its first and
the others: ``NER=B-PERSON``, ``NER=I-LAW``) and ``TifaTerm=…``/``TifaCategory=…``
on tokens of a tifa span::

    >>> import tifalens
    >>> result = tifalens.analyze("增强四个意识。")
    >>> print(to_conllu(result.doc, result.source, doc_id="x"), end="")  # doctest: +NORMALIZE_WHITESPACE
    # newdoc id = <text>
    # sent_id = x-1
    # text = 增强四个意识。
    1	增强	增强	VERB	v	_	_	_	_	SpaceAfter=No
    2	四个意识	四个意识	PROPN	nz	_	_	_	_	SpaceAfter=No|TifaTerm=四个意识|TifaCategory=loyalty
    3	。	。	PUNCT	x	_	_	_	_	_
    <BLANKLINE>
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Iterable, Iterator

from spacy.tokens import Doc, Token

from ..extensions import doc_text
from ..reading import Source

_WHITESPACE = re.compile(r"\s+")
_MISC_UNSAFE = re.compile(r"[\s|=]+")


def document_id(path: str) -> str:
    """A sentence-id prefix from an input name: its stem without whitespace (``stdin`` for ``-``)."""
    stem = "stdin" if path == "-" else PurePath(path).stem or "doc"
    return _MISC_UNSAFE.sub("_", stem)


def _field(value: str) -> str:
    """A FORM/LEMMA/tag field: never empty, no tab or line break (they would break the format)."""
    value = _WHITESPACE.sub(" ", value).strip()
    return value or "_"


def _misc_value(value: str) -> str:
    return _MISC_UNSAFE.sub("_", value.strip()) or "_"


def tifa_by_token(doc: Doc) -> dict[int, tuple[str, str | None]]:
    """Token index -> (canonical term, category) for every token inside a tifa span."""
    out: dict[int, tuple[str, str | None]] = {}
    for span in doc.spans.get("tifa", []):
        for i in range(span.start, span.end):
            out.setdefault(i, (span._.canonical or span.text, span._.category))
    return out


def entities_by_token(doc: Doc) -> dict[int, str]:
    """Token index -> its entity's BIO label (B-PERSON for the first token, I-PERSON for the others)."""
    out: dict[int, str] = {}
    for ent in doc.ents:
        out[ent.start] = f"B-{ent.label_}"
        out.update((i, f"I-{ent.label_}") for i in range(ent.start + 1, ent.end))
    return out


def _misc(token: Token, text: str, tifa: dict[int, tuple[str, str | None]], ner: dict[int, str]) -> str:
    parts = []
    end = token.idx + len(token.text)
    if end < len(text) and not text[end].isspace():
        parts.append("SpaceAfter=No")
    if token.i in ner:
        parts.append(f"NER={ner[token.i]}")
    if token.i in tifa:
        term, category = tifa[token.i]
        parts.append(f"TifaTerm={_misc_value(term)}")
        if category:
            parts.append(f"TifaCategory={_misc_value(category)}")
    return "|".join(parts) or "_"


def _token_line(n: int, token: Token, text: str, written: str, tifa: dict[int, tuple[str, str | None]], ner: dict[int, str]) -> str:
    lemma = _field(token.text)
    form = _field(written[token.idx : token.idx + len(token.text)])  # (t2s keeps every character's place)
    cols = [str(n), form, lemma, token.pos_ or "X", _field(token.tag_), "_", "_", "_", "_", _misc(token, text, tifa, ner)]
    return "\t".join(cols)


def sentence_blocks(doc: Doc, doc_id: str, written: str | None = None) -> list[str]:
    """The sentence blocks (header comments + token lines) of ``doc``, whitespace-only sentences skipped; ``written``
    is the text as the input writes it, character for character (the Doc's own text when None)."""
    text = doc_text(doc)
    written = text if written is None or len(written) != len(text) else written
    tifa, ner = tifa_by_token(doc), entities_by_token(doc)
    blocks = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space and t.text.strip()]
        if not tokens:
            continue
        said = written[sent.start_char : sent.end_char]
        header = [f"# sent_id = {doc_id}-{len(blocks) + 1}", f"# text = {_WHITESPACE.sub(' ', said).strip()}"]
        lines = [_token_line(n, t, text, written, tifa, ner) for n, t in enumerate(tokens, start=1)]
        blocks.append("\n".join(header + lines) + "\n")
    return blocks


def to_conllu(doc: Doc, source: Source, *, doc_id: str | None = None) -> str:
    """The document as CoNLL-U, opening with ``# newdoc id = <path>`` (empty without any word).

    Args:
        doc: The analysed Doc.
        source: Its Source (names the document).
        doc_id: Prefix of the sentence ids; by default the input's file stem.
    """
    name = _WHITESPACE.sub(" ", source.path).strip() or "-"
    blocks = sentence_blocks(doc, doc_id or document_id(source.path), source.written)
    if not blocks:
        return ""  # a document without a word has no sentence to carry its newdoc comment
    return f"# newdoc id = {name}\n" + "\n".join(blocks) + "\n"


def to_conllu_many(analyses: Iterable[tuple[Doc, Source]]) -> str:
    """Several documents, each opening with its ``# newdoc id``; sentence ids unique across them."""
    return "".join(iter_conllu(analyses))


def iter_conllu(analyses: Iterable[tuple[Doc, Source]]) -> Iterator[str]:
    """The text of :func:`to_conllu_many` one document at a time, as the analyses come."""
    used: set[str] = set()
    for doc, source in analyses:
        base = doc_id = document_id(source.path)
        n = 1
        while doc_id in used:
            n += 1
            doc_id = f"{base}.{n}"
        used.add(doc_id)
        piece = to_conllu(doc, source, doc_id=doc_id)
        del doc, source  # not held while the next document is made
        yield piece
