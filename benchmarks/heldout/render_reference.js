#!/usr/bin/env node
// Render reference bibliographies with citeproc-js, as shared/conformance/reference/README.md describes.
//
// Usage: node render_reference.js STYLE.csl LOCALES_DIR ITEMS.json LOCALE OUT.json [STYLE_NAME]
// Needs `npm install citeproc` (2.4.63) in this directory or in NODE_PATH.
// The locale is forced, all items are registered once in file order, makeBibliography() is
// called once per output format (text, html) and every entry is trimmed.
"use strict";

const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

function makeEngine(styleXml, localesDir, items, locale, format) {
  const byId = new Map(items.map((item) => [String(item.id), item]));
  const sys = {
    retrieveLocale: (lang) => {
      const file = path.join(localesDir, `locales-${lang}.xml`);
      return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
    },
    retrieveItem: (id) => byId.get(String(id)),
  };
  const engine = new CSL.Engine(sys, styleXml, locale, true);
  engine.setOutputFormat(format);
  engine.updateItems(items.map((item) => String(item.id)));
  return engine;
}

// makeBibliography() leaves out entries that render to nothing but keeps their ids in
// entry_ids; such an id is found by rendering its item alone.
function rendersAlone(styleXml, localesDir, item, locale, format) {
  const result = makeEngine(styleXml, localesDir, [item], locale, format).makeBibliography();
  return Boolean(result && result[1].length);
}

function render(styleXml, localesDir, items, locale, format) {
  const result = makeEngine(styleXml, localesDir, items, locale, format).makeBibliography();
  if (!result) {
    return { ids: [], entries: [] };
  }
  const [params, entries] = result;
  let ids = params.entry_ids.map((group) => String(group[0]));
  if (ids.length !== entries.length) {
    const byId = new Map(items.map((item) => [String(item.id), item]));
    ids = ids.filter((id) => rendersAlone(styleXml, localesDir, byId.get(id), locale, format));
  }
  return { ids, entries: entries.map((entry) => entry.trim()) };
}

function main(argv) {
  if (argv.length < 5) {
    process.stderr.write("usage: render_reference.js STYLE.csl LOCALES_DIR ITEMS.json LOCALE OUT.json [STYLE_NAME]\n");
    return 2;
  }
  const [stylePath, localesDir, itemsPath, locale, outPath, styleName] = argv;
  const styleXml = fs.readFileSync(stylePath, "utf8");
  const items = JSON.parse(fs.readFileSync(itemsPath, "utf8"));
  const text = render(styleXml, localesDir, items, locale, "text");
  const html = render(styleXml, localesDir, items, locale, "html");
  const output = {
    style: styleName || path.basename(stylePath, ".csl"),
    locale,
    engine: `citeproc-js ${require("citeproc/package.json").version}`,
    ids: text.ids,
    entries: text.entries,
    html: html.entries,
  };
  fs.writeFileSync(outPath, JSON.stringify(output));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
