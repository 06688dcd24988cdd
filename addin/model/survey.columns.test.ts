import { describe, expect, it } from "vitest";
import { holdsEmail, skippedColumnReason } from "./survey.columns.js";

describe("survey columns: what is never copied", () => {
  it("leaves out Microsoft Forms' metadata columns, in French and in English", () => {
    for (const h of ["ID", "Heure de début", "Heure de fin", "Heure de la dernière modification", "Start time", "Completion time", "Last modified time", "Horodateur", "Total points", "Points - Question 1"]) {
      expect(skippedColumnReason(h), h).toBe("metadata");
    }
  });

  it("leaves out the columns that name or reach a person", () => {
    for (const h of ["Nom", "Name", "Adresse de messagerie", "Email", "E-mail", "Courriel", "adresse  courriel", "Prénom", "Nom d'utilisateur"]) {
      expect(skippedColumnReason(h), h).toBe("personal");
    }
  });

  it("keeps the questions, even those that mention a name or an e-mail in a sentence", () => {
    for (const h of ["Je me sens bien accueilli", "Votre nom est-il bien écrit sur vos documents?", "Satisfaction générale", "Commentaires"]) {
      expect(skippedColumnReason(h), h).toBeNull();
    }
  });

  it("recognises an e-mail address in an answer", () => {
    expect(holdsEmail("écrivez-moi: gisele.tremblay@exemple.qc.ca")).toBe(true);
    expect(holdsEmail("Tout à fait d'accord")).toBe(false);
    expect(holdsEmail("@ la maison")).toBe(false);
  });
});
