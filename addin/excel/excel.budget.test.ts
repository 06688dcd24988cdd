import { describe, expect, it } from "vitest";
import { RequestBudget } from "./excel.budget.js";
import { jsonBytes, utf8Length } from "./excel.size.js";
import { columnWidthPoints, inchesToPoints } from "./excel.units.js";

describe("RequestBudget", () => {
  it("sends nothing until a write would pass the limit", async () => {
    let syncs = 0;
    const b = new RequestBudget({ sync: async () => void syncs++ }, 100);
    await b.reserve(60);
    await b.reserve(40);
    expect(syncs).toBe(0);
    await b.reserve(1);
    expect(syncs).toBe(1);
    expect(b.sent).toEqual([100]);
    expect(b.queued).toBe(1);
  });

  it("opens every request with its start commands, and tells each one sent", async () => {
    const sent: number[] = [];
    const b = new RequestBudget({ sync: async () => undefined }, 100, { onStart: () => 10, onSent: (n) => sent.push(n) });
    await b.reserve(50);
    await b.reserve(50);
    await b.send();
    expect(sent).toEqual([60, 60]);
  });

  it("lets a single write larger than the limit through alone", async () => {
    const b = new RequestBudget({ sync: async () => undefined }, 100);
    await b.reserve(10);
    await b.reserve(500);
    expect(b.sent).toEqual([10]);
    expect(b.queued).toBe(500);
  });
});

describe("sizes", () => {
  it("counts UTF-8 bytes as a request carries them", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("€")).toBe(3);
    expect(utf8Length("😀")).toBe(4);
    expect(jsonBytes([["Critère", 1, null]])).toBe(new TextEncoder().encode(JSON.stringify([["Critère", 1, null]])).length);
  });
});

describe("units", () => {
  it.each([
    [9.140625, 48], // Excel's default column: 64 pixels
    [10, 52.5],
    [48, 252],
  ])("turns a file width of %d characters into %d points", (chars, points) => {
    expect(columnWidthPoints(chars)).toBe(points);
  });

  it("turns inches into points", () => {
    expect(inchesToPoints(0.4)).toBe(28.8);
    expect(inchesToPoints(0.5)).toBe(36);
  });
});
