import type { AvailabilityWindow } from './participant.model';

/**
 * `count` interpreters between two languages, at a venue or online. One interpreter serves one meeting
 * per slot, and only meetings whose parties share no language need one (see README for which pools a
 * video meeting may draw on).
 */
export interface InterpreterPool {
  id: string;
  /** the two BCP 47 languages interpreted, in either direction */
  languages: [string, string];
  /** a venue id, or `online` for remote interpreters */
  location: string;
  count: number;
  /** absent: the whole workshop; local windows are in the venue's time zone (`online`: UTC unless given) */
  availability?: AvailabilityWindow[];
}

export const ONLINE_LOCATION = 'online';
