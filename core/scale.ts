import { fail } from "./errors.js";

/** Survey scores must sit on their 1..scaleMax scale; the message names the cell. */
export function checkOnScale(value: number, position: number, scaleMax: number): void {
  if (value < 1 || value > scaleMax) {
    throw fail.num(`scores: cell ${position} is ${value}, outside the scale 1 to ${scaleMax}`);
  }
}
