/* transport.c - see transport.h.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "transport.h"
#include "core/text.h"

#include <jansson.h>

char *
transport_host_of (const char *url)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup ("?");
  int port = g_uri_get_port (uri);
  return port > 0 ? g_strdup_printf ("%s:%d", g_uri_get_host (uri), port)
                  : g_strdup (g_uri_get_host (uri));
}

void
transport_failure (GPtrArray *checks, const char *id, const HttpResponse *r,
                   const char *url, guint timeout_s, TransportPeer peer)
{
  g_autofree char *host = transport_host_of (url);
  g_autofree char *detail = text_sanitize (r->detail ? r->detail : "", -1, 200);
  Check *c = NULL;
  /* The fix for each peer: Zoom, the event endpoint, another service. */
#define PICK(zoom, endpoint, service)                                         \
  (peer == PEER_ZOOM ? (zoom) : peer == PEER_ENDPOINT ? (endpoint) : (service))

  switch (r->error)
    {
    case HTTP_ERR_DNS:
      c = checks_add (checks, id, CHECK_FAIL,
                      _("Check the spelling of the URL and this machine's DNS "
                        "(resolv.conf, a proxy)."),
                      _("The name %s does not resolve."), host);
      break;
    case HTTP_ERR_REFUSED:
      c = checks_add (checks, id, CHECK_FAIL,
                      PICK (_("Check the URL and port, and any firewall or proxy "
                              "between here and Zoom."),
                            _("Check that the receiver runs and listens on that "
                              "port, and any firewall or reverse proxy in front "
                              "of it."),
                            _("Check the region or URL, and any firewall or proxy "
                              "on the way.")),
                      _("Nothing accepts connections at %s (connection refused)."), host);
      break;
    case HTTP_ERR_TIMEOUT:
      c = checks_add (checks, id, CHECK_FAIL,
                      PICK (_("Check the network path to Zoom (proxy, firewall), or "
                              "allow more time with --timeout."),
                            _("Check that the receiver is up and answers; Zoom waits "
                              "only 3 seconds."),
                            _("Check the network path (proxy, firewall), or allow "
                              "more time with --timeout.")),
                      _("%s did not answer within %u seconds."), host, timeout_s);
      break;
    case HTTP_ERR_UNTRUSTED:
      c = checks_add (checks, id, CHECK_FAIL,
                      PICK (_("If a TLS-inspecting proxy is in the way, give its CA "
                              "certificate with --ca-file. zoomwiz never turns "
                              "verification off."),
                            _("Zoom sends events only to endpoints whose certificate "
                              "a public CA signed: install one (e.g. Let's Encrypt) "
                              "with its whole chain. For a test receiver, give its "
                              "CA with --ca-file."),
                            _("If a TLS-inspecting proxy is in the way, give its CA "
                              "certificate with --ca-file. zoomwiz never turns "
                              "verification off.")),
                      _("The TLS certificate of %s is not trusted: no CA this machine "
                        "trusts signed it (%s)."),
                      host, detail);
      break;
    case HTTP_ERR_NAME:
      c = checks_add (checks, id, CHECK_FAIL,
                      _("Check the URL: the server presents a certificate made for "
                        "another name."),
                      _("The TLS certificate of %s is for another host name (%s)."), host,
                      detail);
      break;
    case HTTP_ERR_CA_BUNDLE:
      if (r->ca_given)
        c = checks_add (checks, id, CHECK_FAIL,
                        _("Check the path given with --ca-file: it must be a "
                          "readable file of PEM certificates."),
                        /* TRANSLATORS: %s is the file given with --ca-file. */
                        _("The CA file %s cannot be read, so the TLS certificate "
                          "of %s cannot be checked."),
                        detail, host);
      else
        c = checks_add (checks, id, CHECK_FAIL,
                        _("Install the CA certificates (Debian, Ubuntu: apt-get "
                          "install ca-certificates), or give a bundle with "
                          "--ca-file."),
                        /* TRANSLATORS: the file, e.g. /etc/ssl/certs/ca-certificates.crt. */
                        _("This machine's CA bundle %s is missing or cannot be "
                          "read, so the TLS certificate of %s cannot be checked."),
                        *detail ? detail : "?", host);
      break;
    case HTTP_ERR_CERT_DATE:
      c = checks_add (checks, id, CHECK_FAIL,
                      _("Check this machine's clock (date -u): when it is right, the "
                        "certificate has expired or is not valid yet, and must be "
                        "renewed (or a TLS-inspecting proxy presents an old one)."),
                      _("The TLS certificate of %s is outside its dates of validity "
                        "(%s)."),
                      host, detail);
      break;
    case HTTP_ERR_TLS:
      c = checks_add (checks, id, CHECK_FAIL,
                      PICK (_("Check that the URL is Zoom's, and that no proxy breaks "
                              "TLS."),
                            _("Check that the endpoint speaks TLS on that port (not "
                              "plain http), with a current TLS version."),
                            _("Check the URL, and that no proxy breaks TLS.")),
                      _("The TLS handshake with %s failed (%s)."), host, detail);
      break;
    case HTTP_ERR_TOO_LARGE:
      checks_add (checks, id, CHECK_FAIL,
                  PICK (_("Check that the URL is Zoom's."),
                        _("Check that the URL is the receiver's."),
                        _("Check the URL.")),
                  _("%s sent an answer over 1 MiB; zoomwiz refused it."), host);
      return;
    case HTTP_ERR_HEADERS_TOO_LARGE:
      checks_add (checks, id, CHECK_FAIL,
                  PICK (_("Check that the URL is Zoom's."),
                        _("Check that the URL is the receiver's."),
                        _("Check the URL.")),
                  _("%s sent an answer whose headers are too large (over 100 kB); "
                    "zoomwiz refused it."),
                  host);
      return;
    case HTTP_ERR_REDIRECT:
      checks_add (checks, id, CHECK_FAIL,
                  PICK (_("Check zoom_url and api_url: give Zoom's address itself."),
                        _("Give the final address of the endpoint."),
                        _("Check the URL.")),
                  _("%s redirected to another host (%s); zoomwiz does not follow "
                    "redirects off the configured host."),
                  host, detail);
      return;
    case HTTP_ERR_MODULE:
      /* The loader's words hold the fix (module.c): whole, not cut. */
      c = checks_add (checks, id, CHECK_FAIL, r->detail,
                      _("%s was not asked: zoomwiz's network module is missing."), host);
      break;
    case HTTP_ERR_CANCELLED:
      checks_add (checks, id, CHECK_SKIP, NULL, _("Cancelled before %s answered."), host);
      return;
    default:
      c = checks_add (checks, id, CHECK_FAIL,
                      PICK (_("Check the network path to Zoom."),
                            _("Check the network path to the endpoint."),
                            _("Check the network path.")),
                      _("The request to %s failed: %s."), host, detail);
      break;
    }
  c->unreachable = TRUE;
#undef PICK
}

json_t *
transport_answer_json (GPtrArray *checks, const char *id, const HttpResponse *r,
                       const char *url)
{
  g_autofree char *host = transport_host_of (url);
  json_t *j = json_loadb ((const char *) r->body->data, r->body->len, 0, NULL);

  if (r->status == 429)
    {
      const char *after = http_response_header (r, "retry-after");
      const char *type = http_response_header (r, "x-ratelimit-type");
      checks_add (checks, id, CHECK_FAIL,
                 _("Wait and run again. Every app on the Zoom account shares its "
                   "rate limits."),
                 _("Zoom is rate-limiting this account (%s; Retry-After: %s)."),
                 type ? type : "HTTP 429", after ? after : "-");
      json_decref (j);
      return NULL;
    }
  if (r->status >= 500)
    {
      Check *c = checks_add (checks, id, CHECK_FAIL, _("Zoom has trouble of its own: "
                                                 "try again later (status.zoom.us)."),
                            _("%s answered HTTP %ld twice."), host, r->status);
      c->unreachable = TRUE;
      json_decref (j);
      return NULL;
    }
  if (r->body->len == 0)
    {
      checks_add (checks, id, CHECK_FAIL,
                  _("Check that zoom_url and api_url are Zoom's: a proxy or "
                    "login portal may be answering instead."),
                  _("%s answered HTTP %ld with an empty body."), host, r->status);
      return NULL;
    }
  if (j == NULL || !json_is_object (j))
    {
      const char *type = http_response_header (r, "content-type");
      g_autofree char *start = text_sanitize ((const char *) r->body->data,
                                              r->body->len, 80);
      checks_add (checks, id, CHECK_FAIL, _("Check that zoom_url and api_url are Zoom's: "
                                      "a proxy or login portal may be answering "
                                      "instead."),
                 _("%s answered HTTP %ld with something that is not JSON (%s): %s"),
                 host, r->status, type ? type : "-", start);
      json_decref (j);
      return NULL;
    }
  return j;
}

char *
transport_json_text (json_t *j, const char *key, guint max)
{
  const char *s = json_string_value (json_object_get (j, key));
  return s != NULL ? text_sanitize (s, -1, max) : NULL;
}
