import { useCallback, useMemo, useState } from "react";
import semver from "semver";
import type { HostError, OpenedAs, WorkbookHost } from "../../addin/host/host.types.js";
import { upgradeRefusal, type UpgradeRefusal } from "../../addin/model/template.version.js";
import type { InputIssue } from "../../addin/model/template.types.js";
import type { UpgradeSummary } from "../../addin/host/host.outcomes.js";
import { callHost, unknownError } from "../host/host.context.js";
import { fileNamePart } from "../host/file.name.js";
import type { TemplateEntry } from "../templates/templates.state.js";

/** State of the Upgrade screen. */
export interface UpgradeState {
  /** The workbook's template, from its status; null without a grid. */
  current: { id: string; version: string } | null;
  /** Templates the user may apply: the same template's newer versions first, then the others. */
  candidates: TemplateEntry[];
  chosen: TemplateEntry | null;
  choose(key: string): void;
  /** Why the chosen template needs forcing; null when it may be applied. */
  refusal: UpgradeRefusal | null;
  force: boolean;
  setForce(value: boolean): void;
  phase: "idle" | "upgrading";
  done: { summary: UpgradeSummary; as: OpenedAs; name: string } | null;
  issues: InputIssue[] | null;
  error: HostError | null;
  run(): Promise<void>;
}

/** A file name for the upgraded workbook: the template's id and new version. */
export function upgradedFileName(id: string, version: string): string {
  return `${fileNamePart(id) || "qualigrid"}-${fileNamePart(version) || "new"}.xlsx`;
}

/** Newest first, versions that are not semver last. */
function byVersionDesc(a: TemplateEntry, b: TemplateEntry): number {
  const v = (e: TemplateEntry): string | null => semver.valid(semver.coerce(e.template.version));
  const [x, y] = [v(a), v(b)];
  if (x && y) return semver.rcompare(x, y);
  return x ? -1 : y ? 1 : 0;
}

/**
 * Applies a new version of the workbook's template on a copy of the workbook (`host.upgrade`) with
 * the same code as `qualigrid upgrade`, then opens the result (Excel: a new workbook; the workbench: in
 * place of the old one, and `onReplaced` is called). The open workbook is never changed, so nothing
 * can be lost.
 */
export function useUpgrade(
  host: WorkbookHost,
  current: { id: string; version: string } | null,
  entries: readonly TemplateEntry[],
  thisWorkbook: string,
  onReplaced: () => void = () => undefined,
): UpgradeState {
  const candidates = useMemo(() => {
    if (!current) return [];
    // The same template in a higher version, or one that declares it `replaces` the workbook's.
    const same = entries.filter((e) => upgradeRefusal(current, e.template) === null);
    const others = entries.filter((e) => !same.includes(e));
    return [...[...same].sort(byVersionDesc), ...others];
  }, [entries, current]);
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const [force, setForce] = useState(false);
  const [phase, setPhase] = useState<UpgradeState["phase"]>("idle");
  const [done, setDone] = useState<UpgradeState["done"]>(null);
  const [issues, setIssues] = useState<InputIssue[] | null>(null);
  const [error, setError] = useState<HostError | null>(null);
  // The newest version of the same template is proposed until the user picks another.
  const proposed = candidates[0] && current && upgradeRefusal(current, candidates[0].template) === null ? candidates[0] : null;
  const chosen = candidates.find((e) => e.key === chosenKey) ?? proposed;
  const refusal = chosen && current ? upgradeRefusal(current, chosen.template) : null;

  const run = useCallback(async () => {
    if (!chosen || (refusal && !force) || phase === "upgrading") return;
    setPhase("upgrading");
    setError(null);
    setIssues(null);
    setDone(null);
    try {
      const name = upgradedFileName(chosen.template.id, chosen.template.version);
      const upgraded = await callHost(() => host.upgrade(chosen.template, { name, file: thisWorkbook }));
      if (!upgraded.ok) {
        setError(upgraded.error);
        return;
      }
      const made = upgraded.value;
      if (!made.ok) {
        setIssues(made.issues);
        return;
      }
      setDone({ summary: made.value.summary, as: made.value.opened, name });
      if (made.value.opened === "replaced") onReplaced();
    } catch (e) {
      setError(unknownError(e));
    } finally {
      setPhase("idle");
    }
  }, [host, chosen, refusal, force, phase, thisWorkbook, onReplaced]);

  return {
    current,
    candidates,
    chosen,
    choose: (key) => {
      setChosenKey(key);
      setForce(false);
    },
    refusal,
    force,
    setForce,
    phase,
    done,
    issues,
    error,
    run,
  };
}
