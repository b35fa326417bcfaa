import { z } from "zod";
import { apiError, withUser } from "@/lib/api";
import { canTeach } from "@/lib/auth/roles";
import { download, fileSlug } from "@/lib/cohorts/downloads";
import { setExport } from "@/lib/cohorts/question-sets";
import { EXPORT_FORMATS } from "@/lib/cohorts/validation";

export const dynamic = "force-dynamic";

const formatSchema = z.enum(EXPORT_FORMATS);

/** One of the instructor's question sets as CSV, GIFT, Moodle XML or a QTI 1.2 package (?format=csv|gift|xml|qti). */
export const GET = withUser<{ params: Promise<{ setId: string }> }>(async (request, user, { params }) => {
  if (!canTeach(user.role)) return apiError(403, "forbidden", "Only instructors can export question sets.");
  const format = formatSchema.safeParse(new URL(request.url).searchParams.get("format") ?? "csv");
  if (!format.success) return apiError(400, "invalid-format", "format must be csv, gift, xml or qti.");
  const { setId } = await params;
  const file = await setExport(user.id, setId, format.data);
  if (!file) return apiError(404, "not-found", "No such question set.");
  if (format.data === "qti") return download(file.body, `${fileSlug(file.title, "question-set")}.qti.zip`, "zip");
  const extension = format.data === "gift" ? "gift.txt" : format.data;
  return download(file.body, `${fileSlug(file.title, "question-set")}.${extension}`, format.data);
});
