import { describe, expect, it } from "vitest";
import { FakeOfficeError } from "./fake/excel.fake.js";
import { hostErrorOf } from "./excel.errors.js";

const office = (code: string, message = "Excel says no."): FakeOfficeError => new FakeOfficeError(code, message);

describe("hostErrorOf", () => {
  it.each([
    ["ApiNotFound", {}, "apiUnsupported"],
    ["ApiNotAvailable", {}, "apiUnsupported"],
    ["NotImplemented", {}, "apiUnsupported"],
    ["RequestPayloadSizeLimitExceeded", {}, "tooLarge"],
    ["ResponsePayloadSizeLimitExceeded", {}, "tooLarge"],
    ["RangeExceedsLimit", {}, "tooLarge"],
    ["AccessDenied", { sheetProtected: true }, "protected"],
    ["InvalidOperation", { sheetProtected: true }, "protected"],
    ["AccessDenied", {}, "unknown"],
    ["ItemNotFound", { table: "QG_Actions" }, "tableMissing"],
    ["ItemNotFound", {}, "unknown"],
    ["InvalidOperationInCellEditMode", {}, "unknown"],
    ["GeneralException", {}, "unknown"],
  ] as const)("maps %s %j to %s", (code, hint, expected) => {
    expect(hostErrorOf(office(code), hint).code).toBe(expected);
  });

  it("recognizes a protected sheet from Excel's message", () => {
    expect(hostErrorOf(office("AccessDenied", "The cell or chart you're trying to change is on a protected sheet."))).toEqual({
      code: "protected",
      detail: "AccessDenied: The cell or chart you're trying to change is on a protected sheet.",
    });
  });

  it("names the missing table", () => {
    expect(hostErrorOf(office("ItemNotFound"), { table: "QG_Actions" })).toEqual({ code: "tableMissing", detail: "QG_Actions" });
  });

  it("keeps Excel's code and message for anything else", () => {
    expect(hostErrorOf(office("GeneralException", "There was an internal error while processing the request."))).toEqual({
      code: "unknown",
      detail: "GeneralException: There was an internal error while processing the request.",
    });
  });

  it("calls a missing Excel API unsupported, and anything else unknown", () => {
    expect(hostErrorOf(new ReferenceError("Excel is not defined")).code).toBe("apiUnsupported");
    expect(hostErrorOf(new TypeError("x is undefined"))).toEqual({ code: "unknown", detail: "x is undefined" });
    expect(hostErrorOf("boom")).toEqual({ code: "unknown", detail: "boom" });
  });
});
