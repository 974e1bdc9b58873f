/**
 * The heap a CSV file's table will take, estimated before reading it, so a file too large
 * for memory is refused up front (`E_FILE_TOO_LARGE`) rather than crashing node.
 */
import { CellSharing } from "./cell-sharing.js";
import { type Limits, overTableBound, rowBytes, stringBytes, tableTooLarge } from "./limits.js";
import type { Separator } from "./options.js";
import { fatal, type Source } from "./source.js";

/**
 * Refuses a file whose table would not fit in `limits.maxTableBytes`, before reading it:
 * the heap a row costs per byte of file, measured on the complete lines of the first
 * 64 KiB (split at the separator, quotes ignored), times the file size. Files no larger
 * than that sample are left to the check while reading, which is exact.
 */
export function checkTableFits(
  source: Source,
  head: string,
  separator: Separator,
  limits: Limits,
): void {
  const estimate = estimateTableBytes(head, separator, source.size, source.head.length);
  if (estimate !== undefined && overTableBound(limits, estimate)) {
    fatal(tableTooLarge(source.file, limits.maxTableBytes, { estimate }));
  }
}

/** Estimated table heap for a file of `size` bytes whose first `headBytes` bytes read `head`. */
export function estimateTableBytes(
  head: string,
  separator: Separator,
  size: number,
  headBytes: number,
): number | undefined {
  if (size <= headBytes) return undefined;
  const lines = head.split(/\r\n|\n/);
  lines.pop(); // cut at the end of the sample
  if (lines.length < 2) return undefined;
  const sharing = new CellSharing();
  let bytes = 0;
  let chars = lines[0]?.length ?? 0;
  for (const line of lines.slice(1)) {
    chars += line.length + 1;
    const cells = line.split(separator);
    let strings = 0;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] ?? "";
      if (sharing.shared(i, cell) === undefined) strings += stringBytes(cell.length);
    }
    bytes += rowBytes(cells.length, strings);
  }
  // Characters stand in for bytes: exact for ASCII, an overestimate of the rows otherwise.
  return Math.round((bytes / chars) * size);
}
