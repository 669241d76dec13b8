"""Prose introductions: "Ms NAME, TITLE, UNIT, ORG, COUNTRY, chaired", "Canada’s Minister X said",
"moderated by NAME (ORG)", "Speakers included NAME, ORG; NAME, ...", and list items under a role heading.

A candidate name is introduced when its description comes with a sign of taking part: a verb of speaking
or chairing, a role before it, a heading above it, a quote. A description without one ("a chat with Dr
X, Secretary-General, Y") is kept aside in case the person's words are reported later.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..countries import POSSESSIVE_ENDINGS
from ..spans import doc_entities, line_before, token_positions
from .fields import Field, comma_parts, inside_entity, substantive
from .layout import Line, contact_line, document_lines, heading_role, line_of
from .match import SpeakerMatch, complete, merge, merged_short_names, same_person
from .names import before_comma, joined_people, list_marker, name_end, name_word, plausible_name, post_nominal, strip_honorific
from .quotes import after_quote, attach_quotes, attributed_title, attribution_names
from .slots import SlotParser

_TITLE_CONNECTORS = frozenset({"of", "for", "and", "the", "to", "at", "on"})
_DESCRIPTION_OPENERS = (",", "(", "from", "of", "–", "—", "-", ":", "|")
_LONGEST_BODY = 9
"""Tokens a body's name may have after "from" ("the Ministry of Agriculture and Rural Development")."""
_BODY_LINKS = frozenset({"of", "and", "&", "for", "-"})
_LONGEST_TITLE = 14
"""Tokens a title in apposition may have ("the Cabinet Secretary for Environment, Climate Change and Forestry")."""
_COPULAS = (("was",), ("were",), ("is",), ("are",), ("will", "be"))
_PORTFOLIO_PREPOSITIONS = frozenset({"of", "for", "in", "on"})
"""A field holding one of these before "and" is a title's portfolio or a body's name that may go on after it."""
_PASSIVE_BY = re.compile(r"(?<!\s)\s+(?:was|were|is|are|been)\s+(?:also\s+)?\w+\s+by$")
_LED_BY = r"\b(?:{gatherings})\b[^.;:]{{0,100}}\b(?:led|headed) by(?:\s+[a-z.]+){{0,2}}$"
"""One of the `led_gatherings` named before who leads it: "a delegation of X University led by (Vice) President NAME",
"Most workshops were led by NAME"."""


@dataclass(frozen=True, slots=True)
class _Introduction:
    match: SpeakerMatch | None
    accepted: bool
    bare_item: bool = False
    """An item of a list of names with nothing of its own: the list's end decides ("A, B and C spoke")."""
    listed: bool = False
    """Taken as an item of a list of introductions ("included A, TITLE; B, TITLE; and C, TITLE.")."""
    closes_sentence: bool = False
    """Described up to the sentence's end without a verb: the last item, if a list precedes it."""


@dataclass(frozen=True, slots=True)
class _Description:
    fields: list[Field]
    predicate: Token | None
    continues_list: bool = False


class ProseReader:
    """The matching logic, free of pipeline state so it can be tested on hand-made docs."""

    def __init__(self, slots: SlotParser) -> None:
        self.slots = slots
        self.cues = slots.cues
        self.fields = fields = slots.fields
        self.countries = fields.countries
        self.words = fields.words
        self.led_by = re.compile(_LED_BY.format(gatherings="|".join(sorted(map(re.escape, self.cues.led_gatherings)))))

    def speakers(self, doc: Doc, known: list[SpeakerMatch]) -> list[SpeakerMatch]:
        """Everyone introduced in the prose, merged with the people `known` from other readers, and their mentions.

        Names listed bare ("Drs A, B and C arrived and organised the event") wait for the list's last item: if
        the text introduces it, it introduces them all."""
        introduced = list(known)
        described: list[SpeakerMatch] = []
        references: list[Span] = []
        waiting: list[tuple[Span, SpeakerMatch]] = []

        def add(match: SpeakerMatch) -> None:
            if (earlier := same_person(introduced, match.name, description=match)) is not None:
                merge(earlier, match)
                return
            if (passing := same_person(described, match.name, description=match)) is not None:
                merge(match, passing, keep_name=True)  # "a chat with Dr X, Secretary-General, Y" ... "Dr X noted"
            introduced.append(match)

        listing: tuple[Span, SpeakerMatch] | None = None  # the last item accepted as part of a list, in its sentence
        for person in self.candidates(doc):
            if waiting and waiting[-1][0].sent != person.sent:
                references.extend(item for item, _ in waiting)
                waiting = []
            intro = self.introduction(person)
            if not intro.accepted and (partner := self._partner(person, introduced)) is not None:
                intro = self._conjunct(person, intro, *partner)
            if intro.closes_sentence and intro.match is not None and listing is not None and listing[0].sent == person.sent:
                intro = _Introduction(intro.match, True)  # "...; and C, Deputy Administrator of X." ends the list
                intro.match.role = listing[1].role
            listing = (person, intro.match) if intro.listed and intro.match is not None else listing
            if intro.bare_item and intro.match is not None:
                waiting.append((person, intro.match))
            elif not intro.accepted or intro.match is None:
                references.extend([*(item for item, _ in waiting), person])
                waiting = []
                if intro.match is not None:
                    described.append(intro.match)
            else:
                group = waiting[0][1] if waiting else None  # "Four X representatives, A, B and C": the group's description
                for _, item in waiting:
                    item.role = intro.match.role
                    item.organisation = item.organisation or group.organisation
                    item.country = item.country or group.country
                    add(item)
                if group is not None and not (intro.match.organisation or intro.match.country):
                    intro.match.organisation, intro.match.country = group.organisation, group.country
                waiting = []
                add(intro.match)
        references.extend(item for item, _ in waiting)
        for passing in described:
            if self.words.is_institution(passing.organisation_text or "") and (
                earlier := same_person(introduced, passing.name, description=passing)
            ) is not None:
                complete(earlier, passing)  # "X University’s Professor NAME was elected" completes NAME introduced elsewhere
        for person in references:
            name, honorific = strip_honorific(self.cues, person)
            if not plausible_name(name) or self.cues.looks_like_title(name.text):
                continue
            earlier = same_person(introduced, name)
            if earlier is not None:
                earlier.mentions.append(name)
            elif self.attributed_words(person) and (len(name) > 1 or same_person(described, name)) and not self._on_behalf_of(person):
                # someone described in passing ("a chat with Dr X, Secretary-General, Y") whose words are reported later;
                # a surname alone ("Mr. Bloom said") is not enough to introduce anyone
                match = same_person(described, name) or SpeakerMatch(name=name, honorific=honorific, mentions=[])
                if (earlier := same_person(introduced, match.name)) is not None:
                    complete(earlier, match)  # a given name two people share, one of them described in passing before
                    earlier.mentions.append(name)
                    continue
                match.role = self.role_of_verb(person.root.head) if person.root.dep_.startswith("nsubj") else None
                match.role = match.role or "quoted"
                match.mentions.append(name)
                introduced.append(match)
        introduced = merged_short_names(sorted(introduced, key=lambda s: s.name.start))
        attach_quotes(doc, introduced)
        return introduced

    def candidates(self, doc: Doc) -> list[Span]:
        """Every span that may name a person, without overlaps; quote attributions win over the NER.

        The small NER often tags names as ORG or not at all in "NAME, ORG, COUNTRY, said" and
        after a quote, so name-shaped runs in those places are candidates too, as is every name an
        honorific leads ("Professor Dolores O’Riordan"); `introduction` decides from the description
        whether a candidate takes part.
        """
        ranked = [(0, span) for span in attribution_names(self.cues, doc)]
        ranked += [
            (1, span) for span in map(self._whole_name, map(before_comma, joined_people(doc)))
            if not self.words.is_institution(span.text) and span[-1].lower_ not in self.cues.not_name_words
            and not _quoted_title(span)
        ]
        ranked += [(1, person.name) for people in self.slots.titled(doc).values() for person in people]
        ranked += [(2, span) for span in self._name_shaped(doc)]
        taken: list[Span] = []
        for _, span in sorted(ranked, key=lambda item: (item[0], item[1].start)):
            if not any(span.start < other.end and other.start < span.end for other in taken):
                taken.append(span)
        return sorted(taken, key=lambda span: span.start)

    def _whole_name(self, span: Span) -> Span:
        """"Chair Awa Diallo" where the NER took only "Diallo": a lone surname takes the given name before it;
        "Minister for Law Ken Ong" where it took "Law Ken Ong": the portfolio goes back to the title; a name cut
        one word before its comma takes that word; a title the NER took into the name ("Mayor Ana Lima") is left out."""
        doc = span.doc
        start = span.start
        while len(doc[start : span.end]) >= 3 and start > 0 and (
            doc[start - 1].lower_ in ("of", "for") or doc[start - 1].lower_ == "and" and self.words.is_portfolio(doc[start].text)
        ):
            start += 1  # "Minister for Law Ken Ong", "Minister of Finance and Economy Ana Lima": the portfolio goes back
        while span.end - start > 2 and doc[start].lower_ in self.cues.title_words and doc[start].is_title:
            start += 1  # "Mayor Ana Lima" tagged whole: the title is the description's, not the name's
        if start > span.start:
            return doc[start : span.end]
        if len(span) == 1 and start > 0 and self._name_word(doc[start - 1]) and "\n" not in doc[start - 1].whitespace_:
            start -= 1
        end = further = span.end
        while further < len(doc) and further - end < 2 and self._name_word(doc[further]) and "\n" not in doc[further - 1].whitespace_:
            further += 1
        if further > end and further < len(doc) and doc[further].text == ",":
            end = further  # "Marcelo Abi-Ramia" + "Caetano, Secretary General", "Katrina" + "Ma’u Fatiaki,": the NER stopped short
        while end - start > 2 and doc[end - 1].lower_ in self.cues.not_name_words:
            end -= 1  # "Mark Lee Session 1": the NER ran on into a programme's words
        return doc[start:end]

    def _name_word(self, token: Token) -> bool:
        return (
            token.text[:1].isupper() and name_word(token) and not token.is_upper and not token.ent_type_ and not token.is_stop
            and token.lower_ not in self.cues.not_name_words and not self.cues.has_cue_word(token.doc[token.i : token.i + 1])
        )

    def _name_shaped(self, doc: Doc) -> list[Span]:
        """Names the NER missed or called ORG where an introduction would start.

        Two to five name-like tokens opening a sentence, a list item or a clause after "and",
        followed by a description opener.
        """
        found = []
        lines = document_lines(doc)
        starts = dict.fromkeys(_clause_starts(doc, self.cues.membership_cues, self.cues.title_words))
        starts.update(dict.fromkeys(self._title_runs(doc)))
        for start in starts:
            titled = self._after_portfolio_title(doc, start)
            while start < len(doc) - 1 and self.cues.is_honorific(doc[start]):
                start += 1
            titled = max(titled, start)
            if titled == start and start > 0 and _phrase_goes_on(doc, start - 1):
                continue  # "Professor of Biochemistry and Molecular Biology, X University": no one new
            end = name_end(doc, titled, self.cues.name_particles)
            if end >= len(doc) or not self.fields.is_name(doc[titled:end]):
                continue
            if doc[end].text in (",", "|", "(") or doc[end].lemma_ == "be" and _opens_paragraph(lines, start):
                found.append(doc[titled:end])  # "NAME, ORG, said", and a biography: "NAME is a Professor of X at Y"
            elif self._from_a_body(doc, start, end):
                found.append(doc[titled:end])  # "NAME from X Research gave a talk"
            elif titled > start and (self.predicate_at(doc, end) is not None or doc[end].text in (".", ";")):
                found.append(doc[titled:end])  # "Minister for Trade NAME said", "met the Minister of Culture NAME."
        found.extend(name for i in token_positions(doc, POSSESSIVE_ENDINGS, attr="ORTH") if (name := self._owned_name(doc, i)) is not None)
        return found

    def _from_a_body(self, doc: Doc, start: int, end: int) -> bool:
        """"NAME from X Research gave a talk": a sentence or line opens with the name, "from" leads a capitalised
        body, and a verb follows it or the line (a caption) ends; not a talk's title ("Spouted Vessels from Upper
        Thrace in the ...") nor a list's next item ("Forestry and Nature Conservation from X University")."""
        if doc[end].lower_ != "from" or start > 0 and doc[start - 1].lower_ == "and":
            return False
        body_end = end + 1
        while body_end < min(len(doc), end + _LONGEST_BODY) and (
            doc[body_end].text[:1].isupper() or doc[body_end].lower_ in _BODY_LINKS and body_end > end + 1
        ):
            body_end += 1
        if body_end == end + 1 or self.countries.lookup(doc[end + 1 : body_end].text):
            return False  # "Country Experiences from Uganda": from a place
        return self.predicate_at(doc, body_end) is not None or _ends_line(doc[start:body_end]) or (
            body_end < len(doc) and doc[body_end].text == "|"
        )  # a photo's caption: "NAME from X Institute | © Photographer"

    def _after_portfolio_title(self, doc: Doc, start: int) -> int:
        """Where a name starts after a title and what it is "of" or "for" ("Minister for Trade NAME", "Deputy Minister
        of Finance and Economy NAME", "Chairman of the X Committee of the Y Republic NAME"), which the NER runs into the
        name or leaves the name untagged; `start` if none."""
        i = start
        while i < len(doc) and doc[i].lower_ in self.cues.title_words:
            i += 1
        if i == start:
            return start
        end = i
        while end < len(doc) and doc[end].lower_ in ("of", "for"):
            after = self._portfolio_or_body(doc, end + 1)
            if after == end + 1:
                break
            end = after
        return end if end > i else start

    def _portfolio_or_body(self, doc: Doc, i: int) -> int:
        """The end of a portfolio ("Finance and Economy") or of a named body or state ("the Kyrgyz Republic") at i."""
        end = i
        while end < len(doc) and (doc[end].text[:1].isupper() and self.words.is_portfolio(doc[end].text) or doc[end].lower_ in ("and", "&")):
            end += 1
        if end > i and doc[end - 1].lower_ not in ("and", "&"):
            return end
        body = i + 1 if i + 1 < len(doc) and doc[i].lower_ == "the" else i
        if body < len(doc) and doc[body].ent_iob_ == "B" and doc[body].ent_type_ in ("ORG", "GPE"):
            return next((t.i for t in doc[body + 1 :] if t.ent_iob_ != "I"), len(doc))
        return i

    def _title_runs(self, doc: Doc) -> Iterator[int]:
        """Where a capitalised title starts inside a sentence ("headed by the Minister of Foreign Affairs NAME"): with
        what it is of, such a title leads a name wherever it stands."""
        for i in token_positions(doc, self.cues.title_words):
            if doc[i].text[:1].isupper() and (i == 0 or doc[i - 1].lower_ not in self.cues.title_words):
                yield i

    def _owned_name(self, doc: Doc, i: int) -> Span | None:
        """A name after a body's possessive at token i, maybe titled, ending at punctuation or a verb: "and moderator
        X Coalition’s Ana Lima.", "X University’s Associate Professor (A/P) Ana Lima was elected" (the NER takes such
        names for part of the body, or misses them)."""
        if i == 0 or not doc[i - 1].text[:1].isupper():
            return None
        start = i + 1
        while start < len(doc) and (
            doc[start].lower_ in self.cues.cue_words and doc[start].text[:1].isupper() or doc[start].text == "("
        ):
            start = next((t.i + 1 for t in doc[start : start + 5] if t.text == ")"), start + 1) if doc[start].text == "(" else start + 1
        end = name_end(doc, start, self.cues.name_particles)
        if end >= len(doc) or not (doc[end].is_punct or self.predicate_at(doc, end) is not None):
            return None
        name = doc[start:end]
        return name if self.fields.is_name(name) else None

    def introduction(self, person: Span) -> _Introduction:
        """The person as described, and whether the text introduces them as taking part.

        A description without a sign of taking part ("a chat with Dr X, Secretary-General, Y") is
        still returned, so that words reported later ("Dr X noted") can promote it.
        """
        name, honorific = strip_honorific(self.cues, person)
        if not plausible_name(name) or self.cues.looks_like_title(name.text) or len(name) < 2:
            return _Introduction(None, False)
        if contact_line(self.cues, name):
            return _Introduction(None, False)  # "Press enquiries: NAME", "NAME: name@example.org"
        match = SpeakerMatch(name=name, honorific=honorific, mentions=[name])
        described = self.description(person)
        fields, predicate = described.fields, described.predicate
        prefix_role, prefix = self.role_before(person), self.title_before(person)
        if prefix_role is None and (descriptor := _descriptor_before(person)) is not None:
            prefix_role = self._role_phrase_before(descriptor)  # "moderated by team member NAME"
        attributed = attributed_title(self.cues, person, prefix) if prefix is not None else None
        prefix = attributed or prefix  # ',” added X University Vice-President for Research, Innovation and Impact NAME'
        by_role, by_description = self.described_by(person)
        prefix_role = prefix_role or by_role
        header_role = heading_role(self.cues, person)
        if prefix:
            self.fields.apply_prefix(match, prefix)
            if attributed is not None and match.organisation is None and len(parts := comma_parts(attributed)) > 1:
                self.fields.apply_prefix(match, parts[0])  # "X Power Chairman, President, and CEO": the body comes first
        elif by_description is not None:
            for part in comma_parts(by_description):
                self.fields.apply_prefix(match, part)
        biography = self._biography(person, predicate) if not fields else None
        if biography is not None:
            fields, predicate = [Field(biography)], None
        if fields:
            self.fields.apply_fields(match, fields)
        elif by_description is None:
            for part in self.fields_before(person):
                self.fields.apply_prefix(match, part)
        self.fields.ministry_from_title(match)
        quoted = after_quote(self.cues, person) or attributed is not None
        role = prefix_role or header_role
        if predicate is not None:
            role = role or self.role_of_verb(predicate)
        speaks = predicate is not None and self.role_of_verb(predicate) is not None
        ends_line = predicate is None and fields and _ends_line(fields[-1].span)
        owned = prefix is not None and any(t.text in POSSESSIVE_ENDINGS for t in prefix)
        words = None if owned else self.words  # "X Coalition’s NAME": what owns a person is a body, whatever its name
        listed = described.continues_list and (fields or prefix) and substantive(match, words) and (
            match.title is None or match.organisation is not None or match.country or self.cues.looks_like_title(match.title)
        )
        has_description = bool(fields or prefix or prefix_role or header_role)
        if not has_description and described.continues_list and (honorific or all(t.ent_type_ == "PERSON" for t in name)):
            return _Introduction(match, False, bare_item=True)
        if not has_description and not speaks:
            return _Introduction(None, False)
        met = prefix is not None and self._met(prefix)
        present = self._in_attendance(person)
        takes_part = (
            speaks or ends_line and substantive(match) or listed or prefix_role or header_role or quoted or met or present
            or biography is not None
        )
        opening = prefix.start if prefix is not None else person.start
        closes = predicate is None and (bool(fields) or owned) and _ends_sentence(fields[-1].span if fields else person) and (
            substantive(match, words)
        )
        item = closes and _opens_paragraph(document_lines(person.doc), opening)  # a paragraph per person: "NAME, CEO at X."
        if self._on_behalf_of(person) or not (takes_part or item or self.attributed_words(person, opening=opening)):
            return _Introduction(match if has_description else None, False, closes_sentence=closes)
        match.role = role or ("quoted" if quoted else "speaker")
        return _Introduction(match, True, listed=bool(listed))

    def _partner(self, person: Span, introduced: list[SpeakerMatch]) -> tuple[SpeakerMatch, Span | None] | None:
        """The speaker `person` is coordinated with by "and", when one is introduced: by the parse ("signed by A and
        Dr B"), or as the next titled item of the list ("signed by X's Minister, A, and Y's Secretary, B"). A comma
        alone may join an appositive ("A, X Women in Tech"), so "and" must be said."""
        doc = person.doc
        start = person.start
        while start > 0 and (self.cues.is_honorific(doc[start - 1]) or doc[start - 1].text == "."):
            start -= 1
        joined = person.root
        if (title := self.title_before(person)) is not None:
            start = min(start, title.start)  # "met Minister A and Deputy Minister for Culture B"
            joined = joined if joined.dep_ == "conj" else next((t for t in title if t.dep_ == "conj"), joined)
        head = joined.head
        if joined.dep_ == "conj" and head.i < person.start and start > 0 and doc[start - 1].pos_ == "CCONJ":
            partner = next((match for match in introduced if match.name.start <= head.i < match.name.end), None)
            return (partner, None) if partner is not None else None
        if start < 2 or doc[start - 1].text != ",":
            return None
        opening = start - 1
        while opening > person.sent.start and doc[opening - 1].text != "," and doc[opening - 1].pos_ != "CCONJ":
            opening -= 1
        title = doc[opening : start - 1]
        if doc[opening - 1].pos_ != "CCONJ" or not any(t.lower_ in self.cues.title_words for t in title):
            return None
        before = [match for match in introduced if match.name.sent == person.sent and match.name.end < opening]
        if not before or any(t.pos_ in ("VERB", "AUX") for t in doc[before[-1].name.end : opening]):
            return None  # "A thanked the Minister of X, and Y's Director, B": B is spoken of
        return before[-1], title

    def _conjunct(self, person: Span, intro: _Introduction, partner: SpeakerMatch, title: Span | None) -> _Introduction:
        """The second of "signed by A and B", "chaired by A and Dr B", "by X's Minister, A, and Y's Secretary, B":
        what makes A take part makes B take part, with what B's own description (or `title`) says."""
        if intro.match is None:
            name, honorific = strip_honorific(self.cues, person)
            if not plausible_name(name) or self.cues.looks_like_title(name.text) or len(name) < 2:
                return intro
            intro = _Introduction(SpeakerMatch(name=name, honorific=honorific, mentions=[name]), False)
        if title is not None and intro.match.title is None and intro.match.organisation is None:
            self.fields.apply_prefix(intro.match, title)
            self.fields.ministry_from_title(intro.match)
        if self._on_behalf_of(person):
            return intro
        intro.match.role = partner.role
        return _Introduction(intro.match, True, closes_sentence=intro.closes_sentence)

    def _biography(self, person: Span, predicate: Token | None) -> Span | None:
        """A speaker's biography opening a paragraph: "NAME is an Associate Professor of X at Y University ..."; the
        title phrase up to the end of its clause is the description."""
        doc = person.doc
        if predicate is None or predicate.lemma_ != "be" or predicate.i != person.end:
            return None
        if not _opens_paragraph(document_lines(doc), person.start):
            return None
        start = predicate.i + 1
        while start < len(doc) and doc[start].lower_ in ("a", "an", "the", "currently", "also", "now"):
            start += 1
        end = start
        while end < len(doc) and not (doc[end].text in (".", ";", ":", "\n") or doc[end].is_space) and not (
            doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].pos_ in ("PRON", "SCONJ", "CCONJ", "VERB")
        ):
            end += 1
        phrase = doc[start:end]
        return phrase if len(phrase) and self.fields.titled(phrase.text) else None

    def description(self, person: Span) -> _Description:
        """The fields after a name ("NAME, TITLE, ORG," or "NAME (ORG)") and the verb that ends them."""
        doc = person.doc
        i = person.end
        if i < len(doc) and doc[i].text in ("’s", "'s"):
            return _Description([], None)
        while i < len(doc) and post_nominal(doc[i]):
            i += 1  # "Mr K Lim SC, Minister"
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 1].is_lower and doc[i + 2].text == ")":
            i += 3  # a photo caption's "(left)" says where, not who
        if i < len(doc) and doc[i].lower_ == "and" and self._list_goes_on(doc, i):
            return _Description([], None, continues_list=True)  # "... Ms NAME and Norway Minister of Trade Mr NAME2"
        if i >= len(doc) or doc[i].text not in _DESCRIPTION_OPENERS or _opens_line(doc[i]):
            return _Description([], self.predicate_at(doc, i))  # a bullet opening the next line opens no description
        closing = ")" if doc[i].text == "(" else None
        fields: list[Field] = []
        field_start = i + 1 if doc[i].text in _DESCRIPTION_OPENERS and doc[i].is_punct else i
        field_start += self._representing_lead(doc, field_start)  # "NAME, representing X’s Ministry of Y, said"
        if doc[i].text == "," and (predicate := self.predicate_at(doc, field_start)) is not None:
            return _Description([], predicate)  # "PREFIX, Professor NAME, welcomed"
        j = field_start
        depth = 0  # commas inside brackets do not part fields: "ORG (Washington, D.C.)"
        clause = doc[j].lower_ == "who" if j < len(doc) else False  # ", who runs the X Centre at Y University,"
        while j < len(doc):
            token = doc[j]
            text = token.text
            if not closing:
                depth += {"(": 1, ")": -1}.get(text, 0)
            if "\n" in text and _wrapped(doc, j):
                j += 1
                continue
            if "\n" in text or (
                token.is_sent_start and j > field_start and not self.cues.is_honorific(doc[j - 1]) and not _wrapped(doc, j - 1)
            ):
                break
            if closing and text.startswith(closing):  # the tokenizer keeps "):" whole
                fields.append(Field(doc[field_start:j]))
                return _Description(_kept(fields), self.predicate_at(doc, j + 1))
            if j > field_start and (self._titled_name_starts(doc, field_start, j) or self._owned_name_starts(doc, j)):
                # "NAME1, Ghana Minister of Trade NAME2, ...", "NAME1, X Institute’s NAME2, ...": a title or a body's
                # possessive before the next name is the next person's
                return _Description(_kept(fields), None, continues_list=True)
            if token.pos_ == "CCONJ" and self._titled_item_starts(doc, j):
                if j > field_start:
                    fields.append(Field(doc[field_start:j]))
                return _Description(_kept(fields), None, continues_list=True)  # "A, TITLE, and Y's TITLE, B"
            if self._next_person_starts(doc, j, field_start=j == field_start, tagged_only=token.lower_ == "and" and _phrase_goes_on(doc, j)):
                # a list of introductions: what follows the last comma describes the next person,
                # unless "and" opens the next item ("..., ORG and Mr NAME, ...")
                if token.lower_ in ("and", "with", "while", "whereas") and j > field_start:
                    fields.append(Field(doc[field_start:j]))
                return _Description(_kept(fields), None, continues_list=True)
            if depth <= 0 and _field_separator(token) and (text in ("-", "–", "—") or not inside_entity(token)):
                fields.append(Field(doc[field_start + 1 if clause else field_start : j]))
                field_start = j + 1
                clause = j + 1 < len(doc) and doc[j + 1].lower_ == "who"
                if (predicate := self.predicate_at(doc, j + 1)) is not None:
                    return _Description(_kept(fields), predicate)
            elif j > field_start and token.is_lower and self._predicate_verb(token) and not token.ent_type_ and not clause and not (
                doc[j - 1].text == "-" and not doc[j - 1].whitespace_  # "Ottawa-based"
                or j + 1 < len(doc) and doc[j + 1].text == "-" and not token.whitespace_  # "start-up"
            ):
                fields.append(Field(doc[field_start:j]))
                return _Description(_kept(fields), token)
            j += 1
        if closing:
            return _Description([], None)
        fields.append(Field(doc[field_start:j]))
        return _Description(_kept(fields), None)

    def _representing_lead(self, doc: Doc, i: int) -> int:
        """How many tokens at i say that the words after them are whom the person speaks for ("representing",
        "speaking on behalf of"): no predicate, but the description's opening."""
        for lead in self.cues.representing_leads:
            words = lead.split()
            if [t.lower_ for t in doc[i : i + len(words)]] == words:
                return len(words)
        return 0

    def _next_person_starts(self, doc: Doc, j: int, *, field_start: bool = False, tagged_only: bool = False) -> bool:
        """Whether another person's introduction starts at token j ("..., and NAME, ..." or "..., NAME, ...").

        `tagged_only`: the field goes on after "and" as a title's portfolio may ("Professor of Biochemistry and
        Molecular Biology, X University"), so only a name the NER or an honorific marks starts someone else."""
        token = doc[j]
        connected = token.lower_ in ("and", "with", "while", "whereas")
        if connected and j + 1 < len(doc):
            if token.lower_ == "with" and _tagged_organisation(doc, j + 1):
                return False  # "deputy manager with Suez Environnement, ...": an employer
            j, field_start = j + 1, True
            token = doc[j]
        while j + 1 < len(doc) and self.cues.is_honorific(doc[j]):
            j, field_start = j + 1, True
        if not field_start:
            return False  # a name starts a new item, or follows an honorific; "Global Justice Now" mid-field does not
        token = doc[j]
        titled = j > 0 and self.cues.is_honorific(doc[j - 1])
        if token.ent_type_ == "PERSON" and (token.ent_iob_ == "B" or titled):
            end = j + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            person = doc[j:end]
            if token.is_upper and not (titled or any(t.is_title for t in person)):
                return False  # an acronym the NER took for a name; "TAN Li" and "Dr TAN" are names
            return (len(person) > 1 or j > 0 and self.cues.is_honorific(doc[j - 1])) and not (
                self.cues.looks_like_title(person.text) or self.words.is_institution(person.text)
            )
        end = name_end(doc, j, self.cues.name_particles)
        if not connected and self._last_field_tagged_organisation(doc, j, end):
            return False  # "NAME, Examplia Lighting, said": a company the NER saw, not the next person
        return not tagged_only and end < len(doc) and doc[end].text in (",", "(") and self.fields.is_name(doc[j:end])

    def _last_field_tagged_organisation(self, doc: Doc, start: int, end: int) -> bool:
        """Whether tokens start:end are an organisation the NER tagged whole, closing the description before its verb."""
        tagged = doc_entities(doc).starting_at(start)
        return (tagged is not None and tagged.label_ == "ORG" and tagged.end == end and end + 1 < len(doc)
                and doc[end].text == "," and self.predicate_at(doc, end + 1) is not None)

    def _titled_item_starts(self, doc: Doc, j: int) -> bool:
        """Whether "and" at token j opens the next item of a list of titles in apposition: "..., and Y's Cabinet
        Secretary for Education, NAME"."""
        comma = next((t.i for t in doc[j + 1 : j + _LONGEST_TITLE] if t.text in (",", ".", ";") or t.is_sent_start), None)
        if comma is None or doc[comma].text != "," or comma + 1 >= len(doc):
            return False
        title = doc[j + 1 : comma]
        return any(t.lower_ in self.cues.title_words for t in title) and self._next_person_starts(doc, comma + 1, field_start=True)

    def _list_goes_on(self, doc: Doc, i: int) -> bool:
        """Whether "and" at token i opens another item of a list of people, plain or titled."""
        if self._next_person_starts(doc, i):
            return True
        return any(self._titled_name_starts(doc, i + 1, k) for k in range(i + 2, min(i + 16, len(doc))))

    def _owned_name_starts(self, doc: Doc, j: int) -> bool:
        """A possessive at token j and a name after it, titled or not: "X Institute’s (Director) Ana Lima"."""
        if doc[j].text not in POSSESSIVE_ENDINGS or j + 1 >= len(doc):
            return False
        title_end = j + 1
        while title_end < len(doc) and title_end - j < 8 and doc[title_end].is_title and doc[title_end].ent_type_ != "PERSON":
            title_end += 1
        return self._next_person_starts(doc, j + 1, field_start=True) or self._owned_name(doc, j) is not None or (
            title_end < len(doc) and self._titled_name_starts(doc, j + 1, title_end)
        )

    def _titled_name_starts(self, doc: Doc, field_start: int, j: int) -> bool:
        """A name at token j preceded, within the field, by a title: "Ghana Minister of Trade Kofi Mensah"."""
        if doc[j].ent_iob_ != "B" or doc[j].ent_type_ != "PERSON" or not self.cues.has_cue_word(doc[field_start:j]):
            return False
        end = j + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        while j < end - 1 and self.cues.is_honorific(doc[j]):
            j += 1
        name = doc[j:end]
        return len(name) > 1 and not (
            self.cues.has_cue_word(name) or self.words.is_institution(name.text) or self.cues.looks_like_title(name.text)
        )

    def _in_attendance(self, person: Span) -> bool:
        """A name in a paragraph that lists who was there: "In attendance were ...", "Participants included ..."."""
        before = line_before(person).lower()
        return any(phrase in before for phrase in self.cues.attendance_phrases)

    def _met(self, prefix: Span) -> bool:
        """A titled counterpart: "X met (with) Canada’s Minister Y", "I signed an agreement with Peru’s President Y",
        a caption "X with Minister Y"."""
        doc = prefix.doc
        before = doc[prefix.start - 1] if prefix.start > 0 else None
        if before is None:
            return False
        if before.lemma_ in self.cues.counterpart_verbs:
            return True
        return before.lower_ == "with" and (
            any(t.lemma_ in self.cues.counterpart_verbs for t in doc[before.sent.start : before.i])
            or before.i > 0 and doc[before.i - 1].ent_type_ == "PERSON"
        )

    def _on_behalf_of(self, person: Span) -> bool:
        """Someone spoken for ("on behalf of NAME", "on behalf of the Vice Chancellor of X, Prof. NAME") is not the one
        speaking: only a description, no verb and no other person, between "behalf of" and the name. A sentence that
        opens so and goes on with the name's verb has them speak for someone else ("On behalf of the Dean, Dr. NAME
        welcomed participants")."""
        doc = person.doc
        start = max(person.sent.start, person.start - 16)
        for i in range(person.start - 1, start, -1):
            token = doc[i]
            if token.pos_ in ("VERB", "AUX") or token.ent_type_ == "PERSON" and not self.cues.is_honorific(token):
                return False
            if token.lower_ == "of" and doc[i - 1].lower_ == "behalf":
                opens = i > 1 and doc[i - 2].is_sent_start
                return not (opens and self.predicate_at(doc, person.end) is not None)
        return False

    def predicate_at(self, doc: Doc, i: int) -> Token | None:
        """A verb starting at token i (skipping adverbs: "then", "also") that reports what the person did."""
        while i < len(doc) and doc[i].pos_ in ("ADV", "PART") and doc[i].is_lower:
            i += 1
        if i < len(doc) and doc[i].is_lower and doc[i].pos_ in ("VERB", "AUX") and not doc[i].ent_type_:
            return doc[i]
        return None

    def _predicate_verb(self, token: Token) -> bool:
        """A verb, or a copula that gives a role ("NAME, first president of X is the chief guest"): the predicate
        that ends a description. Other copulas may sit inside one ("a company that is ...")."""
        return token.pos_ == "VERB" or token.lemma_ == "be" and self._role_named(token) is not None

    def _role_named(self, copula: Token) -> str | None:
        """The role a copula gives its subject: "was the chief guest", "are some of the speakers", "is among the
        panellists"."""
        named = [c for c in copula.children if c.dep_ == "attr"]
        preps = [c for word in (*named, copula) for c in word.children if c.lower_ in ("of", "among")]
        named += [o for prep in preps for o in prep.children if o.dep_ == "pobj"]
        for noun in named:
            words = [t.lower_ for t in noun.subtree if t.i <= noun.i and t.dep_ not in ("det", "predet", "poss")]
            if role := self.cues.role_by_noun.get(" ".join(words)) or self.cues.role_by_noun.get(noun.lower_):
                return role
        return None

    def role_of_verb(self, verb: Token) -> str | None:
        """The role a verb gives its subject: "chaired", "presented", "served as rapporteur", "put it", and the verb an
        auxiliary leads to ("did not hesitate to challenge")."""
        doc = verb.doc
        if verb.pos_ == "AUX" and verb.tag_ != "MD" and verb.head.pos_ == "VERB" and verb.head.i > verb.i:  # not "would"
            main = verb.head
            return self.role_of_verb(main) or next(
                (role for child in main.children if child.dep_ == "xcomp" and (role := self.role_of_verb(child))), None
            )
        if verb.i + 1 < len(doc) and (role := self.cues.role_by_verb.get(f"{verb.lemma_.lower()} {doc[verb.i + 1].lower_}")):
            return role
        if verb.i + 2 < len(doc) and doc[verb.i + 1].lower_ == "as":
            following = doc[verb.i + 2 : verb.i + 4]
            role = self.cues.role_by_noun.get(following[:1].text.lower()) or self.cues.role_by_noun.get(following.text.lower())
            if role:
                return role
        lemma = verb.lemma_.lower()
        if lemma == "be" and (role := self._role_named(verb)):
            return role
        if lemma == "be" and verb.i + 1 < len(verb.doc):
            lemma = verb.doc[verb.i + 1].lemma_.lower()
        role = self.cues.role_by_verb.get(lemma) or self.cues.role_by_verb.get(verb.lower_)
        conjoined = (  # "arrived and organised", "is pleased with the step, saying:"
            child for child in verb.children
            if child.dep_ == "conj" and child.pos_ == "VERB" or child.dep_ == "advcl" and child.tag_ == "VBG"
        )
        return role or next((role for child in conjoined if (role := self.role_of_verb(child))), None)

    def role_before(self, person: Span) -> str | None:
        """A role named just before the name: "Chair NAME", "Moderator: NAME", "moderated by NAME"."""
        if role := self._role_phrase_before(person):
            return role
        start = person.start
        while start > 0 and self.cues.is_honorific(person.doc[start - 1]):
            start -= 1
        if start >= 2 and person.doc[start - 1].lower_ == "by" and person.doc[start - 2].tag_ == "VBN":
            return self.cues.role_by_verb.get(person.doc[start - 2].lemma_.lower())  # "as explained by NAME"
        words = _without_copula(self._line_before(person).split())  # "The first speaker (of the evening) was NAME"
        for size in (3, 2, 1):
            if len(words) >= size and (role := self.cues.role_by_noun.get(" ".join(words[-size:]))):
                return role
        return self._listed_role(person.doc, start)

    def _line_before(self, person: Span) -> str:
        """The line before the name, lower-cased, without an honorific at its end: what a role phrase ends."""
        before = line_before(person).lower()
        before = re.sub(r"\b(?:mr|ms|mrs|dr|prof|h\.e|hon)\.?\s*$", "", before.strip()).strip(" :–—-,")
        return _PASSIVE_BY.sub(" by", before)  # "welcome remarks were delivered by" is "welcome remarks by"

    def _role_phrase_before(self, person: Span) -> str | None:
        """A role phrase of the cue file ending right before the name: "moderated by NAME", "a delegation led by NAME"."""
        before = self._line_before(person)
        for phrase, role in self.cues.role_by_phrase.items():
            if before.endswith(phrase):
                return role
        return self.cues.role_by_phrase["delegation led by"] if self.led_by.search(before) else None

    def _listed_role(self, doc: Doc, start: int) -> str | None:
        """An item of a list after a colon or "include" whose lead names the people's part: "three speakers gave
        talks: A on X, B on Y, and C on Z", "a panel bringing together museum directors: A, B and C", "Panelists
        will include A of X, B and C"."""
        sentence = doc[start].sent
        lead = next((t.i for t in reversed(doc[sentence.start : start]) if t.text == ":" or t.lemma_ == "include"), None)
        if lead is None or start == 0 or doc[start - 1].text not in (":", ",", ";", "and") and start - 1 != lead:
            return None
        return next(
            (self.cues.role_by_noun[t.lower_] for t in doc[sentence.start : lead] if t.pos_ == "NOUN" and t.lower_ in self.cues.role_by_noun),
            None,
        )

    def described_by(self, person: Span) -> tuple[str | None, Span | None]:
        """A programme line's "Remarks by UNCITRAL Secretary, Ms NAME": the role, and the description between.

        The words between "by" and the name must be a description: short, on the same line, with
        no verb and no other person in them.
        """
        doc = person.doc
        end = person.start
        while end > 0 and self.cues.is_honorific(doc[end - 1]):
            end -= 1
        by = next((t.i for t in reversed(doc[max(0, end - 16) : end]) if t.lower_ == "by"), None)
        if by is None:
            return None, None
        between = doc[by + 1 : end]
        if any(
            t.ent_type_ == "PERSON" or "\n" in t.text
            or not (t.text[:1].isupper() or t.lower_ in _TITLE_CONNECTORS or t.text in (",", "’s", "'s", "-", "&"))
            for t in between
        ) or any(t.lower_ == "and" and t.nbor().pos_ == "DET" for t in between[:-1]):
            return None, None  # "... and the Country Director NAME": the words before "and" describe someone else
        lead = " ".join(t.lower_ for t in doc[max(0, by - 3) : by + 1])
        role = next((role for phrase, role in self.cues.role_by_phrase.items() if lead.endswith(phrase)), None)
        if role is None and by > 0 and doc[by - 1].tag_ == "VBN":
            role = self.cues.role_by_verb.get(doc[by - 1].lemma_.lower())  # "signed by Chile’s Minister of Finance NAME"
        if role is None:
            return None, None
        while between and between[-1].text in (",", ":", "-", "–"):
            between = between[:-1]
        return role, (between if between else None)

    def title_before(self, person: Span) -> Span | None:
        """Words ending in a title right before the name: "UNFPA’s Director", "Canada’s Minister for Trade"."""
        doc = person.doc
        end = person.start
        while end > 0 and self.cues.is_honorific(doc[end - 1]):
            if doc[end - 1].lower_ in self.cues.title_words and end > 1 and doc[end - 2].is_title:
                break
            end -= 1
        start = end
        while start > 0 and end - start < 16:
            previous = doc[start - 1]
            if previous.is_space:  # a line break of hard-wrapped text
                if previous.text.count("\n") == 1 and start > 1 and self._title_wraps(doc[start - 2], doc[start]):  # not a blank line
                    start -= 1
                    continue
                break
            if previous.ent_type_ == "PERSON" and previous.lower_ not in self.cues.title_words or (
                    "\n" in previous.whitespace_ and not self._title_wraps(previous, doc[start])):
                break
            if (opening := _abbreviation_before(doc, start)) is not None:
                start = opening  # "Associate Professor (A/P) NAME": the title's abbreviation in brackets
                continue
            if not (
                previous.is_title or previous.is_upper or previous.text in ("’s", "'s", "-", "&")
                or previous.lower_ in _TITLE_CONNECTORS
            ):
                break
            start -= 1
        while start < end and (doc[start].lower_ in _TITLE_CONNECTORS or doc[start].pos_ == "DET" or doc[start].is_space):
            start += 1
        if end > start and doc[end - 1].lower_ in _TITLE_CONNECTORS:
            return None  # "Minister of Health and Mr NAME", "Professor of X and Y": the words before belong to another
        last = doc[end - 1] if end > start else None
        if last is None or not (
            last.text in ("’s", "'s") or any(t.lower_ in self.cues.title_words for t in doc[start:end])
            or last.lower_ in self.cues.role_by_noun or last.ent_type_ == "ORG"
            or self.words.is_institution(last.text)
        ):
            return None
        return doc[start:end]

    def fields_before(self, person: Span) -> list[Span]:
        """A description set before the name: "Senior Minister of State, Singapore’s Ministry of X, Dr NAME, met".

        Comma-separated capitalised parts back to the start of the sentence or an opening phrase
        ("On 28 July 2023,"); at least one must name a title or an institution. A part naming
        another person means a list, whose parts belong to that person.
        """
        doc = person.doc
        start = person.start
        while start > 0 and self.cues.is_honorific(doc[start - 1]):
            start -= 1
        if start < 2 or doc[start - 1].text != ",":
            return []
        sentence_start = doc[start - 1].sent.start
        parts: list[Span] = []
        end = start - 1
        while end > sentence_start:
            i = end - 1
            while i >= sentence_start and doc[i].text != "," and "\n" not in doc[i].whitespace_:
                i -= 1
            part = doc[i + 1 : end]
            while part and part[0].lower_ == "and":
                part = part[1:]
            if len(part) > 1 and part[0].lower_ == "the" and self.cues.looks_like_title(part[1:].text):
                part = part[1:]  # "the Resident Representative of X, NAME stated"
            if not part or any(t.ent_type_ == "PERSON" for t in part):
                return []
            if not part[0].text[:1].isupper() or part[0].pos_ in ("ADP", "DET", "PRON", "SCONJ", "ADV", "VERB", "AUX") or len(part) > 15:
                break
            parts.insert(0, part)
            if i < sentence_start or doc[i].text != ",":
                break
            end = i
        entities = doc_entities(doc)
        named = [
            self.cues.has_cue_word(part) or self.fields.institution_named(part.text) or any(e.label_ == "ORG" for e in entities.within(part))
            or bool(self.countries.lookup(part.text))
            for part in parts
        ]
        if not any(named):
            return []
        joined: list[Span] = []
        for part, is_named in zip(parts, named):
            if joined and not is_named:  # "Minister for Culture, Community and Youth": one title with commas
                joined[-1] = doc[joined[-1].start : part.end]
            else:
                joined.append(part)
        return joined

    def _title_wraps(self, before: Token, after: Token) -> bool:
        """A title hard-wrapped over two lines: "Canada’s Environment / and Climate Change Minister"."""
        return (
            after.lower_ in _TITLE_CONNECTORS or before.lower_ in _TITLE_CONNECTORS or before.text in ("’s", "'s")
            or before.lower_ in self.cues.title_words
        )

    def attributed_words(self, person: Span, *, opening: int | None = None) -> bool:
        """Whether the text reports the person's words: subject of a speech verb, or "according to" before the name
        or the title that opens it ("according to its Policy Manager Mr. NAME")."""
        root = person.root
        if root.dep_ in ("nsubj", "nsubjpass") and self.cues.role_by_verb.get(root.head.lemma_.lower()):
            return True
        doc = person.doc
        start = person.start if opening is None else opening
        while start > 0 and doc[start - 1].pos_ == "PRON" and doc[start - 1].tag_ == "PRP$":
            start -= 1  # "according to its ..."
        return start >= 2 and doc[start - 2].lower_ == "according" and doc[start - 1].lower_ == "to"


def _clause_starts(doc: Doc, membership_cues: frozenset[str], title_words: frozenset[str]) -> Iterator[int]:
    """Token positions where an introduction can start: sentences, list items, after "and"/"," ; the items of a
    list of members ("The delegation included NAME, TITLE; NAME, TITLE")."""
    for sentence in doc.sents:
        start = sentence.start
        while start < sentence.end and (doc[start].text in ("-", "*", "•", "–", "·") or list_marker(doc[start])):
            start += 1
        yield start
        if start + 1 < sentence.end and doc[start].lower_ == "as":
            yield start + 1  # "As NAME, TITLE, put it:"
        if start >= sentence.end:
            continue  # a sentence of bullets only
        titled = start + (doc[start].lower_ == "the")
        if doc[start].pos_ in ("ADP", "ADV", "SCONJ") or titled < sentence.end and doc[titled].lower_ in title_words:
            # after an opening phrase: "In discussions, NAME, ORG, said"; "The Governor of X, NAME, said"
            comma = next((t.i for t in doc[start : sentence.end] if t.text == ","), None)
            if comma is not None:
                yield comma + 1
    yield from (i + 1 for i in token_positions(doc, ("and", "while", "whereas", ";", *membership_cues)) if i < len(doc) - 1)


def _without_copula(words: list[str]) -> list[str]:
    """The words before a name without the copula that ends them, nor what the role is of: "the first speaker of the
    evening was" is "the first speaker"."""
    copula = next((c for c in _COPULAS if tuple(words[-len(c) :]) == c), None)
    if copula is None:
        return words
    words = words[: -len(copula)]
    of = next((len(words) - back for back in (2, 3, 4) if len(words) >= back and words[-back] == "of"), None)
    return words[:of] if of is not None else words


def _phrase_goes_on(doc: Doc, i: int) -> bool:
    """Whether "and" at token i goes on with a title's portfolio or a body's name: its part of the description (back
    to a comma or the sentence's start) has an "of"/"for"/"in"/"on" ("Director of Planning and", "Action for Free and")."""
    if doc[i].lower_ != "and":
        return False
    start = i
    while start > 0 and not doc[start].is_sent_start and doc[start - 1].text not in (",", ";", "(", ":"):
        start -= 1
    return any(t.lower_ in _PORTFOLIO_PREPOSITIONS for t in doc[start:i])


def _abbreviation_before(doc: Doc, end: int) -> int | None:
    """Where a bracketed abbreviation ending right before token `end` opens: "(A/P)", "(SMS)"."""
    if end < 3 or doc[end - 1].text != ")":
        return None
    opening = next((t.i for t in reversed(doc[max(0, end - 5) : end - 1]) if t.text == "("), None)
    inside = doc[opening + 1 : end - 1] if opening is not None else None
    if not inside or not all(t.is_upper or t.text in ("/", ".", "&") for t in inside):
        return None
    return opening


def _kept(fields: list[Field]) -> list[Field]:
    """Fields that say something: not empty, not a post-nominal set off by a comma ("Mr K Lim, SC met")."""
    return [f for f in fields if f.text and not (len(f.span) == 1 and post_nominal(f.span[0]))]


def _opens_line(token: Token) -> bool:
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is None or "\n" in before.text or "\n" in before.whitespace_


def _wrapped(doc: Doc, i: int) -> bool:
    """Whether the line break at or after token i only wraps a phrase ("a Singapore youth / leader, delivered")."""
    while i < len(doc) and not doc[i].is_space and "\n" not in doc[i].whitespace_:
        i += 1
    if i + 1 >= len(doc) or i == 0 or doc[i].text.count("\n") > 1:
        return False
    before = doc[i - 1] if doc[i].is_space else doc[i]
    after_index = i + 1
    after = doc[after_index]
    return not before.is_punct and (after.is_lower or before.lower_ in _TITLE_CONNECTORS)


def _tagged_organisation(doc: Doc, i: int) -> bool:
    """Whether an ORG entity starts at token i and a field ends with it."""
    entity = doc_entities(doc).starting_at(i)
    return entity is not None and entity.label_ == "ORG" and (entity.end == len(doc) or doc[entity.end].text in (",", ";", ")", "."))


def _field_separator(token: Token) -> bool:
    """Commas, semicolons and bars part a description; so does a spaced dash before a capital ("Campaigner - Global ...")."""
    if token.text in (",", ";", "|"):
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        token.text in ("-", "–", "—") and bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
        and following is not None and following.text[:1].isupper()
    )


def _quoted_title(span: Span) -> bool:
    """A name-like span opening a quotation ("titled ‘Mediation Advocacy: ...’"): the title of a work, not a person."""
    doc = span.doc
    return span.start > 1 and doc[span.start - 1].text in ("‘", "“", '"') and not doc[span.start - 2].text[:1].isupper()


def _opens_paragraph(lines: tuple[Line, ...], start: int) -> bool:
    """Whether a token opens a paragraph (a line after a blank line)."""
    line = line_of(lines, start)
    return line is not None and line.opens_block and start <= line.span.start + 1


def _ends_sentence(span: Span) -> bool:
    """Whether only the sentence's closing punctuation follows the span."""
    doc = span.doc
    following = span.end
    while following < len(doc) and doc[following].is_punct and not doc[following].is_sent_start:
        following += 1
    return following >= len(doc) or doc[following].is_sent_start or doc[following].is_space


def _ends_line(span: Span) -> bool:
    doc = span.doc
    return span.end >= len(doc) or "\n" in doc[span.end - 1].whitespace_ or "\n" in doc[span.end].text or (
        doc[span.end].is_punct and (span.end + 1 >= len(doc) or "\n" in doc[span.end].whitespace_)
    )


def _descriptor_before(person: Span) -> Span | None:
    """The name with the nouns just before it ("team member NAME", "journalist NAME"), up to four on its line: a
    role phrase may stand before them ("moderated by team member NAME")."""
    doc, start = person.doc, person.start
    while start > 0 and person.start - start < 4 and _descriptive(doc[start - 1]):
        start -= 1
    return doc[start : person.end] if start < person.start else None


def _descriptive(token: Token) -> bool:
    """A word that may describe the person named after it: a noun or adjective, no one's name, on the name's line."""
    return token.is_alpha and token.pos_ in ("NOUN", "PROPN", "ADJ") and token.ent_type_ != "PERSON" and (
        "\n" not in token.whitespace_)
