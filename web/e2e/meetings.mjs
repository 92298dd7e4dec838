// Women's meetings and filing (issue 13, steps 3 and 5; docs/api-contract.md): a township clerk, in the
// village on her phone (390×844), records the meeting that decided two nominees (one confirmed, one
// not), is asked before leaving a half-filled form, and lands on the meeting's page with the confirmed
// one appointed. Back at a desk (1366×768) she records the filing with the Party organisation and the
// federation above, one is returned and sent again, both acknowledge, and the meeting leaves the unfiled
// list. The pages pass axe and show no label cut short. The flow changes the demo: run it on a fresh one.
import { accounts, as, baseUrl, bodyWithRoom, check, checkAxe, checkNoTruncation, checkPageBothLanguages, field, shot, signIn, state } from './lib.mjs';
import { idNumber, personName } from './data.mjs';

const phone = { width: 390, height: 844 };
const desk = { width: 1366, height: 768 };

/** Two nominations to `body`, assessed as passed and their manner decided, through the API. */
async function readyNominations(client, body) {
  const made = [];
  for (let i = 0; i < 2; i++) {
    const n = await client.post('/nominations', { organisation_id: body.id, role: 'member', channel: 'direct', name: personName(), id_number: idNumber().value });
    await client.post(`/nominations/${n.id}/assess`, { passed: true, note: 'e2e' });
    await client.post(`/nominations/${n.id}/decide-manner`, { manner: 'part_time' });
    made.push(n);
  }
  return made;
}

async function pageWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** A live recipient's card on the filings panel, and the tag of its state. */
function recipientCard(page, recipient) {
  return page.getByTestId(`filing-live-${recipient}`);
}

async function expectLive(page, recipient, label) {
  await recipientCard(page, recipient).getByTestId('filing-live-state').filter({ hasText: label }).waitFor();
}

export const tests = [
  {
    name: 'meeting: a township clerk records a village women’s meeting on a phone (one confirmed, one not), sees the confirmed one appointed, files it with both recipients and sees it leave the unfiled list',
    async run(page) {
      state.meetingClient ??= await signIn(accounts.township);
      const client = state.meetingClient;
      const { body } = await bodyWithRoom(client, 'member', ['village', 'village_congress']);
      const [yes, no] = await readyNominations(client, body);
      state.meetingBody = body;

      await as(page, accounts.township);
      await page.setViewportSize(phone);
      try {
        // the list of the body's meetings, then 记录妇女群众会议 with the body carried over
        await page.goto(`${baseUrl}/meetings?organisation=${body.id}`);
        await page.getByTestId('meetings-table').waitFor();
        await checkAxe(page, 'the meetings list on a phone');
        await page.getByTestId('meetings-record').click();
        await page.waitForURL(new RegExp(`/meetings/new\\?organisation_id=${body.id}$`));
        const nominees = page.getByTestId('meeting-nominee');
        await nominees.filter({ hasText: yes.name }).waitFor();
        await nominees.filter({ hasText: no.name }).waitFor();
        check((await page.getByTestId('meeting-organisation').innerText()).includes(body.name), 'the body is not preset from the link');
        check((await pageWidth(page)) <= phone.width, `the record page is ${await pageWidth(page)} px wide on a phone`);
        await checkAxe(page, 'the meeting form on a phone');

        // others ready at this body are left out of this meeting
        for (const card of await nominees.all()) {
          const text = await card.innerText();
          if (!text.includes(yes.name) && !text.includes(no.name)) await card.getByTestId('meeting-nominee-include').click();
        }

        // nothing chosen yet: the form says what is missing, at each field and each nominee
        await page.getByTestId('meeting-save').click();
        await page.getByTestId('meeting-outcomes-error').waitFor();
        check((await page.getByTestId('meeting-outcome-missing').count()) === 2, 'each nominee without an outcome is not named');
        await page.locator('.el-form-item__error').first().waitFor();

        await field(page, 'meeting-place').fill('上胜村村委会会议室');
        await field(page, 'meeting-attendance').fill('36');
        await field(page, 'meeting-notes').fill('到会妇女36人，举手表决');
        await nominees.filter({ hasText: yes.name }).getByTestId('meeting-outcome-confirmed').click();
        await nominees.filter({ hasText: no.name }).getByTestId('meeting-outcome-not_confirmed').click();
        check((await page.getByTestId('meeting-outcome-missing').count()) === 0, 'an outcome chosen is still said to be missing');
        await shot(page, '95-meeting-record-phone');

        // leaving the half-filled form asks first; she keeps editing
        await page.getByRole('link', { name: '返回会议列表' }).click();
        const question = page.locator('.jg-discard');
        await question.waitFor();
        await question.locator('.el-button:not(.el-button--primary)').first().click();
        await question.waitFor({ state: 'hidden' });
        check(page.url().includes('/meetings/new'), 'keeping on editing left the page');

        await page.getByTestId('meeting-save').click();
        await page.getByTestId('meeting-title').waitFor();
        check(/\/meetings\/\d+$/.test(page.url()), `the meeting page is at ${page.url()}`);
        const meetingId = Number(page.url().split('/').pop());
        state.meetingId = meetingId;

        // the meeting page: facts, the confirmed one appointed with a link to her person, the other not
        const facts = await page.getByTestId('meeting-fields').innerText();
        for (const words of [body.name, '上胜村村委会会议室', '36', '举手表决', 'hulan_town']) check(facts.includes(words), `the meeting's facts lack “${words}”: ${facts}`);
        const rows = page.getByTestId('meeting-nominees-table').locator('tbody tr');
        const yesRow = rows.filter({ hasText: yes.name });
        await yesRow.getByTestId('meeting-nominee-person').waitFor();
        check((await yesRow.getByTestId('meeting-nominee-outcome').innerText()).includes('通过'), 'the confirmed nominee is not shown as 通过');
        check((await rows.filter({ hasText: no.name }).getByTestId('meeting-nominee-outcome').innerText()).includes('未通过'), 'the other is not shown as 未通过');
        check((await rows.filter({ hasText: no.name }).getByTestId('meeting-nominee-person').count()) === 0, 'the nominee not confirmed links to a person');
        check((await yesRow.getByTestId('meeting-nominee-name').getAttribute('href')) === `/nominations/${yes.id}`, 'her name does not link to her nomination');
        await page.getByTestId('meeting-open-roster').waitFor();
        check((await pageWidth(page)) <= phone.width, `the meeting page is ${await pageWidth(page)} px wide on a phone`);
        await checkAxe(page, 'the meeting page on a phone');
        await shot(page, '96-meeting-phone');

        const appointed = await client.get(`/nominations/${yes.id}`);
        check(appointed.step === 'appointed' && appointed.person_id !== null, `the confirmed nomination is at ${appointed.step}`);
        check((await client.get(`/nominations/${no.id}`)).step === 'not_confirmed', 'the other nomination is not at 会议未通过');
      } finally {
        await page.setViewportSize(desk);
      }

      // at a desk: the meeting page in both languages
      await page.reload();
      await page.getByTestId('filings-panel').waitFor();
      await expectLive(page, 'party', '未报送');
      await expectLive(page, 'federation_above', '未报送');
      await checkPageBothLanguages(page, 'the meeting page');

      // the minutes: a scanned sign-in sheet attached (judged by content), listed, a text file refused plainly
      await page.getByTestId('minutes-none').waitFor();
      await page.getByTestId('minutes-file').setInputFiles({ name: '签到表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% sign-in sheet\n') });
      await page.getByTestId('minutes-panel').getByTestId('attachment-link').filter({ hasText: '签到表.pdf' }).waitFor();
      await page.getByTestId('minutes-file').setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just some text') });
      await page.getByTestId('minutes-message').waitFor();
      await checkAxe(page, 'the meeting page with its minutes');
      await page.locator('.el-message').first().waitFor({ state: 'hidden', timeout: 8000 }).catch(() => undefined);

      // sent to the Party organisation (its name left to the default), then to the federation above
      await recipientCard(page, 'party').getByTestId('filing-send-party').click();
      const send = page.getByTestId('filing-send-dialog');
      await send.waitFor();
      check((await field(page, 'filing-recipient-name').getAttribute('placeholder')).includes('同级党组织'), 'the default recipient name is not shown');
      await field(page, 'filing-reference').fill('二八镇妇发〔2026〕3号');
      await checkAxe(page, 'the filing dialog');
      await checkNoTruncation(page, 'the filing dialog');
      await page.getByTestId('filing-send-dialog-confirm').click();
      await send.waitFor({ state: 'hidden' });
      await expectLive(page, 'party', '已报送');

      await page.getByTestId('filing-send').click();
      await send.waitFor();
      check((await page.getByTestId('filing-recipient-party').count()) === 0, 'the Party organisation is offered again while its filing is live');
      const above = (await client.get(`/organisations/${body.id}`)).path?.at(-2)?.name ?? '';
      check((await field(page, 'filing-recipient-name').getAttribute('placeholder')).includes(above), `the federation above (${above}) is not the default name`);
      await page.getByTestId('filing-send-dialog-confirm').click();
      await send.waitFor({ state: 'hidden' });
      await expectLive(page, 'federation_above', '已报送');

      // the unfiled list holds the meeting, both recipients sent
      await page.goto(`${baseUrl}/filings/unfiled?organisation=${body.id}`);
      const row = page.getByTestId('unfiled-table').locator('tbody tr', { hasText: body.name });
      await row.waitFor();
      check((await row.getByTestId('unfiled-party').innerText()) === '已报送', 'the unfiled list does not show the Party filing as sent');
      check((await row.getByTestId('unfiled-federation_above').innerText()) === '已报送', 'the unfiled list does not show the federation filing as sent');
      await checkPageBothLanguages(page, 'the unfiled list');
      await row.getByTestId('unfiled-open').click();
      await page.getByTestId('filings-panel').waitFor();
      check(page.url().endsWith(`/meetings/${state.meetingId}#filings`), `the link opened ${page.url()}`);

      // the Party organisation returns it (the reason is required), it is sent again and acknowledged
      await recipientCard(page, 'party').getByTestId('filing-return').click();
      const back = page.getByTestId('filing-return-dialog');
      await back.waitFor();
      await page.getByTestId('filing-return-dialog-confirm').click();
      await back.locator('.el-form-item__error').filter({ hasText: '请写明退回原因' }).waitFor();
      await field(page, 'filing-reason').fill('缺少会议签到表');
      await page.getByTestId('filing-return-dialog-confirm').click();
      await back.waitFor({ state: 'hidden' });
      await expectLive(page, 'party', '未报送');
      const history = page.getByTestId('filing-history');
      await history.locator('tbody tr', { hasText: '缺少会议签到表' }).getByTestId('filing-history-state').filter({ hasText: '已退回' }).waitFor();

      await recipientCard(page, 'party').getByTestId('filing-send-party').click();
      await send.waitFor();
      await page.getByTestId('filing-send-dialog-confirm').click();
      await send.waitFor({ state: 'hidden' });
      for (const recipient of ['party', 'federation_above']) {
        await recipientCard(page, recipient).getByTestId('filing-acknowledge').click();
        const ack = page.getByTestId('filing-acknowledge-dialog');
        await ack.waitFor();
        await page.getByTestId('filing-acknowledge-dialog-confirm').click();
        await ack.waitFor({ state: 'hidden' });
        await expectLive(page, recipient, '已备案');
      }
      await page.getByTestId('filing-done').waitFor();
      check((await history.locator('tbody tr').count()) === 3, `the history holds ${await history.locator('tbody tr').count()} filings, not three`);
      await shot(page, '97-meeting-filed');

      // filed by both: the meeting leaves the unfiled list
      await page.getByRole('link', { name: '返回会议列表' }).click();
      await page.getByTestId('meetings-table').waitFor();
      await page.getByTestId('selection-tab-filings').click();
      await page.waitForURL(/\/filings\/unfiled/);
      await page.goto(`${baseUrl}/filings/unfiled?organisation=${body.id}`);
      await page.getByTestId('unfiled-none').filter({ hasText: '全部已备案' }).waitFor();
      const left = await client.get(`/filings/unfiled?organisation_id=${body.id}`);
      check(!left.items.some((m) => m.id === state.meetingId), 'the server still lists the meeting as unfiled');
    },
  },
];

/** A village body under the township whose one 主任 seat is taken (a second one breaks the rule). */
async function bodyWithDirector(client, township) {
  const children = (await client.get(`/organisations?parent_id=${township}&page_size=200`)).items.filter((o) => o.open && o.type === 'village_congress');
  let full = null; // one whose total is at its maximum too (earlier flows may have filled it): the second choice
  for (const body of children) {
    const c = await client.get(`/organisations/${body.id}/composition`);
    const row = c.roles.find((r) => r.role === 'director');
    if (!(row && row.max !== null && row.actual >= row.max)) continue;
    if (!c.total || c.total.max === null || c.total.actual < c.total.max) return body;
    full ??= body;
  }
  if (full) return full;
  throw new Error('no village body with its director seat taken');
}

tests.push({
  name: 'meeting: a confirmation that breaks a staffing rule is refused in plain words, nothing stored; an administrator saves it with a reason',
  async run(page) {
    state.meetingClient ??= await signIn(accounts.township);
    state.meetingAdmin ??= await signIn(accounts.admin);
    const admin = state.meetingAdmin;
    const body = await bodyWithDirector(admin, state.meetingClient.me.organisation.id);
    const n = await admin.post('/nominations', { organisation_id: body.id, role: 'director', channel: 'direct', name: personName(), id_number: idNumber().value });
    await admin.post(`/nominations/${n.id}/assess`, { passed: true });
    await admin.post(`/nominations/${n.id}/decide-manner`, { manner: 'part_time' });
    const before = (await admin.get(`/meetings?organisation_id=${body.id}`)).total;

    await as(page, accounts.admin);
    await page.goto(`${baseUrl}/meetings`);
    await page.getByTestId('meetings-table').locator('tbody tr').first().waitFor();
    await checkPageBothLanguages(page, 'the meetings list');
    await page.goto(`${baseUrl}/meetings/new?organisation_id=${body.id}`);
    const nominees = page.getByTestId('meeting-nominee');
    await nominees.filter({ hasText: n.name }).waitFor();
    await checkPageBothLanguages(page, 'the meeting form');
    for (const card of await nominees.all()) {
      if (!(await card.innerText()).includes(n.name)) await card.getByTestId('meeting-nominee-include').click();
    }
    await field(page, 'meeting-place').fill('村妇女之家');
    await field(page, 'meeting-attendance').fill('20');
    await nominees.filter({ hasText: n.name }).getByTestId('meeting-outcome-confirmed').click();
    await page.getByTestId('meeting-save').click();

    // refused: the broken rule in plain words with its next step; nothing stored
    const refused = page.getByTestId('meeting-refused');
    await refused.waitFor();
    await refused.getByTestId('finding-message').first().waitFor();
    const messages = await refused.getByTestId('finding-message').allInnerTexts();
    check(messages.some((m) => m.includes('主任')), `the refusal does not name the role: ${messages.join(' / ')}`);
    check((await admin.get(`/meetings?organisation_id=${body.id}`)).total === before, 'a refused meeting was stored');
    check((await admin.get(`/nominations/${n.id}`)).step === 'manner_decided', 'the refused nomination moved on');
    await checkAxe(page, 'the refused meeting');

    // the administrator overrides: a reason is asked for, then the meeting is saved
    await refused.getByTestId('meeting-refused-override').click();
    await page.getByTestId('meeting-save').click();
    await refused.locator('.jg-status-over').filter({ hasText: '理由' }).waitFor();
    await field(page, 'meeting-refused-override-reason').fill('原主任即将离任，换届过渡期');
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('meeting-title').waitFor();
    const row = page.getByTestId('meeting-nominees-table').locator('tbody tr', { hasText: n.name });
    check((await row.getByTestId('meeting-nominee-outcome').innerText()).includes('通过'), 'the overridden nominee is not shown as confirmed');
    const appointed = await admin.get(`/nominations/${n.id}`);
    check(appointed.step === 'appointed', 'the overridden nomination is not appointed');

    // a 村妇代会主任 calls for an 执委 seat in the township: proposed with a link to her person, only just after recording
    const seat = page.getByTestId('meeting-seat').first();
    await seat.waitFor();
    check((await seat.getByTestId('finding-message').innerText()).includes(n.name), 'the proposed seat does not name her');
    check((await seat.getByTestId('meeting-seat-person').getAttribute('href')) === `/people/${appointed.person_id}`, 'the seat does not link to her person');
    await checkAxe(page, 'the meeting page with its proposed seat');
    await page.reload();
    await page.getByTestId('meeting-title').waitFor();
    check((await page.getByTestId('meeting-recorded').count()) === 0, 'the proposed seats are shown again on a later visit');
  },
});
