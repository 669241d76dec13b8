"""Typesetting test PDFs with reportlab: the layouts real reports use, generated so no file is checked in.

Text is set in Bitstream Vera (shipped with reportlab) rather than a standard PDF font, so
glyphs outside Latin-1 (ligatures, bullets, curly quotes) reach the PDF with their Unicode
mapping, as they do in word-processor exports.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT, BOLD = "Vera", "Vera-Bold"
pdfmetrics.registerFont(TTFont(FONT, str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")))
pdfmetrics.registerFont(TTFont(BOLD, str(Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf")))

Paragraph = str | Sequence[str]
"""A paragraph to wrap to the column width, or one already broken into lines (to place a hyphen at a line end).
A paragraph that starts with "• " is a list item: its bullet stands out, its lines hang under its first word."""
_HANGING = 12.0


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
    return _draw(path, _paginate(paragraphs, layout), layout, encrypt=encrypt)


def write_pages_pdf(path: Path, pages: Sequence[Sequence[Paragraph]], layout: Layout = Layout()) -> Path:
    """One page for each entry of `pages`, its paragraphs (which must fit on it): a long document whose
    every page is known."""
    placed = [_paginate(paragraphs, layout) for paragraphs in pages]
    assert all(len(page) == 1 for page in placed), "a page's paragraphs do not fit on it"
    return _draw(path, [page for (page,) in placed], layout)


def _draw(path: Path, pages: list[list[tuple[float, float, str]]], layout: Layout, *, encrypt: str | None = None) -> Path:
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
        item = isinstance(paragraph, str) and paragraph.startswith("• ")
        indent = _HANGING if item else 0.0
        lines = (simpleSplit(paragraph.removeprefix("• "), FONT, layout.font_size, column_width - indent)
                 if isinstance(paragraph, str) else paragraph)
        for number, line in enumerate(lines):
            if y < bottom:
                column += 1
                if column == layout.columns:
                    pages.append([])
                    column, column_top = 0, top
                y = column_top
            x = layout.margin + column * (column_width + layout.gutter)
            if item and not number:
                pages[-1].append((x, y, "•"))
            pages[-1].append((x + indent, y, line))
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


# --------------------------------------------------------------------------------- other layouts
Cell = str | Sequence[str]
"""A table cell: one line, or lines set one under the other."""


def write_page(path: Path, draw: Callable[[Canvas], None]) -> Path:
    """A one-page PDF drawn by `draw`."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return path


def draw_title(canvas: Canvas, title: str, *, y: float = A4[1] - 72, size: float = 16) -> None:
    canvas.setFont(BOLD, size)
    canvas.drawString(56, y, title)


def write_sidebar_pdf(path: Path, main: Sequence[str], sidebar: Sequence[str], *, title: str) -> Path:
    """Running text in a wide column and, beside it, a boxed sidebar on a tinted ground, in a
    smaller type with its own line spacing, starting lower down the page; its "• " items hang
    under their first word."""
    width, height = A4

    def draw(canvas: Canvas) -> None:
        draw_title(canvas, title)
        y = height - 110
        for paragraph in main:
            for line in simpleSplit(paragraph, FONT, 10, 330):
                canvas.setFont(FONT, 10)
                canvas.drawString(56, y, line)
                y -= 13
            y -= 8
        box_top, y = height - 200, height - 220
        lines = sum(len(simpleSplit(item.removeprefix("• "), FONT, 8, 130)) for item in sidebar)
        canvas.setFillColorRGB(0.92, 0.95, 0.98)
        canvas.setStrokeColorRGB(0.3, 0.4, 0.6)
        canvas.rect(400, box_top - 30 - 10.5 * lines, 160, 30 + 10.5 * lines, fill=1, stroke=1)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont(FONT, 8)
        for item in sidebar:
            for number, line in enumerate(simpleSplit(item.removeprefix("• "), FONT, 8, 130)):
                if item.startswith("• ") and not number:
                    canvas.drawString(410, y, "•")
                canvas.drawString(420 if item.startswith("• ") else 410, y, line)
                y -= 10.5

    return write_page(path, draw)


def write_grid_pdf(path: Path, rows: Sequence[Sequence[Cell]], columns: Sequence[float], *, title: str,
                   ruled: bool = False, gap: float = 8) -> Path:
    """A programme grid: each row's cells at the columns' x, a cell's lines one under the other; with
    `ruled`, a box around every cell (as word processors draw tables); unruled rows `gap` points apart."""
    width, height = A4
    right = width - 56
    edges = [*columns, right]

    def draw(canvas: Canvas) -> None:
        draw_title(canvas, title)
        top = height - 110
        for row in rows:
            cells = [[cell] if isinstance(cell, str) else list(cell) for cell in row]
            for left, cell_right, cell in zip(edges, edges[1:], cells):
                assert all(canvas.stringWidth(line, FONT, 9) <= cell_right - left - 8 for line in cell), cell
            lines = max(map(len, cells))
            for x, cell in zip(columns, cells):
                for number, line in enumerate(cell):
                    canvas.setFont(FONT, 9)
                    canvas.drawString(x + 4, top - 12 - 12 * number, line)
            bottom = top - 12 * lines - 6
            if ruled:
                for left, cell_right in zip(edges, edges[1:]):
                    canvas.rect(left, bottom, cell_right - left, top - bottom, fill=0, stroke=1)
            top = bottom - (0 if ruled else gap)

    return write_page(path, draw)


def write_photo_grid_pdf(path: Path, records: Sequence[Sequence[str]], *, title: str, per_row: int = 3) -> Path:
    """Portraits in a grid (grey boxes), under each a name in bold over a title over an organisation."""
    width, height = A4
    column = (width - 112) / per_row

    def draw(canvas: Canvas) -> None:
        draw_title(canvas, title)
        top = height - 110
        for start in range(0, len(records), per_row):
            for number, record in enumerate(records[start : start + per_row]):
                x = 56 + number * column
                canvas.setFillColorRGB(0.6, 0.6, 0.6)
                canvas.rect(x + 10, top - 90, column - 40, 90, fill=1, stroke=0)
                canvas.setFillColorRGB(0, 0, 0)
                for line_number, line in enumerate(record):
                    canvas.setFont(BOLD if line_number == 0 else FONT, 9)
                    canvas.drawString(x + 10, top - 106 - 12 * line_number, line)
            top -= 170

    return write_page(path, draw)


# ------------------------------------------------------------------------- written object by object
def write_raw_pdf(path: Path, *, pages: int = 1, contents: Sequence[bytes] = (), filters: int = 1) -> Path:
    """A PDF written object by object, for what reportlab will not make fast: `pages` empty pages, or
    pages drawing `contents` (one stream each, already compressed by `filters` Flate layers) in turn."""
    count = len(contents)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (3 + count + n) for n in range(pages)), pages)]
    names = b"/Filter [%s]" % b" ".join([b"/FlateDecode"] * filters)
    objects += [b"<< %s /Length %d >>\nstream\n%s\nendstream" % (names, len(data), data) for data in contents]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]%s >>" % (b" /Contents %d 0 R" % (3 + n % count) if count else b"")
                for n in range(pages)]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"xref\n0 %d\n0000000000 65535 f \n%s" % (len(objects) + 1, table)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, out.index(b"xref\n0 "))
    path.write_bytes(bytes(out))
    return path


def deflated_spaces(megabytes: int) -> bytes:
    """Zlib data that inflates to `megabytes` MiB of spaces (a content stream of nothing), made in
    milliseconds from one compressed mebibyte repeated: each is flushed so it stands alone."""
    block = b" " * (1 << 20)
    compressor = zlib.compressobj(9)
    head = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    body = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush()[:-4]  # the final block, without the checksum of two blocks only
    size = megabytes << 20
    low = (1 + size * ord(" ")) % 65521  # Adler-32 of `size` equal bytes, in closed form
    high = (size + ord(" ") * (size * (size + 1) // 2)) % 65521
    return head + body * (megabytes - 1) + tail + ((high << 16) | low).to_bytes(4, "big")


def write_to_unicode_pdf(path: Path, shown: str, mapping: dict[str, str]) -> Path:
    """One line of Helvetica whose ToUnicode map gives each character of `mapping` the UTF-16BE code units in hex
    (as a PDF's font may: "D83DDCCA" is an emoji in two halves, "D83D" a half alone). Written by hand, since
    reportlab writes only the characters its fonts have."""
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def "
        "1 begincodespacerange <00> <FF> endcodespacerange "
        f"{len(mapping)} beginbfchar {' '.join(f'<{ord(k):02X}> <{v}>' for k, v in mapping.items())} endbfchar "
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    content = f"BT /F1 12 Tf 72 700 Td ({shown}) Tj ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        f"<< /Length {len(cmap)} >>\nstream\n{cmap}\nendstream",
    ]
    out, offsets = "%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    table = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{table}\n%%EOF\n"
    path.write_bytes(out.encode("latin-1"))
    return path
