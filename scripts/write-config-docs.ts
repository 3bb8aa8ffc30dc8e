// npm run docs:config: rewrites README.md's configuration tables from src/environment.ts.
import { writeFileSync } from 'node:fs';
import { readmePath, readmeWithTables } from './config-docs.js';

writeFileSync(readmePath, readmeWithTables());
console.log('wrote the configuration tables of README.md');
