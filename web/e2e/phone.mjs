// On a phone in the field (390×844): the pages a township or village clerk uses away from her desk.
// The village's page and its roster as cards, the tree in a drawer from the header (closed by the body
// she picks), appointing a member through the full-screen dialog, her person page, the nomination list
// as cards and a nomination's page. Each page: no sideways scroll (the document, the header and the page
// area), the main content at full width, the main buttons at least 44 px high, axe passes.
// The viewport is put back to 1366×768 after each test, whatever happens. The flows change the demo.
import { accounts, as, baseUrl, bodyWithRoom, check, checkAxe, chooseOption, field, registerPerson, setLanguage, shot, signIn, state, unusedName } from './lib.mjs';
import { idNumber, personName } from './data.mjs';

const phone = { width: 390, height: 844 };
const desk = { width: 1366, height: 768 };

async function township() {
  state.phoneClient ??= await signIn(accounts.township);
  return state.phoneClient;
}

/** An open village body of her township with members on its roster today. */
async function villageWithMembers(client) {
  const kids = await client.get(`/organisations?parent_id=${client.me.organisation.id}&page_size=200`);
  for (const body of kids.items.filter((o) => o.open && (o.type === 'village_congress' || o.type === 'village'))) {
    const roster = (await client.get(`/organisations/${body.id}/roster`)).items;
    if (roster.length >= 2) return { body, roster };
  }
  throw new Error(`no village of ${client.me.organisation.name} with members`);
}

/** Nothing scrolls sideways: the document, the header, the page area; the page's sections take the width. */
async function checkFits(page, where) {
  const m = await page.evaluate(() => {
    const main = document.querySelector('.jg-main');
    const header = document.querySelector('.jg-header');
    const narrowest = Math.min(...Array.from(document.querySelectorAll('.jg-main .jg-card, .jg-main .jg-card-row')).map((el) => el.getBoundingClientRect().width));
    return {
      document: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      main: main ? main.scrollWidth - main.clientWidth : 0,
      header: header ? header.scrollWidth - header.clientWidth : 0,
      narrowest,
    };
  });
  check(m.document <= phone.width + 1 && m.body <= phone.width + 1, `${where}: the page is ${m.document} px wide on a 390 px phone`);
  check(m.main <= 1, `${where}: the page area scrolls ${m.main} px sideways`);
  check(m.header <= 1, `${where}: the header is ${m.header} px too wide`);
  check(m.narrowest >= 320, `${where}: a section or card is squeezed to ${Math.round(m.narrowest)} px`);
}

/** A button or link a thumb presses: at least 44 px high. */
async function checkTall(locator, what) {
  const box = await locator.boundingBox();
  check(box !== null && box.height >= 44 - 0.5, `${what} is ${box ? Math.round(box.height) : 'not'} px high on a phone`);
}

/** The header on a phone: her menu, the language and the tree's button in reach, the entries in one row. */
async function checkHeader(page, where) {
  for (const id of ['tree-button', 'user-menu', 'language-switch', 'brand']) {
    check(await page.getByTestId(id).isVisible(), `${where}: ${id} is not in view`);
  }
  await checkTall(page.getByTestId('tree-button'), 'the tree button');
  check((await page.getByTestId('side-panel').count()) === 0, `${where}: the side panel is there on a phone`);
}

async function openBody(page, id) {
  await page.goto(`${baseUrl}/organisations/${id}`);
  await page.getByTestId('org-name').waitFor();
  await page.getByTestId('roster-cards').waitFor();
  await page.waitForLoadState('networkidle');
}

export const tests = [
  {
    name: 'phone: the village page at 390×844, the header folded and the roster as cards (name, role, manner, since, actions)',
    async run(page) {
      const client = await township();
      const { body, roster } = await villageWithMembers(client);
      state.phoneVillage = body;
      try {
        await page.setViewportSize(phone);
        await as(page, accounts.township);
        await openBody(page, body.id);
        await page.getByTestId('org-name').filter({ hasText: body.name }).waitFor();
        await checkHeader(page, 'the village page');
        check((await page.getByTestId('roster-table').count()) === 0, 'the roster is a table on a phone');
        const cards = page.getByTestId('roster-card');
        check((await cards.count()) === roster.length, `${await cards.count()} cards for ${roster.length} members`);
        const first = roster[0];
        const card = cards.filter({ has: page.getByTestId('roster-name').getByText(first.name, { exact: true }) }).first();
        const text = await card.innerText();
        check(text.includes(first.role_label) && text.includes(first.manner_label), `the card reads: ${text}`);
        check(/\d{4}/.test(text), `the card has no date: ${text}`);
        await checkTall(card.getByTestId('roster-view'), 'a card’s 查看');
        await checkTall(card.getByTestId('roster-name'), 'a card’s name');
        await checkTall(page.getByTestId('appoint'), '任命成员');
        await checkFits(page, 'the village page');
        await checkAxe(page, 'the village page on a phone');
        // the header's one row holds in English too (longer words, the same four things)
        await setLanguage(page, 'en');
        await checkHeader(page, 'the village page (English)');
        await checkFits(page, 'the village page (English)');
        await setLanguage(page, 'zh-CN');
        await shot(page, 'phone-01-village-page');
        await page.getByTestId('roster-cards').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await shot(page, 'phone-01-village-roster');
        // the 沿革, a table only read, scrolls inside its own box: the page still does not
        await page.getByTestId('history-toggle').click();
        await page.getByTestId('history-table').waitFor();
        await checkFits(page, 'the village page with its 沿革 open');
        // the card's 查看 opens her page, as the table's does
        await card.getByTestId('roster-view').click();
        await page.getByTestId('person-title').filter({ hasText: first.name }).waitFor();
      } finally {
        await page.setViewportSize(desk);
      }
    },
  },
  {
    name: 'phone: the tree opens in a drawer from the header and closes on the body she picks',
    async run(page) {
      const client = await township();
      state.phoneVillage ??= (await villageWithMembers(client)).body;
      const own = client.me.organisation;
      try {
        await page.setViewportSize(phone);
        await as(page, accounts.township);
        await page.goto(`${baseUrl}/`);
        const button = page.getByTestId('tree-button');
        await button.waitFor();
        check((await button.getAttribute('aria-expanded')) === 'false', 'the tree button says open before it is');
        check(((await button.getAttribute('aria-label')) ?? '').length > 0, 'the tree button has no name');
        await button.click();
        const drawer = page.getByTestId('tree-drawer');
        await drawer.waitFor();
        check((await button.getAttribute('aria-expanded')) === 'true', 'the tree button does not say the drawer is open');
        await drawer.getByTestId('org-search').first().waitFor();
        const root = page.locator('.el-tree-node__content').filter({ has: page.getByTestId(`tree-node-${own.id}`) });
        await root.waitFor();
        await checkTall(root, 'a row of the tree');
        await root.locator('.el-tree-node__expand-icon').click();
        const village = page.getByTestId(`tree-node-${state.phoneVillage.id}`);
        await village.waitFor();
        await checkFits(page, 'the tree drawer');
        await checkAxe(page, 'the tree drawer');
        await shot(page, 'phone-02-tree-drawer');
        await village.click();
        await page.getByTestId('org-name').filter({ hasText: state.phoneVillage.name }).waitFor();
        await drawer.waitFor({ state: 'hidden' });
        check(page.url().endsWith(`/organisations/${state.phoneVillage.id}`), `the drawer led to ${page.url()}`);
        check((await button.getAttribute('aria-expanded')) === 'false', 'the tree button says open after she picked a body');
        // the drawer's search finds a body too, and closes the drawer on it
        await button.click();
        await drawer.waitFor();
        await drawer.locator('input').first().fill(own.name.replace(/妇联$/, ''));
        const hit = page.getByTestId('org-search-hit').filter({ hasText: own.name }).first();
        await hit.click();
        await page.getByTestId('org-name').filter({ hasText: own.name }).waitFor();
        await drawer.waitFor({ state: 'hidden' });
      } finally {
        await page.setViewportSize(desk);
      }
    },
  },
  {
    name: 'phone: appointing a member through the full-screen dialog at 390 px',
    async run(page) {
      const client = await township();
      const { body } = await bodyWithRoom(client, 'member', ['village_congress']);
      const name = await unusedName(client);
      const id = idNumber().value;
      try {
        await page.setViewportSize(phone);
        await as(page, accounts.township);
        await openBody(page, body.id);
        await page.getByTestId('appoint').click();
        const dialog = page.locator('.el-dialog[data-testid="appoint-dialog"]');
        await dialog.waitFor();
        const box = await dialog.boundingBox();
        check(box !== null && box.width >= phone.width - 1 && box.x <= 0.5, `the dialog is ${box ? Math.round(box.width) : 0} px wide at x ${box?.x}`);
        // met in the village, not yet registered: the new-person form inside the dialog, labels above the fields
        await page.getByTestId('appoint-mode-new').click();
        await field(page, 'person-name').fill(name);
        await field(page, 'person-id-number').fill(id);
        await field(page, 'person-mobile').fill('13904510000');
        const label = await page.getByTestId('person-form').locator('.el-form-item__label').first().boundingBox();
        const input = await field(page, 'person-name').boundingBox();
        check(label !== null && input !== null && label.y + label.height <= input.y + 1, 'the labels are not above their fields on a phone');
        await chooseOption(page, 'appoint-role', '委员');
        await chooseOption(page, 'appoint-manner', '兼职');
        await page.locator('.el-select-dropdown:visible').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
        const confirm = page.getByTestId('appoint-dialog-confirm');
        check(await confirm.isVisible(), 'the dialog’s 任命 is out of view');
        await checkTall(confirm, 'the dialog’s 任命');
        await checkFits(page, 'the appointment dialog');
        await checkAxe(page, 'the appointment dialog on a phone');
        await shot(page, 'phone-03-appoint-dialog');
        await confirm.click();
        await page.getByTestId('appoint-dialog').waitFor({ state: 'hidden' });
        await page.getByTestId('roster-cards').getByText(name, { exact: true }).waitFor({ timeout: 10000 });
        await checkFits(page, 'the roster after appointing');
        const entry = (await client.get(`/organisations/${body.id}/roster`)).items.find((e) => e.name === name);
        state.phoneBody = body;
        state.phonePerson = { id: entry.person_id, name };
      } finally {
        await page.setViewportSize(desk);
      }
    },
  },
  {
    name: 'phone: a person’s page at 390 px, her fields one a line and her positions as cards',
    async run(page) {
      const client = await township();
      if (!state.phonePerson) {
        const { body } = await bodyWithRoom(client, 'member', ['village_congress']);
        state.phonePerson = await registerPerson(client);
        state.phoneBody = body;
        await client.post('/positions', { person_id: state.phonePerson.id, organisation_id: body.id, role: 'member', manner: 'part_time', start_on: '2026-11-01' });
      }
      try {
        await page.setViewportSize(phone);
        await as(page, accounts.township);
        await page.goto(`${baseUrl}/people/${state.phonePerson.id}`);
        await page.getByTestId('person-title').filter({ hasText: state.phonePerson.name }).waitFor();
        const cards = page.getByTestId('position-card');
        await cards.first().waitFor();
        check((await page.getByTestId('position-history').count()) === 0, 'her positions are a table on a phone');
        check((await cards.first().innerText()).includes(state.phoneBody.name), 'her position card does not name the body');
        const rows = await page.getByTestId('person-details').locator('tr').count();
        check(rows >= 10, `her fields are ${rows} rows (not one a line)`);
        await page.getByTestId('person-id_number').waitFor();
        await checkTall(page.getByTestId('person-edit'), '编辑');
        await checkTall(cards.first().getByTestId('position-correct'), 'a position’s 更正');
        await checkFits(page, 'the person page');
        await checkAxe(page, 'the person page on a phone');
        await shot(page, 'phone-04-person');
      } finally {
        await page.setViewportSize(desk);
      }
    },
  },
  {
    name: 'phone: the nomination list as cards and a nomination’s page at 390 px',
    async run(page) {
      const client = await township();
      const body = state.phoneVillage ?? (await villageWithMembers(client)).body;
      const name = personName();
      const created = await client.post('/nominations', {
        organisation_id: body.id,
        role: 'member',
        channel: 'residents',
        nominated_by: '村民代表',
        name,
        id_number: idNumber().value,
        statement: '热心村里的事，在田间地头调解邻里纠纷多年，群众信任。',
      });
      state.phoneNomination = created;
      try {
        await page.setViewportSize(phone);
        await as(page, accounts.township);
        await page.goto(`${baseUrl}/`);
        await page.getByTestId('nav-nominations').click();
        await page.getByTestId('nominations-cards').waitFor();
        check((await page.getByTestId('nominations-table').count()) === 0, 'the nominations are a table on a phone');
        const card = page.getByTestId('nominations-card').filter({ has: page.getByTestId('nominations-name').getByText(name, { exact: true }) }).first();
        await card.waitFor();
        const text = await card.innerText();
        check(text.includes(body.name), `her card does not name the body: ${text}`);
        await checkTall(card.getByTestId('nominations-name'), 'a nomination’s name');
        await checkTall(page.getByTestId('nominations-add'), '新增提名');
        await checkFits(page, 'the nomination list');
        await checkAxe(page, 'the nomination list on a phone');
        await shot(page, 'phone-05-nominations');

        await card.getByTestId('nominations-name').click();
        await page.getByTestId('nomination-title').filter({ hasText: name }).waitFor();
        await page.getByTestId('nomination-fields').waitFor();
        await page.getByTestId('nomination-steps').waitFor();
        const actions = page.getByTestId('nomination-actions').locator('.el-button');
        check((await actions.count()) > 0, 'no action on her open nomination');
        await checkTall(actions.first(), 'a nomination’s action');
        await checkFits(page, 'a nomination’s page');
        await checkAxe(page, 'a nomination’s page on a phone');
        await shot(page, 'phone-06-nomination');
      } finally {
        await page.setViewportSize(desk);
      }
    },
  },
];
