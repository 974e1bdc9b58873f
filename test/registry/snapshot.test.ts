/**
 * The registry snapshot (src/registry/snapshot.ts) stands in for validation only when the
 * files' texts are exactly the ones validated; anything else is validated as always.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readRegistryTexts } from "../../src/registry/files.js";
import { parseRegistry, registrySnapshot } from "../../src/registry/index.js";
import { snapshotOf, snapshotSource, useRegistrySnapshot } from "../../src/registry/snapshot.js";

const dir = mkdtempSync(join(tmpdir(), "jobindex-snapshot-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("registry snapshot", () => {
  const texts = readRegistryTexts();
  const validated = parseRegistry(texts);

  it("holds the texts and what validating them gives", () => {
    const path = join(dir, "shipped.json");
    writeFileSync(path, registrySnapshot());
    useRegistrySnapshot(path);
    expect(snapshotSource(texts)).toEqual(validated);
  });

  it("is used only for exactly the texts it holds", () => {
    const path = join(dir, "other.json");
    // A snapshot whose source differs shows whether it is the one taken.
    const marked = { ...validated, municipalities: validated.municipalities.slice(0, 1) };
    writeFileSync(path, snapshotOf(texts, marked));
    useRegistrySnapshot(path);
    expect(snapshotSource(texts)?.municipalities).toHaveLength(1);
    const edited = {
      ...texts,
      municipalities: { ...texts.municipalities, text: `${texts.municipalities.text}\n` },
    };
    expect(snapshotSource(edited)).toBeUndefined();
  });

  it("a missing or broken snapshot is no snapshot", () => {
    useRegistrySnapshot(join(dir, "missing.json"));
    expect(snapshotSource(texts)).toBeUndefined();
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ not json");
    useRegistrySnapshot(broken);
    expect(snapshotSource(texts)).toBeUndefined();
  });
});
