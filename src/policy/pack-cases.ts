// Policy tests are data: YAML files of cases in the domain's own words with the consequences
// expected, under policies/<pack>/tests/. This module reads them and renders results in the same
// one-line form, so a failing test shows a readable set difference.
//
// A file:
//   base: _base.yaml            # optional case fragment every case of the file builds on
//   cases:
//     - name: 4.1.1 省通报批评,抽中镇失职
//       covers: ["4.1.1"]       # clauses and interpretations this case is meant to test
//       interpretations: { I12: all-sampled }
//       case: { assessments: [...] }   # merged over base: lists appended, other fields replaced
//       expect: [ "4.1.1 t1 award_veto", "4.1.1 t1-sec fine 1500", ... ]   # exactly these
//       withheld: [ "3.2.2 v11 reward 3000" ]                              # exactly these
//       partial: true            # then expect/withheld need only be present, and `absent` absent
//       absent: [ ... ]
//       problems: [ "posts[0].unit unknown_ref" ]   # the case must not validate, with these
//
// A line is `<clause>[><applies>] <subject id> <type> [detail]`; detail is the amount (reward,
// fine), the grade (appraisal_cap), the title (honour_title) or `from..until` (freeze).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Consequence, Withheld } from '../domain/result.ts';
import { yaml } from '../domain/yaml.ts';
import { isObj } from '../engine/check.ts';

export interface PackCase {
  file: string;
  name: string;
  covers: string[];
  interpretations?: Record<string, string>;
  case: Record<string, unknown>;
  expect?: string[];
  withheld?: string[];
  absent?: string[];
  partial: boolean;
  problems?: string[];
}

/** Lists are appended (base first), mappings merged, other values replaced. */
export function mergeCase(base: unknown, over: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(over)) return [...base, ...over];
  if (isObj(base) && isObj(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in base ? mergeCase(base[k], v) : v;
    return out;
  }
  return over === undefined ? base : over;
}

export function readPackCases(testsDir: string): PackCase[] {
  const out: PackCase[] = [];
  for (const file of readdirSync(testsDir).sort()) {
    if (!file.endsWith('.yaml') || file.startsWith('_')) continue;
    const doc = yaml().parse(readFileSync(join(testsDir, file), 'utf8')) as Record<string, unknown>;
    const base =
      typeof doc.base === 'string' ? yaml().parse(readFileSync(join(testsDir, doc.base), 'utf8')) : {};
    for (const raw of (doc.cases as Record<string, unknown>[]) ?? []) {
      const merged = mergeCase(base, raw.case ?? {}) as Record<string, unknown>;
      if (raw.interpretations)
        merged.interpretations = {
          ...((merged.interpretations as object) ?? {}),
          ...(raw.interpretations as object),
        };
      out.push({
        file,
        name: String(raw.name),
        covers: ((raw.covers as unknown[]) ?? []).map(String),
        interpretations: raw.interpretations as Record<string, string> | undefined,
        case: merged,
        expect: raw.expect as string[] | undefined,
        withheld: raw.withheld as string[] | undefined,
        absent: raw.absent as string[] | undefined,
        partial: raw.partial === true,
        problems: raw.problems as string[] | undefined,
      });
    }
  }
  return out;
}

/** `4.3.2.2>4.3.1.3 p-xu fine 1200` */
export function line(c: Consequence | Withheld): string {
  const clause = c.applies ? `${c.clause}>${c.applies}` : c.clause;
  let detail = '';
  if (c.amount_yuan !== undefined) detail = ` ${c.amount_yuan}`;
  else if (c.max_grade) detail = ` ${c.max_grade}`;
  else if (c.title) detail = ` ${c.title}`;
  else if (c.from) detail = ` ${c.from}..${c.until}`;
  return `${clause} ${c.subject.id} ${c.type}${detail}`;
}

/** Normalises a written expectation line (extra spaces, numbers written 1,500). */
export function normalise(l: string): string {
  return l
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/(\d),(\d{3})\b/g, '$1$2');
}
