/**
 * Statistics shared by the server and the browser: the tables of the dashboard, counts only
 * (never a name, reference or case), and the columns of a legacy import.
 */

export const statTableIds = [
  "identified_origin",
  "identified_citizenship",
  "identified_age",
  "identified_gender",
  "identified_exploitation",
  "identified_source",
  "reidentified_origin",
  "referrals_status",
  "assistance_service",
  "outcomes",
  "reflection_extensions",
  "shelter_occupancy",
  "police_operations",
  "prosecution_funnel",
  "sentences_range",
] as const;
export type StatTableId = (typeof statTableIds)[number];

/** What a row or column label is: a year, a month, or a code translated in the browser. */
export type StatDimension =
  | "year"
  | "month"
  | "origin"
  | "citizenship"
  | "ageBand"
  | "gender"
  | "exploitation"
  | "source"
  | "referralStatus"
  | "service"
  | "outcome"
  | "people"
  | "policeFigure"
  | "prosecutionStage"
  | "rangeCheck";

/**
 * One published table. A null figure is suppressed (a small cell, or a complement that would let
 * it be computed from the totals). `k` is the threshold applied, null when the figures are exact.
 */
export interface StatTable {
  id: StatTableId;
  rowDimension: StatDimension;
  columnDimension: StatDimension;
  rows: string[];
  columns: string[];
  cells: (number | null)[][];
  rowTotals: (number | null)[] | null;
  columnTotals: (number | null)[] | null;
  total: number | null;
  suppressedCount: number;
  k: number | null;
}

export interface StatisticsDashboard {
  scope: "national" | "agency";
  /** Threshold applied to every figure, or null when the reader may see exact counts. */
  k: number | null;
  tables: StatTable[];
  /** Minors' share of the people identified each year, from published figures only. */
  minorsShare: { year: string; share: number | null }[];
}

/** Columns of a legacy import: HTCDS 2.0 field names where HTCDS has one. */
export const importColumns = [
  "prs_FirstName",
  "prs_SecondName",
  "prs_Birthdate",
  "prs_Gender",
  "prs_Citizenship",
  "vic_AgeWhenTrafficked",
  "vic_TraffickingStatus",
  "vic_TypeOfExploitation",
  "identification_date",
  "identification_region",
  "identification_source",
] as const;
export type ImportColumn = (typeof importColumns)[number];

export interface ImportIssue {
  /** 1-based data row (the header is row 0). */
  row: number;
  column: string;
  code: string;
}

export interface ImportReport {
  rows: number;
  valid: boolean;
  issues: ImportIssue[];
  /** Rows whose identity key is also another row's, or an already registered person's. */
  possibleDuplicates: { row: number; withRow: number | null; registered: boolean }[];
  committed: boolean;
  imported: number;
}

/**
 * Why a file of figures leaves the system (issue 10, "every export is audited with its reason"):
 * a code from this list, never free text, so that the audit trail holds no words about anyone.
 */
export const exportReasons = [
  "annual_report",
  "donor_report",
  "research",
  "internal_analysis",
  "other",
] as const;
export type ExportReason = (typeof exportReasons)[number];

/** Progress of an import running on the server: rows checked, then rows written, of the file's rows. */
export interface ImportJobStatus {
  id: string;
  phase: "validating" | "writing" | "done" | "failed";
  done: number;
  total: number;
  commit: boolean;
  /** The report once the phase is "done". */
  result: ImportReport | null;
  /** The error code once the phase is "failed". */
  error: string | null;
}

/** The header row of an import file, and the field each column is taken for when its name matches. */
export interface ImportColumns {
  headers: string[];
  rows: number;
  suggested: Partial<Record<ImportColumn, string>>;
}
