/** Chromium for the browser stories: one browser per file, one context (cookie jar) per user. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterEach } from "vitest";
import { chromiumPath } from "../../scripts/ensure-chromium";

/** The accessible names the stories look for. Change them here when the UI wording changes. */
export const labels = {
  username: "User name",
  password: "Password",
  signIn: /^(sign in|log in)$/i,
};

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const openPages = new Set<Page>();

/**
 * A page for one user in its own browser context, so two users in one story never share
 * cookies. Relative URLs in `page.goto` resolve against `baseURL`. Close it with `page.context().close()`.
 */
export async function newUserPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "en-GB", timezoneId: "Europe/Belgrade" });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  openPages.add(page);
  page.once("close", () => openPages.delete(page));
  return page;
}

/** Signs in through the login form and waits until the form has gone. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  if (!page.url().startsWith("http")) await page.goto("/");
  await page.getByLabel(labels.username, { exact: true }).fill(username);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: labels.signIn }).click();
  await page.getByLabel(labels.password, { exact: true }).waitFor({ state: "detached" });
}

function fileSafe(text: string): string {
  return text
    .replace(/[^a-zA-Z0-9-]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 100);
}

/**
 * Call once at the top of a story file: when a test fails, every page still open is
 * saved as a screenshot in test-results/ (full page), named after the file and the test.
 */
export function screenshotsOnFailure(): void {
  afterEach(async ({ task }) => {
    if (task.result?.state !== "fail") return;
    const dir = path.resolve("test-results");
    mkdirSync(dir, { recursive: true });
    const base = `${fileSafe(path.basename(task.file.name, ".test.ts"))}--${fileSafe(task.name)}`;
    let n = 0;
    for (const page of openPages) {
      n += 1;
      const file = path.join(dir, `${base}-${n}.png`);
      await page.screenshot({ path: file, fullPage: true, timeout: 10_000 }).then(
        () => process.stderr.write(`screenshot: ${path.relative(process.cwd(), file)}\n`),
        (error: unknown) => process.stderr.write(`screenshot failed: ${(error as Error).message}\n`),
      );
    }
  });
}
