import { useCallback, useEffect, useRef, useState } from "react";
import type { HostError, HostResult, WorkbookHost } from "../../addin/host/host.types.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { callHost } from "../host/host.context.js";
import type { FunctionId } from "./functions.catalog.js";
import { exampleSourceOfTemplate, exampleSourceOfWorkbook, functionExample, type ExampleSource } from "./functions.examples.js";

/** The outcome of the last insertion: the cell written to, or why not. */
export interface InsertOutcome {
  id: FunctionId;
  result: HostResult<string>;
}

/** State of the Functions screen. */
export interface FunctionsState {
  phase: "loading" | "ready";
  /** What the examples are made from: the workbook read back, or the fallback template without a grid. */
  source: ExampleSource;
  /** The workbook holds no grid: the examples cannot be inserted. */
  noGrid: boolean;
  /** Reading the workbook failed otherwise; the examples fall back to the user's language. */
  readError: HostError | null;
  /** The function whose example is being inserted. */
  inserting: FunctionId | null;
  outcome: InsertOutcome | null;
  refresh(): Promise<void>;
  /** Writes the invariant form of the function's example into the active cell. */
  insert(id: FunctionId): Promise<void>;
}

/**
 * Reads the workbook when the screen opens and on `refresh()`, for the examples' headers, scale
 * and first dimension; without a grid, the examples are those of `fallback` in the user's language.
 */
export function useFunctions(host: WorkbookHost, fallback: Template | null, ui: Lang): FunctionsState {
  const [phase, setPhase] = useState<FunctionsState["phase"]>("loading");
  const [source, setSource] = useState<ExampleSource>(() => exampleSourceOfTemplate(fallback, ui));
  const [noGrid, setNoGrid] = useState(false);
  const [readError, setReadError] = useState<HostError | null>(null);
  const [inserting, setInserting] = useState<FunctionId | null>(null);
  const [outcome, setOutcome] = useState<InsertOutcome | null>(null);
  const live = useRef(true);

  const refresh = useCallback(async () => {
    setPhase("loading");
    const r = await callHost(() => host.read());
    if (!live.current) return;
    setSource(r.ok ? exampleSourceOfWorkbook(r.value) : exampleSourceOfTemplate(fallback, ui));
    setNoGrid(!r.ok && r.error.code === "noGrid");
    setReadError(!r.ok && r.error.code !== "noGrid" ? r.error : null);
    setOutcome(null);
    setPhase("ready");
  }, [host, fallback, ui]);

  useEffect(() => {
    live.current = true;
    void refresh();
    return () => {
      live.current = false;
    };
  }, [refresh]);

  const insert = useCallback(
    async (id: FunctionId) => {
      setInserting(id);
      setOutcome(null);
      const formula = functionExample(id, source, ui).invariant;
      const result = await callHost(() => host.insertFormula(formula));
      if (!live.current) return;
      setOutcome({ id, result });
      setInserting(null);
    },
    [host, source, ui],
  );

  return { phase, source, noGrid, readError, inserting, outcome, refresh, insert };
}
