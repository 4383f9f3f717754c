import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { installSecurityHeaders } from "./security-headers";

/** The policy as directive -> sources, from the header the server sends. */
async function policyOf(url: string): Promise<Map<string, string[]>> {
  const app = Fastify({ logger: false });
  installSecurityHeaders(app);
  app.get("/", async (_request, reply) => reply.type("text/html").send("<!doctype html><title>x</title>"));
  app.get("/api/health", async () => ({ status: "ok" }));
  const response = await app.inject({ url });
  await app.close();
  const header = String(response.headers["content-security-policy"] ?? "");
  return new Map(
    header
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = "", ...sources]) => [name, sources]),
  );
}

describe("the content security policy (issue 10 item 4: a stored script stays text)", () => {
  it.each(["/", "/api/health"])(
    "on %s, allows scripts from the application's own origin only",
    async (url) => {
      const policy = await policyOf(url);
      const scripts = policy.get("script-src") ?? policy.get("default-src");
      expect(scripts).toEqual(["'self'"]);
      for (const sources of [policy.get("script-src"), policy.get("default-src")]) {
        expect(sources).not.toContain("'unsafe-inline'");
        expect(sources).not.toContain("'unsafe-eval'");
        expect(sources).not.toContain("*");
        expect(sources).not.toContain("data:");
      }
      expect(policy.has("script-src-attr")).toBe(false);
      expect(policy.has("script-src-elem")).toBe(false);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'self'"]);
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    },
  );
});
