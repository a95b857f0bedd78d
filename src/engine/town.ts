// A town's own pack (七) decides for its town only: of what its rules give, it keeps what goes to
// the town, its villages, and people through a post or link there (or holding a post there, for
// a consequence given to a person directly). The county's result is untouched: the town's is a
// result of its own, naming its pack and citing its clauses.

import type { ZerenCase } from '../domain/case.ts';
import type { ZerenResult } from '../domain/result.ts';

export function onlyTown(result: ZerenResult, c: ZerenCase, town: string): ZerenResult {
  const units = new Set([town, ...c.units.filter((u) => u.town === town).map((u) => u.id)]);
  const people = new Set([
    ...(c.posts ?? []).filter((p) => units.has(p.unit)).map((p) => p.person),
    ...(c.links ?? []).flatMap((l) => (l.kind === 'stationed' && units.has(l.village) ? [l.person] : [])),
  ]);
  const ours = (x: ZerenResult['consequences'][number]) =>
    x.via
      ? units.has(x.via.unit)
      : x.subject.kind === 'unit'
        ? units.has(x.subject.id)
        : people.has(x.subject.id);
  return {
    ...result,
    consequences: result.consequences.filter(ours),
    withheld: result.withheld.filter(ours),
  };
}
