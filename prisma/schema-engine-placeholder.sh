#!/bin/sh
# Stand-in for Prisma's native schema engine, which the CLI would download (we are often offline).
# `prisma generate` only checks that the binary exists; migrations use @prisma/schema-engine-wasm
# (see lib/db/migrate.ts), never this file.
echo "Stride: the native Prisma schema engine is not installed; use 'npm run cli -- db migrate'." >&2
exit 1
