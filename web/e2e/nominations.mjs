// Nominations (issue 13, step 1; docs/api-contract.md, "Issue 13 (step 1): nominations"): a township clerk
// nominates a woman to a village body under her township, finds her in the list, opens her nomination,
// records that she passed the assessment and decides the manner; the steps show each change. The list and
// the detail page pass axe. Nominated again she is sent to her open nomination, which is then withdrawn.
// The flow changes the demo: run it on a fresh one.
import { accounts, as, baseUrl, check, checkAxe, checkPageBothLanguages, field, shot, signIn, state } from './lib.mjs';
import { idNumber, personName } from './data.mjs';

/** An open village body under her township, found through the API (breadth first). */
async function villageBody(client) {
  let level = [client.me.organisation];
  for (let depth = 0; depth < 3; depth++) {
    const next = [];
    for (const body of level) {
      const children = (await client.get(`/organisations?parent_id=${body.id}&page_size=200`)).items.filter((o) => o.open);
      const village = children.find((o) => o.type === 'village' || o.type === 'village_congress');
      if (village) return village;
      next.push(...children);
    }
    level = next;
  }
  throw new Error(`no village body under ${client.me.organisation.name}`);
}

async function pickBody(page, testId, body) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(body.name);
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: body.name }).first();
  await option.waitFor();
  await option.click();
  // the body's type chosen, its roles are offered: the role select is enabled and the body's list closed
  await page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.querySelector('[data-testid="nomination-role"] .is-disabled, [data-testid="nomination-role"].is-disabled') === null);
}

export const tests = [
  {
    name: 'nominations: a township clerk nominates a woman to a village body, finds her in the list, assesses her as passed, decides the manner and withdraws her; the steps show it',
    async run(page) {
      state.townshipClient ??= await signIn(accounts.township);
      const body = await villageBody(state.townshipClient);
      const name = personName();
      const id = idNumber().value;

      await as(page, accounts.township);
      await page.getByTestId('nav-nominations').click();
      await page.getByTestId('nominations-table').waitFor();
      await checkPageBothLanguages(page, 'the nominations list');

      // the new nomination: residents nominated her, so who did is asked for
      await page.getByTestId('nominations-add').click();
      const dialog = page.getByTestId('nomination-dialog');
      await dialog.waitFor();
      await checkAxe(page, 'the new nomination dialog');
      await pickBody(page, 'nomination-organisation', body);
      await page.getByTestId('nomination-role').click();
      await page.locator('.el-select-dropdown__item:visible').first().click();
      await page.getByTestId('nomination-channel-residents').click();
      await page.getByTestId('nomination-dialog-confirm').click();
      await dialog.locator('.el-form-item__error').first().waitFor();
      await field(page, 'nomination-nominated-by').fill('李桂兰');
      await field(page, 'nomination-name').fill(name);
      await field(page, 'nomination-id-number').fill(id);
      await field(page, 'nomination-statement').fill('热心村里妇女工作');
      await shot(page, '90-nomination-dialog');
      await page.getByTestId('nomination-dialog-confirm').click();
      await dialog.waitFor({ state: 'hidden' });

      // the dialog leads to her nomination; back in the list, she is there
      await page.getByTestId('nomination-title').filter({ hasText: name }).waitFor();
      await page.getByTestId('nomination-back').click();
      const row = page.getByTestId('nominations-table').locator('tbody tr', { hasText: name });
      await row.waitFor();
      const text = await row.innerText();
      check(text.includes(body.name) && text.includes('已提名') && text.includes('群众举荐'), `her row reads: ${text}`);
      check(!text.includes(id), 'the list shows her ID number in full');
      await row.getByTestId('nominations-name').click();
      await page.getByTestId('nomination-title').filter({ hasText: name }).waitFor();
      await checkAxe(page, 'the nomination page');

      // assessed: passed
      await page.getByTestId('nomination-assess').click();
      const assess = page.getByTestId('nomination-assess-dialog');
      await assess.waitFor();
      await page.getByTestId('nomination-passed-yes').click();
      await field(page, 'nomination-note').fill('考核合格');
      await page.getByTestId('nomination-assess-dialog-confirm').click();
      await assess.waitFor({ state: 'hidden' });
      await page.getByTestId('nomination-step').filter({ hasText: '考核通过' }).waitFor();

      // the manner decided
      await page.getByTestId('nomination-decide_manner').click();
      const manner = page.getByTestId('nomination-decide_manner-dialog');
      await manner.waitFor();
      await page.getByTestId('nomination-manner').click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: '兼职' }).first().click();
      await page.getByTestId('nomination-decide_manner-dialog-confirm').click();
      await manner.waitFor({ state: 'hidden' });
      await page.getByTestId('nomination-step').filter({ hasText: '已确定任职方式' }).waitFor();

      const steps = page.getByTestId('nomination-step-item');
      check((await steps.count()) === 3, `the timeline shows ${await steps.count()} steps, not three`);
      const timeline = await page.getByTestId('nomination-steps').innerText();
      for (const words of ['考核', '考核通过', '考核合格', '兼职', 'hulan_town']) check(timeline.includes(words), `the steps lack “${words}”: ${timeline}`);
      check((await page.getByTestId('nomination-assess').count()) === 0, 'assess is still offered after the assessment');
      await checkPageBothLanguages(page, 'the nomination page after its steps');
      await shot(page, '91-nomination');

      // the same woman again for the same body and role: she already has an open nomination
      await page.goto(`${baseUrl}/nominations`);
      await page.getByTestId('nominations-add').click();
      await dialog.waitFor();
      await pickBody(page, 'nomination-organisation', body);
      const detail = await state.townshipClient.get((await state.townshipClient.get(`/nominations?organisation_id=${body.id}&page_size=100`)).items.filter((n) => n.name === name).map((n) => `/nominations/${n.id}`)[0]);
      await page.getByTestId('nomination-role').click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: detail.role_label }).first().click();
      await page.getByTestId('nomination-channel-self').click();
      await field(page, 'nomination-name').fill(name);
      await field(page, 'nomination-id-number').fill(id);
      await page.getByTestId('nomination-dialog-confirm').click();
      const link = page.getByTestId('nomination-existing-link');
      await link.waitFor();
      check((await link.getAttribute('href')) === `/nominations/${detail.id}`, `the link goes to ${await link.getAttribute('href')}`);
      await link.click();
      await page.getByTestId('nomination-title').filter({ hasText: name }).waitFor();

      // withdrawn, asked once more: no more actions, the last step says why
      await page.getByTestId('nomination-withdraw').click();
      const withdraw = page.getByTestId('nomination-withdraw-dialog');
      await withdraw.waitFor();
      await field(page, 'nomination-note').fill('本人因工作调动放弃');
      await page.getByTestId('nomination-withdraw-dialog-confirm').click();
      const question = page.locator('.jg-confirm-change');
      await question.waitFor();
      await question.locator('.el-button--primary').click();
      await withdraw.waitFor({ state: 'hidden' });
      await page.getByTestId('nomination-step').filter({ hasText: '已撤回' }).waitFor();
      await page.getByTestId('nomination-closed').waitFor();
      check((await page.getByTestId('nomination-steps').innerText()).includes('本人因工作调动放弃'), 'the withdrawal note is not among the steps');
    },
  },
  {
    name: 'nominations: a woman from the outstanding-women archive is proposed as a nominee by her record, her name carried over, not typed',
    async run(page) {
      // a member of one of her villages, honoured in the archive (the demo's honours sit elsewhere)
      state.townshipClient ??= await signIn(accounts.township);
      const client = state.townshipClient;
      const village = await villageBody(client);
      const member = (await client.get(`/organisations/${village.id}/roster`)).items.find((e) => e.end_on === null);
      check(member, `nobody serves in ${village.name}`);
      await client.post('/archives/outstanding-women', { person_id: member.person_id, organisation_id: village.id, honour: '三八红旗手', year: 2015 });

      await as(page, accounts.township);
      await page.goto(`${baseUrl}/archives/outstanding-women`);
      const rows = page.getByTestId('women-table').locator('.el-table__body tr');
      await rows.first().waitFor();
      const row = rows.first();
      const name = (await row.getByTestId('women-row-name').innerText()).trim();
      await row.getByTestId('women-row-nominate').click();
      const dialog = page.getByTestId('nomination-dialog');
      await dialog.waitFor();
      await page.getByTestId('nomination-person-fixed').filter({ hasText: name }).waitFor();
      check((await page.getByTestId('nomination-id-number').count()) === 0, 'her ID number is asked for though her record holds it');
      await page.waitForFunction(() => document.querySelector('[data-testid="nomination-role"] .is-disabled, [data-testid="nomination-role"].is-disabled') === null);
      await page.getByTestId('nomination-role').click();
      await page.locator('.el-select-dropdown__item:visible').first().click();
      await page.getByTestId('nomination-channel-direct').click();
      await checkAxe(page, 'the nomination dialog from the archive');
      await page.getByTestId('nomination-dialog-confirm').click();
      // a new nomination opens her page; one already open for that role is named with a link to it
      const done = page.getByTestId('nomination-title').filter({ hasText: name }).or(page.getByTestId('nomination-existing'));
      await done.first().waitFor();
    },
  },
];
