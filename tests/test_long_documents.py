"""Reports of any length: read in sections, merged into one extraction, each section giving what it gives alone.

The inputs are generated and cheap: a 1,000-page PDF of short pages for the English model, and a
3-million-character text for the section rules and for a pipeline without a statistical model
(`spacy.blank` with sidegraph's rules), which tags it in seconds.
"""

from __future__ import annotations

import itertools
import re
import shutil
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner
from pdfs import Layout, deflated_spaces, write_pages_pdf, write_raw_pdf

import pipeline.cli
from pipeline import Extraction, Extractor, InputError, Speaker, build_graph, load_document
from pipeline.errors import Errors
from pipeline.ingest import SourceDocument, document_from_text
from pipeline.pdf import MAX_INFLATED_MB, MAX_STREAM_MB
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
        paragraphs += ["Participants:", "\n".join(f"• {person(k)[1]}, {ORGANISATIONS[k % 6]}" for k in range(participants))]
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="session")
def long_text() -> str:
    events = (event(n, participants=900 if n % 250 == 125 else 0) for n in itertools.count())
    text, size = [], 0
    while size < 3_050_000:  # ingest joins wrapped lines: the text it gives is a little shorter
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
        if text.startswith("Side event ", section.own):
            assert text[section.own - 2 : section.own] == "\n\n" and section.start == section.own
        else:  # between two items of a list of participants longer than half a section: read from its label
            assert text[section.own - 1] == "\n" and text.startswith("• ", section.own)  # or as far back as allowed
            assert text.startswith("Participants:\n\n", section.start) or (
                text.startswith("• ", section.start) and section.own - section.start > SECTION_CHARS // 20)


@pytest.mark.parametrize("lead", ["- ", ""], ids=["list", "one paragraph"])
def test_a_text_without_paragraphs_is_cut_between_lines_or_sentences(lead: str) -> None:
    """A list with no blank line in it is cut between items; one long paragraph between sentences. (Lines
    without a list marker, all of one width, read as wrapped text: ingest joins them into one paragraph.)"""
    sentences = [f"{lead}Ms. {GIVEN[n % 25]} Lima spoke about {TOPICS[n % 5]} in session {n}." for n in range(4000)]
    document = document_from_text(("\n" if lead else " ").join(sentences))
    sections = split(document, whole=20_000, size=10_000)
    assert len(sections) > 10
    for section in sections[1:]:
        assert document.text[section.own - 1] == ("\n" if lead else " ")
        assert document.text[section.own - 2] == "." and document.text.startswith(f"{lead}Ms. ", section.own)


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


# --------------------------------------------------------------------- a decompression bomb, 10,000 blank pages
@pytest.fixture(scope="module")
def bad_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Small files that would cost gigabytes or minutes if read naively (a few hundred kilobytes each)."""
    folder = tmp_path_factory.mktemp("bad")
    return {
        "bomb": write_raw_pdf(folder / "bomb.pdf", contents=[deflated_spaces(MAX_STREAM_MB + 1)]),
        "nested bomb": write_raw_pdf(folder / "nested.pdf", contents=[zlib.compress(deflated_spaces(4 * MAX_STREAM_MB))],
                                     filters=2),
        "streams together": write_raw_pdf(folder / "together.pdf", pages=9,
                                          contents=[deflated_spaces(MAX_INFLATED_MB // 8 - 1) for _ in range(9)]),
        "blank": write_raw_pdf(folder / "blank.pdf", pages=10_000),
    }


def refused_within(path: Path, message: str, *, megabytes: int) -> None:
    """`path` is refused with `message`, while Python's memory stays under `megabytes` (PDFium never decodes it)."""
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=f"^{re.escape(message)}$"):
            load_document(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < megabytes << 20, f"peak {peak / 2**20:.0f} MB"


@pytest.mark.parametrize("name", ["bomb", "nested bomb"])
def test_a_stream_that_inflates_past_its_limit_is_refused_unread(bad_pdfs: dict[str, Path], name: str) -> None:
    path = bad_pdfs[name]
    assert path.stat().st_size < 400_000
    refused_within(path, Errors.E018.format(path=path, streams="a PDF stream", limit=MAX_STREAM_MB), megabytes=16)


def test_streams_that_inflate_past_their_limit_together_are_refused_unread(bad_pdfs: dict[str, Path]) -> None:
    path = bad_pdfs["streams together"]
    refused_within(path, Errors.E018.format(path=path, streams="the PDF's streams together", limit=MAX_INFLATED_MB),
                   megabytes=16)


def test_ten_thousand_blank_pages_say_so(bad_pdfs: dict[str, Path]) -> None:
    path = bad_pdfs["blank"]
    refused_within(path, Errors.E019.format(path=path, pages=10_000), megabytes=64)


def test_a_run_over_bad_pdfs_lists_them_and_goes_on(bad_pdfs: dict[str, Path], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch, extractor: Extractor) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in bad_pdfs.values():
        shutil.copy(path, folder)
    (folder / "good.txt").write_text(event(1), encoding="utf-8")
    monkeypatch.setattr(pipeline.cli, "Extractor", lambda **_: extractor)
    result = CliRunner().invoke(pipeline.cli.main, ["run", str(folder), "-o", str(tmp_path / "out"), "-w", "1"])
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output and result.stdout.startswith("1 documents, ")
    failures = result.stderr.split(f"{len(bad_pdfs)} document(s) failed:\n", 1)[1].splitlines()
    assert sorted(line.strip().split(": ", 1)[0] for line in failures) == sorted(str(folder / p.name) for p in bad_pdfs.values())
    assert (tmp_path / "out" / "good.json").is_file()
