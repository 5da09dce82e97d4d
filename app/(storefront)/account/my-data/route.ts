import { getCaller } from "@/server/api/caller";

/** Downloads everything Roster holds about the signed-in user, as JSON. */
export async function GET(request: Request) {
  const caller = await getCaller();
  try {
    const data = await caller.account.myData.export();
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="my-data-${new Date().toISOString().slice(0, 10)}.json"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "UNAUTHORIZED") return Response.redirect(new URL("/login", request.url), 303);
    throw error;
  }
}
