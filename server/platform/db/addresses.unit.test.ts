import { describe, expect, it } from "vitest";
import { connectionFailure, postgresAddresses } from "./open";

describe("the addresses in DATABASE_URL", () => {
  it("are one URL per host of libpq's multi-host form, in order, without target_session_attrs", () => {
    expect(
      postgresAddresses(
        "postgres://opennrm:secret@db1:5432,db2:6543/opennrm?target_session_attrs=read-write&sslmode=require",
      ),
    ).toEqual([
      "postgres://opennrm:secret@db1:5432/opennrm?sslmode=require",
      "postgres://opennrm:secret@db2:6543/opennrm?sslmode=require",
    ]);
    expect(postgresAddresses("postgresql://u@a:1,b:2/db?target_session_attrs=read-write")).toEqual([
      "postgresql://u@a:1/db",
      "postgresql://u@b:2/db",
    ]);
  });
  it("leave a single address as it is", () => {
    expect(postgresAddresses("postgres://postgres@127.0.0.1:5432/postgres")).toEqual([
      "postgres://postgres@127.0.0.1:5432/postgres",
    ]);
  });
});

describe("a connection failure", () => {
  it("is a refused or ended connection, a shutdown, or a standby refusing a write", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "57P01", "57P03", "08006", "08001", "25006"])
      expect(connectionFailure({ code })).toBe(true);
    expect(connectionFailure(new Error("Connection terminated unexpectedly"))).toBe(true);
  });
  it("is not a constraint, a serialisation failure or a syntax error", () => {
    for (const code of ["23505", "40001", "42601", "22P02"]) expect(connectionFailure({ code })).toBe(false);
    expect(connectionFailure(new Error("boom"))).toBe(false);
    expect(connectionFailure(null)).toBe(false);
  });
});
