import { getDb } from "@/server/db";
import { handleTokenRequest } from "@/server/api/oauth";

export function POST(req: Request) {
  return handleTokenRequest(getDb(), req);
}
