/**
 * The messages between the values-map webview (media/map/map.js) and its panel in the extension host.
 * One union per direction; type-only (no VS Code, no Node): both sides agree on these shapes, and the
 * host drops anything else (see src/webview/mapMessageGuard.ts).
 *
 * Handshake: the webview posts `ready` once its script runs; the host posts nothing before that, then a
 * `render` after every change (filters, journal edits).
 */
import type { MapFilters, MapGapCounts, MapLayout, MapStats, ValuesMap } from '../core';

/** Webview → host. */
export type MapWebviewMessage =
  | { type: 'ready' }
  /** Open the note of a node (by its map key) at its line. */
  | { type: 'open'; key: string }
  /** The person changed a filter; the webview has already saved it in its state. */
  | { type: 'filtersChanged'; filters: MapFilters }
  /** Write the current map as Mermaid into a new markdown file of the journal. */
  | { type: 'exportMermaid' }
  /** Write this SVG (the map as drawn, colours resolved) into a new file of the journal. */
  | { type: 'exportSvg'; svg: string };

/** A focus area the filter can choose. */
export interface MapFocusChoice {
  id: string;
  label: string;
}

/** Host → webview: everything needed to draw the map (the webview never reads notes itself). */
export interface MapRenderMessage {
  type: 'render';
  map: ValuesMap;
  layout: MapLayout;
  filters: MapFilters;
  counts: MapGapCounts;
  /** The legend's sentences ("2 values have no action in the last 30 days"). */
  summary: string[];
  /** Sessions, streak and follow-through of the whole journal; absent when there is no journal. */
  stats?: MapStats;
  /** The same as short lines for the legend (`statsSummary`); empty when there is no journal. */
  statsSummary: string[];
  focusChoices: MapFocusChoice[];
  today: string;
  /** Key of the journal shown (its workspace folder URI); absent when there is none. */
  journal?: string;
  /** Shown instead of the map when there is nothing to draw ("No coaching journal in this workspace"). */
  notice?: string;
}

export type MapHostMessage = MapRenderMessage;

/** What the webview keeps with `setState` (and the serializer gets back after a window reload). */
export interface MapViewState {
  version: 1;
  filters: MapFilters;
  /** Zoom factor of the drawing. */
  zoom: number;
  /** Key of the selected node. */
  selected?: string;
  journal?: string;
}
