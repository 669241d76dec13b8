"""spaCy registrations: the components sidegraph adds to a pipeline, by name.

Kept apart, and without postponed annotations, because spaCy builds its config schema
from the factory signatures at registration time.
"""

from spacy.language import Language
from spacy.tokens import Doc

from .speakers import SpeakerAttribution


@Language.factory("speaker_attribution")
def make_speaker_attribution(nlp: Language, name: str) -> SpeakerAttribution:
    """`nlp.add_pipe("speaker_attribution")` after an NER: results land on `doc._.speakers`."""
    return SpeakerAttribution()


@Language.component("line_boundaries")
def line_boundaries(doc: Doc) -> Doc:
    """A line break in the reflowed text ends a sentence: list items and headings are not run-ons."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc
