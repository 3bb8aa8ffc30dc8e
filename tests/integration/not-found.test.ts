// What a question about something that does not exist answers (README "Errors", NOT_FOUND): a
// lookup by key — a nullable field — is null, with 200 and no error, so the rest of the request
// stands (GraphQL's and Relay's convention: node(id) is null for an unknown id); a question that
// cannot be answered at all without the thing — lineage of a project, the money trail of a
// department-year — is 404 NOT_FOUND with a sentence saying how to find what exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiFixture } from './helpers.js';

let api: ApiFixture;
beforeAll(async () => {
  api = await startApi();
}, 180_000);
afterAll(async () => api?.stop());

describe('a key nothing has', () => {
  const lookups: [string, string][] = [
    ['document', '{ document(id: "Document:no-such-file") { id } }'],
    ['document', '{ document(id: "no-such-file") { id } }'],
    ['project', '{ project(id: "Project:no-such-project") { id } }'],
    ['node', '{ node(id: "Project:no-such-project") { id } }'],
    ['classificationCode', '{ classificationCode(code: "9999999") { code } }'],
    ['investmentProject', '{ investmentProject(code: "2099-440300-00-00-000000") { code } }'],
    ['graphNode', '{ graphNode(id: "Document:no-such-file") { id } }'],
    ['neighbours', '{ neighbours(id: "Document:no-such-file") { center { id } } }'],
  ];
  for (const [field, query] of lookups) {
    it(`${query}: null, 200, no error`, async () => {
      const res = await api.gql(query);
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      expect(res.data[field]).toBeNull();
    });
  }

  it('an id of no kind the graph has is the client\'s mistake: 400 BAD_USER_INPUT naming the kinds', async () => {
    const res = await api.gql('{ node(id: "NoSuchKind:x") { id } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('nodes(ids): null in the place of each id nothing has, the others found', async () => {
    const some = (await api.gql('{ documents(first: 1) { nodes { id } } }')).data.documents.nodes[0].id as string;
    const res = await api.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['Document:no-such-file', some] });
    expect(res.status).toBe(200);
    expect(res.data.nodes).toEqual([null, { id: some }]);
  });

  it('a null lookup beside a found one leaves the found one standing', async () => {
    const res = await api.gql('{ missing: document(id: "no-such-file") { id } documents(first: 1) { totalCount } }');
    expect(res.status).toBe(200);
    expect(res.data.missing).toBeNull();
    expect(res.data.documents.totalCount).toBeGreaterThan(0);
  });
});

describe('a question that needs the thing', () => {
  const questions: [string, string][] = [
    ['lineage', '{ lineage(projectId: "Project:no-such-project") { project { id } } }'],
    ['moneyTrail', '{ moneyTrail(department: "没有这个部门", year: 2020) { table } }'],
    ['moneyTrail', '{ moneyTrail(department: "龙岗", year: 1999) { table } }'],
    ['paths', '{ paths(from: "Document:no-such-file", to: "Project:no-such-project") { length } }'],
  ];
  for (const [field, query] of questions) {
    it(`${query}: 404 NOT_FOUND saying how to find what exists`, async () => {
      const res = await api.gql(query);
      expect(res.status).toBe(404);
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((res.errors?.[0] as { path?: unknown } | undefined)?.path).toEqual([field]);
      expect(res.errors?.[0]?.message).toMatch(/search|list|find/i);
    });
  }
});
