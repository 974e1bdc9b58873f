/**
 * The zod schemas of the registry's three files, built on first use: a run whose registry
 * matches the build's snapshot (src/registry/snapshot.ts) validates nothing and builds none
 * of them.
 */
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { REGION_CODES, type RegionCode } from "./types.js";

const CODE = /^\d{3}$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function buildSchemas() {
  // zod/mini sets no locale (the full zod API set English on first use); without it every
  // message is "Invalid input". Import en.js directly and use z.config(): touching z.locales
  // or z.core as values makes esbuild bundle all of zod core and every locale (~660 KB).
  if (!z.config().localeError) z.config(en());

  const nonEmpty = z.string().check(z.trim(), z.minLength(1, "must not be empty"));

  const municipalityRow = z.object({
    code: z.string().check(z.regex(CODE, "must be a 3-digit code like 101")),
    name: nonEmpty,
    region: z.enum(REGION_CODES as [RegionCode, ...RegionCode[]], {
      error: `must be one of ${REGION_CODES.join(", ")}`,
    }),
    aliases: z.string(),
    source: nonEmpty,
  });

  const optionalDate = z
    .string()
    .check(
      z.refine<string>(
        (s) => s === "" || ISO_DATE.test(s),
        "must be empty or an ISO date like 2022-01-01",
      ),
    );

  const jobcentreFields = z.object({
    id: z
      .string()
      .check(z.regex(/^\d{3}(-\d{3})*$/, "must be member codes joined by '-', like 561-563")),
    name: nonEmpty,
    municipalities: z
      .string()
      .check(z.regex(/^\d{3}(\|\d{3})*$/, "must be 3-digit codes separated by '|', lead first")),
    valid_from: optionalDate,
    valid_to: optionalDate,
    source: nonEmpty,
  });
  type JobcentreFields = z.output<typeof jobcentreFields>;

  const jobcentreRow = jobcentreFields.check(
    z.refine<JobcentreFields>((r) => r.id === r.municipalities.replaceAll("|", "-"), {
      message: "id must be the member codes joined by '-' in the same order",
      path: ["id"],
    }),
    z.refine<JobcentreFields>(
      (r) => r.valid_from === "" || r.valid_to === "" || r.valid_from <= r.valid_to,
      { message: "valid_from must not be after valid_to", path: ["valid_to"] },
    ),
  );

  const groupsFile = z.object({
    groups: z.array(
      z.discriminatedUnion("kind", [
        z.strictObject({
          kind: z.literal("region"),
          id: z.enum(REGION_CODES as [RegionCode, ...RegionCode[]]),
          name: nonEmpty,
          aliases: z._default(z.array(nonEmpty), []),
          source: nonEmpty,
        }),
        z.strictObject({
          kind: z.literal("cooperation"),
          id: z
            .string()
            .check(z.regex(/^[a-z][a-z0-9-]*$/, "must be a lower-case slug like trekant")),
          name: nonEmpty,
          aliases: z._default(z.array(nonEmpty), []),
          municipalities: z
            .array(z.string().check(z.regex(CODE, "must be a 3-digit code")))
            .check(z.minLength(1)),
          source: nonEmpty,
        }),
      ]),
    ),
  });
  return { municipalityRow, jobcentreRow, groupsFile };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;
/** The schemas, built on the first call. */
export const registrySchemas = () => {
  schemas ??= buildSchemas();
  return schemas;
};
