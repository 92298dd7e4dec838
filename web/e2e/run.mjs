// End-to-end check in real Chromium against a running server with the demo data.
// Usage: JINGUO_E2E_URL=http://127.0.0.1:8080 npm run e2e   (JINGUO_E2E_ONLY=regex runs the tests whose name matches)
// With JINGUO_E2E_URLS="URL1 URL2" (two servers, each on its own copy of the demo data) the modules run in two
// workers at once, each a Chromium of its own against its own server; their lines start with [1] and [2].
// Screenshots go to web/test-results/. The last line says how many tests passed.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { shot } from './lib.mjs';
import { tests as registry } from './registry.mjs';
import { tests as patterns } from './patterns.mjs';
import { tests as archives } from './archives.mjs';
import { tests as imports } from './imports.mjs';
import { tests as forms } from './forms.mjs';
import { tests as campaigns } from './campaigns.mjs';
import { tests as campaignWalk } from './campaign_walk.mjs';
import { tests as restructuring } from './restructuring.mjs';
import { tests as certificates } from './certificates.mjs';
import { tests as notices } from './notices.mjs';
import { tests as nominations } from './nominations.mjs';
import { tests as meetings } from './meetings.mjs';
import { tests as phone } from './phone.mjs';
import { tests as selectionWalk } from './selection_walk.mjs';

// The modules in the order they run, each with the worker (of two) that runs it. A module's tests run in their
// order and may use what an earlier test of the same worker left (`state`, the data); a worker's server has the
// demo data to itself, so what one worker writes never meets the other. The two halves take about as long.
const modules = [
  [registry, 1], [patterns, 1], [archives, 1], [imports, 2], [forms, 1], [campaigns, 2], [campaignWalk, 2],
  [restructuring, 1], [notices, 2], [nominations, 2], [meetings, 2], [certificates, 2], [selectionWalk, 2], [phone, 2],
];
const urls = (process.env.JINGUO_E2E_URLS ?? '').split(/\s+/).filter(Boolean);
if (urls.length > 1) await runWorkers(urls.slice(0, 2));

/** Runs this file once per server, the second half of the modules against the second; sums what they say. */
async function runWorkers(servers) {
  const started = Date.now();
  const results = await Promise.all(servers.map((url, i) => new Promise((resolve) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, JINGUO_E2E_URLS: '', JINGUO_E2E_URL: url, JINGUO_E2E_WORKER: String(i + 1) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const said = { passed: 0, failed: 0, summary: false };
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        const summary = /^e2e: (\d+) passed, (\d+) failed/.exec(line);
        if (summary) Object.assign(said, { passed: Number(summary[1]), failed: Number(summary[2]), summary: true });
        console.log(`[${i + 1}] ${line}`);
      });
    }
    child.on('close', (code) => resolve({ ...said, code }));
  })));
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const broken = results.filter((r) => r.code !== 0 || !r.summary).length;
  if (broken > 0 && failed === 0) console.log(`e2e: ${broken} worker(s) stopped without a failed test: see their lines`);
  console.log(`e2e: ${passed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)`);
  process.exit(failed === 0 && broken === 0 ? 0 : 1);
}

const worker = Number(process.env.JINGUO_E2E_WORKER ?? 0); // 0: every module, in one browser
const only = process.env.JINGUO_E2E_ONLY ?? '';
const tests = modules.filter(([, w]) => worker === 0 || w === worker).flatMap(([list]) => list)
  .filter((t) => only === '' || new RegExp(only).test(t.name));
const profile = mkdtempSync(path.join(tmpdir(), 'jinguo-e2e-'));
let passed = 0;
let failed = 0;
const started = Date.now();
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width: 1366, height: 768 },
  locale: 'zh-CN',
  bypassCSP: true, // axe-core is injected into the page; the app's own policy stays as it is
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15000);
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  for (const test of tests) {
    const t0 = Date.now();
    try {
      await test.run(page);
      passed++;
      console.log(`ok   ${test.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${test.name}\n     ${error instanceof Error ? error.message.split('\n').slice(0, 12).join('\n     ') : error}`);
      await shot(page, `failed-${worker ? `${worker}-` : ''}${passed + failed}`).catch(() => undefined);
      await page.goto(page.url()).catch(() => undefined); // a failed test may leave a dialog open: start the next one afresh
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`e2e: ${passed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)`);
process.exit(failed === 0 ? 0 : 1);
