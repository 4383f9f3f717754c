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

describe("the referral story: police refer a person to IOM for safe housing, with consent; IOM accepts", () => {
  let server: RunningServer;
  let browser: Browser;
  let police: Page;
  let iom: Page;
  let reference = "";

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    police = await newUserPage(browser, server.url);
    iom = await newUserPage(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  it("police register a person and open the case", async () => {
    await login(police, "police", PASSWORD);
    await police.getByTestId("language-switch").first().selectOption("en");
    const registered = await apiPost(police, server.url, "/api/cases", {
      person: {
        givenName: "Elena",
        familyName: "Rusnacova",
        gender: "Feminine",
        citizenship: ["MD"],
        birthDate: "1997-03-09",
      },
      identificationDate: "2026-01-10",
      identificationRegion: "prishtine",
      source: "police_raid",
      circumstances: "Found during a raid on a bar.",
    });
    expect(registered.status()).toBe(201);
    reference = ((await registered.json()) as { reference: string }).reference;
    await police.goto(`/cases/${reference}`);
    await police.getByTestId("case-referrals").waitFor();
  });

  it("a referral without consent is refused with a clear message", async () => {
    await police.getByTestId("refer-agency").selectOption({ label: "IOM counter-trafficking unit" });
    await police.getByTestId("refer-purpose").selectOption("safe_housing");
    await police.getByTestId("refer-submit").click();
    await expect.poll(() => police.getByTestId("refer-error").textContent()).toContain("consent");
  });

  it("with the person's consent the case is referred to IOM", async () => {
    await police.getByTestId("refer-scope-circumstances").check();
    await police.getByTestId("refer-consent-given").check();
    await police.getByTestId("refer-consent-method").selectOption("verbal");
    await police.getByTestId("refer-submit").click();
    await expect.poll(() => police.getByTestId("case-referral").count()).toBe(1);
    expect(
      await police
        .getByTestId("case-referral")
        .first()
        .getByTestId("referral-status")
        .getAttribute("data-status"),
    ).toBe("pending");
  });

  it("IOM sees the referral in its inbox, with a badge, but not the case itself", async () => {
    await login(iom, "iom", PASSWORD);
    await expect.poll(() => iom.getByTestId("inbox-badge").first().textContent()).toMatch(/^[1-9]\d*$/);
    await iom.goto(`/cases/${reference}`);
    await iom.getByTestId("not-found").waitFor();
    await iom.getByTestId("nav-inbox").first().click();
    const row = iom.getByTestId("inbox-row").filter({ hasText: reference });
    await row.getByText(reference).click();
    await iom.getByTestId("referral-title").waitFor();
    expect(await iom.locator("body").textContent()).not.toContain("Rusnacova");
  });

  it("IOM accepts and then opens the case, seeing the circumstances but not the identity", async () => {
    await iom.getByTestId("referral-accept").click();
    await iom.getByTestId("referral-open-case").click();
    await iom.getByTestId("case-reference").waitFor();
    await expect.poll(() => iom.locator("body").textContent()).toContain("Found during a raid on a bar.");
    expect(await iom.getByTestId("identity-section").count()).toBe(0);
    expect(await iom.locator("body").textContent()).not.toContain("Rusnacova");
  });
});
