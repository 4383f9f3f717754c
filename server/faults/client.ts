/**
 * A user of a running OpenNRM over HTTP, as the browser app is: signs in with a demo account,
 * keeps the session cookie and the CSRF token, and does the everyday work of the pathway
 * (register a case, record a needs assessment with a note, refer, list, open, dashboard).
 */
export const demoPassword = "demo-only-2026";

export interface Answer {
  status: number;
  body: unknown;
}

export class User {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  static async signIn(baseUrl: string, username: string, password = demoPassword): Promise<User> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    const body = (await response.json()) as { status?: string; csrfToken?: string };
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0] ?? "")
      .find((c) => c.startsWith("opennrm_session="));
    if (response.status !== 200 || body.status !== "ok" || !cookie || !body.csrfToken)
      throw new Error(`${username} could not sign in: ${response.status} ${JSON.stringify(body)}`);
    return new User(baseUrl, cookie, body.csrfToken);
  }

  async send(method: "GET" | "POST", path: string, payload?: unknown, timeoutMs = 30_000): Promise<Answer> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (method === "POST") {
      headers["x-csrf-token"] = this.csrfToken;
      headers["content-type"] = "application/json";
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: payload === undefined ? undefined : JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: response.status, body };
  }
}

let counter = 0;

/** A registration with a distinct family name, so that every acknowledged case can be found again. */
export function newRegistration(tag: string) {
  counter += 1;
  return {
    person: {
      givenName: "Elira",
      familyName: `Load${tag}${counter}`,
      gender: "Feminine",
      citizenship: ["MD"],
      birthDate: "1998-03-11",
    },
    identificationDate: "2026-06-14",
    identificationRegion: "prishtine",
    source: "police_raid",
  };
}

export const needsWithNote = (note: string) => ({
  needs: ["safe_housing", "medical"],
  urgency: "urgent",
  note,
});

export const housingReferral = (toAgencyId: string) => ({
  toAgencyId,
  purpose: "service",
  service: "safe_housing",
  scopes: ["identity", "circumstances"],
  consent: { given: true, date: "2026-06-14", method: "written", scopes: ["identity", "circumstances"] },
});

/** The id of a demo agency by its name (the demo agencies' codes are not exposed). */
export async function agencyIdNamed(user: User, name: string): Promise<string> {
  const answer = await user.send("GET", "/api/agencies");
  const agencies = answer.body as { id: string; name: string }[];
  const found = Array.isArray(agencies) ? agencies.find((a) => a.name === name) : undefined;
  if (!found) throw new Error(`No agency named ${name}: ${answer.status}`);
  return found.id;
}
