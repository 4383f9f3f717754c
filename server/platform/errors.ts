/**
 * Typed domain errors. One handler (http/errors.ts) maps them to HTTP status codes and to the
 * user's language. Messages are translation keys, never personal data.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = new.target.name;
  }
}

/** Also what an outsider gets for a record that exists: never a hint that the id is real. */
export class NotFound extends DomainError {
  constructor() {
    super("not_found", 404);
  }
}

export class Forbidden extends DomainError {
  constructor(reason = "forbidden") {
    super(reason, 403);
  }
}

export class Unauthorized extends DomainError {
  constructor(reason = "unauthorized") {
    super(reason, 401);
  }
}

export class Conflict extends DomainError {
  constructor(reason: string, params: Record<string, string | number> = {}) {
    super(reason, 409, params);
  }
}

export class TooManyRequests extends DomainError {
  constructor(reason = "too_many_requests") {
    super(reason, 429);
  }
}

/** Bad input in one field: `field` is its path (e.g. "person.birthDate"), `reason` a message key. */
export class Invalid extends DomainError {
  constructor(
    readonly field: string,
    reason: string,
    params: Record<string, string | number> = {},
  ) {
    super(reason, 400, params);
  }
}
