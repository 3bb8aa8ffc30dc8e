// Imported first by src/main.ts, before graphql loads: the server runs in production mode unless
// told otherwise. graphql-js then skips its development-only realm checks on every value, and
// stack traces skip source-map translation (the Neo4j driver captures one per query result).
process.env.NODE_ENV ??= 'production';
if (process.env.NODE_ENV === 'production') process.setSourceMapsEnabled(false);
