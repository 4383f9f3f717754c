import { describe, expect, it } from "vitest";
import { freePlaces, nextStatus, placesShortage } from "./rules";

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
