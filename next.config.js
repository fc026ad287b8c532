// Next.js configuration (ESM: package.json has "type": "module").
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The build type-checks what it ships (app, components, lib); tests and scripts are checked by
  // `npm run typecheck`, so a typo in a test can never stop a clinic's `npm start`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  reactStrictMode: true,
  // `next dev` only serves its scripts to localhost by default; tests and docs use 127.0.0.1.
  allowedDevOrigins: ["127.0.0.1"],
  // Server-only packages with native code, WASM or runtime file lookups: load them from
  // node_modules at run time instead of bundling them.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@prisma/schema-engine-wasm",
    "@prisma/adapter-pg",
    "@node-rs/argon2",
    "pg",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          // Patient ids are in URLs: never send the path to another site.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
