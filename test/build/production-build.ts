import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import webpack, { type Compilation, type Module } from "webpack";

export const projectRoot = resolve(__dirname, "..", "..");

export interface ProductionBuild {
  outputPath: string;
  /** Files of each entry point that its page loads, in order (JS only). */
  entryFiles: Record<string, string[]>;
  /** Every source file (node_modules included) that ended up in each entry point's chunks. */
  entryModules: Record<string, string[]>;
  read(file: string): Buffer;
  gzippedSize(files: string[]): number;
  cleanUp(): void;
}

function resourcesOf(module: Module): string[] {
  const inner = (module as Module & { modules?: Module[] }).modules;
  if (inner) return inner.flatMap(resourcesOf);
  const resource = (module as Module & { resource?: string }).resource;
  return resource ? [resource] : [];
}

function describeEntries(compilation: Compilation) {
  const entryFiles: Record<string, string[]> = {};
  const entryModules: Record<string, string[]> = {};
  for (const [name, entrypoint] of compilation.entrypoints) {
    entryFiles[name] = entrypoint.getFiles().filter((file) => file.endsWith(".js"));
    const resources = new Set<string>();
    for (const chunk of entrypoint.chunks) {
      for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk))
        for (const resource of resourcesOf(module)) resources.add(resource);
    }
    entryModules[name] = [...resources].sort();
  }
  return { entryFiles, entryModules };
}

/** Runs webpack.config.js in production mode into a temporary folder, as `npm run build` does. */
export async function buildForProduction(): Promise<ProductionBuild> {
  const outputPath = mkdtempSync(join(tmpdir(), "pe-build-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS, as webpack-cli loads it
  const configure = require(resolve(projectRoot, "webpack.config.js")) as (env: object, argv: object) => webpack.Configuration;
  const compiler = webpack(configure({ outputPath }, { mode: "production" }));
  const stats = await new Promise<webpack.Stats>((resolvePromise, reject) => {
    compiler.run((error, result) => {
      compiler.close(() => undefined);
      if (error || !result) reject(error ?? new Error("webpack gave no stats"));
      else resolvePromise(result);
    });
  });
  if (stats.hasErrors()) {
    const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
    throw new Error(`the production build failed:\n${errors.map((error) => error.message).join("\n")}`);
  }
  const { entryFiles, entryModules } = describeEntries(stats.compilation);
  const read = (file: string) => readFileSync(join(outputPath, file));
  return {
    outputPath,
    entryFiles,
    entryModules,
    read,
    gzippedSize: (files) => files.reduce((total, file) => total + gzipSync(read(file), { level: 9 }).length, 0),
    cleanUp: () => rmSync(outputPath, { recursive: true, force: true }),
  };
}
