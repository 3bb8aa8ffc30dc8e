// See index.ts: the glossary's words printed in prose — the sentences of the 说明 that state
// amounts, changes and shares (prose-amounts.ts), and the sentences the prose checks hold against
// the tables (checks/prose-tables.ts, checks/prose-arithmetic.ts). Patterns that are used together
// with a number are written here whole (the number's digits are part of the phrase); where a
// module adds a runtime value (the document's year) it builds the pattern from a term here.

/** An amount in 万元 as prose prints it: the digits (group 1, thousands commas allowed) and the unit. */
export const WAN_AMOUNT = /(\d[\d,]*(?:\.\d+)?)万元/;

/** Punctuation of the prose, full-width and half-width alike. */
export const PROSE_MARKS = {
  /** Brackets, quotes and spaces around a name: removed before two names are compared. */
  nameDecoration: /[\s()（）"“”]/g,
  /** A closing quote first: the end of a quoted 类/款/项 chain (“一般公共服务支出（类）…（项）”). */
  closingQuoteFirst: /^[”"]/,
  /** Where a clause ends: 。；：、 or a comma that is no thousands separator (1,234 is one number). */
  clauseDelimiter: /[。；;：:、]|[，,](?!\d)|(?<!\d)[，,]/g,
  /** A line ending in punctuation (a stop, a comma, a closing bracket): it does not wrap on. */
  endsInPunctuation: /[。；;：:，,、)）!！?？]\s*$/,
  /** 句号: a sentence ended. */
  fullStop: /。/,
  /** A closing bracket, full- or half-width. */
  closingBracket: /[）)]/,
  /**
   * 万 without 元 still meaning 万元 ("项目总预算1720.00万，其中…"): only after an amount printed to
   * two decimals (money as the tables print it) and before a clause's end, so that counts
   * ("100万人次", "3万平方米") stay counts.
   */
  bareWanNumber: /\d\.\d{2}\s*$/,
  bareWanAfter: /^(?:[。；;，,、）)]|\s*$)/,
};

/** The numbering a list item of the prose opens with: 1. / 1、 / （一） / （1） / 一、 */
export const LIST_NUMBER = /\d+[.、．]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、/;
/** A line opening with list numbering (after a bullet - or *): a new paragraph. */
export const NUMBERED_LINE = new RegExp(`^\\s*[-*]?\\s*(${LIST_NUMBER.source})`);
/** Numbering (optional) and bullets at a clause's start, removed from the item's name. */
export const LEADING_NUMBERING = new RegExp(`^[-\\s*]*(?:${LIST_NUMBER.source})?\\s*`);
/** A clause opening with numbering or an opening bracket: its own item, no wrapped name before it. */
export const NUMBERED_OR_BRACKETED = /^[-\s*]*(\d+[.、．]|[（(])/;
/** A clause opening with the 类 / 款 / 项 mark of the name before it ("（类）2106.66万元", "（201类）"):
 *  that name was wrapped onto the line before, the mark is no numbering of an item of its own. */
export const LEVEL_MARK_FIRST = /^\s*[（(]\d{0,3}\s*[类款项]\s*[）)]/;
/** Two characters of Chinese text (ideographs, CJK and full-width punctuation) with spaces between:
 *  a justified line the PDF spaced out ("本 年 收 入 合 计"), the spaces no part of the words.
 *  Group 1 the first character; the second is looked ahead so that runs join in one pass. */
export const SPACED_CJK = /([\u3001-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65])[ \t\u00a0\u3000]+(?=[\u3001-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65])/g;

/** Year-on-year change as a sentence states it beside an amount (比上年增加 N 万元，增长 P%). */
export const PROSE_CHANGE = {
  /** The percentage just after an amount: "，增长 5.2%" / "下降 3%" (group 1 the word, group 2 the figure). */
  percentAfter: /^\s*[，,]?\s*(增长|下降|上升|减少|增加)\s*(\d+(?:\.\s*\d+)?)\s*%/,
  /** A change stated just before an amount: "较上年增加" / "比 2019 年减少" / "同比多" (group 1 the word). */
  comparedBefore: /(?:较|比|同比).{0,30}?(增加|减少|增长|下降|多|少)\s*$/,
  /** The comparison word that starts the change (the subject is before it). */
  comparison: /较|比|同比/,
  /** The words of percentAfter that mean down. */
  percentDown: /减少|下降/,
  /** The words of comparedBefore that mean down. */
  amountDown: /减少|下降|少/,
  /** Down, as prose-arithmetic reads a stated change ("下降 3%", "降低"). */
  down: /减少|下降|降低/,
  /** 增加（减少）/ 减少（增加）: the template's either-way word, whose sign says nothing. */
  eitherWay: /增加[（(]减少[)）]|减少[（(]增加[)）]/,
};

/** The words around an amount's subject in a clause (prose-amounts.ts's itemBefore). */
export const PROSE_ITEM = {
  /** A bracket opened and not closed in the clause: no part of the name. */
  unclosedBracket: /^[（(](?=[^）)]*$)/,
  /** Words that introduce the subject: 其中 / 包括 / 主要用于 / 共计 … */
  leadWords: /^(其中|包括|主要包括|具体包括|主要是|主要用于|共计|合计|总计)\s*/,
  /** A year first ("2024年 …"): it says when, not what. */
  yearFirst: /^\d{4}\s*年度?\s*/,
  /** Verbs and quantifiers between the subject and the amount: 预算数 / 为 / 共计 / 安排 / 约 … */
  trailingVerbs: /(预算数?|为|共计|合计|安排|约|达|计|共)\s*$/,
  /** A year last, after a name ("公务用车购置费2020年"): group 1 keeps the name's last character. */
  yearLast: /(.)\d{4}\s*年度?\s*$/,
  /** Words too general to tell two subjects apart (经费 / 项目 / 支出), and the name's decoration. */
  genericWords: /经费|项目|支出|[()（）"“”\s]/g,
  /** After an amount: a threshold ("单价 100 万元以上", "单价100万元（含）以上"), not an amount. */
  threshold: /^\s*(?:[（(]\s*(?:含|不含)\s*[）)]\s*)?(以上|以下|以内)/,
  /** Words that open a list breaking down the amount before (主要包括：甲 N 万元，乙 M 万元). */
  listOpens: /主要包括|具体包括|其中|包括/,
};

/** The 类 / 款 / 项 chain a paragraph opens with, one part a match: 公共安全支出（204类）司法（06款）
 *  行政运行（01项） (group 1 the name, 2 the code when printed, 3 the level word: FUNCTION_LEVELS). */
export const FUNCTION_LEVEL_ITEM = /([^（()）、，,。；:：\d.．"“”\s]{2,30}?)[（(](\d{2,3})?(类|款|项)[）)]/g;
/** 类 / 款 / 项: the levels of the 功能分类 (1, 2, 3: a code of 3, 5, 7 digits). */
export const FUNCTION_LEVELS = { 类: 1, 款: 2, 项: 3 } as const;

/** Amounts a sentence states that the tables print (checks/prose-tables.ts): group 1 the amount,
 *  except summaryTotal (group 1 财政拨款, 2 the row, 3 the amount). */
export const STATED_AMOUNTS = {
  /** The amount right after an item's name: "（01项）208.8万元". */
  atStart: new RegExp(`^${WAN_AMOUNT.source}`),
  /** A 决算's own: "支出决算为 N 万元" / "决算数为 N 万元". */
  actual: new RegExp(`(?:支出)?决算(?:数)?为${WAN_AMOUNT.source}`, 'g'),
  /** A budget's own, after its year (the module puts the year first): "2026年预算安排 N 万元" / "年度预算数为". */
  budgetAfterYear: new RegExp(`年度?(?:预算)?(?:安排|预算数为|预算为)${WAN_AMOUNT.source}`),
  /** Any basis: "预算数为 / 决算为 / 支出为 N 万元" (the 三公 paragraph's amount). */
  anyBasis: new RegExp(`(?:预算|决算|支出)(?:数)?为${WAN_AMOUNT.source}`),
  /** The amount at the end of a stated phrase, to keep only its words. */
  trailingAmount: /\d[\d,.]*万元$/,
  /** "收入支出总计 N 万元", "财政拨款收支总计为 N 万元", "本年收入合计 N 万元". */
  summaryTotal: new RegExp(`(财政拨款)?(收入支出总计|收支总计|本年收入合计|本年支出合计)(?:为|是)?${WAN_AMOUNT.source}`, 'g'),
};

/** How prose names a 三公 figure, to compare with THREE_COSTS_FIGURES' names (src/model/three-costs.ts). */
export const THREE_COSTS_NAMES = {
  /** "因公出国(境)费用": 费用 is 费. */
  feeSuffix: /费用$/,
  /** Words before a figure's name ("财政拨款“三公”经费", "其中：公务接待费"): not part of it. */
  beforeName: /^.*?(?=因公出国|公务接待|公务用车|三公)/,
  /** "三公经费" (quotes removed): the total. */
  total: /^三公经费$/,
};

/** Curly quotes (“三公”经费), read as straight ones. */
export const CURLY_QUOTES = /[“”]/g;

/** The amount a 三公 sentence states, digits possibly spaced: group 1. */
const THREE_COSTS_AMOUNT = '([\\d,.\\s]+?)\\s*万元';

/**
 * The 三公 paragraphs' sentences (three-costs.ts), curly quotes made straight: the total
 * ("三公"经费预算 N 万元) and each figure's "<name>。2024年预算数 N 万元" — in a 决算, 决算数 / 支出.
 * Group 1 the amount.
 */
export function threeCostsSentences(actual: boolean) {
  const basisWord = actual ? '(?:决算数|支出)' : '预算数?';
  const NUM = THREE_COSTS_AMOUNT;
  return {
    total: new RegExp(`"?三公"?经费(?:${actual ? '支出' : '预算'})[^0-9]{0,6}?${NUM}`),
    abroad: new RegExp(`因公出国[(（]境[)）]费用?[。.]?\\s*\\d{4}\\s*年${basisWord}\\s*${NUM}`),
    reception: new RegExp(`公务接待费[。.]?\\s*\\d{4}\\s*年${basisWord}\\s*${NUM}`),
    vehicles: new RegExp(`公务用车购置(?:和|及)运行(?:维护)?费[。.]?\\s*\\d{4}\\s*年${basisWord}\\s*${NUM}`),
    vehiclePurchase: new RegExp(`公务用车购置费\\s*\\d{4}\\s*年${basisWord}\\s*${NUM}`),
    vehicleRunning: new RegExp(`公务用车运行(?:维护)?费\\s*\\d{4}\\s*年${basisWord}\\s*${NUM}`),
  };
}

/** Sentences whose arithmetic checks/prose-arithmetic.ts verifies: changes, comparisons, rates, shares. */
export const STATED_ARITHMETIC = {
  /** An amount tied to a year: "2025年当年预算执行数为43269.3万元" (group 1 the year, 2 the words, 3 the amount). */
  amountByYear: new RegExp(`(\\d{4})年度?([^\\d。；，,]{0,16}?)${WAN_AMOUNT.source}`, 'g'),
  /** A change since a year: "比2025年预算执行数增加 5%" (group 1 the year, 2 the word, 3 the percentage). */
  changeSinceYear: /(?:比|较)(\d{4})年度?[^，。；]{0,12}?(增加|增长|上升|提高|减少|下降|降低)(\d+(?:\.\d+)?)%/,
  /** "年初预算数为 N 万元" (group 1). */
  budget: new RegExp(`(?:年初)?预算(?:数)?为${WAN_AMOUNT.source}`),
  /** "决算数为 N 万元" (group 1). */
  actual: new RegExp(`决算(?:数)?为${WAN_AMOUNT.source}`),
  /** "决算数大于年初预算数" (group 1 the comparison word). */
  comparison: /决算数?(大于|小于|等于|高于|低于|超过)(?:年初)?预算数?/,
  /** The comparison words meaning more … */
  greater: /大于|高于|超过/,
  /** … and less (等于: neither). */
  less: /小于|低于/,
  /** "完成年初预算的 98.5%" (group 1 the percentage). */
  executionRate: /完成(?:年初|全年|调整)?预算的(\d+(?:\.\d+)?)%/,
  /** Words after a whole that open its breakdown (其中 / 主要用于 / 包括). */
  breakdownOpens: /其中|主要用于|主要包括|包括/,
  /** A share right after a part: "，占 12.5%" / "占比为" (group 1 the percentage). */
  shareAfter: /^[，,]?占(?:比)?(?:为)?(\d+(?:\.\d+)?)%/,
};

/** Where a passage of the prose opens (checks/passages.ts): list numbering, or 第一部分 / 第二条 / 第三章. */
export const PASSAGE_OPENS = /^\s*[-*]?\s*(\d+\s*[.、．](?!\d)|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[部分条章])/;
/** Where a sentence ends: 。；! ? full- or half-width. */
export const SENTENCE_END = /[。；;!?！？]/g;

/** What checks/format.ts reads as careless writing. */
export const CARELESS_WRITING = {
  /** A placeholder left in: XX / ＸＸ / ×× / 某某 (not inside a Latin word). */
  placeholder: /(?<![A-Za-z])(?:[XＸ×]{2,}|某某)(?![A-Za-z])/,
  /** Punctuation doubled (。。 ，，) or crossed (，。 。，). */
  doubledPunctuation: /([。，、；：！？])\1+|[，、；：][。]|[。][，、；]/g,
  /** A line ending in punctuation: complete. */
  endsInPunctuation: /[。；;：:！!？?，,、）)”"…]$/,
  /** Words that promise a reason or a use (原因是 / 主要用于 …): the sentence must go on. */
  promisesMore: /原因是|原因为|主要是|是由于|主要用于/,
  /** A line opening with a particle or a stop (的 / 和 / ，…): it goes on with the sentence before. */
  continuesSentence: /^\s*[的之和及与等了着地得，,。、；）)]/,
};

/** The punctuation around a label and its value in a cell or a line ("联系人：张三，电话（座机）：…").
 *  personal-data.ts builds its label patterns from these and personal-vocabulary.ts's labels. */
export const LABEL_MARKS = {
  /** A colon, full- or half-width: the label's separator. */
  colon: /[:：]/,
  /** Where a value after a colon stops: a comma, a semicolon, a stop, a tab. */
  valueStop: /[，,;；。\t]/,
  /** What stands before a label that ends a cell ("项目名称：社区服务，填报人"). */
  beforeLabel: /[，,;；。:：\s]/,
  /** A parenthesised qualifier after a label: （座机）, (手机), （项目） — not an area code: (021). */
  qualifier: /(?:\s*[（(](?![0-9０-９]+[)）])[^（）()\n]{1,10}[)）])?/,
  /** Between a phone number's groups: a space, a dash, a closing bracket ("(021)5256"). */
  phoneGroupSeparator: /[\s\-－—)）]/,
};

// ---- The printed page, as src/source reads it (PDF text layers and OCR) ----------------------
// The source readers key on a few words of the page itself: its page numbers, the punctuation a
// line may not open with, the marks an item opens with, and what OCR misreads. They live here
// with the rest of the documents' words; this module imports nothing, so the source layer reads
// them without depending on the parser.

/** The printed page (src/source/pdf/render.ts): page furniture and line breaking. */
export const PRINTED_PAGE = {
  /** A page number alone on its line: "3", "- 3 -", "第 3 页", "3 / 20", "共 20 页", "page 3 of 20". */
  pageNumber: /^(?:第\s*)?[-—–\s]*\d{1,4}[-—–\s]*(?:页)?(?:\s*[/／共]\s*\d{1,4}\s*页?)?$|^page\s*\d+(\s*of\s*\d+)?$/i,
  /** Punctuation no line opens with (kinsoku, 避头点): it goes down with the glyph before it. */
  noLineStart: /[，。、；：！？）》」』”’,.;:!?)\]%]/,
  /**
   * A line that opens an item of its own: ## (a heading's mark) 一、 （一） (二) 1. 1、 第一、
   * 第一章 表一 ★. 第 and a numeral open an item only as an ordinal with its mark or unit: "第三方"
   * (third party) is a word that may open a wrapped line of a paragraph.
   */
  listMarker: /^\s*(?:#{1,6}\s|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+(?:[、，,.．:：\s]|[章节条部篇])|表\s?[一二三四五六七八九十\d]|[★●◆■])/,
  /** A line that ends a sentence (。！？), a clause of a list (；) or a lead-in (：), a closing quote or bracket after it. */
  sentenceEnd: /[。！？；：!?;:][”’」』）)]*$/,
};

/** What tesseract's chi_sim reliably misreads in these documents' words (src/source/ocr/). */
export const OCR_MISREADINGS = {
  /** 支 in 宋体 read as 文: "文出" (no word) for 支出 — group 1 the space between, kept. */
  zhiChu: { misread: /文(\s*)出/g, meant: '支$1出' },
  /** The full-width colon after 单位 read as ";" or ",": "单位; 元" declares no unit. */
  unitColon: { misread: /单位\s*[;；:：,，.。]\s*/g, meant: '单位：' },
  /** 科目编码: the header cell whose next row prints the code-part labels 类 | 款 | 项 OCR garbles. */
  codeHeader: /科目编码/,
  /** A quote or bracket stuck to a code or amount ("”03", "。03"): nothing prints one there. */
  markBeforeNumber: /^[“”"'‘’〈《。，、]+(?=[\d])/u,
};
