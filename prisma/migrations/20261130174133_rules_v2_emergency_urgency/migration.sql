-- AlterEnum
ALTER TYPE "ReferralUrgency" ADD VALUE 'emergency';
