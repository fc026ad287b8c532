-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "diagnosisBasis" TEXT,
ADD COLUMN     "differentialOther" TEXT,
ADD COLUMN     "differentialsExcluded" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "question" TEXT;
