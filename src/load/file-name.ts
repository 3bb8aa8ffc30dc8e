// A document's file name becomes its id and is shown wherever the document is (API answers, the
// explorer, logs, run reports): it must read as what it is. A right-to-left override (U+202E)
// makes "report<U+202E>txt.exe" display as "reportexe.txt"; zero-width and other invisible
// characters make two names that look the same name two documents; control characters rewrite a
// terminal or a log line. Such names were accepted (issue 35); they are refused now, with the
// character and where it is, by the API's ingest, `npm run load` and the start-up load of a folder.
import { BudgetGraphError } from '../errors.js';

/** The bidirectional controls (Unicode's Bidi_Control property): they reorder what follows them. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * Characters that show nothing or act on what is around them: controls (Cc), format characters
 * (Cf: zero-width space, joiners, U+FEFF, soft hyphen, tags …), line and paragraph separators,
 * lone surrogates, and the blanks that Unicode classes as letters or marks (Hangul fillers,
 * variation selectors, the Mongolian vowel separator).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u180E\u3164\uFFA0\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;

/** Names of the characters an attacker reaches for first, so the refusal says which one it was. */
const NAMES: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BOM)',
};

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** What one character is, in words: "U+202E (RIGHT-TO-LEFT OVERRIDE, a bidirectional control)". */
function describe(char: string): string {
  const code = char.codePointAt(0)!;
  const kind = BIDI_CONTROL.test(char) ? 'a bidirectional control' : /\p{Cc}/u.test(char) ? 'a control character' : /\p{Cs}/u.test(char) ? 'a lone surrogate, half of a character' : 'an invisible or format character';
  return `${hex(code)} (${NAMES[code] ? `${NAMES[code]}, ` : ''}${kind})`;
}

const refused = (char: string) => BIDI_CONTROL.test(char) || INVISIBLE.test(char);

/** The name with every refused character written as \u{…}, safe to print anywhere. */
export function visibleName(name: string): string {
  return [...name].map((c) => (refused(c) ? `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}` : c)).join('');
}

/** The first refused character of a name and its position (1-based, in characters), or null. */
function firstRefused(name: string): { char: string; position: number } | null {
  const chars = [...name];
  const at = chars.findIndex(refused);
  return at < 0 ? null : { char: chars[at]!, position: at + 1 };
}

/** Why `name` cannot name a document (the first refused character and its position), or null. */
export function fileNameProblem(name: string): string | null {
  const found = firstRefused(name);
  if (!found) return null;
  return `the file name "${visibleName(name)}" holds ${describe(found.char)} at character ${found.position}; rename the file with visible characters only (such characters make a name display as another one)`;
}

/**
 * Refuses a file name that holds a bidirectional control, an invisible or format character or a
 * control character. BAD_DOCUMENT, so a folder load reports that file and goes on with the others;
 * `file` in the details is the name made visible, never the raw characters.
 */
export function refuseFileName(name: string): void {
  const found = firstRefused(name);
  if (!found) return;
  throw new BudgetGraphError('BAD_DOCUMENT', fileNameProblem(name)!, { file: visibleName(name), reason: 'FILE_NAME', codePoint: hex(found.char.codePointAt(0)!), position: found.position });
}
