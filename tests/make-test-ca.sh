#!/bin/sh
# make-test-ca.sh DIR - throwaway certificates for the fake Zoom server.
#   DIR/ca.pem, ca.key                 a test CA (CA:TRUE, keyCertSign)
#   DIR/server.pem, server.key         signed by it: IP:127.0.0.1, DNS:localhost
#   DIR/wrong-name.pem, wrong-name.key signed by it: DNS:wrong-name.test only
#   DIR/other-ca.pem, other-ca.key     a second, unrelated CA
#   DIR/expired.pem, expired.key       signed by the test CA, IP:127.0.0.1,
#                                      but expired (its end before its start)
# EC P-256 keys, valid for 2 days. Quiet unless something fails.
# shellcheck shell=sh
# Copyright (C) 2026 the zoomwiz authors. SPDX-License-Identifier: GPL-3.0-or-later

set -u

die () { echo "make-test-ca.sh: $*" >&2; exit 1; }

if [ $# -ne 1 ] || [ -z "$1" ]; then die "usage: make-test-ca.sh DIR"; fi
command -v openssl >/dev/null 2>&1 || die "openssl not found"

dir=$1
mkdir -p "$dir" || die "cannot create $dir"
work=$(mktemp -d "${TMPDIR:-/tmp}/make-test-ca.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$work"' EXIT
log=$work/openssl.log
days=2

# o STEP ARGS...: runs openssl quietly; on failure shows its output and stops.
o () {
  step=$1; shift
  if ! openssl "$@" >"$log" 2>&1; then
    sed 's/^/  /' "$log" >&2
    die "openssl failed: $step"
  fi
}

# A minimal config of our own, so the system openssl.cnf cannot add to it.
# conf NAME CN: writes $work/NAME.cnf for a request with that common name.
conf () {
  cat >"$work/$1.cnf" <<EOF || die "cannot write $work/$1.cnf"
[req]
distinguished_name = dn
prompt = no
[dn]
O = zoomwiz tests
CN = $2
[v3_ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
EOF
}

key () { o "key $1" genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/$1.key"; }

serial () { echo "0x$(openssl rand -hex 8)"; }

# ca NAME CN: a self-signed CA.
ca () {
  key "$1"
  conf "$1" "$2"
  o "ca $1" req -new -x509 -config "$work/$1.cnf" -extensions v3_ca \
    -key "$work/$1.key" -days "$days" -set_serial "$(serial)" -sha256 \
    -out "$work/$1.pem"
}

# leaf NAME CN SAN [DAYS]: a server certificate signed by $work/ca
# (DAYS -1: expired).
leaf () {
  leaf_days=${4:-$days}
  key "$1"
  conf "$1" "$2"
  cat >"$work/$1.ext" <<EOF || die "cannot write $work/$1.ext"
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = $3
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
  o "request $1" req -new -config "$work/$1.cnf" -key "$work/$1.key" \
    -out "$work/$1.csr"
  o "sign $1" x509 -req -in "$work/$1.csr" -CA "$work/ca.pem" \
    -CAkey "$work/ca.key" -set_serial "$(serial)" -days "$leaf_days" -sha256 \
    -extfile "$work/$1.ext" -out "$work/$1.pem"
  [ "$leaf_days" -lt 0 ] ||
    o "verify $1" verify -CAfile "$work/ca.pem" -purpose sslserver "$work/$1.pem"
}

ca ca "zoomwiz test CA"
leaf server "127.0.0.1" "IP:127.0.0.1, DNS:localhost"
leaf wrong-name "wrong-name.test" "DNS:wrong-name.test"
leaf expired "127.0.0.1" "IP:127.0.0.1, DNS:localhost" -1
ca other-ca "zoomwiz other test CA"

for f in ca server wrong-name other-ca expired; do
  cp "$work/$f.pem" "$dir/$f.pem" || die "cannot write $dir/$f.pem"
  (umask 077 && cp "$work/$f.key" "$dir/$f.key") || die "cannot write $dir/$f.key"
done
exit 0
