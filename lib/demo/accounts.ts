/** Demo accounts created by `npm start` and `npm run db:seed`, listed in README.md. */
export const DEMO_ACCOUNTS = [
  { email: "candidate@demo.systemic.local", password: "systemic-demo-candidate", name: "Dana Candidate", role: "candidate" },
  { email: "instructor@demo.systemic.local", password: "systemic-demo-instructor", name: "Ira Instructor", role: "instructor" },
] as const;
