"""The command line as a user runs it: the installed `tifalens` script in a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import tifalens
from tifalens.export.jsonout import schema
from tifalens.reading import DEFAULT_GLOB

EXE = shutil.which("tifalens") or str(Path(sys.executable).with_name("tifalens"))


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], input=stdin, capture_output=True, cwd=cwd, timeout=120)


def test_analyze_seed_json_validates(seed_path):
    proc = run("analyze", str(seed_path))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    jsonschema.validate(data, schema())
    assert [a["title"] for a in data["articles"]] == [
        "中组部负责人介绍二十大代表选举工作有关情况",
        "党史上首次将党的全国代表大会相关工作面向全党全社会公开征求意见",
    ]
    assert data["source"]["encoding"] == "utf-8"
    assert len(data["articles"][0]["qa"]) == 7
    assert proc.stderr == b""


def test_folder_gives_jsonl_and_markdown(tmp_path, seed_path):
    shutil.copy(seed_path, tmp_path / "a.txt")
    (tmp_path / "b.txt").write_text("标题\n\n问：什么是“四个意识”？\n\n答：政治意识、大局意识、核心意识、看齐意识。\n", encoding="utf-8")
    proc = run("analyze", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    md = run("analyze", str(tmp_path / "b.txt"), "--format", "md")
    assert md.returncode == 0
    text = md.stdout.decode()
    assert "# 标题" in text and "**Q:** 什么是“四个意识”？" in text
    # the other names users give a format, in any case
    assert run("analyze", str(tmp_path / "b.txt"), "--format", "Markdown").stdout.decode() == text


def test_stdin_and_output_file(tmp_path):
    out = tmp_path / "new" / "result.json"
    proc = run("analyze", "-", "-o", str(out), stdin="问：怎么样？\n答：很好。\n".encode("gb18030"))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["source"]["path"] == "-"
    assert data["articles"][0]["qa"][0]["answer"] == "很好。"
    assert not list(out.parent.glob(".*tmp"))


def test_dash_output_is_standard_output(tmp_path):
    proc = run("analyze", "-", "-o", "-", "--format", "md", stdin="标题\n\n增强“四个意识”。\n".encode("utf-8"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "# 标题" in proc.stdout.decode() and "| 四个意识 | 1 | yes |" in proc.stdout.decode()
    assert proc.stdout.decode().startswith("<!-- tifalens ") and ": - (utf-8) -->\n" in proc.stdout.decode()  # no escapes in a comment
    assert list(tmp_path.iterdir()) == []  # no file named -


@pytest.mark.parametrize(
    "args, message",
    [
        (["analyze", "/no/such/file.txt"], "tifalens: error: /no/such/file.txt: no such file\n"),
        (["analyze", "--encoding", "klingon", "x.txt"], "tifalens: error: unknown encoding 'klingon' (try utf-8, gb18030, big5, utf-16)\n"),
    ],
)
def test_usage_errors_exit_2(args, message):
    proc = run(*args)
    assert proc.returncode == 2
    assert proc.stderr.decode() == message
    assert proc.stdout == b""


@pytest.mark.parametrize(
    "args, words",
    [
        (["analyze", "x.txt", "--format", "xml"], ["--format", "'xml'", "'md'", "tifalens analyze --help"]),
        (["analyze", "--bogus", "x.txt"], ["--bogus", "tifalens analyze --help"]),
        (["corpus", "x.jsonl", "--out", "out", "--jobs", "abc"], ["--jobs", "tifalens corpus --help"]),
        (["analyse", "x.txt"], ["analyse", "tifalens --help"]),
        (["analyze"], ["paths", "tifalens analyze --help"]),
    ],
)
def test_command_line_mistakes_get_one_line_and_exit_2(args, words):
    proc = run(*args)
    assert proc.returncode == 2 and proc.stdout == b""
    (line,) = proc.stderr.decode().splitlines()
    assert line.startswith("tifalens: error: ") and all(w in line for w in words), line


def test_version():
    proc = run("--version")
    assert (proc.returncode, proc.stdout.decode()) == (0, f"tifalens {tifalens.__version__}\n")


def test_empty_folder_exit_2(tmp_path):
    proc = run("analyze", str(tmp_path))
    assert proc.returncode == 2
    assert proc.stderr.decode() == f"tifalens: error: {tmp_path}: folder has no files matching '{DEFAULT_GLOB}'\n"


def test_files_left_out_of_a_folder_are_told(tmp_path):
    (tmp_path / "a.txt").write_text("增强“四个意识”。", encoding="utf-8")
    (tmp_path / "b.htm").write_text("<html><body><p>坚定“四个自信”。</p></body></html>", encoding="utf-8")
    (tmp_path / "c.docx").write_bytes(b"PK\x03\x04")
    proc = run("analyze", str(tmp_path), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.decode() == f"tifalens: note: {tmp_path}: 1 file not matching '{DEFAULT_GLOB}' left out (.docx; see --glob)\n"
    rows = [line.split(",") for line in proc.stdout.decode().splitlines()[1:]]
    assert [(Path(row[0]).name, row[1]) for row in rows] == [("a.txt", "四个意识"), ("b.htm", "四个自信")], rows


def test_partial_failure_keeps_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text("坚定“四个自信”。\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    proc = run("analyze", str(tmp_path), "--format", "jsonl")
    assert proc.returncode == 1
    assert [json.loads(x)["source"]["path"] for x in proc.stdout.decode().splitlines()] == [str(tmp_path / "good.txt")]
    assert proc.stderr.decode().splitlines() == [
        f"tifalens: error: {tmp_path / 'empty.txt'}: empty file",
        f"tifalens: error: {tmp_path / 'image.txt'}: binary file (a PNG image), not text",
    ]


def test_never_overwrites_an_input(tmp_path):
    f = tmp_path / "in.txt"
    f.write_text("正文。\n", encoding="utf-8")
    proc = run("analyze", str(f), "-o", str(f))
    assert proc.returncode == 2
    assert "refusing to overwrite an input file" in proc.stderr.decode()
    assert f.read_text(encoding="utf-8") == "正文。\n"


def test_glob_option_and_pattern(tmp_path):
    (tmp_path / "a.md").write_text("文一。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("文二。\n", encoding="utf-8")
    proc = run("analyze", str(tmp_path), "--glob", "*.md", "--format", "jsonl")
    assert [json.loads(x)["source"]["path"] for x in proc.stdout.decode().splitlines()] == [str(tmp_path / "a.md")]
    proc = run("analyze", "*.txt", "--format", "jsonl", cwd=tmp_path)
    assert [json.loads(x)["source"]["path"] for x in proc.stdout.decode().splitlines()] == ["b.txt"]


def test_keep_duplicates_changes_counts(tmp_path):
    para = "各级党组织要引导党员增强“四个意识”，坚定“四个自信”，做到“两个维护”。"
    f = tmp_path / "dup.txt"
    f.write_text(f"标题\n\n{para}\n\n其他内容。\n\n{para}\n", encoding="utf-8")
    default = json.loads(run("analyze", str(f)).stdout)
    kept = json.loads(run("analyze", str(f), "--keep-duplicates").stdout)
    count = lambda d: {t["term"]: t["count"] for t in d["terms"]}  # noqa: E731
    assert count(default)["四个意识"] == 1
    assert count(kept)["四个意识"] == 2
    assert [n["code"] for n in default["notes"]] == ["duplicate_paragraph"]


def test_help_and_lexicon_commands():
    assert run("--help").returncode == 0
    show = run("lexicon", "show", "四个意识")
    assert show.returncode == 0
    assert "expansion: 政治意识、大局意识、核心意识、看齐意识" in show.stdout.decode()
    missing = run("lexicon", "show", "不存在的提法")
    assert missing.returncode == 2
    assert missing.stderr.decode() == "tifalens: error: '不存在的提法' is not in the lexicon (see: tifalens lexicon list)\n"


def test_bad_user_lexicon_is_one_line(tmp_path):
    lex = tmp_path / "my.tsv"
    lex.write_text("term\tcategory\n新提法\tnot_a_category\n", encoding="utf-8")
    proc = run("lexicon", "list", "--lexicon", str(lex))
    assert proc.returncode == 2
    assert proc.stderr.decode() == f"tifalens: error: {lex}:2: unknown category 'not_a_category'; use one of cadre_work, campaign, development, discipline, economy, foreign_affairs, governance, ideology, loyalty, other, party_building, social\n"


def test_terms_table_and_csv(tmp_path, seed_path):
    out = tmp_path / "terms.csv"
    proc = run("terms", str(seed_path), "--csv", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "term,count,documents,known,category,expansion"
    assert any(r.startswith("两个确立,3,1,True,") for r in rows)


def _table_rows(command: str, seed_path, width: int, monkeypatch) -> list[str]:
    """The lines a table command prints at a terminal width, each checked to fit it."""
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", str(width))
    proc = run(command, str(seed_path))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert max(map(cell_len, lines)) <= width
    return lines


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip("│").split("│")]


@pytest.mark.parametrize("width", [80, 140])
def test_terms_table_fits_the_width_and_keeps_its_short_columns(seed_path, monkeypatch, width):
    lines = _table_rows("terms", seed_path, width, monkeypatch)
    row = next(line for line in lines if "两个确立" in line)
    assert _cells(row)[:5] == ["两个确立", "3", "1", "yes", "loyalty"]


@pytest.mark.parametrize("width", [80, 140])
def test_stats_table_fits_the_width_and_folds_only_the_subject(seed_path, monkeypatch, width):
    lines = _table_rows("stats", seed_path, width, monkeypatch)
    i = next(k for k, line in enumerate(lines) if "│ 2296名" in line)
    assert _cells(lines[i])[:5] == ["2296名", "2296", "名", "count", ""]
    folded = [_cells(line) for line in lines[i + 1 : i + 3]]
    subject = _cells(lines[i])[5] + "".join(c[5] for c in folded if c[0] == "")
    assert subject.startswith("出席党的二十大代表")


def test_stats_table_shows_the_column_of_table_figures(tmp_path, monkeypatch):
    f = tmp_path / "plan.txt"
    f.write_text("指标\t2020年\t2025年\n常住人口城镇化率（%）\t62.1\t67\n", encoding="utf-8")
    lines = _table_rows("stats", f, 140, monkeypatch)
    rows = [_cells(line) for line in lines if "│ 6" in line]
    assert [r[:7] for r in rows] == [["62.1", "62.1", "%", "percent", "", "2020年", "常住人口城镇化率"], ["67", "67", "%", "percent", "", "2025年", "常住人口城镇化率"]]


def test_stats_table_shows_the_modality_of_targets_only_where_there_are_some(tmp_path, monkeypatch, seed_path):
    f = tmp_path / "plan.txt"
    f.write_text("今年发展主要预期目标是：国内生产总值增长5%左右。去年增长5.2%。\n", encoding="utf-8")
    lines = _table_rows("stats", f, 140, monkeypatch)
    header = next(line for line in lines if "modality" in line)
    assert [c.strip() for c in header.strip("┃").split("┃")] == ["text", "value", "unit", "kind", "approx", "modality", "when", "subject"]
    rows = [_cells(line)[:8] for line in lines if "│ 5" in line]
    assert rows == [["5%", "5", "%", "change", "约", "target", "今年", "国内生产总值"], ["5.2%", "5.2", "%", "change", "", "", "去年", ""]]
    assert not any("modality" in line for line in _table_rows("stats", seed_path, 140, monkeypatch))  # (no targets there)


def test_max_chars_refuses_early_with_a_clear_line(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("正文内容。\n" * 100, encoding="utf-8")
    proc = run("analyze", str(big), "--max-chars", "50")
    assert proc.returncode == 2
    assert proc.stderr.decode() == f"tifalens: error: {big}: too long: 1,600 bytes, more than --max-chars 50 characters (split the file or raise the limit)\n"
    proc = run("analyze", str(big), "--max-chars", "500")
    assert proc.stderr.decode() == f"tifalens: error: {big}: too long: 600 characters, more than --max-chars 500 characters (split the file or raise the limit)\n"
    assert run("analyze", str(big), "--max-chars", "0", "-o", str(tmp_path / "o.json")).returncode == 0


def test_traditional_text_is_read_in_simplified_unless_no_t2s(tmp_path):
    f = tmp_path / "hk.txt"
    f.write_bytes("堅定「四個自信」，做到「兩個維護」，深刻領悟「兩個確立」的決定性意義。\n".encode("big5"))
    auto = json.loads(run("analyze", str(f)).stdout)
    assert {t["term"]: t["count"] for t in auto["terms"]} == {"四个自信": 1, "两个维护": 1, "两个确立": 1}
    assert [n["code"] for n in auto["notes"]] == ["encoding_detected", "t2s"]
    kept = json.loads(run("analyze", str(f), "--no-t2s").stdout)
    assert [t["term"] for t in kept["terms"] if t["known"]] == [] and [n["code"] for n in kept["notes"]] == ["encoding_detected"]
