/**
 * Identity matching: quality and speed on a synthetic population (bench/matching-population.ts).
 *
 *   npm run bench:matching                          the full run (100,000-record file, 1,000,000 people)
 *   npm run bench:matching -- --records 10000 --people 100000 --queries 200 --fuse 1000   a small run
 *
 * 1. Quality and file time: a file of --records registrations (duplicates known) is written as CSV
 *    and matched as `npm run match` does (the same functions, timed from reading the CSV text to
 *    the sorted pairs); precision, recall and F1 over pairs.
 * 2. Single-query latency: --people people (one record each) in the in-memory blocking index, then
 *    --queries other registrations of indexed people, each prepared and looked up alone; p50/p95,
 *    and how often the right person is the best candidate.
 * 3. Fuse.js on a sample of about --fuse records of the same file, all the records of the people
 *    sampled (Fuse scans every record for every query, so the full file would take hours): each record's full name is searched among the
 *    full names (threshold 0.3, the default 0.6 finds almost everyone), and a hit is a pair when
 *    the birth years agree or one is unknown. The engine is scored on the same sample.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import Fuse from "fuse.js";
import { MatchIndex } from "../server/modules/matching/blocking";
import { csvField } from "../server/modules/matching/csv";
import { matchRecords, readRecords, samePersonThreshold } from "../server/modules/matching/file";
import { parseBirthDate } from "../server/modules/matching/dates";
import { preparePerson } from "../server/modules/matching/score";
import {
  makeIdentity,
  makeRecord,
  makeRecords,
  seededRandom,
  type GeneratedRecord,
} from "./matching-population";

const { values } = parseArgs({
  options: {
    records: { type: "string", default: "100000" },
    people: { type: "string", default: "1000000" },
    queries: { type: "string", default: "1000" },
    fuse: { type: "string", default: "2000" },
    seed: { type: "string", default: "2026" },
  },
});

function count(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  return n;
}

const options = {
  records: count("records", values.records),
  people: count("people", values.people),
  queries: count("queries", values.queries),
  fuse: count("fuse", values.fuse),
  seed: count("seed", values.seed),
};

const fmt = (n: number, digits = 4) => n.toFixed(digits);
const thousands = (n: number) => n.toLocaleString("en-GB");

function toCsv(records: readonly GeneratedRecord[]): string {
  const lines = ["id,given_name,family_name,birth_date,sex,citizenship"];
  for (const r of records)
    lines.push([r.id, r.given, r.family, r.birthDate, r.sex, r.citizenship].map(csvField).join(","));
  return lines.join("\n") + "\n";
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

function truePairs(records: readonly GeneratedRecord[]): Set<string> {
  const byPerson = new Map<number, string[]>();
  for (const r of records) {
    const ids = byPerson.get(r.person);
    if (ids) ids.push(r.id);
    else byPerson.set(r.person, [r.id]);
  }
  const truth = new Set<string>();
  for (const ids of byPerson.values())
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) truth.add(pairKey(ids[i] ?? "", ids[j] ?? ""));
  return truth;
}

interface Quality {
  precision: number;
  recall: number;
  f1: number;
  found: number;
  truth: number;
}

function quality(found: Iterable<string>, truth: Set<string>): Quality {
  let tp = 0;
  let n = 0;
  for (const key of found) {
    n += 1;
    if (truth.has(key)) tp += 1;
  }
  const precision = n === 0 ? 1 : tp / n;
  const recall = truth.size === 0 ? 1 : tp / truth.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, found: n, truth: truth.size };
}

function printQuality(label: string, q: Quality): void {
  console.log(
    `${label}: precision ${fmt(q.precision)}  recall ${fmt(q.recall)}  F1 ${fmt(q.f1)}  (${thousands(q.found)} pairs reported, ${thousands(q.truth)} true)`,
  );
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function engineOnFile(csv: string): { pairs: Set<string>; seconds: number; cpuSeconds: number } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const matched = matchRecords(readRecords(csv));
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  return {
    pairs: new Set(matched.map((p) => pairKey(p.a, p.b))),
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

function main(): void {
  console.log(
    `identity matching benchmark: ${thousands(options.records)}-record file, ${thousands(options.people)} people indexed, ${thousands(options.queries)} queries, Fuse.js on ${thousands(options.fuse)} records, seed ${options.seed}`,
  );
  console.log(`threshold: probability >= ${samePersonThreshold}`);

  // 1. The file.
  const records = makeRecords(seededRandom(options.seed), options.records);
  const csv = toCsv(records);
  const truth = truePairs(records);
  const file = engineOnFile(csv);
  printQuality(`engine, ${thousands(records.length)} records`, quality(file.pairs, truth));
  console.log(
    `time to match the ${thousands(records.length)}-record file: ${fmt(file.seconds, 2)} s wall, ${fmt(file.cpuSeconds, 2)} s CPU (load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores)`,
  );

  // 2. Single queries against the people index.
  if (options.people > 0 && options.queries > 0) {
    const random = seededRandom(options.seed + 1);
    const index = new MatchIndex();
    const identities = [];
    const buildStarted = performance.now();
    for (let p = 0; p < options.people; p++) {
      const identity = makeIdentity(random, p);
      if (p < options.queries * 50) identities.push(identity);
      const r = makeRecord(random, identity, `p${p}`, true);
      index.add(
        preparePerson({
          id: r.id,
          givenName: r.given,
          familyName: r.family,
          birthDate: parseBirthDate(r.birthDate),
          sex: r.sex === "F" || r.sex === "M" ? r.sex : null,
          citizenship: r.citizenship || null,
        }),
      );
    }
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    const times: number[] = [];
    let best = 0;
    for (let q = 0; q < options.queries; q++) {
      const identity = identities[Math.floor(random() * identities.length)];
      if (!identity) break;
      const r = makeRecord(random, identity, `q${q}`, false);
      const started = performance.now();
      const candidates = index.query(
        preparePerson({
          id: r.id,
          givenName: r.given,
          familyName: r.family,
          birthDate: parseBirthDate(r.birthDate),
          sex: r.sex === "F" || r.sex === "M" ? r.sex : null,
          citizenship: r.citizenship || null,
        }),
        samePersonThreshold,
        10,
      );
      times.push(performance.now() - started);
      if (candidates[0]?.person.id === `p${identity.person}`) best += 1;
    }
    times.sort((a, b) => a - b);
    console.log(
      `single query against ${thousands(options.people)} people (index built in ${fmt(buildSeconds, 1)} s): p50 ${fmt(percentile(times, 50), 2)} ms  p95 ${fmt(percentile(times, 95), 2)} ms  p99 ${fmt(percentile(times, 99), 2)} ms; right person first in ${fmt(best / times.length, 4)} of ${thousands(times.length)}`,
    );
  }

  // 3. Fuse.js on a sample of the same file, and the engine on the same sample.
  if (options.fuse > 0) {
    // Whole people, so that the sample keeps the file's duplicates (a slice of records would not).
    const people = new Set<number>();
    for (const r of records) {
      if (people.size * 1.9 >= options.fuse) break;
      people.add(r.person);
    }
    const sample = records.filter((r) => people.has(r.person));
    const sampleTruth = truePairs(sample);
    const engine = engineOnFile(toCsv(sample));
    printQuality(
      `engine on the Fuse.js sample of ${thousands(sample.length)} records`,
      quality(engine.pairs, sampleTruth),
    );
    const started = performance.now();
    const documents = sample.map((r) => ({
      id: r.id,
      name: `${r.given} ${r.family}`,
      year: r.birthDate.slice(0, 4),
    }));
    const fuse = new Fuse(documents, {
      keys: ["name"],
      includeScore: true,
      threshold: 0.3,
      ignoreLocation: true,
    });
    const found = new Set<string>();
    for (const d of documents) {
      for (const hit of fuse.search(d.name)) {
        const years = hit.item.year === "" || d.year === "" || hit.item.year === d.year;
        if (hit.item.id !== d.id && years) found.add(pairKey(d.id, hit.item.id));
      }
    }
    const fuseSeconds = (performance.now() - started) / 1000;
    printQuality(`Fuse.js 7 on the same ${thousands(sample.length)} records`, quality(found, sampleTruth));
    console.log(`Fuse.js time on ${thousands(sample.length)} records: ${fmt(fuseSeconds, 2)} s`);
  }
}

main();
