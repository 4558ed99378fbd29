import { once } from 'node:events';
import type { Response } from 'express';

/**
 * RFC 4180: quote a cell holding a quote, comma or line break; a leading =, +, - or @ is
 * prefixed so spreadsheets do not run it as a formula.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface ExportSpec<Row> {
  readonly name: string;
  readonly format: 'csv' | 'ndjson';
  readonly columns: readonly (keyof Row & string)[];
  /** Pages of rows, in order; the first is read before the status is sent so a failing store still answers with a problem. */
  readonly pages: AsyncIterator<readonly Row[]>;
}

/** Writes rows as they are read, page by page, waiting for the socket to drain: an export is never held in memory. */
export async function streamExport<Row extends Record<string, unknown>>(response: Response, spec: ExportSpec<Row>): Promise<void> {
  let next = await spec.pages.next();
  const csv = spec.format === 'csv';
  response.status(200);
  response.setHeader('content-type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
  response.setHeader('content-disposition', `attachment; filename="${spec.name}.${csv ? 'csv' : 'ndjson'}"`);
  const write = async (chunk: string) => {
    if (!response.write(chunk)) await once(response, 'drain');
  };
  if (csv) await write(`${spec.columns.join(',')}\r\n`);
  while (!next.done) {
    let chunk = '';
    for (const row of next.value) chunk += csv ? `${spec.columns.map((c) => csvCell(row[c])).join(',')}\r\n` : `${JSON.stringify(row)}\n`;
    if (chunk) await write(chunk);
    if (response.destroyed) return;
    next = await spec.pages.next();
  }
  response.end();
}
