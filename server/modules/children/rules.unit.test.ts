import { describe, expect, it } from "vitest";
import {
  childRequirements,
  guardianDueAt,
  heldTooLongAtPoliceStation,
  locationIssue,
  mayNotifyParent,
  parentsToNotify,
  pastDateIssue,
  policeStationStay,
} from "./rules";

const now = new Date("2026-06-15T10:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe("notifying parents", () => {
  it("never reaches a parent flagged as a suspected trafficker", () => {
    expect(mayNotifyParent({ suspectedTrafficker: true })).toBe(false);
    expect(mayNotifyParent({ suspectedTrafficker: false })).toBe(true);
  });

  it("reaches every parent not flagged, and only them", () => {
    const parents = [
      { id: "mother", suspectedTrafficker: true },
      { id: "father", suspectedTrafficker: false },
      { id: "aunt", suspectedTrafficker: false },
    ];
    expect(parentsToNotify(parents).map((p) => p.id)).toEqual(["father", "aunt"]);
    expect(parentsToNotify([{ id: "mother", suspectedTrafficker: true }])).toEqual([]);
  });
});

describe("the child at a police station", () => {
  const at = (id: string, locationType: "police_station" | "shelter", h: number) => ({
    id,
    locationType,
    since: hoursAgo(h),
  });

  it("is a stay from the first station of the latest unbroken run", () => {
    expect(policeStationStay([])).toBeNull();
    expect(policeStationStay([at("a", "police_station", 10), at("b", "shelter", 2)])).toBeNull();
    // A transfer to another station does not restart the clock; the order given does not matter.
    expect(policeStationStay([at("c", "police_station", 3), at("b", "police_station", 7)])).toEqual({
      id: "b",
      since: hoursAgo(7),
    });
    // After a shelter, a new stay starts.
    expect(
      policeStationStay([
        at("a", "police_station", 20),
        at("b", "shelter", 10),
        at("c", "police_station", 1),
      ]),
    ).toEqual({ id: "c", since: hoursAgo(1) });
  });

  it("is too long only past the SOP's hours", () => {
    expect(heldTooLongAtPoliceStation(null, 6, now)).toBe(false);
    expect(heldTooLongAtPoliceStation({ since: hoursAgo(6) }, 6, now)).toBe(false);
    expect(heldTooLongAtPoliceStation({ since: new Date(hoursAgo(6).getTime() - 1000) }, 6, now)).toBe(true);
    expect(heldTooLongAtPoliceStation({ since: hoursAgo(7) }, 8, now)).toBe(false);
  });
});

describe("a new location", () => {
  it("begins at a time that has passed, not before the current one", () => {
    expect(locationIssue(hoursAgo(1), now, null)).toBeNull();
    expect(locationIssue(new Date(now.getTime() + 60_000), now, null)).toEqual({
      field: "since",
      code: "date_in_future",
    });
    expect(locationIssue(hoursAgo(3), now, { since: hoursAgo(2) })).toEqual({
      field: "since",
      code: "location_before_current",
    });
    expect(locationIssue(hoursAgo(2), now, { since: hoursAgo(2) })).toBeNull();
  });
});

describe("dates and deadlines", () => {
  it("refuses a date after today", () => {
    expect(pastDateIssue("heardOn", "2026-06-16", "2026-06-15")).toEqual({
      field: "heardOn",
      code: "date_in_future",
    });
    expect(pastDateIssue("heardOn", "2026-06-15", "2026-06-15")).toBeNull();
  });

  it("makes a guardian due the SOP's hours after registration", () => {
    expect(guardianDueAt(new Date("2026-06-14T23:30:00Z"), 24).toISOString()).toBe(
      "2026-06-15T23:30:00.000Z",
    );
  });
});

describe("the child's requirements", () => {
  it("hold exactly for the records that exist", () => {
    const none = { caseWorker: false, activeGuardian: false, views: false, bestInterests: false };
    expect(childRequirements(none)).toEqual([]);
    expect(childRequirements({ ...none, activeGuardian: true })).toEqual(["guardian_assigned"]);
    expect(
      childRequirements({ caseWorker: true, activeGuardian: true, views: true, bestInterests: true }),
    ).toEqual([
      "case_worker_assigned",
      "guardian_assigned",
      "child_views_recorded",
      "best_interests_determination",
    ]);
  });
});
