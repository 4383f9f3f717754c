import { describe, expect, it } from "vitest";
import { chainHash, GENESIS } from "./chain";

const row = {
  seq: 1,
  at: new Date("2026-01-01T00:00:00.000Z"),
  actorUserId: "u",
  actorAgencyId: "a",
  action: "case.register",
  caseId: null,
  entity: "case",
  entityId: "NRM-2026-00001",
  detail: { reference: "NRM-2026-00001", pathway: "child" },
  ip: "127.0.0.1",
  reason: null,
};

describe("the audit chain hash", () => {
  it("does not depend on the order of detail keys (the database reorders them)", () => {
    expect(
      chainHash(GENESIS, row).equals(
        chainHash(GENESIS, { ...row, detail: { pathway: "child", reference: "NRM-2026-00001" } }),
      ),
    ).toBe(true);
  });
  it("changes with any field and with the previous hash", () => {
    const base = chainHash(GENESIS, row);
    expect(chainHash(GENESIS, { ...row, action: "case.identity.read" }).equals(base)).toBe(false);
    expect(chainHash(GENESIS, { ...row, at: new Date("2026-01-01T00:00:00.001Z") }).equals(base)).toBe(false);
    expect(chainHash(Buffer.alloc(32, 1), row).equals(base)).toBe(false);
  });
});
