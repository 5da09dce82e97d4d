import type { DbClient } from "../db";
import { AppError } from "../errors";
import { consume, rules } from "./rateLimit";

export type RequestInfo = { ip: string | null };

/**
 * The gate of the public forms that send email (registration, resend confirmation, forgot password). Too many
 * requests from one client address are refused openly: that says nothing about any account. Too many for one
 * email answer false, and the caller replies as usual without sending: the reply stays the same for every email.
 */
export async function allowEmailRequest(db: DbClient, request: RequestInfo, purpose: string, email: string) {
  if (request.ip && !(await consume(db, `email:ip:${request.ip}`, rules.emailSendIp))) {
    throw new AppError("TOO_MANY_REQUESTS", "Too many requests from your network. Please try again in an hour.");
  }
  return consume(db, `email:${purpose}:${email}`, rules.emailSend);
}
