import request from 'supertest';
import { TestApp } from '../support/test-app';
import { createWorld, PASSWORD } from '../support/fixtures';

describe('queue dashboard', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof createWorld>>;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t?.stop());

  it('sends anonymous visitors to the sign-in page', async () => {
    const res = await http().get('/admin/queues').expect(303);
    expect(res.headers.location).toBe('/admin/login');
    expect((await http().get('/admin/login').expect(200)).text).toContain('Alleen voor beheerders');
  });

  it('refuses signed-in users who are not administrators', async () => {
    await http().get('/admin/queues').set('authorization', `Bearer ${w.inspector.token}`).expect(403);
    await http().post('/admin/session').type('form').send({ email: 'inspecteur@igj.test', password: PASSWORD }).expect(403);
    await http().post('/admin/session').type('form').send({ email: 'admin@example.test', password: 'wrong-password-1' }).expect(401);
  });

  it('shows the queues to an administrator, through a strict HttpOnly cookie', async () => {
    const session = await http()
      .post('/admin/session')
      .type('form')
      .send({ email: 'admin@example.test', password: 'admin-password-123' })
      .expect(303);
    const setCookie = String(session.headers['set-cookie']);
    expect(setCookie).toMatch(/opvolging_admin=.+; Path=\/admin; Expires=.+; HttpOnly; SameSite=Strict/);
    const cookie = setCookie.split(';')[0];
    const api = await http()
      .get('/admin/queues/api/queues?activeQueue=maintenance&page=1&jobsPerPage=10')
      .set('cookie', cookie)
      .expect(200);
    expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['maintenance', 'notifications']);
  });
});
