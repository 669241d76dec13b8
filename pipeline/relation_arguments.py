"""The actors a cue's parse attaches to it, and the relations they make.

The subject or agent of a cue is its source, a direct object or the object of a target preposition ("with", "to",
"in") its target, "between X and Y" a pair. Coordination distributes ("China supported in Lao PDR and Cambodia"
gives two relations), a passive participle takes its agent ("implemented jointly by the ILO and WHO"), a cue without
a subject borrows the one of the clause it sits in ("Japan has a partnership with the Bank", "the interest of China
to collaborate with the ILO"), and hyphenated actors before a cue noun pair up ("ILO-Luxembourg cooperation").
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from spacy.tokens import Token

from .discourse import COUNTRY_PREFIX, Party
from .relation_actors import COORDINATED, DIRECT, INDIRECT, REFERRED, ActorIndex, End, Reading, on_behalf_of, prep_objects, unique
from .relation_cues import SYMMETRIC, Cue, cues, made_jointly, passive, the_event

HYPHENS = frozenset({"-", "–", "/", "and", "&"})
CLIMB_DEPS = frozenset({"xcomp", "pcomp", "prep", "pobj", "dobj", "attr", "acomp", "advcl", "conj", "acl", "amod",
                        "compound", "nsubj", "npadvmod", "oprd", "relcl"})
CLIMB_STEPS = 4
"""Head-to-head steps a cue may climb to find its clause's subject; membership, through copulas and participles
only, may go further: "X is a network of organisations advancing dialogue as part of Y" takes six."""
MEMBERSHIP_CLIMB_STEPS = 6
MEMBERSHIP_CLIMB_DEPS = frozenset({"attr", "appos", "prep", "pobj", "acl"})
GIVEN_TO = frozenset({"to"})
"""The preposition of whom a giving verb gives to ("extended a grant to X")."""
TOPIC_PREPS = frozenset({"on", "regarding", "concerning", "about"})
"""Prepositions of what a relation is about, on whose object the parser often hangs its partner ("cooperation on
fisheries with Fiji")."""
OWNING_PREPS = frozenset({"in", "through", "under"})
"""Prepositions that hang a cue on the actor whose relation it is: "UNDP in partnership with X"."""
PEOPLE_ACT_IN = frozenset({"agreement", "cooperation", "exchange"})
"""The relations in which a person named as a party stands for the country or institution they act for (signatories,
delegates, partners); "X was assisted by rapporteur Y" is no support between their countries."""


@dataclass(frozen=True, slots=True)
class Arguments:
    sources: list[End]
    targets: list[End]
    pair: list[End]
    joint: bool
    """The sources are coordinated agents of a joint verb in the passive ("sponsored by X and Y"): they act
    together, whatever they did for the target."""
    open_target: bool
    """The cue has a prepositional target, an actor or not ("X and Y held events in conjunction with the Week")."""
    countries: list[End]
    """Countries where the source acts ("its engagement in Chad"): the source supports them."""


def relations_at(cue: Cue, index: ActorIndex, speaker: Party | None) -> list[tuple[str, str, str, float]]:
    args = _arguments(cue, index, Reading(speaker, people=cue.type in PEOPLE_ACT_IN))
    kind = cue.type
    ends: list[tuple[End, End, str]] = []
    if len(args.pair) >= 2:
        ends += [(a, b, kind) for a, b in itertools.combinations(args.pair, 2)]
    else:
        ends += [(a, b, kind) for a in args.sources for b in args.targets]
        ends += [(a, b, "support") for a in args.sources for b in args.countries if b not in args.targets]
        if args.joint:  # inferred from the coordination alone, hence less sure
            ends += [(a.at_most(COORDINATED), b, "joint_implementation")
                     for a, b in itertools.combinations(args.sources, 2)]
        elif len(args.sources) >= 2 and kind in SYMMETRIC and not args.open_target:
            ends += [(a, b, kind) for a, b in itertools.combinations(args.sources, 2)]
        if kind == "joint_implementation" and _hosted_together(cue.anchor):  # "X hosted an event with A and B"
            ends += [(a, b, kind) for a, b in itertools.combinations(args.targets, 2)]
    return [(a.entity_id, b.entity_id, k, round(min(a.confidence, b.confidence), 2))
            for a, b, k in ends if a.entity_id != b.entity_id and a.institution_only == b.institution_only]


def _arguments(cue: Cue, index: ActorIndex, reading: Reading) -> Arguments:
    anchor = cue.anchor
    modifier = (anchor.dep_ in ("amod", "advmod", "npadvmod") and anchor.head.pos_ in ("NOUN", "VERB", "PROPN")
                and (anchor.pos_ in ("ADJ", "ADV") or anchor.tag_ in ("VBG", "VBN")))  # not "dear members" greeted
    bearer = anchor.head if modifier else anchor
    if cue.type == "membership" and bearer.lemma_.lower() in cues().collective_nouns:
        return _collective(bearer, index, reading)
    is_passive = passive(bearer)
    slots: dict[str, list[End]] = {"source": [], "target": [], "pair": [], "country": []}
    open_target = False
    named = [a for o in bearer.children if o.dep_ == "dobj" for a in o.children  # "an event titled “X” with A"
             if a.dep_ == "acl" and a.lemma_.lower() in cues().naming_verbs]
    topics = [o for c in bearer.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS  # "cooperation on X with Y"
              for o in c.children if o.dep_ == "pobj"] if cue.type in PEOPLE_ACT_IN else []
    for head in dict.fromkeys((*cue.words, bearer, *named)):
        for child in head.children:
            for slot, tokens in _slots(child, cue.type, is_passive, bearer):
                slots[slot].extend(end for token in tokens for end in index.actors(token, reading))
                open_target |= slot == "target" and child.dep_ == "prep" and bool(tokens)
    slots["target"] += [e for topic in topics for o in prep_objects(topic, "with") for e in index.actors(o, reading)]
    for word in _hung_on_a_name(cue, index):  # "UNDP, together with UNEP and FAO, launched"
        slots["source"] += index.actors(word.head, reading)
        slots["target"] += [e for o in word.children if o.dep_ == "pobj" for e in index.actors(o, reading)]
    sources, targets, pair = slots["source"], slots["target"], slots["pair"]
    countries = [end for end in slots["country"] if end.entity_id.startswith(COUNTRY_PREFIX)]
    if cue.type == "support" and _position_support(bearer, index) or _denied(bearer) or (
            cue.type == "membership" and is_passive and bearer.pos_ == "VERB"):  # "X, joined by Y": company
        return Arguments([], [], [], joint=False, open_target=False, countries=[])
    if is_passive and bearer.dep_ in ("acl", "relcl") and cue.type != "joint_implementation":
        targets.extend(index.actors(bearer.head, reading))  # "the campus, which was funded by X": the patient
    if bearer.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") and c.dep_ == "nsubj" for c in bearer.children):
        sources.extend(index.actors(bearer.head, reading))  # "Ozone, which partners with X"
    if bearer.pos_ in ("NOUN", "PROPN"):
        shared = bearer.head if bearer.dep_ == "conj" and bearer.head.pos_ == "NOUN" else bearer  # "the A-B friendship
        modifiers = _modifier_actors(bearer, index, reading) or _modifier_actors(shared, index, reading)  # and partnership"
        if len(modifiers) >= 2 and (_hyphen_joined(bearer, index) or _hyphen_joined(shared, index)):
            pair.extend(modifiers)
        else:
            sources.extend(modifiers)
    if thanks := _thanks_for(bearer):  # "Ghana thanked Japan for its support": Japan gives, Ghana gets
        sources = _thanked(bearer.head, index, reading) or sources
        targets = targets or [e.at_most(INDIRECT) for s in _thankers(thanks) for e in index.actors(s, reading)]
    if cue.type == "support" and bearer.pos_ == "NOUN" and bearer.dep_ in ("nsubjpass", "dobj") and not pair:
        given = bearer.head  # "A grant was extended to X by Y", "Y provided a loan to X": the giving verb's ends
        targets += [e for p in given.children if p.dep_ in ("prep", "dative") and p.lower_ in GIVEN_TO
                    for o in p.children if o.dep_ == "pobj" for e in index.actors(o, reading)]
        if not sources and bearer.dep_ == "nsubjpass":
            sources = [e for a in given.children if a.dep_ == "agent" for o in a.children for e in index.actors(o, reading)]
        if not sources and given.lemma_.lower() in cues().recipient_verbs:  # "Ghana received a loan from the IMF"
            sources = [e for o in prep_objects(given, "from") for e in index.actors(o, reading)]
    if not sources and not pair:
        sources = _clause_subject(cue, bearer, index, reading) or _fronted_subject(bearer, index, reading)
    if targets and not pair and all(s.confidence < DIRECT for s in sources) and _referring(bearer):
        sources = [*sources, *_referred_sources(bearer, index, {t.entity_id for t in targets})]
    if cue.type == "support" and targets and not sources and not pair and bearer.dep_ == "nsubjpass" and not any(
            c.dep_ == "agent" for c in bearer.head.children):  # "a grant was extended to X", by nobody named
        sources = _paragraph_subject(bearer, index, reading, {t.entity_id for t in targets})
    if cue.type == "support" and not targets:
        targets, countries = _beneficiaries(bearer, index, reading, countries)
    if sources and not targets and not pair and cue.type in PEOPLE_ACT_IN:
        targets = _counterparts(bearer, index, reading)
    sources, pair = unique(sources), unique(pair)
    targets = unique(t for t in targets if all(t.entity_id != s.entity_id for s in sources))
    clause = [bearer, *(a for a in bearer.children if a.dep_ in ("aux", "auxpass"))]
    # "the event was co-sponsored by A and B": they share it with its organisers
    if cue.type == "joint_implementation" and is_passive and _shared(cue) and any(
            c.dep_ in ("nsubj", "nsubjpass") and the_event(c) for w in clause for c in w.children):
        targets += [e for e in index.organisers if all(e.entity_id != s.entity_id for s in sources)]  # with its organisers
    joint = len(sources) >= 2 and (is_passive and made_jointly(bearer) or cue.type == "support" and _backed_event(bearer))
    if not index.organisers and cue.type == "joint_implementation" and sources and made_jointly(
            bearer, active=not is_passive, products=cues().event_nouns):
        index.organisers = sources
    return Arguments(sources, targets, pair, joint, open_target, unique(countries))


def _hung_on_a_name(cue: Cue, index: ActorIndex) -> list[Token]:
    """The partner preposition that ends a cue phrase ("together with", "jointly with") when the parser hung it on
    an actor's name rather than on a word of the cue."""
    partners = cues().target_preps.get(cue.type, frozenset())
    return [w for w in cue.words[1:] if w.dep_ == "prep" and w.lower_ in partners and w.head not in cue.words
            and w.head.i in index.by_token]


def _shared(cue: Cue) -> bool:
    """ "co-sponsored", "co-hosted": the cue says its agents share the event with others, its organisers; "This
    conference is organized by X" names its organisers, another event's in a list of coming meetings."""
    return cue.words[0].lower_ == "co" or cue.anchor.lower_.startswith("co-")


def _hosted_together(verb: Token) -> bool:
    """ "X hosted an event with A and B": the partners of an event's hosts host it with them, and with each other;
    not so for counterparts met in turn ("joint initiatives with A and B respectively")."""
    made = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in cues().event_nouns]
    return bool(made) and not any(t.lower_ == "respectively" for t in verb.sent)


def _collective(noun: Token, index: ActorIndex, reading: Reading) -> Arguments:
    """ "X is a partnership of A and B", "X, a network of A and B": the actors after "of" are members of the actor
    the noun is said of; a collective noun said of no actor makes no members."""
    if noun.dep_ == "attr":
        groups = [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        groups = [noun.head] if noun.dep_ == "appos" else []
    group = [e for g in groups for e in index.actors(g, reading)]
    members = [e for o in prep_objects(noun, "of") for e in index.actors(o, reading)] if group else []
    members = [m for m in unique(members) if all(m.entity_id != g.entity_id for g in group)]
    return Arguments(members, unique(group), [], joint=False, open_target=True, countries=[])


def _denied(cue: Token) -> bool:
    """ "there is no cooperation", "has not signed": a relation said not to be."""
    return any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" for c in cue.children)


def _paragraph_subject(token: Token, index: ActorIndex, reading: Reading, besides: set[str]) -> list[End]:
    """Who gives support a clause does not name a giver for ("A grant of EUR 2 million was extended to X"): the
    one actor the paragraph's first sentence, before this one, has as its subject."""
    start = index.discourse.paragraph_start(token.i)
    first = index.doc[start].sent if start < token.sent.start else None
    if first is None:
        return []
    subjects = [t for t in first if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    named = unique(e for s in subjects for e in index.actors(s, reading) if e.entity_id not in besides)
    return [named[0].at_most(REFERRED)] if len(named) == 1 else []


def _referring(noun: Token) -> bool:
    """ "these exchanges", "bilateral cooperation": a relation whose other party the reader already knows."""
    return noun.pos_ == "NOUN" and any(c.lower_ in cues().referring_modifiers for c in noun.lefts)


def _referred_sources(noun: Token, index: ActorIndex, targets: set[str]) -> list[End]:
    """Who "these exchanges with X" are of: the sources of the paragraph's previous relation, or else the
    country the paragraph is about."""
    where, sources = index.previous
    if where >= index.discourse.paragraph_start(noun.i) and set(sources) - targets:
        return [End(s, REFERRED) for s in sources if s not in targets]
    return [End(s, REFERRED) for s in index.discourse.countries_before(noun.i, 1, besides=targets)]


def _slots(child: Token, kind: str, is_passive: bool, bearer: Token) -> list[tuple[str, list[Token]]]:
    """Which end a child of the cue fills. A "with"-like preposition opens a target slot even when its object
    names no actor, so coordinated subjects are then not paired with each other. Joint implementation takes
    partners only ("organised with X"), never what was organised. "A partnership of X and Y", a symmetric cue
    noun with coordinated actors after "of", pairs them."""
    data = cues()
    dep, word = child.dep_, child.lower_
    verb = bearer.pos_ in ("VERB", "AUX")
    objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
    agent_noun = bearer.lemma_.lower() in data.of_agent_nouns or bearer.lower_ in data.of_agent_nouns
    if dep == "prep" and (behalf := on_behalf_of(child)):
        return [("source", behalf)]
    if dep == "prep" and word == "from" and agent_noun:
        return []  # "partners from A and B": people from each, no partnership of A and B
    if dep == "agent" or dep == "prep" and word in data.source_preps:
        return [("source", objects)]
    if dep == "prep" and word in data.pair_preps:
        return [("pair", objects)]
    if dep == "prep" and word == "of":
        if kind in SYMMETRIC and not agent_noun and bearer.dep_ != "pobj" and any(o.conjuncts for o in objects):
            return [("pair", objects)]
        return [("target" if agent_noun else data.of_role.get(kind, "target"), objects)]
    if dep == "prep" and word in data.target_preps.get(kind, ()):
        return [("target", objects)]
    if dep == "prep" and word in data.country_preps.get(kind, ()):
        return [("country", objects)]
    if verb and dep in ("nsubj", "csubj"):
        return [("source", [child])]
    if kind != "joint_implementation" and verb and (dep == "nsubjpass" and is_passive or dep in ("dobj", "dative")):
        return [("target", [child])]
    return []


def _beneficiaries(bearer: Token, index: ActorIndex, reading: Reading, countries: list[End]
                   ) -> tuple[list[End], list[End]]:
    """ "A study in Türkiye was completed with the support of Norway": support given through a clause goes to
    the clause's subject, or to the country it took place in; to an event's hosts, when the clause names them ("the
    conference was hosted by Indonesia with support from the Bank"). "Nepal received funding from X", "Nepal requested
    the Bank to provide assistance": the subject of a verb of receiving or asking gets it."""
    data = cues()
    verbs = [t for t in itertools.islice(bearer.ancestors, CLIMB_STEPS) if t.pos_ == "VERB"][:2]
    asking = [v for v in verbs if v.lemma_.lower() in data.request_verbs and any(  # "asked X to provide", not "asked
        c.dep_ == "xcomp" and c.is_ancestor(bearer) for c in v.children)]           # X about its funding"
    recipients = [e for v in verbs if v.lemma_.lower() in data.recipient_verbs or v in asking for c in v.children
                  if c.dep_ == "nsubj" for e in index.actors(c, reading)]
    if recipients:
        return [e.at_most(INDIRECT) for e in recipients], countries
    prep = bearer.head
    if bearer.dep_ != "pobj" or prep.lower_ not in ("with", "through", "under") or prep.head.pos_ not in ("VERB", "AUX"):
        return [], countries
    subjects = [c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    subjects += [prep.head.head] if prep.head.dep_ == "acl" else []  # "the workshop, organised by X with support of Y"
    if any(s.lemma_.lower() in cues().event_nouns for s in subjects):
        # the event's hosts get it; "the workshop was held under the patronage of A and B" is `_backed_event`'s
        hosts = [o for c in prep.head.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        return [e.at_most(INDIRECT) for h in hosts for e in index.actors(h, reading)], countries
    places = [p for s in subjects for child in s.children if child.dep_ == "prep" and child.lower_ in cues().country_preps["support"]
              for p in child.children if p.dep_ == "pobj"]
    located = [e for p in places for e in index.actors(p, reading) if e.entity_id.startswith(COUNTRY_PREFIX)]
    return [e for s in subjects for e in index.actors(s, reading)], countries + located


def _backed_event(noun: Token) -> bool:
    """ "The workshop was held under the patronage of A and B": backers of the event together, as "sponsored by
    A and B" makes them."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in ("with", "under") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in cues().event_nouns for c in prep.head.children)


def _position_support(verb: Token, index: ActorIndex) -> bool:
    """ "Peru, supported by Chile, emphasized ...": backing a speaker's position in a debate, not
    support of the cooperation kind."""
    subject = verb.head
    return (verb.dep_ == "acl" and subject.dep_ == "nsubj" and subject.i in index.by_token
            and verb.i > 0 and verb.nbor(-1).text == ",")



def _modifier_actors(noun: Token, index: ActorIndex, reading: Reading) -> list[End]:
    """Actors in front of a cue noun: "Australia's partnership", "the Fund's engagement", "ILO-Luxembourg cooperation"."""
    ends: list[End] = []
    for child in noun.lefts:
        if child.dep_ in ("poss", "compound", "nmod", "amod"):
            ends.extend(index.actors(child, reading))
            ends.extend(e for t in child.subtree if t.i != child.i and t.i in index.by_token
                        for e in [End(index.by_token[t.i], DIRECT)])
    return unique(ends)


def _hyphen_joined(noun: Token, index: ActorIndex) -> bool:
    """Two actors in front of the noun joined by a hyphen, slash or "and" ("EU-India collaboration")."""
    doc = noun.doc
    left = min((t.i for child in noun.lefts for t in child.subtree), default=noun.i)
    tokens = doc[left : noun.i]
    ids = [index.by_token.get(t.i) for t in tokens]
    return any(ids[k - 1] and ids[k + 1] and ids[k - 1] != ids[k + 1] and tokens[k].lower_ in HYPHENS
               for k in range(1, len(tokens) - 1))


def _clause_subject(cue: Cue, bearer: Token, index: ActorIndex, reading: Reading) -> list[End]:
    """The source of a cue without its own: the subject of the clause it sits in ("Japan has a partnership with
    the Bank", "the GBN is a platform for enterprises to support the ILO") or the owner of the noun it completes
    ("the Court's desire to partner with Ghana"); in the passive, the agent is the clause's subject ("hosted by A in
    partnership with B"), and the object of a verb is the subject of its complement ("requested the Bank to provide
    assistance"). Membership climbs only through "be" ("X is a member of Y"):
    "X hosted members of Y" makes no member of X. A noun a cue describes is no subject of that cue: "partner
    countries including X and Y support ..." names the partners of someone else, not partners of each other."""
    allowed = MEMBERSHIP_CLIMB_DEPS if cue.type == "membership" else CLIMB_DEPS
    token = bearer
    for _ in range(MEMBERSHIP_CLIMB_STEPS if cue.type == "membership" else CLIMB_STEPS):
        if token.dep_ not in allowed or token.head is token:
            return []
        came_from, token = token, token.head
        if came_from.dep_ == "pcomp" and token.lower_ == "for":
            return _thanked(token, index, reading)
        if token.pos_ in ("VERB", "AUX"):
            agents = [o for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            agents = [o for c in token.children if c.dep_ == "prep" for o in on_behalf_of(c)] or agents
            if came_from.dep_ == "xcomp" and not agents:  # "asked the Bank to provide assistance": the Bank provides
                agents = [c for c in token.children if c.dep_ == "dobj"]
            subjects = agents or [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c != bearer]
            found = [e for s in subjects for e in index.actors(s, reading) or index.event_organisers(s)]
            if subjects and (found or came_from.dep_ not in ("relcl", "acl")):
                return [e.at_most(INDIRECT) for e in found]
        elif token.pos_ in ("NOUN", "PROPN"):
            if token.i in index.by_token and came_from.dep_ == "prep" and came_from.lower_ in OWNING_PREPS:
                return [e.at_most(INDIRECT) for e in index.actors(token, reading)]  # "UNDP in partnership with X"
            if came_from.dep_ == "conj" or token.i in index.by_token:  # a list item or a name owns no cue
                return []
            owners = [c for c in token.children if c.dep_ == "poss"]
            owners += [c for c in prep_objects(token, "of") if c != bearer and not c.is_ancestor(bearer)]
            found = [e for o in owners for e in index.actors(o, reading)]
            if found:
                return [e.at_most(INDIRECT) for e in found]
    return []


def _fronted_subject(bearer: Token, index: ActorIndex, reading: Reading) -> list[End]:
    """ "Working in a three-way partnership, A, B and C have...": a cue in a subjectless phrase that opens the
    sentence before its first comma is about the actors named right after the comma, which a long list of names often keeps the
    parser from seeing as the subject."""
    sentence = bearer.sent
    opener = sentence[0]
    if not (opener.tag_ in ("VBG", "VBN") or opener.pos_ == "ADP") or not opener.is_ancestor(bearer) or any(
            t.dep_ in ("nsubj", "nsubjpass", "csubj") for t in opener.subtree):
        return []  # "Recalling that REDD is part of X, Y said": the phrase has a subject of its own
    comma = next((t for t in sentence if t.text == ","), None)
    if comma is None or comma.i < bearer.i or comma.i + 1 >= sentence.end:
        return []
    first = comma.nbor()
    if first.i not in index.by_token and first.pos_ in ("DET", "ADJ", "PROPN") and first.i + 1 < sentence.end:
        first = first.nbor()  # "the A", or a word of A's name that its mention left out
    if first.i not in index.by_token or index.by_token.get(comma.i - 1) == index.by_token[first.i]:
        return []
    return [e.at_most(INDIRECT) for e in index.actors(first, reading)]


def _counterparts(bearer: Token, index: ActorIndex, reading: Reading) -> list[End]:
    """Whom a meeting that discusses a relation was with: "the delegation met Prime Minister X to discuss the
    defence cooperation agreement", "Y discussed cooperation with Z", "talks with Z on the partnership"."""
    data, token = cues(), bearer
    for _ in range(CLIMB_STEPS):
        if token.head is token:
            return []
        token = token.head
        if token.lemma_.lower() not in data.meeting_words:
            continue
        met = [c for c in token.children if c.dep_ == "dobj" and token.pos_ == "VERB" and not c.is_ancestor(bearer) and c != bearer]
        met += prep_objects(token, "with")
        found = [e.at_most(INDIRECT) for m in met for e in index.actors(m, reading)]
        if found:
            return found
    return []


def _thanks_for(noun: Token) -> Token | None:
    """The word of thanks a cue is thanked for ("thanked X for its support", "for supporting", "expressed gratitude to
    X for its cooperation", "appreciation for X's support"), if any."""
    prep = noun.head
    if noun.dep_ not in ("pobj", "pcomp") or prep.lower_ != "for":
        return None
    words = [prep.head, *(c for c in prep.head.children if c.dep_ == "dobj")]
    return next((w for w in words if w.lemma_.lower() in cues().thanking_words), None)


def _thankers(word: Token) -> list[Token]:
    """Who gives the thanks: the subject of the verb of thanking, or of the verb whose object the thanks are."""
    verb = word if word.pos_ == "VERB" else word.head
    return [c for c in verb.children if c.dep_ == "nsubj"]


def _thanked(prep: Token, index: ActorIndex, reading: Reading) -> list[End]:
    """ "thanked Japan for supporting", "gratitude to the Governments of A and B for continuing to be a partner":
    whoever is thanked does what "for" introduces."""
    head = prep.head
    objects = [c for c in head.children if c.dep_ == "dobj"]
    thanked = [o for o in objects if o.lemma_.lower() not in cues().thanking_words]  # not "expressed its gratitude"
    thanked += [o for word in (head, *objects) for o in prep_objects(word, "to")]
    found = [e for t in thanked for e in index.actors(t, reading)]
    return [e.at_most(INDIRECT) for e in found]

