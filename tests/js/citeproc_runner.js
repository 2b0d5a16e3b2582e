// Reference runner: render citation clusters and a bibliography with citeproc-js
// (the CSL processor inside Zotero) for frus-cite's conformance tests.
// Input on stdin: {"style": xml, "locale": xml (en-US), "locales": {lang: xml} (optional), "items": [...],
//                  "clusters": [...], "format": "text"|"html"}
// Output: {"notes": [...], "bibliography": [...]}; with "timing": true, {"seconds": …} spent on the notes.
"use strict";
const CSL = require("citeproc");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const job = JSON.parse(input);
  const items = {};
  for (const item of job.items) items[item.id] = item;
  // The style's own default-locale when the job brings that locale (job.locales), as Zotero runs it;
  // en-US otherwise.
  const locales = job.locales || {};
  const sys = {
    retrieveLocale: (lang) => locales[lang] || job.locale,
    retrieveItem: (id) => items[id],
  };
  const engine = new CSL.Engine(sys, job.style, "en-US", false);
  engine.setOutputFormat(job.format || "text");
  const notes = [];
  const pre = [];
  let started = process.hrtime.bigint();
  if (job.timing === "batch") {
    // The whole document at once (citeproc-js's rebuildProcessorState), for a fair throughput figure.
    const citations = job.clusters.map((cluster, index) => {
      const citation = JSON.parse(JSON.stringify(cluster));
      citation.citationID = "c" + index;
      return citation;
    });
    engine.rebuildProcessorState(citations, job.format || "text", []);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stdout.write(JSON.stringify({ seconds }));
    return;
  }
  job.clusters.forEach((cluster, index) => {
    const citation = JSON.parse(JSON.stringify(cluster));
    citation.citationID = "c" + index;
    citation.properties = citation.properties || {};
    if (citation.properties.noteIndex === undefined) citation.properties.noteIndex = index + 1;
    const [, updates] = engine.processCitationCluster(citation, pre, []);
    for (const [position, text] of updates) notes[position] = text;
    pre.push(["c" + index, citation.properties.noteIndex]);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (job.timing) {
    process.stdout.write(JSON.stringify({ seconds }));
    return;
  }
  let bibliography = [];
  if (job.bibliography_ids) {
    engine.updateItems(job.bibliography_ids);
  }
  const bib = engine.makeBibliography();
  if (bib) bibliography = bib[1].map((entry) => entry.trim().replace(/^<div class="csl-entry">/, "").replace(/<\/div>$/, ""));
  process.stdout.write(JSON.stringify({ notes, bibliography }));
});
