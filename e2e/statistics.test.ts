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

/** Every export asks for its reason first (issue 10): the reason is chosen, then the file comes. */
async function exportWithReason(page: Page, testId: string, reason = "annual_report"): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(`stats-export-reason-${reason}`).check();
  await page.getByTestId("stats-export-confirm").click();
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
      exportWithReason(coordinator, "stats-csv-identified_origin"),
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
      exportWithReason(coordinator, "stats-report-sq"),
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
      exportWithReason(coordinator, "stats-htcds-export", "research"),
    ]);
    expect(htcds.suggestedFilename()).toBe("htcds-export.csv");
    expect(readFileSync(await htcds.path(), "utf8").split(/\r?\n/)[0]).toBe(
      "nrm_YearOfIdentification,prs_Gender,prs_Citizenship,vic_AgeWhenTrafficked,vic_TypeOfExploitation,vic_TraffickingStatus,cas_Status",
    );
    await expect
      .poll(() => coordinator.getByTestId("stats-htcds-report").textContent())
      .toContain("0 of 4 people");
  });

  it("a click on a chart opens its table with the clicked year marked; the justice figures are national", async () => {
    // The supervisor's own cases are exact: in 2004 the imported people make one stacked bar.
    await chief.getByTestId("stats-from").fill("2004");
    await chief.getByTestId("stats-to").fill("2004");
    await chief.getByTestId("stats-apply").click();
    const card = chief.getByTestId("stats-card-identified_origin");
    await expect.poll(() => card.getByTestId("stats-table-identified_origin").count()).toBe(1);
    // Close the table opened earlier: the click must open it again.
    await chief.getByTestId("stats-show-table-identified_origin").click();
    await expect.poll(() => card.getByTestId("stats-table-identified_origin").count()).toBe(0);
    const chart = chief.getByTestId("stats-chart-identified_origin");
    const box = await chart.boundingBox();
    if (!box) throw new Error("the chart is not drawn");
    // The middle of the plot (grid: 40 left, 16 right, 16 top, 48 bottom) is inside the only bar.
    await chart.click({ position: { x: 40 + (box.width - 56) / 2, y: 16 + (box.height - 64) / 2 } });
    const table = card.getByTestId("stats-table-identified_origin");
    await expect.poll(() => table.count()).toBe(1);
    const focused = table.locator('[data-focused="true"]');
    await expect.poll(() => focused.count()).toBe(1);
    expect(await focused.textContent()).toContain("2004");
    expect(await focused.textContent()).toContain("2");

    // The prosecution funnel and sentences are on the dashboard, drawn, and marked as national
    // figures suppressed for every reader, while the supervisor's own figures are exact.
    await chief.getByTestId("stats-from").fill("");
    await chief.getByTestId("stats-to").fill("");
    await chief.getByTestId("stats-apply").click();
    for (const id of ["prosecution_funnel", "sentences_range"]) {
      const drawn = chief.getByTestId(`stats-chart-${id}`);
      await drawn.waitFor();
      await expect.poll(() => drawn.locator("canvas, svg").count(), { message: id }).toBeGreaterThan(0);
      await chief.getByTestId(`stats-national-${id}`).waitFor();
    }
    expect(await chief.getByTestId("stats-national-identified_origin").count()).toBe(0);
  });

  it("a supervisor maps a legacy layout's columns, follows the progress and imports; tables download as XLSX", async () => {
    const mapped = [
      "Emri,Mbiemri,Datelindja,Gjinia,Shtetesia,identification_date,Rajoni",
      "Besa,Mapped,1986-02-01,Feminine,XK,2003-03-01,prishtine",
      "Lule,Mapped,1987-02-01,Feminine,AL,2003-04-01,prizren",
    ].join("\n");
    await chief.locator('[data-testid="stats-import"] input[type="file"]').setInputFiles({
      name: "mapped.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(mapped, "utf8"),
    });
    await chief.getByTestId("stats-import-mapping").waitFor();
    // The HTCDS-named column is pre-filled; the others are chosen by hand.
    expect(await chief.getByTestId("stats-import-map-5").inputValue()).toBe("identification_date");
    const choose = async (index: number, field: string) => {
      await chief.getByTestId(`stats-import-map-${index}`).click();
      await chief.getByRole("option", { name: field, exact: true }).click();
    };
    await choose(0, "prs_FirstName");
    await choose(1, "prs_SecondName");
    await choose(2, "prs_Birthdate");
    await choose(3, "prs_Gender");
    await choose(4, "prs_Citizenship");
    await choose(6, "identification_region");
    await chief.getByTestId("stats-import-check").click();
    await expect
      .poll(() => chief.getByTestId("stats-import-report").textContent())
      .toContain("2 records are ready");
    expect(await chief.getByTestId("stats-import-progress-text").textContent()).toBe("Finished: 2 of 2");
    await chief.getByTestId("stats-import-commit").click();
    await expect
      .poll(() => chief.getByTestId("stats-import-report").textContent())
      .toContain("2 records imported");

    const [xlsx] = await Promise.all([
      chief.waitForEvent("download"),
      exportWithReason(chief, "stats-xlsx-identified_origin", "internal_analysis"),
    ]);
    expect(xlsx.suggestedFilename()).toBe("identified_origin.xlsx");
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");
  });
});
