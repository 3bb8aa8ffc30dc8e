# The service image (Neo4j runs in its own container; see docker-compose.yml).
#
# Stage 1 builds the explorer pages (web/dist) with the dev dependencies (Vite, React, GraphiQL,
# cytoscape, d3), which the image never carries. Install scripts are skipped there: esbuild's only
# checks its binary, and ours would compile the server and build the launcher, not needed here.
FROM node:24-bookworm-slim AS pages
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY scripts ./scripts
COPY web ./web
# The explorer's Download CSV is the server's own writer, bundled from src/.
COPY src/csv.ts ./src/csv.ts
RUN node scripts/build-web.mjs

# Stage 2, the image: a production install (no dev dependencies); its postinstall compiles the
# server to dist/ (esbuild) and finds the pages already built (web/dist without web/ sources).
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY src ./src
COPY loaders ./loaders
COPY cypher ./cypher
COPY neo4j ./neo4j
COPY data ./data
# The query editor reads its examples from docs/queries/queries.json.
COPY docs/queries ./docs/queries
COPY tsconfig.json ./
COPY --from=pages /app/web/dist ./web/dist
# No Maven in this image: the embedded-Neo4j launcher is not built (NEO4J_URI is always set here).
RUN BUDGET_GRAPH_SKIP_LAUNCHER_BUILD=1 npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD node -e "fetch('http://127.0.0.1:4000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--max-old-space-size=768", "dist/src/main.js"]
