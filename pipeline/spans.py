"""Text around spans, read without rebuilding the document's text each time.

`Doc.text` joins every token on each access, so rules that look at the line around each of
many candidate names would cost time quadratic in the document's length; they read the text
through `document_text`, which builds it once per `Doc`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_TEXT_KEY = "sidegraph.text"


def document_text(doc: Doc) -> str:
    if _TEXT_KEY not in doc.user_data:
        doc.user_data[_TEXT_KEY] = doc.text
    return doc.user_data[_TEXT_KEY]


def line_before(span: Span) -> str:
    """What the span's line holds before it ("Moderator: " for a name in "Moderator: NAME")."""
    text = document_text(span.doc)
    return text[text.rfind("\n", 0, span.start_char) + 1 : span.start_char]
