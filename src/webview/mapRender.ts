/**
 * The `render` message the values-map panel posts to its webview, built from a journal snapshot. Pure
 * (no `vscode`): the panel uses it, and so does the benchmark that measures the webview's first paint
 * (bench/mapPaint.ts), so both post exactly the same message.
 */
import {
  buildValuesMap, gapCounts, gapSummary, layoutValuesMap, mapOptionsFor, mapStats, statsSummary, type JournalSnapshot, type MapFilters,
} from '../core';
import type { MapRenderMessage } from '../shared/mapProtocol';

export interface MapRenderInput {
  /** The journal's snapshot; absent when there is no journal. */
  snapshot?: JournalSnapshot;
  filters: MapFilters;
  today: string;
  /** Days between sessions (`coaching.sessionCadenceDays`), for the streak. */
  cadenceDays: number;
  /** The journal has notes (the stats are shown only then). */
  hasNotes: boolean;
  /** Key of the journal shown. */
  journal?: string;
  /** Shown instead of the map. */
  notice?: string;
}

export function mapRenderMessage(input: MapRenderInput): MapRenderMessage {
  const { snapshot, today } = input;
  let filters = input.filters;
  if (filters.focus && !snapshot?.focusById.has(filters.focus)) {
    filters = { include: filters.include, period: filters.period }; // the focus area is gone
  }
  const map = snapshot
    ? buildValuesMap(snapshot, mapOptionsFor(filters, today))
    : { nodes: [], edges: [], gaps: { valuesWithoutAction: [], focusAreasWithoutOpenCommitment: [], unlinkedCommitments: [] } };
  const counts = gapCounts(map);
  const stats = snapshot && input.hasNotes ? mapStats(snapshot, today, input.cadenceDays) : undefined;
  return {
    type: 'render',
    map,
    layout: layoutValuesMap(map),
    filters,
    counts,
    summary: gapSummary(counts, filters.period),
    stats,
    statsSummary: stats ? statsSummary(stats) : [],
    focusChoices: (snapshot?.focusAreas ?? []).map((f) => ({ id: f.id, label: f.title })),
    today,
    journal: input.journal,
    notice: input.notice,
  };
}
