// The printed SDL lives in schema/schema.graphql, checked in so reviewers see API changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { projectRoot } from '../config.js';
import { printApiSchema } from './schema.js';

export const sdlPath = join(projectRoot, 'schema', 'schema.graphql');

/** Writes the SDL when it differs from the file; returns true when it wrote. */
export function writeSdlIfChanged(schema: GraphQLSchema): boolean {
  const sdl = printApiSchema(schema);
  let current = '';
  try {
    current = readFileSync(sdlPath, 'utf8');
  } catch {
    // missing file: write it
  }
  if (current === sdl) return false;
  writeFileSync(sdlPath, sdl);
  return true;
}
