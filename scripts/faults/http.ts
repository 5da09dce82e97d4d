import http from "node:http";
import { DEMO_PASSWORD } from "../../server/seed/demo";

/** Every HTTP answer the tool got, by status, and how many 503s carried Retry-After. */
export const tally = {
  statuses: new Map<number, number>(),
  retryAfter: 0,
  record(response: Pick<Response, "status" | "headers">) {
    this.statuses.set(response.status, (this.statuses.get(response.status) ?? 0) + 1);
    if (response.status === 503 && response.headers.get("retry-after")) this.retryAfter++;
  },
  count(status: number) {
    return this.statuses.get(status) ?? 0;
  },
};

/** A tRPC answer: the data, or the error's code and message. */
export type Answer = { status: number; data?: unknown; code?: string; message?: string };

/** One browser's cookies against the server: signs in through next-auth's credentials flow, then calls tRPC. */
export class Session {
  private readonly jar = new Map<string, string>();

  constructor(readonly base: string) {}

  private cookie() {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private keep(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const at = pair!.indexOf("=");
      this.jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }

  async fetch(path: string, init: RequestInit = {}) {
    const response = await fetch(`${this.base}${path}`, {
      ...init,
      redirect: "manual",
      headers: { ...init.headers, cookie: this.cookie(), origin: this.base },
    });
    tally.record(response);
    this.keep(response);
    return response;
  }

  /**
   * POSTs a body and takes the answer as soon as it comes, even before the body is all sent: a server that refuses
   * a body unread answers and closes, and fetch() would report only the broken upload (EPIPE), not the answer.
   */
  upload(path: string, contentType: string, body: string) {
    return new Promise<{ status: number }>((resolve, reject) => {
      let answered = false;
      const request = http.request(`${this.base}${path}`, {
        method: "POST",
        headers: { "content-type": contentType, "content-length": Buffer.byteLength(body), cookie: this.cookie(), origin: this.base },
      });
      request.on("response", (response) => {
        answered = true;
        const status = response.statusCode ?? 0;
        tally.record({ status, headers: new Headers(response.headers as Record<string, string>) });
        response.resume();
        resolve({ status });
      });
      request.on("error", (error) => {
        if (!answered) reject(error);
      });
      request.end(body);
    });
  }

  async signIn(realm: "staff" | "customer", email: string, password = DEMO_PASSWORD) {
    const { csrfToken } = (await (await this.fetch(`/api/auth/${realm}/csrf`)).json()) as { csrfToken: string };
    await this.fetch(`/api/auth/${realm}/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password }),
    });
    if (![...this.jar.keys()].some((name) => name.endsWith("session-token"))) throw new Error(`Signing in as ${email} failed`);
    return this;
  }

  private async answer(response: Response): Promise<Answer> {
    const text = await response.text();
    try {
      const body = JSON.parse(text) as {
        result?: { data?: { json?: unknown } };
        error?: { json?: { message?: string; data?: { code?: string } } };
      };
      if (body.result) return { status: response.status, data: body.result.data?.json };
      return { status: response.status, code: body.error?.json?.data?.code, message: body.error?.json?.message };
    } catch {
      return { status: response.status, message: text.slice(0, 200) };
    }
  }

  async query(procedure: string, input: unknown = {}) {
    return this.answer(await this.fetch(`/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`));
  }

  async mutate(procedure: string, input: unknown, init: { body?: string } = {}) {
    const body = init.body ?? JSON.stringify({ json: input });
    return this.answer(
      await this.fetch(`/api/trpc/${procedure}`, { method: "POST", headers: { "content-type": "application/json" }, body }),
    );
  }
}

/** Each outcome's count, as "OK 1, CONFLICT 19". */
export function outcomeCounts(answers: Answer[]) {
  const names = answers.map((a) => (a.status === 200 ? "OK" : `${a.code ?? a.status}`));
  return [...new Set(names)]
    .sort()
    .map((name) => `${name} ${names.filter((n) => n === name).length}`)
    .join(", ");
}
