import type { ReactNode } from "react";

/**
 * Email templates: React components with an English and a German text each. A template is a function of its
 * props and a locale returning the subject and the body. Links that carry a one-time token receive SECRET_MARK
 * in place of the token (see outbox.ts), so stored bodies hold no usable link once delivered.
 */
export const locales = ["en", "de"] as const;
export type Locale = (typeof locales)[number];
export const SECRET_MARK = "__ROSTER_ONE_TIME_TOKEN__";

export function toLocale(code: string | null | undefined): Locale {
  return code?.toLowerCase().startsWith("de") ? "de" : "en";
}

function Layout({ preview, children, footer }: { preview: string; children: ReactNode; footer: string }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>{preview}</title>
      </head>
      <body style={{ fontFamily: "Helvetica, Arial, sans-serif", background: "#f4f5f7", margin: 0, padding: "24px" }}>
        <table role="presentation" width="100%" style={{ maxWidth: 560, margin: "0 auto", background: "#ffffff", borderRadius: 8 }}>
          <tbody>
            <tr>
              <td style={{ padding: "24px 32px", fontSize: 15, lineHeight: "22px", color: "#1f2937" }}>
                <p style={{ fontSize: 18, fontWeight: 700, margin: "0 0 16px" }}>Roster</p>
                {children}
                <p style={{ fontSize: 12, color: "#6b7280", marginTop: 32 }}>{footer}</p>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

export function Button({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p style={{ margin: "24px 0" }}>
      <a href={href} style={{ background: "#1d4ed8", color: "#ffffff", padding: "10px 18px", borderRadius: 6, textDecoration: "none" }}>
        {children}
      </a>
    </p>
  );
}

export type Rendered = { subject: string; body: ReactNode };
export type Template<P> = (props: P, locale: Locale) => Rendered;

const footer = {
  en: "You receive this email because of your account with Roster. If this was not you, ignore it or contact us.",
  de: "Sie erhalten diese E-Mail wegen Ihres Roster-Kontos. Falls Sie das nicht waren, ignorieren Sie sie oder kontaktieren Sie uns.",
};

export function email(locale: Locale, subject: string, content: ReactNode): Rendered {
  return {
    subject,
    body: (
      <Layout preview={subject} footer={footer[locale]}>
        {content}
      </Layout>
    ),
  };
}

export const greet = (locale: Locale, name: string) => (locale === "de" ? `Hallo ${name},` : `Hello ${name},`);

export type WithLink = { firstName: string; link: string };
