import { json, withUser } from "@/lib/api";
import { addStarterCards } from "@/lib/srs/starter";

export const dynamic = "force-dynamic";

/** The first day's cards: the first lesson's flashcards, added once to a learner with no cards. */
export const POST = withUser(async (_request, user) => {
  const outcome = await addStarterCards(user.id);
  return json(outcome, outcome.ok ? 201 : 409);
});
