import type { Role } from "./validation";

/** Instructors and admins may use the Teach area. */
export const canTeach = (role: Role) => role === "instructor" || role === "admin";
