"""Who speaks where, whom people act for, and which actors a paragraph has named: what the relation finder
needs to read "we", "my ministry", "the two sides" or a signatory's name as institutions and countries.

Built once per document from the speakers and the resolved entities (`read_discourse`), it holds the actors' mentions
in text order, each speaker's `Party` (institution and country), the stretches of text each speaker voices, and the
paragraphs. The relation finder asks it what a first-person word means in a sentence and which actors were named
just before a word that points back.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

import numpy
from spacy.tokens import Doc, Span

from .entities import Resolution
from .resources import load_json
from .spans import doc_entities, document_text
from .speakers import SpeakerMatch

COUNTRY_PREFIX = "country:"
"""Entity ids of countries start so (`country:LAO`); see `entities.py`."""
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
AFFILIATING = frozenset({"from", "of", "at"})
"""Words between a person's name and their institution ("Ms X from Z")."""
MIN_REPEATED_NAME = 3
"""Characters a name needs to be looked for again (no "UN" or "EU": the taggers know those)."""
TURN_MARKER = re.compile(r"(?:^|(?<=\s))>>(?=\s)")
"""How transcripts of video captions mark a change of speaker."""


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
    voices: tuple[tuple[int, Party | None], ...]
    """Where each speaker's words start (token offsets, in order), and whose they are (None: nobody known)."""
    paragraphs: tuple[int, ...]
    """Token offsets where a paragraph (text after a blank line) starts."""
    people: Mapping[int, Party] = field(default_factory=dict)
    """The tokens of speakers' names, wherever the text names them, mapped to whom they act for."""

    def speaker_at(self, i: int) -> Party | None:
        """Who speaks at token `i`: whom "we" means there."""
        index = bisect.bisect_right(self.voices, i, key=lambda voice: voice[0]) - 1
        return self.voices[index][1] if index >= 0 else None

    def paragraph_start(self, i: int, *, back: int = 0) -> int:
        """Where the paragraph of token `i` starts, or with `back` the one so many paragraphs before it."""
        before = bisect.bisect_right(self.paragraphs, i) - back
        return self.paragraphs[before - 1] if before > 0 else 0

    def countries_before(self, i: int, count: int, *, besides: Iterable[str] = ()) -> list[str]:
        """The last `count` countries named before token `i` in its paragraph or the one before (a report's
        paragraph may open on "At the meeting, both countries..." after the one that named them); fewer when
        those name fewer."""
        return self.named_before(i, count, kind="country", besides=besides)

    def named_before(self, i: int, count: int, *, kind: str | None, besides: Iterable[str] = ()) -> list[str]:
        """The last `count` actors of a kind ("country", "organisation", or None for either) named before token `i`
        in its paragraph or the one before."""
        start, skip, named = self.paragraph_start(i, back=1), set(besides), list[str]()
        for actor in reversed(self.actors):
            if actor.start < start or len(named) == count:
                break
            country = actor.entity_id.startswith(COUNTRY_PREFIX)
            fits = kind is None or (kind == "country") == country
            if actor.end <= i and fits and actor.entity_id not in {*named, *skip}:
                named.append(actor.entity_id)
        return named


def read_discourse(doc: Doc, speakers: list[SpeakerMatch], resolution: Resolution) -> Discourse:
    parties = [Party(org_id, f"{COUNTRY_PREFIX}{country}" if country else None)
               for (_, org_id), country in zip(resolution.speaker_ids, resolution.speaker_countries)]
    actors = _actors(doc, resolution)
    return Discourse(
        actors=tuple(actors),
        voices=tuple(_voices(doc, speakers, parties, _named_with_institution(doc, actors))),
        paragraphs=tuple(_paragraph_starts(doc)),
        people=_people(doc, speakers, parties, resolution),
    )


def plain_discourse(actors: Iterable[ActorMention], doc: Doc) -> Discourse:
    """A discourse of actors alone, no speakers: for a finder run on hand-placed actors."""
    return Discourse(tuple(sorted(actors, key=lambda a: a.start)), (), tuple(_paragraph_starts(doc)))


def _actors(doc: Doc, resolution: Resolution) -> list[ActorMention]:
    actors, taken = [], set[int]()
    for (start, end), entity_id in resolution.by_span.items():
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        taken.update(range(span.start, span.end))
        if resolution.entities[entity_id].type != "person":
            actors.append(ActorMention(entity_id, span.start, span.end))
    actors += _written_again(doc, resolution, taken)
    return sorted(actors, key=lambda a: a.start)


def _written_again(doc: Doc, resolution: Resolution, taken: set[int]) -> list[ActorMention]:
    """An organisation's name or acronym written again where the tagger did not see it ("GBIF" after "the Global
    Biodiversity Information Facility (GBIF)", the long name of an organisation elsewhere called by its acronym):
    the same actor. Names of one word are matched as written, longer ones in any case."""
    names: dict[str, str] = {}
    for entity in resolution.entities.values():
        if entity.type == "organisation":
            for name in (entity.name, *entity.aliases):
                key = name if " " not in name else name.lower()
                if len(name) >= MIN_REPEATED_NAME and names.setdefault(key, entity.id) != entity.id:
                    names[key] = ""  # a name two entities share names neither
    text = document_text(doc)
    lowered = text.lower()
    found = []
    for name, entity_id in sorted(names.items(), key=lambda item: -len(item[0])):
        haystack = lowered if " " in name else text
        at = haystack.find(name) if entity_id else -1
        while at >= 0:
            end = at + len(name)
            whole = (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
            span = doc.char_span(at, end) if whole else None
            if span is not None and taken.isdisjoint(range(span.start, span.end)):
                found.append(ActorMention(entity_id, span.start, span.end))
                taken.update(range(span.start, span.end))
            at = haystack.find(name, end)
    return found


def _people(doc: Doc, speakers: list[SpeakerMatch], parties: list[Party], resolution: Resolution) -> dict[int, Party]:
    by_person = {person_id: party for (person_id, _), party in zip(resolution.speaker_ids, parties)}
    people: dict[int, Party] = {}
    for (start, end), entity_id in resolution.by_span.items():
        span = doc.char_span(start, end, alignment_mode="expand") if entity_id in by_person else None
        if span is not None:
            people.update((i, by_person[entity_id]) for i in range(span.start, span.end))
    for speaker, party in zip(speakers, parties):
        people.update((i, party) for span in (speaker.name, *speaker.mentions) for i in range(span.start, span.end))
    return people


def _paragraph_starts(doc: Doc) -> list[int]:
    """After a space token holding a blank line (a token's own trailing whitespace is one space at most)."""
    text, starts = document_text(doc), doc.to_array("IDX")
    breaks = (m.start() for m in re.finditer("\n\n", text))
    return sorted({int(numpy.searchsorted(starts, at, side="right")) for at in breaks} - {len(doc)})


def _voices(doc: Doc, speakers: list[SpeakerMatch], parties: list[Party], passing: list[tuple[int, Party]]
            ) -> list[tuple[int, Party | None]]:
    """Where each speaker's words start: at the sentence that introduces them or has them as its subject ("Ms X
    noted that..."); in a transcript, at each turn (">>"), whose speaker is the one named last before it, the
    chair's handing over ("over to you, Ms X", "Ms Y from Z, how do you see..."). Until the next such place, "we"
    is theirs."""
    starts: list[tuple[int, Party | None]] = []
    for speaker, party in zip(speakers, parties):
        named = [speaker.name, *(m for m in speaker.mentions if _speaks(m))]
        starts += [(span.sent.start, party) for span in named]
    called = sorted([*((span.start, party) for speaker, party in zip(speakers, parties)
                       for span in (speaker.name, *speaker.mentions)), *passing], key=lambda call: call[0])
    previous = 0
    for marker in _turn_markers(doc):
        before = bisect.bisect_left(called, marker, key=lambda call: call[0])
        handed = before and called[before - 1][0] >= previous
        starts.append((marker, called[before - 1][1] if handed else None))
        previous = marker
    return sorted(starts, key=lambda start: start[0])


def _named_with_institution(doc: Doc, actors: list[ActorMention]) -> list[tuple[int, Party]]:
    """People named with their institution right after them ("Ms X from Z", "Mr Y of Z"), who may be handed the
    floor without ever being introduced as speakers."""
    starts = {a.start: a.entity_id for a in actors if not a.entity_id.startswith(COUNTRY_PREFIX)}
    named = []
    for span in doc_entities(doc).spans:
        if span.label_ == "PERSON" and span.end + 1 < len(doc) and doc[span.end].lower_ in AFFILIATING:
            institution = starts.get(span.end + 1) or starts.get(span.end + 2) if doc[span.end + 1].lower_ == "the" else starts.get(span.end + 1)
            if institution:
                named.append((span.start, Party(institution, None)))
    return named


def _speaks(name: Span) -> bool:
    """ "Ms X noted...", "..., Ms X said", "Ms X: ..." (a transcript): a name that takes the floor, not one merely
    mentioned. A name followed by a verb of speech counts whatever the parse made of it."""
    doc = name.doc
    following = doc[name.end] if name.end < len(doc) else None
    if name.root.dep_ in SUBJECTS or following is not None and following.lemma_.lower() in speech_verbs():
        return True
    line_start = name.start == 0 or "\n" in doc[name.start - 1].text_with_ws
    return line_start and following is not None and following.text == ":"


@cache
def speech_verbs() -> frozenset[str]:
    return frozenset(load_json("relation_cues.json")["speech_verbs"])


def _turn_markers(doc: Doc) -> list[int]:
    """Token offsets of the marks that open a turn in a transcript (">>")."""
    text, found = document_text(doc), []
    for match in TURN_MARKER.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            found.append(span.start)
    return found
