// The 奖惩兑现表 workbook of a large county: 20,000 lines for people (the most an uploaded sheet
// may have, excel-read.ts MAX_ROWS) are all written, with the withheld rewards and their reasons
// in Chinese. (How long it takes is the load benchmark's business, not a test's; the server makes
// it in a worker thread.)

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ZerenResult } from '../../domain/result.ts';
import { loadEngine } from '../../policy/load.ts';
import { MAX_ROWS } from '../workbooks/excel-read.ts';
import { type Names, rewardsAndSanctions } from './reports.ts';
import { rewardsAndSanctionsWorkbook } from './reports-xlsx.ts';

const N = MAX_ROWS;
const id = (i: number) => `p${String(i).padStart(5, '0')}`;

describe('the 奖惩兑现表 workbook at the row cap', () => {
  it(`writes ${N} lines for people and the withheld rewards with their reason`, async () => {
    const names: Names = {
      units: new Map([['t1', { name: '东风镇', kind: 'town', town: null }]]),
      people: new Map(Array.from({ length: N }, (_, i) => [id(i), `干部${i}`])),
      words: loadEngine().vocabulary,
    };
    const c = (i: number) => ({
      subject: { kind: 'person', id: id(i) },
      type: 'fine',
      clause: '4.2.2',
      amount_yuan: 1500,
      via: { unit: 't1', role: 'cadre' },
      rule: 'r',
      depends_on: [],
      explanation: '……',
    });
    const result = {
      format: 'zeren-result/1',
      policy: 'county-fp-2009',
      fp_year: 2009,
      interpretations: {},
      consequences: Array.from({ length: N }, (_, i) => c(i)),
      withheld: [
        { ...c(0), type: 'reward', clause: '3.2.2', amount_yuan: 500, reason: 'I4: unit award veto' },
      ],
    } as unknown as ZerenResult;
    const r = {
      county: 'qingshui',
      county_name: '清水县',
      fp_year: 2009,
      on: '2010-03-01',
      decision: {
        id: 'd1',
        evaluation_id: 'e1',
        confirmed_at: '2010-01-05T00:00:00Z',
        confirmed_by: 'x',
        fines_due_on: '2010-03-31',
      },
      ...rewardsAndSanctions(result, names, [], [], loadEngine().personnel),
      towns: [],
    };
    const buf = await rewardsAndSanctionsWorkbook(r as never, { preparedBy: '王志刚', on: '2010-03-01' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const people = wb.getWorksheet('个人')!;
    // Title, 单位：元, header, the lines, 合计, the note and the 制表人 line.
    expect(people.getRow(4).getCell(1).value).toBe('干部0');
    expect(people.getRow(3 + N).getCell(2).value).toBe(id(N - 1));
    expect(people.getRow(4 + N).getCell(1).value).toBe('合计');
    expect(people.getRow(4 + N).getCell(9).value).toBe((N * 1500 * 100) / 100);
    const held = wb.getWorksheet('暂缓兑现')!;
    expect(held.getRow(4).getCell(7).value).toBe('所在单位本计生年度被评先评优一票否决，暂不兑现（解释I4）');
  }, 120_000);
});
