import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import { open, seal } from "../crypto/aead";

/**
 * The encrypted file a backup or a key store is written to:
 *
 *   "OPENNRM-BACKUP\n" | u32 header length | header (JSON, public: no data, no key)
 *   then chunks: u32 length | AES-256-GCM sealed chunk of at most CHUNK_BYTES plaintext
 *
 * Each chunk's authenticated data binds it to this file's header, to its position and to whether
 * it is the last one: a chunk altered, moved, swapped from another backup, or a file cut short,
 * fails to open. The key is derived from the master key with the backup's own random salt.
 */
const MAGIC = Buffer.from("OPENNRM-BACKUP\n", "utf8");
const CHUNK_BYTES = 1 << 20;
const MAX_SEALED = CHUNK_BYTES + 64;
export const BACKUP_FORMAT = 1;

export interface ContainerHeader {
  format: number;
  kind: "database" | "key-store";
  /** The same id in a database backup and the key store written with it. */
  backupId: string;
  createdAt: string;
  /** Fingerprint of the master key the file key is derived from (never the key). */
  masterKeyId: string;
  salt: string;
}

export class BackupIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupIntegrityError";
  }
}

const chunkAad = (headerDigest: string, index: number, last: boolean) =>
  `opennrm:backup:${headerDigest}:${index}:${last ? "last" : "more"}`;

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/** Writes plaintext in sealed chunks to `<file>.partial`, renamed to `file` when complete. */
export class ContainerWriter {
  private readonly fd: number;
  private readonly digest: string;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  private readonly partial: string;

  static create(
    file: string,
    options: { kind: ContainerHeader["kind"]; backupId?: string; createdAt: Date; masterKeyId: string },
    keyFor: (salt: Buffer) => Buffer,
  ): ContainerWriter {
    const salt = randomBytes(32);
    const header: ContainerHeader = {
      format: BACKUP_FORMAT,
      kind: options.kind,
      backupId: options.backupId ?? randomUUID(),
      createdAt: options.createdAt.toISOString(),
      masterKeyId: options.masterKeyId,
      salt: salt.toString("hex"),
    };
    return new ContainerWriter(file, header, keyFor(salt));
  }

  private constructor(
    private readonly file: string,
    readonly header: ContainerHeader,
    private readonly key: Buffer,
  ) {
    this.partial = `${file}.partial`;
    this.fd = fs.openSync(this.partial, "w", 0o600);
    const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
    this.digest = createHash("sha256").update(headerBytes).digest("hex");
    fs.writeSync(this.fd, Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes]));
  }

  write(text: string): void {
    const bytes = Buffer.from(text, "utf8");
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    while (this.pendingBytes >= CHUNK_BYTES) {
      const all = Buffer.concat(this.pending);
      this.emit(all.subarray(0, CHUNK_BYTES), false);
      this.pending = [all.subarray(CHUNK_BYTES)];
      this.pendingBytes = all.length - CHUNK_BYTES;
    }
  }

  /** Seals the rest as the last chunk, flushes to disk and gives the file its final name. */
  finish(): void {
    this.emit(Buffer.concat(this.pending), true);
    this.pending = [];
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    fs.renameSync(this.partial, this.file);
  }

  /** Removes the incomplete file after a failure. */
  abandon(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
    fs.rmSync(this.partial, { force: true });
  }

  private emit(plain: Buffer, last: boolean): void {
    const sealed = seal(this.key, plain, chunkAad(this.digest, this.index++, last));
    fs.writeSync(this.fd, Buffer.concat([u32(sealed.length), sealed]));
  }
}

function readExactly(fd: number, length: number, what: string): Buffer {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const n = fs.readSync(fd, buffer, read, length - read, null);
    if (n === 0) throw new BackupIntegrityError(`The file ends inside ${what}: it is truncated`);
    read += n;
  }
  return buffer;
}

/** The public header of a backup or key-store file, read without any key. */
export function readHeader(file: string): ContainerHeader {
  const fd = fs.openSync(file, "r");
  try {
    return readHeaderFrom(fd).header;
  } finally {
    fs.closeSync(fd);
  }
}

function readHeaderFrom(fd: number): { header: ContainerHeader; digest: string } {
  const magic = readExactly(fd, MAGIC.length, "the header");
  if (!magic.equals(MAGIC)) throw new BackupIntegrityError("This is not an OpenNRM backup file");
  const length = readExactly(fd, 4, "the header").readUInt32BE();
  if (length > 64 * 1024) throw new BackupIntegrityError("The backup header is damaged");
  const bytes = readExactly(fd, length, "the header");
  let header: ContainerHeader;
  try {
    header = JSON.parse(bytes.toString("utf8")) as ContainerHeader;
  } catch {
    throw new BackupIntegrityError("The backup header is damaged");
  }
  if (header.format !== BACKUP_FORMAT) {
    throw new BackupIntegrityError(`Unknown backup format ${String(header.format)}`);
  }
  return { header, digest: createHash("sha256").update(bytes).digest("hex") };
}

/**
 * Reads a container's plaintext chunk by chunk, each authenticated before it is handed out.
 * Throws BackupIntegrityError on any altered, missing or extra byte.
 */
export function* readContainer(
  file: string,
  keyFor: (header: ContainerHeader) => Buffer,
): Generator<Buffer, ContainerHeader, undefined> {
  const fd = fs.openSync(file, "r");
  try {
    const { header, digest } = readHeaderFrom(fd);
    const key = keyFor(header);
    for (let index = 0; ; index++) {
      const length = readExactly(fd, 4, `chunk ${index}`).readUInt32BE();
      if (length > MAX_SEALED) throw new BackupIntegrityError(`Chunk ${index} is damaged`);
      const sealed = readExactly(fd, length, `chunk ${index}`);
      let plain: Buffer | null = null;
      let last = false;
      for (const candidate of [false, true]) {
        try {
          plain = open(key, sealed, chunkAad(digest, index, candidate));
          last = candidate;
          break;
        } catch {
          // tried as the other kind of chunk below
        }
      }
      if (!plain) {
        throw new BackupIntegrityError(
          index === 0
            ? "The backup does not open: altered, or made under another master key"
            : `Chunk ${index} of the backup is altered`,
        );
      }
      yield plain;
      if (last) {
        if (fs.readSync(fd, Buffer.alloc(1), 0, 1, null) !== 0) {
          throw new BackupIntegrityError("Unexpected data after the end of the backup");
        }
        return header;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Splits a container's plaintext into lines (records never contain a raw newline). */
export function* readLines(chunks: Iterable<Buffer>): Generator<string> {
  let rest = "";
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (const chunk of chunks) {
    const text = rest + decoder.decode(chunk, { stream: true });
    const lines = text.split("\n");
    rest = lines.pop() ?? "";
    yield* lines;
  }
  rest += decoder.decode();
  if (rest.length > 0) throw new BackupIntegrityError("The backup ends inside a record");
}
