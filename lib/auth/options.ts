import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GithubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { safeCallbackUrl } from "./callback-url";
import { clientIp } from "./client-ip";
import { currentSessionVersion } from "./session-version";
import { authenticate } from "./sign-in";

/** OAuth providers whose credentials are configured (shown on the sign-in page). */
export function oauthProviders(): { id: "github" | "google"; name: string }[] {
  const list: { id: "github" | "google"; name: string }[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) list.push({ id: "github", name: "GitHub" });
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) list.push({ id: "google", name: "Google" });
  return list;
}

export const authOptions: NextAuthOptions = {
  // Signed JWT cookies: no session state in any one server's memory.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  secret: env.NEXTAUTH_SECRET,
  // Secure (and __Secure-prefixed) cookies over https; production refuses an http NEXTAUTH_URL except on loopback (lib/env-schema.ts).
  useSecureCookies: env.NEXTAUTH_URL?.startsWith("https://") ?? false,
  // The adapter stores OAuth users and account links; credentials users are
  // created by the sign-up action.
  adapter: PrismaAdapter(db as never),
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const result = await authenticate(credentials ?? {}, clientIp(req?.headers as Record<string, string> | undefined));
        if (!result.ok) throw new Error(result.error);
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
    ...(env.GITHUB_ID && env.GITHUB_SECRET ? [GithubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET })] : []),
    ...(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
      ? [GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET })]
      : []),
  ],
  callbacks: {
    // Only paths on this site, parsed the way browsers parse them (no open redirects after OAuth or sign-out).
    redirect({ url, baseUrl }) {
      const base = new URL(baseUrl);
      let target: URL;
      try {
        target = new URL(url, base);
      } catch {
        return base.origin;
      }
      if (target.origin !== base.origin) return base.origin;
      return `${base.origin}${safeCallbackUrl(`${target.pathname}${target.search}${target.hash}`, "/")}`;
    },
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        // The version the session is issued at; bumping it in the database ends this session (lib/auth/session-version.ts).
        token.sv = await currentSessionVersion(user.id);
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") {
        (session.user as { id?: string; sv?: number }).id = token.uid;
        (session.user as { id?: string; sv?: number }).sv = typeof token.sv === "number" ? token.sv : 0;
      }
      return session;
    },
  },
};
