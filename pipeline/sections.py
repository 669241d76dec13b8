"""Long documents in sections: cut where nothing is cut, tagged one section at a time, merged into one extraction.

spaCy's English model needs about 3 MB of memory for every 1,000 characters it tags at once (a
1,000-page proceedings volume would need gigabytes, and spaCy refuses texts over `nlp.max_length`).
So a document longer than `WHOLE_CHARS` is tagged in sections of at most `SECTION_CHARS`, and
what each section gives (speakers, entities, relations, with offsets and pages of the whole
document) is merged into one extraction of the document: the same JSON, one event in the graph.

A section ends where a reader would pause: before a heading, at a page break, between
paragraphs; never inside a sentence, and not between a label ("Panellists:") or a heading and
what it introduces, nor inside a list, unless there is no other place. Where a cut does fall
inside a list, the next section starts earlier, at the list's head: it reads that stretch again
as context, so the items after the cut keep their heading, but what is found there belongs to
the section before. Each section gives what it would give read alone: a surname is linked to an
introduction, an acronym to its definition, within a section only.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from .ingest import LIST_ITEM, SourceDocument
from .records import Entity, Extraction, Relation, Speaker

WHOLE_CHARS = 100_000
"""A document up to this length (about 30 pages) is tagged whole, as one `Doc`."""
SECTION_CHARS = 50_000
"""A longer one is tagged in sections of at most this length, context included (about 150 MB to tag)."""

_PARAGRAPH, _LINE = "\n\n", "\n"
_IN_PARAGRAPH = (
    re.compile(r"(?:(?<=[a-z]{4}[.!?])|(?<=\d[.!?])) (?=[A-Z])"),  # sentence ends (not "Ms. Lima", "Prof. Lima")
    re.compile(r" "),  # words, in a text without sentences
)
_SHORT_LINE = 150
"""A heading, a list item without a bullet or a programme row is one line at most this long."""
_PREFERENCE = {"label": 0, "run": 1, "paragraph": 2, "page": 3, "heading": 4}
"""Where to cut, worst to best: after a label or a heading (they belong with what follows), inside a run of
list items or short lines, between paragraphs, at a page break, before a heading."""


@dataclass(frozen=True, slots=True)
class Section:
    """`start`..`end` of the document's `text` is tagged as one `Doc`; what is found before `own` belongs to
    the section before (this one reads it again as context)."""

    start: int
    own: int
    end: int


def split(document: SourceDocument, *, whole: int = WHOLE_CHARS, size: int = SECTION_CHARS) -> tuple[Section, ...]:
    """The sections `document` is tagged in: one, the whole text, when it is at most `whole` characters long."""
    text = document.text
    if len(text) <= whole:
        return (Section(0, 0, len(text)),)
    sections: list[Section] = []
    start = own = 0
    while len(text) - start > size:
        cut, context = _cut(document, own + size // 2, start + size, reach=size // 10)
        sections.append(Section(start, own, start + len(text[start:cut].rstrip())))
        start, own = context, cut
    sections.append(Section(start, own, len(text)))
    return tuple(sections)


def _cut(document: SourceDocument, low: int, high: int, *, reach: int) -> tuple[int, int]:
    """The best place in `low`..`high` for the next section's own part to start, and where it starts reading
    (up to `reach` characters earlier)."""
    text = document.text
    for separator in (_PARAGRAPH, _LINE):
        places = _starts(text, separator, low, high)
        if places:
            kinds = {place: _kind(document, place, separator) for place in places}
            best = max(places, key=lambda place: (_PREFERENCE[kinds[place]], place))
            return best, _context(text, best, separator, reach) if kinds[best] in ("label", "run") else best
    for pattern in _IN_PARAGRAPH:
        if places := [match.end() for match in pattern.finditer(text, low, high)]:
            paragraph = text.rfind(_LINE, 0, places[-1]) + 1
            earlier = pattern.search(text, max(paragraph, places[-1] - reach), places[-1])
            return places[-1], paragraph if places[-1] - paragraph <= reach else earlier.end() if earlier else places[-1]
    return high, high


def _starts(text: str, separator: str, low: int, high: int) -> list[int]:
    """Where the paragraphs (or lines) that start in `low`..`high` start."""
    places = []
    found = text.find(separator, max(0, low - len(separator)), high)
    while found >= 0:
        places.append(found + len(separator))
        found = text.find(separator, found + len(separator), high)
    return [place for place in places if low <= place <= high]


def _kind(document: SourceDocument, place: int, separator: str) -> str:
    """What a cut at `place`, the start of a paragraph or line, falls between."""
    text = document.text
    before, after = _unit_before(text, place, separator), _unit_at(text, place, separator)
    if before.endswith(":") or _heading(before, after):
        return "label"
    if _heading(after, _unit_at(text, place + len(after) + len(separator), separator)):
        return "heading"
    if _listed(before) and _listed(after):
        return "run"
    if _page(document, place - len(separator) - 1) != _page(document, place):
        return "page"
    return "paragraph"


def _unit_before(text: str, place: int, separator: str) -> str:
    """The paragraph or line that ends before `place`; of a long one, its end only (it is prose)."""
    end = place - len(separator)
    begin = max(0, end - 2 * _SHORT_LINE)
    found = text.rfind(separator, begin, end)
    return text[found + len(separator) if found >= 0 else begin : end]


def _unit_at(text: str, place: int, separator: str) -> str:
    """The paragraph or line that starts at `place`; of a long one, its start only."""
    end = text.find(separator, place, place + 2 * _SHORT_LINE)
    return text[place : end if end >= 0 else place + 2 * _SHORT_LINE]


def _listed(unit: str) -> bool:
    """A list item, or a short line: a name, a programme row, a line of a record."""
    return bool(LIST_ITEM.match(unit)) or (0 < len(unit) <= _SHORT_LINE and "\n" not in unit and unit[-1] not in ".!?")


def _heading(unit: str, following: str) -> bool:
    """A short line on its own, over something that is not another short line or list item."""
    return (
        0 < len(unit) <= _SHORT_LINE and "\n" not in unit and unit[-1] not in ".,;:!?" and not LIST_ITEM.match(unit)
        and (unit[0].isupper() or unit[0].isdigit()) and bool(following) and not _listed(following)
    )


def _page(document: SourceDocument, position: int) -> int:
    return bisect.bisect_right(document.page_starts, document.origin[max(0, position)])


def _context(text: str, cut: int, separator: str, reach: int) -> int:
    """Where a section whose own part starts inside a run of list items, or after a label, starts reading:
    at the paragraph that introduces the run, if it is within `reach`."""
    start = cut
    while start > 0:
        end = start - len(separator)
        limit = max(0, cut - reach)
        found = text.rfind(separator, limit, end)
        if found < 0 and limit > 0:
            break  # that paragraph starts out of reach
        start = found + len(separator) if found >= 0 else 0
        unit = text[start:end]
        if not (_listed(unit) or unit.endswith(":")):
            break  # the head of the run
    return start


@dataclass(frozen=True, slots=True)
class Part:
    """A section to tag: which of the documents it is from, the section, and the section as a document."""

    index: int
    section: Section
    document: SourceDocument


def parts(documents: Iterable[SourceDocument]) -> Iterator[Part]:
    """The sections of `documents`, in order."""
    for index, document in enumerate(documents):
        for section in split(document):
            yield Part(index, section, section_document(document, section))


def batches(parts: Iterable[Part], *, size: int) -> Iterator[list[Part]]:
    """Parts to tag together: at most `size`, and at most `SECTION_CHARS` characters together (a longer
    part alone), since the model's memory grows with the characters it tags at once."""
    batch: list[Part] = []
    characters = 0
    for part in parts:
        length = len(part.document.text)
        if batch and (len(batch) == size or characters + length > SECTION_CHARS):
            yield batch
            batch, characters = [], 0
        batch.append(part)
        characters += length
    if batch:
        yield batch


def section_document(document: SourceDocument, section: Section) -> SourceDocument:
    """The section as a document of its own, whose offsets and pages are those of the whole document."""
    if (section.start, section.end) == (0, len(document.text)):
        return document
    return replace(document, text=document.text[section.start : section.end],
                   origin=document.origin[section.start : section.end])


def merge(document: SourceDocument, parts: Sequence[tuple[Section, Extraction]]) -> Extraction:
    """One extraction of the document from those of its sections, in order: each section keeps what
    starts in its own part; entities of one id merge, with their mentions in order."""
    if len(parts) == 1:
        return parts[0][1]
    bounds = [document.origin[section.own] if section.own else 0 for section, _ in parts] + [len(document.raw) + 1]
    speakers: list[Speaker] = []
    relations: list[Relation] = []
    entities: dict[str, Entity] = {}
    for (_, extraction), low, high in zip(parts, bounds, bounds[1:]):
        own_speakers = [speaker for speaker in extraction.speakers if low <= speaker.start < high]
        own_relations = [relation for relation in extraction.relations if low <= relation.start < high]
        for entity in _own_entities(extraction, own_speakers, own_relations, low, high):
            entities[entity.id] = _merged(entities[entity.id], entity) if entity.id in entities else entity
        speakers.extend(own_speakers)
        relations.extend(own_relations)
    return Extraction(document=document.info, speakers=tuple(speakers),
                      entities=tuple(sorted(entities.values(), key=lambda e: e.id)), relations=tuple(relations))


def _own_entities(extraction: Extraction, speakers: Iterable[Speaker], relations: Iterable[Relation],
                  low: int, high: int) -> list[Entity]:
    """The entities named in the section's own part, or that its speakers and relations refer to, and
    their parents; each with its mentions in the section's own part only."""
    by_id = {entity.id: entity for entity in extraction.entities}
    referred = {s.organisation_id for s in speakers} | {r.source for r in relations} | {r.target for r in relations}
    kept: dict[str, Entity] = {}
    for entity in extraction.entities:
        mentions = tuple(mention for mention in entity.mentions if low <= mention.start < high)
        if mentions or entity.id in referred:
            kept[entity.id] = replace(entity, mentions=mentions)
    parents = [entity.parent for entity in kept.values()]
    while parents:
        parent = parents.pop()
        if parent in by_id and parent not in kept:
            kept[parent] = replace(by_id[parent], mentions=tuple(m for m in by_id[parent].mentions if low <= m.start < high))
            parents.append(by_id[parent].parent)
    return list(kept.values())


def _merged(first: Entity, other: Entity) -> Entity:
    """The entity as first named, with the names and mentions it has in a later section."""
    return replace(
        first,
        aliases=tuple(sorted({*first.aliases, *other.aliases, other.name} - {first.name})),
        country=first.country or other.country,
        parent=first.parent or other.parent,
        mentions=first.mentions + other.mentions,
    )
