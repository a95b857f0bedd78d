// Chinese text takes full-width punctuation (，。：；（）“”、！？); ASCII punctuation stays in English
// text, numbers, dates and ids. `zhPunct` turns the ASCII marks of a Chinese text into full-width
// ones where a Chinese reader expects them, so labels kept with ASCII marks (`镇(场)`) read right at
// the edge (Excel cells, sheet names), and `sameLabel` compares what a person typed either way.

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Han characters and full-width punctuation: the text a mark "touches" to become full-width. */
const WIDE = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff60\u2014\u2026\u201c\u201d]/;
const MARKS: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？' };

const prevChar = (s: string, i: number) => {
  for (let j = i - 1; j >= 0; j--) if (s[j] !== ' ') return s[j]!;
  return '';
};
const nextChar = (s: string, i: number) => {
  for (let j = i + 1; j < s.length; j++) if (s[j] !== ' ') return s[j]!;
  return '';
};

/**
 * Full-width punctuation in a Chinese text: in a text with Han characters, every balanced pair of
 * parentheses and of double quotes becomes （） and “”; a comma, colon, semicolon, ! or ? touching
 * Chinese (spaces aside) becomes full-width; a full stop after a Han character, at the end or
 * before Chinese, becomes 。. Spaces hugging a full-width mark go. `3.2.2`, `2009-03-01`, `12:30`
 * and English text are left alone.
 */
export function zhPunct(text: string): string {
  if (!HAN.test(text)) return text;
  const out = [...text];
  const open: number[] = [];
  let quote = -1;
  for (let i = 0; i < out.length; i++) {
    const c = out[i]!;
    if (c === '(') open.push(i);
    else if (c === ')' && open.length) {
      out[open.pop()!] = '（';
      out[i] = '）';
    } else if (c === '"') {
      if (quote < 0) quote = i;
      else {
        out[quote] = '“';
        out[i] = '”';
        quote = -1;
      }
    } else if (MARKS[c] && (WIDE.test(prevChar(text, i)) || WIDE.test(nextChar(text, i)))) out[i] = MARKS[c]!;
    else if (
      c === '.' &&
      HAN.test(prevChar(text, i)) &&
      (nextChar(text, i) === '' || HAN.test(nextChar(text, i)))
    )
      out[i] = '。';
  }
  return out.join('').replace(/ *([，。：；！？（）“”、]) */g, '$1');
}

/** A label as typed, for comparison: full-width punctuation, no spaces, no `*` marking a required column. */
export function labelKey(text: string): string {
  return zhPunct(text.replace(/[\s\u3000*＊]+/g, '')).replace(/[\s\u3000]+/g, '');
}

/** Two labels are the same whatever their punctuation's width or their spaces (`镇(场)` = `镇（场）`). */
export const sameLabel = (a: string, b: string) => labelKey(a) === labelKey(b);

/**
 * The ASCII punctuation marks that touch a Han character, each with its surroundings: what a
 * reader of Chinese text must never see. Empty when the text is clean. Corner brackets 「」 count
 * too: the one quotation style of the system is “”.
 */
export function asciiPunctuationInChinese(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (const [i, c] of chars.entries())
    if (
      /[「」]/.test(c) ||
      (/[,.:;!?()"'[\]]/.test(c) && (HAN.test(chars[i - 1] ?? '') || HAN.test(chars[i + 1] ?? '')))
    )
      out.push(chars.slice(Math.max(0, i - 6), i + 7).join(''));
  return out;
}
