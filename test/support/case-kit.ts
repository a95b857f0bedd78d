// For tests of the import contract: a case in a normal form, so that an export and the case it
// came from compare equal when they say the same. Collections are sets (sorted), except the
// assessments, whose order I5 strict reads; every item is written as the case format writes it
// (no `kind: annual`, no empty lists); people are those the year's facts name; units, the
// county's registry, can be narrowed to a case's own.

import { canonicalJson } from '../../src/domain/canonical.ts';
import { YEAR_COLLECTIONS, type ZerenCase } from '../../src/domain/case.ts';
import { FACTS, type FactFields } from '../../src/store/fact-kinds.ts';

export function normalCase(c: ZerenCase, units?: ReadonlySet<string>): Record<string, unknown> {
  const raw = c as unknown as Record<string, FactFields[] | undefined>;
  const sorted = (xs: Record<string, unknown>[]) =>
    xs.map((x) => [canonicalJson(x), x] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {
    format: c.format,
    policy: c.policy,
    fp_year: c.fp_year,
    decided_on: c.decided_on ?? null,
    interpretations: c.interpretations ?? {},
    units: sorted(
      c.units
        .filter((u) => !units || units.has(u.id))
        .map((u) => FACTS.units.toCase(u as unknown as FactFields)),
    ).map(([, x]) => x),
  };
  const named = new Set<string>();
  for (const name of YEAR_COLLECTIONS) {
    const items = (raw[name] ?? []).map((a) => FACTS[name].toCase(a));
    for (const a of items) if (typeof a.person === 'string') named.add(a.person);
    out[name] = name === 'assessments' ? items : sorted(items).map(([, x]) => x);
  }
  out.people = sorted(
    (raw.people ?? []).filter((p) => named.has(String(p.id))).map((p) => FACTS.people.toCase(p)),
  ).map(([, x]) => x);
  return out;
}

/** A result's consequences and withheld entries as sorted lists: the order carries no meaning. */
export function normalResult(r: { consequences: unknown[]; withheld: unknown[] }) {
  const sort = (xs: unknown[]) => xs.map((x) => canonicalJson(x)).sort();
  return { consequences: sort(r.consequences), withheld: sort(r.withheld) };
}
