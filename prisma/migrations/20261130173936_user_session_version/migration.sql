-- Revocable sessions: every session cookie carries the version it was issued under; signing out,
-- a password change and deactivation add one, which ends every older session.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
