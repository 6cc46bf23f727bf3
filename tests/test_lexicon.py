"""The lexicon loader (every error names file and line) and ``Lexicon.find`` (leftmost-longest)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tifalens.errors import LexiconError
from tifalens.lexicon import CATEGORIES, Entry, Lexicon, load_tsv

HEADER = "term\tvariants\tcategory\tfirst_used\n"
PACKAGED = Lexicon.default()


def write(tmp_path: Path, body: str | bytes, name: str = "user.tsv") -> Path:
    path = tmp_path / name
    if isinstance(body, str):
        path.write_text(body, encoding="utf-8", newline="")
    else:
        path.write_bytes(body)
    return path


def lexicon_of(*forms: tuple[str, ...]) -> Lexicon:
    """A lexicon with one entry per tuple: the term first, then its variants."""
    return Lexicon([Entry(term=f[0], canonical=f[0], variants=tuple(f[1:])) for f in forms])


# -- loader errors: file and line in every message ------------------------------

ROW_ERRORS = [
    ("bad_header", "term\tmeaning\n三抓三促\tx\n", 1, "bad header"),
    ("no_term_column", "variants\tcategory\n三抓三促\tother\n", 1, "bad header"),
    ("too_many_fields", HEADER + "三抓三促\t\tother\t2023\textra\n", 2, "5 fields but the header has 4"),
    ("empty_term", HEADER + "三抓三促\t\tother\t\n\t三抓\tother\t\n", 3, "empty term"),
    ("unknown_category", HEADER + "三抓三促\t\tslogans\t\n", 2, "unknown category 'slogans'"),
    ("bad_year", HEADER + "三抓三促\t\tother\t23\n", 2, "first_used must be a 4-digit year, not '23'"),
    ("year_not_digits", HEADER + "三抓三促\t\tother\t二〇二三\n", 2, "first_used must be a 4-digit year"),
    ("duplicate_term", HEADER + "三抓三促\t\tother\t\n\n三抓三促\t\tother\t\n", 4, "'三抓三促' already defined on line 2"),
    ("duplicate_variant", HEADER + "三抓三促\t\tother\t\n抓促\t三抓三促\tother\t\n", 3, "'三抓三促' already defined on line 2"),
    ("space_in_term", HEADER + "三抓 三促\t\tother\t\n", 2, "contains white space or '|'"),
]


@pytest.mark.parametrize(("body", "line", "problem"), [r[1:] for r in ROW_ERRORS], ids=[r[0] for r in ROW_ERRORS])
def test_bad_rows_name_file_and_line(tmp_path, body, line, problem):
    path = write(tmp_path, body)
    with pytest.raises(LexiconError) as info:
        load_tsv(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: ")
    assert problem in message


def test_errors_count_lines_after_bom_crlf_and_comments(tmp_path):
    path = write(tmp_path, "\ufeff# my terms\r\n" + HEADER.replace("\n", "\r\n") + "三抓三促\t\tother\t\r\n\r\n抓促\t\tbad\t\r\n")
    with pytest.raises(LexiconError, match=r":5: unknown category 'bad'"):
        load_tsv(path)


def test_empty_file_has_no_header(tmp_path):
    path = write(tmp_path, "# only a comment\n\n")
    with pytest.raises(LexiconError) as info:
        load_tsv(path)
    assert str(info.value).startswith(f"{path}: no header row")


def test_non_utf8_names_file_and_byte(tmp_path):
    path = write(tmp_path, (HEADER + "三抓三促\t\tother\t\n").encode("gb18030"))
    with pytest.raises(LexiconError) as info:
        load_tsv(path)
    # The first undecodable byte is on line 2 (the header is ASCII).
    assert str(info.value) == f"{path}:2: not UTF-8 (bad byte at {len(HEADER)}); save the file as UTF-8"


def test_missing_file_names_file(tmp_path):
    path = tmp_path / "absent.tsv"
    with pytest.raises(LexiconError) as info:
        load_tsv(path)
    assert str(info.value) == f"{path}: no such lexicon file"


def test_lexicon_error_is_a_tifalens_error():
    from tifalens import TifalensError

    assert issubclass(LexiconError, TifalensError)


# -- what loads ------------------------------------------------------------------


def test_bom_and_crlf_accepted(tmp_path):
    body = "\ufeff" + "term\tvariants\tcanonical\tcategory\tfirst_used\r\n三抓三促\t三抓|三促\t三抓三促行动\tcampaign\t2023\r\n"
    (entry,) = load_tsv(write(tmp_path, body))
    assert entry == Entry(
        term="三抓三促",
        canonical="三抓三促行动",
        variants=("三抓", "三促"),
        category="campaign",
        first_used=2023,
        source=str(tmp_path / "user.tsv"),
    )


def test_only_term_is_required(tmp_path):
    (entry,) = load_tsv(write(tmp_path, "term\n双链长制\n"))
    assert (entry.term, entry.canonical, entry.category, entry.variants, entry.first_used) == ("双链长制", "双链长制", "other", (), None)


def test_packaged_lexicon_loads_with_categories():
    assert len(PACKAGED) >= 150
    assert all(e.category in CATEGORIES and e.category != "" for e in PACKAGED.entries)
    assert all(e.source == "tifalens" for e in PACKAGED.entries)
    assert PACKAGED.get("四个意识").category == "loyalty"


def test_packaged_lexicon_round_trips_through_tsv(tmp_path):
    path = write(tmp_path, PACKAGED.to_tsv())
    again = load_tsv(path)
    assert sorted(tuple(e.as_row().items()) for e in again) == sorted(tuple(e.as_row().items()) for e in PACKAGED.entries)


def test_user_row_replaces_packaged_entry(tmp_path):
    path = write(tmp_path, "term\tcategory\n四个意识\tother\n")
    merged = Lexicon.default([path])
    assert merged.get("四个意识").category == "other"
    assert len(merged) == len(PACKAGED)


# -- find: leftmost-longest, non-overlapping -----------------------------------


def spans(lex: Lexicon, text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.form, m.entry.term) for m in lex.find(text)]


def test_find_prefers_longest_at_same_start():
    lex = lexicon_of(("四个",), ("四个全面",), ("全面从严治党",))
    assert spans(lex, "四个全面从严治党") == [(0, 4, "四个全面", "四个全面")]


def test_find_prefers_leftmost_over_longer_later():
    lex = lexicon_of(("从严",), ("严治党建设",))
    assert spans(lex, "全面从严治党建设") == [(2, 4, "从严", "从严")]


def test_find_variant_maps_to_entry_and_continues_after_match():
    lex = lexicon_of(("两个维护", "两个“维护”"), ("四个意识",))
    text = "做到两个“维护”，增强四个意识和四个意识"
    assert spans(lex, text) == [
        (2, 8, "两个“维护”", "两个维护"),
        (11, 15, "四个意识", "四个意识"),
        (16, 20, "四个意识", "四个意识"),
    ]


def test_find_on_empty_lexicon_and_text():
    assert Lexicon([]).find("四个意识") == []
    assert PACKAGED.find("") == []


FORMS = sorted(PACKAGED.forms)
FILLER = st.text(
    alphabet=st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), st.sampled_from("abcXYZ019 ，。“”、\n")),
    max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(FILLER, st.sampled_from(FORMS)), min_size=1, max_size=8), FILLER)
def test_find_matches_are_exact_slices_of_forms(parts, tail):
    text = "".join(filler + form for filler, form in parts) + tail
    found = PACKAGED.find(text)
    last_end = 0
    for m in found:
        assert text[m.start : m.end] == m.form
        assert m.form in m.entry.forms
        assert PACKAGED.get(m.form) is m.entry
        assert m.start >= last_end  # sorted, never overlapping
        last_end = m.end
    # Every inserted form is covered by some match (it may be inside a longer one, or a longer form may start earlier).
    covered = set()
    for m in found:
        covered.update(range(m.start, m.end))
    pos = 0
    for filler, form in parts:
        pos += len(filler)
        assert covered & set(range(pos, pos + len(form))), form
        pos += len(form)
