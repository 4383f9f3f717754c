import type { App } from "../platform/http/types";

export interface RouteEntry {
  method: string;
  /** The path as registered, with `:param` placeholders. */
  url: string;
}

export const routeKey = (route: RouteEntry) => `${route.method} ${route.url}`;

const boxChars = /^[\s│├└─]*/u;

/**
 * Every API route the running application serves, read from Fastify's own route tree
 * (`printRoutes`), so that a route registered anywhere is found without a list to keep up to date.
 * HEAD is Fastify's automatic twin of GET and is left out; routes outside /api (the built web
 * app's files) carry no data.
 */
export function collectRoutes(app: App): RouteEntry[] {
  const text = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const found = new Map<string, RouteEntry>();
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const indent = (line.match(boxChars)?.[0] ?? "").length;
    const depth = Math.floor(indent / 4);
    const rest = line.slice(indent);
    const match = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(rest);
    if (!match) continue;
    const segment = match[1] ?? "";
    stack.length = depth;
    const prefix = stack[depth - 1] ?? "";
    const full = depth === 0 ? segment : prefix + segment;
    stack[depth] = full;
    const methods = (match[2] ?? "").split(",").map((m) => m.trim());
    for (const method of methods) {
      if (!method || method === "HEAD") continue;
      const url = full.startsWith("/") ? full : `/${full}`;
      if (!url.startsWith("/api/")) continue;
      const route = { method, url };
      found.set(routeKey(route), route);
    }
  }
  const routes = [...found.values()].sort((a, b) => routeKey(a).localeCompare(routeKey(b)));
  for (const route of routes) {
    const method = route.method as "GET";
    if (!route.url.includes("*") && !app.hasRoute({ method, url: route.url }))
      throw new Error(`route table misread: ${routeKey(route)} is not a route`);
  }
  return routes;
}

/** The route's path parameters, in order. */
export const pathParams = (url: string) => [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? "");

/** The OpenAPI document's spelling of a path: `/a/:id` is `/a/{id}`. */
export const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
