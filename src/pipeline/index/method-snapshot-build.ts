/**
 * The method snapshot of the shipped profiles, validated now: what the build writes
 * (bin/jobindex.js, src/pipeline/index/method-snapshot.ts). Apart from that file so that
 * runs, which only read the snapshot, do not load this.
 */
import { readFileSync } from "node:fs";
import { dataPath } from "../../paths.js";
import { shippedMethods } from "./method.js";
import { methodSnapshotOf } from "./method-snapshot.js";
import { parseMethodProfile } from "./profile.js";

export function methodSnapshot(): string {
  const texts = Object.fromEntries(
    shippedMethods().map((name) => [
      name,
      readFileSync(dataPath("methods", `${name}.json`), "utf8"),
    ]),
  );
  return methodSnapshotOf(texts, parseMethodProfile);
}
