import { customerHandlers } from "@/server/auth/customer";

export const { GET, POST } = customerHandlers;
