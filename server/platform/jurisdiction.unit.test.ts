import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadJurisdiction, localDate } from "./jurisdiction";

describe("jurisdiction configuration", () => {
  it("loads Kosovo with its demo data", () => {
    const kosovo = loadJurisdiction("kosovo");
    expect(kosovo.homeCountries).toEqual(["XK"]);
    expect(kosovo.demo?.users.length).toBeGreaterThanOrEqual(8);
  });
  it("refuses an invalid file at start with a message naming the field", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "opennrm-config-"));
    fs.mkdirSync(path.join(root, "broken"));
    const good = JSON.parse(
      fs.readFileSync(
        path.resolve(import.meta.dirname, "../../config/jurisdictions/kosovo/jurisdiction.json"),
        "utf8",
      ),
    ) as Record<string, unknown>;
    fs.writeFileSync(
      path.join(root, "broken", "jurisdiction.json"),
      JSON.stringify({ ...good, timeZone: "Mars/Olympus" }),
    );
    expect(() => loadJurisdiction("broken", root)).toThrow(/timeZone: unknown IANA time zone/);
    fs.rmSync(root, { recursive: true });
  });
  it("reckons today's date in the jurisdiction's time zone", () => {
    expect(localDate(new Date("2026-03-28T23:30:00Z"), "Europe/Belgrade")).toBe("2026-03-29");
    expect(localDate(new Date("2026-03-28T22:30:00Z"), "Europe/Belgrade")).toBe("2026-03-28");
  });
});
