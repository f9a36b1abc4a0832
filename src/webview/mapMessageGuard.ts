/**
 * Runtime checks for what crosses the webview boundary. A message or saved state that is not exactly
 * one of the protocol's shapes is dropped (the webview is ours, but its messages are still input).
 */
import { isMapFilters } from '../core/mapView';
import type { MapViewState, MapWebviewMessage } from '../shared/mapProtocol';

/** Largest SVG export accepted from the webview (a map of thousands of nodes stays well below). */
export const MAX_SVG_EXPORT_CHARS = 20_000_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The message as a `MapWebviewMessage`, or `undefined` when it is malformed. */
export function parseMapWebviewMessage(value: unknown): MapWebviewMessage | undefined {
  if (!isRecord(value) || typeof value.type !== 'string') {
    return undefined;
  }
  switch (value.type) {
    case 'ready':
      return { type: 'ready' };
    case 'exportMermaid':
      return { type: 'exportMermaid' };
    case 'open':
      return typeof value.key === 'string' && value.key.length > 0 && value.key.length <= 300 ? { type: 'open', key: value.key } : undefined;
    case 'filtersChanged':
      return isMapFilters(value.filters)
        ? { type: 'filtersChanged', filters: { include: value.filters.include, period: value.filters.period, ...(value.filters.focus ? { focus: value.filters.focus } : {}) } }
        : undefined;
    case 'exportSvg':
      return typeof value.svg === 'string' && value.svg.length <= MAX_SVG_EXPORT_CHARS && /^<svg[\s>]/.test(value.svg) && value.svg.trimEnd().endsWith('</svg>')
        ? { type: 'exportSvg', svg: value.svg }
        : undefined;
    default:
      return undefined;
  }
}

/** The saved webview state, or `undefined` when it cannot be used (then the restored panel is closed). */
export function parseMapViewState(value: unknown): MapViewState | undefined {
  if (!isRecord(value) || value.version !== 1 || !isMapFilters(value.filters)) {
    return undefined;
  }
  const zoom = typeof value.zoom === 'number' && Number.isFinite(value.zoom) ? Math.min(4, Math.max(0.25, value.zoom)) : 1;
  return {
    version: 1,
    filters: value.filters,
    zoom,
    selected: typeof value.selected === 'string' ? value.selected : undefined,
    journal: typeof value.journal === 'string' ? value.journal : undefined,
  };
}
