import { Badge } from "@/components/ui/badge";
import { CardBody } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th, Tr } from "@/components/ui/table";
import { PermissionTable } from "@/components/permission-table";
import { DetailList } from "@/components/records/detail-list";
import { formatDate, formatDateTime } from "@/components/format";
import type { RouterOutputs } from "@/components/api-types";
import { countries } from "@/server/schemas/address";
import { Section } from "./section";

type User = RouterOutputs["admin"]["customerUsers"]["get"];
const countryName = new Map(countries);

/** Who the user is, and the facts about the account itself. */
export function UserGeneral({ user }: { user: User }) {
  return (
    <div className="grid gap-6 xl:grid-cols-3">
      <div className="xl:col-span-2">
        <Section id="general" title="General information">
          <CardBody>
            <DetailList
              items={[
                ["Name prefix", user.namePrefix],
                ["First name", user.firstName],
                ["Middle name", user.middleName],
                ["Last name", user.lastName],
                ["Name suffix", user.nameSuffix],
                ["Email", user.email],
                ["Phone", user.phone],
                ["Birthday", user.birthday ? formatDate(user.birthday) : null],
                [
                  "Customer",
                  <>
                    {user.customer.name}
                    {user.customer.parent ? <span className="text-slate-500"> (subsidiary of {user.customer.parent.name})</span> : null}
                  </>,
                ],
                [
                  "Sales representatives",
                  user.salesRepresentatives.length ? user.salesRepresentatives.map((s) => `${s.firstName} ${s.lastName}`).join(", ") : null,
                ],
                ["Enabled", user.enabled ? "Yes" : "No"],
                ["Confirmed", user.confirmedAt ? `Yes, ${formatDateTime(user.confirmedAt)}` : "No"],
                [
                  "Password",
                  user.authStatus === "RESET" ? "Reset required before the next sign-in" : user.hasPassword ? "Active" : "Not chosen yet",
                ],
              ]}
            />
          </CardBody>
        </Section>
      </div>
      <Section id="additional" title="Additional information">
        <CardBody>
          <DetailList
            items={[
              ["Created", formatDateTime(user.createdAt)],
              ["Updated", formatDateTime(user.updatedAt)],
              ["Owner", user.owner ? `${user.owner.firstName} ${user.owner.lastName}` : null],
              ["Sign-ins", String(user.loginCount)],
              ["Last sign-in", user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "Never"],
              ["Website", user.website?.name],
              ["Preferred localization", user.localization?.name],
            ]}
          />
        </CardBody>
      </Section>
    </div>
  );
}

export function UserAddresses({ addresses }: { addresses: User["addresses"] }) {
  return (
    <Section id="addresses" title="Addresses">
      {addresses.length === 0 ? (
        <CardBody>
          <p className="text-sm text-slate-500">No addresses.</p>
        </CardBody>
      ) : (
        <div className="grid gap-4 p-5 md:grid-cols-2 xl:grid-cols-3" data-testid="addresses">
          {addresses.map((a) => (
            <address key={a.id} className="rounded-md border border-slate-200 p-3 text-sm not-italic">
              <div className="mb-1 flex flex-wrap gap-1">
                {a.label ? <span className="mr-1 font-medium">{a.label}</span> : null}
                {a.isPrimary ? <Badge tone="blue">Primary</Badge> : null}
                {a.isDefaultBilling ? <Badge tone="green">Default billing</Badge> : a.isBilling ? <Badge>Billing</Badge> : null}
                {a.isDefaultShipping ? <Badge tone="green">Default shipping</Badge> : a.isShipping ? <Badge>Shipping</Badge> : null}
              </div>
              {[
                a.organization,
                [a.firstName, a.lastName].filter(Boolean).join(" "),
                a.street,
                a.street2,
                `${a.postalCode} ${a.city}`,
                a.region,
                countryName.get(a.countryCode) ?? a.countryCode,
                a.phone,
              ]
                .filter(Boolean)
                .map((line, i) => (
                  <div key={i}>{line}</div>
                ))}
            </address>
          ))}
        </div>
      )}
    </Section>
  );
}

export function UserRoles({
  roles,
  permissions,
}: {
  roles: User["roles"];
  permissions: RouterOutputs["admin"]["customerUsers"]["effectivePermissions"];
}) {
  return (
    <Section
      id="roles"
      title="Roles and effective permissions"
      description="Permissions add up over the roles; each row names the roles granting it."
    >
      <CardBody className="flex flex-wrap gap-2 border-b border-slate-200" data-testid="roles">
        {roles.length === 0 ? (
          <span className="text-sm text-slate-500">No roles: the user cannot be enabled until one is assigned.</span>
        ) : null}
        {roles.map((role) => (
          <Badge key={role.id} tone={role.customerId ? "blue" : "slate"}>
            {role.label}
          </Badge>
        ))}
      </CardBody>
      {/* Tall: it scrolls on its own, so the records below stay a short scroll away. */}
      <div className="max-h-[28rem] overflow-y-auto">
        <PermissionTable rows={permissions} />
      </div>
    </Section>
  );
}

export function UserConsents({ consents }: { consents: RouterOutputs["admin"]["customerUsers"]["consents"] }) {
  return (
    <Section id="consents" title="Accepted consents">
      <Table data-testid="consents">
        <thead>
          <tr>
            <Th>Consent</Th>
            <Th>Accepted</Th>
            <Th>Status</Th>
          </tr>
        </thead>
        <tbody>
          {consents.length === 0 ? <EmptyRow colSpan={3}>No consents accepted.</EmptyRow> : null}
          {consents.map((c) => (
            <Tr key={c.id}>
              <Td>
                {c.consent.title}
                {c.consent.mandatory ? <span className="ml-2 text-xs text-slate-500">mandatory</span> : null}
              </Td>
              <Td>{formatDateTime(c.acceptedAt)}</Td>
              <Td>
                {c.withdrawnAt ? <Badge tone="amber">Withdrawn {formatDate(c.withdrawnAt)}</Badge> : <Badge tone="green">Accepted</Badge>}
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </Section>
  );
}
