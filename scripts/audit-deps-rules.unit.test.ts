import { describe, expect, it } from "vitest";
import { seriousAdvisories, unexplained } from "./audit-deps-rules";

// The shape `npm audit --json` prints (report format 2), reduced to what the rules read.
const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    archiver: { name: "archiver", severity: "high", via: ["tar-stream"] },
    "tar-stream": {
      name: "tar-stream",
      severity: "high",
      via: [
        {
          source: 1,
          name: "tar-stream",
          title: "Path traversal",
          url: "https://github.com/advisories/GHSA-aaaa-bbbb-cccc",
          severity: "high",
        },
      ],
    },
    tmp: {
      name: "tmp",
      severity: "low",
      via: [
        {
          source: 2,
          name: "tmp",
          title: "Symlink",
          url: "https://github.com/advisories/GHSA-1111-2222-3333",
          severity: "low",
        },
      ],
    },
    uuid: {
      name: "uuid",
      severity: "critical",
      via: [
        {
          source: 3,
          name: "uuid",
          title: "Weak",
          url: "https://github.com/advisories/GHSA-dddd-eeee-ffff",
          severity: "critical",
        },
      ],
    },
  },
};

describe("npm audit rules", () => {
  it("keeps high and critical advisories once each, with their GHSA id", () => {
    expect(seriousAdvisories(report)).toEqual([
      { id: "GHSA-AAAA-BBBB-CCCC", package: "tar-stream", severity: "high", title: "Path traversal" },
      { id: "GHSA-DDDD-EEEE-FFFF", package: "uuid", severity: "critical", title: "Weak" },
    ]);
  });

  it("reports an advisory without an exception, and one whose review day has passed", () => {
    const advisories = seriousAdvisories(report);
    const exceptions = [
      { id: "GHSA-aaaa-bbbb-cccc", reason: "only in the import of our own files", reviewBy: "2027-01-01" },
      { id: "GHSA-DDDD-EEEE-FFFF", reason: "server side only", reviewBy: "2026-01-01" },
    ];
    const { open, stale } = unexplained(advisories, exceptions, "2026-11-23");
    expect(open.map((a) => a.id)).toEqual(["GHSA-DDDD-EEEE-FFFF"]);
    expect(stale.map((e) => e.id)).toEqual(["GHSA-DDDD-EEEE-FFFF"]);
    expect(unexplained(advisories, exceptions.slice(0, 1), "2026-11-23").open).toHaveLength(1);
  });

  it("refuses something that is not an audit report", () => {
    expect(() => seriousAdvisories({ error: {} })).toThrow(/not an npm audit report/);
  });
});
