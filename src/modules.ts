/** The modules the gateway runs, in mount order. Add a carrier or a transport here. */
import type { ModuleFactory } from './module';

export const MODULES: ModuleFactory[] = [];
