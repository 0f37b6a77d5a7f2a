package org.tessa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The engine floor: what starting a one-user-task process costs on the same engine and database, with
 * nothing of TESSA around it (no HTTP, no security, no domain rows). Intake can never be faster than this,
 * so the ratio of the two says how much of intake is TESSA's own.
 */
@Component
@Profile(Profiles.BENCH)
class EngineFloor {

    static final String PROCESS_KEY = "bench-engine-floor";

    private final RepositoryService repository;
    private final RuntimeService runtime;

    EngineFloor(RepositoryService repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    /**
     * Built in code rather than shipped as a file, so that only the bench profile ever deploys it; deployed
     * when first measured (a repeated deployment of the same model is filtered out).
     */
    private void deploy() {
        BpmnModelInstance process = Bpmn.createExecutableProcess(PROCESS_KEY)
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Started")
                .userTask("Task_Wait").name("Wait")
                .endEvent("EndEvent_Ended")
                .done();
        repository.createDeployment().name(PROCESS_KEY).enableDuplicateFiltering(true)
                .addModelInstance(PROCESS_KEY + ".bpmn", process).deploy();
    }

    /** Starts {@code count} instances from {@code concurrency} threads, each start in its own transaction. */
    Latencies measure(int count, int concurrency) throws Exception {
        deploy();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            long began = System.nanoTime();
            List<Future<Long>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String businessKey = "FLOOR-" + began + "-" + i;
                calls.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey);
                    return System.nanoTime() - start;
                }));
            }
            long[] nanos = new long[count];
            for (int i = 0; i < count; i++) {
                nanos[i] = calls.get(i).get();
            }
            return Latencies.of(nanos, System.nanoTime() - began);
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            removeInstances();
        }
    }

    /**
     * One start of the floor's process, for the floor over HTTP: the engine's work for a request that has passed
     * the same API-key check, Spring MVC and transaction as intake, with nothing of TESSA's own.
     */
    void startOne() {
        runtime.startProcessInstanceByKey(PROCESS_KEY, "FLOOR-HTTP-" + java.util.UUID.randomUUID());
    }

    /** The floor's open tasks would otherwise sit in the engine's task table under the task list's queries. */
    void removeInstances() {
        List<String> ids = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list().stream()
                .map(instance -> instance.getId()).toList();
        if (!ids.isEmpty()) {
            runtime.deleteProcessInstances(ids, "bench engine floor measured", true, true);
        }
    }
}
