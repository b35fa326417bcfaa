import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { CohortForm } from "@/components/teach/cohort-form";
import { requireInstructor } from "@/lib/auth/session";
import { timeZones } from "@/lib/time-zones";

export const metadata: Metadata = { title: "New cohort" };

export default async function NewCohortPage() {
  const user = await requireInstructor("/teach/cohorts/new");
  return (
    <>
      <PageHeader title="New cohort" description="You get a join code and link to share as soon as it is created." />
      <CohortForm zones={timeZones()} initial={{ name: "", description: "", examDate: "", timeZone: user.timeZone }} />
    </>
  );
}
