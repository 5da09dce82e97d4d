import { Button, email, greet, type Template, type WithLink } from "./layout";

// A customer account's own address: confirming it, welcoming, a second registration, changing it.

export const confirmation: Template<WithLink & { hours: number }> = (p, l) =>
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

export const welcome: Template<{ firstName: string; loginUrl: string; setPasswordLink: string | null; hours: number }> = (p, l) =>
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

export const registrationAttempt: Template<{ firstName: string; loginUrl: string; resetUrl: string }> = (p, l) =>
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

export const emailChangeVerify: Template<WithLink & { newEmail: string; hours: number }> = (p, l) =>
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

export const emailChangeNotice: Template<{ firstName: string; newEmail: string }> = (p, l) =>
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
