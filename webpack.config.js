// Builds the add-in's pages into dist/ (or env.outputPath):
//   taskpane.html   the shared runtime: office.js, then functions.js (the PE custom functions),
//                   then the task pane; Excel loads it for both (manifest <Runtimes>)
//   functions.js    the custom functions, with functions.json generated from their JSDoc by
//                   custom-functions-metadata-plugin (a metadata error fails the build)
//   reference.html  the function reference the @helpurls point to, rendered from functions.json
//   index.html, workbench.html   the page for use without Excel (the engine in the browser)
// Production pages load office.js from Microsoft's CDN; development pages and the workbench use
// the copy in node_modules/@microsoft/office-js so that everything works offline.
// Called as webpack's config function: (env, argv) with env.outputPath and env.port optional.
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { ReferencePagePlugin } = require("./scripts/reference-page.cjs");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIST = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");
const OFFICE_JS_LOCAL = "office-js/office.js"; // relative to the pages
const DEFAULT_PORT = 3000;
const FUNCTIONS_SOURCE = path.resolve(__dirname, "src/functions/functions.ts");

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || "production";
  const development = mode === "development";
  const port = Number(env.port || DEFAULT_PORT);
  const outputPath = env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, "dist");
  const officeJsForAddin = development ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;

  return {
    mode,
    context: __dirname,
    target: ["web", "es2020"],
    devtool: development ? "cheap-module-source-map" : "source-map",
    entry: {
      // The guard first: the metadata plugin appends CustomFunctions.associate(...) to functions.ts.
      functions: ["./src/functions/runtime-guard.ts", "./src/functions/functions.ts"],
      taskpane: "./src/taskpane/index.tsx",
      workbench: "./src/workbench/index.tsx",
    },
    output: {
      path: outputPath,
      // functions.js keeps its name: the manifest points at it.
      filename: (pathData) => (development || pathData.chunk.name === "functions" ? "[name].js" : "[name].[contenthash:8].js"),
      chunkFilename: development ? "[name].js" : "[name].[contenthash:8].js",
      publicPath: "auto", // relative URLs: the pages work from any folder of a web server
      // dist/node holds the pe-calc bundle (npm run build:node), which the add-in build must keep.
      clean: { keep: /^node[\\/]/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      // csv-parse's Node build uses Buffer at load time, which browsers lack; its browser build carries
      // its own (the scorecard and payout wizards parse pasted text in the pane, in lazily loaded chunks).
      alias: { "csv-parse/sync$": require.resolve("csv-parse/browser/esm/sync") },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { noEmit: false, module: "esnext", target: "es2020", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      new ReferencePagePlugin({ input: "functions.json", output: "reference.html" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        inject: "body",
        scriptLoading: "blocking",
        templateParameters: { officeJsUrl: officeJsForAddin },
      }),
      ...["index.html", "workbench.html"].map(
        (filename) =>
          new HtmlWebpackPlugin({
            filename,
            template: "./src/workbench/workbench.html",
            chunks: ["workbench"],
            inject: "body",
            scriptLoading: "blocking",
            templateParameters: { officeJsUrl: OFFICE_JS_LOCAL },
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // The dev server on another port serves a manifest that points at that port.
            transform: (content) =>
              port === DEFAULT_PORT
                ? content
                : content.toString().replaceAll(`https://localhost:${DEFAULT_PORT}/`, `https://localhost:${port}/`),
          },
          // The workbench's local office.js: outside Office it loads only these files (checked in
          // Chromium); the dev server serves the whole package folder instead.
          ...(development
            ? []
            : [
                ...["office.js", "o15apptofilemappingtable.js", "en-us/office_strings.js"].map((file) => ({
                  from: path.join(OFFICE_JS_DIST, file),
                  to: `office-js/${file}`,
                  info: { minimized: true },
                })),
              ]),
        ],
      }),
    ],
    optimization: {
      // The functions chunk shares nothing with the pane: no React or HyperFormula can reach it.
      splitChunks: { chunks: "async" },
    },
    performance: { hints: false }, // budgets are tested in test/build/bundles.test.ts on gzipped sizes
    devServer: {
      port,
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: [{ directory: OFFICE_JS_DIST, publicPath: "/office-js", watch: false }],
      client: { overlay: { errors: true, warnings: false } },
      hot: false,
    },
  };
};
