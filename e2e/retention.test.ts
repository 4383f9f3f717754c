import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";
import { apiPost, inEnglish, openCase, PASSWORD, todayInKosovo } from "./support/story";

describe("retention: a legal hold keeps a closed case, and once lifted its identity is erased for good", () => {
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
    await login(police, "police", PASSWORD);
    await login(chief, "police.chief", PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  it("the police close a case: proposed, approved by the chief, moved to closure", async () => {
    await inEnglish(chief);
    const registered = await apiPost(police, server.url, "/api/cases", {
      person: {
        givenName: "Valentina",
        familyName: "Erasova",
        gender: "Feminine",
        citizenship: ["MD"],
        birthDate: "1994-03-11",
      },
      circumstances: "Found in the back room of the Lotus motel.",
      identificationDate: todayInKosovo(),
      identificationRegion: "prishtine",
      source: "police_raid",
    });
    expect(registered.status()).toBe(201);
    reference = ((await registered.json()) as { reference: string }).reference;
    const proposed = await apiPost(police, server.url, `/api/cases/${reference}/closure`, {
      outcome: "returned_home",
    });
    expect(proposed.status()).toBe(200);
    expect((await apiPost(chief, server.url, `/api/cases/${reference}/closure/approve`, {})).status()).toBe(
      200,
    );
    expect(
      (await apiPost(chief, server.url, `/api/cases/${reference}/pathway/stage`, { to: "closure" })).status(),
    ).toBe(200);
  });

  it("the chief places a legal hold, and erasure is refused while it stands", async () => {
    await openCase(chief, reference);
    const section = chief.getByTestId("case-retention");
    await section.waitFor();
    await chief.getByTestId("retention-hold-reason").selectOption("criminal_proceedings");
    await chief.getByTestId("retention-hold-proceeding").fill("PP.nr. 41/2026");
    await chief.getByTestId("retention-place-hold").click();
    await expect.poll(() => chief.getByTestId("retention-lift-hold").count()).toBe(1);
    expect(await chief.getByTestId("retention-hold").first().textContent()).toContain("PP.nr. 41/2026");

    await chief.getByTestId("retention-erase-reason").selectOption("person_request");
    await chief.getByTestId("retention-erase-confirm").fill(reference);
    await chief.getByTestId("retention-erase").click();
    await expect
      .poll(() => chief.getByTestId("retention-erase-failure").textContent())
      .toContain("legal hold keeps this case");
    expect(await chief.getByTestId("retention-erased").count()).toBe(0);
  });

  it("lifted, the hold no longer blocks: the identity is erased and the case page says so", async () => {
    await chief.getByTestId("retention-lift-hold").click();
    await expect.poll(() => chief.getByTestId("retention-lift-hold").count()).toBe(0);
    await chief.getByTestId("retention-erase-reason").selectOption("person_request");
    await chief.getByTestId("retention-erase-confirm").fill(reference);
    await chief.getByTestId("retention-erase").click();
    await chief.getByTestId("retention-erased").waitFor();
    expect(await chief.getByTestId("retention-erased").textContent()).toContain("Identity erased");
    await expect.poll(() => chief.getByTestId("identity-section").textContent()).toContain("[erased]");
    const identity = (await chief.getByTestId("identity-section").textContent()) ?? "";
    expect(identity).not.toContain("Valentina");
    expect(identity).not.toContain("Erasova");

    // Opened afresh, the case still answers, with erased fields and no way to erase again.
    await openCase(chief, reference);
    await chief.getByTestId("retention-erased").waitFor();
    expect(await chief.getByTestId("retention-erase-form").count()).toBe(0);
    const page = await chief.locator("main").textContent();
    expect(page).not.toContain("Lotus motel");
  });
});
