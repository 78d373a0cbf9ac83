import { describe, expect, it } from 'vitest';
import { parseTwiml, renderTwiml, rewriteStreamUrls, streamUrls } from './index';

describe('rewriteStreamUrls', () => {
  it('rewrites the Streams that open a socket (Start, Connect) and keeps their parameters; Stop and stray Streams stay', () => {
    const doc = parseTwiml(
      '<Response><Start><Stream name="fork" url="wss://app/a"/></Start><Connect><Stream url="wss://app/b"><Parameter name="k" value="v"/></Stream></Connect>' +
        '<Stop><Stream name="fork"/></Stop><Stream url="wss://app/stray"/></Response>',
    );
    const { doc: out, rewritten } = rewriteStreamUrls(doc, (u) => `wss://gw/twilio/media/${u.slice(-1)}`);
    expect(rewritten).toBe(2);
    expect(streamUrls(out)).toEqual(['wss://gw/twilio/media/a', 'wss://gw/twilio/media/b']);
    const xml = renderTwiml(out);
    expect(xml).toContain('<Parameter name="k" value="v"/>');
    expect(xml).toContain('<Stop><Stream name="fork"/></Stop>');
    expect(xml).toContain('<Stream url="wss://app/stray"/>');
  });
});
