// Recruitment notices and public self-nomination (issue 13, step 2; docs/api-contract.md, "Issue 13 (step 2)"):
// a township clerk writes a notice for all her villages and communities in the dialog (two roles, the
// discard question on Escape), publishes it after the question, downloads its poster (a PDF); then anyone,
// signed out, on a 390×844 phone, reads the notice at /apply/<slug>, nominates herself and sees her receipt
// code once, checks her progress with it (已提名), and is told plainly when she sends the same nomination
// again; no page scrolls sideways and each passes axe. Signed in again, the notice page lists her nomination.
// The flow changes the demo: run it on a fresh one.
import { accounts, as, baseUrl, check, checkAxe, checkNoTruncation, checkPageBothLanguages, download, escapeDialog, field, setLanguage, shot, signIn, state, typeDate } from './lib.mjs';
import { idNumber, personName } from './data.mjs';

const phone = { width: 390, height: 844 };
const desk = { width: 1366, height: 768 };

/** A date `days` after today in China (the server's calendar), YYYY-MM-DD. */
function daysFromToday(days) {
  const china = new Date(Date.now() + 8 * 3600 * 1000 + days * 86400 * 1000);
  return china.toISOString().slice(0, 10);
}

/** An ID number nobody else in this run has. */
function freshIdNumber() {
  for (;;) {
    const id = idNumber().value;
    if (id !== state.idNumber?.value) return id;
  }
}

/** Opens a select and picks the option whose text is `want` exactly (else the first not in `skip`). */
async function chooseFirst(page, selectTestId, skip = [], want = null) {
  // another select's list still fading out would be read as this one's
  await page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  await page.getByTestId(selectTestId).click();
  const options = page.locator('.el-select-dropdown__item:visible');
  await options.first().waitFor();
  const texts = await options.allInnerTexts();
  const index = want === null ? texts.findIndex((text) => !skip.includes(text.trim())) : texts.findIndex((text) => text.trim() === want);
  check(index >= 0, `no option left in ${selectTestId}: ${texts.join(', ')}`);
  await options.nth(index).click();
  await options.first().waitFor({ state: 'hidden' }).catch(() => undefined);
  return texts[index].trim();
}

async function noSideScroll(page, where) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= phone.width + 1, `${where} is ${width} px wide on a phone`);
}

/**
 * The village bodies under her township the notice recruits for, and the two roles to offer: a village
 * women's congress has 主任 and 委员, a village or community federation 执委 and 副主席.
 */
async function villageTarget(client) {
  const kids = (await client.get(`/organisations?parent_id=${client.me.organisation.id}&page_size=200`)).items.filter(
    (o) => o.open && ['village', 'community', 'village_congress'].includes(o.type),
  );
  check(kids.length > 0, `no village or community under ${client.me.organisation.name}`);
  const body = kids[0];
  return { body, roles: body.type === 'village_congress' ? ['主任', '委员'] : ['执委', '副主席'] };
}

/** The self-nomination form filled and sent: her body and the first role of the notice. */
async function fillApply(page, person) {
  if ((await page.getByTestId('apply-body').count()) > 0) await chooseFirst(page, 'apply-body', [], state.noticeTarget.body.name);
  await chooseFirst(page, 'apply-role', [], state.noticeTarget.roles[0]);
  await field(page, 'apply-name').fill(person.name);
  await field(page, 'apply-id-number').fill(person.idNumber);
  await field(page, 'apply-mobile').fill(person.mobile);
  await field(page, 'apply-statement').fill('热心妇女工作，愿意为村里姐妹服务');
  await page.getByTestId('apply-consent').click();
  await page.getByTestId('apply-submit').click();
}

export const tests = [
  {
    name: 'notice: a township clerk writes a notice for her villages in the dialog, publishes it after the question and downloads its poster',
    async run(page) {
      state.noticeClient ??= await signIn(accounts.township);
      const own = state.noticeClient.me.organisation;
      state.noticeTarget = await villageTarget(state.noticeClient);
      state.noticeTitle = `${own.name}所辖村（社区）妇女组织成员招募公告 ${Date.now() % 100000}`;

      await as(page, accounts.township);
      await page.goto(`${baseUrl}/notices`);
      await page.getByTestId('notices-table').waitFor();
      await checkPageBothLanguages(page, 'the notices list');

      await page.getByTestId('notices-add').click();
      const dialog = page.getByTestId('notice-dialog');
      await dialog.waitFor();
      await checkAxe(page, 'the new notice dialog');
      // her own township, offered first; a township may recruit for its villages
      await page.getByTestId('notice-organisation').click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: own.name }).first().click();
      await page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden' });
      await page.getByTestId('notice-coverage-villages').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="notice-place-role-0"] .is-disabled, [data-testid="notice-place-role-0"].is-disabled') === null);
      const [first, second] = state.noticeTarget.roles;
      await chooseFirst(page, 'notice-place-role-0', [], first);
      await field(page, 'notice-place-number-0').fill('3');
      await page.getByTestId('notice-place-add').click();
      await chooseFirst(page, 'notice-place-role-1', [], second);
      await field(page, 'notice-place-number-1').fill('1');
      await field(page, 'notice-title').fill(state.noticeTitle);
      // Escape with data typed: the question, then keep writing
      await escapeDialog(page, { discard: false });
      await field(page, 'notice-duties').fill('协助做好村（社区）妇女工作，联系服务妇女群众。');
      await field(page, 'notice-conditions').fill('热心妇女工作，身体健康，在本村（社区）居住。');
      await field(page, 'notice-how-to-apply').fill('扫描海报二维码在线自荐，或到镇妇联报名。');
      await field(page, 'notice-contact').fill('镇妇联 0451-57312345');
      await typeDate(page, 'notice-deadline', daysFromToday(30));
      await shot(page, '95-notice-dialog');
      await page.getByTestId('notice-dialog-confirm').click();
      await dialog.waitFor({ state: 'hidden' });

      // the dialog leads to the notice, a draft
      await page.getByTestId('notice-heading').filter({ hasText: state.noticeTitle }).waitFor();
      await page.getByTestId('notice-standing').filter({ hasText: '草稿' }).waitFor();
      await page.getByTestId('notice-draft-note').waitFor();
      const places = await page.getByTestId('notice-places-list').innerText();
      check(places.includes(first) && places.includes(second), `the places read: ${places}`);
      state.noticeId = Number(new URL(page.url()).pathname.split('/').pop());
      await checkAxe(page, 'the draft notice');

      // a draft is edited in the same dialog: the body fixed, the places as they were
      await page.getByTestId('notice-edit').click();
      await dialog.waitFor();
      await page.getByTestId('notice-organisation-fixed').filter({ hasText: own.name }).waitFor();
      check((await page.getByTestId('notice-place-row').count()) === 2, 'the edit dialog lost a place row');
      await field(page, 'notice-contact').fill('镇妇联 0451-57312346');
      await page.getByTestId('notice-dialog-confirm').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('notice-fields').filter({ hasText: '0451-57312346' }).waitFor();

      // published after the question
      await page.getByTestId('notice-publish').click();
      const question = page.locator('.jg-confirm-change');
      await question.waitFor();
      check((await question.innerText()).includes('不能再修改'), 'the question does not say a published notice can no longer be edited');
      await question.locator('.el-button--primary').click();
      await page.getByTestId('notice-standing').filter({ hasText: '征集中' }).waitFor();
      check((await page.getByTestId('notice-edit').count()) === 0, 'a published notice is still offered for editing');
      const url = await page.getByTestId('notice-public-url').innerText();
      const match = /\/apply\/([a-z0-9]+)$/.exec(url.trim());
      check(match, `the public link reads: ${url}`);
      state.noticeSlug = match[1];

      // the poster: a PDF
      const file = await download(page, page.getByTestId('notice-poster'));
      check(file.head === '%PDF', `the poster starts with ${file.head}`);
      const type = await page.evaluate(async (id) => (await fetch(`/api/notices/${id}/poster.pdf`, { credentials: 'same-origin' })).headers.get('Content-Type'), state.noticeId);
      check((type ?? '').startsWith('application/pdf'), `the poster comes as ${type}`);
      await checkPageBothLanguages(page, 'the published notice');
      await shot(page, '96-notice-published');

      // in the list, latest first
      await page.getByTestId('notice-back').click();
      const row = page.getByTestId('notices-table').locator('tbody tr', { hasText: state.noticeTitle });
      await row.waitFor();
      const text = await row.innerText();
      check(text.includes('征集中') && text.includes(own.name), `its row reads: ${text}`);
    },
  },
  {
    name: 'notice: signed out at 390×844 she reads the notice, nominates herself, keeps her receipt code, sees 已提名 with it, is told plainly when she sends it again; the notice page lists her',
    async run(page) {
      check(state.noticeSlug, 'no notice published by the flow before');
      const person = { name: personName(), idNumber: freshIdNumber(), mobile: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` };
      state.noticeIdNumber = person.idNumber;
      try {
        await page.context().clearCookies();
        await page.setViewportSize(phone);
        await page.goto(`${baseUrl}/apply/${state.noticeSlug}`);
        await page.getByTestId('apply-title').filter({ hasText: state.noticeTitle }).waitFor();
        check((await page.locator('.jg-header, .jg-aside').count()) === 0, 'the public page shows the app header or tree');
        await page.getByTestId('apply-form-card').waitFor();
        await noSideScroll(page, 'the notice page');
        await checkAxe(page, 'the public notice');
        await checkNoTruncation(page, 'the public notice');
        await setLanguage(page, 'en');
        await page.getByTestId('apply-submit').filter({ hasText: 'Send' }).waitFor();
        await checkNoTruncation(page, 'the public notice (English)');
        await noSideScroll(page, 'the notice page (English)');
        await setLanguage(page, 'zh-CN');
        await shot(page, '97-apply');

        // the form checks what it can before sending: a wrong check digit
        const wrong = person.idNumber.slice(0, 17) + (person.idNumber[17] === '0' ? '1' : '0');
        await field(page, 'apply-id-number').fill(wrong);
        await page.getByTestId('apply-submit').click();
        await page.locator('.el-form-item.is-error').first().waitFor();
        await field(page, 'apply-id-number').fill('');

        await fillApply(page, person);
        await page.getByTestId('apply-receipt').waitFor();
        const code = (await page.getByTestId('apply-receipt-code').innerText()).trim();
        check(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/.test(code), `the receipt code reads: ${code}`);
        check((await page.getByTestId('apply-receipt-advice').innerText()).includes('遗失后无法找回'), 'the advice to keep the code is missing');
        check((await page.getByTestId('apply-form-card').count()) === 0, 'the form is still shown after sending');
        await noSideScroll(page, 'the receipt');
        await checkAxe(page, 'the receipt');
        await shot(page, '98-apply-receipt');

        // her progress with the code: typed in lower case without dashes on the status page
        await page.getByTestId('apply-receipt-status').click();
        await page.getByTestId('status-step').filter({ hasText: '已提名' }).waitFor();
        check((await page.getByTestId('status-notice').innerText()).includes(state.noticeTitle), 'the status page names another notice');
        await page.goto(`${baseUrl}/apply/status`);
        await field(page, 'status-code').fill(code.replace(/-/g, '').toLowerCase());
        await page.getByTestId('status-submit').click();
        await page.getByTestId('status-step').filter({ hasText: '已提名' }).waitFor();
        await noSideScroll(page, 'the status page');
        await checkAxe(page, 'the status page');
        await checkNoTruncation(page, 'the status page');
        await setLanguage(page, 'en');
        await page.getByTestId('status-step').filter({ hasText: /\w/ }).waitFor();
        await checkNoTruncation(page, 'the status page (English)');
        await setLanguage(page, 'zh-CN');
        await shot(page, '99-apply-status');

        // an unknown code
        await field(page, 'status-code').fill('K7QM-2XPD-9ARF-0B3C-HW5N');
        await page.getByTestId('status-submit').click();
        await page.getByTestId('status-message').filter({ hasText: '未找到该回执码' }).waitFor();

        // the same woman again: told plainly, no second code
        await page.goto(`${baseUrl}/apply/${state.noticeSlug}`);
        await page.getByTestId('apply-form-card').waitFor();
        await fillApply(page, person);
        const outcome = page.getByTestId('apply-outcome');
        await outcome.waitFor();
        check((await outcome.innerText()).includes('已就此职务提交过自荐'), `the second submission reads: ${await outcome.innerText()}`);
        check((await page.getByTestId('apply-receipt').count()) === 0, 'a second receipt code was shown');
        await noSideScroll(page, 'the refused submission');
        await checkAxe(page, 'the refused submission');
      } finally {
        await page.setViewportSize(desk);
      }

      // signed in again: the notice lists her nomination
      await as(page, accounts.township);
      await page.goto(`${baseUrl}/notices/${state.noticeId}`);
      const row = page.getByTestId('notice-nominations').locator('tbody tr', { hasText: person.name });
      await row.waitFor();
      const text = await row.innerText();
      check(text.includes('已提名') && text.includes(state.noticeTarget.body.name), `her row reads: ${text}`);
      await checkAxe(page, 'the notice with her nomination');
    },
  },
];
