import type { Db } from "../../db";
import { enqueueEmail, localeOfCustomerUser, secretLink } from "../../email/outbox";
import { answerAlike, type RequestInfo } from "./publicRequests";
import { customerRefusal } from "./signIn";
import { issueCustomerToken } from "./tokens";

/**
 * A sign-in link by email: whoever reads the account's mail gets in, whatever holds password sign-in back (the
 * owner's way in while someone else's guessing holds their account or address). The link opens a page that signs
 * in on a button press (a SIGN_IN token, used up by the "ticket" provider), so mail scanners do not spend it.
 */
export const SIGN_IN_LINK_MINUTES = 30;

export async function requestSignInLink(db: Db, email: string, request: RequestInfo) {
  await answerAlike(db, request, "sign-in-link", email, async () => {
    const user = await db.customerUser.findUnique({
      where: { email },
      select: {
        id: true,
        email: true,
        firstName: true,
        lastName: true,
        websiteId: true,
        enabled: true,
        confirmedAt: true,
        authStatus: true,
        erasedAt: true,
        customer: { select: { enabled: true } },
      },
    });
    // Only an account that could sign in gets a link; the page would refuse the others anyway.
    if (!user || user.erasedAt || customerRefusal(user)) return;
    await db.$transaction(async (tx) => {
      const { raw } = await issueCustomerToken(tx, "SIGN_IN", user, { hours: SIGN_IN_LINK_MINUTES / 60 });
      await enqueueEmail(tx, {
        template: "signInLink",
        locale: await localeOfCustomerUser(tx, user),
        to: user.email,
        toName: `${user.firstName} ${user.lastName}`,
        props: { firstName: user.firstName, link: secretLink("/sign-in-link"), minutes: SIGN_IN_LINK_MINUTES },
        secret: raw,
        customerUserId: user.id,
      });
    });
  });
}
