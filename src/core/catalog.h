/* catalog.h - Zoom's scope catalog (data/scopes.tsv, made by
 * tools/make-scope-catalog): every known scope with its family, level,
 * product and what it allows.
 * Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef ZW_CATALOG_H
#define ZW_CATALOG_H

#include "common.h"

typedef enum
{
  SCOPE_LEVEL_USER = 1 << 0,
  SCOPE_LEVEL_ADMIN = 1 << 1,
  SCOPE_LEVEL_MASTER = 1 << 2
} ScopeLevel;
#define SCOPE_LEVEL_ANY (SCOPE_LEVEL_USER | SCOPE_LEVEL_ADMIN | SCOPE_LEVEL_MASTER)
/* Admin and master both act for the whole account; one app never mixes
 * them with the user level. */
#define SCOPE_LEVEL_ACCOUNT (SCOPE_LEVEL_ADMIN | SCOPE_LEVEL_MASTER)

typedef enum
{
  SCOPE_FAMILY_GRANULAR = 1 << 0,
  SCOPE_FAMILY_CLASSIC = 1 << 1,
  SCOPE_FAMILY_BOTH = SCOPE_FAMILY_GRANULAR | SCOPE_FAMILY_CLASSIC
} ScopeFamily;

typedef struct
{
  const char *name;
  const char *product;
  const char *info; /* API operations (granular) or description (classic) */
  const char *note; /* why the catalog script flagged it, or "" */
  ScopeFamily family;
  ScopeLevel level;
} Scope;

typedef struct Catalog Catalog;

/* Loads PATH, or the installed data/scopes.tsv when PATH is NULL. */
Catalog *catalog_load (const char *path, GError **error);
void catalog_free (Catalog *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Catalog, catalog_free)

guint catalog_size (const Catalog *c);
const Scope *catalog_get (const Catalog *c, guint i);
const Scope *catalog_lookup (const Catalog *c, const char *name);
/* All names, in catalog order (owned by the catalog). */
const char *const *catalog_names (const Catalog *c);

/* Appends to OUT (const Scope*) every scope whose level is in LEVELS, family
 * in FAMILIES, and whose name matches PATTERN: a case-insensitive substring,
 * or a glob when PATTERN has * or ?. NULL or "" matches all. */
void catalog_filter (const Catalog *c, const char *pattern, ScopeLevel levels,
                     ScopeFamily families, GPtrArray *out);

const char *scope_level_name (ScopeLevel level);
const char *scope_family_name (ScopeFamily family);

#endif
