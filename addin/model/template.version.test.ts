import { describe, expect, it } from "vitest";
import { upgradeRefusal } from "./template.version.js";

describe("upgradeRefusal", () => {
  it("accepts the same template in a higher version, ids compared without case", () => {
    expect(upgradeRefusal({ id: "eq", version: "1.0.0" }, { id: "EQ", version: "1.1.0" })).toBeNull();
  });

  it("reads versions that are not semver as the semver they start with", () => {
    expect(upgradeRefusal({ id: "eq", version: "2" }, { id: "eq", version: "2.1" })).toBeNull();
    expect(upgradeRefusal({ id: "eq", version: "v3" }, { id: "eq", version: "2.9" })).toBe("notHigher");
  });

  it("refuses an equal or older version", () => {
    expect(upgradeRefusal({ id: "eq", version: "1.2.0" }, { id: "eq", version: "1.2.0" })).toBe("notHigher");
    expect(upgradeRefusal({ id: "eq", version: "1.2.0" }, { id: "eq", version: "1.1.9" })).toBe("notHigher");
  });

  it("refuses an unreadable version rather than guessing", () => {
    expect(upgradeRefusal({ id: "eq", version: "draft" }, { id: "eq", version: "1.0.0" })).toBe("notHigher");
  });

  it("refuses another template whatever its version", () => {
    expect(upgradeRefusal({ id: "eq", version: "1.0.0" }, { id: "cap", version: "9.0.0" })).toBe("otherTemplate");
  });

  it("accepts a template whose `replaces` names the workbook's, whatever its version", () => {
    expect(upgradeRefusal({ id: "has-donner-le-cap", version: "1.0.0" }, { id: "donner-le-cap", version: "2.0.0", replaces: ["HAS-Donner-le-CAP"] })).toBeNull();
    expect(upgradeRefusal({ id: "has-donner-le-cap", version: "3.0.0" }, { id: "donner-le-cap", version: "1.0.0", replaces: ["has-donner-le-cap"] })).toBeNull();
    expect(upgradeRefusal({ id: "other", version: "1.0.0" }, { id: "donner-le-cap", version: "2.0.0", replaces: ["has-donner-le-cap"] })).toBe("otherTemplate");
  });
});
