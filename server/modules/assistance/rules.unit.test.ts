import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { serviceStatuses } from "../../../shared/assistance";
import { pathways } from "../../../shared/vocabulary";
import { loadSop } from "../pathway/sop";
import {
  daysBetween,
  daysLeft,
  extensionIssue,
  isForeignVictim,
  mayMoveService,
  periodEnd,
  periodOverAt,
  planIssue,
  reminderDue,
  residenceIssue,
  serviceIssue,
} from "./rules";

const zone = "Europe/Belgrade";

describe("the reflection period", () => {
  it("ends the SOP's number of days after the identification date", () => {
    expect(periodEnd("2026-06-14", 90)).toBe("2026-09-12");
    expect(periodEnd("2026-12-15", 90)).toBe("2027-03-15");
    expect(periodEnd("2028-01-01", 60)).toBe("2028-03-01");
  });

  it("counts the days left on the jurisdiction's calendar, not in UTC", () => {
    // 23:30 UTC on 11 September is already 12 September in Belgrade (summer time, UTC+2).
    expect(daysLeft("2026-09-12", new Date("2026-09-11T21:59:00Z"), zone)).toBe(1);
    expect(daysLeft("2026-09-12", new Date("2026-09-11T22:00:00Z"), zone)).toBe(0);
    expect(daysLeft("2026-09-12", new Date("2026-09-12T21:59:00Z"), zone)).toBe(0);
    expect(daysLeft("2026-09-12", new Date("2026-09-12T22:00:00Z"), zone)).toBe(-1);
  });

  it("keeps whole days across the change to summer time", () => {
    // Clocks go from 02:00 to 03:00 on 29 March 2026: that day has 23 hours.
    expect(daysLeft("2026-03-30", new Date("2026-03-28T23:00:00Z"), zone)).toBe(1);
    expect(daysLeft("2026-03-30", new Date("2026-03-28T22:59:00Z"), zone)).toBe(2);
    expect(periodOverAt("2026-03-28", zone).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(periodOverAt("2026-03-29", zone).toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });

  it("keeps whole days across the change back to winter time", () => {
    // Clocks go from 03:00 back to 02:00 on 25 October 2026: that day has 25 hours.
    expect(periodOverAt("2026-10-24", zone).toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(periodOverAt("2026-10-25", zone).toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(daysLeft("2026-10-26", new Date("2026-10-25T22:59:00Z"), zone)).toBe(1);
    expect(daysLeft("2026-10-26", new Date("2026-10-25T23:00:00Z"), zone)).toBe(0);
    // A period over the change is still 90 calendar days.
    expect(periodEnd("2026-08-01", 90)).toBe("2026-10-30");
    expect(daysBetween("2026-10-01", "2026-11-01")).toBe(31);
  });

  it("is extended only to a later end date", () => {
    expect(extensionIssue("2026-09-12", "2026-12-11")).toBeNull();
    expect(extensionIssue("2026-09-12", "2026-09-13")).toBeNull();
    expect(extensionIssue("2026-09-12", "2026-09-12")).toEqual({
      field: "newEndDate",
      code: "extension_not_later",
    });
    expect(extensionIssue("2026-09-12", "2026-08-01")).toEqual({
      field: "newEndDate",
      code: "extension_not_later",
    });
  });

  it("reminds within the lead time before the end and not after it", () => {
    const end = "2026-09-12";
    expect(reminderDue(end, new Date("2026-08-28T21:59:00Z"), zone)).toBe(false); // 15 days left
    expect(reminderDue(end, new Date("2026-08-28T22:00:00Z"), zone)).toBe(true); // 14 days left
    expect(reminderDue(end, new Date("2026-09-12T12:00:00Z"), zone)).toBe(true);
    expect(reminderDue(end, new Date("2026-09-12T22:00:00Z"), zone)).toBe(false);
    expect(reminderDue(end, new Date("2026-09-10T10:00:00Z"), zone, 1)).toBe(false);
  });
});

describe("temporary residence", () => {
  it("is for foreign victims: the foreign adult pathway, or a child with no home citizenship", () => {
    const home = ["XK"];
    expect(isForeignVictim("foreign_adult", ["MD"], home)).toBe(true);
    expect(isForeignVictim("foreign_adult", [], home)).toBe(true);
    expect(isForeignVictim("domestic_adult", ["XK"], home)).toBe(false);
    expect(isForeignVictim("child", ["MD"], home)).toBe(true);
    expect(isForeignVictim("child", ["XK", "AL"], home)).toBe(false);
    expect(isForeignVictim("child", [], home)).toBe(false);
  });

  it("is valid after its grant, and an extension runs past the validity in force", () => {
    expect(residenceIssue({ grantedDate: "2026-06-20", validUntil: "2026-09-18" }, null)).toBeNull();
    expect(residenceIssue({ grantedDate: "2026-06-20", validUntil: "2026-06-20" }, null)).toEqual({
      field: "validUntil",
      code: "dates_out_of_order",
    });
    expect(
      residenceIssue({ grantedDate: "2026-09-01", validUntil: "2026-09-18" }, { validUntil: "2026-09-18" }),
    ).toEqual({ field: "validUntil", code: "extension_not_later" });
    expect(
      residenceIssue({ grantedDate: "2026-09-01", validUntil: "2026-12-17" }, { validUntil: "2026-09-18" }),
    ).toBeNull();
  });
});

describe("a service", () => {
  it("names a provider, an agency or one outside the system", () => {
    expect(serviceIssue({ startDate: "2026-06-15" })).toEqual({
      field: "providerAgencyId",
      code: "provider_required",
    });
    expect(serviceIssue({ startDate: "2026-06-15", providerName: "   " })?.code).toBe("provider_required");
    expect(serviceIssue({ startDate: "2026-06-15", providerName: "a private clinic" })).toBeNull();
    expect(serviceIssue({ startDate: "2026-06-15", providerAgencyId: "x" })).toBeNull();
  });

  it("does not end before it starts", () => {
    expect(serviceIssue({ startDate: "2026-06-15", endDate: "2026-06-14", providerName: "clinic" })).toEqual({
      field: "endDate",
      code: "dates_out_of_order",
    });
    expect(
      serviceIssue({ startDate: "2026-06-15", endDate: "2026-06-15", providerName: "clinic" }),
    ).toBeNull();
  });

  it("moves through its statuses; a person who declined may take it up again", () => {
    expect(mayMoveService("planned", "in_progress")).toBe(true);
    expect(mayMoveService("in_progress", "delivered")).toBe(true);
    expect(mayMoveService("planned", "declined_by_person")).toBe(true);
    expect(mayMoveService("declined_by_person", "planned")).toBe(true);
    expect(mayMoveService("delivered", "planned")).toBe(false);
    expect(mayMoveService("ended", "declined_by_person")).toBe(false);
    // Every status is reachable from "planned", directly or in steps.
    const reached = new Set(["planned"]);
    for (let round = 0; round < serviceStatuses.length; round++)
      for (const from of [...reached])
        for (const to of serviceStatuses) if (mayMoveService(from as never, to)) reached.add(to);
    expect([...reached].sort()).toEqual([...serviceStatuses].sort());
  });
});

describe("a support plan", () => {
  it("is reviewed and ends on or after its start", () => {
    expect(planIssue({ startDate: "2026-06-15", reviewDate: "2026-07-15" })).toBeNull();
    expect(planIssue({ startDate: "2026-06-15", reviewDate: "2026-06-01" })).toEqual({
      field: "reviewDate",
      code: "dates_out_of_order",
    });
    expect(
      planIssue({ startDate: "2026-06-15", reviewDate: "2026-07-15", plannedEndDate: "2026-06-10" }),
    ).toEqual({ field: "plannedEndDate", code: "dates_out_of_order" });
  });
});

describe("assistance never depends on cooperation with police or prosecution", () => {
  const sop = loadSop("kosovo");

  it("no transition into immediate assistance or the reflection period requires a statement or cooperation", () => {
    let checked = 0;
    for (const name of pathways) {
      for (const transition of sop.pathways[name].transitions) {
        if (transition.to !== "immediate_assistance" && transition.to !== "reflection_period") continue;
        checked++;
        for (const requirement of transition.requires) {
          expect(requirement, `${name} → ${transition.to}`).not.toMatch(/statement|cooperat/i);
        }
      }
    }
    // Each pathway has at least its way in from referral and from immediate assistance.
    expect(checked).toBeGreaterThanOrEqual(pathways.length * 2);
  });

  it("no code of the assistance module reads a statement, testimony or cooperation", () => {
    const folder = path.dirname(fileURLToPath(import.meta.url));
    const sources = fs.readdirSync(folder).filter((file) => file.endsWith(".ts") && !file.includes(".test."));
    expect(sources).toContain("commands.ts");
    for (const file of sources) {
      const code = fs
        .readFileSync(path.join(folder, file), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      expect(code, file).not.toMatch(/statement|cooperat|testimon|willingness/i);
      expect(code, file).not.toMatch(/from "\.\.\/interview\//);
    }
  });
});
