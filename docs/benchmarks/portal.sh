#!/usr/bin/env bash
# Loads every URL `gongkai bench-serve` prints with wrk (2 threads, 8 connections, 3 s warm-up, then
# 20 s), and times the region-year CSV and XLSX exports with the server's resident memory before and after.
# Usage: docs/benchmarks/portal.sh bench-serve-output.log SERVER_PID
set -euo pipefail
log=$1
pid=$2
script=$(dirname "$0")/wrk-latency.lua
grep '^http' "$log" | grep -v 'expenditure.csv' | while read -r url rest; do
  header=()
  if [[ $rest == Cookie:* ]]; then header=(-H "$rest"); fi
  wrk -t2 -c8 -d3s "${header[@]}" "$url" > /dev/null
  printf '%s  ' "${url#http://127.0.0.1:*/}"
  wrk -t2 -c8 -d20s "${header[@]}" -s "$script" "$url" | tail -1
done
csv=$(grep -o 'http[^ ]*expenditure.csv' "$log")
for url in "$csv" "${csv%.csv}.xlsx"; do
  before=$(awk '/VmRSS/ {print $2}' /proc/"$pid"/status)
  start=$(date +%s.%N)
  bytes=$(curl -sf "$url" | wc -c)
  end=$(date +%s.%N)
  after=$(awk '/VmRSS/ {print $2}' /proc/"$pid"/status)
  peak=$(awk '/VmHWM/ {print $2}' /proc/"$pid"/status)
  printf 'region-year %s: %d bytes in %.2f s; server RSS %d KB before, %d KB after, peak %d KB\n' "${url##*.}" "$bytes" "$(echo "$end - $start" | bc)" "$before" "$after" "$peak"
done
