import "server-only";
import { getServerSession } from "next-auth";
import type { z } from "zod";
import { authOptions } from "@/lib/auth/options";
import { findUserById, type CurrentUser } from "@/lib/auth/users";

const NO_STORE = { "Cache-Control": "private, no-store" };

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function apiError(status: number, error: string, message: string, details?: unknown): Response {
  return json({ error, message, ...(details ? { details } : {}) }, status);
}

/**
 * Wraps a JSON route handler for signed-in users (session cookie). Unknown
 * failures are logged and answered with a generic 500, never a stack trace.
 */
export function withUser<C>(handler: (request: Request, user: CurrentUser, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const session = await getServerSession(authOptions);
      const id = (session?.user as { id?: string } | undefined)?.id;
      const user = id ? await findUserById(id) : null;
      if (!user) return apiError(401, "unauthorized", "Sign in to use this API.");
      return await handler(request, user, context);
    } catch (error) {
      console.error("[api]", request.method, new URL(request.url).pathname, error);
      return apiError(500, "internal", "Something went wrong on our side. Nothing was half-applied; try again.");
    }
  };
}

/** Reads and validates a JSON body; a Response (400) when it is not valid. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S> | Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return apiError(400, "invalid-json", "The request body must be JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return apiError(400, "invalid-body", issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "), issues);
  }
  return parsed.data;
}
