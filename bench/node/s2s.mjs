// Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
// bench/node/s2s.mjs - bench/verify's Node client: what `zoomwiz verify`
// asks of a Server-to-Server app (a token with the account credentials
// grant, then users/me), through Zoom's own SDK, @zoom/rivet.
//
// Reads {"url", "account_id", "client_id", "client_secret"} as JSON on
// standard input (no secret in argv) and prints {"net_ms", "email"} as JSON:
// the time from the first request to the answer of users/me, as the script
// saw it (the process's whole wall time, Node's start included, is the
// bench's own figure).
//
// Pointing the SDK at the fake Zoom: the API's base URL is the client's own
// baseUrl option; the token URL is a constant of the SDK (OAUTH_BASE_URL,
// https://zoom.us), so an axios request interceptor rewrites that prefix to
// the fake's URL. axios is the SDK's HTTP client: the import below is the
// copy npm put beside the SDK (not a dependency of our own, so that it is
// the SDK's and not a second one); the script fails if the interceptor
// never saw the token request.
// The CA comes from NODE_EXTRA_CA_CERTS, set by the bench. Nothing else is
// changed: the SDK's own requests, headers and Node's default agent
// (keep-alive in Node 19 and later).
import { readFileSync } from "node:fs";
import axios from "axios";
import { UsersS2SAuthClient } from "@zoom/rivet/users";

const cfg = JSON.parse(readFileSync(0, "utf8"));
const ZOOM = "https://zoom.us";
let rewritten = 0;
axios.interceptors.request.use((req) => {
  if (typeof req.url === "string" && req.url.startsWith(ZOOM + "/")) {
    req.url = cfg.url + req.url.slice(ZOOM.length);
    rewritten++;
  }
  return req;
});

const client = new UsersS2SAuthClient({
  clientId: cfg.client_id,
  clientSecret: cfg.client_secret,
  accountId: cfg.account_id,
  baseUrl: cfg.url + "/v2",
  disableReceiver: true,
});
const t0 = performance.now();
const me = await client.endpoints.users.getUser({ path: { userId: "me" } });
const net = performance.now() - t0;
if (rewritten !== 1) throw new Error("the token request did not go through the interceptor");
if (me.statusCode !== 200) throw new Error("users/me: " + me.statusCode);
process.stdout.write(JSON.stringify({ net_ms: net, email: me.data.email }) + "\n");
