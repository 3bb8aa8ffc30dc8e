// The explorer page, built into web/dist and served by the API server at /.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
