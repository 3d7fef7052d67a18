/**
 * The reader's compiled terms in storage.local (src/platform/user-tables.ts), typed with this
 * layer's shapes: the tables pages match with, the entries the popover and popup show.
 */
import { defineUserStorage } from '../platform/user-tables';
import type { UserTables } from './compile';
import type { UserEntries } from './display';

export const {
  getUserTables,
  getUserEntries,
  setUserTables,
  watchUserTables,
  watchUserEntries,
  getPageExtras,
} = defineUserStorage<UserTables, UserEntries>();
