/**
 * The load baseline: the least a Node server can do per request on the same machine and database,
 * Fastify answering a primary-key read through a pg pool of the same size as OpenNRM's (10). The
 * ratio to OpenNRM's figures is what sessions, access checks, sealing, audit and the SOP cost.
 */
import Fastify from "fastify";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on("error", () => undefined);
await pool.query("create table if not exists baseline_items (id int primary key, payload text not null)");
await pool.query(
  "insert into baseline_items select n, md5(n::text) from generate_series(1, 10000) n on conflict do nothing",
);

const app = Fastify({ logger: false });
app.get("/api/health", async () => ({ status: "ok" }));
app.get<{ Params: { id: string } }>("/items/:id", async (request, reply) => {
  const { rows } = await pool.query<{ id: number; payload: string }>(
    "select id, payload from baseline_items where id = $1",
    [Number(request.params.id)],
  );
  return rows[0] ?? reply.status(404).send({ error: "not_found" });
});
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });

const stop = () =>
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
