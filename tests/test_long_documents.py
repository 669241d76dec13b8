"""Reports of any length: read in sections, merged into one extraction, each section giving what it gives alone.

The inputs are generated and cheap: a 1,000-page PDF of short pages for the English model, and a
3-million-character text for the section rules and for a pipeline without a statistical model
(`spacy.blank` with sidegraph's rules), which tags it in seconds.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from pdfs import Layout, write_pages_pdf

from pipeline import Extraction, Extractor, Speaker, build_graph, load_document
from pipeline.ingest import SourceDocument, document_from_text
from pipeline.sections import SECTION_CHARS, WHOLE_CHARS, Section, section_document, split

GIVEN = ["Ana", "Kofi", "Mei", "Ingrid", "Rahul", "Laila", "José", "Amara", "Tomás", "Sione", "Noor", "Pita", "Ines",
         "Jonas", "Farida", "Marek", "Lucía", "Tendai", "Greta", "Oskar", "Zanele", "Tariq", "Elif", "Rosa", "Viktor"]
FAMILY = ["Lima", "Mensah", "Chen", "Berg", "Iyer", "Haddad", "Okafor", "Novak", "Tanaka", "Moreno", "Fischer", "Banda",
          "Costa", "Yilmaz", "Lindqvist", "Rahman", "Osei", "Kowalski", "Alvarez", "Sato", "Petrov", "Dlamini", "Kaur",
          "Nguyen", "Silva", "Herrera", "Akande", "Varga", "Moana", "Tavita", "Keller", "Obi", "Rossi", "Ferreira"]
HONORIFICS = ["Ms", "Mr", "Dr", "Prof."]
ORGANISATIONS = ["Examplia Institute of Labour", "Ruritania Water Agency", "Freedonia Development Bank",
                 "Borduria Health Council", "Syldavia Fisheries Board", "Grand Fenwick Energy Office"]
TOPICS = ["social protection", "water security", "coastal fisheries", "primary health care", "renewable energy"]


def person(number: int) -> tuple[str, str]:
    """An introduction and the name it introduces: every number up to 850 gives another name."""
    name = f"{GIVEN[number % len(GIVEN)]} {FAMILY[number // len(GIVEN) % len(FAMILY)]}"
    return f"{HONORIFICS[number % len(HONORIFICS)]} {name}", name


# ---------------------------------------------------------------------------------- a 1,000-page PDF
PAGES = 1000


def pdf_page(number: int) -> list[str]:
    chair, _ = person(2 * number)
    speaker, _ = person(2 * number + 1)
    topic, organisation, other = TOPICS[number % 5], ORGANISATIONS[number % 6], ORGANISATIONS[(number + 1) % 6]
    return [
        f"Session {number + 1}: {topic.capitalize()}",
        f"{chair}, Director, {organisation}, chaired the session on {topic}.",
        f"{speaker}, Senior Adviser, {other}, said that {topic} had improved since {2000 + number % 25}.",
    ]


@pytest.fixture(scope="session")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pages_pdf(tmp_path_factory.mktemp("long") / "proceedings.pdf", [pdf_page(n) for n in range(PAGES)],
                           Layout(header="Proceedings of the side events"))


@pytest.fixture(scope="session")
def long_pdf_document(long_pdf: Path) -> SourceDocument:
    return load_document(long_pdf)


@pytest.fixture(scope="session")
def long_pdf_extraction(extractor: Extractor, long_pdf_document: SourceDocument) -> tuple[Extraction, list[str]]:
    """The extraction, and every text the model was given to tag at once (recorded on the way)."""
    tagged: list[str] = []
    pipe = extractor.nlp.pipe

    def recording(texts: list[str], **options: object) -> Iterator[object]:
        tagged.append("".join(texts))
        return pipe(texts, **options)

    extractor.nlp.pipe = recording  # type: ignore[method-assign]
    try:
        return extractor.extract(long_pdf_document), tagged
    finally:
        del extractor.nlp.pipe


def own(extraction: Extraction, document: SourceDocument, sections: tuple[Section, ...], number: int) -> list[Speaker]:
    """The speakers of one section's own part."""
    low = document.origin[sections[number].own] if number else 0
    high = document.origin[sections[number + 1].own] if number + 1 < len(sections) else len(document.raw)
    return [speaker for speaker in extraction.speakers if low <= speaker.start < high]


def described(speakers: list[Speaker]) -> list[tuple[object, ...]]:
    """What a speaker is, without where (offsets differ between a section and the whole)."""
    return [(s.name, s.honorific, s.role, s.title, s.organisation, s.organisation_id, s.unit, s.country, s.quotes)
            for s in speakers]


def test_a_1000_page_pdf_is_one_extraction_with_the_pages_of_the_whole(
        long_pdf_document: SourceDocument, long_pdf_extraction: tuple[Extraction, list[str]]) -> None:
    extraction, _ = long_pdf_extraction
    assert len(long_pdf_document.text) > WHOLE_CHARS and extraction.document.pages == PAGES
    expected = [(person(2 * n + k)[1], n + 1) for n in range(PAGES) for k in (0, 1)]
    assert [(s.name, s.page) for s in extraction.speakers] == expected
    assert [s.role for s in extraction.speakers[:2]] == ["chair", "speaker"]
    for speaker in extraction.speakers:
        assert long_pdf_document.raw[speaker.start : speaker.end] == speaker.name
    for entity in extraction.entities:
        assert all(long_pdf_document.raw[m.start : m.end] == m.text for m in entity.mentions)
    graph = build_graph([extraction])
    assert [node for node, data in graph.nodes(data=True) if data["type"] == "event"] == ["event:proceedings"]


def test_the_model_never_tags_more_than_a_section(
        long_pdf_document: SourceDocument, long_pdf_extraction: tuple[Extraction, list[str]]) -> None:
    _, tagged = long_pdf_extraction
    sections = split(long_pdf_document)
    assert len(sections) >= len(long_pdf_document.text) / SECTION_CHARS > 4
    assert tagged == [long_pdf_document.text[s.start : s.end] for s in sections]  # one at a time, none whole
    assert max(map(len, tagged)) <= SECTION_CHARS


def test_each_section_of_the_pdf_gives_the_speakers_it_gives_alone(
        extractor: Extractor, long_pdf_document: SourceDocument, long_pdf_extraction: tuple[Extraction, list[str]]) -> None:
    extraction, _ = long_pdf_extraction
    sections = split(long_pdf_document)
    assert len(sections) >= len(long_pdf_document.text) / SECTION_CHARS > 4
    for number in (len(sections) // 2, len(sections) - 1):
        section = section_document(long_pdf_document, sections[number])
        alone = extractor.extract_text(section.text)
        skipped = sections[number].own - sections[number].start  # read as context: the section before's
        assert described(own(extraction, long_pdf_document, sections, number)) == described(
            [s for s in alone.speakers if s.start >= skipped])


# ------------------------------------------------------------------------- a 3-million-character text
def event(number: int, *, participants: int = 0) -> str:
    """A side event: heading, chair, a labelled list of panellists, a paragraph that names one again,
    and now and then a long list of participants (longer than half a section, so a cut must fall in it)."""
    panel = [person(number * 7 + k) for k in range(1, 2 + number % 5)]
    chair, _ = person(number * 7)
    topic, organisation = TOPICS[number % 5], ORGANISATIONS[number % 6]
    paragraphs = [
        f"Side event {number}: {topic.capitalize()} in practice",
        f"{chair}, Director, {organisation}, chaired the event. Participants discussed {topic} and the financing "
        f"it needs, with examples from several national programmes and a question-and-answer session.",
        "Panellists:",
        "\n".join(f"• {intro}, Senior Adviser, {ORGANISATIONS[(number + k) % 6]}" for k, (intro, _) in enumerate(panel)),
        f"{panel[0][1].split()[-1]} said that {topic} had improved over the past five years. " * 3,
    ]
    if participants:
        paragraphs += ["Participants:", "\n".join(f"{person(k)[1]}, {ORGANISATIONS[k % 6]}" for k in range(participants))]
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="session")
def long_text() -> str:
    events = (event(n, participants=900 if n % 250 == 125 else 0) for n in itertools.count())
    text, size = [], 0
    while size < 3_000_000:
        text.append(next(events))
        size += len(text[-1]) + 2
    return "\n\n".join(text)


@pytest.fixture(scope="session")
def long_text_document(long_text: str) -> SourceDocument:
    return document_from_text(long_text, doc_id="compilation")


def test_sections_cover_the_text_and_stay_within_their_size(long_text_document: SourceDocument) -> None:
    text = long_text_document.text
    sections = split(long_text_document)
    assert len(long_text_document.raw) >= 3_000_000 and len(sections) > 60  # the text read is a little shorter
    assert sections[0].start == sections[0].own == 0 and sections[-1].end == len(text)
    for before, after in zip(sections, sections[1:]):
        assert after.start <= after.own and after.own - after.start <= SECTION_CHARS // 10
        assert text[before.end : after.own].strip() == ""  # own parts follow one another
    assert max(s.end - s.start for s in sections) <= SECTION_CHARS


def test_sections_start_before_headings_or_with_the_head_of_a_cut_list(long_text_document: SourceDocument) -> None:
    text = long_text_document.text
    for section in split(long_text_document)[1:]:
        assert text[section.own - 2 : section.own] == "\n\n"  # between paragraphs: no sentence is cut
        if text.startswith("Side event ", section.own):
            assert section.start == section.own
        else:  # inside a list of participants longer than half a section: read from its label on
            assert text.startswith("Participants:\n\n", section.start), text[section.own : section.own + 80]


@pytest.mark.parametrize("shape", ["lines", "one paragraph"])
def test_a_text_without_paragraphs_is_cut_between_lines_or_sentences(shape: str) -> None:
    sentences = [f"Ms. {GIVEN[n % 25]} Lima spoke about {TOPICS[n % 5]} in session {n}." for n in range(4000)]
    document = document_from_text(("\n" if shape == "lines" else " ").join(sentences))
    sections = split(document, whole=20_000, size=10_000)
    assert len(sections) > 10
    for section in sections[1:]:
        assert document.text[section.own - 1] == ("\n" if shape == "lines" else " ")
        assert document.text[section.own - 2] == "." and document.text.startswith("Ms. ", section.own)


def test_a_short_document_is_one_section(long_text: str) -> None:
    document = document_from_text(long_text[:WHOLE_CHARS])
    assert split(document) == (Section(0, 0, len(document.text)),)


@pytest.fixture(scope="session")
def rules_only(tmp_path_factory: pytest.TempPathFactory) -> Extractor:
    """sidegraph's rules on spaCy's blank English: no tagger, parser or statistical NER, fast."""
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    folder = tmp_path_factory.mktemp("blank-en")
    blank.to_disk(folder)
    return Extractor(model=str(folder))


def test_each_section_of_a_long_text_gives_the_speakers_it_gives_alone(
        rules_only: Extractor, long_text_document: SourceDocument) -> None:
    extraction = rules_only.extract(long_text_document)
    sections = split(long_text_document)
    assert len(extraction.speakers) > 1000
    in_a_list = next(n for n, s in enumerate(sections) if s.start < s.own)
    for number in (0, in_a_list, in_a_list + 1, len(sections) - 1):
        section = sections[number]
        alone = rules_only.extract(section_document(long_text_document, section))
        assert own(extraction, long_text_document, sections, number) == own(alone, long_text_document, sections, number)
        by_text = rules_only.extract_text(long_text_document.text[section.start : section.end])
        assert described(own(extraction, long_text_document, sections, number)) == described(
            [s for s in by_text.speakers if s.start >= section.own - section.start])
    for entity in extraction.entities:
        assert all(long_text_document.raw[m.start : m.end] == m.text for m in entity.mentions)
        assert [m.start for m in entity.mentions] == sorted(m.start for m in entity.mentions)
