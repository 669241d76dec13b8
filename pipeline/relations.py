"""Cooperation relations between countries and organisations, read from the dependency parse.

A relation needs a cue (a word or phrase of `models/relation_cues.json`) and actors that the
parse attaches to it: the subject or agent is the source, a direct object or the object of a
target preposition ("with", "to", "in") the target, "between X and Y" a pair. Coordination
distributes ("China supported in Lao PDR and Cambodia" gives two relations), a passive
participle takes its agent ("implemented jointly by the ILO and WHO"), a cue without a subject
borrows the one of the clause it sits in ("Japan has a partnership with the Bank", "the interest of
China to collaborate with the ILO"), hyphenated actors before a cue noun pair up
("ILO-Luxembourg cooperation"), and "we"/"our" stand for the speaker's institution. Some
nouns stand for an actor: "the Government of Fiji", "the University" (an actor named just
before), "the workshop" (its organisers, once the report has named them). Sharing a sentence
is not enough: that is the co-occurrence baseline, kept as a registered finder so the two can
be compared (`sidegraph evaluate --baseline cooccurrence`).
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from .resources import load_json

RELATION_TYPES = ("cooperation", "support", "joint_implementation", "exchange", "membership", "agreement")
COUNTRY_PREFIX = "country:"
"""Entity ids of countries start so (`country:LAO`); see `entities.py`."""
SYMMETRIC = frozenset({"cooperation", "joint_implementation", "exchange", "agreement"})
HYPHENS = frozenset({"-", "–", "/", "and", "&"})
CLIMB_DEPS = frozenset({"xcomp", "pcomp", "prep", "pobj", "dobj", "attr", "acomp", "advcl", "conj", "acl", "amod",
                        "compound", "nsubj", "npadvmod", "oprd", "relcl"})
CLIMB_STEPS = 4
"""Head-to-head steps a cue may climb to find its clause's subject; membership, through copulas and participles
only, may go further: "X is a network of organisations advancing dialogue as part of Y" takes six."""
MEMBERSHIP_CLIMB_STEPS = 6
MEMBERSHIP_CLIMB_DEPS = frozenset({"attr", "appos", "prep", "pobj", "acl"})

DEFINITE_REACH = 150
"""Tokens back that "the University" may point: a few sentences, about a paragraph."""
# How sure a relation is, by how its ends were found: both from the cue's own arguments, one borrowed from the
# enclosing clause or a stand-in noun, one being the speaker's institution, or only a coordination of agents.
DIRECT, INDIRECT, IMPLICIT, COORDINATED = 0.9, 0.75, 0.7, 0.6
REFERRED = 0.6
"""An end read from the context, not the sentence: "the Government", "both countries", "these exchanges with X"."""


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


class RelationFinder(Protocol):
    """What the extractor calls: relations among `actors` in `doc`; `implicit` maps sentence starts to the actor
    "we" means there."""

    def __call__(self, doc: Doc, actors: list[ActorMention], *, implicit: Mapping[int, str] | None = None
                 ) -> list[RelationMatch]: ...


@dataclass(frozen=True, slots=True)
class _Cues:
    lemmas: Mapping[str, str]
    phrases: tuple[tuple[tuple[str, ...], str], ...]
    phrase_starts: frozenset[str]
    """The first words of the phrases: most tokens start none, and need not be tried against each."""
    source_preps: frozenset[str]
    target_preps: Mapping[str, frozenset[str]]
    pair_preps: frozenset[str]
    country_preps: Mapping[str, frozenset[str]]
    of_role: Mapping[str, str]
    of_agent_nouns: frozenset[str]
    proxy_heads: frozenset[str]
    first_person: frozenset[str]
    reported_subjects: frozenset[str]
    definite_heads: frozenset[str]
    focus_heads: frozenset[str]
    pair_determiners: frozenset[str]
    referring_modifiers: frozenset[str]
    joint_verbs: frozenset[str]
    joint_products: frozenset[str]
    """What actors make together: the event nouns and other products ("report", "project")."""
    event_nouns: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Cue:
    type: str
    anchor: Token
    words: tuple[Token, ...]
    """All the words of the cue ("memorandum of understanding"): arguments may hang on any of them."""


@dataclass(frozen=True, slots=True)
class _End:
    """One actor at one end of a relation and how sure we are it belongs there."""

    entity_id: str
    confidence: float


@cache
def _cues() -> _Cues:
    data = load_json("relation_cues.json")
    types, preps = data["types"], data["prepositions"]
    return _Cues(
        lemmas={lemma: kind for kind in RELATION_TYPES for lemma in types[kind]["lemmas"]},
        phrases=tuple(sorted(((tuple(p.lower().split()), kind) for kind in RELATION_TYPES
                              for p in types[kind]["phrases"]), key=lambda item: -len(item[0]))),
        phrase_starts=frozenset(p.lower().split()[0] for kind in RELATION_TYPES for p in types[kind]["phrases"]),
        source_preps=frozenset(preps["source"]),
        target_preps={kind: frozenset(words) for kind, words in preps["target"].items()},
        pair_preps=frozenset(preps["pair"]),
        country_preps={kind: frozenset(words) for kind, words in preps["country"].items()},
        of_role=preps["of"],
        of_agent_nouns=frozenset(preps["of_agent_nouns"]),
        proxy_heads=frozenset(data["proxy_heads"]),
        first_person=frozenset(data["first_person"]),
        reported_subjects=frozenset(data["reported_subjects"]),
        definite_heads=frozenset(data["definite_heads"]),
        focus_heads=frozenset(data["focus_heads"]),
        pair_determiners=frozenset(data["pair_determiners"]),
        referring_modifiers=frozenset(data["referring_modifiers"]),
        joint_verbs=frozenset(data["joint_verbs"]),
        joint_products=frozenset(data["joint_products"]) | frozenset(data["event_nouns"]),
        event_nouns=frozenset(data["event_nouns"]),
    )


def find_relations(doc: Doc, actors: list[ActorMention], *, implicit: Mapping[int, str] | None = None
                   ) -> list[RelationMatch]:
    """Relations stated in each sentence, one per (source, target, type, sentence), the surest reading kept.
    `implicit` maps a sentence start to the speaker's institution, the referent of "we" in that speaker's words."""
    resolver = _ActorIndex(doc, actors)
    found: dict[tuple[str, str, str, int], RelationMatch] = {}
    for sentence in doc.sents:
        speaker = (implicit or {}).get(sentence.start)
        for cue in _find_cues(sentence, resolver):
            relations = _relations_at(cue, resolver, speaker)
            if relations:
                resolver.previous = (cue.anchor.i, tuple(dict.fromkeys(source for source, *_ in relations)))
            for source, target, kind, confidence in relations:
                key = (source, target, kind, sentence.start)
                if key not in found or found[key].confidence < confidence:
                    found[key] = RelationMatch(source, target, kind, sentence, confidence)
    return sorted(found.values(), key=lambda m: (m.sentence.start, m.source, m.target, m.type))


def cooccurrence_relations(doc: Doc, actors: list[ActorMention], *, implicit: Mapping[int, str] | None = None
                           ) -> list[RelationMatch]:
    """The baseline generic tools use: every pair of actors in a sentence is linked (`implicit` is ignored)."""
    found = []
    for sentence in doc.sents:
        ids = sorted({a.entity_id for a in actors if sentence.start <= a.start and a.end <= sentence.end})
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


# ---------------------------------------------------------------------------------------------- actors
class _ActorIndex:
    """Which actor a token names, including stand-ins: "the Government of Fiji", "our", "the University"; it also
    remembers, sentence after sentence, who organised the report's event."""

    def __init__(self, doc: Doc, actors: Iterable[ActorMention]) -> None:
        self.doc = doc
        self.by_token: dict[int, str] = {}
        self.mentions = sorted(actors, key=lambda a: a.start)
        self.organisers: list[_End] = []
        """Who organised the event the report is about, once a sentence has said so (the first such sentence:
        later ones are mostly other events announced)."""
        self.previous: tuple[int, tuple[str, ...]] = (-1, ())
        """Where the last relation found was stated and its sources, for "these exchanges" further on."""
        self.words = _Words.of(doc)
        self.paragraphs = [i + 1 for i, word in enumerate(self.words.lowers) if "\n\n" in word]
        """Token offsets where a paragraph (text after a blank line) starts: after a space token with a blank line
        (a token's own trailing whitespace is one space at most)."""
        for actor in self.mentions:
            for i in range(actor.start, actor.end):
                self.by_token.setdefault(i, actor.entity_id)

    def actors(self, token: Token, speaker: str | None) -> list[_End]:
        """The actors `token` names, with those coordinated to it ("X, Y and Z", "such as X")."""
        ends: list[_End] = []
        for member in self._coordinated(token):
            ends.extend(self._named(member, speaker, depth=0))
        return _unique(ends)

    def _coordinated(self, token: Token) -> list[Token]:
        """The token and its conjuncts, also those the parser hung on a word inside an actor's name
        ("NEF; IT for Change; ITeM": "ITeM" as a conjunct of "Change")."""
        members = [token]
        for member in members:
            span = self._mention_tokens(member)
            members.extend(c for t in span for c in t.conjuncts if c not in members and c not in span)
        return members

    def _mention_tokens(self, token: Token) -> list[Token]:
        """The words of the name `token` is in: a proper name the gazetteers do not know ("IT for Change"), or an
        actor's mention with the rest of its name when the mention stops short ("the University of Lagos for
        Science and Technology and Boston University": the parser hangs the second on "Science")."""
        entity_id = self.by_token.get(token.i)
        if entity_id is None:
            return _proper_name(token)
        start, end = token.i, token.i + 1
        while start > 0 and self.by_token.get(start - 1) == entity_id:
            start -= 1
        while end < len(self.doc) and self.by_token.get(end) == entity_id:
            end += 1
        words = list(self.doc[start:end])
        return words + [t for word in words for t in _proper_name(word) if t not in words and t.i not in self.by_token]

    def _named(self, token: Token, speaker: str | None, depth: int) -> list[_End]:
        cues = _cues()
        if token.i in self.by_token:
            parent = self._parent(token) if token.lower_ in cues.proxy_heads else self._country_office(token)
            return [_End(parent or self.by_token[token.i], DIRECT)]
        if depth > 2:
            return []
        lower = token.lower_
        if lower in cues.first_person:
            return [_End(speaker, IMPLICIT)] if speaker else []
        if lower in cues.reported_subjects and token.dep_ == "nsubj":
            return self._reporter(token)
        if token.pos_ == "PROPN":  # "Data for Good (DfG)": an unknown name glossed by a known acronym
            glossed = [t for name in _proper_name(token) for t in name.children
                       if t.dep_ == "appos" and t.i in self.by_token and t.nbor(-1).text == "("]
            if glossed:
                return [_End(self.by_token[glossed[0].i], INDIRECT)]
        examples = [c for child in token.children if child.dep_ == "prep" and child.lower_ in ("as", "including")
                    for c in child.children if c.dep_ == "pobj"]
        named = [end for c in examples for member in (c, *c.conjuncts) for end in self._named(member, speaker, depth + 1)]
        if named:
            return named
        if token.lemma_.lower() in cues.proxy_heads or lower in cues.proxy_heads:
            attached = [c for child in token.children if child.dep_ == "prep" and child.lower_ == "of"
                        for c in child.children if c.dep_ == "pobj"]
            attached += [c for c in token.children if c.dep_ in ("poss", "compound", "amod")]
            named = [_End(e.entity_id, min(e.confidence, INDIRECT)) for c in attached
                     for member in (c, *c.conjuncts) for e in self._named(member, speaker, depth + 1)]
            if named:
                return named
        if token.pos_ == "NOUN":  # "India's digital ecosystem", "the WHO Fiji office": the owner stands for it
            owners = sorted(t for c in token.lefts if c.dep_ in ("poss", "compound") for t in c.subtree)
            named = [_End(e.entity_id, min(e.confidence, INDIRECT)) for c in owners for e in self._named(c, speaker, depth + 1)]
            if named:
                return named[:1]
        return self._definite(token) or self._in_focus(token)

    def _parent(self, token: Token) -> str | None:
        """ "FAO Regional Office": an office, secretariat or delegation named after its institution stands for it."""
        own = self.by_token[token.i]
        for child in token.lefts:
            if child.dep_ in ("compound", "poss") and self.by_token.get(child.i, own) != own:
                return self.by_token[child.i]
        return None

    def _country_office(self, token: Token) -> str | None:
        """ "UNDP Philippines", "UNICEF Kenya": a country after an organisation's name is where its office is; the
        organisation acts. Not so in front of a noun or after a hyphen: "ILO-Luxembourg cooperation", "the EU India
        agreement" pair the two."""
        if not self.by_token[token.i].startswith(COUNTRY_PREFIX) or token.dep_ == "compound":
            return None
        offices = [self.by_token[c.i] for c in token.lefts
                   if c.dep_ == "compound" and c.i in self.by_token and c.whitespace_ and c.i == token.i - 1]
        return next((o for o in offices if not o.startswith(COUNTRY_PREFIX)), None)

    def _definite(self, token: Token) -> list[_End]:
        """ "the University", "the Programme": of the actors named shortly before and with that word in one of
        their names ("UWI", also written "University of the West Indies"), the one named most often (the
        report's subject, not an institution in passing), the nearest on a tie."""
        if token.lower_ not in _cues().definite_heads or not token.is_title:
            return []
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return []
        if any(c.dep_ in ("compound", "amod", "poss") or c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return []
        word = token.lower_
        called = {a.entity_id for a in self.mentions if word in {t.lower_ for t in self.doc[a.start : a.end]}}
        named = [a for a in self.mentions if a.entity_id in called and 0 <= token.i - a.end <= DEFINITE_REACH]
        counts = Counter(a.entity_id for a in named)
        best = max(reversed(named), key=lambda a: counts[a.entity_id], default=None)
        return [_End(best.entity_id, INDIRECT)] if best else []

    def paragraph_start(self, i: int, *, back: int = 0) -> int:
        """Where the paragraph of token `i` starts, or with `back` the one so many paragraphs before it."""
        before = bisect.bisect_right(self.paragraphs, i) - back
        return self.paragraphs[before - 1] if before > 0 else 0

    def countries_before(self, i: int, count: int, *, besides: Iterable[str] = ()) -> list[str]:
        """The last `count` countries named before token `i` in its paragraph or the one before (a report's
        paragraph may open on "At the meeting, both countries..." after the one that named them); fewer when
        those name fewer."""
        start, skip, named = self.paragraph_start(i, back=1), set(besides), list[str]()
        for actor in reversed(self.mentions):
            if actor.start < start or len(named) == count:
                break
            if actor.end <= i and actor.entity_id.startswith(COUNTRY_PREFIX) and actor.entity_id not in {*named, *skip}:
                named.append(actor.entity_id)
        return named

    def _in_focus(self, token: Token) -> list[_End]:
        """ "The Government has requested", "in the country", "both countries can learn from each other": the
        country, or the two, that the paragraph is about."""
        cues = _cues()
        if token.lemma_.lower() not in cues.focus_heads or any(
                c.dep_ in ("compound", "amod", "poss", "nmod") or c.dep_ == "prep" and c.lower_ == "of"
                for c in token.children):
            return []
        determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "nummod")}
        plural = token.tag_ in ("NNS", "NNPS")
        wanted = 2 if plural and determiners & cues.pair_determiners else 1 if not plural and "the" in determiners else 0
        named = self.countries_before(token.i, wanted) if wanted else []
        return [_End(entity_id, REFERRED) for entity_id in named] if len(named) == wanted else []

    def event_organisers(self, token: Token) -> list[_End]:
        """ "The workshop was held in collaboration with WFP": as the subject of a clause, the report's event stands
        for those who organised it."""
        return [_End(e.entity_id, INDIRECT) for e in self.organisers] if _the_event(token) else []

    def _reporter(self, pronoun: Token) -> list[_End]:
        """ "The WFP Director Dr X said they ...": the one actor named in the subject of the reporting verb."""
        clause = pronoun.head
        if clause.dep_ != "ccomp":
            return []
        reporters = [c for c in clause.head.children if c.dep_ == "nsubj"]
        named = {self.by_token[t.i] for r in reporters for t in r.subtree if t.i in self.by_token}
        return [_End(named.pop(), IMPLICIT)] if len(named) == 1 else []


def _proper_name(token: Token) -> list[Token]:
    """A proper noun with the "of"/"for" phrases that continue its name ("IT for Change", "League of Arab States")."""
    name = [token]
    for word in name:
        name.extend(o for p in word.children if p.dep_ == "prep" and p.lower_ in ("of", "for", "on")
                    for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN")
    return name


def _unique(ends: Iterable[_End]) -> list[_End]:
    best: dict[str, _End] = {}
    for end in ends:
        if end.entity_id not in best or best[end.entity_id].confidence < end.confidence:
            best[end.entity_id] = end
    return list(best.values())


# ---------------------------------------------------------------------------------------------- cues
@dataclass(frozen=True, slots=True)
class _Words:
    """Each token's lower-case lemma and form and its part of speech, read once per document off the hashes the
    `Doc` stores: cue matching looks at every word, and a `Token` made for each would cost more than the matching."""

    lemmas: list[str]
    lowers: list[str]
    pos: list[str]

    @classmethod
    def of(cls, doc: Doc) -> _Words:
        strings, array = doc.vocab.strings, doc.to_array(["LEMMA", "LOWER", "POS"])

        def column(k: int, *, lower: bool = False) -> list[str]:
            hashes = array[:, k].tolist()
            words = {h: strings[h].lower() if lower else strings[h] for h in set(hashes)}  # each distinct word once
            return [words[h] for h in hashes]

        return cls(column(0, lower=True), column(1), column(2))


def _find_cues(sentence: Span, index: _ActorIndex) -> list[_Cue]:
    """Cue words outside actor names ("Japan International Cooperation Agency" states no cooperation); a joint
    verb in the passive ("prepared by X with Y") is a joint-implementation cue."""
    cues, doc, words = _cues(), sentence.doc, index.words
    found: list[_Cue] = []
    covered: set[int] = set()
    positions = [i for i in range(sentence.start, sentence.end) if i not in index.by_token]
    for n, i in enumerate(positions):
        first = (words.lemmas[i], words.lowers[i])  # a cue's first word by lemma: "worked with" is "work with"
        if i in covered or cues.phrase_starts.isdisjoint(first):
            continue
        for phrase, kind in cues.phrases:
            if phrase[0] not in first:
                continue
            span = positions[n : n + len(phrase)]
            if len(span) == len(phrase) and _phrase_goes_on(span, phrase, words):
                tokens = [doc[k] for k in span]
                found.append(_Cue(kind, next((t for t in tokens if not t.is_stop and t.is_alpha), tokens[0]), tuple(tokens)))
                covered.update(span)
                break
    for i in positions:
        if i in covered or words.pos[i] not in ("NOUN", "VERB", "ADJ", "ADV", "PROPN"):
            continue
        lemma, lower = words.lemmas[i], words.lowers[i]
        prefix = _split_prefix(doc[i]) if i >= 2 and words.lowers[i - 1] == "-" else ""
        prefixed = cues.lemmas.get(prefix + lemma) or cues.lemmas.get(prefix + lower) if prefix else None
        kind = prefixed or cues.lemmas.get(lemma) or cues.lemmas.get(lower)
        if not kind and lemma not in cues.joint_verbs:
            continue
        token = doc[i]
        if kind:
            found.append(_Cue(kind, token, (*doc[i - 2 : i], token) if prefixed else (token,)))
        if kind != "joint_implementation" and lemma in cues.joint_verbs and _passive(token) and (
                _made_jointly(token) or _has_partner(token)):
            found.append(_Cue("joint_implementation", token, (token,)))
    return found


def _split_prefix(token: Token) -> str:
    """ "co-" when the tokenizer cut "co-sponsoring" into "co", "-", "sponsoring": the cue is the whole word."""
    if token.i < 2:
        return ""
    prefix, hyphen = token.doc[token.i - 2], token.doc[token.i - 1]
    if hyphen.text != "-" or prefix.whitespace_ or hyphen.whitespace_ or not prefix.is_alpha:
        return ""
    return f"{prefix.lower_}-"


def _phrase_goes_on(span: list[int], phrase: tuple[str, ...], words: _Words) -> bool:
    """The words after the first (which `_find_cues` matched) as written; tokens must be adjacent."""
    if any(b != a + 1 for a, b in itertools.pairwise(span)):
        return False
    return [words.lowers[i] for i in span[1:]] == list(phrase[1:])


# ---------------------------------------------------------------------------------------------- arguments
@dataclass(frozen=True, slots=True)
class _Arguments:
    sources: list[_End]
    targets: list[_End]
    pair: list[_End]
    joint: bool
    """The sources are coordinated agents of a joint verb in the passive ("sponsored by X and Y"): they act
    together, whatever they did for the target."""
    open_target: bool
    """The cue has a prepositional target, an actor or not ("X and Y held events in conjunction with the Week")."""
    countries: list[_End]
    """Countries where the source acts ("its engagement in Chad"): the source supports them."""


def _relations_at(cue: _Cue, index: _ActorIndex, speaker: str | None) -> list[tuple[str, str, str, float]]:
    args = _arguments(cue, index, speaker)
    kind = cue.type
    ends: list[tuple[_End, _End, str]] = []
    if len(args.pair) >= 2:
        ends += [(a, b, kind) for a, b in itertools.combinations(args.pair, 2)]
    else:
        ends += [(a, b, kind) for a in args.sources for b in args.targets]
        ends += [(a, b, "support") for a in args.sources for b in args.countries if b not in args.targets]
        if args.joint:  # inferred from the coordination alone, hence less sure
            ends += [(_End(a.entity_id, min(a.confidence, COORDINATED)), b, "joint_implementation")
                     for a, b in itertools.combinations(args.sources, 2)]
        elif len(args.sources) >= 2 and kind in SYMMETRIC and not args.open_target:
            ends += [(a, b, kind) for a, b in itertools.combinations(args.sources, 2)]
    return [(a.entity_id, b.entity_id, k, round(min(a.confidence, b.confidence), 2))
            for a, b, k in ends if a.entity_id != b.entity_id]


def _arguments(cue: _Cue, index: _ActorIndex, speaker: str | None) -> _Arguments:
    anchor = cue.anchor
    modifier = anchor.dep_ in ("amod", "advmod", "npadvmod") and anchor.head.pos_ in ("NOUN", "VERB", "PROPN")
    bearer = anchor.head if modifier else anchor
    passive = _passive(bearer)
    slots: dict[str, list[_End]] = {"source": [], "target": [], "pair": [], "country": []}
    open_target = False
    for head in dict.fromkeys((*cue.words, bearer)):
        for child in head.children:
            for slot, tokens in _slots(child, cue.type, passive, bearer):
                slots[slot].extend(end for token in tokens for end in index.actors(token, speaker))
                open_target |= slot == "target" and child.dep_ == "prep" and bool(tokens)
    sources, targets, pair = slots["source"], slots["target"], slots["pair"]
    countries = [end for end in slots["country"] if end.entity_id.startswith(COUNTRY_PREFIX)]
    if cue.type == "support" and _position_support(bearer, index):
        return _Arguments([], [], [], joint=False, open_target=False, countries=[])
    if passive and bearer.dep_ in ("acl", "relcl") and cue.type != "joint_implementation":
        targets.extend(index.actors(bearer.head, speaker))  # "the campus, which was funded by X": the patient
    if bearer.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") and c.dep_ == "nsubj" for c in bearer.children):
        sources.extend(index.actors(bearer.head, speaker))  # "Ozone, which partners with X"
    if bearer.pos_ in ("NOUN", "PROPN"):
        modifiers = _modifier_actors(bearer, index, speaker)
        if len(modifiers) >= 2 and _hyphen_joined(bearer, index):
            pair.extend(modifiers)
        else:
            sources.extend(modifiers)
    if not sources and not pair:
        sources = _clause_subject(cue, bearer, index, speaker)
    if targets and not pair and all(s.confidence < DIRECT for s in sources) and _referring(bearer):
        sources = [*sources, *_referred_sources(bearer, index, {t.entity_id for t in targets})]
    if cue.type == "support" and not targets:
        targets, countries = _beneficiaries(bearer, index, speaker, countries)
    sources, pair = _unique(sources), _unique(pair)
    targets = _unique(t for t in targets if all(t.entity_id != s.entity_id for s in sources))
    joint = passive and len(sources) >= 2 and _made_jointly(bearer)
    if not index.organisers and cue.type == "joint_implementation" and sources and _made_jointly(
            bearer, active=not passive, products=_cues().event_nouns):
        index.organisers = sources
    return _Arguments(sources, targets, pair, joint, open_target, _unique(countries))


def _referring(noun: Token) -> bool:
    """ "these exchanges", "bilateral cooperation": a relation whose other party the reader already knows."""
    return noun.pos_ == "NOUN" and any(c.lower_ in _cues().referring_modifiers for c in noun.lefts)


def _referred_sources(noun: Token, index: _ActorIndex, targets: set[str]) -> list[_End]:
    """Who "these exchanges with X" are of: the sources of the paragraph's previous relation, or else the
    country the paragraph is about."""
    where, sources = index.previous
    if where >= index.paragraph_start(noun.i) and set(sources) - targets:
        return [_End(s, REFERRED) for s in sources if s not in targets]
    return [_End(s, REFERRED) for s in index.countries_before(noun.i, 1, besides=targets)]


def _slots(child: Token, kind: str, passive: bool, bearer: Token) -> list[tuple[str, list[Token]]]:
    """Which end a child of the cue fills. A "with"-like preposition opens a target slot even when its object
    names no actor, so coordinated subjects are then not paired with each other. Joint implementation takes
    partners only ("organised with X"), never what was organised. "A partnership of X and Y", a symmetric cue
    noun with coordinated actors after "of", pairs them."""
    cues = _cues()
    dep, word = child.dep_, child.lower_
    verb = bearer.pos_ in ("VERB", "AUX")
    objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
    if dep == "agent" or dep == "prep" and word in cues.source_preps:
        return [("source", objects)]
    if dep == "prep" and word in cues.pair_preps:
        return [("pair", objects)]
    if dep == "prep" and word == "of":
        agent_noun = bearer.lemma_.lower() in cues.of_agent_nouns or bearer.lower_ in cues.of_agent_nouns
        if kind in SYMMETRIC and not agent_noun and bearer.dep_ != "pobj" and any(o.conjuncts for o in objects):
            return [("pair", objects)]
        return [("target" if agent_noun else cues.of_role.get(kind, "target"), objects)]
    if dep == "prep" and word in cues.target_preps.get(kind, ()):
        return [("target", objects)]
    if dep == "prep" and word in cues.country_preps.get(kind, ()):
        return [("country", objects)]
    if verb and dep in ("nsubj", "csubj"):
        return [("source", [child])]
    if kind != "joint_implementation" and verb and (dep == "nsubjpass" and passive or dep in ("dobj", "dative")):
        return [("target", [child])]
    return []


def _beneficiaries(bearer: Token, index: _ActorIndex, speaker: str | None, countries: list[_End]
                   ) -> tuple[list[_End], list[_End]]:
    """ "A study in Türkiye was completed with the support of Norway": support given through a clause goes to
    the clause's subject, or to the country it took place in."""
    prep = bearer.head
    if bearer.dep_ != "pobj" or prep.lower_ not in ("with", "through", "under") or prep.head.pos_ not in ("VERB", "AUX"):
        return [], countries
    subjects = [c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    places = [p for s in subjects for child in s.children if child.dep_ == "prep" and child.lower_ in _cues().country_preps["support"]
              for p in child.children if p.dep_ == "pobj"]
    located = [e for p in places for e in index.actors(p, speaker) if e.entity_id.startswith(COUNTRY_PREFIX)]
    return [e for s in subjects for e in index.actors(s, speaker)], countries + located


def _position_support(verb: Token, index: _ActorIndex) -> bool:
    """ "Peru, supported by Chile, emphasized ...": backing a speaker's position in a debate, not
    support of the cooperation kind."""
    subject = verb.head
    return (verb.dep_ == "acl" and subject.dep_ == "nsubj" and subject.i in index.by_token
            and verb.i > 0 and verb.nbor(-1).text == ",")


def _the_event(token: Token) -> bool:
    """ "The workshop was held in collaboration with WFP": a definite event noun, the report's event."""
    modifiers = [c.dep_ for c in token.children if c.i < token.i]
    return (token.lemma_.lower() in _cues().event_nouns and token.pos_ == "NOUN" and "det" in modifiers
            and not {"compound", "amod", "poss", "nmod"} & set(modifiers))


def _has_partner(verb: Token) -> bool:
    """ "prepared by UNDP with the EGTT": a joint verb with a partner preposition."""
    partners = _cues().target_preps["joint_implementation"]
    return verb.lemma_.lower() in _cues().joint_verbs and any(
        c.dep_ == "prep" and c.lower_ in partners for c in verb.children)


def _made_jointly(verb: Token, *, active: bool = False, products: frozenset[str] | None = None) -> bool:
    """ "The workshop, supported by X and Y", "Sponsored by X and Y, this workshop aims...": coordinated agents
    of a joint verb made one of the `products` (default: the joint products of the cue file) together; with
    `active`, "X and Y organised the workshop"."""
    cues = _cues()
    made_words = cues.joint_products if products is None else products
    if verb.lemma_.lower() not in cues.joint_verbs:
        return False
    made_deps = ("dobj",) if active else ("nsubjpass",)
    made = [c for c in verb.children if c.dep_ in made_deps] + ([verb.head] if verb.dep_ == "acl" and not active else [])
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not active:  # a fronted participle: the clause's subject
        made += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    made += [c for conj in verb.conjuncts for c in conj.children if c.dep_ in made_deps]
    return any(t.lemma_.lower() in made_words or t.lower_ in made_words for t in made)


def _passive(token: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in token.children):
        return True
    return token.dep_ == "acl" and token.tag_ == "VBN"


def _modifier_actors(noun: Token, index: _ActorIndex, speaker: str | None) -> list[_End]:
    """Actors in front of a cue noun: "Australia's partnership", "the Fund's engagement", "ILO-Luxembourg cooperation"."""
    ends: list[_End] = []
    for child in noun.lefts:
        if child.dep_ in ("poss", "compound", "nmod", "amod"):
            ends.extend(index.actors(child, speaker))
            ends.extend(e for t in child.subtree if t.i != child.i and t.i in index.by_token
                        for e in [_End(index.by_token[t.i], DIRECT)])
    return _unique(ends)


def _hyphen_joined(noun: Token, index: _ActorIndex) -> bool:
    """Two actors in front of the noun joined by a hyphen, slash or "and" ("EU-India collaboration")."""
    doc = noun.doc
    left = min((t.i for child in noun.lefts for t in child.subtree), default=noun.i)
    tokens = doc[left : noun.i]
    ids = [index.by_token.get(t.i) for t in tokens]
    return any(ids[k - 1] and ids[k + 1] and ids[k - 1] != ids[k + 1] and tokens[k].lower_ in HYPHENS
               for k in range(1, len(tokens) - 1))


def _clause_subject(cue: _Cue, bearer: Token, index: _ActorIndex, speaker: str | None) -> list[_End]:
    """The source of a cue without its own: the subject of the clause it sits in ("Japan has a partnership with
    the Bank", "the GBN is a platform for enterprises to support the ILO") or the owner of the noun it completes
    ("the Court's desire to partner with Ghana"). Membership climbs only through "be" ("X is a member of Y"):
    "X hosted members of Y" makes no member of X. A noun a cue describes is no subject of that cue: "partner
    countries including X and Y support ..." names the partners of someone else, not partners of each other."""
    allowed = MEMBERSHIP_CLIMB_DEPS if cue.type == "membership" else CLIMB_DEPS
    token = bearer
    for _ in range(MEMBERSHIP_CLIMB_STEPS if cue.type == "membership" else CLIMB_STEPS):
        if token.dep_ not in allowed or token.head is token:
            return []
        came_from, token = token, token.head
        if came_from.dep_ == "pcomp" and token.lower_ == "for":
            return _thanked(token, index, speaker)
        if token.pos_ in ("VERB", "AUX"):
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c != bearer]
            found = [e for s in subjects for e in index.actors(s, speaker) or index.event_organisers(s)]
            if subjects and (found or came_from.dep_ not in ("relcl", "acl")):
                return [_End(e.entity_id, min(e.confidence, INDIRECT)) for e in found]
        elif token.pos_ in ("NOUN", "PROPN"):
            if came_from.dep_ == "conj" or token.i in index.by_token:  # a list item or a name owns no cue
                return []
            owners = [c for c in token.children if c.dep_ == "poss"]
            owners += [c for child in token.children if child.dep_ == "prep" and child.lower_ == "of"
                       for c in child.children if c.dep_ == "pobj" and c != bearer and not c.is_ancestor(bearer)]
            found = [e for o in owners for e in index.actors(o, speaker)]
            if found:
                return [_End(e.entity_id, min(e.confidence, INDIRECT)) for e in found]
    return []


def _thanked(prep: Token, index: _ActorIndex, speaker: str | None) -> list[_End]:
    """ "thanked Japan for supporting", "gratitude to the Governments of A and B for continuing to be a partner":
    whoever is thanked does what "for" introduces."""
    head = prep.head
    objects = [c for c in head.children if c.dep_ == "dobj"]
    thanked = objects + [o for word in (head, *objects) for p in word.children if p.dep_ == "prep" and p.lower_ == "to"
                         for o in p.children if o.dep_ == "pobj"]
    found = [e for t in thanked for e in index.actors(t, speaker)]
    return [_End(e.entity_id, min(e.confidence, INDIRECT)) for e in found]
