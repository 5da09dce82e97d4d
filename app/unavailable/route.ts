import { retryAfterSeconds } from "@/server/errors";

/**
 * Where a page goes when the database is busy or unreachable (server/unavailable.ts): a 503 with Retry-After,
 * as a page cannot answer one itself, and a way back to the page once the database answers again.
 */
export function GET(request: Request) {
  const next = new URL(request.url).searchParams.get("next");
  // Only a path of this site: never a link elsewhere (//host, or a scheme).
  const back = next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
  const href = back.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="${retryAfterSeconds};url=${href}"><title>Roster is busy</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #0f172a">
<h1 style="font-size: 1.25rem">Roster is very busy right now</h1>
<p>It could not reach its database in time. This page tries again in ${retryAfterSeconds} seconds; nothing you saved before is lost.</p>
<p><a href="${href}">Try again now</a></p>
</body>
</html>`;
  return new Response(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" },
  });
}
