import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-700 dark:text-brand-300">404</p>
      <h1 className="mt-2 text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">The page you were looking for does not exist or has moved.</p>
      <Link href="/" className="mt-6 font-semibold text-brand-700 underline dark:text-brand-300">
        Go to the home page
      </Link>
    </main>
  );
}
