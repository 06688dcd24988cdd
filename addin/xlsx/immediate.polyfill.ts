// Stands in for the `setimmediate` package in the browser bundle (webpack.config.js aliases it):
// JSZip, inside exceljs, requires it to get a global `setImmediate`. The package accepts a string of
// code and compiles it with `new Function`, which the task pane's CSP (no 'unsafe-eval') forbids;
// this one takes functions only. Like the package, it runs them on a MessageChannel macrotask:
// nested setTimeout calls are clamped to 4 ms, which would slow JSZip's many small steps.
type Callback = (...args: unknown[]) => void;

const g = globalThis as unknown as { setImmediate?: (cb: Callback, ...args: unknown[]) => number; clearImmediate?: (id: number) => void };
if (typeof g.setImmediate !== "function") {
  const tasks = new Map<number, () => void>();
  let next = 1;
  const channel = typeof MessageChannel === "function" ? new MessageChannel() : null;
  if (channel) {
    channel.port1.onmessage = (e: MessageEvent<number>) => {
      const task = tasks.get(e.data);
      tasks.delete(e.data);
      task?.();
    };
  }
  g.setImmediate = (callback, ...args) => {
    const id = next++;
    tasks.set(id, () => callback(...args));
    if (channel) channel.port2.postMessage(id);
    else setTimeout(() => tasks.get(id)?.(), 0);
    return id;
  };
  g.clearImmediate = (id) => void tasks.delete(id);
}

export {};
