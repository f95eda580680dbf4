// Run as its own process by test/e2e/tracing.e2e-spec.ts (instrumentation patches modules as they
// load, which Jest's module system bypasses): the real API with tracing on and an in-memory
// exporter; one GraphQL request; then the spans as one JSON line prefixed "SPANS ".
import { tracing } from '@opentelemetry/sdk-node';
import { startTracing } from '@opvolging/observability/tracing';

const exporter = new tracing.InMemorySpanExporter();
const sdk = startTracing('api', { spanProcessors: [new tracing.SimpleSpanProcessor(exporter)], force: true })!;

async function main() {
  // Loaded only now, after the instrumentation is in place (as apps/api/src/main.ts does).
  const { NestFactory } = await import('@nestjs/core');
  const { Logger } = await import('nestjs-pino');
  const { AppModule } = await import('../../apps/api/src/app.module');
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address();
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation Probe($input: SignInInput!) { signIn(input: $input) { accessToken } }',
      variables: { input: { email: 'nobody@example.test', password: 'not-the-password-1' } },
    }),
  });
  await res.text();
  await new Promise((r) => setTimeout(r, 300));
  const spans = exporter.getFinishedSpans().map((s) => ({
    name: s.name,
    traceId: s.spanContext().traceId,
    spanId: s.spanContext().spanId,
    parentSpanId: s.parentSpanContext?.spanId,
    scope: s.instrumentationScope.name,
    attributes: s.attributes,
  }));
  process.stdout.write(`SPANS ${JSON.stringify(spans)}\n`);
  await app.close();
  await sdk.shutdown();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
