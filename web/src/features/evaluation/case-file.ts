// Reading a case file in the browser: JSON, or YAML (the parser loaded only when a YAML file is
// chosen). A file that cannot be read says why, in Chinese, before anything is sent.

export type CaseText = { name: string; value: unknown } | { name: string; error: string };

export async function parseCaseText(name: string, text: string): Promise<CaseText> {
  const yaml = /\.ya?ml$/i.test(name);
  try {
    if (!yaml) return { name, value: JSON.parse(text) as unknown };
    const { parse } = await import('yaml');
    return { name, value: parse(text, { maxAliasCount: 100 }) as unknown };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { name, error: `无法读取${yaml ? ' YAML' : ' JSON'}文件：${why}` };
  }
}
