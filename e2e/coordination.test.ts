import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";
import { apiPost, birthDateOfAge, inEnglish, openCase, PASSWORD, todayInKosovo } from "./support/story";

const POLICE = "Police anti-trafficking unit (THBS)";
const IOM = "IOM counter-trafficking unit";
const REASONING = "She asked for the return to be prepared with her family in Chișinău";

describe("a regional coordination group decides on a case by its reference; the decision reaches the case's timeline", () => {
  let server: RunningServer;
  let browser: Browser;
  let coordinator: Page;
  let police: Page;
  let iom: Page;
  let reference = "";

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    coordinator = await newUserPage(browser, server.url);
    police = await newUserPage(browser, server.url);
    iom = await newUserPage(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  const group = (page: Page) => page.locator('[data-testid="group-row"]', { hasText: "Prishtinë group" });

  it("the coordinator sets up the Prishtinë group with the police and IOM", async () => {
    for (const [page, username] of [
      [coordinator, "coordinator"],
      [police, "police.chief"],
      [iom, "iom"],
    ] as const) {
      await login(page, username, PASSWORD);
      await inEnglish(page);
    }
    await coordinator.goto("/coordination");
    const form = coordinator.getByTestId("group-form");
    await form.getByTestId("group-name").fill("Prishtinë group");
    await form.getByTestId("group-region").selectOption("prishtine");
    await form.getByLabel(POLICE).check();
    await form.getByLabel(IOM).check();
    await form.getByTestId("group-submit").click();
    await expect.poll(() => group(coordinator).count()).toBe(1);
    expect(await group(coordinator).textContent()).toContain(IOM);
  });

  it("the police bring their case before the group's meeting, by reference only", async () => {
    const registered = await apiPost(police, server.url, "/api/cases", {
      person: { givenName: "Ionela", gender: "Feminine", birthDate: birthDateOfAge(22), citizenship: ["MD"] },
      identificationDate: todayInKosovo(),
      identificationRegion: "prishtine",
      source: "police_raid",
    });
    expect(registered.status()).toBe(201);
    reference = ((await registered.json()) as { reference: string }).reference;

    await police.goto("/coordination");
    await group(police).getByRole("button").click();
    await police.getByTestId("meeting-date").fill(todayInKosovo());
    await police.getByTestId("meeting-submit").click();
    const meeting = police.getByTestId("meeting-row");
    await expect.poll(() => meeting.count()).toBe(1);
    await meeting.getByTestId("agenda-reference").fill(reference);
    await meeting.getByTestId("agenda-submit").click();
    await expect.poll(() => meeting.getByTestId("agenda-item").textContent()).toContain(reference);
    await meeting.getByTestId("decision-code").selectOption("refer");
    await meeting.getByTestId("decision-text").fill(REASONING);
    await meeting.getByTestId("decision-submit").click();
    await expect.poll(() => meeting.getByTestId("agenda-item").textContent()).toContain(REASONING);
  });

  it("IOM, in the group but not on the case team, sees the reference and the decision, not the reasoning", async () => {
    await iom.goto("/coordination");
    await group(iom).getByRole("button").click();
    const item = iom.getByTestId("agenda-item");
    await expect.poll(() => item.textContent()).toContain(reference);
    expect(await iom.locator("body").textContent()).not.toContain(REASONING);
    expect(await iom.locator("body").textContent()).not.toContain("Ionela");
  });

  it("the decision is on the case's timeline for the case team", async () => {
    await openCase(police, reference, "timeline");
    // Two entries: the case was put on the agenda, and the group decided.
    const entries = police.locator('[data-testid="timeline-item"][data-kind="coordination"]');
    await expect.poll(() => entries.count()).toBe(2);
  });

  it("the coordinator renames the group and takes IOM out: IOM no longer sees it", async () => {
    await coordinator.goto("/coordination");
    await group(coordinator).getByRole("button").click();
    await coordinator.getByTestId("rename-name").fill("Prishtinë group (regional)");
    await coordinator.getByTestId("rename-submit").click();
    await expect.poll(() => group(coordinator).textContent()).toContain("(regional)");
    await coordinator.getByRole("button", { name: `Take ${IOM} out of the group` }).click();
    await expect.poll(() => group(coordinator).textContent()).not.toContain(IOM);
    await iom.goto("/coordination");
    await iom.getByTestId("group-form").or(iom.getByText("Coordination").first()).first().waitFor();
    await expect.poll(() => group(iom).count()).toBe(0);
  });
});
