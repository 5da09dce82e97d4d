"use client";
import { personValues, type PersonRecord } from "@/components/person-values";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/form-field";
import { applyServerErrors } from "@/components/ui/form";
import { NameFields } from "@/components/name-fields";
import { updateProfileInput, type UpdateProfileInput } from "@/server/schemas/profile";
import { ClientForm } from "@/components/ui/client-form";

type Profile = PersonRecord & {
  version: number;
  localizationId: number | null;
  localizations: { id: number; name: string }[];
};

/** Form values from the saved profile: empty strings where the record has nothing. */
function valuesOf(profile: Profile): UpdateProfileInput {
  return {
    version: profile.version,
    ...personValues(profile),
    ...(profile.localizations.length ? { localizationId: profile.localizationId } : {}),
  };
}

export function ProfileForm({ profile }: { profile: Profile }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.account.profile.update.mutationOptions());
  const form = useForm<UpdateProfileInput>({ resolver: zodResolver(updateProfileInput), defaultValues: valuesOf(profile) });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { version } = await mutation.mutateAsync(values);
      form.reset({ ...form.getValues(), version });
      toast.success("Your profile is saved.");
      router.refresh();
    } catch (error) {
      applyServerErrors(error, form.setError);
    }
  });
  return (
    <ClientForm onSubmit={onSubmit} className="space-y-4" aria-label="Personal details">
      <NameFields form={form} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          form={form}
          name="birthday"
          label="Birthday"
          type="date"
          autoComplete="bday"
          max={new Date().toISOString().slice(0, 10)}
        />
        <TextField form={form} name="phone" label="Phone" type="tel" autoComplete="tel" />
      </div>
      {profile.localizations.length ? (
        <SelectField
          form={form}
          name="localizationId"
          label="Preferred language"
          hint="The language of the emails we send you."
          valueAsNumber
        >
          {profile.localizations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </ClientForm>
  );
}
