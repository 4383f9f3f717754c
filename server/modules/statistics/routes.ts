import type { FastifyReply } from "fastify";
import { z } from "zod";
import { exportReasons, importColumns, statTableIds } from "../../../shared/statistics";
import type { AppContext } from "../../platform/context";
import { Forbidden, NotFound } from "../../platform/errors";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App } from "../../platform/http/types";
import { xlsxFile } from "../../platform/spreadsheet-xlsx";
import { auditExport, suggestMapping } from "./exchange";
import {
  importBody,
  importFileFields,
  importLegacy,
  mayImport,
  maxImportBytes,
  readImportFile,
  splitTable,
} from "./imports";
import { importJobStatus, startImportJob } from "./jobs";
import { caseCounts, dashboard, type StatisticsFilters } from "./queries";
import { htcdsExport, privacyLedger, releasableTables, releaseNoisyTable } from "./releases";
import { renderPdf } from "../../platform/pdf/document";
import { annualReport, reportLanguages } from "./report";
import { defaultSmallCellThreshold, tableCsv, tableGrid } from "./rules";

const year = z.coerce
  .number({ message: "invalid_number" })
  .int()
  .min(1990, { message: "too_small" })
  .max(2100, { message: "too_big" });

const filtersQuery = z.strictObject({
  from: year.optional(),
  to: year.optional(),
  region: z
    .string()
    .max(60)
    .regex(/^[a-z0-9-]+$/, { message: "invalid_choice" })
    .optional(),
  agency: z.uuid({ message: "invalid_choice" }).optional(),
  // The threshold may be raised for a publication, never lowered below the default.
  k: z.coerce
    .number({ message: "invalid_number" })
    .int()
    .min(defaultSmallCellThreshold, { message: "too_small" })
    .max(1000, { message: "too_big" })
    .optional(),
});

/** Every export names its reason, a code from a fixed list (issue 10): audited, never free text. */
const reason = z.enum(exportReasons, { message: "export_reason_required" });
const exportQuery = filtersQuery.extend({ reason });

/** A JSON body carrying an import file (CSV text or XLSX as base64) is larger than the default limit. */
const importBodyLimit = Math.ceil((maxImportBytes * 4) / 3) + 64 * 1024;

const statTable = z.object({
  id: z.enum(statTableIds),
  rowDimension: z.string(),
  columnDimension: z.string(),
  rows: z.array(z.string()),
  columns: z.array(z.string()),
  cells: z.array(z.array(z.number().nullable())),
  rowTotals: z.array(z.number().nullable()).nullable(),
  columnTotals: z.array(z.number().nullable()).nullable(),
  total: z.number().nullable(),
  suppressedCount: z.number(),
  k: z.number().nullable(),
});

const dashboardOut = z.object({
  scope: z.enum(["national", "agency"]),
  k: z.number().nullable(),
  tables: z.array(statTable),
  minorsShare: z.array(z.object({ year: z.string(), share: z.number().nullable() })),
});

const importReportOut = z.object({
  rows: z.number(),
  valid: z.boolean(),
  issues: z.array(z.object({ row: z.number(), column: z.string(), code: z.string() })),
  possibleDuplicates: z.array(
    z.object({ row: z.number(), withRow: z.number().nullable(), registered: z.boolean() }),
  ),
  committed: z.boolean(),
  imported: z.number(),
});

const importJobOut = z.object({
  id: z.string(),
  phase: z.enum(["validating", "writing", "done", "failed"]),
  done: z.number(),
  total: z.number(),
  commit: z.boolean(),
  result: importReportOut.nullable(),
  error: z.string().nullable(),
});

function filtersOf(query: z.infer<typeof filtersQuery>): StatisticsFilters {
  return {
    fromYear: query.from,
    toYear: query.to,
    region: query.region,
    agencyId: query.agency,
    k: query.k ?? defaultSmallCellThreshold,
  };
}

export function statisticsRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/statistics/summary",
    {
      schema: {
        tags: ["statistics"],
        response: {
          200: z.object({
            total: z.number(),
            byPathway: z.record(z.string(), z.number()),
            byYear: z.array(z.object({ year: z.number(), count: z.number() })),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => caseCounts(ctx, actorOf(request)),
  );

  app.get(
    "/api/statistics/dashboard",
    {
      schema: {
        tags: ["statistics"],
        querystring: filtersQuery,
        response: { 200: dashboardOut, ...commonErrors },
      },
    },
    async (request) => dashboard(ctx, actorOf(request), filtersOf(request.query)),
  );

  // Every export is suppressed, whoever asks: a file leaves the system's access control.
  const exportedTable = async (
    request: { query: z.infer<typeof exportQuery>; params: { id: (typeof statTableIds)[number] } },
    actor: ReturnType<typeof actorOf>,
    format: "csv" | "xlsx",
  ) => {
    const { reason: why, ...filters } = request.query;
    const result = await dashboard(ctx, actor, filtersOf(filters), { forceSuppression: true });
    const table = result.tables.find((t) => t.id === request.params.id);
    if (!table) throw new NotFound();
    await auditExport(ctx, actor, {
      kind: table.id,
      format,
      reason: why,
      extra: { from: filters.from ?? null, to: filters.to ?? null, region: filters.region ?? null },
    });
    return table;
  };
  app.get(
    "/api/statistics/tables/:id.csv",
    {
      schema: {
        tags: ["statistics"],
        params: z.strictObject({ id: z.enum(statTableIds, { message: "not_found" }) }),
        querystring: exportQuery,
        response: { 200: z.string(), ...commonErrors },
      },
    },
    async (request, reply) => {
      const table = await exportedTable(request, actorOf(request), "csv");
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${table.id}.csv"`)
        .header("cache-control", "no-store")
        .send(tableCsv(table, table.rowDimension, "total"));
    },
  );

  app.get(
    "/api/statistics/tables/:id.xlsx",
    {
      schema: {
        tags: ["statistics"],
        params: z.strictObject({ id: z.enum(statTableIds, { message: "not_found" }) }),
        querystring: exportQuery,
        response: {
          200: {
            description: "The table, XLSX",
            content: {
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string() },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const table = await exportedTable(request, actorOf(request), "xlsx");
      const file = await xlsxFile(
        [{ name: table.id, rows: tableGrid(table, table.rowDimension, "total") }],
        ctx.now(),
      );
      const raw: FastifyReply = reply;
      return raw
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="${table.id}.xlsx"`)
        .header("cache-control", "no-store")
        .send(file);
    },
  );

  // The file is read only after the role is checked: a case worker's upload is not even parsed.
  const importedRows = async (actor: ReturnType<typeof actorOf>, body: z.infer<typeof importBody>) => {
    if (!mayImport(actor)) throw new Forbidden();
    return readImportFile(body);
  };

  app.post(
    "/api/statistics/imports/columns",
    {
      bodyLimit: importBodyLimit,
      schema: {
        tags: ["statistics"],
        body: z.strictObject(importFileFields),
        response: {
          200: z.object({
            headers: z.array(z.string()),
            rows: z.number(),
            suggested: z.partialRecord(z.enum(importColumns), z.string()),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const rows = await importedRows(actorOf(request), request.body);
      const { header, data } = splitTable(rows, request.body.xlsx === undefined ? "csv" : "xlsx");
      return { headers: header, rows: data.length, suggested: suggestMapping(header) };
    },
  );

  app.post(
    "/api/statistics/imports/dry-run",
    {
      bodyLimit: importBodyLimit,
      schema: { tags: ["statistics"], body: importBody, response: { 200: importReportOut, ...commonErrors } },
    },
    async (request) => {
      const options = { mapping: request.body.mapping, values: request.body.values };
      const table = await importedRows(actorOf(request), request.body);
      return importLegacy(ctx, actorOf(request), { ...options, table, commit: false });
    },
  );

  app.post(
    "/api/statistics/imports",
    {
      bodyLimit: importBodyLimit,
      schema: { tags: ["statistics"], body: importBody, response: { 200: importReportOut, ...commonErrors } },
    },
    async (request) => {
      const options = { mapping: request.body.mapping, values: request.body.values };
      const table = await importedRows(actorOf(request), request.body);
      return importLegacy(ctx, actorOf(request), { ...options, table, commit: true });
    },
  );

  // The same import, run in the background so that the page can show its progress.
  app.post(
    "/api/statistics/import-jobs",
    {
      bodyLimit: importBodyLimit,
      schema: {
        tags: ["statistics"],
        body: importBody.extend({ commit: z.boolean({ message: "invalid_type" }) }),
        response: { 202: importJobOut, 409: errorBody, ...commonErrors },
      },
    },
    async (request, reply) => {
      const options = { mapping: request.body.mapping, values: request.body.values };
      const actor = actorOf(request);
      const table = await importedRows(actor, request.body);
      const job = startImportJob(ctx, actor, { ...options, table, commit: request.body.commit }, (error) =>
        request.log.error({ err: { type: (error as Error).name } }, "statistics import failed"),
      );
      return reply.status(202).send(job);
    },
  );

  app.get(
    "/api/statistics/import-jobs/:id",
    {
      schema: {
        tags: ["statistics"],
        params: z.strictObject({ id: z.uuid({ message: "not_found" }) }),
        response: { 200: importJobOut, ...commonErrors },
      },
    },
    async (request) => importJobStatus(ctx, actorOf(request), request.params.id),
  );

  app.post(
    "/api/statistics/htcds-export",
    {
      schema: {
        tags: ["statistics"],
        body: exportQuery.extend({
          format: z.enum(["csv", "xlsx"], { message: "invalid_choice" }).default("csv"),
        }),
        response: {
          200: z.object({
            csv: z.string().optional(),
            /** The XLSX workbook, base64, when asked for. */
            xlsx: z.string().optional(),
            report: z.object({
              k: z.number(),
              people: z.number(),
              exported: z.number(),
              droppedRecords: z.number(),
              suppressedValues: z.record(z.string(), z.number()),
            }),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { reason: why, format, ...filters } = request.body;
      return htcdsExport(ctx, actorOf(request), filtersOf(filters), { reason: why, format });
    },
  );

  app.get(
    "/api/statistics/releases",
    {
      schema: {
        tags: ["statistics"],
        response: {
          200: z.object({
            budget: z.number(),
            years: z.array(z.object({ year: z.number(), spent: z.number() })),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => privacyLedger(ctx, actorOf(request)),
  );

  app.post(
    "/api/statistics/releases",
    {
      schema: {
        tags: ["statistics"],
        body: z.strictObject({
          table: z
            .enum(releasableTables as [string, ...string[]], { message: "invalid_choice" })
            .transform((v) => v as (typeof releasableTables)[number]),
          epsilon: z
            .number({ message: "invalid_type" })
            .min(0.01, { message: "too_small" })
            .max(1, { message: "too_big" }),
          fromYear: year,
          toYear: year,
          reason,
        }),
        response: {
          201: z.object({
            table: statTable,
            epsilon: z.number(),
            spent: z.array(z.object({ year: z.number(), spent: z.number() })),
            budget: z.number(),
          }),
          409: errorBody,
          ...commonErrors,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await releaseNoisyTable(ctx, actorOf(request), request.body)),
  );

  // The annual report is an export: suppressed whoever asks.
  app.get(
    "/api/statistics/annual-report.pdf",
    {
      schema: {
        tags: ["statistics"],
        querystring: z.strictObject({
          year,
          language: z.enum(reportLanguages, { message: "invalid_choice" }).default("en"),
          region: filtersQuery.shape.region,
          reason,
        }),
        response: {
          200: {
            description: "The annual report, PDF",
            content: { "application/pdf": { schema: z.string() } },
          },
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const { year: reportYear, language, region, reason: why } = request.query;
      const result = await dashboard(
        ctx,
        actorOf(request),
        { fromYear: reportYear, toYear: reportYear, region, k: defaultSmallCellThreshold },
        { forceSuppression: true },
      );
      await auditExport(ctx, actorOf(request), {
        kind: "annual_report",
        format: "pdf",
        reason: why,
        extra: { year: reportYear, language, region: region ?? null },
      });
      const pdf = await renderPdf(annualReport(result, reportYear, language));
      // A binary body: sent through the plain reply, outside the JSON response schemas.
      const raw: FastifyReply = reply;
      return raw
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="annual-report-${reportYear}-${language}.pdf"`)
        .header("cache-control", "no-store")
        .send(pdf);
    },
  );
}
