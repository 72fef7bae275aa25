/**
 * Every test runs under this one config, with SWC: `npm test` runs them all (after building the
 * Node entry points, type-checking and linting); `npm run test:unit` leaves out the browser (e2e),
 * production-build and CLI tests (no build, no Chromium) for a fast inner loop; `npm run test:e2e`
 * runs only the browser tests.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testPathIgnorePatterns: ["/node_modules/"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } } } },
    ],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 60000,
};
