import java.net.http.HttpRequest;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The client of bench/membership-queries.sh (compiled with bench/client/BenchHttp.java). {@code BASE TOKEN load}: loads the generated
 * directory over REST (the same every run: fixed seed). {@code BASE TOKEN measure WARMUP N
 * TARGET_MS PATH...}: GETs each path WARMUP times, then N times measured, one request at a time,
 * and prints median, p95 and p99 against the target.
 */
public class MembershipQueries {

    static final String[] COUNTRIES = {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "TL", "AU", "CN", "IN", "JP", "NZ",
            "KR", "RU", "US"};
    static final String[] EWGS = {"ewg-maritime-security", "ewg-counter-terrorism", "ewg-hadr", "ewg-peacekeeping",
            "ewg-military-medicine", "ewg-humanitarian-mine-action", "ewg-cyber-security"};
    static final String[] KINDS = {"Institute for Defence Studies", "Học viện Quốc phòng", "Centre d'Études Stratégiques",
            "Pusat Kajian Pertahanan", "Defence Policy Directorate", "Strategic Research Centre", "Académie Militaire",
            "Viện Chiến lược Quốc phòng", "Staff College", "Institut für Sicherheitspolitik", "National Defence University",
            "Centro de Estudios Estratégicos"};
    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Sơn", "Nem", "Chheang", "Sok",
            "Ōta", "Satō", "Itō", "Kim", "Park", "Müller", "Schäfer", "Ramírez", "Núñez", "O'Brien", "Srisai", "Wongsawat",
            "Santos", "Reyes", "Abdullah", "Rahman", "Tan", "Lim", "Wang", "Zhāng", "Sharma", "Iyer", "Smith", "Taylor",
            "Ivanov", "Sørensen", "Kyaw", "Phommavong"};
    static final String[] GIVEN = {"Mai", "Thảo", "Dũng", "Hùng", "Sowathey", "Sophal", "Chantha", "Kenji", "Yūko", "Jiwoo",
            "Minseo", "Jürgen", "Zoë", "José", "Inés", "Somchai", "Ploy", "Maria", "Juan", "Siti", "Ahmad", "Wei", "Li", "Priya",
            "Arjun", "James", "Emma", "Olga", "Sergei", "Søren", "Aung", "Thandar", "Khamla", "Noi", "Anan", "Chloé", "Léa",
            "Björn", "Ana", "Ngọc"};
    static final String[] MIDDLE = {"", "", "", "Văn", "Thị", "Đức", "Minh", "Anh", "Quốc", "Ha"};
    static final String[] POSITIONS = {"Director", "Deputy Director", "Senior Research Fellow", "Research Fellow", "Analyst",
            "Head of International Cooperation", "Defence Attaché", "Staff Officer", "Programme Manager", "Chief of Staff"};

    public static void main(String[] args) throws Exception {
        MembershipQueries client = new MembershipQueries(args[0], args[1]);
        if (args[2].equals("load")) {
            client.load();
        } else {
            client.measure(Integer.parseInt(args[3]), Integer.parseInt(args[4]), Double.parseDouble(args[5]),
                    Arrays.copyOfRange(args, 6, args.length));
        }
    }

    private final BenchHttp http;

    MembershipQueries(String base, String token) {
        this.http = new BenchHttp(base, token);
    }

    void load() throws Exception {
        long start = System.nanoTime();
        http.post("/api/v1/membership/reference-data", "");
        Random random = new Random(20240918L);
        List<String> institutions = new ArrayList<>();
        List<String> institutionBodies = new ArrayList<>();
        List<String> memberships = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String country = COUNTRIES[i % COUNTRIES.length];
            String id = country.toLowerCase(Locale.ROOT) + "-institute-" + String.format("%04d", i);
            institutions.add(id);
            String kind = KINDS[random.nextInt(KINDS.length)];
            String names;
            if (random.nextInt(10) < 3) {
                LocalDate renamed = date(random, 2008, 2022);
                names = name(kind + " " + (i + 1), "IDS" + i, null, renamed.minusDays(1)) + ","
                        + name(kind + " of " + country + " " + (i + 1), "IDS" + country + i, renamed, null);
            } else {
                names = name(kind + " " + (i + 1), "IDS" + i, null, null);
            }
            institutionBodies.add("{\"id\":\"" + id + "\",\"country\":\"" + country + "\",\"parentOrganisation\":\"Ministry of Defence\","
                    + "\"names\":[" + names + "]}");
            // NADI: most institutions; some left and rejoined, some left for good.
            int nadi = random.nextInt(10);
            if (nadi < 6) {
                memberships.add(membership(id, "nadi", random.nextInt(8) == 0 ? "observer" : "member", date(random, 2007, 2023), null));
            } else if (nadi < 8) {
                LocalDate joined = date(random, 2007, 2012);
                LocalDate left = joined.plusYears(2 + random.nextInt(5));
                memberships.add(membership(id, "nadi", "member", joined, left));
                memberships.add(membership(id, "nadi", "member", left.plusYears(1 + random.nextInt(3)), null));
            } else if (nadi < 9) {
                LocalDate joined = date(random, 2007, 2015);
                memberships.add(membership(id, "nadi", "member", joined, joined.plusYears(1 + random.nextInt(6))));
            }
            for (String ewg : pick(random, EWGS, random.nextInt(3))) {
                LocalDate joined = date(random, 2011, 2024);
                memberships.add(membership(id, ewg, "member", joined, random.nextBoolean() ? null : joined.plusYears(3)));
            }
        }
        List<String> people = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int affiliations = 0;
        for (int i = 0; i < 10_000; i++) {
            String name;
            do {
                String middle = MIDDLE[random.nextInt(MIDDLE.length)];
                name = FAMILY[random.nextInt(FAMILY.length)] + (middle.isEmpty() ? "" : " " + middle) + " "
                        + GIVEN[random.nextInt(GIVEN.length)];
            } while (!names.add(name.toLowerCase(Locale.ROOT)));
            int count = 1 + random.nextInt(3);
            affiliations += count;
            StringBuilder periods = new StringBuilder();
            LocalDate from = date(random, 2005, 2016);
            for (int a = 0; a < count; a++) {
                boolean last = a == count - 1;
                LocalDate to = last && random.nextInt(10) < 7 ? null : from.plusYears(1 + random.nextInt(5));
                periods.append(a == 0 ? "" : ",").append("{\"institution\":\"").append(institutions.get(random.nextInt(1000)))
                        .append("\",\"position\":\"").append(POSITIONS[random.nextInt(POSITIONS.length)]).append("\",\"from\":")
                        .append(quoted(from)).append(",\"to\":").append(quoted(to)).append("}");
                from = to == null ? null : to.plusDays(1 + random.nextInt(200));
            }
            people.add("{\"id\":\"" + slug(name) + "-" + i + "\",\"honorific\":null,\"rank\":null,\"name\":\"" + name.replace("\"", "\\\"")
                    + "\",\"pronoun\":\"" + (random.nextBoolean() ? "she" : "he") + "\",\"affiliations\":[" + periods + "]}");
        }
        http.postAll("/api/v1/membership/institutions", institutionBodies, 16);
        http.postAll("/api/v1/membership/memberships", memberships, 16);
        http.postAll("/api/v1/membership/people", people, 16);
        System.out.printf("  loaded over REST in %.1f s: %d institutions, %d memberships, %d people with %d affiliations"
                + " (plus the reference data)%n", (System.nanoTime() - start) / 1e9, institutionBodies.size(), memberships.size(),
                people.size(), affiliations);
    }

    void measure(int warmup, int count, double targetMs, String[] paths) throws Exception {
        System.out.printf("  %-58s %8s %8s %8s %8s %6s  %s%n", "query", "answers", "median", "p95", "p99", "KiB", "p95 <= " + targetMs + " ms");
        for (String path : paths) {
            HttpRequest request = http.getRequest(path);
            String body = "";
            for (int i = 0; i < warmup; i++) {
                body = http.send(request);
            }
            BenchHttp.Latencies latencies = new BenchHttp.Latencies();
            for (int i = 0; i < count; i++) {
                long sent = System.nanoTime();
                body = http.send(request);
                latencies.add(System.nanoTime() - sent);
            }
            double p95 = latencies.percentileMs(0.95);
            System.out.printf("  %-58s %8d %8.2f %8.2f %8.2f %6d  %s%n", java.net.URLDecoder.decode(path, "UTF-8"),
                    body.split("\"version\":", -1).length - 1, latencies.percentileMs(0.5), p95, latencies.percentileMs(0.99),
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1024, p95 <= targetMs ? "PASS" : "FAIL");
        }
    }

    private static String name(String name, String acronym, LocalDate from, LocalDate to) {
        return "{\"name\":\"" + name.replace("\"", "\\\"") + "\",\"acronym\":\"" + acronym + "\",\"from\":" + quoted(from) + ",\"to\":"
                + quoted(to) + "}";
    }

    private static String membership(String institution, String body, String role, LocalDate from, LocalDate to) {
        return "{\"institution\":\"" + institution + "\",\"body\":\"" + body + "\",\"role\":\"" + role + "\",\"from\":" + quoted(from)
                + ",\"to\":" + quoted(to) + "}";
    }

    private static List<String> pick(Random random, String[] from, int count) {
        List<String> all = new ArrayList<>(Arrays.asList(from));
        java.util.Collections.shuffle(all, random);
        return all.subList(0, count);
    }

    private static LocalDate date(Random random, int fromYear, int toYear) {
        return LocalDate.of(fromYear, 1, 1).plusDays(random.nextInt(365 * (toYear - fromYear + 1)));
    }

    private static String quoted(LocalDate day) {
        return day == null ? "null" : "\"" + day + "\"";
    }

    /** An id from a name: its letters without accents, lower case, joined by hyphens. */
    private static String slug(String name) {
        String plain = Normalizer.normalize(name.replace("Đ", "D").replace("đ", "d"), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
