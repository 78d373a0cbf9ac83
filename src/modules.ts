/** The modules the gateway runs, in mount order. Add a carrier or a transport here. */
import type { ModuleFactory } from './module';
import { agentStreamModule } from './stream/agentStream';
import { twilioModule } from '../adapters/twilio/module';
import { networkModule } from './network/networkModule';
import { telnyxModule } from '../adapters/telnyx/module';

export const MODULES: ModuleFactory[] = [networkModule, agentStreamModule, twilioModule, telnyxModule];
