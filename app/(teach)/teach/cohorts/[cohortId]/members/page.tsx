import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CoInstructors } from "@/components/teach/co-instructors";
import { CohortHeader } from "@/components/teach/cohort-header";
import { MemberList } from "@/components/teach/member-list";
import { EmptyState } from "@/components/ui/empty-state";
import { requireInstructor } from "@/lib/auth/session";
import { getTeachingCohort } from "@/lib/cohorts/cohorts";
import { listMembers } from "@/lib/cohorts/members";

export const metadata: Metadata = { title: "Members" };

export default async function CohortMembersPage({ params }: { params: Promise<{ cohortId: string }> }) {
  const { cohortId } = await params;
  const user = await requireInstructor(`/teach/cohorts/${cohortId}/members`);
  const [cohort, members] = await Promise.all([getTeachingCohort(user.id, cohortId), listMembers(user.id, cohortId)]);
  if (!cohort || !members) notFound();
  return (
    <>
      <CohortHeader cohort={cohort} />
      <section aria-labelledby="members-heading" className="mb-10">
        <h2 id="members-heading" className="mb-1 text-lg font-semibold">
          Members ({members.length})
        </h2>
        <p className="mb-4 text-sm text-stone-600 dark:text-stone-400">
          Readiness is each member&apos;s estimate from all their practice in Systemic; it is a guide, not a pass prediction (the passing score changes with
          every exam form).
        </p>
        {members.length === 0 ? (
          <EmptyState title="No members yet">Share the join code from the overview. Members appear here as soon as they join.</EmptyState>
        ) : (
          <MemberList cohortId={cohort.id} members={members} viewerZone={user.timeZone} />
        )}
      </section>
      <section aria-labelledby="instructors-heading">
        <h2 id="instructors-heading" className="mb-3 text-lg font-semibold">
          Instructors
        </h2>
        <CoInstructors
          cohortId={cohort.id}
          isOwner={cohort.isOwner}
          instructors={cohort.instructors.map((i) => ({ userId: i.userId, role: i.role, name: i.user.name, email: i.user.email }))}
        />
      </section>
    </>
  );
}
