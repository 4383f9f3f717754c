import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statTableIds } from "../shared/statistics";
import { launchBrowser, login, newUserPage, screenshotsOnFailure } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";
import { inEnglish, PASSWORD } from "./support/story";

async function openStatistics(page: Page, username: string): Promise<void> {
  await login(page, username, PASSWORD);
  await inEnglish(page);
  await page.getByTestId("nav-statistics").first().click();
  await page.getByTestId("stats-suppression").waitFor();
}

/** Legacy records in HTCDS columns: two domestic and two foreign victims of 2004 (seed 001). */
const legacyCsv = [
  "prs_FirstName,prs_SecondName,prs_Birthdate,prs_Gender,prs_Citizenship,vic_TypeOfExploitation,identification_date,identification_region,identification_source",
  "Drita,Legacy,1984-02-01,Feminine,XK,SexualExploitation,2004-03-01,prishtine,police_raid",
  "Arta,Legacy,1985-02-01,Feminine,XK,SexualExploitation,2004-04-01,prizren,police_raid",
  "Olga,Legacy,1983-02-01,Feminine,MD,SexualExploitation,2004-05-01,prishtine,police_raid",
  "Irina,Legacy,1982-02-01,Feminine,UA,ForcedLabour,2004-06-01,peje,ngo",
].join("\n");

describe("the statistics dashboard: legacy import, charts in the browser, CSV download", () => {
  let server: RunningServer;
  let browser: Browser;
  let chief: Page;
  let coordinator: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    chief = await newUserPage(browser, server.url);
    coordinator = await newUserPage(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  screenshotsOnFailure();

  it("a supervisor checks and imports a legacy CSV, all rows at once", async () => {
    await openStatistics(chief, "police.chief");
    await chief.locator('[data-testid="stats-import"] input[type="file"]').setInputFiles({
      name: "legacy.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(legacyCsv, "utf8"),
    });
    await chief.getByTestId("stats-import-check").click();
    await expect
      .poll(() => chief.getByTestId("stats-import-report").textContent())
      .toContain("4 records are ready");
    await chief.getByTestId("stats-import-commit").click();
    await expect
      .poll(() => chief.getByTestId("stats-import-report").textContent())
      .toContain("4 records imported");
    // The supervisor's own agency's counts are exact.
    await chief.getByTestId("stats-show-table-identified_origin").click();
    const table = chief.getByTestId("stats-table-identified_origin");
    await expect.poll(() => table.textContent()).toContain("2004");
    expect(await chief.getByTestId("stats-suppression").textContent()).toContain("Exact counts");
  });

  it("the coordinator sees every chart drawn, a table behind a chart, and downloads a table as CSV", async () => {
    await openStatistics(coordinator, "coordinator");
    expect(await coordinator.getByTestId("stats-suppression").textContent()).toContain("hidden");
    for (const id of statTableIds) {
      const chart = coordinator.getByTestId(`stats-chart-${id}`);
      await chart.waitFor();
      await expect.poll(() => chart.locator("canvas, svg").count(), { message: id }).toBeGreaterThan(0);
    }
    // Four people in 2004: every cell is small, so the coordinator's table hides them.
    await coordinator.getByTestId("stats-from").fill("2004");
    await coordinator.getByTestId("stats-to").fill("2004");
    await coordinator.getByTestId("stats-apply").click();
    await coordinator.getByTestId("stats-show-table-identified_origin").click();
    await expect.poll(() => coordinator.getByTestId("stats-table-row").count()).toBe(1);
    await expect
      .poll(() => coordinator.getByTestId("stats-table-identified_origin").textContent())
      .toContain("[c]");

    const [download] = await Promise.all([
      coordinator.waitForEvent("download"),
      coordinator.getByTestId("stats-csv-identified_origin").click(),
    ]);
    expect(download.suggestedFilename()).toBe("identified_origin.csv");
    const file = await download.path();
    const lines = readFileSync(file, "utf8").split(/\r?\n/);
    expect(lines[0]).toBe("year,domestic,foreign,total");
    expect(lines[1]).toBe("2004,[c],[c],[c]");

    const [png] = await Promise.all([
      coordinator.waitForEvent("download"),
      coordinator.getByTestId("stats-chart-identified_origin-png").click(),
    ]);
    expect(png.suggestedFilename()).toBe("identified_origin.png");
    const [svg] = await Promise.all([
      coordinator.waitForEvent("download"),
      coordinator.getByTestId("stats-chart-identified_origin-svg").click(),
    ]);
    expect(svg.suggestedFilename()).toBe("identified_origin.svg");
    expect(readFileSync(await svg.path(), "utf8")).toContain("<svg");

    const [report] = await Promise.all([
      coordinator.waitForEvent("download"),
      coordinator.getByTestId("stats-report-sq").click(),
    ]);
    expect(report.suggestedFilename()).toBe("annual-report-2004-sq.pdf");
    expect(
      readFileSync(await report.path())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");

    // The de-identified export: four people cannot form a crowd of eleven, so none is exported.
    const [htcds] = await Promise.all([
      coordinator.waitForEvent("download"),
      coordinator.getByTestId("stats-htcds-export").click(),
    ]);
    expect(htcds.suggestedFilename()).toBe("htcds-export.csv");
    expect(readFileSync(await htcds.path(), "utf8").split(/\r?\n/)[0]).toBe(
      "nrm_YearOfIdentification,prs_Gender,prs_Citizenship,vic_AgeWhenTrafficked,vic_TypeOfExploitation,vic_TraffickingStatus,cas_Status",
    );
    await expect
      .poll(() => coordinator.getByTestId("stats-htcds-report").textContent())
      .toContain("0 of 4 people");
  });
});
