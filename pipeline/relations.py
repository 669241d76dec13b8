"""Cooperation relations between countries and organisations, with their evidence sentence.

A relation needs a cue ("collaborating with", "funded by", "exchanges between", cues in
`models/relation_cues.json`) and actors on the right sides of it. Actors coordinated with
"and" or commas share a side, so "China supported in Lao PDR and Cambodia" gives two relations;
"between X and Y" and hyphenated pairs ("ILO-Luxembourg cooperation") link the pair itself.
Sharing a sentence is not enough: that is the co-occurrence baseline, kept for comparison.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from .resources import load_json

RELATION_TYPES = ("cooperation", "support", "joint_implementation", "exchange", "membership", "agreement")


@dataclass(frozen=True, slots=True)
class ActorMention:
    entity_id: str
    start: int
    end: int
    """Token offsets in the doc."""


@dataclass(frozen=True, slots=True)
class RelationMatch:
    source: str
    target: str
    type: str
    sentence: Span
    confidence: float


@dataclass(frozen=True, slots=True)
class _Cue:
    type: str
    start: int
    end: int
    passive: bool


@cache
def _cues() -> tuple[dict[str, str], list[tuple[tuple[str, ...], str]]]:
    data = load_json("relation_cues.json")
    lemmas = {lemma: kind for kind in RELATION_TYPES for lemma in data[kind]["lemmas"]}
    phrases = sorted(
        ((tuple(p.lower().split()), kind) for kind in RELATION_TYPES for p in data[kind]["phrases"]),
        key=lambda item: -len(item[0]),
    )
    return lemmas, phrases


def find_relations(doc: Doc, actors: list[ActorMention], *, implicit: dict[int, str] | None = None) -> list[RelationMatch]:
    """Relations stated in each sentence. `implicit` maps a sentence start to the speaker's institution,
    the subject of "we" in that speaker's words."""
    found: list[RelationMatch] = []
    for sentence in doc.sents:
        in_sentence = [a for a in actors if sentence.start <= a.start and a.end <= sentence.end]
        speaker_actor = (implicit or {}).get(sentence.start)
        for cue in _find_cues(sentence):
            found.extend(_relations_at(sentence, cue, in_sentence, speaker_actor))
    return found


def cooccurrence_relations(doc: Doc, actors: list[ActorMention]) -> list[RelationMatch]:
    """The baseline generic tools use: every pair of actors in a sentence is linked."""
    found = []
    for sentence in doc.sents:
        ids = sorted({a.entity_id for a in actors if sentence.start <= a.start and a.end <= sentence.end})
        for a, b in itertools.combinations(ids, 2):
            found.append(RelationMatch(a, b, "cooperation", sentence, 0.1))
    return found


def _find_cues(sentence: Span) -> list[_Cue]:
    lemmas, phrases = _cues()
    cues: list[_Cue] = []
    covered: set[int] = set()
    words = [t.lower_ for t in sentence]
    for i in range(len(words)):
        for phrase, kind in phrases:
            if tuple(words[i : i + len(phrase)]) == phrase and i not in covered:
                passive = phrase[-1] == "by" or phrase[-1] == "from" or phrase[:2] == ("with", "the")
                cues.append(_Cue(kind, sentence.start + i, sentence.start + i + len(phrase), passive))
                covered.update(range(i, i + len(phrase)))
                break
    for token in sentence:
        if token.i - sentence.start in covered or token.is_stop and token.lemma_.lower() not in lemmas:
            continue
        lemma = token.lemma_.lower()
        kind = lemmas.get(lemma) or lemmas.get(token.lower_)
        if kind:
            passive = _is_passive(token)
            cues.append(_Cue(kind, token.i, token.i + 1, passive))
    return cues


def _is_passive(token: Token) -> bool:
    return any(child.dep_ in ("agent", "auxpass") for child in token.children)


def _relations_at(
    sentence: Span, cue: _Cue, actors: list[ActorMention], speaker_actor: str | None
) -> list[RelationMatch]:
    before = _group(sentence, [a for a in actors if a.end <= cue.start], side="before", anchor=cue.start)
    after = _group(sentence, [a for a in actors if a.start >= cue.end], side="after", anchor=cue.end)
    if cue.passive:
        before, after = after, before
    if not before and speaker_actor and _first_person(sentence, cue.start):
        before = [speaker_actor]
    pairs: list[tuple[str, str, float]] = []
    if before and after:
        pairs = [(a, b, 0.8) for a in before for b in after]
    elif len(after) >= 2 and _between(sentence, cue):
        pairs = [(a, b, 0.8) for a, b in itertools.combinations(after, 2)]
    elif cue.type == "joint_implementation" and len(before or after) >= 2:
        # "implemented jointly by the ILO and WHO": the coordinated actors act together
        pairs = [(a, b, 0.8) for a, b in itertools.combinations(before or after, 2)]
    elif len(before) >= 2 and _hyphenated(sentence, cue, actors):
        pairs = [(a, b, 0.7) for a, b in itertools.combinations(before, 2)]
    return [
        RelationMatch(source, target, cue.type, sentence, confidence)
        for source, target, confidence in pairs
        if source != target
    ]


def _group(sentence: Span, candidates: list[ActorMention], *, side: str, anchor: int) -> list[str]:
    """The actors nearest the cue on one side, with those coordinated to them ("X, Y and Z")."""
    doc = sentence.doc
    ordered = sorted(candidates, key=lambda a: a.start, reverse=side == "before")
    group: list[str] = []
    edge = anchor
    for actor in ordered:
        gap = doc[edge : actor.start] if side == "after" else doc[actor.end : edge]
        if group and not _coordination(gap):
            break
        if not group and (len(gap) > 8 or any(t.text in ",;:()" for t in gap)):
            break
        if actor.entity_id not in group:
            group.append(actor.entity_id)
        edge = actor.end if side == "after" else actor.start
    return group


def _coordination(gap: Span) -> bool:
    words = [t.lower_ for t in gap if t.lower_ not in ("the", "’s", "'s")]
    return len(words) <= 3 and all(w in (",", "and", "or", "&", "as", "well", "-", "–", "/") for w in words)


def _between(sentence: Span, cue: _Cue) -> bool:
    following = [t.lower_ for t in sentence.doc[cue.end : min(cue.end + 3, sentence.end)]]
    return "between" in following or "among" in following or sentence.doc[cue.end - 1].lower_ in ("between", "among")


def _hyphenated(sentence: Span, cue: _Cue, actors: list[ActorMention]) -> bool:
    """ "Japan-ILO collaboration": two actors joined by a hyphen right before the cue."""
    doc = sentence.doc
    before = [a for a in actors if a.end <= cue.start and cue.start - a.end <= 2]
    return bool(before) and any(doc[i].text in ("-", "–", "/") for i in range(max(sentence.start, before[0].start - 2), cue.start))


def _first_person(sentence: Span, before: int) -> bool:
    return any(t.lower_ in ("we", "our", "us") for t in sentence.doc[sentence.start : before])
