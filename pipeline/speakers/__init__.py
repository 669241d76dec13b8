"""Speaker attribution: who chaired, moderated and spoke, for whom, and what they said.

Reports introduce people in a handful of shapes, and one small reader reads each:

- `turns.TurnReader`: transcript turn headers ("ANA LIMA:", "X Institute | Ana Lima | Director");
- `records.RecordReader`: record blocks, a person's card (a photo grid's portrait, a signature block, a speaker
  list's entry): a name line over its title, organisation and country lines, the block's shape enough to make
  the name a person's;
- `programme.ProgrammeReader`: table rows, labelled lines ("Chair: NAME", "Key note by NAME (ORG)"), list
  items and names over lines that describe them inside a longer block;
- `byline.BylineReader`: the writer of a first-person account, named only in its byline ("By Ana Lima");
- `introductions.SelfIntroductionReader`: people who name themselves as they speak ("Hi, I'm Ana Lima, I work at X");
- `prose.ProseReader`: introductions in sentences ("Ms NAME, TITLE, ORG, COUNTRY, chaired", "As NAME, TITLE of
  ORG, put it", a biography), quote attributions ("” NAME, ORG") and the mentions by surname that follow.

The layout readers read slots through `slots.SlotParser`; every reader sorts a description's fields with the
one `fields.FieldReader` (name, title, unit, organisation, country), and `context.DocumentContext` fills in
what the document says once for many (a delegation's country). Readers find one person several times; their
matches are merged (`match.same_person`), the name a layout gives kept. The `speaker_attribution` component
only stores the result on `doc._.speakers`, so spaCy users can add it to their own pipelines (after an NER
that tags PERSON/ORG/GPE).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..countries import CountryIndex
from ..given_names import GivenNamePersons
from ..organisations import OrganisationGazetteer, OrganisationWords
from .byline import BylineReader
from .context import DocumentContext
from .cues import SpeakerCues
from .fields import FieldReader, bare_organisation
from .introductions import SelfIntroductionReader
from .layout import bracketed_role
from .match import ATTENDEE, SpeakerMatch, merge, name_tokens, same_person
from .programme import ProgrammeReader
from .prose import ProseReader
from .records import RecordReader
from .slots import SlotParser
from .turns import TurnReader

__all__ = ["SpeakerAttribution", "SpeakerCues", "SpeakerMatch"]

if not Doc.has_extension("speakers"):
    Doc.set_extension("speakers", default=[])


class SpeakerAttribution:
    """Pipeline component: `doc._.speakers` is the list of `SpeakerMatch` in text order."""

    def __init__(self, given_names: GivenNamePersons | None = None) -> None:
        cues = SpeakerCues.default()
        fields = FieldReader(
            cues, CountryIndex.default(), OrganisationGazetteer.default(), OrganisationWords.default(), given_names
        )
        self.fields = fields
        words = fields.words
        self._head_words = words.institution | words.unit | words.bodies
        """"Board", "University", "Office": a head word alone names no institution, only a kind of one."""
        slots = SlotParser(cues, fields)
        self.turns = TurnReader(slots)
        self.records = RecordReader(slots)
        self.programme = ProgrammeReader(slots)
        self.byline = BylineReader(cues, slots)
        self.introductions = SelfIntroductionReader(slots)
        self.prose = ProseReader(slots)
        self.context = DocumentContext(cues, fields)

    def __call__(self, doc: Doc) -> Doc:
        turns, done = self.turns.read(doc)
        known: list[SpeakerMatch] = []
        layout = self.records.read(doc, done) + self.programme.read(doc, done) + self.byline.read(doc)
        for match in turns + layout + self.introductions.read(doc):
            if (earlier := same_person(known, match.name, description=match)) is not None:
                merge(earlier, match)
            else:
                known.append(match)
        speakers = self.prose.speakers(doc, known)
        self.context.complete(doc, speakers)
        for speaker in speakers:
            speaker.organisation = self.fields.first_affiliation(bare_organisation(speaker.organisation))
            self._take_bracketed_role(speaker)
            if (head := (speaker.organisation_text or "").strip().lower()) in self._head_words and " " not in head:
                speaker.organisation = None  # "Board Member": a board, not which one
        doc._.speakers = [  # not "e.V.", nor "Club Administration", nor "Floor 19"
            speaker for speaker in speakers
            if speaker.role != ATTENDEE and name_tokens(speaker.name) and not self.fields.names_a_topic(speaker.name)
            and not any(token.is_digit for token in speaker.name)
        ]
        return doc

    def _take_bracketed_role(self, speaker: SpeakerMatch) -> None:
        """"Ana Lima (Moderator)": the bracket gives her role, which a reader took for her organisation or title."""
        found = next(filter(None, (bracketed_role(self.fields.cues, mention) for mention in speaker.mentions)), None)
        if found is None:
            return
        speaker.role, words = found
        if (speaker.organisation_text or "").lower() == words:
            speaker.organisation = None
        if (speaker.title or "").lower() == words:
            speaker.title = None

