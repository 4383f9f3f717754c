import { z } from "zod";
import { agencyTypes, languages, roles } from "../../../shared/roles";
import type { AppContext } from "../../platform/context";
import { actorOf } from "../../platform/http/auth-hook";
import { commonErrors, type App, uuidParam } from "../../platform/http/types";
import {
  createAgency,
  createUser,
  resetPassword,
  resetTotp,
  setRoleSetting,
  updateAgency,
  updateUser,
} from "./commands";
import { listAgencies, listAgenciesToManage, listRoleSettings, listUsers } from "./queries";
import { presentAdminUser, presentAgency } from "./presenter";

export const meOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  agency: z.object({ id: z.string(), name: z.string(), type: z.enum(agencyTypes) }),
  roles: z.array(z.enum(roles)),
  language: z.enum(languages),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
});

const agencyOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(agencyTypes),
  region: z.string().nullable(),
  active: z.boolean(),
});

const adminUserOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  agency: z.object({ id: z.string(), name: z.string() }),
  roles: z.array(z.enum(roles)),
  language: z.enum(languages),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  locked: z.boolean(),
});

const name = z.string().trim().min(1).max(200);
const username = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-zA-Z0-9._-]+$/, { message: "invalid_input" });

export function agencyRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/agencies",
    { schema: { tags: ["agencies"], response: { 200: z.array(agencyOut), ...commonErrors } } },
    async () => listAgencies(ctx),
  );

  app.get(
    "/api/admin/agencies",
    { schema: { tags: ["admin"], response: { 200: z.array(agencyOut), ...commonErrors } } },
    async (request) => listAgenciesToManage(ctx, actorOf(request)),
  );

  app.post(
    "/api/admin/agencies",
    {
      schema: {
        tags: ["admin"],
        body: z.strictObject({
          code: z
            .string()
            .trim()
            .min(2)
            .max(40)
            .regex(/^[a-z0-9-]+$/, { message: "invalid_input" }),
          name,
          type: z.enum(agencyTypes),
          region: z.string().max(60).nullable().default(null),
        }),
        response: { 201: agencyOut, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentAgency(await createAgency(ctx, actorOf(request), request.body))),
  );

  app.patch(
    "/api/admin/agencies/:id",
    {
      schema: {
        tags: ["admin"],
        params: uuidParam,
        body: z.strictObject({
          name: name.optional(),
          region: z.string().max(60).nullable().optional(),
          active: z.boolean().optional(),
        }),
        response: { 200: agencyOut, ...commonErrors },
      },
    },
    async (request) =>
      presentAgency(await updateAgency(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    "/api/admin/users",
    { schema: { tags: ["admin"], response: { 200: z.array(adminUserOut), ...commonErrors } } },
    async (request) => listUsers(ctx, actorOf(request)),
  );

  app.post(
    "/api/admin/users",
    {
      schema: {
        tags: ["admin"],
        body: z.strictObject({
          username,
          displayName: name,
          agencyId: z.uuid({ message: "invalid_choice" }),
          roles: z.array(z.enum(roles)).min(1, { message: "required" }).max(roles.length),
          language: z.enum(languages).default("en"),
          password: z.string().max(500),
        }),
        response: { 201: adminUserOut, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { user, agency } = await createUser(ctx, actorOf(request), request.body);
      return reply.status(201).send(presentAdminUser(user, agency, ctx.now()));
    },
  );

  app.patch(
    "/api/admin/users/:id",
    {
      schema: {
        tags: ["admin"],
        params: uuidParam,
        body: z.strictObject({
          displayName: name.optional(),
          roles: z.array(z.enum(roles)).min(1).max(roles.length).optional(),
          active: z.boolean().optional(),
        }),
        response: { 200: adminUserOut, ...commonErrors },
      },
    },
    async (request) => {
      const { user, agency } = await updateUser(ctx, actorOf(request), request.params.id, request.body);
      return presentAdminUser(user, agency, ctx.now());
    },
  );

  app.post(
    "/api/admin/users/:id/password",
    {
      schema: {
        tags: ["admin"],
        params: uuidParam,
        body: z.strictObject({ password: z.string().max(500) }),
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await resetPassword(ctx, actorOf(request), request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/admin/users/:id/totp-reset",
    { schema: { tags: ["admin"], params: uuidParam, response: { 204: z.null(), ...commonErrors } } },
    async (request, reply) => {
      await resetTotp(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  const roleSetting = z.object({ role: z.enum(roles), requireTotp: z.boolean() });
  app.get(
    "/api/admin/role-settings",
    { schema: { tags: ["admin"], response: { 200: z.array(roleSetting), ...commonErrors } } },
    async (request) => listRoleSettings(ctx, actorOf(request)),
  );
  app.put(
    "/api/admin/role-settings/:role",
    {
      schema: {
        tags: ["admin"],
        params: z.strictObject({ role: z.enum(roles, { message: "not_found" }) }),
        body: z.strictObject({ requireTotp: z.boolean() }),
        response: { 200: roleSetting, ...commonErrors },
      },
    },
    async (request) => setRoleSetting(ctx, actorOf(request), request.params.role, request.body.requireTotp),
  );
}
