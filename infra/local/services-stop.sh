#!/usr/bin/env bash
# infra/local/services-stop.sh [run|test] - stops the local services of ./run's (default) or
# ./test's data folder that are still running (started by services-start.sh or left over).
set -euo pipefail
# shellcheck source=infra/local/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"

gp_configure "${1:-run}"
gp_services_stop --all
echo "==> services of $GP_DATA stopped"
