import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

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
];

export default config;
