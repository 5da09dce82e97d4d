import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/**
 * What the API answers and takes, as pages and components see it: the router's inferred types, so app/ and
 * components/ never import a service or the database for a type (the lint forbids it).
 * e.g. `RouterOutputs["admin"]["customerUsers"]["get"]`.
 */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;
