import "client-only";

/**
 * The two next-auth calls every signed-in page needs, without shipping
 * next-auth/react (11.6 KB gzip) in every page's first-load JavaScript: the
 * same requests its `getSession` and `signOut` make. Sign-in pages still use
 * next-auth/react.
 */

/** Whether a session cookie is present and valid (asks /api/auth/session). */
export async function hasSession(): Promise<boolean> {
  const response = await fetch("/api/auth/session", { cache: "no-store" });
  if (!response.ok) return false;
  const body = (await response.json()) as { user?: unknown } | null;
  return Boolean(body && body.user);
}

/** Ends the session (next-auth's CSRF-checked sign-out) and goes to `callbackUrl`. */
export async function signOut({ callbackUrl }: { callbackUrl: string }): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  const target = url ?? callbackUrl;
  window.location.href = target;
  if (target.includes("#")) window.location.reload();
}
