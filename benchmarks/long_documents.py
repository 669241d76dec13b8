"""Peak memory and throughput of long PDFs (issue 17): 10, 100 and 1,000 pages, against a short one.

    python benchmarks/long_documents.py                  # 10, 100 and 1,000 pages
    python benchmarks/long_documents.py --pages 10 300   # other lengths

The PDFs are generated (with tests/pdfs.py, like the tests): a proceedings volume whose every
page is a session with a heading, a chair and a speaker introduced, and report prose, about 500
words a page, as a real report has. A 10-page one (about 30,000 characters) is tagged whole; the
longer ones in sections (`pipeline/sections.py`).

Each length is measured in a fresh process, because peak memory is that of a process: the peak
resident set size (`getrusage`'s `ru_maxrss`), which is what the machine has to have. It
counts everything the process holds, spaCy's and numpy's arrays and PDFium's C++ heap
included; `tracemalloc` sees only what Python allocates (not PDFium's pages, not the model's
weights as mapped) and slows the run several times over, which would spoil the words/s measured
in the same run. The process loads the model, extracts the 10-page PDF (so first-call costs fall
outside the measurement), then the measured PDF, and its peak RSS is read there; the ratio to
the 10-page process's peak is the figure the issue bounds (at most 2x). "Above model" is that
peak less the peak after loading the model: what the document itself costs.

Words/s (the words of the text read from the PDF, per second from the file to the extraction,
PDF reading included) is compared with a baseline in the same process, since a machine shared
with other jobs makes a process slower or faster as a whole: the same process extracts the
10-page PDF before and after the measured one, the faster counting (a busy machine only ever
adds time). The issue asks for at least 0.8x. Both wall and CPU time are reported; CPU time is
disturbed less by other jobs. Results go to a JSON file (default outputs/long_documents.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from run_benchmark import cpu_seconds

REPO = Path(__file__).resolve().parents[1]
REFERENCE_PAGES = 10
"""The short document: tagged whole, as one `Doc`; the long ones are measured against it."""

GIVEN = ["Ana", "Kofi", "Mei", "Ingrid", "Rahul", "Laila", "José", "Amara", "Tomás", "Sione", "Noor", "Jonas"]
FAMILY = ["Lima", "Mensah", "Chen", "Berg", "Iyer", "Haddad", "Okafor", "Novak", "Tanaka", "Moreno", "Fischer",
          "Banda", "Costa", "Yilmaz", "Lindqvist", "Rahman", "Osei", "Kowalski", "Alvarez", "Sato", "Petrov"]
ORGANISATIONS = ["Examplia Institute of Labour", "Ruritania Water Agency", "Freedonia Development Bank",
                 "Borduria Health Council", "Syldavia Fisheries Board", "Grand Fenwick Energy Office"]
TOPICS = ["social protection", "water security", "coastal fisheries", "primary health care", "renewable energy"]
PARAGRAPHS_PER_PAGE = 12


# ------------------------------------------------------------------------------------------ the PDFs
def page(number: int, prose: list[str]) -> list[str]:
    """A session on one page: heading, chair, speaker, and report prose."""
    chair = f"{GIVEN[number % 12]} {FAMILY[number % 21]}"
    speaker = f"{GIVEN[(number + 5) % 12]} {FAMILY[(number + 8) % 21]}"
    topic, organisation = TOPICS[number % 5], ORGANISATIONS[number % 6]
    return [f"Session {number + 1}: {topic.capitalize()}",
            f"Ms {chair}, Director, {organisation}, chaired the session on {topic}.",
            f"Dr {speaker}, Senior Adviser, {ORGANISATIONS[(number + 1) % 6]}, said that {topic} had improved "
            f"since {2000 + number % 25} and that the {organisation} would support the work.",
            *prose]


def write_proceedings(path: Path, pages: int) -> Path:
    sys.path.insert(0, str(REPO / "tests"))
    from pdfs import Layout, report_paragraphs, write_pages_pdf

    prose = report_paragraphs(pages * PARAGRAPHS_PER_PAGE)
    return write_pages_pdf(path, [page(n, prose[n * PARAGRAPHS_PER_PAGE : (n + 1) * PARAGRAPHS_PER_PAGE])
                                  for n in range(pages)], Layout(header="Proceedings of the side events"))


# ---------------------------------------------------------------------------------- one measured run
def child(measured: Path, reference: Path) -> dict[str, Any]:
    """In a fresh process: the model, the reference PDF, the measured PDF (peak RSS read after it), the reference again."""
    from pipeline.extractor import Extractor
    from pipeline.ingest import load_document
    from pipeline.sections import split

    def extract(path: Path) -> dict[str, Any]:
        started, started_cpu = time.perf_counter(), cpu_seconds()
        document = load_document(path)
        read = time.perf_counter() - started
        extraction = extractor.extract(document)
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - started_cpu
        words = len(document.text.split())
        return {"pages": extraction.document.pages, "characters": len(document.text), "words": words,
                "sections": len(split(document)), "speakers": len(extraction.speakers), "seconds": seconds,
                "reading_seconds": read, "cpu_seconds": cpu, "words_per_s": words / seconds,
                "words_per_cpu_s": words / cpu}

    started = time.perf_counter()
    extractor = Extractor()
    load, loaded_mb = time.perf_counter() - started, peak_rss_mb()
    before = extract(reference)
    result = extract(measured)
    result.update(model_load_seconds=load, rss_after_model_load_mb=loaded_mb, peak_rss_mb=peak_rss_mb())
    baseline = [before, extract(reference)]
    result["baseline_words_per_s"] = max(run["words_per_s"] for run in baseline)
    result["baseline_words_per_cpu_s"] = max(run["words_per_cpu_s"] for run in baseline)
    return result


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def measure(measured: Path, reference: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", str(measured), str(reference)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"run on {measured.name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.splitlines()[-1])


# ------------------------------------------------------------------------------------------- report
def table(runs: list[dict[str, Any]]) -> str:
    reference = next(run for run in runs if run["pages"] == REFERENCE_PAGES)
    lines = [f"{'pages':>6} {'chars':>10} {'words':>8} {'sect.':>5} {'speakers':>8} {'read s':>7} {'words/s':>8} {'/CPU s':>7} "
             f"{'x10p wall/CPU':>13} {'peak RSS':>8} {'x10p':>5} {'above model':>11} {'x10p':>5}"]
    for run in runs:
        above, reference_above = run["peak_rss_mb"] - run["rss_after_model_load_mb"], reference["peak_rss_mb"] - reference["rss_after_model_load_mb"]
        lines.append(
            f"{run['pages']:>6,} {run['characters']:>10,} {run['words']:>8,} {run['sections']:>5} {run['speakers']:>8,} "
            f"{run['reading_seconds']:>7.1f} {run['words_per_s']:>8,.0f} {run['words_per_cpu_s']:>7,.0f} "
            f"{run['words_per_s'] / run['baseline_words_per_s']:>6.2f} / {run['words_per_cpu_s'] / run['baseline_words_per_cpu_s']:.2f} "
            f"{run['peak_rss_mb']:>5,.0f} MB {run['peak_rss_mb'] / reference['peak_rss_mb']:>5.2f} "
            f"{above:>8,.0f} MB {above / reference_above:>5.2f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[10, 100, 1000], help="Lengths of the PDFs measured.")
    parser.add_argument("--json", type=Path, default=REPO / "outputs" / "long_documents.json")
    parser.add_argument("--child", type=Path, nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sidegraph-long-") as work:
        folder = Path(work)
        reference = write_proceedings(folder / f"{REFERENCE_PAGES}.pdf", REFERENCE_PAGES)
        runs = []
        for pages in sorted({REFERENCE_PAGES, *args.pages}):
            measured = reference if pages == REFERENCE_PAGES else write_proceedings(folder / f"{pages}.pdf", pages)
            runs.append(measure(measured, reference))
            print(f"{pages} pages: {runs[-1]['words_per_s']:,.0f} words/s, peak RSS {runs[-1]['peak_rss_mb']:,.0f} MB",
                  file=sys.stderr)
    results = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
                           "load_average": os.getloadavg()},
               "runs": runs, "benchmark_seconds": time.perf_counter() - started}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(table(runs))
    print(f"(x10p: against the {REFERENCE_PAGES}-page PDF; words/s against it in the same process, peak RSS against "
          f"its process; 'above model': peak RSS less the peak after loading the model)")
    print(f"({results['benchmark_seconds']:.0f} s; details in {args.json})")


if __name__ == "__main__":
    main()
