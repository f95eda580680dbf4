// For test/e2e/shutdown.e2e-spec.ts: a process whose close never finishes, to show the bound.
import { exitGracefullyOnSignal } from '@opvolging/health';

exitGracefullyOnSignal({ close: () => new Promise<void>(() => undefined) }, 1, (line) => process.stdout.write(`${line}\n`));
setInterval(() => undefined, 1000); // keeps the process alive, as a server would
process.stdout.write('ready\n');
