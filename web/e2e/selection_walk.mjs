// Issue 13's Done-when, walked as a new user would in one story (docs/api-contract.md, "Issue 13"): a township
// publishes a recruitment notice for its villages; two women nominate themselves from its public page on a
// phone; the clerk adds a work unit's recommendation; one nominee fails the assessment; the women's meeting,
// recorded on a phone, confirms the other two; they appear on the village roster; the township prints their
// certificates; the public page of one certificate says 有效, and after her position ends 已失效; the meeting is
// filed with the Party organisation and the federation above, and leaves the unfiled list.
// The walk changes the demo: run it on a fresh one.
import { accounts, as, baseUrl, check, checkAxe, field, shot, signIn, typeDate } from './lib.mjs';
import { idNumber, personName } from './data.mjs';

const phone = { width: 390, height: 844 };
const desk = { width: 1366, height: 768 };

/** A village women's congress under the township with room for two more 委员. */
async function villageWithRoom(client) {
  const children = (await client.get(`/organisations?parent_id=${client.me.organisation.id}&page_size=200`)).items;
  for (const body of children.filter((o) => o.open && o.type === 'village_congress')) {
    const c = await client.get(`/organisations/${body.id}/composition`);
    const room = (b) => !b || b.max === null || b.actual + 2 <= b.max;
    if (room(c.total) && room(c.roles.find((r) => r.role === 'member'))) return body;
  }
  throw new Error(`no village women's congress under ${client.me.organisation.name} with room for two members`);
}

/** A date `days` after today in China (the server's calendar), YYYY-MM-DD. */
function daysFromToday(days) {
  return new Date(Date.now() + 8 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);
}

/** Opens a select and picks the option that reads `text`. */
async function choose(page, testId, text) {
  await page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  await page.getByTestId(testId).click();
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: text }).first();
  await option.waitFor();
  await option.click();
  await page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden' }).catch(() => undefined);
}

async function noSideScroll(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= phone.width + 1, `${where} is ${width} px wide on a phone`);
}

function rosterRow(page, name) {
  return page.getByTestId('roster-table').locator('.el-table__body tr', { has: page.getByTestId('roster-name').getByText(name, { exact: true }) });
}

/** A woman signed out on her phone: the notice's public page, the form, her receipt code. */
async function selfNominate(page, slug, body, woman) {
  await page.goto(`${baseUrl}/apply/${slug}`);
  await page.getByTestId('apply-form-card').waitFor();
  await choose(page, 'apply-body', body.name);
  await choose(page, 'apply-role', '委员');
  await field(page, 'apply-name').fill(woman.name);
  await field(page, 'apply-id-number').fill(woman.idNumber);
  await field(page, 'apply-mobile').fill(woman.mobile);
  await field(page, 'apply-statement').fill('在村里做了多年妇女工作，愿意为姐妹们服务');
  await page.getByTestId('apply-consent').click();
  await page.getByTestId('apply-submit').click();
  await page.getByTestId('apply-receipt').waitFor();
  await noSideScroll(page, 'the receipt');
  return (await page.getByTestId('apply-receipt-code').innerText()).trim();
}

export const tests = [
  {
    name: 'selection walk: notice → two self-nominations on a phone → a unit recommendation → one fails assessment → the meeting confirms two → roster → certificates → 有效, then 已失效 → filed, the unfiled list empties',
    async run(page) {
      const client = await signIn(accounts.township);
      const body = await villageWithRoom(client);
      const title = `${body.name}妇代会委员招募公告 ${Date.now() % 100000}`;

      // 1. The township publishes a notice for its villages (written as a draft, published on its page).
      const draft = await client.post('/notices', {
        organisation_id: client.me.organisation.id, coverage: 'villages', title,
        places: [{ role: 'member', places: 2 }],
        duties: '参与村妇代会日常工作，联系服务妇女群众。', conditions: '热心妇女工作，在本村居住。',
        how_to_apply: '扫码在线自荐，或到村委会报名。', deadline: daysFromToday(20),
      });
      await as(page, accounts.township);
      await page.goto(`${baseUrl}/notices/${draft.id}`);
      await page.getByTestId('notice-publish').click();
      await page.locator('.jg-confirm-change .el-button--primary').click();
      await page.getByTestId('notice-standing').filter({ hasText: '征集中' }).waitFor();
      const slug = /\/apply\/([a-z2-7]+)$/.exec((await page.getByTestId('notice-public-url').innerText()).trim())?.[1];
      check(slug, 'the published notice shows no public link');

      // 2. Two women nominate themselves on their phones, signed out.
      const women = [0, 1].map((i) => ({ name: personName() + '甲乙'[i], idNumber: idNumber().value, mobile: `13904${String(510000 + Math.floor(Math.random() * 89999)).slice(0, 6)}` }));
      const receipts = [];
      try {
        await page.context().clearCookies();
        await page.setViewportSize(phone);
        for (const woman of women) receipts.push(await selfNominate(page, slug, body, woman));
        await shot(page, 'walk-01-receipt');
        await page.goto(`${baseUrl}/apply/status/${receipts[0]}`);
        await page.getByTestId('status-step').filter({ hasText: '已提名' }).waitFor();
        await checkAxe(page, 'the status page in the walk');
      } finally {
        await page.setViewportSize(desk);
      }

      // 3. Staff add a work unit's recommendation.
      const unit = { name: personName() + '丙', idNumber: idNumber().value };
      await as(page, accounts.township);
      await page.goto(`${baseUrl}/nominations`);
      await page.getByTestId('nominations-add').click();
      const dialog = page.getByTestId('nomination-dialog');
      await dialog.waitFor();
      await page.getByTestId('nomination-organisation').click();
      await page.keyboard.type(body.name);
      await page.locator('.el-select-dropdown__item:visible', { hasText: body.name }).first().click();
      await page.waitForFunction(() => document.querySelector('[data-testid="nomination-role"] .is-disabled, [data-testid="nomination-role"].is-disabled') === null);
      await choose(page, 'nomination-role', '委员');
      await page.getByTestId('nomination-channel-unit').click();
      await field(page, 'nomination-nominated-by').fill('二八镇中心小学');
      await field(page, 'nomination-name').fill(unit.name);
      await field(page, 'nomination-id-number').fill(unit.idNumber);
      await page.getByTestId('nomination-dialog-confirm').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('nomination-title').filter({ hasText: unit.name }).waitFor();

      // 4. The unit's nominee fails the assessment (on her page); the two women pass and their manner is decided.
      await page.getByTestId('nomination-assess').click();
      await page.getByTestId('nomination-passed-no').click();
      await field(page, 'nomination-note').fill('考察期间未能到岗');
      await page.getByTestId('nomination-assess-dialog-confirm').click();
      await page.getByTestId('nomination-step').filter({ hasText: '考核未通过' }).waitFor();
      const notice = (await client.get(`/nominations?notice_id=${draft.id}`)).items;
      check(notice.length === 2 && notice.every((n) => n.channel === 'self'), `the notice's nominations: ${JSON.stringify(notice.map((n) => n.name))}`);
      for (const n of notice) {
        await client.post(`/nominations/${n.id}/assess`, { passed: true, note: '群众认可' });
        await client.post(`/nominations/${n.id}/decide-manner`, { manner: 'part_time' });
      }

      // 5. The meeting, recorded in the village on a phone, confirms both women.
      let meetingId;
      try {
        await page.setViewportSize(phone);
        await page.goto(`${baseUrl}/meetings/new?organisation_id=${body.id}`);
        const nominees = page.getByTestId('meeting-nominee');
        for (const woman of women) await nominees.filter({ hasText: woman.name }).waitFor();
        for (const card of await nominees.all()) {
          const text = await card.innerText();
          if (women.some((w) => text.includes(w.name))) await card.getByTestId('meeting-outcome-confirmed').click();
          else await card.getByTestId('meeting-nominee-include').click(); // others ready here wait for their own meeting
        }
        // held two days ago, so that a position it began can end today
        await typeDate(page, 'meeting-held-on', daysFromToday(-2));
        await field(page, 'meeting-place').fill(`${body.name}村委会会议室`);
        await field(page, 'meeting-attendance').fill('42');
        await page.getByTestId('meeting-save').click();
        await page.getByTestId('meeting-title').waitFor();
        meetingId = Number(page.url().split('/').pop());
        await noSideScroll(page, 'the meeting page');
        await shot(page, 'walk-02-meeting');
      } finally {
        await page.setViewportSize(desk);
      }

      // 6. They are on the village roster; 7. the township prints their certificates.
      await page.goto(`${baseUrl}/organisations/${body.id}`);
      for (const woman of women) await rosterRow(page, woman.name).waitFor();
      for (const woman of women) await rosterRow(page, woman.name).getByTestId('roster-tick').click();
      await page.getByTestId('roster-issue').filter({ hasText: '已选2人' }).click();
      const issue = page.getByTestId('issue-dialog');
      await page.getByTestId('issue-dialog-confirm').click();
      await issue.getByTestId('issue-done').filter({ hasText: '已颁发2张证书' }).waitFor();
      const href = await issue.getByTestId('issue-print').getAttribute('href');
      const pdf = await page.request.get(baseUrl + href);
      check(pdf.status() === 200 && (pdf.headers()['content-type'] ?? '').startsWith('application/pdf'), `the certificates print as ${pdf.status()} ${pdf.headers()['content-type']}`);
      await page.getByTestId('issue-dialog-close').click();
      await issue.waitFor({ state: 'hidden' });
      const certificates = (await client.get(`/certificates?organisation_id=${body.id}&page_size=200`)).items.filter((c) => women.some((w) => w.name === c.holder_name));
      check(certificates.length === 2, `${certificates.length} certificates for the two women`);
      const first = certificates.find((c) => c.holder_name === women[0].name);
      const code = first.verify_url.split('/verify/')[1];
      check((await client.get(`/nominations?notice_id=${draft.id}`)).items.every((n) => n.step === 'certified'), 'the women are not at 已发证');

      // 8. Scanning the QR code shows 有效; after her position ends, 已失效.
      try {
        await page.context().clearCookies();
        await page.setViewportSize(phone);
        await page.goto(`${baseUrl}/verify/${code}`);
        await page.getByTestId('verify-status').filter({ hasText: '有效' }).waitFor();
        await shot(page, 'walk-03-verify-valid');
      } finally {
        await page.setViewportSize(desk);
      }
      await as(page, accounts.township);
      await page.goto(`${baseUrl}/organisations/${body.id}`);
      await rosterRow(page, women[0].name).getByTestId('roster-end').click();
      const end = page.getByTestId('end-dialog');
      await end.waitFor();
      await field(page, 'end-reason').fill('外出务工');
      await page.getByTestId('end-dialog-confirm').click();
      await end.waitFor({ state: 'hidden' });
      try {
        await page.context().clearCookies();
        await page.setViewportSize(phone);
        await page.goto(`${baseUrl}/verify/${code}`);
        await page.getByTestId('verify-status').filter({ hasText: '已失效' }).waitFor();
      } finally {
        await page.setViewportSize(desk);
      }

      // 9. The filings are recorded and acknowledged; the meeting leaves the unfiled list.
      await as(page, accounts.township);
      await page.goto(`${baseUrl}/meetings/${meetingId}`);
      await page.getByTestId('filings-panel').waitFor();
      const send = page.getByTestId('filing-send-dialog');
      await page.getByTestId('filing-live-party').getByTestId('filing-send-party').click();
      await send.waitFor();
      await page.getByTestId('filing-send-dialog-confirm').click();
      await send.waitFor({ state: 'hidden' });
      await page.getByTestId('filing-send').click();
      await send.waitFor();
      await page.getByTestId('filing-send-dialog-confirm').click();
      await send.waitFor({ state: 'hidden' });
      await page.goto(`${baseUrl}/filings/unfiled?organisation=${body.id}`);
      await page.getByTestId('unfiled-table').locator('tbody tr', { hasText: body.name }).first().waitFor();
      await page.goto(`${baseUrl}/meetings/${meetingId}`);
      for (const recipient of ['party', 'federation_above']) {
        await page.getByTestId(`filing-live-${recipient}`).getByTestId('filing-acknowledge').click();
        const ack = page.getByTestId('filing-acknowledge-dialog');
        await ack.waitFor();
        await page.getByTestId('filing-acknowledge-dialog-confirm').click();
        await ack.waitFor({ state: 'hidden' });
      }
      await page.getByTestId('filing-done').waitFor();
      const left = await client.get(`/filings/unfiled?organisation_id=${body.id}`);
      check(!left.items.some((m) => m.id === meetingId), 'the meeting is still unfiled');
      if (left.items.length === 0) {
        await page.goto(`${baseUrl}/filings/unfiled?organisation=${body.id}`);
        await page.getByTestId('unfiled-none').filter({ hasText: '全部已备案' }).waitFor();
      }
      const steps = (await client.get(`/nominations?notice_id=${draft.id}`)).items.map((n) => n.step);
      check(steps.every((s) => s === 'filed'), `after both acknowledgements the women stand at ${steps.join(', ')}`);
    },
  },
];
