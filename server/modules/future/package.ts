/**
 * The hand-over package to a partner organisation abroad (issue 3, item 9): the sections the person
 * consented to share, as JSON, encrypted with AES-256-GCM under a key derived (scrypt) from a
 * passphrase shown once to the one who made it, and signed with the installation's Ed25519 key so
 * the partner can tell it came from here unaltered.
 *
 * Layout: the magic line, a 4-byte length and the header (JSON: key derivation, IV, tag), the
 * ciphertext, then 64 bytes of signature over everything before them.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  randomInt,
  scryptSync,
  sign,
  verify,
} from "node:crypto";

const MAGIC = Buffer.from("OPENNRM-HANDOVER-1\n", "ascii");
const SIGNATURE_BYTES = 64;
const scryptParams = { N: 1 << 15, r: 8, p: 1 } as const;

interface PackageHeader {
  format: "opennrm-hand-over/1";
  kdf: { name: "scrypt"; N: number; r: number; p: number; salt: string };
  cipher: "aes-256-gcm";
  iv: string;
  tag: string;
  /** Which of the installation's signing keys signed it. */
  signingKeyId: string;
  createdAt: string;
}

/** Unambiguous letters and digits (no 0/O, 1/I/L): read aloud or typed from a screen. */
const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A fresh passphrase: 25 characters from 31 (about 124 bits), in groups of five. */
export function newPassphrase(): string {
  const groups: string[] = [];
  for (let g = 0; g < 5; g++) {
    let group = "";
    for (let i = 0; i < 5; i++) group += alphabet[randomInt(alphabet.length)];
    groups.push(group);
  }
  return groups.join("-");
}

const deriveKey = (passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }) =>
  scryptSync(passphrase.trim().toUpperCase(), salt, 32, { ...kdf, maxmem: 128 * kdf.N * kdf.r * 2 });

export function newSigningKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

export function sealPackage(
  content: unknown,
  passphrase: string,
  signer: { id: string; privateKeyPem: string },
  createdAt: Date,
): Buffer {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = deriveKey(passphrase, salt, scryptParams);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(Buffer.from(JSON.stringify(content), "utf8")), cipher.final()]);
  const header: PackageHeader = {
    format: "opennrm-hand-over/1",
    kdf: { name: "scrypt", ...scryptParams, salt: salt.toString("base64") },
    cipher: "aes-256-gcm",
    iv: iv.toString("base64"),
    tag: cipher.getAuthTag().toString("base64"),
    signingKeyId: signer.id,
    createdAt: createdAt.toISOString(),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const signed = Buffer.concat([MAGIC, length, headerBytes, body]);
  const signature = sign(null, signed, createPrivateKey(signer.privateKeyPem));
  return Buffer.concat([signed, signature]);
}

/** Whether the package is intact and was signed by the key: check this before anything else. */
export function verifyPackage(pkg: Buffer, publicKeyPem: string): boolean {
  if (pkg.length < MAGIC.length + 4 + SIGNATURE_BYTES) return false;
  const signed = pkg.subarray(0, pkg.length - SIGNATURE_BYTES);
  const signature = pkg.subarray(pkg.length - SIGNATURE_BYTES);
  try {
    return verify(null, signed, createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}

/**
 * Verifies the signature, then decrypts with the passphrase: what a partner organisation runs. Throws
 * on a wrong signature (altered or forged) and on a wrong passphrase.
 */
export function openPackage(pkg: Buffer, publicKeyPem: string, passphrase: string): unknown {
  if (!verifyPackage(pkg, publicKeyPem)) throw new Error("the package's signature does not verify");
  if (!pkg.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error("not a hand-over package");
  const headerLength = pkg.readUInt32BE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  const header = JSON.parse(
    pkg.subarray(headerStart, headerStart + headerLength).toString("utf8"),
  ) as PackageHeader;
  if (header.format !== "opennrm-hand-over/1" || header.kdf.name !== "scrypt")
    throw new Error("unknown package format");
  const key = deriveKey(passphrase, Buffer.from(header.kdf.salt, "base64"), header.kdf);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(header.iv, "base64"));
  decipher.setAuthTag(Buffer.from(header.tag, "base64"));
  const body = pkg.subarray(headerStart + headerLength, pkg.length - SIGNATURE_BYTES);
  const plain = Buffer.concat([decipher.update(body), decipher.final()]);
  return JSON.parse(plain.toString("utf8")) as unknown;
}
