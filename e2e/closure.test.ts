import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";

const PASSWORD = "demo-only-2026";

/** Calls the API as the signed-in user of `page`, with the CSRF token a state change needs. */
async function apiPost(page: Page, url: string, path: string, data: object) {
  const me = (await (await page.request.get(`${url}/api/auth/me`)).json()) as { csrfToken: string };
  return page.request.post(`${url}${path}`, { data, headers: { "x-csrf-token": me.csrfToken } });
}

describe("the closure story: police propose closing a case, their chief approves, the case is closed", () => {
  let server: RunningServer;
  let browser: Browser;
  let police: Page;
  let chief: Page;
  let reference = "";

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    police = await newUserPage(browser, server.url);
    chief = await newUserPage(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  it("police propose closure with the outcome", async () => {
    await login(police, "police", PASSWORD);
    await police.getByTestId("language-switch").first().selectOption("en");
    const registered = await apiPost(police, server.url, "/api/cases", {
      person: {
        givenName: "Irina",
        familyName: "Cebanova",
        gender: "Feminine",
        citizenship: ["MD"],
        birthDate: "1995-06-21",
      },
      identificationDate: "2026-02-03",
      identificationRegion: "prishtine",
      source: "police_raid",
    });
    expect(registered.status()).toBe(201);
    reference = ((await registered.json()) as { reference: string }).reference;
    await police.goto(`/cases/${reference}`);
    await police.getByTestId("closure-outcome").selectOption("returned_home");
    await police.getByTestId("closure-note").fill("Went home with her family's support.");
    await police.getByTestId("closure-propose").click();
    await expect
      .poll(() => police.getByTestId("closure-current").getAttribute("data-status"))
      .toBe("proposed");
    expect(await police.getByTestId("closure-approve").count()).toBe(0);
  });

  it("the chief approves, and the case moves to closure", async () => {
    await login(chief, "police.chief", PASSWORD);
    await chief.getByTestId("language-switch").first().selectOption("en");
    await chief.goto(`/cases/${reference}`);
    await chief.getByTestId("closure-approve").click();
    await expect
      .poll(() => chief.getByTestId("closure-current").getAttribute("data-status"))
      .toBe("approved");
    const step = chief.locator('[data-testid="procedure-step"][data-to="closure"]');
    await expect.poll(() => step.getAttribute("data-allowed")).toBe("true");
    await step.getByRole("button").click();
    await expect.poll(() => chief.getByTestId("procedure-stage").getAttribute("data-stage")).toBe("closure");
    await chief.getByTestId("closure-reopening").waitFor();
  });
});
