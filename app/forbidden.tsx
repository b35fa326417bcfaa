import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-700 dark:text-brand-300">403</p>
      <h1 className="mt-2 text-2xl font-bold">This area is for instructors</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">
        Your account does not have access to this page. If you run a prep cohort, ask an administrator to make your account an instructor account.
      </p>
      <Link href="/dashboard" className="mt-6 font-semibold text-brand-700 underline dark:text-brand-300">
        Back to your dashboard
      </Link>
    </main>
  );
}
