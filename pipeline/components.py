"""spaCy registrations: the components sidegraph adds to a pipeline, by name.

Kept apart, and without postponed annotations, because spaCy builds its config schema
from the factory signatures at registration time.
"""

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .attribute_index import IndexedAttributeRuler
from .given_names import GivenNamePersons
from .lemma_index import IndexedLemmatizer
from .organisations import OrganisationWords
from .registry import Registry, RegistryRuler
from .resources import load_lines
from .speakers import SpeakerAttribution
from .speakers.cues import SpeakerCues
from .speakers.slots import DASHES


@Language.factory("speaker_attribution")
def make_speaker_attribution(nlp: Language, name: str) -> SpeakerAttribution:
    """`nlp.add_pipe("speaker_attribution")` after an NER: results land on `doc._.speakers`. With a
    `given_name_persons` component before it, its lists also tell a name slot of English words from a name."""
    given_names = nlp.get_pipe("given_name_persons") if "given_name_persons" in nlp.pipe_names else None
    return SpeakerAttribution(given_names if isinstance(given_names, GivenNamePersons) else None)


@Language.factory("indexed_attribute_ruler")
def make_indexed_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    """In place of the model's attribute ruler, with its patterns: `nlp.replace_pipe("attribute_ruler",
    "indexed_attribute_ruler").add_patterns(patterns)`. The same effects, found faster."""
    return IndexedAttributeRuler(nlp.vocab)


@Language.factory("indexed_lemmatizer")
def make_indexed_lemmatizer(nlp: Language, name: str) -> IndexedLemmatizer:
    """In place of the model's rule lemmatizer, asking it: `nlp.replace_pipe("lemmatizer",
    "indexed_lemmatizer").use(lemmatizer)`. The same lemmas, each word lemmatized once."""
    return IndexedLemmatizer()


@Language.factory("registry_ruler")
def make_registry_ruler(nlp: Language, name: str) -> RegistryRuler:
    """`nlp.add_pipe("registry_ruler", before="ner")`: the institutions of `models/registry-*.tsv` as entities."""
    words = OrganisationWords.default()
    return RegistryRuler(Registry.default(), words.institution | words.unit)


@Language.factory("given_name_persons")
def make_given_name_persons(nlp: Language, name: str) -> GivenNamePersons:
    """`nlp.add_pipe("given_name_persons", after="ner")`: names opening with a given name of
    `models/given_names.txt` that the NER tagged as places or institutions become persons."""
    return GivenNamePersons.for_pipeline(nlp, load_lines("given_names.txt"))


@Language.component("line_boundaries")
def line_boundaries(doc: Doc) -> Doc:
    """A line break in the reflowed text ends a sentence: list items and headings are not run-ons. A single
    break that falls mid-clause does not: text cut at a PDF's hard line ends ("a close and strong\nrelationship")
    is one sentence when the next line goes on in lower case or the line ends on a word that cannot end one
    ("between\nChina"). Runs after the tagger, so the tags are there."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            following = doc[token.i + 1]
            if _mid_clause(doc, token, following):
                following.is_sent_start = False
                if token.is_space:
                    token.is_sent_start = False
            else:
                following.is_sent_start = True
    return doc


_TERMINAL = frozenset(".!?:;")
_CLOSING = frozenset(")]\u201d\u2019\"'")
_OPENING = frozenset("\u201c\u2018\"'")
_NAMING = frozenset({"titled", "entitled", "called", "named", "themed", "dubbed"})
"""Participles that name what follows them: a line cannot end on one."""
_OPEN_TAGS = frozenset({"DT", "IN", "CC", "TO", "PRP$", "WDT", "POS"})
"""Tags of words that leave a clause open: a determiner, preposition, conjunction, possessive."""


def _mid_clause(doc: Doc, token: Token, following: Token) -> bool:
    """Whether the line break at `token` cuts a clause: a single break, not after a sentence's end, with a
    lower-case word after it (not a list label such as "a)") or an open word before it."""
    if token.text.count("\n") + token.whitespace_.count("\n") > 1 or token.i == 0 and token.is_space:
        return False
    last = doc[token.i - 1] if token.is_space else token
    if last.is_space or last.text[-1] in _TERMINAL:
        return False
    if last.text[-1] in _CLOSING and last.i > 0 and doc[last.i - 1].text[-1:] in _TERMINAL:
        return False  # "... now.”" ends; "Digital Public Goods”\nwith India" goes on
    if last.lower_ in _NAMING and (following.text in _OPENING or following.is_alpha):
        return True  # "an event titled\n“Climate Action”": the name it was given goes on the clause
    label = following.i + 1 < len(doc) and doc[following.i + 1].text in (")", ".") and len(following) <= 4
    lower = following.text[:1].islower() and not label
    return lower or last.tag_ in _OPEN_TAGS and following.is_alpha


@Language.component("known_name_tails")
def known_name_tails(doc: Doc) -> Doc:
    """A known name that opens with its head noun ("Council of the European Union") right after capitalised
    words is the tail of a longer name ("the European Research Council of the European Union"): left to the NER,
    which sees the whole, rather than crediting the known body."""
    heads = OrganisationWords.default().institution
    tails = [(entity.start, entity.end) for entity in doc.ents if _a_longer_names_tail(entity, heads)]
    if tails:
        doc.ents = [entity for entity in doc.ents if (entity.start, entity.end) not in tails]
        for start, end in tails:
            for token in doc[start:end]:
                token.ent_id_ = ""  # the NER's entity over these words must not inherit the known id
    return doc


@Language.component("open_name_ends")
def open_name_ends(doc: Doc) -> Doc:
    """An organisation the NER ends on "of" before a state ("the Parliament of" + "Ghana") ends before the "of":
    the name with its state ("Parliament" + "of Ghana") is read by the field and entity readers' own "of STATE"
    rules, which give the state as the country too."""
    cut = [entity for entity in doc.ents if _open_before_a_state(entity)]
    if cut:
        doc.ents = [Span(doc, e.start, e.end - 1, label=e.label) if e in cut else e for e in doc.ents]
    return doc


@Language.component("titles_alone")
def titles_alone(doc: Doc) -> Doc:
    """A PERSON the NER made of title words alone ("Chair", "Dean", "Principal Advisor") is no one: the title
    describes the name beside it ("chaired by the Principal Secretary, Mr. NAME"), which the readers then find."""
    titles = SpeakerCues.default().title_words
    alone = [entity for entity in doc.ents if entity.label_ == "PERSON" and all(t.lower_ in titles for t in entity)]
    if alone:
        doc.ents = [entity for entity in doc.ents if entity not in alone]
    return doc


_SPANS_A_RANGE = frozenset({"TIME", "DATE", "CARDINAL", "MONEY", "QUANTITY", "PERCENT"})


@Language.component("dash_breaks")
def dash_breaks(doc: Doc) -> Doc:
    """A dash with a space on each side separates things ("talk title - Ana Lima, X Institute", "Session 1 –
    Introduction"): a name the NER ran across one is two fragments, neither of which it saw whole, so it is
    dropped. Ranges ("09:30 – 10:30") and names the gazetteer knows ("ICLEI – Local Governments for
    Sustainability") keep theirs."""
    broken = [entity for entity in doc.ents if _across_a_spaced_dash(entity)]
    if broken:
        doc.ents = [entity for entity in doc.ents if entity not in broken]
    return doc


def _across_a_spaced_dash(entity: Span) -> bool:
    if entity.ent_id_ or entity.label_ in _SPANS_A_RANGE:
        return False
    doc = entity.doc
    return any(t.text in DASHES and t.whitespace_ and doc[t.i - 1].whitespace_ for t in entity[1:])


def _open_before_a_state(entity: Span) -> bool:
    doc = entity.doc
    return (entity.label_ == "ORG" and not entity.ent_id_ and len(entity) > 1 and entity[-1].lower_ == "of"
            and entity[-2].lower_ != "the" and entity.end < len(doc) and doc[entity.end].ent_type_ == "GPE"
            and bool(doc[entity.end].ent_id_))


def _a_longer_names_tail(entity: Span, heads: frozenset[str]) -> bool:
    if not entity.ent_id_ or entity.label_ != "ORG" or entity[0].lower_ not in heads or entity.start == 0:
        return False
    before = entity.doc[entity.start - 1]
    return before.is_alpha and before.is_title and not before.is_stop and not before.ent_type_ and not before.is_sent_start
