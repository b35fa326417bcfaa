import { z } from "zod";
import { withUser } from "@/lib/api";
import { DATA_EXPORT_PARTS, learnerData, learnerDataCsv } from "@/lib/account/data-export";
import { download } from "@/lib/cohorts/downloads";

export const dynamic = "force-dynamic";

const query = z.union([z.object({ format: z.literal("json") }), z.object({ format: z.literal("csv"), part: z.enum(DATA_EXPORT_PARTS) })]);

/** The signed-in learner's own data: ?format=json (everything), or ?format=csv&part=answers|review-log|… */
export const GET = withUser(async (request, user) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = query.safeParse(params.format === "csv" ? { format: "csv", part: params.part } : { format: params.format ?? "json" });
  if (!parsed.success) return new Response("format must be json, or csv with part=" + DATA_EXPORT_PARTS.join("|"), { status: 400 });
  const data = await learnerData(user.id);
  const day = data.exportedAt.slice(0, 10);
  if (parsed.data.format === "json") {
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="systemic-my-data-${day}.json"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  }
  return download(learnerDataCsv(data, parsed.data.part), `systemic-my-${parsed.data.part}-${day}.csv`, "csv");
});
