// The Chinese of every policy pack as it is read (readPackSource): parameters, interpretations,
// duties and the clause text take full-width punctuation, and one quotation style (“”). A reading
// written in a YAML flow mapping with an ASCII comma (`{ en: …, zh: 暂缓(不予)兑现,注明原因 }`)
// would be cut at the comma: its Chinese must come through whole. The Chinese runs of the docs too.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { asciiPunctuationInChinese } from '../domain/zh-punct.ts';
import { packDir, packIds, readPackSource } from './load.ts';

const HAN = /\p{Script=Han}/u;

/** Every string of a parsed value under a key naming Chinese (`zh`, `question_zh`, `text`), with its path. */
function chinese(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string')
    return /(^|\.)(zh|\w+_zh|text)$/.test(path) && HAN.test(value) ? [[path, value]] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => chinese(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => chinese(v, path ? `${path}.${k}` : k));
  return [];
}

/** What a reader of Chinese must not see: ASCII marks touching Chinese, corner quotes, a `?` after a quote. */
const wrong = (t: string) => [...asciiPunctuationInChinese(t), ...(t.match(/[”）][?,:;!]/g) ?? [])];

describe.each(packIds())('the Chinese of the policy pack %s', (id) => {
  const source = readPackSource(packDir(id));
  const texts = chinese(source);

  it('is read', () => expect(texts.length).toBeGreaterThan(50));

  it('has full-width punctuation and “” quotes', () => {
    const bad = texts.filter(([, t]) => wrong(t).length > 0).map(([p, t]) => `${p}: ${t}`);
    expect(bad).toEqual([]);
  });

  it('keeps each reading of an interpretation whole (no key split off by a comma)', () => {
    const file = source.interpretations as {
      interpretations: Record<string, { values: Record<string, object> }>;
    };
    const readings = Object.values(file.interpretations).flatMap((i) => Object.values(i.values));
    expect(readings.length).toBeGreaterThan(10);
    for (const r of readings) expect(Object.keys(r).sort()).toEqual(['en', 'zh']);
  });
});

describe('the check', () => {
  it('finds half-width marks, corner quotes and a question mark after a quote', () => {
    expect(wrong('暂缓(不予)兑现')).not.toEqual([]);
    expect(wrong('「前10名」')).not.toEqual([]);
    expect(wrong('如何“按第1条处理”?')).not.toEqual([]);
    expect(wrong('暂缓（不予）兑现，注明原因')).toEqual([]);
  });
});

describe('the docs', () => {
  // Chinese runs in the English docs: a bracket around Chinese after Chinese (镇(场)), or , : ;
  // between Chinese characters. (workflows.md shows `镇(场)` once on purpose: the importer's leniency.)
  const HALF = /\p{Script=Han}[,:;]\p{Script=Han}|(?:\p{Script=Han}|）)\([\p{Script=Han}、，（）]+\)/u;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const files = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];

  it('finds a half-width bracket in a Chinese run', () => {
    expect(HALF.test('抽中村的驻(挂钩联系)村')).toBe(true);
    expect(HALF.test('数据:谁对什么负责')).toBe(true);
    expect(HALF.test('a person reads the label (四（三）1（6）)')).toBe(false);
  });

  it('writes the Chinese of the docs and the README in full-width punctuation', () => {
    const bad = files.flatMap((f) =>
      readFileSync(join(root, f), 'utf8')
        .split('\n')
        .map((line, i) => [`${f}:${i + 1}`, line] as const)
        .filter(([, line]) => HALF.test(line) && !line.includes('`镇(场)` and `镇（场）`'))
        .map(([at, line]) => `${at} ${line}`),
    );
    expect(bad).toEqual([]);
  });
});
