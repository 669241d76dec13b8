"""spaCy registrations: the components sidegraph adds to a pipeline, by name.

Kept apart, and without postponed annotations, because spaCy builds its config schema
from the factory signatures at registration time.
"""

from spacy.language import Language
from spacy.tokens import Doc, Token

from .organisations import OrganisationWords
from .registry import Registry, RegistryRuler
from .speakers import SpeakerAttribution


@Language.factory("speaker_attribution")
def make_speaker_attribution(nlp: Language, name: str) -> SpeakerAttribution:
    """`nlp.add_pipe("speaker_attribution")` after an NER: results land on `doc._.speakers`."""
    return SpeakerAttribution()


@Language.factory("registry_ruler")
def make_registry_ruler(nlp: Language, name: str) -> RegistryRuler:
    """`nlp.add_pipe("registry_ruler", before="ner")`: the institutions of `models/registry-*.tsv` as entities."""
    words = OrganisationWords.default()
    return RegistryRuler(Registry.default(), words.institution | words.unit)


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
