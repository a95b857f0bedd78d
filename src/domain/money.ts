// Money is integer fen inside and yuan at the edges. Receipts and statements also write amounts
// in capital Chinese numerals (金额大写), as a finance office requires.
//
// The one convention, everywhere (documents, Excel, reports, CLI): figures are written
// `1,005.50元` (thousands separated, two decimals, the unit 元 after); capitals follow
// 《会计基础工作规范》第五十二条: 整 after 元 or 角, never after 分; a 零 where 元 or 角 is zero
// and a smaller unit follows. 1,005.50 → 壹仟零伍元伍角整; 1,500.00 → 壹仟伍佰元整;
// 1,500.05 → 壹仟伍佰元零伍分; 1,500.55 → 壹仟伍佰元伍角伍分. On a document the capitals are
// preceded by 人民币 (`rmbCapital`).

import type { Problem } from './problems.ts';

export type Fen = number;

export function yuanToFen(yuan: number): Fen {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: Fen): number {
  return fen / 100;
}

/** 150050 fen → "1,500.50" (the figure alone, for a column headed 金额（元）) */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** 100550 fen → "1,005.50元": an amount in running text. */
export function yuanText(fen: Fen): string {
  return `${formatYuan(fen)}元`;
}

/**
 * Reads an amount given in yuan at an edge (API, Excel): positive, at most two decimals, under a
 * sane ceiling. A problem names the field in both languages.
 */
export function parseYuan(value: unknown, path: string): { fen: Fen } | { problem: Problem } {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n))
    return {
      problem: { path, code: 'amount', zh: '金额应为数字（元）', en: 'the amount must be a number (yuan)' },
    };
  const fen = Math.round(n * 100);
  if (Math.abs(n * 100 - fen) > 1e-6)
    return {
      problem: {
        path,
        code: 'amount',
        zh: '金额最多两位小数（分）',
        en: 'the amount has at most two decimals (fen)',
      },
    };
  if (fen <= 0)
    return {
      problem: { path, code: 'amount', zh: '金额应大于零', en: 'the amount must be greater than zero' },
    };
  if (fen > 100_000_000_00)
    return { problem: { path, code: 'amount', zh: '金额过大', en: 'the amount is too large' } };
  return { fen };
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '兆'];

/** 金额大写: 100550 fen → 壹仟零伍元伍角整; 100000 → 壹仟元整; 150005 → 壹仟伍佰元零伍分; 0 → 零元整. */
export function capitalYuan(fen: Fen): string {
  if (!Number.isInteger(fen)) throw new Error(`not a whole number of fen: ${fen}`);
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const jiao = Math.floor(abs / 10) % 10;
  const fenDigit = abs % 10;
  let out = '';
  if (yuan === 0) out = '零';
  else {
    const groups: number[] = [];
    for (let y = yuan; y > 0; y = Math.floor(y / 10000)) groups.push(y % 10000);
    let pendingZero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g]!;
      if (group === 0) {
        pendingZero = out !== '';
        continue;
      }
      // A gap inside or before a group reads as one 零 (壹万零伍佰).
      if (out !== '' && (pendingZero || group < 1000)) out += '零';
      pendingZero = false;
      let s = '';
      let zero = false;
      for (let i = 3; i >= 0; i--) {
        const d = Math.floor(group / 10 ** i) % 10;
        if (d === 0) zero = s !== '';
        else {
          if (zero) s += '零';
          zero = false;
          s += DIGITS[d]! + SMALL[i]!;
        }
      }
      out += s + BIG[g]!;
    }
  }
  out += '元';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (fenDigit > 0 && yuan > 0) out += '零';
  // 整 closes an amount that ends at 元 or 角; one that has 分 needs none.
  out += fenDigit > 0 ? `${DIGITS[fenDigit]}分` : '整';
  return (negative ? '负' : '') + out;
}

/** The capitals as a document writes them: 人民币壹仟零伍元伍角整. */
export function rmbCapital(fen: Fen): string {
  return `人民币${capitalYuan(fen)}`;
}
