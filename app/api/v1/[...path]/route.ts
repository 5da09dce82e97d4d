import { getDb } from "@/server/db";
import { handleApiRequest } from "@/server/api/rest";

function handler(req: Request) {
  return handleApiRequest(getDb(), req);
}

export { handler as GET, handler as POST, handler as PATCH, handler as PUT, handler as DELETE };
