import type { Lang } from "../model/template.types.js";
import type { CliIo } from "./cli.io.js";

/** The environment variables that name the system locale (`process.env`, or a test's own). */
export type LocaleEnv = Readonly<Record<string, string | undefined>>;

const isLang = (s: string | undefined): s is Lang => s === "fr" || s === "en";

/**
 * The system locale's language: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set decides
 * (`fr*` is French, anything else English, `C` included). With none set — Windows sets none —
 * the locale the runtime reports (`intlLocale`, by default Intl's) decides the same way.
 */
export function localeLang(env: LocaleEnv, intlLocale: string = Intl.DateTimeFormat().resolvedOptions().locale): Lang {
  const named = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "");
  return /^fr(?![a-z])/i.test(named ?? intlLocale) ? "fr" : "en";
}

/**
 * The language the command line speaks: `--lang` when given, else the workbook's for a command
 * that opens one, else the system locale's.
 */
export function cliLang(o: { given?: Lang; workbook?: Lang; env: LocaleEnv; intlLocale?: string }): Lang {
  return o.given ?? o.workbook ?? localeLang(o.env, o.intlLocale);
}

/**
 * The `--lang` of a command line, read before commander parses it (so `--help` is worded in it):
 * `--lang fr` or `--lang=fr`, the last one winning; undefined when absent or not fr/en.
 */
export function langInArgv(argv: readonly string[]): Lang | undefined {
  let found: Lang | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    const value = a === "--lang" ? argv[i + 1] : a?.startsWith("--lang=") ? a.slice("--lang=".length) : undefined;
    if (isLang(value)) found = value;
  }
  return found;
}

/**
 * Where a command writes, and the language it speaks: `--lang`, else the system locale's until a
 * workbook is opened, then that workbook's (`workbookOpened`).
 */
export class Cli implements CliIo {
  /** The language spoken now. */
  lang: Lang;

  constructor(
    private readonly io: CliIo,
    /** The language `--lang` gave, which no workbook overrides. */
    readonly given: Lang | undefined,
    private readonly env: LocaleEnv,
  ) {
    this.lang = cliLang({ given, env });
  }

  /** Writes a line to standard output. */
  out(text: string): void {
    this.io.out(text);
  }

  /** Writes a line to standard error. */
  err(text: string): void {
    this.io.err(text);
  }

  /** Speaks the language of the workbook just opened, unless `--lang` said otherwise. */
  workbookOpened(workbook: Lang): void {
    this.lang = cliLang({ given: this.given, workbook, env: this.env });
  }
}

/** The language `io` speaks: a `Cli`'s, else English (the language of logs and scripts). */
export function langOf(io: CliIo): Lang {
  return io instanceof Cli ? io.lang : "en";
}
