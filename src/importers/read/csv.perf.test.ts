import { readFileSync } from 'node:fs';
import { inferSchema, initParser } from 'udsv';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.ts';
import { bufferSource } from './byte-source.ts';
import { CsvScanner } from './csv-scanner.ts';
import { openCsv } from './csv.ts';
import { acledLikeCsv } from './synthetic-csv.ts';

/**
 * Throughput, printed and never asserted (goals live in benchmarks, not in test timeouts). Rows/s are given on wall
 * time and on this process's CPU time: the machines are shared, and CPU time is the steadier figure.
 */

const CHUNK = 1 << 20;

function chunksOf(text: string): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += CHUNK) chunks.push(text.slice(at, at + CHUNK));
  return chunks;
}

async function measure(label: string, rows: number, run: () => Promise<number> | number): Promise<void> {
  let wall = Infinity;
  let cpu = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    expect(await run()).toBe(rows);
    const used = process.cpuUsage(cpuStart);
    wall = Math.min(wall, performance.now() - start);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  const rate = (ms: number) => Math.round((rows / ms) * 1000).toLocaleString('en');
  console.log(
    `${label.padEnd(44)} ${rate(wall).padStart(9)} rows/s wall  ${rate(cpu).padStart(9)} rows/s CPU`,
  );
}

function scannerOnly(chunks: string[]): number {
  let count = 0;
  const scanner = new CsvScanner({ record: () => count++, broken: () => count++ }, 1_000_000);
  for (const chunk of chunks) {
    scanner.push(chunk);
    while (scanner.drain(128));
  }
  scanner.end();
  return count - 1; // the header
}

function udsvChunks(chunks: string[]): number {
  let count = 0;
  const parser = initParser(inferSchema(chunks[0] ?? '', { col: ',', row: '\n', encl: '"' }));
  for (const chunk of chunks) parser.chunk<string[]>(chunk, parser.stringArrs, () => void count++);
  parser.end();
  return count;
}

async function openCsvRecords(bytes: Uint8Array): Promise<number> {
  const input = await openCsv(bufferSource('bench.csv', bytes));
  let count = 0;
  for await (const record of input.records) if (record.values !== undefined) count++;
  return count;
}

describe('CSV throughput', () => {
  it('on a generated 200,000-row ACLED-like file', async () => {
    const rows = 200_000;
    const text = acledLikeCsv(rows);
    const bytes = new TextEncoder().encode(text);
    const chunks = chunksOf(text);
    console.log(
      `generated: ${rows} rows, ${(bytes.length / 1e6).toFixed(0)} MB, ${Math.round(bytes.length / rows)} bytes/row`,
    );
    await measure('parse alone: CsvScanner', rows, () => scannerOnly(chunks));
    await measure('parse alone: udsv chunk() (no guards)', rows, () => udsvChunks(chunks));
    await measure('openCsv: bytes → decoded → SourceRecord', rows, () => openCsvRecords(bytes));
  });

  it('on the real smose94 ACLED export (repeated 40 times)', async () => {
    const path = sharedData('acled-mali/smose94_acled_mali_1997-01_to_2019-06.csv');
    if (path === null) return;
    const file = readFileSync(path, 'utf8');
    const body = file.slice(file.indexOf('\n') + 1);
    const text = file + body.repeat(39);
    const rows = 2916 * 40;
    await measure('smose94 ×40, parse alone: CsvScanner', rows, () => scannerOnly(chunksOf(text)));
    await measure('smose94 ×40, parse alone: udsv chunk()', rows, () => udsvChunks(chunksOf(text)));
    await measure('smose94 ×40, openCsv', rows, () => openCsvRecords(new TextEncoder().encode(text)));
  });
});
