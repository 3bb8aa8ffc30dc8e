// Development entry of the parse worker: when the server runs from TypeScript (tsx, vitest),
// the worker thread needs tsx's loader too. Compiled builds start parse-worker.js directly.
import { tsImport } from 'tsx/esm/api';

await tsImport('./parse-worker.ts', import.meta.url);
