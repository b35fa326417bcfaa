import { describe, expect, it } from "vitest";
import { lessonFor, studyPace, suggestNextStep, todaysStep, weakestDomain, type DomainEstimate, type LessonStanding } from "@/lib/exam/next-step";

const domain = (id: number, weight: number, mean: number, evidence = 20): DomainEstimate => ({
  domain: id,
  name: `Domain ${id}`,
  weight,
  mean,
  lower: mean - 0.1,
  upper: mean + 0.1,
  evidence,
});

const lesson = (slug: string, domains: number[], order: number, read = false, percentCorrect: number | null = null): LessonStanding => ({
  slug,
  title: slug,
  order,
  domains,
  read,
  percentCorrect,
});

describe("the weakest domain", () => {
  it("is where most exam points are at stake: weight times the share missed", () => {
    // Domain 5 is weakest in isolation, but domain 3 weighs far more.
    const picked = weakestDomain([domain(3, 0.245, 0.6), domain(5, 0.1, 0.3), domain(1, 0.24, 0.8)]);
    expect(picked?.domain).toBe(3);
    // Make domain 5 weak enough and it wins.
    expect(weakestDomain([domain(3, 0.245, 0.7), domain(5, 0.1, 0.1)])?.domain).toBe(5);
  });

  it("prefers the heavier domain when nothing is known, and the less practised one on a tie", () => {
    expect(weakestDomain([domain(1, 0.24, 0.5, 0), domain(3, 0.245, 0.5, 0), domain(5, 0.1, 0.5, 0)])?.domain).toBe(3);
    expect(weakestDomain([domain(2, 0.2, 0.5, 10), domain(4, 0.2, 0.5, 2)])?.domain).toBe(4);
  });

  it("ignores domains the blueprint does not weight", () => {
    expect(weakestDomain([domain(7, 0, 0), domain(2, 0.155, 0.9)])?.domain).toBe(2);
    expect(weakestDomain([])).toBeNull();
  });
});

describe("the lesson for a domain", () => {
  const lessons = [
    lesson("touches-three", [1, 3], 1),
    lesson("main-read-weak", [3], 2, true, 40),
    lesson("main-read-strong", [3], 3, true, 90),
    lesson("main-unread", [3, 2], 4),
    lesson("other", [5], 5),
  ];

  it("is one whose main domain it is, unread first, then the weakest, then course order", () => {
    expect(lessonFor(3, lessons)?.slug).toBe("main-unread");
    expect(lessonFor(3, lessons.filter((l) => l.slug !== "main-unread"))?.slug).toBe("main-read-weak");
    expect(lessonFor(1, lessons)?.slug).toBe("touches-three");
    expect(lessonFor(6, lessons)).toBeNull();
  });

  it("comes with a practice link for the domain", () => {
    const step = suggestNextStep([domain(3, 0.245, 0.5, 0), domain(1, 0.24, 0.9)], lessons);
    expect(step).toMatchObject({ domain: 3, unexplored: true, lesson: { slug: "main-unread", read: false }, practiceHref: "/practice?source=domain&domain=3#builder" });
  });
});

describe("the daily pace", () => {
  it("spreads the unseen items over the days left, rounding up", () => {
    expect(studyPace(180, 30)).toEqual({ status: "pace", days: 30, unseen: 180, perDay: 6 });
    expect(studyPace(181, 30)).toMatchObject({ perDay: 7 });
    expect(studyPace(5, 30)).toMatchObject({ perDay: 1 });
  });

  it("has nothing to pace without a date, on or after the exam day, or when all is seen", () => {
    expect(studyPace(100, null)).toEqual({ status: "no-date" });
    expect(studyPace(100, 0)).toEqual({ status: "no-time" });
    expect(studyPace(100, -3)).toEqual({ status: "no-time" });
    expect(studyPace(0, 12)).toEqual({ status: "all-seen", days: 12 });
  });
});

describe("the dashboard's one next step", () => {
  const first = { slug: "alliance-vs-coalition", title: "Alliances and coalitions" };
  const step = { domain: 3, name: "Treatment", weight: 0.24, unexplored: false, lesson: null, practiceHref: "/practice" };
  it("starts a learner who has not begun at the first lesson, whatever the weakest domain", () => {
    expect(todaysStep({ started: false, due: 0, firstLesson: first, nextStep: step })).toEqual({ kind: "start", lesson: first });
  });
  it("puts waiting reviews before the weakest domain once the learner has begun", () => {
    expect(todaysStep({ started: true, due: 7, firstLesson: first, nextStep: step })).toEqual({ kind: "review", cards: 7 });
    expect(todaysStep({ started: true, due: 0, firstLesson: first, nextStep: step })).toEqual({ kind: "domain", step });
    expect(todaysStep({ started: true, due: 0, firstLesson: first, nextStep: null })).toBeNull();
  });
});
