import { describe, expect, it } from "vitest";
import { freePlaces, nextStatus, placesLeftFor, placesShortage } from "./rules";

describe("free places", () => {
  it("counts foreign and domestic victims' shelters as adult places, children's apart", () => {
    expect(
      freePlaces([
        { kind: "foreign_victims", free: 3 },
        { kind: "domestic_victims", free: 2 },
        { kind: "children", free: 1 },
      ]),
    ).toEqual({ adults: 5, children: 1 });
  });
});

describe("places shortage", () => {
  it("finds one adult and one child short for 8 people (2 minors) against 5 and 1 places", () => {
    expect(placesShortage({ people: 8, minors: 2 }, { adults: 5, children: 1 })).toEqual({
      adultsShort: 1,
      minorsShort: 1,
    });
  });

  it("is null when every expected person has a place", () => {
    expect(placesShortage({ people: 8, minors: 2 }, { adults: 6, children: 2 })).toBeNull();
  });

  it("never lets a spare adult bed take a child", () => {
    expect(placesShortage({ people: 3, minors: 3 }, { adults: 10, children: 0 })).toEqual({
      adultsShort: 0,
      minorsShort: 3,
    });
  });

  it("reports adults short alone", () => {
    expect(placesShortage({ people: 4, minors: 0 }, { adults: 1, children: 5 })).toEqual({
      adultsShort: 3,
      minorsShort: 0,
    });
  });
});

describe("status", () => {
  it("goes planned, started, finished and no further", () => {
    expect(nextStatus("planned")).toBe("started");
    expect(nextStatus("started")).toBe("finished");
    expect(nextStatus("finished")).toBeNull();
  });
});

describe("the queue of open notices", () => {
  const notice = (
    id: string,
    plannedOn: string,
    people: number,
    minors: number,
    filedAt = "2026-06-01T08:00:00Z",
  ) => ({
    id,
    plannedOn,
    filedAt: new Date(filedAt),
    expectedPeople: people,
    expectedMinors: minors,
  });
  const free = { adults: 5, children: 1 };

  it("leaves the first notice all the free places", () => {
    expect(placesLeftFor({ id: "a" }, [notice("a", "2026-06-20", 8, 2)], free)).toEqual(free);
  });

  it("takes the places of notices planned earlier, adults and children apart", () => {
    const queue = [notice("b", "2026-06-20", 2, 0), notice("a", "2026-06-19", 3, 1)];
    expect(placesLeftFor({ id: "b" }, queue, free)).toEqual({ adults: 3, children: 0 });
    expect(placesLeftFor({ id: "a" }, queue, free)).toEqual(free);
  });

  it("orders notices of the same day by when they were filed, never below zero", () => {
    const queue = [
      notice("late", "2026-06-20", 1, 0, "2026-06-02T08:00:00Z"),
      notice("early", "2026-06-20", 9, 3, "2026-06-01T08:00:00Z"),
    ];
    expect(placesLeftFor({ id: "late" }, queue, free)).toEqual({ adults: 0, children: 0 });
  });

  it("leaves the places as they are for a notice no longer in the queue", () => {
    expect(placesLeftFor({ id: "gone" }, [notice("a", "2026-06-20", 2, 0)], free)).toEqual(free);
  });
});
