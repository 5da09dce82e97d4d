import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Reach ("does this actor reach that row at this level") is decided in server/authz/ only: `scopeWhere` as a
 * Prisma where, `reaches` in memory, both from one rule (reach.ts). A copy elsewhere drifts from them (the
 * storefront grant hole on removing a role holder came from one), so this test fails on a reach rule written in
 * any other source file under server/, app/ or components/.
 */

const root = path.resolve(import.meta.dirname, "../..");

/** What a hand-written reach rule looks like. */
const reachRules: { name: string; pattern: RegExp }[] = [
  { name: "a subtree test on a customer path", pattern: /customerPath\.startsWith\(/g },
  { name: "a prefix test against the actor's path", pattern: /startsWith\(\s*\w+\.customerPath\b/g },
  { name: "a Prisma prefix on the actor's path", pattern: /startsWith:\s*\w+\.customerPath\b/g },
  {
    name: "a level or scope compared by hand",
    pattern: /[!=]==\s*"(SUBTREE|REPRESENTED|ALL|CUSTOMER|OWN)"|"(SUBTREE|REPRESENTED|ALL|CUSTOMER|OWN)"\s*[!=]==/g,
  },
  { name: "the old levelReaches copy", pattern: /\blevelReaches\b/g },
];

/**
 * Files that still derive what to show from grants, and how many rules each holds. Pages and components are moved
 * onto the abilities the services return (`can`, `me`) in steps of their own; each such step deletes its entries.
 * The list only shrinks: an entry whose file no longer holds exactly that many rules fails too.
 */
const allowed: Record<string, number> = {
  // "Choose the customer" and the reach sentence from the Corporate level (R11).
  "app/(storefront)/account/roles/new/page.tsx": 1,
  "app/(storefront)/account/roles/[id]/page.tsx": 1,
  "app/(storefront)/account/roles/page.tsx": 1,
  // Colleagues' addresses and their owners shown from the levels (R9).
  "app/(storefront)/account/addresses/page.tsx": 2,
  // "every customer" / "the customers you represent" from the view scope (R12).
  "app/(admin)/admin/(console)/customer-user-roles/[id]/page.tsx": 1,
  // Badge colours by a staff role's scope: display only, not reach; go with the staff screens' step (C2).
  "app/(admin)/admin/(console)/staff-roles/page.tsx": 1,
  "components/admin/staff-user-form.tsx": 1,
  "components/admin/staff-permission-table.tsx": 1,
  // The role form's warning that the editor holds a permission only for represented customers (C2).
  "components/admin/staff-role-form.tsx": 2,
  // Edit/delete offered on an address from the level (R8; disagrees with the server at Department level).
  "components/addresses/address-book.tsx": 1,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return relative === "server/authz" || relative === "server/generated" ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** The reach rules in one file's text, as "pattern name: matched text". */
export function rulesIn(text: string): string[] {
  return reachRules.flatMap(({ name, pattern }) => [...text.matchAll(pattern)].map((match) => `${name}: ${match[0]}`));
}

describe("no reach rule outside server/authz/", () => {
  const found = Object.fromEntries(
    ["server", "app", "components"]
      .flatMap(sourceFiles)
      .map((file) => [file, rulesIn(readFileSync(path.join(root, file), "utf8"))] as const)
      .filter(([, rules]) => rules.length > 0),
  );

  it("the patterns catch the copies this test replaced", () => {
    expect(rulesIn(`if (level === "SUBTREE") return target.customerPath.startsWith(actor.customerPath);`)).toHaveLength(3);
    expect(rulesIn(`const reaches = role.customer.path.startsWith(actor.customerPath);`)).toHaveLength(1);
    expect(rulesIn(`where: { customerPath: { startsWith: actor.customerPath } }`)).toHaveLength(1);
    expect(rulesIn(`const all = actor.grants.get(permission) === "ALL";`)).toHaveLength(1);
    expect(rulesIn(`"REPRESENTED" !== scope`)).toHaveLength(1);
    expect(rulesIn(`if (parent.path.startsWith(node.path)) throw cycle();`)).toEqual([]);
  });

  it("only the listed files hold one, each exactly as many as listed", () => {
    const counts = Object.fromEntries(Object.entries(found).map(([file, rules]) => [file, rules.length]));
    const unexpected = Object.fromEntries(Object.entries(found).filter(([file, rules]) => allowed[file] !== rules.length));
    expect(unexpected, "reach is decided in server/authz/: use scopeWhere, reaches or reachOf").toEqual({});
    expect(counts).toEqual(allowed);
  });

  it("no service or API code holds one", () => {
    expect(Object.keys(found).filter((file) => file.startsWith("server/"))).toEqual([]);
  });
});
