"""A person taking part (`SpeakerMatch`), and how the mentions of one person are told apart from another's.

Readers find the same person more than once: a programme row and a later paragraph, a transcript's turn
header and the chair's introduction, a surname alone. These functions decide which mentions are one
person, and merge what each says about them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from spacy.tokens import Span

from ..countries import fold


ATTENDEE = "attendee"
"""The role of an item of a list of participants: no speaker, unless the report also gives them a part."""


@dataclass(slots=True)
class SpeakerMatch:
    """One person taking part in the event, as found in a `Doc`."""

    name: Span
    honorific: str | None = None
    role: str = "speaker"
    title: str | None = None
    organisation: Span | str | None = None
    unit: str | None = None
    country: str | None = None
    quotes: list[Span] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    slot: bool = False
    """Found in a layout slot (a table cell, a turn header): the name is written as the layout gives it."""

    @property
    def organisation_text(self) -> str | None:
        return self.organisation.text if isinstance(self.organisation, Span) else self.organisation


def name_tokens(span: Span) -> list[str]:
    return [fold(t.text) for t in span if t.is_alpha]


def same_person(speakers: list[SpeakerMatch], name: Span, *, description: SpeakerMatch | None = None) -> SpeakerMatch | None:
    """The same words read twice by two readers, a later mention ("Okafor", "Ms Okafor", "Adaeze") or a variant
    spelling of someone already introduced.

    `description` is the match the name comes with, if any: a variant spelling introduced as someone else
    ("Jonas Lima, Director, X" after "José Lima, Senior Adviser, Y") is another person who shares a surname.
    Only introductions of one kind are compared so: a transcript mishears the name a programme writes, and
    what it says of them with it ("Inga Anderson, President of ..." for the programme's "Inger Andersen")."""
    if (here := next((s for s in speakers if (s.name.start, s.name.end) == (name.start, name.end) and s.name.doc is name.doc), None)):
        return here
    tokens = name_tokens(name)
    if not tokens:
        return None
    known = [(speaker, words) for speaker in speakers if (words := name_tokens(speaker.name))]  # a name without a word ("e.V.") has none
    candidates = [speaker for speaker, words in known if name_contained(tokens, words) and initials_agree(name, speaker.name)]
    if len(candidates) > 1:
        candidates = fullest(candidates, name)
    if not candidates:
        candidates = [
            speaker for speaker, words in known
            if variant_spelling(tokens, words)
            and not (description is not None and speaker.slot == description.slot and told_apart(speaker, description))
        ]
    if not candidates and len(name) == 1:  # "I'm Lavnish" in captions, introduced as "Lovneesh Chanana"
        candidates = [speaker for speaker, words in known if len(words) > 1 and sounds_alike(tokens[0], words[0])]
    return candidates[0] if len(candidates) == 1 else None


def name_contained(tokens: list[str], known: list[str]) -> bool:
    shorter, longer = sorted((tokens, known), key=len)
    return set(shorter) <= set(longer) and (shorter[0] == longer[0] or shorter[-1] == longer[-1])


def initials_agree(a: Span, b: Span) -> bool:
    """Whether two names that share a surname can be one person's where one gives its given names as initials:
    "S. Singh" is "Sanjay Kumar Singh", "S.N. Singh" and "Mahesh Kumar Singh" are two people. Names without
    initials agree ("Singh", "Jeet Singh" for "Parminder Jeet Singh")."""
    if not any(abbreviated(name[:-1]) for name in (a, b)):
        return True
    written = [_initials_of(name[:-1]) for name in (a, b)]
    first, second = sorted(written, key=len)
    return second.startswith(first)


def abbreviated(given: Span) -> bool:
    """Given names written as initials only: "S.N.", "P. K.", "PVVS" is not (a word)."""
    return len(given) > 0 and all(re.fullmatch(r"(?:[A-Z]\.)+|[A-Z]", token.text) for token in given)


def _initials_of(given: Span) -> str:
    return "".join(token.text[0] if token.is_alpha else "".join(c for c in token.text if c.isalpha()) for token in given).upper()


def variant_spelling(tokens: list[str], known: list[str]) -> bool:
    """"Rafiq Hassan Ullah" / "Rafiq Hasan Ullah", "Jurgen Albamann" / "Jürgen Albermann" (a transcript's ear).

    Full names: nearly the same letters, or every word with the same start and most letters the same, or the
    same first name and a surname with the same start, or every word sounding alike.
    """
    if len(tokens) < 2 or len(known) < 2:
        return False
    matcher = SequenceMatcher(None, " ".join(tokens), " ".join(known))
    if matcher.quick_ratio() >= 0.75 and (ratio := matcher.ratio()) >= 0.75:  # the quick upper bound spares most pairs the count
        if ratio >= 0.85 or len(tokens) == len(known) and all(a[:2] == b[:2] for a, b in zip(tokens, known)):
            return True  # "Inga Anderson" / "Inger Andersen": every word heard with its start
    if len(tokens) == len(known) and all(sounds_alike(a, b) for a, b in zip(tokens, known)):
        return True  # "Claus Noman" / "Clas Neumann": captions write every word as it sounds
    return tokens[0] == known[0] and len(tokens[-1]) >= 4 and tokens[-1][:4] == known[-1][:4]


def sounds_alike(a: str, b: str) -> bool:
    """A given name alone and a full name's: the same first letter and the same consonants (Soundex), as a
    speech-to-text ear confuses names: "Lavnish" and "Lovneesh" (L152), "Kritika" and "Krithika", not "Ana" and
    "Anika"."""
    code = _soundex(a)
    return a[:1] == b[:1] and code[2] != "0" and code == _soundex(b)  # two sounds at least: not "Tess" and "Tech"


def _soundex(word: str) -> str:
    codes = [_SOUNDEX.get(letter, "") if letter not in "hw" else None for letter in word]
    kept, previous = [], _SOUNDEX.get(word[:1], "")
    for code in codes[1:]:
        if code is None:
            continue  # "h" and "w" do not part two letters of one code
        if code and code != previous:
            kept.append(code)
        previous = code
    return (word[:1] + "".join(kept) + "000")[:4]


_SOUNDEX = {letter: str(code) for code, letters in enumerate(("bfpv", "cgjkqsxz", "dt", "l", "mn", "r"), 1) for letter in letters}


def told_apart(a: SpeakerMatch, b: SpeakerMatch) -> bool:
    """Two introductions that cannot be of one person: another given name or surname ("Jonas Lima", "José Lima";
    "Robert" and "Robery" are one name mistyped), or a different organisation or country (where a person comes from), or where
    neither says that, a different title. An acronym and its long form ("ADB", "Asian Development Bank") or a
    shorter wording inside a longer one are alike; someone named without a description is told apart from nobody."""
    if not (_described(a) and _described(b)):
        return False
    (*given_a, family_a), (*given_b, family_b) = name_tokens(a.name) or [""], name_tokens(b.name) or [""]
    if any(SequenceMatcher(None, x, y).ratio() < 0.8 for x, y in (("".join(given_a), "".join(given_b)), (family_a, family_b))):
        return True
    for said in ((a.organisation_text, b.organisation_text), (a.country, b.country)), ((a.title, b.title),):
        if compared := [(x, y) for x, y in said if x and y]:
            return not all(_alike(x, y) for x, y in compared)
    return False


def _described(speaker: SpeakerMatch) -> bool:
    return bool(speaker.organisation or speaker.title or speaker.country)


def _alike(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return a in b or b in a or a.replace(" ", "") == _initials(b) or b.replace(" ", "") == _initials(a)


def _initials(text: str) -> str:
    return "".join(word[0] for word in text.split() if word not in ("of", "the", "and", "for", "on", "de", "&"))


def fullest(candidates: list[SpeakerMatch], name: Span) -> list[SpeakerMatch]:
    """Of several people a short mention could be, those named in full, and if still several, those introduced with an honorific."""
    full = [speaker for speaker in candidates if len(speaker.name) > 1 and speaker.name.text != name.text]
    honoured = [speaker for speaker in full if speaker.honorific]
    return honoured if len(full) > 1 and len(honoured) == 1 else full


def merged_short_names(speakers: list[SpeakerMatch]) -> list[SpeakerMatch]:
    """"Minister Ong" introduced before "Ms Mei Ong": one person, under the full name."""
    kept: list[SpeakerMatch] = []
    for speaker in speakers:
        if len(speaker.name) == 1:
            tokens = name_tokens(speaker.name)
            fuller = fullest([other for other in speakers if name_contained(tokens, name_tokens(other.name))], speaker.name)
            if len(fuller) == 1:
                merge(fuller[0], speaker, keep_name=True)
                continue
        kept.append(speaker)
    return kept


def merge(earlier: SpeakerMatch, later: SpeakerMatch, *, keep_name: bool = False) -> None:
    complete(earlier, later)
    general = ("speaker", "quoted")
    if earlier.role == ATTENDEE or earlier.role in general and later.role not in (*general, ATTENDEE):
        earlier.role = later.role  # a listed participant whom the report also gives a part takes that part
    if len(later.name) > len(earlier.name) and not (keep_name or earlier.slot and len(earlier.name) > 1):
        earlier.name = later.name
    earlier.mentions.extend(later.mentions)


def complete(speaker: SpeakerMatch, description: SpeakerMatch) -> None:
    """What another introduction of the same person says and the speaker's own does not."""
    for attribute in ("honorific", "title", "organisation", "unit", "country"):
        if getattr(speaker, attribute) is None:
            setattr(speaker, attribute, getattr(description, attribute))
