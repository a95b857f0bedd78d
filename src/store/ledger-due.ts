// When a fine falls due, in parts: each decision's `assess` entry carries its deadline, a
// correction's increase is due by its own date, and a decrease comes off the latest part first.
// Pure: from an obligation's entries to its parts, what is overdue on a day, and the deadline of
// the first part not yet settled.

import { type LedgerEntry, type LedgerState, settledOf, stateOf } from './ledger-core.ts';

export interface Tranche {
  due_on: string | null;
  fen: number;
}

/**
 * When the amount assessed falls due, in parts. A decision that raises a fine adds the increase,
 * due by its own date; one that lowers it takes the decrease off the latest parts first, so
 * what remains keeps its first due date. A fine is never due earlier than a decision said.
 */
export function tranchesOf(entries: readonly LedgerEntry[]): Tranche[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const isAssessment = (e: LedgerEntry) =>
    e.kind === 'assess' || (e.kind === 'reverse' && byId.get(e.reverses ?? '')?.kind === 'assess');
  const out: Tranche[] = [];
  let total = 0;
  const changes = entries.filter(isAssessment);
  for (let i = 0; i < changes.length; ) {
    // One decision's entries for the obligation (a reversal and the new amount) are one change.
    let j = i;
    let due: string | null = null;
    while (j < changes.length && changes[j]!.decision_id === changes[i]!.decision_id) {
      if (changes[j]!.kind === 'assess') due = changes[j]!.due_on;
      j++;
    }
    const after = stateOf(entries.slice(0, entries.indexOf(changes[j - 1]!) + 1)).assessed;
    if (after > total) out.push({ due_on: due, fen: after - total });
    for (let cut = total - after; cut > 0 && out.length > 0; ) {
      const last = out[out.length - 1]!;
      const take = Math.min(cut, last.fen);
      last.fen -= take;
      cut -= take;
      if (last.fen === 0) out.pop();
    }
    total = after;
    i = j;
  }
  return out;
}

/** What fell due before `on` and is not settled: what the finance bureau may deduct that day. */
export function overdueOn(tranches: readonly Tranche[], s: LedgerState, on: string): number {
  const due = tranches.reduce((t, x) => t + (x.due_on !== null && x.due_on < on ? x.fen : 0), 0);
  return Math.max(0, due - settledOf(s));
}

/** The day the first part not yet settled falls due (the last part's, when all is settled). */
export function dueOnOf(tranches: readonly Tranche[], s: LedgerState): string | null {
  const sorted = [...tranches].sort((a, b) => ((a.due_on ?? '9') < (b.due_on ?? '9') ? -1 : 1));
  let paid = settledOf(s);
  for (const t of sorted) {
    if (paid < t.fen) return t.due_on;
    paid -= t.fen;
  }
  return sorted.at(-1)?.due_on ?? null;
}
