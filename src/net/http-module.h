/* http-module.h - http.h's transport (http-curl.c) as the module net.so:
 * the functions its table holds, in one list for the table, the module's
 * export of it and the program's stubs (http-module.c). Private to net/.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_HTTP_MODULE_H
#define ZW_HTTP_MODULE_H

#include "http.h"
#include "core/module.h"

/* F (return type, name, parameters, arguments) for those that return a
 * value, V (name, parameters, arguments) for the others. */
#define HTTP_TRANSPORT_FUNCTIONS(F, V)                                          \
  F (HttpClient *, http_client_new,                                             \
     (const char *ca_file, guint timeout_ms, HttpLogFunc log, gpointer log_data), \
     (ca_file, timeout_ms, log, log_data))                                      \
  V (http_client_free, (HttpClient * c), (c))                                   \
  F (HttpTransfer *, http_client_start, (HttpClient * c, const HttpRequest *request), \
     (c, request))                                                              \
  F (gboolean, http_client_step, (HttpClient * c, HttpTransfer *t, int timeout_ms), \
     (c, t, timeout_ms))                                                        \
  V (http_transfer_cancel, (HttpClient * c, HttpTransfer *t), (c, t))           \
  F (HttpResponse *, http_transfer_finish, (HttpClient * c, HttpTransfer *t), (c, t)) \
  V (http_client_set_idle, (HttpClient * c, int fd, HttpIdleFunc idle, gpointer data), \
     (c, fd, idle, data))                                                       \
  F (gboolean, http_client_sleep, (HttpClient * c, guint seconds), (c, seconds)) \
  F (gboolean, http_client_cancelled, (const HttpClient *c), (c))

#define HTTP_MEMBER_F(type, name, params, args) type (*name) params;
#define HTTP_MEMBER_V(name, params, args) void (*name) params;
typedef struct
{
  ModuleHead head;
  HTTP_TRANSPORT_FUNCTIONS (HTTP_MEMBER_F, HTTP_MEMBER_V)
} HttpTransport;

#endif
