"""Institutions named by their context: names the small NER misses, mistypes or cannot tell from people.

Reports and transcripts name companies and bodies in passing, with nothing in the name itself that says
institution ("Hexagon", "Ozone", "Lenovo"). The words around them do: a cooperation ("in a partnership with
X and Y"), an organiser ("organised by X, Y and Z"), a category ("companies such as X", "X, Y and other
companies", "a company called X"), a person's employer ("Mr Rao from X", "Nora Lind, X / World Bank").
Names found here are kept like a speaker's affiliation: anything that is not plainly a person, a country,
a region or a term. Cue words live in `models/organisation_words.json` (`contexts`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from .organisations import looks_like_acronym
from .resources import load_json
from .spans import doc_entities, token_positions

_MAX_NAME_WORDS = 5
SUBORDINATE = frozenset({"vice", "deputy", "assistant", "associate", "senior"})
"""Before a head post, they make it a post under the head ("Vice President of Corporate Sustainability")."""
_MAX_DESCRIPTION_WORDS = 5
"""Words between "X, a" and the kind noun: "a robotics non-profit", "an Internet Solutions provider"."""
_PAIR_WORDS = frozenset({"between", "among", "amongst"})
_PARTNER_WINDOW = 4
"""Words between a cooperation word and its "with": "working very very closely with X"."""


@dataclass(frozen=True, slots=True)
class ContextCues:
    """`organisation_words.json` → `contexts`: the words that say the names beside them are institutions."""

    partner_lemmas: frozenset[str]
    agent_verbs: frozenset[str]
    kind_nouns: frozenset[str]
    list_openers: frozenset[str]
    naming_verbs: frozenset[str]
    others: frozenset[str]
    head_posts: frozenset[str]
    """Posts that head an organisation: "CEO of X", "Founder of X" name it ("Director of Research" need not)."""
    posts: frozenset[str]
    """Any post: "Researcher at X", "Content Exec at X" name the employer."""
    appositive_kinds: frozenset[str]
    """What "X, a ... company/non-profit/provider" says X is."""
    subject_verbs: frozenset[str]
    """Verbs whose subject is a party to an agreement or a partnership: "X has signed an MoU with Y"."""

    @classmethod
    @cache
    def default(cls) -> ContextCues:
        data = load_json("organisation_words.json")["contexts"]
        return cls(*(frozenset(w.lower() for w in data[key]) for key in (
            "partner_lemmas", "agent_verbs", "kind_nouns", "list_openers", "naming_verbs", "others",
            "head_posts", "posts", "appositive_kinds", "subject_verbs",
        )))

    @property
    def triggers(self) -> frozenset[str]:
        """The words a context is read at (`_opens_list`, `_closes_list`, `_shared_affiliation`, `_employer`,
        `_described`, `_bracketed`, `_signer`): most tokens are none, and need not be tried."""
        fixed = {"with", "from", "by", ":", "/", "of", "at", ",", "(", *_PAIR_WORDS}
        return frozenset(fixed) | self.naming_verbs | self.list_openers | self.kind_nouns | self.subject_verbs


def names_in_context(doc: Doc, cues: ContextCues | None = None) -> list[Span]:
    """Names that the surrounding words present as institutions, in document order."""
    cues = cues or ContextCues.default()
    found: dict[tuple[int, int], Span] = {}
    for token in (doc[i] for i in token_positions(doc, cues.triggers)):
        after = _names_from(token.doc, token.i + 1) if _opens_list(token, cues) else ()
        if token.lower_ in _PAIR_WORDS:
            after = tuple(span for span in after if _one_body(span))
        before = _names_before(token, cues) if _closes_list(token, cues) else ()
        found_here = (
            *after, *before, *_shared_affiliation(token), *_employer(token, cues), *_described(token, cues),
            *_bracketed(token), *_signer(token, cues),
        )
        for span in found_here:
            if not _names_a_kind(span):
                found.setdefault((span.start, span.end), span)
    return sorted(found.values(), key=lambda s: s.start)


def _one_body(span: Span) -> bool:
    """A name between "collaboration between" and "and" that is one body: not a place the NER knows ("between
    Sussex and Lagos": the cities stand for their universities) nor a plural ("OBIS Nodes", "Member States")."""
    last = span[-1]
    parts = len(span) == 2 and looks_like_acronym(span[0].text) and last.lower_.endswith("s") and not last.lower_.endswith("ss")
    plural = last.tag_ in ("NNS", "NNPS") or parts  # "OBIS Nodes", "EU Members": a body's parts
    return not any(t.ent_type_ in ("GPE", "LOC", "PERSON", "NORP") for t in span) and not plural


def _signer(verb: Token, cues: ContextCues) -> Iterator[Span]:
    """ "TCIL has signed a Memorandum of Understanding with X", "IDEMS sponsored the workshop", "CyLab-Africa is
    supported by Y": the subject of a verb of signing, partnering or backing, when the NER tags it an
    organisation or it is an acronym the NER leaves untagged, is an institution (one word alone is no name to the
    resolver otherwise: "ICT", "SDG" are terms)."""
    if verb.pos_ != "VERB" or verb.lower_ not in cues.subject_verbs:
        return
    for subject in verb.children:
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.i > verb.i:
            continue
        if subject.ent_type_ == "ORG":
            entity = doc_entities(verb.doc).covering(subject.i)
            if entity is not None:
                yield entity
        elif not subject.ent_type_ and looks_like_acronym(subject.text):
            yield verb.doc[subject.i : subject.i + 1]


def _shared_affiliation(slash: Token) -> Iterator[Span]:
    """ "Nora Lind, Acme Rail / World Business Council": a person's two employers, the second one the NER's."""
    doc, i = slash.doc, slash.i
    if slash.text != "/" or i + 1 >= len(doc) or doc[i + 1].ent_type_ != "ORG":
        return
    start = _name_start(doc, i)
    comma = _word_before(doc, start) if start < i else None
    person = _word_before(doc, comma.i) if comma is not None and comma.text == "," else None
    if person is not None and person.ent_type_ == "PERSON":
        yield doc[start:i]


def _employer(token: Token, cues: ContextCues) -> Iterator[Span]:
    """ "CEO of Unilever", "the Founder of Fusion Advocates", "Content Exec at Node Six": a post, then its employer."""
    posts = {"of": cues.head_posts, "at": cues.posts}.get(token.lower_)
    before = _word_before(token.doc, token.i) if posts is not None else None
    if before is None or posts is None:
        return
    two = token.doc[max(before.i - 1, 0) : before.i + 1]  # "Executive Director of X", not "Vice President of Y"
    if two.text.lower() in posts or before.lower_ in posts and two[0].lower_ not in SUBORDINATE:
        doc, start = token.doc, token.i + 1
        if described := start < len(doc) and description_length(doc[start : start + 16].text, cues):
            # "CEO of transit technology company Transloc": the name after what it is
            start = next(t.i for t in doc[start:] if t.idx >= doc[start].idx + described)
        yield from itertools.islice(_names_from(doc, start), 1)


def description_length(text: str, cues: ContextCues | None = None) -> int:
    """How many characters of `text` say what kind of institution the name after them is ("the fintech start-up ",
    "multinational manufacturer and energy distributor "): lower-case words ending in a kind of institution, then a
    capitalised word. 0 where the text does not open so."""
    described = _description_pattern((cues or ContextCues.default()).appositive_kinds).match(text)
    return described.end() if described else 0


@cache
def _description_pattern(kinds: frozenset[str]) -> re.Pattern[str]:
    """Kinds in lower case ("an agency", not "Agency" of "Agency for X"), a short one as an acronym too ("NGO")."""
    written = {kind.upper() if len(kind) <= 3 else kind for kind in kinds}
    alternatives = "|".join(sorted(map(re.escape, written), key=len, reverse=True))
    return re.compile(
        rf"(?:(?:the|a|an)\s+)?(?:(?:[a-z][\w-]*|[\w.-]+-based)\s+){{0,{_MAX_DESCRIPTION_WORDS}}}?(?:{alternatives})\s+(?=[A-Z])"
    )


def _described(comma: Token, cues: ContextCues) -> Iterator[Span]:
    """ "Fundi Bots, a robotics non-profit", "Node Six, an Internet Solutions provider": a name the words after its
    comma call an organisation of some kind."""
    doc, i = comma.doc, comma.i
    if comma.text != "," or i + 2 >= len(doc) or doc[i + 1].lower_ not in ("a", "an") or i == 0:
        return
    words = doc[i + 2 : i + 2 + _MAX_DESCRIPTION_WORDS]
    kind = next((t for t in words if t.lower_ in cues.appositive_kinds or t.is_punct), None)
    if kind is None or kind.is_punct:
        return
    start = _name_start(doc, i)
    if start < i and doc[i - 1].ent_type_ != "PERSON":
        yield doc[start:i]


def _bracketed(bracket: Token) -> Iterator[Span]:
    """ "Ana Ochoa (University of Cuenca)", "Rev. Sela Latai (QSC Principal)": a person's institution in brackets."""
    doc, i = bracket.doc, bracket.i
    before = _word_before(doc, i)
    if bracket.text != "(" or before is None or before.ent_type_ != "PERSON":
        return
    end = _name_end(doc, i + 1)
    if end < len(doc) and doc[end].text == ")" and (end > i + 2 or doc[i + 1].is_upper):  # "(Ministerial)": no name
        yield doc[i + 1 : end]


def _names_a_kind(span: Span) -> bool:
    """A plural acronym ("MEAs", "NGOs") or a name used as an adjective ("Latin American countries", "Nvidia
    chips"): a class of things, not one institution."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    plural = re.fullmatch(r"[A-Z]{2,}s", span.text) is not None
    return plural or (after is not None and after.is_lower and after.pos_ == "NOUN")


def _opens_list(token: Token, cues: ContextCues) -> bool:
    """The token after which a list of institutions starts: "partnership with", "collaboration between",
    "organised by", "companies such as", "partners:", "a company called", "Ms Rao from"."""
    doc, i = token.doc, token.i
    word = token.lower_
    if word == "with" or word in _PAIR_WORDS:  # "a partnership between A and B"
        window = doc[max(i - _PARTNER_WINDOW, 0) : i]
        return any(t.lemma_.lower() in cues.partner_lemmas or t.lower_ in cues.partner_lemmas for t in window)
    before = _word_before(doc, i)
    if word == "from":  # "Mr Rao from Hexagon": a person's employer, when the NER too says organisation
        after = doc[i + 1] if i + 1 < len(doc) else None
        return before is not None and before.ent_type_ == "PERSON" and after is not None and after.ent_type_ == "ORG"
    if word == "by":
        return before is not None and before.lower_ in cues.agent_verbs
    if word in cues.naming_verbs:
        return before is not None and before.lower_ in cues.kind_nouns
    if word in cues.list_openers or word == ":":
        if before is not None and before.lower_ == "such":
            before = _word_before(doc, before.i)  # "such as"
        return before is not None and before.lower_ in cues.kind_nouns
    return False


def _word_before(doc: Doc, i: int) -> Token | None:
    """The previous word, across the line breaks of a transcript."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


def _closes_list(token: Token, cues: ContextCues) -> bool:
    """A category after a list: "X, Y and other companies", "X, Y, many other firms"."""
    if token.lower_ not in cues.kind_nouns:
        return False
    before = _word_before(token.doc, token.i)
    return before is not None and before.lower_ in cues.others


def _names_from(doc: Doc, i: int) -> Iterator[Span]:
    """The names of a list that starts at `i`: "X, Y and Z"."""
    while i < len(doc):
        i = _skip_article(doc, i)
        end = _name_end(doc, i)
        if end == i:
            return
        yield doc[i:end]
        i = end
        if i < len(doc) and doc[i].text == ",":
            i += 1
        if i < len(doc) and doc[i].lower_ in ("and", "&", "or"):
            i += 1
        elif doc[i - 1].text != ",":
            return


def _names_before(category: Token, cues: ContextCues) -> Iterator[Span]:
    doc, i = category.doc, category.i - 1
    while i >= 0 and (doc[i].is_space or doc[i].lower_ in cues.others | {"and", "or", "as", "well"}):
        i -= 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    while i >= 0:
        start = _name_start(doc, i + 1)
        if start > i:
            return
        yield doc[start : i + 1]
        i = start - 1
        joined = i >= 0 and doc[i].lower_ in ("and", "&")
        i -= joined
        if i >= 0 and doc[i].text == ",":
            i -= 1
        elif not joined:
            return


def _skip_article(doc: Doc, i: int) -> int:
    while i < len(doc) and (doc[i].is_space or doc[i].lower_ == "the"):
        i += 1
    return i


def _is_name_word(token: Token) -> bool:
    """A capitalised word of a name; a sentence's first word only when it is a proper noun."""
    if not token.text[:1].isupper() or not any(c.isalpha() for c in token.text):
        return False
    return not token.is_sent_start or token.pos_ == "PROPN"


def _is_join(doc: Doc, i: int) -> bool:
    """A hyphen inside a word: "Ray-Ban", "T-Mobile"."""
    return 0 < i < len(doc) - 1 and doc[i].text in ("-", "‐") and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _name_end(doc: Doc, start: int) -> int:
    end = start
    while end < len(doc) and end - start < _MAX_NAME_WORDS * 2:
        if end > start and doc[end].ent_iob_ == "B" and doc[end].ent_type_ == "PERSON":
            break  # "the United Nations Environment Program" + "Ms. Ilse Kheras"
        if _is_name_word(doc[end]):
            end += 1
        elif _is_join(doc, end) and end > start and end + 1 < len(doc) and _is_name_word(doc[end + 1]):
            end += 2
        else:
            break
    while start < end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1  # on to the end of the entity the name runs into: "the Singapore" + "Ministry of Law"
    return end


def _name_start(doc: Doc, end: int) -> int:
    """Walk back from `end` (exclusive) over the words of one name."""
    start = end
    while start > 0 and end - start < _MAX_NAME_WORDS * 2:
        if _is_name_word(doc[start - 1]):
            start -= 1
        elif _is_join(doc, start - 1) and start < end and start > 1 and _is_name_word(doc[start - 2]):
            start -= 2
        else:
            break
    while 0 < start < end and doc[start].ent_iob_ == "I":
        start -= 1
    return start
