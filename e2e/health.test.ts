import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newUserPage, screenshotsOnFailure } from "./support/browser";
import { startServer, type RunningServer } from "./support/server";

describe("a freshly started OpenNRM", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  it("reports itself healthy", async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("serves the web application titled OpenNRM", async () => {
    const page = await newUserPage(browser, server.url);
    await page.goto("/");
    expect(await page.title()).toBe("OpenNRM");
    await page.context().close();
  });
});
