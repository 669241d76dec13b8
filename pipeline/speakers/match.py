"""A person taking part (`SpeakerMatch`), and how the mentions of one person are told apart from another's.

Readers find the same person more than once: a programme row and a later paragraph, a transcript's turn
header and the chair's introduction, a surname alone. These functions decide which mentions are one
person, and merge what each says about them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from spacy.tokens import Span

from ..countries import fold


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


def same_person(speakers: list[SpeakerMatch], name: Span) -> SpeakerMatch | None:
    """The same words read twice by two readers, a later mention ("Okafor", "Ms Okafor", "Adaeze") or a variant
    spelling of someone already introduced."""
    if (here := next((s for s in speakers if (s.name.start, s.name.end) == (name.start, name.end) and s.name.doc is name.doc), None)):
        return here
    tokens = name_tokens(name)
    if not tokens:
        return None
    known = [(speaker, name_tokens(speaker.name)) for speaker in speakers]
    candidates = [speaker for speaker, words in known if name_contained(tokens, words)]
    if len(candidates) > 1:
        candidates = fullest(candidates, name)
    if not candidates:
        candidates = [speaker for speaker, words in known if variant_spelling(tokens, words)]
    return candidates[0] if len(candidates) == 1 else None


def name_contained(tokens: list[str], known: list[str]) -> bool:
    shorter, longer = sorted((tokens, known), key=len)
    return set(shorter) <= set(longer) and (shorter[0] == longer[0] or shorter[-1] == longer[-1])


def variant_spelling(tokens: list[str], known: list[str]) -> bool:
    """"Rafiq Hassan Ullah" / "Rafiq Hasan Ullah", "Jurgen Albamann" / "Jürgen Albermann" (a transcript's ear).

    Full names only: nearly the same letters, or every word with the same start and most letters the same, or the
    same first name and a surname with the same start.
    """
    if len(tokens) < 2 or len(known) < 2:
        return False
    matcher = SequenceMatcher(None, " ".join(tokens), " ".join(known))
    if matcher.quick_ratio() >= 0.75 and (ratio := matcher.ratio()) >= 0.75:  # the quick upper bound spares most pairs the count
        if ratio >= 0.85 or len(tokens) == len(known) and all(a[:2] == b[:2] for a, b in zip(tokens, known)):
            return True  # "Inga Anderson" / "Inger Andersen": every word heard with its start
    return tokens[0] == known[0] and len(tokens[-1]) >= 4 and tokens[-1][:4] == known[-1][:4]


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
    for attribute in ("honorific", "title", "organisation", "unit", "country"):
        if getattr(earlier, attribute) is None:
            setattr(earlier, attribute, getattr(later, attribute))
    if earlier.role in ("speaker", "quoted") and later.role not in ("speaker", "quoted"):
        earlier.role = later.role
    if len(later.name) > len(earlier.name) and not (keep_name or earlier.slot and len(earlier.name) > 1):
        earlier.name = later.name
    earlier.mentions.extend(later.mentions)
