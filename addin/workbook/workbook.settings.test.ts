import { describe, expect, it } from "vitest";
import { issueText } from "../model/messages/message.catalog.js";
import { DEFAULT_WORKBOOK_SETTINGS } from "../model/settings.js";
import type { PlainValue } from "../model/table.plain.js";
import { SETTING_NAMES } from "../plan/names.js";
import { READ_NAMES } from "./workbook.read.js";
import { settingsOfNames } from "./workbook.settings.js";

const names = (values: Partial<Record<keyof typeof SETTING_NAMES, PlainValue>>): Map<string, PlainValue> =>
  new Map(Object.entries(values).map(([k, v]) => [SETTING_NAMES[k as keyof typeof SETTING_NAMES].toLowerCase(), v]));

describe("settingsOfNames", () => {
  it("is collected by every reader", () => {
    for (const n of Object.values(SETTING_NAMES)) expect(READ_NAMES).toContain(n);
  });

  it("gives no settings, silently, for a workbook made before them (no names), and the defaults for blank cells", () => {
    expect(settingsOfNames(new Map(), "f.xlsx")).toEqual({ settings: undefined, warnings: [] });
    expect(settingsOfNames(names({ organization: null }), "f.xlsx")).toEqual({ settings: DEFAULT_WORKBOOK_SETTINGS, warnings: [] });
    expect(settingsOfNames(names({ organization: null, completionThreshold: null, consolidation: "  " }), "f.xlsx").warnings).toEqual([]);
  });

  it("reads every setting in either language, the date from a date cell or a day number", () => {
    const fr = settingsOfNames(
      names({ organization: " Centre Entraide ", assessmentDate: new Date(Date.UTC(2025, 2, 31, 12)), completionThreshold: 0.6, consolidation: "Médiane", spreadThreshold: 1.5, agreementTolerance: 0, showOthers: "Oui" }),
      "f.xlsx",
    );
    expect(fr).toEqual({
      settings: { organization: "Centre Entraide", assessmentDate: new Date(Date.UTC(2025, 2, 31)), completionThreshold: 0.6, consolidation: "median", spreadThreshold: 1.5, agreementTolerance: 0, showOthers: true },
      warnings: [],
    });
    const en = settingsOfNames(names({ assessmentDate: 45747, consolidation: "mean", showOthers: "No" }), "f.xlsx").settings;
    expect([en?.assessmentDate, en?.consolidation, en?.showOthers]).toEqual([new Date(Date.UTC(2025, 2, 31)), "mean", false]);
  });

  it("takes the default for a value the cell may not hold, as the formulas do, with a warning naming the setting", () => {
    const r = settingsOfNames(names({ completionThreshold: "beaucoup", assessmentDate: "2025-03-31", consolidation: "mode" }), "f.xlsx");
    expect(r.settings).toEqual(DEFAULT_WORKBOOK_SETTINGS);
    expect(r.warnings.map((w) => [w.path, w.severity])).toEqual([
      ["f.xlsx: QG_AssessmentDate", "warning"],
      ["f.xlsx: QG_CompletionThreshold", "warning"],
      ["f.xlsx: QG_Consolidation", "warning"],
    ]);
    expect(issueText(r.warnings[1] ?? { path: "", message: "", severity: "warning" }, "fr")).toContain("« seuil de complétude » (QG_CompletionThreshold) vaut « beaucoup »");
    expect(issueText(r.warnings[0] ?? { path: "", message: "", severity: "warning" }, "fr")).toContain("date du jour");
  });
});
