// Renders reference.html, the page every function's @helpurl points to, from the functions.json
// that the build itself emits (signatures and argument help: the JSDoc) and from
// docs/reference-notes.json (errors and worked examples, shared with the README). Anchors are
// `pe-<id in lower case>`, matching the @helpurl fragments; the bundle test checks both.
const { readFileSync, existsSync } = require("node:fs");
const { resolve } = require("node:path");

const NOTES_PATH = resolve(__dirname, "..", "docs", "reference-notes.json");

function anchorOf(fn) {
  return `pe-${fn.id.toLowerCase()}`;
}

function signatureOf(fn) {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `PE.${fn.name}(${params.join(", ")})`;
}

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

function loadNotes() {
  if (!existsSync(NOTES_PATH)) return {};
  const notes = JSON.parse(readFileSync(NOTES_PATH, "utf8"));
  delete notes.$comment;
  return notes;
}

function renderFunction(fn, note) {
  const rows = fn.parameters
    .map((p) => {
      const accepts = p.dimensionality === "matrix" ? "a value or a range" : "a value";
      return `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.optional ? "optional" : "required"}</td><td>${accepts}</td><td>${escapeHtml(p.description ?? "")}</td></tr>`;
    })
    .join("\n");
  const spills = fn.result && fn.result.dimensionality === "matrix";
  const parts = [
    `<section id="${anchorOf(fn)}">`,
    `<h2><a href="#${anchorOf(fn)}">PE.${escapeHtml(fn.name)}</a></h2>`,
    `<p><code class="signature">${escapeHtml(signatureOf(fn))}</code></p>`,
    `<p>${escapeHtml(fn.description ?? "")}</p>`,
    `<table><thead><tr><th>argument</th><th></th><th>accepts</th><th>meaning</th></tr></thead><tbody>\n${rows}\n</tbody></table>`,
    `<p>Returns ${spills ? "a value, or an array that spills" : "one value"}.</p>`,
  ];
  if (note && note.errors && note.errors.length > 0) {
    parts.push(
      `<h3>Errors</h3><ul>${note.errors.map(([code, when]) => `<li><code>${escapeHtml(code)}</code> ${escapeHtml(when)}</li>`).join("")}</ul>`,
    );
  }
  if (note && note.examples && note.examples.length > 0) {
    const examples = note.examples
      .map(
        ([formula, result, comment]) =>
          `<tr><td><code>${escapeHtml(formula)}</code></td><td><code>${escapeHtml(result)}</code></td><td>${escapeHtml(comment ?? "")}</td></tr>`,
      )
      .join("\n");
    parts.push(
      `<h3>Examples</h3><table><thead><tr><th>formula</th><th>result</th><th></th></tr></thead><tbody>\n${examples}\n</tbody></table>`,
    );
  }
  parts.push("</section>");
  return parts.join("\n");
}

/** The whole page; `metadata` is the parsed functions.json. */
function renderReferencePage(metadata, notes = loadNotes()) {
  const functions = metadata.functions;
  const index = functions
    .map((fn) => `<li><a href="#${anchorOf(fn)}">PE.${escapeHtml(fn.name)}</a>: ${escapeHtml(fn.description ?? "")}</li>`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner Economics: PE function reference</title>
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; line-height: 1.45; color: #242424; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-top: 1px solid #e0e0e0; padding-top: 1rem; }
h2 a { color: inherit; text-decoration: none; } code { font-family: Consolas, "Courier New", monospace; font-size: 0.92em; }
.signature { font-size: 1rem; background: #f5f5f5; padding: 0.2rem 0.4rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; } th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #e0e0e0; padding: 0.3rem 0.5rem; }
section:target h2 { color: #107c41; }
@media (prefers-color-scheme: dark) { body { background: #1f1f1f; color: #e6e6e6; } .signature { background: #2b2b2b; } th, td, h2 { border-color: #3a3a3a; } }
</style>
</head>
<body>
<h1>PE function reference</h1>
<p>The ${functions.length} custom functions of Partner Economics, as Excel shows them after <code>=PE.</code>. Optional arguments are in brackets; leave them out or leave them empty for the default.</p>
<ul>
${index}
</ul>
${functions.map((fn) => renderFunction(fn, notes[fn.id])).join("\n")}
</body>
</html>
`;
}

const PLUGIN_NAME = "ReferencePagePlugin";

/** Emits `output` (reference.html) from the `input` asset (functions.json) of the same compilation. */
class ReferencePagePlugin {
  constructor({ input = "functions.json", output = "reference.html", contentSecurityPolicy } = {}) {
    this.input = input;
    this.output = output;
    this.contentSecurityPolicy = contentSecurityPolicy;
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset(this.input);
        if (!asset) {
          compilation.errors.push(
            new WebpackError(`${PLUGIN_NAME}: ${this.input} was not emitted, so ${this.output} cannot be generated`),
          );
          return;
        }
        const metadata = JSON.parse(asset.source.source().toString());
        let page = renderReferencePage(metadata);
        if (this.contentSecurityPolicy)
          page = page.replace(
            '<meta charset="utf-8">',
            `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${this.contentSecurityPolicy}">`,
          );
        compilation.emitAsset(this.output, new sources.RawSource(page));
      });
    });
  }
}

module.exports = { ReferencePagePlugin, renderReferencePage, anchorOf, signatureOf, loadNotes };
