import type { DbClient } from "../../db";
import { AppError } from "../../errors";
import { consume, rules } from "./rateLimit";

/** `defer`: runs work after the answer is sent (Context.defer). */
export type RequestInfo = { ip: string | null; defer: (work: () => Promise<unknown>) => Promise<void> };

/**
 * The gate of the public forms that send email (registration, resend confirmation, forgot password, sign-in link).
 * Too many requests from one client address are refused openly: that says nothing about any account. Too many for
 * one email answer false, and the caller replies as usual without sending: the reply stays the same for every email.
 */
export async function allowEmailRequest(db: DbClient, request: Pick<RequestInfo, "ip">, purpose: string, email: string) {
  if (request.ip && !(await consume(db, `email:ip:${request.ip}`, rules.emailSendIp))) {
    throw new AppError("TOO_MANY_REQUESTS", "Too many requests from your network. Please try again in an hour.");
  }
  return consume(db, `email:${purpose}:${email}`, rules.emailSend);
}

/**
 * A public form naming an email answers the same whether or not the email has an account, in its words and in its
 * time: the gate runs now (the same work for every email), and `work`, everything that depends on the account
 * (looking it up, writing its token and email), runs after the answer. Doing the same work on both paths instead
 * leaves the difference of committing writes against none; moving it out of the answer leaves no difference.
 */
export async function answerAlike(db: DbClient, request: RequestInfo, purpose: string, email: string, work: () => Promise<unknown>) {
  if (await allowEmailRequest(db, request, purpose, email)) await request.defer(work);
}
