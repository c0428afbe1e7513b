#!/usr/bin/env bash
# Prints an access token (only the token, on stdout) for a demo client or user:
#   deploy/scripts/token.sh <client-or-account> [scope...]
# Clients use client credentials; users sign in through the login page as the "portal" public
# client (authorization code + PKCE, with a cookie jar), as a browser would.
# Credentials come from the demo file the identity service writes on first start.
# Env: DECENTWORK_CREDENTIALS (default .data/identity/demo-credentials.json),
#      DECENTWORK_IDENTITY_URL (default http://127.0.0.1:5185),
#      DECENTWORK_PORTAL_REDIRECT_URI (default http://127.0.0.1:5090/signin-oidc).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
credentials="${DECENTWORK_CREDENTIALS:-$root/.data/identity/demo-credentials.json}"
identity="${DECENTWORK_IDENTITY_URL:-http://127.0.0.1:5185}"
identity="${identity%/}"
redirect_uri="${DECENTWORK_PORTAL_REDIRECT_URI:-http://127.0.0.1:5090/signin-oidc}"

fail() { echo "token.sh: $*" >&2; exit 1; }

[[ $# -ge 1 && -n "$1" ]] || fail "usage: token.sh <client-or-account> [scope...]"
id="$1"; shift
scope="$*"
[[ -f "$credentials" ]] || fail "no credentials file at $credentials (start the identity service with Identity:DemoAccounts=true)"
command -v python3 >/dev/null || fail "python3 is needed"
command -v curl >/dev/null || fail "curl is needed"

# Small JSON/HTML/URL helpers; python3 is on every machine this runs on, jq is not.
py() { python3 -c "$@"; }

entry="$(py 'import json,sys
accounts = json.load(open(sys.argv[1]))["accounts"]
match = [a for a in accounts if a["id"] == sys.argv[2]]
if not match: sys.exit(1)
a = match[0]
print(a["kind"]); print(a.get("secret") or a.get("password") or "")' "$credentials" "$id")" \
  || fail "no demo client or account named '$id' in $credentials"
kind="$(sed -n 1p <<<"$entry")"
secret="$(sed -n 2p <<<"$entry")"

# Prints access_token from a token response, or the OAuth error on stderr.
access_token() {
  py 'import json,sys
body = sys.stdin.read()
try: d = json.loads(body)
except ValueError: sys.exit("token.sh: the token endpoint answered something that is not JSON")
if "access_token" not in d: sys.exit("token.sh: %s: %s" % (d.get("error", "error"), d.get("error_description", "")))
print(d["access_token"])'
}

if [[ "$kind" == "client" ]]; then
  args=(-sS -d grant_type=client_credentials --data-urlencode "client_id=$id" --data-urlencode "client_secret=$secret")
  [[ -n "$scope" ]] && args+=(--data-urlencode "scope=$scope")
  response="$(curl "${args[@]}" "$identity/connect/token")" || fail "no answer from $identity/connect/token"
  access_token <<<"$response"
  exit 0
fi

[[ "$kind" == "user" ]] || fail "unknown kind '$kind' for '$id'"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
jar="$work/cookies"

verifier="$(py 'import secrets; print(secrets.token_urlsafe(48))')"
challenge="$(py 'import base64,hashlib,sys; print(base64.urlsafe_b64encode(hashlib.sha256(sys.argv[1].encode()).digest()).rstrip(b"=").decode())' "$verifier")"
query="$(py 'import sys,urllib.parse as u
print(u.urlencode({"client_id": "portal", "response_type": "code", "redirect_uri": sys.argv[1],
                   "scope": ("openid profile " + sys.argv[2]).strip(), "state": "token-sh",
                   "code_challenge": sys.argv[3], "code_challenge_method": "S256"}))' "$redirect_uri" "$scope" "$challenge")"

# Location header of a response, made absolute against the identity URL.
location() {
  local where
  where="$(grep -i '^location:' "$1" | tail -1 | cut -d' ' -f2- | tr -d '\r')"
  [[ "$where" == /* ]] && where="$identity$where"
  printf '%s' "$where"
}

curl -sS -o /dev/null -D "$work/h1" -c "$jar" -b "$jar" "$identity/connect/authorize?$query" || fail "no answer from $identity"
login_url="$(location "$work/h1")"
[[ "$login_url" == *"/account/login"* ]] || fail "the authorize endpoint did not send us to the login page"

curl -sS -o "$work/login.html" -c "$jar" -b "$jar" "$login_url" || fail "could not load the login page"
fields="$(py 'import html,re,sys
page = open(sys.argv[1]).read()
for name in ("__RequestVerificationToken", "returnUrl"):
    m = re.search(r"name=\"%s\" value=\"([^\"]*)\"" % re.escape(name), page)
    if not m: sys.exit("token.sh: the login page has no %s field" % name)
    print(html.unescape(m.group(1)))' "$work/login.html")"
antiforgery="$(sed -n 1p <<<"$fields")"
return_url="$(sed -n 2p <<<"$fields")"

curl -sS -o /dev/null -D "$work/h2" -c "$jar" -b "$jar" \
  --data-urlencode "__RequestVerificationToken=$antiforgery" --data-urlencode "returnUrl=$return_url" \
  --data-urlencode "username=$id" --data-urlencode "password=$secret" "$identity/account/login"
back="$(location "$work/h2")"
[[ -n "$back" ]] || fail "sign-in failed for '$id' (wrong password or locked out)"

# The answer redirects to the portal with the code; read it without following.
curl -sS -o /dev/null -D "$work/h3" -c "$jar" -b "$jar" "$back"
callback="$(location "$work/h3")"
code="$(py 'import sys,urllib.parse as u
q = u.parse_qs(u.urlparse(sys.argv[1]).query)
if "code" not in q: sys.exit("token.sh: no code: %s" % q.get("error_description", q.get("error", ["unknown"]))[0])
print(q["code"][0])' "$callback")"

response="$(curl -sS -d grant_type=authorization_code -d client_id=portal --data-urlencode "code=$code" \
  --data-urlencode "redirect_uri=$redirect_uri" --data-urlencode "code_verifier=$verifier" "$identity/connect/token")"
access_token <<<"$response"
