import { FakeOfficeError, type FakeRequestContextCore } from "./fake.context.js";

/** Finds what a proxy stands for when a request runs; null for a missing item of an `…OrNullObject`. */
export type Resolver<T> = () => T | null;

/** The property names of a `load` argument (`"a, b/c"`, `["a"]`, `{ select: "a" }`). */
function loadList(props?: string | string[] | { select?: string }): string[] {
  const raw = props === undefined ? "" : typeof props === "string" ? props : Array.isArray(props) ? props.join(",") : (props.select ?? "");
  return raw
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/**
 * A proxy object of the fake, like Office.js's `ClientObject`: setting a property or calling a
 * method queues a command; `load` queues a read whose values can be read after `sync()`; reading
 * a property that was not loaded throws (`PropertyNotLoaded`), where Office.js would too.
 */
export abstract class FakeProxy<T> {
  protected readonly data = new Map<string, unknown>();
  private nullFlag: boolean | undefined;

  constructor(
    readonly ctx: FakeRequestContextCore,
    readonly path: string,
    private readonly resolver: Resolver<T>,
    /** Made from a null-object parent: "throw" policy fails commands on it when the parent is null. */
    readonly derived: boolean,
    /** Made by an `…OrNullObject` method. */
    readonly nullable = false,
  ) {
    // Office.js loads `isNullObject` of every `…OrNullObject` with the next request.
    if (nullable) ctx.enqueue({ name: `${path}.isNullObject`, args: null, silent: true, run: () => (this.nullFlag = this.resolve() === null) });
  }

  get isNullObject(): boolean {
    if (this.nullFlag === undefined) throw new FakeOfficeError("PropertyNotLoaded", `${this.path}.isNullObject was not loaded`);
    return this.nullFlag;
  }

  /** Whether objects made from this one are children of a (possible) null object. */
  get childrenDerived(): boolean {
    return this.derived || this.nullable;
  }

  /** The target when the request runs; a command on a child of a null object fails under the "throw" policy. */
  resolve(): T | null {
    const t = this.resolver();
    if (t === null && this.derived && this.ctx.options.nullObjects === "throw") {
      throw new FakeOfficeError("InvalidObjectPath", `${this.path}: the object path isn't valid (its parent is a null object)`, this.path);
    }
    return t;
  }

  /** The target of a command that needs one. */
  protected must(): T {
    const t = this.resolve();
    if (t === null) throw new FakeOfficeError("ItemNotFound", `${this.path}: the requested resource doesn't exist`, this.path);
    return t;
  }

  /** Queues a command; on a null object (propagated) it does nothing, as Office.js ignores it. */
  protected command(name: string, args: unknown, apply: (t: T) => void): void {
    this.ctx.enqueue({
      name: `${this.path}.${name}`,
      args,
      run: () => {
        const t = this.resolve();
        if (t !== null) apply(t);
      },
    });
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = loadList(props);
    this.ctx.enqueue({
      name: `${this.path}.load`,
      args: list,
      load: true,
      run: () => {
        const t = this.resolve();
        this.nullFlag = t === null;
        const out: Record<string, unknown> = {};
        for (const p of list) out[p] = this.capture(p, t);
        return out;
      },
    });
    return this;
  }

  /** Reads one (possibly `nav/prop`) property into the proxy. */
  capture(prop: string, t: T | null): unknown {
    const slash = prop.indexOf("/");
    if (slash >= 0) {
      const child = this.child(prop.slice(0, slash));
      return child.capture(prop.slice(slash + 1), child.resolve());
    }
    const v = t === null ? null : this.read(prop, t);
    this.data.set(prop, v);
    return v;
  }

  /** The scalar property `prop` of the target. */
  protected abstract read(prop: string, t: T): unknown;

  /** A navigation property, for `load("nav/prop")`. */
  protected child(name: string): FakeProxy<unknown> {
    throw new Error(`${this.path}: the fake cannot load through ${name}`);
  }

  /** A loaded property, or PropertyNotLoaded. */
  protected loaded<V>(prop: string): V {
    if (!this.data.has(prop)) throw new FakeOfficeError("PropertyNotLoaded", `${this.path}.${prop} was not loaded`);
    return this.data.get(prop) as V;
  }

  /** Records a loaded value (collections give their items their names). */
  protected remember(prop: string, value: unknown): void {
    this.data.set(prop, value);
  }
}
