// The shipped pack's words for the screens' tests, read from its vocabulary.yaml as the server
// reads it (no copy of its labels here).

import { parse } from 'yaml';
import text from '../../../policies/county-fp-2009/vocabulary.yaml?raw';
import type { Vocabulary } from '../../../src/domain/vocabulary.ts';
import { Checker } from '../../../src/engine/check.ts';
import { readVocabulary } from '../../../src/engine/vocabulary.ts';

export function shippedWords(): Vocabulary {
  const c = new Checker();
  const words = readVocabulary(parse(text), c);
  if (c.problems.length) throw new Error(JSON.stringify(c.problems));
  return words;
}
