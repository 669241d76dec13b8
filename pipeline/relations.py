"""Cooperation relations between countries and organisations: the finders the extractor can use.

The default finder ("cues") reads a relation where a cue (`relation_cues.py`) has actors the parse places around
it (`relation_arguments.py`), actors being names or stand-ins (`relation_actors.py`: "the Government of Fiji",
"the University", "our" in a speaker's words, from `discourse.py`); lines that label an event's organisers,
partners and supporters, and headings, add what the layout says (`relation_structure.py`). Sharing a sentence is
not enough: that is the co-occurrence baseline, kept as a registered finder so the two can be compared
(`sidegraph evaluate --baseline cooccurrence`).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span

from .discourse import Discourse
from .relation_actors import ActorIndex
from .relation_arguments import relations_at
from .relation_cues import find_cues
from .relation_structure import STRUCTURE, laid_out

@dataclass(frozen=True, slots=True)
class RelationMatch:
    source: str
    target: str
    type: str
    sentence: Span
    confidence: float


class RelationFinder(Protocol):
    """What the extractor calls: relations among the actors of `discourse` in `doc`."""

    def __call__(self, doc: Doc, discourse: Discourse) -> list[RelationMatch]: ...


def find_relations(doc: Doc, discourse: Discourse) -> list[RelationMatch]:
    """Relations stated in each sentence, one per (source, target, type, sentence), the surest reading kept."""
    resolver = ActorIndex(doc, discourse)
    found: dict[tuple[str, str, str, int], RelationMatch] = {}

    def keep(match: RelationMatch) -> None:
        key = (match.source, match.target, match.type, match.sentence.start)
        if key not in found or found[key].confidence < match.confidence:
            found[key] = match

    for sentence in doc.sents:
        for cue in find_cues(sentence, resolver.words, resolver.by_token):
            relations = relations_at(cue, resolver, discourse.speaker_at(cue.anchor.i))
            if relations:
                resolver.previous = (cue.anchor.i, tuple(dict.fromkeys(source for source, *_ in relations)))
            for source, target, kind, confidence in relations:
                keep(RelationMatch(source, target, kind, sentence, confidence))
    for relation in laid_out(doc, resolver):  # after the sentences, which may say who organised the event
        keep(RelationMatch(relation.source, relation.target, relation.type, relation.evidence, STRUCTURE))
    return sorted(found.values(), key=lambda m: (m.sentence.start, m.source, m.target, m.type))


def cooccurrence_relations(doc: Doc, discourse: Discourse) -> list[RelationMatch]:
    """The baseline generic tools use: every pair of actors in a sentence is linked."""
    found = []
    for sentence in doc.sents:
        ids = sorted({a.entity_id for a in discourse.actors if sentence.start <= a.start and a.end <= sentence.end})
        for a, b in itertools.combinations(ids, 2):
            found.append(RelationMatch(a, b, "cooperation", sentence, 0.1))
    return found


FINDERS: Mapping[str, RelationFinder] = {"cues": find_relations, "cooccurrence": cooccurrence_relations}
"""Relation finders by name: the extractor's `relations=` option and `sidegraph evaluate --baseline` pick one."""
DEFAULT_FINDER = "cues"
BASELINES = tuple(name for name in FINDERS if name != DEFAULT_FINDER)


def relation_finder(name: str) -> RelationFinder:
    """The finder registered as `name`; a ValueError names the known ones (a programming error, not a user's)."""
    try:
        return FINDERS[name]
    except KeyError:
        raise ValueError(f"unknown relation finder {name!r} (known: {', '.join(FINDERS)})") from None
