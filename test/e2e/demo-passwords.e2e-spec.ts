import { DEMO_PASSWORD, demoAccounts, loadDemoData } from '@opvolging/demo';
import { codes, TestApp } from '../support/test-app';

/** A demo on a reachable server (production) gets random passwords: the published one opens nothing. */
describe('demo data with random passwords', () => {
  let t: TestApp;
  let accounts: Array<{ email: string; password: string }>;
  beforeAll(async () => {
    t = await TestApp.start();
    accounts = await loadDemoData(t.app, { passwords: 'random' });
  });
  afterAll(async () => t?.stop());

  it('gives every demo account its own random password, returned once', () => {
    expect(accounts.map((a) => a.email).sort()).toEqual(demoAccounts.map((a) => a.email).sort());
    const passwords = accounts.map((a) => a.password);
    expect(new Set(passwords).size).toBe(passwords.length);
    for (const password of passwords) {
      expect(password).not.toBe(DEMO_PASSWORD);
      expect(password.length).toBeGreaterThanOrEqual(20);
    }
  });

  it('signs in with the random password, not with the published one', async () => {
    const admin = accounts.find((a) => a.email === demoAccounts.find((d) => d.role === 'ADMIN')!.email)!;
    const mutation = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`;
    expect(codes(await t.gql(null, mutation, { input: { email: admin.email, password: DEMO_PASSWORD } }))).toEqual(['UNAUTHENTICATED']);
    expect((await t.ok(null, mutation, { input: admin })).signIn.accessToken).toEqual(expect.any(String));
  });
});
