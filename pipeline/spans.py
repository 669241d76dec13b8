"""Text and entities around spans, read without rebuilding them from the tokens each time.

`Doc.text` joins every token on each access, and `Doc.ents` (which `Span.ents` reads whole) makes
a new `Span` per entity on each access, so rules that look at the line or the entities around
each of many candidate names would cost time quadratic in the document's length; they read the
text through `document_text` and the entities through `doc_entities`, built once per `Doc`. Both are
read after tagging, which is where sidegraph's rules run: nothing changes a tagged `Doc`'s entities. Rules
that start from a few cue words find them with `token_positions` rather than a look at every token.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from spacy.strings import hash_string
from spacy.tokens import Doc, Span

_TEXT_KEY = "sidegraph.text"
_ENTITIES_KEY = "sidegraph.entities"
_POSITIONS_KEY = "sidegraph.positions"


@dataclass(frozen=True, slots=True)
class Entities:
    """A document's entities in text order, with their start tokens for look-ups by position."""

    spans: tuple[Span, ...]
    starts: tuple[int, ...]

    def starting_at(self, i: int) -> Span | None:
        """The entity that starts at token `i`."""
        index = bisect.bisect_left(self.starts, i)
        return self.spans[index] if index < len(self.starts) and self.starts[index] == i else None

    def covering(self, i: int) -> Span | None:
        """The entity token `i` is in."""
        index = bisect.bisect_right(self.starts, i) - 1
        return self.spans[index] if index >= 0 and self.spans[index].end > i else None

    def within(self, span: Span) -> list[Span]:
        """What `span.ents` gives: the entities from the span's start on, up to the first that runs past its end."""
        found = []
        for ent in self.spans[bisect.bisect_left(self.starts, span.start) :]:
            if ent.end > span.end:
                break
            found.append(ent)
        return found


def document_text(doc: Doc) -> str:
    if _TEXT_KEY not in doc.user_data:
        doc.user_data[_TEXT_KEY] = doc.text
    return doc.user_data[_TEXT_KEY]


def span_text(span: Span) -> str:
    """`span.text`, sliced from the document's text: `Span.text` joins the span's tokens on each access."""
    return document_text(span.doc)[span.start_char : span.end_char]


def doc_entities(doc: Doc) -> Entities:
    if _ENTITIES_KEY not in doc.user_data:
        spans = doc.ents
        doc.user_data[_ENTITIES_KEY] = Entities(spans, tuple(ent.start for ent in spans))
    return doc.user_data[_ENTITIES_KEY]


def token_positions(doc: Doc, words: Collection[str], *, attr: str = "LOWER") -> list[int]:
    """Where the tokens are whose lower-case form (or, with `attr="ORTH"`, text) is one of `words`, in order.

    Read off the hashes the `Doc` stores: a scan that made a `Token` for each word and decoded its text
    would cost more than the rules that run at the few places found. The words' hashes are computed once
    per word list, and met with the document's index of its hashes (`numpy.isin` sorts both arrays on every
    call: slower on a document's few hundred tokens)."""
    where = _positions(doc, attr)
    found = _hashes(frozenset(words)) & where.keys()
    return sorted(i for value in found for i in where[value]) if found else []


def positions_within(span: Span, words: Collection[str], *, attr: str = "LOWER") -> list[int]:
    """`token_positions` inside `span`: the programme reader looks for brackets, dashes and commas in every line, and
    a scan of each line's tokens made a `Token` and decoded the text of every word, most of them in paragraphs of prose."""
    found = token_positions(span.doc, words, attr=attr)
    return found[bisect.bisect_left(found, span.start) : bisect.bisect_left(found, span.end)]


def _positions(doc: Doc, attr: str) -> dict[int, list[int]]:
    """Where each hash of `attr` stands in the `Doc`, read once per document: some ten rules look for their cue
    words in each, and a scan of every token per rule cost more than the look-ups. Nothing retokenizes a `Doc`."""
    key = f"{_POSITIONS_KEY}.{attr}"
    if key not in doc.user_data:
        where: defaultdict[int, list[int]] = defaultdict(list)
        for i, value in enumerate(doc.to_array(attr).tolist()):
            where[value].append(i)  # not `setdefault`, which makes a list for every token
        doc.user_data[key] = where
    return doc.user_data[key]


@lru_cache(maxsize=64)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    return frozenset(map(hash_string, words))


def line_before(span: Span) -> str:
    """What the span's line holds before it ("Moderator: " for a name in "Moderator: NAME")."""
    text = document_text(span.doc)
    return text[text.rfind("\n", 0, span.start_char) + 1 : span.start_char]
