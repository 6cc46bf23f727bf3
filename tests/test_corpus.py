"""Corpus runs: JSONL and files, resume after a real kill, jobs and Dask give the same output."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import time
import warnings
from pathlib import Path
from typing import Callable

import pytest

from tifalens.corpus import Options, complete_lines, period_of, read_trends, run_corpus

from .test_cli import EXE

PARAGRAPH = "各级党组织要引导党员增强“四个意识”、坚定“四个自信”、做到“两个维护”，深刻领悟“两个确立”的决定性意义。"


def make_jsonl(path: Path, n: int, *, size: int = 1) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            year = 2018 + i % 3
            body = f"第{i}篇文章\n\n" + "\n\n".join(f"{PARAGRAPH}第{i}篇第{k}段，共有{i * 7 + k}名代表参加。" for k in range(size))
            fh.write(json.dumps({"id": f"doc{i:04d}", "date": f"{year}-0{1 + i % 9}-15", "title": f"标题{i}", "text": body}, ensure_ascii=False) + "\n")
    return path


def rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_jsonl_run_tables_and_errors(tmp_path):
    src = make_jsonl(tmp_path / "c.jsonl", 6)
    with open(src, "a", encoding="utf-8") as fh:
        fh.write("\n")  # blank line: skipped
        fh.write("{not json\n")
        fh.write(json.dumps({"id": "x", "body": "无文本字段"}) + "\n")
        fh.write(json.dumps({"id": "e", "text": ""}) + "\n")
    out = tmp_path / "out"
    result = run_corpus([str(src)], out, Options(), progress=False)
    assert (result.analysed, result.failed, result.skipped) == (6, 3, 0)
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e["reason"] for e in errors] == [
        f"{src}:8: invalid JSON (JSONDecodeError)",
        f"{src}:9: no text field 'text'",
        f"{src}:10: empty text",
    ]
    docs = rows(out / "documents.csv")
    assert [d["id"] for d in docs] == [f"doc{i:04d}" for i in range(6)]
    assert docs[0]["title"] == "标题0"
    terms = rows(out / "terms.csv")
    assert {(t["document"], t["term"], t["count"]) for t in terms if t["document"] == "doc0000"} == {
        ("doc0000", "四个意识", "1"), ("doc0000", "四个自信", "1"), ("doc0000", "两个维护", "1"), ("doc0000", "两个确立", "1"),
    }
    assert {t["gloss"] for t in terms} == {""}
    trends = rows(out / "trends.csv")
    t2018 = next(t for t in trends if t["period"] == "2018" and t["term"] == "两个确立")
    chars_2018 = sum(int(d["chars"]) for d in docs if d["date"].startswith("2018"))
    assert int(t2018["count"]) == 2 and int(t2018["chars"]) == chars_2018
    assert float(t2018["per_10k"]) == pytest.approx(2 * 10000 / chars_2018, abs=1e-4)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["analysed"] == 6 and manifest["counts"]["failed"] == 3


def test_an_internal_error_costs_only_its_document(tmp_path, monkeypatch):
    """A bug that raises on one text: that document is listed in errors.jsonl, the others of its batch are analysed."""
    from tifalens.components.stats import FigureFinder

    find = FigureFinder.find

    def failing_find(self, text):
        if "出错" in text:
            raise RuntimeError("boom")
        return find(self, text)

    monkeypatch.setattr(FigureFinder, "find", failing_find)
    src = make_jsonl(tmp_path / "c.jsonl", 5)
    lines = src.read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[2])
    bad["text"] += "这里会出错。"
    lines[2] = json.dumps(bad, ensure_ascii=False)
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_corpus([str(src)], out, Options(), progress=False)
    assert (result.analysed, result.failed) == (4, 1)
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert errors == [{"input": f"{src}:3", "reason": f"{src}:3: internal error while analysing (RuntimeError: boom); please report it"}]
    assert [d["id"] for d in rows(out / "documents.csv")] == ["doc0000", "doc0001", "doc0003", "doc0004"]
    # The documents analysed next to the failing one are the same as when analysed alone.
    monkeypatch.setattr(FigureFinder, "find", find)
    alone = tmp_path / "alone"
    run_corpus([str(make_jsonl(tmp_path / "d.jsonl", 5))], alone, Options(), progress=False)
    assert rows(out / "terms.csv") == [r for r in rows(alone / "terms.csv") if r["document"] != "doc0002"]


def text_folder(tmp_path: Path, bodies: list[str]) -> tuple[Path, Callable[[], list[str]]]:
    """A folder of a0.txt … with the given bodies, and a function listing its files as inputs."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i, body in enumerate(bodies):
        (folder / f"a{i}.txt").write_text(f"标题{i}\n\n{body}\n", encoding="utf-8")
    return folder, lambda: sorted(map(str, folder.glob("*.txt")))


def test_rerun_skips_what_is_done_and_picks_up_changes(tmp_path):
    folder, inputs = text_folder(tmp_path, [PARAGRAPH] * 3)
    out = tmp_path / "out"
    first = run_corpus(inputs(), out, Options(), progress=False)
    assert (first.analysed, first.skipped) == (3, 0)
    (folder / "a1.txt").write_text("改了\n\n坚持“两个确立”。\n", encoding="utf-8")
    second = run_corpus(inputs(), out, Options(), progress=False)
    assert (second.analysed, second.skipped) == (1, 2)
    docs = rows(out / "documents.csv")
    assert sorted(d["id"] for d in docs) == ["a0", "a1", "a2"]
    assert sum(1 for t in rows(out / "terms.csv") if t["document"] == "a1") == 1


def test_tables_hold_the_inputs_of_the_last_run_only(tmp_path):
    folder, inputs = text_folder(tmp_path, [f"{PARAGRAPH}共有{i + 10}名代表参加。" for i in range(3)])
    out = tmp_path / "out"
    run_corpus(inputs(), out, Options(html=True), progress=False)
    assert len(rows(out / "documents.csv")) == 3
    (folder / "a1.txt").unlink()  # deleted since
    (folder / "a2.txt").write_text(f"新标题\n\n{PARAGRAPH}\n", encoding="utf-8")  # changed: analysed again
    result = run_corpus(inputs(), out, Options(html=True), progress=False)
    assert (result.analysed, result.skipped) == (1, 1)
    docs = rows(out / "documents.csv")
    assert sorted(d["input"] for d in docs) == [str(folder / "a0.txt"), str(folder / "a2.txt")]
    assert next(d for d in docs if d["input"].endswith("a2.txt"))["title"] == "新标题"
    assert sum(1 for t in rows(out / "terms.csv") if t["term"] == "两个确立") == 2
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "新标题" in index and "标题1<" not in index and "标题2<" not in index
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["documents"] == 2
    # the old records stay in the shards: resuming never loses work
    assert sum(1 for shard in out.glob("analyses-*.jsonl") for _ in complete_lines(shard)) == 4


def test_entities_table_counts_names_per_document(tmp_path):
    src = tmp_path / "c.jsonl"
    texts = ["习近平总书记在深圳考察。深圳的干部和福建宁德的干部参加。", "中组部负责人在北京答记者问。", "没有名字的一句话。"]
    src.write_text("".join(json.dumps({"id": f"n{i}", "date": "2022-09-26", "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    out = tmp_path / "out"
    run_corpus([str(src)], out, Options(), progress=False)
    assert [(r["document"], r["name"], r["label"], r["full_name"], r["count"]) for r in rows(out / "entities.csv")] == [
        ("n0", "深圳", "GPE", "广东省深圳市", "2"),
        ("n0", "习近平", "PERSON", "", "1"),
        ("n0", "福建宁德", "GPE", "福建省宁德市", "1"),
        ("n1", "中组部", "ORG", "中共中央组织部", "1"),
        ("n1", "北京", "GPE", "北京市", "1"),
    ]


def test_figures_and_qa_tables_hold_every_figure_and_pair_of_the_corpus(tmp_path):
    src = tmp_path / "c.jsonl"
    texts = [
        "今年发展主要预期目标是：国内生产总值增长5%左右。2019年粮食产量1.39万亿斤。",
        "访谈\n\n记者专访了国家统计局局长康义。\n\n问：经济怎么样？\n\n答：稳中向好，\n全年增长5.2%。\n\n法新社记者：还有呢？\n\n毛宁：没有了。\n",
    ]
    src.write_text("".join(json.dumps({"id": f"d{i}", "date": f"202{i}-03-05", "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    out = tmp_path / "out"
    run_corpus([str(src)], out, Options(), progress=False)
    assert [tuple(r.values()) for r in rows(out / "figures.csv")] == [
        ("d0", "2020-03-05", "5%", "5", "%", "change", "约", "target", "国内生产总值", "2020"),  # 今年 of a record of 2020
        ("d0", "2020-03-05", "2019年", "2019", "年", "year", "", "", "", ""),
        ("d0", "2020-03-05", "1.39万亿斤", "1390000000000", "斤", "measure", "", "", "粮食产量", "2019"),  # when: the year it is of
        ("d1", "2021-03-05", "5.2%", "5.2", "%", "change", "", "", "", ""),
    ]
    assert [tuple(r.values()) for r in rows(out / "qa.csv")] == [
        ("d1", "2021-03-05", "0", "1", "", "经济怎么样？", "康义", "稳中向好，全年增长5.2%。"),
        ("d1", "2021-03-05", "0", "2", "法新社记者", "还有呢？", "毛宁", "没有了。"),
    ]


def test_kill_and_resume_loses_and_duplicates_nothing(tmp_path):
    src = make_jsonl(tmp_path / "big.jsonl", 400, size=6)
    out = tmp_path / "out"
    args = [EXE, "corpus", str(src), "--out", str(out), "--shard-size", "25", "--quiet"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("analyses-*.jsonl"))) < 2:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    shards_before = list(out.glob("analyses-*.jsonl*"))
    assert shards_before, "the run was killed before it wrote anything"
    assert not (out / "documents.csv").exists()
    resumed = subprocess.run(args, capture_output=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    docs = rows(out / "documents.csv")
    ids = [d["id"] for d in docs]
    assert len(ids) == 400 and len(set(ids)) == 400
    keys = [r["key"] for shard in sorted(out.glob("analyses-*.jsonl")) for r in complete_lines(shard)]
    assert len(keys) == len(set(keys)) == 400
    assert not list(out.glob("*.part"))
    message = resumed.stderr.decode()
    done_before = int(message.split(" already done")[0].split(", ")[-1])
    assert done_before > 0 and f"{400 - done_before} analysed" in message


@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_stops_cleanly_with_tables_of_what_is_done_and_a_rerun_finishes(tmp_path, jobs):
    n = 600
    src = make_jsonl(tmp_path / "big.jsonl", n, size=6)
    out = tmp_path / "out"
    args = [EXE, "corpus", str(src), "--out", str(out), "--shard-size", "10", "--jobs", str(jobs), "--quiet"]
    # in a process group of its own, which gets the signal as a terminal's Ctrl-C does (workers too)
    # (with Ctrl-C's default action: a shell starts background jobs with SIGINT ignored, and Python keeps that)
    default_sigint = lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)  # noqa: E731
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True, preexec_fn=default_sigint)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and len(list(out.glob("analyses-*.jsonl"))) < 2:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    stderr = proc.communicate(timeout=60)[1].decode()
    assert proc.returncode == 130, stderr
    assert "interrupted; run the same command again to resume" in stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["interrupted"] is True
    done = [r["key"] for shard in out.glob("analyses-*.jsonl") for r in complete_lines(shard)]
    assert not list(out.glob("*.part")) and not list(out.glob(".*.tmp")), (stderr, [(p.name, p.stat().st_size) for p in out.iterdir()])
    assert 0 < len(done) < n and sorted(d["id"] for d in rows(out / "documents.csv")) == sorted(f"doc{int(k.rsplit(':', 1)[1]) - 1:04d}" for k in done)
    assert manifest["counts"]["documents"] == len(done)
    resumed = subprocess.run(args, capture_output=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{n - len(done)} analysed, {len(done)} already done" in resumed.stderr.decode()
    assert len(rows(out / "documents.csv")) == n


def test_jobs_two_gives_identical_output(tmp_path):
    src = make_jsonl(tmp_path / "c.jsonl", 30)
    outs = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        run_corpus([str(src)], out, Options(), jobs=jobs, progress=False)
        outs.append(out)
    for name in ("analyses-00001.jsonl", "documents.csv", "terms.csv", "trends.csv"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_the_parent_of_a_corpus_run_does_not_import_spacy():
    """The workers load spaCy; the parent (reading inputs, writing records) never needs it,
    so ``--jobs 2`` does not pay its import twice before the work starts."""
    import sys

    code = "import sys, tifalens, tifalens.cli, tifalens.corpus; print(sorted(m for m in ('spacy', 'tifalens.pipeline') if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (proc.returncode, proc.stdout.strip()) == (0, "[]"), proc.stderr
    code = "import sys, tifalens; tifalens.load; print('spacy' in sys.modules, tifalens.analyze.__module__)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "True tifalens.analysis", proc.stderr


def test_dask_local_cluster_gives_the_same_output(tmp_path):
    distributed = pytest.importorskip("distributed")
    src = make_jsonl(tmp_path / "c.jsonl", 12)
    local = tmp_path / "local"
    run_corpus([str(src)], local, Options(), progress=False)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = tmp_path / "dask"
        result = run_corpus([str(src)], remote, Options(), scheduler=cluster.scheduler_address, progress=False)
    assert result.analysed == 12
    for name in ("analyses-00001.jsonl", "documents.csv", "terms.csv"):
        assert (local / name).read_bytes() == (remote / name).read_bytes(), name


def test_trends_cli_csv_and_png(tmp_path):
    src = make_jsonl(tmp_path / "c.jsonl", 9)
    out = tmp_path / "out"
    assert subprocess.run([EXE, "corpus", str(src), "--out", str(out), "-q"], capture_output=True).returncode == 0
    png = tmp_path / "plot" / "t.png"
    proc = subprocess.run([EXE, "trends", str(out), "--terms", "两个确立,四个意识", "--png", str(png)], capture_output=True)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert lines[0] == "period,term,count,chars,per_10k"
    assert [line.split(",")[:3] for line in lines[1:]] == [
        ["2018", "两个确立", "3"], ["2018", "四个意识", "3"],
        ["2019", "两个确立", "3"], ["2019", "四个意识", "3"],
        ["2020", "两个确立", "3"], ["2020", "四个意识", "3"],
    ]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert read_trends(out, ["两个确立"], period="month")[0]["period"] == "2018-01"


def test_trend_plots_label_every_lexicon_term_with_a_font_that_has_it(capsys):
    """The legend names the terms: the font shipped with the package has every character of the lexicon,
    whatever fonts the machine has (a server often has no CJK font: matplotlib would draw boxes)."""
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager, ft2font

    from tifalens.corpus import label_font
    from tifalens.lexicon import Lexicon

    text = "".join(e.term for e in Lexicon.default().entries)
    font = label_font(text, font_manager)
    assert Path(font.get_file()).name == "tifalens-plot-cjk.otf"
    charmap = ft2font.FT2Font(font.get_file()).get_charmap()
    assert [ch for ch in text if ord(ch) not in charmap] == []
    fig, ax = plt.subplots()
    ax.plot([1, 2], [1, 2], label="两个确立")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ax.legend(prop=font)
        fig.canvas.draw()
    plt.close(fig)
    assert [str(w.message) for w in caught if "missing from font" in str(w.message)] == []
    # a character no font has is named in a warning; the plot is still drawn
    assert Path(label_font("两个\U000f0000", font_manager).get_file()).name == "tifalens-plot-cjk.otf"
    assert capsys.readouterr().err == "tifalens: warning: no font here has \U000f0000; the plot shows boxes for them\n"


def test_corpus_cli_errors(tmp_path):
    proc = subprocess.run([EXE, "trends", str(tmp_path), "--terms", "两个确立"], capture_output=True)
    assert proc.returncode == 2
    assert proc.stderr.decode() == f"tifalens: error: {tmp_path}: not a corpus run folder (no documents.csv / terms.csv); run 'tifalens corpus' first\n"
    proc = subprocess.run([EXE, "corpus", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "o"), "-q"], capture_output=True)
    assert proc.returncode == 1
    assert f"{tmp_path / 'none.jsonl'}: cannot read (No such file or directory)" in proc.stderr.decode()


@pytest.mark.parametrize(
    "date, period, expected",
    [("2019-03-05", "year", "2019"), ("2019-03-05", "month", "2019-03"), ("2019年3月5日", "day", "2019-03-05"), ("", "year", None), ("3月5日", "year", None)],
)
def test_period_of(date, period, expected):
    assert period_of(date, period) == expected


@pytest.mark.shared
def test_real_jsonl_sample(shared_dir, tmp_path):
    out = tmp_path / "out"
    result = run_corpus([str(shared_dir / "corpus" / "bulk" / "cpcnews_sample200.jsonl")], out, Options(), jobs=2, progress=False)
    assert result.analysed + result.failed == 200
    assert all(e["reason"].endswith("empty text") for e in result.errors)
    assert len(rows(out / "documents.csv")) == result.analysed


def test_html_reports_and_index_are_safe(tmp_path):
    from html.parser import HTMLParser

    src = tmp_path / "c.jsonl"
    records = [
        {"id": "../../outside", "date": "2020-01-01", "title": "<script>alert(1)</script>", "text": "标题\n\n坚定“四个自信”。"},
        {"id": "/etc/passwd", "date": "2020-02-01", "title": "正常标题", "text": "增强“四个意识”。"},
    ]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([EXE, "corpus", str(src), "--out", str(out), "--html", "-q"], capture_output=True)
    assert proc.returncode == 0, proc.stderr
    reports = sorted(p.relative_to(out).as_posix() for p in (out / "reports").iterdir())
    assert len(reports) == 2 and all(r.startswith("reports/doc-") and r.endswith(".html") for r in reports)
    assert not (tmp_path / "outside").exists()
    index = (out / "index.html").read_text(encoding="utf-8")

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.links, self.scripts = [], 0

        def handle_starttag(self, tag, attrs):
            self.scripts += tag == "script"
            self.links += [v for k, v in attrs if k == "href"]

    c = Collect()
    c.feed(index)
    assert sorted(c.links) == reports
    assert c.scripts == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index


def test_file_that_disappears_after_listing_is_reported_and_the_rest_go_on(tmp_path):
    from tifalens.reading import expand_inputs

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"f{i}.txt").write_text(f"标题{i}\n\n坚定“四个自信”。\n", encoding="utf-8")
    paths, _ = expand_inputs([str(folder)])
    (folder / "f1.txt").unlink()  # gone between listing and reading
    result = run_corpus(paths, tmp_path / "out", Options(), progress=False)
    assert (result.analysed, result.failed) == (2, 1)
    assert result.errors == [{"input": str(folder / "f1.txt"), "reason": f"{folder / 'f1.txt'}: cannot read (No such file or directory)"}]
    assert [d["id"] for d in rows(tmp_path / "out" / "documents.csv")] == ["f0", "f2"]


def test_record_heads_read_key_and_hash_without_parsing_the_record(tmp_path):
    from tifalens.corpus import record_heads

    keys = ['a.jsonl:1', 'dir/引号"和\\反斜杠.jsonl:2', "big.txt#00003"]
    lines = [json.dumps({"ok": True, "key": k, "sha256": f"{i:064x}", "analysis": {"key": "not this"}}, ensure_ascii=False) for i, k in enumerate(keys)]
    shard = tmp_path / "analyses-00001.jsonl"
    shard.write_bytes(("\n".join(lines) + "\n" + lines[0][:40]).encode("utf-8"))  # a torn last line
    assert list(record_heads(shard)) == [(k, f"{i:064x}") for i, k in enumerate(keys)]
    assert list(record_heads(shard)) == [(r["key"], r["sha256"]) for r in complete_lines(shard)]


def test_tables_are_read_from_each_record_head_and_old_records_still_count(tmp_path):
    """A record carries its table row right after its key and hash; a record without one (an older
    run's) is read whole: both give the same tables."""
    src = make_jsonl(tmp_path / "c.jsonl", 4)
    out = tmp_path / "out"
    run_corpus([str(src)], out, Options(), progress=False)
    (shard,) = out.glob("analyses-*.jsonl")
    lines = shard.read_text(encoding="utf-8").splitlines()
    assert all(line.startswith('{"ok": true, "key": ') and ', "tables": {"id": ' in line[:400] for line in lines)
    tables = {name: (out / name).read_text(encoding="utf-8") for name in ("documents.csv", "terms.csv", "entities.csv", "figures.csv", "qa.csv", "trends.csv")}
    records = [json.loads(line) for line in lines]
    for r in records[::2]:
        del r["tables"]
    shard.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    run_corpus([str(src)], out, Options(), progress=False)  # everything is done: only the tables are written
    assert {name: (out / name).read_text(encoding="utf-8") for name in tables} == tables


def test_documents_csv_names_the_authors_where_they_work_and_an_official_document_s_number_and_issuer(tmp_path):
    src = tmp_path / "c.jsonl"
    texts = {
        "theory": f"论新时代\n\n{PARAGRAPH}\n\n（作者：张三丰，系中国人民大学马克思主义学院教授）",
        "news": f"标题\n\n新华社北京3月5日电（记者 王明、李华）{PARAGRAPH}",
        "none": f"标题\n\n{PARAGRAPH}",
        "notice": f"国务院关于加强党建工作的意见\n国发〔2023〕15号\n\n{PARAGRAPH}\n\n国务院\n2023年12月20日",
    }
    src.write_text("".join(json.dumps({"id": k, "text": v}, ensure_ascii=False) + "\n" for k, v in texts.items()), encoding="utf-8")
    out = tmp_path / "out"
    run_corpus([str(src)], out, Options(), progress=False)
    docs = rows(out / "documents.csv")
    assert list(docs[0]) == ["id", "input", "date", "title", "authors", "affiliation", "doc_type", "doc_number", "issuer", "chars", "sha256"]
    assert [(d["id"], d["authors"], d["affiliation"], d["doc_type"], d["doc_number"], d["issuer"]) for d in docs] == [
        ("theory", "张三丰", "中国人民大学马克思主义学院教授", "", "", ""),
        ("news", "王明、李华", "", "", "", ""),
        ("none", "", "", "", "", ""),
        ("notice", "", "", "意见", "国发〔2023〕15号", "国务院"),
    ]


def test_a_folder_of_text_files_is_dated_by_front_matter_then_file_name(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "rmrb-2021-07-01.txt").write_text(f"庆祝大会\n\n{PARAGRAPH}\n", encoding="utf-8")
    (folder / "report-2022.txt").write_text(f"报告\n\n——2022年10月16日在大会上\n\n{PARAGRAPH}\n", encoding="utf-8")
    # a date in the body is what the text reports, not when it was written
    (folder / "report-2017.txt").write_text(f"报告\n\n1921年7月，中国共产党成立。{PARAGRAPH}\n", encoding="utf-8")
    (folder / "undated.txt").write_text(f"无日期\n\n{PARAGRAPH}\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([EXE, "corpus", str(folder), "--out", str(out), "-q"], capture_output=True)
    assert proc.returncode == 0, proc.stderr
    assert {d["id"]: d["date"] for d in rows(out / "documents.csv")} == {
        "report-2017": "2017",
        "report-2022": "2022-10-16",  # the text's own date wins over the name's year
        "rmrb-2021-07-01": "2021-07-01",
        "undated": "",
    }
    # so the trends of a folder of text files have periods (chars: the length of each text)
    trends = subprocess.run([EXE, "trends", str(out), "--terms", "两个确立"], capture_output=True, text=True)
    assert trends.stdout.splitlines()[1:] == [
        "2017,两个确立,1,75,133.3333",
        "2021,两个确立,1,61,163.9344",
        "2022,两个确立,1,78,128.2051",
    ]


def test_terms_table_holds_each_documents_gloss(tmp_path):
    src = tmp_path / "c.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "a", "text": "全面推行“四定”：定人员、定范围、定任务、定考核，接受监督。"}, ensure_ascii=False) + "\n")
        fh.write(json.dumps({"id": "b", "text": "落实“四定”：定岗位、定职责、定目标、定考核。增强“四个意识”。"}, ensure_ascii=False) + "\n")
    out = tmp_path / "out"
    run_corpus([str(src)], out, Options(), progress=False)
    assert [(t["document"], t["term"], t["gloss"]) for t in rows(out / "terms.csv")] == [
        ("a", "四定", "定人员、定范围、定任务、定考核"),
        ("b", "四个意识", ""),
        ("b", "四定", "定岗位、定职责、定目标、定考核"),
    ]


TABLES = ("documents.csv", "terms.csv", "entities.csv", "figures.csv", "qa.csv", "trends.csv")


def read_tables(out: Path) -> dict[str, str]:
    return {name: (out / name).read_text(encoding="utf-8") for name in TABLES}


def test_tables_written_during_a_run_are_those_read_back_from_its_shards(tmp_path):
    """A run writes its tables as the records come; they must be what the shards give at the end,
    also where that differs from this run's records: other inputs' records left in the folder, an
    input given twice, an input done before, an input that fails now after an earlier record."""
    from tifalens.corpus import iter_tasks, write_tables

    src = make_jsonl(tmp_path / "c.jsonl", 5)
    folder, inputs = text_folder(tmp_path, [PARAGRAPH, "北京市有2万名党员。", "坚定“四个自信”。"])

    def check(out: Path, paths: list[str], *, documents: int, analysed: int, failed: int = 0) -> None:
        result = run_corpus(paths, out, Options(), progress=False)
        assert (result.analysed, result.failed) == (analysed, failed)
        live = read_tables(out)
        assert len(rows(out / "documents.csv")) == documents
        for name in TABLES:
            (out / name).unlink()
        write_tables(out, period="year", keys={task.key for task in iter_tasks(paths, Options())})
        assert read_tables(out) == live
        assert not list(out.glob(".*.tmp"))

    check(tmp_path / "o1", [str(src)], documents=5, analysed=5)  # a fresh run
    check(tmp_path / "o1", inputs(), documents=3, analysed=3)  # another corpus into the same folder
    check(tmp_path / "o2", inputs() + inputs()[:1], documents=3, analysed=4)  # an input twice
    (folder / "a2.txt").write_text("改了\n\n坚持“两个确立”。\n", encoding="utf-8")
    check(tmp_path / "o1", inputs(), documents=3, analysed=1)  # a0 and a1 done before and skipped
    for i, body in enumerate(["", "又改了\n\n北京市有3万名党员。\n", "再改\n\n坚持“两个确立”。\n"]):
        (folder / f"a{i}.txt").write_text(body, encoding="utf-8")
    check(tmp_path / "o1", inputs(), documents=3, analysed=2, failed=1)  # a0 empty now: its older record stays the latest


def test_a_shard_ctrl_c_opened_but_did_not_hand_over_is_removed_by_the_close(tmp_path, monkeypatch):
    """Ctrl-C lands between ``open`` of a new shard's part file and its assignment: the part file is
    there, empty, and the writer does not know it; the run's final close removes it."""
    import builtins

    from tifalens.corpus import ShardWriter

    writer = ShardWriter(tmp_path, shard_size=10)
    real_open = builtins.open

    def opened_then_interrupted(*args, **kwargs):
        real_open(*args, **kwargs).close()
        raise KeyboardInterrupt

    monkeypatch.setattr(builtins, "open", opened_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        writer.write(b'{"ok": true}\n')
    monkeypatch.setattr(builtins, "open", real_open)
    assert [p.name for p in tmp_path.iterdir()] == ["analyses-00001.jsonl.part"]
    writer.close()
    assert list(tmp_path.iterdir()) == []
    writer.write(b'{"ok": true}\n')
    writer.close()
    assert [p.name for p in tmp_path.iterdir()] == ["analyses-00001.jsonl"]


def test_a_shard_close_broken_off_by_ctrl_c_is_finished_by_the_next(tmp_path, monkeypatch):
    """Ctrl-C lands in the fsync of a shard's close; the run's final close must then put the shard in place."""
    from tifalens.corpus import ShardWriter

    writer = ShardWriter(tmp_path, shard_size=10)
    writer.write(b'{"ok": true}\n')
    rename = Path.rename
    calls = []

    def interrupted_once(self, target):
        calls.append(self.name)
        if len(calls) == 1:
            raise KeyboardInterrupt
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", interrupted_once)
    with pytest.raises(KeyboardInterrupt):
        writer.close()
    writer.close()
    writer.close()
    assert calls == ["analyses-00001.jsonl.part"] * 2
    assert [p.name for p in tmp_path.iterdir()] == ["analyses-00001.jsonl"]
    assert (tmp_path / "analyses-00001.jsonl").read_bytes() == b'{"ok": true}\n'
    writer.write(b'{"ok": false}\n')
    writer.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["analyses-00001.jsonl", "analyses-00002.jsonl"]
