import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const restrict = (...patterns) => ["error", { patterns }];

/** Pages and components read through the tRPC caller; their types come from the router. */
const noServerInternals = [
  {
    group: ["@/server/services/**", "**/server/services/**"],
    message: "Read through the tRPC caller (getCaller / useTRPC); take types from RouterOutputs in components/api-types.ts.",
  },
  {
    group: ["@/server/db", "@/server/db-adapter", "@/server/dbDriver", "**/server/db", "**/server/db-adapter", "**/server/dbDriver"],
    message: "No database in app/ or components/: call a procedure; types from RouterOutputs (components/api-types.ts).",
  },
  {
    group: ["@/server/generated/**", "**/server/generated/**"],
    message: "The Prisma client is the server's: take types from RouterOutputs (components/api-types.ts) or server/schemas.",
  },
];
/** Services, authorization, sessions, email and schemas sit under the API: it calls them, never the other way. */
const noApi = {
  group: ["@/server/api/**", "**/server/api/**", "../api/**", "../../api/**"],
  message: "The API layer calls services, never the other way: move what both need into server/schemas, server/authz or the service.",
};

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "server/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      // The outbox's email templates are HTML documents, not pages of the app.
      "@next/next/no-head-element": "off",
    },
  },
  {
    files: ["server/email/templates.tsx"],
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  // ------------------------------------------------------------------------------------------- architecture
  {
    // Route handlers (app/api) are server entry points: they open the database like the tRPC handler does.
    files: ["app/**", "components/**"],
    ignores: ["app/api/**"],
    rules: { "no-restricted-imports": restrict(...noServerInternals) },
  },
  {
    // The two audiences share UI through neutral folders (components/records, components/addresses, ...), never
    // through each other's: a storefront component changed for customers must not change the back office.
    files: ["app/(admin)/**", "components/admin/**"],
    ignores: ["app/api/**"],
    rules: {
      "no-restricted-imports": restrict(...noServerInternals, {
        group: ["@/components/account/**", "**/components/account/**"],
        message:
          "The back office does not import the storefront's components: move what both use to a neutral folder (components/records, ...).",
      }),
    },
  },
  {
    files: ["app/(storefront)/**", "components/account/**"],
    rules: {
      "no-restricted-imports": restrict(...noServerInternals, {
        group: ["@/components/admin/**", "**/components/admin/**"],
        message:
          "The storefront does not import the back office's components: move what both use to a neutral folder (components/records, ...).",
      }),
    },
  },
  {
    files: ["server/services/**", "server/authz/**", "server/auth/**", "server/email/**"],
    // Tests may drive a service through the API it serves.
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": restrict(noApi) },
  },
  {
    files: ["server/schemas/**"],
    rules: {
      "no-restricted-imports": restrict(noApi, {
        group: [
          "@/server/services/**",
          "**/server/services/**",
          "../services/**",
          "@/server/db",
          "../db",
          "@/server/generated/**",
          "../generated/**",
        ],
        message: "Schemas are isomorphic (pages and the browser import them): no services, no database.",
      }),
    },
  },
  {
    files: ["**/*.{ts,tsx,mts,mjs}"],
    // Without it the plugin parses dependencies' bundles too (pglite's overflows the stack).
    settings: { "import/ignore": ["node_modules", "server/generated"] },
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "max-lines": ["error", { max: 300 }],
    },
  },
  // Data, not logic: the demo companies' records.
  { files: ["server/seed/demo.ts"], rules: { "max-lines": "off" } },
];

export default config;
