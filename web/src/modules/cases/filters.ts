import { caseStatuses, identificationSources, pathways } from "../../../../shared/vocabulary";

/** The case list's filters. All but the name are kept in the address, so paging and "back" keep them. */
export const filterNames = [
  "pathway",
  "status",
  "source",
  "from",
  "to",
  "agencyId",
  "name",
  "reference",
] as const;
export type FilterName = (typeof filterNames)[number];
export type CaseFilters = Record<FilterName, string>;

/** A searched name never stands in a URL, a log or the browser history (docs/api.md). */
const addressFilterNames = filterNames.filter((name) => name !== "name");

export const pageSize = 25;

/** The name searched for, in memory only, for the user who searched it. */
const nameSearch = { userId: "", name: "" };

export function rememberedName(userId: string): string {
  return nameSearch.userId === userId ? nameSearch.name : "";
}

export function rememberName(userId: string, name: string): void {
  nameSearch.userId = userId;
  nameSearch.name = name;
}

export function filtersFrom(parameters: URLSearchParams, name: string): CaseFilters {
  const read = (key: FilterName) => parameters.get(key) ?? "";
  const oneOf = (value: string, allowed: readonly string[]) => (allowed.includes(value) ? value : "");
  const date = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : "");
  return {
    pathway: oneOf(read("pathway"), pathways),
    status: oneOf(read("status"), caseStatuses),
    source: oneOf(read("source"), identificationSources),
    from: date(read("from")),
    to: date(read("to")),
    agencyId: read("agencyId"),
    name,
    reference: read("reference"),
  };
}

export function pageFrom(parameters: URLSearchParams): number {
  const page = Number(parameters.get("page"));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

export function addressFor(filters: CaseFilters, page: number): URLSearchParams {
  const parameters = new URLSearchParams();
  for (const key of addressFilterNames) {
    const value = filters[key].trim();
    if (value) parameters.set(key, value);
  }
  if (page > 1) parameters.set("page", String(page));
  return parameters;
}

/** The body of POST /api/cases/search: only the filters in use (the server refuses empty values). */
export function searchBody(filters: CaseFilters, page: number): Record<string, string | number> {
  const body: Record<string, string | number> = { page, pageSize };
  for (const key of filterNames) {
    const value = filters[key].trim();
    if (value) body[key] = value;
  }
  return body;
}

export const activeFilterCount = (filters: CaseFilters) =>
  filterNames.filter((key) => filters[key].trim() !== "").length;
