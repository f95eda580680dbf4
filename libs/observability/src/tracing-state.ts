let started = false;

/** Called by `startTracing` once the OpenTelemetry SDK runs in this process. */
export function markTracingStarted(): void {
  started = true;
}

/**
 * Whether this process traces (its instrumentation is in place). Kept apart from `tracing.ts` so
 * that asking does not load the OpenTelemetry SDK.
 */
export function tracingStarted(): boolean {
  return started;
}
