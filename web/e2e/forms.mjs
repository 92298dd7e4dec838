// The five forms (issue 11, first step; docs/api-contract.md, "Issue 11 (first step): the five forms"):
// a district clerk opens 附表4 for her district on a report date against the baseline, reads the merged
// headings, opens a count and finds the names behind it, closes it with Back, and finds her dates kept
// after a reload; the form downloads as Excel and as PDF; form 3 offers the full mobiles only to an
// account that may reveal. The pages pass axe and show no label cut short, in both languages.
// Issue 11's second step: a clerk enters her district's contact and re-election on its page and finds them
// in 附表1 and 附表2; the 合计 row's counts open everyone of every row, a page of 50 at a time.
import { personName } from './data.mjs';
import { accounts, as, baseUrl, check, checkAxe, checkPageBothLanguages as pageChecks, download, escapeDialog, field, settled, shot, signIn, state, typeDate } from './lib.mjs';

const on = '2016-09-20';
const baseline = '2016-06-01';
const param = (page, key) => new URL(page.url()).searchParams.get(key);

/** The form's table once the answer for the URL's scope and dates is in. */
async function formLoaded(page) {
  const table = page.getByTestId('form-table');
  await table.waitFor();
  await page.locator('.jg-form-card > .el-loading-mask').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
  return table;
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
        const listed = await drawer.getByTestId('cell-person').count();
        check(listed === Math.min(Number(value), 50), `the count says ${value}, the list names ${listed} (50 a page)`);
      } else {
        await drawer.getByTestId('cell-body').first().waitFor();
      }
      await shot(page, '71-form4-names');
      await settled(page); // the drawer has slid in: axe measures colours after the transition
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
  {
    name: 'forms: a district clerk adds her contact on the district’s page (asked before discarding, told what is missing) and finds her in 附表1',
    async run(page) {
      state.daoli ??= await signIn(accounts.daoli);
      const district = state.daoli.me.organisation;
      await as(page, accounts.daoli);
      // 附表1 says where contacts are entered, with the way there
      await page.goto(`${baseUrl}/forms/1`);
      await formLoaded(page);
      check((await page.getByTestId('form-baseline').count()) === 0, '附表1 asks for a baseline it does not use');
      await page.getByTestId('form-entered').filter({ hasText: '联系人在各区县妇联的组织页面填写' }).waitFor();
      await page.getByTestId('form-entered-link').click();
      await page.waitForURL(new RegExp(`/organisations/${district.id}(\\?|$)`));
      const section = page.getByTestId('contacts-section');
      await section.waitFor();

      // typed, then Escape: the question comes; 继续填写 keeps what she typed
      const name = personName();
      await page.getByTestId('contact-add').click();
      const dialog = page.getByTestId('contact-dialog');
      await field(page, 'contact-name').fill(name);
      await escapeDialog(page, { discard: false });
      check((await field(page, 'contact-name').inputValue()) === name, '继续填写 lost the name');
      await field(page, 'contact-post').fill('组织联络部部长');
      // no way to reach her: said on the form, in plain words, before anything is sent
      await page.getByTestId('contact-dialog-confirm').click();
      await dialog.locator('.el-form-item__error', { hasText: '至少填写' }).waitFor();
      await field(page, 'contact-mobile').fill('1380451');
      await page.getByTestId('contact-dialog-confirm').click();
      // the server's field error, on its field
      await dialog.locator('.el-form-item__error').filter({ hasText: /手机/ }).first().waitFor();
      await field(page, 'contact-mobile').fill('13804519876');
      await page.getByTestId('contact-dialog-confirm').click();
      await dialog.waitFor({ state: 'hidden' });
      await section.getByTestId('contacts-table').locator('tr', { hasText: name }).waitFor();
      await shot(page, '73-contacts');
      await page.locator('.el-message').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
      await pageChecks(page, 'the contacts and re-elections of a district');

      // 附表1 today lists her, her mobile masked
      await page.goto(`${baseUrl}/forms/1`);
      const table = await formLoaded(page);
      const row = table.locator('tbody tr', { hasText: name });
      await row.waitFor();
      check((await row.innerText()).includes('138****9876'), `附表1 shows her row as ${await row.innerText()}`);
    },
  },
  {
    name: 'forms: a district clerk records a re-election (下次换届 computed, a breakdown over the total refused), finds it in 附表2, and deletes it after a question',
    async run(page) {
      state.daoli ??= await signIn(accounts.daoli);
      const district = state.daoli.me.organisation;
      await as(page, accounts.daoli);
      const today = new Date().toISOString().slice(0, 10); // the server's today (both in UTC on the test machine)
      const delegates = 300 + Math.floor(Math.random() * 600);
      await page.goto(`${baseUrl}/organisations/${district.id}`);
      const section = page.getByTestId('reelections-section');
      await section.waitFor();
      await page.getByTestId('reelection-add').click();
      const dialog = page.getByTestId('reelection-dialog');
      await typeDate(page, 'reelection-held-on', today);
      const next = `${Number(today.slice(0, 4)) + 5}${today.slice(4)}`.replace(/-02-29$/, '-02-28');
      await dialog.getByTestId('reelection-next').filter({ hasText: next }).waitFor();
      await field(page, 'reelection-delegates').fill(String(delegates));
      await field(page, 'reelection-delegates_party').fill(String(delegates + 1));
      await field(page, 'reelection-delegates_party').press('Tab');
      await page.getByTestId('reelection-dialog-confirm').click();
      await dialog.locator('.el-form-item__error', { hasText: '不能多于代表总数' }).waitFor();
      await field(page, 'reelection-delegates_party').fill('12');
      await field(page, 'reelection-delegates_party').press('Tab');
      await page.getByTestId('reelection-dialog-confirm').click();
      await dialog.waitFor({ state: 'hidden' });
      // hers by the day and the count together: a random count alone may be part of a demo row's text
      const hers = (scope) => scope.getByTestId('reelections-table').locator('tbody tr', { hasText: today }).filter({ hasText: String(delegates) });
      const entry = hers(section);
      await entry.waitFor();
      check((await entry.innerText()).includes(next), `the list does not show the next re-election ${next}: ${await entry.innerText()}`);

      // 附表2 today: her district's row with this re-election, the district's name a link back
      await page.goto(`${baseUrl}/forms/2`);
      const table = await formLoaded(page);
      check((await page.getByTestId('form-baseline').count()) === 0, '附表2 asks for a baseline it does not use');
      await page.getByTestId('form-entered').filter({ hasText: '换届情况' }).waitFor();
      const row = table.locator('tbody tr', { hasText: district.name }).first();
      await row.waitFor();
      check((await row.locator('td[data-column="last_election"]').innerText()).trim() === today, `附表2 shows ${await row.innerText()}`);
      check((await row.locator('td[data-column="delegates"]').innerText()).trim() === String(delegates), `附表2 shows the delegates as ${await row.innerText()}`);
      check((await row.locator('td[data-column="delegates"] button').count()) === 0, 'the delegates typed in are offered as a count');
      await row.getByTestId('form-body-link').click();
      await page.waitForURL(new RegExp(`/organisations/${district.id}(\\?|$)`));

      // entered by mistake: deleted after a question (取消 first keeps it)
      const mine = hers(page);
      await mine.getByTestId('reelection-delete').click();
      const ask = page.getByTestId('reelection-delete-dialog');
      await ask.filter({ hasText: today }).waitFor();
      await page.getByTestId('reelection-delete-dialog-cancel').click();
      await ask.waitFor({ state: 'hidden' });
      check((await mine.count()) === 1, 'Cancel deleted the re-election');
      await mine.getByTestId('reelection-delete').click();
      await page.getByTestId('reelection-delete-dialog-confirm').click();
      await mine.waitFor({ state: 'detached' });
    },
  },
  {
    name: 'forms: the 合计 row of 附表4 opens everyone of every row, 50 a page, with the sum and the people both said',
    async run(page) {
      await as(page, accounts.city);
      await page.goto(`${baseUrl}/forms/4`);
      const table = await formLoaded(page);
      const total = table.locator('tfoot td[data-column="members_after"] [data-testid="form-total-count"]');
      await total.waitFor();
      const sum = Number((await total.innerText()).trim());
      check((await total.getAttribute('aria-label'))?.startsWith('合计'), `the 合计 count is named “${await total.getAttribute('aria-label')}”`);
      await total.click();
      await page.waitForURL((u) => u.searchParams.get('cell') === 'total:members_after');
      const drawer = page.locator('.el-drawer').filter({ has: page.getByTestId('cell-total') });
      const said = await drawer.getByTestId('cell-total').innerText();
      const people = Number(/(\d+)/.exec(said)?.[1] ?? 'NaN');
      check(people > 50, `the 合计 row of the city has ${said}: too few to page`);
      check(people <= sum, `the 合计 cell says ${sum}, the list ${people}`);
      const note = drawer.getByTestId('cell-totals-note');
      if (people < sum) await note.filter({ hasText: `合计按各行相加为${sum}人次，涉及${people}人` }).waitFor();
      else check((await note.count()) === 0, 'a note when nobody counts twice');
      const names = drawer.getByTestId('cell-person');
      await names.first().waitFor();
      check((await names.count()) === 50, `the first page lists ${await names.count()}`);
      const first = await names.first().innerText();
      await drawer.getByTestId('cell-pages').locator('.btn-next').click();
      await page.waitForURL((u) => u.searchParams.get('page') === '2');
      await page.waitForFunction((n) => document.querySelector('[data-testid="cell-person"]')?.textContent?.trim() !== n, first);
      const onTwo = await names.count();
      check(onTwo === Math.min(50, people - 50), `the second page lists ${onTwo} of ${people}`);
      await shot(page, '74-form4-total');
      await settled(page);
      await checkAxe(page, 'the 合计 drill-down of 附表4');
      // a reload keeps the page; Back closes the drill-down (the page turned in place)
      await page.reload();
      await page.locator('.el-drawer').getByTestId('cell-pages').locator('.number.is-active', { hasText: '2' }).waitFor();
      await page.goBack();
      await page.waitForURL((u) => !u.searchParams.has('cell') && !u.searchParams.has('page'));
      await drawer.waitFor({ state: 'hidden' });
    },
  },
];
