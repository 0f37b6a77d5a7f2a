import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of ops/crash-test.sh and ops/two-nodes.sh: what schools, duty managers and a browser do, over
 * the real API and sign-in form of a running TESSA. The scripts start and kill the application and check the
 * database with psql; this program only talks HTTP. A single-file program on the JDK alone:
 * {@code java ops/Clients.java <command> ...}. Every account is a demo account (password "demo").
 *
 * <pre>
 * stream BASE CLIENTS DIR          schools log enquiries from CLIENTS threads, each with its own Idempotency-Key,
 *                                  until the application stops answering; DIR/acknowledged holds "key reference"
 *                                  for every 201, DIR/unacknowledged "key n" for every request left unanswered
 * resend BASE DIR                  sends every unacknowledged request again with the same key and body
 *                                  (DIR/resent: "key reference repeated")
 * triage BASE1 BASE2 COUNT CLIENTS FILE
 *                                  logs COUNT enquiries and triages each with advice (claim, complete), every
 *                                  other call on the other node; FILE gets the references
 * mash BASE1 BASE2 COUNT CLIENTS FILE
 *                                  logs COUNT enquiries, signposts each to the MASH at triage, then (once the
 *                                  engine has sent the advice and opened the task) confirms each MASH referral
 *                                  with a reference: the MASH decision is then awaited, on a timer
 * session BASE1 BASE2              signs in with the form on BASE1 and uses that session cookie on BASE2
 * apikey BASE ACCOUNT              as the demo's administrator, issues an API key for ACCOUNT (valid one day) at
 *                                  /admin/api-keys, as an integration gets one, and prints it
 * </pre>
 * API calls carry the key in the environment variable TESSA_KEY_&lt;ACCOUNT&gt; (TESSA_KEY_SCHOOL_A for school-a) when
 * it is set, and HTTP Basic otherwise (a deliberately slow bcrypt check on every request).
 * Exit status 0 when every answer was the expected one; 1 otherwise, with what went wrong on stderr.
 */
public class Clients {

    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "stream" -> stream(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            case "resend" -> resend(args[1], Path.of(args[2]));
            case "triage" -> triage(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]), ADVICE);
            case "mash" -> mash(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
            case "session" -> session(args[1], args[2]);
            case "apikey" -> System.out.println(apiKey(args[1], args[2]));
            default -> throw new IllegalArgumentException("Unknown command " + args[0]);
        }
        System.exit(0);
    }

    // ---- stream and resend: enquiries sent while the application is killed ---------------------------------

    static void stream(String base, int clients, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path acknowledged = dir.resolve("acknowledged");
        Path unacknowledged = dir.resolve("unacknowledged");
        String run = Long.toString(System.currentTimeMillis(), 36);
        AtomicInteger next = new AtomicInteger();
        parallel(clients, client -> {
            while (true) {
                int n = next.getAndIncrement();
                String key = "crash-" + run + "-" + n;
                HttpResponse<String> answer;
                try {
                    answer = http.send(logEnquiry(base, key, n), HttpResponse.BodyHandlers.ofString());
                } catch (IOException stopped) {
                    // The application died with this request in flight (or before it arrived): not acknowledged.
                    append(unacknowledged, key + " " + n);
                    return;
                }
                expect(answer, 201, "POST /api/enquiries");
                // Written only once the 201 has arrived: this file is exactly what a school was promised.
                append(acknowledged, key + " " + field(answer.body(), "reference"));
            }
        });
    }

    static void resend(String base, Path dir) throws Exception {
        Path unacknowledged = dir.resolve("unacknowledged");
        for (String line : Files.exists(unacknowledged) ? Files.readAllLines(unacknowledged) : List.<String>of()) {
            String[] keyAndN = line.split(" ");
            HttpResponse<String> answer = http.send(logEnquiry(base, keyAndN[0], Integer.parseInt(keyAndN[1])),
                    HttpResponse.BodyHandlers.ofString());
            expect(answer, 201, "POST /api/enquiries (resent)");
            append(dir.resolve("resent"), keyAndN[0] + " " + field(answer.body(), "reference") + " "
                    + answer.body().contains("\"repeated\":true"));
        }
    }

    static HttpRequest logEnquiry(String base, String key, int n) {
        return post(base, "/api/enquiries", "school-a", enquiryJson(n)).header("Idempotency-Key", key).build();
    }

    // ---- triage: async jobs, one per enquiry --------------------------------------------------------------

    static final Pattern TASK = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"name\":\"[^\"]*\",\"taskKey\":\"([^\"]+)\",\"enquiryReference\":\"([^\"]+)\"");
    static final String ADVICE = "{\"triageOutcome\":\"ADVICE_GIVEN\",\"advice\":\"Offer a mentor and the Family Hub parenting course.\","
            + "\"levelOfNeed\":\"EARLY_HELP\"}";
    static final String TO_THE_MASH = "{\"triageOutcome\":\"SIGNPOSTED\",\"advice\":\"Refer to the MASH today; keep the family informed.\","
            + "\"levelOfNeed\":\"SPECIALIST\",\"signpostTo\":[\"MASH\"]}";

    static void mash(String base1, String base2, int count, int clients, Path file) throws Exception {
        triage(base1, base2, count, clients, file, TO_THE_MASH);
        List<String> references = Files.readAllLines(file);
        // "Send advice to referrer" runs as a job, then the signpost process opens "Confirm MASH referral made".
        Map<String, String> tasks = Map.of();
        for (int tries = 0; tasks.size() < references.size(); tries++) {
            if (tries == 120) {
                fail("only " + tasks.size() + " of " + references.size() + " MASH referrals to confirm after a minute");
            }
            Thread.sleep(500);
            tasks = unclaimedTasks(base1, "Task_ConfirmMashReferral", references, false);
        }
        Map<String, String> confirm = tasks;
        String[] nodes = {base1, base2};
        parallel(clients, client -> {
            for (int i = client; i < references.size(); i += clients) {
                String task = confirm.get(references.get(i));
                expect(send(post(nodes[i % 2], "/api/tasks/" + task + "/claim", "duty-manager", "").build()), 200, "claim");
                expect(send(post(nodes[(i + 1) % 2], "/api/tasks/" + task + "/complete", "duty-manager",
                        "{\"mashReference\":\"MASH-R-" + i + "\"}").build()), 204, "complete");
            }
        });
    }

    static void triage(String base1, String base2, int count, int clients, Path file, String decision) throws Exception {
        String[] nodes = {base1, base2};
        List<String> references = new ArrayList<>();
        parallel(clients, client -> {
            for (int i = client; i < count; i += clients) {
                HttpResponse<String> logged = send(post(nodes[i % 2], "/api/enquiries", "school-a", enquiryJson(i)).build());
                expect(logged, 201, "POST /api/enquiries");
                synchronized (references) {
                    references.add(field(logged.body(), "reference"));
                }
            }
        });
        Map<String, String> tasks = unclaimedTasks(base1, "Task_TriageEnquiry", references, true);
        List<String> ordered = new ArrayList<>(references);
        parallel(clients, client -> {
            for (int i = client; i < ordered.size(); i += clients) {
                String task = tasks.get(ordered.get(i));
                // Claimed on one node, completed on the other: the engine and the work list are shared.
                expect(send(post(nodes[i % 2], "/api/tasks/" + task + "/claim", "duty-manager", "").build()), 200, "claim");
                expect(send(post(nodes[(i + 1) % 2], "/api/tasks/" + task + "/complete", "duty-manager",
                        decision).build()), 204, "complete");
            }
        });
        Files.write(file, ordered);
    }

    /** Each enquiry's task of one kind, found as a duty manager finds them: in the unclaimed list, page by page. */
    static Map<String, String> unclaimedTasks(String base, String taskKey, List<String> references, boolean all) throws Exception {
        Map<String, String> tasks = new HashMap<>();
        for (int page = 1; tasks.size() < references.size(); page++) {
            HttpResponse<String> list = send(get(base, "/api/tasks?view=UNCLAIMED&sort=NEWEST&size=100&page=" + page,
                    "duty-manager"));
            expect(list, 200, "GET /api/tasks");
            Matcher m = TASK.matcher(list.body());
            boolean any = false;
            while (m.find()) {
                any = true;
                if (m.group(2).equals(taskKey) && references.contains(m.group(3))) {
                    tasks.put(m.group(3), m.group(1));
                }
            }
            if (!any && !all) {
                return tasks;
            }
            if (!any) {
                throw new IllegalStateException("Only " + tasks.size() + " of " + references.size() + " triage tasks listed");
            }
        }
        return tasks;
    }

    // ---- session: signed in on one node, signed in on the other --------------------------------------------

    static void session(String base1, String base2) throws Exception {
        String cookie = signIn(base1, "duty-manager");
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(base2 + "/tasks")).GET().build());
        expect(anonymous, 302, "GET /tasks on node 2 without the cookie");
        HttpResponse<String> onNode2 = send(HttpRequest.newBuilder(URI.create(base2 + "/tasks")).header("Cookie", cookie).GET().build());
        expect(onNode2, 200, "GET /tasks on node 2 with node 1's session cookie");
        if (!onNode2.body().contains("Dana Mercer")) {
            fail("node 2 answered 200 but not as Dana Mercer (duty-manager)");
        }
        System.out.println("Signed in on node 1 as duty-manager; node 2 answered /tasks as Dana Mercer with the same cookie ("
                + cookie.substring(0, cookie.indexOf('=')) + ")");
        // Signing out on node 2 signs out on node 1: the session is one row in the shared database.
        String form2 = "_csrf=" + URLEncoder.encode(csrf(onNode2.body()), StandardCharsets.UTF_8);
        HttpResponse<String> signedOut = send(HttpRequest.newBuilder(URI.create(base2 + "/logout")).header("Cookie", cookie)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form2)).build());
        expect(signedOut, 302, "POST /logout on node 2");
        HttpResponse<String> afterwards = send(HttpRequest.newBuilder(URI.create(base1 + "/tasks")).header("Cookie", cookie).GET().build());
        expect(afterwards, 302, "GET /tasks on node 1 after signing out on node 2");
        System.out.println("Signed out on node 2; node 1 then sends the same cookie to the sign-in page");
    }

    /** Signs in with the sign-in form, as a browser does; the answer is the session cookie ("SESSION=..."). */
    static String signIn(String base, String username) throws Exception {
        HttpResponse<String> loginPage = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build());
        String cookie = sessionCookie(loginPage);
        String form = "username=" + username + "&password=demo&_csrf=" + URLEncoder.encode(csrf(loginPage.body()), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            fail("signing in as " + username + " at " + base + " answered " + signedIn.statusCode() + " " + signedIn.headers().map());
        }
        // Signing in changes the session id (against session fixation): the new cookie is the one to carry.
        return signedIn.headers().firstValue("Set-Cookie").isPresent() ? sessionCookie(signedIn) : cookie;
    }

    static String apiKey(String base, String account) throws Exception {
        String cookie = signIn(base, "admin");
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/admin/api-keys")).header("Cookie", cookie).GET().build());
        expect(page, 200, "GET /admin/api-keys");
        String form = "name=" + URLEncoder.encode("ops test " + account, StandardCharsets.UTF_8) + "&account=" + account
                + "&validDays=1&_csrf=" + URLEncoder.encode(csrf(page.body()), StandardCharsets.UTF_8);
        HttpResponse<String> issued = send(HttpRequest.newBuilder(URI.create(base + "/admin/api-keys")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        expect(issued, 302, "POST /admin/api-keys");
        // The key is shown once, on the page the administrator is sent back to.
        HttpResponse<String> shown = send(HttpRequest.newBuilder(URI.create(base + "/admin/api-keys")).header("Cookie", cookie).GET().build());
        Matcher token = Pattern.compile("id=\"token\">([^<]+)<").matcher(shown.body());
        if (!token.find()) {
            fail("no key shown after issuing one for " + account);
        }
        return token.group(1);
    }

    static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No session cookie in " + response.headers().map()));
    }

    static String csrf(String page) {
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!csrf.find()) {
            fail("no CSRF token in the page");
        }
        return csrf.group(1);
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------

    interface Client {
        void run(int client) throws Exception;
    }

    /** Runs {@code clients} threads to the end; the first failure fails the whole command. */
    static void parallel(int clients, Client body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                body.run(client);
                return null;
            }));
        }
        for (Future<?> each : running) {
            each.get();
        }
        pool.shutdown();
    }

    static HttpRequest.Builder post(String base, String path, String user, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization(user))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(60));
    }

    static HttpRequest get(String base, String path, String user) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization(user)).GET()
                .timeout(Duration.ofSeconds(60)).build();
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String authorization(String user) {
        String key = System.getenv("TESSA_KEY_" + user.toUpperCase().replace('-', '_'));
        return key != null && !key.isBlank() ? "Bearer " + key
                : "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    static void expect(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            fail(what + " answered " + answer.statusCode() + " (expected " + status + "): " + answer.body());
        }
    }

    static void fail(String why) {
        System.err.println("FAILED: " + why);
        System.exit(1);
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            fail("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static synchronized void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Not at immediate risk, so that a duty manager may close it with advice. */
    static String enquiryJson(int n) {
        String[] first = {"Noah", "Isla", "Leo", "Maya", "Theo", "Aisha", "Jack", "Freya"};
        return "{\"child\":{\"firstName\":\"" + first[n % first.length] + "\",\"lastName\":\"Fenwick\",\"dateOfBirth\":\"2014-09-01\"},"
                + "\"concerns\":[\"ATTENDANCE\",\"FAMILY_SUPPORT\"],\"summary\":\"Excluded twice this term; mornings are hard at home.\","
                + "\"immediateRisk\":false,\"consent\":\"GIVEN\","
                + "\"referrer\":{\"name\":\"Amira Khan\",\"role\":\"DSL\",\"email\":\"amira@school.example.org\"}}";
    }
}
