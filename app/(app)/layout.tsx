// The signed-in shell: header with navigation, who is signed in, and sign-out.
import type { ReactNode } from "react";
import { requireActor } from "@/lib/auth/session";
import { AppHeader } from "@/components/shell/AppHeader";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return (
    <>
      <AppHeader name={actor.name} role={actor.role} clinicName={actor.clinicName} />
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
