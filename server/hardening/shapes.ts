import type { App } from "../platform/http/types";
import { openApiPath, type RouteEntry } from "./route-table";

/** A JSON Schema as the OpenAPI document gives it (zod's output); only what is read here. */
export interface Schema {
  type?: string | string[];
  $ref?: string;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
}

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** What one route accepts: its body schema and its query parameters. */
export interface RouteShape {
  body: Schema | null;
  query: Parameter[];
  params: Parameter[];
}

export type ShapeBook = (route: RouteEntry) => RouteShape;

/** The request shapes of every route, read from the OpenAPI document the application serves. */
export function readShapes(app: App): ShapeBook {
  const document = app.swagger() as {
    paths?: Record<string, Record<string, Operation>>;
    components?: { schemas?: Record<string, Schema> };
  };
  const components = document.components?.schemas ?? {};
  const resolve = (schema: Schema | undefined): Schema | null => {
    if (!schema) return null;
    if (schema.$ref) return resolve(components[schema.$ref.split("/").pop() ?? ""]);
    return schema;
  };
  return (route) => {
    const operation = document.paths?.[openApiPath(route.url)]?.[route.method.toLowerCase()];
    const parameters = operation?.parameters ?? [];
    return {
      body: resolve(operation?.requestBody?.content?.["application/json"]?.schema),
      query: parameters.filter((p) => p.in === "query"),
      params: parameters.filter((p) => p.in === "path"),
    };
  };
}

/** Values that satisfy the few patterns the schemas use. */
const patternSamples: [RegExp, string][] = [
  [/^\^\[A-Z\]\{2,6\}/, "KS-2026-00001"],
  [/T\(\?:/, "2026-06-14T09:00:00Z"],
  [/02\)-\(\?:0\[1-9\]/, "2026-06-14"],
  [/\\d\{4\}-\\d\{2\}-\\d\{2\}/, "2026-06-14"],
  [/\[0-9a-fA-F\]\{8\}/, "00000000-0000-4000-8000-000000000000"],
  [/\[01\]\\d\|2\[0-3\]\):\[0-5\]/, "09:30"],
  [/a-zA-Z0-9\._-/, "sample"],
  [/a-z0-9-/, "sample"],
];

function sampleString(schema: Schema): string {
  if (schema.format === "date-time") return "2026-06-14T09:00:00Z";
  if (schema.format === "date") return "2026-06-14";
  if (schema.format === "uuid") return "00000000-0000-4000-8000-000000000000";
  if (schema.format === "email") return "someone@example.org";
  if (schema.pattern) {
    const known = patternSamples.find(([test]) => test.test(schema.pattern ?? ""));
    if (known) return known[1];
  }
  const length = Math.max(schema.minLength ?? 0, 4);
  return "sample text".padEnd(length, "x").slice(0, schema.maxLength ?? length);
}

/**
 * The smallest value the schema accepts: required properties only, the first enum member, the
 * minimum number. Domain rules may still refuse it (a 400 or 409 after the access check), which is
 * all an access test needs: the request reaches the route's own checks.
 */
export function minimalValue(
  schema: Schema | null,
  overrides: Record<string, unknown> = {},
  /** Optional properties too: every field a request may carry. */
  everyField = false,
): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const chosen = options.find((o) => o.type !== "null") ?? options[0];
    return minimalValue(chosen ?? null, overrides, everyField);
  }
  if (schema.allOf)
    return Object.assign({}, ...schema.allOf.map((s) => minimalValue(s, overrides, everyField)));
  const type = (Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type) ?? "";
  switch (type) {
    case "object": {
      const result: Record<string, unknown> = {};
      const names = everyField ? Object.keys(schema.properties ?? {}) : (schema.required ?? []);
      for (const name of names) {
        const property = schema.properties?.[name];
        result[name] =
          name in overrides ? overrides[name] : minimalValue(property ?? null, overrides, everyField);
      }
      for (const name of Object.keys(schema.properties ?? {}))
        if (name in overrides && !(name in result)) result[name] = overrides[name];
      return result;
    }
    case "array": {
      const count = schema.minItems ?? 0;
      return Array.from({ length: Math.max(count, everyField ? 1 : 0) }, () =>
        minimalValue(schema.items ?? null, overrides, everyField),
      );
    }
    case "string":
      return sampleString(schema);
    case "integer":
    case "number": {
      if (typeof schema.minimum === "number") return schema.minimum;
      if (typeof schema.exclusiveMinimum === "number") return schema.exclusiveMinimum + 1;
      return typeof schema.maximum === "number" ? Math.min(1, schema.maximum) : 1;
    }
    case "boolean":
      return false;
    case "null":
      return null;
    default:
      return schema.properties ? minimalValue({ ...schema, type: "object" }, overrides, everyField) : null;
  }
}

/** Required query parameters with minimal values, as a query string record. */
export function minimalQuery(shape: RouteShape): Record<string, string> {
  const query: Record<string, string> = {};
  for (const parameter of shape.query) {
    if (!parameter.required) continue;
    const value = minimalValue(parameter.schema ?? { type: "string" });
    query[parameter.name] =
      parameter.name === "year" ? "2026" : parameter.name === "to" ? "2026-06-30" : String(value);
  }
  return query;
}
