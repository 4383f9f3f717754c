import pg from "pg";

let created = 0;

/**
 * A new database on the cluster at `superuserUrl`, empty or a copy of `template` (a database no one
 * is connected to); returns its URL.
 */
export async function newDatabase(superuserUrl: string, prefix: string, template?: string): Promise<string> {
  created += 1;
  const name = `${prefix}_${process.pid}_${created}`;
  const admin = new pg.Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  } finally {
    await admin.end();
  }
  const url = new URL(superuserUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
