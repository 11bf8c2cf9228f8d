/** @module Interface hum:prover/events@0.4.0 **/
export function emit(event: Event): void;
export type Event = import('./hum-prover-types.js').Event;
