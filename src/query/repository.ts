// Read side of the graph: every query the API answers, by name, with typed results.
// Resolvers call this (or a per-request DataLoader built on it); nothing else reads Neo4j.
import type { QueryRunner } from '../db/run.js';

export interface ServerVersion {
  version: string;
  edition: string;
}

export class Repository {
  constructor(private readonly runner: QueryRunner) {}

  async serverVersion(): Promise<ServerVersion> {
    const res = await this.runner.read('server-version');
    const rec = res.records.find((r) => r.get('name') === 'Neo4j Kernel') ?? res.records[0];
    return { version: String(rec?.get('version') ?? 'unknown'), edition: String(rec?.get('edition') ?? 'unknown') };
  }

  async documentCount(): Promise<number> {
    const res = await this.runner.read('document-count');
    return Number(res.records[0]?.get('documents') ?? 0);
  }
}
