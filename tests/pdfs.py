"""Typesetting test PDFs with reportlab: the layouts real reports use, generated so no file is checked in.

Text is set in Bitstream Vera (shipped with reportlab) rather than a standard PDF font, so
glyphs outside Latin-1 (ligatures, bullets, curly quotes) reach the PDF with their Unicode
mapping, as they do in word-processor exports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT = "Vera"
pdfmetrics.registerFont(TTFont(FONT, str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")))

Paragraph = str | Sequence[str]
"""A paragraph to wrap to the column width, or one already broken into lines (to place a hyphen at a line end)."""


@dataclass(frozen=True, kw_only=True)
class Layout:
    columns: int = 1
    header: str | None = None
    """Running header, on every page; `{page}` is replaced by the page number."""
    footer: str | None = "Page {page} of {pages}"
    title: str | None = None
    """Set across the full width above the columns on the first page."""
    font_size: float = 10
    margin: float = 56
    gutter: float = 24
    paragraph_gap: float = 8


def write_pdf(path: Path, paragraphs: Sequence[Paragraph], layout: Layout = Layout(), *,
              encrypt: str | None = None) -> Path:
    """Flow `paragraphs` into the layout's columns page after page; `encrypt`: a user password ("" for none)."""
    pages = _paginate(paragraphs, layout)
    canvas = Canvas(str(path), pagesize=A4, invariant=1, encrypt=encrypt)
    for number, page in enumerate(pages, start=1):
        _draw_furniture(canvas, layout, number, len(pages))
        for x, y, text in page:
            canvas.setFont(FONT, layout.font_size)
            canvas.drawString(x, y, text)
        canvas.showPage()
    canvas.save()
    return path


def _paginate(paragraphs: Sequence[Paragraph], layout: Layout) -> list[list[tuple[float, float, str]]]:
    width, height = A4
    leading = layout.font_size * 1.25
    column_width = (width - 2 * layout.margin - (layout.columns - 1) * layout.gutter) / layout.columns
    top, bottom = height - layout.margin - 2 * leading, layout.margin + 2 * leading
    pages: list[list[tuple[float, float, str]]] = [[]]
    column, y = 0, top
    if layout.title:
        pages[0].append((layout.margin, y, layout.title))
        y -= 2 * leading
    column_top = y
    for paragraph in paragraphs:
        lines = simpleSplit(paragraph, FONT, layout.font_size, column_width) if isinstance(paragraph, str) else paragraph
        for line in lines:
            if y < bottom:
                column += 1
                if column == layout.columns:
                    pages.append([])
                    column, column_top = 0, top
                y = column_top
            pages[-1].append((layout.margin + column * (column_width + layout.gutter), y, line))
            y -= leading
        y -= layout.paragraph_gap
    return pages


def _draw_furniture(canvas: Canvas, layout: Layout, number: int, total: int) -> None:
    width, height = A4
    canvas.setFont(FONT, layout.font_size - 2)
    if layout.header:
        canvas.drawString(layout.margin, height - layout.margin, layout.header.format(page=number, pages=total))
    if layout.footer:
        canvas.drawCentredString(width / 2, layout.margin, layout.footer.format(page=number, pages=total))


_SPEAKERS = ["Ms Ana Lima", "Mr Kofi Mensah", "Dr Mei Chen", "Ms Ingrid Berg", "Mr Rahul Iyer", "Ms Laila Haddad"]
_TOPICS = ["pension coverage", "health insurance for informal workers", "unemployment benefits", "maternity protection",
           "cash transfers to rural households", "disability allowances", "the financing of social protection floors"]
_PLACES = ["Cambodia", "Viet Nam", "Mongolia", "Indonesia", "the Philippines", "Lao PDR", "Timor-Leste", "Thailand"]
_OUTCOMES = ["a joint work plan would be drafted", "the ministries would meet again in the spring",
             "data would be shared across schemes", "a costing study would be commissioned",
             "the results would be presented at the regional forum"]


def report_paragraphs(count: int) -> list[str]:
    """`count` distinct paragraphs of report prose, so no body line repeats from page to page like a running header."""
    paragraphs = []
    for n in range(count):
        speaker, topic = _SPEAKERS[n % 6], _TOPICS[n % 7]
        place, outcome = _PLACES[n % 8], _OUTCOMES[n % 5]
        paragraphs.append(
            f"Item {n + 1}. {speaker} described how {topic} had been extended in {place} since {2000 + n % 23}, "
            f"with {n % 90 + 5} per cent of the people concerned now covered, and said that {outcome}."
        )
    return paragraphs
