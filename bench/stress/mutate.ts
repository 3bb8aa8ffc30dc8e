// Mutations of real documents for the parser fuzz: what PDF extraction, editing and hostile
// uploads do to a text — lines lost, doubled, swapped, cut; cells merged or split; numbers
// garbled; control characters, huge lines, a different encoding's debris.
import { Random } from '../corpus/random.js';

const GARBAGE = ['∞', '1e999', 'NaN', '(12.00)', '1.2.3', '0x1F', '99999999999999999999999999.99', '-', '—', '，', '<<<<', '\u0000', '\u0007', '\uFFFD', '年', '合计', '表三', '单位：万元', '\t\t\t', '  ', '科目编码', '2010504', '%'];

export const MUTATIONS = [
  'deleteLine',
  'duplicateLine',
  'swapLines',
  'truncate',
  'insertGarbage',
  'replaceNumber',
  'tabsToSpaces',
  'joinLines',
  'splitLine',
  'longLine',
  'shuffleBlock',
  'dropTitle',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

export function mutate(text: string, rnd: Random): { text: string; applied: Mutation[] } {
  let lines = text.split('\n');
  const applied: Mutation[] = [];
  const rounds = rnd.int(1, 4);
  for (let r = 0; r < rounds; r++) {
    const m = rnd.pick(MUTATIONS);
    applied.push(m);
    const i = rnd.int(0, Math.max(0, lines.length - 1));
    switch (m) {
      case 'deleteLine':
        lines.splice(i, rnd.int(1, 5));
        break;
      case 'duplicateLine':
        lines.splice(i, 0, ...lines.slice(i, i + rnd.int(1, 5)));
        break;
      case 'swapLines': {
        const j = rnd.int(0, lines.length - 1);
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        break;
      }
      case 'truncate':
        lines = lines.slice(0, i + 1);
        break;
      case 'insertGarbage': {
        const line = lines[i] ?? '';
        const at = rnd.int(0, line.length);
        lines[i] = line.slice(0, at) + rnd.pick(GARBAGE) + line.slice(at);
        break;
      }
      case 'replaceNumber':
        lines[i] = (lines[i] ?? '').replace(/\d[\d,.]*/, () => rnd.pick(GARBAGE));
        break;
      case 'tabsToSpaces':
        lines[i] = (lines[i] ?? '').replace(/\t/g, rnd.chance(0.5) ? ' ' : '  ');
        break;
      case 'joinLines':
        lines.splice(i, 2, `${lines[i] ?? ''}${rnd.chance(0.5) ? '\t' : ''}${lines[i + 1] ?? ''}`);
        break;
      case 'splitLine': {
        const line = lines[i] ?? '';
        const at = rnd.int(0, line.length);
        lines.splice(i, 1, line.slice(0, at), line.slice(at));
        break;
      }
      case 'longLine':
        lines.splice(i, 0, rnd.pick([' ', '1', '<', '（', '费', '\t']).repeat(rnd.int(1_000, 100_000)) + 'x');
        break;
      case 'shuffleBlock': {
        const block = lines.splice(i, rnd.int(2, 30));
        lines.splice(rnd.int(0, lines.length), 0, ...block.reverse());
        break;
      }
      case 'dropTitle':
        lines = lines.slice(rnd.int(1, 10));
        break;
    }
  }
  return { text: lines.join('\n'), applied };
}
