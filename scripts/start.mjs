// `npm start`: builds the add-in in development mode and serves it over https on localhost
// (port 3000, or PORT), with a localhost certificate signed by a local development CA generated
// here without sudo. Prints where the manifest is and how to sideload it, then keeps serving
// (rebuilding on change) until Ctrl+C. Nothing here needs the internet.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDevCertificates } from "./dev-certs.mjs";

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_PORT = 3000;

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

function portFromEnvironment() {
  const text = process.env.PORT;
  if (text === undefined || text === "") return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT=${text} is not a port number (1-65535)`);
  return port;
}

/** webpack-dev-server throws an uncaught error on a busy port; find out first and say what to do. */
function assertPortFree(port) {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once("error", (error) => {
      if (error.code === "EADDRINUSE") fail(`port ${port} is in use: stop what uses it, or run PORT=<another port> npm start`);
      fail(`cannot listen on port ${port}: ${error.message}`);
    });
    probe.listen(port, "localhost", () => probe.close(resolvePort));
  });
}

function section(title) {
  console.log(`\n== ${title} ==`);
}

/** The manifest to sideload: manifest.xml itself on port 3000, else a copy pointing at the port. */
function manifestFor(port) {
  const manifestPath = resolve(root, "manifest.xml");
  if (port === DEFAULT_PORT) return manifestPath;
  const copyPath = resolve(root, "dist", "dev", `manifest.port-${port}.xml`);
  mkdirSync(dirname(copyPath), { recursive: true });
  const manifestXml = readFileSync(manifestPath, "utf8");
  writeFileSync(copyPath, manifestXml.replaceAll(`https://localhost:${DEFAULT_PORT}/`, `https://localhost:${port}/`));
  return copyPath;
}

function printInstructions({ port, manifestPath, certificates }) {
  const origin = `https://localhost:${port}`;
  section("Partner Economics is being served");
  console.log(`Workbench (the task pane beside a live workbook, no Excel needed): ${origin}/`);
  console.log(`Task pane page:                     ${origin}/taskpane.html`);
  console.log(`Function metadata:                  ${origin}/functions.json`);
  console.log(`Function reference:                 ${origin}/reference.html`);
  console.log(`Manifest to sideload:               ${manifestPath}`);
  console.log(`  (also served at ${origin}/manifest.xml)`);

  section("Sideload into Excel");
  console.log("Excel on the web: open a workbook, Home > Add-ins > More add-ins > My add-ins >");
  console.log(`  Upload my add-in, and choose ${manifestPath}`);
  console.log("Excel on Windows: put the manifest in a shared network folder, add that folder's");
  console.log("  \\\\server\\share path under File > Options > Trust Center > Trust Center Settings >");
  console.log("  Trusted Add-in Catalogs (tick Show in Menu), restart Excel, then");
  console.log("  Home > Add-ins > More add-ins > Shared folder.");
  console.log("Excel on Mac: copy the manifest into");
  console.log("  ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ (create it if needed)");
  console.log("  and restart Excel; the add-in appears under Home > Add-ins.");
  console.log("Then type =PE. in a cell, or press Home > Partner Economics to open the pane.");

  section("Trust the development certificate");
  console.log(`Certificate authority: ${certificates.caPath}${certificates.generated ? " (new: trust it once)" : ""}`);
  console.log(`Localhost certificate: ${certificates.certPath} (valid until ${certificates.validTo})`);
  console.log("Excel and your browser must trust that authority, or they refuse to load the add-in:");
  console.log("  Windows or macOS: npx office-addin-dev-certs install   (same folder; asks for admin rights)");
  console.log(
    `  Debian/Ubuntu:    sudo cp ${certificates.caPath} /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates`,
  );
  console.log(
    `  Chrome/Chromium on Linux: certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i ${certificates.caPath}`,
  );
  console.log(`  or open ${origin}/ once in the browser and accept the warning.`);
  console.log("\nServing until Ctrl+C; pages rebuild when sources change.");
}

async function main() {
  const port = portFromEnvironment();
  await assertPortFree(port);
  if (!existsSync(resolve(root, "node_modules", "webpack"))) fail("dependencies are missing: run `npm ci` first");

  section("Function metadata");
  // The pane lists the functions from generated/functions.json; regenerate it from the JSDoc.
  const metadata = spawnSync(process.execPath, [resolve(root, "scripts", "build-metadata.mjs")], { cwd: root, stdio: "inherit" });
  if (metadata.status !== 0) fail("src/functions/functions.ts has metadata errors (see above)");

  section("Development certificate");
  const certificates = await ensureDevCertificates();
  console.log(`Using ${certificates.directory}${certificates.generated ? " (generated now, no sudo needed)" : ""}`);

  section(`Building and serving on https://localhost:${port}`);
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = require(resolve(root, "webpack.config.js"))({ port }, { mode: "development" });
  config.stats = "errors-warnings"; // the banner below says what is served
  const compiler = webpack(config);
  const server = new WebpackDevServer(
    {
      ...config.devServer,
      port,
      server: { type: "https", options: { key: certificates.key, cert: certificates.cert, ca: certificates.ca } },
      open: false,
    },
    compiler,
  );

  let announced = false;
  compiler.hooks.done.tap("pe-start", (stats) => {
    if (stats.hasErrors()) {
      console.error("\nThe build has errors (see above); fix them and the server rebuilds.");
      return;
    }
    if (announced) return;
    announced = true;
    printInstructions({ port, manifestPath: manifestFor(port), certificates });
  });

  const stop = async (signal) => {
    console.log(`\n${signal}: stopping the server`);
    await server.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));

  try {
    await server.start();
  } catch (error) {
    if (error && error.code === "EADDRINUSE")
      fail(`port ${port} is in use: stop what uses it, or run PORT=<another port> npm start`);
    throw error;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
