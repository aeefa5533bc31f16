import { fail, numIn } from "./errors.js";

/** Survey scores must sit on their 1..scaleMax scale; the message names the cell. */
export function checkOnScale(value: number, position: number, scaleMax: number): void {
  if (value < 1 || value > scaleMax) {
    throw fail.num({
      en: `scores: cell ${position} is ${value}, outside the scale 1 to ${scaleMax}`,
      fr: `scores : cellule ${position} vaut ${numIn(value, "fr")}, hors de l'échelle de 1 à ${scaleMax}`,
    });
  }
}
