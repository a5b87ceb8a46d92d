// What the emulator serves, fetched independently of the page: straight from
// Node through the proxy (no Origin header, loopback, so no CORS involved),
// with the RPC encoding of the official SDKs, and read with JSON.parse.

/** RFC 3986 percent-encoding (encodeURIComponent leaves !'()* as they are). */
function rfc3986(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Calls `action` with flat parameters; resolves to the parsed JSON body. */
export async function callProxy(proxy, action, parameters) {
  const query = Object.keys(parameters)
    .sort()
    .map((key) => `${rfc3986(key)}=${rfc3986(String(parameters[key]))}`)
    .join("&");
  const response = await fetch(`${proxy}/${action}?${query}`, { method: "POST" });
  const body = await response.text();
  if (!response.ok) throw new Error(`${action}: HTTP ${response.status}: ${body}`);
  return JSON.parse(body);
}
