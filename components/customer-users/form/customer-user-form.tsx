"use client";
import { useMemo, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { fieldErrorsOf, messageOf, useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { applyServerErrors } from "@/components/ui/form";
import { fullName } from "@/components/format";
import { RolePicker } from "@/components/customer-users/role-picker";
import type { CreateCustomerUserInput } from "@/server/schemas/customerUser";
import { AddressList } from "./address-list";
import { CustomerSection } from "./customer-section";
import { FormSection } from "./form-section";
import { PersonSection } from "./person-section";
import { formSchema, valuesOf, type CustomerUserRecord, type Mode, type Options, type Values } from "./values";

/**
 * Create or edit a customer user, every step of the reference guide: Enabled, name, email, birthday, phone; the
 * customer (or a new subsidiary), sales representatives, website and preferred localization; addresses; roles.
 * Save sits at the top right and stays there while scrolling. A refused save keeps everything typed.
 */
export function CustomerUserForm({ mode, record, options }: { mode: Mode; record: CustomerUserRecord | null; options: Options }) {
  const trpc = useTRPC();
  const router = useRouter();
  const schema = useMemo(() => formSchema(mode, options.websites), [mode, options.websites]);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: valuesOf(record, options) });
  const create = useMutation(trpc.admin.customerUsers.create.mutationOptions());
  const update = useMutation(trpc.admin.customerUsers.update.mutationOptions());
  const [problem, setProblem] = useState<{ message: string; stale: boolean } | null>(null);

  const onSubmit = form.handleSubmit(
    async (values) => {
      setProblem(null);
      try {
        if (mode === "create") {
          const { id } = await create.mutateAsync(values as CreateCustomerUserInput);
          toast.success("The customer user is created.");
          router.push(`/admin/customer-users/${id}`);
        } else {
          const { id, version: _v, ...rest } = values;
          await update.mutateAsync({ ...rest, id: id!, version: values.version! });
          toast.success("Your changes are saved.");
          router.push(`/admin/customer-users/${id}`);
          router.refresh();
        }
      } catch (error) {
        applyServerErrors(error, form.setError);
        // A stale version is a CONFLICT naming no field (a taken email names its field).
        const conflict = (error as { data?: { code?: string } }).data?.code === "CONFLICT";
        setProblem({ message: messageOf(error), stale: conflict && Object.keys(fieldErrorsOf(error)).length === 0 });
      }
    },
    () => setProblem({ message: "Some fields need your attention.", stale: false }),
  );

  const title = mode === "create" ? "Create Customer User" : `Edit ${record ? fullName(record) : "customer user"}`;
  const saving = form.formState.isSubmitting || create.isSuccess;

  return (
    <ClientForm onSubmit={onSubmit} aria-label={title} className="space-y-6">
      <Header title={title} record={record} saving={saving} submitting={form.formState.isSubmitting} />
      {problem ? (
        <Alert tone="error" testId="form-problem">
          <p>{problem.message}</p>
          {problem.stale && record ? (
            <p className="mt-1">
              Your changes are still in the form.{" "}
              <a className="font-medium underline" href={`/admin/customer-users/${record.id}`} target="_blank" rel="noreferrer">
                Open the current version in a new tab
              </a>{" "}
              to compare.
            </p>
          ) : null}
        </Alert>
      ) : null}

      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <PersonSection form={form} mode={mode} />
          <CustomerSection form={form} mode={mode} record={record} options={options} />
          <AddressList form={form} />
        </div>
        <div className="space-y-6">
          <FormSection title="Roles" description="Permissions add up over all the roles selected." className="xl:sticky xl:top-28">
            <RolePicker form={form} audience="staff" legendHidden />
          </FormSection>
        </div>
      </div>
    </ClientForm>
  );
}

/** The breadcrumb, the title, and Cancel and Save at the top right, sticky while scrolling. */
function Header({
  title,
  record,
  saving,
  submitting,
}: {
  title: string;
  record: CustomerUserRecord | null;
  saving: boolean;
  submitting: boolean;
}) {
  return (
    <div className="sticky top-0 z-10 -mx-6 -mt-6 flex flex-wrap items-center justify-between gap-4 border-b border-slate-200 bg-slate-50/95 px-6 py-4 backdrop-blur">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href="/admin/customer-users" className="hover:underline">
            Customer Users
          </Link>
          {record ? (
            <>
              {" "}
              /{" "}
              <Link href={`/admin/customer-users/${record.id}`} className="hover:underline">
                {fullName(record)}
              </Link>
            </>
          ) : null}
        </nav>
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      </div>
      <div className="flex gap-2">
        <ButtonLink variant="secondary" href={record ? `/admin/customer-users/${record.id}` : "/admin/customer-users"}>
          Cancel
        </ButtonLink>
        <Button type="submit" disabled={saving}>
          {submitting ? "Saving…" : "Save"}
        </Button>
      </div>
    </div>
  );
}
