import { randomUUID } from "node:crypto";
import { render } from "@react-email/render";
import type { DbClient } from "../db";
import { env } from "../env";
import { SECRET_MARK, templates, toLocale, type Locale, type TemplateName, type TemplateProps } from "./templates";

/**
 * The outbox: an email is a row first, written by the caller inside the transaction of the change that causes it,
 * and delivered afterwards (deliver.ts). A one-time token is not rendered into the stored body: the body carries
 * SECRET_MARK and the token sits in `secret` until delivery, after which it is erased.
 */
export type EnqueueEmail<T extends TemplateName> = {
  template: T;
  locale: Locale;
  to: string;
  toName?: string | null;
  props: TemplateProps<T>;
  /** The raw one-time token the props' link stands for (its place marked with SECRET_MARK). */
  secret?: string;
  customerUserId?: number | null;
};

export async function renderEmail<T extends TemplateName>(template: T, props: TemplateProps<T>, locale: Locale) {
  const { subject, body } = (templates[template] as (p: TemplateProps<T>, l: Locale) => { subject: string; body: React.ReactNode })(
    props,
    locale,
  );
  const [html, text] = await Promise.all([render(body), render(body, { plainText: true })]);
  return { subject, html, text };
}

export async function enqueueEmail<T extends TemplateName>(tx: DbClient, message: EnqueueEmail<T>) {
  const { subject, html, text } = await renderEmail(message.template, message.props, message.locale);
  return tx.emailMessage.create({
    data: {
      template: message.template,
      locale: message.locale,
      toEmail: message.to,
      toName: message.toName ?? null,
      subject,
      html,
      text,
      secret: message.secret ?? null,
      idempotencyKey: randomUUID(),
      customerUserId: message.customerUserId ?? null,
    },
    select: { id: true },
  });
}

/** A link to an app page carrying a one-time token, as stored (marked) in the outbox. */
export function secretLink(path: string) {
  return `${env.APP_URL}${path}${path.includes("?") ? "&" : "?"}token=${SECRET_MARK}`;
}

export function appLink(path: string) {
  return `${env.APP_URL}${path}`;
}

/** The body as it is to be sent (token in place) or shown after delivery (token gone). */
export function withSecret(body: string, secret: string | null) {
  return body.replaceAll(SECRET_MARK, secret ?? "link-expired-after-delivery");
}

/** The language to write to a customer user in: their preferred localization on their website, else English. */
export async function localeOfCustomerUser(db: DbClient, user: { id: number; websiteId: number | null }): Promise<Locale> {
  if (!user.websiteId) return "en";
  const settings = await db.customerUserWebsiteSettings.findUnique({
    where: { customerUserId_websiteId: { customerUserId: user.id, websiteId: user.websiteId } },
    select: { localization: { select: { code: true } } },
  });
  return toLocale(settings?.localization?.code);
}
