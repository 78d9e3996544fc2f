import request from 'supertest';
import { TestContext } from './test-app';

/** A browser stand-in: keeps cookies across requests and reads each form's CSRF token from the page. */
export function webClient(ctx: TestContext) {
  const agent = request.agent(ctx.app.getHttpServer());
  let token = '';
  const remember = (html: string): void => {
    const found = /name="_csrf" value="([^"]+)"/.exec(html);
    if (found) token = found[1];
  };
  return {
    agent,
    get token(): string {
      return token;
    },
    async page(path: string, headers: Record<string, string> = {}) {
      const response = await agent.get(path).set(headers);
      remember(response.text);
      return response;
    },
    /** Posts a form as a browser would from one of our pages (same-origin, with the page's token). */
    async submit(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
      const response = await agent
        .post(path)
        .type('form')
        .set({ 'Sec-Fetch-Site': 'same-origin', ...headers })
        .send({ _csrf: token, ...fields });
      remember(response.text);
      return response;
    },
  };
}

export type WebClient = ReturnType<typeof webClient>;

/** Signs a person in through the sign-in page; returns the client, now holding the session cookie. */
export async function signedInClient(ctx: TestContext, email: string, password: string): Promise<WebClient> {
  const client = webClient(ctx);
  await client.page('/sign-in');
  const response = await client.submit('/sign-in', { email, password, next: '/' });
  if (response.status !== 303) throw new Error(`sign-in failed: ${response.status} ${response.text.slice(0, 300)}`);
  await client.page('/');
  return client;
}

export function setCookies(response: { headers: Record<string, unknown> }): string[] {
  const value = response.headers['set-cookie'];
  return Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
}
