// Certificates (issue 13, part 5; docs/api-contract.md, "Issue 13: certificates"): the township clerk sets
// her township's number prefix (the server's refusal under the field), is refused plainly when she tries
// to certify her own township's members, ticks two members of one of her villages and issues their
// certificates (progress, then print: the PDF opens), finds them in the list; the city issues a whole
// village's at once (all ticked, chunks of ten, one PDF); the public page at 390×844
// (no sign-in, no app header) says 有效, then 已失效 with the reason once she revoked one through the list;
// an unknown code, a mistyped one and no connection are said plainly. The flows change the demo: run them
// on a fresh one.
import { accounts, as, baseUrl, check, checkAxe, checkNoTruncation, checkPageBothLanguages, escapeDialog, field, setLanguage, shot, signIn, state } from './lib.mjs';

const prefix = '二八妇证';
const reason = '已调离本村，不再担任委员';
const phone = { width: 390, height: 844 };
const desk = { width: 1366, height: 768 };

async function town() {
  state.town ??= await signIn(accounts.township);
  return state.town;
}

/** A village body of her township with two current members, neither holding a valid certificate (names unique on its roster). */
async function villageWithTwo(client) {
  const kids = await client.get(`/organisations?parent_id=${client.me.organisation.id}&page_size=200`);
  for (const body of kids.items.filter((o) => o.open && o.type === 'village_congress')) {
    const roster = (await client.get(`/organisations/${body.id}/roster`)).items.filter((e) => e.end_on === null);
    const held = new Set((await client.get(`/certificates?organisation_id=${body.id}&page_size=200`)).items.filter((c) => c.valid).map((c) => c.position_id));
    const unique = roster.filter((e) => roster.filter((x) => x.name === e.name).length === 1 && !held.has(e.position_id));
    if (unique.length >= 2) return { body, members: unique.slice(0, 2) };
  }
  throw new Error(`no village of ${client.me.organisation.name} with two members without a certificate`);
}

function rosterRow(page, name) {
  return page.getByTestId('roster-table').locator('.el-table__body tr', { has: page.getByTestId('roster-name').getByText(name, { exact: true }) });
}

async function openBody(page, id) {
  await page.goto(`${baseUrl}/organisations/${id}`);
  await page.getByTestId('roster-table').locator('.el-table__body tr').first().waitFor();
  await page.getByTestId('roster-table').locator('.el-loading-mask').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
}

/** The PDF a link leads to, fetched with her session: its status and type. */
async function pdfAt(page, href) {
  check(href && href.startsWith('/api/certificates'), `the print link leads to ${href}`);
  const response = await page.request.get(baseUrl + href);
  return { status: response.status(), type: response.headers()['content-type'] ?? '' };
}

/** The public page of a code, on a phone-sized screen, signed out. */
async function publicPage(page, code) {
  await page.setViewportSize(phone);
  await page.goto(`${baseUrl}/verify/${code}`);
  await page.getByTestId('verify-result').or(page.getByTestId('verify-message')).waitFor();
}

export const tests = [
  {
    name: 'certificate: the township sets its number prefix (the server’s refusal under the field) and may not certify her own township’s members',
    async run(page) {
      const client = await town();
      const own = client.me.organisation;
      await as(page, accounts.township);
      await page.goto(`${baseUrl}/organisations/${own.id}`);
      const setting = page.getByTestId('certificate-prefix');
      await setting.getByTestId('prefix-value').filter({ hasText: /\S/ }).waitFor();
      await page.getByTestId('prefix-edit').click();
      await field(page, 'prefix-input').fill('二八镇 妇证1');
      await page.getByTestId('prefix-save').click();
      await setting.locator('.el-form-item__error', { hasText: '不能含数字、括号或空格' }).waitFor();
      await page.mouse.move(0, 0); // the button just pressed is not hovered while axe reads the colours
      await checkAxe(page, 'the prefix with the server’s refusal');
      await field(page, 'prefix-input').fill(prefix);
      await page.getByTestId('prefix-save').click();
      await setting.getByTestId('prefix-value').filter({ hasText: prefix }).waitFor();
      const example = await setting.getByTestId('prefix-example').innerText();
      check(example.includes(`${prefix}〔`) && example.includes('〕第0001号'), `the example number reads: ${example}`);
      check((await client.get(`/organisations/${own.id}/certificate-prefix`)).prefix === prefix, 'the prefix was not saved');

      // her own township's members get theirs from the district: the server says so, in the dialog
      await page.getByTestId('roster-table').locator('.el-table__body tr').first().waitFor();
      const first = page.getByTestId('roster-table').locator('.el-table__body tr').first();
      const name = (await first.getByTestId('roster-name').innerText()).trim();
      await first.getByTestId('roster-tick').click();
      await page.getByTestId('roster-issue').click();
      const dialog = page.getByTestId('issue-dialog');
      await dialog.getByTestId('issue-list').getByText(name).waitFor();
      await page.getByTestId('issue-dialog-confirm').click();
      const failure = dialog.getByTestId('issue-failure');
      await failure.waitFor();
      const text = await failure.innerText();
      check(text.includes('上一级妇联颁发') && text.includes(name), `the refusal reads: ${text}`);
      check(text.includes('没有颁发任何证书'), `the refusal does not say that nothing was issued: ${text}`);
      await shot(page, '90-certificate-wrong-level');
      await page.getByTestId('issue-dialog-close').click();
      await dialog.waitFor({ state: 'hidden' });
    },
  },
  {
    name: 'certificate: the township issues certificates for two members of a village (progress, print), finds them in the list, the PDF opens',
    async run(page) {
      const client = await town();
      const { body, members } = await villageWithTwo(client);
      state.certified = { body, members };
      await as(page, accounts.township);
      await openBody(page, body.id);
      check((await page.getByTestId('roster-issue').isDisabled()), 'the issue button is enabled with nobody ticked');
      for (const m of members) await rosterRow(page, m.name).getByTestId('roster-tick').click();
      await page.getByTestId('roster-issue').filter({ hasText: '已选2人' }).click();
      const dialog = page.getByTestId('issue-dialog');
      const intro = await dialog.getByTestId('issue-intro').innerText();
      check(intro.includes(client.me.organisation.name) && intro.includes(body.name), `the dialog's intro reads: ${intro}`);
      for (const m of members) await dialog.getByTestId('issue-list').getByText(m.name, { exact: true }).waitFor();
      await page.getByTestId('issue-dialog-confirm').filter({ hasText: '颁发2张证书' }).waitFor();
      await checkAxe(page, 'the issue dialog');
      await page.getByTestId('issue-dialog-confirm').click();
      await dialog.getByTestId('issue-done').filter({ hasText: '已颁发2张证书' }).waitFor();
      check((await dialog.getByTestId('issue-progress').getAttribute('aria-valuenow')) === '100', 'the progress bar does not stand at 100');
      check((await dialog.getByTestId('issue-count').innerText()).includes('2/2'), 'the count does not read 2/2');
      const issued = await dialog.getByTestId('issue-issued').innerText();
      for (const m of members) check(issued.includes(m.name), `${m.name} is not among the certificates issued: ${issued}`);
      check(issued.includes(`${prefix}〔`), `the numbers do not take the township's prefix: ${issued}`);
      await shot(page, '91-certificates-issued');
      await checkAxe(page, 'the issue dialog, done');

      // 打印: the PDF of both, in a new tab
      const print = dialog.getByTestId('issue-print');
      check((await print.getAttribute('target')) === '_blank', 'the print link does not open a new tab');
      const pdf = await pdfAt(page, await print.getAttribute('href'));
      check(pdf.status === 200 && pdf.type.startsWith('application/pdf'), `the PDF answered ${pdf.status} ${pdf.type}`);

      // the list, within the village
      await dialog.getByTestId('issue-to-list').click();
      await page.waitForURL(new RegExp(`/certificates\\?within=${body.id}$`));
      const table = page.getByTestId('certificates-table');
      for (const m of members) {
        const row = table.locator('.el-table__body tr', { has: page.getByTestId('certificate-holder').getByText(m.name, { exact: true }) });
        await row.getByTestId('certificate-status').filter({ hasText: '有效' }).waitFor();
        check((await row.innerText()).includes(body.name), `the row of ${m.name} does not name ${body.name}`);
      }
      const rows = await client.get(`/certificates?organisation_id=${body.id}&page_size=200`);
      state.certificates = members.map((m) => rows.items.find((c) => c.position_id === m.position_id && c.valid));
      check(state.certificates.every((c) => c), 'the API does not list both certificates');
      const rowPdf = await pdfAt(page, await table.getByTestId('certificate-print').first().getAttribute('href'));
      check(rowPdf.status === 200 && rowPdf.type.startsWith('application/pdf'), `a row's PDF answered ${rowPdf.status} ${rowPdf.type}`);
      // the picker names the village after a reload (the URL holds it)
      await page.reload();
      await page.getByTestId('certificates-within').filter({ hasText: body.name }).waitFor();
      await shot(page, '92-certificates-list');
      await checkPageBothLanguages(page, 'the certificates list');
    },
  },
  {
    name: 'certificate: the city issues a whole village’s certificates at once (all ticked), in chunks of ten, and prints them in one PDF',
    async run(page) {
      const client = await town(); // the villages of 二八镇, seen from the city above it
      let chosen = null;
      for (const body of (await client.get(`/organisations?parent_id=${client.me.organisation.id}&page_size=200`)).items) {
        if (!body.open || body.type !== 'village_congress') continue;
        const roster = (await client.get(`/organisations/${body.id}/roster`)).items.filter((e) => e.end_on === null);
        const held = (await client.get(`/certificates?organisation_id=${body.id}&page_size=200`)).items.filter((c) => c.valid).length;
        if (roster.length > 10 && held === 0) {
          chosen = { body, count: roster.length };
          break;
        }
      }
      check(chosen, 'no village of 二八镇 with more than ten members and no certificate');
      await as(page, accounts.city);
      await openBody(page, chosen.body.id);
      await page.getByTestId('roster-tick-all').click();
      await page.getByTestId('roster-issue').filter({ hasText: `已选${chosen.count}人` }).click();
      const dialog = page.getByTestId('issue-dialog');
      await dialog.getByText(`每次颁发10张，分${Math.ceil(chosen.count / 10)}次完成`).waitFor();
      await page.getByTestId('issue-dialog-confirm').click();
      await dialog.getByTestId('issue-done').filter({ hasText: `已颁发${chosen.count}张证书` }).waitFor();
      check((await dialog.getByTestId('issue-count').innerText()).includes(`${chosen.count}/${chosen.count}`), 'the count does not read all of them');
      check((await dialog.getByTestId('issue-issued').locator('.el-table__body tr').count()) === chosen.count, 'not every certificate is listed');
      const href = await dialog.getByTestId('issue-print').getAttribute('href');
      check(href.split('ids=')[1].split(',').length === chosen.count, `the print link does not hold every certificate: ${href}`);
      const pdf = await pdfAt(page, href);
      check(pdf.status === 200 && pdf.type.startsWith('application/pdf'), `the PDF answered ${pdf.status} ${pdf.type}`);
      await page.getByTestId('issue-dialog-close').click();
      await dialog.waitFor({ state: 'hidden' });
    },
  },
  {
    name: 'certificate: the public page at 390×844 says 有效; revoked through the list it says 已失效 with the reason; unknown and mistyped codes and no connection said plainly',
    async run(page) {
      check(state.certificates, 'no certificates issued by the flow before');
      const [certificate] = state.certificates;
      const code = certificate.verify_url.split('/verify/')[1];
      const errors = [];
      const onError = (e) => errors.push(e.message);
      page.on('pageerror', onError);
      try {
        // anyone holding the paper: no session
        await page.context().clearCookies();
        await publicPage(page, code);
        check((await page.locator('.jg-header, .jg-aside').count()) === 0, 'the public page shows the app header or tree');
        await page.getByTestId('verify-status').filter({ hasText: '有效' }).waitFor();
        check((await page.getByTestId('verify-number').innerText()) === certificate.number, 'the public page shows another number');
        const holder = await page.getByTestId('verify-holder').innerText();
        check(holder.includes('*') && holder !== certificate.holder_name, `the holder is not starred: ${holder}`);
        check((await page.getByTestId('verify-issuer').innerText()) === certificate.issuer_name, 'the issuer is not shown');
        check((await page.getByTestId('verify-body').innerText()) === certificate.organisation_name, 'the body is not shown');
        check((await page.getByTestId('verify-since').innerText()).includes(certificate.start_on), 'since when is not shown');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        check(width <= phone.width, `the public page is ${width} px wide on a phone`);
        await shot(page, '93-verify-valid');
        await checkAxe(page, 'the public page (valid)');
        await checkNoTruncation(page, 'the public page');
        await setLanguage(page, 'en');
        await page.getByTestId('verify-status').filter({ hasText: 'Valid' }).waitFor();
        await checkNoTruncation(page, 'the public page (English)');
        await setLanguage(page, 'zh-CN');

        // revoked through the list, by the issuer's side
        await page.setViewportSize(desk);
        await as(page, accounts.township);
        await page.goto(`${baseUrl}/certificates?within=${certificate.organisation_id}`);
        const row = page.getByTestId('certificates-table').locator('.el-table__body tr', { has: page.getByTestId('certificate-number').getByText(certificate.number, { exact: true }) });
        await row.getByTestId('certificate-revoke').click();
        const dialog = page.getByTestId('revoke-dialog');
        await dialog.getByTestId('revoke-what').filter({ hasText: certificate.number }).waitFor();
        await page.getByTestId('revoke-dialog-confirm').click();
        await dialog.locator('.el-form-item__error', { hasText: '请写明撤销原因' }).waitFor();
        await field(page, 'revoke-reason').fill(reason);
        await page.mouse.move(0, 0); // the button just pressed is not hovered while axe reads the colours
        await checkAxe(page, 'the revoke dialog');
        await escapeDialog(page, { discard: false });
        check((await field(page, 'revoke-reason').inputValue()) === reason, 'the typed reason was lost');
        await page.getByTestId('revoke-dialog-confirm').click();
        await dialog.waitFor({ state: 'hidden' });
        await row.getByTestId('certificate-status').filter({ hasText: '已失效' }).waitFor();
        check((await row.getByTestId('certificate-revoked').innerText()).includes(reason), 'the row does not give the reason');
        check((await row.getByTestId('certificate-revoke').count()) === 0, 'a revoked certificate can be revoked again');
        const verify = row.getByTestId('certificate-verify');
        check((await verify.getAttribute('href')) === `/verify/${code}`, `the verification link leads to ${await verify.getAttribute('href')}`);

        await page.context().clearCookies();
        await publicPage(page, code);
        await page.getByTestId('verify-status').filter({ hasText: '已失效' }).waitFor();
        check((await page.getByTestId('verify-reason').innerText()) === reason, 'the public page does not give the reason');
        check(/^\d{4}-\d{2}-\d{2}$/.test(await page.getByTestId('verify-revoked-on').innerText()), 'the public page does not say since when');
        await shot(page, '94-verify-revoked');
        await checkAxe(page, 'the public page (revoked)');

        // an unknown code (the right shape), typed with spaces and capitals into the form
        const unknown = code.split('').reverse().join('');
        await field(page, 'verify-code').fill(` ${unknown.toUpperCase()} `);
        await page.getByTestId('verify-submit').click();
        await page.waitForURL(new RegExp(`/verify/${unknown}$`));
        await page.getByTestId('verify-message').filter({ hasText: '没有证书使用这个验证码' }).waitFor();
        check((await page.getByTestId('verify-message').innerText()).includes('二维码下方'), 'the not-found message does not point to the printed code');
        await shot(page, '95-verify-unknown');
        await checkAxe(page, 'the public page (unknown code)');
        // a mistyped code is not sent
        await field(page, 'verify-code').fill('abc-123');
        await page.getByTestId('verify-submit').click();
        await page.getByTestId('verify-problem').filter({ hasText: '26位' }).waitFor();
        // without the code: the form alone
        await page.goto(`${baseUrl}/verify`);
        await field(page, 'verify-code').waitFor();
        check((await page.getByTestId('verify-result').count()) === 0, 'the page without a code shows a result');
        // no connection: said plainly, without a script error
        await page.route('**/api/public/**', (r) => r.abort());
        await field(page, 'verify-code').fill(code);
        await page.getByTestId('verify-submit').click();
        await page.getByTestId('verify-message').filter({ hasText: '无法连接服务器' }).waitFor();
        await page.unroute('**/api/public/**');
        await page.getByTestId('verify-retry').click();
        await page.getByTestId('verify-status').filter({ hasText: '已失效' }).waitFor();
        check(errors.length === 0, `script errors on the public page: ${errors.join('; ')}`);
      } finally {
        page.off('pageerror', onError);
        await page.unroute('**/api/public/**').catch(() => undefined);
        await page.setViewportSize(desk);
      }
    },
  },
];
