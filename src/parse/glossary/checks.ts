// See index.ts: the glossary's words printed in checks.
export {};
