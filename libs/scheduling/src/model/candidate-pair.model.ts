/**
 * A pair that may meet (from matching: the score of the best offer ↔ need between the two participants)
 * and who asked for it. Only candidate pairs are ever scheduled; the pair is unordered.
 */
export interface CandidatePair {
  a: string;
  b: string;
  /** match score 0–100 */
  score: number;
  /** `a` put `b` on its wishlist */
  aWantsB?: boolean;
  /** `b` put `a` on its wishlist */
  bWantsA?: boolean;
}
