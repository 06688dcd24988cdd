import { useCallback, useRef, useState } from "react";
import type { HostError, WorkbookHost } from "../../addin/host/host.types.js";
import type { InputIssue, Lang } from "../../addin/model/template.types.js";
import type { Finding } from "../../addin/workbook/workbook.check.js";
import type { FormulaRepair } from "../../addin/workbook/formula.check.js";
import type { SealReceipt, SealStatus } from "../../addin/workbook/seal.check.js";
import { callHost } from "../host/host.context.js";

/** State of the Check screen. */
export interface CheckState {
  phase: "idle" | "checking" | "done" | "repairing" | "sealing";
  /** The workbook's seal as the last check found it (intact or not); null when not sealed or not checked. */
  seal: SealStatus | null;
  /** The reviewer's name typed for « Sceller la revue ». */
  reviewer: string;
  setReviewer(value: string): void;
  /** The receipt of the seal just made, with its file name and a download address. */
  sealed: { receipt: SealReceipt; file: string; url: string } | null;
  sealReview(): Promise<void>;
  /** What the last check found; null before the first one or when it could not run. */
  findings: Finding[] | null;
  /** The formula cells a repair would rewrite. */
  repairs: FormulaRepair[];
  /** Why the workbook could not be read as a Qualigrid workbook (names the sheet and cell, or the table). */
  issues: InputIssue[] | null;
  error: HostError | null;
  /** How many formulas the last repair restored. */
  repaired: number | null;
  /** The organization's storage domains, as typed (comma-separated). */
  domains: string;
  setDomains(value: string): void;
  run(): Promise<void>;
  repair(): Promise<void>;
}

/** The domains typed in the field: split on commas, semicolons and spaces, blanks dropped. */
export function parseDomains(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((d) => d.trim())
    .filter((d) => d !== "");
}

/**
 * Checks the open workbook without changing it (`host.check`), with the same code as `qualigrid check`;
 * a repair writes only the formula cells the check found altered or deleted, then checks again.
 */
export function useCheck(host: WorkbookHost, lang: Lang, thisWorkbook: string): CheckState {
  const [phase, setPhase] = useState<CheckState["phase"]>("idle");
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [repairs, setRepairs] = useState<FormulaRepair[]>([]);
  const [issues, setIssues] = useState<InputIssue[] | null>(null);
  const [error, setError] = useState<HostError | null>(null);
  const [repaired, setRepaired] = useState<number | null>(null);
  const [domains, setDomains] = useState("");
  const [seal, setSeal] = useState<SealStatus | null>(null);
  const [reviewer, setReviewer] = useState("");
  const [sealed, setSealed] = useState<CheckState["sealed"]>(null);
  const busy = useRef(false);

  const inspect = useCallback(async (): Promise<void> => {
    const checked = await callHost(() => host.check({ lang, orgDomains: parseDomains(domains), file: thisWorkbook }));
    if (!checked.ok) {
      setError(checked.error);
      setFindings(null);
      setRepairs([]);
      return;
    }
    const inspected = checked.value;
    if (!inspected.ok) {
      setIssues(inspected.issues);
      setFindings(null);
      setRepairs([]);
      return;
    }
    setIssues(null);
    setFindings(inspected.value.findings);
    setRepairs(inspected.value.repairs);
    setSeal(inspected.value.seal ?? null);
  }, [host, lang, thisWorkbook, domains]);

  const run = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setPhase("checking");
    setError(null);
    setRepaired(null);
    try {
      await inspect();
    } finally {
      busy.current = false;
      setPhase("done");
    }
  }, [inspect]);

  const repair = useCallback(async () => {
    if (busy.current || repairs.length === 0) return;
    busy.current = true;
    setPhase("repairing");
    setError(null);
    try {
      const written = await callHost(() => host.writeFormulas(repairs.map((r) => ({ sheet: r.where.sheet, address: r.where.address, formula: r.formula }))));
      if (!written.ok) {
        setError(written.error);
        return;
      }
      setRepaired(written.value);
      // Checked again, so what is shown is what the workbook now holds.
      await inspect();
    } finally {
      busy.current = false;
      setPhase("done");
    }
  }, [host, repairs, inspect]);

  const sealReview = useCallback(async () => {
    if (busy.current || reviewer.trim() === "") return;
    busy.current = true;
    setPhase("sealing");
    setError(null);
    try {
      const made = await callHost(() => host.seal(reviewer, thisWorkbook));
      if (!made.ok) {
        setError(made.error);
        return;
      }
      if (!made.value.ok) {
        setIssues(made.value.issues);
        return;
      }
      const receipt = made.value.value;
      const file = `${receipt.file.replace(/\.xlsx$/i, "").replace(/[\\/:*?"<>|]+/g, "-") || "revue"}.sceau.json`;
      // A data address: nothing to revoke, and small (a receipt is a few hundred bytes).
      const url = `data:application/json;charset=utf-8,${encodeURIComponent(`${JSON.stringify(receipt, null, 2)}\n`)}`;
      setSealed({ receipt, file, url });
      // Checked again: the seal now reads « intact ».
      await inspect();
    } finally {
      busy.current = false;
      setPhase("done");
    }
  }, [host, reviewer, thisWorkbook, inspect]);

  return { phase, findings, repairs, issues, error, repaired, domains, setDomains, run, repair, seal, reviewer, setReviewer, sealed, sealReview };
}
