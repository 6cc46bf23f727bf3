"""Large inputs: read and analysed block by block in bounded memory, every offset exact in the whole file."""

from __future__ import annotations

import codecs
import ctypes
import hashlib
import json
import os
import subprocess
from pathlib import Path
from typing import Iterator

import pytest

from tifalens.analysis import analyze_source
from tifalens.errors import InputError
from tifalens.reading import _CHUNK_BYTES, block_end, iter_blocks, normalize, read

from .conftest import SEED
from .test_cli import EXE, run

# Record fields whose text is exactly the normalised text at their offsets.
EXACT = {"entities": "text", "occurrences": "form", "stats": "text"}


def seed_lines() -> list[str]:
    return [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def spans_with_text(data, key: str = "") -> Iterator[tuple[dict, str]]:
    """Every record of an analysis whose text must equal its span, and that text."""
    if isinstance(data, dict):
        if key in EXACT and isinstance(data.get("orig_start"), int):
            yield data, data[EXACT[key]]
        for k, value in data.items():
            yield from spans_with_text(value, k)
    elif isinstance(data, list):
        for value in data:
            yield from spans_with_text(value, key)


def assert_spans_map_into(whole: str, analysis: dict, offset: int) -> int:
    """Each span's text is the normalised text of ``whole`` at the span's offsets plus ``offset``; returns how many."""
    checked = 0
    for record, text in spans_with_text(analysis):
        assert normalize(whole[offset + record["orig_start"] : offset + record["orig_end"]])[0] == text
        checked += 1
    return checked


def test_block_end_prefers_line_break_then_sentence_end_then_limit():
    assert block_end("第一段。\n第二段很长。", 0, 9) == 5  # after the line break
    assert block_end("甲\n乙。丙。丁", 2, 4) == 6  # from 2: after 丙。, not the line break before the start
    assert block_end("第一句。”第二句！第三句", 0, 11) == 9  # after the last sentence end
    assert block_end("他说：“好。”再见", 0, 8) == 7  # with its closing quote
    assert block_end("一二三四五六七八", 0, 5) == 5  # no break, no sentence end: at the limit
    assert block_end("一二三四\r\n五", 0, 5) == 4  # never between CR and LF
    assert block_end("短文", 0, 5) == 2


def test_a_real_file_is_cut_at_line_breaks_then_sentence_ends_then_hard(tmp_path):
    paragraphs = tmp_path / "paragraphs.txt"
    paragraphs.write_text("\n".join(seed_lines()) + "\n", encoding="utf-8")
    blocks = list(iter_blocks(paragraphs, block_chars=500))
    assert len(blocks) > 10
    assert all(len(b.original) <= 500 and b.original.endswith("\n") for b in blocks)
    assert "".join(b.original for b in blocks) == read(paragraphs).original

    one_line = tmp_path / "one-line.txt"
    one_line.write_text("".join(seed_lines()), encoding="utf-8")
    blocks = list(iter_blocks(one_line, block_chars=500))
    assert all(len(b.original) <= 500 and b.original[-1] in "。！？；”’」』）》)" for b in blocks[:-1])

    no_stop = tmp_path / "no-stop.txt"
    no_stop.write_text("党的建设" * 300, encoding="utf-8")
    assert [len(b.original) for b in iter_blocks(no_stop, block_chars=500)] == [500, 500, 200]


def test_blocks_tile_the_file_in_characters_and_bytes(tmp_path):
    path = tmp_path / "crlf.txt"
    data = codecs.BOM_UTF8 + "\r\n".join(seed_lines() * 3).encode("utf-8")
    path.write_bytes(data)
    blocks = list(iter_blocks(path, block_chars=2000))
    assert [b.block.number for b in blocks] == list(range(1, len(blocks) + 1))
    assert blocks[0].block.start_char == 0 and blocks[0].block.start_byte == len(codecs.BOM_UTF8)
    for before, after in zip(blocks, blocks[1:]):
        assert after.block.start_char == before.block.start_char + len(before.original)
        assert after.block.start_byte == before.block.end_byte
    assert blocks[-1].block.end_byte == len(data)
    for b in blocks:
        assert data[b.block.start_byte : b.block.end_byte].decode("utf-8") == b.original
        assert hashlib.sha256(data[b.block.start_byte : b.block.end_byte]).hexdigest() == b.sha256
        assert b.label == f"{path}#{b.block.number:05d}"


def test_a_file_that_fits_in_one_block_reads_as_a_whole(tmp_path, seed_path):
    (whole,) = iter_blocks(seed_path)
    assert whole == read(seed_path)
    assert whole.block is None and whole.offset == 0 and whole.label == str(seed_path)


@pytest.mark.parametrize(
    "encoding, data",
    [
        # After "a", every character takes two bytes: the chunk boundary falls inside one.
        ("gb18030", ("a" + "党的建设全面深化改革。" * 160_000).encode("gb18030")),
        # Units of 12 bytes after the BOM: the chunk boundary falls inside the surrogate pair of 𠀀.
        ("utf-16", codecs.BOM_UTF16_LE + ("𠀀𠀁。\n" * 300_000).encode("utf-16-le")),
    ],
)
def test_gb18030_and_utf16_in_blocks_read_as_the_whole_file(tmp_path, encoding, data):
    assert len(data) > 2 * _CHUNK_BYTES
    offset_in_unit = (_CHUNK_BYTES - 1) % 2 if encoding == "gb18030" else (_CHUNK_BYTES - 2) % 12
    assert offset_in_unit in (1, 2)  # the first chunk ends inside a character
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(data)
    whole = read(path, max_chars=None)
    blocks = list(iter_blocks(path, block_chars=100_000))
    assert len(blocks) > 10
    assert {b.encoding for b in blocks} == {whole.encoding} == {encoding}
    assert "".join(b.original for b in blocks) == whole.original
    assert "".join(b.text for b in blocks) == whole.text
    for b in blocks:
        assert whole.original[b.offset : b.offset + len(b.original)] == b.original
        assert hashlib.sha256(data[b.block.start_byte : b.block.end_byte]).hexdigest() == b.sha256
    assert blocks[-1].block.end_byte == len(data)


def test_every_span_of_every_block_maps_back_into_the_whole_file(tmp_path, nlp):
    lines = seed_lines()
    text = "\r\n".join(lines[i % len(lines)].replace("2", "２") for i in range(400)) + "\r\n"
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8", newline="")
    whole = path.read_bytes().decode("utf-8")

    checked = 0
    blocks = list(iter_blocks(path, block_chars=5000))
    assert len(blocks) > 5
    for source in blocks:
        checked += assert_spans_map_into(whole, analyze_source(source, nlp).to_dict(), source.offset)

    proc = run("analyze", str(path), "--block-chars", "5000")  # JSONL by default: one line per block
    assert proc.returncode == 0, proc.stderr
    analyses = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(analyses) == len(blocks)
    offset = 0  # blocks tile the file: each starts where the one before ended
    for number, analysis in enumerate(analyses, 1):
        block = analysis["source"]["block"]
        assert (block["number"], block["start_char"]) == (number, offset)
        checked += assert_spans_map_into(whole, analysis, block["start_char"])
        offset += analysis["source"]["original_chars"]
    assert offset == len(whole)
    assert analyses[-1]["source"]["block"]["end_byte"] == path.stat().st_size
    assert checked > 100


def test_corpus_run_gives_a_record_per_block_and_resumes_by_block(tmp_path):
    lines = seed_lines()
    path = tmp_path / "big.txt"
    path.write_text("\n".join(lines * 4) + "\n", encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("坚定“四个自信”。\n", encoding="utf-8")
    out = tmp_path / "run"
    args = ("corpus", str(path), str(small), "--out", str(out), "--block-chars", "8000", "--quiet")

    proc = run(*args)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for shard in sorted(out.glob("analyses-*.jsonl")) for line in shard.read_text(encoding="utf-8").splitlines()]
    blocks = list(iter_blocks(path, block_chars=8000))
    assert len(blocks) > 3
    assert [r["key"] for r in records] == [b.label for b in blocks] + [str(small)]
    assert [r["id"] for r in records[:2]] == ["big#00001", "big#00002"]
    assert records[-1]["block"] is None
    whole = path.read_text(encoding="utf-8")
    for record, source in zip(records, blocks):
        assert record["block"] == source.block.as_dict()
        assert record["sha256"] == source.sha256
        assert assert_spans_map_into(whole, record["analysis"], record["block"]["start_char"]) > 0
    assert proc.stderr.decode().endswith(f"{len(blocks) + 1} analysed, 0 already done, 0 failed; output in {out}\n")

    again = run(*args)
    assert again.stderr.decode().endswith(f"0 analysed, {len(blocks) + 1} already done, 0 failed; output in {out}\n")

    with open(path, "a", encoding="utf-8") as fh:  # the blocks before the last stay the same
        fh.write("新增的一段。\n")
    now = {(b.label, b.sha256) for b in iter_blocks(path, block_chars=8000)}
    changed = now - {(b.label, b.sha256) for b in blocks}
    assert 1 <= len(changed) < len(blocks)
    resumed = run(*args)
    assert resumed.returncode == 0, resumed.stderr
    skipped = len(now) - len(changed) + 1  # the unchanged blocks and the small file
    assert resumed.stderr.decode().endswith(f"{len(changed)} analysed, {skipped} already done, 0 failed; output in {out}\n")


def run_measured(*args: str, log: Path) -> tuple[int, int]:
    """Exit status and peak RSS (KiB) of one CLI run; its standard error goes to ``log``."""
    with open(log, "wb") as err:
        proc = subprocess.Popen([EXE, *args], stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss


def test_five_million_characters_on_one_line_in_the_memory_of_one_block(tmp_path):
    unit = "党的建设全面深化改革经济社会发展人民群众"  # 20 characters, no punctuation
    one_block, five_blocks = tmp_path / "one.txt", tmp_path / "five.txt"
    one_block.write_text(unit * 50_000, encoding="utf-8")
    five_blocks.write_text(unit * 250_000, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status, small_rss = run_measured("analyze", str(one_block), "-o", str(tmp_path / "one.json"), log=tmp_path / "one.log")
    assert status == 0, (tmp_path / "one.log").read_text()
    status, large_rss = run_measured("analyze", str(five_blocks), "-o", str(out), log=tmp_path / "five.log")
    assert status == 0, (tmp_path / "five.log").read_text()
    sources = [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert [s["original_chars"] for s in sources] == [1_000_000] * 5
    assert large_rss <= 1.2 * small_rss, (large_rss, small_rss)


@pytest.mark.parametrize("fmt", ["conllu", "csv"])
def test_conllu_and_csv_of_many_blocks_are_written_in_the_memory_of_one(tmp_path, fmt):
    """As bounded as JSONL (one block's analysis at a time): the output is written block by block,
    not gathered (gathered, CoNLL-U of 12 blocks took 1.7 times the memory of JSONL)."""
    text = "\n".join(seed_lines())
    many = tmp_path / "many.txt"
    many.write_text(text * (12 * 150_000 // len(text)), encoding="utf-8")
    rss = {}
    for f in ("jsonl", fmt):
        status, rss[f] = run_measured("analyze", str(many), "--block-chars", "150000", "-f", f, "-o", str(tmp_path / f"out.{f}"), log=tmp_path / "log")
        assert status == 0, (tmp_path / "log").read_text()
    written = (tmp_path / f"out.{fmt}").read_text(encoding="utf-8")
    if fmt == "conllu":
        assert written.count("# newdoc id = ") == 12
    else:
        assert written.count("document,") == 1 and written.count("两个确立") >= 12
    assert rss[fmt] <= 1.2 * rss["jsonl"], rss


def test_an_html_page_holds_a_bounded_amount_of_text(tmp_path, monkeypatch, capsys):
    from tifalens import cli

    monkeypatch.setattr(cli, "MAX_HTML_CHARS", 10_000)  # the page keeps every Doc until it is made
    path = tmp_path / "long.txt"
    path.write_text("\n".join(seed_lines() * 4), encoding="utf-8")
    status = cli.main(["analyze", str(path), "--block-chars", "4000", "-f", "html", "-o", str(tmp_path / "r.html")])
    assert status == 2
    assert capsys.readouterr().err == (
        f"tifalens: error: {path}: too long for one HTML page (more than 10,000 characters in all); "
        "use --format md or jsonl, or `tifalens corpus --html` for a page per document\n"
    )
    assert not (tmp_path / "r.html").exists()
    assert cli.main(["analyze", str(path), "--block-chars", "40000", "-f", "html", "-o", str(tmp_path / "r.html")]) == 2
    monkeypatch.setattr(cli, "MAX_HTML_CHARS", 5_000_000)
    assert cli.main(["analyze", str(path), "--block-chars", "4000", "-f", "html", "-o", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").read_text(encoding="utf-8").count("两个确立") >= 4


def test_standard_input_is_read_in_blocks_and_json_asks_for_jsonl(tmp_path):
    data = "\n".join(seed_lines() * 2).encode("gb18030")
    proc = run("analyze", "-", "--block-chars", "4000", stdin=data)
    assert proc.returncode == 0, proc.stderr
    sources = [json.loads(line)["source"] for line in proc.stdout.decode().splitlines()]
    assert len(sources) > 2 and {s["encoding"] for s in sources} == {"gb18030"}
    assert sum(s["original_chars"] for s in sources) == len(data.decode("gb18030"))

    proc = run("analyze", "-", "--block-chars", "4000", "--format", "json", stdin=data)
    assert proc.returncode == 2
    assert proc.stderr.decode() == "tifalens: error: -: longer than --block-chars, so analysed in blocks; use --format jsonl (one JSON object per block)\n"


def test_max_chars_refuses_a_large_file_before_any_block_is_analysed(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("正文内容。\n" * 2000, encoding="utf-8")  # 12,000 characters, 32,000 bytes
    proc = run("analyze", str(path), "--block-chars", "1000", "--max-chars", "11999")
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.decode() == f"tifalens: error: {path}: too long: 12,000 characters, more than --max-chars 11,999 characters (split the file or raise the limit)\n"
    proc = run("analyze", "-", "--max-chars", "7000", stdin=path.read_bytes())
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.decode() == "tifalens: error: -: too long: over 28,000 bytes, more than --max-chars 7,000 characters (split the file or raise the limit)\n"
    proc = run("analyze", str(path), "--block-chars", "1000", "--max-chars", "12000")
    assert proc.returncode == 0
    assert len(proc.stdout.splitlines()) == len(list(iter_blocks(path, block_chars=1000))) > 10


def test_bad_bytes_in_a_large_file_are_one_clear_error(tmp_path):
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10_000)
    with pytest.raises(InputError) as err:
        list(iter_blocks(png, block_chars=1000))
    assert str(err.value) == f"{png}: binary file (a PNG image), not text"

    good = ("党的建设全面深化改革。\n" * 200_000).encode("gb18030")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(good + b"\x81\x20" + good)
    seen = []
    with pytest.raises(InputError) as err:
        for source in iter_blocks(broken, block_chars=100_000):
            seen.append(source)
    assert str(err.value) == f"{broken}: not valid gb18030 at byte {len(good)} (the encoding was detected from the start of the file; use --encoding)"
    assert "".join(s.original for s in seen) == good.decode("gb18030")[: len("".join(s.original for s in seen))]
    assert len(seen) >= 2


def _without_file_permission_override() -> None:
    """Run as root without the capabilities that let root read any file, so file modes apply."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP: gone after exec
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_unreadable_file_is_one_line_and_the_other_input_is_analysed(tmp_path):
    readable = tmp_path / "readable.txt"
    readable.write_text("坚定“四个自信”。\n", encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text("正文。\n", encoding="utf-8")
    locked.chmod(0)
    args = [EXE, "analyze", str(locked), str(readable)]
    try:
        # Root reads any file; without CAP_DAC_OVERRIDE the file's mode applies to it too.
        preexec = _without_file_permission_override if os.geteuid() == 0 else None
        proc = subprocess.run(args, capture_output=True, timeout=120, preexec_fn=preexec)
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot run the CLI without the permission to read any file: {exc}")
    finally:
        locked.chmod(0o644)
    assert proc.stderr.decode() == f"tifalens: error: {locked}: permission denied\n"
    assert proc.returncode == 1
    assert [json.loads(line)["source"]["path"] for line in proc.stdout.decode().splitlines()] == [str(readable)]
