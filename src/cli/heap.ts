/**
 * The heap kept small for a run that ranks many quarters: the young generation at its
 * size, and the old generation collected when it has grown less.
 *
 * `index --history` over hundreds of quarters allocates several hundred megabytes of
 * short-lived objects (each quarter's records, indicators and ranking, let go once it is
 * ranked) while it holds little (docs/performance.md, "Memory"). V8 grows the young
 * generation whenever enough survives its collections, to 2 × 16 MB, and keeps it: on
 * the bench's 800-quarter extract that was about a third of the run's memory. With a
 * growth factor of 1 it stays at the size it has when the run starts: more, smaller
 * collections (measured: about 7 % more time for 35 MB less peak memory).
 *
 * What survives the young generation (each quarter's objects that live across one of its
 * collections) then fills the old generation, which V8 by default lets grow to two or
 * three times what is live before collecting it. `--optimize-for-size` makes V8 grow it
 * in smaller steps and collect it sooner, releasing the pages it empties: on the bench's
 * extract about 9 MB less peak memory, for no more main-thread instructions
 * (docs/performance.md).
 *
 * V8 reads both flags each time it sizes those spaces, so setting them while the process
 * runs takes effect; they are set after the bundle is compiled from its cache
 * (bin/jobindex.js), so the cache is kept.
 */
export async function keepHeapSmall(): Promise<void> {
  const { setFlagsFromString } = await import("node:v8");
  setFlagsFromString("--semi-space-growth-factor=1");
  setFlagsFromString("--optimize-for-size");
}
