import { describe, expect, it } from "vitest";
import { escalationAgencies } from "./recipients";

const social = { id: "csw", type: "social_services" as const };
const agency = (id: string, type: string, onTeam: boolean, active = true) =>
  ({ id, type, onTeam, active }) as Parameters<typeof escalationAgencies>[2][number];

describe("who an escalation reaches", () => {
  it("is the responsible agency itself when the SOP names its own type (its supervisor)", () => {
    expect(
      escalationAgencies(social, "social_services", [agency("other-csw", "social_services", true)]),
    ).toEqual(["csw"]);
  });

  it("is the team's agencies of the type when there are any", () => {
    const pool = [agency("ngo-1", "ngo", true), agency("ngo-2", "ngo", false)];
    expect(escalationAgencies(social, "ngo", pool)).toEqual(["ngo-1"]);
  });

  it("is every active agency of the type when none is on the team, never an inactive one", () => {
    const pool = [
      agency("national", "national_coordinator", false),
      agency("old-office", "national_coordinator", false, false),
    ];
    expect(escalationAgencies(social, "national_coordinator", pool)).toEqual(["national"]);
  });

  it("is nobody when no agency of the type exists", () => {
    expect(escalationAgencies(social, "national_coordinator", [])).toEqual([]);
  });
});
