package org.nadi.platform.distribution;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The workbench's speed in a real browser (issue 4, "Speed"), run by {@code bench/workbench.sh}
 * against a runtime it started:
 *
 * <ol>
 * <li>from navigation to a fully rendered home view: the {@code nadi:home-rendered} mark the
 * shell sets, read with the Navigation Timing API, over N loads of {@code /} by a signed-in
 * browser, first with the browser's HTTP cache (revalidated) and then with it disabled;</li>
 * <li>the compressed size of the shell's own assets: {@code /} and every {@code /shell/} file
 * the page loaded, fetched again with {@code Accept-Encoding: gzip};</li>
 * <li>how soon an open page shows a contribution change: a MutationObserver in the page notes
 * the browser's clock when the Notes entry leaves or enters the navigation, after
 * {@code example} was disabled or enabled through REST at a time this program notes on the
 * same machine's clock.</li>
 * </ol>
 *
 * <p>Arguments: {@code BASE_URL RUNS TOGGLES}. The environment gives the administrator's
 * password ({@code NADI_BENCH_PASSWORD}, to sign in through the page) and a bearer token
 * ({@code NADI_BENCH_TOKEN}, for the REST calls).
 */
public final class WorkbenchBenchmark {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final int WARM_UP = 3;

    private final String base;
    private final String token;
    private final Browser browser;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private WorkbenchBenchmark(String base, String token, Browser browser) {
        this.base = base;
        this.token = token;
        this.browser = browser;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: WorkbenchBenchmark BASE_URL RUNS TOGGLES (with NADI_BENCH_PASSWORD and NADI_BENCH_TOKEN set)");
            System.exit(2);
        }
        String base = args[0];
        int runs = Integer.parseInt(args[1]);
        int toggles = Integer.parseInt(args[2]);
        String password = System.getenv("NADI_BENCH_PASSWORD");
        String token = System.getenv("NADI_BENCH_TOKEN");
        if (password == null || token == null) {
            System.err.println("NADI_BENCH_PASSWORD and NADI_BENCH_TOKEN must be set");
            System.exit(2);
        }
        try (Browser browser = Browser.start(base)) {
            WorkbenchBenchmark benchmark = new WorkbenchBenchmark(base, token, browser);
            browser.signIn("admin", password);
            benchmark.report(runs, toggles);
        }
    }

    private void report(int runs, int toggles) throws IOException, InterruptedException {
        System.out.println("Browser: Chromium " + ((ChromeDriver) browser.driver()).getCapabilities().getBrowserVersion() + " headless, viewport "
                + Browser.DESKTOP.width + "x" + Browser.DESKTOP.height + "; runtime at " + base);

        List<Map<String, Double>> cached = loadHome(runs);
        setCacheDisabled(true);
        List<Map<String, Double>> uncached = loadHome(runs);
        setCacheDisabled(false);
        List<Asset> assets = shellAssets();
        List<Long> disables = new ArrayList<>();
        List<Long> enables = new ArrayList<>();
        toggle(toggles, disables, enables);
        List<Long> changes = new ArrayList<>(disables);
        changes.addAll(enables);

        System.out.println();
        System.out.println("Home view rendered (mark nadi:home-rendered), from navigation start, " + runs + " loads of / each after "
                + WARM_UP + " unmeasured:");
        System.out.printf("  %-44s %8s %8s %8s %8s   %s%n", "", "median", "p95", "min", "max", "target");
        row("home rendered, HTTP cache (revalidated)", column(cached, "home"), "median <= 300 ms");
        row("home rendered, cache disabled", column(uncached, "home"), "");
        row("loadEventEnd, HTTP cache", column(cached, "load"), "(reference)");
        row("loadEventEnd, cache disabled", column(uncached, "load"), "(reference)");

        System.out.println();
        System.out.println("The shell's own assets, as served with Accept-Encoding: gzip (body bytes; headers not counted):");
        long total = 0;
        long raw = 0;
        for (Asset asset : assets) {
            System.out.printf("  %-44s %8d B %8d B raw  %s%n", asset.path(), asset.sent(), asset.raw(),
                    asset.encoding() == null ? "not compressed" : asset.encoding());
            total += asset.sent();
            raw += asset.raw();
        }
        System.out.printf("  %-44s %8.1f KB %7.1f KB raw  target <= 150 KB: %s%n", assets.size() + " files in all", total / 1024.0,
                raw / 1024.0, total <= 150 * 1024 ? "met" : "MISSED");

        System.out.println();
        System.out.println("A contribution change visible in an open page (REST call sent -> Notes entry left or entered the navigation), "
                + toggles + " disables and " + toggles + " enables of 'example':");
        System.out.printf("  %-44s %8s %8s %8s %8s   %s%n", "", "median", "p95", "min", "max", "target");
        rowMillis("disable", disables, "");
        rowMillis("enable", enables, "");
        rowMillis("all changes", changes, "median <= 500 ms, all <= 2000 ms");
        double median = median(changes);
        long max = Collections.max(changes);
        System.out.println("  targets: median " + (median <= 500 ? "met" : "MISSED") + ", max " + (max <= 2000 ? "met" : "MISSED"));
        System.out.println();
        double home = median(column(cached, "home"));
        System.out.println("Summary: home rendered median " + format(home) + " ms (" + (home <= 300 ? "met" : "MISSED") + "); shell assets "
                + String.format("%.1f", total / 1024.0) + " KB (" + (total <= 150 * 1024 ? "met" : "MISSED") + "); change visible median "
                + format(median) + " ms, max " + max + " ms (" + (median <= 500 && max <= 2000 ? "met" : "MISSED") + ")");
    }

    // ---- (a) home ------------------------------------------------------------------------

    /** Loads {@code /} WARM_UP + runs times and answers the measured runs' timings, in ms from navigation start. */
    private List<Map<String, Double>> loadHome(int runs) {
        List<Map<String, Double>> timings = new ArrayList<>();
        for (int i = 0; i < WARM_UP + runs; i++) {
            browser.open("/");
            @SuppressWarnings("unchecked")
            Map<String, Object> read = (Map<String, Object>) browser.waitUntil("home rendered and the load event ended", PATIENCE,
                    page -> browser.script("""
                            const navigation = performance.getEntriesByType('navigation')[0];
                            const mark = performance.getEntriesByName('nadi:home-rendered')[0];
                            if (!navigation || !mark || navigation.loadEventEnd === 0) return null;
                            return { home: mark.startTime - navigation.startTime, load: navigation.loadEventEnd - navigation.startTime };
                            """));
            if (i >= WARM_UP) {
                timings.add(Map.of("home", ((Number) read.get("home")).doubleValue(), "load", ((Number) read.get("load")).doubleValue()));
            }
        }
        return timings;
    }

    /** Turns the browser's HTTP cache off or on, through the DevTools protocol chromedriver speaks. */
    private void setCacheDisabled(boolean disabled) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", disabled));
    }

    // ---- (b) the shell's assets ----------------------------------------------------------

    private record Asset(String path, long sent, long raw, String encoding) {
    }

    /**
     * Every file under {@code /shell/} the page loaded, and {@code /}, after it showed home, opened
     * the palette and a view (the shell may load some of its modules only then), each fetched
     * again with and without gzip.
     */
    private List<Asset> shellAssets() throws IOException, InterruptedException {
        browser.open("/");
        browser.awaitHomeRendered();
        browser.chord(Keys.CONTROL, "k");
        browser.waitUntil("the palette opened", page -> browser.present("dialog#palette[open]"));
        browser.press(Keys.ESCAPE);
        browser.go("example/notes");
        browser.waitFor("[data-view-root=\"example.notes\"]");
        @SuppressWarnings("unchecked")
        List<String> paths = (List<String>) browser.script("""
                const paths = new Set(['/']);
                for (const entry of performance.getEntriesByType('resource')) {
                  const url = new URL(entry.name);
                  if (url.origin === location.origin && url.pathname.startsWith('/shell/')) paths.add(url.pathname);
                }
                return [...paths].sort();
                """);
        List<Asset> assets = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<byte[]> gzip = fetch(path, "gzip");
            HttpResponse<byte[]> plain = fetch(path, "identity");
            assets.add(new Asset(path, gzip.body().length, plain.body().length, gzip.headers().firstValue("Content-Encoding").orElse(null)));
        }
        return assets;
    }

    private HttpResponse<byte[]> fetch(String path, String encoding) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Encoding", encoding).GET().build();
        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.statusCode());
        }
        return answer;
    }

    // ---- (c) live changes ----------------------------------------------------------------

    /** Disables and enables {@code example} {@code toggles} times, noting when the open page showed each change. */
    private void toggle(int toggles, List<Long> disables, List<Long> enables) throws IOException, InterruptedException {
        browser.open("/");
        browser.awaitHomeRendered();
        browser.script("""
                const present = () => document.querySelector('nav#navigation a[data-view="example.notes"]') !== null;
                window.nadiBenchChanges = [];
                let last = present();
                new MutationObserver(() => {
                  const now = present();
                  if (now !== last) {
                    last = now;
                    window.nadiBenchChanges.push({ present: now, at: Date.now() });
                  }
                }).observe(document.documentElement, { subtree: true, childList: true, attributes: true });
                """);
        if (!Boolean.TRUE.equals(browser.script("return document.querySelector('nav#navigation a[data-view=\"example.notes\"]') !== null"))) {
            throw new IllegalStateException("the Notes view is not in the navigation: is the example module enabled?");
        }
        for (int i = 0; i < toggles; i++) {
            disables.add(change("/api/v1/modules/example/disable?cascade=true", false));
            enables.add(change("/api/v1/modules/example/enable", true));
        }
    }

    /** Sends the REST call and answers the milliseconds until the page recorded the Notes entry's presence as expected. */
    private long change(String path, boolean present) throws IOException, InterruptedException {
        browser.script("window.nadiBenchChanges.length = 0");
        Thread.sleep(100);
        long sent = System.currentTimeMillis();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        Number at = (Number) browser.waitUntil("the Notes entry " + (present ? "entered" : "left") + " the navigation", PATIENCE,
                page -> browser.script("""
                        const change = window.nadiBenchChanges.find(c => c.present === arguments[0]);
                        return change ? change.at : null;
                        """, present));
        return at.longValue() - sent;
    }

    // ---- statistics ----------------------------------------------------------------------

    private static List<Double> column(List<Map<String, Double>> rows, String name) {
        return rows.stream().map(row -> row.get(name)).toList();
    }

    private static void row(String label, List<Double> values, String target) {
        List<Double> sorted = values.stream().sorted().toList();
        System.out.printf("  %-44s %5s ms %5s ms %5s ms %5s ms   %s%n", label, format(median(sorted)), format(percentile(sorted, 95)),
                format(sorted.get(0)), format(sorted.get(sorted.size() - 1)), target);
    }

    private static void rowMillis(String label, List<Long> values, String target) {
        row(label, values.stream().map(Long::doubleValue).toList(), target);
    }

    private static double median(List<? extends Number> values) {
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Nearest rank. */
    private static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static String format(double millis) {
        return String.format("%.0f", millis);
    }
}
