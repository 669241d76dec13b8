"""Event metadata: when and where the event took place, the conference it belongs to, who organised it.

Reports state these in a few shapes that recur across publishers: a labelled line ("Date: 4 June
2024"), a date in the title or the lines under it ("…: 23-25 APRIL 2002", "Friday, 1 October 2021,
10:00 – 11:00"), a programme's day headings, and the news lead that says what happened when
("The workshop was held from 10-12 September 2007 in Rome, Italy"). The dates a page carries
about itself — a press release's dateline, "Posted", "Draft", "Last updated" — are not the
event's; they only give the year of a date written without one, and the day of a "today".
No date beats a wrong one: a date is read only from those shapes, and when the text states none
the file's own publication date (markdown front matter, PDF metadata) stands in, flagged by
`date_source`.

Reading dates, place and series needs only the text (`read_event`); organisers need the
resolved entities (`find_organisers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from itertools import islice

from spacy.tokens import Doc

from .countries import CountryIndex
from .entities import Resolution
from .ingest import SourceDocument
from .records import DateSource, DocumentInfo, Organiser, Place
from .resources import load_json
from .spans import document_text

LEAD_CHARACTERS = 2500
"""How much of the text is the news lead, where reports say what happened, when and where."""
LEAD_STATEMENTS = 3
HEADER_LINES = 8
"""Non-empty lines under the title that may carry the event's date ("Friday, 1 October 2021, 10:00")."""
_HEADER_LINE_WORDS = 20
_LONGEST_EVENT = timedelta(days=60)
"""A range longer than this is a period (a project, a programme of work), not an event."""
_DAY_HEADING_REST_WORDS = 6


@dataclass(frozen=True, slots=True)
class DateSpan:
    start: date
    end: date

    @property
    def iso(self) -> str:
        """ISO 8601: the day, or the interval "start/end"."""
        return self.start.isoformat() if self.start == self.end else f"{self.start.isoformat()}/{self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class EventMetadata:
    date: DateSpan | None
    date_source: DateSource | None
    place: Place | None
    series: str | None


# ------------------------------------------------------------------------------------------ patterns
@cache
def _words() -> dict:
    return load_json("event_metadata.json")


def _alternation(words: object) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))  # type: ignore[union-attr]


@dataclass(frozen=True, slots=True)
class _Patterns:
    dates: tuple[re.Pattern[str], ...]
    label: re.Pattern[str]
    place_label: re.Pattern[str]
    document_date: re.Pattern[str]
    cue: re.Pattern[str]
    today: re.Pattern[str]
    series: tuple[tuple[str, re.Pattern[str]], ...]
    series_words: re.Pattern[str]
    """The series' acronyms and names alone: what finds none here names no series."""
    series_context: re.Pattern[str]
    organiser_cue: re.Pattern[str]
    organiser_verb: re.Pattern[str]
    organiser_verb_anywhere: re.Pattern[str]
    """The verbs without word bounds: what finds no match here holds no token `organiser_verb` matches."""
    organiser_label: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    words = _words()
    month = rf"(?:{_alternation(words['months'])})\.?"
    weekday = rf"(?:{_alternation(words['weekdays'])})\.?"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
    year = r"(?:19|20)\d\d(?!\d)"
    to = rf"\s*(?:[-–—]|\b(?:{_alternation(words['range_words'])})\b)\s*"
    day_first = (
        rf"(?<![\w:./])(?:(?P<w1>{weekday}),?\s+)?(?P<d1>{day})(?:\s+(?:of\s+)?(?P<m1>{month})(?:,?\s+(?P<y1>{year}))?)?"
        rf"(?:{to}(?:{weekday},?\s+)?(?P<d2>{day}))?\s+(?:of\s+)?(?P<m2>{month})(?![a-z])(?:,?\s*(?P<y2>{year}))?"
    )
    month_first = (
        rf"(?<![\w:./])(?:(?P<w1>{weekday}),?\s+)?(?P<m1>{month})\s+(?P<d1>{day})(?:,?\s+(?P<y1>{year}))?"
        rf"(?:{to}(?:(?P<m2>{month})\s+)?(?P<d2>{day}))?(?:,?\s*(?P<y2>{year}))?"
    )
    iso = (
        r"(?<![\w./-])(?P<y1>\d{4})-(?P<m1>\d\d)-(?P<d1>\d\d)(?:T[\d:.]+Z?)?"
        r"(?:\s*(?:/|to|–|—)\s*(?P<y2>\d{4})-(?P<m2>\d\d)-(?P<d2>\d\d))?(?![\w/-])"
    )
    dotted = r"(?<![\w./])(?P<d1>[0-3]?\d)\.(?P<m1>[01]?\d)\.(?P<y1>(?:19|20)\d\d)(?!\.?\d)"
    series = tuple(
        (entry["acronym"], re.compile(_series_pattern(entry["acronym"], entry["names"])))
        for entry in words["series"]
    )
    return _Patterns(
        dates=tuple(re.compile(p, re.IGNORECASE) for p in (iso, day_first, month_first, dotted)),
        label=re.compile(rf"^[^\w\n]*(?:{_alternation(words['date_labels'])})\s*[:|]\s*(?P<value>.+)$", re.IGNORECASE | re.MULTILINE),
        place_label=re.compile(rf"^[^\w\n]*(?:{_alternation(words['place_labels'])})\s*[:|]\s*(?P<value>.+)$", re.IGNORECASE | re.MULTILINE),
        document_date=re.compile(rf"\b(?:{_alternation(words['document_date_words'])})\b", re.IGNORECASE),
        cue=re.compile(rf"\b(?:{_alternation(words['event_cues'])})\b", re.IGNORECASE),
        today=re.compile(rf"\b(?:{_alternation(words['today_words'])})\b", re.IGNORECASE),
        series=series,
        series_words=re.compile(_alternation(w for entry in words["series"] for w in (entry["acronym"], *entry["names"]))),
        series_context=re.compile(
            rf"\b(?:{_alternation(words['series_contexts'])})\s+(?:the\s+)?(?:[\w.]+[’']s\s+)?$", re.IGNORECASE
        ),
        organiser_cue=re.compile(rf"\b(?:{_alternation(words['organiser_cues'])})\b", re.IGNORECASE),
        organiser_verb=re.compile(rf"\b(?:{_alternation(words['organiser_verbs'])})\b", re.IGNORECASE),
        organiser_verb_anywhere=re.compile(_alternation(words["organiser_verbs"]), re.IGNORECASE),
        organiser_label=re.compile(rf"^[^\w\n]*(?:{_alternation(words['organiser_labels'])})\s*:\s*(?P<value>.+)$", re.IGNORECASE | re.MULTILINE),
    )


def _series_pattern(acronym: str, names: list[str]) -> str:
    """An acronym with its number ("COP 23", "COP-26", "MC12") or year ("HLPF 2022"), or an ordinal and a name
    ("the 23rd session of the Conference of the Parties"). Acronyms of two letters need their number."""
    number = r"(?:\s*[-‐]?\s*(?P<n>\d{1,3})(?!\d))"
    written = rf"(?<![A-Za-z]){re.escape(acronym)}{number}"
    if len(acronym) > 2:
        written += r"?(?![A-Za-z])(?:\s+(?P<y>(?:19|20)\d\d)(?!\d))?"
    if not names:
        return written
    named = rf"(?:(?P<o>\d{{1,3}})(?:st|nd|rd|th)\s+(?:session\s+of\s+(?:the\s+)?)?)?(?:{_alternation(names)})"
    return rf"(?:{written})|(?:{named})"


# --------------------------------------------------------------------------------------------- dates
_DIGIT = re.compile(r"\d")


def _dates(text: str) -> Iterator[re.Match[str]]:
    """Date expressions in `text`, left to right, the longest where several patterns overlap.

    Every date pattern needs a digit, so text without one (most lines of a report) is not scanned."""
    if not _DIGIT.search(text):
        return
    found = sorted(
        (m for pattern in _patterns().dates for m in pattern.finditer(text) if _is_written_month(m)),
        key=lambda m: (m.start(), -m.end()),
    )
    end = -1
    for match in found:
        if match.start() >= end:
            end = match.end()
            yield match


def _opening_date(text: str) -> re.Match[str] | None:
    """The date expression `text` opens with, as `_dates` would give it first (the longest of those starting
    there), found without reading the rest of the text."""
    opening = (m for pattern in _patterns().dates if (m := pattern.match(text)) and _is_written_month(m))
    return max(opening, key=lambda m: m.end(), default=None)


def _is_written_month(match: re.Match[str]) -> bool:
    """A month name in lower case is a word ("may", "march"), not a date."""
    names = [match.groupdict().get(g) for g in ("m1", "m2")]
    return all(name is None or name.isdigit() or not name.islower() for name in names)


def _span(match: re.Match[str], reference: date | int | None) -> DateSpan | None:
    """The days a date expression names; a missing year comes from `reference` (a date: the year that puts the
    day nearest to it; a bare year: that year). None when no year can be had or the date does not exist."""
    groups = match.groupdict()
    words = _words()

    def month(value: str | None) -> int | None:
        if value is None:
            return None
        return int(value) if value.isdigit() else words["months"].get(value.lower().rstrip("."))

    d1, d2 = (int(re.sub(r"\D", "", groups[g])) if groups.get(g) else None for g in ("d1", "d2"))
    m1, m2 = month(groups.get("m1")), month(groups.get("m2"))
    y1, y2 = (int(groups[g]) if groups.get(g) else None for g in ("y1", "y2"))
    if d1 is None:
        return None
    end_month = m2 or m1
    start_month = m1 or m2
    end_year = y2 or y1
    if start_month is None or end_month is None:
        return None
    try:
        if end_year is None:
            end_year = _year(end_month, d2 or d1, reference)
            if end_year is None:
                return None
        start_year = y1 or (end_year - 1 if (start_month, d1) > (end_month, d2 or d1) else end_year)
        start = date(start_year, start_month, d1)
        end = date(end_year, end_month, d2) if d2 is not None else start
    except ValueError:
        return None
    if not start <= end <= start + _LONGEST_EVENT:
        return None
    named_weekday = groups.get("w1")
    if named_weekday and words["weekdays"].get(named_weekday.lower().rstrip(".")) != start.weekday():
        return None  # "Thursday, 18 November 2020" was a Wednesday: a typo somewhere, so neither is trusted
    return DateSpan(start, end)


def _year(month: int, day: int, reference: date | int | None) -> int | None:
    if reference is None:
        return None
    if isinstance(reference, int):
        return reference
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append((abs((date(year, month, day) - reference).days), year))
        except ValueError:
            continue
    return min(candidates)[1] if candidates else None


def _first_span(text: str, reference: date | int | None) -> DateSpan | None:
    return next((span for m in _dates(text) if (span := _span(m, reference))), None)


# ------------------------------------------------------------------------------------------- reading
@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    about_the_page: bool
    """A dateline, "Posted …", "Draft – …": its date is the page's, not the event's."""


def read_event(document: SourceDocument) -> EventMetadata:
    """The event's date, place and series as the text states them (see the module's docstring for the shapes)."""
    text = document.text
    header = _header(document)
    lead = text[:LEAD_CHARACTERS]
    page_date = _page_date(lead)
    front_matter = _front_matter_date(document.raw)
    reference = _reference(header, page_date, front_matter, document)
    structural = _labelled(text, reference) or _from_header(header, text, reference)
    from_lead = None if structural else _from_lead(lead, page_date, reference)
    found = structural or from_lead
    if found is None and (headings := _day_headings(text, reference)) and headings.start < headings.end:
        found = structural = (headings, "")
    span, source = (found[0], "text") if found else _fallback(front_matter, document)
    # When the title, a label or the programme dated the event, only that line speaks for its place and series:
    # the lead may be background (a summary whose own lead sits in its title). Otherwise the lead's statements do.
    statements = [found[1]] if found else []
    if not structural:
        statements += _lead_statements(lead)
    return EventMetadata(
        date=span,
        date_source=source if span else None,  # type: ignore[arg-type]
        place=_place(text, header, statements[:1] if found else [], statements),
        series=_series(header, statements, span),
    )


def _lead_statements(lead: str) -> list[str]:
    """The lead's first sentences that say something happened: where its place and series are stated."""
    cue = _patterns().cue
    return list(islice((s for s in _sentences(lead) if cue.search(s)), LEAD_STATEMENTS))


def _header(document: SourceDocument) -> list[_Line]:
    """The title and the short lines under it, up to the first paragraph of prose."""
    lines = [document.title]
    for line in document.text.split("\n"):
        if len(lines) > HEADER_LINES or len(line.split()) > _HEADER_LINE_WORDS or _is_prose(line):
            break
        if line.strip():
            lines.append(line.strip())
    return _marked(lines)


def _is_prose(line: str) -> bool:
    """A sentence rather than a heading: it ends as sentences do and has words enough."""
    return line.rstrip().endswith((".", "!", "?")) and len(line.split()) > 5


def _marked(lines: list[str]) -> list[_Line]:
    """Each line marked when it, or a line beside it, is about the page ("Media release", "Posted", "Draft")."""
    pattern = _patterns().document_date
    marks = [bool(pattern.search(line)) for line in lines]
    return [_Line(line, any(marks[max(0, i - 1) : i + 2])) for i, line in enumerate(lines)]


def _page_date(lead: str) -> DateSpan | None:
    """The page's own date: on a line about the page, or a news dateline ("Singapore, 13 July 2023 – …")."""
    lines = [line.strip() for line in lead.split("\n") if line.strip() and len(line.split()) <= _HEADER_LINE_WORDS]
    for line in _marked(lines):
        if line.about_the_page and (span := _first_span(line.text, None)):
            return span
    return _dateline(lead)


_DATELINE = re.compile(r"^[^\n.,]{2,40},\s*$")
"""The place before a dateline's date ("Singapore, 13 July 2023 – …")."""
_LINE_OPENING_PLACE = re.compile(r"^[^\n.,]{2,40},", re.MULTILINE)
_DASH = re.compile(r"[–—-]\s")


def _dateline(lead: str) -> DateSpan | None:
    """A news dateline opening a paragraph, "PLACE, DATE – text": the page's date.

    A lead without a line that opens with "PLACE," and a dash somewhere after it has none, and is not read for
    dates: the date patterns are the costliest part of reading a document's event."""
    place = _LINE_OPENING_PLACE.search(lead)
    if place is None or not _DASH.search(lead, place.end()):
        return None
    for match in _dates(lead):
        line_start = lead.rfind("\n", 0, match.start()) + 1
        if _DATELINE.match(lead[line_start : match.start()]) and re.match(r"\s*[–—-]\s", lead[match.end() :]):
            return _span(match, None)
    return None


def _reference(header: list[_Line], page_date: DateSpan | None, front_matter: DateSpan | None,
               document: SourceDocument) -> date | int | None:
    """What a date written without its year is near: the page's own date, else a full date or a year in the header."""
    if page_date:
        return page_date.start
    for line in header:
        if span := _first_span(line.text, None):
            return span.start
    if front_matter:
        return front_matter.start
    for line in header:
        if year := re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", line.text):
            return int(year.group())
    return document.created


def _labelled(text: str, reference: date | int | None) -> tuple[DateSpan, str] | None:
    for match in _patterns().label.finditer(text[: 2 * LEAD_CHARACTERS]):
        if span := _first_span(match.group("value"), reference):
            return span, match.group()
    return None


def _from_header(header: list[_Line], text: str, reference: date | int | None) -> tuple[DateSpan, str] | None:
    """A date in the title or the lines under it, widened to the programme's day headings that include it."""
    for line in header:
        if line.about_the_page:
            continue
        if span := _first_span(line.text, reference):
            headings = _day_headings(text, reference)
            if span.start == span.end and headings and headings.start <= span.start <= headings.end:
                span = headings
            return span, line.text
    return None


def _day_headings(text: str, reference: date | int | None) -> DateSpan | None:
    """A programme's days: lines that open with a date ("Tuesday, 27 February (Faculty)", "31 August 2022, Wednesday")."""
    days: list[date] = []
    for line in text.split("\n"):
        line = line.strip(" \t*#|-•")
        match = _opening_date(line)
        if match is None:
            continue
        rest = line[match.end() :]
        if len(re.sub(r"\([^)]*\)|[\d:.apmAPM–-]+", " ", rest).split()) > _DAY_HEADING_REST_WORDS:
            continue
        if span := _span(match, reference):
            days += [span.start, span.end]
    if not days:
        return None
    first, last = min(days), max(days)
    return DateSpan(first, last) if last - first <= _LONGEST_EVENT else None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])|\n\s*\n")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _sentences(text: str) -> Iterator[str]:
    yield from (s.strip() for s in _SENTENCE_END.split(text) if s.strip())


def _from_lead(lead: str, page_date: DateSpan | None, reference: date | int | None) -> tuple[DateSpan, str] | None:
    """The lead's first sentence that says the event happened ("was held", "took place", "met", "signed") and when:
    on a date it names, or "today", the page's date."""
    patterns = _patterns()
    for sentence in _sentences(lead):
        said = _QUOTED.sub(" ", sentence)  # what a speaker says happened is not the report's statement
        if not patterns.cue.search(said):
            continue
        if page_date and patterns.today.search(said):
            return page_date, sentence
        for match in _dates(said):
            if _is_dateline(said, match):
                continue
            if span := _span(match, reference):
                return span, sentence
    return None


def _is_dateline(sentence: str, match: re.Match[str]) -> bool:
    return bool(_DATELINE.match(sentence[: match.start()])) and bool(re.match(r"\s*[–—-]\s", sentence[match.end() :]))


_FRONT_MATTER_DATE = re.compile(r"\A(?:---|\+\+\+)\s*\n(?P<body>.*?)\n(?:---|\+\+\+)", re.DOTALL)
_DATE_FIELD = re.compile(r"^date\s*[:=]\s*['\"]?(?P<value>[^'\"\n]+)", re.MULTILINE | re.IGNORECASE)


def _front_matter_date(raw: str) -> DateSpan | None:
    """The `date:` of a web page's front matter: when the page was published."""
    block = _FRONT_MATTER_DATE.match(raw.lstrip("\ufeff"))
    field = _DATE_FIELD.search(block.group("body")) if block else None
    return _first_span(field.group("value"), None) if field else None


def _fallback(front_matter: DateSpan | None, document: SourceDocument) -> tuple[DateSpan | None, str | None]:
    if front_matter:
        return front_matter, "front_matter"
    created = document.created
    return (DateSpan(created, created), "pdf_metadata") if created else (None, None)


# --------------------------------------------------------------------------------------------- place
_NAME_RUN = r"[A-Z][\w'’.-]*+(?:[ -](?:(?:of|and|the|de|la|el|al)[ -])?[A-Z][\w'’.-]*+){0,3}"
"""Up to four capitalised words ("Addis Ababa", "Republic of Korea"); possessive, and tried only where a word
starts, so a long run of letters costs linear time."""
_CITY_COUNTRY = re.compile(rf"(?<![\w'’.-])(?P<city>{_NAME_RUN}),\s+(?P<country>(?:the\s+)?{_NAME_RUN})(?![\w'’-]|\s+[A-Z])")
_IN_PLACE = re.compile(
    rf"\bin\s+(?P<city>{_NAME_RUN})(?:,\s+(?P<country>(?:the\s+)?{_NAME_RUN})(?![\w'’-]|\s+[A-Z]))?"
    r"(?=\s+(?:from|on|during|at|today|this|between|in|under|to)\b|\s*[,.;?]|$)"
)
_NOT_CITY_WORDS = re.compile(
    r"\b(?:University|Centre|Center|Hotel|Hall|Room|Building|Theatre|Theater|Campus|Office|Ministry|Conference|"
    r"Forum|Summit|Meeting|Session|Workshop|Programme|Program|Agreement|Convention|Zone|Pavilion|Headquarters)\b"
)


def _place(text: str, header: list[_Line], dating: list[str], statements: list[str]) -> Place | None:
    """"CITY, COUNTRY" in a place label or the header; "in CITY, COUNTRY" in a statement of what happened; "in CITY"
    or "in COUNTRY" alone only in the sentence that dated the event."""
    label = _patterns().place_label.search(text[: 2 * LEAD_CHARACTERS])
    bare = [label.group("value")] if label else []
    bare += [line.text for line in header if not line.about_the_page]
    for candidate in bare:
        for match in _CITY_COUNTRY.finditer(candidate):
            if place := _checked(match.group("city"), match.group("country")):
                return place
    for statement in statements:
        for match in _IN_PLACE.finditer(statement):
            if (match.group("country") or statement in dating) and (place := _checked(match.group("city"), match.group("country"))):
                return place
    return None


def _checked(city: str, country: str | None) -> Place | None:
    """A place when `country` names one and `city` looks like a city (not a region, a venue, a month); "in COUNTRY"
    alone gives the country."""
    countries = CountryIndex.default()
    city = re.split(r"\s+(?:in|at)\s+", city)[-1].rstrip(".")
    code = countries.lookup(country.rstrip(".")) if country else None
    if country and not code:
        return None
    if not country and (alone := countries.lookup(city)):
        return Place(None, alone)
    if countries.lookup(city) or countries.is_region(city) or _NOT_CITY_WORDS.search(city) or _is_month_or_day(city):
        return None
    return Place(city, code)


def _is_month_or_day(name: str) -> bool:
    first = name.split()[0].lower().rstrip(".")
    return first in _words()["months"] or first in _words()["weekdays"]


# -------------------------------------------------------------------------------------------- series
def _series(header: list[_Line], statements: list[str], span: DateSpan | None) -> str | None:
    """The conference or process the event belongs to: named in the header, or in a statement of what happened
    after "during", "on the sidelines of", "side event to"…; numbered as written, else by the event's year."""
    for line in header:
        if found := _series_mention(line.text, span, anywhere=True):
            return found
    for statement in statements:
        if found := _series_mention(statement, span, anywhere=False):
            return found
    return None


def _series_mention(text: str, span: DateSpan | None, *, anywhere: bool) -> str | None:
    patterns = _patterns()
    if not patterns.series_words.search(text):
        return None  # most lines and sentences: none of the series' patterns need be tried
    for acronym, pattern in patterns.series:
        for match in pattern.finditer(text):
            if not anywhere and not patterns.series_context.search(text[max(0, match.start() - 60) : match.start()]):
                continue
            number = match.group("n") if "n" in pattern.groupindex and match.group("n") else None
            number = number or (match.group("o") if "o" in pattern.groupindex else None)
            year = match.group("y") if "y" in pattern.groupindex else None
            suffix = number or year or (str(span.start.year) if span else None)
            return f"{acronym} {int(suffix)}" if suffix else acronym
    return None


# ---------------------------------------------------------------------------------------- organisers
_ORGANISER_PHRASE_END = re.compile(
    r"[.;:!?\n]|\b(?:in collaboration with|in partnership with|with|under|to|for|on|from|during|which|who|was|were|"
    r"is|are|as|took|held|brought|attracted|featured|the event|this)\b"
)


def find_organisers(document: SourceDocument, doc: Doc, resolution: Resolution) -> tuple[Organiser, ...]:
    """Organisations and countries the lead names as organisers: after "organised by", "hosted by" … (up to the end
    of the phrase), as the subject of "organised the …", "hosted a …", or on an "Organisers:" line."""
    actors = sorted(
        (start, end, entity_id)
        for (start, end), entity_id in resolution.by_span.items()
        if resolution.entities[entity_id].type in ("organisation", "country")
    )
    actors = _outermost(actors)  # "Singapore" in "Singapore Ministry of Law"
    found: dict[str, Organiser] = {}
    for start, end, evidence_start, evidence_end in sorted(_organiser_phrases(doc, actors)):
        for actor_start, actor_end, entity_id in actors:
            if start <= actor_start and actor_end <= end and entity_id not in found:
                raw_start, raw_end, page = document.locate(evidence_start, evidence_end)
                evidence = document_text(doc)[evidence_start:evidence_end].strip()
                found[entity_id] = Organiser(entity_id, evidence, raw_start, raw_end, page)
    return tuple(found.values())


def _outermost(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spans no other span contains, in one pass over them sorted by start (longest first)."""
    kept: list[tuple[int, int, str]] = []
    reach = -1
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if span[1] > reach or (span[0], span[1]) == kept[-1][:2]:
            kept.append(span)
            reach = max(reach, span[1])
    return kept


def _organiser_phrases(doc: Doc, actors: list[tuple[int, int, str]]) -> Iterator[tuple[int, int, int, int]]:
    """(phrase start, phrase end, evidence start, evidence end) in `doc.text` for each statement of organisers."""
    patterns = _patterns()
    text = document_text(doc)

    def inside_actor(position: int) -> bool:
        return any(start < position < end for start, end, _ in actors)

    for sentence in doc.sents:
        if sentence.start_char >= LEAD_CHARACTERS:
            break
        bounds = (sentence.start_char, sentence.end_char)
        for cue in patterns.organiser_cue.finditer(text, *bounds):
            stop = next((m.start() for m in _ORGANISER_PHRASE_END.finditer(text, cue.end(), bounds[1]) if not inside_actor(m.start())), bounds[1])
            yield cue.end(), stop, *bounds
        if not patterns.organiser_verb_anywhere.search(text, *bounds):
            continue  # no token of the sentence can be an organiser verb: its tokens need not be read
        for token in sentence:
            if patterns.organiser_verb.fullmatch(token.text) and any(c.dep_ == "dobj" for c in token.children):
                verb = token.head if token.dep_ == "conj" and token.head.pos_ == "VERB" else token
                for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                    yield subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge), *bounds
    for label in patterns.organiser_label.finditer(text, 0, 2 * LEAD_CHARACTERS):
        yield label.start("value"), label.end("value"), label.start(), label.end()


def describe_event(document: SourceDocument, doc: Doc, resolution: Resolution) -> DocumentInfo:
    """The document's record with what the text says about its event."""
    event = read_event(document)
    return replace(
        document.info,
        date=event.date.iso if event.date else None,
        date_source=event.date_source,
        place=event.place,
        series=event.series,
        organisers=find_organisers(document, doc, resolution),
    )
