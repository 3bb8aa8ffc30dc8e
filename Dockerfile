# The service image (Neo4j runs in its own container; see docker-compose.yml). Three stages, so the
# image carries what runs and nothing that builds:
#   build — every dependency (Vite, React, GraphiQL for the pages; esbuild for the server), the
#           TypeScript sources; compiles the server to dist/, the explorer to web/dist, and writes
#           the loader's fingerprint (the sources it hashes are not in the image);
#   deps  — a production install of node_modules, install scripts skipped (no dependency of the
#           runtime needs one; ours would compile and build again);
#   image — Node, poppler (the printed-page route and OCR render pages with pdftoppm) and
#           tesseract with its Chinese model (scanned pages of an ingested PDF), the compiled
#           server, the pages, the Cypher statements and the query examples. No sources, no
#           compiler, no dev dependency, no documents: data/ is mounted (docker-compose.yml) or
#           posted to /ingest.
# tests/unit/dockerfile.test.ts reads this file and runs the image's file list as a server.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY loaders ./loaders
COPY cypher ./cypher
COPY web ./web
RUN node scripts/build-server.mjs && node scripts/build-web.mjs && node scripts/write-loader-fingerprint.mjs

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:24-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends poppler-utils tesseract-ocr tesseract-ocr-chi-sim \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY cypher ./cypher
# The query editor's examples and the statements warmed at start.
COPY docs/queries ./docs/queries
RUN mkdir -p /app/data /app/.data && chown node:node /app/data /app/.data
USER node
VOLUME ["/app/data"]
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD node -e "fetch('http://127.0.0.1:4000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--max-old-space-size=768", "dist/src/main.js"]
