import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capitalYuan, formatYuan, parseYuan, rmbCapital, yuanText } from './money.ts';

describe('money', () => {
  it('writes amounts in capital Chinese numerals as a finance office does', () => {
    const cases: [number, string][] = [
      [0, '零元整'],
      [150000, '壹仟伍佰元整'],
      [120000, '壹仟贰佰元整'],
      [5000000, '伍万元整'],
      [1000000, '壹万元整'],
      [1050000, '壹万零伍佰元整'],
      [1005000, '壹万零伍拾元整'],
      [10000000000, '壹亿元整'],
      [10000100000, '壹亿零壹仟元整'],
      [150050, '壹仟伍佰元伍角整'],
      [100550, '壹仟零伍元伍角整'],
      [50, '零元伍角整'],
      [150350, '壹仟伍佰零叁元伍角整'],
      [150005, '壹仟伍佰元零伍分'],
      [150055, '壹仟伍佰元伍角伍分'],
      [5, '零元伍分'],
      [10100, '壹佰零壹元整'],
      [100100, '壹仟零壹元整'],
      [11000000, '壹拾壹万元整'],
    ];
    for (const [fen, words] of cases) expect(capitalYuan(fen), String(fen)).toBe(words);
  });

  it('closes with 整 after 元 or 角 and never after 分 (会计基础工作规范 第五十二条)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (fen) => {
        const w = capitalYuan(fen);
        if (fen % 10 === 0) expect(w).toMatch(/[元角]整$/);
        else expect(w).toMatch(/[壹贰叁肆伍陆柒捌玖]分$/);
      }),
    );
    expect(rmbCapital(100550)).toBe('人民币壹仟零伍元伍角整');
    expect(yuanText(100550)).toBe('1,005.50元');
  });

  it('never writes two 零 in a row, nor ends a number on 零 before 元', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (fen) => {
        const w = capitalYuan(fen);
        expect(w).not.toMatch(/零零|零元(?!整|.角|.分)|零万|零亿/);
        expect(w).toMatch(/元/);
      }),
    );
  });

  it('formats yuan with two decimals and reads amounts at the edges strictly', () => {
    expect(formatYuan(150050)).toBe('1,500.50');
    expect(parseYuan('1500.5', 'amount_yuan')).toEqual({ fen: 150050 });
    expect(parseYuan(1500, 'amount_yuan')).toEqual({ fen: 150000 });
    for (const bad of [0, -1, 1.005, 'abc', null, Number.NaN])
      expect(parseYuan(bad, 'amount_yuan')).toHaveProperty('problem.path', 'amount_yuan');
  });
});
