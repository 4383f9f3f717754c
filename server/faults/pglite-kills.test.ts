/**
 * SIGKILL during writes on the embedded database (issue 10, item 8), reduced to 3 kills
 * (`npm run bench:faults -- --database pglite` runs 20): after each restart on the same DATA_DIR,
 * every acknowledged write (case, needs assessment with its sealed note) is there.
 */
import { describe, expect, it } from "vitest";
import { killLoop } from "./kill-loop";

describe("SIGKILL during writes", () => {
  it("loses no acknowledged write on PGlite", async () => {
    const figures = await killLoop({ database: "pglite", env: {}, kills: 3 });
    expect(figures.kills).toBe(3);
    expect(figures.acknowledgedCases).toBeGreaterThan(0);
    expect(figures.acknowledgedNotes).toBeGreaterThan(0);
    expect(figures.lostExamples).toEqual([]);
    expect(figures.lost).toBe(0);
    expect(figures.serverErrors).toBe(0);
  }, 600_000);
});
