"""Reading documents: reflowed paragraphs, the way back to the source, PDFs, front matter, errors."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from conftest import SAMPLE_PDF, SEED
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from pipeline import InputError, SourceDocument, document_from_text, load_document
from pipeline.errors import Errors
from pipeline.pdf import creation_date


@pytest.fixture(scope="module")
def seed() -> SourceDocument:
    return load_document(SEED)


def line_starting(doc: SourceDocument, prefix: str) -> str:
    return next(line for line in doc.text.split("\n") if line.startswith(prefix))


def span_of(doc: SourceDocument, needle: str) -> tuple[int, int]:
    start = doc.text.index(needle)
    return start, start + len(needle)


# --------------------------------------------------------------------------------------------- reflow
def test_hard_wrapped_introduction_becomes_one_line(seed: SourceDocument) -> None:
    intro = line_starting(seed, "Mr Liu Yuton")
    assert "MOHRSS, China, shared" in intro
    assert intro.endswith("for the SDG implementation in the ASEAN region.")


def test_paragraphs_stay_apart(seed: SourceDocument) -> None:
    """A short last line ends its paragraph: the next speaker starts a line of their own."""
    assert line_starting(seed, "Mr Sho Sudo").endswith("collaboration on the area of social protection.")
    assert line_starting(seed, "Ms Mei Wei").startswith("Ms Mei Wei, First Vice-President, Geely Holding Group,")


def test_quote_lines_stay_separate(seed: SourceDocument) -> None:
    lines = seed.text.split("\n")
    assert "Quote: We want to be involved with the ILO on the SDG implementation in ASEAN." in lines
    # a wrapped quote is joined to one line, but not to the speaker paragraph before it
    assert "Quote: with the Global Flagship Programme on Building Social Protection Floors for All, we will " \
           "change the life of millions" in lines


WRAPPED = """\
The programme supports the design and the first stage of imple-
mentation of national social protection floors across South-
East Asia, where coverage of informal workers remains very low
and where contributory schemes reach only a minority of workers.
Ministries of labour and of finance agreed to meet twice a year
to review the costing of benefits and the results of the pilots
that were launched in three provinces with the help of partners.
The participants also discussed how to extend health insurance
to the families of migrant workers who return to their villages
and how to register them when they have no formal employment at
all, which is the situation of most workers in the rural areas.
"""


@pytest.fixture(scope="module")
def wrapped() -> SourceDocument:
    return document_from_text(WRAPPED)


def test_wrapped_lines_join_into_one_paragraph(wrapped: SourceDocument) -> None:
    assert "\n" not in wrapped.text
    assert "remains very low and where contributory" in wrapped.text


def test_end_of_line_hyphenation_undone(wrapped: SourceDocument) -> None:
    assert "first stage of implementation of national" in wrapped.text
    assert "imple" + "-" not in wrapped.text


def test_hyphenated_compound_kept(wrapped: SourceDocument) -> None:
    assert "across South-East Asia" in wrapped.text


def test_short_text_is_not_reflowed() -> None:
    assert document_from_text("Agenda\nOpening\nPanel one").text == "Agenda\nOpening\nPanel one"


# ------------------------------------------------------------------------------------------ origin map
@pytest.mark.parametrize("name", ["Liu Yuton", "Valérie Schmitt", "Geely Holding Group", "Lao PDR"])
def test_locate_returns_the_name_in_the_raw_text(seed: SourceDocument, name: str) -> None:
    start, end, page = seed.locate(*span_of(seed, name))
    assert seed.raw[start:end] == name
    assert page == 1


def test_locate_spans_a_line_wrap(seed: SourceDocument) -> None:
    """In the seed "Ministry" ends a line: the raw evidence keeps the line break."""
    start, end, _ = seed.locate(*span_of(seed, "Ministry of Health, Labour and Welfare"))
    assert seed.raw[start:end] == "Ministry\nof Health, Labour and Welfare"


def test_locate_spans_an_undone_hyphen(wrapped: SourceDocument) -> None:
    start, end, _ = wrapped.locate(*span_of(wrapped, "implementation"))
    assert wrapped.raw[start:end] == "imple-\nmentation"


def test_locate_every_character_in_order(seed: SourceDocument) -> None:
    assert len(seed.origin) == len(seed.text)
    assert list(seed.origin) == sorted(seed.origin)
    letters = [i for i, c in enumerate(seed.text) if c.isalnum()]
    assert all(seed.raw[seed.origin[i]] == seed.text[i] for i in letters)


# ------------------------------------------------------------------------------------------------ PDF
@pytest.fixture(scope="module")
def sample() -> SourceDocument:
    return load_document(SAMPLE_PDF)


def test_pdf_pages_and_title(sample: SourceDocument) -> None:
    assert sample.info.pages == 2
    assert sample.title == "Ministerial Dialogue on Social Protection Financing"
    assert sample.info.id == "ministerial-dialogue-sample"


def test_pdf_locate_gives_the_page(sample: SourceDocument) -> None:
    start, end, page = sample.locate(*span_of(sample, "Ingrid Solberg"))
    assert (sample.raw[start:end], page) == ("Ingrid Solberg", 2)
    start, end, page = sample.locate(*span_of(sample, "Adaeze Okafor"))
    assert (sample.raw[start:end], page) == ("Adaeze Okafor", 1)


def test_pdf_sentence_runs_over_the_page_break(sample: SourceDocument) -> None:
    assert "both have cut the cost of each payment" in sample.text
    start, end, page = sample.locate(*span_of(sample, "cut the cost"))
    assert page == 1 and sample.locate(*span_of(sample, "the cost"))[2] == 2
    assert sample.raw[start:end] == "cut\n\nthe cost"


def test_pdf_paragraph_gaps_kept(sample: SourceDocument) -> None:
    """A full-width last line ("Quote: ...") must not run into the next speaker's introduction."""
    lines = sample.text.split("\n")
    assert "Quote: Nobody should have to choose between medicine and food for their children." in lines
    assert any(line.startswith("Mr Kwame Mensah, Chief Economist") for line in lines)
    assert any(line.startswith("Ms Ingrid Solberg, Ambassador") for line in lines)


# ---------------------------------------------------------------------------------------- front matter
def test_markdown_front_matter_gives_title_and_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "briefing.md"
    path.write_text(
        '---\ntitle: "Press briefing on fisheries subsidies"\ndate: 2024-02-27\nlayout: post\n---\n'
        "# Press briefing\n\nMs Ana Lima, Director, Fisherfolk Network, opened the briefing.\n",
        encoding="utf-8",
    )
    doc = load_document(path)
    assert doc.title == "Press briefing on fisheries subsidies"
    assert doc.text.startswith("Press briefing\n")
    assert "layout" not in doc.text and "---" not in doc.text and "2024-02-27" not in doc.text
    start, end, _ = doc.locate(*span_of(doc, "Ana Lima"))
    assert doc.raw[start:end] == "Ana Lima"


def test_markdown_image_file_names_and_code_marks_are_not_text() -> None:
    """A converted page's picture named by its file and a caption set as `code` ("panel.png`Panelists ...`") must
    not run a file name into the caption's first word."""
    doc = document_from_text("Intro.\n\n![panel.png](/uploads/panel.png)`Panelists included Ana Lima.`\n\n![Ana Lima speaking](/a.jpg)\n")
    assert "Panelists included Ana Lima." in doc.text.split("\n")
    assert "panel.png" not in doc.text and "`" not in doc.text
    assert "Ana Lima speaking" in doc.text


def test_markdown_links_in_bold_and_bold_in_links_leave_their_words() -> None:
    doc = document_from_text("Led by **[Prof. Ana Lima](/ana_lima/)** and [**Dr Rui Sousa**](https://example.org/rui).\n")
    assert doc.text == "Led by Prof. Ana Lima and Dr Rui Sousa."
    start, end, _ = doc.locate(*span_of(doc, "Ana Lima"))
    assert doc.raw[start:end] == "Ana Lima"


def test_markdown_emphasis_leaves_its_words_and_footnote_stars_stay() -> None:
    doc = document_from_text("Ana Lima, Senior Expert at the *Examplia Water Institute*, spoke. Rui Sousa*, 5 * 3.\n")
    assert doc.text == "Ana Lima, Senior Expert at the Examplia Water Institute, spoke. Rui Sousa*, 5 * 3."


def test_site_generator_directives_leave_a_figure_caption_and_nothing_else() -> None:
    raw = (
        "Read more at [the forum]({{ site.url }}/forum).{% include back-to-top.html %}\n\n"
        '{{< image src="/media/igf/1.jpg" alt="A stage." class="center"\ncaption="Ana Lima speaking at the forum." >}}\n\n'
        '{% include figure image_path="/a.jpeg" title="Rui Sousa with the Examplia delegation" %}\n\n'
        "{{< youtube 6i4nQG >}}\n\n{{% callout note %}}\nBring your own laptop.\n{{% /callout %}}\n"
    )
    doc = document_from_text(raw)
    assert doc.text.split("\n\n") == [
        "Read more at the forum.", "Ana Lima speaking at the forum.", "Rui Sousa with the Examplia delegation",
        "Bring your own laptop.",
    ]
    start, end, _ = doc.locate(*span_of(doc, "Ana Lima"))
    assert doc.raw[start:end] == "Ana Lima"


def test_an_html_tag_broken_over_lines_leaves_no_attributes_in_the_text() -> None:
    doc = document_from_text('Ana Lima visited.\n\n<img class="img-fluid" style="max-height: 380px;"\nsrc="/assets/visit.png" />\n')
    assert doc.text == "Ana Lima visited."


def test_an_html_table_row_becomes_one_line_of_cells_and_its_rows_stay_one_table() -> None:
    raw = (
        "<table>\n<tr><th>Time</th><th>Session</th><th>Who</th></tr>\n\n"
        "<tr>  <td>09:15</td>  <td>Presentation: Tide gauges<br> Harbour Research Institute\n</td>  <td>Dr. Ana Lima</td></tr>\n\n"
        "<tr><td>10:00</td><td><ul><li>Field visit</li><li>Lunch</li></ul></td><td>All</td></tr>\n</table>\n"
    )
    doc = document_from_text(raw)
    assert doc.text.split("\n")[:2] == [
        "Time | Session | Who",
        "09:15 | Presentation: Tide gauges Harbour Research Institute | Dr. Ana Lima",
    ]
    assert {"Field visit", "Lunch"} <= set(doc.text.split("\n"))  # a list in a cell keeps its lines
    start, end, _ = doc.locate(*span_of(doc, "Ana Lima"))
    assert doc.raw[start:end] == "Ana Lima"


def test_a_markdown_link_with_a_title_leaves_its_words() -> None:
    text = '- [Ana Lima, Director, Harbour Institute](https://example.org/ana "Lima")\n'
    assert document_from_text(text).text.strip() == "- Ana Lima, Director, Harbour Institute"


def test_a_line_break_tag_inside_a_markdown_row_keeps_the_row_whole() -> None:
    doc = document_from_text("| 8:30 | Genomics (practical) | Ana Lima & <br> Rui Sousa |\n| 9:30 | Break | |\n")
    assert doc.text.split("\n")[0] == "| 8:30 | Genomics (practical) | Ana Lima & Rui Sousa |"


def test_folded_front_matter_title() -> None:
    doc = document_from_text("---\ntitle: >-\n  A long title\n  folded over lines\nauthor: x\n---\nBody text.\n")
    assert doc.title == "A long title folded over lines"
    assert doc.text == "Body text."


def test_front_matter_author_naming_a_person_is_kept_where_it_was_written() -> None:
    """A first-person blog post names its writer only there; a site's name or a slug stays out of the text."""
    raw = "---\ntitle: Notes\nauthor: Ana O’Neill\nlayout: post\n---\nI was there.\n"
    doc = document_from_text(raw)
    assert doc.text == "author: Ana O’Neill\n\nI was there."
    start, end, _ = doc.locate(doc.text.index("Ana"), doc.text.index("\n"))
    assert doc.raw[start:end] == "Ana O’Neill"
    assert document_from_text("---\nauthor: examplia-news\n---\nI was there.\n").text == "I was there."
    assert document_from_text("---\nauthor: 'EXNEWS Team'\n---\nI was there.\n").text == "I was there."  # a site's team


def test_a_front_matter_lede_the_body_does_not_repeat_is_the_first_paragraph() -> None:
    """The site shows the excerpt above the body: it may be the only place the speaker is named. Folded over
    lines, it is one paragraph; repeated by the body, it is not read twice."""
    raw = (
        "---\ntitle: Notes\nexcerpt:\n  Ana Lima, Director of the Examplia Water Agency, discusses\n"
        "  the river’s future.\nlayout: post\n---\nThis podcast looks back at the floods.\n"
    )
    doc = document_from_text(raw)
    assert doc.text == "Ana Lima, Director of the Examplia Water Agency, discusses the river’s future.\n\nThis podcast looks back at the floods."
    start, end, _ = doc.locate(*span_of(doc, "the river’s future"))
    assert raw[start:end] == "the river’s future"
    repeated = "---\nsummary: 'Ana Lima opened the workshop.'\n---\nAna Lima opened the workshop. It rained.\n"
    assert document_from_text(repeated).text == "Ana Lima opened the workshop. It rained."


def test_front_matter_after_a_blank_line_and_fences_with_trailing_spaces() -> None:
    """Some site exports start with a blank line and write "---  ". A quoted lede runs to its closing quote though its
    lines start at the margin, and a summary repeating the subtitle is read once."""
    lede = '"A conversation with Ana Lima, Senior Expert at the\nExamplia Water Institute, Examplia."'
    raw = f"  \n---  \ntitle: Notes\nsubtitle: {lede}\nsummary: {lede}\ndate: 2026-03-20\n---  \nIt rained.\n"
    doc = document_from_text(raw)
    assert doc.title == "Notes"
    assert doc.text == "A conversation with Ana Lima, Senior Expert at the Examplia Water Institute, Examplia.\n\nIt rained."


def test_an_event_pages_front_matter_people_are_labelled_lines(extractor) -> None:
    """A session page lists its speakers only in the front matter, as a value or a list of names: each becomes a
    labelled line the programme reader reads, traced back to where it was written; other keys stay out."""
    raw = (
        "---\nlayout: session\ntitle: Opening\nspeaker: \"Tamsin Okoro - Lakeside University\"\nspeakers:\n"
        "  - name: Dr Ravi Menon (Moderator)\n    speakerurl: /menon.html\n  - name: Ines Varga\nvenue: Room 3\n---\n"
        "Welcome and opening remarks.\n"
    )
    doc = document_from_text(raw)
    assert doc.text.split("\n\n")[:3] == [
        "Speaker: Tamsin Okoro - Lakeside University", "Speakers: Dr Ravi Menon (Moderator)", "Speakers: Ines Varga"
    ]
    start, end, _ = doc.locate(*span_of(doc, "Ines Varga"))
    assert raw[start:end] == "Ines Varga"
    speakers = {s.name: s for s in extractor.extract(doc).speakers}
    assert set(speakers) == {"Tamsin Okoro", "Ravi Menon", "Ines Varga"}
    assert speakers["Tamsin Okoro"].organisation == "Lakeside University"


def test_without_front_matter_the_first_line_is_the_title(seed: SourceDocument) -> None:
    assert seed.title == "South-South and Triangular Cooperation"


# ---------------------------------------------------------------------------------------------- errors
def raises_catalogue(message: str) -> pytest.RaisesExc[InputError]:
    """The error must carry exactly the catalogue message: one line, the path first."""
    return pytest.raises(InputError, match=f"^{re.escape(message)}$")


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_bytes(b"PK\x03\x04")
    with raises_catalogue(Errors.E002.format(path=path, suffix=".docx")):
        load_document(path)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.txt"
    with raises_catalogue(Errors.E001.format(path=path)):
        load_document(path)


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with raises_catalogue(Errors.E006.format(path=path)):
        load_document(path)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.drawImage(ImageReader(Image.new("L", (60, 80), 90)), 100, 100, 200, 300)
    canvas.showPage()
    canvas.save()
    with raises_catalogue(Errors.E005.format(path=path)):
        load_document(path)


def test_pdf_of_shapes_only(tmp_path: Path) -> None:
    path = tmp_path / "shapes.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.rect(100, 100, 200, 300, fill=1)
    canvas.showPage()
    canvas.save()
    with raises_catalogue(Errors.E019.format(path=path, pages=1)):
        load_document(path)


def test_broken_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n this is not a pdf \x00\x01\x02")
    with raises_catalogue(Errors.E004.format(path=path, reason="damaged or not a PDF")):
        load_document(path)


def test_a_pdf_s_creation_date_is_read_with_its_text(sample: SourceDocument, seed: SourceDocument) -> None:
    """Read in the same pass as the pages, so that only the reading thread ever calls PDFium."""
    assert sample.created == date(2000, 1, 1)  # scripts/make_sample_pdf.py writes a fixed creation date
    assert seed.created is None


def test_metadata_pdfium_cannot_read_costs_the_date_not_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2

    def unreadable(self):  # type: ignore[no-untyped-def]
        raise pypdfium2.PdfiumError("broken info dictionary")

    monkeypatch.setattr(pypdfium2.PdfDocument, "get_metadata_dict", unreadable)
    document = load_document(SAMPLE_PDF)
    assert document.created is None and document.title == "Ministerial Dialogue on Social Protection Financing"


@pytest.mark.parametrize(("metadata", "expected"), [
    ({"CreationDate": "D:20240315093000+01'00'"}, date(2024, 3, 15)),
    ({"CreationDate": "D:20241399", "ModDate": "20250102"}, date(2025, 1, 2)),  # no such month: the next key
    ({"Title": "Programme", "CreationDate": b"D:2024"}, None),
])
def test_the_creation_date_of_pdf_metadata(metadata: dict, expected: date | None) -> None:
    assert creation_date(metadata) == expected
