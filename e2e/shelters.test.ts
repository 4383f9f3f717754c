import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";
import { inEnglish, PASSWORD } from "./support/story";

// The demo's secret address of the "Linden" shelter (config/jurisdictions/kosovo/demo.json).
const LINDEN_ADDRESS = "Demo street 1 (fictitious)";

describe("a shelter's address: its own staff read it, a prosecutor, a coordinator and another shelter never do", () => {
  let server: RunningServer;
  let browser: Browser;
  let pages: Page[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  const board = async (username: string): Promise<Page> => {
    const page = await newUserPage(browser, server.url);
    pages = [...pages, page];
    await login(page, username, PASSWORD);
    await inEnglish(page);
    await page.goto("/shelters");
    await page.getByTestId("shelter-board").waitFor();
    await expect.poll(() => page.getByTestId("shelter-row").count()).toBeGreaterThan(1);
    return page;
  };

  it("the shelter's own manager opens the address on request", async () => {
    const page = await board("shelter");
    const linden = page.locator('[data-testid="shelter-row"][data-code="Linden"]');
    expect(await linden.textContent()).not.toContain(LINDEN_ADDRESS);
    await linden.getByTestId("shelter-show-address").click();
    await expect.poll(() => linden.getByTestId("shelter-address").textContent()).toContain(LINDEN_ADDRESS);
  });

  it.each(["prosecutor", "coordinator", "shelter.children"])(
    "%s sees the code name and the free places, never the address",
    async (username) => {
      const page = await board(username);
      const linden = page.locator('[data-testid="shelter-row"][data-code="Linden"]');
      await expect.poll(() => linden.getByTestId("shelter-free").count()).toBe(1);
      expect(await linden.getByTestId("shelter-show-address").count()).toBe(0);
      expect(await page.locator("body").textContent()).not.toContain(LINDEN_ADDRESS);
      const shelters = (await (await page.request.get(`${server.url}/api/shelters`)).json()) as {
        id: string;
        codeName: string;
      }[];
      const lindenId = shelters.find((s) => s.codeName === "Linden")?.id;
      expect(lindenId).toBeDefined();
      const answer = await page.request.get(`${server.url}/api/shelters/${lindenId}/address`);
      expect(answer.status()).toBe(404);
    },
  );
});
