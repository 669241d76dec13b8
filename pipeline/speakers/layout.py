"""The layout a document keeps after ingest: lines, the cells of a table row, and blocks between blank lines.

Ingest hands over a table or programme-grid row as one line whose cells are separated by " | "
(Markdown tables arrive that way too), paragraphs and records (a photo grid's name line, title
line, organisation line) separated by a blank line, and headings on lines of their own. Readers
of programme rows, signature blocks and transcript turns read slots off these lines; the lines
are cut once per `Doc`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..spans import document_text, line_before
from .cues import SpeakerCues
from .match import ATTENDEE
from .names import post_nominal

_LINES_KEY = "sidegraph.lines"
_HEADERS_KEY = "sidegraph.table_headers"
_LIST_ROLES_KEY = "sidegraph.list_roles"
_CELL_SEPARATOR = re.compile(r"(?<!\s)\s*\|\s*")
_RULE = re.compile(r"^[\s|:+-]*$")
"""A Markdown table's rule ("|---|:--|") or a line of separators only."""


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the text, with its table cells (the line itself when it has none)."""

    span: Span
    cells: tuple[Span, ...]
    index: int
    """Its position among the document's non-blank lines."""
    opens_block: bool
    """A blank line, or the start of the text, comes before it."""

    @property
    def is_row(self) -> bool:
        return len(self.cells) > 1


def document_lines(doc: Doc) -> tuple[Line, ...]:
    """The document's non-blank lines in order, cut once per `Doc`."""
    if _LINES_KEY not in doc.user_data:
        doc.user_data[_LINES_KEY] = tuple(_cut(doc))
    return doc.user_data[_LINES_KEY]


def following_line(line: Line) -> Line | None:
    """The next line of the same block (no blank line between), if any."""
    lines = document_lines(line.span.doc)
    following = lines[line.index + 1] if line.index + 1 < len(lines) else None
    return following if following is not None and not following.opens_block else None


def table_header(line: Line) -> Line | None:
    """The first row of the table a row is in (rows of at most its cells, no blank line between), if not the row
    itself; found for all rows at once, so a long table costs one pass. A row may have fewer cells than its
    header: an empty cell is none ("08:30 | Arrival | All |" under "Time | Session | Who | Moderator")."""
    doc = line.span.doc
    if _HEADERS_KEY not in doc.user_data:
        headers: dict[int, int] = {}
        lines = document_lines(doc)
        for current in lines:
            previous = lines[current.index - 1] if current.index else None
            header = lines[headers[previous.index]] if previous is not None and previous.is_row else None
            continues = header is not None and not current.opens_block and len(header.cells) >= len(current.cells) > 1
            headers[current.index] = header.index if continues and header is not None else current.index
        doc.user_data[_HEADERS_KEY] = headers
    index = doc.user_data[_HEADERS_KEY].get(line.index, line.index)
    return document_lines(doc)[index] if index != line.index else None


def line_of(lines: tuple[Line, ...], token_index: int) -> Line | None:
    """The line holding a token (lines are in order: a binary search)."""
    low, high = 0, len(lines)
    while low < high:
        middle = (low + high) // 2
        if lines[middle].span.end <= token_index:
            low = middle + 1
        else:
            high = middle
    return lines[low] if low < len(lines) and lines[low].span.start <= token_index else None


def _cut(doc: Doc) -> list[Line]:
    text = document_text(doc)
    lines: list[Line] = []
    blank = True
    offset = 0
    for content in text.split("\n"):
        start, offset = offset, offset + len(content) + 1
        if not content.strip():
            blank = True
            continue
        span = _span(doc, start, start + len(content))
        if span is None or _RULE.match(content):
            continue
        lines.append(Line(span, _cells(doc, content, start) or (span,), len(lines), blank))
        blank = False
    return lines


def _cells(doc: Doc, content: str, offset: int) -> tuple[Span, ...]:
    """The cells of a row written "a | b | c" (or "| a | b |"); none when the line has no bar between words."""
    if "|" not in content:
        return ()
    cells = []
    start = 0
    for bar in _CELL_SEPARATOR.finditer(content):
        if bar.start() > start and (cell := _span(doc, offset + start, offset + bar.start())) is not None:
            cells.append(cell)
        start = bar.end()
    if start < len(content) and (cell := _span(doc, offset + start, offset + len(content))) is not None:
        cells.append(cell)
    return tuple(cells) if len(cells) > 1 else ()


def _span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens inside [start, end), without the white space around them."""
    text = document_text(doc)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return doc.char_span(start, end, alignment_mode="contract") if end > start else None


def heading_role(cues: SpeakerCues, person: Span) -> str | None:
    """The role of a list the name is an item of: the nearest heading above ("Panellists:", "🎤 Speakers").

    Going up from the item, other items and blank lines are passed over; a heading ends the
    search (with its role, if it names one), and so does a paragraph of running text.
    """
    text = document_text(person.doc)
    line_start = text.rfind("\n", 0, person.start_char) + 1
    if any(word.lower() not in cues.honorifics for word in text[line_start : person.start_char].strip(" -*•\t").split()):
        return None  # running text before the name; an honorific ("- Hon. NAME") still starts an item
    return _list_heading_role(cues, person.doc, line_start)


def _list_heading_role(cues: SpeakerCues, doc: Doc, line_start: int) -> str | None:
    """The heading's role for the lines above the one at `line_start`, however long the list: the answer is kept
    for every item passed on the way up, so each item's search stops at the item above it."""
    known: dict[int, str | None] = doc.user_data.setdefault(_LIST_ROLES_KEY, {})
    text = document_text(doc)
    passed = [line_start]
    role = None
    end = line_start - 1
    while end >= 0:
        start = text.rfind("\n", 0, end) + 1
        stripped = text[start:end].strip()
        end = start - 1
        if not stripped:
            continue
        if stripped[:1] in "-*•" or "," in stripped and not stripped.endswith((".", ":")):
            if start in known:  # another item of the list, whose search is done
                role = known[start]
                break
            passed.append(start)
            continue
        role = _heading_role(cues, stripped)
        break
    known.update(dict.fromkeys(passed, role))
    return role


def bracketed_role(cues: SpeakerCues, name: Span) -> tuple[str, str] | None:
    """"Ana Lima (Chair)", "Kai Brandt (moderator)", "Jane Doe AO (Rapporteur)": a role in brackets right after a name
    (and its post-nominals) is the person's, whatever the list's heading or the sentence says. The role, and the
    words in the brackets, lower-cased."""
    doc = name.doc
    i = name.end
    while i < len(doc) and post_nominal(doc[i]):
        i += 1
    if i >= len(doc) or doc[i].text != "(":
        return None
    close = next((t.i for t in doc[i + 1 : i + 4] if t.text == ")"), None)
    words = doc[i + 1 : close].text.lower() if close is not None else ""
    role = cues.role_by_noun.get(words)
    return (role, words) if role else None


def _heading_role(cues: SpeakerCues, heading: str) -> str | None:
    words = re.findall(r"[a-z][a-z-]*", heading.lower())
    if not words or len(words) > 5 or heading.endswith("."):
        return None
    for size in (3, 2, 1):
        if len(words) >= size and " ".join(words[-size:]) in cues.attendance_headings:
            return ATTENDEE
        if len(words) >= size and (role := cues.role_by_noun.get(" ".join(words[-size:]))):
            return role
    return None


def contact_line(cues: SpeakerCues, name: Span) -> bool:
    """"Media enquiries: NAME", "please contact Ms NAME", "Senior Adviser NAME: name@example.org": someone to write
    to, not someone taking part. A contact cue before the name in its line and sentence, or an e-mail address after
    it ("... gave more information. Dr NAME, Director, said" is no contact)."""
    before = line_before(name)
    before = before[max(0, len(before) - (name.start_char - name.sent.start_char)) :].lower()
    if any(cue in before for cue in cues.contact_cues):
        return True
    text = document_text(name.doc)
    if _under_contact_label(cues, text, name.start_char):
        return True
    line_end = text.find("\n", name.end_char)
    after = name.doc.char_span(name.end_char, len(text) if line_end < 0 else line_end, alignment_mode="contract")
    return after is not None and any(token.like_email for token in after[:4])  # "NAME: <name@example.org>"


def _under_contact_label(cues: SpeakerCues, text: str, at: int) -> bool:
    """A line of the block under "For further information, please contact:" or "More information:": the lines up
    to the label, without a blank line between, are its contacts."""
    end = text.rfind("\n", 0, at)  # the lines above, read back one at a time: not the whole text before each name
    for _ in range(_CONTACT_BLOCK_LINES):
        if end < 0:
            return False
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].rstrip()
        if not line.strip():
            return False
        if line.endswith(":") and any(cue in line.lower() for cue in cues.contact_cues):
            return True
        end = start - 1
    return False


_CONTACT_BLOCK_LINES = 6
"""How many lines a contact block under its label may run to."""
