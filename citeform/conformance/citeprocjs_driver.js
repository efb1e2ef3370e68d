#!/usr/bin/env node
// A long-running citeproc-js process: one JSON request per line on stdin, one JSON answer per
// line on stdout (see citeform/conformance/citeprocjs.py, which starts and speaks to it).
//
// Requests ({"op": ..., ...}):
//   {"op": "version"}                                   -> {"version": "2.4.63"}
//   {"op": "bibliography", "style", "locale", "format", "items", "timed"?}
//       -> {"ids": [...] (bibliography order, with items that render to nothing),
//           "entries": [...], "ms"?}
//   {"op": "document", "style", "locale", "format", "items", "clusters", "timed"?, "batch"?}
//       clusters: [{"cites": [{"id", "locator"?, "label"?, "prefix"?, "suffix"?,
//                   "suppress-author"?, "author-only"?}], "note": N}], in document order
//       -> {"citations": [...], "ids": [...], "entries": [...], "ms"?}
//       processCitationCluster cluster by cluster; with "batch", rebuildProcessorState
//   {"op": "compile", "style", "locale", "format"}  -> {"ms": ...} (parse the style anew)
//   {"op": "quit"}
// "style" is the path of a .csl file; the locale is forced; "format" is text, html or rtf.
// Engines are kept per (style, locale, format), so a style is parsed once; their state is reset
// before each request. "timed" adds the milliseconds the rendering itself took. Errors answer
// {"error": "..."} and the process goes on.
"use strict";

const fs = require("fs");
const path = require("path");
const readline = require("readline");
const CSL = require("citeproc");

const localesDir = process.argv[2];
const engines = new Map();
const store = { items: new Map() };

const sys = {
  retrieveLocale: (lang) => {
    const file = path.join(localesDir, `locales-${lang}.xml`);
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
  },
  retrieveItem: (id) => store.items.get(String(id)),
};

function engineKey(request) {
  return JSON.stringify([request.style, request.locale, request.format]);
}

function engineFor(request) {
  const key = engineKey(request);
  if (!engines.has(key)) {
    const styleXml = fs.readFileSync(request.style, "utf8");
    const engine = new CSL.Engine(sys, styleXml, request.locale, true);
    engine.setOutputFormat(request.format || "text");
    engines.set(key, engine);
  }
  const engine = engines.get(key);
  engine.restoreProcessorState([]);
  return engine;
}

function loadItems(items) {
  store.items = new Map(items.map((item) => [String(item.id), { ...item, id: String(item.id) }]));
  return [...store.items.keys()];
}

function bibliography(engine) {
  const result = engine.makeBibliography();
  if (!result) {
    return { ids: [], entries: [] };
  }
  const [params, entries] = result;
  // Items that render to nothing keep their id here but have no entry.
  return {
    ids: params.entry_ids.map((group) => String(group[0])),
    entries: entries.map((entry) => entry.trim()),
  };
}

const CITE_FIELDS = ["locator", "label", "prefix", "suffix", "suppress-author", "author-only"];

function citationOf(cluster, index) {
  const citationItems = cluster.cites.map((cite) => {
    const item = { id: String(cite.id) };
    for (const field of CITE_FIELDS) {
      if (cite[field] !== undefined && cite[field] !== null) {
        item[field] = cite[field];
      }
    }
    return item;
  });
  return {
    citationID: `c${index}`,
    citationItems,
    properties: { noteIndex: cluster.note || 0 },
  };
}

// processCitationCluster in document order, each cluster appended after the ones before it
// (as a word processor inserts them); a later cluster may change earlier ones (disambiguation),
// so the last text of each is kept.
function document(engine, clusters) {
  const texts = new Array(clusters.length).fill("");
  const placed = [];
  clusters.forEach((cluster, index) => {
    const citation = citationOf(cluster, index);
    const [, updates] = engine.processCitationCluster(citation, placed.slice(), []);
    for (const [position, text] of updates) {
      texts[position] = text;
    }
    placed.push([citation.citationID, citation.properties.noteIndex]);
  });
  return texts;
}

// The batch way: rebuildProcessorState registers every cited item first, then processes the
// clusters in order. Faster, but its disambiguation can differ from the incremental way's.
function rebuilt(engine, clusters, format) {
  const texts = new Array(clusters.length).fill("");
  const states = engine.rebuildProcessorState(clusters.map(citationOf), format);
  for (const [citationID, , text] of states) {
    texts[Number(citationID.slice(1))] = text;
  }
  return texts;
}

const OPERATIONS = {
  version: () => ({ version: require("citeproc/package.json").version }),
  compile: (request) => {
    engines.delete(engineKey(request));
    const start = process.hrtime.bigint();
    engineFor(request);
    return timed({}, { timed: true }, start);
  },
  bibliography: (request) => {
    const engine = engineFor(request);
    const start = process.hrtime.bigint();
    engine.updateItems(loadItems(request.items));
    const answer = bibliography(engine);
    return timed(answer, request, start);
  },
  document: (request) => {
    const engine = engineFor(request);
    const start = process.hrtime.bigint();
    loadItems(request.items);
    const citations = request.batch
      ? rebuilt(engine, request.clusters, request.format || "text")
      : document(engine, request.clusters);
    const answer = { citations, ...bibliography(engine) };
    return timed(answer, request, start);
  },
};

function timed(answer, request, start) {
  if (request.timed) {
    answer.ms = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return answer;
}

function answer(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch (error) {
    return { error: `not a JSON request: ${error.message}` };
  }
  const operation = OPERATIONS[request.op];
  if (!operation) {
    return { error: `unknown op ${JSON.stringify(request.op)}` };
  }
  try {
    return operation(request);
  } catch (error) {
    return { error: `${error.name}: ${error.message}` };
  }
}

const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on("line", (line) => {
  if (!line.trim()) {
    return;
  }
  if (/^\s*\{\s*"op"\s*:\s*"quit"/.test(line)) {
    lines.close();
    return;
  }
  process.stdout.write(`${JSON.stringify(answer(line))}\n`);
});
