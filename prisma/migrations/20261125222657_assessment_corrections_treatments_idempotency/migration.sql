-- CreateEnum
CREATE TYPE "TreatmentKind" AS ENUM ('orthoses', 'stretching', 'strengthening', 'footwear_change', 'injection', 'shockwave', 'night_splint', 'other');

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "amendReason" TEXT,
ADD COLUMN     "amendedAt" TIMESTAMPTZ(3),
ADD COLUMN     "amendedById" UUID,
ADD COLUMN     "deleteReason" TEXT,
ADD COLUMN     "deletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "deletedById" UUID;

-- CreateTable
CREATE TABLE "TreatmentEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinicId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "kind" "TreatmentKind" NOT NULL,
    "text" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "TreatmentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinicId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TreatmentEvent_clinicId_patientId_occurredAt_idx" ON "TreatmentEvent"("clinicId", "patientId", "occurredAt");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyKey_clinicId_userId_key_key" ON "IdempotencyKey"("clinicId", "userId", "key");

-- AddForeignKey
ALTER TABLE "TreatmentEvent" ADD CONSTRAINT "TreatmentEvent_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentEvent" ADD CONSTRAINT "TreatmentEvent_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
