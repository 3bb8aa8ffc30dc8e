// What a normalising client (Relay, Apollo) and a codegen user rely on (#42 item 3): a global id's
// prefix is its object's __typename, old code ids are still taken as input, and every list filter
// of the schema follows one naming rule, "<field>In", the older names kept but deprecated.
import { getNullableType, isInputObjectType, isListType, isObjectType, type GraphQLArgument, type GraphQLInputField } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../src/api/schema.js';
import { codeGlobalId, globalId, splitGlobalId } from '../../src/model/ids.js';
import { eitherName, renameFilterFields, whereOf } from '../../src/query/filters.js';
import { graphNode, parseGlobalId } from '../../src/query/graph-nodes.js';

describe('global ids', () => {
  it('of a classification code start with its GraphQL type, ClassificationCode, and name the scheme after it', () => {
    expect(codeGlobalId('FunctionCode:2010504')).toBe('ClassificationCode:FunctionCode:2010504');
    expect(splitGlobalId('ClassificationCode:FunctionCode:2010504')).toEqual({ kind: 'FunctionCode', key: '2010504' });
    expect(splitGlobalId('ClassificationCode:EconomicCode:30101')).toEqual({ kind: 'EconomicCode', key: '30101' });
    expect(splitGlobalId('ClassificationCode:Project:x')).toBeNull();
    expect(globalId('Project', '龙岗区政务服务数据管理局|政务系统管理')).toBe('Project:龙岗区政务服务数据管理局|政务系统管理');
  });

  it('of the graph view are the same ids, and the old "FunctionCode:…" form is still taken as input', () => {
    const code = graphNode({ elementId: '4:x:1', labels: ['Code', 'FunctionCode'], props: { key: 'FunctionCode:2010504', code: '2010504', name: '信息事务' } });
    expect(code.id).toBe('ClassificationCode:FunctionCode:2010504');
    expect(code.kind).toBe('FunctionCode');
    for (const id of ['ClassificationCode:FunctionCode:2010504', 'FunctionCode:2010504']) expect(parseGlobalId(id)).toEqual({ label: 'Code', key: 'FunctionCode:2010504' });
    expect(splitGlobalId('FunctionCode:2010504')).toEqual({ kind: 'FunctionCode', key: '2010504' });
    expect(() => parseGlobalId('ClassificationCode:2010504')).toThrow(/not a node id/);
  });
});

/** Lists that are not filters: sort keys, dimensions, ids, and the and / or of a filter. */
const NOT_FILTERS = new Set(['orderBy', 'groupBy', 'ids', 'and', 'or']);

describe('list filters', () => {
  it('are named <field>In everywhere; any other name is deprecated and has an <field>In beside it', async () => {
    const schema = await buildApiSchema();
    const off: string[] = [];
    const check = (where: string, inputs: readonly (GraphQLArgument | GraphQLInputField)[]) => {
      for (const f of inputs) {
        if (!isListType(getNullableType(f.type)) || NOT_FILTERS.has(f.name) || /^[a-z][A-Za-z]*In$/.test(f.name)) continue;
        if (!f.deprecationReason) off.push(`${where}.${f.name}`);
        else if (!f.deprecationReason.match(/Use (\w+In)\b/) || !inputs.some((g) => g.name === f.deprecationReason!.match(/Use (\w+In)\b/)![1])) off.push(`${where}.${f.name} (no <field>In beside it)`);
      }
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isInputObjectType(type)) check(type.name, Object.values(type.getFields()));
      if (isObjectType(type)) for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.args);
    }
    expect(off).toEqual([]);
  });

  it('take the old name as the new one, and refuse both at once', () => {
    const renames = { yearIn: 'years' };
    expect(renameFilterFields({ yearIn: [2024], or: [{ yearIn: [2020] }, { not: { yearIn: [2021] } }] }, renames)).toEqual({ years: [2024], or: [{ years: [2020] }, { not: { years: [2021] } }] });
    expect(renameFilterFields({ years: [2024] }, renames)).toEqual({ years: [2024] });
    expect(() => renameFilterFields({ and: [{ yearIn: [2024], years: [2020] }] }, renames)).toThrow(/years is the old name of yearIn/);
    expect(() => renameFilterFields({ years: [2020], yearIn: [2024] }, renames)).toThrow(/years is the old name of yearIn/);
    expect(eitherName([2024], undefined, 'yearIn', 'years', 'yearIn')).toEqual([2024]);
    expect(eitherName(null, [2020], 'yearIn', 'years', 'yearIn')).toEqual([2020]);
    expect(() => eitherName([2024], [2020], 'yearIn', 'years', 'yearIn')).toThrow(/give yearIn only/);
    // Renamed, the tree is what the statement's field table reads.
    expect(whereOf(renameFilterFields({ yearIn: [2024] }, renames), { years: { atom: 'yearIn', value: 'ints' } })).toHaveLength(1);
  });
});
