// Type-aware lint for all TypeScript: server/, shared/, scripts/, e2e/, bench/ (tsconfig.json)
// and web/src/ (web/tsconfig.json). Run with --max-warnings 0: every finding is an error.
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([
    "**/node_modules/",
    "web/dist/",
    "data/",
    ".tmp/",
    "server/migrations/",
    "coverage/",
    "test-results/",
  ]),
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: {
          // Build configuration outside both tsconfig files.
          allowDefaultProject: ["web/vite.config.ts"],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      // Fastify handlers are async by contract, whether or not they await.
      "@typescript-eslint/require-await": "off",
    },
  },
);
