// What the add-in's pages and the development server allow, in one place (webpack.config.js puts
// the policy into every page as a <meta> tag and the dev server sends it as a header too).
//
// Content-Security-Policy, as strict as office.js and the engine allow:
// - script-src 'self' plus Microsoft's office.js CDN (production pages load office.js and the
//   scripts it loads from appsforoffice.microsoft.com). No 'unsafe-eval': HyperFormula's parser
//   (chevrotain's EmbeddedActionsParser) builds no code at run time — chevrotain's only
//   `new Function` is in generateParserFactory, which HyperFormula does not call — office.js 1.1
//   has no eval, and the development build uses "cheap-module-source-map", not an eval devtool.
//   No 'unsafe-inline' scripts: the pages load bundles only.
// - style-src 'unsafe-inline': Fluent UI v9 (Griffel) inserts its CSS as <style> elements at run
//   time, and the pages carry small inline styles; styles cannot run code.
// - connect-src 'self' (plus the dev server's live-reload WebSocket in development); img-src allows
//   data: URLs (Fluent icons); object-src 'none', base-uri 'self', form-action 'self'.
// frame-ancestors cannot be set in a <meta> tag, and Office hosts the pane in frames of its own
// origins, so it is left open.
//
// The dev server: CORS only for Office's own origins (Excel on the web fetches functions.json and
// the pages cross-origin), no directory listings, no /webpack-dev-server asset report, WebSocket
// upgrades only from the server's own origin (or a client sending no Origin, which is not a browser).

const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

function contentSecurityPolicy({ development = false, port = 3000 } = {}) {
  const connect = ["'self'", ...(development ? [`wss://localhost:${port}`, `https://localhost:${port}`] : [])];
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_JS_ORIGIN}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** Office's web origins (Excel on the web, Microsoft 365): the only ones granted CORS. */
const OFFICE_ORIGIN =
  /^https:\/\/([a-z0-9-]+\.)*(officeapps\.live\.com|office\.com|office365\.com|office\.net|sharepoint\.com|microsoft365\.com|cloud\.microsoft)$/i;

function isOfficeOrigin(origin) {
  return typeof origin === "string" && OFFICE_ORIGIN.test(origin);
}

function ownOrigins(port) {
  return new Set([`https://localhost:${port}`, `https://127.0.0.1:${port}`]);
}

/** webpack-dev-server's setupMiddlewares: ours first, its /webpack-dev-server report removed. */
function secureMiddlewares({ port, development = true }) {
  const policy = contentSecurityPolicy({ development, port });
  return (middlewares) => {
    const kept = middlewares.filter((entry) => entry.name !== "webpack-dev-server-assets");
    kept.unshift({
      name: "partner-economics-security",
      middleware: (req, res, next) => {
        const path = (req.url || "/").split("?")[0];
        if (path === "/webpack-dev-server" || path.startsWith("/webpack-dev-server/")) {
          res.statusCode = 404;
          res.end("Not found");
          return;
        }
        res.setHeader("Content-Security-Policy", policy);
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "no-referrer");
        const origin = req.headers.origin;
        if (isOfficeOrigin(origin)) {
          res.setHeader("Access-Control-Allow-Origin", origin);
          res.setHeader("Vary", "Origin");
        }
        next();
      },
    });
    return kept;
  };
}

/** Refuses (403) a WebSocket upgrade whose Origin is not the server's own. */
function guardUpgrades(server, port) {
  const allowed = ownOrigins(port);
  server.prependListener("upgrade", (req, socket) => {
    const origin = req.headers.origin;
    if (origin === undefined || allowed.has(origin)) return;
    socket.write("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    socket.destroy();
  });
}

/** The devServer options that make it safe; webpack.config.js spreads them into its devServer. */
function secureDevServerOptions({ port }) {
  return {
    allowedHosts: ["localhost", "127.0.0.1"],
    setupMiddlewares: secureMiddlewares({ port }),
    onListening: (devServer) => {
      if (devServer && devServer.server) guardUpgrades(devServer.server, port);
    },
  };
}

module.exports = { contentSecurityPolicy, isOfficeOrigin, secureDevServerOptions, OFFICE_JS_ORIGIN };
