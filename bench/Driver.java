import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * TESSA's benchmark: starts the packaged application on a fresh PostgreSQL database, measures it from
 * outside over HTTP on loopback, stops it, and writes bench/results/<timestamp>.json and a Markdown table.
 * Run through bench/run.sh (which builds the jar first); see bench/README.md for the method and the flags.
 * A single-file program on the JDK alone (java bench/Driver.java), so nothing has to be installed.
 */
public class Driver {

    static final Map<String, Object> results = new LinkedHashMap<>();
    static final List<String[]> table = new ArrayList<>();
    static Options options;
    static HttpClient http;
    static String base;
    static long failures;

    public static void main(String[] args) {
        try {
            measure(args);
        } catch (Exception failed) {
            failed.printStackTrace();
            System.err.println("The benchmark stopped: " + failed);
            // Load threads may still be waiting on the application; none of them is worth waiting for.
            System.exit(2);
        }
        System.exit(failures > 0 ? 1 : 0);
    }

    static void measure(String[] args) throws Exception {
        options = Options.parse(args);
        base = "http://127.0.0.1:" + options.port;
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path resultsDir = Path.of("bench", "results");
        Files.createDirectories(resultsDir);
        results.put("startedAt", LocalDateTime.now().toString());
        results.put("options", options.asMap());
        results.put("machine", machine());

        psql("drop database if exists " + options.database);
        psql("create database " + options.database);
        App app = App.start(options, resultsDir.resolve(stamp + "-app.log"));
        try {
            Map<String, Object> startup = new LinkedHashMap<>();
            startup.put("secondsToLogin200", app.startupSeconds);
            startup.put("secondsToDemoAccounts", app.readySeconds);
            startup.put("springReportedSeconds", app.springStartedSeconds());
            results.put("startup", startup);
            row("start-up", "seconds to first 200 from /login / to the demo accounts (fresh database)",
                    fmt(app.startupSeconds) + " / " + fmt(app.readySeconds));
            if ("key".equals(options.auth)) {
                useApiKeys();
            }
            if (options.levels.contains("intake")) {
                intake();
            }
            if (options.levels.contains("journeys")) {
                journeys();
            }
            if (options.levels.contains("tasklist") || options.levels.contains("footprint")) {
                closedAndTaskList();
            }
            results.put("heap", heap(app.process.pid()));
        } finally {
            app.stop();
            if (!options.keepDatabase) {
                psql("drop database if exists " + options.database);
            }
        }
        results.put("non2xxResponses", failures);
        row("errors", "non-2xx responses in the whole run", String.valueOf(failures));
        Path json = resultsDir.resolve(stamp + ".json");
        Files.writeString(json, Json.write(results) + "\n");
        System.out.println();
        System.out.println("| measurement | what | result |");
        System.out.println("| --- | --- | --- |");
        table.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
        System.out.println();
        System.out.println("Results: " + json);
    }

    // ---- 1. Intake beside the engine floor -------------------------------------------------------------

    static void intake() throws Exception {
        // Untimed first, so that each measurement is of compiled code, not of the JIT compiler at work.
        load(options.intakeWarmup, 4, i -> send(post("/api/enquiries", "school-a", enquiryJson(i)), 201));
        send(post("/api/bench/engine-floor?count=" + options.intakeWarmup + "&concurrency=4", "admin", ""), 200);
        load(options.intakeWarmup, 4, i -> send(post("/api/bench/engine-floor/start", "school-a", ""), 201));
        send(post("/api/bench/engine-floor/clean", "admin", ""), 204);
        List<Object> levels = new ArrayList<>();
        for (int concurrency : options.concurrency) {
            settle();
            Stats intake = load(options.intakeRequests, concurrency, i -> send(post("/api/enquiries", "school-a",
                    enquiryJson(i)), 201));
            settle();
            @SuppressWarnings("unchecked")
            Map<String, Object> floor = (Map<String, Object>) Json.parse(body(send(post(
                    "/api/bench/engine-floor?count=" + options.intakeRequests + "&concurrency=" + concurrency,
                    "admin", ""), 200)));
            double floorP50 = ((Number) floor.get("p50")).doubleValue();
            double floorRate = ((Number) floor.get("throughputPerSecond")).doubleValue();
            settle();
            // The same engine work over HTTP, signed in as intake is: what intake adds of TESSA's own.
            Stats httpFloor = load(options.intakeRequests, concurrency,
                    i -> send(post("/api/bench/engine-floor/start", "school-a", ""), 201));
            send(post("/api/bench/engine-floor/clean", "admin", ""), 204);
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("concurrency", concurrency);
            level.put("intake", intake.asMap());
            level.put("engineFloor", floor);
            level.put("engineFloorOverHttp", httpFloor.asMap());
            level.put("p50RatioIntakeToFloor", intake.p(50) / floorP50);
            level.put("throughputRatioFloorToIntake", floorRate / intake.perSecond());
            level.put("throughputRatioIntakeToFloorOverHttp", intake.perSecond() / httpFloor.perSecond());
            levels.add(level);
            row("intake c=" + concurrency, "POST /api/enquiries: per s; p50/p95/p99 ms",
                    fmt(intake.perSecond()) + "/s; " + intake.percentiles());
            row("engine floor c=" + concurrency, "startProcessInstanceByKey: per s; p50/p95/p99 ms",
                    fmt(floorRate) + "/s; " + fmt(floorP50) + " / " + fmt(num(floor, "p95").doubleValue()) + " / "
                            + fmt(num(floor, "p99").doubleValue()) + " (intake p50 is " + fmt(intake.p(50) / floorP50) + "x)");
            row("floor over HTTP c=" + concurrency, "POST /api/bench/engine-floor/start: per s; p50/p95/p99 ms",
                    fmt(httpFloor.perSecond()) + "/s; " + httpFloor.percentiles() + " (intake is "
                            + fmt(100 * intake.perSecond() / httpFloor.perSecond()) + "% of its rate)");
        }
        results.put("intake", levels);
    }

    // ---- 3. Whole journeys over the API ----------------------------------------------------------------

    static final Pattern TASK = Pattern.compile("\\{\"id\":\"([^\"]+)\"[^}]*?\"enquiryReference\":\"([^\"]+)\"");

    static void journeys() throws Exception {
        settle();
        long began = System.nanoTime();
        Stats journeys = load(options.journeys, options.journeyConcurrency, i -> {
            // Not at immediate risk: such an enquiry must go to the MASH, and cannot be closed with advice.
            String reference = (String) ((Map<?, ?>) Json.parse(body(send(post("/api/enquiries", "school-a",
                    enquiryJson(i, false)), 201)))).get("reference");
            String taskId = findTask(reference);
            send(post("/api/tasks/" + taskId + "/claim", "duty-manager", ""), 200);
            send(post("/api/tasks/" + taskId + "/complete", "duty-manager", "{\"triageOutcome\":\"ADVICE_GIVEN\","
                    + "\"advice\":\"Offer a mentor and the Family Hub parenting course.\",\"levelOfNeed\":\"EARLY_HELP\"}"), 204);
            // The response to the referrer is sent by an asynchronous job; the journey ends when the enquiry is closed.
            long deadline = System.currentTimeMillis() + 60_000;
            while (!body(send(get("/api/enquiries/" + reference, "school-a"), 200)).contains("\"status\":\"CLOSED\"")) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(reference + " did not close within a minute");
                }
                Thread.sleep(50);
            }
            return null;
        });
        double seconds = (System.nanoTime() - began) / 1e9;
        Map<String, Object> map = journeys.asMap();
        map.put("concurrency", options.journeyConcurrency);
        map.put("journeysPerSecond", options.journeys / seconds);
        results.put("journeys", map);
        row("journeys c=" + options.journeyConcurrency, "intake, claim, advice, closed: per s; p50/p95 ms each",
                fmt(options.journeys / seconds) + "/s; " + fmt(journeys.p(50)) + " / " + fmt(journeys.p(95)));
    }

    /** As a duty manager would: the newest unclaimed tasks first, page by page until the enquiry's is found. */
    static String findTask(String reference) throws Exception {
        for (int page = 1; page <= 50; page++) {
            String tasks = body(send(get("/api/tasks?view=UNCLAIMED&sort=NEWEST&size=100&page=" + page, "duty-manager"), 200));
            Matcher m = TASK.matcher(tasks);
            while (m.find()) {
                if (m.group(2).equals(reference)) {
                    return m.group(1);
                }
            }
        }
        throw new IllegalStateException("No triage task found for " + reference);
    }

    // ---- 2 and 4. Closed enquiries, their bytes, and the task list at growing sizes ------------------------

    static void closedAndTaskList() throws Exception {
        Map<String, Object> before = database();
        Map<String, Object> grown = grow(0, Math.min(options.realClosed, options.closed));
        Map<String, Object> afterReal = database();
        Map<String, Object> footprint = new LinkedHashMap<>();
        footprint.put("historyLevel", options.historyLevel);
        footprint.put("realClosed", perClosed(before, afterReal, "closed through the engine", grown));
        Map<String, Object> afterCopies = afterReal;
        if (options.closed > options.realClosed) {
            grown = grow(0, options.closed);
            afterCopies = database();
            footprint.put("copiedClosed", perClosed(afterReal, afterCopies, "copied", grown));
        }
        results.put("footprint", footprint);
        if (!options.levels.contains("tasklist")) {
            return;
        }
        List<Object> sizes = new ArrayList<>();
        Stats first = null;
        Stats firstHtml = null;
        Map<String, Stats> firstViews = new LinkedHashMap<>();
        for (long size : options.sizes) {
            Map<String, Object> growth = grow(size, options.closed);
            settle();
            // Signed in afresh after growing: a large size takes longer than a session lasts (30 minutes).
            HttpClient browser = HttpClient.newBuilder().cookieHandler(signIn("duty-manager"))
                    .connectTimeout(Duration.ofSeconds(10)).build();
            Stats api = sample(() -> send(get("/api/tasks?page=1&size=25", "duty-manager"), 200));
            Stats html = sample(() -> send(browser, HttpRequest.newBuilder(URI.create(base + "/tasks")).GET()
                    .timeout(Duration.ofMinutes(5)).build(), 200));
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("openTriageTasks", growth.get("openTriageTasks"));
            level.put("closedEnquiries", growth.get("closedEnquiries"));
            level.put("growth", growth);
            level.put("api", api.asMap());
            level.put("html", html.asMap());
            sizes.add(level);
            row("task list " + growth.get("openTriageTasks") + " open, " + growth.get("closedEnquiries") + " closed",
                    "GET /api/tasks?page=1&size=25 | GET /tasks: p50/p95 ms",
                    fmt(api.p(50)) + " / " + fmt(api.p(95)) + " | " + fmt(html.p(50)) + " / " + fmt(html.p(95)));
            // The other saved views, each in the order that reads most of the queue when it matches little.
            Map<String, Object> views = new LinkedHashMap<>();
            List<String> cells = new ArrayList<>();
            for (String view : VIEWS) {
                Stats stats = sample(() -> send(get("/api/tasks?view=" + view + "&sort=NEWEST&page=1&size=25",
                        "duty-manager"), 200));
                firstViews.putIfAbsent(view, stats);
                Map<String, Object> measured = stats.asMap();
                if (sizes.size() > 1) {
                    measured.put("p95RatioToSmallest", stats.p(95) / firstViews.get(view).p(95));
                }
                views.put(view, measured);
                cells.add(view + " " + fmt(stats.p(50)) + " / " + fmt(stats.p(95))
                        + (sizes.size() > 1 ? " (" + fmt(stats.p(95) / firstViews.get(view).p(95)) + "x)" : ""));
            }
            level.put("views", views);
            row("task list views " + growth.get("openTriageTasks") + " open",
                    "GET /api/tasks?view=...&sort=NEWEST: p50/p95 ms (p95 ratio to the smallest size)", String.join("; ", cells));
            first = first == null ? api : first;
            firstHtml = firstHtml == null ? html : firstHtml;
            if (sizes.size() > 1) {
                level.put("apiP95RatioToSmallest", api.p(95) / first.p(95));
                level.put("htmlP95RatioToSmallest", html.p(95) / firstHtml.p(95));
                // The sizes actually reached: intake and journeys may already have left more open than the first size.
                row("task list ratio", "p95 at " + growth.get("openTriageTasks") + " / p95 at "
                        + ((Map<?, ?>) sizes.get(0)).get("openTriageTasks") + " open (API | HTML)",
                        fmt(api.p(95) / first.p(95)) + "x | " + fmt(html.p(95) / firstHtml.p(95)) + "x");
            }
        }
        results.put("taskList", sizes);
    }

    static final List<String> VIEWS = List.of("MINE", "UNCLAIMED", "DUE_TODAY", "OVERDUE");

    static Map<String, Object> perClosed(Map<String, Object> before, Map<String, Object> after, String how,
            Map<String, Object> growth) {
        long closed = num(after, "closedEnquiries").longValue() - num(before, "closedEnquiries").longValue();
        long bytes = num(after, "databaseBytes").longValue() - num(before, "databaseBytes").longValue();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("closedAdded", closed);
        result.put("growth", growth);
        result.put("databaseBytesPerClosedEnquiry", closed == 0 ? 0 : bytes / closed);
        Map<String, Long> perTable = new LinkedHashMap<>();
        Map<?, ?> tablesBefore = (Map<?, ?>) before.get("tables");
        ((Map<?, ?>) after.get("tables")).forEach((name, size) -> {
            long grew = ((Number) size).longValue() - (tablesBefore.containsKey(name) ? ((Number) tablesBefore.get(name)).longValue() : 0);
            if (grew > 0 && closed > 0) {
                perTable.put((String) name, grew / closed);
            }
        });
        long camunda = perTable.entrySet().stream().filter(e -> e.getKey().startsWith("act_hi_") || e.getKey().startsWith("act_ge_"))
                .mapToLong(Map.Entry::getValue).sum();
        long all = perTable.values().stream().mapToLong(Long::longValue).sum();
        result.put("tableBytesPerClosedEnquiry", all);
        result.put("engineHistoryBytesPerClosedEnquiry", camunda);
        result.put("perTable", perTable);
        row("bytes per closed enquiry (" + how + ", history " + options.historyLevel + ")",
                "bytes per enquiry: database / all tables / engine history (act_hi_*, act_ge_*); " + closed + " added",
                (closed == 0 ? "-" : bytes / closed) + " / " + all + " / " + camunda);
        return result;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> grow(long open, long closed) throws Exception {
        return (Map<String, Object>) Json.parse(body(send(post("/api/bench/data?open=" + open + "&closed=" + closed
                + "&realClosed=" + options.realClosed, "admin", ""), 200)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> database() throws Exception {
        return (Map<String, Object>) Json.parse(body(send(get("/api/bench/database", "admin"), 200)));
    }

    /** Signs in with the sign-in form, as a browser does, and keeps the session cookie. */
    static CookieManager signIn(String username) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String page = body(send(browser, HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), 200));
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        String form = "username=" + username + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Could not sign in as " + username + ": " + signedIn.statusCode());
        }
        return cookies;
    }

    /** A few warm-up calls, then up to the configured number of calls one at a time, within a time budget. */
    static Stats sample(Call call) throws Exception {
        for (int i = 0; i < options.warmup; i++) {
            call.run();
        }
        List<Long> nanos = new ArrayList<>();
        long began = System.nanoTime();
        long budget = (long) options.secondsPerSize * 1_000_000_000L;
        while (nanos.size() < options.listRequests && (nanos.size() < 5 || System.nanoTime() - began < budget)) {
            long start = System.nanoTime();
            call.run();
            nanos.add(System.nanoTime() - start);
        }
        return new Stats(nanos.stream().mapToLong(Long::longValue).toArray(), System.nanoTime() - began);
    }

    // ---- 4. Heap -------------------------------------------------------------------------------------------

    static Map<String, Object> heap(long pid) throws Exception {
        Map<String, Object> heap = new LinkedHashMap<>();
        heap.put("afterLoadUsedMb", heapUsedMb(pid));
        run(List.of("jcmd", String.valueOf(pid), "GC.run"));
        heap.put("afterFullGcUsedMb", heapUsedMb(pid));
        row("heap", "used after the load run / after a full GC (MB)", heap.get("afterLoadUsedMb") + " / "
                + heap.get("afterFullGcUsedMb"));
        return heap;
    }

    static long heapUsedMb(long pid) throws Exception {
        String info = run(List.of("jcmd", String.valueOf(pid), "GC.heap_info"));
        Matcher used = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K").matcher(info);
        return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
    }

    // ---- Load, HTTP and the machine --------------------------------------------------------------------------

    interface Call {
        Object run() throws Exception;
    }

    interface Indexed {
        Object run(int i) throws Exception;
    }

    /** {@code count} calls from {@code concurrency} threads; each call's latency is measured. */
    static Stats load(int count, int concurrency, Indexed call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        long[] nanos = new long[count];
        long began = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    call.run(i);
                    nanos[i] = System.nanoTime() - start;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return new Stats(nanos, System.nanoTime() - began);
    }

    static final String[] FIRST = {"Noah", "Isla", "Leo", "Maya", "Theo", "Aisha", "Jack", "Freya"};
    static final String[] CONCERNS = {"\"ATTENDANCE\",\"FAMILY_SUPPORT\"", "\"SAFEGUARDING\",\"SOCIAL_EMOTIONAL_MENTAL_HEALTH\"",
            "\"SEND\",\"BEHAVIOUR\"", "\"SOCIAL_EMOTIONAL_MENTAL_HEALTH\",\"ATTENDANCE\",\"FAMILY_SUPPORT\""};

    /** One in four with the child at immediate risk, as in the demo's seeds (intake only: see journeys). */
    static String enquiryJson(int i) {
        return enquiryJson(i, i % 4 == 0);
    }

    static String enquiryJson(int i, boolean immediateRisk) {
        return "{\"child\":{\"firstName\":\"" + FIRST[i % FIRST.length] + "\",\"lastName\":\"Fenwick\",\"dateOfBirth\":\"2014-09-01\"},"
                + "\"concerns\":[" + CONCERNS[i % CONCERNS.length] + "],\"summary\":\"Excluded twice this term; mornings are hard at home.\","
                + "\"immediateRisk\":" + immediateRisk + ",\"consent\":\"GIVEN\","
                + "\"referrer\":{\"name\":\"Amira Khan\",\"role\":\"DSL\",\"email\":\"amira@school.example.org\"}}";
    }

    /** API keys by account, when the run uses keys (--auth key); otherwise every request uses HTTP Basic. */
    static final Map<String, String> apiKeys = new java.util.concurrent.ConcurrentHashMap<>();

    static String authorization(String user) {
        String key = apiKeys.get(user);
        return key != null ? "Bearer " + key : basic(user);
    }

    /** Keys for the accounts the load uses, issued by the bench profile as the demo's administrator. */
    static void useApiKeys() throws Exception {
        for (String account : List.of("school-a", "duty-manager")) {
            Map<?, ?> issued = (Map<?, ?>) Json.parse(body(send(post("/api/bench/api-key?account=" + account, "admin", ""), 200)));
            apiKeys.put(account, (String) issued.get("token"));
        }
    }

    static HttpRequest get(String path, String user) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization(user)).GET()
                .timeout(Duration.ofMinutes(5)).build();
    }

    static HttpRequest post(String path, String user, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization(user))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofMinutes(60)).build();
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(HttpRequest request, int expected) throws Exception {
        return send(http, request, expected);
    }

    /** Any answer but the expected one is counted and stops the run: a benchmark of errors measures nothing. */
    static HttpResponse<String> send(HttpClient client, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            synchronized (Driver.class) {
                failures++;
            }
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    static String body(HttpResponse<String> response) {
        return response.body();
    }

    static Map<String, Object> machine() throws Exception {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        String meminfo = Files.readString(Path.of("/proc/meminfo"));
        Matcher total = Pattern.compile("MemTotal:\\s+(\\d+) kB").matcher(meminfo);
        machine.put("memoryMb", total.find() ? Long.parseLong(total.group(1)) / 1024 : -1);
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("postgresql", psql("select version()").trim());
        autovacuum = "on".equals(psql("show autovacuum").trim());
        machine.put("postgresqlAutovacuum", autovacuum ? "on" : "off: the driver runs VACUUM ANALYZE before each measurement instead");
        return machine;
    }

    /** Whether the server's autovacuum is on; without it no table is ever analysed. */
    static boolean autovacuum;

    /**
     * What autovacuum would have done by now, on a server that has it switched off (a CI machine's, for one):
     * without it no table ever has statistics, so each connection keeps the plans it made while the tables were
     * empty (for instance a sequential scan to check each foreign key), and every insert slows as the tables grow.
     * Measured here: at 18,500 enquiries intake ran 37 a second at concurrency 1, and 300 after one ANALYZE.
     */
    static void settle() throws Exception {
        if (!autovacuum) {
            run(List.of("psql", "-h", options.pgHost, "-p", options.pgPort, "-U", options.pgUser, "-d", options.database,
                    "-v", "ON_ERROR_STOP=1", "-tAc", "vacuum analyze"));
        }
    }

    static String psql(String sql) throws Exception {
        return run(List.of("psql", "-h", options.pgHost, "-p", options.pgPort, "-U", options.pgUser, "-d", "postgres",
                "-v", "ON_ERROR_STOP=1", "-tAc", sql));
    }

    static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    static void row(String measurement, String what, String result) {
        String[] cells = Arrays.stream(new String[] {measurement, what, result}).map(cell -> cell.replace("|", "\\|"))
                .toArray(String[]::new);
        table.add(cells);
        System.out.println("| " + String.join(" | ", cells) + " |");
    }

    static String fmt(double value) {
        return value >= 100 ? String.valueOf(Math.round(value)) : String.format("%.1f", value);
    }

    static Number num(Map<?, ?> map, String key) {
        return (Number) map.get(key);
    }

    /** Latencies of one measurement; percentiles by nearest rank, the same as the application's floor. */
    record Stats(long[] nanos, long wallNanos) {

        double p(int percentile) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
            return sorted[Math.max(rank, 1) - 1] / 1e6;
        }

        double perSecond() {
            return nanos.length / (wallNanos / 1e9);
        }

        String percentiles() {
            return fmt(p(50)) + " / " + fmt(p(95)) + " / " + fmt(p(99));
        }

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("count", nanos.length);
            map.put("throughputPerSecond", perSecond());
            map.put("p50", p(50));
            map.put("p95", p(95));
            map.put("p99", p(99));
            map.put("max", p(100));
            return map;
        }
    }

    /** The application as a council runs it: the packaged jar, on PostgreSQL, with the demo's accounts. */
    static final class App {
        Process process;
        double startupSeconds;
        double readySeconds;
        Path log;

        static App start(Options options, Path log) throws Exception {
            Path jar;
            try (var files = Files.list(Path.of("target"))) {
                jar = files.filter(p -> p.getFileName().toString().matches("tessa-.*\\.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("No target/tessa-*.jar: run bench/run.sh, which builds it"));
            }
            List<String> command = new ArrayList<>(List.of("java"));
            command.addAll(options.jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://" + options.pgHost + ":" + options.pgPort + "/" + options.database);
            env.put("SPRING_DATASOURCE_USERNAME", options.pgUser);
            env.put("SPRING_DATASOURCE_PASSWORD", System.getenv().getOrDefault("PGPASSWORD", ""));
            env.put("SPRING_PROFILES_ACTIVE", "demo,bench");
            env.put("SERVER_PORT", String.valueOf(options.port));
            env.put("CAMUNDA_BPM_HISTORY_LEVEL", options.historyLevel);
            env.remove("SPRING_MAIL_HOST");
            App app = new App();
            app.log = log;
            long began = System.nanoTime();
            app.process = builder.start();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            while (true) {
                if (!app.process.isAlive()) {
                    throw new IllegalStateException("The application stopped while starting; see " + log);
                }
                if ((System.nanoTime() - began) / 1e9 > 300) {
                    app.stop();
                    throw new IllegalStateException("The application did not answer /login within 5 minutes; see " + log);
                }
                try {
                    if (client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(200);
            }
            app.startupSeconds = (System.nanoTime() - began) / 1e9;
            // The demo's accounts are made by a runner after the web server is up: wait for them too.
            while (client.send(get("/api/bench/database", "admin"), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if ((System.nanoTime() - began) / 1e9 > 300) {
                    app.stop();
                    throw new IllegalStateException("The demo accounts did not appear within 5 minutes; see " + log);
                }
                Thread.sleep(200);
            }
            app.readySeconds = (System.nanoTime() - began) / 1e9;
            return app;
        }

        Object springStartedSeconds() throws IOException {
            Matcher started = Pattern.compile("Started TessaApplication in ([0-9.]+) seconds").matcher(Files.readString(log));
            return started.find() ? Double.parseDouble(started.group(1)) : null;
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    static final class Options {
        boolean smoke;
        boolean keepDatabase;
        /** key: API keys, as integrations sign in; basic: HTTP Basic, a bcrypt check on every request. */
        String auth = "key";
        List<String> levels = List.of("intake", "journeys", "tasklist", "footprint");
        int[] concurrency = {1, 4, 16, 64};
        int intakeRequests = 200;
        int intakeWarmup = 2_000;
        int journeys = 100;
        int journeyConcurrency = 4;
        long[] sizes = {1_000, 10_000, 100_000};
        long closed = 1_000_000;
        int realClosed = 2_000;
        int listRequests = 30;
        int warmup = 3;
        int secondsPerSize = 120;
        int port = 18080;
        String database = "bench_tessa";
        String historyLevel = "audit";
        String pgHost = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
        String pgPort = System.getenv().getOrDefault("PGPORT", "5432");
        String pgUser = System.getenv().getOrDefault("PGUSER", "postgres");
        List<String> jvmOptions = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            if (Arrays.asList(args).contains("--smoke")) {
                o.smoke = true;
                o.concurrency = new int[] {1, 4};
                o.intakeRequests = 10;
                o.intakeWarmup = 10;
                o.journeys = 4;
                o.journeyConcurrency = 2;
                o.sizes = new long[] {50, 150};
                o.closed = 40;
                o.realClosed = 20;
                o.listRequests = 5;
                o.warmup = 1;
            }
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--smoke" -> { }
                    case "--only" -> { o.levels = List.of(value.split(",")); i++; }
                    case "--concurrency" -> { o.concurrency = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray(); i++; }
                    case "--intake-requests" -> { o.intakeRequests = Integer.parseInt(value); i++; }
                    case "--intake-warmup" -> { o.intakeWarmup = Integer.parseInt(value); i++; }
                    case "--journeys" -> { o.journeys = Integer.parseInt(value); i++; }
                    case "--sizes" -> { o.sizes = Arrays.stream(value.split(",")).mapToLong(Long::parseLong).toArray(); i++; }
                    case "--closed" -> { o.closed = Long.parseLong(value); i++; }
                    case "--real-closed" -> { o.realClosed = Integer.parseInt(value); i++; }
                    case "--list-requests" -> { o.listRequests = Integer.parseInt(value); i++; }
                    case "--seconds-per-size" -> { o.secondsPerSize = Integer.parseInt(value); i++; }
                    case "--history-level" -> { o.historyLevel = value; i++; }
                    case "--port" -> { o.port = Integer.parseInt(value); i++; }
                    case "--database" -> { o.database = value; i++; }
                    case "--jvm" -> { o.jvmOptions.add(value); i++; }
                    case "--keep-database" -> o.keepDatabase = true;
                    case "--auth" -> {
                        if (!List.of("key", "basic").contains(value)) {
                            throw new IllegalArgumentException("--auth is key or basic");
                        }
                        o.auth = value;
                        i++;
                    }
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; see bench/README.md");
                }
            }
            if (!o.database.startsWith("bench_")) {
                throw new IllegalArgumentException("The benchmark drops its database, so its name must start with bench_");
            }
            return o;
        }

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("smoke", smoke);
            map.put("levels", levels);
            map.put("concurrency", Arrays.stream(concurrency).boxed().toList());
            map.put("intakeRequests", intakeRequests);
            map.put("intakeWarmup", intakeWarmup);
            map.put("journeys", journeys);
            map.put("journeyConcurrency", journeyConcurrency);
            map.put("sizes", Arrays.stream(sizes).boxed().toList());
            map.put("closed", closed);
            map.put("realClosed", realClosed);
            map.put("listRequests", listRequests);
            map.put("secondsPerSize", secondsPerSize);
            map.put("historyLevel", historyLevel);
            map.put("jvmOptions", jvmOptions);
            map.put("auth", auth);
            return map;
        }
    }

    /** Just enough JSON for the application's answers and the results file. */
    static final class Json {

        static String write(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof Map<?, ?> map) {
                return map.entrySet().stream().map(e -> write(String.valueOf(e.getKey())) + ": " + write(e.getValue()))
                        .collect(Collectors.joining(", ", "{", "}"));
            }
            if (value instanceof List<?> list) {
                return list.stream().map(Json::write).collect(Collectors.joining(", ", "[", "]"));
            }
            if (value instanceof Number || value instanceof Boolean) {
                return String.valueOf(value);
            }
            return "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        }

        static Object parse(String text) {
            return new Json(text).value();
        }

        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        private Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                i++;
                skip();
                if (s.charAt(i) == '}') {
                    i++;
                    return map;
                }
                do {
                    skip();
                    String key = (String) value();
                    skip();
                    i++; // :
                    map.put(key, value());
                    skip();
                } while (s.charAt(i++) == ',');
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                i++;
                skip();
                if (s.charAt(i) == ']') {
                    i++;
                    return list;
                }
                do {
                    list.add(value());
                    skip();
                } while (s.charAt(i++) == ',');
                return list;
            }
            if (c == '"') {
                StringBuilder out = new StringBuilder();
                for (i++; s.charAt(i) != '"'; i++) {
                    if (s.charAt(i) == '\\') {
                        i++;
                        char e = s.charAt(i);
                        out.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'u' ? (char) Integer.parseInt(s.substring(i + 1, i + 5), 16) : e);
                        if (e == 'u') {
                            i += 4;
                        }
                    } else {
                        out.append(s.charAt(i));
                    }
                }
                i++;
                return out.toString();
            }
            int start = i;
            while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String word = s.substring(start, i);
            return switch (word) {
                case "true" -> true;
                case "false" -> false;
                case "null" -> null;
                default -> word.contains(".") || word.contains("e") || word.contains("E") ? (Object) Double.parseDouble(word)
                        : (Object) Long.parseLong(word);
            };
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
