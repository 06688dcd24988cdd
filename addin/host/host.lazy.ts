import type { Lang } from "../model/template.types.js";
import { EMPTY_FILE_STATE, loadFileHost, type FileHostLoader, type FileHostOptions, type FileHostState, type WorkbenchHost } from "./host.file.js";
import type { HostResult, WorkbookHost } from "./host.types.js";
import { missingCoreTable } from "./host.workbook.js";

/** The host methods that act on the workbook and answer with a `HostResult`. */
type HostAction = {
  [K in keyof WorkbookHost]: WorkbookHost[K] extends (...args: never[]) => Promise<HostResult<unknown>> ? K : never;
}[keyof WorkbookHost];

/**
 * The browser workbench's host, light enough for its first screen: until a workbook is needed it
 * answers for the empty workbook it starts with (no grid, nothing to read or download) without
 * exceljs; the first action that needs one (a file opened, a grid generated, a snapshot…) loads
 * the file host (`loadFileHost`) and every action is delegated to it from then on. Actions run one
 * at a time, in the order they were asked, loading included; `current()` follows the file host's
 * state, its `generation` counting the new workbooks started before it was loaded.
 */
export class LazyFileHost implements WorkbenchHost {
  readonly kind = "file" as const;
  private host: WorkbenchHost | null = null;
  private loading: Promise<WorkbenchHost> | null = null;
  private state: FileHostState = EMPTY_FILE_STATE;
  /** New workbooks started before the file host was loaded: its generations count on from them. */
  private generations = 0;
  private readonly listeners = new Set<(s: FileHostState) => void>();
  private readonly selection = new Set<(criterionId: string) => void>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly options: FileHostOptions,
    private readonly load: FileHostLoader = loadFileHost,
  ) {}

  /** Whether the file host (exceljs) has been loaded. */
  get loaded(): boolean {
    return this.host !== null;
  }

  current(): FileHostState {
    return this.state;
  }

  subscribe(listener: (s: FileHostState) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  newWorkbook(): Promise<void> {
    return this.serial(async () => {
      if (this.host) return this.host.newWorkbook();
      // The workbook is still the empty one it started with: a new one only starts the screens afresh.
      this.generations++;
      this.setState({ ...EMPTY_FILE_STATE, generation: this.generations });
    });
  }

  openFile(bytes: Uint8Array, name: string): ReturnType<WorkbenchHost["openFile"]> {
    return this.serial(async () => (await this.fileHost()).openFile(bytes, name));
  }

  download(): ReturnType<WorkbenchHost["download"]> {
    return this.serial(async () => (await this.fileHost()).download());
  }

  displayLanguage(): Lang {
    return this.options.lang;
  }

  prefersDark(): boolean {
    return this.options.dark ?? false;
  }

  status(): ReturnType<WorkbookHost["status"]> {
    return this.serial(async () => (this.host ? this.host.status() : { ok: true, value: { hasGrid: false, template: null, clashes: [] } }));
  }

  read(): ReturnType<WorkbookHost["read"]> {
    return this.serial(async () => {
      // The empty workbook has none of Qualigrid's tables: the answer every host gives then.
      const missing = this.host ? null : missingCoreTable(() => false);
      return missing ? { ok: false, error: missing } : (await this.fileHost()).read();
    });
  }

  /** Calls `listener` when the file host reports a selected grid row (it never does: nothing is selected in the workbench). */
  onCriterionSelected(listener: (criterionId: string) => void): () => void {
    this.selection.add(listener);
    return () => void this.selection.delete(listener);
  }

  generate = (...args: Parameters<WorkbookHost["generate"]>) => this.delegate("generate", args);
  setAnswer = (...args: Parameters<WorkbookHost["setAnswer"]>) => this.delegate("setAnswer", args);
  selectCriterion = (...args: Parameters<WorkbookHost["selectCriterion"]>) => this.delegate("selectCriterion", args);
  appendActions = (...args: Parameters<WorkbookHost["appendActions"]>) => this.delegate("appendActions", args);
  insertFormula = (...args: Parameters<WorkbookHost["insertFormula"]>) => this.delegate("insertFormula", args);
  snapshot = (...args: Parameters<WorkbookHost["snapshot"]>) => this.delegate("snapshot", args);
  writeFormulas = (...args: Parameters<WorkbookHost["writeFormulas"]>) => this.delegate("writeFormulas", args);
  openWorkbook = (...args: Parameters<WorkbookHost["openWorkbook"]>) => this.delegate("openWorkbook", args);
  check = (...args: Parameters<WorkbookHost["check"]>) => this.delegate("check", args);
  seal = (...args: Parameters<WorkbookHost["seal"]>) => this.delegate("seal", args);
  templateFromWorkbook = (...args: Parameters<WorkbookHost["templateFromWorkbook"]>) => this.delegate("templateFromWorkbook", args);
  openGridWorkbook = (...args: Parameters<WorkbookHost["openGridWorkbook"]>) => this.delegate("openGridWorkbook", args);
  upgrade = (...args: Parameters<WorkbookHost["upgrade"]>) => this.delegate("upgrade", args);
  closeRound = (...args: Parameters<WorkbookHost["closeRound"]>) => this.delegate("closeRound", args);
  importSurvey = (...args: Parameters<WorkbookHost["importSurvey"]>) => this.delegate("importSurvey", args);
  addRespondent = (...args: Parameters<WorkbookHost["addRespondent"]>) => this.delegate("addRespondent", args);
  setAgreed = (...args: Parameters<WorkbookHost["setAgreed"]>) => this.delegate("setAgreed", args);
  importAnswers = (...args: Parameters<WorkbookHost["importAnswers"]>) => this.delegate("importAnswers", args);
  makeCopies = (...args: Parameters<WorkbookHost["makeCopies"]>) => this.delegate("makeCopies", args);
  criterionContext = (...args: Parameters<WorkbookHost["criterionContext"]>) => this.delegate("criterionContext", args);
  setEvaluatorAnswer = (...args: Parameters<WorkbookHost["setEvaluatorAnswer"]>) => this.delegate("setEvaluatorAnswer", args);
  setEvidenceReview = (...args: Parameters<WorkbookHost["setEvidenceReview"]>) => this.delegate("setEvidenceReview", args);
  addRecommendation = (...args: Parameters<WorkbookHost["addRecommendation"]>) => this.delegate("addRecommendation", args);
  setProtectionMode = (...args: Parameters<WorkbookHost["setProtectionMode"]>) => this.delegate("setProtectionMode", args);

  /**
   * Runs `method` on the file host, loaded first if need be. A file host that cannot be loaded (the
   * chunk failed to download) is an `unknown` failure, and the next action tries again.
   */
  private delegate<K extends HostAction>(method: K, args: Parameters<WorkbookHost[K]>): ReturnType<WorkbookHost[K]> {
    return this.serial(async () => {
      let host: WorkbenchHost;
      try {
        host = await this.fileHost();
      } catch (e) {
        return { ok: false, error: { code: "unknown", detail: e instanceof Error ? e.message : String(e) } };
      }
      return (host[method] as (...a: Parameters<WorkbookHost[K]>) => ReturnType<WorkbookHost[K]>).apply(host, args);
    }) as ReturnType<WorkbookHost[K]>;
  }

  /** The file host, loaded on the first call; a failed load is retried by the next call. */
  private fileHost(): Promise<WorkbenchHost> {
    if (this.host) return Promise.resolve(this.host);
    this.loading ??= this.load(this.options).then(
      (host) => {
        this.host = host;
        // It starts on an empty workbook, as this host did: only the generations done here carry over.
        const offset = this.generations;
        host.subscribe((s) => this.setState({ ...s, generation: s.generation + offset }));
        host.onCriterionSelected((id) => {
          for (const l of [...this.selection]) l(id);
        });
        return host;
      },
      (e: unknown) => {
        this.loading = null;
        throw e;
      },
    );
    return this.loading;
  }

  private setState(state: FileHostState): void {
    this.state = state;
    for (const l of [...this.listeners]) l(this.state);
  }

  /** Runs `action` after every action before it: the workbook is never changed by two at once. */
  private serial<T>(action: () => Promise<T>): Promise<T> {
    const run = this.queue.then(action, action);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
