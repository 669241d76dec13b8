"""The shape of a person's name in tokens: where a run of name words ends, what is an honorific before it
and a post-nominal after it, and names the NER cut in two."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..spans import doc_entities
from .cues import SpeakerCues

HYPHENS = frozenset({"-", "‐"})
"""A hyphen as the tokenizer splits it off inside a word ("Ould-Salem", "EXU-AP"), in either typeset form."""
INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]\.?$")
_INNER_APOSTROPHE = re.compile(r"(?<=\w)[’‘ʼ′`'](?=\w)")


def name_word(token: Token) -> bool:
    """Letters, or letters joined by an apostrophe of any form: "Lima", "O’Brien", "Ma’u", "Liava'a"."""
    return token.is_alpha or _INNER_APOSTROPHE.sub("", token.text).isalpha()
_LIST_MARKER = re.compile(r"\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]")


def name_end(doc: Doc, start: int, particles: frozenset[str], *, longest: int = 5) -> int:
    """The end of a run of name-like tokens from `start`: capitalised words, initials, particles ("van der")."""
    end = start
    while end < len(doc) and end - start < longest:
        token = doc[end]
        text = token.text
        if "\n" in text or (end > start and "\n" in doc[end - 1].whitespace_):
            break
        capitalised = name_word(token) and text[:1].isupper() and not token.is_upper
        if capitalised or INITIAL.match(text):
            end += 1
            continue
        following = doc[end + 1] if end + 1 < len(doc) else None
        particle = end > start and token.lower_ in particles and following is not None and (
            following.text[:1].isupper() or following.text in HYPHENS and not token.whitespace_  # "al-Falih"
        )
        hyphen = (  # "Ould-Salem", "Martin-Roux"
            end > start and text in HYPHENS and not token.whitespace_ and following is not None and following.is_title
        )
        if not (particle or hyphen):
            break
        end += 1
    while end > start and (doc[end - 1].lower_ in particles or doc[end - 1].text in ("-", "‐")):
        end -= 1
    return end


def list_marker(token: Token) -> bool:
    """"1.", "b.", "iv." and "(a)" before a list item."""
    return bool(_LIST_MARKER.fullmatch(token.text))


def joined_people(doc: Doc) -> list[Span]:
    """PERSON entities, with names the NER cut in two ("Kees van der" + "Berg") put back together."""
    people: list[Span] = []
    for ent in doc_entities(doc).spans:
        if ent.label_ != "PERSON":
            continue
        if people and people[-1].end == ent.start:
            people[-1] = doc[people[-1].start : ent.end]
        else:
            people.append(ent)
    return people


def before_comma(span: Span) -> Span:
    """"Pablo Arce, Environment": the NER ran a name into its description."""
    comma = next((t.i for t in span if t.text == ","), None)
    return span if comma is None or comma == span.start else span.doc[span.start : comma]


def post_nominal(token: Token) -> bool:
    """Letters after a name ("SC", "QC", "PhD", "OBE", "M.P.") are not part of it."""
    return token.text.replace(".", "") in SpeakerCues.default().post_nominals


def plausible_name(name: Span) -> bool:
    if not name or len(name.text) > 60 or (len(name) == 1 and name[0].is_upper):
        return False
    return any(t.is_alpha and t.text[:1].isupper() for t in name)


def strip_honorific(cues: SpeakerCues, person: Span) -> tuple[Span, str | None]:
    """The bare name and the honorific before it ("H.E. Mr", "Dr"); a title word before it stays a title."""
    doc = person.doc
    first = person.start
    while first < person.end and not doc[first].text[:1].isupper():
        first += 1  # list markers the NER took in: "b. Mr Leon Tay"
    start = first
    while start > 0 and cues.is_honorific(doc[start - 1]) and doc[start - 1].sent == person.sent:
        if doc[start - 1].lower_ in cues.title_words and start > 1 and doc[start - 2].is_title:
            break  # "Japan Ambassador Mr X", "Associate Professor X": a title, not an honorific
        start -= 1
    end = first
    while end < person.end - 1 and cues.is_honorific(doc[end]):
        end += 1
    honorific = " ".join(t.text for t in doc[start:end]) or None
    name = doc[max(end, first) : person.end]
    while len(name) > 1 and name[0].text in cues.title_abbreviations:
        name = name[1:]  # a title's abbreviation: "SMS Tan", "DPM Lee"
    while len(name) > 1 and (name[-1].text in ("’s", "'s", "’") or post_nominal(name[-1])):
        name = name[:-1]
    return name, honorific
