// Personal data (填报人, 联系人, 联系电话, telephone numbers) is redacted from a document's text
// before the parser or the store sees it, line for line, and amounts are never touched.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REDACTED, redactPersonalData } from '../../src/parse/personal-data.js';
import { documentText, parseDocument } from '../../src/parse/index.js';
import { readSource } from '../../src/source/index.js';
import { buildPlan } from '../../src/load/plan.js';
import { projectRoot } from '../../src/config.js';
import { BadDocumentError } from '../../src/errors.js';

const redact = (text: string) => redactPersonalData(text).text;

describe('given a line that names a person or a telephone number', () => {
  it('a 绩效目标表 footer row: the cells after 填报人 and 联系电话 go, the labels stay', () => {
    expect(redact('填报人\t曾媛、陈聪聪\t联系电话\t28336292、28333150\t\t')).toBe(`填报人\t${REDACTED}\t联系电话\t${REDACTED}\t\t`);
    expect(redact('填报人\t\t刘丽珠\t联系电话\t28333067')).toBe(`填报人\t\t${REDACTED}\t联系电话\t${REDACTED}`);
  });

  it('prose with a colon, full- or half-width: the value up to the next separator goes', () => {
    expect(redact('填报人：吴广锋')).toBe(`填报人：${REDACTED}`);
    expect(redact('联系电话:0755-28318397')).toBe(`联系电话:${REDACTED}`);
    expect(redact('联系人：张三，联系电话：13800138000。')).toBe(`联系人：${REDACTED}，联系电话：${REDACTED}。`);
  });

  it('a telephone number with an area code anywhere, and a mobile number in prose', () => {
    expect(redact('如有疑问请致电0755-2833 6292或（0755）28333150转123')).toBe(`如有疑问请致电${REDACTED}或${REDACTED}`);
    expect(redact('咨询 13912345678 即可')).toBe(`咨询 ${REDACTED} 即可`);
  });

  it('keeps line numbers: one line in, one line out, and says which lines changed', () => {
    const text = '2020年部门预算\n\n填报人：吴广锋\n\n联系电话：0755-28318397\n合计\t1.00';
    const r = redactPersonalData(text);
    expect(r.text.split('\n')).toHaveLength(text.split('\n').length);
    expect(r.lines).toEqual([3, 5]);
    expect(redactPersonalData(r.text).text).toBe(r.text);
  });
});

describe('given every form a label and its value are printed in (issue #35: 11 of these were served)', () => {
  // Each printed form, in prose and in cells; the value (a made-up name or number) must go, the label stay.
  const forms: [string, string][] = [
    ['项目负责人：尚明芳', '尚明芳'],
    ['联系人 张三', '张三'],
    ['联系电话 28336292', '28336292'],
    ['联系电话（座机）：021-52564588', '021-52564588'],
    ['经办人员：王小红', '王小红'],
    ['联 系 人：李四', '李四'],
    ['手机号码\t13912345678', '13912345678'],
    ['项目负责人\t欧阳娜娜', '欧阳娜娜'],
    ['负责人\t赵钱', '赵钱'],
    ['如有疑问请发邮件至 zhangsan.budget@example.gov.cn 咨询', 'zhangsan.budget@example.gov.cn'],
    ['身份证号：11010519491231002X', '11010519491231002X'],
    ['身份证号码 110105194912310029', '110105194912310029'],
    ['电话28336292', '28336292'],
    ['单位负责人：周 吴   财务负责人：郑王   制表人：冯陈', '周 吴'],
    ['单位负责人：周吴\t财务负责人：郑王\t制表人：冯陈', '郑王'],
    ['填表人：褚卫；联系方式：0755－8888 6666', '褚卫'],
    ['联系方式：chuwei@163.com', 'chuwei@163.com'],
    ['传真 (021)52564589', '52564589'],
    ['手机 138 0013 8000', '138 0013 8000'],
    ['手机：+86 139-1234-5678', '139-1234-5678'],
    ['移动电话：１３９１２３４５６７８', '１３９１２３４５６７８'],
    ['审核人\t\t蒋沈', '蒋沈'],
    ['填报人\t韩杨、朱秦\t联系电话\t28336292、28333150', '朱秦'],
    ['E-mail: qinyou@budget.org', 'qinyou@budget.org'],
    ['电子邮箱\tyouxu@example.cn', 'youxu@example.cn'],
    ['办公电话：0755-28318397转123', '0755-28318397'],
    // cells printed close together reach the text as one (a LibreOffice PDF, read by pdf.js)
    ['填报人\t林黛玉、薛宝钗 联系电话\t\t28336292', '28336292'],
  ];
  it.each(forms)('%s', (line, value) => {
    const out = redact(line);
    expect(out).not.toContain(value);
    expect(out).toContain(REDACTED);
    expect(redact(out)).toBe(out);
  });

  it('values personal by their shape alone: a mobile in a cell, an ID number with its check digit, an e-mail', () => {
    expect(redact('张三\t13912345678')).toBe(`张三\t${REDACTED}`);
    expect(redact('申请人 11010519491231002X 已审核')).toBe(`申请人 ${REDACTED} 已审核`);
    expect(redact('请联系 budget_office@pt.sh.gov.cn')).toBe(`请联系 ${REDACTED}`);
  });

  it('a header cell heads a column of personal values: one redacted a row until the table ends', () => {
    const text = ['项目名称\t项目负责人\t联系电话\t金额', '社区服务\t孔曹\t28331234\t12.50', '环境整治\t严华\t0755-28339999\t3.00', '合计\t\t\t15.50', '', '说明：以上为项目情况。'].join('\n');
    expect(redact(text).split('\n')).toEqual(['项目名称\t项目负责人\t联系电话\t金额', `社区服务\t${REDACTED}\t${REDACTED}\t12.50`, `环境整治\t${REDACTED}\t${REDACTED}\t3.00`, '合计\t\t\t15.50', '', '说明：以上为项目情况。']);
  });

  it('a property: any name after any label form never survives', () => {
    const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
    const given = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏建飞琳晶宇浩凯健俊帆帅旭宁欣悦婷雪琪佳怡梓睿轩涵'];
    const nameLabels = ['填报人', '填表人', '制表人', '联系人', '经办人', '经办人员', '负责人', '项目负责人', '单位负责人', '财务负责人', '审核人'];
    const separators = ['：', ':', '： ', ' ：', '\t', '\t\t', ' ', '　'];
    const space = (label: string, how: number) => (how === 0 ? label : [...label].join(how === 1 ? ' ' : '　'));
    fc.assert(
      fc.property(
        fc.constantFrom(...surnames), fc.array(fc.constantFrom(...given), { minLength: 1, maxLength: 2 }),
        fc.constantFrom(...nameLabels), fc.nat(2), fc.constantFrom('', '（项目）', '(经办)'), fc.constantFrom(...separators),
        fc.constantFrom('', '项目名称：社区服务，', '主管部门\t某区政务服务数据管理局\t'), fc.constantFrom('', '，联系电话：28336292', '\t联系电话\t28336292', '。'),
        (surname, rest, label, how, qualifier, sep, before, after) => {
          const name = surname + rest.join('');
          const line = `${before}${space(label, how)}${qualifier}${sep}${name}${after}`;
          const out = redact(line);
          return !out.includes(name) && !out.includes('28336292');
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('given any number after any telephone label form', () => {
  it('a property: the number never survives, whatever its format', () => {
    const phoneLabels = ['联系电话', '电话', '办公电话', '固定电话', '手机', '手机号码', '移动电话', '传真', '联系方式', '座机'];
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const number = fc.oneof(
      digits(8),
      fc.tuple(fc.constantFrom('010', '021', '0755', '0571'), digits(8), fc.constantFrom('-', '－', ' ')).map(([a, n, s]) => `${a}${s}${n}`),
      fc.tuple(fc.constantFrom('(021)', '（0755）'), digits(8)).map(([a, n]) => a + n),
      fc.tuple(fc.constantFrom('13', '15', '18', '19'), digits(9), fc.constantFrom('', ' ', '-')).map(([p, n, s]) => `${p}${n[0]}${s}${n.slice(1, 5)}${s}${n.slice(5)}`),
    );
    const separators = ['：', ':', ' ', '\t', '\t\t', ''];
    fc.assert(
      fc.property(fc.constantFrom(...phoneLabels), fc.boolean(), fc.constantFrom('', '（座机）', '(手机)'), fc.constantFrom(...separators), number, fc.constantFrom('', '。', '，填报人：张三', '\t备注'), (label, spacedOut, qualifier, sep, value, after) => {
        const line = `${spacedOut ? [...label].join(' ') : label}${qualifier}${sep}${value}${after}`;
        const out = redact(line);
        const bare = value.replace(/\D/g, '');
        return !out.replace(/\D/g, ' ').split(/\s+/).some((d) => d.length >= 4 && bare.includes(d));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('given a PDF whose text layer prints personal data (tests/fixtures/personal-data-form.pdf, made by LibreOffice from the .html beside it)', () => {
  it('the text every reader and the store see holds none of it, whatever form it is printed in', async () => {
    const pdf = readFileSync(join(projectRoot, 'tests', 'fixtures', 'personal-data-form.pdf'));
    const source = await readSource(pdf, 'personal-data-form.pdf');
    // As printed on the page (pdftoppm -r 80): seven names, three numbers, an e-mail, an ID number.
    const printed = ['尚明芳', '柳如烟', '江小白', '龙傲天', '林黛玉', '薛宝钗', '52564588', '28336292', '13912345678', '13800138000', 'liu.ruyan@example.gov.cn', '11010519491231002X'];
    for (const value of printed) expect(source.text, `the PDF prints ${value}`).toContain(value);
    const text = documentText(source.text, 'personal-data-form.pdf');
    expect(printed.filter((v) => text.includes(v))).toEqual([]);
    // Cells printed close together reach the text as one; the label inside stays, its value goes.
    expect(text).toMatch(/联系电话/);
    const doc = parseDocument(source.text, 'personal-data-form.pdf');
    expect(doc.diagnostics.filter((d) => d.code === 'PERSONAL_DATA_REDACTED' || d.code === 'PII_DROPPED').length).toBeGreaterThanOrEqual(8);
  });
});

describe('given words that hold a label but no personal value', () => {
  it('keeps prose where a label is part of another word (seen in real documents)', () => {
    for (const line of [
      // dept_budget.pdf (上海市普陀区司法局 2026) p. 3: 负责 + 人民陪审员
      '（五）承担统筹规划本区法治社会建设的责任。负责人民陪审员、人民监督员选任管理工作。',
      '密切联系人民群众，畅通诉求渠道',
      '2010302\t一般行政管理事务\t12345 公开电话热线事务\t71',
      '工作时效\t1.免费维护期间提供7*24小时电话支持',
      '3020207\t邮电费\t电话费\t1.20',
      '项目名称\t项目负责人\t金额',
    ]) {
      expect(redact(line)).toBe(line);
    }
  });

  it('an 18-digit run whose check digit fails is not an ID number; a 统一社会信用代码 is not personal', () => {
    expect(redact('编号 110105194912310028')).toBe('编号 110105194912310028');
    expect(redact('统一社会信用代码：11440300MB2C55940N')).toBe('统一社会信用代码：11440300MB2C55940N');
  });
});

describe('given amounts and words that only look like personal data', () => {
  it('leaves amounts alone: eight-digit integers in a 元 table, decimals, codes, 邮电费', () => {
    for (const line of ['2130599\t其他扶贫支出\t28336292\t13800138000', '合计\t12,345,678.90\t0755.00', '3020207\t邮电费\t电话费\t1.20', '2019-440307-83-01-012345\t某工程']) {
      expect(redact(line)).toBe(line);
    }
  });
});

describe('the bundled documents', () => {
  const dir = join(projectRoot, 'data');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));

  // What a reader would call personal: the values printed after the labels, found independently of
  // the redaction's own rules (whole cells after a label cell, text after a label and a colon).
  function personalValues(text: string): string[] {
    const values = new Set<string>();
    for (const line of text.split('\n')) {
      if (!/填报人|填表人|联系人|联系电话/.test(line)) continue;
      const cells = line.split('\t').map((c) => c.trim());
      cells.forEach((c, i) => {
        const m = /^(?:填报人|填表人|联系人|联系电话)\s*[:：]?\s*(.*)$/.exec(c);
        if (!m) return;
        if (m[1]) values.add(m[1]);
        else if (cells[i + 1]) values.add(cells[i + 1]!);
      });
    }
    return [...values].flatMap((v) => v.split(/[、,，\s]+/)).filter((v) => v.length >= 2 && !/^[:：]$/.test(v));
  }

  it('print personal data, and none of it is in the redacted text, the parse or the load plan', () => {
    let seen = 0;
    for (const file of files) {
      const raw = readFileSync(join(dir, file), 'utf8');
      const values = personalValues(raw);
      seen += values.length;
      const text = redact(raw);
      const plan = JSON.stringify(buildPlan(parseDocument(raw, file), text), (_k, v) => (typeof v === 'bigint' ? String(v) : v));
      for (const v of values) {
        expect(text.includes(v), `${file}: ${v} in the text`).toBe(false);
        expect(plan.includes(v), `${file}: ${v} in the plan`).toBe(false);
      }
    }
    expect(seen).toBeGreaterThan(15);
  });
});

describe('text that is not Unicode', () => {
  it('a lone surrogate is refused with its line and column, not stored as U+FFFD', () => {
    const err = (() => {
      try {
        parseDocument('2020年部门预算\n表一\t\ud800x\n', 'lone.txt');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(BadDocumentError);
    expect(err).toMatchObject({ file: 'lone.txt', line: 2 });
    expect((err as Error).message).toMatch(/surrogate.*column 4/);
  });
});

describe('given a source note that quotes the page (an OCR reading to check), stored and served with the document', () => {
  const base = readFileSync(join(projectRoot, 'data', readdirSync(join(projectRoot, 'data')).filter((f) => f.endsWith('.txt')).sort()[0] ?? ''), 'utf8');
  const text = `${base.replace(/\n*$/, '')}\n联系电话\t5256 4588\n`;
  const phoneLine = text.split('\n').length - 1;
  const note = (message: string, line: number) => ({ level: 'WARNING' as const, code: 'OCR_LOW_CONFIDENCE', message, line });

  it('quotes no personal value: not on a line whose personal data was hidden, nor a telephone number anywhere', () => {
    const doc = parseDocument(text, 'scan.txt', [
      note('page 9: OCR read "5256 4588", which is no number as printed (confidence 31); check the scan', phoneLine),
      note('page 2: OCR read "13800138000" with confidence 40 of 100 (under 60); check the scan', 3),
    ]);
    const messages = doc.diagnostics.filter((d) => d.code === 'OCR_LOW_CONFIDENCE').map((d) => d.message);
    expect(messages).toHaveLength(2);
    for (const m of messages) {
      expect(m).not.toMatch(/5256|4588|13800138000/);
      expect(m).toContain(REDACTED);
    }
  });

  it('keeps a quoted amount on a line with no personal data as the page prints it', () => {
    const doc = parseDocument(text, 'scan.txt', [note('page 2: OCR read "1,234.5O" with confidence 40 of 100 (under 60); check the scan', 3)]);
    expect(doc.diagnostics.find((d) => d.code === 'OCR_LOW_CONFIDENCE')?.message).toContain('"1,234.5O"');
  });
});
