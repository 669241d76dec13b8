"""The `sidegraph` command: a thin layer over the library.

Problems with input become `click.ClickException`s (one line, exit status 1); a corpus run
reports each unreadable file and goes on with the others (exit status 2 if any failed).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from .errors import SidegraphError
from .evaluate import evaluate as evaluate_corpus
from .evaluate import format_table
from .export import write_extraction, write_graphml
from .extractor import Extractor
from .graph import build_graph
from .ingest import find_documents
from .records import Extraction
from .tagging import DEFAULT_MODEL

EXIT_SOME_FAILED = 2
_model_option = click.option(
    "--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy pipeline (package name or path)."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sidegraph")
def main() -> None:
    """Turn side-event reports into networks of speakers, institutions and countries."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", default=Path("outputs"), type=click.Path(path_type=Path), show_default=True,
              help="Folder for extraction JSON and graph.graphml.")
@_model_option
@click.option("-q", "--quiet", is_flag=True, help="No progress lines.")
def run(paths: tuple[Path, ...], output: Path, model: str, quiet: bool) -> None:
    """Extract every document in PATHS (files or folders; default corpus/) and write the corpus graph.

    Writes OUTPUT/NAME.json per document and OUTPUT/graph.graphml. Exit status 0 when all
    documents were read, 2 when some failed (each is listed), 1 when nothing could be done.
    """
    documents, notes = find_documents(list(paths) or [Path("corpus")])
    for note in notes:
        click.echo(f"note: {note}", err=True)
    if not documents:
        raise click.ClickException(f"no .txt, .md or .pdf documents found in {', '.join(map(str, paths or ['corpus']))}")
    extractor = _extractor(model)
    extractions: list[Extraction] = []
    failures: list[str] = []
    for number, (path, result) in enumerate(extractor.extract_many(documents), start=1):
        if isinstance(result, SidegraphError):
            failures.append(str(result))
            continue
        write_extraction(result, output / f"{_safe_stem(path)}.json")
        extractions.append(result)
        if not quiet and sys.stderr.isatty():
            click.echo(f"\r[{number}/{len(documents)}] {path.name[:60]:<60}", err=True, nl=False)
    if not quiet and sys.stderr.isatty():
        click.echo("", err=True)
    write_graphml(build_graph(extractions), output / "graph.graphml")
    click.echo(_summary(extractions, output))
    if failures:
        click.echo(f"{len(failures)} document(s) failed:", err=True)
        for failure in failures:
            click.echo(f"  {failure}", err=True)
        sys.exit(EXIT_SOME_FAILED)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@_model_option
def extract(file: Path, model: str) -> None:
    """Print the extraction of one document as JSON (the schema is in schema/extraction.schema.json)."""
    try:
        extraction = _extractor(model).extract(file)
    except SidegraphError as error:
        raise click.ClickException(str(error)) from None
    click.echo(json.dumps(extraction.to_dict(), ensure_ascii=False, indent=1))


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("docs_dir", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@_model_option
@click.option("--json", "as_json", is_flag=True, help="Machine-readable scores.")
def evaluate(gold_dir: Path, docs_dir: Path | None, model: str, as_json: bool) -> None:
    """Score the extractor against gold annotations (GOLD_DIR/NAME.json for DOCS_DIR/NAME.*).

    DOCS_DIR defaults to the `docs` folder beside GOLD_DIR.
    """
    extractor = _extractor(model)

    def extract_all(paths: Sequence[Path]) -> list[dict]:
        results = []
        for path, result in extractor.extract_many(paths):
            if isinstance(result, SidegraphError):
                raise click.ClickException(str(result))
            results.append(result.to_dict())
        return results

    report = evaluate_corpus(gold_dir, docs_dir or gold_dir.parent / "docs", extract_all)
    click.echo(json.dumps(report.to_dict(), indent=1) if as_json else format_table(report))


def _extractor(model: str) -> Extractor:
    try:
        return Extractor(model=model)
    except SidegraphError as error:
        raise click.ClickException(str(error)) from None


def _safe_stem(path: Path) -> str:
    """Output names come from input names but can never leave the output folder."""
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in path.stem).lstrip(".") or "document"


def _summary(extractions: list[Extraction], output: Path) -> str:
    def count(kind: str) -> int:
        return len({e.id for x in extractions for e in x.entities if e.type == kind})

    return (
        f"{len(extractions)} documents, {sum(len(x.speakers) for x in extractions)} speakers, "
        f"{count('organisation')} organisations, {count('country')} countries, "
        f"{sum(len(x.relations) for x in extractions)} relations -> {output}/"
    )
