/** The seeded generator lives with the synthetic data the bench also uses (compiled into dist/). */
export { pick, seededRandom } from "../../addin/excel/fake/random.js";
