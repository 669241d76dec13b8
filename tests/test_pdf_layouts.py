"""PDF layouts of real reports, typeset in the tests: columns, running furniture, wrapping, long and broken files."""

from __future__ import annotations

import ctypes
import io
import re
import string
import time
import tracemalloc
from pathlib import Path

import pypdfium2
import pytest
from conftest import SEED
from pdfs import (BOLD, FONT, Layout, draw_title, report_paragraphs, write_grid_pdf, write_page, write_pdf,
                  write_pages_pdf, write_photo_grid_pdf, write_sidebar_pdf, write_to_unicode_pdf)
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas

import pipeline.pdf
from pipeline import Extractor, InputError, SourceDocument, load_document
from pipeline.errors import Errors, Notes


def raises_catalogue(message: str) -> pytest.RaisesExc[InputError]:
    return pytest.raises(InputError, match=f"^{re.escape(message)}$")


def paragraphs_of(doc: SourceDocument) -> list[str]:
    return [line for line in doc.text.split("\n") if line]


SESSIONS = report_paragraphs(18)


# ---------------------------------------------------------------------------------------------- columns
@pytest.fixture(scope="module")
def seed_text() -> SourceDocument:
    return load_document(SEED)


@pytest.fixture(scope="module")
def seed_two_columns(seed_text: SourceDocument, tmp_path_factory: pytest.TempPathFactory) -> Path:
    title, *body = paragraphs_of(seed_text)
    layout = Layout(columns=2, title=title, header="Side events at the ILC | {page}", footer="{page}")
    return write_pdf(tmp_path_factory.mktemp("pdf") / "side-event-sstc.pdf", body, layout)


def test_two_columns_read_in_column_order(seed_text: SourceDocument, seed_two_columns: Path) -> None:
    """Text sorted by height interleaves the columns line by line; each paragraph must come out whole."""
    pdf = load_document(seed_two_columns)
    assert pdf.info.pages > 1
    assert paragraphs_of(pdf) == paragraphs_of(seed_text)


def test_two_column_pdf_gives_the_speakers_of_the_text(extractor: Extractor, seed_text: SourceDocument,
                                                       seed_two_columns: Path) -> None:
    from_text = [(s.name, s.organisation, s.country) for s in extractor.extract(seed_text).speakers]
    from_pdf = [(s.name, s.organisation, s.country) for s in extractor.extract(seed_two_columns).speakers]
    assert len(from_text) >= 5
    assert from_pdf == from_text


def test_single_column_pages_unchanged(tmp_path: Path) -> None:
    doc = load_document(write_pdf(tmp_path / "one.pdf", SESSIONS, Layout(title="Regional dialogue")))
    assert paragraphs_of(doc) == ["Regional dialogue", *SESSIONS]


def test_ragged_columns_whose_lines_end_in_proper_names_are_read_down_each_column(tmp_path: Path) -> None:
    """A press release in two ragged-right columns, a contact block over the left one: lines ending in a name
    ("the Harbour" over "Council of ...") look finished one by one, but the columns are running text, not a grid
    of cells read across."""
    towns = ["Examplia", "Otherland", "Northvale", "Southmere", "Eastport", "Westbury", "Lakemoor", "Highcliff"]

    def prose(first: int, count: int) -> str:
        return " ".join(f"The {towns[n % 8]} Teachers Union met the {towns[(n + 3) % 8]} Lecturers Association Board "
                        f"and the Harbour Council of {towns[(n + 5) % 8]} City." for n in range(first, first + count))

    left = ["PRESS RELEASE", "Ana Lima (Examplia Teachers Union)", "", *simpleSplit(prose(0, 5), FONT, 10, 230)]
    right = simpleSplit(prose(5, 6), FONT, 10, 230)

    def draw(canvas: Canvas) -> None:
        canvas.setFont(FONT, 10)
        for x, lines in ((56, left), (310, right)):
            for number, line in enumerate(lines):
                canvas.drawString(x, 780 - 13 * number, line)

    doc = load_document(write_page(tmp_path / "release.pdf", draw))
    assert paragraphs_of(doc)[-2:] == [prose(0, 5), prose(5, 6)]


def test_table_is_not_taken_for_columns(tmp_path: Path) -> None:
    """Short cells side by side are rows of a table, read across, not two columns read one after the other;
    each row is one line, its cells apart."""
    rows = [("Cambodia", "2015 12%"), ("Viet Nam", "2016 31%"), ("Mongolia", "2017 44%"), ("Indonesia", "2018 27%"),
            ("Thailand", "2019 52%"), ("Lao PDR", "2020 9%"), ("Myanmar", "2021 6%"), ("Malaysia", "2022 38%")]
    path = tmp_path / "table.pdf"
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setFont(FONT, 10)
    for number, (country, figures) in enumerate(rows):
        canvas.drawString(72, 700 - 14 * number, country)
        canvas.drawString(372, 700 - 14 * number, figures)
    canvas.showPage()
    canvas.save()
    assert paragraphs_of(load_document(path)) == [f"{country} | {figures}" for country, figures in rows]


# ------------------------------------------------------------------------------------ running furniture
def test_running_headers_footers_and_page_numbers_removed(tmp_path: Path) -> None:
    layout = Layout(header="Annual report 2024 | Social protection in Asia", footer="Page {page} of {pages}",
                    paragraph_gap=300)
    doc = load_document(write_pdf(tmp_path / "report.pdf", SESSIONS, layout))
    assert doc.info.pages >= 6
    assert "Annual report" not in doc.text and "Page " not in doc.text
    assert paragraphs_of(doc) == SESSIONS


def test_bare_page_numbers_removed_in_a_short_document(tmp_path: Path) -> None:
    doc = load_document(write_pdf(tmp_path / "short.pdf", SESSIONS[:2], Layout(footer="{page}", paragraph_gap=700)))
    assert doc.info.pages == 2
    assert paragraphs_of(doc) == SESSIONS[:2]


# ------------------------------------------------------------------------------------------- wrapping
WRAPPED_LINES = [
    "The delegates from the ministries of labour agreed that the national dialogues had shaped the imple-",
    "mentation of social protection floors in twenty-one countries, and that the experience of the South-",
    "East Asian members would be shared with the other regions through the ﬁnancing ﬂoor network set up",
    "at the end of the meeting.",
]


@pytest.fixture(scope="module")
def wrapped_pdf(tmp_path_factory: pytest.TempPathFactory) -> SourceDocument:
    paragraphs = [WRAPPED_LINES, "Key messages:", "• Extend coverage to informal workers.",
                  "• Coordinate ministries of labour and ﬁnance.", "– Share data across schemes."]
    return load_document(write_pdf(tmp_path_factory.mktemp("pdf") / "wrapped.pdf", paragraphs, Layout(font_size=9)))


def test_hyphenation_at_line_end_undone(wrapped_pdf: SourceDocument) -> None:
    first = paragraphs_of(wrapped_pdf)[0]
    assert "the implementation of social protection" in first
    assert "the South-East Asian members" in first


def test_ligatures_become_letters(wrapped_pdf: SourceDocument) -> None:
    assert "the financing floor network" in wrapped_pdf.text
    assert "ministries of labour and finance." in wrapped_pdf.text
    assert not re.search("[\ufb00-\ufb06]", wrapped_pdf.text)


def test_bullets_stay_separate_items(wrapped_pdf: SourceDocument) -> None:
    assert paragraphs_of(wrapped_pdf)[1:] == [
        "Key messages:", "• Extend coverage to informal workers.", "• Coordinate ministries of labour and finance.",
        "– Share data across schemes."]


def test_paragraph_split_by_a_page_break_is_joined(tmp_path: Path) -> None:
    items = report_paragraphs(60)
    paragraphs = [" ".join(items[n : n + 4]) for n in range(0, len(items), 4)]
    doc = load_document(write_pdf(tmp_path / "break.pdf", paragraphs, Layout(footer="Page {page}")))
    assert paragraphs_of(doc) == paragraphs
    first_and_last_pages = [(doc.locate(start, start + 1)[2], doc.locate(end - 1, end)[2])
                            for start, end in ((doc.text.index(p), doc.text.index(p) + len(p)) for p in paragraphs)]
    assert any(first != last for first, last in first_and_last_pages), "the layout must split a paragraph"


# ------------------------------------------------------------------------------------ long documents
LONG_PAGES = 320


@pytest.fixture(scope="module")
def long_document(tmp_path_factory: pytest.TempPathFactory) -> tuple[SourceDocument, int, float]:
    """A 320-page report read once for all its tests: the document, peak memory traced while reading, seconds."""
    body = report_paragraphs(LONG_PAGES)
    layout = Layout(header="Asia-Pacific social protection review 2024", footer="Page {page} of {pages}", paragraph_gap=800)
    path = write_pdf(tmp_path_factory.mktemp("pdf") / "long.pdf", body, layout)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        doc = load_document(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return doc, peak, time.perf_counter() - started


def test_long_pdf_read_completely(long_document: tuple[SourceDocument, int, float]) -> None:
    doc, _, seconds = long_document
    assert seconds < 120, "about 20 s here under tracemalloc: a cost per page growing with the page number would show"
    assert doc.info.pages == LONG_PAGES
    sections = paragraphs_of(doc)
    assert len(sections) == LONG_PAGES
    assert sections == report_paragraphs(LONG_PAGES)
    assert "Asia-Pacific social protection review" not in doc.text and "Page " not in doc.text


def test_long_pdf_memory_stays_bounded(long_document: tuple[SourceDocument, int, float]) -> None:
    """Each page's characters and layout are dropped once its text is taken: memory does not grow with the pages."""
    _, peak, _ = long_document
    assert peak < 40 * 2**20, f"peak {peak / 2**20:.0f} MB"


def test_long_pdf_page_of_a_late_section(long_document: tuple[SourceDocument, int, float]) -> None:
    doc, _, _ = long_document
    start = doc.text.index("Item 300.")
    assert doc.locate(start, start + 9)[2] == 300


# --------------------------------------------------------------------------------------- bad files
@pytest.fixture(scope="module")
def good_pdf_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write_pdf(tmp_path_factory.mktemp("pdf") / "good.pdf", SESSIONS[:4], Layout(paragraph_gap=400)).read_bytes()


def test_encrypted_with_empty_password_is_read(tmp_path: Path) -> None:
    doc = load_document(write_pdf(tmp_path / "locked.pdf", SESSIONS[:2], encrypt=""))
    assert paragraphs_of(doc) == SESSIONS[:2]


def test_encrypted_with_password_is_a_clear_error(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "secret report.pdf", SESSIONS[:2], encrypt="s3cret")
    with raises_catalogue(Errors.E011.format(path=path)):
        load_document(path)


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9])
def test_truncated_pdf_is_a_clear_error(tmp_path: Path, good_pdf_bytes: bytes, keep: float) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(good_pdf_bytes[: int(keep * len(good_pdf_bytes))])
    with raises_catalogue(Errors.E004.format(path=path, reason="the file ends too early: truncated or damaged")):
        load_document(path)


def test_corrupt_pdf_is_a_one_line_error(tmp_path: Path, good_pdf_bytes: bytes) -> None:
    path = tmp_path / "scrambled.pdf"
    path.write_bytes(good_pdf_bytes[:20] + bytes(reversed(good_pdf_bytes[20:])))
    with pytest.raises(InputError, match=rf"^{re.escape(str(path))}: cannot read PDF \([^\n]+\)$"):
        load_document(path)


# ------------------------------------------------------------------------------ the fallback reader
SAVED_WITH_HEADERS = (b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nSet-Cookie: session="
                      + b"a1b2c3d4" * 150 + b"; Path=/; Secure\r\n\r\n")
"""An HTTP response's headers, as `curl -i` saves them before the file: more than the kilobyte in which
PDFium looks for "%PDF-"."""


@pytest.mark.parametrize("columns", [1, 2])
def test_a_pdf_pdfium_refuses_is_read_by_pdfminer_alike(tmp_path: Path, columns: int) -> None:
    clean = write_pdf(tmp_path / "clean.pdf", SESSIONS,
                      Layout(columns=columns, header="Side events 2024 | {page}", title="Report of the side events"))
    saved = tmp_path / "saved.pdf"
    saved.write_bytes(SAVED_WITH_HEADERS + clean.read_bytes())
    with pytest.raises(pypdfium2.PdfiumError):
        pypdfium2.PdfDocument(str(saved))
    doc, reference = load_document(saved), load_document(clean)
    assert doc.info.pages == reference.info.pages >= 2 and "Side events 2024" not in doc.text
    assert doc.text == reference.text
    assert doc.notes == (Notes.N009.format(path=saved),)


def test_a_pdf_none_of_whose_pages_pdfium_reads_is_read_by_pdfminer(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_pdf(tmp_path / "report.pdf", SESSIONS[:4])

    def unreadable(pdf: object, index: int) -> None:
        raise RuntimeError("PDFium cannot read this page")

    monkeypatch.setattr(pipeline.pdf, "_read_page", unreadable)
    doc = load_document(path)
    assert paragraphs_of(doc) == SESSIONS[:4] and doc.notes == (Notes.N009.format(path=path),)


def test_a_pdf_whose_fonts_pdfium_gives_glyph_codes_for_is_read_by_pdfminer(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A font with no map to characters: PDFium gives its glyph codes ("-!", , 5# 3'*"" for a programme's title),
    pdfminer may still decode the glyphs by their names."""
    path = write_pdf(tmp_path / "programme.pdf", SESSIONS[:4])
    read = pipeline.pdf.page_texts
    codes = str.maketrans(dict.fromkeys(string.ascii_letters, "#"))

    def glyph_codes(*args: object) -> pipeline.pdf.PdfText:
        text = read(*args)
        return pipeline.pdf.PdfText([page.translate(codes) for page in text.pages], text.notes)

    monkeypatch.setattr(pipeline.pdf, "page_texts", glyph_codes)
    doc = load_document(path)
    assert paragraphs_of(doc) == SESSIONS[:4] and doc.notes == (Notes.N009.format(path=path),)


def test_a_file_neither_reader_can_read_keeps_pdfiums_reason(tmp_path: Path, good_pdf_bytes: bytes) -> None:
    path = tmp_path / "saved.pdf"
    path.write_bytes(SAVED_WITH_HEADERS + good_pdf_bytes[:400] + bytes(1000) + good_pdf_bytes[-200:])
    with raises_catalogue(Errors.E004.format(path=path, reason="damaged or not a PDF")):
        load_document(path)


def _scanned_page(canvas: Canvas) -> None:
    buffer = io.BytesIO()
    Image.new("L", (60, 80), color=200).save(buffer, format="PNG")
    canvas.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 72, 300, width=400, height=500)
    canvas.showPage()


def test_scanned_pages_are_skipped_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "mixed.pdf"
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setFont(FONT, 10)
    canvas.drawString(72, 700, SESSIONS[0][:90])
    canvas.showPage()
    _scanned_page(canvas)
    canvas.save()
    doc = load_document(path)
    assert doc.text == SESSIONS[0][:90]
    assert Notes.N005.format(path=path, count=1, pages="page 2") in doc.notes


def test_a_picture_hides_the_words_under_it_but_a_frame_over_the_whole_page_does_not(tmp_path: Path) -> None:
    """A photo placed over a left-over line hides it; a page-sized image drawn last (a transparent frame, or a
    scan over its own recognised text) shows the words under it."""
    path = tmp_path / "framed.pdf"
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setFont(FONT, 10)
    canvas.drawString(72, 700, SESSIONS[0][:90])
    canvas.drawString(72, 400, SESSIONS[1][:90])
    canvas.drawImage(ImageReader(Image.new("L", (60, 20), 120)), 60, 380, width=480, height=40)
    canvas.drawImage(ImageReader(Image.new("RGBA", (60, 80), (0, 0, 0, 0))), 0, 0, width=A4[0], height=A4[1],
                     mask="auto")
    canvas.showPage()
    canvas.save()
    assert load_document(path).text == SESSIONS[0][:90]


def test_scan_without_any_text_layer_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "Scan 2024-03 (Genève).pdf"
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    _scanned_page(canvas)
    _scanned_page(canvas)
    canvas.save()
    with raises_catalogue(Errors.E005.format(path=path)):
        load_document(path)


# ------------------------------------------------------------------------------ layouts people read
def blocks_of(doc: SourceDocument) -> list[str]:
    return doc.text.split("\n\n")


def names_and_organisations(extractor: Extractor, path: Path) -> set[tuple[str, str | None]]:
    return {(s.name, s.organisation) for s in extractor.extract(path).speakers}


def test_three_columns_read_down_each_column_and_on(tmp_path: Path) -> None:
    """Paragraphs run from the foot of one column to the head of the next, and on to the next page."""
    title = "Regional dialogue on social protection"
    paragraphs = report_paragraphs(24)
    doc = load_document(write_pdf(tmp_path / "three.pdf", paragraphs, Layout(columns=3, gutter=18, title=title,
                                                                             font_size=9)))
    assert doc.info.pages == 2
    assert paragraphs_of(doc) == [title, *paragraphs]


SIDEBAR = ["Key facts", "• 21 countries took part in the dialogue.", "• Four ministries signed the joint work plan.",
           "• The next meeting is in Examplia City in 2025."]


def test_sidebar_box_is_read_whole_beside_the_running_text(tmp_path: Path) -> None:
    """A boxed sidebar in smaller type is not interleaved with the text beside it; its items hang
    under their first word and each comes out whole."""
    main = report_paragraphs(6)
    doc = load_document(write_sidebar_pdf(tmp_path / "sidebar.pdf", main, SIDEBAR, title="Regional dialogue"))
    assert paragraphs_of(doc) == ["Regional dialogue", *main, *SIDEBAR]


PROGRAMME_COLUMNS = [56, 124, 264]
PROGRAMME = [
    ("09:00–09:30", "Opening remarks", "Ms Ana Lima, Director, Examplia Institute of Labour"),
    ("09:30–10:30", ["Panel: pensions for workers", "in the informal economy"],
     ["Mr Kofi Mensah, Minister of Labour, Ghana", "Dr Mei Chen, Professor, University of Examplia"]),
    ("10:30–11:00", "Coffee break", ""),
    ("11:00–12:00", ["Health insurance for migrant", "workers"], "Ms Ingrid Berg, Ambassador, Embassy of Norway"),
    ("12:00–12:15", "Closing", "Mr Rahul Iyer, Chief Economist, Examplia Bank"),
]
PROGRAMME_ROWS = [
    "09:00–09:30 | Opening remarks | Ms Ana Lima, Director, Examplia Institute of Labour",
    "09:30–10:30 | Panel: pensions for workers in the informal economy | Mr Kofi Mensah, Minister of Labour, "
    "Ghana; Dr Mei Chen, Professor, University of Examplia",
    "10:30–11:00 | Coffee break",
    "11:00–12:00 | Health insurance for migrant workers | Ms Ingrid Berg, Ambassador, Embassy of Norway",
    "12:00–12:15 | Closing | Mr Rahul Iyer, Chief Economist, Examplia Bank",
]
PROGRAMME_SPEAKERS = {("Ana Lima", "Examplia Institute of Labour"), ("Kofi Mensah", "Ministry of Labour"),
                      ("Mei Chen", "University of Examplia"), ("Ingrid Berg", "Embassy of Norway"),
                      ("Rahul Iyer", "Examplia Bank")}


@pytest.fixture(scope="module", params=[False, True], ids=["unruled", "ruled"])
def programme(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A programme grid (time | session | speakers), as white space aligns it or as a table with a box per cell."""
    path = tmp_path_factory.mktemp("pdf") / "programme.pdf"
    return write_grid_pdf(path, PROGRAMME, PROGRAMME_COLUMNS, title="Programme", ruled=request.param)


def test_programme_grid_read_row_by_row(programme: Path) -> None:
    """One line per row, its cells apart; a session title wrapped in its cell is joined, two speakers
    in one cell are two records."""
    assert blocks_of(load_document(programme)) == ["Programme", *PROGRAMME_ROWS]


def test_programme_grid_gives_its_speakers(extractor: Extractor, programme: Path) -> None:
    assert names_and_organisations(extractor, programme) == PROGRAMME_SPEAKERS


def test_a_timed_row_runs_on_until_the_next_time_however_evenly_its_lines_are_spaced(extractor: Extractor,
                                                                                    tmp_path: Path) -> None:
    """Rows set as evenly as the lines inside them: a line with no time carries on the row above (a speaker's name
    wrapped after its first word), but not a parallel session's line, which fills the row's cells all again."""
    rows = [
        ("09:00–09:30", "Opening remarks", "Dr Mei Chen, Examplia Bank"),
        ("09:30–10:30", "Panel on harbour data", ["Ms Ana Lima, Examplia Water Agency and Mr Rui", "Sousa, Harbour Institute"]),
        ("", "Parallel session on ports", "Dr Kai Brandt, Port Authority"),
        ("10:30–11:00", "Coffee break", ""),
    ]
    path = write_grid_pdf(tmp_path / "even.pdf", rows, [56, 140, 300], title="Programme", gap=0)
    assert blocks_of(load_document(path)) == [
        "Programme",
        "09:00–09:30 | Opening remarks | Dr Mei Chen, Examplia Bank",
        "09:30–10:30 | Panel on harbour data | Ms Ana Lima, Examplia Water Agency and Mr Rui Sousa, Harbour Institute",
        "Parallel session on ports | Dr Kai Brandt, Port Authority",
        "10:30–11:00 | Coffee break",
    ]
    assert ("Rui Sousa", "Harbour Institute") in names_and_organisations(extractor, path)


def test_a_font_whose_boxes_are_lines_tall_keeps_its_lines_apart(programme: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some embedded fonts give every character a box five lines tall (their ascent and descent are no measure):
    a line is then placed by its baseline and type size, or a grid's two-line cells read interleaved."""
    read_box = pipeline.pdf._box_reader()

    def towering(handle: int | None, index: int, address: int) -> int:
        found = read_box(handle, index, address)
        box = (ctypes.c_float * 4).from_address(address)  # left, upper, right, lower
        height = box[1] - box[3]
        box[1], box[3] = box[1] + 2 * height, box[3] - 2 * height
        return found

    monkeypatch.setattr(pipeline.pdf, "_box_reader", lambda: towering)
    assert blocks_of(load_document(programme)) == ["Programme", *PROGRAMME_ROWS]


FRAMED_ENTRIES = [
    (("1D 8:30-", "9:00am"), ("Mapping river baseflow with remote sensing. Ana Lima (University at",
                              "Lakeside)")),
    (("2D 9:00-", "9:30am"), ("Coastal flood warnings for small islands. Kofi Mensah (Examplia Water",
                              "Agency)")),
]


def _framed_programme(canvas: Canvas) -> None:
    """Each entry in a box of its own, the width of the page: its key and time range (wrapped at the dash) at
    the left, its talk and speaker (wrapped inside the brackets) beside them."""
    draw_title(canvas, "Programme")
    top = 700.0
    canvas.setFont(FONT, 9)
    for left, right, heading in ((56, 126, "Time"), (126, 536, "Session")):  # a header row of two cells
        canvas.drawString(left + 4, top - 12, heading)
        canvas.rect(left, top - 18, right - left, 18, fill=0, stroke=1)
    top -= 18
    for times, talk in FRAMED_ENTRIES:
        for number, (time_line, talk_line) in enumerate(zip(times, talk)):
            canvas.drawString(60, top - 12 - 12 * number, time_line)
            canvas.drawString(130, top - 12 - 12 * number, talk_line)
        canvas.rect(56, top - 30, 480, 30, fill=0, stroke=1)
        top -= 30


def test_an_entry_framed_whole_is_read_as_one_row_of_its_time_and_its_talk(extractor: Extractor, tmp_path: Path) -> None:
    """A box around a whole programme entry holds two columns: the time range wrapped at its dash is one cell, the
    talk wrapped over two lines the other; never a time inside the speaker's affiliation ("University at 9:00am
    Lakeside")."""
    path = write_page(tmp_path / "framed.pdf", _framed_programme)
    assert blocks_of(load_document(path))[1:] == [
        "Time | Session",
        "1D 8:30-9:00am | Mapping river baseflow with remote sensing. Ana Lima (University at Lakeside)",
        "2D 9:00-9:30am | Coastal flood warnings for small islands. Kofi Mensah (Examplia Water Agency)",
    ]
    assert names_and_organisations(extractor, path) == {("Ana Lima", "University at Lakeside"),
                                                        ("Kofi Mensah", "Examplia Water Agency")}


PHOTO_GRID = [["Ms Ana Lima", "Director", "Examplia Institute of Labour"],
              ["Kofi Mensah", "Minister of Labour", "Ministry of Labour of Examplia"],
              ["Dr Mei Chen", "Professor of Economics", "University of Examplia"],
              ["Ingrid Berg", "Ambassador", "Embassy of Norway"],
              ["Mr Rahul Iyer", "Chief Economist", "Examplia Development Bank"],
              ["Laila Haddad", "Programme Officer", "UNICEF Examplia"],
              ["Tomás Herrera", "Senior Adviser", "Examplia Water Agency"],
              ["Adaeze Okafor", "Head of Research", "Examplia Climate Network"],
              ["Sione Tupou", "Coordinator", "Pacific Youth Forum"]]
"""Portraits with and without an honorific before the name; the NER takes some of these names alone on their line for
places."""


@pytest.fixture(scope="module")
def photo_grid(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_photo_grid_pdf(tmp_path_factory.mktemp("pdf") / "speakers.pdf", PHOTO_GRID, title="Speakers")


def test_photo_grid_records_read_whole(photo_grid: Path) -> None:
    """Name over title over organisation under each portrait: one block each, row by row, left to right."""
    assert blocks_of(load_document(photo_grid)) == ["Speakers", *("\n".join(record) for record in PHOTO_GRID)]


def test_photo_grid_gives_its_speakers(extractor: Extractor, photo_grid: Path) -> None:
    """Each portrait's record is one speaker with its title and organisation; a country office ("UNICEF Examplia")
    speaks for its organisation."""
    speakers = {s.name: (s.title, s.organisation) for s in extractor.extract(photo_grid).speakers}
    expected = {name.removeprefix("Ms ").removeprefix("Mr ").removeprefix("Dr "): (title, organisation)
                for name, title, organisation in PHOTO_GRID}
    expected["Laila Haddad"] = ("Programme Officer", "UNICEF")
    assert speakers == expected


LIST_NAMES = [("Ms", "Ana", "Lima"), ("Mr", "Kofi", "Mensah"), ("Dr", "Mei", "Chen"), ("Ms", "Ingrid", "Berg"),
              ("Mr", "Rahul", "Iyer"), ("Ms", "Laila", "Haddad"), ("Mr", "Tomás", "Herrera"), ("Ms", "Adaeze", "Okafor"),
              ("Dr", "Sione", "Tupou"), ("Ms", "Camila", "Rojas"), ("Mr", "Jonas", "Lindqvist"), ("Ms", "Priya", "Nair")]
LIST_ROLES = [("Director of Social Security", "Ministry of Labour and Employment of Examplia"),
              ("Chief Economist", "Examplia Development Bank"),
              ("Senior Adviser on the Financing of Social Protection Floors", "Asian Development Bank"),
              ("Programme Officer", "United Nations Children’s Fund")]
LIST_SPEAKERS = [f"• {honorific} {given} {family}, {role}, {organisation}"
                 for (honorific, given, family), (role, organisation) in zip(LIST_NAMES, LIST_ROLES * 3)]


@pytest.fixture(scope="module")
def list_over_a_page_break(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A speakers' list that starts at the foot of page 1 and goes on at the head of page 2, under a running header."""
    layout = Layout(title="Speakers", header="Examplia Forum on Social Protection | {page}", footer="Page {page}",
                    paragraph_gap=4)
    return write_pdf(tmp_path_factory.mktemp("pdf") / "list.pdf", [*SESSIONS[:13], *LIST_SPEAKERS], layout)


def test_list_continued_on_the_next_page(list_over_a_page_break: Path) -> None:
    doc = load_document(list_over_a_page_break)
    assert doc.info.pages == 2
    assert paragraphs_of(doc) == ["Speakers", *SESSIONS[:13], *LIST_SPEAKERS]
    pages = [doc.locate(start, start + 1)[2] for start in map(doc.text.index, ["• Ms Ana Lima", "• Ms Priya Nair"])]
    assert pages == [1, 2], "the layout must split the list"


def test_list_continued_on_the_next_page_gives_its_speakers(extractor: Extractor, list_over_a_page_break: Path) -> None:
    speakers = {s.name for s in extractor.extract(list_over_a_page_break).speakers}
    assert {f"{given} {family}" for _, given, family in LIST_NAMES} <= speakers


def test_words_set_apart_without_a_space_are_read_apart(tmp_path: Path) -> None:
    """Words placed apart on the page with no space in the text layer ("signed" "the") come apart."""
    def draw(canvas: Canvas) -> None:
        canvas.setFont(FONT, 10)
        x = 72.0
        for word in ["The", "ministers", "signed", "the", "agreement."]:
            canvas.drawString(x, 700, word)
            x += canvas.stringWidth(word, FONT, 10) + 3.5  # a space's width, but no space character

    assert load_document(write_page(tmp_path / "apart.pdf", draw)).text == "The ministers signed the agreement."


def test_letter_spaced_text_is_read_as_words(tmp_path: Path) -> None:
    """A designed programme sets its text with wide letter spacing: PDFium gives it letter by letter ("K E Y N O T
    E"); the gaps say which letters make a word. Spaced one-letter words of plain text ("Q & A - Menti") and one-digit
    table cells stay as they are."""
    lines = ["KEYNOTE", "Dr Ana Lima, Director, Examplia Institute of Science", "June 6th, 7th and 8th, 2022"]

    def draw(canvas: Canvas) -> None:
        canvas.setFont(FONT, 14)
        for number, (line, spacing) in enumerate(zip(lines, (4.0, 2.8, 4.3))):
            x = 72.0
            for letter in line:  # placed one by one, as a designer's tool writes spaced text
                if letter != " ":
                    canvas.drawString(x, 700 - 40 * number, letter)
                x += canvas.stringWidth(letter, FONT, 14) + spacing
        canvas.setFont(FONT, 10)
        canvas.drawString(72, 560, "Time for Q & A - Menti Meter Session")
        for column, digit in enumerate("1234"):
            canvas.drawString(72 + 40 * column, 520, digit)

    doc = load_document(write_page(tmp_path / "spaced.pdf", draw))
    assert paragraphs_of(doc)[:3] == lines
    assert "Time for Q & A - Menti Meter Session" in doc.text
    assert "1 | 2 | 3 | 4" in doc.text or "1 2 3 4" in doc.text


def test_times_of_day_heading_pages_are_kept(tmp_path: Path) -> None:
    """A programme whose every page opens with a time slot: a time alone is no running header, though the rows of
    the page tops look alike with their numbers masked."""
    pages = [[time, f"Session {number}: Dr Ana Lima, Examplia Institute"]
             for number, time in enumerate(["9:00 A.M.", "10:30 A.M.", "2:15 P.M."], start=1)]
    doc = load_document(write_pages_pdf(tmp_path / "slots.pdf", pages, Layout(footer=None)))
    assert doc.info.pages == 3
    assert all(time in doc.text for time in ("9:00 A.M.", "10:30 A.M.", "2:15 P.M."))


def test_list_items_as_long_as_a_wrapped_line_stay_apart(tmp_path: Path) -> None:
    """A speakers' list, one per line: an item ends close to the edge, yet the next item's first word would have
    fitted after it, so that is no wrap (counted in characters, the two looked like one wrapped line); a word
    that would not have fitted is."""
    items = [
        ("Lina Haddad, Assistant Professor, Examplia University", 72),
        ("Kofi Mensah, Remote Sensing and GIS Scientist, Examplia Institute", 72),
        ("Rui Sousa, Professor, The Otherland University", 72),
        ("Ana Lima, Head of Product Development, Innovative Solutions for Coastal", 72),
        ("Agriculture", 90),
        ("Mei Chen, Developer, Harbour Data Network", 72),
    ]

    def draw(canvas: Canvas) -> None:
        canvas.setFont(FONT, 10)
        for number, (line, x) in enumerate(items):
            canvas.drawString(x, 700 - 12.5 * number, line)

    text = load_document(write_page(tmp_path / "list.pdf", draw)).text
    assert text.split("\n") == [line for line, _ in items[:3]] + [
        "Ana Lima, Head of Product Development, Innovative Solutions for Coastal Agriculture",
        "Mei Chen, Developer, Harbour Data Network",
    ]


@pytest.mark.parametrize(("heading", "size"), [("Panel on the financing of social protection", 14),
                                              ("Part II: the financing of social protection floors in Asia and the Pacific", 10)],
                         ids=["larger", "bold in the body's size"])
def test_heading_is_a_line_of_its_own(tmp_path: Path, heading: str, size: float) -> None:
    """A heading right above its paragraph, set larger or in bold, is a block of its own, not the
    paragraph's first line (a long one would be joined to it as a wrapped line)."""
    def draw(canvas: Canvas) -> None:
        canvas.setFont(BOLD, size)
        canvas.drawString(72, 700, heading)
        canvas.setFont(FONT, 10)
        for number, line in enumerate(simpleSplit(SESSIONS[0], FONT, 10, 450)):
            canvas.drawString(72, 700 - size * 1.2 - 12.5 * number, line)

    assert blocks_of(load_document(write_page(tmp_path / "heading.pdf", draw))) == [heading, SESSIONS[0]]


def test_a_heading_set_at_size_one_and_scaled_by_its_text_matrix_is_a_line_of_its_own(tmp_path: Path) -> None:
    """Many PDFs set every font at size 1 and scale the text by its matrix: the heading's size is the scaled one."""
    def draw(canvas: Canvas) -> None:
        for number, (line, size) in enumerate([("Panel on the financing of social protection", 14.0),
                                               *((line, 10.0) for line in simpleSplit(SESSIONS[0], FONT, 10, 450))]):
            text = canvas.beginText()
            text.setTextTransform(size, 0, 0, size, 72, 700 - (0 if number == 0 else 14.0 + 12.5 * (number - 1)))
            text.setFont(FONT, 1)
            text.textOut(line)
            canvas.drawText(text)

    assert blocks_of(load_document(write_page(tmp_path / "scaled.pdf", draw))) == [
        "Panel on the financing of social protection", SESSIONS[0]]


def test_an_emoji_in_two_halves_is_one_character_and_a_lone_half_no_error(tmp_path: Path, extractor: Extractor) -> None:
    """PDFium gives an emoji as its two UTF-16 halves, which no UTF-8 output can hold: a flyer's bullets failed the
    whole document."""
    path = write_to_unicode_pdf(tmp_path / "flyer.pdf", "AB Data workshop", {"A": "D83DDCCA", "B": "D83D"})
    document = load_document(path)
    assert document.text == "\U0001F4CA\ufffd Data workshop"
    assert extractor.extract(document).to_dict()["document"]["id"] == "flyer"


def test_a_slides_frame_is_no_table(tmp_path: Path) -> None:
    """A slide's accent bar down the side and its header band close a few boxes like a table's cells, while
    the slide's text lies outside them: every line is read."""
    width, height = A4
    body = ["Ms Ana Lima, Director, Examplia Institute of Labour, opened the meeting.",
            "Mr Kofi Mensah, Minister of Labour, Examplia, spoke next."]

    def draw(canvas: Canvas) -> None:
        canvas.setFillColorRGB(0.2, 0.3, 0.5)
        canvas.rect(0, 0, 8, height, fill=1)
        canvas.rect(0, height - 92, width, 92)
        canvas.rect(0, height - 5, width, 5, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        draw_title(canvas, "Session overview", y=height - 50)
        canvas.setFont(FONT, 11)
        for number, line in enumerate(body):
            canvas.drawString(40, height - 130 - 20 * number, line)

    doc = load_document(write_page(tmp_path / "slide.pdf", draw))
    assert paragraphs_of(doc) == ["Session overview", *body]
