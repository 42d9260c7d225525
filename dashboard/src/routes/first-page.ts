/**
 * The modules the router loads lazily to draw the first page: the shell and the overview at `/` for a
 * signed-in reader, and the sign-in form for anyone else. vite.config.ts preloads the overview's from
 * index.html (so they arrive with the entry, not after it has run), and e2e/first-page-js.ts measures both.
 */
export const FIRST_PAGES = {
  overview: ["src/shell/app-shell.tsx", "src/pages/overview/overview-page.tsx"],
  "sign-in": ["src/shell/app-shell.tsx", "src/pages/overview/overview-page.tsx", "src/shell/sign-in.tsx"],
} as const;
