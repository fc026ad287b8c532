-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "visitChanges" JSONB;

-- CreateIndex
CREATE INDEX "Patient_clinicId_archived_status_lastAssessedAt_idx" ON "Patient"("clinicId", "archived", "status", "lastAssessedAt" DESC);
