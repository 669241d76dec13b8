"""Reading documents: files in, clean paragraphs out, with a way back to the source.

Text extracted from PDFs or web pages is hard-wrapped, hyphenated at line ends and sprinkled with
markup. NLP works better on reflowed paragraphs, but users need evidence located in the original,
so every rewrite here carries an `origin` map from each output character to its source offset.
"""

from __future__ import annotations

import bisect
import codecs
import html
import itertools
import os
import re
import statistics
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from .errors import Errors, InputError, Notes
from . import pdf_fallback
from .pdf import CELL_SEPARATOR, LABELLED_LINE, PdfiumRefused, PdfText, read_pages
from .records import DocumentInfo
from .resources import load_json

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf")
PAGE_SEPARATOR = "\n\n"
MAX_CHARS = 10_000_000
"""Longer documents are refused: about 4,000 pages, 1.6 million words, half an hour of tagging here."""
_OFFSETS = "I"
"""`origin` holds one source offset per character: as 4-byte integers (a tuple of Python ints takes ten times that)."""


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A document as read (`raw`) and as the NLP stages see it (`text`)."""

    id: str
    source: str
    title: str
    raw: str
    text: str
    origin: array[int]
    """The offset in `raw` of each character of `text`."""
    page_starts: tuple[int, ...]
    notes: tuple[str, ...] = ()
    """What the user should know about how it was read (guessed encoding, skipped pages, not English)."""
    created: date | None = None
    """A PDF's creation date from its metadata, read in the same pass as its text: each file is opened once."""

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
    origin: array[int]

    def sub(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | int]) -> _Traced:
        """Like `re.sub`, keeping origins: `replace` returns a group number to keep, or new text."""
        matches = pattern.finditer(self.text)
        first = next(matches, None)
        if first is None:
            return self  # most rewrites find nothing to do in a clean text file: no copy of the origins
        text: list[str] = []
        origin = array(_OFFSETS)
        last = 0
        for match in itertools.chain((first,), matches):
            text.append(self.text[last : match.start()])
            origin.extend(self.origin[last : match.start()])
            kept = replace(match)
            if isinstance(kept, int):
                text.append(match.group(kept) or "")
                if match.group(kept):
                    origin.extend(self.origin[match.start(kept) : match.end(kept)])
            else:
                text.append(kept)
                origin.extend(itertools.repeat(self.origin[match.start()] if match.start() < len(self.origin) else 0, len(kept)))
            last = match.end()
        text.append(self.text[last:])
        origin.extend(self.origin[last:])
        return _Traced("".join(text), origin)

    def strip(self) -> _Traced:
        return self.slice(len(self.text) - len(self.text.lstrip()), len(self.text.rstrip()))

    def slice(self, start: int, end: int) -> _Traced:
        return _Traced(self.text[start:end], self.origin[start:end])

    def __add__(self, other: _Traced) -> _Traced:
        return _Traced(self.text + other.text, self.origin + other.origin)


def load_document(path: str | Path) -> SourceDocument:
    """Read a .txt, .md or .pdf file into a `SourceDocument`; raise `InputError` with a one-line reason."""
    path = Path(path)
    if not path.is_file():
        raise InputError(Errors.E001.format(path=path))
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(Errors.E002.format(path=path, suffix=suffix))
    pages, notes, runs_on, created = _read_pdf(path) if suffix == ".pdf" else PdfText(*_read_text(path))
    if not any(page.strip() for page in pages):
        raise InputError(Errors.E006.format(path=path))
    if sum(map(len, pages)) > MAX_CHARS:
        raise InputError(Errors.E017.format(path=path, limit=MAX_CHARS))
    return _document(pages, doc_id=path.stem, source=str(path), notes=notes, runs_on=runs_on, created=created)


def _read_pdf(path: Path) -> PdfText:
    """Page texts and notes: read with PDFium, or with pdfminer where PDFium cannot (`pdf_fallback`)."""
    try:
        return read_pages(path, max_chars=MAX_CHARS)
    except PdfiumRefused as refused:
        return pdf_fallback.read_pages(path, max_chars=MAX_CHARS, refused=refused)


def document_from_text(text: str, *, doc_id: str = "text", source: str = "<text>") -> SourceDocument:
    """Wrap a string (from a notebook, a database) as a one-page document."""
    return _document([_clean_controls(text)], doc_id=doc_id, source=source, notes=[])


def _document(pages: list[str], *, doc_id: str, source: str, notes: list[str],
              runs_on: tuple[bool, ...] | None = None, created: date | None = None) -> SourceDocument:
    """`runs_on`: whether a paragraph runs over each page break, when a PDF's layout joined its wrapped lines
    from the geometry; then only those page breaks are joined. Otherwise every line end is judged from the text."""
    page_starts, offset = [], 0
    for page in pages:
        page_starts.append(offset)
        offset += len(page) + len(PAGE_SEPARATOR)
    front_title, traced = _strip_front_matter(_join_pages(pages, page_starts))
    joined = None if runs_on is None else frozenset(start - 1 for start, on in zip(page_starts[1:], runs_on) if on)
    traced = _reflow(_normalise(_strip_markup(traced)), joined=joined)
    if not _looks_english(traced.text):
        notes = [*notes, Notes.N004.format(path=source)]
    return SourceDocument(
        id=doc_id,
        source=source,
        title=front_title or _first_line(traced.text),
        raw=PAGE_SEPARATOR.join(pages),
        text=traced.text,
        origin=traced.origin,
        page_starts=tuple(page_starts),
        notes=tuple(notes),
        created=created,
    )


def _join_pages(pages: list[str], page_starts: list[int]) -> _Traced:
    """The pages joined by a single line break, with origins into `raw`.

    `raw` keeps a blank line between pages so page numbers stay easy to see, but a blank line
    always ends a paragraph in `_reflow`: a sentence running over the page break would be cut in
    two. Joined by one line break, the page break is judged like any other line end.
    """
    text: list[str] = []
    origin = array(_OFFSETS)
    for number, (page, start) in enumerate(zip(pages, page_starts)):
        if number:
            text.append("\n")
            origin.append(start - 1)
        text.append(page)
        origin.extend(range(start, start + len(page)))
    return _Traced("".join(text), origin)


# ----------------------------------------------------------------------------------------- plain text
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_CONTROLS = {code: None for code in _CONTROL_BYTES} | {0x0C: "\n"}
"""Control characters have no place in prose; a form feed (page break in text exports) ends a line."""


def _read_text(path: Path) -> tuple[list[str], list[str]]:
    """The text, read whole only when it can be within `MAX_CHARS` (no encoding takes more than four bytes a character)."""
    try:
        if path.stat().st_size > 4 * MAX_CHARS:
            raise InputError(Errors.E017.format(path=path, limit=MAX_CHARS))
        data = path.read_bytes()
    except OSError as error:
        raise InputError(Errors.E008.format(path=path, reason=error.strerror or error)) from None
    text, encoding = _decode(data, path)
    notes = [Notes.N003.format(path=path, encoding=encoding)] if encoding else []
    return [_clean_controls(text)], notes


def _clean_controls(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)


def _decode(data: bytes, path: Path) -> tuple[str, str | None]:
    """The text, and the encoding it was guessed to be in when it was neither marked nor UTF-8.

    A byte-order mark is trusted; then UTF-8, the usual case, is tried strictly. Text without
    either is most often Windows-1252 (a superset of Latin-1's printable range), which decodes
    almost any bytes, so it is kept only when most letters come out as ASCII, as in any Western
    European language; other text goes to charset-normalizer's statistical guess.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError as error:
                raise InputError(Errors.E003.format(path=path, reason=f"{codec}: {error.reason}")) from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16.upper()
    if _looks_binary(data):
        raise InputError(Errors.E012.format(path=path, suffix=path.suffix.lower()))
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        reason = f"utf-8: {error.reason} at byte {error.start}"
    try:
        text = data.decode("cp1252")
        if _mostly_ascii_letters(text):
            return text, "Windows-1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(Errors.E003.format(path=path, reason=reason))
    return str(best), best.encoding


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of Latin script has a zero in every other byte, and only there."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if len(odd) < 8:
        return None
    for zeros, letters, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) > 0.4 * len(zeros) and letters.count(0) < 0.02 * len(letters):
            return codec
    return None


def _looks_binary(data: bytes) -> bool:
    """More than a few control bytes: an image, an archive or a PDF under a text name."""
    sample = data[:65536].rstrip(b"\x00")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > 0.05 * len(sample)


_NOT_ASCII_LETTER = re.compile(r"[^A-Za-z]+")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def _mostly_ascii_letters(text: str) -> bool:
    sample = text[:100_000]
    ascii_letters = len(_NOT_ASCII_LETTER.sub("", sample))
    other_letters = sum(c.isalpha() for c in _NOT_ASCII.findall(sample))  # few in English: counted one by one
    return ascii_letters >= 0.7 * (ascii_letters + other_letters)


def _looks_english(text: str) -> bool:
    """Most letters ASCII, and English function words at least as frequent as those of any other
    language listed in `models/function_words.json`, in samples from across the text.

    Not a share of function words: an agenda, a programme grid or a list of participants has few
    of any language, but English text of any layout has more English ones than French or Spanish
    ones. Name particles ("de", "da", "van", "la") are in no list, so names do not count against
    English. Short texts are given the benefit of the doubt.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    sample = _sample(text)
    if not _mostly_ascii_letters(sample):
        return False
    words = Counter(_WORD.findall(sample.lower()))
    english = sum(count for word, count in words.items() if word in STOP_WORDS)
    return words.total() < 40 or all(sum(words[word] for word in listed) <= english for listed in _function_words())


def _sample(text: str, *, size: int = 200_000, windows: int = 20) -> str:
    """`size` characters of a longer text, in `windows` stretches spread over it: a long report can open
    with a foreword in another language, or with pages of tables."""
    if len(text) <= size:
        return text
    step = len(text) // windows
    return "\n".join(text[start : start + size // windows] for start in range(0, windows * step, step))


@cache
def _function_words() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(words) for words in load_json("function_words.json").values())


_WORD = re.compile(r"[^\W\d_]+")


_FRONT_MATTER = re.compile(r"\A(?:[ \t]*\n)*---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
"""YAML front matter, after any blank lines, its fences maybe with trailing spaces (as some site exports write them)."""
_NAME_WORD = r"[A-Z](?:[a-z’‘ʼ′`'.-][\w’‘ʼ′`'.-]*|\.)"
"""A word of a person's name: "Ana", "O’Brien", "J.", not an acronym ("AINAS Team" is a site's team)."""
_FRONT_AUTHOR = re.compile(rf"^author:[ \t]*([\"']?){_NAME_WORD}(?: {_NAME_WORD}){{1,3}}\1[ \t]*$", re.MULTILINE)
"""An author line whose value is a person's name ("author: Ana Lima"), not a site's or a slug."""
_FRONT_TITLE = re.compile(r"^title:\s*(?:>-?\s*)?(.*?)(?=^\S|\Z)", re.MULTILINE | re.DOTALL)
_FRONT_LEDE = re.compile(
    r"^(?:excerpt|summary|description|abstract|subtitle|lede):[ \t]*(?:[>|][-+]?\s*)?(?P<lede>\"[^\"]*\"|.*?)\s*(?=^\S|\Z)",
    re.MULTILINE | re.DOTALL,
)
"""A page's lede kept in its front matter: the site shows it above the body, which may not repeat it. A quoted one
runs to its closing quote, though its lines may start at the margin."""
_FRONT_PEOPLE = re.compile(
    r"^[ \t]*(?:- )?(?P<key>speakers?|moderators?|chairs?|panell?ists?|presenters?|facilitators?|hosts?|keynotes?)[ \t]*:"
    r"[ \t]*(?P<value>.*)$(?P<items>(?:\n[ \t]+-?[ \t]*(?:name:)?.*$)*)",
    re.MULTILINE | re.IGNORECASE,
)
"""An event page's people in its front matter: "speaker: Ana Lima - X Institute", or a list under "speakers:"."""
_FRONT_ITEM = re.compile(r"^[ \t]+-[ \t]*(?:name:[ \t]*)?(?P<value>.+?)[ \t]*$", re.MULTILINE)
_YAML_LINE_BREAK = re.compile(r"(?<![ \t])[ \t]*\n[ \t]*")
"""A lede's lines are one paragraph, as YAML folds them."""
_REPEAT_PROBE = 40
"""A lede whose first this many characters the body has, word spacing aside, is the body's opening repeated."""


def _strip_front_matter(traced: _Traced) -> tuple[str | None, _Traced]:
    """Drop YAML front matter (web-page exports carry it), keeping its title; its author's line when it names a
    person (a blog post written in the first person names its narrator nowhere else); and its lede when the body
    does not repeat it ("Our CEO, Ana Lima, was at the summit ..." may be the only place a speaker is named)."""
    match = _FRONT_MATTER.match(traced.text)
    if not match:
        return None, traced
    title_match = _FRONT_TITLE.search(match.group(1))
    title = " ".join(title_match.group(1).split()).strip("\"'") if title_match else None
    body = traced.sub(_FRONT_MATTER, lambda m: "")
    author = _FRONT_AUTHOR.search(traced.text, match.start(1), match.end(1))
    kept = [traced.slice(author.start(), author.end())] if author else []
    said = " ".join(body.text.split())
    for lede in _FRONT_LEDE.finditer(traced.text, match.start(1), match.end(1)):
        value = _unquoted(traced.slice(*lede.span("lede")))
        words = " ".join(value.text.split())
        if words and words[:_REPEAT_PROBE] not in said:
            kept.append(value.sub(_YAML_LINE_BREAK, lambda m: " "))
            said += f" {words}"  # a summary may repeat the subtitle
    kept += _front_people(traced, match.start(1), match.end(1))
    for part in reversed(kept):
        blank_line = _Traced("\n\n", array(_OFFSETS, [part.origin[-1] + 1 if part.origin else 0] * 2))
        body = part + blank_line + body
    return title or None, body


def _unquoted(value: _Traced) -> _Traced:
    """A YAML value without the quotes around it."""
    if value.text[:1] in "\"'" and value.text[-1:] == value.text[:1]:
        return value.slice(1, len(value.text) - 1)
    return value


def _front_people(traced: _Traced, start: int, end: int) -> list[_Traced]:
    """The people an event page's front matter lists, each as a labelled line ("Speaker: Ana Lima - X Institute"),
    which the programme reader reads like any other: the site shows them on the page, the body may not repeat them."""
    lines = []
    for found in _FRONT_PEOPLE.finditer(traced.text, start, end):
        label = _Traced(f"{found['key'].capitalize()}: ", array(_OFFSETS, [found.start("key")] * (len(found["key"]) + 2)))
        values = [(found.start("value"), found.end("value"))] if found["value"].strip(" \"'") else []
        values += [item.span("value") for item in _FRONT_ITEM.finditer(traced.text, found.start("items"), found.end("items"))]
        for value_start, value_end in values:
            value = _unquoted(traced.slice(value_start, value_end))
            if value.text.strip():
                lines.append(label + value)
    return lines


_TEMPLATE = re.compile(
    r"\{\{?[<%][^{}]{0,3000}?\s(?:caption|title)=\"([^\"\n]{1,500})\"[^{}]{0,3000}?[>%]\}\}?"  # a figure: its caption
    r"|\{\{[<%][^{}]{0,3000}?[>%]\}\}"  # any other Hugo shortcode: {{< youtube ID >}}, {{% callout %}}
    r"|\{%[^{}\n]{0,1000}%\}|\{\{[^{}<%\n]{0,500}\}\}"  # Liquid tags and expressions: {% include x.html %}, {{ site.url }}
)
"""Directives of the site generators (Hugo, Jekyll) that Markdown sources keep; a figure's caption is shown on the
page, and often names who is in the picture ("NAME speaking at the forum")."""
_MARKUP_KEEP_GROUP = re.compile(
    r"!?\[([^\[\]\n]{0,500})\]\([^()\s]{0,2000}(?:[ \t]+\"[^\"\n]{0,300}\")?\)"  # [text](url "title") and images
    r"|\*\*([^*\n]+)\*\*"  # **bold**
    r"|(?<![\w*])_([^_\n]+)_(?![\w*])"  # _emphasis_
    r"|(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*\\])\*(?![\w*])"  # *emphasis*, not a footnote's "Lima*"
    r"|`([^`\n]+)`"  # `code`, which converted pages use for captions too
)
_MARKUP_NESTING = 2
_MARKUP_DROP = re.compile(
    r"!\[[^\[\]\s]{1,200}\.(?:png|jpe?g|gif|svg|webp)\]\([^()\s]{0,2000}\)"  # an image whose alt text is its file name
    r"|\{:[^}\n]*\}"  # kramdown attributes {:start="1"}
    r"|^#{1,6}[ \t]+"  # heading markers
    r"|^[=\-]{3,}[ \t]*$",  # setext underlines and rules
    re.MULTILINE,
)
_HTML = re.compile(
    r"<(script|style)\b[^<>]{0,2000}>(?:[^<]|<(?!/\1))*</\1\s*>"  # code and styles, with their content
    r"|<!--(?:[^-]|-(?!->)){0,20000}-->"  # comments
    r"|(?P<block></?(?:p|div|br|hr|li|ul|ol|h[1-6]|tr|td|th|table|section|article|blockquote)\b[^<>]{0,2000}>)"
    r"|<[a-zA-Z/!][^<>]{0,2000}>",  # inline tags, which a page may break over lines
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_HTML_CELL = re.compile(r"<t[dh]\b", re.IGNORECASE)
_CELL_BOUNDARY = re.compile(r"</t[dh]\s*>\s*<t[dh]\b[^<>]{0,2000}>", re.IGNORECASE)
"""Between two cells of an HTML table's row: `CELL_SEPARATOR`, as ingest writes every table row."""
_ROW_BOUNDARY = re.compile(r"</t[dh]\s*>\s*</tr\s*>\s*<tr\b[^<>]{0,2000}>\s*<t[dh]\b[^<>]{0,2000}>", re.IGNORECASE)
"""Between two rows: one line end, as between a table's rows in Markdown, so the rows stay one table."""
_BLOCK_TAG = re.compile(r"<(/?)(t[dhr]|table|p|div|ul|ol|li)\b[^<>]{0,2000}>", re.IGNORECASE)
_MARKDOWN_ROW = re.compile(r"^[^\n]*\|[ \t]*$", re.MULTILINE)
_LINE_BREAK = re.compile(r"(?:\n|<br\b[^<>]{0,200}>)(?:[ \t\n]|<br\b[^<>]{0,200}>)*", re.IGNORECASE)
"""A line break, typed or tagged, with the white space after it."""


def _row_pieces(text: str) -> list[tuple[int, int]]:
    """Where a table row must stay one line: a Markdown row (a line ending in a bar) and an HTML cell holding one
    paragraph (a cell with a list or paragraphs in it keeps its lines)."""
    pieces = [match.span() for match in _MARKDOWN_ROW.finditer(text)] if "|" in text else []
    opened = None
    for tag in _BLOCK_TAG.finditer(text):
        cell = tag.group(2).lower() in ("td", "th")
        if cell and tag.group(1) and opened is not None:
            pieces.append((opened, tag.start()))
        opened = tag.end() if cell and not tag.group(1) else None
    return sorted(pieces)


def _joined_rows(traced: _Traced) -> _Traced:
    """Line breaks inside a table row become spaces ("Presentation: X<br>Y Institute", "Ana Lima &<br>Rui Sousa |");
    an HTML row's cells are joined by " | " and its rows by one line end, as ingest writes every table."""
    if "<" not in traced.text:
        return traced
    pieces = _row_pieces(traced.text)
    starts = [start for start, _ in pieces]

    def within(match: re.Match[str]) -> str | int:
        index = bisect.bisect_right(starts, match.start()) - 1
        return " " if index >= 0 and match.end() <= pieces[index][1] else 0

    if pieces:
        traced = traced.sub(_LINE_BREAK, within)
    if _HTML_CELL.search(traced.text):
        traced = traced.sub(_CELL_BOUNDARY, lambda m: CELL_SEPARATOR).sub(_ROW_BOUNDARY, lambda m: "\n")
    return traced


def _strip_markup(traced: _Traced) -> _Traced:
    """Markdown and HTML remnants of web pages: a tag that breaks the line in a browser breaks it here."""
    if "{" in traced.text:
        traced = traced.sub(_TEMPLATE, lambda m: 1 if m.group(1) else "")
    traced = _joined_rows(traced)
    traced = traced.sub(_HTML, lambda m: "\n" if m.group("block") else "")
    traced = traced.sub(_MARKUP_DROP, lambda m: "")
    for _ in range(_MARKUP_NESTING):  # "**[Prof. Ana Lima](/ana-lima/)**": a link in bold, or bold in a link
        stripped = traced.sub(_MARKUP_KEEP_GROUP, lambda m: m.lastindex or 0)
        if stripped is traced:
            break  # nothing found: another pass over the same text finds nothing either
        traced = stripped
    return traced.sub(_ENTITY, lambda m: html.unescape(m.group()).replace("\xa0", " "))


_COMPATIBLE = re.compile(
    "(?P<nfkc>[\ufb00-\ufb06\uff01-\uff5e])"  # ligatures, full-width ASCII
    "|(?P<space>[\u2000-\u200a\u202f\u205f\u3000])"
    "|(?P<hyphen>[\u2010\u2011]|\u00ad(?=\n))"
    "|(?P<invisible>[\u00ad\u200b\u2060\ufeff])"
    "|(?P<bullet>^[ \t]*[•▪◦●○■□▫►▸▶➢➤✓✔◆◇❖\uf0a7\uf0b7\uf0d8\uf0fc][ \t]*)",  # also symbol-font bullets
    re.MULTILINE,
)
_FOLDED = {"space": " ", "hyphen": "-", "invisible": "", "bullet": "• "}


def _normalise(traced: _Traced) -> _Traced:
    """Fold what PDFs and word processors write for plain characters into those characters.

    NFKC only where it cannot change meaning: ligatures ("ﬁ" to "fi"), full-width ASCII and
    space variants; not superscripts or fractions, whose compatibility forms lose information.
    Every bullet glyph becomes "•" so one rule recognises list items; a soft hyphen is a
    hyphen at a line end and nothing elsewhere.
    """

    def fold(match: re.Match[str]) -> str:
        if match.lastgroup == "nfkc":
            return unicodedata.normalize("NFKC", match.group())
        return _FOLDED[match.lastgroup or ""]

    if traced.text.isascii():
        return traced  # every character `_COMPATIBLE` folds is outside ASCII: no need to scan for them
    return traced.sub(_COMPATIBLE, fold)


LIST_ITEM = re.compile(r"^\s*(?:[-*•▪◦●–]|\d{1,2}[.)])\s")
_LINE_END = re.compile(r"(?<![ \t\xa0])[ \t\xa0]*\n")
_SPACES = re.compile(r"[ \t\xa0\u2009\u200b]{2,}|[\t\xa0\u2009\u200b]")
"""White space in a line that is to become one space: every run of it but a single space, which is one already
(rewriting each would copy the whole text and its offsets for nothing)."""
_WIDTH_WINDOW = 25
"""Lines either side of a line that set its expected width: a PDF can switch from one column to two."""


def _reflow(traced: _Traced, *, joined: frozenset[int] | None = None) -> _Traced:
    """Join hard-wrapped lines into paragraphs and undo end-of-line hyphenation.

    A line is a wrap, not a break, when it is nearly as long as the typical full line around
    it (`_wraps`). Blank lines always separate paragraphs. `joined`, if given, holds the raw
    offsets of the only line ends that are wraps (a PDF's page breaks that a paragraph runs
    over, its other lines joined from the page's geometry already); every other one stays.
    """
    traced = traced.sub(_SPACES, lambda m: " ")
    lines = traced.text.split("\n")
    line_starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    widths = _typical_widths([len(line.strip()) for line in lines])

    def join(match: re.Match[str]) -> str | int:
        number = bisect.bisect_right(line_starts, match.start()) - 1
        line = lines[number].strip()
        next_line = lines[number + 1]
        width = widths[number]
        if joined is not None:
            if traced.origin[match.end() - 1] not in joined or not line or not next_line.strip():
                return "\n"
        elif not 30 <= width <= 200 or not line or not next_line.strip() or LIST_ITEM.match(next_line) or LABELLED_LINE.match(next_line):
            return "\n"
        elif not _wraps(line, next_line, width) or line.endswith(":") or CELL_SEPARATOR in line or CELL_SEPARATOR in next_line:
            return "\n"  # a table row is a line of its own, however long
        if line.endswith("-") and len(line) > 1 and line[-2].isalpha():
            # "imple-|mentation" loses its hyphen; "South-|East" keeps it, and gets no space either
            return "\x00" if next_line.lstrip()[:1].islower() else ""
        return " "

    traced = traced.sub(_LINE_END, join)
    traced = traced.sub(re.compile(r"-\x00"), lambda m: "")
    traced = traced.sub(re.compile(r"\n{3,}"), lambda m: "\n\n")
    traced = traced.sub(re.compile(r"^ +|(?<! ) +$", re.MULTILINE), lambda m: "")
    return traced.strip()


def _wraps(line: str, next_line: str, width: float) -> bool:
    """Whether `line` was cut at the wrapping width rather than ended.

    Text wrapped at a fixed width has most lines near that width; list items, headings and
    paragraph ends fall short of it. A line also falls short when the next word was too long to
    fit, which in a narrow column can be a third of the width: then the line with that word
    would have reached the width. A "word" longer than any real one is text run together by
    the PDF's spacing and counts as a long word only.
    """
    next_word = min(len(next_line.split()[0]), _LONGEST_WORD)
    return len(line) >= 0.75 * width or len(line) + 1 + next_word >= 0.9 * width


_LONGEST_WORD = 20


def _typical_widths(lengths: list[int]) -> list[float]:
    """For each line, the 90th percentile length of the non-blank lines around it (the longest, if few)."""
    widths = []
    for number in range(len(lengths)):
        around = [n for n in lengths[max(0, number - _WIDTH_WINDOW) : number + _WIDTH_WINDOW + 1] if n]
        widths.append(statistics.quantiles(around, n=10)[-1] if len(around) >= 10 else max(around, default=0))
    return widths


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0][:200].strip()


def find_documents(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Expand files and folders into supported documents, with notes on what was skipped.

    Folders are searched recursively, following symbolic links but never into a folder twice
    (a link to a parent would loop forever). Hidden files and folders are left alone. A file
    named explicitly is kept whatever its type, so reading it says what is wrong with it.
    """
    found: list[Path] = []
    notes: list[str] = []
    first_seen: dict[Path, Path] = {}

    def add(path: Path) -> None:
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            notes.append(Notes.N002.format(path=path))
            return
        if real in first_seen:
            notes.append(Notes.N006.format(path=path, first=first_seen[real]))
            return
        first_seen[real] = path
        found.append(path)

    for path in paths:
        if path.is_dir():
            for child in sorted(_files_under(path, notes)):
                if child.suffix.lower() in SUPPORTED_SUFFIXES:
                    add(child)
                else:
                    notes.append(Notes.N001.format(path=child, suffix=child.suffix or "(none)"))
        elif path.exists():
            add(path)
        elif path.is_symlink():
            notes.append(Notes.N002.format(path=path))
        else:
            notes.append(Errors.E001.format(path=path))
    return found, notes


def _files_under(folder: Path, notes: list[str], visited: set[tuple[int, int]] | None = None) -> Iterator[Path]:
    visited = set() if visited is None else visited
    try:
        status = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        notes.append(Notes.N008.format(path=folder, reason=error.strerror or type(error).__name__))
        return
    if (status.st_dev, status.st_ino) in visited:
        notes.append(Notes.N002.format(path=folder))
        return
    visited.add((status.st_dev, status.st_ino))
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            yield from _files_under(Path(entry.path), notes, visited)
        elif is_file:
            yield Path(entry.path)
        elif entry.is_symlink():
            notes.append(Notes.N002.format(path=entry.path))
