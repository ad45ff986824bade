// `npm run bench`: runs every bench/*.bench.ts against the built app and prints its figures with
// their budgets. Exits 1 when a figure is over budget. Not part of `npm test`: timings are not tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { withinBudget, type Figure } from './lib';

const only = process.argv[2];
const files = fs
  .readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();

console.log(`TITM AI Coach benchmarks — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`);
let over = 0;
for (const file of files) {
  const bench = (await import(pathToFileURL(path.join(import.meta.dirname, file)).href)) as { run(): Promise<Figure[]> };
  console.log(`\n${file}`);
  for (const figure of await bench.run()) {
    const ok = withinBudget(figure);
    if (!ok) over++;
    const value = `${figure.value.toFixed(figure.value < 10 ? 2 : 0)} ${figure.unit}`;
    const budget = figure.budget === undefined ? '' : `${figure.unit === 'ms' || figure.unit === 'µs' ? '<' : '≥'} ${figure.budget} ${figure.unit} ${ok ? 'ok' : 'OVER BUDGET'}`;
    console.log(`  ${figure.name.padEnd(44)} ${value.padStart(12)}   ${budget}${figure.note ? `  (${figure.note})` : ''}`);
  }
}
console.log(over ? `\n${over} figure(s) over budget` : '\nall figures within budget');
process.exitCode = over ? 1 : 0;
