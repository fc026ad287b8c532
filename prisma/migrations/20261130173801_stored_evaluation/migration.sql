-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "evaluation" JSONB,
ADD COLUMN     "rulesVersion" INTEGER;
