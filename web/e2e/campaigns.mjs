// The campaign (issue 12, first step; docs/api-contract.md, "Issue 12 (first step): campaigns, milestones,
// submissions, reminders"): the city opens the 2016 campaign and 附表4's dashboard and reminds 道里区; 道里区
// sees the reminder on its start page, checks the form that will be frozen and submits it; the city returns
// it with a reason; 道里区 submits again; the city accepts and the dashboard shows 已通过. The pages pass axe
// and show no label cut short, in both languages. The flows change the demo: run them on a fresh one.
import { accounts, as, baseUrl, check, checkAxe, chooseOption, checkPageBothLanguages, escapeDialog, field, openRoute, shot, signIn, state } from './lib.mjs';

const campaignName = '2016年扩大基层妇联组织成员工作';
const note = '请于本周内报送附表4';
const reason = '社区一行的扩大后人数与名册不符，请核对后重新上报';

/** The campaign, 附表4's district milestone and 道里区, found through the API. */
async function ids() {
  state.city ??= await signIn(accounts.city);
  state.daoli ??= await signIn(accounts.daoli);
  const campaign = (await state.city.get('/campaigns')).items.find((c) => c.name === campaignName);
  check(campaign, `no campaign “${campaignName}” in the demo`);
  const detail = await state.city.get(`/campaigns/${campaign.id}`);
  const form4 = detail.milestones.find((m) => m.kind === 'form' && m.form === 4 && m.level === 'district');
  return { campaign: detail, milestone: form4, daoli: state.daoli.me.organisation };
}

/** The submission page of 道里区 for 附表4 with its state shown. */
async function submissionPage(page, milestone, daoli, wanted) {
  await page.goto(`${baseUrl}/milestones/${milestone.id}/bodies/${daoli.id}`);
  await page.getByTestId('submission-state').filter({ hasText: wanted }).waitFor();
}

export const tests = [
  {
    name: 'campaign: the city opens the 2016 campaign, its milestones in due order; adds and edits a milestone, asked before discarding one being typed',
    async run(page) {
      const { campaign } = await ids();
      await as(page, accounts.city);
      await page.getByTestId('nav-campaigns').click();
      await page.getByTestId('campaigns-list').waitFor();
      await page.getByTestId('campaigns-item').filter({ hasText: campaignName }).getByRole('link').click();
      await page.getByTestId('campaign-title').filter({ hasText: campaignName }).waitFor();
      await page.getByTestId('nav-campaigns').and(page.locator('.router-link-active')).waitFor();
      const doc = await page.getByTestId('campaign-document').innerText();
      check(doc.includes(campaign.document_number) && doc.includes('2016-06-02') && doc.includes('2016-06-01'), `the document reads: ${doc}`);
      const rows = page.getByTestId('milestones').locator('.el-table__body tr');
      check((await rows.count()) === 8, `the campaign shows ${await rows.count()} milestones, not eight`);
      const dues = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[3].textContent.trim()));
      check(dues.every((d, i) => i === 0 || dues[i - 1] <= d), `the milestones are not in due order: ${dues.join(', ')}`);
      await shot(page, '80-campaign');
      await checkPageBothLanguages(page, 'the campaign');

      // a milestone being typed is not thrown away without a question
      await page.getByTestId('milestone-add').click();
      await page.getByTestId('milestone-dialog').waitFor();
      await field(page, 'milestone-title').fill('抽查示范点');
      await checkAxe(page, 'the milestone dialog');
      await escapeDialog(page, { discard: false });
      check((await field(page, 'milestone-title').inputValue()) === '抽查示范点', 'the typed title was lost');
      await escapeDialog(page, { discard: true });
      await page.getByTestId('milestone-dialog').waitFor({ state: 'hidden' });

      // a form milestone needs its form; a written account of the pilots is added, then renamed
      await page.getByTestId('milestone-add').click();
      const dialog = page.getByTestId('milestone-dialog');
      await field(page, 'milestone-title').fill('示范点抽查情况');
      await field(page, 'milestone-due').fill('2016-10-10');
      await field(page, 'milestone-due').press('Enter');
      await page.getByTestId('milestone-dialog-confirm').click();
      await dialog.locator('.el-form-item__error', { hasText: '附表1至附表5' }).waitFor();
      await page.getByTestId('milestone-kind').locator('label', { hasText: '文字材料' }).click();
      await chooseOption(page, 'milestone-level', '示范点');
      await page.getByTestId('milestone-dialog-confirm').click();
      await dialog.waitFor({ state: 'hidden' });
      const added = rows.filter({ hasText: '示范点抽查情况' });
      await added.waitFor();
      check((await added.innerText()).includes('文字材料') && (await added.innerText()).includes('2016-10-10'), `the new milestone reads: ${await added.innerText()}`);
      await added.getByRole('button', { name: '修改' }).click();
      await dialog.waitFor();
      check((await field(page, 'milestone-title').inputValue()) === '示范点抽查情况', 'the edit dialog does not hold the milestone');
      await field(page, 'milestone-title').fill('示范点抽查情况汇报');
      await page.getByTestId('milestone-dialog-confirm').click();
      await dialog.waitFor({ state: 'hidden' });
      await rows.filter({ hasText: '示范点抽查情况汇报' }).waitFor();
    },
  },
  {
    name: 'campaign: the city opens 附表4’s dashboard, sorts it (kept in the URL) and reminds 道里区 with a note',
    async run(page) {
      const { milestone, daoli } = await ids();
      await as(page, accounts.city);
      await page.goto(`${baseUrl}/campaigns/${milestone.campaign_id}`);
      await page.getByTestId('milestone-link').filter({ hasText: milestone.title }).click();
      await page.waitForURL(new RegExp(`/milestones/${milestone.id}$`));
      const summary = page.getByTestId('dashboard-summary');
      await summary.waitFor();
      check(/^共\d+个，已通过\d+、待审核\d+、已退回\d+、草稿\d+、未上报\d+（逾期\d+）$/.test(await summary.innerText()), `the summary reads: ${await summary.innerText()}`);

      // sorted by how late: kept in the URL, and again after a reload
      await page.getByTestId('dashboard-table').locator('th', { hasText: '逾期' }).click();
      await page.waitForURL((u) => u.searchParams.get('sort') === 'overdue');
      await page.reload();
      await page.getByTestId('dashboard-table').locator('th.descending, th.ascending', { hasText: '逾期' }).waitFor();

      const row = page.getByTestId('dashboard-table').locator('.el-table__body tr', { has: page.getByTestId('dashboard-body').filter({ hasText: daoli.name }) });
      await row.getByTestId('dashboard-state').filter({ hasText: '未开始' }).waitFor();
      check((await row.getByTestId('dashboard-overdue').innerText()).startsWith('逾期'), '道里区 is not shown as overdue');
      await shot(page, '81-dashboard');
      await checkPageBothLanguages(page, 'the dashboard');

      await page.getByTestId(`dashboard-remind-${daoli.id}`).click();
      await page.getByTestId('remind-dialog').waitFor();
      await field(page, 'remind-note').fill(note);
      await checkAxe(page, 'the reminder dialog');
      await page.getByTestId('remind-dialog-confirm').click();
      await page.getByTestId('remind-dialog').waitFor({ state: 'hidden' });
      await row.getByTestId('dashboard-reminded').filter({ hasText: '已催报' }).waitFor();
    },
  },
  {
    name: 'campaign: 道里区 sees the reminder on its start page, checks the form to be frozen and submits 附表4',
    async run(page) {
      const { milestone } = await ids();
      await as(page, accounts.daoli);
      await page.goto(baseUrl + '/');
      const item = page.getByTestId('home-deadline').filter({ hasText: milestone.title });
      await item.getByTestId('home-deadline-reminded').filter({ hasText: '哈尔滨市妇联已催报' }).waitFor();
      await shot(page, '82-home-deadlines');
      await checkAxe(page, 'the start page with the reports due');
      await item.getByRole('link').click();
      await page.getByTestId('submission-state').filter({ hasText: '未开始' }).waitFor();
      await page.getByTestId('submission-reminders').filter({ hasText: note }).waitFor();
      await checkPageBothLanguages(page, 'the submission page');

      await page.getByTestId('submission-submit').click();
      const dialog = page.getByTestId('submit-dialog');
      await dialog.getByTestId('form-table').waitFor();
      check((await dialog.getByTestId('submit-frozen-note').innerText()).includes(milestone.report_on), 'the form is not the one of the report date');
      check((await dialog.locator('thead th', { hasText: '扩大后' }).count()) === 1, 'the form to be frozen has no heading 扩大后');
      // beside the numbers: how the district's bodies stand against the staffing rules on the report date
      const compliance = await dialog.getByTestId('submit-compliance').innerText();
      check(/符合配备标准/.test(compliance) && compliance.includes(milestone.report_on), `the compliance beside the form reads: ${compliance}`);
      await field(page, 'submit-explanation').fill('按统计日期名册填报');
      await shot(page, '83-submit');
      await checkAxe(page, 'the form to be frozen');
      await page.getByTestId('submit-dialog-confirm').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('submission-state').filter({ hasText: '已上报' }).waitFor();
      await page.getByTestId('version-state').filter({ hasText: '待审核' }).waitFor();
      check((await page.getByTestId('submission-submit').count()) === 0, 'a submitted report still offers 上报');
      check((await page.getByTestId('submission-accept').count()) === 0, 'the body itself is offered 通过');

      // the version as frozen, closed with Back
      await page.getByTestId('version-view-1').click();
      await page.waitForURL((u) => u.searchParams.has('version'));
      await page.getByTestId('version-view').getByTestId('form-table').waitFor();
      await page.getByTestId('version-no-drift').waitFor();
      await page.goBack();
      await page.getByTestId('version-view').waitFor({ state: 'hidden' });
    },
  },
  {
    name: 'campaign: the city returns 道里区’s 附表4 with a reason, 道里区 submits it again, the city accepts and the dashboard shows 已通过',
    async run(page) {
      const { milestone, daoli } = await ids();
      await as(page, accounts.city);
      await submissionPage(page, milestone, daoli, '已上报');
      // a return needs a reason
      await page.getByTestId('submission-return').click();
      await page.getByTestId('return-dialog').waitFor();
      await page.getByTestId('return-dialog-confirm').click();
      await page.getByTestId('return-dialog').locator('.el-form-item__error').waitFor();
      await field(page, 'return-reason').fill(reason);
      await page.mouse.move(0, 0); // not hovering the button just clicked (its hover colour is lighter)
      await checkAxe(page, 'the return dialog');
      await page.getByTestId('return-dialog-confirm').click();
      await page.getByTestId('return-dialog').waitFor({ state: 'hidden' });
      await page.getByTestId('submission-state').filter({ hasText: '已退回' }).waitFor();

      await as(page, accounts.daoli);
      await submissionPage(page, milestone, daoli, '已退回');
      await page.getByTestId('submission-returned-reason').filter({ hasText: reason }).waitFor();
      await page.getByTestId('submission-submit').filter({ hasText: '重新上报' }).click();
      await page.getByTestId('submit-dialog').getByTestId('form-table').waitFor();
      // Bodies of the district break the staffing rules: without a word of explanation the server
      // refuses, and says so on the 说明 field.
      await page.getByTestId('submit-dialog-confirm').click();
      await page.getByTestId('submit-explanation-item').locator('.el-form-item__error').filter({ hasText: '请在说明中写明原因' }).waitFor();
      await field(page, 'submit-explanation').fill('已按退回意见核对花名册');
      await page.getByTestId('submit-dialog-confirm').click();
      await page.getByTestId('submit-dialog').waitFor({ state: 'hidden' });
      await page.getByTestId('submission-state').filter({ hasText: '已上报' }).waitFor();
      check((await page.getByTestId('version-state').count()) === 2, 'the page does not list both versions');

      await as(page, accounts.city);
      await submissionPage(page, milestone, daoli, '已上报');
      await page.getByTestId('submission-accept').click();
      await page.locator('.jg-accept-box').waitFor();
      await page.locator('.jg-accept-box .el-button--primary').click();
      await page.getByTestId('submission-state').filter({ hasText: '已通过' }).waitFor();
      await shot(page, '84-accepted');
      await checkPageBothLanguages(page, 'the accepted submission');

      await page.goto(`${baseUrl}/milestones/${milestone.id}`);
      const row = page.getByTestId('dashboard-table').locator('.el-table__body tr', { has: page.getByTestId('dashboard-body').filter({ hasText: daoli.name }) });
      await row.getByTestId('dashboard-state').filter({ hasText: '已通过' }).waitFor();
      check(/已通过[1-9]/.test(await page.getByTestId('dashboard-summary').innerText()), 'the summary does not count the accepted report');
    },
  },
  {
    name: 'campaign: 道里区 is told in plain words when another clerk submitted 附表5 while she was checking it',
    async run(page) {
      const { campaign, daoli } = await ids();
      const form5 = campaign.milestones.find((m) => m.kind === 'form' && m.form === 5 && m.level === 'district');
      await as(page, accounts.daoli);
      await submissionPage(page, form5, daoli, '未开始');
      await page.getByTestId('submission-submit').click();
      await page.getByTestId('submit-dialog').getByTestId('form-table').waitFor();
      // meanwhile a colleague submits it
      await state.daoli.post(`/milestones/${form5.id}/submissions`, { organisation_id: daoli.id, explanation: '部分村妇代会正在换届' });
      await page.getByTestId('submit-dialog-confirm').click();
      await page.getByTestId('submission-refusal').filter({ hasText: '已经上报，正在等待上级审核' }).waitFor();
      await page.getByTestId('submission-state').filter({ hasText: '已上报' }).waitFor();
      check((await page.getByTestId('submission-submit').count()) === 0, 'the page still offers 上报 after the refusal');
      await checkAxe(page, 'the refusal');
    },
  },
  {
    name: 'campaign: 道里区 saves its written account as a draft (the city reads 草稿), marks a street a pilot of this campaign and unmarks it',
    async run(page) {
      const { campaign, daoli } = await ids();
      const account = campaign.milestones.find((m) => m.kind === 'account' && m.level === 'district');
      check(account, 'no written account milestone in the demo');
      const draftText = '一、做法：以示范点带动全区（草稿）';
      await as(page, accounts.daoli);
      await page.goto(`${baseUrl}/milestones/${account.id}/bodies/${daoli.id}`);
      await page.getByTestId('submission-state').waitFor();
      await page.getByTestId('submission-submit').click();
      await page.getByTestId('submit-dialog').waitFor();
      await field(page, 'submit-text').fill(draftText);
      await page.getByTestId('submit-dialog-draft').click();
      await page.getByTestId('submit-dialog').waitFor({ state: 'hidden' });
      await page.getByTestId('submission-state').filter({ hasText: '草稿' }).waitFor();
      // opened again, the dialog holds what she saved
      await page.getByTestId('submission-submit').click();
      await page.getByTestId('submit-draft-note').waitFor();
      check((await field(page, 'submit-text').inputValue()) === draftText, 'the draft was not loaded into the dialog');
      // the toast that said the draft was saved gone first: fading out, its text is at part opacity for axe
      await page.locator('.el-message').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
      await checkAxe(page, 'the submit dialog with a draft');
      await page.getByTestId('submit-dialog-cancel').click();
      await page.getByTestId('submit-dialog').waitFor({ state: 'hidden' });

      await as(page, accounts.city);
      await page.goto(`${baseUrl}/milestones/${account.id}`);
      const line = page.getByTestId('dashboard-table').locator('.el-table__body tr', { hasText: daoli.name });
      await line.filter({ hasText: '草稿' }).waitFor();

      // a street of 道里区 not yet a pilot, marked for this campaign by the district, then unmarked
      await as(page, accounts.daoli);
      const pilots = await state.daoli.get(`/campaigns/${campaign.id}/pilots`);
      const children = await state.daoli.get(`/organisations?parent_id=${daoli.id}&page_size=200`);
      const street = children.items.find((o) => (o.type === 'street' || o.type === 'township') && !pilots.items.some((p) => p.organisation_id === o.id));
      check(street, 'no street of 道里区 left to mark');
      await openRoute(page, `/campaigns/${campaign.id}?tab=pilots`);
      await page.getByTestId('pilots-panel').waitFor();
      await page.getByTestId('pilots-mark').click();
      await page.getByTestId('pilot-dialog').waitFor();
      await page.getByTestId('pilot-picker').click();
      await page.keyboard.type(street.name);
      const option = page.locator('.el-select-dropdown__item:visible', { hasText: street.name }).first();
      await option.waitFor();
      await option.click();
      await checkAxe(page, 'the pilot dialog');
      await page.getByTestId('pilot-dialog-confirm').click();
      await page.getByTestId('pilot-dialog').waitFor({ state: 'hidden' });
      await page.getByTestId('pilots-body').filter({ hasText: street.name }).waitFor();
      await page.getByTestId(`pilots-unmark-${street.id}`).click();
      await page.getByTestId('pilot-unmark-dialog').waitFor();
      await page.getByTestId('pilot-unmark-dialog-confirm').click();
      await page.getByTestId('pilots-body').filter({ hasText: street.name }).waitFor({ state: 'detached' });
    },
  },
];
