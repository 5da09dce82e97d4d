import type { DbClient } from "../db";
import { isDatabaseUnavailable, retryAfterSeconds } from "../errors";
import { tooLargeMessage, withinBodyLimit } from "./bodyLimit";
import { clientIp } from "../http";
import { tokenRequest } from "../schemas/oauth";
import { issueAccessToken } from "../services/oauth/accessTokens";

/**
 * POST /api/oauth/token — RFC 6749 section 4.4 (client credentials). Client authentication by HTTP Basic
 * (section 2.3.1, form-urlencoded id and secret) or by client_id/client_secret in the form body, never both.
 */
const noStore = { "Cache-Control": "no-store", Pragma: "no-cache" };

function oauthError(status: number, error: string, description: string, extra: Record<string, string> = {}) {
  return Response.json({ error, error_description: description }, { status, headers: { ...noStore, ...extra } });
}

function basicCredentials(header: string | null): { id: string; secret: string } | null | "malformed" {
  if (!header?.toLowerCase().startsWith("basic ")) return null;
  try {
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return "malformed";
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return "malformed";
  }
}

export async function handleTokenRequest(db: DbClient, req: Request): Promise<Response> {
  if (!req.headers.get("content-type")?.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    return oauthError(400, "invalid_request", "Send the request as application/x-www-form-urlencoded.");
  }
  const limited = await withinBodyLimit(req);
  if (!limited.ok) return oauthError(413, "invalid_request", tooLargeMessage(limited.limit), { Connection: "close" });
  try {
    return await issue(db, limited.request);
  } catch (error) {
    // RFC 6749 section 5.2 has no code for this; "temporarily_unavailable" is the authorization endpoint's word for it.
    if (isDatabaseUnavailable(error))
      return oauthError(503, "temporarily_unavailable", "The server is busy or cannot reach its database; try again shortly.", {
        "Retry-After": String(retryAfterSeconds),
      });
    throw error;
  }
}

async function issue(db: DbClient, req: Request): Promise<Response> {
  const parsed = tokenRequest.safeParse(Object.fromEntries(new URLSearchParams(await req.text())));
  if (!parsed.success) return oauthError(400, "invalid_request", "The request has malformed parameters.");
  const body = parsed.data;
  if (!body.grant_type) return oauthError(400, "invalid_request", "grant_type is required.");
  if (body.grant_type !== "client_credentials") {
    return oauthError(400, "unsupported_grant_type", "Only the client_credentials grant is supported.");
  }

  const basic = basicCredentials(req.headers.get("authorization"));
  const challenge = { "WWW-Authenticate": 'Basic realm="roster", charset="UTF-8"' };
  if (basic === "malformed") return oauthError(401, "invalid_client", "Malformed Basic credentials.", challenge);
  if (basic && (body.client_id || body.client_secret)) {
    return oauthError(400, "invalid_request", "Use one client authentication method, not both.");
  }
  const clientId = basic?.id ?? body.client_id;
  const clientSecret = basic?.secret ?? body.client_secret;
  if (!clientId || !clientSecret) return oauthError(401, "invalid_client", "Client authentication is required.", challenge);

  const outcome = await issueAccessToken(db, {
    clientId,
    clientSecret,
    ip: clientIp(req.headers),
    userAgent: req.headers.get("user-agent"),
  });
  if (!outcome.ok) {
    if (outcome.error === "invalid_client") return oauthError(401, outcome.error, outcome.description, challenge);
    if (outcome.error === "temporarily_unavailable") return oauthError(429, outcome.error, outcome.description, { "Retry-After": "900" });
    return oauthError(400, outcome.error, outcome.description);
  }
  return Response.json(
    { access_token: outcome.accessToken, token_type: "Bearer", expires_in: outcome.expiresIn },
    { status: 200, headers: noStore },
  );
}
