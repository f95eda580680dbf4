import { jsonInSlices, mapInSlices } from './slices';

describe('work in slices', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => ({ i, text: `"quoted" \\ ${i}`, nested: { ok: i % 2 === 0 } }));

  it.each([0, 1, 2, 3, 7])('makes the same JSON as JSON.stringify of %i items, in slices of 3', async (n) => {
    expect(await jsonInSlices(items(n), 3)).toBe(JSON.stringify(items(n)));
  });

  it('maps every item once, in order, across slices', async () => {
    expect(await mapInSlices(items(7), 3, (x) => x.i * 2)).toEqual([0, 2, 4, 6, 8, 10, 12]);
  });

  it('gives the event loop back between slices', async () => {
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    await mapInSlices(items(4), 1, (x) => {
      const until = Date.now() + 5;
      while (Date.now() < until); // busy, as a slice of real work
      return x;
    });
    clearInterval(timer);
    expect(turns).toBeGreaterThan(0);
  });
});
