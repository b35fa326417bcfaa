import { z } from "zod";
import { apiError, json, readJson, withUser } from "@/lib/api";
import { joinCohort } from "@/lib/cohorts/members";
import { joinSchema } from "@/lib/cohorts/validation";

export const dynamic = "force-dynamic";

const MESSAGES = {
  "invalid-code": "A join code has 8 letters and digits, like KM4P-7QRW.",
  "unknown-code": "No cohort has this code.",
  instructor: "You teach this cohort.",
} as const;

/** Joins the cohort with this join code: { code } → { cohortId, name, alreadyMember }. */
export const POST = withUser(async (request, user) => {
  const body = await readJson(request, joinSchema.extend({ code: z.string().max(200) }).strict());
  if (body instanceof Response) return body;
  const result = await joinCohort(user.id, body.code);
  if (!result.ok) return apiError(result.reason === "instructor" ? 409 : result.reason === "unknown-code" ? 404 : 400, result.reason, MESSAGES[result.reason]);
  return json({ cohortId: result.cohortId, name: result.name, alreadyMember: result.alreadyMember }, result.alreadyMember ? 200 : 201);
});
