import { isoDate } from "../../../shared/registration";
import { z } from "zod";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, type App } from "../../platform/http/types";
import { listAuditEvents, verifyTrail } from "./queries";

const detailValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export function auditRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        querystring: z.strictObject({
          action: z.string().max(60).optional(),
          reference: z.string().max(40).optional(),
          username: z.string().max(60).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          page: z.coerce.number().int().min(1).max(1_000_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                seq: z.number(),
                at: z.string(),
                actor: z.object({ username: z.string(), agencyName: z.string() }).nullable(),
                action: z.string(),
                reference: z.string().nullable(),
                entity: z.string().nullable(),
                entityId: z.string().nullable(),
                detail: z.record(z.string(), detailValue),
                ip: z.string().nullable(),
                reason: z.string().nullable(),
              }),
            ),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => listAuditEvents(ctx, actorOf(request), request.query),
  );

  app.get(
    "/api/audit/verify",
    {
      schema: {
        tags: ["audit"],
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            brokenAt: z.number().nullable(),
            problem: z.enum(["hash_mismatch", "link_mismatch", "gap", "head_mismatch"]).nullable(),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => verifyTrail(ctx, actorOf(request)),
  );
}
