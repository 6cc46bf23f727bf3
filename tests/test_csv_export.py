"""CSV export: the terms or the figures table, properly quoted UTF-8, one table for any number of inputs."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import tifalens
import tifalens.analysis
from tifalens.export.csvout import QA_COLUMNS, STAT_COLUMNS, TERM_COLUMNS, stat_rows, term_rows, to_csv
from tifalens.export.markdown import to_markdown

EXE = shutil.which("tifalens") or str(Path(sys.executable).with_name("tifalens"))


def run(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, timeout=120, input=input)


def read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_seed_terms_table(seed_result):
    text = to_csv([(seed_result.doc, seed_result.source)])
    assert text.splitlines()[0] == "document,term,count,known,category,expansion,first_used,gloss"
    rows = read(text)
    data = seed_result.to_dict()
    assert [(r["term"], int(r["count"]), r["known"], r["category"]) for r in rows] == [
        (t["term"], t["count"], str(t["known"]), t["category"] or "") for t in data["terms"]
    ]
    assert rows == [
        {
            "document": seed_result.source.path, "term": t["term"], "count": str(t["count"]), "known": str(t["known"]),
            "category": t["category"] or "", "expansion": t["expansion"] or "", "first_used": "" if t["first_used"] is None else str(t["first_used"]),
            "gloss": "",
        }
        for t in data["terms"]
    ]
    assert rows[0]["term"] == "两个确立" and rows[0]["expansion"].startswith("确立习近平同志党中央的核心")

def test_terms_table_has_the_texts_gloss(nlp):
    result = tifalens.analysis.analyze_source(tifalens.read_text("全面推行“四定”：定人员、定范围、定任务、定考核，接受职工群众监督。"), nlp)
    (row,) = read(to_csv([(result.doc, result.source)]))
    assert (row["term"], row["known"], row["gloss"]) == ("四定", "False", "定人员、定范围、定任务、定考核")


def test_quoting_survives_commas_quotes_and_newlines(tmp_path):
    lexicon = tmp_path / "my.tsv"
    lexicon.write_text('term\texpansion\tcategory\n三个务必\t务必谦虚, 谨慎; "不骄" 不躁\tloyalty\n', encoding="utf-8")
    mine = tifalens.load(lexicons=[lexicon])
    result = tifalens.analysis.analyze_source(tifalens.read_text("牢记“三个务必”。"), mine)
    (row,) = read(to_csv([(result.doc, result.source)]))
    assert row["expansion"] == '务必谦虚, 谨慎; "不骄" 不躁'
    assert term_rows(result.doc, result.source)[0]["term"] == "三个务必"


def test_stats_table(nlp):
    text = "女党员619名，占27.0%。2024年发展党员12名。"
    result = tifalens.analysis.analyze_source(tifalens.read_text(text), nlp)
    assert to_csv([(result.doc, result.source)], table="stats") == ",".join(STAT_COLUMNS) + (
        "\n<text>,619名,619,名,count,,,女党员,,,\n<text>,27.0%,27.0,%,percent,,,女党员,,,\n<text>,2024年,2024,年,year,,,,,,\n<text>,12名,12,名,count,,,发展党员,,,2024\n"
    )
    span = result.doc.char_span(text.index("619"), text.index("619") + 4)
    span._.fields = {"text": "619名", "value": 619, "unit": "名", "kind": "count", "approx": False, "subject": "女党员,\n在册", "start": 3, "end": 7}
    result.doc.spans["stats"] = [span]
    assert stat_rows(result.doc, result.source) == [
        {"document": "<text>", "text": "619名", "value": 619, "unit": "名", "kind": "count", "approx": False, "modality": None, "subject": "女党员,\n在册", "column": None, "date": None, "when": None}
    ]
    assert to_csv([(result.doc, result.source)], table="stats") == 'document,text,value,unit,kind,approx,modality,subject,column,date,when\n<text>,619名,619,名,count,False,,"女党员,\n在册",,,\n'


def test_cli_several_inputs_one_table(tmp_path, seed_path, seed_result):
    shutil.copy(seed_path, tmp_path / "a.txt")
    (tmp_path / "b.txt").write_text("标题\n\n增强“四个意识”，做到“两个确立”。\n", encoding="utf-8")
    proc = run("analyze", str(tmp_path), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = read(proc.stdout.decode("utf-8"))
    assert list(rows[0]) == list(TERM_COLUMNS)
    assert [(r["term"], r["count"]) for r in rows if r["document"] == str(tmp_path / "b.txt")] == [("两个确立", "1"), ("四个意识", "1")]
    assert len(rows) == len(seed_result.to_dict()["terms"]) + 2
    stats = run("analyze", str(tmp_path), "--format", "csv", "--table", "stats")
    assert stats.returncode == 0
    assert stats.stdout.decode().splitlines()[0] == "document,text,value,unit,kind,approx,modality,subject,column,date,when"


def test_qa_table_names_who_asks_and_who_answers(tmp_path):
    # a transcript in Traditional script: the cells as the input writes them, offsets into it
    text = "答問會\n\n記者問：政府會否推出更多措施，吸引人才？\n\n行政長官答：會繼續優化。\n\n法新社记者：有何回应？\n\n毛宁：中方已提出交涉。\n"
    f = tmp_path / "t.txt"
    f.write_text(text, encoding="utf-8")
    proc = run("analyze", str(f), "--format", "csv", "--table", "qa")
    assert proc.returncode == 0, proc.stderr
    rows = read(proc.stdout.decode("utf-8"))
    assert list(rows[0]) == list(QA_COLUMNS)
    assert [(r["pair"], r["asker"], r["question"], r["answerer"], r["answer"]) for r in rows] == [
        ("1", "", "政府會否推出更多措施，吸引人才？", "行政長官", "會繼續優化。"),
        ("2", "法新社记者", "有何回应？", "毛宁", "中方已提出交涉。"),
    ]
    assert text[int(rows[1]["orig_start"]) : int(rows[1]["orig_end"])] == "法新社记者：有何回应？\n\n毛宁：中方已提出交涉。"


def test_cli_table_needs_csv(seed_path):
    proc = run("analyze", str(seed_path), "--table", "stats")
    assert proc.returncode == 2
    assert proc.stderr.decode() == "tifalens: error: --table applies to --format csv only\n"
    assert proc.stdout == b""


def test_a_date_is_shown_as_its_iso_date_and_kept_in_the_date_column(nlp):
    result = tifalens.analyze("3月2日，国务院召开常务会议。2024年3月5日，大会开幕。", nlp=nlp)
    rows = read(to_csv([(result.doc, result.source)], table="stats"))
    assert [(r["text"], r["value"], r["kind"], r["date"]) for r in rows] == [
        ("3月2日", "3", "date", "--03-02"), ("2024年3月5日", "2024", "date", "2024-03-05"),
    ]  # fmt: skip
    # the tables a person reads show the date itself, not its first number
    assert "| 3月2日 | --03-02 |  | date |" in to_markdown(result.doc, result.source)
    proc = run("stats", "-", input="3月2日，国务院召开常务会议。".encode())
    assert proc.returncode == 0 and "--03-02" in proc.stdout.decode()
