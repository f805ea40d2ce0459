#!/usr/bin/env bash
# Performance benchmark of scoql against the sqlite3 shell (issue 8): same machine, same data,
# same query, runs of the two alternating, median time ratio and peak memory per workload.
#
#   bash scripts/bench.sh            # full run (about 3-4 minutes on 2 cores, after the build)
#   bash scripts/bench.sh --quick    # fewer runs, for a quick look
#   bash scripts/bench.sh --strict   # exit 1 when a target is missed
#
# Workloads:
#   W1 start-up: load the dataset, run one small query
#   W2 1,000,000 rows (integer, real, text) from a recursive CTE, as CSV
#   W3 100,000 rows as a box table
#   W4 a 10,000-statement script on stdin (single-row INSERTs and point SELECTs, interleaved)
#   W5 peak memory: W2, W3, W2 at 10M rows, and scoql's own W2 at 1M vs 10M (csv and jsonl)
#   seed load: scoql with the embedded dataset against scoql --no-seed (the seed's own cost)
# All output goes to /dev/null. Times come from hyperfine (--export-json), peak memory from
# GNU time -v (maximum resident set size).
set -euo pipefail

usage() {
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
}

QUICK=0
STRICT=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --strict) STRICT=1 ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      echo "bench.sh: unknown argument: $arg" >&2
      usage >&2
      exit 2
      ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export LC_ALL=C

TMP="$(mktemp -d "${TMPDIR:-/tmp}/scoql-bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

log() { printf '%s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------------------
need=()
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
[ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1 || need+=(time)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
command -v jq >/dev/null 2>&1 || need+=(jq)
if [ "${#need[@]}" -gt 0 ]; then
  log "installing: ${need[*]}"
  SUDO=()
  [ "$(id -u)" -eq 0 ] || SUDO=(sudo)
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi

log "building scoql (cargo build --release)"
cargo build --release --quiet
SCOQL="$ROOT/target/release/scoql"
SQLITE="$(command -v sqlite3)"

# --- parameters --------------------------------------------------------------------------
# Each workload is timed in ROUNDS hyperfine invocations holding both commands, their order
# swapped every round, so that scoql's and sqlite3's runs alternate in blocks and drift
# (thermal, other load) hits both alike. Medians are taken over all rounds' runs.
if [ "$QUICK" -eq 1 ]; then
  ROUNDS=1
  W1_RUNS=10 W2_RUNS=2 W3_RUNS=3 W4_RUNS=5
  WARM_SHORT=2 WARM_LONG=0
else
  ROUNDS=3
  W1_RUNS=15 W2_RUNS=3 W3_RUNS=5 W4_RUNS=10
  WARM_SHORT=3 WARM_LONG=1
fi

# --- data --------------------------------------------------------------------------------
# The dataset as the sqlite3 shell gets it: schema/*.sql then seed/*.sql in one transaction,
# with foreign keys enforced, as scoql loads its embedded copy.
SEED="$TMP/seed.sql"
{
  echo "PRAGMA foreign_keys=ON;"
  echo "BEGIN;"
  for f in schema/*.sql seed/*.sql; do
    [ -e "$f" ] || continue
    cat "$f"
    echo
  done
  echo "COMMIT;"
} >"$SEED"

cte() {
  echo "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < $1)" \
    "SELECT i, i*0.5, 'row ' || i FROM n;"
}
Q1="select count(*) from sources"
Q2="$(cte 1000000)"
Q3="$(cte 100000)"
Q10M="$(cte 10000000)"

# W4: CREATE TABLE, then 4,999 INSERTs and 5,000 point SELECTs by primary key, interleaved
# (10,000 statements); each SELECT reads a row inserted earlier.
W4="$TMP/w4.sql"
awk 'BEGIN {
  print "CREATE TABLE kv(id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL);"
  srand(8)
  for (i = 1; i < 5000; i++) {
    printf "INSERT INTO kv(id, name, score) VALUES(%d, '\''name %d'\'', %d.25);\n", i, i, i % 977
    printf "SELECT id, name, score FROM kv WHERE id = %d;\n", 1 + int(rand() * i)
  }
  print "SELECT count(*), sum(score) FROM kv;"
}' >"$W4"

# A word for hyperfine -N (split like a POSIX shell word): single-quoted.
sq() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

S="$(sq "$SCOQL")"
L="$(sq "$SQLITE")"
W1_A="$S -c $(sq "$Q1")"
W1_B="$L :memory: $(sq ".read $SEED") $(sq "$Q1")"
W2_A="$S --no-seed --csv -c $(sq "$Q2")"
# -header: scoql prints headers by default, so both write the same bytes.
W2_B="$L -csv -header :memory: $(sq "$Q2")"
W3_A="$S --no-seed --box --maxrows 0 -c $(sq "$Q3")"
W3_B="$L -box :memory: $(sq "$Q3")"
W4_A="$S --no-seed --list"
W4_B="$L -header :memory:"

# hyperfine >= 1.16 can feed stdin itself (--input) and so run W4 without a shell; older ones
# run W4 through sh with a redirection (hyperfine subtracts the shell's own start-up).
if hyperfine --help 2>/dev/null | grep -q -- '--input'; then
  W4_MODE=(-N --input "$W4")
  W4_SUFFIX=""
else
  W4_MODE=(--shell=sh)
  W4_SUFFIX=" < $(sq "$W4")"
fi

# --- sanity: both shells succeed and agree where their output formats are the same -------
check_same() {
  local name="$1" a="$2" b="$3"
  if cmp -s "$a" "$b"; then
    log "  $name: scoql and sqlite3 output identical ($(wc -c <"$a") bytes)"
  else
    log "  $name: WARNING: scoql and sqlite3 output differ (first difference below)"
    cmp "$a" "$b" | head -1 >&2 || true
  fi
}
log "checking outputs"
"$SCOQL" -c "$Q1" >"$TMP/w1.a"
"$SQLITE" :memory: ".read $SEED" "$Q1" >"$TMP/w1.b"
log "  W1: scoql $(grep -Eo '[0-9]+' "$TMP/w1.a" | head -1) sources, sqlite3 $(cat "$TMP/w1.b")"
"$SCOQL" --no-seed --csv -c "$Q2" >"$TMP/w2.a"
"$SQLITE" -csv -header :memory: "$Q2" >"$TMP/w2.b"
check_same W2 "$TMP/w2.a" "$TMP/w2.b"
"$SCOQL" --no-seed --list <"$W4" >"$TMP/w4.a"
"$SQLITE" -header :memory: <"$W4" >"$TMP/w4.b"
check_same W4 "$TMP/w4.a" "$TMP/w4.b"
rm -f "$TMP"/w[124].[ab]

# --- timing ------------------------------------------------------------------------------
# time_pair ID WARMUP RUNS SCOQL_CMD SQLITE_CMD [hyperfine options...]
# Leaves the pooled run times (seconds) in $TMP/ID.scoql and $TMP/ID.sqlite3.
time_pair() {
  local id="$1" warm="$2" runs="$3" a="$4" b="$5"
  shift 5
  : >"$TMP/$id.scoql"
  : >"$TMP/$id.sqlite3"
  local r json
  for ((r = 1; r <= ROUNDS; r++)); do
    json="$TMP/$id.$r.json"
    local order=(-n scoql "$a" -n sqlite3 "$b")
    if ((r % 2 == 0)); then order=(-n sqlite3 "$b" -n scoql "$a"); fi
    hyperfine --style none --warmup "$warm" --runs "$runs" --export-json "$json" "$@" \
      "${order[@]}" >/dev/null
    jq -r '.results[] | select(.command == "scoql") | .times[]' "$json" >>"$TMP/$id.scoql"
    jq -r '.results[] | select(.command == "sqlite3") | .times[]' "$json" >>"$TMP/$id.sqlite3"
  done
}

median() { sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
spread() { sort -g "$1" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "n=%d, min %.4f s, max %.4f s", NR, lo, hi }'; }

# Peak RSS in KiB of one run: rss CMD... (stdin from $RSS_IN, default /dev/null).
rss() {
  local out="$TMP/time.out"
  /usr/bin/time -v -o "$out" "$@" <"${RSS_IN:-/dev/null}" >/dev/null
  awk -F': *' '/Maximum resident set size/ { print $2 }' "$out"
}

START=$SECONDS
declare -A T_A T_B M_A M_B

run_workload() {
  local id="$1" label="$2" warm="$3" runs="$4" a="$5" b="$6"
  shift 6
  log "$id $label: timing ($ROUNDS round(s) x $runs runs each, alternating)"
  time_pair "$id" "$warm" "$runs" "$a" "$b" "$@"
  T_A[$id]="$(median "$TMP/$id.scoql")"
  T_B[$id]="$(median "$TMP/$id.sqlite3")"
  log "  scoql   median $(printf '%.4f' "${T_A[$id]}") s ($(spread "$TMP/$id.scoql"))"
  log "  sqlite3 median $(printf '%.4f' "${T_B[$id]}") s ($(spread "$TMP/$id.sqlite3"))"
}

run_workload W1 "start-up + one query" "$WARM_SHORT" "$W1_RUNS" "$W1_A" "$W1_B" -N
run_workload W2 "1M rows csv" "$WARM_LONG" "$W2_RUNS" "$W2_A" "$W2_B" -N
run_workload W3 "100k rows box" "$WARM_LONG" "$W3_RUNS" "$W3_A" "$W3_B" -N
run_workload W4 "10k-statement script" "$WARM_SHORT" "$W4_RUNS" \
  "$W4_A$W4_SUFFIX" "$W4_B$W4_SUFFIX" "${W4_MODE[@]}"

# Seed load (issue 3): a launch that loads the embedded dataset against an empty launch,
# both running one trivial query.
log "seed load: scoql with the embedded dataset vs scoql --no-seed"
hyperfine --style none --warmup "$WARM_SHORT" --runs "$((W1_RUNS * 2))" -N \
  --export-json "$TMP/seed.json" -n seeded "$S -c 'select 1'" -n empty "$S --no-seed -c 'select 1'" >/dev/null
SEED_T="$(jq -r '.results[] | select(.command == "seeded") | .median' "$TMP/seed.json")"
EMPTY_T="$(jq -r '.results[] | select(.command == "empty") | .median' "$TMP/seed.json")"

# --- memory (W5) -------------------------------------------------------------------------
log "W5 peak memory (GNU time -v, one run each)"
M_A[W1]="$(rss "$SCOQL" -c "$Q1")"
M_B[W1]="$(rss "$SQLITE" :memory: ".read $SEED" "$Q1")"
M_A[W2]="$(rss "$SCOQL" --no-seed --csv -c "$Q2")"
M_B[W2]="$(rss "$SQLITE" -csv -header :memory: "$Q2")"
M_A[W3]="$(rss "$SCOQL" --no-seed --box --maxrows 0 -c "$Q3")"
M_B[W3]="$(rss "$SQLITE" -box :memory: "$Q3")"
M_A[W4]="$(RSS_IN="$W4" rss "$SCOQL" --no-seed --list)"
M_B[W4]="$(RSS_IN="$W4" rss "$SQLITE" -header :memory:)"
log "  W2 at 10M rows (scoql csv, sqlite3 csv, scoql jsonl)"
M10_A="$(rss "$SCOQL" --no-seed --csv -c "$Q10M")"
M10_B="$(rss "$SQLITE" -csv -header :memory: "$Q10M")"
J1="$(rss "$SCOQL" --no-seed --jsonl -c "$Q2")"
J10="$(rss "$SCOQL" --no-seed --jsonl -c "$Q10M")"

# --- summary -----------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }

MISSED=0
RESULTS=()
# check TEXT VALUE LIMIT: records "TEXT VALUE <= LIMIT: met|MISSED".
check() {
  local v="met"
  if ! le "$2" "$3"; then
    v="MISSED"
    MISSED=$((MISSED + 1))
  fi
  RESULTS+=("$1 $2 <= $3: $v")
}

echo
echo "scoql benchmark: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- src schema seed 2>/dev/null || echo ' (+ uncommitted changes)'), $(nproc) cores, $("$SQLITE" --version | cut -d' ' -f1-2 | sed 's/^/sqlite3 /'), $(hyperfine --version)"
echo "mode: $([ "$QUICK" -eq 1 ] && echo quick || echo full); medians over $ROUNDS round(s) of alternating runs; RSS = peak resident set size"
echo
fmt="%-24s %11s %11s %7s %7s %11s %11s %6s %6s\n"
# shellcheck disable=SC2059
printf "$fmt" workload "scoql" "sqlite3" ratio target "scoql RSS" "sqlite RSS" "RSS x" target
# shellcheck disable=SC2059
printf "$fmt" "------------------------" "-----------" "-----------" "-------" "-------" "-----------" "-----------" "------" "------"
declare -A LABEL=([W1]="W1 start-up" [W2]="W2 1M rows csv" [W3]="W3 100k rows box" [W4]="W4 10k-stmt script")
declare -A TGT=([W1]=0.9 [W2]=0.55 [W3]=0.7 [W4]=0.7)
declare -A MTGT=([W2]=2.0 [W3]=2.0)
for id in W1 W2 W3 W4; do
  r="$(ratio "${T_A[$id]}" "${T_B[$id]}")"
  m="$(ratio "${M_A[$id]}" "${M_B[$id]}")"
  # shellcheck disable=SC2059
  printf "$fmt" "${LABEL[$id]}" "$(ms "${T_A[$id]}")" "$(ms "${T_B[$id]}")" "$r" "<= ${TGT[$id]}" \
    "$(mib "${M_A[$id]}")" "$(mib "${M_B[$id]}")" "$m" "${MTGT[$id]:+<= ${MTGT[$id]}}"
  check "$id time ratio" "$r" "${TGT[$id]}"
  if [ -n "${MTGT[$id]:-}" ]; then
    check "$id memory ratio" "$m" "${MTGT[$id]}"
  fi
done
m10="$(ratio "$M10_A" "$M10_B")"
# shellcheck disable=SC2059
printf "$fmt" "W5 W2 at 10M rows csv" "-" "-" "-" "-" "$(mib "$M10_A")" "$(mib "$M10_B")" "$m10" "<= 2.0"
check "W5 W2@10M memory ratio" "$m10" 2.0
echo
echo "W5 flat memory (scoql W2, 10M rows vs 1M rows, limit 1.10):"
fc="$(ratio "$M10_A" "${M_A[W2]}")"
fj="$(ratio "$J10" "$J1")"
printf "  %-6s 1M %11s   10M %11s   x %s\n" csv "$(mib "${M_A[W2]}")" "$(mib "$M10_A")" "$fc"
printf "  %-6s 1M %11s   10M %11s   x %s\n" jsonl "$(mib "$J1")" "$(mib "$J10")" "$fj"
check "W5 flat memory csv" "$fc" 1.10
check "W5 flat memory jsonl" "$fj" 1.10
echo
echo "seed load: launch with the dataset $(ms "$SEED_T"), empty launch $(ms "$EMPTY_T"), ratio $(ratio "$SEED_T" "$EMPTY_T"); the seed itself $(awk -v a="$SEED_T" -v b="$EMPTY_T" 'BEGIN { printf "%.1f ms", (a - b) * 1000 }')"
echo
echo "targets:"
for line in "${RESULTS[@]}"; do
  echo "  $line"
done
echo
echo "$MISSED target(s) missed; benchmark took $((SECONDS - START)) s after the build"
if [ "$STRICT" -eq 1 ] && [ "$MISSED" -gt 0 ]; then
  exit 1
fi
