/**
 * Makes sure Debian's Chromium is at /usr/bin/chromium for the browser stories, installing it
 * with apt-get when we are root (CI). Playwright's own browser downloads are not used.
 *
 *   npx tsx scripts/ensure-chromium.ts
 */
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { aptInstall } from "./apt";

export const chromiumPath = "/usr/bin/chromium";

export function ensureChromium(): void {
  if (existsSync(chromiumPath)) return;
  aptInstall(["chromium"], `Chromium is missing at ${chromiumPath}`);
  if (!existsSync(chromiumPath)) {
    throw new Error(`apt-get installed chromium, but ${chromiumPath} still does not exist`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    ensureChromium();
    process.stdout.write(`Chromium: ${chromiumPath}\n`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
