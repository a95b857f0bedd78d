// Values before and after, as a reader compares them: each field (nested ones by their path,
// `after.status`), what it was and what it is, and whether it was added, removed or changed.
// Lists and other values read as short text; an empty value reads as —.

export type Change = 'added' | 'removed' | 'changed' | 'same';

export interface DiffRow {
  path: string;
  before: string;
  after: string;
  change: Change;
}

export const CHANGE_ZH: Record<Change, string> = {
  added: '新增',
  removed: '删除',
  changed: '修改',
  same: '未变',
};

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as one line of text: strings as they are, null and absent as —, the rest as JSON. */
export function valueText(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  return JSON.stringify(v);
}

function flatten(v: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isPlain(v) && (prefix === '' || Object.keys(v).length > 0)) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix !== '') out.set(prefix, v);
  else if (v !== null && v !== undefined) out.set('（值）', v);
}

/** Every field of either side, in the order they first appear, changed ones first. */
export function diffValues(before: unknown, after: unknown): DiffRow[] {
  const b = new Map<string, unknown>();
  const a = new Map<string, unknown>();
  flatten(before, '', b);
  flatten(after, '', a);
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  const rows = paths.map((path): DiffRow => {
    const x = b.get(path);
    const y = a.get(path);
    const bt = valueText(x);
    const at = valueText(y);
    const change: Change =
      bt === at
        ? 'same'
        : !b.has(path) || bt === '—'
          ? 'added'
          : !a.has(path) || at === '—'
            ? 'removed'
            : 'changed';
    return { path, before: bt, after: at, change };
  });
  return [...rows.filter((r) => r.change !== 'same'), ...rows.filter((r) => r.change === 'same')];
}

/** In words: 修改 3 项，新增 1 项 — or 无改动. */
export function diffSummary(rows: readonly DiffRow[]): string {
  const n = (c: Change) => rows.filter((r) => r.change === c).length;
  const parts = (['changed', 'added', 'removed'] as const)
    .filter((c) => n(c) > 0)
    .map((c) => `${CHANGE_ZH[c]} ${n(c)} 项`);
  return parts.length ? parts.join('，') : '无改动';
}
