// @vitest-environment jsdom
import "../test/setup.js";
import { screen, within } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import type { SurveyImportOutcome } from "../../addin/host/host.types.js";
import type { SurveyRecord } from "../../addin/model/survey.types.js";
import type { Result } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { MemoryHost } from "../host/memory.host.js";
import { fixtureTemplate, gridHost } from "../test/fixtures.js";
import { loaded, workbookBytes } from "../test/workbook.bytes.js";
import { LANG_CASES, renderPane, spaced } from "../test/render.js";
import { withHistory } from "../test/rounds.fixtures.js";
import { scaleOf, surveyFileName, surveyFormIssues, surveyNameOf } from "./surveys.state.js";

const CSV = "ID;Heure de début;Nom;Je suis satisfait\n1;2026-01-01;Alice;Tout à fait d'accord\n";

function survey(name: string, criteria: string[] = []): SurveyRecord {
  return {
    name,
    imported: new Date("2026-11-02T00:00:00Z"),
    responses: 42,
    questions: [
      {
        question: "Je suis satisfait des services",
        responses: 40,
        answers: [
          { answer: "Tout à fait d'accord", count: 20 },
          { answer: "D'accord", count: 10 },
          { answer: "En désaccord", count: 10 },
        ],
        scale: "agreement.fr",
        favourable: 0.75,
      },
      { question: "Votre service préféré", responses: 31, answers: [{ answer: "Accueil", count: 31 }], scale: null, favourable: null },
    ],
    comments: [],
    criteria,
  };
}

/** Replaces the host's importSurvey by one that records the call and answers `outcome`. */
function answerImport(host: MemoryHost, outcome: Result<SurveyImportOutcome>): void {
  host.importSurvey = async (bytes, source, options, names) => {
    host.calls.push({ method: "importSurvey", args: [bytes, source, options, names] });
    return { ok: true, value: outcome };
  };
}

describe("the survey form's rules", () => {
  it("reads a scale typed by hand, commas or semicolons, blanks dropped", () => {
    expect(scaleOf(" Excellent, Bon ;Moyen,, Faible ")).toEqual(["Excellent", "Bon", "Moyen", "Faible"]);
    expect(scaleOf(" , ")).toBeUndefined();
  });

  it("names a survey after its file, and the workbook after the template and the survey", () => {
    expect(surveyNameOf("Satisfaction 2026.CSV")).toBe("Satisfaction 2026");
    expect(surveyFileName("essai", "Satisfaction 2026 / clients")).toBe("essai-Satisfaction-2026-clients.xlsx");
  });

  it("asks for a file and a name that no survey of the workbook has, whatever its case", () => {
    const file = new File(["x"], "a.csv");
    expect(surveyFormIssues(null, " ", [])).toEqual(["noFile", "nameEmpty"]);
    expect(surveyFormIssues(file, "satisfaction 2026 ", [survey("Satisfaction 2026")])).toEqual(["nameTaken"]);
    expect(surveyFormIssues(file, "Mobilisation", [survey("Satisfaction 2026")])).toEqual([]);
  });
});

describe.each(LANG_CASES)("Surveys screen ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;

  it("lists the workbook's surveys with their responses, the criteria they back and each question's favourable share", async () => {
    const host = gridHost({ lang });
    withHistory(host, [], [survey("Satisfaction 2026", ["GOUV-01", "COMM-02"])]);
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.surveys") }));
    const name = await screen.findByText("Satisfaction 2026");
    const item = within(name.closest("li") as HTMLElement);
    expect(
      item.getByText(spaced(t("surveys.item", { date: "2026-11-02", responses: i18n.plural("surveys.responses", 42), questions: i18n.plural("surveys.questions", 2) }))),
    ).toBeTruthy();
    expect(item.getByText(spaced(t("surveys.itemCriteria", { list: "GOUV-01, COMM-02" })))).toBeTruthy();
    const questions = item.getByRole("list", { name: t("surveys.questionsList", { name: "Satisfaction 2026" }) });
    expect(within(questions).getAllByRole("listitem").map((li) => li.getAttribute("data-favourable"))).toEqual(["0.75", ""]);
  });

  it("imports a survey with the options chosen and gives each question's figures", async () => {
    const host = gridHost({ lang });
    const made = survey("Clients 2026", ["GOUV-01", "COMM-02"]);
    answerImport(host, { ok: true, value: { survey: made, evidenceRows: 2, opened: "newWindow" }, warnings: [] });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.surveys") }));
    await screen.findByText(t("surveys.none"));
    // Nothing is sent without a file.
    await user.click(screen.getByRole("button", { name: t("surveys.run") }));
    expect(await screen.findByText(t("surveys.noFile"))).toBeTruthy();
    expect(screen.getByText(t("surveys.nameEmpty"))).toBeTruthy();
    expect(host.callsTo("importSurvey")).toEqual([]);

    await user.upload(screen.getByLabelText(t("surveys.file.input")), new File([CSV], "Clients.csv", { type: "text/csv" }));
    const name = screen.getByLabelText<HTMLInputElement>(t("surveys.name"));
    expect(name.value).toBe("Clients");
    await user.clear(name);
    await user.type(name, "Clients 2026");
    await user.click(screen.getByRole("checkbox", { name: t("surveys.comments") }));
    const picker = within(screen.getByRole("group", { name: t("surveys.criteria") }));
    // Checked in another order than the grid's: sent in the grid's.
    await user.click(picker.getByRole("checkbox", { name: "COMM-02" }));
    await user.click(picker.getByRole("checkbox", { name: "GOUV-01" }));
    expect(picker.getByText(spaced(t("surveys.criteriaChosen", { list: "GOUV-01, COMM-02" })))).toBeTruthy();
    await user.type(screen.getByLabelText(t("surveys.scale")), "Excellent, Bon, Moyen, Faible");
    await user.click(screen.getByRole("button", { name: t("surveys.run") }));

    await screen.findByText(spaced(t("surveys.done", { name: "Clients 2026", responses: i18n.plural("surveys.responses", 42) })));
    const [call] = host.callsTo("importSurvey");
    if (!call) throw new Error("importSurvey was not called");
    const [bytes, source, options, names] = call;
    expect(new TextDecoder().decode(bytes)).toBe(CSV);
    expect(source).toBe("Clients.csv");
    expect(options).toEqual({ name: "Clients 2026", withComments: true, criteria: ["GOUV-01", "COMM-02"], scale: ["Excellent", "Bon", "Moyen", "Faible"] });
    expect(names).toEqual({ name: "essai-Clients-2026.xlsx", file: t("check.thisWorkbook") });

    const questions = screen.getByRole("list", { name: t("surveys.questionsList", { name: "Clients 2026" }) });
    const items = within(questions).getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-favourable"))).toEqual(["0.75", ""]);
    expect(spaced(items[0]?.textContent ?? "")).toBe(
      spaced(t("surveys.question", { question: "Je suis satisfait des services", responses: i18n.plural("surveys.answers", 40), favourable: t("surveys.favourable", { share: i18n.percent(0.75) }) })),
    );
    expect(spaced(items[1]?.textContent ?? "")).toContain(spaced(t("surveys.notLikert")));
    expect(screen.getByText(spaced(i18n.plural("surveys.evidence", 2, { list: "GOUV-01, COMM-02" })))).toBeTruthy();
    expect(screen.getByText(spaced(t("surveys.where.newWindow")))).toBeTruthy();
    const found = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
    expect(found.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });

  it("refuses a name the workbook already has, and shows the engine's refusal with where the problem is", async () => {
    const host = gridHost({ lang });
    withHistory(host, [], [survey("Satisfaction 2026")]);
    answerImport(host, { ok: false, issues: [{ path: "reponses.csv:3", message: "line 3 has 4 fields, the header 5", severity: "error" }] });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.surveys") }));
    await screen.findByText("Satisfaction 2026");
    await user.upload(screen.getByLabelText(t("surveys.file.input")), new File([CSV], "Satisfaction 2026.csv", { type: "text/csv" }));
    await user.click(screen.getByRole("button", { name: t("surveys.run") }));
    expect(await screen.findByText(spaced(t("surveys.nameTaken", { name: "Satisfaction 2026" })))).toBeTruthy();
    expect(host.callsTo("importSurvey")).toEqual([]);
    const name = screen.getByLabelText(t("surveys.name"));
    await user.clear(name);
    await user.type(name, "Satisfaction 2027");
    await user.click(screen.getByRole("button", { name: t("surveys.run") }));
    const refused = await screen.findByText(t("surveys.failed"));
    expect(refused.closest("[role=alert]")?.textContent).toContain("reponses.csv:3");
  });

  it("imports a CSV export with the command line's code: the workbook that opens holds the survey's figures, no name", async () => {
    const template = fixtureTemplate();
    const host = MemoryHost.withPlan(buildPlan(template, { lang }), { lang, bytes: await workbookBytes(template, lang) });
    const rows = [
      ["ID", "Heure de début", "Heure de fin", "Adresse de messagerie", "Nom", "Je suis satisfait des services"],
      ["1", "2026-11-01 10:00", "2026-11-01 10:05", "alice@example.org", "Alice Tremblay", "Tout à fait d'accord"],
      ["2", "2026-11-01 11:00", "2026-11-01 11:04", "bob@example.org", "Bob Gagnon", "Plutôt d'accord"],
      ["3", "2026-11-01 12:00", "2026-11-01 12:03", "", "", "Plutôt en désaccord"],
      ["4", "2026-11-01 13:00", "2026-11-01 13:02", "", "", "Tout à fait d'accord"],
    ];
    const csv = rows.map((r) => r.join(";")).join("\r\n");
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.surveys") }));
    await screen.findByText(t("surveys.none"));
    await user.upload(screen.getByLabelText(t("surveys.file.input")), new File([csv], "Satisfaction 2026.csv", { type: "text/csv" }));
    await user.click(screen.getByRole("button", { name: t("surveys.run") }));
    const done = await screen.findByText(spaced(t("surveys.done", { name: "Satisfaction 2026", responses: i18n.plural("surveys.responses", 4) })), undefined, { timeout: 30_000 });
    const items = within(done.closest("[role=status]") as HTMLElement).getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-question"))).toEqual(["Je suis satisfait des services"]);
    expect(Number(items[0]?.getAttribute("data-favourable"))).toBeCloseTo(3 / 4);
    const opened = host.opened[0];
    if (!opened) throw new Error("nothing opened");
    const read = readQualigridWorkbook(await loaded(opened.bytes), opened.name);
    if (!read.ok) throw new Error(read.issues.map((i) => i.message).join("; "));
    expect(read.value.surveys?.map((x) => [x.name, x.responses])).toEqual([["Satisfaction 2026", 4]]);
    expect(JSON.stringify(read.value.surveys)).not.toMatch(/Alice|Tremblay|example\.org/);
  }, 60_000);

  it("says names and e-mails are never copied", async () => {
    const { user } = renderPane(gridHost({ lang }));
    await user.click(screen.getByRole("tab", { name: t("tab.surveys") }));
    expect(await screen.findByText(spaced(t("surveys.anonymous")))).toBeTruthy();
  });
});
