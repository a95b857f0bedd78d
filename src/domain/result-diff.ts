// What changes between two results of one case: consequences and withheld entries in one and not
// the other (keyed by subject, type, amount, clause, applies, freeze start and grade).

import { type Consequence, consequenceKey, type Withheld, type ZerenResult } from './result.ts';

export interface ResultDiff {
  added: Consequence[];
  removed: Consequence[];
  withheld_added: Withheld[];
  withheld_removed: Withheld[];
}

/** Consequences (keyed by subject, type, amount, clause, dates) in one result and not the other. */
export function compareResults(before: ZerenResult, after: ZerenResult): ResultDiff {
  const key = (x: Consequence | Withheld) => `${consequenceKey(x)}|${x.from ?? ''}|${x.max_grade ?? ''}`;
  const minus = <T extends Consequence | Withheld>(a: T[], b: T[]) => {
    const keys = new Set(b.map(key));
    return a.filter((x) => !keys.has(key(x)));
  };
  return {
    added: minus(after.consequences, before.consequences),
    removed: minus(before.consequences, after.consequences),
    withheld_added: minus(after.withheld, before.withheld),
    withheld_removed: minus(before.withheld, after.withheld),
  };
}
