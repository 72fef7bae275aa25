/**
 * Builds the add-in's pages once per test file (webpack, development mode as `npm start` serves
 * them, with a filesystem cache so later builds take seconds) into a temporary folder, and serves
 * them on 127.0.0.1 at a random port with a tiny static server. office.js comes from
 * node_modules, as the dev server provides it.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
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

export async function buildPages(): Promise<string> {
  const outputPath = mkdtempSync(join(tmpdir(), "pe-e2e-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS, as webpack-cli loads it
  const configure = require(resolve(projectRoot, "webpack.config.js")) as (env: object, argv: object) => webpack.Configuration;
  const config = configure({ outputPath }, { mode: "development" });
  config.devtool = false;
  config.cache = { type: "filesystem", cacheDirectory: resolve(projectRoot, "node_modules/.cache/pe-e2e-webpack") };
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

export function removeBuild(path: string): void {
  rmSync(path, { recursive: true, force: true });
}
