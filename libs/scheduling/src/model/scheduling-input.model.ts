import type { CandidatePair } from './candidate-pair.model';
import type { InterpreterPool } from './interpreter.model';
import type { Participant } from './participant.model';
import type { Workshop } from './workshop.model';

export interface WishWeights {
  /** multiplies the score of a pair both sides wished for (default 2) */
  mutualWishFactor?: number;
  /** multiplies the score of a pair one side wished for (default 1.25) */
  oneSidedWishFactor?: number;
}

export interface SchedulingInput {
  workshop: Workshop;
  participants: Participant[];
  pairs: CandidatePair[];
  interpreters?: InterpreterPool[];
  weights?: WishWeights;
}

export const DEFAULT_WEIGHTS: Required<WishWeights> = { mutualWishFactor: 2, oneSidedWishFactor: 1.25 };

/** the objective weight of one pair: its score, multiplied when wished for */
export function pairWeight(pair: CandidatePair, weights: WishWeights | undefined): number {
  const w = { ...DEFAULT_WEIGHTS, ...weights };
  const factor =
    pair.aWantsB && pair.bWantsA
      ? w.mutualWishFactor
      : pair.aWantsB || pair.bWantsA
        ? w.oneSidedWishFactor
        : 1;
  return pair.score * factor;
}

/** the canonical key of an unordered pair: the two ids in code-unit order, joined by `|` */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
