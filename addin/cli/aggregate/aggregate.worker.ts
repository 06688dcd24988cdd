import { parentPort } from "node:worker_threads";
import { readMember } from "./aggregate.member.js";

// A worker of the aggregate's pool: reads the files it is sent, one at a time, and answers each
// with its figures or why it was left out.
parentPort?.on("message", (task: { id: number; file: string }) => {
  parentPort?.postMessage({ id: task.id, read: readMember(task.file) });
});
