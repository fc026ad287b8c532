"use client";
// Main navigation. Only screens that exist are listed; Referrals and Audit join this list when
// they are built (never link to a page that would 404). Caseload is the home page ("/").
import Link from "next/link";
import { usePathname } from "next/navigation";

import type { Role } from "@/lib/auth/actor";

// Admin screens only for admins: for anyone else they are not-found pages.
const ITEMS: readonly { href: string; label: string; adminOnly?: boolean }[] = [
  { href: "/", label: "Caseload" },
  { href: "/patients", label: "Patients" },
  { href: "/admin/users", label: "Users", adminOnly: true },
  { href: "/admin/audit", label: "Audit", adminOnly: true },
  { href: "/profile", label: "Profile" },
];

export function NavLinks({ role = "clinician" }: { role?: Role }) {
  const pathname = usePathname() ?? "";
  return (
    <nav className="main-nav" aria-label="Main">
      <ul>
        {ITEMS.filter((item) => !item.adminOnly || role === "admin").map((item) => {
          // "/" is a prefix of every path: the home item is current only on the home page itself.
          const active = pathname === item.href || (item.href !== "/" && pathname.startsWith(`${item.href}/`));
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={active ? "page" : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
