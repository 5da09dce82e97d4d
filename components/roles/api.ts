"use client";
import { useTRPCClient } from "@/components/trpc";
import type { Audience } from "./paths";

/** The role procedures of one audience; both routers answer the same calls for the same inputs. */
export function useRolesApi(audience: Audience) {
  const client = useTRPCClient();
  return audience === "admin" ? client.admin.customerUserRoles : client.account.roles;
}
