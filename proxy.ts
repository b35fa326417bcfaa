import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

/**
 * Runs before the pages that need a signed-in user (see `config.matcher`).
 * The pages check again against the database (roles, deleted accounts);
 * this sends strangers to sign-in early and keeps signed-in pages out of
 * shared caches. Lessons stay public; practising them needs an account.
 *
 * The JSON API (/api/v1) is not matched: every route there is wrapped in
 * `withUser`/`withLearner` (lib/api.ts), which decodes the cookie, checks
 * the user against the database, answers 401 itself and sends every
 * response with `Cache-Control: private, no-store`, so a second decode here
 * would only repeat that work on the busiest path (grading).
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (!token) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const response = NextResponse.next();
  response.headers.set("Cache-Control", "private, no-store, max-age=0");
  return response;
}

export const config = {
  matcher: [
    "/dashboard/:path*",
    "/review/:path*",
    "/practice/:path*",
    "/readiness/:path*",
    "/settings/:path*",
    "/stats/:path*",
    "/cohorts/:path*",
    "/join/:path*",
    "/notifications/:path*",
    "/teach/:path*",
  ],
};
