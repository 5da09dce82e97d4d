import { Button, email, greet, type Template, type WithLink } from "./layout";

// Someone else opens the account: a company invitation, a back-office set-password link.

export const invitation: Template<{ inviterName: string; companyName: string; link: string; days: number }> = (p, l) =>
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
export const staffSetPassword: Template<WithLink & { hours: number; welcome: boolean; senderName: string }> = (p, l) =>
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
