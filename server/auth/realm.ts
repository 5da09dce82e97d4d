import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "../db";
import { env } from "../env";
import { clientIp } from "../http";
import type { SignInOutcome, SignInRequest, TicketRequest } from "../services/identity/signIn";
import type { SignInRefusal } from "../schemas/identity";
import { endSession, sessionLifetimeSeconds } from "../services/identity/sessions";
import type { Db, DbClient } from "../db";

export type RealmName = "staff" | "customer";

/** The refusal travels to the sign-in page as the error's `code`. */
class SignInRefused extends CredentialsSignin {
  constructor(reason: SignInRefusal) {
    super();
    this.code = reason;
  }
}

/** What the jwt callback stamps into the token; a refusal travels on as the sign-in error. */
function sessionUser(outcome: SignInOutcome) {
  if (!outcome.ok) throw new SignInRefused(outcome.reason);
  return { id: String(outcome.userId), sv: outcome.sessionVersion, sid: outcome.sessionId, imp: outcome.impersonationId } as { id: string };
}

export const secure = env.APP_URL.startsWith("https://");

export function cookieName(realm: RealmName, name: string, hostOnly = false) {
  // Custom names get no automatic prefix; on https add the one that pins the cookie to the host / secure flag.
  const prefix = secure ? (hostOnly ? "__Host-" : "__Secure-") : "";
  return `${prefix}roster-${realm}.${name}`;
}

/**
 * One next-auth instance per realm: its own base path and cookies. The session cookie's name is also the JWT
 * salt, so a token of one realm never decodes in the other. The JWT carries only the user id, the session version
 * and the session's id; whether the session still counts is decided per request by server/auth/session.ts, and
 * signing out ends the session row, so a copy of the cookie is worthless afterwards.
 */
export function createRealmAuth(
  realm: RealmName,
  options: {
    signInPage: string;
    verify: (db: DbClient, request: SignInRequest) => Promise<SignInOutcome>;
    /**
     * Sign-in by a one-time ticket the server issued moments before, one credentials provider per kind: "ticket"
     * after following an email link, "impersonation" for a staff member signing in as a customer user.
     */
    tickets?: Record<string, (db: Db, request: TicketRequest) => Promise<SignInOutcome>>;
  },
) {
  const cookieOptions = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  const config: NextAuthConfig = {
    basePath: `/api/auth/${realm}`,
    secret: env.AUTH_SECRET,
    trustHost: true,
    logger: {
      // A refused sign-in is an outcome (recorded as a LoginAttempt), not a server error.
      error(error) {
        if (error instanceof CredentialsSignin) return;
        console.error(`[auth][${realm}]`, error);
      },
    },
    session: { strategy: "jwt", maxAge: sessionLifetimeSeconds[realm] },
    pages: { signIn: options.signInPage, error: options.signInPage },
    cookies: {
      sessionToken: { name: cookieName(realm, "session-token"), options: cookieOptions },
      csrfToken: { name: cookieName(realm, "csrf-token", true), options: cookieOptions },
      callbackUrl: { name: cookieName(realm, "callback-url"), options: cookieOptions },
    },
    providers: [
      Credentials({
        // `device`: the browser's device cookie (server/auth/device.ts), which the sign-in limits know it by.
        credentials: { email: { type: "email" }, password: { type: "password" }, device: { type: "text" } },
        async authorize(credentials, request) {
          const email = typeof credentials.email === "string" ? credentials.email : "";
          const password = typeof credentials.password === "string" ? credentials.password : "";
          if (!email || !password) throw new SignInRefused("invalid");
          const outcome = await options.verify(getDb(), {
            email,
            password,
            ip: clientIp(request.headers),
            userAgent: request.headers.get("user-agent"),
            device: typeof credentials.device === "string" ? credentials.device : null,
          });
          return sessionUser(outcome);
        },
      }),
      ...Object.entries(options.tickets ?? {}).map(([id, verifyTicket]) =>
        Credentials({
          id,
          credentials: { ticket: { type: "text" }, device: { type: "text" } },
          async authorize(credentials, request) {
            const ticket = typeof credentials.ticket === "string" ? credentials.ticket : "";
            if (!ticket) throw new SignInRefused("invalid");
            const outcome = await verifyTicket(getDb(), {
              ticket,
              ip: clientIp(request.headers),
              userAgent: request.headers.get("user-agent"),
              device: typeof credentials.device === "string" ? credentials.device : null,
            });
            return sessionUser(outcome);
          },
        }),
      ),
    ],
    events: {
      // Every way out (the sign-out actions, a POST to /api/auth/<realm>/signout) passes here with the cookie's token.
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "number") await endSession(getDb(), realm, sid);
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = Number(user.id);
          token.sv = (user as { sv?: number }).sv;
          token.sid = (user as { sid?: number }).sid;
          token.realm = realm;
          const imp = (user as { imp?: number }).imp;
          if (typeof imp === "number") token.imp = imp;
        }
        // A token without our claims, or minted for the other realm, is no session at all.
        if (token.realm !== realm || typeof token.uid !== "number" || typeof token.sv !== "number" || typeof token.sid !== "number")
          return null;
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv, sid: token.sid, imp: token.imp };
      },
    },
  };
  return NextAuth(config);
}
