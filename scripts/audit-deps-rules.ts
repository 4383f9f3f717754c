/**
 * The rules of `npm run audit:deps`: which advisories of an `npm audit --json` report (format 2)
 * are high or critical, and which of those have no written explanation in
 * `config/audit-exceptions.json`.
 */
export interface Advisory {
  id: string;
  package: string;
  severity: string;
  title: string;
}

export interface Exception {
  /** The advisory's GHSA id, e.g. "GHSA-xxxx-xxxx-xxxx". */
  id: string;
  /** Why the advisory does not reach OpenNRM, or what limits it. */
  reason: string;
  /** The day after which the exception must be looked at again (YYYY-MM-DD). */
  reviewBy: string;
}

const serious = new Set(["high", "critical"]);

interface AuditVia {
  url?: string;
  title?: string;
  severity?: string;
  name?: string;
}

function advisoryId(url: string): string {
  const match = /GHSA-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}/i.exec(url);
  return match ? match[0].toUpperCase() : url;
}

/** High and critical advisories in a report, once each (a package reached by several paths counts once). */
export function seriousAdvisories(report: unknown): Advisory[] {
  if (typeof report !== "object" || report === null || !("vulnerabilities" in report)) {
    throw new Error("not an npm audit report (format 2)");
  }
  const found = new Map<string, Advisory>();
  const vulnerabilities = (report as { vulnerabilities: Record<string, { via?: unknown[] }> })
    .vulnerabilities;
  for (const [name, entry] of Object.entries(vulnerabilities)) {
    for (const via of entry.via ?? []) {
      // A string names another vulnerable package; its own entry carries the advisory.
      if (typeof via !== "object" || via === null) continue;
      const v = via as AuditVia;
      if (!v.url || !v.severity || !serious.has(v.severity)) continue;
      const id = advisoryId(v.url);
      found.set(`${id} ${v.name ?? name}`, {
        id,
        package: v.name ?? name,
        severity: v.severity,
        title: v.title ?? "",
      });
    }
  }
  return [...found.values()].sort((a, b) => a.id.localeCompare(b.id) || a.package.localeCompare(b.package));
}

/** Advisories without an exception, and exceptions past their review day. */
export function unexplained(
  advisories: Advisory[],
  exceptions: Exception[],
  today: string,
): { open: Advisory[]; stale: Exception[] } {
  const known = new Map(exceptions.map((e) => [e.id.toUpperCase(), e]));
  const open = advisories.filter((a) => {
    const exception = known.get(a.id);
    return !exception || exception.reviewBy < today;
  });
  const stale = exceptions.filter((e) => e.reviewBy < today);
  return { open, stale };
}
