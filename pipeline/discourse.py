"""Who speaks where, whom people act for, and which actors a paragraph has named: what the relation finder
needs to read "we", "my ministry", "the two sides" or a signatory's name as institutions and countries.

Built once per document from the speakers and the resolved entities (`read_discourse`), it holds the actors' mentions
in text order, each speaker's `Party` (institution and country), the stretches of text each speaker voices, and the
paragraphs. The relation finder asks it what a first-person word means in a sentence and which actors were named
just before a word that points back.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc

from .entities import Resolution
from .speakers import SpeakerMatch

COUNTRY_PREFIX = "country:"
"""Entity ids of countries start so (`country:LAO`); see `entities.py`."""


@dataclass(frozen=True, slots=True)
class ActorMention:
    entity_id: str
    start: int
    end: int
    """Token offsets in the doc."""


@dataclass(frozen=True, slots=True)
class Party:
    """Whom a person acts for: the institution they work for and the country they represent, either unknown."""

    institution: str | None
    country: str | None

    @property
    def voice(self) -> str | None:
        """Whom "we" means in their words: the country a national official speaks for (a ministry's "our
        collaboration with the ILO" is the country's), else their institution."""
        return self.country or self.institution


@dataclass(frozen=True, slots=True)
class Discourse:
    """One document's actors, speakers and paragraphs, for the relation finder."""

    actors: tuple[ActorMention, ...]
    """Mentions of organisations and countries, in text order."""
    voices: Mapping[int, Party]
    """Sentence starts (token offsets) mapped to the speaker whose words the sentence is."""
    paragraphs: tuple[int, ...]
    """Token offsets where a paragraph (text after a blank line) starts."""

    def speaker_at(self, sentence_start: int) -> Party | None:
        return self.voices.get(sentence_start)

    def paragraph_start(self, i: int, *, back: int = 0) -> int:
        """Where the paragraph of token `i` starts, or with `back` the one so many paragraphs before it."""
        before = bisect.bisect_right(self.paragraphs, i) - back
        return self.paragraphs[before - 1] if before > 0 else 0

    def countries_before(self, i: int, count: int, *, besides: Iterable[str] = ()) -> list[str]:
        """The last `count` countries named before token `i` in its paragraph or the one before (a report's
        paragraph may open on "At the meeting, both countries..." after the one that named them); fewer when
        those name fewer."""
        start, skip, named = self.paragraph_start(i, back=1), set(besides), list[str]()
        for actor in reversed(self.actors):
            if actor.start < start or len(named) == count:
                break
            if actor.end <= i and actor.entity_id.startswith(COUNTRY_PREFIX) and actor.entity_id not in {*named, *skip}:
                named.append(actor.entity_id)
        return named


def read_discourse(doc: Doc, speakers: list[SpeakerMatch], resolution: Resolution) -> Discourse:
    return Discourse(
        actors=tuple(_actors(doc, resolution)),
        voices=_speaker_sections(doc, speakers, resolution),
        paragraphs=tuple(_paragraph_starts(doc)),
    )


def plain_discourse(actors: Iterable[ActorMention], doc: Doc) -> Discourse:
    """A discourse of actors alone, no speakers: for a finder run on hand-placed actors."""
    return Discourse(tuple(sorted(actors, key=lambda a: a.start)), {}, tuple(_paragraph_starts(doc)))


def _actors(doc: Doc, resolution: Resolution) -> list[ActorMention]:
    actors = []
    for (start, end), entity_id in resolution.by_span.items():
        if resolution.entities[entity_id].type == "person":
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            actors.append(ActorMention(entity_id, span.start, span.end))
    return sorted(actors, key=lambda a: a.start)


def _paragraph_starts(doc: Doc) -> list[int]:
    """After a space token holding a blank line (a token's own trailing whitespace is one space at most)."""
    return [token.i + 1 for token in doc if token.is_space and "\n\n" in token.text]


def _speaker_sections(doc: Doc, speakers: list[SpeakerMatch], resolution: Resolution) -> dict[int, Party]:
    """Sentences in a speaker's section, from the sentence that names them to the next speaker's, are theirs."""
    sections: dict[int, Party] = {}
    starts = sorted(
        (speaker.name.start, Party(org_id, f"{COUNTRY_PREFIX}{country}" if country else None))
        for speaker, (_, org_id), country in zip(speakers, resolution.speaker_ids, resolution.speaker_countries)
    )
    sentence_starts = [sentence.start for sentence in doc.sents]
    for index, (start, party) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(doc)
        first = bisect.bisect_right(sentence_starts, start) - 1  # from the sentence that names them
        last = max(bisect.bisect_left(sentence_starts, end), first + 1)
        for sentence_start in sentence_starts[first:last] if party.voice else ():
            sections[sentence_start] = party
    return sections
