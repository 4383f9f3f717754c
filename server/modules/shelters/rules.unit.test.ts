import { describe, expect, it } from "vitest";
import { freeBeds, placementRefusal } from "./rules";

describe("placing a person in a shelter", () => {
  it("places adults in any shelter and children in a children's shelter", () => {
    expect(placementRefusal("foreign_adult", "domestic_victims", null)).toBeNull();
    expect(placementRefusal("child", "children", null)).toBeNull();
  });
  it("refuses a child in an adult shelter without an override", () => {
    expect(placementRefusal("child", "foreign_victims", null)).toBe("child_needs_childrens_shelter");
    expect(placementRefusal("child", "domestic_victims", null)).toBe("child_needs_childrens_shelter");
  });
  it("accepts the override of a supervisor only", () => {
    expect(placementRefusal("child", "foreign_victims", { bySupervisor: true })).toBeNull();
    expect(placementRefusal("child", "foreign_victims", { bySupervisor: false })).toBe("forbidden");
  });
});

describe("free beds", () => {
  it("are capacity minus occupied, never below zero", () => {
    expect(freeBeds(6, 4)).toBe(2);
    expect(freeBeds(6, 6)).toBe(0);
    expect(freeBeds(4, 6)).toBe(0);
  });
});
