"""Cue words and phrases of cooperation relations (`models/relation_cues.json`), found in a sentence.

A cue is a word or phrase that states a relation of one of the six types ("partnership", "co-organised",
"memorandum of understanding"); the argument reader (`relation_arguments.py`) then looks for the actors the parse
attaches to it. Cue words inside an actor's name are no cues ("Japan International Cooperation Agency").
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from .resources import load_json

RELATION_TYPES = ("cooperation", "support", "joint_implementation", "exchange", "membership", "agreement")
SYMMETRIC = frozenset({"cooperation", "joint_implementation", "exchange", "agreement"})


@dataclass(frozen=True, slots=True)
class Cues:
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
    office_titles: frozenset[str]
    first_person: frozenset[str]
    reported_possessives: frozenset[str]
    anaphors: Mapping[str, str]
    definite_heads: frozenset[str]
    focus_heads: frozenset[str]
    pair_heads: Mapping[str, str]
    """Plural nouns that, after "both" or "the two", stand for the last two actors named of a kind ("organisation";
    "" for any)."""
    pair_determiners: frozenset[str]
    referring_modifiers: frozenset[str]
    joint_verbs: frozenset[str]
    joint_products: frozenset[str]
    """What actors make together: the event nouns and other products ("report", "project")."""
    event_nouns: frozenset[str]
    naming_verbs: frozenset[str]
    collective_nouns: frozenset[str]
    party_nouns: frozenset[str]
    position_nouns: frozenset[str]
    meeting_words: frozenset[str]
    recipient_verbs: frozenset[str]
    request_verbs: frozenset[str]
    thanking_words: frozenset[str]


@dataclass(frozen=True, slots=True)
class Cue:
    type: str
    anchor: Token
    words: tuple[Token, ...]
    """All the words of the cue ("memorandum of understanding"): arguments may hang on any of them."""



@cache
def cues() -> Cues:
    data = load_json("relation_cues.json")
    types, preps = data["types"], data["prepositions"]
    return Cues(
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
        office_titles=frozenset(data["office_titles"]),
        first_person=frozenset(data["first_person"]),
        reported_possessives=frozenset(data["reported_possessives"]),
        anaphors=data["anaphors"],
        definite_heads=frozenset(data["definite_heads"]),
        focus_heads=frozenset(data["focus_heads"]),
        pair_heads={word: kind for kind, words in data["pair_heads"].items() for word in words},
        pair_determiners=frozenset(data["pair_determiners"]),
        referring_modifiers=frozenset(data["referring_modifiers"]),
        joint_verbs=frozenset(data["joint_verbs"]),
        joint_products=frozenset(data["joint_products"]) | frozenset(data["event_nouns"]),
        event_nouns=frozenset(data["event_nouns"]),
        naming_verbs=frozenset(data["naming_verbs"]),
        collective_nouns=frozenset(data["collective_nouns"]),
        party_nouns=frozenset(data["party_nouns"]),
        position_nouns=frozenset(data["position_nouns"]),
        meeting_words=frozenset(data["meeting_words"]),
        recipient_verbs=frozenset(data["recipient_verbs"]),
        request_verbs=frozenset(data["request_verbs"]),
        thanking_words=frozenset(data["thanking_words"]),
    )


@dataclass(frozen=True, slots=True)
class Words:
    """Each token's lower-case lemma and form and its part of speech, read once per document off the hashes the
    `Doc` stores: cue matching looks at every word, and a `Token` made for each would cost more than the matching."""

    lemmas: list[str]
    lowers: list[str]
    pos: list[str]

    @classmethod
    def of(cls, doc: Doc) -> Words:
        strings, array = doc.vocab.strings, doc.to_array(["LEMMA", "LOWER", "POS"])

        def column(k: int, *, lower: bool = False) -> list[str]:
            hashes = array[:, k].tolist()
            words = {h: strings[h].lower() if lower else strings[h] for h in set(hashes)}  # each distinct word once
            return [words[h] for h in hashes]

        return cls(column(0, lower=True), column(1), column(2))


def find_cues(sentence: Span, words: Words, by_token: Mapping[int, str]) -> list[Cue]:
    """Cue words outside actor names ("Japan International Cooperation Agency" states no cooperation); a joint
    verb in the passive ("prepared by X with Y") is a joint-implementation cue, a collective noun ("a network
    of...") a membership cue."""
    data, doc = cues(), sentence.doc
    found: list[Cue] = []
    covered: set[int] = set()
    positions = [i for i in range(sentence.start, sentence.end) if i not in by_token]
    for n, i in enumerate(positions):
        first = (words.lemmas[i], words.lowers[i])  # a cue's first word by lemma: "worked with" is "work with"
        if i in covered or data.phrase_starts.isdisjoint(first):
            continue
        for phrase, kind in data.phrases:
            if phrase[0] not in first:
                continue
            span = positions[n : n + len(phrase)]
            if len(span) == len(phrase) and _phrase_goes_on(span, phrase, words):
                tokens = [doc[k] for k in span]
                found.append(Cue(kind, next((t for t in tokens if not t.is_stop and t.is_alpha), tokens[0]), tuple(tokens)))
                covered.update(span)
                break
    for i in positions:
        if i in covered or words.pos[i] not in ("NOUN", "VERB", "ADJ", "ADV", "PROPN"):
            continue
        lemma, lower = words.lemmas[i], words.lowers[i]
        prefix, width = _split_prefix(doc[i]) if i >= 1 and words.lowers[i - 1] in ("-", "co") else ("", 0)
        prefixed = data.lemmas.get(prefix + lemma) or data.lemmas.get(prefix + lower) if prefix else None
        kind = prefixed or cue_kind(lemma, lower, words.pos[i])
        collective = lemma in data.collective_nouns and words.pos[i] == "NOUN"
        if not kind and lemma not in data.joint_verbs and not collective:
            continue
        token = doc[i]
        if kind:
            found.append(Cue(kind, token, (*doc[i - width : i], token) if prefixed else (token,)))
        if collective and kind != "membership":  # "X is a network of A and B": A and B are members of X
            found.append(Cue("membership", token, (token,)))
        if kind != "joint_implementation" and lemma in data.joint_verbs and passive(token) and (
                made_jointly(token) or has_partner(token)):
            found.append(Cue("joint_implementation", token, (token,)))
    return found


def cue_kind(lemma: str, lower: str, pos: str) -> str | None:
    """The relation type a single cue word states, by lemma or as written; a title-case plural ("Grant
    Agreements", "Alliance Partners") has no lemma of its own and is looked up without its "s"."""
    data = cues()
    kind = data.lemmas.get(lemma) or data.lemmas.get(lower)
    if not kind and pos == "PROPN" and lower.endswith("s"):
        kind = data.lemmas.get(lower[:-1])
    return kind


def _split_prefix(token: Token) -> tuple[str, int]:
    """ "co-" and the number of tokens it takes when the tokenizer cut "co-sponsoring" into "co", "-", "sponsoring",
    or a transcript or text layer lost the hyphen ("co facilitated"): the cue is the whole word."""
    doc, i = token.doc, token.i
    if i >= 1 and doc[i - 1].lower_ == "co":
        return "co-", 1
    if i < 2:
        return "", 0
    prefix, hyphen = doc[i - 2], doc[i - 1]
    if hyphen.text != "-" or prefix.whitespace_ or hyphen.whitespace_ or not prefix.is_alpha:
        return "", 0
    return f"{prefix.lower_}-", 2


def _phrase_goes_on(span: list[int], phrase: tuple[str, ...], words: Words) -> bool:
    """The words after the first (which `find_cues` matched) as written; tokens must be adjacent."""
    if any(b != a + 1 for a, b in itertools.pairwise(span)):
        return False
    return [words.lowers[i] for i in span[1:]] == list(phrase[1:])


def the_event(token: Token) -> bool:
    """ "The workshop was held in collaboration with WFP": a definite event noun, the report's event."""
    modifiers = [c.dep_ for c in token.children if c.i < token.i]
    return (token.lemma_.lower() in cues().event_nouns and token.pos_ == "NOUN" and "det" in modifiers
            and not {"compound", "amod", "poss", "nmod"} & set(modifiers))


def has_partner(verb: Token) -> bool:
    """ "prepared by UNDP with the EGTT": a joint verb with a partner preposition."""
    partners = cues().target_preps["joint_implementation"]
    return verb.lemma_.lower() in cues().joint_verbs and any(
        c.dep_ == "prep" and c.lower_ in partners for c in verb.children)


def made_jointly(verb: Token, *, active: bool = False, products: frozenset[str] | None = None) -> bool:
    """ "The workshop, supported by X and Y", "Sponsored by X and Y, this workshop aims...", "Created by X and Y,
    this was the third conference": coordinated agents
    of a joint verb made one of the `products` (default: the joint products of the cue file) together; with
    `active`, "X and Y organised the workshop"."""
    data = cues()
    made_words = data.joint_products if products is None else products
    if verb.lemma_.lower() not in data.joint_verbs:
        return False
    made_deps = ("dobj",) if active else ("nsubjpass",)
    made = [c for c in verb.children if c.dep_ in made_deps] + ([verb.head] if verb.dep_ == "acl" and not active else [])
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not active:  # a fronted participle: the clause's subject,
        made += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass", "attr")]  # or what "this" was
    made += [c for conj in verb.conjuncts for c in conj.children if c.dep_ in made_deps]
    return any(t.lemma_.lower() in made_words or t.lower_ in made_words for t in made)


def passive(token: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in token.children):
        return True
    return token.dep_ == "acl" and token.tag_ == "VBN"


