import "server-only";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import type { CurrentUser } from "@/lib/auth/users";
import { fieldErrors, type FieldErrors } from "@/lib/auth/validation";
import { unsafeInput } from "@/lib/text";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: FieldErrors };

export const INITIAL_RESULT = null;

type Input = FormData | Record<string, unknown>;

function toObject(input: Input): Record<string, unknown> {
  return input instanceof FormData ? Object.fromEntries(input.entries()) : input;
}

/**
 * Wraps a server action: refuses text that cannot be stored, parses its
 * input with the schema, then runs it.
 * Expected failures come back as values; anything unexpected is logged on
 * the server and reported to the browser as a generic message.
 */
export function action<S extends z.ZodType, T>(schema: S, fn: (input: z.infer<S>) => Promise<ActionResult<T>>) {
  return async (_previous: ActionResult<T> | null, input: Input): Promise<ActionResult<T>> => {
    const object = toObject(input);
    const unsafe = unsafeInput(object);
    if (unsafe) return { ok: false, error: unsafe.message, fieldErrors: { [unsafe.field]: unsafe.message } };
    const parsed = schema.safeParse(object);
    if (!parsed.success) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
    try {
      return await fn(parsed.data);
    } catch (error) {
      if (isNavigation(error)) throw error;
      console.error("[action]", error);
      return { ok: false, error: "Something went wrong on our side. Your input is still here; please try again." };
    }
  };
}

/** Like `action`, for signed-in users only; the user is passed to `fn`. */
export function authedAction<S extends z.ZodType, T>(schema: S, fn: (input: z.infer<S>, user: CurrentUser) => Promise<ActionResult<T>>) {
  return action(schema, async (input) => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: "Your session has ended. Sign in again to continue." };
    return fn(input, user);
  });
}

// redirect() and notFound() work by throwing; they must pass through.
function isNavigation(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
