/** @module Interface hum:prover/prover@0.4.0 **/
export function handle(command: Command): void;
export type Command = import('./hum-prover-types.js').Command;
