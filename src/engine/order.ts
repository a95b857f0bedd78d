// One consequence of each type per subject per clause (I9: the larger amount, then the earliest
// freeze; then, to stay independent of the order of the case, the explanation that sorts first),
// in the canonical order of the result: by subject kind, subject id, clause and type, as JS
// compares strings.
//
// Entries are grouped by subject first: ordering then sorts the distinct subject ids once (taken
// in the order the case lists its people and units, which is usually already sorted, so the sort
// costs little), and each subject's few entries by clause and type. Comparing whole entries would
// compare long ids with long common prefixes some ten times per entry, and that was the largest
// single cost of an evaluation.

import type { ZerenCase } from '../domain/case.ts';
import type { Consequence } from '../domain/result.ts';

export interface ConsequenceEntry {
  c: Consequence;
  /** reward and fine: the amount in fen. */
  fen?: number;
  /** The unit the consequence is given for (I4). */
  forUnit?: string;
}

/** Whether `a` should stand instead of `b` for the same subject, type and clause (I9). */
function better(a: ConsequenceEntry, b: ConsequenceEntry): boolean {
  if (a.fen !== b.fen) return (a.fen ?? 0) > (b.fen ?? 0);
  if (a.c.from !== b.c.from) return (a.c.from ?? '') < (b.c.from ?? '');
  return a.c.explanation < b.c.explanation;
}

function byClauseAndType(a: ConsequenceEntry, b: ConsequenceEntry): number {
  if (a.c.clause !== b.c.clause) return a.c.clause < b.c.clause ? -1 : 1;
  return a.c.type < b.c.type ? -1 : a.c.type > b.c.type ? 1 : 0;
}

/** A stable insertion sort by clause and type: a subject has a handful of entries, for which
 * Array.prototype.sort costs more to call than to run. */
function sortSmall(list: ConsequenceEntry[]): void {
  for (let i = 1; i < list.length; i++) {
    const e = list[i]!;
    let j = i - 1;
    while (j >= 0 && byClauseAndType(list[j]!, e) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = e;
  }
}

/** Entries by subject: `person` and `unit` ids, each with its entries in the order added. */
export class BySubject<T extends ConsequenceEntry> {
  readonly person = new Map<string, T[]>();
  readonly unit = new Map<string, T[]>();

  add(e: T): void {
    const m = this[e.c.subject.kind];
    const list = m.get(e.c.subject.id);
    if (list) list.push(e);
    else m.set(e.c.subject.id, [e]);
  }

  /** Whether an entry of this subject has the same clause and type. */
  has(e: ConsequenceEntry): boolean {
    for (const x of this[e.c.subject.kind].get(e.c.subject.id) ?? [])
      if (x.c.clause === e.c.clause && x.c.type === e.c.type) return true;
    return false;
  }
}

/** The ids of `m`, sorted; gathered in the case's own order first. */
function sortedIds(m: Map<string, unknown>, inCase: readonly { id: string }[]): string[] {
  const ids: string[] = [];
  for (const x of inCase) if (m.has(x.id)) ids.push(x.id);
  ids.sort();
  // A validated case lists each id once; should it not, the map's own keys are exact.
  let exact = ids.length === m.size;
  for (let i = 1; exact && i < ids.length; i++) if (ids[i] === ids[i - 1]) exact = false;
  return exact ? ids : [...m.keys()].sort();
}

/** One entry per subject, clause and type (I9), in the canonical order. */
export function canonical<T extends ConsequenceEntry>(entries: BySubject<T>, c: ZerenCase): T[] {
  const out: T[] = [];
  const each = (m: Map<string, T[]>, inCase: readonly { id: string }[]) => {
    for (const id of sortedIds(m, inCase)) {
      const list = m.get(id)!;
      if (list.length > 1) sortSmall(list);
      const first = out.length;
      for (const e of list) {
        const prev = out.length > first ? out[out.length - 1]! : undefined;
        if (prev === undefined || prev.c.clause !== e.c.clause || prev.c.type !== e.c.type) out.push(e);
        else if (better(e, prev)) out[out.length - 1] = e;
      }
    }
  };
  each(entries.person, c.people ?? []);
  each(entries.unit, c.units);
  return out;
}
