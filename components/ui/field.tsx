import type { ComponentProps, ReactNode } from "react";

/** A labelled input with its hint and error wired up for screen readers. */
export function Field({
  label,
  name,
  error,
  hint,
  children,
  ...input
}: ComponentProps<"input"> & { label: string; name: string; error?: string; hint?: ReactNode; children?: ReactNode }) {
  const id = input.id ?? `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children ?? (
        <input
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={inputClass(!!error)}
          {...input}
        />
      )}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-stone-600 dark:text-stone-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

export function inputClass(invalid = false) {
  return `block min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base shadow-sm dark:bg-stone-900 ${
    invalid ? "border-red-600 dark:border-red-500" : "border-stone-300 dark:border-stone-700"
  }`;
}
