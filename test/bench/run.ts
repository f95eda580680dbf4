import 'reflect-metadata';
import { readdirSync } from 'fs';
import { join } from 'path';

/** One line of a benchmark's table. */
export interface BenchRow {
  metric: string;
  value: string | number;
  unit?: string;
  note?: string;
}

export interface BenchResult {
  rows: BenchRow[];
  /** Where the full results (JSON) were written, if anywhere. */
  file?: string;
}

/** What every `test/bench/*.bench.ts` exports. */
export interface Benchmark {
  name: string;
  run(log: (message: string) => void): Promise<BenchResult>;
}

function table(rows: BenchRow[]): string {
  const cells = rows.map((r) => [r.metric, typeof r.value === 'number' ? format(r.value) : r.value, r.unit ?? '', r.note ?? '']);
  const head = ['metric', 'value', 'unit', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i === 1 ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join(' | ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}

function format(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/**
 * `npm run bench [-- name-filter]`: runs every test/bench/*.bench.ts in turn (one at a time: they
 * measure, so they must not compete for the machine), prints a table per benchmark and exits
 * non-zero when any fails.
 */
async function main(): Promise<number> {
  const filter = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !filter || f.includes(filter))
    .sort();
  if (!files.length) {
    console.error(`No benchmarks${filter ? ` matching "${filter}"` : ''} in ${__dirname}`);
    return 1;
  }
  let failed = 0;
  for (const file of files) {
    const started = Date.now();
    let name = file.replace(/\.bench\.ts$/, '');
    const log = (message: string) => console.log(`[${name} +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
    try {
      const mod = await import(join(__dirname, file));
      const bench: Benchmark = mod.default ?? mod.benchmark;
      name = bench.name;
      log(`starting (${file})`);
      const result = await bench.run(log);
      console.log(`\n== ${name} (${((Date.now() - started) / 1000).toFixed(0)} s) ==\n${table(result.rows)}\n`);
      if (result.file) console.log(`Full results: ${result.file}\n`);
    } catch (error) {
      failed++;
      console.error(`\n== ${name}: FAILED after ${((Date.now() - started) / 1000).toFixed(0)} s ==`);
      console.error(error);
    }
  }
  return failed ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
