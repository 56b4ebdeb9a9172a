/**
 * The connector GUID at /config/agent/uuid of local.xml. No public sample exists, so this reads only that path
 * and ignores other <uuid> elements; anything else returns undefined and detection reports what it saw.
 */
export function parseLocalXmlGuid(xml: string): string | undefined {
  const agent = /<agent\b[^>]*>([\s\S]*?)<\/agent>/i.exec(xml);
  if (!agent) return undefined;
  const uuid = /<uuid>\s*([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\s*<\/uuid>/.exec(agent[1]);
  return uuid ? uuid[1].toLowerCase() : undefined;
}
