// The explorer page (index.html) and the offline query editor (graphiql.html), built into
// web/dist and served by the API server at / and /graphiql.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // React's automatic runtime for the GraphiQL page; no React plugin needed for a static build.
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { main: 'index.html', graphiql: 'graphiql.html' },
      // GraphiQL's React libraries mark modules "use client", which means nothing in a static bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
