// The words a pack's YAML tests name, checked against the pack: the readings and values a case
// sets (`interpretations:`) or says it covers (`covers: [I2]`), and the consequence types of the
// lines it expects. A test naming a word the pack does not declare is a problem of the pack, with
// its file and case (`tests/city.yaml[2].expect[0]`), as `zeren policy check` and `test` list them.

import type { Problem } from '../domain/problems.ts';
import type { Engine } from '../engine/engine.ts';
import type { PackCase } from './pack-cases.ts';

const READING = /^I\d+$/;

export function testWordProblems(engine: Engine, cases: readonly PackCase[]): Problem[] {
  const problems: Problem[] = [];
  const readings = engine.pack.interpretations;
  const types = engine.vocabulary.consequence_types;
  const index = new Map<string, number>();
  for (const pc of cases) {
    const n = index.get(pc.file) ?? 0;
    index.set(pc.file, n + 1);
    const at = `tests/${pc.file}[${n}]`;
    const reading = (path: string, id: string, value?: string) => {
      const it = readings.get(id);
      if (!it)
        problems.push({
          path,
          code: 'unknown_interpretation',
          zh: `“${pc.name}”：策略包没有解释 ${id}`,
          en: `"${pc.name}": the pack declares no reading ${id}`,
        });
      else if (value !== undefined && !Object.hasOwn(it.values, value))
        problems.push({
          path,
          code: 'unknown_reading_value',
          zh: `“${pc.name}”：解释 ${id} 没有取值“${value}”，应为：${Object.keys(it.values).join('、')}`,
          en: `"${pc.name}": reading ${id} has no value "${value}"; use: ${Object.keys(it.values).join(', ')}`,
        });
    };
    for (const [id, v] of Object.entries(pc.interpretations ?? {}))
      reading(`${at}.interpretations.${id}`, id, String(v));
    pc.covers.forEach((c, i) => {
      const [id, value] = c.split('=');
      if (id && READING.test(id)) reading(`${at}.covers[${i}]`, id, value);
    });
    for (const key of ['expect', 'withheld', 'absent'] as const)
      (pc[key] ?? []).forEach((l, i) => {
        const type = String(l).trim().split(/\s+/)[2];
        if (type !== undefined && !Object.hasOwn(types, type))
          problems.push({
            path: `${at}.${key}[${i}]`,
            code: 'unknown_word',
            zh: `“${pc.name}”：没有后果类型 ${type}`,
            en: `"${pc.name}": no consequence type ${type} in the vocabulary`,
          });
      });
  }
  return problems;
}
