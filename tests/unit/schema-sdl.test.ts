import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildApiSchema, printApiSchema } from '../../src/api/schema.js';
import { sdlPath } from '../../src/api/sdl-file.js';

describe('schema/schema.graphql', () => {
  it('is exactly the SDL the resolvers print (run `npm run print-schema` after changing the API)', async () => {
    const printed = printApiSchema(await buildApiSchema());
    expect(readFileSync(sdlPath, 'utf8')).toBe(printed);
  });
});
