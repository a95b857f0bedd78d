// For tests: the parts of a .docx as text, and the text a reader sees (the runs of the body and
// the footers, a line per paragraph).

import { unzipSync } from 'fflate';

export function docxParts(docx: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(docx));
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, Buffer.from(v).toString('utf8')]));
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of the runs (w:t) of a part, a line per paragraph. */
export function partText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join(''))
    .filter((line) => line !== '')
    .join('\n');
}

/** What a reader sees: the body, then the footers. */
export function visibleText(docx: Buffer): string {
  const parts = docxParts(docx);
  return Object.keys(parts)
    .filter((k) => k === 'word/document.xml' || /^word\/footer\d*\.xml$/.test(k))
    .sort()
    .map((k) => partText(parts[k]!))
    .join('\n');
}

/** The attributes of every element `tag` in a part, e.g. all('w:pgMar'). */
export function elements(xml: string, tag: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${tag}((?:\\s[^>]*?)?)/?>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}
