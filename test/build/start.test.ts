import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { request } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * `npm start` end to end, as a user on a fresh machine runs it: with an empty home folder (so the
 * development CA and localhost certificate are generated, without sudo) and a PORT override, it
 * builds, serves the add-in over https (checked against the generated CA, not with -k), prints
 * the manifest to sideload, and stops on SIGTERM.
 */
const projectRoot = resolve(__dirname, "..", "..");
const READY = "Serving until Ctrl+C";

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port"))));
    });
  });
}

interface Fetched {
  status: number;
  type: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function get(url: string, ca: Buffer, headers: Record<string, string> = {}): Promise<Fetched> {
  return new Promise((resolveResponse, reject) => {
    const req = request(url, { ca, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () =>
        resolveResponse({
          status: res.statusCode ?? 0,
          type: String(res.headers["content-type"] ?? ""),
          body,
          headers: res.headers,
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

let home: string;
let child: ChildProcess | undefined;
let output = "";
let port: number;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), "pe-start-home-"));
  port = await freePort();
  child = spawn(process.execPath, [resolve(projectRoot, "scripts", "start.mjs")], {
    cwd: projectRoot,
    env: { ...process.env, HOME: home, PORT: String(port), PE_DEV_CERTS_DIR: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start was not ready in time:\n${output}`)), 240_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(READY)) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child?.stdout?.on("data", onData);
    child?.stderr?.on("data", onData);
    child?.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
}, 300_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolveExit) => child?.once("exit", resolveExit));
    child.kill("SIGTERM");
    await exited;
  }
  rmSync(home, { recursive: true, force: true });
  rmSync(resolve(projectRoot, "dist", "dev", `manifest.port-${port}.xml`), { force: true });
});

describe("npm start", () => {
  it("generates the development certificates in the home folder", () => {
    const directory = join(home, ".office-addin-dev-certs");
    for (const file of ["ca.crt", "localhost.crt", "localhost.key"]) expect(existsSync(join(directory, file))).toBe(true);
    expect(output).toContain(join(directory, "ca.crt"));
  });

  it("serves the workbench, the shared-runtime page and the function metadata over trusted https", async () => {
    const ca = readFileSync(join(home, ".office-addin-dev-certs", "ca.crt"));
    const origin = `https://localhost:${port}`;
    const index = await get(`${origin}/`, ca);
    expect(index.status).toBe(200);
    expect(index.body).toContain("office-js/office.js");
    const taskpane = await get(`${origin}/taskpane.html`, ca);
    expect(taskpane.status).toBe(200);
    expect(taskpane.body).toMatch(/office-js\/office\.js[\s\S]*functions\.js[\s\S]*taskpane\.js/);
    const functionsJson = await get(`${origin}/functions.json`, ca);
    expect(functionsJson.status).toBe(200);
    expect(JSON.parse(functionsJson.body).functions.map((fn: { id: string }) => fn.id)).toContain("PARTNER_SCORE");
    const officeJs = await get(`${origin}/office-js/office.js`, ca);
    expect(officeJs.status).toBe(200);
  });

  it("serves and prints a manifest that points at the chosen port", async () => {
    const ca = readFileSync(join(home, ".office-addin-dev-certs", "ca.crt"));
    const served = await get(`https://localhost:${port}/manifest.xml`, ca);
    expect(served.status).toBe(200);
    expect(served.body).toContain(`https://localhost:${port}/taskpane.html`);
    expect(served.body).not.toContain("https://localhost:3000/");
    const printed = /Manifest to sideload:\s+(\S+)/.exec(output)?.[1];
    expect(printed).toBeDefined();
    expect(readFileSync(printed as string, "utf8")).toBe(served.body);
    expect(output).toMatch(/Upload my add-in/);
    expect(output).toMatch(/wef/);
    expect(output).toMatch(/Trusted Add-in Catalogs/);
  });
});

/** The status a WebSocket upgrade request gets: 101 when accepted, else the refusal's status. */
function upgradeStatus(url: string, ca: Buffer, origin: string): Promise<number> {
  return new Promise((resolveStatus, reject) => {
    const req = request(url, {
      ca,
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        Origin: origin,
        "Sec-WebSocket-Key": Buffer.from("0123456789abcdef").toString("base64"),
        "Sec-WebSocket-Version": "13",
      },
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolveStatus(res.statusCode ?? 101);
    });
    req.on("response", (res) => {
      res.resume();
      resolveStatus(res.statusCode ?? 0);
    });
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" ? resolveStatus(403) : reject(error)));
    req.end();
  });
}

describe("npm start: the pages' Content-Security-Policy and the dev server's settings", () => {
  const ca = (): Buffer => readFileSync(join(home, ".office-addin-dev-certs", "ca.crt"));
  const origin = (): string => `https://localhost:${port}`;

  it.each(["/taskpane.html", "/workbench.html", "/index.html", "/reference.html"])(
    "%s is served with a Content-Security-Policy header and carries one in the page",
    async (page) => {
      const response = await get(`${origin()}${page}`, ca());
      expect(response.status).toBe(200);
      const header = String(response.headers["content-security-policy"]);
      expect(header).toContain("default-src 'self'");
      expect(header).toContain("script-src 'self' https://appsforoffice.microsoft.com");
      expect(header).toContain("object-src 'none'");
      expect(header).not.toContain("unsafe-eval");
      expect(response.body).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*default-src '(self|none)'/);
      expect(response.body).not.toContain("unsafe-eval");
      // A <meta> policy governs only what follows it: it must come before the first script.
      const firstScript = response.body.indexOf("<script");
      if (firstScript >= 0) expect(response.body.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(firstScript);
    },
  );

  it("grants CORS to Office's origins only, never to every origin", async () => {
    const evil = await get(`${origin()}/functions.json`, ca(), { Origin: "https://evil.example" });
    expect(evil.headers["access-control-allow-origin"]).toBeUndefined();
    const excel = await get(`${origin()}/functions.json`, ca(), { Origin: "https://excel.officeapps.live.com" });
    expect(excel.headers["access-control-allow-origin"]).toBe("https://excel.officeapps.live.com");
  });

  it("lists no folder and serves no /webpack-dev-server report", async () => {
    expect((await get(`${origin()}/office-js/`, ca())).body).not.toMatch(/office\.js[\s\S]*office_strings|listing directory/i);
    expect((await get(`${origin()}/office-js/`, ca())).status).toBe(404);
    expect((await get(`${origin()}/webpack-dev-server`, ca())).status).toBe(404);
  });

  it("refuses a WebSocket upgrade from another origin and accepts its own", async () => {
    expect(await upgradeStatus(`${origin()}/ws`, ca(), "https://evil.example")).toBe(403);
    expect(await upgradeStatus(`${origin()}/ws`, ca(), origin())).toBe(101);
  });

  it("keeps the TLS private key readable by its owner only", () => {
    expect(statSync(join(home, ".office-addin-dev-certs", "localhost.key")).mode & 0o777).toBe(0o600);
  });
});
