#!/bin/sh
# pre-commit hook "pxlint-release" (.pre-commit-hooks.yaml): runs a released
# pxlint instead of building one with Go. The archive for this machine is
# downloaded once per version into the user cache and used only when it
# matches the release's checksums.txt (SHA-256).
#
#   - id: pxlint-release
#     args: [--pxlint-version=1.2.0]   # pin a release (else: the latest,
#                                      # which costs a request per commit)
#
# Other arguments go to `pxlint lint`. Needs curl (or wget), tar or unzip,
# and sha256sum or shasum: Linux, macOS and Git Bash on Windows have them.
set -eu

version=""
case "${1:-}" in
--pxlint-version=*)
  version="${1#--pxlint-version=}"
  version="${version#v}"
  shift
  ;;
esac

releases="${PXLINT_RELEASES_URL:-https://github.com/pxlint/pxlint/releases}"
case "$(uname -s)" in
Linux) os=linux ext=tar.gz exe=pxlint ;;
Darwin) os=darwin ext=tar.gz exe=pxlint ;;
MINGW* | MSYS* | CYGWIN*) os=windows ext=zip exe=pxlint.exe ;;
*)
  echo "pxlint-release: no pxlint release for $(uname -s); use the pxlint hook (builds with Go)" >&2
  exit 2
  ;;
esac
case "$(uname -m)" in
x86_64 | amd64) arch=amd64 ;;
aarch64 | arm64) arch=arm64 ;;
*)
  echo "pxlint-release: no pxlint release for $(uname -m); use the pxlint hook (builds with Go)" >&2
  exit 2
  ;;
esac

cache="${XDG_CACHE_HOME:-$HOME/.cache}/pxlint-release"
if [ -n "$version" ] && [ -x "$cache/$version/$exe" ]; then
  exec "$cache/$version/$exe" lint "$@"
fi

fetch() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL -o "$2" "$1"
  else
    wget -q -O "$2" "$1"
  fi
}

mkdir -p "$cache"
tmp=$(mktemp -d "$cache/.download.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
if [ -n "$version" ]; then
  url="$releases/download/v$version"
else
  url="$releases/latest/download"
fi
fetch "$url/checksums.txt" "$tmp/checksums.txt"
# The archive's line in checksums.txt names it, and so the version.
line=$(grep -E "^[0-9a-f]{64}  pxlint_[^ ]+_${os}_${arch}\.${ext}\$" "$tmp/checksums.txt" | head -n 1) || true
if [ -z "$line" ]; then
  echo "pxlint-release: no ${os}_${arch} archive in $url/checksums.txt" >&2
  exit 2
fi
archive="${line#*  }"
found="${archive#pxlint_}"
found="${found%_"${os}"_"${arch}".*}"
if [ -n "$version" ] && [ "$found" != "$version" ]; then
  echo "pxlint-release: checksums.txt of v$version lists $archive" >&2
  exit 2
fi
if [ -x "$cache/$found/$exe" ]; then
  rm -rf "$tmp"
  exec "$cache/$found/$exe" lint "$@"
fi
fetch "$url/$archive" "$tmp/$archive"
echo "$line" >"$tmp/archive.sha256"
if command -v sha256sum >/dev/null 2>&1; then
  check="sha256sum -c"
else
  check="shasum -a 256 -c"
fi
if ! (cd "$tmp" && $check archive.sha256 >/dev/null); then
  echo "pxlint-release: $archive does not match checksums.txt; not using it" >&2
  exit 2
fi
if [ "$ext" = zip ]; then
  unzip -q -o "$tmp/$archive" "$exe" -d "$tmp"
else
  tar -xzf "$tmp/$archive" -C "$tmp" "$exe"
fi
chmod +x "$tmp/$exe"
mkdir -p "$cache/$found"
mv -f "$tmp/$exe" "$cache/$found/$exe"
rm -rf "$tmp"
exec "$cache/$found/$exe" lint "$@"
