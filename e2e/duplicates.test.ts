import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";
import { apiPost, inEnglish, openCase, PASSWORD, todayInKosovo } from "./support/story";

describe("duplicates review: a supervisor decides whether two of the unit's cases are one person", () => {
  let server: RunningServer;
  let browser: Browser;
  let chief: Page;
  let earlier = "";
  let later = "";

  const register = async (person: { givenName: string; familyName: string; birthDate: string }) => {
    const created = await apiPost(chief, server.url, "/api/cases", {
      person: { ...person, gender: "Feminine", citizenship: ["MD"] },
      identificationDate: todayInKosovo(),
      identificationRegion: "prishtine",
      source: "police_raid",
    });
    expect(created.status()).toBe(201);
    return ((await created.json()) as { reference: string }).reference;
  };
  const pair = () =>
    chief.locator(`[data-testid="duplicate-pair"][data-earlier="${earlier}"][data-later="${later}"]`);
  const merge = () => chief.locator(`[data-testid="person-merge"][data-later="${later}"]`);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    chief = await newUserPage(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  it("the unit registers the same Moldovan woman twice, spelled differently", async () => {
    await login(chief, "police.chief", PASSWORD);
    await inEnglish(chief);
    earlier = await register({ givenName: "Ecaterina", familyName: "Ciobanu", birthDate: "1998-04-07" });
    later = await register({ givenName: "Екатерина", familyName: "Чобану", birthDate: "1998-07-04" });
  });

  it("the supervisor sees the pair with the reasons, marks it the same person, and undoes it", async () => {
    await chief.goto("/duplicates");
    await pair().waitFor();
    expect(await pair().getByTestId("duplicate-reasons").textContent()).toContain("day and month swapped");
    await pair().getByTestId("duplicate-merge").click();
    await merge().waitFor();
    expect(await pair().count()).toBe(0);
    expect(await merge().textContent()).toContain(earlier);
    await merge().getByTestId("person-merge-undo").click();
    await pair().waitFor();
    expect(await merge().count()).toBe(0);
  });

  it("marked as trafficked again, the later case shows the earlier one on its overview", async () => {
    await pair().getByTestId("duplicate-link").click();
    await expect.poll(() => pair().count()).toBe(0);
    await openCase(chief, later);
    const links = chief.getByTestId("case-links");
    await links.waitFor();
    expect(await links.getByTestId("case-link").textContent()).toContain(earlier);
    await openCase(chief, earlier);
    await chief.getByTestId("case-links").waitFor();
    expect(await chief.getByTestId("case-link").textContent()).toContain(later);
  });

  it("the link is undone from the duplicates page, and the pair is proposed again", async () => {
    const link = chief.locator(`[data-testid="case-link-decision"][data-later="${later}"]`);
    await chief.goto("/duplicates");
    await link.waitFor();
    expect(await link.textContent()).toContain(earlier);
    await link.getByTestId("case-link-decision-undo").click();
    await pair().waitFor();
    expect(await link.count()).toBe(0);
  });

  it("'not the same person' is undone too, and a link is undone from the case itself", async () => {
    const dismissal = chief.locator(`[data-testid="duplicate-dismissal"][data-later="${later}"]`);
    await pair().getByTestId("duplicate-dismiss").click();
    await dismissal.waitFor();
    expect(await pair().count()).toBe(0);
    await dismissal.getByTestId("duplicate-dismissal-undo").click();
    await pair().waitFor();
    expect(await dismissal.count()).toBe(0);

    await pair().getByTestId("duplicate-link").click();
    await expect.poll(() => pair().count()).toBe(0);
    await openCase(chief, later);
    await chief.getByTestId("case-links").waitFor();
    await chief.getByTestId("case-link-undo").click();
    await expect.poll(() => chief.getByTestId("case-links").count()).toBe(0);
  });
});
