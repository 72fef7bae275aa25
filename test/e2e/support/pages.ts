/**
 * Builds the add-in's pages (webpack, development mode as `npm start` serves them) and serves them
 * on 127.0.0.1 at a random port with a tiny static server; office.js comes from node_modules, as
 * the dev server provides it. The build is shared: it goes to node_modules/.cache/pe-e2e-pages
 * under a stamp of every input's path, size and time, so test files running in parallel and later
 * runs on unchanged sources reuse one build (a lock directory makes the others wait for it).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import webpack from "webpack";

export const projectRoot = resolve(__dirname, "..", "..", "..");
const OFFICE_JS_DIST = resolve(projectRoot, "node_modules/@microsoft/office-js/dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
  ".map": "application/json",
};

const CACHE = resolve(projectRoot, "node_modules/.cache");
const PAGES = resolve(CACHE, "pe-e2e-pages");
const LOCK = resolve(CACHE, "pe-e2e-pages.lock");
const INPUTS = [
  "src",
  "generated",
  "assets",
  "scripts",
  "webpack.config.js",
  "manifest.xml",
  "package-lock.json",
  "tsconfig.json",
];

function walk(path: string, visit: (file: string, size: number, mtime: number) => void): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isDirectory()) for (const entry of readdirSync(path).sort()) walk(join(path, entry), visit);
  else visit(path, stat.size, stat.mtimeMs);
}

function sourceStamp(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS)
    walk(resolve(projectRoot, input), (file, size, mtime) => hash.update(`${file}\0${size}\0${mtime}\n`));
  return hash.digest("hex").slice(0, 16);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The pages for the sources as they are now: built once, then reused. */
export async function builtPages(): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const deadline = Date.now() + 280_000;
  for (;;) {
    const target = join(PAGES, sourceStamp());
    if (existsSync(join(target, "index.html"))) return target;
    try {
      mkdirSync(LOCK);
    } catch {
      // Another test file is building; a lock older than the deadline is left over from a killed run.
      if (Date.now() - statSync(LOCK).mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${LOCK}: remove it if no test run is building`);
      await sleep(500);
      continue;
    }
    try {
      if (existsSync(join(target, "index.html"))) return target;
      const fresh = await buildPages();
      rmSync(PAGES, { recursive: true, force: true });
      mkdirSync(PAGES, { recursive: true });
      renameSync(fresh, target);
      return target;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

export async function buildPages(): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const outputPath = mkdtempSync(join(CACHE, "pe-e2e-build-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS, as webpack-cli loads it
  const configure = require(resolve(projectRoot, "webpack.config.js")) as (env: object, argv: object) => webpack.Configuration;
  const config = configure({ outputPath }, { mode: "development" });
  config.devtool = false;
  // buildDependencies: a changed webpack.config.js (an alias, a loader) must not reuse stale resolutions.
  config.cache = {
    type: "filesystem",
    cacheDirectory: resolve(projectRoot, "node_modules/.cache/pe-e2e-webpack"),
    buildDependencies: { config: [resolve(projectRoot, "webpack.config.js")] },
  };
  config.infrastructureLogging = { level: "error" };
  const stats = await new Promise<webpack.Stats>((done, fail) => {
    const compiler = webpack(config);
    compiler.run((error, result) => {
      compiler.close(() => undefined);
      if (error || !result) fail(error ?? new Error("webpack gave no stats"));
      else done(result);
    });
  });
  if (stats.hasErrors())
    throw new Error(
      `the pages did not build:\n${(stats.toJson({ all: false, errors: true }).errors ?? []).map((e) => e.message).join("\n")}`,
    );
  return outputPath;
}

export interface ServedPages {
  origin: string;
  close(): Promise<void>;
}

function fileFor(root: string, officeRoot: string, urlPath: string): string | undefined {
  const path = decodeURIComponent(urlPath.split("?")[0]);
  const [base, rest] = path.startsWith("/office-js/")
    ? [officeRoot, path.slice("/office-js/".length)]
    : [root, path.slice(1) || "index.html"];
  const file = normalize(join(base, rest));
  if (!file.startsWith(base + sep)) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

export async function servePages(root: string): Promise<ServedPages> {
  const server: Server = createServer((request, response) => {
    const file = fileFor(root, OFFICE_JS_DIST, request.url ?? "/");
    if (!file) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response
      .writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" })
      .end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
