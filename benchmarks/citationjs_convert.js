// Citation.js conversion timing for benchmarks/bibtex_benchmark.py.
// Usage: NODE_PATH=DIR/node_modules node citationjs_convert.js IN.bib REPEAT OUT.bib
// Citation.js refuses a whole file for one entry it cannot parse: such entries are
// left out, and the text it was timed on is written to OUT.bib so that the other
// tools can be timed on the same text. Prints JSON: entries, entries left out, and
// the best CPU time in seconds of each step.
"use strict";
const fs = require("fs");
const { Cite } = require("@citation-js/core");
require("@citation-js/plugin-bibtex");
require("@citation-js/plugin-csl");

const [input, repeat, output] = [process.argv[2], Number(process.argv[3] || 3), process.argv[4]];
let text = fs.readFileSync(input, "utf8");

function parses(bib) {
  try {
    new Cite(bib);
    return true;
  } catch {
    return false;
  }
}

let leftOut = [];
if (!parses(text)) {
  const chunks = text.split(/\n(?=@)/);
  const strings = chunks.filter((chunk) => /^@string/i.test(chunk)).join("\n");
  const kept = chunks.filter((chunk) => /^(?!@)|^@(string|preamble|comment)/i.test(chunk) ||
    parses(strings + "\n" + chunk) || !leftOut.push(chunk.split("\n")[0]));
  text = kept.join("\n");
}
fs.writeFileSync(output, text);

function best(step) {
  let fastest = Infinity;
  for (let run = 0; run < repeat; run += 1) {
    const start = process.cpuUsage();
    step();
    const used = process.cpuUsage(start);
    fastest = Math.min(fastest, (used.user + used.system) / 1e6);
  }
  return fastest;
}

const entries = new Cite(text).data.length;
const times = {
  read: best(() => new Cite(text)),
  "csl-json": best(() => new Cite(text).format("data")),
  biblatex: best(() => new Cite(text).format("biblatex")),
};
process.stdout.write(JSON.stringify({ entries, leftOut, times }) + "\n");
