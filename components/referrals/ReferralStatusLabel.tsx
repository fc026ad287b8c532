// Draft / Final / Superseded as words (never colour alone), with the version number.
const LABELS = { draft: "Draft", final: "Final", superseded: "Superseded" } as const;

export function ReferralStatusLabel({ status, version }: { status: keyof typeof LABELS; version: number }) {
  return (
    <span data-referral-status={status}>
      {LABELS[status]} · v{version}
    </span>
  );
}
