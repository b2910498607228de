#!/usr/bin/env python3
# footer-keys.py PO...: the key hints of each footer (a msgid of one leading
# space, hints two spaces apart: " Enter take  ^P back  q quit") name the same keys
# in its translation: the keys the program reads. tests/translations.sh runs it.
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later
import sys, re, json, subprocess
def uq(block): return ''.join(json.loads('"%s"'%m) for m in re.findall(r'"((?:[^"\\]|\\.)*)"',block))
KEY=re.compile(r'^(\^\S+|[A-Za-z?<>/]{1,3}|Enter|Esc|Tab|Space|PgUp/PgDn|↑↓|F\d{1,2})$')
def keys(s): return sorted(w for w in (h.split(' ')[0] for h in re.split(r' {2,}', s.strip()) if h) if KEY.match(w))
bad=n=0
for po in sys.argv[1:]:
    txt=subprocess.run(['msgcat','--no-wrap',po],capture_output=True,encoding='utf-8').stdout
    for e in txt.split('\n\n'):
        m=re.search(r'^msgid ((?:".*"\n?)+)',e,re.M)
        s=re.search(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)',e,re.M)
        if not m or not s or e.startswith('#~'): continue
        mid,mstr=uq(m.group(1)),uq(s.group(1))
        if not re.match(r'^ [^ ]', mid) or not mstr or '  ' not in mid.strip(): continue
        n+=1
        if keys(mid)!=keys(mstr):
            bad+=1; print("# %s: %r has the keys %s, its translation %s" % (po, mid, keys(mid), keys(mstr)))
print("# %d footers read" % n)
sys.exit(1 if bad else 0)
