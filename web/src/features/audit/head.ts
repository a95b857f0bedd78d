// A head of the audit chain as an auditor keeps it: one line `SEQ:HASH` (the entry's number and
// its SHA-256), written down or printed, and pasted back to check the chain has not been cut or
// rewritten since.

export interface Head {
  seq: number;
  hash: string;
}

/** The line to keep: `128:9f86d0…`. */
export function headText(h: Head): string {
  return `${h.seq}:${h.hash}`;
}

/** A pasted head, or what is wrong with it, in Chinese. Spaces and a full-width colon are forgiven. */
export function parseHead(text: string): { head: Head } | { error: string } {
  const t = text.trim().replace(/\s+/g, '').replace('：', ':').toLowerCase();
  if (!t) return { error: '请粘贴此前保存的头哈希（编号：哈希）' };
  const m = /^(\d{1,10}):([0-9a-f]+)$/.exec(t);
  if (!m) return { error: '格式应为“编号：哈希”，例如 128:9f86d081…（64 位十六进制）' };
  const seq = Number(m[1]);
  if (seq < 1) return { error: '编号从 1 开始' };
  if (m[2]!.length !== 64) return { error: `哈希应为 64 位十六进制数字，这里有 ${m[2]!.length} 位` };
  return { head: { seq, hash: m[2]! } };
}
