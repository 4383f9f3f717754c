/**
 * Login attempts per client address in a sliding window, in memory: it slows guessing from one
 * place; per-account lockout (in the users table) stops guessing one password from many.
 */
export class LoginThrottle {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit = 20,
    private readonly windowMs = 60_000,
  ) {}

  /** Records an attempt; false when the address has used up its attempts. */
  allow(address: string, now: number): boolean {
    const recent = (this.attempts.get(address) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.attempts.set(address, recent);
      return false;
    }
    recent.push(now);
    this.attempts.set(address, recent);
    if (this.attempts.size > 50_000) this.prune(now);
    return true;
  }

  private prune(now: number): void {
    for (const [address, times] of this.attempts) {
      if (times.every((t) => now - t >= this.windowMs)) this.attempts.delete(address);
    }
  }
}

/** After this many wrong passwords in a row an account locks for LOCKOUT_MS. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
