// Personal data (个人信息) as the documents print it: the labels whose value is a person or a way to
// reach one, and the shapes of values that are personal without any label. Declared once here;
// personal-data.ts matches them (spaces inside a label, a qualifier, a colon or none, a value in
// the same cell, the next cell or the column below) and layout.ts drops the lines they open.
//
// A label is what a form prints before its value ("项目负责人：", "联系电话（座机）", a cell "填报人").
// Its value kind says what the value looks like, which matters where nothing separates the two
// ("电话28336292" is a number after its label; "联系人民群众" is not a name after 联系人).

/** What a label's value is. */
export type PersonalValueKind =
  /** 姓名: a person's name (or several, 、-separated). */
  | 'NAME'
  /** 电话: a telephone, mobile or fax number. */
  | 'TELEPHONE'
  /** 电子邮箱: an e-mail address. */
  | 'EMAIL'
  /** 身份证号: a national ID number. */
  | 'ID_NUMBER'
  /** 联系方式: any way to reach a person (a number or an address). */
  | 'CONTACT';

export interface PersonalLabel {
  /** As printed, without spaces (a document may print "联 系 人"). */
  term: string;
  english: string;
  value: PersonalValueKind;
}

/** Every label whose value is personal. Longer terms win where one contains another (项目负责人 over 负责人). */
export const PERSONAL_LABELS: readonly PersonalLabel[] = [
  { term: '填报人', english: 'person who filled in the form', value: 'NAME' },
  { term: '填表人', english: 'person who filled in the form', value: 'NAME' },
  { term: '制表人', english: 'person who drew up the table', value: 'NAME' },
  { term: '联系人', english: 'contact person', value: 'NAME' },
  { term: '经办人', english: 'person handling the matter', value: 'NAME' },
  { term: '经办人员', english: 'person handling the matter', value: 'NAME' },
  { term: '负责人', english: 'person in charge', value: 'NAME' },
  { term: '项目负责人', english: 'project lead', value: 'NAME' },
  { term: '单位负责人', english: 'head of the unit', value: 'NAME' },
  { term: '部门负责人', english: 'head of the department', value: 'NAME' },
  { term: '财务负责人', english: 'head of finance', value: 'NAME' },
  { term: '审核人', english: 'reviewer', value: 'NAME' },
  { term: '联系电话', english: 'telephone', value: 'TELEPHONE' },
  { term: '电话', english: 'telephone', value: 'TELEPHONE' },
  { term: '电话号码', english: 'telephone number', value: 'TELEPHONE' },
  { term: '办公电话', english: 'office telephone', value: 'TELEPHONE' },
  { term: '固定电话', english: 'landline', value: 'TELEPHONE' },
  { term: '座机', english: 'landline', value: 'TELEPHONE' },
  { term: '手机', english: 'mobile', value: 'TELEPHONE' },
  { term: '手机号', english: 'mobile number', value: 'TELEPHONE' },
  { term: '手机号码', english: 'mobile number', value: 'TELEPHONE' },
  { term: '移动电话', english: 'mobile', value: 'TELEPHONE' },
  { term: '传真', english: 'fax', value: 'TELEPHONE' },
  { term: '联系方式', english: 'contact details', value: 'CONTACT' },
  { term: '电子邮箱', english: 'e-mail', value: 'EMAIL' },
  { term: '电子邮件', english: 'e-mail', value: 'EMAIL' },
  { term: '邮箱', english: 'e-mail', value: 'EMAIL' },
  { term: 'E-mail', english: 'e-mail', value: 'EMAIL' },
  { term: 'Email', english: 'e-mail', value: 'EMAIL' },
  { term: '身份证', english: 'ID card', value: 'ID_NUMBER' },
  { term: '身份证号', english: 'ID number', value: 'ID_NUMBER' },
  { term: '身份证号码', english: 'ID number', value: 'ID_NUMBER' },
  { term: '公民身份号码', english: 'citizen ID number', value: 'ID_NUMBER' },
];

const DIGIT = '[0-9０-９]';
const SEP = '[\\s\\-－—]';
// Every repetition is bounded: these patterns run over every line of every document, and an
// unbounded run before a failing part (a 200,000-digit line, a long word before no '@') would
// make a scan quadratic.

/**
 * The shapes of values. `anywhere`: personal wherever it is printed, label or not (a mobile
 * number, an e-mail address, an ID number with its check digit, a number with an area code).
 * `afterLabel`: what a label's value looks like when nothing but spaces (or nothing) separates
 * them — the value must then have its kind's shape, or it is not taken.
 */
export const VALUE_SHAPES = {
  /** 手机: 11 digits from 13-19, spaced or dashed 3-4-4, an optional +86. */
  mobile: `(?:\\+?86${SEP}?)?1[3-9]${DIGIT}(?:${SEP}?${DIGIT}{4}){2}`,
  /** 座机 with its area code: 0755-28318397, (0755)28318397, 021 5256 4588, an extension 转123. */
  areaCodePhone: `(?:[（(]0${DIGIT}{2,3}[)）]\\s*|0${DIGIT}{2,3}${SEP}{1,3})${DIGIT}{3,4}${SEP}?${DIGIT}{4}(?:\\s*(?:转|-|ext\\.?)\\s*${DIGIT}{1,6})?`,
  /** A number after a telephone label: 7 or 8 digits (a local number), or any of the above. */
  localPhone: `${DIGIT}{3,4}${SEP}?${DIGIT}{4}`,
  /** Local part ≤ 64 and labels ≤ 63 characters (RFC 5321), so the scan stays linear. */
  email: '[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9\\-]{1,63}(?:\\.[A-Za-z0-9\\-]{1,63}){1,8}',
  /** 18-digit 公民身份号码 (checked further by idNumberValid); 15-digit old ones only after a label. */
  idNumber18: '[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]',
  idNumber15: '[1-9]\\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}',
  /** A name as a form prints it: 2-4 Han characters (a · part for names of minorities), several joined by 、，/ or spaces. */
  names: '[\\u4e00-\\u9fff]{2,4}(?:·[\\u4e00-\\u9fff]{1,8})?(?:\\s*[、，,/]\\s*[\\u4e00-\\u9fff]{2,4}(?:·[\\u4e00-\\u9fff]{1,8})?)*',
} as const;

/** GB 11643's check digit (ISO 7064 MOD 11-2): an 18-digit run that fails it is not an ID number. */
export function idNumberValid(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (const [i, weight] of weights.entries()) sum += Number(id[i]) * weight;
  return '10X98765432'[sum % 11] === id.charAt(17).toUpperCase();
}

// The column headers beside which a label cell heads a column of personal values are table
// words, not personal ones: the glossary's HEADER_ROW_WORDS (src/parse/glossary/tables.ts).
