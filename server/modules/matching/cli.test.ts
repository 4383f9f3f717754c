import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The command-line contract used for external evaluation (scripts/match.ts): stdout holds only
// the CSV of pairs, nothing else, whatever npm or the engine would say.
const dir = mkdtempSync(path.join(os.tmpdir(), "opennrm-match-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const input = [
  "id,given_name,family_name,birth_date,sex,citizenship",
  "10,Iuliia,Kovalenko,1995-03-12,F,UA",
  "2,Юлія,Коваленко,1995-12-03,F,UA",
  "3,Yulia,Kovalenko,1995,F,UA",
  "4,Maria,Popescu,1990-05-01,F,MD",
  "5,Ivan,Petrović,1988-07-20,M,RS",
  "6,Petroviq,Ivan,1988-07-20,M,XK",
  "7,Ștefania,Țurcanu,1984-02-10,F,MD",
  "8,Stefania,Turcanu,,F,MD",
  "9,Elena,Ivanova,1999-02-02,F,RU",
  "11,Ion,Rusu,1970-01-01,M,MD",
  '12,"Ana, Maria",Hoxha,2001-06-30,F,AL',
].join("\n");

describe("npm run --silent match -- <input.csv>", () => {
  it("writes only the header and the pairs judged one person, lower id first", () => {
    const file = path.join(dir, "people.csv");
    writeFileSync(file, input + "\n", "utf8");
    const run = spawnSync("npm", ["run", "--silent", "match", "--", file], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("id_a,id_b,score");
    const pairs = lines.slice(1).map((line) => {
      const [a, b, score] = line.split(",");
      expect(Number(score)).toBeGreaterThanOrEqual(0.5);
      expect(Number(score)).toBeLessThanOrEqual(1);
      return `${a}-${b}`;
    });
    expect(pairs.sort()).toEqual(["10-2", "10-3", "2-3", "5-6", "7-8"]);
    for (const pair of pairs) {
      const [a, b] = pair.split("-") as [string, string];
      expect(a < b).toBe(true);
    }
  });

  it("fails with a message on stderr and nothing on stdout when the file is missing", () => {
    const run = spawnSync("npm", ["run", "--silent", "match", "--", path.join(dir, "missing.csv")], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("cannot read");
  });
});
