"""Command line: ``tifalens analyze | terms | lexicon``.

Bad input never produces a traceback: each failure is one line on stderr naming
the input and the problem. Exit status: 0 all good; 1 some inputs failed (the
others were still analysed and written); 2 nothing could be done (bad option,
no input found, every input failed).
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
import tempfile
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, List, Optional, TextIO

import typer

from .errors import InputError, TifalensError, UsageError
from .reading import DEFAULT_BLOCK_CHARS, DEFAULT_GLOB

if TYPE_CHECKING:
    from .analysis import Analysis
    from .reading import Source

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Structured, checkable data from Chinese political and official text.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
lexicon_app = typer.Typer(no_args_is_help=True, help="Inspect and export the tifa lexicon.")
app.add_typer(lexicon_app, name="lexicon")


def _print_version(value: bool) -> None:
    if value:
        from . import __version__

        print(f"tifalens {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Structured, checkable data from Chinese political and official text."""


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    md = "md"
    html = "html"
    conllu = "conllu"
    csv = "csv"



_FORMAT_ALIASES = {"markdown": Format.md, "ndjson": Format.jsonl, "conll": Format.conllu, "htm": Format.html}


def _parse_format(value: str) -> Format:
    """``--format`` by name, in any case, and by the other names users give the formats (markdown, ndjson, conll, htm)."""
    if isinstance(value, Format):
        return value
    name = value.strip().lower()
    fmt = _FORMAT_ALIASES.get(name) or next((f for f in Format if f.value == name), None)
    if fmt is None:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(repr(f.value) for f in Format)}")
    return fmt


class Table(str, Enum):
    terms = "terms"
    stats = "stats"
    qa = "qa"


class Backend(str, Enum):
    rjieba = "rjieba"
    jieba = "jieba"


def _err(message: str) -> None:
    print(f"tifalens: error: {message}", file=sys.stderr)


def _expand(paths: list[str], pattern: str) -> tuple[list[str], list[InputError]]:
    """:func:`~tifalens.reading.expand_inputs`, its errors and the files it left out of folders told on stderr."""
    from .reading import expand_inputs

    skipped: list[str] = []
    inputs, failures = expand_inputs(paths, pattern=pattern, skipped=skipped)
    for line in skipped:
        print(f"tifalens: note: {line}", file=sys.stderr)
    for failure in failures:
        _err(str(failure))
    return inputs, failures


@contextmanager
def open_output(out: Optional[Path], *, inputs: list[str] = ()) -> Iterator[TextIO]:
    """Standard output, or a temporary file renamed to ``out`` once the block ends without error.

    Missing folders are created; an input is never overwritten; ``-`` is standard output, as it is
    standard input among the inputs.
    """
    if out is None or str(out) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = out.resolve()
    for name in inputs:
        if name != "-" and Path(name).resolve() == target:
            raise UsageError(f"{out}: refusing to overwrite an input file")
    if target.exists() and target.is_dir():
        raise UsageError(f"{out}: is a folder; give a file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_output(text: str, out: Optional[Path], *, inputs: list[str] = ()) -> None:
    """Write to stdout, or atomically to ``out`` (temp file + rename); never over an input."""
    with open_output(out, inputs=inputs) as fh:
        fh.write(text)


class _Run:
    """Shared input handling: expand, read, analyse; failures listed, never fatal for the rest.

    An input longer than ``block_chars`` characters is read and analysed block by
    block (see :func:`tifalens.reading.iter_blocks`), so memory does not grow with it.
    """

    def __init__(self, paths: list[str], reading: ReadingOptions) -> None:
        reading.check()
        self.inputs, self.failures = _expand(paths, reading.glob)
        self.encoding, self.t2s, self.block_chars = reading.encoding, reading.t2s, reading.block_chars
        self.max_chars = reading.max_chars or None
        self.backend, self.keep_duplicates, self.lexicons = reading.backend, reading.keep_duplicates, reading.lexicon
        self.done = 0

    def _fail(self, failure: InputError) -> None:
        self.failures.append(failure)
        _err(str(failure))

    def sources(self) -> Iterator[Source]:
        """Each input's Source, or its blocks one by one; an input that cannot be read is reported."""
        from .reading import iter_blocks

        for name in self.inputs:
            try:
                yield from iter_blocks(name, block_chars=self.block_chars, encoding=self.encoding, t2s=self.t2s, max_chars=self.max_chars)
            except InputError as exc:
                self._fail(exc)

    def analyses(self) -> Iterator[Analysis]:
        """One analysis per input, or per block of a large input, as they are made."""
        from .analysis import analyze_source
        from .pipeline import load

        nlp = None
        for source in self.sources():
            if nlp is None:
                nlp = load(backend=self.backend.value, keep_duplicates=self.keep_duplicates, lexicons=self.lexicons)
            try:
                result = analyze_source(source, nlp)
            except Exception as exc:  # a bug must not cost the user the other inputs
                self._fail(InputError(source.label, f"internal error while analysing ({exc.__class__.__name__}: {exc}); please report it"))
                continue
            self.done += 1
            yield result
            del result  # so that one block's Doc is freed before the next is made

    def exit_status(self) -> int:
        if not self.failures:
            return 0
        return 1 if self.done else 2


_PATHS = typer.Argument(..., help="Files, folders (searched recursively), glob patterns, or - for standard input.")
_GLOB = typer.Option(DEFAULT_GLOB, "--glob", help="File-name patterns (comma-separated) of the files read inside folders; other files are left out with a note.")
_ENCODING = typer.Option(None, "--encoding", help="Force an encoding (utf-8, gb18030, big5, utf-16 ...) instead of detecting it.")
_T2S = typer.Option(
    None, "--t2s/--no-t2s", help="Convert Traditional to Simplified characters before analysis (default: when a text is mostly Traditional)."
)
_BACKEND = typer.Option(Backend.rjieba, "--backend", help="Segmenter backend: rjieba (fast) or jieba.")
_KEEP = typer.Option(False, "--keep-duplicates", help="Count formulas in duplicated paragraphs too.")
_LEXICON = typer.Option([], "--lexicon", help="Extra lexicon TSV (repeatable); its rows add to or replace packaged ones.")
_OUT = typer.Option(None, "-o", "--output", help="Write to this file (atomically) instead of standard output (- is standard output).")
_MAX_CHARS = typer.Option(0, "--max-chars", min=0, help="Refuse inputs longer than this many characters before analysing any of them (0, the default: no limit).")
_BLOCK_CHARS = typer.Option(DEFAULT_BLOCK_CHARS, "--block-chars", min=1, help="Analyse longer inputs in blocks of at most this many characters, cut at line breaks.")


@dataclass(frozen=True)
class ReadingOptions:
    """The options every analysing command shares: how inputs are found, read and analysed."""

    glob: str
    encoding: Optional[str]
    t2s: Optional[bool]
    backend: Backend
    keep_duplicates: bool
    lexicon: List[Path]
    max_chars: int
    block_chars: int

    def check(self) -> None:
        """Fail early, before any input is read, on an unknown encoding."""
        if self.encoding:
            import codecs

            try:
                codecs.lookup(self.encoding)
            except LookupError:
                raise UsageError(f"unknown encoding {self.encoding!r} (try utf-8, gb18030, big5, utf-16)") from None


_READING_PARAMETERS = [
    inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
    for name, default, annotation in (
        ("glob", _GLOB, str),
        ("encoding", _ENCODING, Optional[str]),
        ("t2s", _T2S, Optional[bool]),
        ("backend", _BACKEND, Backend),
        ("keep_duplicates", _KEEP, bool),
        ("lexicon", _LEXICON, List[Path]),
        ("max_chars", _MAX_CHARS, int),
        ("block_chars", _BLOCK_CHARS, int),
    )
]


def reading_options(command: Callable) -> Callable:
    """Give ``command`` the shared reading options, gathered into its ``reading`` argument.

    typer reads a command's options from its signature, so the wrapper's signature is
    the command's own parameters followed by the shared ones.
    """
    own = [p for p in inspect.signature(command).parameters.values() if p.name != "reading"]

    @functools.wraps(command)
    def wrapper(**kwargs):
        shared = {p.name: kwargs.pop(p.name) for p in _READING_PARAMETERS}
        return command(reading=ReadingOptions(**shared), **kwargs)

    wrapper.__signature__ = inspect.Signature([*own, *_READING_PARAMETERS])
    return wrapper


#: Characters of analysed text one HTML page holds at most: its Docs are kept until the page is made.
MAX_HTML_CHARS = 5_000_000


def _pairs(results: Iterator[Analysis]) -> Iterator[tuple]:
    """(doc, source) of each analysis, holding none of them while the next is made."""
    for result in results:
        pair = (result.doc, result.source)
        del result
        yield pair
        del pair


def _chained(first: Analysis, rest: Iterator[Analysis]) -> Iterator[Analysis]:
    """``first``, then ``rest``, without holding ``first`` while the rest are made."""
    yield first
    del first
    yield from rest


def _write_many(fh: TextIO, fmt: Format, results: Iterator[Analysis], *, table: Table) -> None:
    """One output over all inputs: html (a section each), conllu (newdoc each), csv (a document column).

    conllu and csv are written one analysis at a time, in bounded memory whatever the size
    of the input; html needs every analysis at once, so a page holds at most MAX_HTML_CHARS.
    """
    pairs = _pairs(results)
    if fmt is Format.html:
        from .export.html import report_html

        kept, chars = [], 0
        for doc, source in pairs:
            chars += len(source.text)
            if chars > MAX_HTML_CHARS:
                raise UsageError(
                    f"{source.path}: too long for one HTML page (more than {MAX_HTML_CHARS:,} characters in all); "
                    "use --format md or jsonl, or `tifalens corpus --html` for a page per document"
                )
            kept.append((doc, source))
        fh.write(report_html(kept))
        return
    if fmt is Format.conllu:
        from .export.conllu import iter_conllu as pieces
    else:
        from .export.csvout import iter_csv

        def pieces(analyses):
            return iter_csv(analyses, table=table.value)

    for piece in pieces(pairs):
        fh.write(piece)


def _format_for(fmt: Optional[Format], *, several: bool, source: Source) -> Format:
    """The format asked for, or the default: JSON for one document, JSONL for several or for blocks."""
    blocks = source.block is not None
    if fmt is Format.json and blocks:
        raise UsageError(f"{source.path}: longer than --block-chars, so analysed in blocks; use --format jsonl (one JSON object per block)")
    return fmt or (Format.jsonl if several or blocks else Format.json)


def _render(fmt: Format, result: Analysis, *, first: bool) -> str:
    if fmt is Format.md:
        return ("" if first else "\n---\n\n") + result.to_markdown()
    return result.to_json(indent=None if fmt is Format.jsonl else 2) + "\n"


def _write_analyses(results: Iterator[Analysis], fmt: Optional[Format], *, output: Optional[Path], inputs: list[str], table: Table) -> None:
    """Write analyses as they are made; the output is opened at the first and moved into place after the last.

    json, jsonl and md hold one analysis at a time, whatever the size of the input.
    """
    fh: Optional[TextIO] = None
    with ExitStack() as stack:
        # No enumerate(): it would keep the last analysis alive while the next is made.
        for result in results:
            first = fh is None
            if first:
                fmt = _format_for(fmt, several=len(inputs) > 1, source=result.source)
                fh = stack.enter_context(open_output(output, inputs=inputs))
                if fmt in (Format.html, Format.conllu, Format.csv):
                    chained = _chained(result, results)
                    del result
                    _write_many(fh, fmt, chained, table=table)
                    return
            fh.write(_render(fmt, result, first=first))
            del result  # freed before the next analysis is made, not after


@app.command()
@reading_options
def analyze(
    paths: List[str] = _PATHS,
    fmt: Optional[Format] = typer.Option(
        None, "--format", "-f", parser=_parse_format, metavar="[json|jsonl|md|html|conllu|csv]",
        help="json (one input; JSONL for several), jsonl, md (or markdown), html (one self-contained report page), conllu, or csv.",
    ),
    table: Optional[Table] = typer.Option(None, "--table", help="With --format csv: the terms table (default), the stats (figures) table or the qa table (question and answer pairs)."),
    output: Optional[Path] = _OUT,
    *,
    reading: ReadingOptions,  # filled by @reading_options
) -> None:
    """Analyse texts: structure, tifa, figures. JSON for one input, JSONL for several (or for a long input's blocks)."""
    if table is not None and fmt is not Format.csv:
        raise UsageError("--table applies to --format csv only")
    run = _Run(paths, reading)
    if fmt is Format.json and len(run.inputs) > 1:
        raise UsageError("--format json takes one input; use --format jsonl for several")
    _write_analyses(run.analyses(), fmt, output=output, inputs=run.inputs, table=table or Table.terms)
    raise typer.Exit(run.exit_status())


@app.command()
@reading_options
def terms(
    paths: List[str] = _PATHS,
    csv_out: Optional[Path] = typer.Option(None, "--csv", help="Also write the table as CSV to this file."),
    *,
    reading: ReadingOptions,  # filled by @reading_options
) -> None:
    """Count tifa across the inputs: term, count, known, category, expansion."""
    from rich.console import Console

    run = _Run(paths, reading)
    from .export.jsonout import summary_rows

    rows = [{**r, "category": r["category"] or "", "expansion": r["expansion"] or ""} for r in summary_rows(res.to_dict() for res in run.analyses())]
    if run.done:
        console = Console(soft_wrap=False)
        cells = [(r["term"], str(r["count"]), str(r["documents"]), "yes" if r["known"] else "no", r["category"], r["expansion"]) for r in rows]
        short = (("term", 20, "left"), ("count", 8, "right"), ("docs", 8, "right"), ("known", 5, "left"), ("category", 14, "left"))
        console.print(_fitted_table(f"tifa in {run.done} document(s)", short, "expansion", cells, width=console.width, fold=False))
        if csv_out is not None:
            from .export.csvout import write_rows

            write_output(write_rows(["term", "count", "documents", "known", "category", "expansion"], rows), csv_out, inputs=run.inputs)
    raise typer.Exit(run.exit_status())


@app.command()
@reading_options
def stats(
    paths: List[str] = _PATHS,
    csv_out: Optional[Path] = typer.Option(None, "--csv", help="Also write the figures as CSV to this file."),
    *,
    reading: ReadingOptions,  # filled by @reading_options
) -> None:
    """List the figures of the inputs (text, value, unit, kind, approx, subject; modality, table column and the time they are of where any) and their checks."""
    from rich.console import Console
    from rich.table import Table

    from .export.csvout import STAT_COLUMNS, stat_row, write_rows
    from .export.jsonout import shown_value

    run = _Run(paths, reading)
    rows, found = [], []
    for res in run.analyses():
        data = res.to_dict()
        rows += [stat_row(res.source.path, rec) for rec in data["stats"]]
        # "at" is an offset in the whole input, also for a block of a large one
        found += [{"document": res.source.path, **check, "at": _shifted(check.get("orig_start"), res.source.offset)} for check in data["checks"]]
    if run.done:
        cell = lambda value: "" if value is None else str(value)  # noqa: E731
        console = Console(soft_wrap=False)
        # column: of table figures, modality: of targets and forecasts, when: of figures a year or date says the time of,
        # each only where a figure has one; a date's value is its ISO date, so no date column
        cols = [col for col in STAT_COLUMNS[1:] if col != "date" and (col not in ("column", "modality", "when") or any(r[col] for r in rows))]
        short = tuple((col, _STAT_CAPS.get(col, 12), "right" if col == "value" else "left") for col in cols if col != "subject")
        cells = [tuple(cell(shown_value(r) if col == "value" else r[col]) for col in cols if col != "subject") + (cell(r["subject"]),) for r in rows]
        console.print(_fitted_table(f"figures in {run.done} document(s)", short, "subject", cells, width=console.width, fold=True))
        if found:
            checks = Table(title=f"{len(found)} check(s)")
            for col in ("level", "code", "at", "message"):
                checks.add_column(col, overflow="fold")
            for c in found:
                checks.add_row(c["level"], c["code"], cell(c["at"]), c["message"])
            console.print(checks)
        if csv_out is not None:
            write_output(write_rows(STAT_COLUMNS, rows), csv_out, inputs=run.inputs)
    raise typer.Exit(run.exit_status())


_STAT_CAPS = {"text": 12, "value": 14, "unit": 8, "kind": 10, "approx": 6, "modality": 8, "column": 10, "when": 10}  # the subject gets the rest


def _fitted_table(title: str, short: tuple[tuple[str, int, str], ...], rest: str, cells: list[tuple[str, ...]], *, width: int, fold: bool):
    """A rich table whose short columns keep their width, each up to its cap (a longer cell is cut
    with …), and whose last column ``rest`` gets what is left of the terminal, folded or cut."""
    from rich.cells import cell_len
    from rich.table import Table

    table = Table(title=title)
    widths = [min(cap, max([cell_len(name), *(cell_len(c[k]) for c in cells)])) for k, (name, cap, _) in enumerate(short)]
    left = width - sum(widths) - 3 * (len(widths) + 1) - 1
    for (name, _, justify), w in zip(short, widths):
        table.add_column(name, justify=justify, no_wrap=True, overflow="ellipsis", min_width=w, max_width=w)
    if fold:
        table.add_column(rest, overflow="fold", width=max(left, 9))
    else:
        table.add_column(rest, no_wrap=True, overflow="ellipsis", max_width=max(left, 9))
    for row in cells:
        table.add_row(*row)
    return table


def _shifted(offset: Optional[int], by: int) -> Optional[int]:
    return None if offset is None else offset + by


class Period(str, Enum):
    year = "year"
    month = "month"
    day = "day"


@app.command()
@reading_options
def corpus(
    paths: List[str] = _PATHS,
    out: Path = typer.Option(..., "--out", help="Output folder (created; a rerun resumes what is done)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Local worker processes."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://HOST:PORT) to run on a cluster."),
    text_field: str = typer.Option("text", "--text-field", help="JSONL field holding the text."),
    id_field: str = typer.Option("id", "--id-field", help="JSONL field holding the document id."),
    date_field: str = typer.Option("date", "--date-field", help="JSONL field holding the date."),
    title_field: str = typer.Option("title", "--title-field", help="JSONL field holding the title."),
    period: Period = typer.Option(Period.year, "--period", help="Period of trends.csv."),
    shard_size: int = typer.Option(1000, "--shard-size", min=1, help="Documents per analyses-NNNNN.jsonl shard."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress output."),
    html: bool = typer.Option(False, "--html", help="Also write an HTML report per document (reports/) and index.html."),
    *,
    reading: ReadingOptions,  # filled by @reading_options
) -> None:
    """Analyse a corpus (files, folders, globs, JSONL collections) in parallel, resumably."""
    from .corpus import Options, run_corpus
    reading.check()
    inputs, failures = _expand(paths, reading.glob)
    if not inputs:
        raise typer.Exit(2)
    for extra in reading.lexicon:  # fail early, in the parent, on a bad user lexicon
        from .lexicon import load_tsv

        load_tsv(extra)
    options = Options(
        encoding=reading.encoding, t2s=reading.t2s, backend=reading.backend.value, keep_duplicates=reading.keep_duplicates,
        lexicons=tuple(str(p) for p in reading.lexicon), text_field=text_field, id_field=id_field, date_field=date_field,
        title_field=title_field, max_chars=reading.max_chars or None, block_chars=reading.block_chars, html=html,
    )
    result = run_corpus(inputs, out, options, jobs=jobs, scheduler=scheduler, shard_size=shard_size, period=period.value, progress=not quiet)
    for error in result.errors:
        _err(error["reason"])
    print(
        f"tifalens: {result.analysed} analysed, {result.skipped} already done, {result.failed} failed; output in {out}",
        file=sys.stderr,
    )
    if result.interrupted:
        _err("interrupted; run the same command again to resume")
        raise typer.Exit(130)
    raise typer.Exit(1 if (result.failed or failures) else 0)


@app.command()
def trends(
    run_dir: Path = typer.Argument(..., help="Output folder of a corpus run."),
    terms_list: str = typer.Option(..., "--terms", help="Comma-separated terms, e.g. 两个确立,四个意识."),
    period: Period = typer.Option(Period.year, "--period", help="year, month or day."),
    png: Optional[Path] = typer.Option(None, "--png", help="Also draw the trends to this PNG file."),
    csv_out: Optional[Path] = typer.Option(None, "--csv", help="Write the numbers as CSV to this file (default: standard output)."),
) -> None:
    """Frequency of terms per 10,000 characters over time, as CSV and optionally a plot."""
    from .corpus import plot_trends, read_trends

    wanted = [t.strip() for t in terms_list.replace("，", ",").split(",") if t.strip()]
    if not wanted:
        raise UsageError("--terms needs at least one term")
    rows = read_trends(run_dir, wanted, period=period.value)
    from .export.csvout import write_rows

    write_output(write_rows(["period", "term", "count", "chars", "per_10k"], rows), csv_out)
    if png is not None:
        plot_trends(rows, wanted, png)


def _lexicon(extra: list[Path]):
    from .lexicon import Lexicon

    return Lexicon.default(extra)


@lexicon_app.command("list")
def lexicon_list(
    category: Optional[str] = typer.Option(None, "--category", help="Only this category."),
    lexicon: List[Path] = _LEXICON,
) -> None:
    """List the formulas: term, category, first use, expansion."""
    for row in _lexicon(lexicon).iter_rows():
        if category and row["category"] != category:
            continue
        print("\t".join((row["term"], row["category"], row["first_used"], row["expansion"])))


@lexicon_app.command("show")
def lexicon_show(term: str = typer.Argument(..., help="A term or one of its variants."), lexicon: List[Path] = _LEXICON) -> None:
    """Show everything the lexicon knows about one formula."""
    entry = _lexicon(lexicon).get(term)
    if entry is None:
        raise UsageError(f"{term!r} is not in the lexicon (see: tifalens lexicon list)")
    for key, value in entry.as_row().items():
        print(f"{key}: {value}")
    print(f"source: {entry.source}")


@lexicon_app.command("export")
def lexicon_export(output: Optional[Path] = _OUT, lexicon: List[Path] = _LEXICON) -> None:
    """Write the whole lexicon (with your additions) as TSV."""
    write_output(_lexicon(lexicon).to_tsv(), output)


def _usage_error_types() -> tuple[type[Exception], ...]:
    """click's usage errors; typer 0.2x raises those of its own copy of click, all TyperException."""
    import click

    return (click.exceptions.ClickException, *((typer.TyperException,) if hasattr(typer, "TyperException") else ()))


def main(argv: Optional[list[str]] = None) -> int:
    """Console-script entry point: run the app, turning our errors into one line."""
    try:
        status = app(args=argv, prog_name="tifalens", standalone_mode=False)
        return status if isinstance(status, int) else 0
    except typer.Exit as exc:
        return exc.exit_code
    except TifalensError as exc:
        _err(str(exc))
        return exc.exit_status
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # usage errors of click, or of the copy of click newer typers carry
        import click

        if isinstance(exc, _usage_error_types()):
            ctx = getattr(exc, "ctx", None)
            command = ctx.command_path if ctx is not None else "tifalens"
            _err(f"{' '.join(exc.format_message().split())} (see: {command} --help)")
            return exc.exit_code
        if isinstance(exc, (click.exceptions.Abort, typer.Abort)):
            return 130
        raise
    return 0


if __name__ == "__main__":
    sys.exit(main())
