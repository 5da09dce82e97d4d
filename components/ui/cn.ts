import { twMerge } from "tailwind-merge";

/**
 * Joins class names, skipping falsy ones; a later Tailwind class overrides an earlier one of the same kind, so a
 * component's `className="w-48"` beats its own default `w-full` (tailwind-merge knows which utilities conflict).
 */
export function cn(...classes: (string | false | null | undefined)[]) {
  return twMerge(classes.filter(Boolean).join(" "));
}
