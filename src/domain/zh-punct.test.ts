import { describe, expect, it } from 'vitest';
import { labelKey, sameLabel, zhPunct } from './zh-punct.ts';

describe('full-width punctuation in Chinese text', () => {
  it.each([
    ['镇(场)', '镇（场）'],
    ['四(三)2(2)', '四（三）2（2）'],
    ['东风镇 干部:新干部(2009-03-01 起)', '东风镇 干部：新干部（2009-03-01 起）'],
    ['依据:2009年度决定;截至 2010-02-01', '依据：2009年度决定；截至 2010-02-01'],
    ['这是 "东风镇" 的名单', '这是“东风镇”的名单'],
    ['…利岭社区.高坪镇.依据', '…利岭社区。高坪镇。依据'],
    ['第 &P 页,共 &N 页', '第 &P 页，共 &N 页'],
  ])('%s → %s', (from, to) => expect(zhPunct(from)).toBe(to));

  it('leaves English, numbers, dates, times and clause ids alone', () => {
    for (const s of ['I4: unit award veto', '3.2.2', '2009-03-01', '12:30', 'a, b (c)', '1,005.50'])
      expect(zhPunct(s)).toBe(s);
    expect(zhPunct('金额 1,005.50 元')).toBe('金额 1,005.50 元');
  });

  it('compares labels whatever their punctuation, spaces and required marks', () => {
    expect(sameLabel('镇(场)职务', '镇（场）职务')).toBe(true);
    expect(sameLabel(' 姓 名* ', '姓名')).toBe(true);
    expect(labelKey('村(居)委会主任')).toBe('村（居）委会主任');
    expect(sameLabel('姓名', '职务')).toBe(false);
  });
});
