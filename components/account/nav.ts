export { accountNav } from "@/server/authz/nav";
