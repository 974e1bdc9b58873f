/**
 * The sniffs' shortcuts (src/read/sniff.ts, src/read/source.ts) against the full readings
 * they skip: the format from the first byte, the separator from the head's first 8 KiB, the
 * encoding by node's UTF-8 check. The same answers on random heads.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  separatorSample,
  sniffFormat,
  sniffFormatOf,
  sniffSeparator,
} from "../../src/read/sniff.js";
import { sniffEncoding } from "../../src/read/source.js";

const utf8 = (bytes: Uint8Array) => new TextDecoder("utf-8").decode(bytes);
const piece = fc.constantFrom(
  ";",
  ",",
  "\t",
  '"',
  "\n",
  "\r\n",
  "ø",
  "2024K4",
  "1,5",
  " ",
  "{",
  "[",
  "\uFEFF",
  "x",
);
const text = (maxLength: number) => fc.array(piece, { maxLength }).map((parts) => parts.join(""));

describe("sniff shortcuts", () => {
  it("the format from the first byte is the format from the decoded head", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        text(40),
        fc.constantFrom("csv", "json", "jsonl", ""),
        (bom, body, ext) => {
          const head = Buffer.from(`${bom ? "\uFEFF" : ""}${body}`, "utf8");
          expect(sniffFormatOf(head, ext)).toBe(sniffFormat(utf8(head), ext));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("the separator from the head's first 8 KiB is the whole head's", () => {
    fc.assert(
      fc.property(
        fc.array(text(12), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 9000 }),
        (records, padding) => {
          // Long lines as well as short ones, so the 20 records may or may not fit in 8 KiB.
          const head = Buffer.from(
            records.map((r, i) => (i === 0 ? r + "x".repeat(padding) : r)).join("\n"),
            "utf8",
          );
          expect(sniffSeparator(separatorSample(head, utf8))).toBe(sniffSeparator(utf8(head)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("UTF-8 by node's check exactly when the fatal decoder takes the head", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.boolean(), (bytes, complete) => {
        const head = Buffer.from(bytes);
        let decoded = true;
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: !complete });
        } catch {
          decoded = false;
        }
        const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
        expect(sniffEncoding(head, complete)).toBe(decoded || bom ? "utf-8" : "latin1");
      }),
      { numRuns: 3000 },
    );
  });
});
