import { describe, expect, it } from "vitest";
import { deferAssociations, OFFICE_JS_LOADED, OFFICE_JS_LOADING } from "./functions.deferred.js";

/** A page's global: an event target that may get a `CustomFunctions`. */
function page(): EventTarget & { CustomFunctions?: { associate: (id: string, fn: unknown) => void } } {
  return new EventTarget() as EventTarget & { CustomFunctions?: { associate: (id: string, fn: unknown) => void } };
}

describe("deferAssociations (the functions bundle before office.js)", () => {
  it("queues the associations and makes them on the real CustomFunctions once office.js has loaded", () => {
    const g = page();
    deferAssociations(g);
    const score = (): number => 1;
    g.CustomFunctions?.associate("SCORE", score);
    g.dispatchEvent(new Event(OFFICE_JS_LOADING));
    // office.js extends an existing CustomFunctions object: the stand-in must be gone by then.
    expect(g.CustomFunctions).toBeUndefined();
    const made: [string, unknown][] = [];
    g.CustomFunctions = { associate: (id, fn) => void made.push([id, fn]) };
    g.dispatchEvent(new Event(OFFICE_JS_LOADED));
    expect(made).toEqual([["SCORE", score]]);
  });

  it("keeps the stand-in, and throws nothing, when office.js never comes (the browser workbench)", () => {
    const g = page();
    deferAssociations(g);
    expect(() => g.CustomFunctions?.associate("GAP", () => 0)).not.toThrow();
    g.dispatchEvent(new Event(OFFICE_JS_LOADED));
    expect(typeof g.CustomFunctions?.associate).toBe("function");
  });

  it("leaves an existing CustomFunctions alone (office.js already there, or the tests' shim)", () => {
    const g = page();
    const existing = { associate: () => undefined };
    g.CustomFunctions = existing;
    deferAssociations(g);
    expect(g.CustomFunctions).toBe(existing);
  });
});
