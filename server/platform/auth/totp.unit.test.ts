import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./throttle";
import { base32Decode, base32Encode, totpCode, verifyTotp } from "./totp";

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890", 8 digits there; the last 6 here.
const secret = base32Encode(Buffer.from("12345678901234567890"));

describe("TOTP", () => {
  it("matches the RFC 6238 test vectors", () => {
    expect(totpCode(secret, 59_000)).toBe("287082");
    expect(totpCode(secret, 1_111_111_109_000)).toBe("081804");
    expect(totpCode(secret, 1_234_567_890_000)).toBe("005924");
    expect(totpCode(secret, 20_000_000_000_000)).toBe("353130");
  });
  it("accepts one step of clock drift and no more", () => {
    const now = 1_234_567_890_000;
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), now)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), now)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, now - 90_000), now)).toBe(false);
    expect(verifyTotp(secret, "12345", now)).toBe(false);
  });
  it("round-trips base32", () => {
    expect(base32Decode(base32Encode(Buffer.from("hello world"))).toString()).toBe("hello world");
  });
});

describe("the login throttle", () => {
  it("allows a limited number of attempts per address in the window", () => {
    const throttle = new LoginThrottle(3, 1000);
    expect([1, 2, 3, 4].map(() => throttle.allow("a", 0))).toEqual([true, true, true, false]);
    expect(throttle.allow("b", 0)).toBe(true);
    expect(throttle.allow("a", 1001)).toBe(true);
  });
});
