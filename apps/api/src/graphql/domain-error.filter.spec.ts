import { ArgumentsHost } from '@nestjs/common';
import { DomainErrorFilter } from './domain-error.filter';
import { DomainError } from '@opvolging/shared';

describe('DomainErrorFilter', () => {
  const host = (type: string, res?: unknown) =>
    ({ getType: () => type, switchToHttp: () => ({ getResponse: () => res }) }) as unknown as ArgumentsHost;

  it('hands domain errors back to GraphQL unchanged', () => {
    const error = DomainError.notFound('Measure', 'x');
    expect(new DomainErrorFilter().catch(error, host('graphql'))).toBe(error);
  });

  it('answers a plain HTTP route with the matching status, so no request is left hanging', () => {
    const sent: unknown[] = [];
    const res = { status: (s: number) => (sent.push(s), res), json: (body: unknown) => sent.push(body) };
    new DomainErrorFilter().catch(DomainError.conflict('Measure', 'm1', 1, 2), host('http', res));
    expect(sent[0]).toBe(409);
    expect(sent[1]).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
  });
});
