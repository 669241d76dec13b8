"""Quote attribution: the name after a closing quote mark ("” Ana Lima, ORG"), and quoted words handed to the
speaker whose section they are in."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from ..countries import POSSESSIVE_ENDINGS
from ..spans import document_text, token_positions
from .cues import SpeakerCues
from .match import SpeakerMatch
from .names import name_end

CLOSING_QUOTES = ("”", '"', "''", "»")
_ATTRIBUTION_LEADS = ("-", "–", "—", "says", "said", "adds", "added")
_TITLE_LINKS = frozenset({"of", "for", "and", "the", "-", ","}) | POSSESSIVE_ENDINGS
_LONGEST_TITLE = 16


def after_quote(cues: SpeakerCues, person: Span) -> bool:
    """Whether the span opens the attribution line of a quote: '” NAME, ORG' or ',” says NAME, ORG'."""
    doc = person.doc
    i = person.start - 1
    while i >= 0 and (doc[i].lower_ in _ATTRIBUTION_LEADS or doc[i].ent_iob_ == "I" or cues.is_honorific(doc[i])):
        i -= 1
    return i >= 0 and doc[i].text in CLOSING_QUOTES


def attributed_title(cues: SpeakerCues, person: Span, title: Span) -> Span | None:
    """The whole title set between a quote's attribution and the name, the body's name and commas included:
    ',” added X University Vice-President for Research, Innovation and Impact Professor NAME'."""
    doc, start = person.doc, title.start
    while start > 0 and person.start - start < _LONGEST_TITLE and (
        doc[start - 1].is_title or doc[start - 1].is_upper or doc[start - 1].lower_ in _TITLE_LINKS
    ):
        start -= 1
    end = title.end
    while end > start and cues.is_honorific(doc[end - 1]):
        end -= 1
    return doc[start:end] if end > start and after_quote(cues, doc[start:end]) else None


def attribution_names(cues: SpeakerCues, doc: Doc) -> list[Span]:
    """The name right after a closing quote mark: the NER rarely tags names in attribution lines."""
    found = []
    for i in token_positions(doc, CLOSING_QUOTES, attr="ORTH"):
        if i >= len(doc) - 2:
            break
        start = i + 1
        while start < len(doc) and (doc[start].lower_ in _ATTRIBUTION_LEADS or cues.is_honorific(doc[start])):
            start += 1
        end = name_end(doc, start, cues.name_particles)
        if end - start >= 2 and end < len(doc) and doc[end].text in (",", "|", "(", "-", "–", "—") and (
            doc[end - 1].lower_ not in cues.not_name_words  # "” Data Management, X Unit": a unit's name, not a person's
        ):
            found.append(doc[start:end])
    return found


def attach_quotes(doc: Doc, speakers: list[SpeakerMatch]) -> None:
    """"Quote:" paragraphs and quoted words go to the speaker whose section they are in."""
    if not speakers:
        return
    starts = sorted(((s.name.start_char, s) for s in speakers), key=lambda item: item[0])
    for quote in _quotes(doc):
        owner = _section_owner(starts, quote.start_char)
        if owner is not None:
            owner.quotes.append(quote)


_QUOTE_LINE = re.compile(r"^Quote(?:\s*\d+)?\s*:\s*(.+)$", re.MULTILINE | re.IGNORECASE)
_QUOTED = re.compile(r"[“\"]([^”\"\n]{20,}?)[”\"]")


def _quotes(doc: Doc) -> Iterator[Span]:
    for pattern in (_QUOTE_LINE, _QUOTED):
        for m in pattern.finditer(document_text(doc)):
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is not None:
                yield span


def _section_owner(starts: list[tuple[int, SpeakerMatch]], offset: int) -> SpeakerMatch | None:
    owner = None
    for start, speaker in starts:
        if start > offset:
            break
        owner = speaker
    return owner
