import type { ReactNode } from "react";
import type { CurrentUser } from "@/lib/auth/users";
import { NotificationBell } from "@/components/cohorts/notification-bell";
import { canTeach } from "@/lib/auth/roles";
import { Logo } from "./logo";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

type NavItem = { href: string; label: string; icon: string; phone?: boolean };

const LEARNER_ITEMS: NavItem[] = [
  { href: "/dashboard", label: "Home", icon: "M3 10.5 12 3l9 7.5V21h-6v-6H9v6H3z" },
  { href: "/learn", label: "Learn", icon: "M4 5h7a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H4zM20 5h-5a3 3 0 0 0-3 3" },
  { href: "/review", label: "Review", icon: "M4 12a8 8 0 1 0 3-6.2M4 4v5h5" },
  { href: "/practice", label: "Practice", icon: "M9 11l3 3 8-8M20 12v7a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h9" },
  // On phones the tab bar keeps to the daily four; cohorts are reached from the dashboard.
  { href: "/cohorts", label: "Cohorts", icon: "M16 19v-1a4 4 0 0 0-8 0v1M12 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6M20 19v-1a3 3 0 0 0-2-2.8M4 19v-1a3 3 0 0 1 2-2.8", phone: false },
];
const TEACH_ITEM: NavItem = { href: "/teach", label: "Teach", icon: "M3 7l9-4 9 4-9 4zM7 9v5c0 1.5 2.5 3 5 3s5-1.5 5-3V9" };

function Icon({ d }: { d: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d={d} />
    </svg>
  );
}

/**
 * Top bar on wide screens; on phones the main areas move to a bottom tab bar
 * within thumb reach. `user` is null on statically rendered pages, which pass
 * the account links they read in the browser as `account` (so pages that know
 * the user do not ship that code).
 */
export function AppNav({ user, account = null }: { user: CurrentUser | null; account?: ReactNode }) {
  const items = user && canTeach(user.role) ? [...LEARNER_ITEMS, TEACH_ITEM] : LEARNER_ITEMS;
  return (
    <>
      <header className="sticky top-0 z-30 border-b border-stone-200 bg-stone-50/90 backdrop-blur dark:border-stone-800 dark:bg-stone-950/90">
        <div className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-4 px-4">
          <Logo href={user ? "/dashboard" : "/"} />
          <nav aria-label="Main" className="hidden md:block">
            <ul className="flex items-center gap-1">
              {items.map((item) => (
                <li key={item.href}>
                  <NavLink
                    href={item.href}
                    className="rounded-md px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-200/70 aria-[current=page]:bg-brand-100 aria-[current=page]:text-brand-800 dark:text-stone-300 dark:hover:bg-stone-800 dark:aria-[current=page]:bg-brand-900 dark:aria-[current=page]:text-brand-100"
                  >
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="flex items-center gap-1">
            {user ? (
              <>
                <NotificationBell userId={user.id} />
                <NavLink
                  href="/settings"
                  className="rounded-md px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-200/70 aria-[current=page]:text-brand-700 dark:text-stone-300 dark:hover:bg-stone-800 dark:aria-[current=page]:text-brand-300"
                >
                  Settings
                </NavLink>
                <SignOutButton />
              </>
            ) : (
              account
            )}
          </div>
        </div>
      </header>
      <nav
        aria-label="Main (mobile)"
        className="fixed inset-x-0 bottom-0 z-30 border-t border-stone-200 bg-stone-50/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:hidden dark:border-stone-800 dark:bg-stone-950/95"
      >
        <ul className="mx-auto flex max-w-md">
          {items.filter((item) => item.phone !== false).map((item) => (
            <li key={item.href} className="flex-1">
              <NavLink
                href={item.href}
                className="flex min-h-14 flex-col items-center justify-center gap-0.5 text-xs font-medium text-stone-600 aria-[current=page]:text-brand-700 dark:text-stone-400 dark:aria-[current=page]:text-brand-300"
              >
                <Icon d={item.icon} />
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
