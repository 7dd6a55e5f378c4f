#!/usr/bin/env bash
# Storage write benchmark: acknowledged durable inserts per second over REST, with 20
# concurrent writers, against the packaged runtime on the embedded database (SQLite, WAL,
# synchronous=FULL). Each writer POSTs /api/v1/example/notes in a loop and counts only 201
# answers: a 201 means the note is committed and fsynced.
#
#   bench/storage-writes.sh [WRITERS] [SECONDS] [RUNS]     (defaults: 20 writers, 15 s, 3 runs)
#
# Needs a built distribution (mvn -B -q package -DskipTests) and a JDK. Talks to 127.0.0.1
# only; the runtime runs from a temporary copy with a fresh data directory, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

writers=${1:-20}
seconds=${2:-15}
runs=${3:-3}
HERE=$PWD/bench
DIST=""
. bench/common.sh
bench_distribution
bench_workspace
work=$WORK

cp -r "$DIST" "$work/nadi"
rm -rf "$work/nadi/data"
port=$(free_port) || { echo "no free port found" >&2; exit 1; }
NADI_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" "$work/nadi/bin/nadi" --port "$port" >"$work/nadi.log" 2>&1 </dev/null &
RUNNING=$!
for _ in $(seq 1 300); do
  grep -q "NADI Platform ready" "$work/nadi.log" && break
  kill -0 "$RUNNING" 2>/dev/null || { cat "$work/nadi.log" >&2; exit 1; }
  sleep 0.1
done
grep -q "NADI Platform ready" "$work/nadi.log" || { echo "the runtime did not start:" >&2; cat "$work/nadi.log" >&2; exit 1; }

mkdir -p "$work/client"
cat >"$work/client/WriteLoad.java" <<'JAVA'
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/** N threads POST notes for S seconds; prints acknowledged inserts/s and latency percentiles. */
public class WriteLoad {
    public static void main(String[] args) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + args[0] + "/api/v1/example/notes");
        int writers = Integer.parseInt(args[1]);
        long nanos = Duration.ofSeconds(Long.parseLong(args[2])).toNanos();
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long[][] latencies = new long[writers][];
        int[] counts = new int[writers];
        Thread[] threads = new Thread[writers];
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads[w] = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() - start < nanos) {
                    String body = "{\"text\": \"benchmark writer " + writer + " note " + n + "\"}";
                    HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + args[3])
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long sent = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == 201) {
                            acknowledged.incrementAndGet();
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = System.nanoTime() - sent;
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                latencies[writer] = mine;
                counts[writer] = n;
            });
            threads[w].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int w = 0; w < writers; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        double p50 = all.length == 0 ? 0 : all[all.length / 2] / 1e6;
        double p99 = all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1e6;
        System.out.printf("%.0f inserts/s  (%d acknowledged, %d failed in %.1f s; latency p50 %.1f ms, p99 %.1f ms)%n",
                acknowledged.get() / elapsed, acknowledged.get(), failed.get(), elapsed, p50, p99);
    }
}
JAVA
javac -d "$work/client" "$work/client/WriteLoad.java"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(java -version 2>&1 | head -n 1)"
echo "runtime: $DIST on 127.0.0.1:$port, embedded SQLite (WAL, synchronous=FULL)"
echo "load: $writers writers, $seconds s per run, $runs runs after a 5 s warm-up"
token=$(bench_token "http://127.0.0.1:$port") || exit 1
java -cp "$work/client" WriteLoad "$port" "$writers" 5 "$token" >/dev/null
results=()
for run in $(seq 1 "$runs"); do
  line=$(java -cp "$work/client" WriteLoad "$port" "$writers" "$seconds" "$token")
  echo "run $run: $line"
  results+=("$(echo "$line" | cut -d' ' -f1)")
done
median=$(printf '%s\n' "${results[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median: $median acknowledged durable inserts/s"
if grep -q "ERROR\|SEVERE" "$work/nadi.log"; then
  echo "the runtime logged errors:" >&2
  grep "ERROR\|SEVERE" "$work/nadi.log" | head >&2
fi
