// The clause text of a pack (text.md): one heading per clause, carrying `<a id="3.1.2"></a>`; the
// clause's text runs to the next heading. Ids are dotted numbers; people read labels, with
// full-width brackets as in the policy itself: 3.1.2 is 三（一）2, 4.3.1.6 is 四（三）1（6）, 2.4 is 二（四）.

export interface Clause {
  id: string;
  /** 三（一）2 */
  label: string;
  text: string;
}

const HEADING = /^#{1,6}\s.*<a id="([^"]+)"><\/a>\s*$/;
const CLAUSE_ID = /^\d+(\.\d+){0,3}$/;
const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function numeral(n: number): string {
  if (n <= 10) return NUMERALS[n]!;
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  return `${NUMERALS[Math.floor(n / 10)]}十${n % 10 ? NUMERALS[n % 10] : ''}`;
}

/** The Chinese label of a clause id: 3.1.2 → 三（一）2, 4.3.1.6 → 四（三）1（6）. */
export function clauseLabel(id: string): string {
  const [a, b, c, d] = id.split('.').map(Number);
  let s = numeral(a!);
  if (b !== undefined) s += `（${numeral(b)}）`;
  if (c !== undefined) s += String(c);
  if (d !== undefined) s += `（${d}）`;
  return s;
}

export interface ParsedText {
  clauses: Map<string, Clause>;
  problems: { line: number; zh: string; en: string }[];
}

export function parseClauseText(markdown: string): ParsedText {
  const clauses = new Map<string, Clause>();
  const problems: ParsedText['problems'] = [];
  let current: { id: string; lines: string[] } | undefined;
  const close = () => {
    if (!current) return;
    const text = current.lines.join('\n').trim();
    if (text === '')
      problems.push({ line: 0, zh: `条款${current.id}没有正文`, en: `clause ${current.id} has no text` });
    clauses.set(current.id, { id: current.id, label: clauseLabel(current.id), text });
  };
  markdown.split(/\r?\n/).forEach((line, i) => {
    const m = HEADING.exec(line);
    if (m) {
      close();
      const id = m[1]!;
      current = undefined;
      if (!CLAUSE_ID.test(id))
        problems.push({ line: i + 1, zh: `条款编号“${id}”格式不对`, en: `clause id "${id}" is malformed` });
      else if (clauses.has(id))
        problems.push({ line: i + 1, zh: `条款${id}重复`, en: `clause ${id} appears twice` });
      else current = { id, lines: [] };
    } else if (/^#{1,6}\s/.test(line)) {
      close();
      current = undefined;
    } else current?.lines.push(line);
  });
  close();
  return { clauses, problems };
}
