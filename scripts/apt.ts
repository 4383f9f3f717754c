import { spawnSync } from "node:child_process";

const noninteractive = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };

function apt(args: string[]): boolean {
  const result = spawnSync("apt-get", args, { stdio: ["ignore", "inherit", "inherit"], env: noninteractive });
  return result.status === 0;
}

/**
 * Installs the first Debian package of `alternatives` that apt can install
 * (e.g. ["postgresql-15", "postgresql"]). Needs root; throws a readable error otherwise.
 */
export function aptInstall(alternatives: string[], why: string): string {
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${why}, and only root can install it. Run: sudo apt-get install -y ${alternatives[0] ?? ""}`,
    );
  }
  if (!apt(["update"])) throw new Error(`${why}: "apt-get update" failed`);
  for (const name of alternatives) {
    if (apt(["install", "-y", name])) return name;
  }
  throw new Error(`${why}: apt-get could not install any of ${alternatives.join(", ")}`);
}
