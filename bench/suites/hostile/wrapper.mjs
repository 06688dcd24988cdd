// Runs the command line in this process (as `node bin/qualigrid.js …` would) and sends the
// kernel's high-water mark of the whole process on fd 3 when it exits. Used when /usr/bin/time is missing.
import { writeSync } from "node:fs";

process.on("exit", () => {
  try {
    writeSync(3, `${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
  } catch {
    // Run by hand, without the parent's fd 3.
  }
});
await import(new URL("../../../bin/qualigrid.js", import.meta.url).href);
