import { describe, expect, it } from "vitest";
import { newPassphrase, newSigningKeyPair, openPackage, sealPackage, verifyPackage } from "./package";

const signer = { id: "00000000-0000-4000-8000-000000000001", ...newSigningKeyPair() };
const content = { reference: "NRM-2026-00001", identity: { givenName: "Ioana", familyName: "Lupu" } };

describe("a hand-over package", () => {
  it("opens with the installation's public key and the passphrase, back to what was sealed", () => {
    const passphrase = newPassphrase();
    const pkg = sealPackage(content, passphrase, signer, new Date("2026-06-15T10:00:00Z"));
    expect(verifyPackage(pkg, signer.publicKeyPem)).toBe(true);
    expect(openPackage(pkg, signer.publicKeyPem, passphrase)).toEqual(content);
    // Typed in lower case, with spaces around it, the passphrase still opens it.
    expect(openPackage(pkg, signer.publicKeyPem, ` ${passphrase.toLowerCase()} `)).toEqual(content);
    expect(pkg.includes(Buffer.from("Ioana"))).toBe(false);
  });

  it("fails its signature when any byte is flipped, header, body or signature", () => {
    const passphrase = newPassphrase();
    const pkg = sealPackage(content, passphrase, signer, new Date("2026-06-15T10:00:00Z"));
    for (const at of [0, 25, Math.floor(pkg.length / 2), pkg.length - 70, pkg.length - 1]) {
      const flipped = Buffer.from(pkg);
      flipped[at] = (flipped[at] ?? 0) ^ 0x01;
      expect(verifyPackage(flipped, signer.publicKeyPem)).toBe(false);
      expect(() => openPackage(flipped, signer.publicKeyPem, passphrase)).toThrow(/signature/);
    }
  });

  it("is refused with another installation's key, and does not open with a wrong passphrase", () => {
    const pkg = sealPackage(content, newPassphrase(), signer, new Date());
    expect(verifyPackage(pkg, newSigningKeyPair().publicKeyPem)).toBe(false);
    expect(() => openPackage(pkg, signer.publicKeyPem, newPassphrase())).toThrow();
  });

  it("passphrases are five groups of five unambiguous characters, fresh each time", () => {
    const a = newPassphrase();
    expect(a).toMatch(/^[A-HJKMNP-Z2-9]{5}(-[A-HJKMNP-Z2-9]{5}){4}$/);
    expect(newPassphrase()).not.toBe(a);
  });
});
