#!/usr/bin/env bash
# Lints every template synthesized by the earlier steps (the default app in cdk.out, and the feature-complete
# and pipeline configurations synthesized into cdk.out.*): any error or warning fails.
set -euo pipefail
shopt -s globstar nullglob
templates=(cdk.out/**/*.template.json cdk.out.*/**/*.template.json)
[ ${#templates[@]} -gt 0 ] || { echo "no synthesized templates to lint" >&2; exit 1; }
echo "linting ${#templates[@]} templates"
lint="$(command -v cfn-lint || echo "$HOME/.pyenv/shims/cfn-lint")"
"$lint" --format parseable -- "${templates[@]}"
echo "cfn-lint: no errors or warnings"
