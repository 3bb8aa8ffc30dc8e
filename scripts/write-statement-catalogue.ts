// npm run statements: rewrites src/db/statements.generated.ts from cypher/*.cypher.
import { writeFileSync } from 'node:fs';
import { cataloguePath, catalogue, renderCatalogue } from './statement-catalogue.js';

const entries = catalogue();
writeFileSync(cataloguePath, renderCatalogue(entries));
console.log(`wrote src/db/statements.generated.ts (${entries.filter((e) => e.kind === 'statement').length} statements)`);
