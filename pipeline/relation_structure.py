"""Relations read from how an event page or programme is laid out rather than from a sentence's grammar.

Label lines name the event's organisers, co-organisers, partners and supporters ("Organised by A in partnership
with B and C", "Supported by: A, B, C", "Our partners:" over a bulleted list; spaCy `Matcher` patterns in
`models/relation_structure.jsonl`): each actor listed relates to the organisers the page names, supporters
supporting them. Headings pair the actors they list with the cue they carry ("Examplia and Otherland: Thirty
Years of Partnership"). Both are read with less confidence than a sentence's own words.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import numpy
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from .relation_actors import ActorIndex, End, Reading
from .relation_cues import SYMMETRIC, cue_kind, cues
from .resources import load_jsonl
from .spans import document_text, token_positions

STRUCTURE = 0.5
"""How sure a relation read from layout is: below one stated in a sentence or resolved from the discourse."""
ROLE_TYPES = {"co-organisers": "joint_implementation", "partners": "cooperation", "supporters": "support"}
"""What each role listed on a label line has with the organisers."""
LABEL_OPENING = 6
"""Tokens a label word may stand from its line's start (bullets, emoji, "Our knowledge partners:")."""
MAX_HEADING = 20
"""Tokens a heading may have."""
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
BULLETS = frozenset("-*•·–—>#")
HEADING_JOINS = frozenset({"and", "&", "the", "with"})
"""Words that may join the names of a heading's one list ("A and the B", "A with B"), besides punctuation."""
LABEL_ENDS = frozenset({"by", "with", "of", "from", "to", ":"})


@dataclass(frozen=True, slots=True)
class Label:
    """A label line's role ("supporters"), the actors it lists and the text that says so."""

    role: str
    listed: tuple[End, ...]
    evidence: Span


@dataclass(frozen=True, slots=True)
class LaidOut:
    source: str
    target: str
    type: str
    evidence: Span


@cache
def _matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    for row in load_jsonl("relation_structure.jsonl"):
        matcher.add(row["role"], [row["pattern"]])
    return matcher


@cache
def _label_words() -> frozenset[str]:
    """The words some label pattern must have (the longer of its lower-case forms): a line without any holds no
    label, and the matcher need not read it."""
    words = set()
    for row in load_jsonl("relation_structure.jsonl"):
        for token in row["pattern"]:
            lower = token.get("LOWER")
            options = lower["IN"] if isinstance(lower, dict) else [lower] if lower else []
            words.update(word for word in options if len(word) > 3)
    return frozenset(words)


def laid_out(doc: Doc, index: ActorIndex) -> Iterator[LaidOut]:
    """The relations of the label lines and the headings of `doc`."""
    labels = list(_labels(doc, index))
    organisers = [label for label in labels if label.role == "organisers"]
    for _, same_line in itertools.groupby(organisers, key=lambda label: label.evidence.start):
        on_line = list(same_line)  # "Organised by A, co-organised by B and C": all three organise it together
        listed = list(dict.fromkeys(e.entity_id for label in on_line for e in label.listed))
        yield from (LaidOut(a, b, "joint_implementation", on_line[0].evidence) for a, b in itertools.combinations(listed, 2))
    for label in labels:
        if label.role == "organisers":
            continue
        hosts = _organisers_of(label, organisers) or index.organisers
        if {h.entity_id for h in hosts} & {e.entity_id for e in label.listed}:
            continue  # "Sponsored by A and B, this workshop...": the label names the organisers themselves
        for listed, host in itertools.product(label.listed, hosts):
            ends = (listed, host) if label.role == "supporters" else (host, listed)
            yield LaidOut(ends[0].entity_id, ends[1].entity_id, ROLE_TYPES[label.role], label.evidence)
    labelled = {i for label in labels for i in range(label.evidence.start, label.evidence.end)}
    yield from _headings(doc, index, labelled)


def _labels(doc: Doc, index: ActorIndex) -> Iterator[Label]:
    """Labels that open a line (after a bullet or an emoji) or follow a label on its line, with the actors listed
    after them on the line, or, when the line holds the label alone, on the lines below it ("Partners:" over a
    bulleted list), up to a line that names none."""
    lines = _Lines.of(doc)
    opening = {lines.around(i) for i in token_positions(doc, _label_words()) if i - lines.around(i)[0] <= LABEL_OPENING}
    spans = filter_spans([m for start, end in sorted(opening) for m in _matcher(doc.vocab)(doc[start:end], as_spans=True)])
    previous_line = -1
    for span in sorted(spans, key=lambda s: s.start):
        line_start, line_end = lines.around(span.start)
        if any(i in index.by_token for i in range(span.start, span.end)):
            continue  # "Partners in Health": a label word inside a name
        opens = _opens_line(doc[line_start : span.start])
        if not opens and line_start != previous_line:
            continue
        previous_line = line_start
        alone = all(not t.is_alpha for t in doc[span.end : line_end])
        if span[-1].lower_ not in LABEL_ENDS and not alone:
            continue  # "Partners from X were among...": a noun labels a list only before a colon or on its own
        following = [s.start for s in spans if span.end <= s.start < line_end]
        segment_end = min(following, default=line_end)
        listed = _listed(doc[span.end : segment_end], index)
        evidence = doc[line_start:line_end]
        if not listed and alone:
            listed, last = _listed_below(doc, line_end, index, lines)
            evidence = doc[line_start:last]
        if listed:
            yield Label(span.label_, tuple(listed), evidence)


def _opens_line(before: Span) -> bool:
    """Whether a label opens its line: nothing but bullets, emoji or the event's name stands before it ("Side event
    organised by A")."""
    return all(not t.is_alpha or t.lower_ == "side" or t.lemma_.lower() in cues().event_nouns for t in before)


@dataclass(frozen=True, slots=True)
class _Lines:
    """Where a document's lines start (token offsets), found once from the text."""

    starts: tuple[int, ...]
    doc: Doc

    @classmethod
    def of(cls, doc: Doc) -> _Lines:
        offsets = doc.to_array("IDX")
        after = {int(numpy.searchsorted(offsets, m.start(), side="right")) for m in re.finditer("\n", document_text(doc))}
        return cls(tuple(sorted({0} | after - {len(doc)})), doc)

    def around(self, i: int) -> tuple[int, int]:
        """The line token `i` is on, without the break that ends it."""
        k = bisect.bisect_right(self.starts, i) - 1
        start, end = self.starts[k], self.starts[k + 1] if k + 1 < len(self.starts) else len(self.doc)
        while end > start + 1 and self.doc[end - 1].is_space:
            end -= 1
        return start, end


def _listed(tokens: Span, index: ActorIndex) -> list[End]:
    """The actors a stretch of a line lists, from the first name in it on."""
    first = next((t for t in tokens if t.i in index.by_token), None)
    if first is None:
        return []
    return [e for e in index.actors(first, Reading(None, people=False)) if tokens.start <= _at(e, index, first) < tokens.end]


def _at(end: End, index: ActorIndex, first: Token) -> int:
    """Where the listed actor is named, from the first name on (a list never reaches back)."""
    return next((i for i in range(first.i, len(index.doc)) if index.by_token.get(i) == end.entity_id), -1)


def _listed_below(doc: Doc, i: int, index: ActorIndex, lines: _Lines) -> tuple[list[End], int]:
    """The actors of the lines from token `i` on, one list item a line, up to a blank line or a line naming none."""
    listed: list[End] = []
    while i < len(doc):
        if doc[i].is_space and "\n\n" in doc[i].text and listed:
            break
        if doc[i].is_space or doc[i].text in BULLETS:
            i += 1
            continue
        start, end = lines.around(i)
        found = _listed(doc[start:end], index)
        if not found:
            break
        listed.extend(e for e in found if e not in listed)
        i = end
    return listed, i


def _organisers_of(label: Label, organisers: list[Label]) -> list[End]:
    """The organisers a label relates to: those named on its line, else by the nearest organisers' label."""
    if not organisers:
        return []
    same_line = [o for o in organisers if o.evidence.start == label.evidence.start]
    before = [o for o in organisers if o.evidence.start <= label.evidence.start]
    chosen = (same_line or before or organisers)[-1 if same_line or before else 0]
    return list(chosen.listed)


def _headings(doc: Doc, index: ActorIndex, labelled: set[int]) -> Iterator[LaidOut]:
    """A heading (a short line without a finite verb or a closing full stop) that carries a symmetric cue as a
    head noun and one list of two or more actors, and names no other, pairs them: "Examplia and Otherland: Thirty
    Years of Partnership", "South-South Cooperation: A, B and C". A label's line is none: "Partners: A, B" names
    the organisers' partners, not partners of each other."""
    for sentence in doc.sents:
        if len(sentence) > 2 * MAX_HEADING or sentence.start in labelled:
            continue
        if len({index.by_token[i] for i in range(sentence.start, sentence.end) if i in index.by_token}) < 2:
            continue  # it pairs two actors at least: most sentences name fewer, and their words need not be read
        words = [t for t in sentence if not t.is_space]
        if not words or len(words) > MAX_HEADING or words[-1].text in ".?!" or any(t.tag_ in FINITE for t in words):
            continue
        cued = [(t, cue_kind(t.lemma_.lower(), t.lower_, t.pos_)) for t in words if t.i not in index.by_token]
        kinds = [kind for t, kind in cued if t.dep_ not in ("compound", "amod", "nmod") and t.pos_ in ("NOUN", "PROPN")
                 or kind == "joint_implementation"]  # "A / B Joint Statement"; not "Partner Update"
        kind = next((k for k in kinds if k in SYMMETRIC), None)
        named = [t.i for t in words if t.i in index.by_token]
        ids = list(dict.fromkeys(index.by_token[i] for i in named))
        if kind is None or len(ids) < 2:
            continue
        between = [t for t in index.doc[named[0] : named[-1] + 1] if t.i not in index.by_token]
        if all(t.lower_ in HEADING_JOINS or t.is_punct or t.is_space for t in between):  # one list: "A, B and C", "A-B"
            yield from (LaidOut(a, b, kind, sentence) for a, b in itertools.combinations(ids, 2))
