import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startProgress } from "../../src/cli/progress.js";

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = {
    isTTY,
    write: (s: string) => written.push(s) > 0,
  } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe("progress on stderr", () => {
  const ci = process.env.CI;
  beforeEach(() => {
    vi.useFakeTimers();
    delete process.env.CI;
  });
  afterEach(() => {
    vi.useRealTimers();
    if (ci !== undefined) process.env.CI = ci;
  });

  it("stays silent for runs under a second", () => {
    const { stream, written } = fakeStream(true);
    const p = startProgress("jobindex index", stream);
    vi.advanceTimersByTime(900);
    p.stop();
    expect(written).toEqual([]);
  });

  it("shows a spinner after a second on a terminal and clears it at the end", () => {
    const { stream, written } = fakeStream(true);
    const p = startProgress("jobindex index", stream);
    vi.advanceTimersByTime(1250);
    p.stop();
    expect(written[0]).toContain("jobindex index…");
    expect(written.length).toBeGreaterThan(2);
    expect(written.at(-1)).toBe("\r\u001b[2K");
  });

  it("never writes to a pipe or in CI", () => {
    const piped = fakeStream(false);
    startProgress("x", piped.stream);
    vi.advanceTimersByTime(5000);
    expect(piped.written).toEqual([]);
    process.env.CI = "true";
    const terminal = fakeStream(true);
    startProgress("x", terminal.stream);
    vi.advanceTimersByTime(5000);
    expect(terminal.written).toEqual([]);
  });
});
