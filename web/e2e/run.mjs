// End-to-end check in real Chromium against a running server with the demo data.
// Usage: JINGUO_E2E_URL=http://127.0.0.1:8080 npm run e2e
// Screenshots go to web/test-results/. The last line says how many tests passed.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { idNumber, personName } from './data.mjs';

const baseUrl = (process.env.JINGUO_E2E_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const here = path.dirname(fileURLToPath(import.meta.url));
const shots = path.join(here, '..', 'test-results');
mkdirSync(shots, { recursive: true });

async function api(pathAndQuery) {
  const response = await fetch(`${baseUrl}/api${pathAndQuery}`);
  if (!response.ok) throw new Error(`GET ${pathAndQuery}: ${response.status}`);
  return response.json();
}

/** A path city → district/county → township → village 妇代会 in the demo data, found through the API. */
async function findVillageCongressPath() {
  const roots = (await api('/organisations')).items;
  const city = roots.find((o) => o.name === '哈尔滨市妇联') ?? roots[0];
  for (const area of (await api(`/organisations?parent_id=${city.id}&page_size=200`)).items) {
    for (const township of (await api(`/organisations?parent_id=${area.id}&type=township&page_size=200`)).items) {
      if (township.type !== 'township') continue;
      const kids = (await api(`/organisations?parent_id=${township.id}&type=village_congress&page_size=200`)).items;
      const congress = kids.find((o) => o.type === 'village_congress' && o.open);
      if (congress) return [city, area, township, congress];
    }
  }
  throw new Error('no village_congress under a township in the demo data');
}

/** A name nobody in the demo data has, so that the roster shows exactly one row for her. */
async function unusedName() {
  for (let i = 0; i < 20; i++) {
    const name = personName();
    if ((await api(`/people?q=${encodeURIComponent(name)}&page_size=1`)).total === 0) return name;
  }
  return `${personName()}${personName().slice(1)}`;
}

const state = { name: '', idNumber: idNumber() };

async function shot(page, name) {
  await page.waitForTimeout(350); // let Element Plus transitions settle
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
}

function treeRow(page, id) {
  return page.locator('.el-tree-node__content').filter({ has: page.getByTestId(`tree-node-${id}`) });
}

/** Element Plus puts a data-testid given to el-input on the native input itself. */
function field(page, testId) {
  return page.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

async function chooseOption(page, selectTestId, text) {
  await page.getByTestId(selectTestId).click();
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: text }).first();
  await option.click();
}

const tests = [
  {
    name: 'open a village 妇代会 through the tree and appoint a new person as 委员',
    async run(page) {
      const [city, area, township, congress] = await findVillageCongressPath();
      state.name = await unusedName();
      state.congress = congress;
      state.township = township;
      await page.goto(baseUrl + '/');
      await page.getByTestId('brand').waitFor();
      await treeRow(page, city.id).waitFor();
      await shot(page, '01-home');

      for (const org of [city, area, township]) {
        await treeRow(page, org.id).locator('.el-tree-node__expand-icon').click();
      }
      await page.getByTestId(`tree-node-${congress.id}`).waitFor();
      await shot(page, '02-tree-expanded');

      await page.getByTestId(`tree-node-${congress.id}`).click();
      await page.getByTestId('org-name').filter({ hasText: congress.name }).waitFor();
      await page.getByTestId('roster-table').waitFor();
      await page.waitForLoadState('networkidle');
      await shot(page, '03-village-congress');

      await page.getByTestId('appoint').click();
      await page.getByTestId('appoint-mode-new').click();
      await field(page, 'person-name').fill(state.name);
      await field(page, 'person-id-number').fill(state.idNumber.value);
      const birth = await field(page, 'person-birth-date').inputValue();
      if (birth !== state.idNumber.birthDate) throw new Error(`birth date shown ${birth}, expected ${state.idNumber.birthDate}`);
      await field(page, 'person-mobile').fill('13904510000');
      await chooseOption(page, 'appoint-role', '委员');
      await chooseOption(page, 'appoint-manner', '兼职');
      await shot(page, '04-appoint-dialog');

      await page.getByTestId('appoint-dialog-confirm').click();
      await page.getByTestId('appoint-dialog').waitFor({ state: 'hidden' });
      await page.getByTestId('roster-table').getByText(state.name, { exact: true }).waitFor({ timeout: 10000 });
      const summary = await page.getByTestId('roster-summary').innerText();
      if (!summary.includes('委员')) throw new Error(`summary lacks 委员: ${summary}`);
      await shot(page, '05-roster-with-new-member');
    },
  },
  {
    name: 'her person page lists the new position, the ID number masked',
    async run(page) {
      await page.getByTestId('roster-table').getByRole('link', { name: state.name, exact: true }).click();
      await page.getByTestId('person-title').filter({ hasText: state.name }).waitFor();
      const masked = await page.getByTestId('person-id_number').innerText();
      if (masked.includes(state.idNumber.value.slice(6, 14))) throw new Error(`ID number not masked: ${masked}`);
      await page.getByTestId('position-history').getByText(state.congress.name).first().waitFor();
      await shot(page, '06-person-page');
    },
  },
  {
    name: 'the person form refuses a wrong check digit and links a registered ID number to its person',
    async run(page) {
      await page.getByTestId('nav-person-new').click();
      await field(page, 'person-name').fill(state.name);
      const id = state.idNumber.value;
      const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
      await field(page, 'person-id-number').fill(wrong);
      await field(page, 'person-name').click();
      await page.getByTestId('person-form').getByText('校验位').waitFor();
      await shot(page, '07-id-number-checksum');
      await field(page, 'person-id-number').fill(id.toLowerCase());
      await page.getByTestId('person-save').click();
      await page.getByTestId('person-exists').getByRole('link').click();
      await page.getByTestId('person-title').filter({ hasText: state.name }).waitFor();
    },
  },
  {
    name: 'the search box finds a body by name and opens it',
    async run(page) {
      await field(page, 'org-search').fill(state.township.name.replace(/妇联$/, ''));
      const hit = page.getByTestId('org-search-hit').filter({ hasText: state.township.name }).first();
      await hit.waitFor();
      await shot(page, '08-search');
      await hit.click();
      await page.getByTestId('org-name').filter({ hasText: state.township.name }).waitFor();
      await page.getByTestId(`tree-node-${state.township.id}`).waitFor();
    },
  },
  {
    name: 'the English switch translates the page',
    async run(page) {
      await page.getByTestId('language-switch').getByText('English').click();
      await page.getByTestId('appoint').filter({ hasText: 'Appoint member' }).waitFor();
      await shot(page, '09-english');
      await page.getByTestId('language-switch').getByText('中文').click();
      await page.getByTestId('appoint').filter({ hasText: '任命成员' }).waitFor();
    },
  },
];

const profile = mkdtempSync(path.join(tmpdir(), 'jinguo-e2e-'));
let passed = 0;
let failed = 0;
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width: 1366, height: 768 },
  locale: 'zh-CN',
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15000);
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  for (const test of tests) {
    try {
      await test.run(page);
      passed++;
      console.log(`ok   ${test.name}`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${test.name}\n     ${error instanceof Error ? error.message.split('\n')[0] : error}`);
      await shot(page, `failed-${passed + failed}`).catch(() => undefined);
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
