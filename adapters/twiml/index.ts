/** TwiML / TeXML manipulation, carrier-neutral. See each file for the why. */
export * from './document';
export * from './verbs';
export * from './disclosure';
export * from './relayUrls';
export * from './streamUrls';
export * from './dialTargets';
export * from './continuations';
