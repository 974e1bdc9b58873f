/**
 * A spinner on stderr for runs that take longer than a second, only when stderr is a
 * terminal (never in pipes, files or CI logs). It is drawn from a timer, so it moves
 * between the stages of a run (reading, computing, rendering).
 */
import { stderrIsTerminal } from "./stdio.js";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const DELAY_MS = 1000;

export interface Progress {
  stop(): void;
}

export function startProgress(label: string, stream?: NodeJS.WriteStream): Progress {
  // A pipe or a file is no terminal: known without building process.stderr (stdio.ts).
  if (stream === undefined && !stderrIsTerminal()) return { stop() {} };
  const tty = stream ?? process.stderr;
  if (tty.isTTY !== true || process.env.CI) return { stop() {} };
  let frame = 0;
  let shown = false;
  let ticker: NodeJS.Timeout | undefined;
  const draw = () => {
    shown = true;
    tty.write(`\r${FRAMES[frame++ % FRAMES.length]} ${label}…`);
  };
  const delay = setTimeout(() => {
    draw();
    ticker = setInterval(draw, 100);
    ticker.unref();
  }, DELAY_MS);
  delay.unref();
  return {
    stop() {
      clearTimeout(delay);
      if (ticker) clearInterval(ticker);
      if (shown) tty.write("\r\u001b[2K");
    },
  };
}
