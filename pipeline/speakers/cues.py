"""The words that say "person", "title" and "role" (`models/speaker_cues.json`), with the small tests on them
that every reader shares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from ..resources import load_json


_ITEM_BREAK = re.compile(r"[\d,;:()•·|–—/&]| - |\b(?:of|in|on|for|to|and|at|from|with|by)\b")
"""Where an agenda item's first phrase ends: "Overview | of X", "Session | 2:", "Key Messages|, Agreed Actions"."""
_TITLE_PHRASE_WORDS = 5
"""Capitalised words a title's first phrase may run to before the title word heading it."""


@dataclass(frozen=True, slots=True)
class SpeakerCues:
    """Words that signal roles and titles (`models/speaker_cues.json`)."""

    honorifics: frozenset[str]
    """Honorifics and the words that lead them ("His Excellency", "The Hon."), lower-cased."""
    person_honorifics: tuple[str, ...]
    """Honorifics alone ("Dr", "H.E.", "Lord"), as written: the words before a name that make it a person's."""
    honorific_second_words: frozenset[str]
    """Words that are part of an honorific only after one ("Lieutenant General"), lower-cased."""
    role_by_verb: dict[str, str]
    role_by_noun: dict[str, str]
    role_by_phrase: dict[str, str]
    title_words: frozenset[str]
    title_heads: frozenset[str]
    """Title words that may end a title ("Projects Coordinator"), not only open one ("Project Manager")."""
    not_name_words: frozenset[str]
    attendance_phrases: tuple[str, ...]
    portfolio_honorifics: frozenset[str]
    title_abbreviations: frozenset[str]
    """Title abbreviations written before a name ("DPM Lee"), as written."""
    name_particles: frozenset[str]
    post_nominals: frozenset[str]
    """Letters after a name ("QC", "AO", "M.P."), written without their dots."""
    leader_titles: frozenset[str]
    """Titles whose "of" names the body led, never a portfolio: "Founder and CEO of X", "President of X"."""
    topic_word_endings: dict[str, int]
    """Endings of abstract nouns ("Administration", "Participation", "Achievement"), which no name's word has, with
    the letters a word needs for its ending to say so ("Actions", but not "Clement")."""
    activity_nouns: frozenset[str]
    """Role nouns that name what happens ("Presentation:", "Keynote") rather than who does it ("Chair:")."""
    academic_titles: frozenset[str]
    """Officers of a university ("Vice-Chancellor", "Dean"): with no body named, they serve the university named last."""
    led_gatherings: frozenset[str]
    """A delegation or a session, named before who leads it: "Most workshops were led by NAME" makes NAME take part
    (a programme or a project "led by" someone does not)."""
    group_nouns: frozenset[str]
    """Nouns for a group that speaks for one country: "the Examplian delegation"."""
    membership_cues: frozenset[str]
    """Words that make the names after a group's mention its members: "included", "led by"."""
    state_titles: tuple[str, ...]
    """Titles of someone who represents a state wherever they sit ("Permanent Representative ... President of ECOSOC")."""
    counterpart_verbs: frozenset[str]
    """Verbs whose "with" names a counterpart taking part: "met with", "signed an agreement with"."""
    contact_cues: tuple[str, ...]
    """Words before a name that make it a contact for enquiries, not someone taking part."""
    attendance_headings: frozenset[str]
    """Headings over a list of people who took part in no role: those who attended ("List of participants"), or a
    newsletter's rosters ("Officers", "Birthdays", "Retirements")."""
    byline_leads: tuple[str, ...]
    """What opens a byline: "By Ana Lima", a front matter's "author: Ana Lima"."""
    representing_leads: tuple[str, ...]
    """What opens a description with whom the person speaks for: "NAME, representing X's Ministry of Y"."""
    narrator_pronouns: frozenset[str]
    """The first person singular: the words by which a report's writer says they were there."""
    narrator_side_verbs: frozenset[str]
    """Verbs whose object is the body the writer speaks for: "I represented X"."""
    narrator_group_pronouns: frozenset[str]
    """The writer's group, which "at X" names: "we at X", "us at X"."""
    talk_heads: frozenset[str]
    """Head nouns of an agenda item's title ("Overview", "Discussion", "Session"): what is spoken about, not who speaks."""
    agenda_columns: frozenset[str]
    """Table headers over what a programme row is about ("Session", "Topic"): that cell describes no one in the row."""
    cue_words: frozenset[str]
    """Titles, honorifics and role nouns: words that make a span a description, not a name."""

    @classmethod
    @cache
    def default(cls) -> SpeakerCues:
        data = load_json("speaker_cues.json")
        return cls(
            honorifics=frozenset(h.lower() for h in data["honorifics"] + data["honorific_lead_words"]),
            person_honorifics=tuple(data["honorifics"]),
            honorific_second_words=frozenset(w.lower() for w in data["honorific_second_words"]),
            role_by_verb={verb: role for role, verbs in data["role_verbs"].items() for verb in verbs},
            role_by_noun={noun: role for role, nouns in data["role_nouns"].items() for noun in nouns},
            role_by_phrase={phrase: role for role, phrases in data["role_by"].items() for phrase in phrases},
            title_words=frozenset(w.lower() for w in data["title_words"]),
            title_heads=frozenset(w.lower() for w in data["title_words"]) - {w.lower() for w in data["title_modifiers"]},
            not_name_words=frozenset(w.lower() for w in data["not_name_words"]),
            attendance_phrases=tuple(data["attendance_phrases"]),
            portfolio_honorifics=frozenset(w.lower() for w in data["portfolio_honorifics"]),
            title_abbreviations=frozenset(data["title_abbreviations"]),
            name_particles=frozenset(data["name_particles"]),
            post_nominals=frozenset(data["post_nominals"]),
            leader_titles=frozenset(w.lower() for w in data["leader_titles"]),
            topic_word_endings=dict(data["topic_word_endings"]),
            activity_nouns=frozenset(data["activity_nouns"]),
            academic_titles=frozenset(data["academic_titles"]),
            led_gatherings=frozenset(data["led_gatherings"]),
            group_nouns=frozenset(data["group_nouns"]),
            membership_cues=frozenset(data["membership_cues"]),
            state_titles=tuple(data["state_titles"]),
            counterpart_verbs=frozenset(data["counterpart_verbs"]),
            contact_cues=tuple(data["contact_cues"]),
            attendance_headings=frozenset(data["attendance_headings"]),
            byline_leads=tuple(data["byline_leads"]),
            representing_leads=tuple(data["representing_leads"]),
            narrator_pronouns=frozenset(data["narrator_pronouns"]),
            narrator_side_verbs=frozenset(data["narrator_side_verbs"]),
            narrator_group_pronouns=frozenset(data["narrator_group_pronouns"]),
            talk_heads=frozenset(data["talk_heads"]),
            agenda_columns=frozenset(data["agenda_columns"]),
            cue_words=frozenset(
                w.lower() for w in data["title_words"] + data["honorifics"] + data["honorific_lead_words"]
            ) | {noun for nouns in data["role_nouns"].values() for noun in nouns},
        )

    def is_honorific(self, token: Token) -> bool:
        """"Justice Ana Ruiz", but not "Minister of Justice Ana Ruiz": after "of" or "for" the word is a portfolio.
        "General" is one after another honorific ("Lieutenant General Ana Ruiz"), never alone ("General Hospital")."""
        previous = token.doc[token.i - 1].lower_ if token.i > 0 else ""
        if token.lower_ in self.honorific_second_words:
            return previous in self.honorifics
        return token.lower_ in self.honorifics and not (token.lower_ in self.portfolio_honorifics and previous in ("of", "for", "and"))

    def has_cue_word(self, span: Span) -> bool:
        """A title, honorific or role word among the tokens, in the plural too ("Distinguished Delegates")."""
        return any(t.lower_ in self.cue_words or t.lower_.endswith("s") and t.lower_[:-1] in self.cue_words for t in span)

    def looks_like_title(self, text: str) -> bool:
        """A title word among the first three words, or in a compound of them ("Under-Secretary-General"), or
        heading the first phrase, as English titles end in theirs ("Payment Systems Projects Coordinator, X")."""
        words = re.findall(r"[\w’'-]+", text.lower())
        phrase = _ITEM_BREAK.split(text.strip(), maxsplit=1)[0].split()
        capitalised = 0 < len(phrase) <= _TITLE_PHRASE_WORDS and all(w[:1].isupper() for w in phrase)
        if capitalised and phrase[-1].lower() in self.title_heads:
            return True
        return any(w in self.title_words or any(part in self.title_words for part in w.split("-")) for w in words[:3])

    def is_talk(self, text: str) -> bool:
        """An agenda item's title rather than an affiliation: its first phrase (before a number, a preposition, a
        conjunction or punctuation) is headed by a talk noun: "Regional Overview of X", "HPV Performance Update in Y",
        "Background to the workshop", "Session 2: • Genomics", "Key Messages, Agreed Actions". An institution's
        name is headed by its kind ("Examplia Institute for Policy Discussion")."""
        first = _ITEM_BREAK.split(text.strip(" •·-–—:“”‘’\"'"), maxsplit=1)[0].split()
        return bool(first) and first[-1].lower() in self.talk_heads
