"""Build the tifalens spaCy pipeline: ``spacy.blank("zh")`` + our segmenter + components."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from . import segmenter  # noqa: F401  (registers the tokenizer)
from .batching import DEFAULT_BATCH
from .segmenter import BACKENDS
from .errors import UsageError
from .lexicon import load_tsv

DEFAULT_COMPONENTS = ("tifa_structure", "tifa_entities", "tifa_terms", "tifa_stats")


def load(
    *,
    backend: str = "rjieba",
    lexicons: Sequence[str | Path] = (),
    keep_duplicates: bool = False,
    components: Sequence[str] = DEFAULT_COMPONENTS,
) -> Language:
    """Build a new pipeline.

    Args:
        backend: Segmenter backend, ``rjieba`` (fast) or ``jieba``.
        lexicons: Extra lexicon TSV files whose entries are added to the packaged lexicon.
        keep_duplicates: Count formulas and figures in duplicated paragraphs too.
        components: Pipeline components to add, in order.

    Example:
        >>> nlp = load()
        >>> [t.text for t in nlp("增强四个意识")]
        ['增强', '四个意识']
    """
    if backend not in BACKENDS:
        raise UsageError(f"unknown segmenter backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    config = {
        "nlp": {
            "tokenizer": {"@tokenizers": "tifalens.JiebaSegmenter.v1", "backend": backend},
        },
        "initialize": {"tokenizer": {}},
    }
    nlp = spacy.blank("zh", config=config)
    if lexicons:
        # Entries, not file paths, go into the pipeline: a saved pipeline carries them
        # (tokenizer/user_lexicon.tsv) and loads after the user's files are gone.
        nlp.tokenizer.add_entries(entry for path in lexicons for entry in load_tsv(path))
    # spaCy's 1,000,000-character guard protects parser/NER memory; this pipeline has
    # neither, and a large file is read and analysed in blocks of --block-chars instead.
    nlp.max_length = 2**31 - 1
    nlp.batch_size = DEFAULT_BATCH  # nlp.pipe: each step handles a batch before the next (tifalens.batching)
    for name in components:
        cfg = {"keep_duplicates": keep_duplicates} if name in ("tifa_terms", "tifa_stats") else {}
        nlp.add_pipe(name, config=cfg)
    return nlp
