/**
 * The SIGKILL proof: users write (register cases, record needs assessments with a note) while the
 * server process is killed with SIGKILL at a random moment; after each restart every write that was
 * acknowledged (2xx received) must be there. A record acknowledged and then lost is a victim whose
 * identification the referring officer believes is registered (seed 002: the pathway stops silently).
 */
import { needsWithNote, newRegistration, User } from "./client";
import { serverProcess } from "./server-process";

export interface KillFigures {
  database: string;
  kills: number;
  acknowledgedCases: number;
  acknowledgedNotes: number;
  lost: number;
  lostExamples: string[];
  /** Milliseconds from spawn to a healthy /api/health, per restart after a kill. */
  restartMs: number[];
  /** Writes answered 5xx while the server was up (must stay 0). */
  serverErrors: number;
}

interface Acknowledged {
  reference: string;
  noteId?: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function inBatches<T>(items: readonly T[], size: number, each: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each));
}

/** The writes found missing among `acked`, as readable descriptions. */
async function missing(user: User, acked: readonly Acknowledged[]): Promise<string[]> {
  const lost: string[] = [];
  await inBatches(acked, 8, async (write) => {
    const found = await user.send("GET", `/api/cases/${write.reference}`);
    if (found.status !== 200) {
      lost.push(`case ${write.reference} (${found.status})`);
      return;
    }
    if (!write.noteId) return;
    const needs = await user.send("GET", `/api/cases/${write.reference}/needs-assessments`);
    const items = (needs.body as { items?: { id: string; note: string | null }[] }).items ?? [];
    const note = items.find((item) => item.id === write.noteId);
    if (!note || note.note !== `Note ${write.reference}`)
      lost.push(`needs assessment ${write.noteId} on ${write.reference}`);
  });
  return lost;
}

export async function killLoop(options: {
  database: string;
  env: Record<string, string>;
  masterKeyFile?: string;
  kills: number;
  /** Concurrent writers. */
  writers?: number;
  /** The kill comes at a random moment in this window (ms) once 3 writes were acknowledged. */
  window?: [number, number];
  progress?: (line: string) => void;
}): Promise<KillFigures> {
  const { kills, writers = 6, window = [0, 2_000], progress = () => undefined } = options;
  const server = await serverProcess({ env: options.env, masterKeyFile: options.masterKeyFile });
  const figures: KillFigures = {
    database: options.database,
    kills: 0,
    acknowledgedCases: 0,
    acknowledgedNotes: 0,
    lost: 0,
    lostExamples: [],
    restartMs: [],
    serverErrors: 0,
  };
  const all: Acknowledged[] = [];
  try {
    await server.start();
    // Case worker and supervisor at IOM: registers, assesses needs (a sealed note), reads.
    const user = await User.signIn(server.url, "iom.head");
    for (let round = 1; round <= kills; round++) {
      const acked: Acknowledged[] = [];
      let writing = true;
      const writer = async (w: number) => {
        while (writing) {
          try {
            const created = await user.send("POST", "/api/cases", newRegistration(`K${round}W${w}N`));
            if (created.status >= 500) figures.serverErrors += 1;
            if (created.status !== 201) continue;
            const write: Acknowledged = { reference: (created.body as { reference: string }).reference };
            acked.push(write);
            const note = await user.send(
              "POST",
              `/api/cases/${write.reference}/needs-assessments`,
              needsWithNote(`Note ${write.reference}`),
            );
            if (note.status >= 500) figures.serverErrors += 1;
            if (note.status === 201) write.noteId = (note.body as { id: string }).id;
          } catch {
            // The connection broke: the server is gone; nothing was acknowledged.
            await pause(20);
          }
        }
      };
      const load = Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
      // Writes must be under way (a few acknowledged) before the random moment of the kill.
      const waitUntil = Date.now() + 60_000;
      while (acked.length < 3 && Date.now() < waitUntil) await pause(20);
      await pause(window[0] + Math.random() * (window[1] - window[0]));
      await server.kill();
      writing = false;
      await load;
      figures.kills += 1;
      const ms = await server.start();
      figures.restartMs.push(ms);
      const lost = await missing(user, acked);
      all.push(...acked);
      figures.lost += lost.length;
      figures.lostExamples.push(...lost.slice(0, 5 - Math.min(5, figures.lostExamples.length)));
      progress(
        `${options.database}: kill ${round}/${kills}: ${acked.length} acknowledged, ${lost.length} lost, restart ${ms} ms`,
      );
    }
    // After all the kills, every write of every round once more.
    const lostAtEnd = await missing(user, all);
    figures.lost = Math.max(figures.lost, lostAtEnd.length);
    figures.acknowledgedCases = all.length;
    figures.acknowledgedNotes = all.filter((a) => a.noteId).length;
    return figures;
  } catch (error) {
    throw new Error(`${(error as Error).message}\nServer output:\n${server.log().slice(-3000)}`);
  } finally {
    await server.destroy();
  }
}
