// The https certificates for `npm start`: a development CA and a localhost certificate signed by
// it, in ~/.office-addin-dev-certs (the folder Microsoft's tooling uses, so that
// `npx office-addin-dev-certs install` trusts the same CA on Windows and macOS). Only generation
// runs here, which needs no sudo; trusting the CA is left to the user (start.mjs prints how).
// PE_DEV_CERTS_DIR overrides the folder; when the home folder is not writable, .certs/ is used.
import { createPrivateKey, X509Certificate } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const VALIDITY_DAYS = 365;
const RENEW_WITHIN_MS = 24 * 60 * 60 * 1000;

function pathsIn(directory) {
  return {
    directory,
    caPath: join(directory, "ca.crt"),
    certPath: join(directory, "localhost.crt"),
    keyPath: join(directory, "localhost.key"),
  };
}

function writableDirectory() {
  const preferred = process.env.PE_DEV_CERTS_DIR || join(homedir(), ".office-addin-dev-certs");
  for (const directory of [preferred, join(root, ".certs")]) {
    try {
      mkdirSync(directory, { recursive: true, mode: 0o700 });
      return directory;
    } catch {
      // not writable: try the next place
    }
  }
  throw new Error(`cannot create a folder for the development certificates (tried ${preferred} and .certs/)`);
}

/** Why the files cannot be used as they are, or undefined when they can. */
function problemWith(paths) {
  if (![paths.caPath, paths.certPath, paths.keyPath].every((file) => existsSync(file))) return "missing";
  try {
    const ca = new X509Certificate(readFileSync(paths.caPath));
    const cert = new X509Certificate(readFileSync(paths.certPath));
    const key = readFileSync(paths.keyPath, "utf8");
    if (Date.parse(cert.validTo) - Date.now() < RENEW_WITHIN_MS || Date.parse(ca.validTo) - Date.now() < RENEW_WITHIN_MS)
      return "expired";
    if (!cert.checkHost("localhost")) return "not for localhost";
    if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return "not signed by the CA";
    if (!cert.checkPrivateKey(createPrivateKey(key))) return "key does not match";
    return undefined;
  } catch (error) {
    return `unreadable (${error.message})`;
  }
}

export async function ensureDevCertificates() {
  const paths = pathsIn(writableDirectory());
  const problem = problemWith(paths);
  let generated = false;
  if (problem) {
    if (problem !== "missing") console.log(`The certificates in ${paths.directory} are ${problem}: generating new ones.`);
    // office-addin-dev-certs writes nothing when a CA file already exists.
    for (const file of [paths.caPath, paths.certPath, paths.keyPath]) rmSync(file, { force: true });
    const { generateCertificates } = require("office-addin-dev-certs");
    await generateCertificates(paths.caPath, paths.certPath, paths.keyPath, VALIDITY_DAYS);
    const stillWrong = problemWith(paths);
    if (stillWrong) throw new Error(`the generated certificates in ${paths.directory} are ${stillWrong}`);
    generated = true;
  }
  // The private key is readable by its owner only (office-addin-dev-certs writes it 0644).
  chmodSync(paths.keyPath, 0o600);
  const cert = readFileSync(paths.certPath);
  return {
    ...paths,
    generated,
    key: readFileSync(paths.keyPath),
    cert,
    ca: readFileSync(paths.caPath),
    validTo: new X509Certificate(cert).validTo,
  };
}
