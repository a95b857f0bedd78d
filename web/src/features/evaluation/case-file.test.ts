import { describe, expect, it } from 'vitest';
import { parseCaseText } from './case-file.ts';

describe('a case file read in the browser', () => {
  it('reads JSON and YAML to the same case', async () => {
    const json = await parseCaseText('c.json', '{"format": "zeren-case/1", "fp_year": 2009}');
    const yaml = await parseCaseText('c.yaml', 'format: zeren-case/1\nfp_year: 2009\n');
    expect(json).toEqual({ name: 'c.json', value: { format: 'zeren-case/1', fp_year: 2009 } });
    expect(yaml).toEqual({ name: 'c.yaml', value: { format: 'zeren-case/1', fp_year: 2009 } });
  });

  it('says in Chinese why a file cannot be read, and sends nothing', async () => {
    const bad = await parseCaseText('c.json', '{"format": ');
    expect(bad).toMatchObject({ error: expect.stringMatching(/^无法读取 JSON文件：/) });
    const bomb = await parseCaseText(
      'c.yml',
      `a: &a [x]\n${Array.from({ length: 200 }, (_, i) => `b${i}: *a`).join('\n')}\n`,
    );
    expect(bomb).toMatchObject({ error: expect.stringMatching(/^无法读取 YAML文件：/) });
  });
});
