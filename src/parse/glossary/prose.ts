// See index.ts: the glossary's words printed in prose.
export {};
