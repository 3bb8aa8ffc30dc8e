// The glossary of the documents' words: every Chinese label, title, family name and basis marker a
// reader keys on, each with the variants that mean it. Readers import names from here, never write
// a Chinese pattern of their own (tests/unit/glossary-only.test.ts counts them). One glossary, filed
// by where the words are printed:
//   tables.ts — table titles, column labels, the standard disclosure sets;
//   forms.ts  — project, task, indicator and investment forms, the cover and title lines;
//   prose.ts  — the sentences of the 说明 (amounts, shares, changes, comparisons);
//   checks.ts — the words the checks compare (format, completeness, consistency).
export * from './tables.js';
export * from './forms.js';
export * from './prose.js';
export * from './checks.js';
