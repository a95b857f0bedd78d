// Chinese as an office prints it: dates in Arabic numerals (2010年1月5日), and full-width
// punctuation in Chinese text (，。：；（）“”《》、). Text that reaches a document from elsewhere
// (the clause text of a pack, a notice's matter, the reason of a correction, a note) may carry
// ASCII punctuation; `fullWidth` turns the marks that sit in Chinese text into their full-width
// forms and leaves those in figures, dates, ids and English alone (1,005.50 stays; 4.3.2.2 stays).

import { clauseLabel } from '../../engine/clauses.ts';

/** A Han character, or a mark that is itself Chinese punctuation: what makes a mark "Chinese". */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff01-\uff5e\u201c\u201d\u2018\u2019\u2014\u2026]/u;
const HAN = /\p{Script=Han}/u;

const SIMPLE: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/** `2010-01-05` → `2010年1月5日` (成文日期: Arabic numerals, no leading zeros). */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const isChinese = (c: string | undefined) => c !== undefined && CHINESE.test(c);

/** The nearest character before `i` (or after, with step 1) that is not a space. */
function neighbour(chars: string[], i: number, step: -1 | 1): string | undefined {
  for (let j = i + step; j >= 0 && j < chars.length; j += step) if (chars[j] !== ' ') return chars[j];
  return undefined;
}

/** Pairs of brackets or straight quotes, by index; a pair is Chinese when what it holds or touches is. */
function pairs(chars: string[], open: string, close: string): [number, number][] {
  const out: [number, number][] = [];
  const stack: number[] = [];
  for (const [i, c] of chars.entries()) {
    if (open === close && c === open) {
      if (stack.length) out.push([stack.pop()!, i]);
      else stack.push(i);
    } else if (c === open) stack.push(i);
    else if (c === close && stack.length) out.push([stack.pop()!, i]);
  }
  return out;
}

/** One pass over the text: the marks whose neighbours are Chinese now. */
function pass(chars: string[]): string[] {
  const out = [...chars];
  for (const [open, close, zhOpen, zhClose] of [
    ['(', ')', '（', '）'],
    ['"', '"', '“', '”'],
  ] as const)
    for (const [a, b] of pairs(chars, open, close)) {
      const inside = chars.slice(a + 1, b);
      if (inside.some((c) => HAN.test(c)) || isChinese(chars[a - 1]) || isChinese(chars[b + 1])) {
        out[a] = zhOpen;
        out[b] = zhClose;
      }
    }
  for (const [i, c] of chars.entries()) {
    const zh = SIMPLE[c];
    const before = neighbour(chars, i, -1);
    const after = neighbour(chars, i, 1);
    if (zh && (isChinese(before) || isChinese(after))) out[i] = zh;
    else if (
      c === '.' &&
      before !== undefined &&
      HAN.test(before) &&
      (after === undefined || isChinese(after))
    )
      out[i] = '。';
  }
  return out;
}

/** Full-width punctuation wherever a mark sits in Chinese text; 「」 become “”. */
export function fullWidth(text: string): string {
  let chars = [...text.replace(/「/g, '“').replace(/」/g, '”').replace(/『/g, '‘').replace(/』/g, '’')];
  // A mark made full-width makes its neighbours' context Chinese: 2(1): → 2（1）：.
  for (let i = 0; i < 4; i++) {
    const next = pass(chars);
    if (next.join('') === chars.join('')) break;
    chars = next;
  }
  // A space beside a full-width mark is a leftover of ASCII typing.
  return chars
    .join('')
    .replace(/([，。：；？！（）“”、]) +/g, '$1')
    .replace(/ +([，。：；？！（）“”、])/g, '$1');
}

/** A clause as a document cites it: 4.3.2.1 → 四（三）2（1）. */
export function clauseZh(id: string): string {
  return clauseLabel(id);
}

export { asciiPunctuationInChinese } from '../../domain/zh-punct.ts';
