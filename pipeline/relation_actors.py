"""Which actor a token stands for: a name, or a stand-in the parse or the discourse resolves ("the Government of
Fiji", "our", "the University", "both countries"), with how sure that reading is."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .discourse import COUNTRY_PREFIX, Discourse, Party
from .relation_cues import Words, cues, the_event

DEFINITE_REACH = 150
"""Tokens back that "the University" may point: a few sentences, about a paragraph."""
# How sure a relation is, by how its ends were found: both from the cue's own arguments, one borrowed from the
# enclosing clause or a stand-in noun, one being the speaker's institution, or only a coordination of agents.
DIRECT, INDIRECT, IMPLICIT, COORDINATED = 0.9, 0.75, 0.7, 0.6
REFERRED = 0.6
"""An end read from the context, not the sentence: "the Government", "both countries", "these exchanges with X"."""
LIST_SEPARATORS = frozenset({",", ";", "and", "&", "/"})
LIST_WORDS = LIST_SEPARATORS | {"as", "well", "the", "also"}
"""What may stand between two items of a list of names ("A, B, as well as the C")."""
LIST_ENDS = frozenset({"the"})
"""Words that may only close the run of list words, right before the next name."""
MAX_ASIDE = 15
"""Tokens a participle's aside on a list item may run to ("A, affiliated to the Ministry of X, and B")."""
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
ANTECEDENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos"})
NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "NUM"})
MAX_GLOSS = 12
"""Tokens a gloss in brackets after a name may hold ("(Third World Institute)")."""


@dataclass(frozen=True, slots=True)
class End:
    """One actor at one end of a relation and how sure we are it belongs there."""

    entity_id: str
    confidence: float
    institution_only: bool = False
    """A person's institution beside the country they represent: it pairs only with another person's institution
    ("the Minister of X of A signed an agreement with B's Minister of Y": the two ministries and the two countries,
    not a ministry with a country)."""

    def at_most(self, confidence: float) -> End:
        return replace(self, confidence=min(self.confidence, confidence))


@dataclass(frozen=True, slots=True)
class Reading:
    """What a cue is read with: who speaks there (whom "we" means), and whether a person stands for whom they act
    for, as signatories, delegates and partners do; one person helping another is no help between institutions."""

    speaker: Party | None
    people: bool


class ActorIndex:
    """Which actor a token names, including stand-ins: "the Government of Fiji", "our", "the University"; it also
    remembers, sentence after sentence, who organised the report's event."""

    def __init__(self, doc: Doc, discourse: Discourse) -> None:
        self.doc = doc
        self.discourse = discourse
        self.by_token: dict[int, str] = {}
        self.mentions = discourse.actors
        self.organisers: list[End] = []
        """Who organised the event the report is about, once a sentence has said so (the first such sentence:
        later ones are mostly other events announced)."""
        self.previous: tuple[int, tuple[str, ...]] = (-1, ())
        """Where the last relation found was stated and its sources, for "these exchanges" further on."""
        self.words = Words.of(doc)
        for actor in self.mentions:
            for i in range(actor.start, actor.end):
                self.by_token.setdefault(i, actor.entity_id)

    def actors(self, token: Token, reading: Reading, depth: int = 0) -> list[End]:
        """The actors `token` names, with those coordinated to it ("X, Y and Z", "such as X")."""
        ends: list[End] = []
        for member in self._coordinated(token):
            ends.extend(self._named(member, reading, depth))
        return unique(ends)

    def _coordinated(self, token: Token) -> list[Token]:
        """The token and its conjuncts, also those the parser hung on a word inside an actor's name
        ("NEF; IT for Change; ITeM": "ITeM" as a conjunct of "Change")."""
        members = [token]
        for member in members:
            span = self._mention_tokens(member)
            members.extend(c for t in span for c in t.conjuncts if c not in members and c not in span
                           and not self._describes(c, members) and not self._placed(c))
            if member.i in self.by_token:
                members.extend(t for t in self.listed_after(span[-1].i + 1) if t not in members)
                folded = self._folded_before(span)
                if folded is not None and folded not in members:
                    members.append(folded)
        return members

    def _folded_before(self, span: list[Token]) -> Token | None:
        """The name before "and" that the parser folded into this one as a modifier ("The X Institute and Fingal
        County Council signed": "Institute" hangs on "Council"), an item of the same list all the same."""
        i = span[0].i - 1
        joiners = []
        while i >= 0 and self.doc[i].lower_ in LIST_WORDS and len(joiners) < 2:
            joiners.append(self.doc[i].lower_)
            i -= 1
        entity_id = self.by_token.get(i)
        if i < 0 or entity_id is None or entity_id == self.by_token.get(span[0].i) or not LIST_SEPARATORS.intersection(joiners):
            return None
        token = self.doc[i]
        while token.head.i != token.i and self.by_token.get(token.head.i) == entity_id:
            token = token.head  # the previous name's root
        return token if token.head in span and token.dep_ in ("nmod", "compound", "amod") else None

    def _placed(self, conjunct: Token) -> bool:
        """ "B in the United Kingdom and C": a country after "in" or "at" is where an item is, whatever the parser
        coordinated it with."""
        return (self.by_token.get(conjunct.i, "").startswith(COUNTRY_PREFIX) and conjunct.dep_ == "pobj"
                and conjunct.head.lower_ in ("in", "at"))

    def _describes(self, conjunct: Token, members: list[Token]) -> bool:
        """ "Ms X, Secretary, Ministry of Finance, and Mr Y": the parser coordinates a person's title and
        institution with their name; they describe the person, who is no list of parties."""
        people = [m for m in members if m.i < conjunct.i and self.is_person(m)]
        if not people or self.is_person(conjunct):
            return False
        between = self.doc[max(p.i for p in people) : conjunct.i]
        return not any(t.dep_ == "cc" for t in between)

    def listed_after(self, i: int) -> list[Token]:
        """The actors a list goes on with after a name ending before token `i`: "A (ACR), B, the C; D and E". Long
        lists of names defeat the parser, which hangs their items on anything; the words between them do not.
        In a list of organisations, a country after a comma at an item's end is where the last one is ("NEF, UK;
        ITfC, India"); a name that a possessive or another noun follows is part of something else.""" 
        doc, sentence_end, listed = self.doc, self.doc[max(i - 1, 0)].sent.end, list[Token]()
        previous = self.by_token.get(i - 1)
        while i < sentence_end:
            i = self._past_place(self._past_brackets(i, sentence_end), previous or COUNTRY_PREFIX, sentence_end)
            i = self._past_aside(i, sentence_end)
            separators = []
            while i < sentence_end and doc[i].lower_ in LIST_WORDS and not (separators and separators[-1] in LIST_ENDS):
                separators.append(doc[i].lower_)
                i += 1
            entity_id = self.by_token.get(i)
            inside = self.by_token.get(i - 1) == entity_id and doc[i - 1].lower_ not in LIST_ENDS  # "the" opens the name
            if entity_id is None or not LIST_SEPARATORS.intersection(separators) or inside:
                break
            end = self._mention_end(i, sentence_end)
            if end + 1 < sentence_end and doc[end].lower_ in POSSESSIVES and self.by_token.get(end + 1) not in (None, entity_id):
                i, entity_id = end + 1, self.by_token[end + 1]  # "A and the UN's Coordination Mechanism": the owned one
                end = self._mention_end(i, sentence_end)
            after = self._past_brackets(end, sentence_end)
            if end < sentence_end and doc[end].lower_ in POSSESSIVES or after < sentence_end and doc[after].pos_ in NAME_POS:
                break  # "B's office", "the United Nations Environment Assembly": B is no item, the name goes on
            located = (separators == [","] and entity_id.startswith(COUNTRY_PREFIX) and previous is not None
                       and not previous.startswith(COUNTRY_PREFIX) and (after == sentence_end or doc[after].text in (";", ".")
                                                                          or self._clause_goes_on(after, sentence_end)))
            if not located:
                listed.append(doc[i])
                previous = entity_id
            i = end
        return listed

    def _clause_goes_on(self, i: int, limit: int) -> bool:
        """A comma at `i` after which the sentence goes on with no further item ("with the University of X, UK, for
        academic collaboration")."""
        following = self.doc[i + 1] if i + 1 < limit else None
        return self.doc[i].text == "," and following is not None and following.i not in self.by_token and (
            following.lower_ not in LIST_WORDS
        )

    def _past_place(self, i: int, item: str, limit: int) -> int:
        """Past where an organisation in a list is ("the University of Sussex in the United Kingdom and Kenyatta
        University in Kenya"): a country after "in" or "at" belongs to the item, not to the list."""
        doc, start = self.doc, i
        if item.startswith(COUNTRY_PREFIX) or i >= limit or doc[i].lower_ not in ("in", "at"):
            return start
        i += 1 + (i + 1 < limit and doc[i + 1].lower_ == "the")
        place = self.by_token.get(i, "")
        if not place.startswith(COUNTRY_PREFIX):
            return start
        return self._mention_end(i, limit)

    def _past_aside(self, i: int, limit: int) -> int:
        """Past a participle's aside on an item ("between A, affiliated to the Ministry of X, and B"): up to the
        comma that closes it, so the list goes on with B; what the aside names is no item."""
        doc = self.doc
        if i + 1 >= limit or doc[i].text != "," or doc[i + 1].tag_ != "VBN":
            return i
        closing = next((k for k in range(i + 2, min(limit, i + MAX_ASIDE)) if doc[k].text == ","), None)
        return i if closing is None else closing

    def _mention_end(self, i: int, limit: int) -> int:
        entity_id, end = self.by_token.get(i), i
        while end < limit and self.by_token.get(end) == entity_id:
            end += 1
        return end

    def _past_brackets(self, i: int, end: int) -> int:
        """Past an acronym or gloss in brackets after a name ("(MUCHAP)"), or a bracket the name kept the other half
        of; not past one that runs on for long."""
        doc = self.doc
        if i < end and doc[i].text == ")":
            return i + 1
        if i < end and doc[i].text == "(":
            close = next((k for k in range(i + 1, min(i + MAX_GLOSS, end)) if doc[k].text == ")"), None)
            return close + 1 if close is not None else i
        return i

    def mention_end(self, token: Token) -> int:
        """Where the actor's mention that `token` is in ends."""
        return self._mention_tokens(token)[-1].i + 1

    def _mention_tokens(self, token: Token) -> list[Token]:
        """The words of the name `token` is in: a proper name the gazetteers do not know ("IT for Change"), or an
        actor's mention with the rest of its name when the mention stops short ("the University of Lagos for
        Science and Technology and Boston University": the parser hangs the second on "Science")."""
        entity_id = self.by_token.get(token.i)
        if entity_id is None:
            return proper_name(token)
        start, end = token.i, token.i + 1
        while start > 0 and self.by_token.get(start - 1) == entity_id:
            start -= 1
        while end < len(self.doc) and self.by_token.get(end) == entity_id:
            end += 1
        words = list(self.doc[start:end])
        return words + [t for word in words for t in proper_name(word) if t not in words and t.i not in self.by_token]

    def _named(self, token: Token, reading: Reading, depth: int) -> list[End]:
        data = cues()
        if token.i in self.by_token:
            parent = self._parent(token) if token.lower_ in data.proxy_heads else self._country_office(token)
            return [End(parent or self.by_token[token.i], DIRECT)]
        if depth > 2:
            return []
        lower = token.lower_
        if token.pos_ == "PROPN":
            acting = self._person(token, reading, depth)
            if acting:
                return acting
        if lower in data.first_person or lower in data.reported_possessives and token.dep_ == "poss" and (
                token.head.lemma_.lower() in data.focus_heads or data.pair_heads.get(token.head.lemma_.lower())):
            # "we", "my ministry", "Ms X said her agency"; "our country": the speaker’s country, never their body
            speaker = reading.speaker
            country = token.dep_ == "poss" and token.head.lemma_.lower() in data.focus_heads
            voice = speaker and (speaker.country if country else speaker.voice)
            return [End(voice, IMPLICIT)] if voice else []
        if lower in data.anaphors:
            return (self._reporter(token) if token.dep_ == "nsubj" else []) or self._antecedent(token, reading, depth)
        if token.pos_ == "PROPN":  # "Data for Good (DfG)": an unknown name glossed by a known acronym
            glossed = [t for name in proper_name(token) for t in name.children
                       if t.dep_ == "appos" and t.i in self.by_token and t.nbor(-1).text == "("]
            if glossed:
                return [End(self.by_token[glossed[0].i], INDIRECT)]
        examples = [c for child in token.children if child.dep_ == "prep" and child.lower_ in ("as", "including", "like")
                    for c in child.children if c.dep_ == "pobj"]
        if token.pos_ == "NOUN":  # "the two countries, A and B,": not a person's country ("Ana Lima, Belize")
            examples += [c for c in token.children if c.dep_ == "appos" and c.i in self.by_token]
        named = [end for c in examples for member in (c, *c.conjuncts) for end in self._named(member, reading, depth + 1)]
        if named:
            return named
        if token.lemma_.lower() in data.proxy_heads or lower in data.proxy_heads or lower in data.office_titles:
            attached = prep_objects(token, "of")  # "the Minister of Finance of X": the "of" after the portfolio too
            attached += [o for c in attached if c.i not in self.by_token for o in prep_objects(c, "of")]
            attached += [c for c in token.children if c.dep_ in ("poss", "compound", "nmod", "amod")]
            named = [e.at_most(INDIRECT) for c in attached
                     for member in (c, *c.conjuncts) for e in self._named(member, reading, depth + 1)]
            if named:
                return named
        if token.pos_ == "NOUN" and token.lemma_.lower() in data.party_nouns:  # "a project between A and B"
            parties = prep_objects(token, *data.pair_preps, "of")
            named = [e.at_most(INDIRECT) for o in parties for e in self.actors(o, reading, depth + 1)]
            if named:
                return named
        if token.pos_ == "NOUN" and token.lemma_.lower() not in data.position_nouns:
            # "India's digital ecosystem", "the WHO Fiji office": the owner stands for it; not for its proposal
            owners = sorted(t for c in token.lefts if c.dep_ in ("poss", "compound") for t in c.subtree)
            named = [e.at_most(INDIRECT) for c in owners for e in self._named(c, reading, depth + 1)]
            if named:
                return named[:1]
        return self._definite(token) or self._in_focus(token) or self._sub_body(token, reading, depth)

    def _person(self, token: Token, reading: Reading, depth: int) -> list[End]:
        """Whom someone acts for, in a signing or a meeting: whom "on behalf of" names; else the body their title
        heads ("Nauru's President X", "the Vice Chancellor of the University of Lagos, Prof. X"); else, for a
        speaker, the country they represent and their institution."""
        behalf = [o for p in token.children if p.dep_ == "prep" for o in on_behalf_of(p)]
        named = [e.at_most(INDIRECT) for w in behalf for e in self.actors(w, reading, depth + 1)]
        titled = [c for c in token.children if c.dep_ in ("compound", "nmod", "appos") and c.lower_ in cues().office_titles]
        titled += [token.head] if token.dep_ == "appos" and token.head.lower_ in cues().office_titles else []
        person = self.is_person(token)
        if person:  # "Nauru's X", "X of Nauru"
            titled += [c for c in token.children if c.dep_ == "poss"]
            titled += prep_objects(token, "of")
        named = named or [e.at_most(INDIRECT) for w in titled for e in self._named(w, reading, depth + 1)]
        party = self.discourse.people.get(token.i) if reading.people and not named else None
        if party is None or party.voice is None:
            return named
        ends = [End(party.voice, IMPLICIT)]
        return ends + [End(party.institution, IMPLICIT, institution_only=True)] if party.country and party.institution else ends

    def is_person(self, token: Token) -> bool:
        return token.i in self.discourse.people or token.ent_type_ == "PERSON"

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

    def _definite(self, token: Token) -> list[End]:
        """ "the University", "the Programme": of the actors named shortly before and with that word in one of
        their names ("UWI", also written "University of the West Indies"), the one named most often (the
        report's subject, not an institution in passing), the nearest on a tie."""
        if token.lower_ not in cues().definite_heads or not token.is_title:
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
        return [End(best.entity_id, INDIRECT)] if best else []

    def _sub_body(self, token: Token, reading: Reading, depth: int) -> list[End]:
        """ "the Scientific Committee of the WMO": a body no gazetteer knows, named as part of an organisation, stands
        for it; not for a country ("the Research Council of Norway" is an institution of its own)."""
        if token.lower_ not in cues().definite_heads or not token.is_title:
            return []
        owners = [e.at_most(INDIRECT) for c in prep_objects(token, "of") for e in self._named(c, reading, depth + 1)]
        return [e for e in owners if not e.entity_id.startswith(COUNTRY_PREFIX)]

    def _in_focus(self, token: Token) -> list[End]:
        """ "The Government has requested", "in the country", "both countries can learn from each other", "the two
        organisations", "both sides": the country, or the two actors, that the paragraph is about."""
        data = cues()
        lemma = token.lemma_.lower()
        kind = "country" if lemma in data.focus_heads else data.pair_heads.get(lemma)
        if kind is None or any(c.dep_ in ("compound", "amod", "poss", "nmod") or c.dep_ == "prep" and c.lower_ == "of"
                             for c in token.children):
            return []
        determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "nummod")}
        plural = token.tag_ in ("NNS", "NNPS")
        wanted = 2 if plural and determiners & data.pair_determiners else 1 if not plural and "the" in determiners else 0
        if kind != "country" and wanted != 2:
            return []  # "the organisation" is one of the definite heads; only a pair is read here
        named = self.discourse.named_before(token.i, wanted, kind=kind or None) if wanted else []
        return [End(entity_id, REFERRED) for entity_id in named] if len(named) == wanted else []

    def event_organisers(self, token: Token) -> list[End]:
        """ "The workshop was held in collaboration with WFP": as the subject of a clause, the report's event stands
        for those who organised it."""
        return [e.at_most(INDIRECT) for e in self.organisers] if the_event(token) else []

    def _antecedent(self, pronoun: Token, reading: Reading, depth: int) -> list[End]:
        """ "the Governments of A and B for their continued support", "A and B renewed their partnership": the
        nearest actors named before in the sentence, a group for "their", one for "its"."""
        plural = cues().anaphors[pronoun.lower_] == "plural"
        subjects = [c for verb in pronoun.ancestors if verb.pos_ in ("VERB", "AUX") for c in verb.children
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i]
        for candidate in (*subjects, *reversed(pronoun.sent[: pronoun.i - pronoun.sent.start])):
            if candidate.dep_ not in ANTECEDENT_DEPS or candidate.lower_ in cues().anaphors:
                continue
            ends = self.actors(candidate, reading, depth + 1) if self._named(candidate, reading, depth + 1) else []
            if ends and (len(ends) == 1) != plural:
                return [e.at_most(REFERRED) for e in ends]
        return []

    def _reporter(self, pronoun: Token) -> list[End]:
        """ "The WFP Director Dr X said they ...": the one actor named in the subject of the reporting verb."""
        clause = pronoun.head
        if clause.dep_ != "ccomp":
            return []
        reporters = [c for c in clause.head.children if c.dep_ == "nsubj"]
        named = {self.by_token[t.i] for r in reporters for t in r.subtree if t.i in self.by_token}
        return [End(named.pop(), IMPLICIT)] if len(named) == 1 else []


def on_behalf_of(prep: Token) -> list[Token]:
    """The objects of "on behalf of" when `prep` opens it: whoever acts does so for them ("X, on behalf of the
    University, signed the agreement")."""
    if prep.lower_ != "on":
        return []
    return [o for b in prep.children if b.dep_ == "pobj" and b.lower_ == "behalf" for o in prep_objects(b, "of")]


def prep_objects(token: Token, *preps: str) -> list[Token]:
    """The objects of `token`'s prepositions among `preps`: "Finance" of "the Minister of Finance" for "of"."""
    return [o for p in token.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children if o.dep_ == "pobj"]


def proper_name(token: Token) -> list[Token]:
    """A proper noun with the "of"/"for" phrases that continue its name ("IT for Change", "League of Arab States")."""
    name = [token]
    for word in name:
        name.extend(o for p in word.children if p.dep_ == "prep" and p.lower_ in ("of", "for", "on")
                    for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN")
    return name


def unique(ends: Iterable[End]) -> list[End]:
    best: dict[str, _End] = {}
    for end in ends:
        if end.entity_id not in best or best[end.entity_id].confidence < end.confidence:
            best[end.entity_id] = end
    return list(best.values())


