import { defineConfig } from "vitest/config";

// Three tiers (STYLE.md): pure rules, server tests against a real database, browser stories; and
// the hardening proofs (server/faults/): real server processes killed, PostgreSQL stopped, failover.
// No retries anywhere: a flaky test is a bug to fix.
const ignored = ["**/node_modules/**", "web/dist/**", "data/**", ".tmp/**"];

export default defineConfig({
  test: {
    retry: 0,
    projects: [
      {
        test: {
          name: "unit",
          include: ["{server,shared,scripts}/**/*.unit.test.ts", "web/src/**/*.unit.test.{ts,tsx}"],
          exclude: ignored,
          environment: "node",
          retry: 0,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: "api",
          include: ["server/**/*.test.ts"],
          exclude: [...ignored, "**/*.unit.test.ts", "server/faults/**"],
          environment: "node",
          retry: 0,
          pool: "forks",
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          // Spawns servers and PostgreSQL clusters: run by `npm test` (step "hardening").
          name: "hardening",
          include: ["server/faults/**/*.test.ts"],
          exclude: [...ignored, "**/*.unit.test.ts"],
          environment: "node",
          retry: 0,
          pool: "forks",
          maxWorkers: 2,
          testTimeout: 240_000,
          hookTimeout: 360_000,
          sequence: { groupOrder: 3 },
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          exclude: ignored,
          environment: "node",
          retry: 0,
          pool: "forks",
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
