// Many counties at once: `generate({ counties, seed })` yields one zeren-case/1 per county, each
// generated on its own (county i depends only on the seed and i), so a run can be streamed, cut
// short or resumed, and a province of 100 counties never needs to sit in memory at once.

import type { ZerenCase } from '../domain/case.ts';
import { type GenerateOptions, generateCounty } from './county.ts';

export { type GenerateOptions, generateCounty } from './county.ts';

export interface GenerateRun extends GenerateOptions {
  counties: number;
  /** Default 1. */
  seed?: string | number;
  /** Index of the first county (default 0), to generate a slice of a larger run. */
  first?: number;
}

export function* generate(run: GenerateRun): Generator<ZerenCase> {
  const first = run.first ?? 0;
  for (let i = first; i < first + run.counties; i++) yield generateCounty(run.seed ?? 1, i, run);
}

/** The sizes of a case, or of a run (add them up with `addSizes`). */
export interface Sizes {
  counties: number;
  towns: number;
  villages: number;
  county_units: number;
  people: number;
  posts: number;
  links: number;
  assessments: number;
  acceptances: number;
  warning_notices: number;
  incidents: number;
}

export function emptySizes(): Sizes {
  return {
    counties: 0,
    towns: 0,
    villages: 0,
    county_units: 0,
    people: 0,
    posts: 0,
    links: 0,
    assessments: 0,
    acceptances: 0,
    warning_notices: 0,
    incidents: 0,
  };
}

export function addSizes(total: Sizes, c: ZerenCase): Sizes {
  for (const u of c.units) {
    if (u.kind === 'county') total.counties++;
    else if (u.kind === 'town') total.towns++;
    else if (u.kind === 'village') total.villages++;
    else total.county_units++;
  }
  total.people += c.people?.length ?? 0;
  total.posts += c.posts?.length ?? 0;
  total.links += c.links?.length ?? 0;
  total.assessments += c.assessments?.length ?? 0;
  total.acceptances += c.acceptances?.length ?? 0;
  total.warning_notices += c.warning_notices?.length ?? 0;
  total.incidents += c.incidents?.length ?? 0;
  return total;
}
