"""The `sidegraph` command: a thin layer over the library.

Problems with input become `click.ClickException`s (one line, exit status 1); a corpus run
reports each unreadable file and goes on with the others (exit status 3 if any failed; 2 is
click's status for a usage error). Whatever else goes wrong also ends in one line from the
error catalogue, never a traceback (`SIDEGRAPH_DEBUG=1` shows one).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import click

from .errors import Errors, SidegraphError, short_reason
from .evaluate import evaluate as evaluate_corpus
from .evaluate import format_table
from .export import read_extraction
from .extractor import Extractor
from .ingest import find_documents
from .outputs import ALL_FORMATS, FILE_NAMES, write_outputs
from .records import Extraction
from .relations import BASELINES, DEFAULT_FINDER
from .runner import connect, forget_outputs, long_lived, outputs_current, run_corpus, stamp_outputs
from .tagging import DEFAULT_MODEL

EXIT_SOME_FAILED = 3
_model_option = click.option(
    "--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy pipeline (package name or path)."
)


def _formats(context: click.Context, parameter: click.Parameter, value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(name.strip().lower() for name in value.split(",") if name.strip()))
    unknown = [name for name in chosen if name not in ALL_FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"{', '.join(unknown) or 'none given'}; choose from {','.join(ALL_FORMATS)}")
    return chosen


_format_option = click.option(
    "--format", "formats", default=",".join(ALL_FORMATS), show_default=True, callback=_formats,
    help="Comma-separated corpus outputs to write.",
)


class _Catalogued(click.Group):
    """Commands whose every failure reaches the user as one line from the error catalogue."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as error:
            if os.environ.get("SIDEGRAPH_DEBUG"):
                raise
            raise click.ClickException(_message(error)) from None


def _message(error: Exception) -> str:
    if isinstance(error, SidegraphError):
        return str(error)
    if isinstance(error, OSError) and error.filename:
        return Errors.E021.format(path=error.filename, reason=error.strerror or type(error).__name__)
    return Errors.E020.format(reason=short_reason(error))


@click.group(cls=_Catalogued, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sidegraph")
def main() -> None:
    """Turn side-event reports into networks of speakers, institutions and countries."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", default=Path("outputs"), type=click.Path(path_type=Path), show_default=True,
              help="Folder for the extraction JSON, the graph files and report.html.")
@_model_option
@click.option("-q", "--quiet", is_flag=True, help="No progress line.")
@click.option("-w", "--workers", type=click.IntRange(min=1), default=None,
              help="Processes extracting in parallel (default: the number of CPUs; 1: in this process).")
@click.option("--strict/--keep-going", default=False, show_default=True,
              help="Stop at the first document that fails (exit 1), or process all and list the failures (exit 3).")
@click.option("--no-cache", is_flag=True, help="Extract everything again, ignoring OUTPUT/.cache.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Extract on the Dask cluster at ADDRESS (needs sidegraph[dask]); the graph is merged here.")
@_format_option
def run(paths: tuple[Path, ...], output: Path, model: str, quiet: bool, workers: int | None, strict: bool,
        no_cache: bool, scheduler: str | None, formats: tuple[str, ...]) -> None:
    """Extract every document in PATHS (files or folders; default corpus/) and write the corpus graph.

    Writes OUTPUT/NAME.json per document, the corpus graph (GraphML, GEXF, JSON, CSV), its
    picture and report.html. Results are cached in OUTPUT/.cache by content, so an unchanged
    re-run only rebuilds the graph. Exit status 0 when all documents were read, 3 when some
    failed (each is listed at the end), 1 when nothing could be done or, with --strict, at the
    first failure, 2 for a usage error.
    """
    documents, notes = find_documents(list(paths) or [Path("corpus")])
    for note in notes:
        click.echo(f"note: {note}", err=True)
    if not documents:
        raise click.ClickException(Errors.E010.format(paths=", ".join(map(str, paths or ["corpus"]))))
    show_progress = not quiet and sys.stderr.isatty()
    try:
        report = run_corpus(
            documents, output, model=model, workers=workers, use_cache=not no_cache, strict=strict,
            client=connect(scheduler) if scheduler else None, extractor=lambda: long_lived(Extractor(model=model)),
            progress=_Progress() if show_progress else None,
        )
    finally:
        if show_progress:
            click.echo("", err=True)
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    extractions = list(report.extractions)
    if not outputs_current(output, report.digest, (name for kind in formats for name in FILE_NAMES[kind])):
        forget_outputs(output)
        write_outputs(extractions, output, formats=formats)
        stamp_outputs(output, report.digest)
    click.echo(_summary(extractions, output))
    if report.failures:
        click.echo(f"{len(report.failures)} document(s) failed:", err=True)
        for failure in report.failures:
            click.echo(f"  {failure.reason}", err=True)
        sys.exit(EXIT_SOME_FAILED)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@_model_option
def extract(file: Path, model: str) -> None:
    """Print the extraction of one document as JSON (the schema is in schema/extraction.schema.json)."""
    extractor = Extractor(model=model)
    try:
        extraction = extractor.extract(file)
    except SidegraphError:
        raise
    except Exception as error:  # noqa: BLE001 -- a bug in the NLP stages: named for this file
        raise click.ClickException(Errors.E013.format(path=file, reason=short_reason(error))) from None
    click.echo(json.dumps(extraction.to_dict(), ensure_ascii=False, indent=1))


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("docs_dir", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@_model_option
@click.option("--json", "as_json", is_flag=True, help="Machine-readable scores.")
@click.option("--baseline", type=click.Choice(BASELINES), default=None,
              help="Score a simple baseline's relations instead of sidegraph's: 'cooccurrence' links every pair of "
                   "actors that share a sentence.")
def evaluate(gold_dir: Path, docs_dir: Path | None, model: str, as_json: bool, baseline: str | None) -> None:
    """Score the extractor against gold annotations (GOLD_DIR/NAME.json for DOCS_DIR/NAME.*).

    DOCS_DIR defaults to the `docs` folder beside GOLD_DIR. With --baseline, everything but the relations is
    sidegraph's own, so the relation columns compare the two on the same actors.
    """
    extractor = Extractor(model=model, relations=baseline or DEFAULT_FINDER)

    def extract_all(paths: Sequence[Path]) -> list[dict]:
        results = []
        for path, result in extractor.extract_many(paths):
            if isinstance(result, SidegraphError):
                raise click.ClickException(str(result))
            results.append(result.to_dict())
        return results

    report = evaluate_corpus(gold_dir, docs_dir or gold_dir.parent / "docs", extract_all)
    click.echo(json.dumps(report.to_dict(), indent=1) if as_json else format_table(report))


class _Progress:
    """One stderr line redrawn in place: documents done, documents/s, and the time left at that pace."""

    def __init__(self) -> None:
        self.start = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        rate = done / max(time.monotonic() - self.start, 1e-9)
        left = round((total - done) / rate)
        click.echo(f"\r[{done}/{total}] {rate:.1f} documents/s, ETA {left // 60}:{left % 60:02d}   ", err=True, nl=False)


def _summary(extractions: list[Extraction], output: Path) -> str:
    def count(kind: str) -> int:
        return len({e.id for x in extractions for e in x.entities if e.type == kind})

    return (
        f"{len(extractions)} documents, {sum(len(x.speakers) for x in extractions)} speakers, "
        f"{count('organisation')} organisations, {count('country')} countries, "
        f"{sum(len(x.relations) for x in extractions)} relations -> {output}/"
    )


@main.command()
@click.argument("extractions_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", "output", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the outputs  [default: EXTRACTIONS_DIR]")
@_format_option
def export(extractions_dir: Path, output: Path | None, formats: tuple[str, ...]) -> None:
    """Write the graph files, picture and report again from saved extraction JSON, without NLP.

    Reads EXTRACTIONS_DIR/*.json as `sidegraph run` wrote them; other JSON files there are noted
    and skipped. Exit status 0, or 1 when no saved extraction was found.
    """
    own_outputs = {name for names in FILE_NAMES.values() for name in names}
    extractions: list[Extraction] = []
    for path in sorted(extractions_dir.glob("*.json")):
        if path.name in own_outputs:
            continue
        try:
            extractions.append(read_extraction(path))
        except SidegraphError as error:
            click.echo(f"note: {error}", err=True)
    if not extractions:
        raise click.ClickException(Errors.E016.format(path=extractions_dir))
    target = output or extractions_dir
    written = write_outputs(extractions, target, formats=formats)
    click.echo(f"{len(extractions)} extractions -> {', '.join(path.name for path in written)} in {target}/")
