/**
 * Diagnostic codes the readers and `validateRows` emit. Stable: tests, the CLI and users'
 * scripts match on them. Each is described in src/read/README.md.
 */
export const ReadCode = {
  FileNotFound: "E_FILE_NOT_FOUND",
  NotAFile: "E_NOT_A_FILE",
  FileUnreadable: "E_FILE_UNREADABLE",
  FileTooLarge: "E_FILE_TOO_LARGE",
  Empty: "E_EMPTY",
  Binary: "E_BINARY",
  NoRows: "E_NO_ROWS",
  RaggedRow: "E_RAGGED_ROW",
  CsvSyntax: "E_CSV_SYNTAX",
  CsvUnclosedQuote: "E_CSV_UNCLOSED_QUOTE",
  FieldTooLarge: "E_FIELD_TOO_LARGE",
  RecordTooLarge: "E_RECORD_TOO_LARGE",
  DecimalMarkMixed: "E_DECIMAL_MARK_MIXED",
  DecimalMarkAmbiguous: "E_DECIMAL_MARK_AMBIGUOUS",
  Json: "E_JSON",
  JsonShape: "E_JSON_SHAPE",
  JsonNested: "E_JSON_NESTED",
  StatBankShape: "E_STATBANK_SHAPE",
  MissingColumn: "E_MISSING_COLUMN",
  UnknownColumn: "E_UNKNOWN_COLUMN",
  DuplicateColumn: "E_DUPLICATE_COLUMN",
  NotANumber: "E_NOT_A_NUMBER",
  NegativeCount: "E_NEGATIVE_COUNT",
  BadPeriod: "E_BAD_PERIOD",
  MissingValue: "E_MISSING_VALUE",
  /** A warning: title, footnote or empty lines skipped (the file is read). */
  SkippedLines: "W_SKIPPED_LINES",
  /** The line above the data has fewer fields than the rows: a title line, or a short header? */
  TitleLine: "E_TITLE_LINE",
} as const;

export type ReadCode = (typeof ReadCode)[keyof typeof ReadCode];
