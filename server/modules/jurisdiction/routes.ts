import { z } from "zod";
import type { AppContext } from "../../platform/context";
import { commonErrors, type App } from "../../platform/http/types";
import { localDate } from "../../platform/jurisdiction";

/** The deployment's configuration as the browser needs it: regions, countries, today's date. */
export function jurisdictionRoutes(app: App, ctx: AppContext): void {
  app.get(
    "/api/meta",
    {
      schema: {
        tags: ["meta"],
        response: {
          200: z.object({
            jurisdiction: z.object({
              name: z.string(),
              timeZone: z.string(),
              today: z.string(),
              regions: z.array(z.object({ code: z.string(), name: z.string() })),
              countriesOfOrigin: z.array(z.string()),
              homeCountries: z.array(z.string()),
            }),
          }),
          ...commonErrors,
        },
      },
    },
    async () => {
      const j = ctx.jurisdiction;
      return {
        jurisdiction: {
          name: j.name,
          timeZone: j.timeZone,
          today: localDate(ctx.now(), j.timeZone),
          regions: j.regions,
          countriesOfOrigin: j.countriesOfOrigin,
          homeCountries: j.homeCountries,
        },
      };
    },
  );
}
