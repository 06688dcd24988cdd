import { builtinTemplates } from "../addin/model/builtin.js";
import { textOf } from "../addin/model/text.js";
import type { Lang } from "../addin/model/template.types.js";

/**
 * The task pane's first screen: the built-in templates with their description and source, in the
 * browser's language. The live add-in (generate, assess, dashboard) builds on this page.
 */
function render(root: HTMLElement, lang: Lang): void {
  const h1 = document.createElement("h1");
  h1.textContent = "Qualigrid";
  const intro = document.createElement("p");
  intro.textContent =
    lang === "fr"
      ? "Modèles de grilles d'autoévaluation intégrés. Utilisez la ligne de commande « qualigrid new » pour créer un classeur."
      : "Built-in self-assessment templates. Use the « qualigrid new » command line to create a workbook.";
  const list = document.createElement("ul");
  for (const t of builtinTemplates()) {
    const item = document.createElement("li");
    const title = document.createElement("strong");
    title.textContent = `${textOf(t.title, lang)} (${t.id} ${t.version})`;
    const description = document.createElement("p");
    description.textContent = textOf(t.description, lang);
    const source = document.createElement("p");
    source.textContent = textOf(t.source, lang);
    item.append(title, description, source);
    list.append(item);
  }
  root.replaceChildren(h1, intro, list);
}

const root = document.getElementById("app");
if (root) render(root, navigator.language.toLowerCase().startsWith("fr") ? "fr" : "en");
