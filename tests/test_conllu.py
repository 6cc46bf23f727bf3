"""CoNLL-U export: parses with the `conllu` package, one token line per non-space token."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import conllu

import tifalens
from tifalens.analysis import analyze_source
from tifalens.export.conllu import document_id, to_conllu, to_conllu_many

EXE = shutil.which("tifalens") or str(Path(sys.executable).with_name("tifalens"))


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, timeout=120)


def rebuilt_text(sentence: conllu.TokenList) -> str:
    """The sentence text as CoNLL-U defines it: forms joined, a space unless SpaceAfter=No."""
    out = ""
    for tok in sentence:
        out += tok["form"] + ("" if (tok["misc"] or {}).get("SpaceAfter") == "No" else " ")
    return out.strip()


def test_small_text_exact_output(nlp):
    result = analyze_source(tifalens.read_text("增强四个意识。 好 的\n\n再见！"), nlp)
    assert to_conllu(result.doc, result.source, doc_id="x") == (
        "# newdoc id = <text>\n"
        "# sent_id = x-1\n"
        "# text = 增强四个意识。\n"
        "1\t增强\t增强\tVERB\tv\t_\t_\t_\t_\tSpaceAfter=No\n"
        "2\t四个意识\t四个意识\tPROPN\tnz\t_\t_\t_\t_\tSpaceAfter=No|TifaTerm=四个意识|TifaCategory=loyalty\n"
        "3\t。\t。\tPUNCT\tx\t_\t_\t_\t_\t_\n"
        "\n"
        "# sent_id = x-2\n"
        "# text = 好 的\n"
        "1\t好\t好\tADJ\ta\t_\t_\t_\t_\t_\n"
        "2\t的\t的\tPART\tuj\t_\t_\t_\t_\t_\n"
        "\n"
        "# sent_id = x-3\n"
        "# text = 再见！\n"
        "1\t再见\t再见\tVERB\tv\t_\t_\t_\t_\tSpaceAfter=No\n"
        "2\t！\t！\tPUNCT\tx\t_\t_\t_\t_\t_\n"
        "\n"
    )


def test_named_entities_are_bio_labels_in_misc(nlp):
    result = analyze_source(tifalens.read_text("习近平在北京考察，依据《中国共产党纪律处分条例》处理。"), nlp)
    (sentence,) = conllu.parse(to_conllu(result.doc, result.source, doc_id="x"))
    assert [(t["form"], (t["misc"] or {}).get("NER")) for t in sentence if (t["misc"] or {}).get("NER")] == [
        ("习近平", "B-PERSON"), ("北京", "B-GPE"), ("中国共产党", "B-LAW"), ("纪律处分", "I-LAW"), ("条例", "I-LAW"),
    ]  # fmt: skip


def test_a_traditional_text_keeps_its_forms_and_gives_simplified_lemmas(nlp):
    result = analyze_source(tifalens.read_text("國務院台辦堅決反對「台獨」分裂行徑，兩岸貿易總額增長。"), nlp)
    out = to_conllu(result.doc, result.source, doc_id="t")
    (sentence,) = conllu.parse(out)
    assert sentence.metadata["text"] == "國務院台辦堅決反對「台獨」分裂行徑，兩岸貿易總額增長。"
    assert "".join(t["form"] for t in sentence) == sentence.metadata["text"]
    assert [(t["form"], t["lemma"]) for t in sentence][:4] == [("國務院台辦", "国务院台办"), ("堅決", "坚决"), ("反對", "反对"), ("「", "「")]


def test_seed_parses_and_token_counts_match(seed_result):
    doc = seed_result.doc
    text = to_conllu(doc, seed_result.source)
    sentences = conllu.parse(text)
    expected = [[t.text for t in s if not t.is_space] for s in doc.sents]
    expected = [s for s in expected if s]
    assert [[tok["form"] for tok in s] for s in sentences] == expected
    assert sum(len(s) for s in sentences) == sum(1 for t in doc if not t.is_space) > 4000
    assert sentences[0].metadata == {
        "newdoc id": seed_result.source.path,
        "sent_id": "xinhua-2022-09-26-1",
        "text": "中组部负责人介绍二十大代表选举工作有关情况",
    }
    assert len({s.metadata["sent_id"] for s in sentences}) == len(sentences)
    for s in sentences:
        assert rebuilt_text(s) == s.metadata["text"]
        assert [tok["id"] for tok in s] == list(range(1, len(s) + 1))
        assert {tok["head"] for tok in s} == {None} and {tok["deprel"] for tok in s} == {"_"}
    tifa = [tok for s in sentences for tok in s if tok["misc"] and "TifaTerm" in tok["misc"]]
    assert len(tifa) == sum(len(span) for span in doc.spans["tifa"])
    assert [tok["form"] for tok in tifa if tok["misc"].get("TifaCategory")] == [s.text for s in doc.spans["tifa"] if s._.category]
    upos = {tok["upos"] for s in sentences for tok in s}
    assert "SPACE" not in upos and {"NOUN", "VERB", "PUNCT", "PROPN"} <= upos


def test_blank_document_is_empty(nlp):
    text = "   \n\n"
    source = tifalens.Source(path="blank.txt", original=text, text=text, encoding="utf-8", sha256="0" * 64)
    assert to_conllu(nlp(text), source) == ""


def test_document_ids_are_safe_and_unique(nlp):
    assert document_id("-") == "stdin"
    assert document_id("a b/c d|e=f.txt") == "c_d_e_f"
    a = tifalens.read_text("一句话。")
    pairs = [(nlp(a.text), tifalens.Source(path=p, original=a.text, text=a.text, encoding="utf-8", sha256=a.sha256)) for p in ("x/y.txt", "z/y.txt", "y.2.txt")]
    sentences = conllu.parse(to_conllu_many(pairs))
    assert [(s.metadata.get("newdoc id"), s.metadata["sent_id"]) for s in sentences] == [("x/y.txt", "y-1"), ("z/y.txt", "y.2-1"), ("y.2.txt", "y.2.2-1")]


def test_cli_several_inputs_concatenated(tmp_path, seed_path):
    shutil.copy(seed_path, tmp_path / "a.txt")
    (tmp_path / "b c.txt").write_text("标题\n\n增强“四个意识”。\n", encoding="utf-8")
    proc = run("analyze", str(tmp_path), "--format", "conllu")
    assert proc.returncode == 0, proc.stderr
    sentences = conllu.parse(proc.stdout.decode("utf-8"))
    newdocs = [s.metadata["newdoc id"] for s in sentences if "newdoc id" in s.metadata]
    assert newdocs == [str(tmp_path / "a.txt"), str(tmp_path / "b c.txt")]
    assert [s.metadata["sent_id"] for s in sentences[-2:]] == ["b_c-1", "b_c-2"]
    assert [tok["form"] for tok in sentences[-1]] == ["增强", "“", "四个意识", "”", "。"]
