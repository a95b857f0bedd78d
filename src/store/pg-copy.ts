// PostgreSQL's COPY for the store's bulk inserts (bulk.ts): thousands of rows sent as one stream of
// tab-separated text, which PostgreSQL reads faster than any INSERT (no statement per slice, no
// JSON to parse on either side). Kysely runs SQL text with parameters, so a COPY goes through it as
// `copy "t" ("a", "b") from stdin` with the rows' text as its one parameter; the pool's clients
// (`CopyingClient`) send that text as the COPY's data (pg-copy-streams) and answer as a query
// would. Everything else passes through unchanged. A COPY is one statement of the caller's
// transaction: a row the table refuses (a foreign key, a unique index) fails it like an INSERT.

import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';

const require = createRequire(import.meta.url);

/** COPY's SQL for these columns of a table (quoted names), the statement `bulk.ts` sends. */
export const copySql = (table: string, names: string) => `copy ${table} (${names}) from stdin`;

const COPY = /^copy "[^"]+(?:""[^"]*)*" \(.*\) from stdin$/s;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A value in COPY's text format: null as `\N`; backslash, tab and line ends escaped. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s =
    typeof v === 'string'
      ? v
      : typeof v === 'number' || typeof v === 'bigint'
        ? String(v)
        : typeof v === 'boolean'
          ? v
            ? 't'
            : 'f'
          : JSON.stringify(v);
  return /[\\\n\r\t]/.test(s) ? s.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]!) : s;
}

/** Rows as COPY text: one line per row, the columns in order, each line ending in a newline. */
export function copyText(rows: readonly Record<string, unknown>[], cols: readonly string[]): string {
  let text = '';
  for (const row of rows) {
    let line = copyValue(row[cols[0]!]);
    for (let c = 1; c < cols.length; c++) line += `\t${copyValue(row[cols[c]!])}`;
    text += `${line}\n`;
  }
  return text;
}

/** pg's Client, which also runs `copySql(…)` with the rows' text as its parameter. */
export function copyingClient(base: typeof pg.Client): typeof pg.Client {
  const { from } = require('pg-copy-streams') as typeof import('pg-copy-streams');
  class CopyingClient extends base {
    // biome-ignore lint/suspicious/noExplicitAny: pg's query is overloaded; this passes every form through.
    override query(config: any, values?: any, callback?: any): any {
      if (typeof config === 'string' && COPY.test(config) && Array.isArray(values) && !callback)
        return this.copy(config, String(values[0] ?? ''));
      return super.query(config, values, callback);
    }

    private async copy(sql: string, text: string): Promise<pg.QueryResult> {
      const stream = super.query(from(sql));
      await pipeline(Readable.from([Buffer.from(text, 'utf8')]), stream);
      return { command: 'COPY', rowCount: stream.rowCount, rows: [], oid: 0, fields: [] };
    }
  }
  return CopyingClient;
}
