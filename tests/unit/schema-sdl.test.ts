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

describe('every part of the schema is described', () => {
  it('types, fields, arguments, input fields and enum values each carry a description', async () => {
    const { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, isScalarType, isSpecifiedScalarType, isIntrospectionType } = await import('graphql');
    const schema = await buildApiSchema();
    const missing: string[] = [];
    const need = (where: string, description: string | null | undefined) => {
      if (!description?.trim()) missing.push(where);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
      need(type.name, type.description);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          need(`${type.name}.${field.name}`, field.description);
          for (const arg of field.args) need(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) need(`${type.name}.${field.name}`, field.description);
      } else if (isEnumType(type)) {
        for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description);
      } else if (isUnionType(type)) {
        // A union's members are described on their own types.
      }
    }
    expect(missing).toEqual([]);
  });

  it('spells "anomalies" right', () => {
    expect(readFileSync(sdlPath, 'utf8')).not.toMatch(/anomalys/i);
  });
});
