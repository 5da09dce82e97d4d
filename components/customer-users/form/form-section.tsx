"use client";
import { useId, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A titled card of the form, a region named by its title. */
export function FormSection({
  title,
  description,
  children,
  className,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={cn("rounded-lg border border-slate-200 bg-white shadow-xs", className)}>
      <div className="border-b border-slate-200 px-5 py-3">
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {description ? <p className="text-sm text-slate-500">{description}</p> : null}
      </div>
      <div className="space-y-4 px-5 py-4">{children}</div>
    </section>
  );
}
