import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { orNoAccess, orNotFound } from "./refusals";

/** What pages do with a procedure's refusal: FORBIDDEN shows NoAccess, NOT_FOUND the 404 page, a failure propagates. */
describe("orNoAccess", () => {
  it("passes the answer through", async () => {
    await expect(orNoAccess(Promise.resolve({ id: 1 }))).resolves.toEqual({ id: 1 });
  });

  it("turns FORBIDDEN into null, for the page to say the roles do not grant it", async () => {
    await expect(orNoAccess(Promise.reject(new TRPCError({ code: "FORBIDDEN" })))).resolves.toBeNull();
  });

  it("lets every other refusal and failure through, NOT_FOUND to orNotFound", async () => {
    for (const code of ["NOT_FOUND", "BAD_REQUEST", "UNAUTHORIZED", "INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE"] as const)
      await expect(orNoAccess(Promise.reject(new TRPCError({ code })))).rejects.toMatchObject({ code });
    await expect(orNotFound(orNoAccess(Promise.reject(new TRPCError({ code: "NOT_FOUND" }))))).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/,
    );
  });
});
