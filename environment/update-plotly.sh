#!/usr/bin/env bash
# Refreshes the plotly.js bundle embedded in Kit.dll from npm. Usage: environment/update-plotly.sh 4.1.1
set -euo pipefail
version="${1:?usage: $0 <plotly.js-cartesian-dist-min version>}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "plotly.js-cartesian-dist-min@${version}" >/dev/null && tar xzf ./*.tgz)
cp "$work/package/plotly-cartesian.min.js" "$root/src/Kit/Charts/vendor/plotly-cartesian.min.js"
cp "$work/package/LICENSE" "$root/src/Kit/Charts/vendor/LICENSE-plotly.js.txt"
sed -i "s/public const string Version = \".*\";/public const string Version = \"${version}\";/" "$root/src/Kit/Charts/PlotlyJs.cs"
echo "plotly.js-cartesian-dist-min ${version} vendored; rebuild and re-run the chart tests."
