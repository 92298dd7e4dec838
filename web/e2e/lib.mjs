// Shared steps of the browser tests: API sessions for preparing data, signing in through the
// page, filling Element Plus controls, screenshots, and the two page-wide checks every main
// page gets: axe-core (no serious or critical WCAG 2.1 AA violation) and no truncated label.
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { idNumber, personName } from './data.mjs';

export const baseUrl = (process.env.JINGUO_E2E_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const here = path.dirname(fileURLToPath(import.meta.url));
export const shots = path.join(here, '..', 'test-results');
mkdirSync(shots, { recursive: true });

// Demo accounts (docs/api-contract.md, "Demo accounts").
export const accounts = {
  city: { username: 'harbin', password: 'City-Federation-2016' },
  daoli: { username: 'daoli', password: 'Songhua-River-2016' },
  township: { username: 'hulan_town', password: 'Village-Work-2016' },
  admin: { username: 'admin', password: 'Jinguo-System-2016' },
  viewer: { username: 'viewer', password: 'Read-Only-2016' },
};

/** An API session of its own (cookie + CSRF token), for finding and preparing test data. */
export async function signIn({ username, password }) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
  const me = await response.json();
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  async function call(method, pathAndQuery, body) {
    const r = await fetch(`${baseUrl}/api${pathAndQuery}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': me.csrf_token, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const answer = await r.json().catch(() => null);
    if (!r.ok) throw new Error(`${method} ${pathAndQuery}: ${r.status} ${JSON.stringify(answer?.error ?? answer)}`);
    return answer;
  }
  return { me, get: (p) => call('GET', p), post: (p, b) => call('POST', p, b), patch: (p, b) => call('PATCH', p, b) };
}

/** What the tests share: API sessions and the data one flow leaves for the next. */
export const state = { idNumber: idNumber() };

export async function shot(page, name) {
  await settled(page).catch(() => undefined); // a page being left has nothing more to settle
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
}

/**
 * Waits until Element Plus's fades and slides have ended: the page's running CSS transitions and animations
 * (those that end: a spinner turns for ever), looked for after the next frame so that one just begun counts.
 */
export async function settled(page) {
  await page.evaluate(async () => {
    await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
    const ending = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
  });
}

export function treeRow(page, id) {
  return page.locator('.el-tree-node__content').filter({ has: page.getByTestId(`tree-node-${id}`) });
}

/** Element Plus puts a data-testid given to el-input on the native input itself. */
export function field(page, testId) {
  return page.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

export async function chooseOption(page, selectTestId, text) {
  await page.getByTestId(selectTestId).click();
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: text }).first();
  await option.click();
}

/** Signs in through the page; waits for her name in the header. */
export async function signInPage(page, account) {
  await page.goto(baseUrl + '/login');
  await fillSignIn(page, account);
}

/** The sign-in form on the page filled and sent; waits for her name in the header. */
async function fillSignIn(page, { username, password }) {
  await field(page, 'login-username').fill(username);
  await field(page, 'login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-name').filter({ hasText: username }).waitFor();
}

export async function signOutPage(page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-logout').click();
  await page.getByTestId('login-form').waitFor();
}

export async function setLanguage(page, language) {
  // dispatched, not clicked: the switch also works under an open dialog's overlay (the text of a refusal in both languages)
  await page.getByTestId('language-switch').locator(`input[value="${language === 'en' ? 'en' : 'zh-CN'}"]`).dispatchEvent('click');
  await page.waitForFunction((l) => document.documentElement.lang === l, language === 'en' ? 'en' : 'zh-CN');
}

/** A new person registered through the API. */
export async function registerPerson(client) {
  // a name nobody has yet: a roster row found by her name is hers alone
  return client.post('/people', { name: await unusedName(client), id_number: idNumber().value });
}

/** A name nobody in the demo data has, so that a list shows exactly her. */
export async function unusedName(client) {
  for (let i = 0; i < 20; i++) {
    const name = personName();
    if ((await client.get(`/people?q=${encodeURIComponent(name)}&page_size=1`)).total === 0) return name;
  }
  return `${personName()}${personName().slice(1)}`;
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page as it is: any serious or critical WCAG 2.1 A/AA violation fails the test. */
export async function checkAxe(page, where) {
  // A dialog still fading in has its text at part opacity: axe would read a contrast nobody sees.
  await settled(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  check(found.length === 0, `axe on ${where}: ${found.join('; ')}`);
}

/**
 * Labels cut short at this width: a header, label, button, tag or tab whose text is wider than
 * its box, and a placeholder wider than its input.
 */
export async function checkNoTruncation(page, where) {
  const cut = await page.evaluate(() => {
    const visible = (el) => el.offsetParent !== null && el.getClientRects().length > 0;
    const ctx = document.createElement('canvas').getContext('2d');
    const width = (el, text) => {
      const s = getComputedStyle(el);
      ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      return ctx.measureText(text).width;
    };
    const room = (el) => {
      const s = getComputedStyle(el);
      return el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    };
    const out = [];
    for (const el of document.querySelectorAll('th .cell, .el-form-item__label, .el-button, .el-tag__content, .el-radio-button__inner, .el-descriptions__label, .jg-count-label')) {
      const text = el.textContent.trim();
      if (!visible(el) || text === '') continue;
      // cut off (an ellipsis, hidden overflow), or a word broken across lines (“Versio / n”)
      const broken = text.split(/\s+/).some((word) => !/^[\u4e00-\u9fff]{7,}$/.test(word) && width(el, word) > room(el) + 1);
      if (el.scrollWidth > el.clientWidth + 1 || broken) out.push(text.slice(0, 40));
    }
    // a header link or name wrapped onto a second line
    for (const el of document.querySelectorAll('.jg-nav-link, .jg-subtitle, .jg-user-name, .jg-user-role')) {
      if (visible(el) && el.getClientRects().length > 1) out.push(`${el.textContent.trim().slice(0, 40)} (wrapped)`);
    }
    for (const input of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
      if (!visible(input) || input.value !== '' || !input.placeholder) continue;
      if (width(input, input.placeholder) > room(input) + 1) out.push(`placeholder “${input.placeholder}”`);
    }
    return out;
  });
  check(cut.length === 0, `truncated on ${where}: ${cut.join(' | ')}`);
}

/** Types a date into a date input (YYYY-MM-DD) and confirms it as a clerk does, with Enter. */
export async function typeDate(page, testId, value) {
  const input = field(page, testId);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await page.locator('.el-picker-panel:visible').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
}

/** Escape on a dialog with typed data: the question comes; `discard` answers 放弃, else 继续填写. */
export async function escapeDialog(page, { discard }) {
  await page.keyboard.press('Escape');
  const box = page.locator('.jg-discard');
  await box.waitFor();
  await box.locator(discard ? '.el-button--primary' : '.el-button:not(.el-button--primary)').first().click();
  await box.waitFor({ state: 'hidden' });
}

/** A finding's rule reference is folded away (a closed <details>) and opens on a click. */
export async function expectFoldedRule(finding) {
  const rule = finding.getByTestId('finding-rule');
  check((await rule.getAttribute('open')) === null, 'the rule reference is not folded away');
  await rule.locator('summary').click();
  const text = await rule.innerText();
  check(/rules\.\w+\./.test(text), `the rule reference reads: ${text}`);
}

/** Opens a route of the running app without reloading it (as a click on a link would). */
export async function openRoute(page, url) {
  await page.evaluate((u) => {
    // the entry is written as vue-router writes its own, so that its later push and replace find where they are
    const previous = history.state ?? {};
    const current = location.pathname + location.search + location.hash;
    history.replaceState({ ...previous, forward: u }, '');
    history.pushState({ back: current, current: u, forward: null, position: (previous.position ?? 0) + 1, replaced: false, scroll: null }, '', u);
    dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
  }, url);
}

/** Clicks `button` and waits for the browser to save the file: its name and first bytes. */
export async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const bytes = readFileSync(await file.path());
  return { name: file.suggestedFilename(), head: bytes.subarray(0, 4).toString('latin1') };
}

/** Signs in through the page unless she is already the one signed in. */
export async function as(page, account) {
  state.daoli ??= await signIn(accounts.daoli);
  const name = page.getByTestId('user-name');
  if ((await name.count()) > 0 && (await name.innerText()) === account.username) return;
  if ((await name.count()) === 0) return signInPage(page, account);
  // signing out leaves her on the sign-in form, as a clerk handing over the computer would: no reload
  await signOutPage(page);
  await fillSignIn(page, account);
}

/** A body of the account's subtree (breadth first, open, two levels down at most) with room for one more `role`. */
export async function bodyWithRoom(client, role, types) {
  let level = [client.me.organisation];
  for (let depth = 0; depth < 3; depth++) {
    const next = [];
    for (const body of level) {
      if (depth > 0 && types.includes(body.type)) {
        const c = await client.get(`/organisations/${body.id}/composition`);
        const row = c.roles.find((r) => r.role === role);
        const room = (b) => b && (b.max === null || b.actual < b.max);
        if (room(c.total) && room(row)) return { body, composition: c };
      }
      next.push(...(await client.get(`/organisations?parent_id=${body.id}&page_size=200`)).items.filter((o) => o.open));
    }
    level = next;
  }
  throw new Error(`no body with room for ${role} in the subtree of ${client.me.account.username}`);
}

/** The page's two checks in Chinese, then the truncation check in English, back to Chinese (a closing menu or picker waited for). */
export async function checkPageBothLanguages(page, where) {
  await page.locator('.el-select-dropdown:visible, .el-picker-panel:visible').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  // A toast (ElMessage) fading in or out is read by axe at part opacity, a contrast its steady
  // state does not have (seen once in CI: "color-contrast (serious): #message_1 > p"): the page is
  // checked once the toasts have gone (3 s each).
  await page.waitForFunction(() => !document.querySelector('.el-message'), null, { timeout: 8000 }).catch(() => undefined);
  await checkAxe(page, where);
  await checkNoTruncation(page, where);
  await setLanguage(page, 'en');
  await checkNoTruncation(page, `${where} (English)`);
  await setLanguage(page, 'zh-CN');
}
