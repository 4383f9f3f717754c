import { describe, expect, it } from "vitest";
import { homePathFor, mayOpenPage, navigationFor } from "./navigation";

const names = (user: Parameters<typeof navigationFor>[0]) => navigationFor(user).map((item) => item.name);

describe("the navigation", () => {
  it("shows the operations page to the police and the shelter coordination group, not to a social worker", () => {
    expect(names({ roles: ["case_worker"], agency: { type: "social_services" } })).not.toContain(
      "operations",
    );
    expect(names({ roles: ["case_worker"], agency: { type: "shelter_operator" } })).toContain("operations");
    expect(names({ roles: ["police_investigator"], agency: { type: "border_police" } })).toContain(
      "operations",
    );
    expect(names({ roles: ["coordinator"], agency: { type: "national_coordinator" } })).toContain(
      "operations",
    );
  });

  it("keeps police intelligence to the police, and the coordinator's figures", () => {
    expect(mayOpenPage("intelligence", { roles: ["supervisor"], agency: { type: "shelter_operator" } })).toBe(
      false,
    );
    expect(
      mayOpenPage("intelligence", { roles: ["supervisor"], agency: { type: "police_anti_trafficking" } }),
    ).toBe(true);
  });

  it("shows the hotline to the helpline's agency, the police and the coordinator only", () => {
    expect(mayOpenPage("hotline", { roles: ["supervisor"], agency: { type: "shelter_operator" } })).toBe(
      false,
    );
    expect(
      mayOpenPage("hotline", { roles: ["supervisor"], agency: { type: "international_organisation" } }),
    ).toBe(true);
    expect(
      mayOpenPage("hotline", { roles: ["police_investigator"], agency: { type: "police_anti_trafficking" } }),
    ).toBe(true);
  });

  it("shows the docket to a court's staff, not to a shelter's", () => {
    expect(mayOpenPage("justice", { roles: ["case_worker"], agency: { type: "court" } })).toBe(true);
    expect(mayOpenPage("justice", { roles: ["case_worker"], agency: { type: "shelter_operator" } })).toBe(
      false,
    );
    expect(mayOpenPage("justice", { roles: ["prosecutor"], agency: { type: "prosecution" } })).toBe(true);
  });

  it("starts a user on their work, never on a page only consulted", () => {
    expect(homePathFor({ roles: ["case_worker"], agency: { type: "shelter_operator" } })).toBe("/cases");
    expect(homePathFor({ roles: ["auditor"], agency: { type: "national_coordinator" } })).toBe("/audit");
  });
});
