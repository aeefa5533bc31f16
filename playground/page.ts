import type { Lang } from "../core/plan/plan.js";

/** The page around the grid: its language, its own elements and words, and the status line. */

export const element = (id: string): HTMLElement => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found;
};

// `?lang=fr` shows the French sample data, function help and pane, and reads and shows numbers the French way.
export const lang: Lang = new URLSearchParams(location.search).get("lang") === "fr" ? "fr" : "en";
export const TEXT = {
  en: {
    imported: (name: string, rows: number) => `Opened ${name}: ${rows} rows in a new sheet.`,
    unreadable: (name: string) => `${name} has no rows to open.`,
    notSaved: "The workbook is too large to keep in this browser: it will not survive a reload.",
    confirmReset: "Forget your changes and reload the sample workbook?",
    hidePane: "Hide pane",
    showPane: "Show pane",
  },
  fr: {
    imported: (name: string, rows: number) => `${name} ouvert\u00a0: ${rows} lignes dans une nouvelle feuille.`,
    unreadable: (name: string) => `${name} n'a aucune ligne à ouvrir.`,
    notSaved: "Le classeur est trop grand pour ce navigateur\u00a0: il ne sera pas conservé au rechargement.",
    confirmReset: "Oublier vos modifications et recharger le classeur d'exemple\u00a0?",
    hidePane: "Masquer le volet",
    showPane: "Afficher le volet",
  },
}[lang];

document.documentElement.lang = lang;
if (lang === "fr") {
  document.title = "Bac à sable des fonctions KPI";
  element("title").textContent = document.title;
  element("intro").textContent =
    "Tapez une formule =KPI.NOM(...) dans une cellule\u00a0: elle est calculée par le même cœur que les compléments Excel et Sheets.";
  element("open-csv").textContent = "Ouvrir un CSV…";
  element("print").textContent = "Imprimer le tableau de bord";
  element("reset").textContent = "Réinitialiser";
  element("pane-toggle").textContent = "Masquer le volet";
}
export const status = element("status");

/**
 * The button that hides the pane and shows it again: the grid takes the whole width, and the charts, which follow
 * the window's size, move back into view.
 */
export function paneToggle(): void {
  const button = element("pane-toggle");
  button.addEventListener("click", () => {
    const hidden = document.body.classList.toggle("pane-hidden");
    button.textContent = hidden ? TEXT.showPane : TEXT.hidePane;
    button.setAttribute("aria-expanded", String(!hidden));
    window.dispatchEvent(new Event("resize"));
    // Univer resizes its canvas on the next frames: the charts are fitted again once the grid has its new size.
    requestAnimationFrame(() => requestAnimationFrame(() => window.dispatchEvent(new Event("resize"))));
  });
}
