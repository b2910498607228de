/* rule-cases.h - the rules' test cases: answers that pass every rule, one
 * per kind of app, and for each rule inputs that break it and that pass.
 * Used by test-rules.c (each case through the rules) and rule-cases.c
 * (each breaking case as an answers file, for the wizard's screens).
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_RULE_CASES_H
#define ZW_RULE_CASES_H

#include "core/findings.h"

#include <string.h>

/* Answers that pass every rule, one per kind of app. */
static const struct
{
  const char *name;
  const char *text;
} bases[] = {
  { "general-user",
    "app_type=general\nmanagement=user\nenvironment=development\n"
    "redirect_url=https://app.example.com/oauth/callback\n"
    "allow_list=https://app.example.com/oauth/callback\n"
    "scopes=meeting:read:meeting user:read:user\n"
    "client_id=AbCdEfGhIjKlMnOpQrStUv\n"
    "client_secret=test-secret-0000000000000000000A\n" },
  { "general-admin",
    "app_type=general\nmanagement=admin\nenvironment=production\n"
    "redirect_url=https://app.example.com/oauth/callback\n"
    "scopes=meeting:read:meeting:admin user:read:user:admin\n"
    "client_id=AbCdEfGhIjKlMnOpQrStUv\n"
    "client_secret=test-secret-0000000000000000000A\n" },
  { "s2s",
    "app_type=s2s\naccount_id=AcCoUnTiD0000000000000\n"
    "scopes=user:read:user:admin meeting:write:meeting:master\n"
    "client_id=AbCdEfGhIjKlMnOpQrStUv\n"
    "client_secret=test-secret-0000000000000000000A\n" },
  { "legacy-user",
    "app_type=oauth-legacy\nmanagement=user\n"
    "redirect_url=https://app.example.com/oauth/callback\n"
    "scopes=meeting:read user:read\n"
    "client_id=AbCdEfGhIjKlMnOpQrStUv\n"
    "client_secret=test-secret-0000000000000000000A\n" },
  { "mattermost",
    "preset=mattermost-account\nsite_url=https://chat.example.com\n"
    "client_id=AbCdEfGhIjKlMnOpQrStUv\n"
    "client_secret=test-secret-0000000000000000000A\n"
    "secret_token=test-token-00000000000000000000B\n"
    "encryption_key=test-encryption-key-00000000000C\n"
    "webhook_secret=test-webhook-secret-00000000000D\n" },
  { "recall",
    "preset=recall-account\nredirect_url=https://bots.example.com/zoom/callback\n"
    "client_id=AbCdEfGhIjKlMnOpQrStUv\n"
    "client_secret=test-secret-0000000000000000000A\n"
    "secret_token=test-token-00000000000000000000B\n"
    "recall_region=us-west-2\nrecall_app_id=0b9a7e2c-1111-2222-3333-444455556666\n" },
};

typedef struct
{
  const char *name;    /* the test path under /rules/ */
  const char *base;    /* one of bases[] */
  const char *changes; /* key=value lines; "!key" removes the key */
  const char *rule;    /* the rule id looked for */
  gboolean breaks;     /* TRUE: the rule must report; FALSE: it must not */
  Severity severity;   /* when it breaks */
  const char *mention; /* when set, in the finding's message or fix */
} Case;

#define BREAKS(n, b, c, r, m) { n, b, c, r, TRUE, SEVERITY_ERROR, m }
#define WARNS(n, b, c, r, m) { n, b, c, r, TRUE, SEVERITY_WARNING, m }
#define PASSES(n, b, c, r) { n, b, c, r, FALSE, SEVERITY_ERROR, NULL }

static const Case cases[] = {
  BREAKS ("value-invalid/typo", "general-user", "app_type=gneral", "value-invalid", "'general'"),
  BREAKS ("value-invalid/jwt", "general-user", "app_type=jwt", "value-invalid", "Server-to-Server"),
  BREAKS ("value-invalid/region", "general-user", "recall_region=us-east", "value-invalid", "us-east-1"),
  PASSES ("value-invalid/ok", "general-user", "recall_region=eu-central-1", "value-invalid"),

  BREAKS ("contact-missing/name", "s2s", "builder=builder\ncontact_email=ada@example.com\ncompany=Example", "contact-missing", "developer contact"),
  BREAKS ("contact-missing/email", "general-user", "builder=builder\ncontact_name=Ada\ncontact_email=ada.example.com\ncompany=Example", "contact-missing", "not an email address"),
  PASSES ("contact-missing/by-hand", "s2s", "builder=marketplace", "contact-missing"),
  PASSES ("contact-missing/legacy", "legacy-user", "builder=builder", "contact-missing"),
  PASSES ("contact-missing/given", "s2s", "builder=builder\ncontact_name=Ada\ncontact_email=ada@example.com\ncompany=Example", "contact-missing"),
  BREAKS ("value-missing/app-type", "general-user", "!app_type", "value-missing", "app_type"),
  BREAKS ("value-missing/client-id", "general-user", "!client_id", "value-missing", "Client ID"),
  BREAKS ("value-missing/account-id", "s2s", "!account_id", "value-missing", "Account ID"),
  BREAKS ("value-missing/redirect", "general-user", "!redirect_url\n!allow_list", "value-missing", "redirect"),
  BREAKS ("value-missing/site-url", "mattermost", "!site_url", "value-missing", "site_url"),
  PASSES ("value-missing/s2s-no-redirect", "s2s", "", "value-missing"),

  BREAKS ("app-type-management/none", "general-user", "!management", "app-type-management", "management = admin"),
  WARNS ("app-type-management/s2s", "s2s", "management=admin", "app-type-management", "ignored"),
  PASSES ("app-type-management/ok", "general-admin", "", "app-type-management"),

  BREAKS ("app-type-preset/management", "mattermost", "management=user", "app-type-preset", "admin"),
  BREAKS ("app-type-preset/app-type", "mattermost", "app_type=s2s\naccount_id=AcCoUnTiD0000000000000", "app-type-preset", "general"),
  PASSES ("app-type-preset/legacy-ok", "mattermost", "app_type=oauth-legacy", "app-type-preset"),

  BREAKS ("scope-none/empty", "general-user", "scopes=", "scope-none", "scope"),
  BREAKS ("scope-none/blank", "s2s", "scopes=  ", "scope-none", NULL),
  PASSES ("scope-none/one", "general-user", "scopes=user:read:user", "scope-none"),

  BREAKS ("scope-malformed/case", "general-user", "scopes=Meeting:Read:Meeting", "scope-malformed", "meeting:read:meeting"),
  BREAKS ("scope-malformed/colons", "general-user", "scopes=meeting::read", "scope-malformed", NULL),
  PASSES ("scope-malformed/commas-separate", "general-user", "scopes=meeting:read:meeting,user:read:user", "scope-malformed"),

  BREAKS ("scope-unknown/typo", "general-user", "scopes=meeting:read:meetnig user:read:user", "scope-unknown", "meeting:read:meeting"),
  BREAKS ("scope-unknown/level-typo", "general-admin", "scopes=user:read:user:admn", "scope-unknown", "user:read:user:admin"),
  WARNS ("scope-unknown/far", "general-user", "scopes=user:read:user hologram:beam:everything_now", "scope-unknown", "newer"),
  PASSES ("scope-unknown/known", "general-user", "", "scope-unknown"),

  BREAKS ("scope-level-mixed/issue-example", "general-user",
          "scopes=meeting:read:meeting meeting:write:meeting:admin", "scope-level-mixed",
          "meeting:read:meeting; admin level meeting:write:meeting:admin"),
  BREAKS ("scope-level-mixed/master", "s2s", "scopes=user:read:user meeting:write:meeting:master", "scope-level-mixed", "master"),
  BREAKS ("scope-level-mixed/classic", "legacy-user", "scopes=meeting:read user:read:admin", "scope-level-mixed", "user:read:admin"),
  PASSES ("scope-level-mixed/admin-and-master", "s2s", "", "scope-level-mixed"),

  BREAKS ("scope-admin-on-user-app/admin", "general-user", "scopes=meeting:read:meeting:admin", "scope-admin-on-user-app", "meeting:read:meeting:admin"),
  BREAKS ("scope-admin-on-user-app/master", "general-user", "scopes=user:read:user:master", "scope-admin-on-user-app", "user:read:user:master"),
  PASSES ("scope-admin-on-user-app/admin-app", "general-admin", "", "scope-admin-on-user-app"),

  BREAKS ("scope-user-on-admin-app/admin", "general-admin", "scopes=meeting:read:meeting", "scope-user-on-admin-app", "admin-managed"),
  BREAKS ("scope-user-on-admin-app/s2s", "s2s", "scopes=user:read:user", "scope-user-on-admin-app", "Server-to-Server"),
  PASSES ("scope-user-on-admin-app/user-app", "general-user", "", "scope-user-on-admin-app"),
  PASSES ("scope-user-on-admin-app/user-level-only", "s2s", "scopes=marketplace:update:client_secret marketplace:write:app:admin", "scope-user-on-admin-app"),
  PASSES ("scope-level-mixed/user-level-only", "s2s", "scopes=marketplace:update:client_secret marketplace:write:app:admin", "scope-level-mixed"),

  WARNS ("scope-level-unconfirmed/s2s", "s2s", "scopes=marketplace:update:client_secret marketplace:write:app:admin", "scope-level-unconfirmed", "marketplace:update:client_secret has no :admin form"),
  WARNS ("scope-level-unconfirmed/admin", "general-admin", "scopes=marketplace:update:client_secret user:read:user:admin", "scope-level-unconfirmed", "not confirmed"),
  PASSES ("scope-level-unconfirmed/user-app", "general-user", "scopes=marketplace:update:client_secret user:read:user", "scope-level-unconfirmed"),
  PASSES ("scope-level-unconfirmed/has-admin-form", "s2s", "", "scope-level-unconfirmed"),

  BREAKS ("scope-family-mixed/general", "general-user", "scopes=meeting:read user:read:user", "scope-family-mixed", "meeting:read"),
  WARNS ("scope-family-mixed/legacy", "legacy-user", "scopes=meeting:read user:read:user", "scope-family-mixed", "user:read:user"),
  PASSES ("scope-family-mixed/both-family-name", "general-user", "scopes=meeting:write:sip_dialing user:read:user", "scope-family-mixed"),

  WARNS ("scope-classic-on-general/classic", "general-user", "scopes=meeting:read user:read", "scope-classic-on-general", "oauth-legacy"),
  PASSES ("scope-classic-on-general/legacy", "legacy-user", "", "scope-classic-on-general"),

  BREAKS ("scope-required-missing/one", "mattermost", "scopes=meeting:read:meeting:admin meeting:write:meeting:admin", "scope-required-missing", "user:read:user:admin"),
  BREAKS ("scope-required-missing/legacy", "mattermost", "app_type=oauth-legacy\nscopes=meeting:read:admin meeting:write:admin", "scope-required-missing", "user:read:admin"),
  PASSES ("scope-required-missing/all", "mattermost", "scopes=meeting:read:meeting:admin meeting:write:meeting:admin user:read:user:admin user:read:email:admin", "scope-required-missing"),

  BREAKS ("url-whitespace/inner", "general-user", "redirect_url=https://app.example.com/oauth/call back\n!allow_list", "url-whitespace", "%20"),
  PASSES ("url-whitespace/clean", "general-user", "", "url-whitespace"),

  BREAKS ("url-invalid/no-scheme", "general-user", "redirect_url=app.example.com/cb\n!allow_list", "url-invalid", "https://"),
  BREAKS ("url-invalid/ftp", "general-user", "redirect_url=ftp://app.example.com/cb\n!allow_list", "url-invalid", NULL),
  BREAKS ("url-invalid/no-host", "general-user", "event_endpoint=https:///hook\nsecret_token=x", "url-invalid", NULL),
  PASSES ("url-invalid/port", "general-user", "redirect_url=https://app.example.com:8443/cb\nallow_list=https://app.example.com:8443/cb", "url-invalid"),

  BREAKS ("url-not-https/redirect", "general-user", "redirect_url=http://app.example.com/cb\nallow_list=http://app.example.com/cb", "url-not-https", "http://app.example.com/cb"),
  PASSES ("url-not-https/loopback", "general-user", "redirect_url=http://127.0.0.1:8080/cb\nallow_list=http://127.0.0.1:8080/cb", "url-not-https"),

  BREAKS ("url-fragment/redirect", "general-user", "redirect_url=https://app.example.com/cb#x\n!allow_list", "url-fragment", "#"),
  PASSES ("url-fragment/query", "general-user", "redirect_url=https://app.example.com/cb?x=1\n!allow_list", "url-fragment"),

  BREAKS ("url-userinfo/password", "general-user", "event_endpoint=https://bob:hunter2@app.example.com/hook\nsecret_token=x", "url-userinfo", "@"),
  PASSES ("url-userinfo/none", "general-user", "", "url-userinfo"),

  BREAKS ("url-loopback-production/redirect", "general-admin", "redirect_url=http://localhost:8080/cb", "url-loopback-production", "Development"),
  PASSES ("url-loopback-production/development", "general-user", "redirect_url=http://localhost:8080/cb\nallow_list=http://localhost:8080/cb", "url-loopback-production"),

  BREAKS ("url-loopback-refused/recall-localhost", "general-user", "preset=recall-user\nredirect_url=http://localhost:3000/zoom/callback\nallow_list=http://localhost:3000/zoom/callback", "url-loopback-refused", "Recall.ai refuses a localhost redirect URL"),
  BREAKS ("url-loopback-refused/recall-ipv6", "general-admin", "preset=recall-account\nenvironment=development\nredirect_url=http://[::1]:3000/cb", "url-loopback-refused", "public https page"),
  BREAKS ("url-loopback-refused/recall-production", "general-admin", "preset=recall-account\nredirect_url=https://127.0.0.1/cb", "url-loopback-refused", "final step"),
  PASSES ("url-loopback-refused/recall-public", "general-admin", "preset=recall-account", "url-loopback-refused"),
  PASSES ("url-loopback-refused/other-preset", "general-user", "redirect_url=http://localhost:8080/cb\nallow_list=http://localhost:8080/cb", "url-loopback-refused"),
  PASSES ("url-loopback-production/recall-said-once", "general-admin", "preset=recall-account\nredirect_url=https://127.0.0.1/cb\nallow_list=https://app.example.com/oauth/callback", "url-loopback-production"),

  WARNS ("url-loopback-endpoint/events", "general-user", "event_endpoint=http://127.0.0.1:9000/hook\nsecret_token=x", "url-loopback-endpoint", "cannot reach"),
  PASSES ("url-loopback-endpoint/public", "general-user", "event_endpoint=https://app.example.com/hook\nsecret_token=x", "url-loopback-endpoint"),

  BREAKS ("url-site-form/slash", "mattermost", "site_url=https://chat.example.com/", "url-site-form", "site_url = https://chat.example.com"),
  BREAKS ("url-site-form/query", "mattermost", "site_url=https://chat.example.com/mm?x=1", "url-site-form", "site_url = https://chat.example.com/mm"),
  PASSES ("url-site-form/path", "mattermost", "site_url=https://example.com/chat", "url-site-form"),

  BREAKS ("url-redirect-not-allowed/other", "general-user", "allow_list=https://other.example.com/cb", "url-redirect-not-allowed", "https://app.example.com/oauth/callback"),
  PASSES ("url-redirect-not-allowed/no-list", "general-user", "!allow_list", "url-redirect-not-allowed"),
  PASSES ("url-redirect-not-allowed/among", "general-user", "allow_list=https://x.example.com/a;https://app.example.com/oauth/callback", "url-redirect-not-allowed"),

  BREAKS ("url-trailing-slash/list", "general-user", "allow_list=https://app.example.com/oauth/callback/", "url-trailing-slash", "trailing slash"),
  BREAKS ("url-trailing-slash/redirect", "general-user", "redirect_url=https://app.example.com/oauth/callback/", "url-trailing-slash", NULL),
  PASSES ("url-trailing-slash/same", "general-user", "", "url-trailing-slash"),

  BREAKS ("url-preset-mismatch/redirect", "mattermost", "redirect_url=https://chat.example.com/plugins/zoom/oauth2/callback", "url-preset-mismatch", "/plugins/zoom/oauth2/complete"),
  /* Recall's URLs are Recall's to give: another one is compared, not refused. */
  WARNS ("url-preset-mismatch/recall", "recall",
         "event_endpoint=https://us-west-2.recall.ai/api/v2/zoom-oauth-apps/other/webhook",
         "url-preset-mismatch", "dashboard"),
  /* Told apart only by the hidden ?secret=: webhook-secret-mismatch's to say. */
  PASSES ("url-preset-mismatch/only-secret", "mattermost",
          "event_endpoint=https://chat.example.com/plugins/zoom/webhook?secret=someotherone0000000000000000000A",
          "url-preset-mismatch"),
  PASSES ("url-preset-mismatch/same", "mattermost", "redirect_url=https://chat.example.com/plugins/zoom/oauth2/complete", "url-preset-mismatch"),

  BREAKS ("secret-format/short", "mattermost", "encryption_key=tooshort", "secret-format", "32"),
  BREAKS ("secret-format/alphabet", "mattermost", "webhook_secret=test+webhook/secret=0000000000000D", "secret-format", "other characters"),
  PASSES ("secret-format/generated", "mattermost", "", "secret-format"),

  BREAKS ("secret-missing/generated", "mattermost", "!encryption_key", "secret-missing", "zoomwiz secret generate"),
  WARNS ("secret-missing/prompted", "mattermost", "!client_secret", "secret-missing", "client_secret_file"),
  PASSES ("secret-missing/all", "mattermost", "", "secret-missing"),

  BREAKS ("secret-token-missing/events", "mattermost", "!secret_token", "secret-token-missing", "Secret Token"),
  BREAKS ("secret-token-missing/endpoint", "general-user", "event_endpoint=https://app.example.com/hook", "secret-token-missing", NULL),
  PASSES ("secret-token-missing/no-events", "general-user", "", "secret-token-missing"),

  BREAKS ("events-endpoint-missing/events", "general-user", "events=meeting.ended\nsecret_token=x", "events-endpoint-missing", "event_endpoint"),
  BREAKS ("events-endpoint-missing/template", "mattermost", "!webhook_secret", "events-endpoint-missing", "{webhook_secret}"),
  PASSES ("events-endpoint-missing/both", "general-user", "events=meeting.ended\nsecret_token=x\nevent_endpoint=https://app.example.com/hook", "events-endpoint-missing"),

  BREAKS ("event-malformed/camel", "mattermost", "events=MeetingEnded", "event-malformed", "MeetingEnded"),
  BREAKS ("event-malformed/dot", "mattermost", "events=meeting.", "event-malformed", NULL),
  PASSES ("event-malformed/ok", "mattermost", "events=meeting.ended recording.transcript_completed", "event-malformed"),
  BREAKS ("event-unknown/typo", "mattermost", "events=meeting.endd", "event-unknown", "meeting.ended"),
  WARNS ("event-unknown/far", "mattermost", "events=hologram.beamed", "event-unknown", "newer"),
  PASSES ("event-unknown/known", "mattermost", "events=meeting.ended recording.transcript_completed", "event-unknown"),

  BREAKS ("credential-whitespace/client-id", "general-user", "client_id=AbCdEf GhIjKl", "credential-whitespace", "client_id"),
  BREAKS ("credential-whitespace/quoted", "general-user", "client_secret=\"abc\"", "credential-whitespace", "client_secret"),
  PASSES ("credential-whitespace/clean", "general-user", "", "credential-whitespace"),

  BREAKS ("credential-shape/client-id-characters", "general-user", "client_id=AbCdEfGhIjK.lMnOpQrStUv", "credential-shape", "App Credentials"),
  BREAKS ("credential-shape/account-id-characters", "s2s", "account_id=AcCoUnTiD/00000000000000", "credential-shape", "account_id"),
  BREAKS ("credential-shape/not-ascii", "general-user", "client_id=AbCdEfGhIjKlMnÖpQrStUv", "credential-shape", "A-Z, a-z, 0-9, _ and -"),
  WARNS ("credential-shape/client-id-is-secret", "general-user", "client_id=Zq8PLmN3rT5vW7yB9dF1hJ2kL4nP6sU8", "credential-shape", "looks like the Client Secret"),
  WARNS ("credential-shape/account-id-is-secret", "s2s", "account_id=Zq8PLmN3rT5vW7yB9dF1hJ2kL4nP6sU8", "credential-shape", "App Credentials page"),
  WARNS ("credential-shape/longer", "general-user", "client_id=AbCdEfGhIjKlMnOpQrStUvAbCdEfGhIjKlMnOp", "credential-shape", "Client Secret"),
  WARNS ("credential-shape/short", "general-user", "client_id=AbCdEf", "credential-shape", "cut short"),
  PASSES ("credential-shape/older-and-newer", "s2s", "client_id=S2s_Client-Id000000000\naccount_id=AcCoUnT9999999999999999", "credential-shape"),
  PASSES ("credential-shape/space-said-once", "general-user", "client_id=AbCdEf GhIjKl", "credential-shape"),

  BREAKS ("webhook-secret-mismatch/endpoint", "mattermost",
          "event_endpoint=https://chat.example.com/plugins/zoom/webhook?secret=someotherone0000000000000000000A",
          "webhook-secret-mismatch", "401"),
  PASSES ("webhook-secret-mismatch/derived", "mattermost", "", "webhook-secret-mismatch"),
};


static inline const char *
rule_case_base (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    if (strcmp (bases[i].name, name) == 0)
      return bases[i].text;
  g_error ("no base %s", name);
}

/* The base's answers with CHANGES applied, as a key file. */
static inline GKeyFile *
rule_case_keyfile (const char *base, const char *changes)
{
  GKeyFile *kf = g_key_file_new ();
  g_autofree char *text = g_strconcat ("[zoomwiz]\n", rule_case_base (base), NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_key_file_load_from_data (kf, text, -1, G_KEY_FILE_NONE, &error));
  g_auto (GStrv) lines = g_strsplit (changes, "\n", -1);
  for (char **l = lines; *l != NULL; l++)
    {
      if (**l == '\0')
        continue;
      if (**l == '!')
        {
          g_key_file_remove_key (kf, "zoomwiz", *l + 1, NULL);
          continue;
        }
      char *eq = strchr (*l, '=');
      g_assert_nonnull (eq);
      g_autofree char *key = g_strndup (*l, eq - *l);
      g_key_file_set_value (kf, "zoomwiz", key, eq + 1);
    }
  return kf;
}

#endif
