"""Size and speed of the interactive report.html on a synthetic graph of about 5,000 nodes.

    python benchmarks/report_benchmark.py                 # ~5,000 nodes; JSON in outputs/report_benchmark.json
    python benchmarks/report_benchmark.py --nodes 20000

Builds extraction records directly (random people, organisations and countries over dated events,
no NLP), writes the corpus outputs once, and measures, each the fastest of `--repeats`:
- the report's size (the page, its data and the script);
- in Debian's headless Chromium (driven by playwright-core from `npm ci --prefix tests/js`), the time
  from navigation to the first frame the graph is drawn (`window.sidegraphFirstRender`), then the cost
  of a full redraw and of a filter change, and the frames drawn during a one-second camera move
  (Chromium here draws WebGL in software, SwiftShader: a graphics card draws faster);
- beside them, the time networkx takes to load the same graph's GraphML (`nx.read_graphml`), the
  baseline the report is compared with, measured in this process.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline import DocumentInfo, Entity, Extraction, Relation, Speaker, write_outputs  # noqa: E402
from pipeline.countries import CountryIndex  # noqa: E402

RENDER_SCRIPT = """
const { chromium } = require(process.argv[1]);
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader'] });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(process.argv[2]);
  await page.waitForFunction(() => window.sidegraphFirstRender !== undefined, null, { timeout: 300000 });
  const result = await page.evaluate(async () => {
    const { renderer } = window.sidegraph;
    let frames = 0;
    renderer.on('afterRender', () => { frames += 1; });
    const camera = renderer.getCamera();
    await camera.animate({ x: 0.6, y: 0.4, ratio: 0.5 }, { duration: 1000 });
    const panned = frames;
    frames = 0;
    const started = performance.now();
    renderer.refresh();
    const redraw = performance.now() - started;
    const box = document.querySelector('[data-filter="type"][value="person"]');
    const filterStarted = performance.now();
    box.click();
    const filter = performance.now() - filterStarted;
    return { firstRender: window.sidegraphFirstRender, nodes: window.sidegraph.graph.order,
             edges: window.sidegraph.graph.size, framesPerSecondMoving: panned, redraw, filter };
  });
  await browser.close();
  process.stdout.write(JSON.stringify(result));
})();
"""


def synthetic(nodes: int, seed: int = 16) -> list[Extraction]:
    """Events of 8–20 speakers from a pool of people, each for one of a pool of organisations, with relations
    between organisations and countries: about `nodes` nodes, spread over ten years."""
    rng = random.Random(seed)
    codes = sorted(CountryIndex.default().written_names.values())[::3]
    people = [f"Person {n}" for n in range(int(nodes * 0.72))]
    organisations = [f"Organisation {n}" for n in range(int(nodes * 0.2))]
    events = int(nodes * 0.06)
    rng.shuffle(people)
    extractions, next_person = [], 0
    for number in range(events):
        year, day = 2015 + number % 10, 1 + number % 28
        speakers, entities, relations = [], {}, []
        count = rng.randint(8, 20)
        chosen = {people[(next_person + i) % len(people)] for i in range(count)} | set(rng.sample(people, 3))
        next_person += count
        for name in sorted(chosen):
            org = rng.choice(organisations)
            org_id = f"org:{org.lower().replace(' ', '-')}"
            country = rng.choice(codes)
            speakers.append(Speaker(name, None, rng.choice(["speaker", "chair"]), "Director", org, org_id, None, country, (), 0, 5, 1))
            entities[f"person:{name.lower().replace(' ', '-')}"] = Entity(f"person:{name.lower().replace(' ', '-')}", "person", name)
            entities[org_id] = Entity(org_id, "organisation", org, country=country)
            entities[f"country:{country}"] = Entity(f"country:{country}", "country", country, iso3=country)
        orgs = [e for e in entities if e.startswith("org:")]
        for _ in range(len(orgs) // 2):
            a, b = rng.sample(orgs, 2)
            relations.append(Relation(a, b, rng.choice(["cooperation", "support", "exchange"]),
                                      f"{entities[a].name} and {entities[b].name} work together on water.", 0, 40, 1, 0.9))
        document = DocumentInfo(f"event-{number:04d}", f"event-{number:04d}.txt", f"Side event {number}", 2,
                                date=f"{year}-06-{day:02d}", date_source="text")
        extractions.append(Extraction(document, tuple(speakers), tuple(entities.values()), tuple(relations)))
    return extractions


def playwright() -> Path:
    module = REPO / "tests" / "js" / "node_modules" / "playwright-core"
    if not module.is_dir() or shutil.which("node") is None or not Path("/usr/bin/chromium").is_file():
        sys.exit("needs node, Debian's chromium and `npm ci --prefix tests/js`")
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", type=Path, default=REPO / "outputs" / "report_benchmark.json")
    options = parser.parse_args()
    module = playwright()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        extractions = synthetic(options.nodes)
        started = time.perf_counter()
        write_outputs(extractions, folder, formats={"graphml", "html"})
        outputs_seconds = time.perf_counter() - started
        page = (folder / "report.html").read_text(encoding="utf-8")
        data_start = page.index('id="sidegraph-data">')
        data_bytes = len(page[data_start : page.index("</script>", data_start)].encode("utf-8"))
        script_bytes = (REPO / "pipeline" / "assets" / "report.js").stat().st_size
        loads = []
        for _ in range(options.repeats):
            started = time.perf_counter()
            graph = nx.read_graphml(folder / "graph.graphml", force_multigraph=True)
            loads.append(time.perf_counter() - started)
        renders = []
        for _ in range(options.repeats):
            done = subprocess.run(["node", "-e", RENDER_SCRIPT, str(module), (folder / "report.html").as_uri()],
                                  capture_output=True, text=True, check=True, timeout=600)
            renders.append(json.loads(done.stdout))
        fastest = min(renders, key=lambda r: r["firstRender"])
        result = {
            "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
            "report_bytes": len(page.encode("utf-8")),
            "data_bytes": data_bytes,
            "script_bytes": script_bytes,
            "graphml_bytes": (folder / "graph.graphml").stat().st_size,
            "first_render_seconds": round(fastest["firstRender"] / 1000, 3),
            "frames_per_second_moving": max(r["framesPerSecondMoving"] for r in renders),
            "full_redraw_ms": round(min(r["redraw"] for r in renders), 2),
            "filter_ms": round(min(r["filter"] for r in renders), 2),
            "networkx_graphml_load_seconds": round(min(loads), 3),
            "first_render_over_graphml_load": round(fastest["firstRender"] / 1000 / min(loads), 2),
            "outputs_seconds": round(outputs_seconds, 2),
            "attempts": renders,
        }
    options.json.parent.mkdir(parents=True, exist_ok=True)
    options.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "attempts"}, indent=1))


if __name__ == "__main__":
    main()
