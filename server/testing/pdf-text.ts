import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { aptInstall } from "../../scripts/apt";

const pdftotext = "/usr/bin/pdftotext";

/**
 * The text of a PDF as Poppler's pdftotext reads it — an independent reader, so that a password
 * set by OpenNRM is proved to be one that other software honours. Installs Debian's poppler-utils
 * when it is missing (as root, like Chromium for the browser stories).
 */
export function pdfText(pdf: Buffer, password?: string): { ok: boolean; text: string } {
  if (!existsSync(pdftotext)) aptInstall(["poppler-utils"], `${pdftotext} is missing`);
  const dir = mkdtempSync(path.join(tmpdir(), "opennrm-pdf-"));
  try {
    const file = path.join(dir, "document.pdf");
    writeFileSync(file, pdf);
    const args = [...(password ? ["-upw", password] : []), "-q", file, "-"];
    const result = spawnSync(pdftotext, args, { encoding: "utf8" });
    return { ok: result.status === 0, text: result.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
