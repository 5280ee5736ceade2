/** Preferential attachment: an urn of tickets where every pick may add a ticket, so the often chosen get chosen more. */
import type { Random } from "./random";

export class Urn {
  private tickets = new Int32Array(8);
  private size = 0;

  get length(): number {
    return this.size;
  }

  /** Adds `copies` tickets for an item (an index into some list). */
  add(item: number, copies = 1): void {
    if (this.size + copies > this.tickets.length) {
      const grown = new Int32Array(Math.max(this.tickets.length * 2, this.size + copies));
      grown.set(this.tickets);
      this.tickets = grown;
    }
    for (let i = 0; i < copies; i++) this.tickets[this.size++] = item;
  }

  /** An item drawn in proportion to its tickets; -1 when the urn is empty. */
  draw(random: Random): number {
    return this.size === 0 ? -1 : (this.tickets[random.below(this.size)] as number);
  }
}
