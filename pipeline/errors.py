"""One catalogue of the errors users can see.

Messages live here, not at the raise sites, so wording stays consistent and reviewable
(the idea of spaCy's `spacy.errors.Errors`). Each message is one line: the CLI prints it as is.
"""

from __future__ import annotations


class Errors:
    E001 = "{path}: no such file or folder"
    E002 = "{path}: unsupported file type '{suffix}' (expected .txt, .md or .pdf)"
    E003 = "{path}: not valid UTF-8 text ({reason})"
    E004 = "{path}: cannot read PDF ({reason})"
    E005 = "{path}: no text layer, OCR not supported"
    E006 = "{path}: the file is empty"
    E007 = "spaCy pipeline '{model}' is not installed ({reason})"
    E008 = "{path}: cannot read ({reason})"
    E009 = "{path}: not a saved extraction ({reason})"
    E010 = "no .txt, .md or .pdf documents found in {paths}"
    E011 = "{path}: encrypted PDF, cannot open without a password"


class SidegraphError(Exception):
    """Base class: anything raised with a catalogue message is a user-facing problem."""


class InputError(SidegraphError):
    """A document cannot be read; other documents in the same run are unaffected."""


class ModelError(SidegraphError):
    """The NLP pipeline or its data cannot be loaded."""
