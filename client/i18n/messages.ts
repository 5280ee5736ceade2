/** The shape of a message catalogue: Swedish defines the keys, every other language fills the same keys with strings. */
import type { sv } from "./sv";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof sv>;
