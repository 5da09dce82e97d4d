import { openApiDocument } from "@/server/api/rest";

export function GET() {
  return Response.json(openApiDocument());
}
