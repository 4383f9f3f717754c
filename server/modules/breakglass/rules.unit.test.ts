import { describe, expect, it } from "vitest";
import { breakGlassExpiry, breakGlassIssue, breakGlassScopes, breakGlassState } from "./rules";

const now = new Date("2026-06-15T22:00:00Z");

describe("break-glass rules", () => {
  it("shows identity, never circumstances", () => {
    expect(breakGlassScopes).toEqual(["identity"]);
  });

  it("needs free text when the reason is 'other', and only then", () => {
    expect(breakGlassIssue({ reasonCode: "other" })).toEqual({
      field: "reasonText",
      code: "breakglass_reason_text_required",
    });
    expect(breakGlassIssue({ reasonCode: "other", reasonText: "   " })?.code).toBe(
      "breakglass_reason_text_required",
    );
    expect(breakGlassIssue({ reasonCode: "other", reasonText: "patrol found her" })).toBeNull();
    expect(breakGlassIssue({ reasonCode: "imminent_danger" })).toBeNull();
  });

  it("refuses a reason text over 1000 characters", () => {
    expect(breakGlassIssue({ reasonCode: "medical_emergency", reasonText: "x".repeat(1001) })).toEqual({
      field: "reasonText",
      code: "too_long",
    });
  });

  it("ends after the configured hours", () => {
    expect(breakGlassExpiry(now, 4).toISOString()).toBe("2026-06-16T02:00:00.000Z");
    expect(breakGlassExpiry(now, 0.5).toISOString()).toBe("2026-06-15T22:30:00.000Z");
  });

  it("is active until it expires or is ended", () => {
    const expiresAt = new Date("2026-06-16T02:00:00Z");
    expect(breakGlassState({ expiresAt, endedAt: null }, now)).toBe("active");
    expect(breakGlassState({ expiresAt, endedAt: null }, expiresAt)).toBe("expired");
    expect(breakGlassState({ expiresAt, endedAt: new Date("2026-06-15T23:00:00Z") }, now)).toBe("ended");
  });
});
