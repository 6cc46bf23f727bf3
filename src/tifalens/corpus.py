"""Corpus runs: one pure function over many inputs, in-process, in local processes, or on Dask.

:func:`analyze_task` is the only thing that analyses; the engines differ only in
where it runs. Results are written in input order, so the same corpus gives the
same files whatever the engine or the number of jobs.

Output folder::

    analyses-00001.jsonl ...  one JSON object per document (sharded; a shard is complete once renamed):
                              ok, key, sha256, tables (what the tables need), id, input, date,
                              title, report, block, analysis
    documents.csv              id, input, date, title, authors, affiliation, doc_type, doc_number, issuer, chars, sha256
    terms.csv                  document, date, term, count, known
    entities.csv               document, date, name, label, full_name, count, office
    figures.csv                document, date, text, value, unit, kind, approx, modality, subject, when
    qa.csv                     document, date, article, pair, asker, question, answerer, answer
    trends.csv                 period, term, count, chars, per_10k
    errors.jsonl               input, reason (inputs that failed in the last run)
    manifest.json              inputs, options, version, counts, timing

The tables (and ``index.html``) hold the inputs of the last run, each from its latest record;
records of inputs that are gone (a deleted file, a JSONL line or a block the input no longer
has) stay in the shards but are left out of them. An interrupted run writes tables of every
record, as it has not listed all its inputs. A run that analyses all its inputs writes the
tables as its records come; one that skips some (or is interrupted, or meets an input twice)
reads them back from the shards at its end: both give the same tables.

Resuming: a rerun skips every input whose identity (path, or JSONL path and line)
and content hash are already in a complete line of a shard; lines are written
whole and a shard being written is named ``.part``, so a killed run never leaves a
half-written line counted as done.

Large files: a file longer than ``Options.block_chars`` characters is read in
blocks (:func:`tifalens.reading.iter_decoded_blocks`), each its own document with
identity ``path#00001`` …, the hash of its own bytes and a ``block`` field saying
where it sits in the file; memory stays flat and a rerun resumes block by block.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import os
import re
import sys
import time
import warnings
from collections import Counter, defaultdict, deque
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import __version__
from .errors import InputError, TifalensError, UsageError
from .reading import DEFAULT_BLOCK_CHARS, DecodedBlock, iter_decoded_blocks

SHARD_GLOB = "analyses-*.jsonl"


@dataclass(frozen=True)
class Options:
    """Everything that changes what :func:`analyze_task` produces (travels to workers)."""

    encoding: str | None = None
    t2s: bool | None = None  # None: convert a text that is mostly Traditional
    backend: str = "rjieba"
    keep_duplicates: bool = False
    lexicons: tuple[str, ...] = ()
    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "date"
    title_field: str = "title"
    max_chars: int | None = None
    block_chars: int = DEFAULT_BLOCK_CHARS
    html: bool = False


@dataclass(frozen=True)
class Task:
    """One document to analyse: a file's bytes, one JSONL record's text, or a decoded block of a large file."""

    key: str
    input: str
    doc_id: str
    sha256: str
    data: bytes | None = None
    text: str | None = None
    decoded: DecodedBlock | None = None
    date: str | None = None
    title: str | None = None
    error: str | None = None  # set when the input could not even be turned into a task


# ---------------------------------------------------------------------------- the pure function


def analyze_task(task: Task, options: Options) -> dict:
    """Analyse one document; never raises for bad input (returns an error record instead)."""
    return analyze_tasks([task], options)[0][0]


def report_name(key: str) -> str:
    """The file name of a document's HTML report: derived from its identity, never from input text."""
    return f"reports/doc-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:20]}.html"


def analyze_tasks(tasks: list[Task], options: Options) -> list[tuple[dict, object]]:
    """(record, Analysis or None) per task, in order; the texts go through ``nlp.pipe`` together.

    Never raises for one document: a bad input or an internal error becomes that
    document's error record. If the batch fails as a whole, its documents are
    analysed one by one, so a failure costs only the document that caused it.
    """
    from .analysis import Analysis

    out: list = [None] * len(tasks)
    sources: dict[int, object] = {}
    for i, task in enumerate(tasks):
        if task.error:
            out[i] = ({"ok": False, "key": task.key, "input": task.input, "reason": task.error}, None)
            continue
        try:
            sources[i] = _source(task, options)
        except Exception as exc:
            out[i] = (_failure(task, exc), None)
    nlp = _pipeline(options)
    docs: dict[int, object] = {}
    if len(sources) > 1:
        try:
            docs = dict(zip(sources, nlp.pipe([s.text for s in sources.values()])))
        except Exception:
            docs = {}
    for i, source in sources.items():
        task = tasks[i]
        try:
            result = Analysis(source, docs[i] if i in docs else nlp(source.text))
            out[i] = (_record(task, source, result.to_dict(), options), result)
        except Exception as exc:
            out[i] = (_failure(task, exc), None)
    return out


def _source(task: Task, options: Options):
    """The task's text read into a Source (raises TifalensError for bad input)."""
    from .reading import read_bytes, read_text

    if task.decoded is not None:
        return task.decoded.to_source(task.input, t2s=options.t2s)
    if task.text is not None:
        if options.max_chars is not None and len(task.text) > options.max_chars:
            raise InputError(task.input, f"too long: {len(task.text):,} characters, more than --max-chars {options.max_chars:,}")
        return read_text(task.text, path=task.input, t2s=options.t2s)
    return read_bytes(task.data or b"", path=task.input, encoding=options.encoding, t2s=options.t2s, max_chars=options.max_chars)


def _failure(task: Task, exc: Exception) -> dict:
    if isinstance(exc, TifalensError):
        reason = str(exc)
    else:  # a bug must not stop the run or lose the other documents
        reason = f"{task.input}: internal error while analysing ({exc.__class__.__name__}: {exc}); please report it"
    return {"ok": False, "key": task.key, "input": task.input, "reason": reason}


def _record(task: Task, source, analysis: dict, options: Options) -> dict:
    record = {
        "ok": True,
        "key": task.key,
        "sha256": task.sha256,
        "tables": None,  # filled below; its place right after the hash lets the tables read it alone
        "id": task.doc_id,
        "input": task.input,
        "date": task.date or document_date(analysis, source),
        "title": task.title or next((a["title"] for a in analysis["articles"] if a["title"]), None),
        "report": report_name(task.key) if options.html else None,
        "block": source.block.as_dict() if source.block else None,
        "analysis": analysis,
    }
    record["tables"] = table_row(record)
    return record


def document_date(analysis: dict, source) -> str | None:
    """A document's date when its input gives none: the first article's own date (its front
    matter: 2024年3月5日 in ——2024年3月5日在…会议上), else the date in a file's name
    (xinhua-2022-09-26.txt, gwr-2022.txt; :meth:`Source.name_date`: a JSONL record's key names the
    collection, not the document); ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    own = next((a["date"]["value"] for a in analysis["articles"] if a["date"]), None)
    return own if own is not None else source.name_date()


def table_row(record: dict) -> dict:
    """What the tables and index.html need of a record, small enough to read without the analysis:
    id, input, sha256, date, title, authors (every byline's names, each once), affiliation (the first
    byline's that has one), doc_type, doc_number and issuer (the first article's that has one), chars, report, terms ``[term, count, known, gloss]``, entities
    ``[name, label, full name, count, office]``, figures ``[text, value, unit, kind, approx, modality, subject, when]`` and
    Q/A pairs ``[article, pair, asker, question, answerer, answer]``."""
    from .export.jsonout import entity_rows, gloss_text, shown_value, shown_when

    a = record["analysis"]
    bylines = [art["byline"] for art in a["articles"] if art["byline"]]
    return {
        "id": record["id"],
        "input": record["input"],
        "sha256": record["sha256"],
        "date": record["date"],
        "title": record["title"],
        "authors": list(dict.fromkeys(name for by in bylines for name in by["names"])),
        "affiliation": next((by["affiliation"] for by in bylines if by.get("affiliation")), None),
        "doc_type": next((art["doc_type"] for art in a["articles"] if art.get("doc_type")), None),
        "doc_number": next((art["doc_number"]["text"] for art in a["articles"] if art.get("doc_number")), None),
        "issuer": next((art["issuer"]["text"] for art in a["articles"] if art.get("issuer")), None),
        "chars": a["source"]["chars"],
        "report": record.get("report"),
        "terms": [[t["term"], t["count"], t["known"], gloss_text(t) or ""] for t in a["terms"]],
        "entities": [[e["text"], e["label"], e["kb_id"], e["count"], e["office"]] for e in entity_rows(a)],
        "figures": [[f["text"], shown_value(f), f["unit"], f["kind"], f["approx"], f["modality"], f["subject"], shown_when(f, record["date"])] for f in a["stats"]],
        "qa": [
            [art["index"], n, q["asker"], q["question"], q["answerer"], q["answer"]]
            for art in a["articles"]
            for n, q in enumerate(art["qa"], 1)
        ],
    }


def _pipeline(options: Options):
    """One pipeline per process and option set (built on first use in each worker)."""
    from .analysis import default_pipeline

    return default_pipeline(options.backend, options.keep_duplicates, options.lexicons)


# ---------------------------------------------------------------------------- inputs


def iter_tasks(paths: list[str], options: Options) -> Iterator[Task]:
    """Stream tasks from files and JSONL collections (never the whole corpus in memory)."""
    for path in paths:
        if path.endswith((".jsonl", ".jsonl.txt", ".ndjson")):
            yield from _jsonl_tasks(path, options)
        else:
            yield from _file_tasks(path, options)


def _file_tasks(path: str, options: Options) -> Iterator[Task]:
    """One task for a file of at most ``block_chars`` bytes (its bytes, decoded by the worker);
    else one per block (decoded here, in bounded memory; normalised by the worker)."""
    try:
        small = os.path.getsize(path) <= options.block_chars  # a character takes at least one byte
    except OSError:
        small = True  # reported by _file_task
    if small:
        yield _file_task(path)
        return
    stem = Path(path).stem
    try:
        for piece in iter_decoded_blocks(path, block_chars=options.block_chars, encoding=options.encoding, max_chars=options.max_chars):
            key, doc_id = (piece.block.label(path), piece.block.label(stem)) if piece.block else (path, stem)
            yield Task(key, path, doc_id, piece.sha256, decoded=piece)
    except TifalensError as exc:
        yield Task(path, path, stem, "", error=str(exc))


def _file_task(path: str) -> Task:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return Task(path, path, path, "", error=f"{path}: cannot read ({exc.strerror or exc})")
    return Task(path, path, Path(path).stem, hashlib.sha256(data).hexdigest(), data=data)


def _jsonl_tasks(path: str, options: Options) -> Iterator[Task]:
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield Task(path, path, path, "", error=f"{path}: cannot read ({exc.strerror or exc})")
        return
    with fh:
        for no, raw in enumerate(fh, start=1):
            where = f"{path}:{no}"
            if not raw.strip():
                continue
            digest = hashlib.sha256(raw).hexdigest()
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield Task(where, where, where, digest, error=f"{where}: invalid JSON ({exc.__class__.__name__})")
                continue
            if not isinstance(record, dict) or not isinstance(record.get(options.text_field), str):
                yield Task(where, where, where, digest, error=f"{where}: no text field {options.text_field!r}")
                continue
            doc_id = str(record.get(options.id_field, where))
            yield Task(
                where,
                where,
                doc_id,
                digest,
                text=record[options.text_field],
                date=_str_or_none(record.get(options.date_field)),
                title=_str_or_none(record.get(options.title_field)),
            )


def _str_or_none(value) -> str | None:
    return None if value is None else str(value)


def count_documents(paths: list[str]) -> int:
    """How many documents the inputs hold (for the progress bar's total)."""
    total = 0
    for path in paths:
        if path.endswith((".jsonl", ".jsonl.txt", ".ndjson")):
            try:
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


# ---------------------------------------------------------------------------- engines


def map_ordered(fn: Callable, tasks: Iterable, *, jobs: int = 1, scheduler: str | None = None, window: int | None = None) -> Iterator:
    """Apply ``fn`` to each task, yielding results in input order; at most ``window`` batches of ``BATCH`` tasks in flight."""
    if scheduler:
        yield from _map_dask(fn, tasks, scheduler, window or 16)
    elif jobs <= 1:
        for batch in _batches(tasks):
            yield from call_each(fn, batch)
    else:
        yield from _map_processes(fn, tasks, jobs, window or jobs * 3)


BATCH = 8  # documents per submitted job: a submit costs about as much as a short document


def _batches(tasks: Iterable, size: int = BATCH) -> Iterator[list]:
    """The tasks in lists of ``size`` (the last may be shorter), read lazily."""
    it = iter(tasks)
    while batch := list(itertools.islice(it, size)):
        yield batch


def call_each(fn: Callable, batch: list) -> list:
    """``fn`` over one batch, in a worker (module-level, so that it pickles); ``fn.many`` when it has one."""
    many = getattr(fn, "many", None)
    return many(batch) if many is not None else [fn(task) for task in batch]


def _ignore_interrupts() -> None:
    """Worker initializer: Ctrl-C (SIGINT to the whole process group) is the parent's to handle.

    A worker killed by it would break the pool while the parent cancels what is pending, and
    Python 3.11's pool can then hang on shutdown (its management thread dies setting the result
    of a cancelled future); the parent cancels what has not started and the batches running finish.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _map_processes(fn: Callable, tasks: Iterable, jobs: int, window: int) -> Iterator:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver (not fork: the parent may run a progress thread) with spaCy and
    # our modules imported once in the server, so each worker starts warm.
    if sys.platform.startswith("linux"):
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["spacy", "tifalens.pipeline", "tifalens.analysis", "tifalens.corpus"])
    else:
        ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_ignore_interrupts) as pool:
        pending: deque = deque()
        try:
            for batch in _batches(tasks):
                pending.append(pool.submit(call_each, fn, batch))
                if len(pending) >= window:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BaseException:
            for f in pending:
                f.cancel()
            raise


def _map_dask(fn: Callable, tasks: Iterable, scheduler: str, window: int) -> Iterator:
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--scheduler needs Dask: pip install 'tifalens[dask]'") from None
    try:
        client = Client(scheduler, timeout="20s")
    except OSError as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
    with client:
        pending: deque = deque()
        for batch in _batches(tasks):
            pending.append(client.submit(call_each, fn, batch, pure=False))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


# ---------------------------------------------------------------------------- output


class ShardWriter:
    """Appends whole lines to ``analyses-NNNNN.jsonl.part``; renames it when full or closed."""

    def __init__(self, out: Path, *, shard_size: int) -> None:
        self.out = out
        self.shard_size = shard_size
        numbers = [int(p.name.split("-")[1].split(".")[0]) for p in out.glob("analyses-*.jsonl*")]
        self.next_number = max(numbers, default=0) + 1
        self._fh = None
        self._count = 0

    def _part(self) -> Path:
        return self.out / f"analyses-{self.next_number:05d}.jsonl.part"

    def write(self, line: bytes) -> None:
        """Append one serialised record: UTF-8 JSON ending in a newline (encoded by the worker, not here)."""
        if self._fh is None:
            self._fh = open(self._part(), "ab")
        self._fh.write(line)
        self._fh.flush()
        self._count += 1
        if self._count >= self.shard_size:
            self.close()

    def close(self) -> None:
        """Put the shard being written in place. Each step can be done again, so a close that
        Ctrl-C broke off (it lands in the slow fsync) is finished by the next call; a part file
        Ctrl-C left opened but not yet taken (between ``open`` and the assignment) is empty and removed."""
        if self._fh is None:
            stray = self._part()
            if stray.exists() and stray.stat().st_size == 0:
                stray.unlink()
            return
        if not self._fh.closed:
            os.fsync(self._fh.fileno())
            self._fh.close()
        part = self._part()
        if part.exists():
            part.rename(part.with_suffix(""))
        self._fh, self._count = None, 0
        self.next_number += 1


def _raw_lines(path: Path) -> Iterator[bytes]:
    """A shard's complete lines (a torn last line, with no newline, is left out)."""
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                return
            yield raw


def complete_lines(path: Path) -> Iterator[dict]:
    """Records of a shard, skipping a torn last line (no newline or not JSON)."""
    for raw in _raw_lines(path):
        try:
            yield json.loads(raw)
        except json.JSONDecodeError:
            continue


# Every record starts with these fields in this order (see _record), so the key and
# hash of a record are read without parsing the whole, often 20 KB, line.
_RECORD_HEAD = re.compile(rb'\{"ok": true, "key": ("(?:[^"\\]|\\.)*"), "sha256": "([0-9a-f]*)"')
_TABLES = b', "tables": '


def _heads(path: Path) -> Iterator[tuple[str, str, bytes, int, dict | None]]:
    """``(key, sha256, line, end of the head, record)`` of each complete record of a shard, in
    order: read from the line's head, or (a line not written by us) from the record parsed whole,
    which is then given and the head's end is 0."""
    for raw in _raw_lines(path):
        m = _RECORD_HEAD.match(raw)
        if m and raw.rstrip().endswith(b"}"):
            yield json.loads(m.group(1)), m.group(2).decode("ascii"), raw, m.end(), None
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError:
            continue
        yield record["key"], record["sha256"], raw, 0, record


def record_heads(path: Path) -> Iterator[tuple[str, str]]:
    """``(key, sha256)`` of each complete record of a shard, in order."""
    for key, sha256, *_ in _heads(path):
        yield key, sha256


def recover(out: Path) -> dict[str, str]:
    """Finish shards a killed run left as ``.part`` and return ``{key: sha256}`` of what is done."""
    for part in sorted(out.glob("analyses-*.jsonl.part")):
        records = list(complete_lines(part))
        tmp = part.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        os.replace(tmp, part.with_suffix(""))
        part.unlink()
    done: dict[str, str] = {}
    for shard in sorted(out.glob(SHARD_GLOB)):
        done.update(record_heads(shard))
    return done


def _atomic_write(path: Path, write: Callable) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        write(fh)
    os.replace(tmp, path)


def period_of(date: str | None, period: str) -> str | None:
    """The year, month or day a date string falls in (``2019-03-05`` -> ``2019``/``2019-03``)."""
    if not date:
        return None
    digits = "".join(ch if ch.isdigit() else "-" for ch in date).strip("-").split("-")
    digits = [d for d in digits if d]
    if not digits or len(digits[0]) != 4:
        return None
    size = {"year": 1, "month": 2, "day": 3}[period]
    parts = [digits[0]] + [d.zfill(2) for d in digits[1:size]]
    return "-".join(parts) if len(parts) == size else None


def current_rows(out: Path, keys: set[str] | None = None) -> Iterator[dict]:
    """The :func:`table_row` of the latest record of each input, in shard order; with ``keys``, only
    those inputs (a file deleted since, a JSONL line or a block the input no longer has, are left out).

    A record's row sits right after its key and hash, so it is read without parsing the analysis
    (about 20 KB a record); records written before rows existed are parsed whole.
    """
    latest: dict[str, tuple[int, int]] = {}
    shards = sorted(out.glob(SHARD_GLOB))
    for s_i, shard in enumerate(shards):
        for l_i, (key, _) in enumerate(record_heads(shard)):
            if keys is None or key in keys:
                latest[key] = (s_i, l_i)
    decoder = json.JSONDecoder()
    for s_i, shard in enumerate(shards):
        for l_i, (key, _, raw, head_end, record) in enumerate(_heads(shard)):
            if latest.get(key) != (s_i, l_i):
                continue
            if head_end and raw.startswith(_TABLES, head_end):
                yield decoder.raw_decode(raw[head_end + len(_TABLES) :].decode("utf-8"))[0]
                continue
            record = record or json.loads(raw)
            yield record.get("tables") or table_row(record)


class TableWriter:
    """documents.csv, terms.csv, entities.csv, figures.csv and qa.csv written row by row from :func:`table_row`
    dicts, trends.csv from their counts at the end; each file appears (renamed from a temporary) on
    :meth:`close`, so a reader never sees half a table. (A record of a version before figures and Q/A pairs
    were in its row adds none to those two tables.)"""

    NAMES = ("documents.csv", "terms.csv", "entities.csv", "figures.csv", "qa.csv")
    HEADERS = (
        ["id", "input", "date", "title", "authors", "affiliation", "doc_type", "doc_number", "issuer", "chars", "sha256"],
        ["document", "date", "term", "count", "known", "gloss"],
        ["document", "date", "name", "label", "full_name", "count", "office"],
        ["document", "date", "text", "value", "unit", "kind", "approx", "modality", "subject", "when"],
        ["document", "date", "article", "pair", "asker", "question", "answerer", "answer"],
    )

    def __init__(self, out: Path, *, period: str) -> None:
        self.out, self.period = out, period
        self.documents = 0
        self._trend_counts: Counter = Counter()
        self._trend_chars: Counter = Counter()
        self._temps = [out / f".{name}.tmp" for name in self.NAMES]
        self._files = [open(temp, "w", encoding="utf-8", newline="") for temp in self._temps]
        self._docs, self._terms, self._entities, self._figures, self._qa = (csv.writer(fh, lineterminator="\n") for fh in self._files)
        for writer, header in zip((self._docs, self._terms, self._entities, self._figures, self._qa), self.HEADERS):
            writer.writerow(header)

    def add(self, row: dict) -> None:
        self.documents += 1
        doc_id, date, chars = row["id"], row["date"] or "", row["chars"]
        # (a record of an earlier version has none of authors … issuer)
        about = ["、".join(row.get("authors", ())), *(row.get(key) or "" for key in ("affiliation", "doc_type", "doc_number", "issuer"))]
        self._docs.writerow([doc_id, row["input"], date, row["title"] or "", *about, chars, row["sha256"]])
        p = period_of(row["date"], self.period)
        if p:
            self._trend_chars[p] += chars
        for term, count, known, *gloss in row["terms"]:  # (a record of an earlier version has no gloss)
            self._terms.writerow([doc_id, date, term, count, known, gloss[0] if gloss else ""])
            if p:
                self._trend_counts[(p, term)] += count
        self._entities.writerows([doc_id, date, *entity] for entity in row["entities"])
        self._figures.writerows([doc_id, date, *figure] for figure in row.get("figures", ()))
        self._qa.writerows([doc_id, date, *pair] for pair in row.get("qa", ()))

    def close(self) -> dict[str, int]:
        """Write trends.csv, put every table in place, and return how many documents they hold and
        how many shards the folder has."""
        for fh in self._files:
            fh.close()
        for temp, name in zip(self._temps, self.NAMES):
            os.replace(temp, self.out / name)
        counts, chars = self._trend_counts, self._trend_chars

        def write_trends(fh) -> None:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["period", "term", "count", "chars", "per_10k"])
            for (p, term), count in sorted(counts.items()):
                w.writerow([p, term, count, chars[p], f"{count * 10000 / chars[p]:.4f}" if chars[p] else ""])

        _atomic_write(self.out / "trends.csv", write_trends)
        return {"documents": self.documents, "shards": len(list(self.out.glob(SHARD_GLOB)))}

    def discard(self) -> None:
        for fh, temp in zip(self._files, self._temps):
            fh.close()
            temp.unlink(missing_ok=True)


def write_tables(out: Path, *, period: str, keys: set[str] | None = None) -> dict[str, int]:
    """Stream the current records (:func:`current_rows`) into documents.csv, terms.csv,
    entities.csv, figures.csv, qa.csv and trends.csv."""
    tables = TableWriter(out, period=period)
    try:
        for row in current_rows(out, keys):
            tables.add(row)
    except BaseException:
        tables.discard()
        raise
    return tables.close()


def _write_report(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(path, lambda fh: fh.write(html))


def write_index(out: Path, *, max_rows: int = 10_000, keys: set[str] | None = None) -> None:
    """index.html: terms across documents and a link to each report (first ``max_rows`` documents)."""
    from .export.html import corpus_index_html

    documents: list[dict] = []
    total = chars = 0
    for row in current_rows(out, keys):
        total += 1
        chars += row["chars"]
        if len(documents) < max_rows:
            report = row.get("report")
            documents.append(
                {
                    "id": row["id"],
                    "date": row["date"] or "",
                    "title": row["title"] or "",
                    "chars": row["chars"],
                    "report": report if report and (out / report).exists() else None,
                }
            )
    totals: dict[str, dict] = {}
    with open(out / "terms.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            t = totals.setdefault(row["term"], {"term": row["term"], "count": 0, "documents": 0, "known": row["known"] == "True"})
            t["count"] += int(row["count"])
            t["documents"] += 1
    terms = sorted(totals.values(), key=lambda r: (-r["count"], r["term"]))
    page = corpus_index_html(documents, terms, documents_total=total, chars_total=chars, version=__version__)
    _atomic_write(out / "index.html", lambda fh: fh.write(page))


# ---------------------------------------------------------------------------- the run


@dataclass
class RunResult:
    total: int = 0
    analysed: int = 0
    skipped: int = 0
    failed: int = 0
    interrupted: bool = False
    errors: list[dict] = field(default_factory=list)


class Progress:
    """A rich progress bar on a terminal; a plain line every few seconds otherwise."""

    def __init__(self, total: int, *, enabled: bool = True, every: float = 5.0) -> None:
        self.total, self.enabled, self.every = total, enabled, every
        self.done = 0
        self.chars = 0
        self.start = time.monotonic()
        self._last = self.start
        self._bar = None
        if enabled and sys.stderr.isatty():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeRemainingColumn

            self._bar = Bar(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), transient=False)
            self._bar.start()
            self._task = self._bar.add_task("run", total=total, rate="")

    def add(self, documents: int) -> None:
        """More documents than counted at the start (the blocks of a large file)."""
        self.total += documents
        if self._bar is not None:
            self._bar.update(self._task, total=self.total)

    def advance(self, chars: int) -> None:
        self.done += 1
        self.chars += chars
        now = time.monotonic()
        elapsed = max(now - self.start, 1e-9)
        rate = f"{self.done / elapsed:.1f} docs/s, {self.chars / elapsed:,.0f} chars/s"
        if self._bar is not None:
            self._bar.update(self._task, advance=1, rate=rate)
        elif self.enabled and (now - self._last >= self.every or self.done == self.total):
            self._last = now
            left = (self.total - self.done) / (self.done / elapsed) if self.done else 0
            print(f"tifalens: {self.done}/{self.total} documents, {rate}, about {left:.0f} s left", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def run_corpus(
    paths: list[str],
    out: Path,
    options: Options,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    shard_size: int = 1000,
    period: str = "year",
    progress: bool = True,
) -> RunResult:
    """Analyse every input into ``out`` (resuming what is done) and write the tables and manifest."""
    out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    done = recover(out)
    result = RunResult(total=count_documents(paths))
    writer = ShardWriter(out, shard_size=shard_size)
    bar = Progress(result.total, enabled=progress)

    seen: set[str] = set()  # every input of this run, done before or not: the tables hold these only
    # The tables are written as the records come while they hold exactly what the shards would give
    # at the end: this run's records in order (nothing skipped, no input twice, no older record of
    # an input that fails now, not interrupted); otherwise they are read back from the shards.
    live: TableWriter | None = TableWriter(out, period=period)

    def read_back() -> None:
        nonlocal live
        if live is not None:
            live.discard()
            live = None

    def todo() -> Iterator[Task]:
        for task in iter_tasks(paths, options):
            if task.key in seen:
                read_back()
            seen.add(task.key)
            if task.decoded is not None and task.decoded.block is not None and task.decoded.block.number > 1:
                bar.add(1)  # count_documents counted the file once
                result.total += 1
            if done.get(task.key) == task.sha256 and not task.error:
                read_back()
                result.skipped += 1
                bar.advance(0)
                continue
            yield task

    worker = _Worker(options)
    try:
        for record, line in map_ordered(worker, todo(), jobs=jobs, scheduler=scheduler):
            if record["ok"]:
                if record.get("html") is not None:
                    _write_report(out / record["report"], record["html"])
                writer.write(line)
                if live is not None:
                    live.add(record["tables"])
                result.analysed += 1
                bar.advance(record["chars"])
            else:
                if record["key"] in done:
                    read_back()
                result.failed += 1
                result.errors.append({"input": record["input"], "reason": record["reason"]})
                bar.advance(0)
    except KeyboardInterrupt:
        result.interrupted = True
        read_back()
    except BaseException:
        read_back()
        raise
    finally:
        writer.close()
        bar.close()
    _atomic_write(out / "errors.jsonl", lambda fh: fh.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in result.errors))
    keys = None if result.interrupted else seen  # an interrupted run has not listed all its inputs
    tables = live.close() if live is not None else write_tables(out, period=period, keys=keys)
    if options.html:
        write_index(out, keys=keys)
    manifest = {
        "tool": {"name": "tifalens", "version": __version__},
        "inputs": paths,
        "options": {**asdict(options), "jobs": jobs, "scheduler": scheduler, "shard_size": shard_size, "period": period},
        "counts": {"total": result.total, "analysed": result.analysed, "skipped": result.skipped, "failed": result.failed, **tables},
        "interrupted": result.interrupted,
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        "seconds": round(time.time() - started, 3),
    }
    _atomic_write(out / "manifest.json", lambda fh: fh.write(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"))
    return result


class _Worker:
    """Picklable callable: ``analyze_task`` with the run's options bound.

    It returns a small summary and the record already serialised and UTF-8 encoded,
    so the parent process only writes bytes (serialising or encoding ~20 KB of JSON
    per document there would make it compete with the workers for the same cores).
    """

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, task: Task) -> tuple[dict, bytes]:
        return self.many([task])[0]

    def many(self, tasks: list[Task]) -> list[tuple[dict, bytes]]:
        """The tasks analysed together (one ``nlp.pipe``), each as (summary, encoded record line)."""
        return [self._encoded(record, result) for record, result in analyze_tasks(tasks, self.options)]

    def _encoded(self, record: dict, result) -> tuple[dict, bytes]:
        if not record["ok"]:
            return record, b""
        summary = {"ok": True, "chars": record["analysis"]["source"]["chars"], "report": record["report"], "tables": record["tables"]}
        if self.options.html:
            from .export.html import to_html

            summary["html"] = to_html(result.doc, result.source)
        return summary, (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------- trends


def read_trends(out: Path, terms: list[str], *, period: str = "year") -> list[dict]:
    """Frequency per 10,000 characters of each term in each period, from a run's CSV tables."""
    docs = out / "documents.csv"
    term_file = out / "terms.csv"
    if not docs.exists() or not term_file.exists():
        raise UsageError(f"{out}: not a corpus run folder (no documents.csv / terms.csv); run 'tifalens corpus' first")
    chars: Counter = Counter()
    with open(docs, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            p = period_of(row["date"], period)
            if p:
                chars[p] += int(row["chars"])
    counts: dict[str, Counter] = defaultdict(Counter)
    wanted = set(terms)
    with open(term_file, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            p = period_of(row["date"], period)
            if p and row["term"] in wanted:
                counts[row["term"]][p] += int(row["count"])
    rows = []
    for p in sorted(chars):
        for term in terms:
            c = counts[term][p]
            rows.append({"period": p, "term": term, "count": c, "chars": chars[p], "per_10k": round(c * 10000 / chars[p], 4)})
    return rows


PLOT_FONT = "data/fonts/tifalens-plot-cjk.otf"
_CJK_FONT_FILES = ("NotoSansCJK", "NotoSerifCJK", "SourceHan", "wqy", "DroidSansFallback", "msyh", "simhei", "simsun", "PingFang", "STHeiti")


def label_font(text: str, font_manager):
    """The font a plot labels ``text`` with: the one tifalens ships (a subset of Noto Sans CJK SC: the common
    characters and every lexicon term's), or, for a character it lacks, a CJK font of the machine's, found
    even when matplotlib's font cache predates it; failing both, the shipped one and a warning naming the
    characters that will show as boxes."""
    from matplotlib import ft2font

    shipped = str(resources.files("tifalens").joinpath(PLOT_FONT))
    missing = sorted({ch for ch in text if ord(ch) not in ft2font.FT2Font(shipped).get_charmap()})
    if not missing:
        return font_manager.FontProperties(fname=shipped)
    system = [f.fname for f in font_manager.fontManager.ttflist if "CJK" in f.name or "WenQuanYi" in f.name]
    system += [path for path in font_manager.findSystemFonts() if any(name in Path(path).name for name in _CJK_FONT_FILES)]
    for path in system:
        try:
            charmap = ft2font.FT2Font(path).get_charmap()
        except (OSError, RuntimeError):
            continue  # (a collection or a file FreeType cannot open)
        if all(ord(ch) in charmap for ch in missing):
            return font_manager.FontProperties(fname=path)
    print(f"tifalens: warning: no font here has {''.join(missing)}; the plot shows boxes for them", file=sys.stderr)
    return font_manager.FontProperties(fname=shipped)


def plot_trends(rows: list[dict], terms: list[str], png: Path) -> None:
    """Line plot of per-10,000-character frequency over time, one line per term."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib import font_manager
    except ImportError:
        raise UsageError("--png needs matplotlib: pip install 'tifalens[plot]'") from None
    font = label_font("".join(terms), font_manager)
    fig, ax = plt.subplots(figsize=(9, 4.5), dpi=120)
    periods = sorted({r["period"] for r in rows})
    for term in terms:
        by = {r["period"]: r["per_10k"] for r in rows if r["term"] == term}
        ax.plot(periods, [by.get(p, 0) for p in periods], marker="o", label=term)
    ax.set_xlabel("period")
    ax.set_ylabel("occurrences per 10,000 characters")
    ax.legend(prop=font)
    ax.grid(alpha=0.3)
    png.parent.mkdir(parents=True, exist_ok=True)
    tmp = png.with_name(f".{png.name}.tmp.png")
    with warnings.catch_warnings():  # without a CJK font installed, labels fall back to boxes
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig.tight_layout()
        fig.savefig(tmp)
    plt.close(fig)
    os.replace(tmp, png)
