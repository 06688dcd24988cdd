// `npm stop`: stops the dev server that `npm start` started in the background (its pid is in
// .qualigrid/dev-server.json) and says so. Nothing running is not an error. It never stops a process
// it did not start: a recorded pid now used by another program is left alone.
import { clearState, isAlive, isOurServer, readState, stopServer } from "./dev-server.mjs";

const state = readState();
if (!state) {
  console.log("Aucun serveur Qualigrid à arrêter. / No Qualigrid dev server to stop.");
} else if (!isAlive(state.pid)) {
  clearState();
  console.log(`Le serveur (pid ${state.pid}) était déjà arrêté. / The dev server (pid ${state.pid}) had already stopped.`);
} else if (!isOurServer(state)) {
  clearState();
  console.log(
    `Le pid ${state.pid} n'est plus le serveur Qualigrid : rien n'est arrêté. / pid ${state.pid} is no longer the Qualigrid dev server: nothing stopped.`,
  );
} else if (await stopServer(state.pid)) {
  clearState();
  console.log(`Serveur arrêté (${state.url}, pid ${state.pid}). / Dev server stopped (${state.url}, pid ${state.pid}).`);
} else {
  console.error(`Le serveur (pid ${state.pid}) ne s'arrête pas. / The dev server (pid ${state.pid}) does not stop.`);
  process.exit(1);
}
