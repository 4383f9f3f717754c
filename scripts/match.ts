/**
 * Identity matching of a file (a stable contract, used for external evaluation):
 *
 *   npm run --silent match -- <input.csv>
 *
 * reads a UTF-8 CSV with the header `id,given_name,family_name,birth_date,sex,citizenship`
 * (birth_date YYYY-MM-DD, YYYY or empty; citizenship ISO 3166 alpha-2) and writes to stdout only
 * a CSV with the header `id_a,id_b,score`: one row for each pair judged to be the same person,
 * score from 0 to 1, id_a sorting before id_b. Errors go to stderr, with exit status 1 or 2.
 */
import { readFileSync } from "node:fs";
import { matchRecords, readRecords } from "../server/modules/matching/file";
import { csvField } from "../server/modules/matching/csv";

function main(): number {
  const file = process.argv.slice(2).find((a) => a !== "--");
  if (!file) {
    process.stderr.write("usage: npm run --silent match -- <input.csv>\n");
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    process.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const pairs = matchRecords(readRecords(text));
  const lines = ["id_a,id_b,score"];
  for (const p of pairs) lines.push(`${csvField(p.a)},${csvField(p.b)},${p.score.toFixed(4)}`);
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
