#!/usr/bin/env bash
# `plumbline check` on generated 10k (and, with --large, 100k) element models against Python's
# json.load of the same file, the issue #16 yardstick. Runs the programs alternately (so that
# the other load on a shared machine hits both alike), 5 times each by default, and prints the
# median wall time, CPU time (user + system: steadier than wall time when other programs share
# the machine) and peak RSS of each, the ratio to Python, and the 100k/10k ratio.
#
#   tests/bench/compare_python.sh [--large] [--runs N] [--large-runs N] [--bin PATH]
#                                 [--before PATH] [--formats "json text sarif"]
#
# --before PATH also runs an older build (e.g. a copy of build/app/plumbline from before a
# change), interleaved with the others, so that before and after come from the same run.
#
# The 100k model takes minutes per run before the fixes of #16, hence its own (smaller) count.
#
# Needs GNU time (/usr/bin/time, Debian package `time`) and python3.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin="$root/build/app/plumbline"
runs=5
large_runs=1
large=0
before=""
formats="json text sarif"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --large) large=1 ;;
    --runs) runs=$2; shift ;;
    --large-runs) large_runs=$2; shift ;;
    --bin) bin=$2; shift ;;
    --before) before=$2; shift ;;
    --formats) formats=$2; shift ;;
    *) echo "usage: $0 [--large] [--runs N] [--large-runs N] [--bin PATH] [--formats LIST]" >&2; exit 2 ;;
  esac
  shift
done
[[ -x /usr/bin/time ]] || { echo "error: needs GNU time (/usr/bin/time)" >&2; exit 1; }
[[ -x "$bin" ]] || { echo "error: no $bin; build the plumbline target first" >&2; exit 1; }

work=${TMPDIR:-/tmp}/plumbline-compare
mkdir -p "$work"
sizes=(10000)
[[ $large -eq 1 ]] && sizes+=(100000)
for n in "${sizes[@]}"; do
  [[ -s "$work/m$n.json" ]] || python3 "$here/generate_model.py" "$n" "$work/m$n.json"
done

# One measurement: prints "wall-seconds kilobytes cpu-seconds". Exit status 1 of check means
# findings, not failure.
measure() {
  /usr/bin/time -o "$work/time.out" -f '%e %M %U %S' "$@" >/dev/null 2>&1 || true
  tail -1 "$work/time.out" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A time_of rss_of cpu_of
for n in "${sizes[@]}"; do
  model="$work/m$n.json"
  labels=(python)
  for f in $formats; do
    [[ -n $before ]] && labels+=("before:$f")
    labels+=("$f")
  done
  declare -A times=() rsses=() cpus=()
  count=$([[ $n -eq 10000 ]] && echo "$runs" || echo "$large_runs")
  for ((i = 0; i < count; ++i)); do
    for label in "${labels[@]}"; do
      if [[ $label == python ]]; then
        r=$(measure python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$model")
      elif [[ $label == before:* ]]; then
        r=$(measure "$before" check "$model" --format "${label#before:}")
      else
        r=$(measure "$bin" check "$model" --format "$label")
      fi
      read -r t m c <<<"$r"
      times[$label]+="$t "
      rsses[$label]+="$m "
      cpus[$label]+="$c "
    done
  done
  printf '\n%s elements (%s MB), median of %s runs\n' "$n" \
    "$(awk -v b="$(stat -c %s "$model")" 'BEGIN { printf "%.1f", b / 1048576 }')" "$count"
  printf '%-22s %9s %9s %9s %9s %10s %9s\n' "program" "wall s" "x python" "cpu s" "x python" \
    "peak MB" "x python"
  for label in "${labels[@]}"; do
    t=$(tr ' ' '\n' <<<"${times[$label]}" | grep . | median)
    m=$(tr ' ' '\n' <<<"${rsses[$label]}" | grep . | median)
    c=$(tr ' ' '\n' <<<"${cpus[$label]}" | grep . | median)
    time_of[$n,$label]=$t
    rss_of[$n,$label]=$m
    cpu_of[$n,$label]=$c
    case $label in
      python) name="python json.load" ;;
      before:*) name="before: --format ${label#before:}" ;;
      *) name="check --format $label" ;;
    esac
    awk -v name="$name" -v t="$t" -v m="$m" -v c="$c" -v pt="${time_of[$n,python]}" \
      -v pm="${rss_of[$n,python]}" -v pc="${cpu_of[$n,python]}" \
      'BEGIN { printf "%-22s %9.2f %9.1f %9.2f %9.1f %10.0f %9.1f\n", name, t, t / pt, c, c / pc,
               m / 1024, m / pm }'
  done
  unset times rsses cpus
done

if [[ $large -eq 1 ]]; then
  printf '\n100k / 10k ratio (linear is about 10)\n'
  for label in "${labels[@]}"; do
    awk -v l="${label/#before:/before }" -v a="${time_of[10000,$label]}" -v b="${time_of[100000,$label]}" \
      -v c="${rss_of[10000,$label]}" -v d="${rss_of[100000,$label]}" \
      -v e="${cpu_of[10000,$label]}" -v f="${cpu_of[100000,$label]}" \
      'BEGIN { printf "%-12s time x%.1f, cpu x%.1f, peak RSS x%.1f\n", l, b / a, f / e, d / c }'
  done
fi
