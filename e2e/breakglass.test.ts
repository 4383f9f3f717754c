import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";
import { apiPost, birthDateOfAge, inEnglish, PASSWORD, todayInKosovo } from "./support/story";

describe("emergency access: IOM opens a police case at night, the police are told, the auditor sees it", () => {
  let server: RunningServer;
  let browser: Browser;
  let police: Page;
  let iom: Page;
  let chief: Page;
  let auditor: Page;
  let hotline: Page;
  let reference = "";

  const signedIn = async (username: string): Promise<Page> => {
    const page = await newUserPage(browser, server.url);
    await login(page, username, PASSWORD);
    return page;
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    police = await signedIn("police");
    iom = await signedIn("iom");
    chief = await signedIn("police.chief");
    auditor = await signedIn("auditor");
    hotline = await signedIn("hotline");
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  it("the police register a case; everyone works in English", async () => {
    for (const page of [police, iom, chief, auditor, hotline]) await inEnglish(page);
    const registered = await apiPost(police, server.url, "/api/cases", {
      person: {
        givenName: "Valentina",
        familyName: "Ceban",
        gender: "Feminine",
        birthDate: birthDateOfAge(24),
        citizenship: ["MD"],
      },
      identificationDate: todayInKosovo(),
      identificationRegion: "prishtine",
      source: "police_raid",
      circumstances: "Held in a bar near the motorway.",
    });
    expect(registered.status()).toBe(201);
    reference = ((await registered.json()) as { reference: string }).reference;
  });

  it("a reference that does not exist gets the same 'not found' as a hidden case", async () => {
    await iom.goto("/break-glass");
    await iom.getByTestId("breakglass-reference").fill("NRM-2026-99999");
    await iom.getByTestId("breakglass-reason").selectOption("imminent_danger");
    await iom.getByTestId("breakglass-submit").click();
    await expect.poll(() => iom.getByTestId("breakglass-error").textContent()).toContain("Not found");
  });

  it("the hotline operator is not offered emergency access, and sees only 'not found'", async () => {
    await hotline.goto(`/cases/${reference}`);
    await hotline.getByTestId("not-found").waitFor();
    expect(await hotline.getByTestId("breakglass-form").count()).toBe(0);
    expect(await hotline.getByTestId("nav-breakglass").count()).toBe(0);
  });

  it("IOM's case worker asks from the 'not found' page and sees who she is, not the circumstances", async () => {
    await iom.goto(`/cases/${reference}`);
    await iom.getByTestId("not-found").waitFor();
    // "Other" needs the free text: the form says so by the field.
    await iom.getByTestId("breakglass-reason").selectOption("other");
    await iom.getByTestId("breakglass-submit").click();
    await expect.poll(() => iom.getByTestId("breakglass-form").textContent()).toContain("Say in a few words");
    await iom.getByTestId("breakglass-reason").selectOption("medical_emergency");
    await iom.getByTestId("breakglass-text").fill("Hospital in Prizren asks who she is");
    await iom.getByTestId("breakglass-submit").click();

    await expect.poll(() => iom.getByTestId("case-reference").textContent()).toContain(reference);
    const banner = iom.getByTestId("breakglass-banner");
    await expect.poll(() => banner.textContent()).toContain("Medical emergency");
    expect(await banner.textContent()).toMatch(/(239|240) minutes left/);
    await expect.poll(() => iom.getByTestId("identity-section").textContent()).toContain("Valentina");
    expect(await iom.locator("body").textContent()).not.toContain("Held in a bar");
  });

  it("the police supervisor is alerted and sees who opened the case, and why", async () => {
    const alerts = (await (await chief.request.get(`${server.url}/api/alerts/mine`)).json()) as {
      items: { kind: string; case: { reference: string }; params: Record<string, unknown> }[];
    };
    const alert = alerts.items.find((a) => a.kind === "break_glass" && a.case.reference === reference);
    expect(alert?.params).toMatchObject({
      reasonCode: "medical_emergency",
      agencyType: "international_organisation",
    });

    await chief.goto(`/cases/${reference}`);
    const row = chief.getByTestId("breakglass-on-case-row");
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute("data-state")).toBe("active");
    expect(await row.textContent()).toContain("Hospital in Prizren asks who she is");
  });

  it("the case worker ends it herself: the case is hidden again", async () => {
    await iom.reload();
    await iom.getByTestId("breakglass-end").click();
    await iom.getByTestId("not-found").waitFor();
    expect(await iom.locator("body").textContent()).not.toContain("Valentina");
  });

  it("the auditor lists it: who, which case, why, from, until, ended", async () => {
    await auditor.goto("/break-glass");
    const row = auditor.locator(`[data-testid="breakglass-row"][data-reference="${reference}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute("data-state")).toBe("ended");
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("iom");
    expect(text).toContain("Medical emergency");
    expect(text).not.toContain("Hospital in Prizren");
    expect(await auditor.getByTestId("breakglass-form").count()).toBe(0);
  });
});
