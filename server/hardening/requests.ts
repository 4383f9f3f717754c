import type { InjectOptions } from "fastify";
import { pathParams, type RouteEntry } from "./route-table";
import { minimalQuery, minimalValue, type RouteShape } from "./shapes";
import type { World } from "./world";

export const isCaseRoute = (route: RouteEntry) => route.url.startsWith("/api/cases/:reference");

const bodyMethods = new Set(["POST", "PUT", "PATCH"]);

/** A value for each path parameter: the world's cases and agencies, else what the schema accepts. */
export function pathValues(route: RouteEntry, shape: RouteShape, world: World): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of pathParams(route.url)) {
    if (name === "reference")
      values[name] = route.url.includes("/child") ? world.childReference : world.adultReference;
    else if (name === "agencyId") values[name] = world.teamAgencyId;
    else {
      const schema = shape.params.find((p) => p.name === name)?.schema ?? { type: "string", format: "uuid" };
      values[name] = String(minimalValue(schema));
    }
  }
  return values;
}

export const fillPath = (url: string, values: Record<string, string>) =>
  url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? ""));

/**
 * Fields whose smallest schema value the route's own rules refuse before they look at who asks
 * (a country must be a real one, a hand-over needs the caller's consent): values that pass.
 */
function fieldValues(world: World): Record<string, unknown> {
  return {
    reference: world.adultReference,
    caseReference: world.adultReference,
    destinationCountry: "MD",
    callerConsent: true,
    policeAgencyId: world.policeAgencyId,
    capacity: 10,
  };
}

/** A request the route's schema accepts: the access check, not validation, decides its answer. */
export function validRequest(
  route: RouteEntry,
  shape: RouteShape,
  world: World,
  everyField = false,
): InjectOptions {
  const options: InjectOptions = {
    method: route.method as InjectOptions["method"],
    url: fillPath(route.url, pathValues(route, shape, world)),
    query: minimalQuery(shape),
  };
  if (bodyMethods.has(route.method))
    options.payload = minimalValue(shape.body, fieldValues(world), everyField) ?? {};
  return options;
}
