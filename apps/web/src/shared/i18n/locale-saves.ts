/**
 * The language switch stores each choice as the account's preference, one save after another so a
 * quick switch back is stored last. Switching remounts the page, which reads the account again; an
 * answer read before the save landed still names the old language and must not set the page back
 * to it. `localeSavePending()` tells the session to leave the language alone until the saves are done.
 */
let saves: Promise<unknown> = Promise.resolve();
let latest = 0;
let pending = 0;

/** Queues `save`; after the last queued choice is stored, runs `afterLast` (e.g. reading the account back). */
export function saveLocaleChoice(save: () => Promise<unknown>, afterLast: () => Promise<unknown>): Promise<void> {
  const choice = ++latest;
  pending++;
  const done = saves.then(async () => {
    try {
      await save().catch(() => undefined);
      if (choice === latest) await afterLast().catch(() => undefined);
    } finally {
      pending--;
    }
  });
  saves = done;
  return done;
}

export function localeSavePending(): boolean {
  return pending > 0;
}
