import { describe, expect, it } from 'vitest';
import { asciiPunctuationInChinese, chineseDate, clauseZh, fullWidth } from './zh.ts';

describe('Chinese text on documents', () => {
  it('writes the 成文日期 in Arabic numerals without leading zeros', () => {
    expect(chineseDate('2010-01-05')).toBe('2010年1月5日');
    expect(chineseDate('2009-12-20')).toBe('2009年12月20日');
  });

  it('turns ASCII punctuation in Chinese text into full-width marks', () => {
    const cases: [string, string][] = [
      [
        '对未完成人口和计划生育工作任务的单位实行"一票否决"制度。',
        '对未完成人口和计划生育工作任务的单位实行“一票否决”制度。',
      ],
      ['镇(场)党委书记,镇(场)长;分管领导:计生办', '镇（场）党委书记，镇（场）长；分管领导：计生办'],
      ['本意见自2009年计生年度(2008年10月1日起)施行', '本意见自2009年计生年度（2008年10月1日起）施行'],
      ['依照4.3.2.2,对该镇', '依照4.3.2.2，对该镇'],
      ['编号: n1', '编号：n1'],
      ['四(三)2(1):「对该镇下达一次警示通知书」', '四（三）2（1）：“对该镇下达一次警示通知书”'],
      ['利岭社区.高坪镇.依据', '利岭社区。高坪镇。依据'],
      ['是否重复奖励?', '是否重复奖励？'],
    ];
    for (const [from, to] of cases) expect(fullWidth(from), from).toBe(to);
  });

  it('cites clauses with full-width brackets', () => {
    expect(clauseZh('4.3.2.1')).toBe('四（三）2（1）');
    expect(clauseZh('8')).toBe('八');
  });

  it('leaves figures, dates, ids and English alone', () => {
    for (const s of [
      '1,005.50元',
      '清人考〔2010〕12号',
      'I4: unit award veto',
      '2009-03-31',
      '4.3.2.2',
      'R-001',
      '10:30',
    ])
      expect(fullWidth(s)).toBe(s);
  });

  it('names every ASCII mark that touches a Han character', () => {
    expect(asciiPunctuationInChinese('东风镇,红星村')).toEqual(['东风镇,红星村']);
    expect(asciiPunctuationInChinese('(专干)')).toHaveLength(2);
    expect(asciiPunctuationInChinese('罚款1,005.50元，依据四（三）1（1）。')).toEqual([]);
    expect(asciiPunctuationInChinese(fullWidth('镇(场)"三停":停职,停薪;停工作.'))).toEqual([]);
  });
});
