// The readings the engine's own code gives meaning to (the rest a pack's rules test by name, in
// `when: { interpretation: … }`, checked when the rules compile). Each is typed with its values,
// so code that compares a misspelt value or names a reading that is not here does not compile;
// and a pack that declares one of them with a value the engine does not know, or whose rules
// read one the pack does not declare, does not load.

import type { Checker } from './check.ts';
import type { Pack } from './pack.ts';

export const ENGINE_READINGS = {
  /** Who counts for the FP year: held at any time in it, or on its last day. */
  I1: ['any-time', 'year-end'],
  /** 驻村干部 of a sampled town: at any village of the town, or at its sampled villages only. */
  I2: ['whole-town', 'sampled-villages-only'],
  /** Ties at a ranking's cut-off. */
  I5: ['include-ties', 'strict'],
  /** 计生办: its head, or the head and every FP cadre. */
  I6: ['head-only', 'whole-office'],
  /** 村干部: every post of the village, or the two committees only. */
  I10: ['all-village-posts', 'two-committees-only'],
  /** Sampled units penalised: those at fault, or every sampled unit. */
  I12: ['at-fault-only', 'all-sampled'],
  /** 连续二次: no correction verified between two notices, or any two notices. */
  I13: ['no-correction-between', 'any-two'],
} as const;

export type EngineReading = keyof typeof ENGINE_READINGS;

/** The readings in force, typed where the engine reads them (absent where the pack has none). */
export type Readings = { readonly [K in EngineReading]?: (typeof ENGINE_READINGS)[K][number] };

/**
 * The readings in force as the engine reads them. The values were checked on the way in: the
 * pack's against ENGINE_READINGS when it loaded, a case's and the overrides against the pack's.
 */
export const typed = (readings: Readonly<Record<string, string>>): Readings => readings as Readings;

/** The engine's readings the pack declares must have only values the engine knows. */
export function checkReadings(pack: Pack, c: Checker): void {
  for (const [id, known] of Object.entries(ENGINE_READINGS) as [EngineReading, readonly string[]][]) {
    const it = pack.interpretations.get(id);
    if (!it) continue;
    for (const v of Object.keys(it.values))
      if (!known.includes(v))
        c.add(
          `interpretations.yaml.interpretations.${id}.values.${v}`,
          'unknown_reading_value',
          `引擎不认识解释 ${id} 的取值“${v}”，应为：${known.join('、')}`,
          `the engine knows no value "${v}" of reading ${id}; use: ${known.join(', ')}`,
        );
  }
}

/** Every reading a compiled rule depends on must be one the pack declares. */
export function checkDeclared(pack: Pack, deps: Iterable<[path: string, id: string]>, c: Checker): void {
  const seen = new Set<string>();
  for (const [path, id] of deps)
    if (!pack.interpretations.has(id) && !seen.has(id)) {
      seen.add(id);
      c.add(
        path,
        'unknown_interpretation',
        `规则依赖解释 ${id}，但策略包没有声明它`,
        `the rule depends on reading ${id}, which the pack does not declare`,
      );
    }
}
