"""Throughput, memory, re-run cost and scaling of a corpus run, on a synthetic corpus.

    python benchmarks/run_benchmark.py                       # N = 100 and 1000
    python benchmarks/run_benchmark.py --sizes 100 --profile # and where the time goes
    python benchmarks/run_benchmark.py --pdf                 # PDF reading, before and now; a run on PDFs

Each measurement runs in a fresh process, so peak memory (RSS) is that run's alone. For every N:
`sidegraph run` in one process (documents/s, words/s, excluding interpreter start and model
load), the same texts through bare `nlp.pipe` of the same spaCy model (the floor sidegraph sits
on) and the ratio of the two, in wall time and in CPU time (which a machine shared with other
jobs disturbs less), each of the two run `--repeats` times, alternating, the fastest counting
(a busy machine only ever adds time; every attempt's ratio is kept in the JSON); an unchanged re-run against the first run, as it is (the corpus outputs
are current and kept) and with the corpus outputs rebuilt; and 1 to `--workers` processes, end
to end (model loads included, since each worker pays one). Results go to a JSON file (default
outputs/benchmark.json, git-ignored) and a table on stdout.

Runs use a copy of pipeline/ and models/ taken at the start, so edits made meanwhile do not mix
versions. The corpus is generated from templates with random people, institutions and
countries: it measures speed, not quality, and is written afresh for every N.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PDF_FOLDERS = [REPO / "corpus", REPO.parent / "shared" / "corpus" / "docs"]
"""The PDFs whose reading is timed: the sample PDF and the real reports of the shared corpus."""

# ------------------------------------------------------------------------------------------- corpus
GIVEN = ["Amina", "Carlos", "Mei", "Olga", "Kwame", "Priya", "Jonas", "Fatima", "Luis", "Hana", "Tariq", "Ingrid",
         "Samuel", "Aiko", "Nadia", "Pedro", "Leila", "Mateo", "Zanele", "Viktor", "Rosa", "Arjun", "Elif", "Tomasz"]
FAMILY = ["Mensah", "Okafor", "Silva", "Novak", "Haddad", "Tanaka", "Kowalski", "Rahman", "Fischer", "Moreno",
          "Nguyen", "Petrov", "Dlamini", "Costa", "Yilmaz", "Lindqvist", "Banda", "Kaur", "Alvarez", "Sato", "Osei"]
HONORIFICS = ["Ms", "Mr", "Dr", "Prof.", "H.E."]
TITLES = ["Director", "Minister", "Senior Adviser", "Head of Programmes", "Deputy Director-General",
          "Permanent Secretary", "Chief Economist", "Programme Officer", "Ambassador", "Executive Director"]
INTERNATIONAL = ["UNDP", "World Health Organization", "FAO", "World Bank", "UNICEF", "International Labour Organization",
                 "UNEP", "OECD", "African Union", "Asian Development Bank", "UNESCO", "World Food Programme"]
MINISTRIES = ["Ministry of Health", "Ministry of Finance", "Ministry of Agriculture", "Ministry of Environment",
              "Ministry of Foreign Affairs", "Ministry of Labour", "National Planning Commission"]
CSO = ["Oxfam", "Save the Children", "Red Cross", "Greenpeace", "Transparency International"]
TOPICS = ["climate adaptation", "food security", "digital public infrastructure", "social protection",
          "ocean governance", "South-South cooperation", "universal health coverage", "disaster risk reduction",
          "renewable energy", "migration and labour mobility", "gender equality", "water and sanitation"]
ROLES_CHAIR = ["chaired the session", "moderated the discussion", "opened the event"]
SAID = ["said", "noted", "stressed", "highlighted", "underlined", "emphasised"]
POINTS = ["financing gaps remain the main obstacle to {topic}",
          "data sharing between agencies is essential for {topic}",
          "local communities must be involved from the start",
          "partnerships with the private sector can scale up {topic}",
          "regional coordination has improved over the past five years",
          "capacity building should focus on national statistical offices",
          "lessons from pilot projects deserve wider dissemination"]
RELATIONS = ["{a} and {b} signed a memorandum of understanding on {topic}.",
             "{a} is cooperating with {b} on {topic}.",
             "{a} supports {b} through technical assistance.",
             "{a} and {b} jointly implement a programme on {topic}.",
             "{a} has partnered with {b} to exchange experience on {topic}."]
FILLER = ["Participants discussed the outcomes of recent negotiations and next steps.",
          "The event was organised on the margins of the annual forum.",
          "Several speakers called for more predictable funding and better monitoring.",
          "A question-and-answer session followed the presentations.",
          "Delegates welcomed the progress report and asked for more detail on implementation."]


def countries() -> list[str]:
    """ISO 3166 short names that read as plain names (no "Korea, Republic of", no "Bolivia (...)")."""
    import pycountry

    return sorted(c.name for c in pycountry.countries if not set(c.name) & set(",()"))


def summary(rng: random.Random, number: int, places: list[str]) -> str:
    """One side-event summary: a title, a chair, 2-9 speakers with affiliations, quotes and relations."""
    topic = rng.choice(TOPICS)
    host = rng.choice(places)
    lines = [f"Side event {number}: {topic.capitalize()} in {host}", ""]

    def person() -> tuple[str, str]:
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        kind = rng.random()
        if kind < 0.4:
            where = f"{rng.choice(MINISTRIES)}, {rng.choice(places)}"
        elif kind < 0.8:
            where = rng.choice(INTERNATIONAL)
        else:
            where = rng.choice(CSO)
        return f"{rng.choice(HONORIFICS)} {name}, {rng.choice(TITLES)}, {where}", name

    intro, _ = person()
    lines.append(f"{intro}, {rng.choice(ROLES_CHAIR)}. {rng.choice(FILLER)}")
    for _ in range(rng.randint(2, 9)):
        intro, name = person()
        points = " ".join(f"{p.format(topic=topic).capitalize()}." for p in rng.sample(POINTS, rng.randint(1, 3)))
        lines += ["", f"{intro}, {rng.choice(SAID)} that {rng.choice(POINTS).format(topic=topic)}. {points}",
                  f"\"{rng.choice(POINTS).format(topic=topic).capitalize()},\" {name.split()[-1]} said."]
        if rng.random() < 0.6:
            actors = rng.sample(INTERNATIONAL + places[:40], 2)
            lines.append(rng.choice(RELATIONS).format(a=actors[0], b=actors[1], topic=topic))
    lines += ["", " ".join(rng.sample(FILLER, 2))]
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, size: int, seed: int = 8) -> int:
    """Write `size` summaries; returns the number of words."""
    rng = random.Random(seed)
    places = countries()
    rng.shuffle(places)
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for number in range(size):
        text = summary(rng, number, places)
        words += len(text.split())
        (folder / f"summary-{number:05d}.txt").write_text(text, encoding="utf-8")
    return words


# ------------------------------------------------------------------------------------ measured runs
def cpu_seconds() -> float:
    """This process's CPU time: on a machine shared with other jobs it counts the work done, not the waiting."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child(kind: str, corpus: Path, output: Path, workers: int, profile: Path | None) -> dict[str, Any]:
    """One measurement, in its own process: `bare` nlp.pipe, or the `sidegraph run` command in-process.

    For `sidegraph` with one worker the model load is timed apart (and only happens if the command
    needs the model: an unchanged re-run does not), so the processing time compares with bare
    `nlp.pipe` on equal terms.
    """
    started = time.perf_counter()
    loads: list[tuple[float, float]] = []  # (wall, CPU) seconds of sidegraph's model load, if it needed one
    if kind == "bare":
        import spacy

        from pipeline.tagging import DEFAULT_MODEL

        nlp = spacy.load(DEFAULT_MODEL)
        loaded, loaded_cpu = time.perf_counter(), cpu_seconds()
        texts = (p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")))
        for _ in nlp.pipe(texts, batch_size=16):
            pass
    elif kind == "stages":
        return stage_times(corpus, output)
    else:
        import pipeline.cli
        from pipeline.extractor import Extractor

        def timed_load(**options: Any) -> Extractor:
            started_load, started_load_cpu = time.perf_counter(), cpu_seconds()
            extractor = Extractor(**options)
            loads.append((time.perf_counter() - started_load, cpu_seconds() - started_load_cpu))
            return extractor

        if workers == 1:  # loaded when the command needs it (an unchanged re-run does not), and timed apart
            pipeline.cli.Extractor = timed_load  # type: ignore[assignment,misc]
        write_outputs, outputs_seconds = pipeline.cli.write_outputs, [0.0]

        def timed_outputs(*args: Any, **options: Any) -> Any:
            started = time.perf_counter()
            try:
                return write_outputs(*args, **options)
            finally:
                outputs_seconds[0] += time.perf_counter() - started

        pipeline.cli.write_outputs = timed_outputs
        loaded, loaded_cpu = time.perf_counter(), cpu_seconds()
        profiler = cProfile.Profile() if profile else None
        if profiler:
            profiler.enable()
        pipeline.cli.main(["run", str(corpus), "-o", str(output), "-q", "-w", str(workers)], standalone_mode=False)
        if profiler:
            profiler.disable()
            profiler.dump_stats(profile)
    load, load_cpu = (sum(part) for part in zip(*loads)) if loads else (0.0, 0.0)
    return {"load": loaded - started + load, "process": time.perf_counter() - loaded - load,
            "process_cpu": cpu_seconds() - loaded_cpu - load_cpu,
            "outputs": outputs_seconds[0] if kind == "sidegraph" else 0.0,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "peak_rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def snapshot(work: Path) -> Path:
    """A copy of the package and its data, so that edits made while a long benchmark runs do not
    mix versions between its runs (they would also, rightly, invalidate the cache)."""
    root = work / "snapshot"
    shutil.copytree(REPO / "pipeline", root / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "models", root / "models")
    return root


def measure(kind: str, corpus: Path, output: Path, *, workers: int = 1, profile: Path | None = None) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", kind, "--corpus", str(corpus), "--output", str(output),
               "--workers", str(workers), *(["--profile-to", str(profile)] if profile else [])]
    code = corpus.parent / "snapshot"
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(code), os.environ.get("PYTHONPATH")]))}
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=environment)
    if done.returncode:
        raise SystemExit(f"{kind} run failed:\n{done.stderr[-3000:]}")
    return {**json.loads(done.stdout.splitlines()[-1]), "wall": time.perf_counter() - started}


def bench_size(size: int, work: Path, workers: int, profile: bool, repeats: int) -> dict[str, Any]:
    corpus, runs = work / f"corpus-{size}", work / f"runs-{size}"
    words = write_corpus(corpus, size)
    shutil.rmtree(runs, ignore_errors=True)
    bares, firsts = [], []
    for _ in range(repeats):  # alternating, so a slow spell of a shared machine falls on both
        bares.append(measure("bare", corpus, runs / "bare"))
        shutil.rmtree(runs / "w1", ignore_errors=True)
        firsts.append(measure("sidegraph", corpus, runs / "w1"))
    bare, first = (min(attempts, key=lambda run: run["process"]) for attempts in (bares, firsts))
    rerun = measure("sidegraph", corpus, runs / "w1")
    (runs / "w1" / ".cache" / "outputs.digest").unlink()
    regraph = measure("sidegraph", corpus, runs / "w1")
    scaling = {1: first["load"] + first["process"]}
    for count in range(2, workers + 1):
        run = measure("sidegraph", corpus, runs / f"w{count}", workers=count)
        scaling[count] = run["load"] + run["process"]
    result = {
        "documents": size,
        "words": words,
        "bare_nlp_pipe": {"seconds": bare["process"], "cpu_seconds": bare["process_cpu"],
                          "documents_per_s": size / bare["process"],
                          "words_per_s": words / bare["process"], "peak_rss_mb": bare["peak_rss_mb"]},
        "sidegraph_run": {"seconds": first["process"], "cpu_seconds": first["process_cpu"],
                          "model_load_seconds": first["load"],
                          "corpus_outputs_seconds": first["outputs"],
                          "wall_seconds": first["wall"], "documents_per_s": size / first["process"],
                          "words_per_s": words / first["process"], "peak_rss_mb": first["peak_rss_mb"]},
        "ratio_to_bare": bare["process"] / first["process"],
        "ratio_to_bare_per_attempt": [b["process"] / f["process"] for b, f in zip(bares, firsts)],
        "ratio_to_bare_cpu_time": bare["process_cpu"] / first["process_cpu"],
        "ratio_to_bare_without_corpus_outputs": bare["process"] / (first["process"] - first["outputs"]),
        "rerun": {"seconds": rerun["process"], "wall_seconds": rerun["wall"],
                  "relative_to_first": rerun["process"] / first["process"],
                  "wall_relative_to_first": rerun["wall"] / first["wall"],
                  "rebuilding_outputs_seconds": regraph["process"],
                  "rebuilding_outputs_relative_to_first": regraph["process"] / first["process"]},
        "scaling": {str(n): {"seconds": s, "speedup": scaling[1] / s} for n, s in scaling.items()},
    }
    if profile:
        stages = measure("stages", corpus, runs / "stages")["stages"]
        total = sum(stages.values())
        result["stages"] = {stage: {"seconds": t, "share": t / total} for stage, t in stages.items()}
        measure("sidegraph", corpus, runs / "profiled", profile=work / f"profile-{size}.pstats")
        result["profile"] = hotspots(work / f"profile-{size}.pstats")
    return result


def stage_times(corpus: Path, output: Path) -> dict[str, Any]:
    """Seconds per stage of a run, without a profiler's overhead: reading, each spaCy component,
    sidegraph's stages after tagging, and the corpus outputs."""
    from pipeline.extractor import Extractor
    from pipeline.ingest import load_document
    from pipeline.outputs import write_outputs

    extractor = Extractor()
    seconds: dict[str, float] = {}

    def timed(stage: str, started: float) -> None:
        seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - started

    started = time.perf_counter()
    documents = [load_document(p) for p in sorted(corpus.glob("*.txt"))]
    timed("read and reflow (ingest.py)", started)
    docs = [extractor.nlp.make_doc(d.text) for d in documents]
    for name, component in extractor.nlp.pipeline:
        started = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=16)) if hasattr(component, "pipe") else [component(d) for d in docs]
        timed(f"spaCy component {name}", started)
    started = time.perf_counter()
    extractions = [extractor._extraction(d, doc) for d, doc in zip(documents, docs)]
    timed("entities, relations, records (extractor._extraction)", started)
    started = time.perf_counter()
    write_outputs(extractions, output)
    timed("corpus outputs (outputs.write_outputs)", started)
    return {"stages": seconds}


_WRAPPERS = ("runner.py", "extractor.py:6", "extractor.py:7", "cli.py", "core.py", "language.py", "util.py")


def hotspots(path: Path, top: int = 20) -> dict[str, Any]:
    """Share of the profiled run per package (own time) and per sidegraph function (cumulative).

    Functions that only pass work on (the runner, the command, the extractor's batching) are left out."""
    stats = pstats.Stats(str(path))
    total = max(stats.total_tt, 1e-9)  # type: ignore[attr-defined]
    packages: dict[str, float] = {}
    functions = []
    for (file, line, name), (_, _, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = Path(file)
        package = "pipeline" if where.parent.name == "pipeline" else next(
            (known for known in ("spacy", "thinc", "networkx", "matplotlib", "pdfplumber", "pdfminer", "numpy", "json")
             if known in where.parts or where.name.startswith(known)), "python and C builtins")
        packages[package] = packages.get(package, 0.0) + own
        label = f"{where.name}:{line} {name}"
        if where.parent.name == "pipeline" and not label.startswith(_WRAPPERS):
            functions.append((cumulative, label))
    functions.sort(reverse=True)
    return {
        "total_seconds": total,
        "own_time_share_by_package": {m: round(t / total, 3) for m, t in sorted(packages.items(), key=lambda i: -i[1])},
        "cumulative_share_by_function": {f: round(t / total, 3) for t, f in functions[:top]},
    }


# -------------------------------------------------------------------------------------------- PDFs
def bench_pdf_readers(paths: list[Path], repeats: int) -> dict[str, Any]:
    """Today's PDF reader (pipeline/pdf.py, PDFium) against the reader it replaced (pdfplumber, now
    the fallback for files PDFium refuses: pipeline/pdf_fallback.py), on the same PDFs in this
    process, alternating, the fastest of `repeats` rounds counting. Both are timed from the file to
    the page texts; words are those of the new reader's text, so the ratio of words/s is the ratio
    of times."""
    from pipeline.pdf import PdfiumRefused
    from pipeline.pdf import read_pages as new_reader
    from pipeline.pdf_fallback import read_pages as fallback

    def old_reader(path: Path) -> tuple[list[str], list[str]]:
        return fallback(path, max_chars=None, refused=PdfiumRefused(str(path)))

    texts = [new_reader(path)[0] for path in paths]
    words = sum(len(text.split()) for pages in texts for text in pages)
    seconds: dict[str, list[float]] = {"pdfplumber": [], "pdfium": []}
    cpu: dict[str, list[float]] = {"pdfplumber": [], "pdfium": []}
    for _ in range(repeats):
        for name, reader in (("pdfplumber", old_reader), ("pdfium", new_reader)):
            started, started_cpu = time.perf_counter(), cpu_seconds()
            for path in paths:
                reader(path)
            seconds[name].append(time.perf_counter() - started)
            cpu[name].append(cpu_seconds() - started_cpu)
    old, new = min(seconds["pdfplumber"]), min(seconds["pdfium"])
    return {"files": [p.name for p in paths], "pages": sum(map(len, texts)), "words": words,
            "pdfplumber_words_per_s": words / old, "pdfium_words_per_s": words / new, "ratio": old / new,
            "ratio_cpu_time": min(cpu["pdfplumber"]) / min(cpu["pdfium"]),
            "seconds_per_round": seconds, "cpu_seconds_per_round": cpu}


def write_pdf_corpus(folder: Path, texts: Path, size: int) -> int:
    """`size` synthetic summaries typeset as PDFs (every other one in two columns, with a running
    header and page numbers), and beside them the text sidegraph reads from each, for bare nlp.pipe."""
    sys.path.insert(0, str(REPO / "tests"))
    from pdfs import Layout, write_pdf

    from pipeline.ingest import load_document

    rng = random.Random(8)
    places = countries()
    rng.shuffle(places)
    folder.mkdir(parents=True, exist_ok=True)
    texts.mkdir(parents=True, exist_ok=True)
    words = 0
    for number in range(size):
        title, *paragraphs = [line for line in summary(rng, number, places).split("\n") if line]
        layout = Layout(columns=1 + number % 2, title=title, header="Side events 2024 | {page}", footer="{page}")
        path = write_pdf(folder / f"summary-{number:05d}.pdf", paragraphs, layout)
        text = load_document(path).text
        words += len(text.split())
        (texts / f"summary-{number:05d}.txt").write_text(text, encoding="utf-8")
    return words


def bench_pdf_end_to_end(size: int, work: Path, repeats: int) -> dict[str, Any]:
    """`sidegraph run` on a corpus of PDFs against bare `nlp.pipe` on the text it reads from them."""
    pdfs, texts, runs = work / f"pdf-corpus-{size}", work / f"pdf-text-{size}", work / f"pdf-runs-{size}"
    words = write_pdf_corpus(pdfs, texts, size)
    bares, firsts = [], []
    for _ in range(repeats):
        bares.append(measure("bare", texts, runs / "bare"))
        shutil.rmtree(runs / "w1", ignore_errors=True)
        firsts.append(measure("sidegraph", pdfs, runs / "w1"))
    bare, first = (min(attempts, key=lambda run: run["process"]) for attempts in (bares, firsts))
    bare_cpu, first_cpu = (min(run["process_cpu"] for run in attempts) for attempts in (bares, firsts))
    return {"documents": size, "words": words,
            "bare_nlp_pipe_words_per_s": words / bare["process"],
            "sidegraph_run_words_per_s": words / first["process"],
            "ratio_to_bare": bare["process"] / first["process"],
            "ratio_to_bare_cpu_time": bare_cpu / first_cpu,
            "ratio_to_bare_per_attempt": [b["process"] / f["process"] for b, f in zip(bares, firsts)],
            "ratio_to_bare_cpu_time_per_attempt": [b["process_cpu"] / f["process_cpu"] for b, f in zip(bares, firsts)]}


# -------------------------------------------------------------------------------------------- report
def table(results: dict[str, Any]) -> str:
    lines = [] if not results["sizes"] else [(f"{'N':>6} {'words':>8} {'bare w/s':>9} {'ours w/s':>9} {'ours doc/s':>10} {'ratio':>6} {'cpu':>5} {'-outputs':>8} "
             f"{'RSS MB':>7} {'rerun':>6} {'rerun wall':>10} {'+outputs':>8}  scaling (end to end)")]
    for size in results["sizes"]:
        scaling = "  ".join(f"{n}w {s['seconds']:.1f}s x{s['speedup']:.2f}" for n, s in size["scaling"].items())
        lines.append(
            f"{size['documents']:>6} {size['words']:>8} {size['bare_nlp_pipe']['words_per_s']:>9.0f} "
            f"{size['sidegraph_run']['words_per_s']:>9.0f} {size['sidegraph_run']['documents_per_s']:>10.2f} "
            f"{size['ratio_to_bare']:>6.2f} {size['ratio_to_bare_cpu_time']:>5.2f} "
            f"{size['ratio_to_bare_without_corpus_outputs']:>8.2f} "
            f"{size['sidegraph_run']['peak_rss_mb']:>7.0f} "
            f"{size['rerun']['relative_to_first']:>6.1%} {size['rerun']['wall_relative_to_first']:>10.1%} "
            f"{size['rerun']['rebuilding_outputs_relative_to_first']:>8.1%}  {scaling}")
    for size in results["sizes"]:
        attempts = ", ".join(f"{ratio:.2f}" for ratio in size["ratio_to_bare_per_attempt"])
        lines.append(f"  N={size['documents']}: ratio per attempt {attempts}")
    for size in results["sizes"]:
        for stage, time_taken in size.get("stages", {}).items():
            lines.append(f"  N={size['documents']}: {stage:<55} {time_taken['seconds']:7.2f} s {time_taken['share']:6.1%}")
    if "pdf_readers" in results:
        pdf = results["pdf_readers"]
        lines.append(f"PDF reading, {len(pdf['files'])} PDFs, {pdf['pages']} pages, {pdf['words']} words: "
                     f"pdfplumber (before) {pdf['pdfplumber_words_per_s']:,.0f} words/s, "
                     f"PDFium layout (now) {pdf['pdfium_words_per_s']:,.0f} words/s: x{pdf['ratio']:.1f} "
                     f"(CPU time x{pdf['ratio_cpu_time']:.1f})")
    if "pdf_end_to_end" in results:
        run = results["pdf_end_to_end"]
        attempts = ", ".join(f"{wall:.2f} / {cpu:.2f}" for wall, cpu in zip(
            run["ratio_to_bare_per_attempt"], run["ratio_to_bare_cpu_time_per_attempt"]))
        lines.append(f"PDF corpus of {run['documents']} documents, {run['words']} words: bare nlp.pipe on their text "
                     f"{run['bare_nlp_pipe_words_per_s']:,.0f} words/s, sidegraph run on the PDFs "
                     f"{run['sidegraph_run_words_per_s']:,.0f} words/s: ratio (wall / CPU) {run['ratio_to_bare']:.2f} / "
                     f"{run['ratio_to_bare_cpu_time']:.2f} (per attempt {attempts})")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", help="Corpus sizes (default 100 1000; with --pdf, none).")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="Scale from 1 to this many.")
    parser.add_argument("--repeats", type=int, default=2,
                        help="Runs of bare nlp.pipe and of sidegraph each, alternating; the fastest of each counts.")
    parser.add_argument("--json", type=Path, default=REPO / "outputs" / "benchmark.json")
    parser.add_argument("--profile", action="store_true",
                        help="For the smallest N, also time each stage and profile a run (cProfile).")
    parser.add_argument("--pdf", action="store_true",
                        help="Time PDF reading (today's reader against the pdfplumber one it replaced) and a run on "
                             "a corpus of --pdf-documents PDFs against bare nlp.pipe.")
    parser.add_argument("--pdf-documents", type=int, default=100)
    parser.add_argument("--child", choices=["bare", "sidegraph", "stages"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-to", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.output, args.workers, args.profile_to)))
        return
    sizes = args.sizes if args.sizes is not None else ([] if args.pdf else [100, 1000])
    started = time.perf_counter()
    results: dict[str, Any] = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                           "platform": platform.platform()}}
    with tempfile.TemporaryDirectory(prefix="sidegraph-bench-") as work:
        snapshot(Path(work))
        results["sizes"] = [
            bench_size(size, Path(work), args.workers, args.profile and size == min(sizes), args.repeats)
            for size in sizes
        ]
        if args.pdf:
            paths = sorted(p for folder in PDF_FOLDERS for p in folder.glob("*.pdf"))
            results["pdf_readers"] = bench_pdf_readers(paths, args.repeats + 1)
            results["pdf_end_to_end"] = bench_pdf_end_to_end(args.pdf_documents, Path(work), args.repeats)
    results["benchmark_seconds"] = time.perf_counter() - started
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(table(results))
    print(f"({results['benchmark_seconds']:.0f} s; details in {args.json})")


if __name__ == "__main__":
    main()
