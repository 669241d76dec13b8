"""Reading PDF pages the way people read them, from the boxes of their characters.

A PDF stores glyphs at positions, not text in reading order. PDFium (pypdfium2) gives every
character with its box, fast; this module rebuilds what a reader sees from those boxes:
characters → words (apart where the gap between two glyphs is a space's width, so words the
text layer runs together come apart) → lines → blocks (a paragraph, a heading, a table row, a
name over a title over an organisation) → columns and reading order, with the page's rules and
boxes for tables and sections. Its output, one string per page, is the contract the speaker
readers build on:

- lines of text; a paragraph's wrapped lines stay lines (`ingest._reflow` joins them);
- blocks separated by a blank line; a heading is a block of its own;
- a table or programme-grid row is ONE line, its cells joined by `CELL_SEPARATOR`; the lines of
  one cell are joined by ", " (by a space where one line wraps into the next), its paragraphs by "; ";
- records side by side (a photo grid, signature blocks) are blocks of their own, one line each
  for the name, the title and the organisation;
- running headers, footers and page numbers are left out.
"""

from __future__ import annotations

import ctypes
import dataclasses
import functools
import itertools
import math
import operator
import re
import statistics
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from .errors import Errors, InputError, Notes, short_reason

CELL_SEPARATOR = " | "
"""Between the cells of a table row: a bar surrounded by spaces never occurs inside running prose."""
BLOCK_SEPARATOR = "\n\n"


# -------------------------------------------------------------------------------------------- records
class _Boxed:
    """Something with a box on the page, in points from the top-left corner."""

    __slots__ = ()
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class Word(_Boxed):
    """A word on the page, in points from the top-left corner; `size` is the font size.

    Not frozen: a page makes thousands, and a frozen dataclass takes seven times as long to make.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    glued: bool = False
    """Split from the word before it by a change of line height (a superscript), not by a space."""


@dataclass(frozen=True, slots=True)
class Line:
    """A line of text as read, with the page-wide row it starts in (`-1`: none, a table row)."""

    text: str
    row: int
    room: float = math.inf
    """Points left at its end for the next word and its space, up to its column's edge."""
    first: float = 0.0
    """Width of its first word: at the head of a page, whether that word would have fitted on the last page's
    last line (if not, the paragraph runs over the page break)."""


@dataclass(frozen=True, slots=True)
class Block:
    """What a reader takes in at once: a paragraph, a heading, a table row or a record."""

    kind: str
    """"text", "heading", "row" or "record"."""
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class PageLayout:
    blocks: tuple[Block, ...]
    edges: tuple[tuple[tuple[int, str], ...], ...] = ()
    """(row, text) of the top rows, then of the bottom rows, outermost first: where running
    headers and footers sit."""


@dataclass(frozen=True, slots=True)
class _Table:
    """A ruled table: its box and its rows of cells, each cell the words inside it."""

    x0: float
    x1: float
    top: float
    bottom: float
    rows: tuple[tuple[tuple[float, float, tuple[Word, ...]], ...], ...]
    """Per row, per cell: (left, right, words)."""


# ------------------------------------------------------------------------------------------ reading
class PdfText(NamedTuple):
    """A PDF's page texts, the notes on reading it, and per page break whether a paragraph runs over it (None where
    the reader cannot tell: the text's own line ends are then judged, as in a text file)."""

    pages: list[str]
    notes: list[str]
    runs_on: tuple[bool, ...] | None = None
    created: date | None = None
    """The creation date in the file's metadata: what a programme that prints no year is dated by."""


def read_pages(path: Path, *, max_chars: int | None = None) -> PdfText:
    """Page texts in reading order, without running headers, footers and page numbers, and notes.

    Pages are read one at a time and each page's characters are dropped once its layout is
    taken, so memory stays flat however long the file is; a file whose streams would inflate
    past `MAX_STREAM_MB` or `MAX_INFLATED_MB` is refused before PDFium decodes any, and reading
    stops once the pages hold more than `max_chars` characters. A file PDFium cannot open, or
    none of whose pages it can read, raises `PdfiumRefused`: the fallback reader may still read it.
    """
    import pypdfium2

    complete, body = _ends(path)
    _check_streams(path)
    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as error:
        raise _open_error(path, error, cut=body and not complete) from None
    if not complete:
        pdf.close()
        raise InputError(Errors.E004.format(path=path, reason=_CUT))
    try:
        pages = read_layouts(path, (functools.partial(_read_page, pdf, index) for index in range(len(pdf))),
                             max_chars=max_chars)
        created = _created(pdf)
    finally:
        pdf.close()
    if pages.layouts and pages.unread == len(pages.layouts):
        raise PdfiumRefused(Errors.E004.format(path=path, reason="no page can be read"))
    text = page_texts(path, pages)
    if _glyph_codes(text.pages):
        raise PdfiumRefused(Errors.E004.format(path=path, reason="its fonts map no glyph to a character"))
    return text._replace(created=created)


def _created(pdf: Any) -> date | None:
    """The PDF's creation date, or None where PDFium cannot read the metadata: an unreadable date never costs the text."""
    import pypdfium2

    try:
        return creation_date(pdf.get_metadata_dict())
    except pypdfium2.PdfiumError:
        return None


def creation_date(metadata: dict[str, Any]) -> date | None:
    """The date of the metadata's CreationDate, else its ModDate ("D:20240315093000+01'00'")."""
    for key in ("CreationDate", "ModDate"):
        value = metadata.get(key)
        if isinstance(value, str) and (match := re.match(r"(?:D:)?(\d{4})(\d\d)(\d\d)", value)):
            try:
                return date(*map(int, match.groups()))
            except ValueError:
                continue
    return None


_MIN_LETTER_SHARE = 0.25
"""Printed text in any script is mostly letters (each PDF we have read: 85% or more); far below that, PDFium gave
glyph codes of fonts with no map to characters, which pdfminer may still decode by the glyphs' names."""
_MIN_PRINTED = 200
"""Below this many printed characters a file says too little to judge its letters by."""


def _glyph_codes(pages: list[str]) -> bool:
    printed = [c for page in pages for c in page if not c.isspace()]
    return len(printed) >= _MIN_PRINTED and sum(c.isalpha() for c in printed) < _MIN_LETTER_SHARE * len(printed)


class PdfiumRefused(InputError):
    """PDFium cannot open the file, or read any of its pages, though it is neither encrypted nor cut short."""


@dataclass(frozen=True, slots=True)
class Pages:
    """A PDF's pages as read: their layouts (empty for a page that failed), the pages that show only images
    (scans), notes, and how many pages failed."""

    layouts: list[PageLayout]
    scanned: list[int]
    notes: list[str]
    unread: int


def read_layouts(path: Path, pages: Iterable[Callable[[], tuple[PageLayout, bool]]], *,
                 max_chars: int | None) -> Pages:
    """Each page's layout and whether it shows images, from `pages` (one reader per page, called in turn, so
    only one page is held at a time): a page that fails is noted and left empty, one broken page must not
    cost the others; past `max_chars` characters the file is refused."""
    layouts: list[PageLayout] = []
    scanned: list[int] = []
    notes: list[str] = []
    characters = 0
    for number, read in enumerate(pages, start=1):
        try:
            layout, has_images = read()
        except Exception as error:  # noqa: BLE001 -- PDF libraries raise many unrelated types on broken pages
            notes.append(Notes.N007.format(path=path, page=number, reason=short_reason(error)))
            layout, has_images = PageLayout(()), False
        layouts.append(layout)
        if not layout.blocks and has_images:
            scanned.append(number)
        characters += sum(len(line.text) + 1 for block in layout.blocks for line in block.lines)
        if max_chars is not None and characters > max_chars:
            raise InputError(Errors.E017.format(path=path, limit=max_chars))
    return Pages(layouts, scanned, notes, unread=len(notes))


def page_texts(path: Path, pages: Pages) -> PdfText:
    """The pages' texts without running lines, the notes, and where a paragraph runs over a page break (its last
    line fills its column, and the next page opens with running text); a PDF without any text is refused."""
    bodies = without_running_lines(pages.layouts)
    texts = [BLOCK_SEPARATOR.join("\n".join(line.text for line in block.lines) for block in body) for body in bodies]
    if not any(text.strip() for text in texts):
        raise InputError(Errors.E005.format(path=path) if pages.scanned else Errors.E019.format(path=path, pages=len(texts)))
    scanned = pages.scanned
    notes = pages.notes + ([Notes.N005.format(path=path, count=len(scanned), pages=_page_list(scanned))] if scanned else [])
    runs_on = tuple(
        bool(above and below) and above[-1].kind == below[0].kind == "text" and above[-1].lines[-1].room < below[0].lines[0].first
        for above, below in itertools.pairwise(bodies)
    )
    return PdfText(texts, notes, runs_on)


MAX_STREAM_MB = 64
"""PDFium decodes a page's content stream, a font or a form whole: one may inflate to this much (a page of
text takes a few kilobytes, a page of detailed charts a few megabytes)."""
MAX_INFLATED_MB = 512
"""All of them together may inflate to this much (a 1,000-page report: about 50 MB)."""
_STREAM = re.compile(rb">>\s*stream\r?\n")
_IMAGE = re.compile(rb"/Subtype\s*/Image")
_FLATE = re.compile(rb"/FlateDecode\b")
_BLOCK = 1 << 23
_LOOKBACK = 4096
"""A stream's dictionary is read from at most this far before its data."""


def _check_streams(path: Path) -> None:
    """Refuse a decompression bomb: a small file whose streams inflate to gigabytes, which PDFium would
    decode whole into memory. Streams are inflated here in pieces and counted, never kept, until the
    limits; images are left out, since PDFium decodes them only to draw them (a report's photos can
    inflate to more than its text)."""
    total, limit = 0, MAX_INFLATED_MB << 20
    try:
        with path.open("rb") as file:
            for start, filters in _decoded_streams(file):
                size = _inflated_size(file, start, filters, limit=min(MAX_STREAM_MB << 20, limit - total))
                if size > MAX_STREAM_MB << 20:
                    raise InputError(Errors.E018.format(path=path, streams="a PDF stream", limit=MAX_STREAM_MB))
                total += size
                if total > limit:
                    raise InputError(Errors.E018.format(path=path, streams="the PDF's streams together", limit=MAX_INFLATED_MB))
    except OSError as error:
        raise InputError(Errors.E008.format(path=path, reason=error.strerror or type(error).__name__)) from None


def _decoded_streams(file: BinaryIO) -> Iterator[tuple[int, int]]:
    """(offset of the data, number of Flate filters) of each Flate-compressed stream that is not an image.

    The file is searched in blocks, so a large one is never read whole; each stream's dictionary is
    what lies between its object's "obj" and its "stream"."""
    position = 0
    while True:
        base = max(0, position - _LOOKBACK)
        file.seek(base)
        block = file.read(position - base + _BLOCK + 64)
        for match in _STREAM.finditer(block, position - base):
            if match.start() >= position - base + _BLOCK:
                break  # the next block's
            head = block[max(0, match.start() - _LOOKBACK) : match.start()]
            dictionary = head[head.rfind(b"obj") + len(b"obj") :]
            filters = len(_FLATE.findall(dictionary))
            if filters and not _IMAGE.search(dictionary):
                yield base + match.end(), filters
        if len(block) < position - base + _BLOCK:
            return
        position += _BLOCK


def _inflated_size(file: BinaryIO, start: int, filters: int, *, limit: int) -> int:
    """How much the stream at `start` inflates to through `filters` Flate layers, counted up to just past
    `limit`; a stream that is not Flate data counts for what inflated before the error, as in PDFium."""
    file.seek(start)
    pieces: Iterator[bytes] = iter(functools.partial(file.read, 1 << 16), b"")
    for _ in range(filters):
        pieces = _inflated(zlib.decompressobj(), pieces)
    size = 0
    try:
        for piece in pieces:
            size += len(piece)
            if size > limit:
                break
    except zlib.error:
        pass
    return size


def _inflated(decoder: Any, pieces: Iterator[bytes]) -> Iterator[bytes]:
    """One Flate layer over a stream of pieces, yielding at most 1 MB at a time, until the data ends."""
    for piece in pieces:
        while True:
            out = decoder.decompress(piece, 1 << 20)
            piece = decoder.unconsumed_tail
            if out:
                yield out
            if decoder.eof:
                return
            if not piece and len(out) < 1 << 20:
                break


_TAIL = 2048
"""A PDF ends with "%%EOF" (after the last cross-reference section), give or take trailing junk."""
_CUT = "the file ends too early: truncated or damaged"


def _ends(path: Path) -> tuple[bool, bool]:
    """Whether the file ends as a PDF does, and whether it starts with PDF objects (a cut PDF, not junk).

    A cut file is refused even where PDFium could show some of it: half a report is not the report.
    """
    try:
        with path.open("rb") as file:
            head = file.read(4096)
            file.seek(max(0, path.stat().st_size - _TAIL))
            tail = file.read()
    except OSError as error:
        raise InputError(Errors.E008.format(path=path, reason=error.strerror or type(error).__name__)) from None
    return b"%%EOF" in tail, b" obj" in head


def _open_error(path: Path, error: Any, *, cut: bool) -> InputError:
    """Why PDFium cannot open the file; a `PdfiumRefused` unless no reader could (a password, a cut file)."""
    import pypdfium2.raw as pdfium_c

    code = getattr(error, "err_code", None)
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return InputError(Errors.E011.format(path=path))
    if cut:
        return InputError(Errors.E004.format(path=path, reason=_CUT))
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return PdfiumRefused(Errors.E004.format(path=path, reason="unsupported security handler"))
    return PdfiumRefused(Errors.E004.format(path=path, reason="damaged or not a PDF"))


def _page_list(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:10]))
    return f"pages {shown}, ..." if len(numbers) > 10 else f"page {shown}" if len(numbers) == 1 else f"pages {shown}"


def _read_page(pdf: Any, index: int) -> tuple[PageLayout, bool]:
    """One page's layout, and whether it shows images (a page of images without text is a scan)."""
    page = pdf[index]
    try:
        height = page.get_height()
        shapes = _Shapes.of(page, height)
        textpage = page.get_textpage()
        try:
            words = _words(textpage, height, shapes)
        finally:
            textpage.close()
        return page_layout(words, shapes), bool(shapes.images)
    finally:
        page.close()


# --------------------------------------------------------------------------------- characters → words
_BREAKS = frozenset(" \t\r\n\x00\xa0\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))
_GLYPHS = str.maketrans({"\x02": "-", "\ufffe": "-", **dict.fromkeys("\uf0a7\uf0b7\uf0d8\uf0fc", "•")})
"""PDFium marks a hyphen it found at a line end with the first two: it is a hyphen. The others are
bullets of the Symbol and Wingdings fonts, which have no Unicode meaning of their own."""
_WORD_GAP = 0.2
"""A gap between two characters wider than this share of the line height separates words (a space is ~0.25)."""
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


@dataclass(slots=True)
class _Style:
    size: float
    bold: bool
    white: bool
    """White text: invisible unless something dark lies under it."""
    rotated: bool


def _words(textpage: Any, height: float, shapes: _Shapes) -> list[Word]:
    """The page's words in content order, from PDFium's characters and their boxes.

    PDFium's text puts a space where the PDF has one and where the gap between two glyphs is
    wider than about a sixth of their size, so words set apart by positioning alone ("signed"
    "the") come apart already. A word's box is read from its first and last character; where
    those do not sit on one line (PDFium joins a word hyphenated at a line end without a line
    break) or differ in height (a superscript), the word is split character by character where
    the line changes or a gap opens. Rotated text (margin stamps), text under a picture drawn
    over it and white text on a light ground (left-overs the designer hid) are not read.
    """
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # PDFium left out or added characters: read them one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i) or 32) for i in range(count))
    text = text.translate(_GLYPHS)
    astral = _SURROGATE.search(text) is not None
    read_box, box = _box_reader(), (ctypes.c_float * 4)()
    address, corners = ctypes.addressof(box), memoryview(box).cast("B").cast("f")
    object_of, handle = _object_of(), ctypes.cast(raw, ctypes.c_void_p).value
    styles: dict[int | None, _Style] = {}
    fonts: dict[int, bool] = {}
    pictures = bool(shapes.pictures)
    words: list[Word] = []

    def add(start: int, end: int, left: float, right: float, upper: float, lower: float, glued: bool) -> None:
        key = object_of(handle, start)
        style = styles.get(key) or _style(raw, start, key, styles, fonts)
        if upper - lower > _TALLEST * style.size:
            upper, lower = _set_on_baseline(raw, start, style.size)
        top, bottom = height - upper, height - lower
        hidden = (pictures or style.white) and shapes.hidden(key, style.white, left, right, top, bottom)
        if not style.rotated and not hidden:
            written = _paired(text[start:end]) if astral else text[start:end]
            words.append(Word(written, left, right, top, bottom, style.size, style.bold, glued))

    for token in _TOKEN.finditer(text):
        start, end = token.span()
        read_box(handle, start, address)
        left, upper, right, lower = corners  # PDF space: y grows upwards
        if end - start > 1:
            read_box(handle, end - 1, address)
            last_left, last_upper, last_right, last_lower = corners
            slack = 0.25 * (upper - lower)
            if not (abs(last_lower - lower) <= slack and abs(last_upper - upper) <= slack and last_left >= left):
                for piece in _pieces(start, end, read_box, handle, address, corners):
                    add(*piece)
                continue
            right = max(right, last_right)
        add(start, end, left, right, upper, lower, False)
    return _letters_joined(words)


_SPACED_RUN = 4
"""Letters or digits standing apart one by one, this many or more in a row on a line, are text set with wide letter
spacing (a designed heading, a whole designed programme), not one-letter words ("Q & A - Menti" has two)."""
_TRACKING = 0.4
"""The gap between the letters of a spaced word is at most this share of the type size; a table's one-digit
cells stand further apart."""
_SPACE = 0.2
"""A gap this share of the type size wider than the letters' own is a space between two spaced words."""


def _letters_joined(words: list[Word]) -> list[Word]:
    """Text set with wide letter spacing ("K E Y N O T E", "J u n e 6 t h"), which PDFium gives letter by letter,
    read as words: the gaps between the letters of a word are all alike (the spacing), and a word ends where a gap
    is wider by a space's width."""
    joined: list[Word] = []
    run: list[Word] = []
    for word in words:
        if len(word.text) == 1 and (not run or _spaced_after(run[-1], word)):
            run.append(word)
            continue
        joined.extend(_spaced_words(run))
        run = [word] if len(word.text) == 1 else []
        if not run:
            joined.append(word)
    return joined + _spaced_words(run)


def _spaced_after(last: Word, word: Word) -> bool:
    """The next letter of the same line and type, to the right of the last one."""
    gap = word.x0 - last.x1
    return abs(word.top - last.top) < 0.25 * last.height and word.size == last.size and 0 <= gap <= last.size * 2


def _spaced_words(run: list[Word]) -> list[Word]:
    """A run of single letters as the words it spells, or as it is when it is no spaced text."""
    if sum(letter.text.isalnum() for letter in run) < _SPACED_RUN:
        return run
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(run)]
    tracking, size = min(gaps), run[0].size
    if tracking > _TRACKING * size:
        return run
    words, start = [], 0
    for index, gap in enumerate([*gaps, math.inf], start=1):
        if gap > tracking + _SPACE * size:
            letters = run[start:index]
            words.append(dataclasses.replace(
                letters[0], text="".join(letter.text for letter in letters), x1=letters[-1].x1,
                top=min(letter.top for letter in letters), bottom=max(letter.bottom for letter in letters)))
            start = index
    return words


_TALLEST = 2.5
"""A character's box taller than this many times its type size has it from a font whose ascent and descent are
no measure (boxes of five lines' height): lines of such text, overlapping, would read as one."""


def _set_on_baseline(raw: Any, index: int, size: float) -> tuple[float, float]:
    """The upper and lower edge (PDF space) of a character's line, from its baseline and type size."""
    import pypdfium2.raw as pdfium_c

    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y)
    return y.value + 0.8 * size, y.value - 0.2 * size


_SURROGATE = re.compile("[\ud800-\udfff]")
"""PDFium gives a character beyond the Basic Multilingual Plane (an emoji) as two UTF-16 halves."""


def _paired(text: str) -> str:
    """Halves joined into their character; a half without its pair (a broken font's) is U+FFFD."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


_TOKEN = re.compile(f"[^{''.join(sorted(_BREAKS))}]+")


def _pieces(start: int, end: int, read_box: Callable[[int | None, int, int], int], handle: int | None,
            address: int, corners: memoryview) -> Iterator[tuple[int, int, float, float, float, float, bool]]:
    """A token cut where the next character leaves the line or a gap of a space opens: (start,
    end, left, right, upper, lower, glued), `glued` for a piece touching the one before it at
    another height (a superscript)."""
    first, glued = start, False
    read_box(handle, start, address)
    x0, upper, x1, lower = corners
    for index in range(start + 1, end):
        read_box(handle, index, address)
        left, char_upper, right, char_lower = corners
        line_height = upper - lower
        same_line = abs(char_lower - lower) <= 0.25 * line_height and abs(char_upper - upper) <= 0.25 * line_height
        if same_line and x0 - 0.2 * line_height <= left <= x1 + _WORD_GAP * line_height:
            x1 = max(x1, right)
            continue
        yield first, index, x0, x1, upper, lower, glued
        glued = not same_line and abs(left - x1) < 0.1 * line_height
        first, x0, x1, upper, lower = index, left, right, char_upper, char_lower
    yield first, end, x0, x1, upper, lower, glued


@functools.cache
def _box_reader() -> Callable[[int | None, int, int], int]:
    """PDFium's FPDFText_GetLooseCharBox called with plain ints: the box of every character is
    read, and ctypes' argument conversions cost more than the call itself."""
    import pypdfium2.raw as pdfium_c

    address = ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p).value
    prototype = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)
    return prototype(address)  # type: ignore[no-any-return]


@functools.cache
def _object_of() -> Callable[[Any, int], int | None]:
    """PDFium's FPDFText_GetTextObject returning the object's address as a plain int: a
    dictionary key for the styles read once per text object, without a ctypes cast per word."""
    import pypdfium2.raw as pdfium_c

    address = ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(address)  # type: ignore[no-any-return]


def _style(raw: Any, index: int, key: int | None, styles: dict[int | None, _Style], fonts: dict[int, bool]) -> _Style:
    """Size, weight, colour and angle of the text object a character belongs to, kept in `styles`
    (read once per object; whether its font is bold once per font of the page, in `fonts`)."""
    import pypdfium2.raw as pdfium_c

    font = pdfium_c.FPDFTextObj_GetFont(pdfium_c.FPDFText_GetTextObject(raw, index)) if key else None
    address = ctypes.cast(font, ctypes.c_void_p).value if font else None
    if address is not None and address not in fonts:
        fonts[address] = _bold(font)
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    white = bool(pdfium_c.FPDFText_GetFillColor(raw, index, red, green, blue, alpha)) and min(
        red.value, green.value, blue.value) >= 240
    angle = pdfium_c.FPDFText_GetCharAngle(raw, index)
    style = styles[key] = _Style(_size(raw, index), fonts.get(address or 0, False),
                                 white, angle >= 0 and min(angle, 2 * math.pi - angle) > 0.1)
    return style


def _size(raw: Any, index: int) -> float:
    """The size text is drawn at: its font's size scaled by its object's matrix. Many PDFs set the font at size 1
    and scale it by the matrix, and PDFium's size of a character is then 1 for all text, headings or not."""
    import pypdfium2.raw as pdfium_c

    text_object = pdfium_c.FPDFText_GetTextObject(raw, index)
    size, matrix = ctypes.c_float(), pdfium_c.FS_MATRIX()
    if not text_object or not pdfium_c.FPDFTextObj_GetFontSize(text_object, size) or not pdfium_c.FPDFPageObj_GetMatrix(
            text_object, matrix):
        return float(pdfium_c.FPDFText_GetFontSize(raw, index))
    return size.value * math.hypot(matrix.c, matrix.d)


def _bold(font: Any) -> bool:
    """Whether a font is bold: by its weight, or by its name ("Arial-BoldMT")."""
    import pypdfium2.raw as pdfium_c

    length = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    name = ctypes.create_string_buffer(max(length, 1))
    pdfium_c.FPDFFont_GetBaseFontName(font, name, length)
    return pdfium_c.FPDFFont_GetWeight(font) >= 600 or bool(_BOLD_NAME.search(name.value.decode("latin-1")))


# ------------------------------------------------------------------------------ rules, fills, images
_THIN = 2.5
"""A filled or stroked shape at most this thick (points) is a rule."""
_SNAP = 2.5
"""Rules and corners this close (points) are one."""
_WHITE = 245
"""A colour whose red, green and blue are all at least this is white: a white frame draws no line."""


@dataclass(slots=True)
class _Shapes:
    """What the page draws besides text: rules (for tables and row breaks), dark areas, images."""

    horizontals: list[tuple[float, float, float]]
    """(y, x0, x1) of horizontal rules and box edges."""
    verticals: list[tuple[float, float, float]]
    """(x, top, bottom) of vertical rules and box edges."""
    darks: list[tuple[int, float, float, float, float]]
    """(drawing order, x0, top, x1, bottom) of dark fills and images: white text drawn on them is seen."""
    pictures: list[tuple[int, float, float, float, float]]
    """(drawing order, x0, top, x1, bottom) of images: text drawn before one, under it, is hidden. Not an image over
    the whole page: a page-sized image drawn last is a transparent frame or a scan over its own recognised text,
    and either way the words show."""
    order: dict[int | None, int]
    """Drawing order of each text object (by address)."""
    images: int

    @classmethod
    def of(cls, page: Any, height: float) -> _Shapes:
        import pypdfium2.raw as pdfium_c

        shapes = cls([], [], [], [], {}, 0)
        width = page.get_width()
        fills: dict[tuple[int, int, int], list[tuple[float, float, float, float]]] = {}
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
        red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
        for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
            item = pdfium_c.FPDFPage_GetObject(page.raw, index)
            kind = pdfium_c.FPDFPageObj_GetType(item)
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                shapes.order[ctypes.cast(item, ctypes.c_void_p).value] = index
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                shapes.images += _form_images(item)
            if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE):
                continue
            if not pdfium_c.FPDFPageObj_GetBounds(item, left, bottom, right, top):
                continue
            x0, x1, y0, y1 = left.value, right.value, height - top.value, height - bottom.value
            if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                shapes.images += 1
                shapes.darks.append((index, x0, y0, x1, y1))
                if not (x1 - x0 > 0.9 * width and y1 - y0 > 0.9 * height):
                    shapes.pictures.append((index, x0, y0, x1, y1))
                continue
            pdfium_c.FPDFPath_GetDrawMode(item, fill_mode, stroke)
            filled = fill_mode.value != pdfium_c.FPDF_FILLMODE_NONE and pdfium_c.FPDFPageObj_GetFillColor(
                item, red, green, blue, alpha) and alpha.value > 0
            if filled and 0.3 * red.value + 0.59 * green.value + 0.11 * blue.value < 140:
                shapes.darks.append((index, x0, y0, x1, y1))
            colour = (red.value, green.value, blue.value)
            seen = (filled and min(colour) < _WHITE and not _same_ground(fills, x0, y0, x1, y1, colour)) or (
                stroke.value and pdfium_c.FPDFPageObj_GetStrokeColor(item, red, green, blue, alpha)
                and alpha.value > 0 and min(red.value, green.value, blue.value) < _WHITE)
            if filled:
                fills.setdefault(colour, []).append((x0, y0, x1, y1))
            if not seen or x1 - x0 < 6 and y1 - y0 < 6 or (x1 - x0 > 0.9 * width and y1 - y0 > 0.5 * height):
                continue  # white on white, dots and corners, the page's background
            if y1 - y0 <= _THIN:
                shapes.horizontals.append(((y0 + y1) / 2, x0, x1))
            elif x1 - x0 <= _THIN:
                shapes.verticals.append(((x0 + x1) / 2, y0, y1))
            elif pdfium_c.FPDFPath_CountSegments(item) <= 6:  # a rectangle: its edges bound cells
                shapes.horizontals += [(y0, x0, x1), (y1, x0, x1)]
                shapes.verticals += [(x0, y0, y1), (x1, y0, y1)]
        return shapes

    def hidden(self, text_object: int | None, white: bool, x0: float, x1: float, top: float, bottom: float) -> bool:
        """Whether text is out of sight: under an image drawn after it, or white on a light ground."""
        drawn = self.order.get(text_object, -1)
        x, y = (x0 + x1) / 2, (top + bottom) / 2
        if any(n > drawn and a <= x <= b and c <= y <= d for n, a, c, b, d in self.pictures):
            return True
        return white and not any(n < drawn and a <= x <= b and c <= y <= d for n, a, c, b, d in self.darks)

    def rules_between(self, top: float, bottom: float, x0: float, x1: float, *, reach: float = 0.7) -> bool:
        """Whether a horizontal rule across `reach` of [x0, x1] runs between the heights `top` and `bottom`."""
        reach *= x1 - x0
        return any(top <= y <= bottom and min(b, x1) - max(a, x0) >= reach for y, a, b in self.horizontals)

    def tables(self, words: list[Word]) -> list[_Table]:
        """Ruled tables: cells closed by rules on four sides, two or more side by side."""
        horizontals = _merged(self.horizontals)
        verticals = _merged(self.verticals)
        if len(horizontals) < 2 or len(verticals) < 3:
            return []
        corners = {
            (h, v)
            for h, (y, a, b) in enumerate(horizontals)
            for v, (x, c, d) in enumerate(verticals)
            if a - _SNAP <= x <= b + _SNAP and c - _SNAP <= y <= d + _SNAP
        }
        cells = []
        for h, v in sorted(corners):
            below = (h2 for h2 in range(h + 1, len(horizontals)) if (h2, v) in corners)
            right = [v2 for v2 in range(v + 1, len(verticals)) if (h, v2) in corners]
            cell = next(((h2, v2) for h2 in below for v2 in right if (h2, v2) in corners), None)
            if cell is not None:
                cells.append((verticals[v][0], horizontals[h][0], verticals[cell[1]][0], horizontals[cell[0]][0]))
        return [table for group in _touching(cells) if (table := _table(group, words)) is not None]


def _same_ground(fills: dict[tuple[int, int, int], list[tuple[float, float, float, float]]], x0: float, y0: float,
                 x1: float, y1: float, colour: tuple[int, int, int]) -> bool:
    """Whether a fill lies on an earlier fill of its own colour (a shaded line in a shaded cell): no edge shows."""
    return any(a - _SNAP <= x0 and x1 <= c + _SNAP and b - _SNAP <= y0 and y1 <= d + _SNAP
               for a, b, c, d in fills.get(colour, ()))


def _form_images(form: Any) -> int:
    import pypdfium2.raw as pdfium_c

    count = 0
    for index in range(pdfium_c.FPDFFormObj_CountObjects(form)):
        item = pdfium_c.FPDFFormObj_GetObject(form, index)
        kind = pdfium_c.FPDFPageObj_GetType(item)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            count += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            count += _form_images(item)
    return count


def _merged(segments: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Collinear segments that touch or overlap, as one: Word draws a table's rules cell by cell."""
    merged: list[list[float]] = []
    for position, start, end in sorted(segments, key=lambda s: (round(s[0] / _SNAP), s[1])):
        last = merged[-1] if merged else None
        if last and abs(last[0] - position) <= _SNAP and start <= last[2] + _SNAP:
            last[2] = max(last[2], end)
        else:
            merged.append([position, start, end])
    return sorted((p, s, e) for p, s, e in merged)


def _touching(cells: list[tuple[float, float, float, float]]) -> list[list[tuple[float, float, float, float]]]:
    """Cells grouped into tables: two cells belong together when they share a corner."""
    groups: list[list[tuple[float, float, float, float]]] = []
    corners: list[set[tuple[int, int]]] = []
    for cell in cells:
        x0, top, x1, bottom = cell
        mine = {(round(x / _SNAP), round(y / _SNAP)) for x in (x0, x1) for y in (top, bottom)}
        mine |= {(a + da, b + db) for a, b in mine for da in (-1, 0, 1) for db in (-1, 0, 1)}
        joined = [n for n, theirs in enumerate(corners) if theirs & mine]
        group, seen = [cell], set(mine)
        for n in reversed(joined):
            group += groups.pop(n)
            seen |= corners.pop(n)
        groups.append(group)
        corners.append(seen)
    return groups


def _table(cells: list[tuple[float, float, float, float]], words: list[Word]) -> _Table | None:
    rows: list[list[tuple[float, float, float, float]]] = []
    for cell in sorted(cells, key=lambda c: (c[1], c[0])):
        if rows and abs(rows[-1][0][1] - cell[1]) <= _SNAP:
            rows[-1].append(cell)
        else:
            rows.append([cell])
    if all(len(row) < 2 for row in rows) or any(
            right > left + _SNAP
            for row in rows for (_, _, right, _), (left, _, _, _) in itertools.pairwise(sorted(row))):
        return None  # boxes stacked, frames in frames: not a table
    placed: set[int] = set()
    filled = []
    for row in rows:
        cells_of_row = []
        for x0, top, x1, bottom in sorted(row):
            inside = tuple(w for w in words if id(w) not in placed and _centred_in(w, x0, x1, top, bottom))
            placed.update(map(id, inside))
            cells_of_row.append((x0, x1, inside))
        filled.append(tuple(cells_of_row))
    table = _Table(min(c[0] for c in cells), max(c[2] for c in cells), min(c[1] for c in cells),
                   max(c[3] for c in cells), tuple(filled))
    within = sum(1 for w in words if _centred_in(w, table.x0, table.x1, table.top, table.bottom))
    if len(placed) < _TABLE_SHARE * within:
        return None  # a slide's frames around a few boxes: most of the text lies outside any cell
    return table


_TABLE_SHARE = 0.5
"""At least this share of the words within a table's outline must sit in its cells."""


def _centred_in(word: Word, x0: float, x1: float, top: float, bottom: float) -> bool:
    return x0 <= (word.x0 + word.x1) / 2 <= x1 and top <= (word.top + word.bottom) / 2 <= bottom


# ------------------------------------------------------------------------------------------- layout
_EDGE_ROWS = 2
_MIN_GUTTER = 7.0
"""Narrowest gap between columns, in points: twice a word space in body text."""
_MAX_DEPTH = 8
_HEADING = 1.15
"""A line set this much larger than the page's body text is a heading."""
_WIDE_LINE = 0.75
"""A line this share of its column wide may have wrapped at a narrower edge than the column's."""
LABELLED_LINE = re.compile(r"^\s*[A-Z]\w*(?:\s+\w+){0,2}\s*:\s")
"""A line that opens with a label ("Quote:", "Moderator:") starts a new item, whatever the wrapping."""
_BULLET = re.compile(r"^(?:[•▪◦●○■□▫►▸▶➢➤✓✔◆◇❖*–-]|\(?(?:\d{1,2}|[A-Za-z]|[IVXivx]{1,4})[.)])$")
"""A list marker standing alone: a bullet glyph, "1.", "(a)", "iv."."""

Item = Word | _Table


@dataclass(slots=True)
class _LineBox(_Boxed):
    """A line with its box, while the page is laid out (not frozen, as `Word`)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    row: int
    first: float = 0.0
    """Width of the first word: whether it would have fitted at the end of the line above."""
    indent: float = 0.0
    """Where the second word starts: the text of a list item, right of its bullet."""


@dataclass(frozen=True, slots=True)
class _Page:
    """What every step of a page's layout needs to know about the whole page."""

    body: float
    """The body text's font size."""
    gaps: dict[float, float]
    """A normal gap between two lines of a paragraph, as a share of the line height, per type size."""
    shapes: _Shapes
    rows: dict[int, int]
    """Page-wide row of each word (by id)."""
    lines: dict[tuple[int, int, int], _LineBox] = dataclasses.field(default_factory=dict)
    """Lines made so far, by (first word, last word, length): a row is looked at from several sides."""

    def line(self, row: list[Word]) -> _LineBox:
        key = (id(row[0]), id(row[-1]), len(row))
        made = self.lines.get(key)
        if made is None:
            made = self.lines[key] = _line(row, self.rows)
        return made

    def breaks(self, above: _LineBox, below: _LineBox) -> bool:
        """Whether a paragraph ends between two lines: a wider gap than between its lines, or a rule."""
        height = min(above.height, below.height) or 1.0
        normal = self.gaps.get(round(above.size * 2) / 2, self.gaps.get(0.0, 0.15))
        if (below.top - above.bottom) / height > normal + 0.35:
            return True
        x0, x1 = max(above.x0, below.x0), min(above.x1, below.x1)
        return self.shapes.rules_between(above.bottom - 1, below.top + 1, x0, x1)


def page_layout(words: list[Word], shapes: _Shapes) -> PageLayout:
    """A page's blocks in reading order, and its edge rows (where running headers and footers sit)."""
    if not words:
        return PageLayout(())
    rows = _rows(words)
    row_of = {id(word): number for number, row in enumerate(rows) for word in row}
    numbers = list(range(len(rows)))
    edges = tuple(tuple((n, _line(rows[n], row_of).text) for n in side)  # type: ignore[arg-type]
                  for side in (numbers[:_EDGE_ROWS], numbers[::-1][:_EDGE_ROWS]))
    sizes: Counter[float] = Counter()
    for word in words:
        sizes[round(word.size * 2) / 2] += len(word.text)
    page = _Page(body=sizes.most_common(1)[0][0], gaps=_normal_gaps(rows), shapes=shapes, rows=row_of)
    tables = shapes.tables(words)
    in_tables = {id(word) for table in tables for row in table.rows for _, _, cell in row for word in cell}
    if not tables:
        return PageLayout(tuple(_region(words, page, 0, rows)), edges)  # type: ignore[arg-type]
    items: list[Item] = [word for word in words if id(word) not in in_tables]  # a title over a grid of boxes stays
    return PageLayout(tuple(_region([*items, *tables], page, 0)), edges)


def _normal_gaps(rows: list[list[Item]]) -> dict[float, float]:
    """The gap between lines of a paragraph, as a share of line height, per type size (a fifth of
    the gaps between lines of that size are closer); under `0.0`, for all sizes together.

    Gaps are taken between a piece of a row and the piece below it in the same column, so that
    columns whose lines are not level with each other do not blur the measure; and per size, as
    captions are set tighter than the text beside them.
    """
    pieces = [[(_box(piece), piece[0].size) for piece in _segments(row, 20.0)] for row in rows]
    ratios: dict[float, list[float]] = {}
    for number, row in enumerate(pieces):
        for above, size in row:
            height = above.bottom - above.top
            below = next((b for later in pieces[number + 1 : number + 4] for b, _ in later
                          if b.x0 < above.x1 and above.x0 < b.x1), None)
            if below is not None and height > 0 and abs((below.bottom - below.top) / height - 1) < 0.15:
                ratio = (below.top - above.bottom) / height
                if ratio > -0.3:
                    ratios.setdefault(round(size * 2) / 2, []).append(ratio)
                    ratios.setdefault(0.0, []).append(ratio)
    return {size: min(max(sorted(found)[len(found) // 5], 0.0), 0.5) for size, found in ratios.items()
            if len(found) >= 3}


def _rows(items: Iterable[Item]) -> list[list[Item]]:
    """Items grouped into rows (top to bottom), each row left to right; a table is a row of its own.

    An item joins a row when its middle lies within the row's height or the row's middle within
    the item's: a superscript joins its line, and lines whose boxes barely touch stay apart.
    """
    rows: list[list[Item]] = []
    top = bottom = 0.0
    members: list[Item] = []
    for _, _, _, item in sorted((i.top + i.bottom, i.x0, n, i) for n, i in enumerate(items)):
        if members and not isinstance(item, _Table) and not isinstance(members[0], _Table) and (
                top <= (item.top + item.bottom) / 2 <= bottom or item.top <= (top + bottom) / 2 <= item.bottom):
            top, bottom = min(top, item.top), max(bottom, item.bottom)
            members.append(item)
            continue
        members = [item]
        top, bottom = item.top, item.bottom
        rows.append(members)
    for row in rows:
        row.sort(key=_X0)
    return rows


_X0 = operator.attrgetter("x0")


def _region(items: list[Item], page: _Page, depth: int, rows: list[list[Item]] | None = None) -> list[Block]:
    """Blocks of a part of the page in reading order: runs of rows that share a gutter are split
    into columns (each read as a region of its own) or read as a grid; other rows as one column."""
    rows = rows or _rows(items)
    if depth >= _MAX_DEPTH or len(items) < 2:
        return _column_blocks(rows, page)
    blocks: list[Block] = []
    for run, gutter in _runs(rows, page):
        if gutter is None:
            blocks.extend(_column_blocks(run, page))
            continue
        low, high = gutter
        kind = _kind(run, low, high, page)
        if kind == "grid":
            blocks.extend(_grid_blocks(run, page))
            continue
        left = _region([i for row in run for i in row if i.x1 <= low], page, depth + 1)
        right = _region([i for row in run for i in row if i.x0 >= high], page, depth + 1)
        if kind == "flow" and left[-1].kind == right[0].kind == "text" and _runs_on(run, low, high, page):
            # a paragraph running from the foot of one column to the head of the next: one block
            *above, last = left[-1].lines
            first, *below = right.pop(0).lines
            left[-1] = Block("text", (*above, dataclasses.replace(first, text=_wrapped(last.text, first.text), row=last.row,
                                                                  first=last.first), *below))
        blocks.extend(left + right)
    return blocks


def _runs_on(run: list[list[Item]], low: float, high: float, page: _Page) -> bool:
    """Whether the left column's last line wraps into the right column's first: a paragraph cut by the column break."""
    last = [i for i in next(row for row in reversed(run) if any(i.x1 <= low for i in row)) if i.x1 <= low]
    first = [i for i in next(row for row in run if any(i.x0 >= high for i in row)) if i.x0 >= high]
    right = max(i.x1 for row in run for i in row if i.x1 <= low)
    return _continues(page.line(last), page.line(first), right, ruled=False)  # type: ignore[arg-type]


def _runs(rows: list[list[Item]], page: _Page) -> list[tuple[list[list[Item]], tuple[float, float] | None]]:
    """The rows cut into runs of consecutive rows, top to bottom, with the gutter of each run of
    columns (None for one column).

    A gap in a row (inside it, or beside it: a caption alone on its line) is followed up and down
    for as long as a strip of it stays free in the rows: a row on one side of it (a caption
    beside a column, the last line of a paragraph) does not end the run, a row across it (a
    title, a heading over both columns) does. The longest run with text on both sides of its
    strip is taken first, then the rows above and below it are cut the same way, so that a
    caption at the top of a column does not decide its gutter. No run crosses a rule or the
    edge of a coloured band across the region (a newsletter's sections).
    """
    items = [i for row in rows for i in row]
    left_edge, right_edge = min(i.x0 for i in items), max(i.x1 for i in items)
    height = statistics.median(i.bottom - i.top for i in items)
    least = max(_MIN_GUTTER, 0.8 * height)
    free = [_free(row, left_edge, right_edge, least) for row in rows]
    boxes = [_box(row) for row in rows]
    apart = [False] + [page.shapes.rules_between(above.bottom - 1, below.top + 1, left_edge, right_edge, reach=0.9)
                       for above, below in itertools.pairwise(boxes)]

    def trimmed(start: int, end: int, low: int, high: int, strip: tuple[float, float]) -> tuple[int, int]:
        """A run without the rows at its ends that belong outside it: the rest of a caption that
        began above it, a heading over one of its columns, a caption that goes on below it."""
        while low < high - 1 and (low > start and _carries_on(rows[low - 1], rows[low], strip, height)
                                  or _one_side(rows[low], strip) and page.breaks(boxes[low], boxes[low + 1])):
            low += 1
        while high - 1 > low and high < end and _carries_on(rows[high], rows[high - 1], strip, height):
            high -= 1
        return low, high

    def longest(start: int, end: int) -> tuple[int, int, tuple[float, float]] | None:
        best: tuple[int, int, tuple[float, float]] | None = None
        covered: list[tuple[int, int, tuple[float, float]]] = []
        for number in range(start, end):
            for gap in free[number]:
                margin = gap[0] <= left_edge or gap[1] >= right_edge
                if margin and gap[1] - gap[0] < 0.25 * (right_edge - left_edge) or any(
                        low <= number < high and gap[0] < strip[1] and strip[0] < gap[1]
                        for low, high, strip in covered):
                    continue
                low, high, strip = number, number + 1, gap
                while low > start and not apart[low] and (wider := _within(strip, free[low - 1], least)):
                    low, strip = low - 1, wider
                while high < end and not apart[high] and (wider := _within(strip, free[high], least)):
                    high, strip = high + 1, wider
                covered.append((low, high, strip))
                low, high = trimmed(start, end, low, high, strip)
                gutter = _gutter(rows[low:high], [strip], height)
                if gutter and (best is None or high - low > best[1] - best[0]):
                    best = (low, high, gutter)
        return best

    def cut(start: int, end: int) -> list[tuple[list[list[Item]], tuple[float, float] | None]]:
        if start >= end:
            return []
        found = longest(start, end)
        if found is None:
            return [(rows[start:end], None)]
        low, high, gutter = found
        return cut(start, low) + [(rows[low:high], gutter)] + cut(high, end)

    return cut(0, len(rows))


def _one_side(row: list[Item], gutter: tuple[float, float]) -> bool:
    return all(i.x1 <= gutter[0] for i in row) or all(i.x0 >= gutter[1] for i in row)


def _carries_on(outside: list[Item], inside: list[Item], gutter: tuple[float, float], height: float) -> bool:
    """Whether a row at the edge of a run, on one side of its gutter, belongs to the block just
    outside the run: close to it and under (or over) its text on that side."""
    if not _one_side(inside, gutter):
        return False
    gap = max(inside[0].top - outside[0].bottom, outside[0].top - inside[0].bottom)
    x0, x1 = min(i.x0 for i in inside), max(i.x1 for i in inside)
    return gap < 0.6 * height and any(i.x0 < x1 and x0 < i.x1 for i in outside)


def _within(strip: tuple[float, float], free: list[tuple[float, float]], least: float) -> tuple[float, float] | None:
    """The widest part of `strip` that a row leaves free, if at least `least` wide."""
    parts = [(max(strip[0], low), min(strip[1], high)) for low, high in free]
    widest = max(parts, key=lambda part: part[1] - part[0], default=None)
    return widest if widest is not None and widest[1] - widest[0] >= least else None


def _free(row: list[Item], left_edge: float, right_edge: float, least: float) -> list[tuple[float, float]]:
    """The x intervals of at least `least` points that a row leaves free, its margins included."""
    free, reached = [], left_edge
    for item in row:
        if item.x0 - reached >= least:
            free.append((reached, item.x0))
        reached = max(reached, item.x1)
    if right_edge - reached >= least:
        free.append((reached, right_edge))
    return free


def _gutter(run: list[list[Item]], strips: list[tuple[float, float]], height: float) -> tuple[float, float] | None:
    """The widest of a run's free strips with lines on both sides, or None for one column.

    A run of one or two lines needs a wider strip (two word spaces do not make a column), and
    in a short run the strip must stand out from the other gaps of its lines; a long run needs
    lines on both sides in a quarter of its rows. The gap after the bullets of a list with
    hanging indents is no gutter.
    """
    least = max(_MIN_GUTTER, (0.8 if len(run) >= 3 else 2.0) * height)
    need = 1
    best = None
    for low, high in strips:
        if high - low < least or (best is not None and high - low <= best[1] - best[0]):
            continue
        left = [i for row in run for i in row if i.x1 <= low]
        left_rows = sum(any(i.x1 <= low for i in row) for row in run)
        right_rows = sum(any(i.x0 >= high for i in row) for row in run)
        if min(left_rows, right_rows) < need:
            continue
        if all(isinstance(i, Word) and _BULLET.match(i.text) for i in left):
            continue
        if len(run) < 4 and not all(_stands_out(row, low, high) for row in run):
            continue
        best = (low, high)
    return best


def _stands_out(row: list[Item], low: float, high: float) -> bool:
    """Whether the gap at a strip is wider than the row's other gaps: the spaces of a justified
    line are stretched alike, a tab stop or a gutter is not."""
    others = [b.x0 - a.x1 for a, b in itertools.pairwise(row) if not (a.x1 <= low and b.x0 >= high)]
    gap = min((b.x0 - a.x1 for a, b in itertools.pairwise(row) if a.x1 <= low and b.x0 >= high), default=None)
    return gap is None or not others or gap >= 2 * max(others)


def _box(row: list[Item]) -> _LineBox:
    x0, x1, top, bottom = row[0].x0, row[0].x1, row[0].top, row[0].bottom
    for item in row:
        if item.x1 > x1:
            x1 = item.x1
        if item.top < top:
            top = item.top
        if item.bottom > bottom:
            bottom = item.bottom
    return _LineBox("", x0, x1, top, bottom, 0.0, False, -1)  # a row runs left to right: x0 is its first


def _kind(band: list[list[Item]], low: float, high: float, page: _Page) -> str:
    """How the two sides of a gutter are read: "flow" (running text, down one column and on into
    the next), "columns" (side by side but apart: a list beside a list, captions beside a column,
    read one after the other) or "grid" (cells of rows, read across).

    Running text on both sides, in one type size, flows. Otherwise lists side by side are
    columns, and what is left is a grid when its lines sit on shared baselines: times beside
    sessions, names beside talks, records side by side.
    """
    if any(isinstance(i, _Table) for row in band for i in row):
        return "columns"
    left = [r for r in ([i for i in row if i.x1 <= low] for row in band) if r]
    right = [r for r in ([i for i in row if i.x0 >= high] for row in band) if r]
    if _prose(left, low, page) and _prose(right, max(i.x1 for row in right for i in row), page) and abs(
            statistics.median(i.size for row in left for i in row if isinstance(i, Word))
            - statistics.median(i.size for row in right for i in row if isinstance(i, Word))) < 0.5:
        return "flow"
    if _BULLET.match(left[0][0].text) and _BULLET.match(right[0][0].text):  # type: ignore[union-attr]
        return "columns"
    fewer, more = sorted((left, right), key=len)
    if len(fewer) == 1 < len(more) and _width(fewer[0]) >= 0.5 * statistics.median(map(_width, more)):
        return "columns"  # a line of text beside a paragraph (a caption beside a caption), not a key beside its row
    bottoms = [max(i.bottom for i in row) for row in more]
    aligned = sum(
        any(abs(b - bottom) <= 0.25 * (bottom - min(i.top for i in row)) for b in bottoms)
        for row in fewer
        for bottom in [max(i.bottom for i in row)]
    )
    return "grid" if aligned >= 0.7 * len(fewer) else "columns"


def _width(row: list[Item]) -> float:
    return max(i.x1 for i in row) - min(i.x0 for i in row)


def _prose(rows: list[list[Item]], right: float, page: _Page) -> bool:
    """Running text: at least three lines in a column a line's width wide, most of them wrapped
    into the next (names over titles, list items and table cells are not)."""
    if len(rows) < 3 or not all(isinstance(i, Word) for row in rows for i in row):
        return False
    lines = [page.line(row) for row in rows]  # type: ignore[arg-type]
    left = min(line.x0 for line in lines)
    if right - left < 12 * statistics.median(line.height for line in lines):
        return False
    wrapped = sum(_wraps_in_prose(above, below, right) for above, below in itertools.pairwise(lines))
    return wrapped >= 0.5 * (len(lines) - 1)


_PROSE_LINE_WORDS = 5
"""A line of running text holds this many words or more; labels and names in a list hold fewer."""
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")
_LINKING_WORDS = frozenset({"a", "an", "and", "at", "de", "for", "in", "of", "on", "the", "to"})
"""The words in lower case a name or a speaker's record has ("Director, Institute of Labour"): running text has
others too ("passed", "support")."""


def _wraps_in_prose(above: _LineBox, below: _LineBox, right: float) -> bool:
    """Whether a line of a column wrapped into the next, as `_continues` judges it, or by the column's shape alone:
    a word broken at the line's end, or a line of running text (a word in lower case besides "of" or "the") that
    leaves no room for the next one's first word and ends in no full stop. Proper names at the ends of lines ("the
    Cambridge City" over "Council passed") look finished to `_continues`."""
    if not _same_style(above, below):
        return False
    if _continues(above, below, right, ruled=False) or _ends_open(above):
        return True
    no_room = below.first + 0.25 * below.height > right - above.x1
    return (no_room and above.text.count(" ") >= _PROSE_LINE_WORDS - 1 and not above.text.endswith((".", ":", "!", "?"))
            and any(word not in _LINKING_WORDS for word in _LOWER_WORD.findall(above.text)))


# --------------------------------------------------------------------------------------------- grids
def _grid_blocks(band: list[list[Item]], page: _Page) -> list[Block]:
    """A grid read row by row: a row with two or more cells is one line, cells joined by
    `CELL_SEPARATOR`; records side by side are blocks of their own.

    Rows are the grid's lines, a line that only continues a cell of the line above (a wrapped
    title) joining that row; where rules separate the rows, all lines between two rules are one
    row.
    """
    columns = _columns(band)
    grid_left, grid_right = columns[0][0], columns[-1][1]
    lines = []  # per physical row: per column, the words in it
    for row in band:
        cells: list[list[Word]] = [[] for _ in columns]
        for segment in _segments(row, _MIN_GUTTER):
            number = max(n for n, (left, _) in enumerate(columns) if n == 0 or segment[0].x0 >= left - _SNAP)
            cells[number].extend(segment)  # type: ignore[arg-type]
        lines.append(cells)
    boxes = [_box(row) for row in band]
    groups: list[list[int]] = [[0]]
    ruled = 0
    for number in range(1, len(band)):
        above, below = boxes[number - 1], boxes[number]
        if page.shapes.rules_between(above.bottom - 1, below.top + 1, grid_left, grid_right):
            ruled += 1
            groups.append([number])
        elif page.breaks(above, below):
            groups.append([number])
        else:
            groups[-1].append(number)
    by_rules = ruled >= 2 and len(band) <= 6 * len(groups)
    blocks: list[Block] = []
    for group in groups:
        cells_by_line = [lines[n] for n in group]
        if by_rules:
            blocks.extend(_row_blocks([[page.line(line[c]) for line in cells_by_line if line[c]]
                                       for c in range(len(columns))], columns, page, ruled=True))
        elif _records(cells_by_line) and not _cut_open(cells_by_line, page):
            for c in range(len(columns)):
                record = [page.line(cell) for line in cells_by_line for cell in [line[c]] if cell]
                if record:
                    blocks.append(Block("record", tuple(Line(r.text, r.row) for r in record)))
        else:
            blocks.extend(_line_rows(cells_by_line, columns, page))
    return blocks


def _columns(band: list[list[Item]]) -> list[tuple[float, float]]:
    """The grid's columns: x ranges its line pieces cover, apart where no piece crosses a gap of two word spaces."""
    height = statistics.median(i.bottom - i.top for row in band for i in row)
    least = max(_MIN_GUTTER, 0.6 * height)
    columns: list[list[float]] = []
    for left, right in sorted((s[0].x0, max(i.x1 for i in s)) for row in band for s in _segments(row, least)):
        if columns and left - columns[-1][1] < least:
            columns[-1][1] = max(columns[-1][1], right)
        else:
            columns.append([left, right])
    return [(left, right) for left, right in columns]


def _segments(row: list[Item], least: float) -> list[list[Item]]:
    """A row's items in pieces separated by gaps of at least `least` points."""
    pieces: list[list[Item]] = []
    reached = -math.inf
    for item in row:
        if item.x0 - reached < least:
            pieces[-1].append(item)
        else:
            pieces.append([item])
        reached = max(reached, item.x1)
    return pieces


def _records(lines: list[list[list[Word]]]) -> bool:
    """Records side by side (name over title over organisation, under photos or signatures): every
    filled column holds two to six lines, starting on the same line as the others."""
    filled = [c for c in range(len(lines[0])) if any(line[c] for line in lines)]
    if len(filled) < 2:
        return False
    counts = [sum(bool(line[c]) for line in lines) for c in filled]
    first = [next(n for n, line in enumerate(lines) if line[c]) for c in filled]
    return all(2 <= count <= 6 for count in counts) and len(set(first)) == 1


def _cut_open(lines: list[list[list[Word]]], page: _Page) -> bool:
    """Whether a column's line ends cut open over the next ("8:30-" over "9:00am"): the cells of one row wrapped,
    not records stacked line by line (whose lines end where a name, a title or a caption's line ends)."""
    return any(_ends_open(page.line(above[c])) for above, below in itertools.pairwise(lines)
               for c in range(len(above)) if above[c] and below[c])


def _line_rows(lines: list[list[list[Word]]], columns: list[tuple[float, float]], page: _Page) -> list[Block]:
    """Each line of the grid a row, unless it carries on the row above: all its cells continue the
    cells above (a wrapped time), or each of them sits under a cell of that row and one is cut open there (a time
    range wrapped at its dash beside a talk's last line), or its first cell is empty and one of them continues (a session
    title wrapped beside a second speaker)."""
    rows: list[list[list[_LineBox]]] = []
    opening: list[int] = []  # per row, the columns its first line fills
    for cells in lines:
        boxes = [[page.line(cell)] if cell else [] for cell in cells]
        filled = [c for c, box in enumerate(boxes) if box]
        if rows:
            wraps = [bool(box and rows[-1][c]) and _runs_into(rows[-1][c][-1], box[0], columns[c], ruled=False)
                     for c, box in enumerate(boxes)]
            under = all(rows[-1][c] for c in filled)
            cut = any(wrap and _ends_open(rows[-1][c][-1]) for c, wrap in enumerate(wraps))  # "8:30-" over "9:00am"
            if (all(wrap for wrap, box in zip(wraps, boxes) if box) or (not boxes[0] and any(wraps)) or under and cut
                    or under and _within_timed_row(rows[-1], opening, filled)):
                for c, box in enumerate(boxes):
                    rows[-1][c] += box
                continue
        rows.append(boxes)
        opening = filled
    blocks: list[Block] = []
    for row in rows:  # a row's lines were joined for running on: within a cell, the edge tells where a line wraps
        blocks.extend(_row_blocks(row, columns, page, ruled=True))
    return _merge_text_blocks(blocks)


def _within_timed_row(row: list[list[_LineBox]], opening: list[int], filled: list[int]) -> bool:
    """Whether a line under a programme's row whose first line opens with its time ("08:30 | Opening | Prof. NAME,
    President X" over "Ceremony | Mr NAME, Chairman, Y") carries on that row: its time cells are empty and it does not
    fill the row's other cells all again (a parallel session's line: "Session 1C | Title | Room" under "09:30 | Session
    1A | Title | Room"). The time, not the spacing, tells where a row ends."""
    times = list(itertools.takewhile(lambda c: bool(row[c]) and _TIME_CELL.match(row[c][0].text) is not None, opening))
    return bool(times) and not set(times) & set(filled) and filled != opening[len(times) :]


def _row_blocks(cells: list[list[_LineBox]], columns: list[tuple[float, float]], page: _Page, *,
                ruled: bool = False) -> list[Block]:
    """One row of a grid: a line of cells, or the lines of its only cell."""
    filled = [(c, cell) for c, cell in enumerate(cells) if cell]
    if not filled:
        return []
    if len(filled) == 1:
        column, lines = filled[0]
        return [Block("text", _unwrapped(lines, columns[column]))]
    text = CELL_SEPARATOR.join(_cell_text(cell, columns[c][1], page, ruled=ruled) for c, cell in filled)
    return [Block("row", (Line(text, filled[0][1][0].row),))]


def _merge_text_blocks(blocks: list[Block]) -> list[Block]:
    """Consecutive single lines of one cell make one block: the lines under a session title."""
    merged: list[Block] = []
    for block in blocks:
        if merged and block.kind == "text" and merged[-1].kind == "text":
            merged[-1] = Block("text", merged[-1].lines + block.lines)
        else:
            merged.append(block)
    return merged


def _cell_text(lines: list[_LineBox], right: float, page: _Page, *, ruled: bool) -> str:
    """A cell's lines as one stretch of text: a wrapped line joins the next with a space (a hyphen
    at a wrap is dropped before a lower-case letter), other lines with ", " (a name over a title),
    paragraphs, list items and records ("NAME, TITLE, ORG" over "NAME, TITLE, ORG") with "; "."""
    text = lines[0].text
    for above, below in itertools.pairwise(lines):
        if page.breaks(above, below) or _BULLET.match(below.text.split(" ", 1)[0]):
            text += "; " + below.text
        elif _continues(above, below, right, ruled=ruled):
            text = _wrapped(text, below.text)
        elif text.endswith((",", ";", ":", "(", "/", "–", "—", "-", "&")):
            text += " " + below.text
        elif ", " in above.text and ", " in below.text:
            text += "; " + below.text  # two records ("NAME, TITLE, ORG") one under the other
        else:
            text += ", " + below.text  # a name over a title over an organisation
    return text


def _wrapped(text: str, below: str) -> str:
    """A line and the line it wraps into as one: "imple-" "mentation" loses its hyphen, "South-" "East" keeps it."""
    if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and below[:1].islower():
        return text[:-1] + below
    return text + ("" if text.endswith("-") else " ") + below


def _continues(above: _LineBox, below: _LineBox, right: float, *, ruled: bool) -> bool:
    """Whether `below` carries on the text of `above`, wrapped at the cell's right edge: set in
    the same font, and the first word of `below` would not have fitted at the end of `above`.

    Rules give the edges of a cell; without them the edge is only known from the longest line,
    and the sentence must also look unfinished (a comma, a hyphen or a lower-case word at the end
    of `above`, or a lower-case start below): a list of short cells is not one wrapped line.
    """
    if not _same_style(above, below):
        return False  # a title over a name, a name over a title: fields, not a sentence
    if below.first + 0.25 * below.height <= right - above.x1:
        return False
    return ruled or _unfinished(above, below)


def _runs_into(above: _LineBox, below: _LineBox, column: tuple[float, float], *, ruled: bool) -> bool:
    """`_continues` at the column's `_edge`, or a sentence that runs on: a line ending in a comma, or, in a line
    most of the column wide, a lower-case word across the break (a cell narrower than its column wrapped it)."""
    left, right = column
    long = above.x1 - left >= _WIDE_LINE * (right - left)
    return _continues(above, below, _edge(right, above), ruled=ruled) or _same_style(above, below) and (
        _ends_open(above) or long and _unfinished(above, below))


def _edge(right: float, line: _LineBox) -> float:
    """Where ragged text wraps: a little short of its longest line."""
    return right - 0.5 * line.height


def _same_style(above: _LineBox, below: _LineBox) -> bool:
    return above.bold == below.bold and abs(above.size - below.size) <= 0.1 * above.size


def _unfinished(above: _LineBox, below: _LineBox) -> bool:
    """Whether the text runs on from `above` into `below`: a comma, a hyphen or a lower-case word ends `above`,
    or a lower-case word starts `below`."""
    last = above.text.rsplit(" ", 1)[-1]
    return _ends_open(above) or last[:1].islower() or below.text[:1].islower()


def _ends_open(line: _LineBox) -> bool:
    return line.text.endswith((",", "-", "&"))


# ----------------------------------------------------------------------------------- columns, tables
def _column_blocks(rows: list[list[Item]], page: _Page) -> list[Block]:
    """One column read top to bottom: blocks end at paragraph gaps and rules, and around headings."""
    blocks: list[Block] = []
    current: list[_LineBox] = []
    heading = False
    lines = [row[0] if isinstance(row[0], _Table) else page.line(row) for row in rows]  # type: ignore[arg-type]
    boxes = [line for line in lines if isinstance(line, _LineBox)]
    width = max((line.x1 for line in boxes), default=0.0) - min((line.x0 for line in boxes), default=0.0)
    body = [line for line in boxes if line.size < _HEADING * page.body] or boxes  # a title may span the columns
    column = (min((line.x0 for line in body), default=0.0), max((line.x1 for line in body), default=0.0))

    def close() -> None:
        if current:
            blocks.append(Block("heading" if heading else "text", _unwrapped(current, column)))

    for line in lines:
        if isinstance(line, _Table):
            close()
            current = []
            blocks.extend(_table_blocks(line, page))
            continue
        is_heading = line.size >= _HEADING * page.body
        if current and (is_heading != heading or abs(line.size - current[-1].size) > 0.15 * line.size
                        or page.breaks(current[-1], line) or _heads(current, line, width)):
            heading = heading or _heads(current, line, width)
            close()
            current = []
        if current and _hangs(current[-1], line):
            current[-1] = dataclasses.replace(current[-1], text=_wrapped(current[-1].text, line.text), x1=line.x1,
                                              bottom=line.bottom)
            continue
        if not current:
            heading = is_heading
        current.append(line)
    close()
    return blocks


def _unwrapped(lines: list[_LineBox], column: tuple[float, float]) -> tuple[Line, ...]:
    """The lines with each line its column wrapped put back together: the next line's first word would not have
    fitted at its end, or, in a line most of the column wide, the sentence runs on (a cell narrower than its
    column). A shorter line ends where the writer ended it (a list item, a name over its title, a grid's cells
    set one under the other), however long it is in characters."""
    def room(line: _LineBox) -> float:
        return _edge(column[1], line) - line.x1 - 0.25 * line.height

    joined = [Line(lines[0].text, lines[0].row, room(lines[0]), lines[0].first)]
    for above, below in itertools.pairwise(lines):
        opens_item = _BULLET.match(below.text.split(" ", 1)[0]) or LABELLED_LINE.match(below.text)
        if not opens_item and _runs_into(above, below, column, ruled=True):
            joined[-1] = dataclasses.replace(joined[-1], text=_wrapped(joined[-1].text, below.text), room=room(below))
        else:
            joined.append(Line(below.text, below.row, room(below), below.first))
    return tuple(joined)


def _heads(lines: list[_LineBox], line: _LineBox, width: float) -> bool:
    """Whether bold lines over `line` are a heading set in the body's size: all bold, the last a
    long one (a short bold line over plain ones is a name over its title) that ends its text."""
    last = lines[-1]
    return (all(above.bold for above in lines) and not line.bold and last.x1 - last.x0 >= 0.6 * width
            and not last.text.endswith((",", "-", ";")) and not last.text.rsplit(" ", 1)[-1][:1].islower())


def _hangs(item: _LineBox, line: _LineBox) -> bool:
    """Whether `line` goes on with a list item: the item starts with a bullet, and `line` is set
    under the item's text, right of the bullet (a hanging indent), not at a new bullet."""
    return (bool(_BULLET.match(item.text.split(" ", 1)[0])) and abs(line.x0 - item.indent) < 0.5 * line.height
            and not _BULLET.match(line.text.split(" ", 1)[0]))


def _table_blocks(table: _Table, page: _Page) -> list[Block]:
    """A ruled table row by row; a table whose cells hold whole pages of text (a layout made with a
    table), and a row whose only filled cell holds columns of its own (a frame around a programme's entry: its
    time and its talk side by side inside), are read cell by cell instead, each as a region of its own."""
    blocks: list[Block] = []
    for row in table.rows:
        cells = [(left, right, [page.line(r) for r in _rows(words)])  # type: ignore[arg-type]
                 for left, right, words in row]
        filled = [words for _, _, words in row if words]
        if any(len(lines) > 15 for _, _, lines in cells) or len(filled) == 1 and _side_by_side(list(filled[0]), page):
            for _, _, words in row:
                blocks.extend(_region(list(words), page, _MAX_DEPTH - 2))
            continue
        pads = [max(1.0, min((line.x0 for line in lines), default=left) - left) for left, _, lines in cells]
        inner = [(left + pad, right - pad) for (left, right, _), pad in zip(cells, pads)]
        blocks.extend(_row_blocks([lines for _, _, lines in cells], inner, page, ruled=True))
    return blocks


def _side_by_side(words: list[Word], page: _Page) -> bool:
    """Whether words hold text side by side: a run of their rows with a gutter."""
    return len(words) > 1 and any(gutter is not None for _, gutter in _runs(_rows(words), page))


_OVERPRINT = 0.5
"""A word drawn again over itself this much (a poor man's bold) is read once."""


def _line(row: list[Word], rows: dict[int, int]) -> _LineBox:
    """A row's words as text: a space between words, none where a superscript touches its word.
    Its size is that of its longest word, it is bold if all its words are."""
    parts: list[str] = []
    previous = longest = row[0]
    x1, top, bottom, bold = previous.x1, previous.top, previous.bottom, previous.bold
    for word in row:
        if word is not previous:
            if word.text == previous.text and min(word.x1, previous.x1) - max(word.x0, previous.x0) > _OVERPRINT * (
                    word.x1 - word.x0):
                continue
            if not (word.glued and word.x0 - previous.x1 < 0.1 * word.height):
                parts.append(" ")
        parts.append(word.text)
        previous = word
        if word.x1 > x1:
            x1 = word.x1
        if word.top < top:
            top = word.top
        if word.bottom > bottom:
            bottom = word.bottom
        bold = bold and word.bold
        if len(word.text) > len(longest.text):
            longest = word
    return _LineBox("".join(parts), row[0].x0, x1, top, bottom, longest.size, bold, rows.get(id(row[0]), -1),
                    row[0].x1 - row[0].x0, row[1].x0 if len(row) > 1 else row[0].x1)


# ---------------------------------------------------------------------------------- running lines
def without_running_lines(pages: list[PageLayout]) -> list[list[Block]]:
    """Pages' blocks without running headers and footers: edge rows repeated on many pages.

    Rows are compared with their numbers masked ("Page 3 of 10", "Annual report | 7"); a bare
    page number at the edge of a page goes even in a document too short for repetition to show.
    A row is taken only from the very edge inwards, so the first line of body text, which may
    look like the first line of other pages, stays unless everything outside it went.
    """
    counts = Counter(key for page in pages for key in {_running_key(text) for edge in page.edges for _, text in edge})
    needed = max(2, math.ceil(0.4 * len(pages)))
    running = {key for key, count in counts.items() if count >= needed and not _CLOCK_TIME.fullmatch(key)}
    bodies = []
    for page in pages:
        furniture = set()
        for edge in page.edges:
            for row, text in edge:
                if _running_key(text) not in running and not _PAGE_NUMBER.fullmatch(text):
                    break
                furniture.add(row)
        blocks = [Block(block.kind, tuple(line for line in block.lines if line.row not in furniture)) for block in page.blocks]
        bodies.append([block for block in blocks if block.lines])
    return bodies


def _running_key(text: str) -> str:
    return " ".join(_DIGITS.sub("#", text.lower()).split())


_DIGITS = re.compile(r"\d+")
_TIME_CELL = re.compile(r"\d{1,2}[:.h]\d{2}\b")
"""A cell opening with a time of day: "08:30", "1:10 PM -", "09h00"."""
_CLOCK_TIME = re.compile(r"#[:.h]#\s*(?:[ap]\.?\s?m\.?)?")
"""A row that is a time of day alone, masked: a programme's slot at the top of a page, not a running header."""
_PAGE_NUMBER = re.compile(
    r"\A(?:page\s*)?[-–—(\[]?\s*(?:\d{1,3}|[ivx]{1,5})\s*[-–—)\]]?(?:\s*(?:/|of)\s*\d{1,4})?\Z", re.IGNORECASE
)
"""A row that is only a page number; anchored, as only a whole row can be one."""
