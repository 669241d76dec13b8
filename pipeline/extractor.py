"""The extractor: ingest → tag → attribute speakers → resolve entities → relations, per document.

`Extractor` loads the spaCy pipeline once and streams documents through `nlp.pipe`, so a
corpus costs one model load however many files it has.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby, islice
from pathlib import Path

from spacy.tokens import Doc

from .countries import CountryIndex
from .discourse import read_discourse
from .entities import EntityResolver, Resolution, unit_and_its_body
from .errors import Errors, InputError, short_reason
from .event_metadata import describe_event
from .ingest import SourceDocument, document_from_text, load_document
from .organisations import OrganisationGazetteer, OrganisationWords
from .records import Entity, Extraction, Mention, Relation, Speaker
from .relations import DEFAULT_FINDER, RelationMatch, relation_finder
from .sections import batches, merge, parts
from .spans import span_text
from .speakers import SpeakerMatch
from .tagging import DEFAULT_MODEL, load_pipeline


@dataclass(frozen=True, slots=True)
class Processed:
    """One document's outcome in a corpus run: its extraction, or why it failed, and notes on how it was read."""

    path: Path
    result: Extraction | InputError
    notes: tuple[str, ...] = ()


class Extractor:
    """Extract speakers, entities and relations from side-event reports.

    >>> extractor = Extractor()                        # doctest: +SKIP
    >>> extractor.extract("corpus/side-event-sstc.txt").speakers[0].name   # doctest: +SKIP
    'Valérie Schmitt'
    """

    def __init__(self, *, model: str = DEFAULT_MODEL, batch_size: int = 16, relations: str = DEFAULT_FINDER) -> None:
        """`relations` names the relation finder (`relations.FINDERS`): "cues", or the "cooccurrence" baseline."""
        self.model = model
        self.batch_size = batch_size
        self.find_relations = relation_finder(relations)
        self.nlp = load_pipeline(model)
        self.resolver = EntityResolver(CountryIndex.default(), OrganisationGazetteer.default(), OrganisationWords.default())

    def extract(self, source: str | Path | SourceDocument) -> Extraction:
        document = source if isinstance(source, SourceDocument) else load_document(source)
        outcome = next(self._extractions([document]))
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def extract_text(self, text: str, *, doc_id: str = "text") -> Extraction:
        return self.extract(document_from_text(text, doc_id=doc_id))

    def extract_many(self, paths: Iterable[str | Path]) -> Iterator[tuple[Path, Extraction | InputError]]:
        """Yield (path, extraction) in order; a file that cannot be processed yields its `InputError` instead."""
        for processed in self.process(paths):
            yield processed.path, processed.result

    def process(self, paths: Iterable[str | Path]) -> Iterator[Processed]:
        """Yield each document's outcome in input order, reading `batch_size` files at a time.

        A document that breaks the NLP stages is reported as failed like an unreadable file: one
        bad text must not cost the rest of the run.
        """
        remaining = iter(map(Path, paths))
        while batch := list(islice(remaining, self.batch_size)):
            yield from self._process_batch(batch)

    def _process_batch(self, paths: list[Path]) -> Iterator[Processed]:
        loaded: list[tuple[Path, SourceDocument | InputError]] = []
        for path in paths:
            try:
                loaded.append((path, load_document(path)))
            except InputError as error:
                loaded.append((path, error))
        outcomes = self._extractions([item for _, item in loaded if isinstance(item, SourceDocument)])
        for path, item in loaded:
            if isinstance(item, InputError):
                yield Processed(path, item)
                continue
            outcome = next(outcomes)
            if isinstance(outcome, Exception):
                outcome = InputError(Errors.E013.format(path=path, reason=short_reason(outcome)))
            yield Processed(path, outcome, item.notes)

    def _extractions(self, documents: list[SourceDocument]) -> Iterator[Extraction | Exception]:
        """Each document's extraction, or the exception that stopped it, in order.

        Documents are tagged in sections (one, the whole text, unless a document is long) with
        `nlp.pipe`, a batch of sections at a time (`sections.batches`), so only one batch of `Doc`s
        is alive however long the documents; a long document's sections merge into one extraction.
        """
        outcomes = (
            (part, self._guarded_extraction(part.document, doc))
            for batch in batches(parts(documents), size=self.batch_size)
            for part, doc in zip(batch, self._tag([part.document.text for part in batch]))
        )
        for index, group in groupby(outcomes, key=lambda done: done[0].index):
            done = [(part.section, outcome) for part, outcome in group]
            failure = next((outcome for _, outcome in done if isinstance(outcome, Exception)), None)
            yield failure or merge(documents[index], done)  # type: ignore[arg-type]

    def _tag(self, texts: list[str]) -> list[Doc | Exception]:
        try:
            return list(self.nlp.pipe(texts, batch_size=len(texts)))
        except Exception:  # noqa: BLE001 -- find the culprit: tag the batch again one text at a time
            return [self._tag_alone(text) for text in texts]

    def _guarded_extraction(self, document: SourceDocument, doc: Doc | Exception) -> Extraction | Exception:
        """The extraction, after which the `Doc`'s extension values are dropped: its speakers' spans refer
        back to it, a cycle the garbage collector would free only much later, keeping every tagged `Doc`."""
        if isinstance(doc, Exception):
            return doc
        try:
            return self._extraction(document, doc)
        except Exception as error:  # noqa: BLE001 -- reported for its document, with the reason
            return error
        finally:
            doc.user_data.clear()

    def _tag_alone(self, text: str) -> Doc | Exception:
        try:
            return self.nlp(text)
        except Exception as error:  # noqa: BLE001 -- handed back, reported for its document only
            return error

    def _extraction(self, document: SourceDocument, doc: Doc) -> Extraction:
        speakers: list[SpeakerMatch] = doc._.speakers
        resolution = self.resolver.resolve(doc, speakers)
        relations = [
            match for match in self.find_relations(doc, read_discourse(doc, speakers, resolution))
            if not unit_and_its_body(resolution.entities, match.source, match.target)
        ]
        return Extraction(
            document=describe_event(document, doc, resolution),
            speakers=tuple(
                _speaker(document, s, ids, country)
                for s, ids, country in zip(speakers, resolution.speaker_ids, resolution.speaker_countries)
            ),
            entities=tuple(_entities(document, resolution)),
            relations=tuple(_relations(document, relations)),
        )


def _speaker(document: SourceDocument, match: SpeakerMatch, ids: tuple[str, str | None], country: str | None) -> Speaker:
    start, end, page = document.locate(match.name.start_char, match.name.end_char)
    return Speaker(
        name=match.name.text,
        honorific=match.honorific,
        role=match.role,
        title=match.title,
        organisation=match.organisation_text,
        organisation_id=ids[1],
        unit=match.unit,
        country=country,
        quotes=tuple(dict.fromkeys(q.text.strip() for q in match.quotes)),
        start=start,
        end=end,
        page=page,
    )


def _entities(document: SourceDocument, resolution: Resolution) -> Iterator[Entity]:
    for entity in sorted(resolution.entities.values(), key=lambda e: e.id):
        mentions = tuple(
            Mention(text, *document.locate(start, end)) for text, start, end in sorted(entity.mentions, key=lambda m: m[1])
        )
        yield Entity(
            id=entity.id,
            type=entity.type,  # type: ignore[arg-type]
            name=entity.name,
            aliases=tuple(sorted(entity.aliases - {entity.name})),
            iso3=entity.iso3,
            country=entity.country,
            mentions=mentions,
            parent=entity.parent,
        )


def _relations(document: SourceDocument, matches: list[RelationMatch]) -> Iterator[Relation]:
    seen: set[tuple[str, str, str, int]] = set()
    for match in matches:
        key = (match.source, match.target, match.type, match.sentence.start)
        if key in seen:
            continue
        seen.add(key)
        start, end, page = document.locate(match.sentence.start_char, match.sentence.end_char)
        yield Relation(
            source=match.source,
            target=match.target,
            type=match.type,
            evidence=span_text(match.sentence).strip(),
            start=start,
            end=end,
            page=page,
            confidence=match.confidence,
        )
