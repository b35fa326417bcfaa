import { withUser } from "@/lib/api";
import { learnerAnkiExport } from "@/lib/anki/export";
import { download } from "@/lib/cohorts/downloads";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** The signed-in learner's flashcards and missed questions as an Anki deck (.apkg). */
export const GET = withUser(async (request, user) => {
  const now = new Date();
  // Lesson links point at the public address when it is configured, else where this request came to.
  const siteUrl = env.NEXTAUTH_URL ?? new URL(request.url).origin;
  const { apkg } = await learnerAnkiExport(user.id, siteUrl, now);
  return download(apkg, `systemic-cards-${now.toISOString().slice(0, 10)}.apkg`, "apkg");
});
