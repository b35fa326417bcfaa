export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="mx-auto flex max-w-5xl items-center gap-3 px-4 py-10 text-stone-600 dark:text-stone-400">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-brand-500 border-t-transparent" aria-hidden="true" />
      Loading…
    </div>
  );
}
