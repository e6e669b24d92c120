#!/usr/bin/env bash
# infra/local/services-start.sh [run|test] - starts the local services in the background (for
# running the app or single tests from an IDE) and prints the variables to use.
# Same defaults and GP_* variables as ./run (default) or ./test; stop with services-stop.sh.
# shellcheck disable=SC2119 # the gp_* functions take optional arguments
set -euo pipefail
# shellcheck source=infra/local/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"

gp_configure "${1:-run}"
# On failure, stop what was started; on success, leave the services running.
trap 'rc=$?; if ((rc != 0)); then gp_services_stop; fi' EXIT
gp_install
gp_services_start
echo "# services keep running; stop them with: infra/local/services-stop.sh $GP_MODE"
if [[ $GP_MODE == run ]]; then
  gp_export_app_env
  for v in ConnectionStrings__Postgres ConnectionStrings__Blobs Smtp__Host Smtp__Port Smtp__Security Smtp__User Smtp__From App__MailCatcherUrl; do # not Smtp__Password
    if [[ -n ${!v:-} ]]; then printf 'export %s=%q\n' "$v" "${!v}"; fi
  done
else
  gp_print_env
fi
