import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance, nameKey } from "../../src/registry/normalize.js";

describe("nameKey", () => {
  it("folds case, Danish letters, accents and hyphens into one key", () => {
    expect(nameKey("Høje-Taastrup")).toBe("hoeje taastrup");
    expect(nameKey("HOEJE  taastrup")).toBe("hoeje taastrup");
    expect(nameKey("Århus")).toBe(nameKey("Aarhus"));
    expect(nameKey("Ærø")).toBe(nameKey("aeroe"));
    expect(nameKey("Kögé")).toBe(nameKey("Køge"));
    expect(nameKey(" Lyngby–Taarbæk ")).toBe("lyngby taarbaek");
  });

  it("treats NFC and NFD input alike", () => {
    expect(nameKey("Tårnby".normalize("NFD"))).toBe(nameKey("Tårnby"));
  });

  it("the printable-ASCII shortcut gives what Unicode normalisation gives", () => {
    // A trailing combining accent sends the same text down the normalising path, which
    // strips the accent again: both keys must be equal.
    const ascii = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    });
    fc.assert(
      fc.property(ascii, (text) => {
        expect(nameKey(text)).toBe(nameKey(`${text}\u0301`));
      }),
      { numRuns: 500 },
    );
  });
});

describe("editDistance", () => {
  it("counts single-letter edits", () => {
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("vesthimerland", "vesthimmerlands")).toBe(2);
  });

  it("is a metric: zero on equal strings, symmetric, triangle inequality", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
      }),
    );
  });
});
