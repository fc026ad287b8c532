// The differentials a referrer can mark as excluded (issue 19's checklist), stored with the
// referral as codes. Zod-free and server-free so the form can import it.
export const DIFFERENTIALS = ["calcaneal_stress_fracture", "nerve_entrapment", "fat_pad_syndrome", "spondyloarthropathy", "other"] as const;
export type Differential = (typeof DIFFERENTIALS)[number];

export const DIFFERENTIAL_LABELS: Record<Differential, string> = {
  calcaneal_stress_fracture: "Calcaneal stress fracture",
  nerve_entrapment: "Nerve entrapment / S1 radiculopathy",
  fat_pad_syndrome: "Fat-pad syndrome",
  spondyloarthropathy: "Spondyloarthropathy",
  other: "Other",
};

export function isDifferential(value: string): value is Differential {
  return (DIFFERENTIALS as readonly string[]).includes(value);
}
