import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  launchBrowser,
  screenshot,
  seriousViolations,
  startProduct,
  type RunningProduct,
} from './support.js';

let product: RunningProduct;
let browser: { browser: BrowserContext; close(): Promise<void> };
let page: Page;
const checkedPages: string[] = [];
/** Console messages about the Content-Security-Policy: the SPA must need nothing it forbids. */
const cspViolations: string[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Every page the journeys visit: a screenshot to look at, and axe with no serious violation. */
async function check(name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  const violations = await seriousViolations(page);
  expect(
    violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
    name,
  ).toEqual([]);
  expect(cspViolations, name).toEqual([]);
  checkedPages.push(name);
}

async function logIn(email: string): Promise<void> {
  await page.goto(`${product.url}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function logOut(): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL(/\/login/);
}

beforeAll(async () => {
  product = await startProduct(await freePort());
  browser = await launchBrowser();
  page = browser.browser.pages()[0] ?? (await browser.browser.newPage());
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

describe('journeys in a real browser, against `pnpm start` on a fresh embedded database', () => {
  let incomingNumber = '';
  let trackingCode = '';

  it('C4: an officer logs in by keyboard alone, registers a paper complaint and sees the receipt', async () => {
    await page.goto(`${product.url}/login`);
    await check('login');
    // Keyboard only: the fields in tab order, then Enter.
    await page.getByLabel('Email').focus();
    await page.keyboard.type('officer@demo.kz');
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/complaints/);
    await check('queue-officer');
    await page.getByRole('link', { name: 'Register a complaint' }).click();
    await page.waitForURL(/\/register/);
    await page.getByLabel('Surname').fill('Сейітова');
    await page.getByLabel('Given name').fill('Гүлнар');
    await page.getByLabel('Postal address').fill('Астана қ., Абай даңғылы, 12, 4-пәтер');
    await page.getByLabel('Action', { exact: true }).check();
    await page.getByLabel('What happened').fill('Құжаттарды қабылдаудан негізсіз бас тартылды.');
    await page.getByLabel('Large print').check();
    await check('register');
    // Unsigned first: refused with the C3 message, linked from the error summary.
    await page.getByRole('button', { name: 'Register the complaint' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/sign/i);
    await page.getByLabel('The recipient has signed the complaint').check();
    await page.getByRole('button', { name: 'Register the complaint' }).click();
    await page.waitForURL(/\/receipt\//);
    await page
      .getByRole('heading', { name: /Receipt for complaint/ })
      .first()
      .waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    incomingNumber = /GK-AST-\d{4}-\d{5}/.exec(text)?.[0] ?? '';
    trackingCode = /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/.exec(text)?.[0] ?? '';
    expect(incomingNumber).not.toBe('');
    expect(trackingCode).not.toBe('');
    // Printable in Kazakh and Russian, whatever the interface language.
    await expect
      .poll(() => page.locator('main').textContent())
      .toMatch(/Шағымның қабылданғаны туралы қолхат/);
    await expect
      .poll(() => page.locator('main').textContent())
      .toMatch(/Расписка о принятии жалобы/);
    await check('receipt');
    await logOut();
  });

  it('O6: the recipient checks the stage on the public page', async () => {
    await page.goto(`${product.url}/stage`);
    await page.getByLabel('Incoming number').fill(incomingNumber);
    await page.getByLabel('Tracking code').fill(trackingCode.toLowerCase());
    await page.getByRole('button', { name: 'Show the stage' }).click();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Registered/);
    await check('stage');
  });

  it('C7: an inspector finds an escalated complaint in the queue, decides it and sees the history', async () => {
    // Reported, not asserted (timings here are noisy): login to a queue of 50 rows on screen.
    const started = Date.now();
    await logIn('inspector@demo.kz');
    await page.locator('tbody tr').nth(49).waitFor();
    console.info(`login → 50 queue rows on screen: ${Date.now() - started} ms`);
    await page.getByLabel('Review level').selectOption({ label: 'Authority' });
    await page.waitForURL(/level=AUTHORITY/);
    await page.waitForLoadState('networkidle');
    await check('queue-inspector');
    await page.getByRole('link', { name: /^AGS-/ }).first().click();
    await page.waitForURL(/\/complaints\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { name: 'Actions' }).waitFor();
    const start = page.getByRole('button', { name: 'Start the review' });
    if (await start.isVisible()) {
      await start.click();
      await expect
        .poll(() => page.getByRole('status').allTextContents())
        .toContainEqual(expect.stringMatching(/review has started/));
    }
    await page.getByRole('button', { name: 'Record the decision' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Rejected').check();
    await dialog.getByLabel('Reasoning').fill('Стандарт бұзылмаған: құжаттар толық қабылданған.');
    await check('case-decide-dialog');
    await dialog.getByRole('button', { name: 'Record the decision' }).click();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/decision is recorded/);
    await expect.poll(() => page.locator('.timeline').textContent()).toMatch(/Decided/);
    await check('case');
    await logOut();
  });

  it('Deadlines: a supervisor previews a calendar change before saving it, and reads the other pages', async () => {
    await logIn('supervisor@demo.kz');
    await page.getByRole('link', { name: 'Working calendar' }).click();
    await page.waitForURL(/\/calendar/);
    await page.getByLabel('Date').fill('2026-12-30');
    await page.getByLabel('A day off').check();
    await page.getByLabel('Reason').fill('Government decree (test)');
    await page.getByRole('button', { name: 'Check which deadlines move' }).click();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/What this change moves/);
    await check('calendar-preview');
    for (const [link, name] of [
      ['Compliance', 'metrics'],
      ['Audit trail', 'audit'],
      ['Users', 'users'],
    ] as const) {
      await page.getByRole('link', { name: link }).click();
      await page.waitForURL(new RegExp(`/${name}`));
      await check(name);
    }
  });

  it('Session: an expired session sends the user back to login with a message', async () => {
    await page.evaluate(() => {
      const raw = sessionStorage.getItem('complaints.session');
      if (raw)
        sessionStorage.setItem(
          'complaints.session',
          JSON.stringify({ ...JSON.parse(raw), expiresAt: 1 }),
        );
    });
    await page.goto(`${product.url}/complaints`);
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.locator('main').textContent()).toMatch(/session has ended/);
    await logIn('supervisor@demo.kz');
    await page.goto(`${product.url}/users`);
  });

  it('i18n: the language switches to Kazakh and Russian, and the page says which', async () => {
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('kk');
    await expect.poll(() => page.getByRole('link', { name: 'Пайдаланушылар' }).count()).toBe(1);
    await check('users-kk');
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await expect.poll(() => page.getByRole('link', { name: 'Пользователи' }).count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await check('users-ru');
    expect(checkedPages.length).toBeGreaterThanOrEqual(12);
  });

  it('Security: the SPA runs under its Content-Security-Policy, and a violation would be seen', async () => {
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.injected = "yes";';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return document.documentElement.dataset.injected === 'yes';
    });
    expect(ran).toBe(false);
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
    cspViolations.length = 0;
  });
});
