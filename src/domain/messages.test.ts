// The message catalogue, read from the source (messages.ts) of the server and of the browser (web/src, JSX text included): the Chinese half of every message has
// full-width punctuation, and the English half is English. English text that names a Chinese term
// (API descriptions such as "the 奖惩兑现表 …", CLI help) keeps its ASCII punctuation.

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NOUNS_EN, notFound } from '../store/errors.ts';
import { FACTS } from '../store/fact-kinds.ts';
import { messageCatalogue } from './messages.ts';
import { problem } from './problems.ts';
import { asciiPunctuationInChinese } from './zh-punct.ts';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const WEB = fileURLToPath(new URL('../../web/src', import.meta.url));
const catalogue = [
  ...messageCatalogue(SRC),
  ...messageCatalogue(WEB).map((l) => ({ ...l, file: `web/${l.file}` })),
];
const HAN = /\p{Script=Han}/u;

/** The Chinese half of a literal: all of it, or what comes before ` / ` in a bilingual line. */
const chineseHalf = (t: string) => t.split(' / ')[0]!;
/** A line in both languages: Chinese, ` / `, then English (not a choice such as 是 / 否). */
const bilingual = (t: string) =>
  t.includes(' / ') && HAN.test(chineseHalf(t)) && /^[A-Za-z]{2,}/.test(englishHalf(t));
const englishHalf = (t: string) => t.split(' / ').slice(1).join(' / ');
/** English text naming Chinese terms: starts with a letter, or runs three English words. */
const englishText = (t: string) =>
  /^\s*[A-Za-z]/.test(t) || /[A-Za-z]{2,}[ ,;:()'/]+[A-Za-z]{2,}[ ,;:()'/]+[A-Za-z]{2,}/.test(t);
/** File names and Excel header codes (&"仿宋") are not text. */
const notText = (t: string) => /\.(xlsx|docx)$/.test(t) || t.includes('&"');
/** `{}` stands for an interpolated value: not Chinese, not punctuation. */
const marks = (t: string) => [
  ...asciiPunctuationInChinese(t.replace(/\{\}/g, '\uE000')),
  // A value quoted in Chinese text takes “”: 没有单位“t9”, not 没有单位 "t9".
  ...(t.match(/"\{\}"/g) ?? []),
];

describe('the message catalogue', () => {
  it('reads the literals of the whole source tree', () => {
    expect(catalogue.filter((l) => !l.english).length).toBeGreaterThan(500);
    expect(catalogue.filter((l) => l.english).length).toBeGreaterThan(300);
    expect(catalogue.some((l) => l.file.startsWith('engine/') && l.text.includes('缺少必填字段'))).toBe(true);
    // The browser's text, JSX text included (the sign-in page's button).
    expect(
      catalogue.some((l) => l.file.startsWith('web/') && l.file.endsWith('.tsx') && l.text === '登录'),
    ).toBe(true);
  });

  it('finds what it looks for: ASCII marks in Chinese, Chinese in English', () => {
    expect(marks('应为列表,实为 {}')).not.toEqual([]);
    expect(marks('应为列表，实为 {}')).toEqual([]);
    expect(marks('没有单位 "{}"')).not.toEqual([]);
    expect(englishText('the 奖惩兑现表 is for county-wide users')).toBe(true);
    expect(englishText('县年度考核没有总分，不参加排名')).toBe(false);
  });

  it('writes the Chinese half of every message with full-width punctuation', () => {
    const bad = catalogue
      .filter((l) => !l.english && !notText(l.text))
      .map((l) => ({ ...l, zh: chineseHalf(l.text) }))
      .filter((l) => HAN.test(l.zh) && !englishText(l.zh) && marks(l.zh).length > 0)
      .map((l) => `${l.file}:${l.line} ${l.text}`);
    expect(bad).toEqual([]);
  });

  it('writes full-width punctuation beside an interpolated value in Chinese text', () => {
    // `{}` read as a Chinese word: `（{} 至 {}）` written `({} 至 {})`, `{}：{}` written `{}:{}`. A
    // field named before its message (`--counties: 应为…`) and a value's own format (`128:9f86…`,
    // `127.0.0.1:8080`) are not Chinese text.
    const formats = [/^\{\}: /, /最新\{\}:\{\}/, /在 \{\}:\{\} 上监听/];
    const bad = catalogue
      .filter((l) => !l.english && !notText(l.text))
      .map((l) => ({ ...l, zh: chineseHalf(l.text) }))
      .filter((l) => HAN.test(l.zh) && !englishText(l.zh))
      .map((l) => ({ ...l, zh: formats.reduce((t, re) => t.replace(re, ''), l.zh) }))
      .filter((l) => asciiPunctuationInChinese(l.zh.replace(/\{\}/g, '甲')).length > 0)
      .map((l) => `${l.file}:${l.line} ${l.text}`);
    expect(bad).toEqual([]);
  });

  it('writes the English half of every message in English', () => {
    const bad = catalogue
      .filter((l) => (l.english ? HAN.test(l.text) : bilingual(l.text) && HAN.test(englishHalf(l.text))))
      .map((l) => `${l.file}:${l.line} ${l.text}`);
    expect(bad).toEqual([]);
  });

  it('names what was not found in both languages', () => {
    for (const noun of [...Object.keys(NOUNS_EN), ...Object.values(FACTS).map((f) => f.zh)]) {
      const e = notFound(noun as keyof typeof NOUNS_EN, 'x1');
      expect(e.zh).toBe(`没有${noun}“x1”`);
      expect(e.en, noun).toMatch(/^no [a-z' ]+ "x1"$/);
    }
  });

  it('gives full-width punctuation to the values a problem quotes', () => {
    expect(problem('a', 'enum', '取值 "x,y" 无效,应为:a、b', 'bad').zh).toBe('取值“x,y”无效，应为：a、b');
  });
});
