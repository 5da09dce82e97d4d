import { Button } from "./ui/button";

/** Signing out of this browser, or of every browser the person is signed in on (both end sessions on the server). */
export function SignOutButtons({ signOut, signOutEverywhere }: { signOut: () => Promise<void>; signOutEverywhere: () => Promise<void> }) {
  return (
    <>
      <form action={signOut}>
        <Button type="submit" variant="ghost">
          Sign out
        </Button>
      </form>
      <form action={signOutEverywhere}>
        <Button type="submit" variant="ghost">
          Sign out everywhere
        </Button>
      </form>
    </>
  );
}
