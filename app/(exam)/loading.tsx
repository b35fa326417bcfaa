export default function Loading() {
  return (
    <main id="main" className="mx-auto flex max-w-5xl items-center gap-3 px-4 py-10 text-stone-600 dark:text-stone-400">
      <p role="status" aria-live="polite" className="flex items-center gap-3">
        <span className="h-4 w-4 animate-spin rounded-full border-2 border-brand-500 border-t-transparent" aria-hidden="true" />
        Loading your questions…
      </p>
    </main>
  );
}
