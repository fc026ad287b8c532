-- AlterEnum
ALTER TYPE "ReferralUrgency" ADD VALUE 'emergency';

-- CreateTable
CREATE TABLE "StoredStatusRules" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StoredStatusRules_pkey" PRIMARY KEY ("id")
);
