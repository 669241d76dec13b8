"""One catalogue of the errors users can see.

Messages live here, not at the raise sites, so wording stays consistent and reviewable
(the idea of spaCy's `spacy.errors.Errors`). Each message is one line: the CLI prints it as is.
"""

from __future__ import annotations


class Errors:
    E001 = "{path}: no such file or folder"
    E002 = "{path}: unsupported file type '{suffix}' (expected .txt, .md or .pdf)"
    E003 = "{path}: cannot decode the text: not UTF-8, UTF-16 or a Western single-byte encoding ({reason})"
    E004 = "{path}: cannot read PDF ({reason})"
    E005 = "{path}: no text layer, OCR not supported"
    E006 = "{path}: the file is empty"
    E007 = "spaCy pipeline '{model}' is not installed ({reason})"
    E008 = "{path}: cannot read ({reason})"
    E009 = "{path}: not a saved extraction ({reason})"
    E010 = "no .txt, .md or .pdf documents found in {paths}"
    E011 = "{path}: encrypted PDF, cannot open without a password"
    E012 = "{path}: binary data, not text (is it really a {suffix} file?)"
    E013 = "{path}: extraction failed ({reason})"
    E014 = "cannot use the Dask scheduler {address} ({reason})"
    E015 = "the Dask executor needs the 'dask' extra: pip install \"sidegraph[dask]\""
    E016 = "no saved extractions (NAME.json as `sidegraph run` writes them) in {path}"
    E017 = "{path}: too long, more than {limit:,} characters of text (split it into parts)"
    E018 = "{path}: {streams} would inflate to more than {limit:,} MB (a decompression bomb?), not read"
    E019 = "{path}: no text on any of its {pages:,} page(s) (blank, or text drawn as shapes); OCR not supported"
    E020 = "unexpected error ({reason}); please report it (SIDEGRAPH_DEBUG=1 shows where it happened)"
    E021 = "{path}: cannot read or write ({reason})"


class Notes:
    """Things a user should know about a run that did not stop it (printed as `note: ...`)."""

    N001 = "{path}: skipped, unsupported file type '{suffix}'"
    N002 = "{path}: skipped, symbolic link loop or broken link"
    N003 = "{path}: not UTF-8, read as {encoding}"
    N004 = "{path}: does not look like English text; names and relations may be missed"
    N005 = "{path}: {count} page(s) without a text layer skipped ({pages}); OCR not supported"
    N006 = "{path}: the same file as {first}, read once"
    N007 = "{path}: page {page} cannot be read ({reason}), skipped"
    N008 = "{path}: cannot read folder ({reason}), skipped"
    N009 = "{path}: PDFium cannot read this PDF, read with pdfminer instead (tables and columns may come out less well)"


class SidegraphError(Exception):
    """Base class: anything raised with a catalogue message is a user-facing problem."""


class InputError(SidegraphError):
    """A document cannot be read; other documents in the same run are unaffected."""


class ModelError(SidegraphError):
    """The NLP pipeline or its data cannot be loaded."""


def short_reason(error: BaseException) -> str:
    """The exception's type and the first line of its message, short enough for a one-line error."""
    message = str(error).strip().split("\n", 1)[0][:120]
    return f"{type(error).__name__}: {message}" if message else type(error).__name__
