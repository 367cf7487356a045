import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../harness/browser';
import { reportHtml } from './htmlReport';
import type { BenchResults } from './results';
import { describeMachine, formatMarkdownTable } from './table';

export interface WrittenOutputs {
  json: string;
  html: string;
  markdown: string;
  screenshot: string;
}

/** The README's benchmark section: the table and the machine it ran on. */
export function markdownSummary(results: BenchResults): string {
  return [
    `Measured ${results.startedAt.slice(0, 10)} on ${describeMachine(results.machine)}; \`npm run bench\`${results.mode === 'quick' ? ' -- --quick' : ''}.`,
    '',
    formatMarkdownTable(results.verdicts),
    '',
  ].join('\n');
}

/** Renders the report in Chromium (under its own strict CSP) and saves a picture of it. */
async function screenshotReport(htmlFile: string, pngFile: string): Promise<void> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(htmlFile).href);
    mkdirSync(dirname(pngFile), { recursive: true });
    await page.screenshot({ path: pngFile, fullPage: true });
  } finally {
    await browser.close();
  }
}

/** latest.json, report.html and latest.md in the plan's folder, and the report's picture. */
export async function writeOutputs(root: string, outputDir: string, screenshot: string, results: BenchResults): Promise<WrittenOutputs> {
  const dir = join(root, outputDir);
  mkdirSync(dir, { recursive: true });
  const written: WrittenOutputs = {
    json: join(dir, 'latest.json'),
    html: join(dir, 'report.html'),
    markdown: join(dir, 'latest.md'),
    screenshot: join(root, screenshot),
  };
  writeFileSync(written.json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(written.html, reportHtml(results));
  writeFileSync(written.markdown, markdownSummary(results));
  await screenshotReport(written.html, written.screenshot);
  return written;
}
