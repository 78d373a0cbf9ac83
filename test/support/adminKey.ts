/** The bootstrap admin key (CONSENT_GATE_API_KEY) every test gateway is started with, in-process or as a child. */
export const ADMIN_KEY = 'cg_live_test_admin_key_0123456789';
