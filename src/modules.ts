/** The modules the gateway runs, in mount order. Add a carrier or a transport here. */
import type { ModuleFactory } from './module';
import { agentStreamModule } from './stream/agentStream';

export const MODULES: ModuleFactory[] = [agentStreamModule];
