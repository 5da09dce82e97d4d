import { Button, email, greet, type Template, type WithLink } from "./layout";

// Getting back in: a password reset, a sign-in link, a reset required by staff.

export const passwordReset: Template<WithLink & { hours: number }> = (p, l) =>
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

export const signInLink: Template<WithLink & { minutes: number }> = (p, l) =>
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

export const forcedPasswordReset: Template<WithLink & { hours: number }> = (p, l) =>
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
