/** The development origin every URL of manifest.xml uses; a production build replaces it with the hosting URL. */
export const DEV_ORIGIN = "https://localhost:3000";

/**
 * The manifest for a hosting URL such as `https://example.com/kpi`: every dev URL (and the AppDomain) points at
 * it instead. Office only loads add-ins over https.
 */
export function productionManifest(xml: string, hostingUrl: string): string {
  let url: URL;
  try {
    url = new URL(hostingUrl);
  } catch {
    throw new Error(`ADDIN_URL "${hostingUrl}" is not a URL; expected e.g. https://example.com/kpi`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL must be an https URL, got "${hostingUrl}"`);
  const base = url.href.replace(/\/+$/, "");
  return xml
    .replace(
      /<!-- Development manifest[^]*?-->/,
      `<!-- Production manifest for ${base}/, written by the build from manifest.xml. -->`,
    )
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${url.origin}</AppDomain>`)
    .split(DEV_ORIGIN)
    .join(base);
}
