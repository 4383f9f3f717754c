import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flattenText, readPdf } from "../server/platform/pdf/inspect";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";
import { apiPost, birthDateOfAge, inEnglish, PASSWORD } from "./support/story";

const CLOSED = "Bar Hëna";
const REOPENED = "Club Hëna e Re";

async function signIn(page: Page, username: string): Promise<void> {
  await login(page, username, PASSWORD);
  await inEnglish(page);
}

describe("police intelligence: premises, an operation, a closure, a reopening flagged and the off-limits list", () => {
  let server: RunningServer;
  let browser: Browser;
  let police: Page;
  let shelter: Page;
  let prosecutor: Page;
  let coordinator: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    police = await newUserPage(browser, server.url);
    shelter = await newUserPage(browser, server.url);
    prosecutor = await newUserPage(browser, server.url);
    coordinator = await newUserPage(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  async function recordPremises(name: string, address: string, operator: string): Promise<void> {
    const form = police.getByTestId("premises-form");
    await form.getByTestId("premises-name").fill(name);
    await form.getByTestId("premises-kind").selectOption("night_bar");
    await form.getByTestId("premises-address").fill(address);
    await form.getByTestId("premises-municipality").fill("Ferizaj");
    await form.getByTestId("premises-region").selectOption("prishtine");
    await form.getByTestId("premises-initial-status").selectOption("off_limits");
    await form.getByTestId("premises-operator").fill(operator);
    await form.getByTestId("premises-submit").click();
    await police.locator(`[data-testid="premises-row"][data-name="${name}"]`).waitFor();
  }

  it("an investigator records a premises", async () => {
    await signIn(police, "police");
    await police.getByTestId("nav-intelligence").first().click();
    await police.getByTestId("premises-form").waitFor();
    await recordPremises(CLOSED, "Rr. Nëna Terezë 12", "Agim Krasniqi");
    const row = police.locator(`[data-testid="premises-row"][data-name="${CLOSED}"]`);
    await expect
      .poll(() => row.getByTestId("premises-status").getAttribute("data-status"))
      .toBe("off_limits");
  });

  it("records a raid there: 3 people found, 1 identified as a presumed victim (a case), 2 arrests", async () => {
    await police.getByTestId("intel-tab-operations").click();
    const form = police.getByTestId("operation-form");
    await form.getByTestId("operation-kind").selectOption("raid");
    await form.getByTestId("operation-region").selectOption("prishtine");
    await form.getByTestId("operation-premises").selectOption({ label: `${CLOSED} · Ferizaj` });
    await form.getByTestId("operation-units").fill("THBS Prishtina, team 2");
    await form.getByTestId("operation-found").fill("3");
    await form.getByTestId("arrest-add").click();
    await form.getByTestId("arrest-add").click();
    await form.getByTestId("arrest-nationality").nth(0).selectOption("XK");
    await form.getByTestId("arrest-nationality").nth(1).selectOption("AL");
    await form.getByTestId("seizure-add").click();
    await form.getByTestId("seizure-kind").selectOption("identity_documents");
    await form.getByTestId("seizure-quantity").fill("4");
    await form.getByTestId("interview-private").check();
    await form.getByTestId("interview-out-of-sight").check();
    await form.getByTestId("interview-female-officer").check();
    await form.getByTestId("interview-interpreter").selectOption("present");
    await form.getByTestId("operation-submit").click();

    const detail = police.getByTestId("operation-detail");
    await detail.waitFor();
    expect(await detail.getByTestId("operation-seizure-list").textContent()).toContain(
      "Identity documents × 4",
    );
    const identified = detail.getByTestId("identified-form");
    await identified.getByTestId("identified-given-name").fill("Elena");
    await identified.getByTestId("identified-gender").selectOption("Feminine");
    await identified.getByTestId("identified-birth-date").fill(birthDateOfAge(22));
    await identified.getByTestId("identified-citizenship").selectOption("MD");
    await identified.getByTestId("identified-submit").click();
    const result = detail.getByTestId("identified-result");
    await result.waitFor();
    const reference = ((await result.textContent()) ?? "").match(/NRM-\d{4}-\d{5}/)?.[0];
    expect(reference).toBeTruthy();
    await expect
      .poll(() => police.getByTestId("operation-counts").first().textContent())
      .toBe("3 found · 1 identified · 2 arrests");

    // The case exists, and says only that it came from a police raid.
    const caseView = await police.request.get(`${server.url}/api/cases/${reference}`);
    expect(caseView.status()).toBe(200);
    const body = await caseView.text();
    expect(body).toContain("police_raid");
    expect(body).not.toContain(CLOSED);
    expect(body).not.toContain("THBS Prishtina");
  });

  it("closes the premises by court order; a new premises at the same address is flagged", async () => {
    await police.getByTestId("intel-tab-premises").click();
    const row = police.locator(`[data-testid="premises-row"][data-name="${CLOSED}"]`);
    await row.getByTestId("premises-open").click();
    const closure = row.getByTestId("closure-form");
    await closure.getByTestId("closure-authority").fill("Basic Court of Ferizaj");
    await closure.getByTestId("closure-duration").fill("180");
    await closure.getByTestId("closure-submit").click();
    await expect
      .poll(() => row.getByTestId("premises-status").first().getAttribute("data-status"))
      .toBe("closed_by_order");
    await expect
      .poll(() => row.getByTestId("premises-closure").textContent())
      .toContain("Basic Court of Ferizaj");

    // The same address written differently, another operator, a new name.
    await recordPremises(REOPENED, "Rruga Nena Tereze 12", "Besnik Hoxha");
    const flagged = police.locator(`[data-testid="premises-row"][data-name="${REOPENED}"]`);
    await flagged.getByTestId("premises-flagged").waitFor();
    await flagged.getByTestId("premises-open").click();
    const flag = flagged.getByTestId("reopening-flag");
    await expect.poll(() => flag.getAttribute("data-reason")).toBe("same_address");
    expect(await flag.textContent()).toContain(CLOSED);
  });

  it("publishing the off-limits list yields a PDF that lists the premises", async () => {
    await police.getByTestId("intel-tab-off-limits").click();
    await expect.poll(() => police.getByTestId("off-limits-current").textContent()).toContain(CLOSED);
    await police.getByTestId("off-limits-publish").click();
    const version = police.locator('[data-testid="off-limits-version"][data-version="1"]');
    await version.waitFor();
    const [download] = await Promise.all([
      police.waitForEvent("download"),
      version.getByTestId("off-limits-pdf-en").click(),
    ]);
    const file = await download.path();
    const text = flattenText(readPdf(readFileSync(file)).pages.join("\n"));
    expect(text).toContain("Off-limits premises");
    expect(text).toContain(CLOSED);
    expect(text).toContain("Rr. Nëna Terezë 12");
    expect(text).toContain(REOPENED);
  });

  it("a shelter worker and a prosecutor get 404 on every intelligence URL", async () => {
    const premises = (await (await police.request.get(`${server.url}/api/intelligence/premises`)).json()) as {
      id: string;
    }[];
    const operations = (await (
      await police.request.get(`${server.url}/api/intelligence/operations`)
    ).json()) as {
      id: string;
    }[];
    const flags = (await (await police.request.get(`${server.url}/api/intelligence/reopenings`)).json()) as {
      id: string;
    }[];
    const premisesId = premises[0]?.id ?? "";
    const operationId = operations[0]?.id ?? "";
    const flagId = flags[0]?.id ?? "";
    const reads = [
      "/api/intelligence/premises",
      `/api/intelligence/premises/${premisesId}`,
      "/api/intelligence/reopenings",
      "/api/intelligence/operations",
      `/api/intelligence/operations/${operationId}`,
      "/api/intelligence/suspects",
      "/api/intelligence/off-limits",
      "/api/intelligence/off-limits/versions/1/pdf?language=en",
      "/api/intelligence/off-limits/versions/1/csv?language=sq",
      "/api/intelligence/figures?from=2020-01-01&to=2030-12-31",
    ];
    const writes: [string, object][] = [
      [
        "/api/intelligence/premises",
        { name: "X", kind: "club", address: "Y", municipality: "Z", region: "prishtine" },
      ],
      [`/api/intelligence/premises/${premisesId}/parties`, { role: "owner", kind: "person", name: "X" }],
      [
        `/api/intelligence/premises/${premisesId}/status`,
        { status: "cleared", source: "review", on: "2026-01-01" },
      ],
      [`/api/intelligence/premises/${premisesId}/closures`, { orderedOn: "2026-01-01", authority: "X" }],
      [`/api/intelligence/reopenings/${flagId}`, { decision: "dismissed" }],
      ["/api/intelligence/operations", { kind: "raid" }],
      [`/api/intelligence/operations/${operationId}/identified`, { reference: "NRM-2026-00001" }],
      ["/api/intelligence/suspects", { kind: "person", name: "X", roles: ["Exploiter"] }],
      ["/api/intelligence/off-limits/versions", {}],
    ];
    for (const [page, username] of [
      [shelter, "shelter"],
      [prosecutor, "prosecutor"],
    ] as const) {
      await signIn(page, username);
      for (const url of reads) {
        const response = await page.request.get(`${server.url}${url}`);
        expect(response.status(), `${username} GET ${url}`).toBe(404);
        expect(await response.text()).not.toContain("Hëna");
      }
      for (const [url, data] of writes) {
        const response = await apiPost(page, server.url, url, data);
        expect(response.status(), `${username} POST ${url}`).toBe(404);
      }
      await page.goto("/intelligence");
      // Neither has the page in the menu; opened by its address it is like any missing page.
      expect(await page.getByTestId("nav-intelligence").count()).toBe(0);
      await page.getByText("There is nothing to show at this address.").first().waitFor();
      expect(await page.content()).not.toContain("Hëna");
    }
  });

  it("the coordinator sees the figures of the year, and nothing else of intelligence", async () => {
    await signIn(coordinator, "coordinator");
    await coordinator.getByTestId("nav-intelligence").first().click();
    await expect.poll(() => coordinator.getByTestId("figure-arrests").textContent()).toBe("Arrests2");
    expect(await coordinator.getByTestId("figure-peopleFound").textContent()).toBe("People found3");
    expect(await coordinator.getByTestId("figure-peopleIdentified").textContent()).toBe("People identified1");
    expect(await coordinator.getByTestId("figure-premisesClosed").textContent()).toBe("Premises closed1");
    expect(await coordinator.content()).not.toContain("Hëna");
    const premises = await coordinator.request.get(`${server.url}/api/intelligence/premises`);
    expect(premises.status()).toBe(404);
  });
});
