import { describe, expect, it } from "vitest";
import { settingsSchema } from "@/lib/auth/validation";
import { cohortSchema } from "@/lib/cohorts/validation";
import { isCalendarDate } from "@/lib/dates";

describe("calendar dates", () => {
  it("accepts real dates, leap days included", () => {
    for (const v of ["2027-03-15", "2028-02-29", "2027-12-31", "2027-01-01"]) expect(isCalendarDate(v), v).toBe(true);
  });

  it("refuses impossible dates instead of shifting them", () => {
    for (const v of ["2027-02-30", "2027-02-29", "2027-04-31", "2027-13-01", "2027-00-10", "2027-01-00", "2027-1-5", "20270315"]) expect(isCalendarDate(v), v).toBe(false);
  });

  it("is what the settings and cohort forms check", () => {
    const settings = settingsSchema.safeParse({ name: "Ada", timeZone: "UTC", examDate: "2027-02-30" });
    expect(settings.success).toBe(false);
    expect(settings.error?.issues[0]?.message).toBe("Use a date like 2027-03-15");
    expect(settingsSchema.parse({ name: "Ada", timeZone: "UTC", examDate: "2028-02-29" }).examDate).toBe("2028-02-29");
    expect(cohortSchema.safeParse({ name: "Group", timeZone: "UTC", examDate: "2027-02-30" }).success).toBe(false);
    expect(cohortSchema.safeParse({ name: "Group", timeZone: "UTC", examDate: "2027-02-28" }).success).toBe(true);
  });
});
