import { describe, expect, it } from "vitest";
import { serialOfDay } from "../model/date.serial.js";
import { templateActionDates } from "./actions.dates.js";

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const HEADERS = ["Code", "Critère", "Action", "Début", "Échéance", "Source"];
const TEMPLATE = { actions: [{ id: "M1", text: "a", startOffsetDays: 0, dueOffsetDays: 60 }, { id: "M2", text: "b", dueOffsetDays: 30 }] };

describe("the template's actions dated from the assessment date", () => {
  it("dates blank start and due cells of the template's rows from the new date plus their offsets", () => {
    const rows = [
      ["M1", "C1", "a", null, null, "Modèle"],
      ["M2", "C2", "b", null, null, "Modèle"],
    ];
    const to = day("2027-01-15");
    expect(templateActionDates(TEMPLATE, HEADERS, rows, null, to)).toEqual([
      { row: 0, col: 3, serial: serialOfDay(to) },
      { row: 0, col: 4, serial: serialOfDay(to) + 60 },
      { row: 1, col: 4, serial: serialOfDay(to) + 30 },
    ]);
  });

  it("moves a date nobody changed and leaves one a person changed", () => {
    const from = day("2027-01-15");
    const to = day("2027-02-01");
    const rows = [["M1", "C1", "a", serialOfDay(from), serialOfDay(from) + 75, "Modèle"]];
    expect(templateActionDates(TEMPLATE, HEADERS, rows, from, to)).toEqual([{ row: 0, col: 3, serial: serialOfDay(to) }]);
  });

  it("never touches a row of another source, an unknown id, or anything when the date is cleared", () => {
    const rows = [
      ["M1", "C1", "a", null, null, "Autoévaluation"],
      ["A-001", "C1", "a", null, null, "Modèle"],
    ];
    expect(templateActionDates(TEMPLATE, HEADERS, rows, null, day("2027-01-15"))).toEqual([]);
    expect(templateActionDates(TEMPLATE, HEADERS, [["M1", "", "", null, null, "Modèle"]], day("2027-01-15"), null)).toEqual([]);
  });
});
