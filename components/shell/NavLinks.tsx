"use client";
// Main navigation. Only screens that exist are listed; Caseload, Referrals and Audit join this
// list when they are built (never link to a page that would 404).
import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [{ href: "/patients", label: "Patients" }] as const;

export function NavLinks() {
  const pathname = usePathname() ?? "";
  return (
    <nav className="main-nav" aria-label="Main">
      <ul>
        {ITEMS.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
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
