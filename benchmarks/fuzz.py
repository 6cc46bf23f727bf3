"""Coverage-guided fuzzing of reading + analysis + export (atheris), for a bounded time.

Usage::

    pip install atheris
    python benchmarks/fuzz.py -max_total_time=120

Any exception other than tifalens's own documented errors, an invalid JSON
document, or a span whose offsets do not map back to the original is a crash.
Not part of the unit tests (it runs for minutes); the property tests in
tests/test_robustness.py cover the same contract quickly.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import jsonschema

    import tifalens
    from tifalens.analysis import analyze_source
    from tifalens.errors import TifalensError
    from tifalens.export.jsonout import schema

NLP = tifalens.load()
SCHEMA = schema()


def one_input(data: bytes) -> None:
    try:
        source = tifalens.read_bytes(data, path="fuzz")
    except TifalensError:
        return
    result = analyze_source(source, NLP)
    doc = result.to_dict()
    jsonschema.validate(doc, SCHEMA)
    for term in doc["terms"]:
        for occ in term["occurrences"]:
            assert source.text[occ["start"] : occ["end"]] == occ["form"]
    result.to_markdown()


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
