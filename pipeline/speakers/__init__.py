"""Speaker attribution: who chaired, moderated and spoke, for whom, and what they said.

Reports introduce people in a handful of shapes — "Ms NAME, TITLE, UNIT, ORG, COUNTRY, chaired",
"NAME (ORG) said", "Chair NAME", lists under "Panellists:" — then refer back to them by surname.
The readers in this package read those shapes off a tagged `Doc` and return `SpeakerMatch`
records; the `speaker_attribution` component only stores them on `doc._.speakers`, so spaCy
users can add it to their own pipelines (after an NER that tags PERSON/ORG/GPE).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..countries import CountryIndex
from ..organisations import OrganisationGazetteer, OrganisationWords
from .context import DocumentContext
from .cues import SpeakerCues
from .fields import FieldReader
from .match import SpeakerMatch, merge, same_person
from .prose import ProseReader
from .slots import SlotReader

__all__ = ["SpeakerAttribution", "SpeakerCues", "SpeakerMatch"]

if not Doc.has_extension("speakers"):
    Doc.set_extension("speakers", default=[])


class SpeakerAttribution:
    """Pipeline component: `doc._.speakers` is the list of `SpeakerMatch` in text order."""

    def __init__(self) -> None:
        cues = SpeakerCues.default()
        fields = FieldReader(cues, CountryIndex.default(), OrganisationGazetteer.default(), OrganisationWords.default())
        self.slots = SlotReader(cues, fields)
        self.prose = ProseReader(cues, fields)
        self.context = DocumentContext(cues, fields)

    def __call__(self, doc: Doc) -> Doc:
        known: list[SpeakerMatch] = []
        for match in self.slots.read(doc):
            if (earlier := same_person(known, match.name)) is not None:
                merge(earlier, match)
            else:
                known.append(match)
        speakers = self.prose.speakers(doc, known)
        self.context.complete(doc, speakers)
        doc._.speakers = speakers
        return doc
