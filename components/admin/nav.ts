export { adminNav } from "@/server/authz/nav";
