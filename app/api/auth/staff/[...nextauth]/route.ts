import { staffHandlers } from "@/server/auth/staff";

export const { GET, POST } = staffHandlers;
