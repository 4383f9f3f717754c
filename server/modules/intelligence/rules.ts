import { csvField } from "../../platform/spreadsheet";
import type { OffLimitsLanguage, PremisesKind, PremisesStatus } from "../../../shared/intelligence";

/**
 * The premises on the off-limits list (seed 002): those declared off limits, and those closed by a
 * court order or reopened, which stay off limits until the police clear them (closed premises
 * reopen under new names).
 */
export const offLimitsStatuses: readonly PremisesStatus[] = ["off_limits", "closed_by_order", "reopened"];
export const isOffLimits = (status: PremisesStatus) => offLimitsStatuses.includes(status);

/** Premises whose closure makes a new one at their address or with their operator a likely reopening. */
export const wasClosed = (status: PremisesStatus) => status === "closed_by_order" || status === "reopened";

const abbreviations: Record<string, string> = {
  rr: "rruga",
  rrg: "rruga",
  str: "street",
  st: "street",
  ul: "ulica",
  nr: "",
  no: "",
  pn: "",
};

/**
 * An address reduced to what identifies the place: case, diacritics, punctuation, "Rr." for
 * "Rruga", "p.n." (no number) and "Nr." dropped, the municipality included (the same street name
 * exists in several towns). Only its keyed hash is stored for comparison.
 */
export function normaliseAddress(municipality: string, address: string): string {
  const street = words(address)
    .map((w) => abbreviations[w] ?? w)
    .filter((w) => w !== "")
    .join(" ")
    .replace(/(^| )p n(?= |$)/g, "")
    .trim();
  return `${words(municipality).join(" ")}|${street}`;
}

const companySuffixes = new Set(["shpk", "sh", "p", "k", "llc", "ltd", "doo", "d", "o", "sa", "nsh"]);

/** An operator's or owner's name as compared: company suffixes ("sh.p.k.", "d.o.o.") do not count. */
export function normaliseName(name: string): string {
  const all = words(name);
  const trimmed = all.filter((w) => !companySuffixes.has(w));
  return (trimmed.length > 0 ? trimmed : all).join(" ");
}

function words(value: string): string[] {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "");
}

export interface OffLimitsEntry {
  id: string;
  name: string;
  kind: PremisesKind;
  address: string;
  municipality: string;
  region: string;
  status: PremisesStatus;
}

/** What changed between two versions of the list: premises added and removed, by id. */
export function listChanges<T extends { id: string }>(previous: readonly T[], current: readonly T[]) {
  const before = new Set(previous.map((e) => e.id));
  const now = new Set(current.map((e) => e.id));
  return {
    added: current.filter((e) => !before.has(e.id)),
    removed: previous.filter((e) => !now.has(e.id)),
  };
}

/** A CSV cell: quoted when it holds a separator, a quote or a line break; formulas neutralised (safeCell). */
export function csvCell(value: string): string {
  return csvField(value);
}

export const csvLine = (cells: readonly string[]) => cells.map(csvCell).join(",");

/** The closure's end, when the court set a duration. */
export function closureEnds(orderedOn: string, durationDays: number | null): string | null {
  if (durationDays == null) return null;
  const date = new Date(`${orderedOn}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + durationDays);
  return date.toISOString().slice(0, 10);
}

export type { OffLimitsLanguage };
