/** Secure Endpoint cloud API base URLs by region; a private cloud gives its own with --api-url. */
export const REGION_URLS = {
  na: 'https://api.amp.cisco.com',
  eu: 'https://api.eu.amp.cisco.com',
  apjc: 'https://api.apjc.amp.cisco.com',
} as const;

/** Plain http is tolerated only where nothing leaves the machine. */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
