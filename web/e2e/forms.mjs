// The five forms (issue 11, first step; docs/api-contract.md, "Issue 11 (first step): the five forms"):
// a district clerk opens 附表4 for her district on a report date against the baseline, reads the merged
// headings, opens a count and finds the names behind it, closes it with Back, and finds her dates kept
// after a reload; the form downloads as Excel and as PDF; form 3 offers the full mobiles only to an
// account that may reveal. The pages pass axe and show no label cut short, in both languages.
import { readFileSync } from 'node:fs';
import { accounts, as, baseUrl, check, checkAxe, checkNoTruncation, field, setLanguage, shot, signIn, state } from './lib.mjs';

const on = '2016-09-20';
const baseline = '2016-06-01';
const param = (page, key) => new URL(page.url()).searchParams.get(key);

/** Types a date into a date input (YYYY-MM-DD) and confirms it as a clerk does, with Enter. */
async function typeDate(page, testId, value) {
  const input = field(page, testId);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await page.locator('.el-picker-panel:visible').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
}

/** The form's table once the answer for the URL's scope and dates is in. */
async function formLoaded(page) {
  const table = page.getByTestId('form-table');
  await table.waitFor();
  await page.locator('.jg-form-card > .el-loading-mask').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
  return table;
}

/** Clicks `button` and waits for the browser to save the file: its name and first bytes. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const bytes = readFileSync(await file.path());
  return { name: file.suggestedFilename(), head: bytes.subarray(0, 4).toString('latin1') };
}

/** The page's two checks, in Chinese and in English. */
async function pageChecks(page, where) {
  await page.locator('.el-select-dropdown:visible, .el-picker-panel:visible').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  await checkAxe(page, where);
  await checkNoTruncation(page, where);
  await setLanguage(page, 'en');
  await checkNoTruncation(page, `${where} (English)`);
  await setLanguage(page, 'zh-CN');
}

export const tests = [
  {
    name: 'forms: a district clerk opens 附表4 on a date against the baseline, opens a count, closes it with Back, and keeps her dates after a reload',
    async run(page) {
      state.daoli ??= await signIn(accounts.daoli);
      const district = state.daoli.me.organisation;
      await as(page, accounts.daoli);

      // 统计报表 in the menu: the five forms, each with what it counts
      await page.getByTestId('nav-forms').click();
      await page.getByTestId('forms-list').waitFor();
      await page.getByTestId('forms-item-5').waitFor();
      check((await page.getByTestId('forms-list').locator('li').count()) === 5, 'the list does not show the five forms');
      await pageChecks(page, 'the list of forms');
      await page.getByTestId('forms-link-4').click();
      await page.waitForURL(/\/forms\/4(\?|$)/);
      let table = await formLoaded(page);
      await page.getByTestId('nav-forms').and(page.locator('.router-link-active')).waitFor();

      // her own district by default; the report date and the baseline typed in, each kept in the URL
      const subtitle = page.getByTestId('form-subtitle');
      check((await subtitle.innerText()).includes(district.name), `the form is not for her district: ${await subtitle.innerText()}`);
      await typeDate(page, 'form-on', on);
      await page.waitForURL((u) => u.searchParams.get('on') === on);
      await typeDate(page, 'form-baseline', baseline);
      await subtitle.filter({ hasText: on }).filter({ hasText: baseline }).waitFor();
      table = await formLoaded(page);

      // merged headings: several header rows, cells spanning columns as column groups
      const headerRows = await table.locator('thead tr').count();
      check(headerRows >= 2, `附表4 has ${headerRows} header row(s)`);
      const groups = table.locator('thead th[scope="colgroup"][colspan]');
      check((await groups.count()) >= 2, 'no merged heading over several columns');
      check((await table.locator('thead th', { hasText: '扩大后' }).count()) === 1, 'no heading 扩大后');
      check((await table.locator('tbody th[scope="row"]').count()) >= 1, 'no row headed by its level');
      check((await table.locator('tfoot th', { hasText: '合计' }).count()) === 1, 'no 合计 row');
      // a wide form scrolls inside its box, not the page sideways
      const sideways = await page.evaluate(() =>
        [document.scrollingElement, document.querySelector('.jg-main')].some((el) => el && el.scrollWidth > el.clientWidth + 1),
      );
      check(!sideways, 'the page scrolls sideways');
      await shot(page, '70-form4');
      await pageChecks(page, '附表4');

      // a count, reached from the keyboard and named in words, opens the names behind it
      const counts = table.locator('td[data-column="members_after"] [data-testid="form-count"]');
      const count = (await counts.count()) > 0 ? counts.first() : table.getByTestId('form-count').first();
      const label = await count.getAttribute('aria-label');
      const value = (await count.innerText()).trim();
      check(/查看(名单|组织)$/.test(label ?? '') && label.includes(value), `the count is named “${label}”`);
      await count.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.searchParams.has('cell'));
      const drawer = page.locator('.el-drawer').filter({ has: page.getByTestId('cell-total') });
      await drawer.getByTestId('cell-total').filter({ hasText: value }).waitFor();
      if (label.endsWith('查看名单')) {
        const person = drawer.getByTestId('cell-person').first();
        await person.waitFor();
        check(/^\/people\/\d+$/.test((await person.getAttribute('href')) ?? ''), 'a name does not link to her page');
        check((await drawer.getByTestId('cell-person').count()) === Number(value), `the count says ${value}, the list names ${await drawer.getByTestId('cell-person').count()}`);
      } else {
        await drawer.getByTestId('cell-body').first().waitFor();
      }
      await shot(page, '71-form4-names');
      await page.waitForTimeout(400); // the drawer has slid in: axe measures colours after the transition
      await checkAxe(page, 'the names behind a count of 附表4');
      // Escape closes it and takes it out of the URL
      await page.keyboard.press('Escape');
      await page.waitForURL((u) => !u.searchParams.has('cell'));
      await drawer.waitFor({ state: 'hidden' });

      // a click opens it again; Back closes it and keeps the dates
      await count.click();
      await page.waitForURL((u) => u.searchParams.has('cell'));
      await drawer.getByTestId('cell-total').waitFor();
      await page.goBack();
      await page.waitForURL((u) => !u.searchParams.has('cell'));
      await drawer.waitFor({ state: 'hidden' });
      check(param(page, 'on') === on, `Back lost the report date: ${page.url()}`);

      // reload: the same dates, the same form
      await page.reload();
      table = await formLoaded(page);
      check(param(page, 'on') === on, `reload lost the report date: ${page.url()}`);
      await page.getByTestId('form-subtitle').filter({ hasText: on }).filter({ hasText: baseline }).waitFor();
      check((await field(page, 'form-on').inputValue()) === on, 'the report date field lost its date after a reload');
      check((await field(page, 'form-baseline').inputValue()) === baseline, 'the baseline field lost its date after a reload');
      // a count opened by a shared link: the drawer comes with the page
      await count.click();
      await page.waitForURL((u) => u.searchParams.has('cell'));
      await page.reload();
      await page.locator('.el-drawer').getByTestId('cell-total').waitFor();
      await page.keyboard.press('Escape');
      await page.waitForURL((u) => !u.searchParams.has('cell'));
    },
  },
  {
    name: 'forms: 附表4 downloads as Excel and as PDF, with the scope and dates shown',
    async run(page) {
      await as(page, accounts.daoli);
      await page.goto(`${baseUrl}/forms/4?on=${on}&baseline=${baseline}`);
      await formLoaded(page);
      // what the server answers, read with her session
      const answers = await page.evaluate(
        async (query) =>
          Promise.all(
            ['xlsx', 'pdf'].map(async (format) => {
              const r = await fetch(`/api/forms/4.${format}?${query}`, { credentials: 'same-origin' });
              const bytes = new Uint8Array(await r.arrayBuffer());
              return { format, status: r.status, type: r.headers.get('content-type') ?? '', head: String.fromCharCode(...bytes.slice(0, 4)), disposition: r.headers.get('content-disposition') ?? '' };
            }),
          ),
        `on=${on}&baseline=${baseline}`,
      );
      const [xlsx, pdf] = answers;
      check(xlsx.status === 200 && xlsx.type.startsWith('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), `the .xlsx answered ${xlsx.status} ${xlsx.type}`);
      check(xlsx.head.startsWith('PK'), `the .xlsx starts ${xlsx.head}`);
      check(pdf.status === 200 && pdf.type.startsWith('application/pdf'), `the .pdf answered ${pdf.status} ${pdf.type}`);
      check(pdf.head === '%PDF', `the .pdf starts ${pdf.head}`);
      for (const a of answers) check(a.disposition.includes('attachment') || a.disposition.includes('filename'), `the .${a.format} comes without a file name: ${a.disposition}`);
      // and through the buttons, as she downloads them
      const excel = await download(page, page.getByTestId('form-download-xlsx'));
      check(excel.name.endsWith('.xlsx') && excel.head.startsWith('PK'), `the Excel download is ${excel.name} (${excel.head})`);
      check(excel.name.includes('附表4'), `the Excel download is named ${excel.name}`);
      const printable = await download(page, page.getByTestId('form-download-pdf'));
      check(printable.name.endsWith('.pdf') && printable.head === '%PDF', `the PDF download is ${printable.name} (${printable.head})`);
      // form 4 holds no phone: no 含完整手机号
      check((await page.getByTestId('form-download-full').count()) === 0, '附表4 offers 含完整手机号');
    },
  },
  {
    name: 'forms: 附表3 names each person with a link and offers 含完整手机号 only to an account that may reveal',
    async run(page) {
      state.daoli ??= await signIn(accounts.daoli);
      const mayReveal = state.daoli.me.permissions.includes('reveal');
      await as(page, accounts.daoli);
      await page.goto(`${baseUrl}/forms/3?on=${on}`);
      const table = await formLoaded(page);
      const names = table.locator('tbody th[scope="row"] a');
      if ((await names.count()) > 0) {
        check(/^\/people\/\d+$/.test((await names.first().getAttribute('href')) ?? ''), 'a name in 附表3 does not link to her page');
      }
      const full = page.getByTestId('form-download-full');
      check((await full.count()) === (mayReveal ? 1 : 0), `含完整手机号 ${mayReveal ? 'missing for' : 'offered to'} ${accounts.daoli.username}`);
      await shot(page, '72-form3');
      await pageChecks(page, '附表3');
      await as(page, accounts.viewer);
      await page.goto(`${baseUrl}/forms/3?on=${on}`);
      await formLoaded(page);
      check((await page.getByTestId('form-download-full').count()) === 0, 'a viewer is offered 含完整手机号');
    },
  },
];
