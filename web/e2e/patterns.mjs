// The flows of issue 9 (and issue 8's accounts part): each walks one thing a clerk was stuck
// on or misled by, as she would, in Chromium at 1366×768, in both languages where text matters.
import { idNumber } from './data.mjs';
import {
  as, bodyWithRoom, accounts, baseUrl, check, checkAxe, checkNoTruncation, chooseOption, escapeDialog, expectFoldedRule, field, registerPerson, setLanguage, shot, signIn,
  openRoute, settled, signInPage, signOutPage, state, unusedName,
} from './lib.mjs';

async function openBody(page, id) {
  await page.goto(`${baseUrl}/organisations/${id}`);
  await page.getByTestId('roster-table').waitFor();
  await page.getByTestId('composition').waitFor();
}

async function appointDialog(page) {
  await page.getByTestId('appoint').click();
  await page.getByTestId('appoint-dialog').getByTestId('appoint-mode').waitFor();
}

async function rosterHas(page, name) {
  await page.getByTestId('roster-table').getByText(name, { exact: true }).waitFor({ timeout: 10000 });
}

const today = () => new Date().toISOString().slice(0, 10);
const searchParam = (page, key) => new URL(page.url()).searchParams.get(key);

export const tests = [
  {
    name: 'item 13: the sign-in page focuses 用户名; the tree is reached and walked with the keyboard; focus can be seen',
    async run(page) {
      state.daoli ??= await signIn(accounts.daoli);
      await page.goto(baseUrl + '/login');
      if ((await page.getByTestId('user-name').count()) > 0) await signOutPage(page);
      await field(page, 'login-username').waitFor();
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
      check(focused === 'login-username', `the sign-in page focuses ${focused}`);
      await page.keyboard.type(accounts.daoli.username);
      await page.keyboard.press('Tab');
      await page.keyboard.type(accounts.daoli.password);
      await page.keyboard.press('Enter');
      await page.getByTestId('user-name').filter({ hasText: accounts.daoli.username }).waitFor();
      const root = state.daoli.me.organisation.id;
      await page.getByTestId(`tree-node-${root}`).waitFor();
      // from the search box, Tab reaches the tree: one row is in the Tab order
      await field(page, 'org-search').focus();
      await page.keyboard.press('Tab');
      const row = () => page.evaluate(() => ({ role: document.activeElement?.getAttribute('role'), key: document.activeElement?.getAttribute('data-key') }));
      let at = await row();
      check(at.role === 'treeitem', `Tab from the search box lands on ${JSON.stringify(at)}`);
      const outline = await page.evaluate(() => {
        const content = document.activeElement.querySelector('.el-tree-node__content');
        const s = getComputedStyle(content);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      check(outline.style !== 'none' && outline.width >= 2, `the focused row shows ${JSON.stringify(outline)}`);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-expanded') === 'true');
      await page.keyboard.press('ArrowRight'); // into the first child
      await page.waitForFunction((k) => document.activeElement?.getAttribute('data-key') !== k, at.key);
      await page.keyboard.press('ArrowDown');
      at = await row();
      await shot(page, '30-tree-keyboard');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/organisations/${at.key}`);
      await page.getByTestId('org-name').waitFor();
      await page.keyboard.press('ArrowLeft'); // back on the row; ← steps up to the parent
      await page.waitForFunction((k) => document.activeElement?.getAttribute('data-key') === k, String(root));
    },
  },
  {
    name: 'item 3: Escape, a click outside or 取消 asks before a typed new person is thrown away',
    async run(page) {
      await as(page, accounts.daoli);
      await openBody(page, state.daoli.me.organisation.id);
      await appointDialog(page);
      await page.keyboard.press('Escape'); // nothing typed: closes at once
      await page.getByTestId('appoint-dialog').waitFor({ state: 'hidden' });
      await appointDialog(page);
      await page.getByTestId('appoint-mode-new').click();
      await field(page, 'person-name').fill('欧阳晓萱');
      await field(page, 'person-mobile').fill('13904510000');
      await escapeDialog(page, { discard: false });
      check((await field(page, 'person-name').inputValue()) === '欧阳晓萱', 'the typed name is gone after 继续填写');
      await page.mouse.click(1300, 740); // outside the dialog
      await page.locator('.jg-discard').waitFor();
      await shot(page, '31-discard-question');
      await page.locator('.jg-discard .el-button:not(.el-button--primary)').click();
      await page.getByTestId('appoint-dialog-cancel').click();
      await page.locator('.jg-discard .el-button--primary').click();
      await page.getByTestId('appoint-dialog').waitFor({ state: 'hidden' });
    },
  },
  {
    name: 'item 6: a search that finds nobody becomes a new person; a registered ID number is appointed in place',
    async run(page) {
      await as(page, accounts.daoli);
      const { body } = await bodyWithRoom(state.daoli, 'executive', ['community', 'street', 'township', 'village']);
      state.body = body;
      const number = idNumber().value; // the full number: only the test has it (every answer masks it)
      const existing = await state.daoli.post('/people', { name: await unusedName(state.daoli), id_number: number });
      state.p = existing;
      state.pId = number;
      await openBody(page, body.id);
      await appointDialog(page);
      const typed = await unusedName(state.daoli);
      await page.getByTestId('appoint-person').click();
      await page.keyboard.type(typed);
      await page.getByTestId('appoint-person-register').click();
      check((await field(page, 'person-name').inputValue()) === typed, 'the typed name is not carried into the new-person form');
      await shot(page, '32-typed-becomes-new');
      // her ID number is registered already: the dialog offers to appoint that person, here
      await field(page, 'person-name').fill(existing.name);
      await field(page, 'person-id-number').fill(state.pId);
      await chooseOption(page, 'appoint-role', '执委');
      await chooseOption(page, 'appoint-manner', '兼职');
      await page.getByTestId('appoint-dialog-confirm').click();
      await page.getByTestId('person-exists-appoint').click();
      await page.getByTestId('appoint-person').filter({ hasText: existing.name }).waitFor();
      await shot(page, '33-appoint-existing');
      await page.getByTestId('appoint-dialog-confirm').click();
      await page.getByTestId('appoint-dialog').waitFor({ state: 'hidden' });
      await rosterHas(page, existing.name);
    },
  },
  {
    name: 'item 6 and 7: a person registered elsewhere is appointed by ID number; the shortfall notice covers no button',
    async run(page) {
      state.daoli ??= await signIn(accounts.daoli);
      const town = await signIn(accounts.township);
      state.town = town;
      const { body } = await bodyWithRoom(town, 'member', ['village_congress']);
      state.townBody = body;
      const id = idNumber();
      const other = await state.daoli.post('/people', { name: await unusedName(state.daoli), id_number: id.value });
      state.elsewhere = other;
      await as(page, accounts.township);
      await openBody(page, body.id);
      await appointDialog(page);
      await page.getByTestId('appoint-mode-new').click();
      await field(page, 'person-name').fill(other.name);
      await field(page, 'person-id-number').fill(id.value);
      await chooseOption(page, 'appoint-role', '委员');
      await chooseOption(page, 'appoint-manner', '志愿者');
      await page.getByTestId('appoint-dialog-confirm').click();
      await page.getByTestId('person-exists').waitFor();
      await page.getByTestId('person-exists-appoint').click();
      await page.getByTestId('appoint-by-id-number').waitFor();
      await page.getByTestId('appoint-dialog-confirm').click();
      await page.getByTestId('appoint-dialog').waitFor({ state: 'hidden' });
      await rosterHas(page, other.name);
      // the body is still short: the notice sits above the roster, and every 结束任职 button can be clicked
      const after = await town.get(`/organisations/${body.id}/composition`);
      if (after.status === 'short') await page.getByTestId('appoint-warnings').waitFor();
      check((await page.locator('.el-notification').count()) === 0, 'a floating notification is shown');
      await page.locator('.el-overlay').first().waitFor({ state: 'hidden' }); // the dialog's fade-out
      await page.getByTestId('roster-table').locator('.el-loading-mask').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
      const covered = await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="roster-end"]')].filter((b) => {
          const r = b.getBoundingClientRect();
          const y = r.top + r.height / 2;
          if (y < 60 || y > innerHeight) return false; // off screen (or under the header while scrolled)
          const hit = document.elementFromPoint(r.left + r.width / 2, y);
          return !b.contains(hit);
        }).map((b) => document.elementFromPoint(b.getBoundingClientRect().left + 5, b.getBoundingClientRect().top + 5)?.className ?? 'nothing'),
      );
      check(covered.length === 0, `${covered.length} 结束任职 buttons are covered (by ${covered[0]})`);
      await shot(page, '34-warnings-in-flow');
    },
  },
  {
    name: 'item 5: the role list shows what is full; a refusal reads plainly with its next step, the rule folded away, in both languages',
    async run(page) {
      await as(page, accounts.township);
      // a 妇代会 of her township whose 副主任 are at their maximum
      let full = null;
      for (const c of (await state.town.get(`/organisations?parent_id=${state.town.me.organisation.id}&page_size=200`)).items) {
        if (c.type !== 'village_congress' || !c.open) continue;
        const comp = await state.town.get(`/organisations/${c.id}/composition`);
        const deputy = comp.roles.find((r) => r.role === 'deputy_director');
        if (deputy && deputy.max !== null && deputy.actual >= deputy.max) {
          full = { body: c, deputy };
          break;
        }
      }
      check(full, 'no 妇代会 with its 副主任 full in the township');
      await openBody(page, full.body.id);
      await appointDialog(page);
      await page.getByTestId('appoint-role').click();
      const option = page.getByTestId('role-option-deputy_director');
      await option.filter({ hasText: `${full.deputy.actual}/${full.deputy.max}` }).filter({ hasText: '已满' }).waitFor();
      await shot(page, '35-role-full');
      await option.click();
      await page.getByTestId('appoint-person').click();
      await page.keyboard.type(state.elsewhere.name);
      await page.locator('.el-select-dropdown__item:visible', { hasText: state.elsewhere.name }).first().click();
      await chooseOption(page, 'appoint-manner', '兼职');
      await page.getByTestId('appoint-dialog-confirm').click();
      const finding = page.getByTestId('appoint-refused-finding').first();
      await finding.getByTestId('finding-message').filter({ hasText: '副主任' }).waitFor();
      await finding.getByTestId('finding-advice').waitFor();
      await expectFoldedRule(finding);
      await shot(page, '36-refusal-plain');
      await setLanguage(page, 'en');
      const english = await page.getByTestId('appoint-refused').innerText();
      check(!/\b[a-z]+_[a-z_]+\b/.test(english.replace(/rules\.[\w.]+/g, '')), `a code in the English refusal: ${english}`);
      await finding.getByTestId('finding-advice').waitFor();
      await shot(page, '37-refusal-english');
      await setLanguage(page, 'zh-CN');
      await escapeDialog(page, { discard: true });
    },
  },
  {
    name: 'item 2 and 8: the compliance page keeps scope, status, sort and page in the URL; rows and bars drill in; the chart fits its card',
    async run(page) {
      await as(page, accounts.city);
      await page.goto(baseUrl + '/compliance');
      await page.getByTestId('district-chart').locator('canvas').waitFor();
      // a bar (its district's name on the axis) drills into that district; the canvas is there before ECharts has
      // drawn into it at its final size, so a click that finds nothing is tried again
      const districts = await page.getByTestId('counts-by-district').locator('tbody tr').count();
      for (let attempt = 1; ; attempt++) {
        const chart = await page.getByTestId('district-chart').boundingBox();
        await page.mouse.click(chart.x + 30, chart.y + 32 + (chart.height - 40) / (2 * districts));
        const drilled = await page.waitForURL(/within=\d+/, { timeout: 2000 }).then(() => true, () => false);
        if (drilled) break;
        check(attempt < 5, 'a click on the first bar of the chart did not drill into its district');
      }
      await page.getByTestId('compliance-scope').waitFor();
      await page.goBack();
      await page.waitForURL((u) => !u.searchParams.has('within'));
      // a district row drills in too
      await page.getByTestId('drill-row').first().click();
      await page.waitForURL(/within=\d+/);
      const within = searchParam(page, 'within');
      await page.getByTestId('compliance-scope').waitFor();
      await page.waitForTimeout(300);
      const fits = await page.evaluate(() => {
        const c = document.querySelector('[data-testid="district-chart"]');
        const card = c.closest('section');
        const next = card.nextElementSibling;
        const canvas = c.querySelector('canvas').getBoundingClientRect();
        return canvas.bottom <= card.getBoundingClientRect().bottom + 1 && (!next || next.getBoundingClientRect().top >= card.getBoundingClientRect().bottom);
      });
      check(fits, 'the chart runs out of its card after a change of scope');
      await shot(page, '38-compliance-district');
      // status filter, then sort, then page 2
      await page.getByTestId('failing-status').getByText('不足').click();
      await page.waitForURL(/status=short/);
      const statuses = await page.getByTestId('failing-status-cell').allInnerTexts();
      check(statuses.length > 0 && statuses.every((s) => s === '不足'), `statuses shown: ${statuses.join(',')}`);
      const townships = await page.getByTestId('failing-township').allInnerTexts();
      check(townships.some((s) => s !== '—'), 'no township shown for the failing bodies');
      await page.getByTestId('failing-table').locator('th', { hasText: '名称' }).locator('.caret-wrapper').click();
      await page.waitForURL(/sort=name/);
      const pages = await page.getByTestId('failing-pager').locator('.el-pager li').count();
      if (pages > 1) {
        await page.getByTestId('failing-pager').locator('.el-pager li', { hasText: /^2$/ }).click();
        await page.waitForURL(/page=2/);
        await page.reload();
        await page.getByTestId('failing-table').waitFor();
        check(searchParam(page, 'page') === '2' && searchParam(page, 'within') === within, `after reload: ${page.url()}`);
        await page.getByTestId('failing-pager').locator('.el-pager li.is-active', { hasText: /^2$/ }).waitFor();
        await page.goBack();
        await page.waitForURL((u) => !u.searchParams.has('page'));
      }
      await shot(page, '39-compliance-filtered');
      await page.goBack(); // before the status filter (the sort replaced its entry)
      await page.waitForURL((u) => !u.searchParams.has('status'));
      await page.goBack();
      await page.waitForURL((u) => !u.searchParams.has('within'));
      await page.getByTestId('compliance-scope').waitFor({ state: 'hidden' });
    },
  },
  {
    name: 'item 1: a mistaken 结束任职 is undone by a correction, and an appointment entered by mistake is deleted the same day',
    async run(page) {
      await as(page, accounts.daoli);
      // appointed today (so it may still be deleted) from a start date before today (so it may end today)
      const p = await registerPerson(state.daoli);
      await state.daoli.post('/positions', { person_id: p.id, organisation_id: state.body.id, role: 'executive', manner: 'part_time', start_on: '2026-11-01' });
      state.p = p;
      await openBody(page, state.body.id);
      const row = page.getByTestId('roster-table').locator('.el-table__row', { hasText: p.name });
      await row.getByTestId('roster-end').click();
      await field(page, 'end-reason').fill('换届');
      await page.getByTestId('end-dialog-confirm').click();
      await page.getByTestId('end-dialog').waitFor({ state: 'hidden' });
      await page.getByTestId('roster-table').getByText(p.name, { exact: true }).waitFor({ state: 'hidden' });
      await page.goto(`${baseUrl}/people/${p.id}`);
      const history = page.getByTestId('position-history');
      await history.getByText('已离任').waitFor();
      await history.getByTestId('position-correct').first().click();
      await page.getByTestId('correct-ended').click();
      await field(page, 'correct-reason').fill('误点了结束任职');
      await shot(page, '40-correct-undo-end');
      await page.getByTestId('correct-dialog-confirm').click();
      await page.getByTestId('correct-dialog').waitFor({ state: 'hidden' });
      await history.getByText('现任').waitFor();
      await history.getByTestId('position-delete').first().click();
      await field(page, 'delete-reason').fill('选错了人员');
      await page.getByTestId('delete-dialog-confirm').click();
      await page.getByTestId('delete-dialog').waitFor({ state: 'hidden' });
      await history.getByText(state.body.name).waitFor({ state: 'hidden' });
      await shot(page, '41-position-deleted');
    },
  },
  {
    name: 'item 4 and 11: the audit log speaks in words and names, filtered by a person’s name, in both languages',
    async run(page) {
      await as(page, accounts.daoli);
      await page.getByTestId('nav-audit').click();
      await field(page, 'audit-person').fill(state.p.name);
      await page.keyboard.press('Enter');
      await page.waitForURL(/person=/);
      const actions = page.getByTestId('audit-table').getByTestId('audit-action-cell');
      await actions.filter({ hasText: '更正任职' }).first().waitFor();
      const words = await actions.allInnerTexts();
      for (const w of ['任命', '结束任职', '删除误录的任职', '登记人员']) check(words.includes(w), `no ${w} among ${words.join(',')}`);
      const subjects = await page.getByTestId('audit-subject').allInnerTexts();
      check(subjects.every((s) => s.includes(state.p.name)), `records not about her: ${subjects.join(' | ')}`);
      await page.getByTestId('audit-table').locator('.el-table__row', { hasText: '任命' }).first().locator('.el-table__expand-icon').click();
      const changes = await page.getByTestId('audit-changes').first().innerText();
      // no bare number (dates and masked ID or phone numbers aside)
      const bare = changes.replace(/\d{4}-\d{2}-\d{2}/g, '').replace(/[\dX]*\*+[\dX]*/g, '').match(/编号|\d{3,}/);
      check(bare === null, `an id in the changes: ${bare?.[0]}`);
      check(changes.includes(state.body.name), `the body is not named: ${changes}`);
      await shot(page, '42-audit-words');
      // an account record in English: its role and flags in words
      await page.goto(`${baseUrl}/audit?account=daoli&action=create`);
      await setLanguage(page, 'en');
      const accountRow = page.getByTestId('audit-table').locator('.el-table__row', { hasText: 'Account created' }).first();
      await accountRow.locator('.el-table__expand-icon').click();
      const english = await page.getByTestId('audit-changes').first().innerText();
      check(!/\boperator\b|\btrue\b|\bfalse\b/.test(english), `codes in the English audit: ${english}`);
      await shot(page, '43-audit-english');
      await setLanguage(page, 'zh-CN');
    },
  },
  {
    name: 'item 9: the people page finds current and former members and keeps its filters in the URL',
    async run(page) {
      await as(page, accounts.daoli);
      const q = await registerPerson(state.daoli);
      await state.daoli.post('/positions', { person_id: q.id, organisation_id: state.body.id, role: 'executive', manner: 'part_time', start_on: '2026-11-01' });
      const held = (await state.daoli.get(`/people/${q.id}`)).positions[0];
      await state.daoli.post(`/positions/${held.id}/end`, { end_on: today(), end_reason: '调离' });
      await page.getByTestId('nav-people').click();
      await field(page, 'people-q').fill(q.name);
      await page.keyboard.press('Enter');
      await page.waitForURL(/q=/);
      await page.getByTestId('people-table').getByText('没有符合条件的人员').waitFor(); // she serves no more
      await chooseOption(page, 'people-status', '已离任');
      await page.waitForURL(/status=former/);
      await page.getByTestId('people-name').filter({ hasText: q.name }).waitFor();
      await page.getByTestId('people-former').filter({ hasText: state.body.name }).waitFor();
      await page.reload();
      await page.getByTestId('people-name').filter({ hasText: q.name }).waitFor();
      check((await field(page, 'people-q').inputValue()) === q.name, 'the name typed is gone after a reload');
      await shot(page, '44-people-former');
      await chooseOption(page, 'people-role', '执委');
      await page.waitForURL(/role=executive/);
      await page.goBack();
      await page.waitForURL((u) => !u.searchParams.has('role'));
    },
  },
  {
    name: 'item 10: the start page shows what needs her attention and the latest changes',
    async run(page) {
      await as(page, accounts.daoli);
      await page.getByTestId('brand').click();
      await page.getByTestId('home-attention').waitFor();
      await page.getByTestId('home-recent').getByText(state.p.name).first().waitFor();
      await shot(page, '45-home');
      if (await page.getByTestId('home-short').count()) {
        await page.getByTestId('home-short').click();
        await page.waitForURL(/compliance\?status=short/);
        await page.getByTestId('failing-table').waitFor();
      }
    },
  },
  {
    name: 'item 12: the password rules stand beside the field, and each refusal names its own cause, in both languages',
    async run(page) {
      await as(page, accounts.daoli);
      for (const language of ['zh-CN', 'en']) {
        await setLanguage(page, language);
        await page.getByTestId('user-menu').click();
        await page.getByTestId('menu-password').click();
        await page.getByTestId('password-policy').filter({ hasText: language === 'en' ? 'at least 10' : '至少10位' }).waitFor();
        await field(page, 'password-current').fill(accounts.daoli.password);
        await field(page, 'password-new').fill('My-daoli-2026-pass');
        await field(page, 'password-repeat').fill('My-daoli-2026-pass');
        await page.getByTestId('password-dialog-confirm').click();
        await page.getByTestId('password-dialog').locator('.el-form-item__error').filter({ hasText: language === 'en' ? 'must not contain the username' : '密码不能包含用户名' }).waitFor();
        await field(page, 'password-new').fill('password1234');
        await field(page, 'password-repeat').fill('password1234');
        await page.getByTestId('password-dialog-confirm').click();
        await page.getByTestId('password-dialog').locator('.el-form-item__error').filter({ hasText: language === 'en' ? /common/i : /常见|简单/ }).waitFor();
        await shot(page, `46-password-${language}`);
        await escapeDialog(page, { discard: true });
      }
      await setLanguage(page, 'zh-CN');
    },
  },
  {
    name: 'issue 8: on her own account the accounts page offers 修改密码 (with the current password), not a reset',
    async run(page) {
      await as(page, accounts.daoli);
      await page.getByTestId('nav-accounts').click();
      const own = page.getByTestId('account-table').locator('.el-table__row', { hasText: accounts.daoli.username }).filter({ hasText: '道里' }).first();
      await own.getByTestId('account-own-password').waitFor();
      check((await own.getByTestId('account-edit').count()) === 0, 'her own account offers 编辑');
      await own.getByTestId('account-own-password').click();
      await page.getByTestId('password-current').waitFor();
      await shot(page, '47-own-account');
      await page.keyboard.press('Escape');
      await page.getByTestId('password-dialog').waitFor({ state: 'hidden' });
    },
  },
  {
    name: 'item 13 and 11: no serious or critical axe-core violation and no label cut short on the main pages, in both languages',
    async run(page) {
      const problems = [];
      // the pages of a body and a person the earlier flows left (or any, when run alone)
      const city = await signIn(accounts.city);
      const bodyId = state.body?.id ?? (await city.get(`/organisations?parent_id=${city.me.organisation.id}`)).items[0].id;
      const person = state.elsewhere ?? (await city.get('/people?page_size=1')).items[0];
      const visit = async (where, url, ready) => {
        if (url === '/login') await page.goto(baseUrl + url);
        else await openRoute(page, url);
        await page.getByTestId(ready).first().waitFor();
        await page.locator('.el-loading-mask').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
        await settled(page);
        // axe once per page (its rules do not change with the language); the labels in both languages
        const checks = where.endsWith('(en)') ? [checkNoTruncation] : [checkAxe, checkNoTruncation];
        for (const checkPage of checks) {
          const t0 = Date.now();
          await checkPage(page, where).catch((e) => problems.push(e.message));
          if (process.env.JINGUO_E2E_TIMING) console.log(`     ${where} ${checkPage.name} ${Date.now() - t0} ms`);
        }
      };
      for (const language of ['zh-CN', 'en']) {
        await page.goto(baseUrl + '/login');
        if ((await page.getByTestId('user-name').count()) > 0) await signOutPage(page);
        await page.goto(baseUrl + '/login');
        await page.getByTestId('language-switch').getByText(language === 'en' ? 'English' : '中文').click();
        await visit(`login (${language})`, '/login', 'login-form');
        await signInPage(page, accounts.city);
        const pages = [
          ['home', '/', 'home-attention'],
          ['organisation', `/organisations/${bodyId}`, 'roster-table'],
          ['person', `/people/${person.id}`, 'position-history'],
          ['compliance', '/compliance', 'failing-table'],
          ['audit', '/audit', 'audit-table'],
          ['accounts', '/accounts', 'account-table'],
          ['rule sets', '/rule-sets', 'rule-set-list'],
          ['people', `/people?q=${encodeURIComponent(person.name)}`, 'people-table'],
        ];
        for (const [where, url, ready] of pages) await visit(`${where} (${language})`, url, ready);
        await shot(page, `48-checked-${language}`);
      }
      await page.getByTestId('language-switch').getByText('中文').click();
      check(problems.length === 0, problems.join('\n     '));
    },
  },
];
