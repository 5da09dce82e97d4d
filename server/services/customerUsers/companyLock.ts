import type { Db, DbClient } from "../../db";
import { Prisma } from "../../generated/prisma/client";

/**
 * The company invariants (invariants.ts) read a company tree's users, their roles and those roles' grants, count,
 * and then write. Two such changes at once would each count the other's subject as still there, so every change
 * that can take away a user manager or a user's last role first locks the root customer of each tree it touches,
 * in id order, in its own transaction: changes within one tree run one after the other, changes in different
 * trees do not wait for each other. The root stands for the whole tree because a company's rule also counts the
 * Corporate-level administrators above it, and every customer of a tree shares its root.
 *
 * The lock is a row lock FOR NO KEY UPDATE: it does not hold off rows that merely reference the customer (a new
 * user, an order), which take FOR KEY SHARE. A move of a customer to another tree locks both roots too
 * (customerTree.ts), so a tree's membership stays put while its root is held.
 *
 * Inside `companyTransaction` a change does not wait for a busy tree holding a database connection: it gives the
 * connection back and tries again a moment later, so twenty saves of one user at once never leave the pool dry
 * while the first one runs; only the last try waits for the lock.
 */

const held: unique symbol = Symbol("company lock");

/** Proof that the transaction holds the lock of these trees (by root id). Only `lockCompanies` makes one. */
export type CompanyLock = { readonly [held]: ReadonlySet<number> };

/**
 * Whose trees to lock: customers', users' (their customers'), or every tree there is (for a change to a predefined
 * role, which any company's users may hold; a tree created afterwards had no manager this change could take).
 */
export type CompanySubjects = {
  customerIds?: readonly number[];
  userIds?: readonly number[];
  everyTree?: boolean;
  /** Customers about to become the root of a tree of their own (a move to the top level). */
  newRoots?: readonly number[];
};

/** Whether a transaction's lock waits (its last try) or gives up at once when the tree is busy. */
const waiting = new WeakMap<object, boolean>();

/** Pauses before the tries that gave up: 5 ms doubling, with jitter; about 0.6 s in all before the waiting one. */
const pauses = [5, 10, 20, 40, 80, 160, 320];

/** Root customer of a path: "/1/5/23/" → 1. */
const rootOf = (path: string) => Number(path.split("/", 2)[1]);

async function rootsOf(tx: DbClient, subjects: CompanySubjects): Promise<number[]> {
  if (subjects.everyTree) {
    return (await tx.customer.findMany({ where: { parentId: null }, select: { id: true } })).map((customer) => customer.id);
  }
  const customers = [...new Set(subjects.customerIds ?? [])];
  const users = [...new Set(subjects.userIds ?? [])];
  const parts: Prisma.Sql[] = [];
  if (customers.length) parts.push(Prisma.sql`SELECT "path" FROM "Customer" WHERE "id" = ANY(${customers}::int[])`);
  if (users.length) parts.push(Prisma.sql`SELECT "customerPath" FROM "CustomerUser" WHERE "id" = ANY(${users}::int[])`);
  if (parts.length === 0) return [];
  const rows = await tx.$queryRaw<{ path: string }[]>`SELECT DISTINCT "path" FROM (${Prisma.join(parts, " UNION ALL ")}) AS p ("path")`;
  return [...new Set(rows.map((row) => rootOf(row.path)))];
}

/**
 * Locks the trees of `subjects` until the transaction ends. Call it first in the transaction, before any write
 * (locks are always taken root first, then rows: a lock taken after a write could wait on a change that waits on
 * it). Returns the proof the invariant checks ask for.
 */
export async function lockCompanies(tx: Prisma.TransactionClient, subjects: CompanySubjects): Promise<CompanyLock> {
  // A lock outside a transaction would be released at once and prove nothing.
  if ("$connect" in (tx as object)) throw new Error("lockCompanies runs inside a transaction");
  const wait = (waiting.get(tx) ?? true) ? Prisma.empty : Prisma.sql` NOWAIT`;
  const roots = new Set<number>();
  // Once: the roots as read before locking. Again only if a move to another tree committed in between.
  for (;;) {
    const wanted = [...(await rootsOf(tx, subjects)), ...(subjects.newRoots ?? [])];
    const missing = [...new Set(wanted)].filter((root) => !roots.has(root)).sort((a, b) => a - b);
    if (missing.length === 0) return { [held]: roots };
    await tx.$queryRaw`SELECT "id" FROM "Customer" WHERE "id" = ANY(${missing}::int[]) ORDER BY "id" FOR NO KEY UPDATE${wait}`;
    for (const root of missing) roots.add(root);
  }
}

/**
 * Refuses (as a programming error) to count for a customer whose tree the transaction has not locked: such a
 * count could be out of date by the time the change commits.
 */
export function assertLocked(lock: CompanyLock, paths: Iterable<string>) {
  for (const path of paths) {
    if (!lock[held].has(rootOf(path)))
      throw new Error(`The company invariants are checked for ${path} without its tree locked (lockCompanies).`);
  }
}

/** Whether the lock covers the customer at `path` (to leave other trees out of a wide check). */
export function isLocked(lock: CompanyLock, path: string) {
  return lock[held].has(rootOf(path));
}

const lockBusy = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError &&
  (error.meta as { driverAdapterError?: { cause?: { code?: string } } } | undefined)?.driverAdapterError?.cause?.code === "55P03";

/**
 * A transaction for a change that locks company trees (lockCompanies): run again from the start when a tree was
 * busy. `change` must do nothing outside the database before its lock, as it may run more than once.
 */
export async function companyTransaction<T>(db: Db, change: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const last = attempt === pauses.length;
    try {
      return await db.$transaction((tx) => {
        waiting.set(tx, last);
        return change(tx);
      });
    } catch (error) {
      if (last || !lockBusy(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauses[attempt]! * (0.5 + Math.random())));
    }
  }
}
