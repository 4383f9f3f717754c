import type { FastifyReply } from "fastify";
import { z } from "zod";
import { statTableIds } from "../../../shared/statistics";
import type { AppContext } from "../../platform/context";
import { NotFound } from "../../platform/errors";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, errorBody, type App } from "../../platform/http/types";
import { importBody, importLegacy } from "./imports";
import { caseCounts, dashboard, type StatisticsFilters } from "./queries";
import { htcdsExport, privacyLedger, releasableTables, releaseNoisyTable } from "./releases";
import { renderPdf } from "../../platform/pdf/document";
import { annualReport, reportLanguages } from "./report";
import { defaultSmallCellThreshold, tableCsv } from "./rules";

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
  app.get(
    "/api/statistics/tables/:id.csv",
    {
      schema: {
        tags: ["statistics"],
        params: z.strictObject({ id: z.enum(statTableIds, { message: "not_found" }) }),
        querystring: filtersQuery,
        response: { 200: z.string(), ...commonErrors },
      },
    },
    async (request, reply) => {
      const result = await dashboard(ctx, actorOf(request), filtersOf(request.query), {
        forceSuppression: true,
      });
      const table = result.tables.find((t) => t.id === request.params.id);
      if (!table) throw new NotFound();
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${table.id}.csv"`)
        .header("cache-control", "no-store")
        .send(tableCsv(table, table.rowDimension, "total"));
    },
  );

  app.post(
    "/api/statistics/imports/dry-run",
    {
      schema: { tags: ["statistics"], body: importBody, response: { 200: importReportOut, ...commonErrors } },
    },
    async (request) => importLegacy(ctx, actorOf(request), { ...request.body, commit: false }),
  );

  app.post(
    "/api/statistics/imports",
    {
      schema: { tags: ["statistics"], body: importBody, response: { 200: importReportOut, ...commonErrors } },
    },
    async (request) => importLegacy(ctx, actorOf(request), { ...request.body, commit: true }),
  );

  app.post(
    "/api/statistics/htcds-export",
    {
      schema: {
        tags: ["statistics"],
        body: filtersQuery,
        response: {
          200: z.object({
            csv: z.string(),
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
    async (request) => htcdsExport(ctx, actorOf(request), filtersOf(request.body)),
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
      const { year: reportYear, language, region } = request.query;
      const result = await dashboard(
        ctx,
        actorOf(request),
        { fromYear: reportYear, toYear: reportYear, region, k: defaultSmallCellThreshold },
        { forceSuppression: true },
      );
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
