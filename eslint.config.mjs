import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import house from "./eslint/layer-boundaries.mjs";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "generated/", "coverage/", "test-artifacts/", "assets/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: "readonly", process: "readonly", require: "readonly", module: "readonly", __dirname: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Layer arrows (README "Layout"): a wrong import fails `npm run lint`; test/lint proves it.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { house, "react-hooks": reactHooks },
    rules: {
      "house/layer-boundaries": "error",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
