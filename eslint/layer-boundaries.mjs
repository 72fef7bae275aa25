// The layer arrows of the house (README "Layout"): each folder of src/ names the folders and
// packages it may import, and an import that points anywhere else is a lint error. Resolving the
// import against the importing file (rather than matching its text) keeps `../appliers/engine`
// from passing for the engine layer and vice versa.
import { dirname, relative, resolve, sep } from "node:path";

/** Which src/ layers each layer (or a sub-folder of one) may import. The most specific key wins. */
export const ALLOWED_LAYERS = {
  core: ["core"],
  functions: ["functions", "core"],
  engine: ["engine", "core", "generated"],
  workbook: ["workbook", "core"],
  taskpane: ["taskpane", "workbook", "core", "generated"],
  // The standalone host runs the pane over a private engine when Office is absent (a lazy chunk).
  "taskpane/hosts": ["taskpane", "workbook", "core", "generated", "engine"],
  // Known exceptions to move (issue 10 follow-up): the .xlsx reader and `pe-calc check` load
  // workbooks into the engine, so they belong beside the engine, not in workbook/.
  "workbook/xlsx-reader": ["workbook", "core", "engine"],
  "workbook/check-workbook.ts": ["workbook", "core", "engine"],
  // The engine applier reads a plan's structured references with the engine's translator
  // (engine/plan-tables.ts); it belongs beside the engine with the reader above.
  "workbook/appliers/engine.ts": ["workbook", "core", "engine"],
  workbench: ["workbench", "taskpane", "engine", "workbook", "core", "generated"],
  cli: ["cli", "engine", "workbook", "core", "generated"],
};

/** Packages a layer must never import (the UI and the engine stay out of the pure layers). */
export const FORBIDDEN_PACKAGES = {
  core: /^(react|react-dom|@fluentui\/.*|hyperformula|exceljs|jszip|office-js)$/,
  functions: /^(react|react-dom|@fluentui\/.*|hyperformula|exceljs|jszip)$/,
  engine: /^(react|react-dom|@fluentui\/.*)$/,
  workbook: /^(react|react-dom|@fluentui\/.*)$/,
};

function layerKeyOf(relativePath) {
  const parts = relativePath.split(sep);
  if (parts[0] !== "src" || parts.length < 3) return undefined;
  const deeper = parts.length > 3 ? `${parts[1]}/${parts[2]}/${parts[3]}` : undefined;
  if (deeper && Object.hasOwn(ALLOWED_LAYERS, deeper)) return deeper;
  const nested = `${parts[1]}/${parts[2]}`;
  if (Object.hasOwn(ALLOWED_LAYERS, nested)) return nested;
  return Object.hasOwn(ALLOWED_LAYERS, parts[1]) ? parts[1] : undefined;
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: "Imports follow the layer arrows: taskpane → workbook → core, engine → core, …" },
    messages: {
      wrongLayer: "{{from}}/ may not import from {{to}}/ (allowed: {{allowed}}); move the shared code inward.",
      wrongPackage: "{{from}}/ may not import {{name}}: it must stay free of UI and engine packages.",
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename);
    const key = layerKeyOf(file);
    if (!key) return {};
    const layer = key.split("/")[0];
    const check = (node, source) => {
      if (typeof source !== "string") return;
      if (!source.startsWith(".")) {
        const banned = FORBIDDEN_PACKAGES[layer];
        if (banned && banned.test(source))
          context.report({ node, messageId: "wrongPackage", data: { from: layer, name: source } });
        return;
      }
      const target = relative(root, resolve(dirname(context.filename), source)).split(sep);
      const to = target[0] === "src" ? target[1] : target[0];
      if (to === "..") return;
      if (!ALLOWED_LAYERS[key].includes(to)) {
        context.report({ node, messageId: "wrongLayer", data: { from: key, to, allowed: ALLOWED_LAYERS[key].join(", ") } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};

export default { rules: { "layer-boundaries": rule } };
