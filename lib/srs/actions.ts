"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions";
import { db } from "@/lib/db";
import { applyOptimization, startOptimization } from "./optimizer";
import { srsSettingsSchema } from "./settings";
import { saveSrsSettings } from "./settings-store";

export const updateSrsSettings = authedAction(srsSettingsSchema, async (input, user) => {
  await saveSrsSettings(user.id, input);
  return { ok: true, data: input, message: "Review settings saved. They apply from your next review." };
});

export const optimizeSchedule = authedAction(z.object({}), async (_input, user) => {
  const result = await startOptimization(db, user.id);
  if (result.ok) return { ok: true, data: { optimizationId: result.optimizationId } };
  return {
    ok: false,
    error:
      result.reason === "already-running"
        ? "An optimization is already running for you. Its progress is shown below."
        : `You need ${result.needed ?? "more"} more reviews before your schedule can be fitted to your memory.`,
  };
});

export const applyScheduleParameters = authedAction(
  z.object({ optimizationId: z.string().min(1).max(64), reschedule: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()) }),
  async ({ optimizationId, reschedule }, user) => {
    const result = await applyOptimization(db, user.id, optimizationId, { reschedule });
    if (!result.ok) return { ok: false, error: "That optimization cannot be applied (it is not finished, or not yours)." };
    return {
      ok: true,
      data: { rescheduled: result.rescheduled },
      message: reschedule ? `Parameters applied; ${result.rescheduled} cards rescheduled.` : "Parameters applied to future reviews.",
    };
  },
);
