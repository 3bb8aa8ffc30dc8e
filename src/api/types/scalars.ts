// Decimal // 金额: money in 万元 as an exact decimal string ("1234.50", "10.504"), never a float.
// Internally amounts are integer fen (0.01 yuan = 0.000001 万元), so every digit is exact.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { formatWan, parseDecimalWan } from '../../model/money.js';

function toFen(value: unknown): bigint {
  const fen = typeof value === 'string' ? parseDecimalWan(value) : null;
  if (fen !== null) return fen;
  throw new GraphQLError(`Decimal expects a string amount in 万元 with at most 6 decimals, e.g. "1590.00"; got ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

export const DecimalScalar = new GraphQLScalarType<bigint, string>({
  name: 'Decimal',
  description:
    'Money in 万元 (ten thousand yuan) as an exact decimal string, e.g. "1590.00". At least two decimals, up to six (0.000001 万元 = 0.01 yuan); never rounded, never a float. Add amounts with a decimal library, not with floating point.',
  serialize(value) {
    if (typeof value === 'bigint') return formatWan(value);
    throw new GraphQLError('internal: Decimal fields must hold integer fen');
  },
  parseValue: toFen,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return toFen(ast.value);
    throw new GraphQLError('Decimal literals are strings, e.g. "1590.00"', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});
