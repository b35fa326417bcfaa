/** Demo accounts created by `npm start` and `npm run db:seed`, listed in README.md. */
export const DEMO_ACCOUNTS = [
  { email: "candidate@demo.systemic.local", password: "systemic-demo-candidate", name: "Dana Candidate", role: "candidate" },
  { email: "instructor@demo.systemic.local", password: "systemic-demo-instructor", name: "Ira Instructor", role: "instructor" },
] as const;

/**
 * The demo cohort's other members, so the demo instructor has a cohort to
 * look at. They cannot be signed in to: their passwords are random and never
 * shown. `skill` is the share of questions each answers correctly.
 */
export const DEMO_MEMBERS = [
  { email: "amara.member@demo.systemic.local", name: "Amara Okonkwo", skill: 0.74 },
  { email: "ben.member@demo.systemic.local", name: "Ben Halvorsen", skill: 0.58 },
  { email: "chiara.member@demo.systemic.local", name: "Chiara Russo", skill: 0.81 },
  { email: "dev.member@demo.systemic.local", name: "Dev Malhotra", skill: 0.49 },
  { email: "esi.member@demo.systemic.local", name: "Esi Mensah", skill: 0.66 },
] as const;
