// The import page and the list exports (issue 10): a township clerk downloads a template, uploads a
// file with mistakes and finds each named by row and column, takes the marked-up workbook, discards
// the job, uploads the corrected file and imports it; the lists download as Excel.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkChar, idNumber } from './data.mjs';
import {
  accounts, as, baseUrl, bodyWithRoom, check, checkAxe, checkNoTruncation, setLanguage, shot, signIn, signOutPage, state, unusedName,
} from './lib.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'jinguo-import-'));

/** A CSV in UTF-8 (with the BOM Excel writes) under the importer's headings. */
function csv(name, rows) {
  const file = path.join(dir, name);
  const lines = [['姓名', '身份证号', '所在组织', '妇联职务', '任职方式'], ...rows].map((r) => r.join(','));
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  return file;
}

/** Clicks `button` and waits for the browser to save a file: its name and its first bytes. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const saved = await file.path();
  const bytes = readFileSync(saved);
  check(bytes.subarray(0, 2).toString('latin1') === 'PK', `${file.suggestedFilename()} is not an .xlsx (starts ${bytes.subarray(0, 8).toString('hex')})`);
  return file.suggestedFilename();
}

/** A village 妇代会 of the township with room for one more 委员, its path as a clerk writes it. */
async function target() {
  state.town ??= await signIn(accounts.township);
  if (!state.importBody) {
    const { body } = await bodyWithRoom(state.town, 'member', ['village_congress']);
    const full = await state.town.get(`/organisations/${body.id}`);
    state.importBody = { id: body.id, name: body.name, path: (full.path ?? [{ name: body.name }]).map((s) => s.name).join('/') };
  }
  return state.importBody;
}

async function openImport(page) {
  await as(page, accounts.township);
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-drop').waitFor();
}

async function upload(page, file) {
  await page.locator('[data-testid="import-drop"] input[type=file]').setInputFiles(file);
  await page.getByTestId('import-job').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="import-working"]'), null, { timeout: 30000 });
}

const jobInUrl = (page) => new URL(page.url()).searchParams.get('job');

export const tests = [
  {
    name: 'import: templates download; a file with mistakes names each by row and column; the marked-up workbook; reload keeps the job; discard',
    async run(page) {
      const body = await target();
      await openImport(page);
      await checkAxe(page, 'the import page');
      await checkNoTruncation(page, 'the import page');
      const template = await download(page, page.getByTestId('import-template-members'));
      check(template.endsWith('.xlsx'), `the template is saved as ${template}`);
      await download(page, page.getByTestId('import-template-people'));

      // a file the browser refuses before sending
      const wrong = path.join(dir, '名单.txt');
      writeFileSync(wrong, 'x');
      await page.locator('[data-testid="import-drop"] input[type=file]').setInputFiles(wrong);
      await page.getByTestId('import-file-message').filter({ hasText: '.xlsx' }).waitFor();

      const good = idNumber();
      const bad = idNumber().value.slice(0, 17);
      const badId = bad + (checkChar(bad) === '0' ? '1' : '0');
      const name = await unusedName(state.town);
      const file = csv('执委名单-有误.csv', [
        [name, good.value, body.path, '委员', '兼职'], // row 2: new
        [await unusedName(state.town), badId, body.path, '委员', '兼职'], // row 3: the check character
        [await unusedName(state.town), idNumber().value, '不存在的村妇代会', '委员', '兼职'], // row 4: no such body
      ]);
      await upload(page, file);
      check(jobInUrl(page) !== null, `the job is not in the URL: ${page.url()}`);
      await page.getByTestId('import-count-invalid').filter({ hasText: '2' }).waitFor();
      // errors first: rows 3 and 4, each message with its column
      const table = page.getByTestId('import-rows');
      await table.getByTestId('import-row-error').first().waitFor();
      const numbers = await table.getByTestId('import-row-number').allInnerTexts();
      check(JSON.stringify(numbers) === JSON.stringify(['3', '4']), `the error rows read ${numbers.join(', ')}`);
      const errors = await table.getByTestId('import-row-error').allInnerTexts();
      check(errors.some((e) => e.startsWith('身份证号：')), `no error names the column 身份证号: ${errors.join(' | ')}`);
      check(errors.some((e) => e.startsWith('所在组织：')), `no error names the column 所在组织: ${errors.join(' | ')}`);
      await shot(page, 'import-errors');
      await checkAxe(page, 'the dry run of the import');
      await checkNoTruncation(page, 'the dry run of the import');
      await setLanguage(page, 'en');
      await checkNoTruncation(page, 'the dry run of the import (English)');
      await setLanguage(page, 'zh-CN');

      const workbook = await download(page, page.getByTestId('import-error-workbook'));
      check(workbook.endsWith('.xlsx'), `the marked-up workbook is saved as ${workbook}`);

      // reload: the same job, the same rows
      const job = jobInUrl(page);
      await page.reload();
      await page.getByTestId('import-rows').getByTestId('import-row-error').first().waitFor();
      check(jobInUrl(page) === job, 'reload lost the job');

      // confirming now: the faulty rows are said before, with the way to import only the good ones; 导入 waits for it
      await page.getByTestId('import-commit').click();
      const dialog = page.getByTestId('import-commit-dialog');
      await dialog.getByTestId('import-skip-invalid').waitFor();
      await dialog.getByTestId('import-commit-refuse-note').waitFor();
      const confirm = dialog.getByTestId('import-commit-dialog-confirm');
      check(await confirm.isDisabled(), '导入 can be pressed although the file has errors and 只导入无误的行 is not ticked');
      await checkAxe(page, 'the import’s confirmation');
      await dialog.getByTestId('import-skip-invalid').click();
      check(await confirm.isEnabled(), '导入 stays disabled with 只导入无误的行 ticked');
      // the file goes with the import: the skipped rows' marked-up workbook is offered before it
      const skipped = await download(page, dialog.getByTestId('import-commit-workbook'));
      check(skipped.endsWith('.xlsx'), `the skipped rows' workbook is saved as ${skipped}`);
      await dialog.getByTestId('import-skip-invalid').click(); // untouched again: Cancel closes without a question
      await dialog.getByTestId('import-commit-dialog-cancel').click();
      await dialog.waitFor({ state: 'hidden' });

      // 放弃: asked first, then the job is gone
      await page.getByTestId('import-discard').click();
      await page.locator('.jg-import-discard .el-button--primary').click();
      await page.getByTestId('import-drop').waitFor();
      check(jobInUrl(page) === null, 'the discarded job stays in the URL');
      const people = await state.town.get(`/people?q=${encodeURIComponent(name)}&status=all&page_size=5`);
      check(people.total === 0, `the dry run stored ${name}`);
    },
  },
  {
    name: 'import: leaving mid-upload asks, 取消上传 stops it; a correct file is imported (leaving it unconfirmed asks); the result names the body, which lists her',
    async run(page) {
      const body = await target();
      await openImport(page);
      const name = await unusedName(state.town);
      const file = csv('委员名单.csv', [[name, idNumber().value, body.path, '委员', '兼职']]);

      // a large file on a slow line: its bytes are shown; leaving asks (she stays), 取消上传 stops it and starts no job
      // (900 KB at 32 KB/s: half a minute, so that a busy machine still cancels it mid-way)
      const slow = path.join(dir, '大名单.csv');
      writeFileSync(slow, Buffer.concat([readFileSync(file), Buffer.alloc(900 * 1024, '\n')]));
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 32 * 1024 });
      try {
        await page.locator('[data-testid="import-drop"] input[type=file]').setInputFiles(slow);
        await page.getByTestId('import-upload-sent').filter({ hasText: / \/ \d+ KB/ }).waitFor();
        await page.getByTestId('nav-people').click();
        const question = page.locator('.jg-confirm-change');
        await question.filter({ hasText: '文件还在上传' }).waitFor();
        await question.locator('.el-button:not(.el-button--primary)').click();
        await question.waitFor({ state: 'hidden' });
        check(new URL(page.url()).pathname === '/import', `staying took her to ${page.url()}`);
        await page.getByTestId('import-upload-cancel').click();
        await page.getByTestId('import-uploading').waitFor({ state: 'hidden' });
      } finally {
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
        await cdp.detach();
      }
      check(jobInUrl(page) === null, `a cancelled upload left a job: ${page.url()}`);
      check(!(await state.town.get('/imports')).items.some((j) => j.file_name === '大名单.csv'), 'the cancelled upload became a job');

      await upload(page, file);
      await page.getByTestId('import-count-invalid').filter({ hasText: '0' }).waitFor();
      await page.getByTestId('import-state').filter({ hasText: '待确认' }).waitFor();
      // a clean dry run left without confirming: asked, she stays
      await page.getByTestId('nav-people').click();
      const unconfirmed = page.locator('.jg-confirm-change').filter({ hasText: '还没有导入' });
      await unconfirmed.waitFor();
      await unconfirmed.locator('.el-button:not(.el-button--primary)').click();
      await unconfirmed.waitFor({ state: 'hidden' });
      check(jobInUrl(page) !== null, `staying lost the job: ${page.url()}`);
      await page.getByTestId('import-commit').click();
      const dialog = page.getByTestId('import-commit-dialog');
      await dialog.getByTestId('import-commit-summary').waitFor();
      check((await dialog.getByTestId('import-skip-invalid').count()) === 0, 'the skip box shows for a file without errors');
      check((await dialog.getByTestId('import-override-reason').count()) === 0, 'an operator is offered the override');
      await dialog.getByTestId('import-commit-dialog-confirm').click();
      await page.getByTestId('import-done').waitFor({ timeout: 30000 });
      const counts = await page.getByTestId('import-done-counts').innerText();
      check(counts.includes('新增人员 1 人'), `the result reads: ${counts}`);
      await shot(page, 'import-done');
      // the success message fades in and out over the page: axe measures its colours mid-fade
      await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 10000 }).catch(() => undefined);
      await checkAxe(page, 'the import’s result');
      const link = page.getByTestId('import-body').filter({ hasText: body.name });
      await link.click();
      await page.getByTestId('roster-table').getByText(name, { exact: true }).waitFor();
      // the recent list leads back to it
      await page.goBack();
      await page.getByTestId('import-done').waitFor();
      await page.getByTestId('import-again').click();
      await page.getByTestId('import-recent').getByTestId('import-recent-file').filter({ hasText: '委员名单.csv' }).first().waitFor();
    },
  },
  {
    name: 'import: an administrator confirming an import is offered the reason to go past a staffing rule; signing out from an unconfirmed dry run asks nothing',
    async run(page) {
      const body = await target();
      await as(page, accounts.admin);
      await page.getByTestId('nav-import').click();
      await page.getByTestId('import-drop').waitFor();
      await upload(page, csv('管理员名单.csv', [[await unusedName(state.town), idNumber().value, body.path, '委员', '兼职']]));
      await page.getByTestId('import-commit').click();
      const dialog = page.getByTestId('import-commit-dialog');
      await dialog.getByTestId('import-override-reason').waitFor();
      await dialog.getByTestId('import-commit-dialog-cancel').click();
      await dialog.waitFor({ state: 'hidden' });
      // signing out leaves the unconfirmed dry run without a question: her session is gone, there is nothing to stay for
      await signOutPage(page);
    },
  },
  {
    name: 'import: an outstanding-women sheet is counted in entries, named by 推荐单位, imported, and leads to the archive’s list',
    async run(page) {
      state.town ??= await signIn(accounts.township);
      await as(page, accounts.township);
      await page.goto(`${baseUrl}/import?kind=outstanding-women`);
      await page.getByTestId('import-drop').waitFor();
      const name = await unusedName(state.town);
      const file = path.join(dir, '优秀女性.csv');
      writeFileSync(file, `\uFEFF姓名,身份证号,荣誉称号,年份\r\n${name},${idNumber().value},三八红旗手,2025\r\n`, 'utf8');
      await upload(page, file);
      await page.getByTestId('import-count-createdEntries').filter({ hasText: '1' }).waitFor();
      await page.getByTestId('import-count-registeredPeople').filter({ hasText: '1' }).waitFor();
      check((await page.getByTestId('import-count-createdPositions').count()) === 0, 'an archive’s dry run counts positions');
      const table = page.getByTestId('import-rows');
      await table.locator('th').filter({ hasText: '推荐单位' }).waitFor();
      check((await table.locator('th').filter({ hasText: '妇联职务' }).count()) === 0, 'an archive’s rows have a 妇联职务 column');
      await table.getByText('新增档案记录').waitFor();
      await page.getByTestId('import-commit').click();
      await page.getByTestId('import-commit-dialog-confirm').click();
      await page.getByTestId('import-done').waitFor({ timeout: 30000 });
      const counts = await page.getByTestId('import-done-counts').innerText();
      check(counts.includes('新增档案 1 条'), `the result reads: ${counts}`);
      await page.getByTestId('import-archive-list').click();
      await page.getByTestId('women-table').getByText(name).waitFor();
    },
  },
  {
    name: 'import: the roster downloads as Excel, with 含完整身份证号 for an operator',
    async run(page) {
      const body = await target();
      await as(page, accounts.township);
      await page.goto(`${baseUrl}/organisations/${body.id}`);
      await page.getByTestId('roster-table').waitFor();
      await page.getByTestId('roster-export-full').waitFor(); // an operator may reveal
      await download(page, page.getByTestId('roster-export'));
      await page.getByTestId('roster-export-full').click();
      await download(page, page.getByTestId('roster-export'));
      await checkNoTruncation(page, 'the roster with its export and import');
      // 从Excel导入 beside it: the import page set to this body, the template of its type
      await page.getByTestId('roster-import').click();
      await page.getByTestId('import-drop').waitFor();
      const query = new URL(page.url()).searchParams;
      check(query.get('within') === String(body.id) && query.get('template') === 'village_congress', `the roster's import opens ${page.url()}`);
      await page.getByTestId('import-template-type').filter({ hasText: '村妇代会' }).waitFor();
      await page.getByTestId('import-within').filter({ hasText: body.name }).waitFor();
    },
  },
  {
    name: 'import: the lists download as Excel (children, people, failing bodies, audit)',
    async run(page) {
      state.town ??= await signIn(accounts.township);
      // the list exports of the contract ("Exports of lists"); say plainly when the server has none yet
      const status = (await fetch(`${baseUrl}/api/people.xlsx`)).status;
      if (status === 404) {
        console.log('     skipped: the server has no GET /api/people.xlsx yet (404)');
        return;
      }
      await as(page, accounts.township);
      await page.goto(`${baseUrl}/organisations/${state.town.me.organisation.id}`);
      await page.getByTestId('roster-table').waitFor();
      await download(page, page.getByTestId('children-export'));
      await page.getByTestId('nav-people').click();
      await page.getByTestId('people-table').waitFor();
      await download(page, page.getByTestId('people-export'));
      await checkNoTruncation(page, 'the people page with its export');
      await page.getByTestId('nav-compliance').click();
      await page.getByTestId('failing-table').waitFor();
      await download(page, page.getByTestId('failing-export'));
      await as(page, accounts.city);
      await page.getByTestId('nav-audit').click();
      await page.getByTestId('audit-filters').waitFor();
      await download(page, page.getByTestId('audit-export'));
    },
  },
];
