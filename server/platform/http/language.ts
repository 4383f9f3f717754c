import type { FastifyRequest } from "fastify";
import { type Language, languages } from "../../../shared/roles";

const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value);

/** The signed-in user's language; else the first supported one the browser asks for; else English. */
export function requestLanguage(request: FastifyRequest): Language {
  if (request.actor) return request.actor.language;
  const header = request.headers["accept-language"];
  if (typeof header === "string") {
    for (const part of header.split(",")) {
      const tag = part.trim().split(";")[0]?.split("-")[0]?.toLowerCase() ?? "";
      if (isLanguage(tag)) return tag;
    }
  }
  return "en";
}
