// Builds pipeline/assets/report.js, the one script of report.html: src/report.js with sigma.js and graphology
// (the versions package-lock.json pins), bundled and minified by esbuild. The output is committed, so a user who
// pip-installs sidegraph needs no node; tests/test_report_bundle.py rebuilds it and checks it is the same bytes.
//
//   npm ci --prefix js && npm run build --prefix js          # or: node js/build.mjs [OUTFILE]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const outfile = process.argv[2] || join(here, "..", "pipeline", "assets", "report.js");
const bundled = ["sigma", "graphology", "graphology-utils", "events"];

// Each bundled package's name, version, licence and copyright line, at the top of the bundle (their licences ask
// for the notice in every copy, and report.html is one).
const notices = bundled.map((name) => {
  const folder = join(here, "node_modules", name);
  const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
  const licence = ["LICENSE.txt", "LICENSE", "LICENSE.md"]
    .map((file) => { try { return readFileSync(join(folder, file), "utf8"); } catch { return null; } })
    .find((text) => text !== null);
  const copyright = licence.split("\n").find((line) => /copyright/i.test(line)).trim();
  return ` * ${manifest.name} ${manifest.version} (${manifest.license}): ${copyright}`;
});

const result = await esbuild.build({
  entryPoints: [join(here, "src", "report.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "none",
  charset: "utf8",
  write: false,
  banner: {
    js: ["/*! sidegraph report.html script, built by js/build.mjs with esbuild " + esbuild.version + ".",
      " * Bundled, under the MIT licence (full texts in pipeline/assets/README.md):", ...notices, " */"].join("\n"),
  },
});
writeFileSync(outfile, result.outputFiles[0].contents);
