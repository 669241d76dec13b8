"""Reading documents: files in, clean paragraphs out, with a way back to the source.

Text extracted from PDFs or web pages is hard-wrapped, hyphenated at line ends and sprinkled with
markup. NLP works better on reflowed paragraphs, but users need evidence located in the original,
so every rewrite here carries an `origin` map from each output character to its source offset.
"""

from __future__ import annotations

import bisect
import html
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Errors, InputError
from .records import DocumentInfo

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf")
PAGE_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A document as read (`raw`) and as the NLP stages see it (`text`)."""

    id: str
    source: str
    title: str
    raw: str
    text: str
    origin: tuple[int, ...]
    page_starts: tuple[int, ...]

    @property
    def info(self) -> DocumentInfo:
        return DocumentInfo(id=self.id, source=self.source, title=self.title, pages=len(self.page_starts))

    def locate(self, start: int, end: int) -> tuple[int, int, int]:
        """Map a `text` span to (raw start, raw end, 1-based page)."""
        raw_start = self.origin[start]
        raw_end = self.origin[end - 1] + 1 if end > start else raw_start
        return raw_start, raw_end, bisect.bisect_right(self.page_starts, raw_start)


@dataclass(slots=True)
class _Traced:
    """Text paired with the source offset of each character, rewritten step by step."""

    text: str
    origin: list[int]

    def sub(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | int]) -> _Traced:
        """Like `re.sub`, keeping origins: `replace` returns a group number to keep, or new text."""
        text: list[str] = []
        origin: list[int] = []
        last = 0
        for match in pattern.finditer(self.text):
            text.append(self.text[last : match.start()])
            origin.extend(self.origin[last : match.start()])
            kept = replace(match)
            if isinstance(kept, int):
                text.append(match.group(kept) or "")
                if match.group(kept):
                    origin.extend(self.origin[match.start(kept) : match.end(kept)])
            else:
                text.append(kept)
                origin.extend([self.origin[match.start()] if match.start() < len(self.origin) else 0] * len(kept))
            last = match.end()
        text.append(self.text[last:])
        origin.extend(self.origin[last:])
        return _Traced("".join(text), origin)


def load_document(path: str | Path) -> SourceDocument:
    """Read a .txt, .md or .pdf file into a `SourceDocument`; raise `InputError` with a one-line reason."""
    path = Path(path)
    if not path.is_file():
        raise InputError(Errors.E001.format(path=path))
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(Errors.E002.format(path=path, suffix=suffix))
    pages = _read_pdf_pages(path) if suffix == ".pdf" else [_read_text(path)]
    if not any(page.strip() for page in pages):
        raise InputError(Errors.E006.format(path=path))
    return _document(pages, doc_id=path.stem, source=str(path))


def document_from_text(text: str, *, doc_id: str = "text", source: str = "<text>") -> SourceDocument:
    """Wrap a string (from a notebook, a database) as a one-page document."""
    return _document([text], doc_id=doc_id, source=source)


def _document(pages: list[str], *, doc_id: str, source: str) -> SourceDocument:
    page_starts, offset = [], 0
    for page in pages:
        page_starts.append(offset)
        offset += len(page) + len(PAGE_SEPARATOR)
    front_title, traced = _strip_front_matter(_join_pages(pages, page_starts))
    traced = _reflow(_strip_markup(traced))
    return SourceDocument(
        id=doc_id,
        source=source,
        title=front_title or _first_line(traced.text),
        raw=PAGE_SEPARATOR.join(pages),
        text=traced.text,
        origin=tuple(traced.origin),
        page_starts=tuple(page_starts),
    )


def _join_pages(pages: list[str], page_starts: list[int]) -> _Traced:
    """The pages joined by a single line break, with origins into `raw`.

    `raw` keeps a blank line between pages so page numbers stay easy to see, but a blank line
    always ends a paragraph in `_reflow`: a sentence running over the page break would be cut in
    two. Joined by one line break, the page break is judged like any other line end.
    """
    text: list[str] = []
    origin: list[int] = []
    for number, (page, start) in enumerate(zip(pages, page_starts)):
        if number:
            text.append("\n")
            origin.append(start - 1)
        text.append(page)
        origin.extend(range(start, start + len(page)))
    return _Traced("".join(text), origin)


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(Errors.E008.format(path=path, reason=error.strerror or error)) from None
    try:
        return data.decode("utf-8-sig").replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as error:
        raise InputError(Errors.E003.format(path=path, reason=error.reason)) from None


def _read_pdf_pages(path: Path) -> list[str]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(path) as pdf:
            pages = [_page_text(page) for page in pdf.pages]
    except PDFPasswordIncorrect:
        raise InputError(Errors.E011.format(path=path)) from None
    except Exception as error:  # pdfminer raises many unrelated types on broken files
        raise InputError(Errors.E004.format(path=path, reason=type(error).__name__)) from None
    if not any(page.strip() for page in pages):
        raise InputError(Errors.E005.format(path=path))
    return pages


def _page_text(page: Any) -> str:
    """A PDF page's lines, with a blank line where a wider vertical gap marks a new paragraph.

    pdfplumber's `extract_text` drops the space between paragraphs, so a paragraph whose last
    line happens to be full width ran into the next one (a "Quote:" line into the next
    speaker's introduction). A step between lines over 1.5 times the usual line pitch is a gap.
    """
    lines = page.extract_text_lines(return_chars=False)
    steps = [below["top"] - above["top"] for above, below in zip(lines, lines[1:])]
    pitch = statistics.median([step for step in steps if step > 0] or [0])
    text = [line["text"] for line in lines[:1]]
    for step, line in zip(steps, lines[1:]):
        if pitch and step > 1.5 * pitch:
            text.append("")
        text.append(line["text"])
    return "\n".join(text)


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_FRONT_TITLE = re.compile(r"^title:\s*(?:>-?\s*)?(.*?)(?=^\S|\Z)", re.MULTILINE | re.DOTALL)


def _strip_front_matter(traced: _Traced) -> tuple[str | None, _Traced]:
    """Drop YAML front matter (web-page exports carry it), keeping its title."""
    match = _FRONT_MATTER.match(traced.text)
    if not match:
        return None, traced
    title_match = _FRONT_TITLE.search(match.group(1))
    title = " ".join(title_match.group(1).split()).strip("\"'") if title_match else None
    return title or None, traced.sub(_FRONT_MATTER, lambda m: "")


_MARKUP_KEEP_GROUP = re.compile(
    r"!?\[([^\]\n]*)\]\([^)\n]*\)"  # [text](url) and images
    r"|\*\*([^*\n]+)\*\*"  # **bold**
    r"|(?<![\w*])_([^_\n]+)_(?![\w*])"  # _emphasis_
)
_MARKUP_DROP = re.compile(
    r"\{:[^}\n]*\}"  # kramdown attributes {:start="1"}
    r"|^#{1,6}[ \t]+"  # heading markers
    r"|^[=\-]{3,}[ \t]*$"  # setext underlines and rules
    r"|<[a-zA-Z/][^>\n]*>",  # HTML tags
    re.MULTILINE,
)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def _strip_markup(traced: _Traced) -> _Traced:
    traced = traced.sub(_MARKUP_KEEP_GROUP, lambda m: m.lastindex or 0)
    traced = traced.sub(_MARKUP_DROP, lambda m: "")
    return traced.sub(_ENTITY, lambda m: html.unescape(m.group()).replace("\xa0", " "))


_BULLET = re.compile(r"^\s*(?:[-*•▪◦●–]|\d{1,2}[.)])\s")
_LABEL = re.compile(r"^\s*[A-Z]\w*(?:\s+\w+){0,2}\s*:\s")
"""A line that opens with a label ("Quote:", "Moderator:") starts a new item, whatever the wrapping."""
_LINE_END = re.compile(r"[ \t\xa0]*\n")
_SPACES = re.compile(r"[ \t\xa0\u2009\u200b]+")


def _reflow(traced: _Traced) -> _Traced:
    """Join hard-wrapped lines into paragraphs and undo end-of-line hyphenation.

    A line is a wrap, not a break, when it is nearly as long as the document's typical full
    line: text wrapped at a fixed width has most lines near that width, and list items,
    headings and paragraph ends fall short of it. Blank lines always separate paragraphs.
    """
    traced = traced.sub(_SPACES, lambda m: " ")
    lines = traced.text.split("\n")
    lengths = [len(line.strip()) for line in lines if line.strip()]
    width = statistics.quantiles(lengths, n=10)[-1] if len(lengths) >= 10 else max(lengths, default=0)
    wrapped = 30 <= width <= 200

    def join(match: re.Match[str]) -> str | int:
        line_start = traced.text.rfind("\n", 0, match.start()) + 1
        line = traced.text[line_start : match.start()].strip()
        next_line_end = traced.text.find("\n", match.end())
        next_line = traced.text[match.end() : next_line_end if next_line_end >= 0 else None]
        if not wrapped or not line or not next_line.strip() or _BULLET.match(next_line) or _LABEL.match(next_line):
            return "\n"
        if len(line) < 0.75 * width or line.endswith(":"):
            return "\n"
        if line.endswith("-") and len(line) > 1 and line[-2].isalpha():
            # "imple-|mentation" loses its hyphen; "South-|East" keeps it, and gets no space either
            return "\x00" if next_line[:1].islower() else ""
        return " "

    traced = traced.sub(_LINE_END, join)
    traced = traced.sub(re.compile(r"-\x00"), lambda m: "")
    traced = traced.sub(re.compile(r"\n{3,}"), lambda m: "\n\n")
    traced = traced.sub(re.compile(r"^ +| +$", re.MULTILINE), lambda m: "")
    return traced.sub(re.compile(r"\A\s+|\s+\Z"), lambda m: "")


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0][:200].strip()


def find_documents(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Expand files and folders into supported documents (sorted), with notes on what was skipped."""
    found: list[Path] = []
    notes: list[str] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    found.append(child)
                elif child.is_file() and not child.name.startswith("."):
                    notes.append(f"{child}: skipped, unsupported file type")
        elif path.exists():
            found.append(path)
        else:
            notes.append(Errors.E001.format(path=path))
    return found, notes
