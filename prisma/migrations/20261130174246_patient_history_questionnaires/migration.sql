-- CreateEnum
CREATE TYPE "TreatmentResponse" AS ENUM ('better', 'same', 'worse');

-- CreateEnum
CREATE TYPE "Footwear" AS ENUM ('supportive', 'minimal', 'high_heel', 'work_boots', 'mixed');

-- CreateEnum
CREATE TYPE "PainBeforeHeel" AS ENUM ('yes', 'no', 'unknown');

-- CreateEnum
CREATE TYPE "InvestigationKind" AS ENUM ('xray', 'ultrasound', 'mri', 'ct', 'bone_scan', 'blood_test', 'nerve_conduction', 'other');

-- CreateEnum
CREATE TYPE "QuestionnaireInstrument" AS ENUM ('faam_adl', 'faam_sports', 'lefs', 'psfs');

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "footwear" "Footwear";

-- AlterTable
ALTER TABLE "TreatmentEvent" ADD COLUMN     "dose" TEXT,
ADD COLUMN     "endedAt" TIMESTAMPTZ(3),
ADD COLUMN     "injectionAgent" TEXT,
ADD COLUMN     "injectionCount" INTEGER,
ADD COLUMN     "response" "TreatmentResponse",
ADD COLUMN     "reviewedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "PatientHistory" (
    "patientId" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "heelPainOnsetLeft" DATE,
    "heelPainOnsetRight" DATE,
    "hipPainBeforeHeel" "PainBeforeHeel" NOT NULL DEFAULT 'unknown',
    "hipPainOnset" DATE,
    "hipPainSide" "DiagnosisSide",
    "backPainBeforeHeel" "PainBeforeHeel" NOT NULL DEFAULT 'unknown',
    "backPainOnset" DATE,
    "diabetes" BOOLEAN,
    "inflammatoryArthritis" BOOLEAN,
    "neuropathy" BOOLEAN,
    "otherComorbidity" TEXT,
    "medications" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" UUID NOT NULL,

    CONSTRAINT "PatientHistory_pkey" PRIMARY KEY ("patientId")
);

-- CreateTable
CREATE TABLE "PatientInvestigation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinicId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "kind" "InvestigationKind" NOT NULL,
    "finding" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientInvestigation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionnaireResponse" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clinicId" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "instrument" "QuestionnaireInstrument" NOT NULL,
    "answers" JSONB NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "QuestionnaireResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PatientHistory_clinicId_patientId_idx" ON "PatientHistory"("clinicId", "patientId");

-- CreateIndex
CREATE INDEX "PatientInvestigation_clinicId_patientId_date_idx" ON "PatientInvestigation"("clinicId", "patientId", "date");

-- CreateIndex
CREATE INDEX "QuestionnaireResponse_clinicId_assessmentId_idx" ON "QuestionnaireResponse"("clinicId", "assessmentId");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireResponse_assessmentId_instrument_key" ON "QuestionnaireResponse"("assessmentId", "instrument");

-- AddForeignKey
ALTER TABLE "PatientHistory" ADD CONSTRAINT "PatientHistory_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientHistory" ADD CONSTRAINT "PatientHistory_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientInvestigation" ADD CONSTRAINT "PatientInvestigation_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientInvestigation" ADD CONSTRAINT "PatientInvestigation_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireResponse" ADD CONSTRAINT "QuestionnaireResponse_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionnaireResponse" ADD CONSTRAINT "QuestionnaireResponse_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
