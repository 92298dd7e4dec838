// End-to-end check in real Chromium against a running server with the demo data.
// Usage: JINGUO_E2E_URL=http://127.0.0.1:8080 npm run e2e   (JINGUO_E2E_ONLY=regex runs the tests whose name matches)
// Screenshots go to web/test-results/. The last line says how many tests passed.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

const only = process.env.JINGUO_E2E_ONLY ?? '';
const tests = [...registry, ...patterns, ...archives, ...imports, ...forms, ...campaigns, ...campaignWalk, ...restructuring, ...notices, ...nominations, ...meetings, ...certificates, ...selectionWalk, ...phone].filter((t) => only === '' || new RegExp(only).test(t.name));
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
      await shot(page, `failed-${passed + failed}`).catch(() => undefined);
      await page.goto(page.url()).catch(() => undefined); // a failed test may leave a dialog open: start the next one afresh
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`e2e: ${passed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)`);
process.exit(failed === 0 ? 0 : 1);
