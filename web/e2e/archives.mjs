// The survey archives (issue 10, part 6): a clerk keeps the archive of women's social
// organisations (a wrong phone refused on its field, fixed, found, edited, deleted) and adds a
// registered woman to the archive of outstanding women; a viewer reads only. Both pages pass axe
// and show no label cut short, in both languages.
import { idNumber } from './data.mjs';
import {
  accounts, baseUrl, check, checkAxe, checkPageBothLanguages as pageChecks, chooseOption, field, shot, signIn, signInPage, state, unusedName,
} from './lib.mjs';

/** Signs in through the page unless she is already the one signed in. */
async function as(page, account) {
  const name = page.getByTestId('user-name');
  if ((await name.count()) > 0 && (await name.innerText()) === account.username) return;
  await page.context().clearCookies(); // whoever was signed in: a fresh sign-in, whatever the last flow left open
  await signInPage(page, account);
}

async function openArchive(page, kind) {
  await page.goto(`${baseUrl}/archives/${kind}`);
  const table = page.getByTestId(kind === 'outstanding-women' ? 'women-table' : 'social-table');
  await table.waitFor();
  await table.locator('.el-loading-mask').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  return table;
}

/** The error an el-form-item shows under the control with this test id. */
function fieldError(page, testId) {
  return page.locator('.el-form-item', { has: field(page, testId) }).locator('.el-form-item__error');
}

const suffix = () => Math.random().toString(36).slice(2, 6).toUpperCase();

export const tests = [
  {
    name: 'archive: a clerk adds a social organisation (a wrong phone shown on its field), finds, edits and deletes it',
    async run(page) {
      await as(page, accounts.daoli);
      const table = await openArchive(page, 'social-organisations');
      await page.getByTestId('nav-archives-outstanding-women').and(page.locator('.router-link-active')).waitFor();
      await pageChecks(page, 'the social organisations archive');
      const name = `巾帼互助队${suffix()}`;
      await page.getByTestId('archive-add').click();
      const dialog = page.getByTestId('social-dialog');
      await field(page, 'social-name').waitFor();
      await field(page, 'social-name').fill(name);
      await chooseOption(page, 'social-kind', '巾帼志愿服务类');
      await field(page, 'social-head').fill('王秀英');
      await field(page, 'social-members').fill('25');
      await field(page, 'social-contact').fill('12345');
      await pageChecks(page, 'the social organisation dialog');
      await page.getByTestId('social-dialog-confirm').click();
      // the server's refusal stands under 联系电话, not in a message over the page
      await fieldError(page, 'social-contact').filter({ hasText: '联系电话' }).waitFor();
      check((await page.locator('.el-message--error').count()) === 0, 'the phone error was shown as a message, not on the field');
      check(await dialog.isVisible(), 'the dialog closed on a refusal');
      await shot(page, '60-archive-contact-error');
      await field(page, 'social-contact').fill('0451-84694842');
      await page.getByTestId('social-dialog-confirm').click();
      await dialog.waitFor({ state: 'hidden' });

      // found by a search, kept in the URL; the export link carries the same filter
      await field(page, 'social-q').fill(name);
      await field(page, 'social-q').press('Enter');
      await page.waitForURL((u) => u.searchParams.get('q') === name);
      const row = table.locator('tbody tr', { hasText: name });
      await row.waitFor();
      check((await table.locator('tbody tr').count()) === 1, 'the search finds more than the one organisation');
      // the number is masked until she asks for it (each reveal is audited)
      check((await row.getByTestId('social-row-contact').innerText()) === '0451*****4842', `the row reads ${await row.innerText()}`);
      await row.getByTestId('social-reveal').click();
      await row.getByTestId('social-row-contact').filter({ hasText: '0451-84694842' }).waitFor();
      check((await row.getByTestId('social-reveal').count()) === 0, 'the reveal button stays after the number is shown');
      const href = await page.getByTestId('archive-export').getAttribute('href');
      check(href.startsWith('/api/archives/social-organisations.xlsx?') && new URL(href, baseUrl).searchParams.get('q') === name, `the export link is ${href}`);
      const importHref = await page.getByTestId('archive-import').getAttribute('href');
      check(importHref === '/import?kind=social-organisations', `the import link is ${importHref}`);

      // edited: closing with a change asks first; saved, the row shows it
      await row.getByTestId('social-edit').click();
      await field(page, 'social-head').fill('李红');
      await page.getByTestId('social-dialog-cancel').click();
      await page.locator('.jg-discard .el-button:not(.el-button--primary)').click();
      // the masked number says that it stays unless she types a new one
      await dialog.locator('#social-contact-hint').waitFor();
      await page.getByTestId('social-dialog-confirm').click();
      await dialog.waitFor({ state: 'hidden' });
      const edited = table.locator('tbody tr', { hasText: '李红' });
      await edited.waitFor();
      await edited.getByTestId('social-reveal').click(); // saved without a new number: the stored one kept
      await edited.getByTestId('social-row-contact').filter({ hasText: '0451-84694842' }).waitFor();

      // deleted after a question
      await table.locator('tbody tr', { hasText: name }).getByTestId('social-delete').click();
      await page.getByTestId('archive-delete-dialog').getByText(name).waitFor();
      await page.getByTestId('archive-delete-dialog-confirm').click();
      await page.getByTestId('archive-delete-dialog').waitFor({ state: 'hidden' });
      await table.locator('.el-table__empty-text').waitFor();
      check((await table.locator('tbody tr', { hasText: name }).count()) === 0, 'the deleted organisation is still listed');
    },
  },
  {
    name: 'archive: a registered woman is added to the outstanding women; the list shows her name, not an id',
    async run(page) {
      state.daoli ??= await signIn(accounts.daoli);
      const number = idNumber().value; // only the test knows the full number: every answer masks it
      const person = await state.daoli.post('/people', { name: await unusedName(state.daoli), id_number: number });
      await as(page, accounts.daoli);
      const table = await openArchive(page, 'outstanding-women');
      await pageChecks(page, 'the outstanding women archive');
      await page.getByTestId('archive-add').click();
      const dialog = page.getByTestId('woman-dialog');
      await page.getByTestId('woman-person').click();
      await page.keyboard.type(person.name);
      await page.locator('.el-select-dropdown__item:visible', { hasText: person.id_number_masked }).first().click();
      await field(page, 'woman-honour').fill('三八红旗手');
      await field(page, 'woman-field').fill('乡村振兴');
      await chooseOption(page, 'woman-year', '2024');
      await pageChecks(page, 'the outstanding woman dialog');
      await page.getByTestId('woman-dialog-confirm').click();
      await dialog.waitFor({ state: 'hidden' });
      await field(page, 'women-q').fill(person.name);
      await field(page, 'women-q').press('Enter');
      const row = table.locator('tbody tr', { hasText: person.name });
      await row.waitFor();
      const text = await row.innerText();
      check(text.includes('三八红旗手') && text.includes(person.id_number_masked) && text.includes(state.daoli.me.organisation.name), `the row reads ${text}`);
      await row.getByTestId('women-row-name').filter({ hasText: person.name }).waitFor();
      await shot(page, '61-archive-woman');
      // the same woman, named by her full ID number, with the same honour in the same body: refused on 荣誉称号
      await page.getByTestId('archive-add').click();
      await page.getByTestId('woman-mode-id').click();
      await field(page, 'woman-id-number').fill(number);
      await field(page, 'woman-honour').fill('三八红旗手');
      await page.getByTestId('woman-dialog-confirm').click();
      await fieldError(page, 'woman-honour').waitFor();
      check(await dialog.isVisible(), 'the dialog closed on a refusal');
      await page.getByTestId('woman-dialog-cancel').click();
      await page.locator('.jg-discard .el-button--primary').click();
      await dialog.waitFor({ state: 'hidden' });
    },
  },
  {
    name: 'archive: a viewer reads the archives but sees no add, edit, delete or import',
    async run(page) {
      await as(page, accounts.viewer);
      for (const kind of ['outstanding-women', 'social-organisations']) {
        await openArchive(page, kind);
        for (const id of ['archive-add', 'archive-import', 'women-edit', 'women-delete', 'social-edit', 'social-delete']) {
          check((await page.getByTestId(id).count()) === 0, `a viewer sees ${id} on ${kind}`);
        }
        await page.getByTestId('archive-export').waitFor();
      }
      await checkAxe(page, 'the archives as a viewer');
    },
  },
];
