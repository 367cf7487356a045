import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planFor } from './benchPlan';
import { writeOutputs } from './report/writeOutputs';
import { describeMachine, formatTextTable } from './report/table';
import { runBench } from './runBench';

/**
 * `npm run bench [-- --quick]`: measures, prints the verdict table on stdout (progress goes
 * to stderr), writes the results and the report. Exits 1 only when a measurement could not
 * be made — a missed target is a result, not an error.
 */
async function main(): Promise<number> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const plan = planFor(process.argv.slice(2));
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  log(`Agent Softphone benchmark (${plan.mode})`);
  const results = await runBench(root, plan, log);
  const written = await writeOutputs(root, plan.outputDir, plan.screenshot, results);

  console.log(`Agent Softphone benchmark (${plan.mode}) — ${results.startedAt}`);
  console.log(describeMachine(results.machine));
  console.log('');
  console.log(formatTextTable(results.verdicts));
  console.log('');
  for (const file of Object.values(written)) console.log(`wrote ${relative(root, file)}`);
  if (results.errors.length > 0) {
    console.log('');
    console.log(`${results.errors.length} measurement error(s):`);
    for (const error of results.errors) console.log(`  ${error}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
