# The service image (Neo4j runs in its own container; see docker-compose.yml). Production
# install: no dev dependencies; the postinstall compiles the server and builds the explorer.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY src ./src
COPY loaders ./loaders
COPY cypher ./cypher
COPY web ./web
COPY neo4j ./neo4j
COPY data ./data
# The query editor reads its examples from docs/queries/queries.json.
COPY docs/queries ./docs/queries
COPY tsconfig.json ./
# No Maven in this image: the embedded-Neo4j launcher is not built (NEO4J_URI is always set here).
RUN BUDGET_GRAPH_SKIP_LAUNCHER_BUILD=1 npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD node -e "fetch('http://127.0.0.1:4000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--max-old-space-size=768", "dist/src/main.js"]
