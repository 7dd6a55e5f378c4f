import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the benchmarks' Java clients share (bench/common.sh compiles it with each): REST calls
 * with a bearer token on one HTTP/1.1 client, every answer checked, and the latencies of a
 * series of requests.
 */
public class BenchHttp {

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public BenchHttp(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** A GET of the path (with its query) as this client's user, to send again and again. */
    public HttpRequest getRequest(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET().build();
    }

    /** Sends it; anything but 200 is an error. */
    public String send(HttpRequest request) throws Exception {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + request.uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    public String get(String path) throws Exception {
        return send(getRequest(path));
    }

    /** POSTs the JSON; anything but a 2xx is an error that shows what was sent. */
    public String post(String path, String json) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            String sent = json.length() > 2000 ? json.substring(0, 2000) + " …" : json;
            throw new IllegalStateException("POST " + path + " answered " + answer.statusCode() + ": " + answer.body() + "\n" + sent);
        }
        return answer.body();
    }

    /** POSTs every record, {@code concurrency} at a time: the storage's group commit acknowledges concurrent writes together. */
    public void postAll(String path, List<String> records, int concurrency) throws Exception {
        postEach(Collections.nCopies(records.size(), path), records, concurrency);
    }

    /** POSTs each record to the path of the same index, {@code concurrency} at a time. */
    public void postEach(List<String> paths, List<String> records, int concurrency) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> posted = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                String path = paths.get(i);
                String record = records.get(i);
                posted.add(writers.submit(() -> post(path, record)));
            }
            for (Future<?> one : posted) {
                one.get();
            }
        } finally {
            writers.shutdown();
        }
    }

    /** The durations of one series of requests, in nanoseconds. */
    public static final class Latencies {

        private long[] nanos = new long[64];
        private int count;

        public void add(long duration) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = duration;
        }

        public void addAll(Latencies other) {
            for (int i = 0; i < other.count; i++) {
                add(other.nanos[i]);
            }
        }

        public int count() {
            return count;
        }

        /** The nearest-rank percentile in milliseconds: {@code share} 0.5 is the median, 0.95 the p95. */
        public double percentileMs(double share) {
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(count * share) - 1)] / 1e6;
        }

        public double maxMs() {
            return percentileMs(1.0);
        }
    }
}
