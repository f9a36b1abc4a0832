import * as vscode from 'vscode';
import { unsafePathReason } from '../core';
import { Disposable } from './disposable';
import type { Logger } from './logger';

/** The extension's settings (documented in package.json), as one typed object per workspace folder. */
export interface CoachingConfig {
  /** `coaching.folder`: the journal folder, relative to the workspace folder, `/`-separated, no trailing slash. */
  readonly folder: string;
  /** `coaching.sessionCadenceDays`: days between sessions (default due date, "session due"). At least 1. */
  readonly sessionCadenceDays: number;
}

export const DEFAULT_CONFIG: CoachingConfig = { folder: 'coaching', sessionCadenceDays: 7 };

export interface ConfigChange {
  /** `coaching.folder` may differ: journals must be found again. */
  readonly folderChanged: boolean;
  /** `coaching.sessionCadenceDays` may differ. */
  readonly cadenceChanged: boolean;
}

/**
 * Reads the `coaching.*` settings once per workspace folder and caches them; the cache is dropped only
 * when a change event says the settings were affected.
 */
export class ConfigReader extends Disposable {
  private readonly cache = new Map<string, CoachingConfig>();
  private readonly changed = this._register(new vscode.EventEmitter<ConfigChange>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Logger) {
    super();
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      const folderChanged = e.affectsConfiguration('coaching.folder');
      const cadenceChanged = e.affectsConfiguration('coaching.sessionCadenceDays');
      if (folderChanged || cadenceChanged) {
        this.cache.clear();
        this.changed.fire({ folderChanged, cadenceChanged });
      }
    }));
  }

  /** The settings that apply to a workspace folder (or the window, without one). */
  get(scope?: vscode.WorkspaceFolder): CoachingConfig {
    const key = scope?.uri.toString() ?? '';
    let config = this.cache.get(key);
    if (!config) {
      config = this.read(scope);
      this.cache.set(key, config);
    }
    return config;
  }

  private read(scope: vscode.WorkspaceFolder | undefined): CoachingConfig {
    const c = vscode.workspace.getConfiguration('coaching', scope);
    let folder = String(c.get<string>('folder') ?? DEFAULT_CONFIG.folder).trim().replace(/\\/g, '/').replace(/\/+$/, '');
    const unsafe = unsafePathReason(folder);
    if (unsafe) {
      this.log.warn(`coaching.folder "${folder}" is not usable (${unsafe}); using "${DEFAULT_CONFIG.folder}".`);
      folder = DEFAULT_CONFIG.folder;
    }
    const raw = Number(c.get<number>('sessionCadenceDays'));
    const sessionCadenceDays = Number.isFinite(raw) && raw >= 1 ? Math.floor(raw) : DEFAULT_CONFIG.sessionCadenceDays;
    return { folder, sessionCadenceDays };
  }
}
