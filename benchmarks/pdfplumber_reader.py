"""Today's (before issue 15) PDF reader, kept as the reference the benchmark measures the new one against.

pdfplumber (pdfminer) reads each page's words; rows are sorted top to bottom, a two-column page's
left column is read before its right, running headers and footers are dropped. This is a copy of
what `pipeline/ingest.py` did, not part of the package: `python benchmarks/run_benchmark.py --pdf`
runs both readers on the same PDFs in one process and reports words per second and the ratio.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import Errors, InputError, Notes, short_reason


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    x0: float
    x1: float
    top: float


@dataclass(frozen=True, slots=True)
class _Line:
    """A line of text in reading order; `row` numbers the page's rows top to bottom."""

    text: str
    top: float
    row: int


@dataclass(frozen=True, slots=True)
class _PageLines:
    lines: tuple[_Line, ...]
    edges: tuple[tuple[tuple[int, str], ...], ...] = ()
    """(row number, text) of the top rows, then of the bottom rows, outermost first: where running
    headers and footers sit."""


_EDGE_ROWS = 2
_ROW_TOLERANCE = 3.0
"""Words whose tops differ by up to this (in points, pdfplumber's default) share a row."""
_MIN_GUTTER = 7.0
"""Narrowest gap between columns, in points: twice a word space in body text."""


def read_pdf_pages(path: Path) -> tuple[list[str], list[str]]:
    """Page texts in reading order, without running headers, footers and page numbers.

    Pages are read one at a time and each page's parsed objects are dropped once its lines are
    taken, so memory stays flat however long the file is.
    """
    import pdfplumber

    notes: list[str] = []
    pages: list[_PageLines] = []
    scanned: list[int] = []
    try:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                try:
                    pages.append(_page_lines(page))
                    if not pages[-1].lines and page.images:
                        scanned.append(number)
                except Exception as error:  # noqa: BLE001 -- one broken page must not cost the others
                    notes.append(Notes.N007.format(path=path, page=number, reason=short_reason(error)))
                    pages.append(_PageLines(()))
                finally:
                    page.close()
    except Exception as error:  # noqa: BLE001 -- pdfminer raises many unrelated types on broken files
        raise InputError(_pdf_error(path, error)) from None
    texts = _without_running_lines(pages)
    if not any(text.strip() for text in texts):
        raise InputError(Errors.E005.format(path=path))
    if scanned:
        notes.append(Notes.N005.format(path=path, count=len(scanned), pages=_page_list(scanned)))
    return texts, notes


def _pdf_error(path: Path, error: Exception) -> str:
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.psexceptions import PSEOF

    cause = error.args[0] if type(error).__name__ == "PdfminerException" and error.args else error
    if isinstance(cause, PDFPasswordIncorrect):
        return Errors.E011.format(path=path)
    if isinstance(cause, PSEOF):
        return Errors.E004.format(path=path, reason="the file ends too early: truncated or damaged")
    if isinstance(cause, OSError):
        return Errors.E008.format(path=path, reason=cause.strerror or type(cause).__name__)
    return Errors.E004.format(path=path, reason=short_reason(cause))


def _page_list(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:10]))
    return f"pages {shown}, ..." if len(numbers) > 10 else f"page {shown}" if len(numbers) == 1 else f"pages {shown}"


def _page_lines(page: Any) -> _PageLines:
    words = [_Word(w["text"], w["x0"], w["x1"], w["top"]) for w in page.extract_words()]
    rows = _rows(words)
    texts = [(number, " ".join(w.text for w in row)) for number, row in enumerate(rows)]
    edges = (tuple(texts[:_EDGE_ROWS]), tuple(reversed(texts[-_EDGE_ROWS:])))
    return _PageLines(tuple(_reading_order(rows)), edges)


def _rows(words: list[_Word]) -> list[list[_Word]]:
    """Words grouped into rows by their top, each row left to right, rows top to bottom."""
    rows: list[list[_Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if rows and word.top - rows[-1][0].top <= _ROW_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w.x0) for row in rows]


def _reading_order(rows: list[list[_Word]]) -> list[_Line]:
    """The page's lines, a two-column page's left column before its right.

    A row with a word across the gutter (a title, a heading over both columns, a footer) ends
    a band: the left then right column lines above it are read first.
    """
    gutter = _gutter(rows)
    if gutter is None:
        return [_line(row, number) for number, row in enumerate(rows)]
    low, high = gutter
    lines: list[_Line] = []
    left: list[_Line] = []
    right: list[_Line] = []
    for number, row in enumerate(rows):
        if any(w.x0 < high and w.x1 > low for w in row):
            lines += left + right + [_line(row, number)]
            left, right = [], []
            continue
        left_words = [w for w in row if w.x1 <= low]
        right_words = [w for w in row if w.x0 >= high]
        left += [_line(left_words, number)] if left_words else []
        right += [_line(right_words, number)] if right_words else []
    return lines + left + right


def _line(words: list[_Word], row: int) -> _Line:
    return _Line(" ".join(w.text for w in words), min(w.top for w in words), row)


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


def _without_running_lines(pages: list[_PageLines]) -> list[str]:
    """Page texts without running headers and footers: edge rows repeated on many pages.

    Rows are compared with their numbers masked ("Page 3 of 10", "Annual report | 7"); a bare
    page number at the edge of a page goes even in a document too short for repetition to show.
    A row is taken only from the very edge inwards, so the first line of body text, which may
    look like the first line of other pages, stays unless everything outside it went.
    """
    counts = Counter(key for page in pages for key in {_running_key(text) for edge in page.edges for _, text in edge})
    needed = max(2, math.ceil(0.4 * len(pages)))
    running = {key for key, count in counts.items() if count >= needed}
    texts = []
    for page in pages:
        furniture = set()
        for edge in page.edges:
            for row, text in edge:
                if _running_key(text) not in running and not _PAGE_NUMBER.fullmatch(text):
                    break
                furniture.add(row)
        texts.append(_page_text([line for line in page.lines if line.row not in furniture]))
    return texts


def _running_key(text: str) -> str:
    return " ".join(_DIGITS.sub("#", text.lower()).split())


_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"\A(?:page\s*)?[-–—(\[]?\s*(?:\d{1,3}|[ivx]{1,5})\s*[-–—)\]]?(?:\s*(?:/|of)\s*\d{1,4})?\Z", re.IGNORECASE
)
"""A row that is only a page number; anchored, as only a whole row can be one."""


def _page_text(lines: list[_Line]) -> str:
    """A PDF page's lines, with a blank line where a wider vertical gap marks a new paragraph.

    Without it a paragraph whose last line happens to be full width runs into the next one (a
    "Quote:" line into the next speaker's introduction). A step down between lines over 1.5
    times the usual line pitch is a gap; a step up is the move to the next column.
    """
    steps = [below.top - above.top for above, below in itertools.pairwise(lines)]
    pitch = statistics.median([step for step in steps if step > 0] or [0])
    text = [line.text for line in lines[:1]]
    for step, line in zip(steps, lines[1:]):
        if pitch and step > 1.5 * pitch:
            text.append("")
        text.append(line.text)
    return "\n".join(text)
