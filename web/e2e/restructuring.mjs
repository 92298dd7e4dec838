// Restructuring from a day (issue 11, second step; docs/api-contract.md, "The tree as it stood" and
// "Restructuring"): a city clerk renames a township from a day and reads both names in its 沿革; a
// date before the body's last change is refused on the date field with the server's words; a 村妇代会
// becomes a 村妇联 and its 主任 a 主席; a township is merged into another and the clerk lands on the
// target with the counts, Back returning to the closed body; a 村妇代会 moved from a day keeps its old
// parent in the 沿革, while a move without a day says it corrects the parent. The pages pass axe and show no label cut
// short, in both languages. The flows change the demo data: each picks bodies never restructured.
import { accounts, as, baseUrl, check, checkPageBothLanguages, escapeDialog, field, shot, signIn, state, typeDate } from './lib.mjs';

const renamedOn = '2020-01-01';
const param = (page, key) => new URL(page.url()).searchParams.get(key);

async function city() {
  state.harbin ??= await signIn(accounts.city);
  return state.harbin;
}

/** Open bodies of a type in the city, found by a word of their names, that were never restructured and pass `fits`. */
async function neverRestructured(client, type, word, fits, exclude = []) {
  const hits = (await client.get(`/organisations/search?q=${encodeURIComponent(word)}&type=${type}&page_size=100`)).items;
  for (const body of hits) {
    if (!body.open || exclude.includes(body.id) || !(await fits(body))) continue;
    if ((await client.get(`/organisations/${body.id}/history`)).items.length === 1) return body;
  }
  throw new Error(`no ${type} named with ${word} that was never restructured`);
}

/** A name only one body has, so that a search in the picker finds exactly it. */
async function uniquelyNamed(client, body) {
  return (await client.get(`/organisations/search?q=${encodeURIComponent(body.name)}&page_size=5`)).total === 1;
}

/** A township never restructured, and the name it takes from `renamedOn` (镇妇联 → 镇妇女联合会). */
async function townshipToRename(client) {
  const township = await neverRestructured(client, 'township', '镇', async (b) => b.name.endsWith('镇妇联'));
  return { ...township, newName: township.name.replace(/镇妇联$/, '镇妇女联合会') };
}

async function openBody(page, body) {
  await page.goto(`${baseUrl}/organisations/${body.id}`);
  await page.getByTestId('org-name').waitFor();
  await page.getByTestId('roster-table').waitFor();
}

/** The 沿革 opened from its button: the URL says so, and the table lists the versions. */
async function openHistory(page) {
  await page.getByTestId('history-toggle').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('history') === 'open');
  const table = page.getByTestId('history-table');
  await table.locator('.el-table__body tr').first().waitFor();
  await page.locator('[data-testid="history-table"] .el-loading-mask').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
  return table;
}

async function historyRows(table) {
  return table.locator('.el-table__body tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.innerText.trim())));
}

/** Chooses a body in an organisation picker by typing its name; the chosen option's text. */
async function pickBody(page, testId, body) {
  await page.getByTestId(testId).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(body.name);
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: body.name }).first();
  await option.waitFor();
  const text = await option.innerText();
  await option.click();
  return text;
}

/** The message shown under a form field of a dialog. */
function fieldError(page, dialog, label) {
  return dialog.locator('.el-form-item', { has: page.locator('.el-form-item__label', { hasText: label }) }).locator('.el-form-item__error');
}

export const tests = [
  {
    name: 'restructure: a city clerk renames a township from a day; 编辑 and 更名 say which is which; the 沿革 shows both names',
    async run(page) {
      const client = await city();
      const township = await townshipToRename(client);
      state.renamed = township;
      await as(page, accounts.city);
      await openBody(page, township);

      // 编辑 corrects a typo, 更名 is a change from a day: each dialog says so in one sentence
      await page.getByTestId('edit-org').click();
      await page.getByTestId('edit-or-rename').filter({ hasText: '组织正式更名请用「更名」' }).waitFor();
      await page.getByTestId('org-form-dialog-cancel').click();
      await page.getByTestId('org-form-dialog').waitFor({ state: 'hidden' });

      await page.getByTestId('rename-org').click();
      const dialog = page.getByTestId('rename-dialog');
      await dialog.getByTestId('rename-or-edit').filter({ hasText: '更正错别字请用「编辑」' }).waitFor();
      await field(page, 'rename-name').fill(state.renamed.newName);
      await typeDate(page, 'rename-on', renamedOn);
      await checkPageBothLanguages(page, 'the rename dialog');
      await shot(page, 'r1-rename-dialog');
      await page.getByTestId('rename-dialog-confirm').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('org-name').filter({ hasText: state.renamed.newName }).waitFor();

      // 沿革: the old name until the day, the new one from it
      const table = await openHistory(page);
      await table.getByText(state.renamed.newName).waitFor();
      const rows = await historyRows(table);
      check(rows.length === 2, `the history lists ${rows.length} versions: ${JSON.stringify(rows)}`);
      check(rows[0][0] === `${renamedOn} 以前` && rows[0][1] === township.name, `the first version reads ${rows[0].join(' | ')}`);
      check(rows[1][0] === `${renamedOn} 至今` && rows[1][1] === state.renamed.newName, `the second version reads ${rows[1].join(' | ')}`);
      const parent = township.path.at(-2);
      check(rows[1][3] === parent.name, `the parent column reads ${rows[1][3]}, not ${parent.name}`);
      await table.getByRole('link', { name: parent.name }).first().waitFor();
      await checkPageBothLanguages(page, 'the organisation page with its 沿革');
      await shot(page, 'r2-history');

      // Back closes the 沿革 again; Forward opens it
      await page.goBack();
      await page.getByTestId('history-table').waitFor({ state: 'detached' });
      check(param(page, 'history') === null, `the URL still opens the history: ${page.url()}`);
      await page.goForward();
      await page.getByTestId('history-table').getByText(state.renamed.newName).waitFor();
    },
  },
  {
    name: "restructure: a date before the body's last change is refused on the date field with the server's words",
    async run(page) {
      // the township the first flow renamed, or (run alone) one renamed here through the API
      const client = await city();
      if (!state.renamed) {
        state.renamed = await townshipToRename(client);
        await client.post(`/organisations/${state.renamed.id}/rename`, { name: state.renamed.newName, on: renamedOn });
      }
      const body = state.renamed;
      await as(page, accounts.city);
      await openBody(page, body);
      await page.getByTestId('rename-org').click();
      const dialog = page.getByTestId('rename-dialog');
      await field(page, 'rename-name').fill(`${body.newName.replace(/妇女联合会$/, '')}妇联`);
      await typeDate(page, 'rename-on', '2019-06-01');
      await page.getByTestId('rename-dialog-confirm').click();
      const error = fieldError(page, dialog, '变更日期');
      await error.filter({ hasText: `该组织在${renamedOn}已有变更` }).waitFor();
      check((await fieldError(page, dialog, '新名称').count()) === 0, 'the refusal is shown on the name too');
      await page.mouse.move(0, 0); // the confirming button under the pointer shows its lighter hover colour
      await checkPageBothLanguages(page, 'the refused rename');
      await shot(page, 'r3-refused-date');
      await escapeDialog(page, { discard: true });
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('org-name').filter({ hasText: body.newName }).waitFor();
    },
  },
  {
    name: 'restructure: a city clerk converts a 村妇代会 to a 村妇联; its 主任 becomes 主席 from that day',
    async run(page) {
      const client = await city();
      let director = null;
      const congress = await neverRestructured(client, 'village_congress', '村', async (b) => {
        director = (await client.get(`/organisations/${b.id}/roster`)).items.find((e) => e.role === 'director') ?? null;
        return director !== null;
      });
      state.converted = congress.id;
      await as(page, accounts.city);
      await openBody(page, congress);
      await page.getByTestId('roster-table').getByText(director.name, { exact: true }).waitFor();

      const button = page.getByTestId('convert-org');
      check((await button.innerText()).trim() === '改建为村妇联', `the button reads ${await button.innerText()}`);
      await button.click();
      const dialog = page.getByTestId('convert-dialog');
      const explanation = await dialog.getByTestId('convert-explanation').innerText();
      check(explanation.includes('主任、副主任、委员') && explanation.includes('主席、副主席、执委'), `the dialog explains: ${explanation}`);
      await checkPageBothLanguages(page, 'the convert dialog');
      await shot(page, 'r4-convert-dialog');
      await page.getByTestId('convert-dialog-confirm').click();
      await dialog.waitFor({ state: 'hidden' });

      // from today she is its 主席; the 沿革 shows the two types
      const row = page.getByTestId('roster-table').locator('tr', { hasText: director.name });
      await row.filter({ hasText: '主席' }).waitFor();
      check(!(await row.innerText()).includes('主任'), `her row still reads 主任: ${await row.innerText()}`);
      const table = await openHistory(page);
      await table.getByText('村妇联', { exact: true }).waitFor();
      const types = (await historyRows(table)).map((r) => r[2]);
      check(types.join(',') === '村妇代会,村妇联', `the history lists the types ${types.join(',')}`);
      await shot(page, 'r5-converted');
    },
  },
  {
    name: 'restructure: a 村妇代会 moved from a day keeps its old parent in the 沿革; without a day the move says it is a correction',
    async run(page) {
      const client = await city();
      const congress = await neverRestructured(client, 'village_congress', '村', async () => true, state.converted ? [state.converted] : []);
      const oldParent = congress.path.at(-2);
      const township = await neverRestructured(client, 'township', '镇', async (b) => b.id !== oldParent.id && b.id !== state.renamed?.id && (await uniquelyNamed(client, b)));
      state.moved = township.id;
      await as(page, accounts.city);
      await openBody(page, congress);
      await page.getByTestId('move-org').click();
      const meaning = page.getByTestId('move-meaning');
      check((await meaning.innerText()).includes('纠正错误的上级'), `without a day the move reads: ${await meaning.innerText()}`);
      await pickBody(page, 'move-parent', township);
      await typeDate(page, 'move-on', '2022-03-01');
      await meaning.filter({ hasText: '自 2022-03-01 起隶属新的上级' }).waitFor();
      await checkPageBothLanguages(page, 'the dated move');
      await shot(page, 'r9-dated-move');
      await page.getByTestId('move-dialog-confirm').click();
      await page.getByTestId('move-dialog').waitFor({ state: 'hidden' });
      await page.getByTestId('org-breadcrumbs').filter({ hasText: township.name }).waitFor();

      const rows = await historyRows(await openHistory(page));
      check(rows.length === 2 && rows[0][0] === '2022-03-01 以前' && rows[0][3] === oldParent.name, `the old parent reads ${JSON.stringify(rows[0])}`);
      check(rows[1][0] === '2022-03-01 至今' && rows[1][3] === township.name, `the new parent reads ${JSON.stringify(rows[1])}`);
    },
  },
  {
    name: 'restructure: a city clerk merges a township into another and lands on the target with the counts shown; Back returns to the closed one',
    async run(page) {
      const client = await city();
      const exclude = [state.renamed?.id, state.moved].filter((id) => id !== undefined);
      const from = await neverRestructured(client, 'township', '镇', async (b) => b.child_count > 0 && b.member_count > 0, exclude);
      const openChildren = async (b) => (await client.get(`/organisations?parent_id=${b.id}&page_size=200`)).items.filter((o) => o.open);
      const fromChildren = new Set((await openChildren(from)).map((o) => o.name));
      // two bodies under one parent may not share a name: a target none of whose children is named as one of hers
      const into = await neverRestructured(
        client,
        'township',
        '乡',
        async (b) => (await uniquelyNamed(client, b)) && (await openChildren(b)).every((o) => !fromChildren.has(o.name)),
        [...exclude, from.id],
      );
      const children = fromChildren.size;
      const held = (await client.get(`/organisations/${from.id}/roster`)).items.length;

      await as(page, accounts.city);
      await openBody(page, from);
      await page.getByTestId('merge-org').click();
      const dialog = page.getByTestId('merge-dialog');
      const explanation = await dialog.getByTestId('merge-explanation').innerText();
      check(explanation.includes('下级组织') && explanation.includes('副主席') && explanation.includes('撤销'), `the dialog explains: ${explanation}`);

      // a target with a child named as one of hers is refused on the field before anything is sent
      const clashing = await neverRestructured(
        client,
        'township',
        '镇',
        async (b) => (await uniquelyNamed(client, b)) && (await openChildren(b)).some((o) => fromChildren.has(o.name)),
        [...exclude, from.id, into.id],
      ).catch(() => null);
      if (clashing) {
        await pickBody(page, 'merge-into', clashing);
        await fieldError(page, dialog, '并入的组织').filter({ hasText: '已有同名的下级组织' }).waitFor();
        await shot(page, 'r6-merge-clash');
      }

      // the body is chosen by its name (its path beside it), within her subtree
      const option = await pickBody(page, 'merge-into', into);
      check(option.includes(into.path.at(-2).name), `the option does not show the path: ${option}`);
      await fieldError(page, dialog, '并入的组织').waitFor({ state: 'detached' });
      await checkPageBothLanguages(page, 'the merge dialog');
      await shot(page, 'r6-merge-dialog');

      // the last question names both bodies; 返回修改 keeps the form
      await page.getByTestId('merge-dialog-confirm').click();
      const question = page.locator('.jg-confirm-change');
      await question.waitFor();
      const text = await question.innerText();
      check(text.includes(from.name) && text.includes(into.name), `the question reads: ${text}`);
      await shot(page, 'r7-merge-question');
      await question.locator('.el-button--primary').click();

      await page.waitForURL(`${baseUrl}/organisations/${into.id}`);
      await page.getByTestId('org-name').filter({ hasText: into.name }).waitFor();
      const result = page.getByTestId('merge-result');
      await result.waitFor();
      const said = await result.innerText();
      check(said.includes(from.name) && said.includes(`移入下级组织 ${children} 个`) && said.includes(`结束原任职 ${held} 项`), `the result reads: ${said}`);
      await checkPageBothLanguages(page, 'the body merged into, with the counts');
      await shot(page, 'r8-merged');

      await page.goBack();
      await page.getByTestId('org-name').filter({ hasText: from.name }).waitFor();
      await page.getByTestId('org-closed').waitFor();
      check((await page.getByTestId('merge-result').count()) === 0, 'the closed body shows the merge result too');
    },
  },
];
