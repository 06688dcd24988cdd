import type { Lang, Result, Template } from "../model/template.types.js";
import type { TemplateFound, WorkbookCheck } from "./host.outcomes.js";
import type { SnapshotServices, SnapshotServicesLoader } from "./host.services.js";
import type { RoundCloseOptions } from "../model/history.types.js";
import type { SurveyImportOptions } from "../model/survey.types.js";
import type { CheckOptions, HostResult, MadeWorkbookNames, OpenedAs, RoundCloseOutcome, SurveyImportOutcome, UpgradeOptions, UpgradeOutcome, WorkbookHost } from "./host.types.js";

/** What a host must do itself for `snapshotActions` to do the rest: give its bytes, open new ones. */
export type SnapshotSource = Pick<WorkbookHost, "snapshot" | "openWorkbook">;

/** The host actions done on a copy of the workbook. */
export type SnapshotActions = Pick<WorkbookHost, "check" | "templateFromWorkbook" | "openGridWorkbook" | "upgrade" | "closeRound" | "importSurvey">;

/**
 * Check, template reading, a template's grid and upgrade for a host that has no exceljs of its own
 * (Excel): on the bytes of `source.snapshot()`, with the snapshot services `load` gives (loaded on
 * the first use only), and what they make opened with `source.openWorkbook`. The snapshot is taken
 * before the services are loaded, as a copy of the workbook as it is when the user asked. A failure
 * to load the services, or one they throw, is an `unknown` failure, never thrown.
 */
export function snapshotActions(source: SnapshotSource, load: SnapshotServicesLoader): SnapshotActions {
  async function withServices<T>(work: (services: SnapshotServices) => Promise<T>): Promise<HostResult<T>> {
    try {
      return { ok: true, value: await work(await load()) };
    } catch (e) {
      return { ok: false, error: { code: "unknown", detail: e instanceof Error ? e.message : String(e) } };
    }
  }

  return {
    async check({ lang, orgDomains, file }: CheckOptions): Promise<HostResult<Result<WorkbookCheck>>> {
      const bytes = await source.snapshot();
      if (!bytes.ok) return bytes;
      return withServices((s) => s.checkSnapshot(bytes.value, file, lang, orgDomains));
    },

    async templateFromWorkbook(file: string): Promise<HostResult<Result<TemplateFound>>> {
      const bytes = await source.snapshot();
      if (!bytes.ok) return bytes;
      return withServices((s) => s.templateFromSnapshot(bytes.value, file));
    },

    async openGridWorkbook(template: Template, lang: Lang, name: string): Promise<HostResult<OpenedAs>> {
      const bytes = await withServices((s) => s.gridWorkbookBytes(template, lang));
      if (!bytes.ok) return bytes;
      return source.openWorkbook(bytes.value, name);
    },

    async upgrade(next: Template, { name, file }: UpgradeOptions): Promise<HostResult<Result<UpgradeOutcome>>> {
      const bytes = await source.snapshot();
      if (!bytes.ok) return bytes;
      const upgraded = await withServices((s) => s.upgradeSnapshot(bytes.value, file, next));
      if (!upgraded.ok) return upgraded;
      const made = upgraded.value;
      if (!made.ok) return { ok: true, value: made };
      const opened = await source.openWorkbook(made.value.bytes, name);
      if (!opened.ok) return opened;
      return { ok: true, value: { ok: true, value: { summary: made.value.summary, opened: opened.value }, warnings: made.warnings } };
    },

    async closeRound(options: RoundCloseOptions, { name, file }: MadeWorkbookNames): Promise<HostResult<Result<RoundCloseOutcome>>> {
      const bytes = await source.snapshot();
      if (!bytes.ok) return bytes;
      const closed = await withServices((s) => s.closeRoundSnapshot(bytes.value, file, options));
      if (!closed.ok) return closed;
      const made = closed.value;
      if (!made.ok) return { ok: true, value: made };
      const opened = await source.openWorkbook(made.value.bytes, name);
      if (!opened.ok) return opened;
      return { ok: true, value: { ok: true, value: { round: made.value.round, opened: opened.value }, warnings: made.warnings } };
    },

    async importSurvey(survey: Uint8Array, sourceFile: string, options: SurveyImportOptions, { name, file }: MadeWorkbookNames): Promise<HostResult<Result<SurveyImportOutcome>>> {
      const bytes = await source.snapshot();
      if (!bytes.ok) return bytes;
      const imported = await withServices((s) => s.importSurveySnapshot(bytes.value, file, survey, sourceFile, options));
      if (!imported.ok) return imported;
      const made = imported.value;
      if (!made.ok) return { ok: true, value: made };
      const opened = await source.openWorkbook(made.value.bytes, name);
      if (!opened.ok) return opened;
      return { ok: true, value: { ok: true, value: { survey: made.value.survey, evidenceRows: made.value.evidenceRows, opened: opened.value }, warnings: made.warnings } };
    },
  };
}
