import type { IsoDate, LocalTime, LocalWindow } from './workshop.model';

export type Country = 'CN' | 'PK';

/** A participant sits at a venue, or joins online from its own time zone within its working hours. */
export type Attendance =
  | { kind: 'venue'; venueId: string }
  | {
      kind: 'online';
      timeZone: string;
      /** local working hours on any day (several windows to leave out lunch); default `09:00–18:00` */
      workingHours?: LocalWindow[];
    };

/**
 * A window in which the participant is available: absolute (`startUtc`/`endUtc`, ISO 8601 instants),
 * or local to a day (`date` + `start`/`end`) in `timeZone`, which defaults to the participant's own
 * (its venue's, or its online time zone).
 */
export type AvailabilityWindow =
  | { startUtc: string; endUtc: string }
  | { date: IsoDate; start: LocalTime; end: LocalTime; timeZone?: string };

export interface Participant {
  id: string;
  country: Country;
  attendance: Attendance;
  /** absent: available for the whole workshop; `[]`: available never */
  availability?: AvailabilityWindow[];
  /** BCP 47 tags, e.g. `en`, `zh-Hans`, `ur` */
  languages: string[];
  /** most meetings this participant wants in total; absent: no cap other than the slots */
  maxMeetings?: number;
}
