import Link from "next/link";
import type { Role } from "@/lib/auth/actor";
import { NavLinks } from "./NavLinks";
import { PatientSearch } from "./PatientSearch";
import { SignOutButton } from "./SignOutButton";

const ROLE_LABELS: Record<Role, string> = { clinician: "Clinician", admin: "Administrator" };

export function AppHeader({ name, role, clinicName }: { name: string; role: Role; clinicName: string }) {
  return (
    <header className="shell-header">
      <div className="shell-header-inner">
        <Link href="/" className="brand">
          <svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M8.5 2C6.6 2 5.5 4 5.5 6.5c0 2.3.9 4.1.9 6 0 1.3-.4 2.6-.4 3.9 0 1.9 1.2 3.1 2.8 3.1s2.7-1.3 2.7-3.4c0-2.6-1.5-4.6-1.5-7.3C10 5.9 10.6 2 8.5 2Zm7 6c-1.5 0-2.3 1.5-2.3 3.4 0 1.7.7 3 .7 4.5 0 1-.3 2-.3 3 0 1.5.9 2.4 2.1 2.4 1.3 0 2.1-1 2.1-2.6 0-2-1.2-3.5-1.2-5.6 0-2.1.6-5.1-1.1-5.1Z"
            />
          </svg>
          Stride
        </Link>
        <NavLinks role={role} />
        <PatientSearch />
        <div className="user-area">
          <div className="user-info" data-testid="signed-in-user">
            <span className="user-name">{name}</span>
            <span className="user-meta">
              {ROLE_LABELS[role]} · {clinicName}
            </span>
          </div>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
