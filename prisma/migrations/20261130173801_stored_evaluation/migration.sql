-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "evaluation" JSON,
ADD COLUMN     "rulesVersion" INTEGER;
