/**
 * What the map view needs around the map data: its filters (and the map options they mean on a given
 * day), the gap counts and the sentences that say them, and the names of exported files. Pure.
 */
import { addDays, isValidDate } from './dates';
import type { JournalSnapshot } from './journal';
import type { MapOptions, ValuesMap } from './map';
import { computeStats, formatRate } from './stats';

export const MAP_PERIODS = ['month', 'quarter', 'year', 'all'] as const;
export type MapPeriod = (typeof MAP_PERIODS)[number];

/** The map's filters, as the webview keeps them (and restores them after a reload). */
export interface MapFilters {
  /** `open`: open commitments only; `all`: also those closed within `period`. */
  include: 'open' | 'all';
  /** How far back closed commitments are shown (with `include: 'all'`). */
  period: MapPeriod;
  /** Only this focus area (its values and commitments); absent: every active or paused one. */
  focus?: string;
}

export const DEFAULT_MAP_FILTERS: MapFilters = { include: 'open', period: 'month' };

const PERIOD_DAYS: Record<Exclude<MapPeriod, 'all'>, number> = { month: 30, quarter: 91, year: 365 };

/** Human words for a period ("in the last 30 days"). */
export const MAP_PERIOD_LABELS: Record<MapPeriod, string> = {
  month: 'last 30 days',
  quarter: 'last 3 months',
  year: 'last 12 months',
  all: 'all time',
};

/** True when `value` is a well-formed `MapFilters` (used to drop malformed messages and saved state). */
export function isMapFilters(value: unknown): value is MapFilters {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const v = value as Record<string, unknown>;
  return (v.include === 'open' || v.include === 'all')
    && (MAP_PERIODS as readonly unknown[]).includes(v.period)
    && (v.focus === undefined || (typeof v.focus === 'string' && v.focus.length > 0 && v.focus.length <= 200));
}

/** The period as the end of a sentence ("… have no action in the last 30 days", "… at any time"). */
export const MAP_PERIOD_PHRASES: Record<MapPeriod, string> = {
  month: 'in the last 30 days',
  quarter: 'in the last 3 months',
  year: 'in the last 12 months',
  all: 'at any time',
};

/**
 * The `buildValuesMap` options that the filters mean on `today`. The period does two things: with
 * `include: 'all'` it limits the closed commitments shown; always, it is the period the value gaps are
 * counted over (see `MapOptions.gapPeriod`).
 */
export function mapOptionsFor(filters: MapFilters, today: string): MapOptions {
  const since = filters.period === 'all' || !isValidDate(today) ? undefined : addDays(today, -PERIOD_DAYS[filters.period] + 1);
  return { today, include: filters.include, since, focus: filters.focus, gapPeriod: { since, label: MAP_PERIOD_PHRASES[filters.period] } };
}

export interface MapGapCounts {
  /**
   * Values with no action: no active focus area and no open commitment serves them, nor (when the map
   * has a period) a commitment made or closed within it.
   */
  values: number;
  /** Active focus areas with no open commitment. */
  focusAreas: number;
  /** Open commitments linked to no value. */
  commitments: number;
}

export function gapCounts(map: ValuesMap): MapGapCounts {
  return {
    values: map.gaps.valuesWithoutAction.length,
    focusAreas: map.gaps.focusAreasWithoutOpenCommitment.length,
    commitments: map.gaps.unlinkedCommitments.length,
  };
}

/**
 * The gaps as short sentences for the legend: "2 values have no action in the last 30 days", "1 focus
 * area has no open commitment", "1 commitment is linked to no value". The value count follows the map's
 * period when it is given (the other two are about open commitments, so about now). Nothing to notice:
 * one sentence that says so.
 */
export function gapSummary(counts: MapGapCounts, period?: MapPeriod): string[] {
  const lines: string[] = [];
  const when = period ? ` ${MAP_PERIOD_PHRASES[period]}` : '';
  if (counts.values) {
    lines.push(counts.values === 1 ? `1 value has no action${when}` : `${counts.values} values have no action${when}`);
  }
  if (counts.focusAreas) {
    lines.push(counts.focusAreas === 1 ? '1 focus area has no open commitment' : `${counts.focusAreas} focus areas have no open commitment`);
  }
  if (counts.commitments) {
    lines.push(counts.commitments === 1 ? '1 commitment is linked to no value' : `${counts.commitments} commitments are linked to no value`);
  }
  return lines.length ? lines : [`Every value has an action${when}, and every action serves a value`];
}

/**
 * The journal's rhythm and follow-through, as `computeStats` counts them (the same numbers as the Focus
 * Areas view and `coaching-journal stats`), for the legend.
 */
export interface MapStats {
  /** Session notes held. */
  sessions: number;
  /** Consecutive sessions, each within the cadence of the next, the latest within the cadence of today. */
  streak: number;
  cadenceDays: number;
  /** Commitments made, and how many of them are closed as done or partly, and how many are still open. */
  made: number;
  followedThrough: number;
  open: number;
  /** Commitments carried forward from an earlier one. */
  carriedForward: number;
  /** (done + partly) ÷ closed commitments, as "67%", or "–" while none is closed. */
  rate: string;
}

/** The legend's stats: the `computeStats` numbers of the whole journal (as the Focus Areas view and the CLI show them). */
export function mapStats(snapshot: JournalSnapshot, today: string, cadenceDays: number): MapStats {
  const s = computeStats(snapshot, today, cadenceDays);
  return {
    sessions: s.sessions, streak: s.streak, cadenceDays: s.cadenceDays, made: s.overall.made,
    followedThrough: s.overall.done + s.overall.partly, open: s.overall.open, carriedForward: s.carriedForward,
    rate: formatRate(s.overall.rate),
  };
}

/**
 * The legend's stats as short lines: "8 sessions", "Streak: 3 sessions within 7 days of each other",
 * "Follow-through: 67% (4 of 6 closed done or partly; 3 open, 1 carried forward)".
 */
export function statsSummary(s: MapStats): string[] {
  const closed = s.made - s.open;
  return [
    s.sessions === 1 ? '1 session' : `${s.sessions} sessions`,
    `Streak: ${s.streak} session${s.streak === 1 ? '' : 's'} within ${s.cadenceDays} day${s.cadenceDays === 1 ? '' : 's'} of each other`,
    `Follow-through: ${s.rate} (${s.followedThrough} of ${closed} closed done or partly; ${s.open} open${s.carriedForward ? `, ${s.carriedForward} carried forward` : ''})`,
  ];
}

/**
 * The path, relative to the journal folder, of a new export file: `values-map-DATE.EXT`, or
 * `values-map-DATE-2.EXT`, `-3`… when a file of that name exists (an export never overwrites).
 */
export function exportFileName(date: string, ext: 'md' | 'svg', exists: (name: string) => boolean): string {
  for (let n = 1; ; n++) {
    const name = `values-map-${date}${n === 1 ? '' : `-${n}`}.${ext}`;
    if (!exists(name)) {
      return name;
    }
  }
}

/** The markdown document of a Mermaid export (viewable in the markdown preview and in git). */
export function mermaidDocument(mermaid: string, date: string, filters: MapFilters, counts: MapGapCounts): string {
  const scope = filters.include === 'open' ? 'open commitments' : `open commitments and those closed (${MAP_PERIOD_LABELS[filters.period]})`;
  const focus = filters.focus ? `, focus area \`${filters.focus.replace(/`/g, '')}\`` : '';
  return [
    `# Values map, ${date}`,
    '',
    `Vision → values → focus areas → commitments: ${scope}${focus}. Dashed outlines are gaps.`,
    '',
    ...gapSummary(counts, filters.period).map((l) => `- ${l}`),
    '',
    '```mermaid',
    mermaid.trimEnd(),
    '```',
    '',
  ].join('\n');
}
