/**
 * The one rule for comparing column names: case, Danish letters, accents and word
 * separators do not matter, so `Aktiverede fuldtid`, `aktiverede_fuldtid` and
 * `AKTIVEREDE-FULDTID` are the same column, and so are `OMRÅDE` and `omraade`.
 *
 * @example normalizeColumnName("Ledighedsforløb_afsluttede") // "ledighedsforloebafsluttede"
 */
export function normalizeColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s_-]+/g, "");
}
