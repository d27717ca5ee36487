// Links that carry a scenario itself: its text deflated (CompressionStream, built into browsers
// and Node) and base64url-encoded into the URL's fragment, with the seed, so whoever opens the
// link runs the same scenario with the same seed and sees the same night. The fragment never
// reaches a server.

/** The fragment's key for the scenario text. */
const KEY = 'scenario';
/** Links longer than this are refused by some browsers and chat tools: offer the file instead. */
export const MAX_LINK_CHARS = 64_000;

export async function encodeScenario(text: string): Promise<string> {
  const deflated = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  let binary = '';
  for (let i = 0; i < deflated.length; i++) binary += String.fromCharCode(deflated[i]);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function decodeScenario(code: string): Promise<string> {
  const base64 = code.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(
    await pipe(bytes, new DecompressionStream('deflate-raw')),
  );
}

/** A link to this page that opens the scenario text with the seed. */
export async function shareLink(base: string, text: string, seed: number | undefined): Promise<string> {
  const url = new URL(base);
  url.hash = '';
  url.search = '';
  const fragment = new URLSearchParams();
  if (seed !== undefined) fragment.set('seed', String(seed));
  fragment.set(KEY, await encodeScenario(text));
  return `${url.toString()}#${fragment.toString()}`;
}

/** The scenario text and seed a link's fragment carries, if any; throws on a damaged link. */
export async function readShareLink(hash: string): Promise<{ text: string; seed?: number } | undefined> {
  const fragment = new URLSearchParams(hash.replace(/^#/, ''));
  const code = fragment.get(KEY);
  if (code === null) return undefined;
  const seed = fragment.get('seed');
  return {
    text: await decodeScenario(code),
    ...(seed !== null && /^\d+$/.test(seed) ? { seed: Number(seed) } : {}),
  };
}

async function pipe(
  bytes: Uint8Array<ArrayBuffer>,
  transform: CompressionStream | DecompressionStream,
): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
