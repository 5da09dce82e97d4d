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

function Button({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p style={{ margin: "24px 0" }}>
      <a href={href} style={{ background: "#1d4ed8", color: "#ffffff", padding: "10px 18px", borderRadius: 6, textDecoration: "none" }}>
        {children}
      </a>
    </p>
  );
}

type Rendered = { subject: string; body: ReactNode };
type Template<P> = (props: P, locale: Locale) => Rendered;

const footer = {
  en: "You receive this email because of your account with Roster. If this was not you, ignore it or contact us.",
  de: "Sie erhalten diese E-Mail wegen Ihres Roster-Kontos. Falls Sie das nicht waren, ignorieren Sie sie oder kontaktieren Sie uns.",
};

function email(locale: Locale, subject: string, content: ReactNode): Rendered {
  return {
    subject,
    body: (
      <Layout preview={subject} footer={footer[locale]}>
        {content}
      </Layout>
    ),
  };
}

const greet = (locale: Locale, name: string) => (locale === "de" ? `Hallo ${name},` : `Hello ${name},`);

type WithLink = { firstName: string; link: string };

const confirmation: Template<WithLink & { hours: number }> = (p, l) =>
  l === "de"
    ? email(
        l,
        "Bitte bestätigen Sie Ihre E-Mail-Adresse",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>bitte bestätigen Sie Ihre E-Mail-Adresse, um Ihr Konto zu aktivieren.</p>
          <Button href={p.link}>E-Mail-Adresse bestätigen</Button>
          <p>Der Link ist {p.hours} Stunden gültig und kann einmal verwendet werden.</p>
        </>,
      )
    : email(
        l,
        "Please confirm your email address",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>please confirm your email address to activate your account.</p>
          <Button href={p.link}>Confirm email address</Button>
          <p>The link works once and expires in {p.hours} hours.</p>
        </>,
      );

const welcome: Template<{ firstName: string; loginUrl: string; setPasswordLink: string | null; hours: number }> = (p, l) =>
  l === "de"
    ? email(
        l,
        "Willkommen bei Roster",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>für Sie wurde ein Konto eingerichtet.</p>
          {p.setPasswordLink ? (
            <>
              <Button href={p.setPasswordLink}>Passwort festlegen</Button>
              <p>Der Link ist {p.hours} Stunden gültig und kann einmal verwendet werden.</p>
            </>
          ) : (
            <Button href={p.loginUrl}>Anmelden</Button>
          )}
        </>,
      )
    : email(
        l,
        "Welcome to Roster",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>an account has been set up for you.</p>
          {p.setPasswordLink ? (
            <>
              <Button href={p.setPasswordLink}>Set your password</Button>
              <p>The link works once and expires in {p.hours} hours.</p>
            </>
          ) : (
            <Button href={p.loginUrl}>Sign in</Button>
          )}
        </>,
      );

const passwordReset: Template<WithLink & { hours: number }> = (p, l) =>
  l === "de"
    ? email(
        l,
        "Passwort zurücksetzen",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>jemand hat das Zurücksetzen Ihres Passworts angefordert.</p>
          <Button href={p.link}>Neues Passwort festlegen</Button>
          <p>Der Link ist {p.hours} Stunden gültig. Wenn Sie das nicht waren, ignorieren Sie diese E-Mail.</p>
        </>,
      )
    : email(
        l,
        "Reset your password",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>someone asked to reset your password.</p>
          <Button href={p.link}>Choose a new password</Button>
          <p>The link expires in {p.hours} hours. If this was not you, ignore this email.</p>
        </>,
      );

const signInLink: Template<WithLink & { minutes: number }> = (p, l) =>
  l === "de"
    ? email(
        l,
        "Ihr Anmeldelink",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>jemand hat einen Link zur Anmeldung bei Ihrem Konto angefordert.</p>
          <Button href={p.link}>Anmelden</Button>
          <p>
            Der Link funktioniert einmal und ist {p.minutes} Minuten gültig. Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: Ihr
            Konto bleibt geschützt.
          </p>
        </>,
      )
    : email(
        l,
        "Your sign-in link",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>someone asked for a link to sign in to your account.</p>
          <Button href={p.link}>Sign in</Button>
          <p>
            The link works once and expires in {p.minutes} minutes. If this was not you, ignore this email: your account stays protected.
          </p>
        </>,
      );

const forcedPasswordReset: Template<WithLink & { hours: number }> = (p, l) =>
  l === "de"
    ? email(
        l,
        "Ihr Passwort muss neu festgelegt werden",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>
            ein Administrator hat Ihr Passwort zurückgesetzt. Sie können sich erst wieder anmelden, wenn Sie ein neues festgelegt haben.
          </p>
          <Button href={p.link}>Neues Passwort festlegen</Button>
          <p>Der Link ist {p.hours} Stunden gültig.</p>
        </>,
      )
    : email(
        l,
        "Your password must be reset",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>an administrator has reset your password. You can sign in again once you have chosen a new one.</p>
          <Button href={p.link}>Choose a new password</Button>
          <p>The link expires in {p.hours} hours.</p>
        </>,
      );

const registrationAttempt: Template<{ firstName: string; loginUrl: string; resetUrl: string }> = (p, l) =>
  l === "de"
    ? email(
        l,
        "Registrierungsversuch mit Ihrer E-Mail-Adresse",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>jemand hat versucht, sich mit Ihrer E-Mail-Adresse zu registrieren. Sie haben bereits ein Konto.</p>
          <p>
            <a href={p.loginUrl}>Anmelden</a> · <a href={p.resetUrl}>Passwort vergessen?</a>
          </p>
        </>,
      )
    : email(
        l,
        "Someone tried to register with your email address",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>someone tried to register with your email address. You already have an account.</p>
          <p>
            <a href={p.loginUrl}>Sign in</a> · <a href={p.resetUrl}>Forgot your password?</a>
          </p>
        </>,
      );

const emailChangeVerify: Template<WithLink & { newEmail: string; hours: number }> = (p, l) =>
  l === "de"
    ? email(
        l,
        "Neue E-Mail-Adresse bestätigen",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>bitte bestätigen Sie {p.newEmail} als neue E-Mail-Adresse Ihres Kontos.</p>
          <Button href={p.link}>Neue Adresse bestätigen</Button>
          <p>Der Link ist {p.hours} Stunden gültig.</p>
        </>,
      )
    : email(
        l,
        "Confirm your new email address",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>please confirm {p.newEmail} as the new email address of your account.</p>
          <Button href={p.link}>Confirm new address</Button>
          <p>The link expires in {p.hours} hours.</p>
        </>,
      );

const emailChangeNotice: Template<{ firstName: string; newEmail: string }> = (p, l) =>
  l === "de"
    ? email(
        l,
        "Änderung Ihrer E-Mail-Adresse angefordert",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>
            für Ihr Konto wurde eine Änderung der E-Mail-Adresse auf {p.newEmail} angefordert. Sie gilt erst nach Bestätigung. Wenn Sie das
            nicht waren, ändern Sie Ihr Passwort.
          </p>
        </>,
      )
    : email(
        l,
        "A change of your email address was requested",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>
            a change of your account&apos;s email address to {p.newEmail} was requested. It applies only once confirmed. If this was not
            you, change your password.
          </p>
        </>,
      );

const invitation: Template<{ inviterName: string; companyName: string; link: string; days: number }> = (p, l) =>
  l === "de"
    ? email(
        l,
        `${p.inviterName} lädt Sie zu ${p.companyName} ein`,
        <>
          <p>Hallo,</p>
          <p>
            {p.inviterName} lädt Sie ein, dem Konto von {p.companyName} bei Roster beizutreten.
          </p>
          <Button href={p.link}>Einladung annehmen</Button>
          <p>Die Einladung ist {p.days} Tage gültig und gilt nur für diese E-Mail-Adresse.</p>
        </>,
      )
    : email(
        l,
        `${p.inviterName} invites you to ${p.companyName}`,
        <>
          <p>Hello,</p>
          <p>
            {p.inviterName} invites you to join {p.companyName}&apos;s account on Roster.
          </p>
          <Button href={p.link}>Accept the invitation</Button>
          <p>The invitation is valid for {p.days} days and only for this email address.</p>
        </>,
      );

/** A back-office account's set-password link: on creation (welcome) or sent again by a colleague. */
const staffSetPassword: Template<WithLink & { hours: number; welcome: boolean; senderName: string }> = (p, l) =>
  l === "de"
    ? email(
        l,
        p.welcome ? "Ihr Zugang zum Roster-Backoffice" : "Neues Passwort für das Roster-Backoffice",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>
            {p.welcome
              ? `${p.senderName} hat Ihnen einen Zugang zum Roster-Backoffice eingerichtet.`
              : `${p.senderName} hat Ihnen einen Link geschickt, mit dem Sie ein neues Passwort für das Roster-Backoffice festlegen.`}
          </p>
          <Button href={p.link}>Passwort festlegen</Button>
          <p>Der Link ist {p.hours} Stunden gültig und kann einmal verwendet werden.</p>
        </>,
      )
    : email(
        l,
        p.welcome ? "Your Roster back-office account" : "Set a new password for the Roster back office",
        <>
          <p>{greet(l, p.firstName)}</p>
          <p>
            {p.welcome
              ? `${p.senderName} has set up a Roster back-office account for you.`
              : `${p.senderName} sent you a link to set a new password for the Roster back office.`}
          </p>
          <Button href={p.link}>Set your password</Button>
          <p>The link works once and expires in {p.hours} hours.</p>
        </>,
      );

export const templates = {
  confirmation,
  welcome,
  passwordReset,
  signInLink,
  forcedPasswordReset,
  registrationAttempt,
  emailChangeVerify,
  emailChangeNotice,
  invitation,
  staffSetPassword,
};

export type TemplateName = keyof typeof templates;
export type TemplateProps<T extends TemplateName> = Parameters<(typeof templates)[T]>[0];
