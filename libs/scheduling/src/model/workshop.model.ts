/**
 * The workshop as the scheduler sees it: where (venues, each in its own IANA time zone), when (days and
 * local session hours), how long a meeting is, and which meeting forms the organiser offers.
 * Every clock time here is local to the venue (or to the online programme) it belongs to; the scheduler
 * turns them into absolute UTC instants.
 */

/** `offline`: in-person only. `online`: video only. `hybrid`: both, including video between venues. */
export type WorkshopMode = 'offline' | 'online' | 'hybrid';

/** A local wall-clock time, `HH:MM` (24 h). `24:00` is allowed as an end time. */
export type LocalTime = string;

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A local time window on one day, `[start, end)`. */
export interface LocalWindow {
  start: LocalTime;
  end: LocalTime;
}

/** Session hours of one day: meetings happen inside `[start, end)` except during the breaks. */
export interface SessionHours extends LocalWindow {
  /** e.g. lunch `12:30–13:30`; no slot overlapping a break is used */
  breaks?: LocalWindow[];
}

export interface Venue {
  id: string;
  city: string;
  /** IANA time zone, e.g. `Asia/Shanghai` (Kunming), `Asia/Karachi` (Islamabad) */
  timeZone: string;
  /** meeting tables; at most this many meetings at the venue in one slot (≥ 1) */
  tables: number;
  /**
   * How many of the tables have a screen and camera for video meetings (a venue participant meeting
   * someone elsewhere). Default: all of them. 0 means nobody at this venue can meet remotely.
   */
  videoTables?: number;
  /** default session hours at this venue, for every day that does not override them */
  session?: SessionHours;
}

export interface WorkshopDay {
  date: IsoDate;
  /**
   * Per-day overrides keyed by venue id (or `online` for the online programme); `null` = closed that
   * day. A venue without an entry uses `venue.session`, then `workshop.session`.
   */
  sessions?: Record<string, SessionHours | null>;
}

/**
 * How meetings that are not face to face work in a hybrid workshop (see README, "online and hybrid").
 */
export interface HybridPolicy {
  /** a participant at one venue may meet one at another venue by video (default true) */
  crossVenueVideo?: boolean;
  /**
   * A venue participant in a video meeting sits at one of the venue's video tables, which is then not
   * free for an in-person meeting in that slot (default true). When false, video booths are separate
   * from the meeting tables and only `videoTables` limits them.
   */
  videoUsesTable?: boolean;
}

/** The online programme: the hours (in one time zone) in which online meetings may be placed. */
export interface OnlineProgramme {
  timeZone: string;
  /** default: on each day, from the earliest venue session start to the latest venue session end */
  session?: SessionHours;
}

export interface Workshop {
  id?: string;
  mode: WorkshopMode;
  /** length of one meeting slot in minutes (e.g. 30) */
  slotMinutes: number;
  days: WorkshopDay[];
  venues: Venue[];
  /** default session hours for every venue and day, e.g. `09:00–17:00` with lunch `12:30–13:30` */
  session?: SessionHours;
  online?: OnlineProgramme;
  hybrid?: HybridPolicy;
  /**
   * The UTC instant the global slot grid is aligned to (ISO 8601). Default: the earliest session start
   * of the first day, so slots start on the session hour at every venue whose offset differs by a
   * multiple of the slot length (UTC+8 and UTC+5 with 15, 20, 30 or 60 minute slots).
   */
  gridOrigin?: string;
}
