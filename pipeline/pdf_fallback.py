"""The fallback PDF reader: pdfplumber (pdfminer), for a file that PDFium cannot open or read.

PDFium refuses some files that pdfminer, which looks for the objects wherever they are, still
reads: a PDF saved behind bytes that are not its own (an HTTP response's headers, a mail
wrapper: PDFium looks for "%PDF-" in the first kilobyte only), or whose header is damaged.
Such a file is read here rather than lost, more slowly (pdfminer parses in Python; ×11–17
slower than `pdf.py`, see README) and with a simpler layout: words grouped into rows top to
bottom, a two-column page's left column read before its right, a wider gap between lines
starting a new block. Running headers, footers and page numbers are dropped as in `pdf.py`.
This was the project's PDF reader before PDFium; `benchmarks/run_benchmark.py --pdf` still
measures the two against each other.
"""

from __future__ import annotations

import functools
import itertools
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError, Notes
from .pdf import Block, Line, PageLayout, PdfiumRefused, PdfText, creation_date, page_texts, read_layouts


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    x0: float
    x1: float
    top: float


_EDGE_ROWS = 2
"""Rows at the top and at the bottom of a page where running headers and footers are looked for."""
_ROW_TOLERANCE = 3.0
"""Words whose tops differ by up to this (in points, pdfplumber's default) share a row."""
_MIN_GUTTER = 7.0
"""Narrowest gap between columns, in points: twice a word space in body text."""


def read_pages(path: Path, *, max_chars: int | None, refused: PdfiumRefused) -> PdfText:
    """Page texts and notes, as `pdf.read_pages` gives them, for a file PDFium refused with `refused`:
    that stays the error when pdfminer cannot read the file either. pdfminer's rows are lines as printed, with
    no column edges to judge their wrapping by: `ingest` judges it from the text."""
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            pages = read_layouts(path, (functools.partial(_page_layout, page) for page in pdf.pages), max_chars=max_chars)
            created = creation_date(pdf.metadata)
    except InputError:
        raise
    except Exception:  # noqa: BLE001 -- pdfminer raises many unrelated types on files it cannot parse
        raise refused from None
    if pages.unread == len(pages.layouts):
        raise refused
    text = page_texts(path, pages)
    return PdfText(text.pages, [Notes.N009.format(path=path), *text.notes], created=created)


def _page_layout(page: Any) -> tuple[PageLayout, bool]:
    """A page's lines in reading order, in blocks, with its edge rows; and whether it shows images.

    The page's parsed objects are dropped once its lines are taken, so memory stays flat however long the file is.
    """
    try:
        words = [_Word(w["text"], w["x0"], w["x1"], w["top"]) for w in page.extract_words()]
        rows = _rows(words)
        texts = [(number, " ".join(w.text for w in row)) for number, row in enumerate(rows)]
        edges = (tuple(texts[:_EDGE_ROWS]), tuple(reversed(texts[-_EDGE_ROWS:])))
        return PageLayout(tuple(_blocks(_reading_order(rows))), edges), bool(page.images)
    finally:
        page.close()


def _rows(words: list[_Word]) -> list[list[_Word]]:
    """Words grouped into rows by their top, each row left to right, rows top to bottom."""
    rows: list[list[_Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if rows and word.top - rows[-1][0].top <= _ROW_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w.x0) for row in rows]


def _reading_order(rows: list[list[_Word]]) -> Iterator[tuple[Line, float]]:
    """The page's lines and their tops, a two-column page's left column before its right.

    A row with a word across the gutter (a title, a heading over both columns, a footer) ends
    a band: the left then right column lines above it are read first.
    """
    gutter = _gutter(rows)
    if gutter is None:
        yield from (_line(row, number) for number, row in enumerate(rows))
        return
    low, high = gutter
    left: list[tuple[Line, float]] = []
    right: list[tuple[Line, float]] = []
    for number, row in enumerate(rows):
        if any(w.x0 < high and w.x1 > low for w in row):
            yield from left + right + [_line(row, number)]
            left, right = [], []
            continue
        left_words = [w for w in row if w.x1 <= low]
        right_words = [w for w in row if w.x0 >= high]
        left += [_line(left_words, number)] if left_words else []
        right += [_line(right_words, number)] if right_words else []
    yield from left + right


def _line(words: list[_Word], row: int) -> tuple[Line, float]:
    return Line(" ".join(w.text for w in words), row), min(w.top for w in words)


def _blocks(lines: Iterator[tuple[Line, float]]) -> Iterator[Block]:
    """Lines in blocks: a step down between lines over 1.5 times the usual line pitch starts a new one (a
    step up is the move to the next column). Without it a paragraph whose last line happens to be full
    width runs into the next one (a "Quote:" line into the next speaker's introduction)."""
    placed = list(lines)
    steps = [below - above for (_, above), (_, below) in itertools.pairwise(placed)]
    pitch = statistics.median([step for step in steps if step > 0] or [0])
    block = [line for line, _ in placed[:1]]
    for step, (line, _) in zip(steps, placed[1:]):
        if pitch and step > 1.5 * pitch:
            yield Block("text", tuple(block))
            block = []
        block.append(line)
    if block:
        yield Block("text", tuple(block))


def _gutter(rows: list[list[_Word]]) -> tuple[float, float] | None:
    """The gap between two columns of text, as (left, right) x, or None for a one-column page.

    The widest vertical strip in the middle of the text that the fewest words cross, at most
    one row in five (a title, headings across both columns): allowing more than needed would
    widen the strip into the ragged ends of the left column's lines. It must have lines on both
    sides, and those lines must fill their column, as wrapped text does: a table's short cells
    are not columns to read one after the other.
    """
    if len(rows) < 6:
        return None
    words = [w for row in rows for w in row]
    left_edge, right_edge = min(w.x0 for w in words), max(w.x1 for w in words)
    span = right_edge - left_edge
    low, high = left_edge + 0.3 * span, right_edge - 0.3 * span
    strips = (_widest_free_strip(words, low, high, allowed=allowed) for allowed in range(len(rows) // 5 + 1))
    strip = next((s for s in strips if s is not None and s[1] - s[0] >= _MIN_GUTTER), None)
    if strip is None:
        return None
    gap_left, gap_right = strip
    left = [max(w.x1 for w in row if w.x1 <= gap_left) for row in rows if any(w.x1 <= gap_left for w in row)]
    right = [min(w.x0 for w in row if w.x0 >= gap_right) for row in rows if any(w.x0 >= gap_right for w in row)]
    if min(len(left), len(right)) < max(3, len(rows) // 4):
        return None
    right_ends = [max(w.x1 for w in row) for row in rows if any(w.x0 >= gap_right for w in row)]
    left_full = statistics.median(left) - left_edge >= 0.6 * (gap_left - left_edge)
    right_full = statistics.median(right_ends) - gap_right >= 0.6 * (right_edge - gap_right)
    return strip if left_full and right_full else None


def _widest_free_strip(words: list[_Word], low: float, high: float, *, allowed: int) -> tuple[float, float] | None:
    """The widest x interval within [low, high] that at most `allowed` words overlap: a sweep over word edges."""
    events = sorted([(w.x0, 1) for w in words] + [(w.x1, -1) for w in words])  # at a tie, an end before a start
    best: tuple[float, float] | None = None
    depth, free_from = 0, low
    for x, step in events:
        was_free = depth <= allowed
        depth += step
        if was_free and depth > allowed:
            strip = (max(free_from, low), min(x, high))
            if strip[1] > strip[0] and (best is None or strip[1] - strip[0] > best[1] - best[0]):
                best = strip
        elif depth <= allowed < depth - step:
            free_from = x
    return best
