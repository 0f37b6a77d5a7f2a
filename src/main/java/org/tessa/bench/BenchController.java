package org.tessa.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tessa.people.ApiKeys;
import org.tessa.people.StaffMember;

/**
 * What bench/Driver.java asks of the application from inside its JVM: grow the data set, measure the engine
 * floor, and read the database's size. Administrators only, and only in the bench profile.
 */
@RestController
@RequestMapping("/api/bench")
@Profile(Profiles.BENCH)
@PreAuthorize("hasRole('ADMIN')")
class BenchController {

    private final BenchData data;
    private final EngineFloor floor;
    private final JdbcTemplate jdbc;
    private final ApiKeys keys;

    BenchController(BenchData data, EngineFloor floor, JdbcTemplate jdbc, ApiKeys keys) {
        this.keys = keys;
        this.data = data;
        this.floor = floor;
        this.jdbc = jdbc;
    }

    @PostMapping("/data")
    Map<String, Object> grow(@RequestParam long open, @RequestParam long closed,
            @RequestParam(defaultValue = "2000") int realClosed) {
        return data.grow(open, closed, realClosed);
    }

    /** An API key acting as the account, so that the driver can measure the API without HTTP Basic's bcrypt. */
    @PostMapping("/api-key")
    Map<String, String> apiKey(@RequestParam String account, @AuthenticationPrincipal StaffMember admin) {
        return Map.of("token", keys.issue("Benchmark driver", account, 1, admin).token());
    }

    @PostMapping("/engine-floor")
    Latencies engineFloor(@RequestParam int count, @RequestParam int concurrency) throws Exception {
        return floor.measure(Math.min(count, 100_000), Math.min(Math.max(concurrency, 1), 256));
    }

    /**
     * The engine floor over HTTP: one start of the floor's process per request, signed in as intake is (any
     * account: an API key cannot act as an administrator), so that intake can be set beside the same engine
     * work behind the same HTTP, security and JSON, as well as beside the bare call. Deploys nothing: the
     * in-JVM measurement before it has.
     */
    @PostMapping("/engine-floor/start")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<Void> startFloorProcess() {
        floor.startOne();
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    /** Ends the floor's process instances started over HTTP. */
    @PostMapping("/engine-floor/clean")
    ResponseEntity<Void> cleanFloor() {
        floor.removeInstances();
        return ResponseEntity.noContent().build();
    }

    /**
     * The database's size, each table's with its indexes and TOAST, and the counts to divide them by. Vacuumed
     * first, so that the rows the engine deletes from its runtime tables when a process ends are not counted.
     */
    @GetMapping("/database")
    Map<String, Object> database() {
        jdbc.execute("vacuum analyze");
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("databaseBytes", jdbc.queryForObject("select pg_database_size(current_database())", Long.class));
        sizes.put("openTriageTasks", data.openTriageTasks());
        sizes.put("closedEnquiries", jdbc.queryForObject("select count(*) from enquiry where status = 'CLOSED'", Long.class));
        sizes.put("enquiries", jdbc.queryForObject("select count(*) from enquiry", Long.class));
        Map<String, Long> tables = new LinkedHashMap<>();
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select c.relname as name, pg_total_relation_size(c.oid) as bytes from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                where c.relkind = 'r' and n.nspname = current_schema() order by bytes desc""");
        rows.forEach(row -> tables.put((String) row.get("name"), ((Number) row.get("bytes")).longValue()));
        sizes.put("tables", tables);
        return sizes;
    }
}
