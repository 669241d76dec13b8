"""A corpus run: many documents through the extractor, in order, in parallel, and only once.

Users run thousands of summaries, then add ten more and re-run. So documents stream through in
batches (memory does not grow with the corpus; only the small extraction records are kept, for
the graph), extraction spreads over worker processes or a Dask cluster, each loading the spaCy
pipeline once, and every result is cached in the output folder under the hash of the file's
bytes and of everything that shapes an extraction (sidegraph's code and data, spaCy, the
model): an unchanged re-run reads the cache and only re-merges the graph.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.metadata
import json
import multiprocessing
import os
import shutil
import threading
import unicodedata
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import cache, partial
from itertools import islice
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import spacy

from .errors import Errors, InputError, SidegraphError, short_reason
from .export import atomic_write, write_extraction
from .extractor import Extractor, Processed
from .records import Extraction
from .resources import data_root
from .tagging import DEFAULT_MODEL

if TYPE_CHECKING:
    from distributed import Client

CACHE_FOLDER = ".cache"
_OUTPUTS_STAMP = "outputs.digest"
_FINGERPRINT_LENGTH = 16
_MAX_STEM = 100
_RESERVED_STEMS = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))})
"""Names Windows will not create a file under, whatever the extension."""


@dataclass(frozen=True, slots=True)
class Failure:
    path: Path
    reason: str


@dataclass(frozen=True, slots=True)
class RunReport:
    """What a corpus run produced: extractions in input order, failures with their reasons."""

    extractions: tuple[Extraction, ...]
    failures: tuple[Failure, ...]
    notes: tuple[str, ...]
    cached: int
    """How many extractions came from the cache rather than the NLP pipeline."""
    workers: int
    """Processes (Dask: worker threads) that extracted; 1: in this process; 0: nothing needed extracting."""
    digest: str | None = None
    """Names the inputs (by content), the pipeline version and the failures: equal digests give
    equal corpus outputs. None without the cache, which the digest needs."""


class StrictRunError(SidegraphError):
    """`strict` runs stop at the first document that fails."""


def run_corpus(
    paths: Sequence[Path],
    output: Path,
    *,
    model: str = DEFAULT_MODEL,
    workers: int | None = None,
    batch_size: int = 16,
    use_cache: bool = True,
    strict: bool = False,
    client: Client | None = None,
    extractor: Callable[[], Extractor] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RunReport:
    """Extract `paths` into OUTPUT/NAME.json (names unique and inside `output`), reusing cached results.

    `workers` (default: the number of CPUs) processes extract in parallel; a pool never has more
    workers than batches to fill, since each costs a model load. With a Dask `client` extraction
    runs on the cluster instead (its workers must see the same paths). `extractor` supplies the
    in-process extractor (a loaded one can be reused); it is called only if something needs
    extracting. `progress(done, total)` is called after each document. With `strict` the first
    failure raises `StrictRunError` (documents before it are written); otherwise failures are
    collected in the report and every other document is written.
    """
    names = output_names(paths)
    store = ExtractionCache(output / CACHE_FOLDER, pipeline_fingerprint(model)) if use_cache else None
    keys = {path: store.key(path) for path in paths} if store else {}
    known = {path: hit for path, key in keys.items() if key and (hit := store.get(key, path))}  # type: ignore[union-attr]
    pending = [path for path in paths if path not in known]
    extracted, used_workers = _extract(
        pending, model=model, workers=workers, batch_size=batch_size, client=client, extractor=extractor
    )
    extractions: list[Extraction] = []
    failures: list[Failure] = []
    notes: list[str] = []
    try:
        for done, path in enumerate(paths, start=1):
            processed = known.get(path) or next(extracted)
            notes.extend(processed.notes)
            if isinstance(processed.result, InputError):
                if strict:
                    raise StrictRunError(str(processed.result))
                failures.append(Failure(path, str(processed.result)))
            else:
                extraction = _placed(processed.result, names[path], path)
                data = extraction.to_dict()
                if store and keys[path] and path not in known:
                    store.put(keys[path], data, processed.notes)
                write_extraction(data, output / f"{names[path]}.json")
                extractions.append(extraction)
            if progress:
                progress(done, len(paths))
    finally:
        extracted.close()
    digest = _run_digest(paths, names, keys, failures, store) if store else None
    return RunReport(tuple(extractions), tuple(failures), tuple(notes), cached=len(known), workers=used_workers, digest=digest)


def outputs_current(output: Path, digest: str | None, files: Iterable[str]) -> bool:
    """Whether the corpus outputs in `output` were written from a run with this digest and are all there.

    Rebuilding the graph, its picture and report is what an unchanged re-run would otherwise
    spend its time on; equal digests mean equal extractions, so equal outputs."""
    stamp = output / CACHE_FOLDER / _OUTPUTS_STAMP
    try:
        written = stamp.read_text(encoding="utf-8")
    except OSError:
        return False
    return digest is not None and written == digest and all((output / name).is_file() for name in files)


def forget_outputs(output: Path) -> None:
    """Called before outputs are rewritten: an interrupted write must not pass for current."""
    (output / CACHE_FOLDER / _OUTPUTS_STAMP).unlink(missing_ok=True)


def stamp_outputs(output: Path, digest: str | None) -> None:
    if digest is not None:
        with atomic_write(output / CACHE_FOLDER / _OUTPUTS_STAMP) as stream:
            stream.write(digest)


def _run_digest(
    paths: Sequence[Path], names: dict[Path, str], keys: dict[Path, str | None], failures: list[Failure],
    store: ExtractionCache,
) -> str:
    """Failures count with their reasons: a file that fails again the same way changes nothing."""
    digest = hashlib.sha256(store.folder.name.encode())
    for path in paths:
        digest.update(f"\0{names[path]}\0{path}\0{keys[path]}".encode())
    for failure in failures:
        digest.update(f"\0{failure.reason}".encode())
    return digest.hexdigest()


def connect(address: str) -> Client:
    """A client of the Dask scheduler at `address`, or a catalogue error saying what is missing."""
    try:
        from distributed import Client
    except ImportError:
        raise SidegraphError(Errors.E015) from None
    try:
        return Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as error:
        raise SidegraphError(Errors.E014.format(address=address, reason=short_reason(error))) from None


class _Future(Protocol):
    """What `concurrent.futures` and `dask.distributed` futures share and the ordered merge needs."""

    def result(self) -> list[Processed]: ...

    def cancel(self) -> Any: ...


def _extract(
    pending: list[Path],
    *,
    model: str,
    workers: int | None,
    batch_size: int,
    client: Client | None,
    extractor: Callable[[], Extractor] | None,
) -> tuple[Generator[Processed, None, None], int]:
    """The outcomes of `pending`, in order, and how many processes produce them."""
    if not pending:
        return (processed for processed in ()), 0
    batches = [pending[i : i + batch_size] for i in range(0, len(pending), batch_size)]
    if client is not None:
        submit = partial(client.submit, _extract_batch, model=model, batch_size=batch_size, pure=False)
        size = max(sum(client.nthreads().values()), 1)
        return _in_order(batches, submit, window=2 * size), size
    size = min(workers or os.cpu_count() or 1, len(batches))
    if size <= 1:
        load = extractor or partial(Extractor, model=model, batch_size=batch_size)
        return load().process(pending), 1
    pool = ProcessPoolExecutor(size, mp_context=_pool_context())
    submit = partial(pool.submit, _extract_batch, model=model, batch_size=batch_size)
    return _in_order(batches, submit, window=2 * size, finish=partial(pool.shutdown, cancel_futures=True)), size


def _in_order(
    batches: list[list[Path]],
    submit: Callable[[list[Path]], _Future],
    *,
    window: int,
    finish: Callable[[], Any] | None = None,
) -> Generator[Processed, None, None]:
    """Results in input order, with at most `window` batches in flight: bounded memory, early stop.

    A batch whose worker died (killed for memory, a crash in native code) fails with the reason,
    document by document, and the run goes on."""
    remaining = iter(batches)
    queue: deque[tuple[list[Path], _Future | Exception]] = deque(
        (batch, _submitted(submit, batch)) for batch in islice(remaining, window))
    try:
        while queue:
            batch, future = queue.popleft()
            try:
                if isinstance(future, Exception):
                    raise future
                results = future.result()
            except Exception as error:  # noqa: BLE001 -- the worker's failure is its documents'
                results = [Processed(path, InputError(Errors.E013.format(path=path, reason=short_reason(error))))
                           for path in batch]
            if (following := next(remaining, None)) is not None:
                queue.append((following, _submitted(submit, following)))
            yield from results
    finally:
        for _, future in queue:
            if not isinstance(future, Exception):
                future.cancel()
        if finish:
            finish()


def _submitted(submit: Callable[[list[Path]], _Future], batch: list[Path]) -> _Future | Exception:
    """A pool broken by a dead worker refuses new work: that refusal is the batch's outcome."""
    try:
        return submit(batch)
    except Exception as error:  # noqa: BLE001 -- reported for the batch's documents
        return error


def _extract_batch(paths: list[Path], *, model: str, batch_size: int) -> list[Processed]:
    """Runs in a worker process (local pool or Dask worker)."""
    return list(_process_extractor(model, batch_size).process(paths))


_worker = threading.local()


def _process_extractor(model: str, batch_size: int) -> Extractor:
    """One model load per worker, however many batches it is given: per thread, since a Dask
    worker may run several and a spaCy pipeline is not meant to be shared between threads."""
    extractors: dict[tuple[str, int], Extractor] = _worker.__dict__.setdefault("extractors", {})
    if (model, batch_size) not in extractors:
        extractors[model, batch_size] = long_lived(Extractor(model=model, batch_size=batch_size))
    return extractors[model, batch_size]


def long_lived(extractor: Extractor) -> Extractor:
    """The extractor, with everything the process holds so far left out of Python's cyclic garbage collection
    (`gc.freeze`): the pipeline, its rules and the registry are a few hundred thousand objects that live as long
    as the process, and every full collection would read them all again (on 1,000 summaries: 1.2 s of a run's
    71 s of CPU). The young generations' garbage is collected first, so it is not kept for good: that is where the
    load leaves it (on the default model all 451 unreachable objects, found in 6 ms, where a full collection reads
    every object again for 0.13 s of each run and finds none more). For processes that sidegraph runs to extract
    (the command, pool workers): a library caller's objects are left alone."""
    gc.collect(1)
    gc.freeze()
    return extractor


def _pool_context() -> BaseContext:
    """Fork-server workers start from a process that has imported sidegraph (and spaCy) once,
    without inheriting the threads of the caller, which plain `fork` is unsafe with."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


class ExtractionCache:
    """Extraction results in OUTPUT/.cache/FINGERPRINT/, one JSON file per content hash.

    The key is the hash of the file's bytes, so a renamed or moved file is still a hit and a PDF
    is not even parsed again; the folder is named by `pipeline_fingerprint`, so a new model, new
    rules or new code start an empty folder. Folders of other fingerprints can never be hit
    again and are removed.
    """

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder / fingerprint
        if folder.is_dir():
            for stale in folder.iterdir():
                if stale.is_dir() and stale.name != fingerprint and _is_fingerprint(stale.name):
                    shutil.rmtree(stale, ignore_errors=True)

    def key(self, path: Path) -> str | None:
        try:
            with path.open("rb") as stream:
                return hashlib.file_digest(stream, "sha256").hexdigest()
        except OSError:
            return None

    def get(self, key: str, path: Path) -> Processed | None:
        """The cached outcome, as if `path` had been extracted; None if absent or unreadable."""
        try:
            data = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            extraction = Extraction.from_dict(data["extraction"])
            notes = tuple(str(note) for note in data["notes"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        source = extraction.document.source
        return Processed(path, _placed(extraction, extraction.document.id, path), tuple(n.replace(source, str(path), 1) for n in notes))

    def put(self, key: str, extraction: dict[str, Any], notes: Sequence[str]) -> None:
        """`extraction` as `Extraction.to_dict()` gives it: the run writes the same dict to its own file."""
        with atomic_write(self.folder / f"{key}.json") as stream:
            stream.write(json.dumps({"extraction": extraction, "notes": list(notes)}, ensure_ascii=False))


def _is_fingerprint(name: str) -> bool:
    return len(name) == _FINGERPRINT_LENGTH and all(c in "0123456789abcdef" for c in name)


@cache
def pipeline_fingerprint(model: str) -> str:
    """A digest of everything that shapes an extraction: sidegraph's code and data, spaCy, the model."""
    digest = hashlib.sha256()
    for part in (importlib.metadata.version("sidegraph"), spacy.about.__version__, _model_identity(model)):
        digest.update(part.encode() + b"\0")
    for name, content in _sources():
        digest.update(name.encode() + b"\0" + content)
    return digest.hexdigest()[:_FINGERPRINT_LENGTH]


def _model_identity(model: str) -> str:
    """An installed package by name and version; a model folder by its files' sizes and times."""
    if spacy.util.is_package(model):
        return f"{model}=={spacy.util.get_package_version(model)}"
    folder = Path(model)
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    return "|".join([str(folder.resolve()), *(f"{p.relative_to(folder)}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in files)])


def _sources() -> Iterator[tuple[str, bytes]]:
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):  # sub-packages too (pipeline/speakers/)
        yield f"pipeline/{path.relative_to(package).as_posix()}", path.read_bytes()
    for entry in sorted(data_root().iterdir(), key=lambda e: e.name):
        if entry.is_file():
            yield f"models/{entry.name}", entry.read_bytes()


def output_names(paths: Iterable[Path]) -> dict[Path, str]:
    """A file stem per input that stays inside the output folder and is unique in the run.

    Stems keep letters, digits, `-`, `_` and `.` (never leading), so no name can climb out of
    the folder or hide. Two inputs with the same stem (a/x.txt, b/x.pdf) would overwrite each
    other's JSON and merge into one event: each then gets a suffix from a hash of its path,
    stable from run to run. Case is ignored when comparing, as on macOS and Windows disks.
    """
    stems = {path: _safe_stem(path) for path in paths}
    counts: dict[str, int] = {}
    for stem in stems.values():
        counts[stem.casefold()] = counts.get(stem.casefold(), 0) + 1
    return {
        path: stem if counts[stem.casefold()] == 1 else f"{stem}-{hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]}"
        for path, stem in stems.items()
    }


def _safe_stem(path: Path) -> str:
    stem = unicodedata.normalize("NFC", path.stem)
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in stem).lstrip(".")[:_MAX_STEM] or "document"
    return f"{safe}_" if safe.split(".")[0].lower() in _RESERVED_STEMS else safe


def _placed(extraction: Extraction, name: str, path: Path) -> Extraction:
    """The document id is the output name, so documents sharing a stem stay apart in the graph too;
    the source is where the file is now (a cached extraction may come from a file since moved)."""
    if (extraction.document.id, extraction.document.source) == (name, str(path)):
        return extraction
    return replace(extraction, document=replace(extraction.document, id=name, source=str(path)))
