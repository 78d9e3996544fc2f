import { CATALOGUE, MessageKey } from '../../src/web/i18n/catalogue';
import { createUser, PASSWORD, TestUser } from '../helpers/factories';
import { openSite, Site } from './harness';

const ru = (key: MessageKey): string => {
  const message = CATALOGUE.ru[key];
  if (typeof message !== 'string') throw new Error(`${key} is a plural text`);
  return message;
};

/**
 * With JavaScript, a form that posts is sent once however often its button is pressed while the
 * answer is on its way (a double tap on a slow network); the answer is held back here so the
 * second press surely comes first.
 */
describe('browser: a form is sent once', () => {
  let site: Site;
  let person: TestUser;

  beforeAll(async () => {
    site = await openSite();
    person = await createUser(site.ctx, { roles: ['manager'], preferredLanguage: 'ru' });
  });
  afterAll(async () => {
    await site?.close();
  });

  it('sends one POST for three quick presses of the sign-in button', async () => {
    const phone = await site.phone({ language: 'ru', javaScript: true });
    try {
      const { page } = phone;
      let posts = 0;
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/sign-in', async (route) => {
        if (route.request().method() === 'POST') {
          posts += 1;
          await held;
        }
        await route.continue();
      });
      await page.goto('/sign-in?next=%2Fmanage');
      await page.getByLabel(ru('account.signIn.email')).fill(person.user.email);
      await page.getByLabel(ru('account.signIn.password')).fill(PASSWORD);
      // Three presses a moment apart, the first answer held back: the mouse, because a locator's
      // click would wait for the navigation the first press started.
      const box = (await page.getByRole('button', { name: ru('account.signIn.submit') }).boundingBox())!;
      for (let i = 0; i < 3; i += 1) {
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      release();
      await page.waitForURL((url) => url.pathname === '/manage');
      expect(posts).toBe(1);
    } finally {
      await phone.close();
    }
  });
});
