// The clause list of the 政策 screen: clauses matching a search (label, id, text, a rule's or a
// parameter's name), indented by depth, with what each carries (rules, tests) in a short note.

import type { Clause } from './api.ts';

export interface ClauseItem {
  id: string;
  label: string;
  depth: number;
  /** The first words of the text, for the list. */
  gist: string;
  note: string;
}

const norm = (s: string) => s.replace(/[（(]/g, '(').replace(/[）)]/g, ')').toLowerCase();

export function matchesClause(c: Clause, q: string): boolean {
  const k = norm(q.trim());
  if (k === '') return true;
  return (
    norm(c.id) === k ||
    norm(c.label).includes(k) ||
    norm(c.text).includes(k) ||
    c.rules.some((r) => r.id.includes(k)) ||
    c.parameters.some((p) => p.name.includes(k)) ||
    c.interpretations.some((i) => i.toLowerCase() === k)
  );
}

export function clauseItems(clauses: readonly Clause[], q = ''): ClauseItem[] {
  return clauses
    .filter((c) => matchesClause(c, q))
    .map((c) => {
      const gist = c.text.replace(/\s+/g, '');
      const parts = [
        c.rules.length ? `${c.rules.length} 条规则` : '',
        c.tests.length ? `${c.tests.length} 个测试` : '',
      ];
      return {
        id: c.id,
        label: c.label,
        depth: c.id.split('.').length - 1,
        gist: gist.length > 24 ? `${gist.slice(0, 24)}…` : gist,
        note: parts.filter(Boolean).join('，'),
      };
    });
}

/** The tests of a clause grouped by file, in file order: [['rewards-towns.yaml', [...]], …]. */
export function testsByFile<T extends { file: string }>(tests: readonly T[]): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const t of tests) m.set(t.file, [...(m.get(t.file) ?? []), t]);
  return [...m.entries()];
}
