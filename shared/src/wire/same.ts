/** `true` only when A and B are each assignable to the other: a wire schema's type and the domain's type it carries. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
