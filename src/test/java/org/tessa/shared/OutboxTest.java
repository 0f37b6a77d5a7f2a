package org.tessa.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import org.tessa.TessaIntegrationTest;

/** Letters leave after their step commits, once, and are retried until the mail server takes them. */
class OutboxTest extends TessaIntegrationTest {

    private static final String FROM = "TESSA <tessa@example.org>";

    @Autowired
    Outbox outbox;

    @Autowired
    Mail mail;

    @Autowired
    OutboxProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aLetterIsSentOnceWhenALaterStepInItsJobFailsAndTheJobIsRetried() throws MessagingException {
        String recipient = unique("retried-job") + "@school.example.org";
        var process = Bpmn.createExecutableProcess("outbox-test-later-step-fails")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_PostLetter").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R3/PT1S")
                .camundaExpression("${outbox.post(recipient, 'Your enquiry has been read', 'We have read it.')}")
                .serviceTask("Task_FailTwice").camundaClass(FailsTwice.class.getName())
                .endEvent()
                .done();
        processEngine.getRepositoryService().createDeployment()
                .addModelInstance("outbox-test-later-step-fails.bpmn", process).deploy();

        String instance = processEngine.getRuntimeService().startProcessInstanceByKey("outbox-test-later-step-fails",
                recipient, Variables.putValue("recipient", recipient)).getId();

        await().atMost(Duration.ofSeconds(30)).until(() -> processEngine.getHistoryService()
                .createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1);
        assertThat(FailsTwice.ATTEMPTS.get(recipient)).as("the job ran three times").hasValue(3);
        List<Letter> letters = lettersTo(recipient);
        assertThat(letters).as("the rolled-back runs left no letter").hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> letter(letters.get(0).id()).sentAt() != null);
        assertThat(messagesTo(recipient)).singleElement().satisfies(message ->
                assertThat(message.getMessageID()).isEqualTo("<letter-" + letters.get(0).id() + "@example.org>"));
    }

    @Test
    void aLetterTheMailServerDidNotTakeIsSentLater() throws IOException {
        String recipient = unique("unreachable") + "@partner.example.org";
        Outbox withoutServer = new Outbox(jdbc, new Mail(mailServerAt(closedPort()), FROM), properties, clock);
        try {
            long letter = transactions.execute(status -> withoutServer.post(recipient, "A plan action is due", "Soon."));

            await().atMost(Duration.ofSeconds(30)).until(() -> letter(letter).lastError() != null);
            assertThat(letter(letter).sentAt()).isNull();
            assertThat(messagesTo(recipient)).isEmpty();

            await().atMost(Duration.ofSeconds(30)).until(() -> letter(letter).sentAt() != null);
            assertThat(letter(letter).attempts()).as("one failure, then the poller's attempt").isEqualTo(2);
            assertThat(messagesTo(recipient)).hasSize(1);
        } finally {
            withoutServer.destroy();
        }
    }

    @Test
    void twoNodesSendingTheSameLettersSendEachOnce() throws InterruptedException {
        String recipient = unique("two-nodes") + "@school.example.org";
        List<Long> letters = transactions.execute(status -> IntStream.range(0, 10)
                .mapToObj(n -> outbox.post(recipient, "Letter " + n, "Letter number " + n)).toList());
        List<Outbox> nodes = List.of(new Outbox(jdbc, mail, properties, clock), new Outbox(jdbc, mail, properties, clock));
        ExecutorService senders = Executors.newFixedThreadPool(4);
        var start = new CountDownLatch(1);
        try {
            for (int thread = 0; thread < 4; thread++) {
                Outbox node = nodes.get(thread % 2);
                senders.execute(() -> {
                    awaitQuietly(start);
                    letters.forEach(node::send);
                });
            }
            start.countDown();
            senders.shutdown();
            assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            nodes.forEach(Outbox::destroy);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> letters.stream().allMatch(id -> letter(id).sentAt() != null));
        List<String> subjects = new ArrayList<>();
        messagesTo(recipient).forEach(message -> subjects.add(subject(message)));
        assertThat(subjects).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 10).mapToObj(n -> "Letter " + n).toList());
        assertThat(letters).allSatisfy(id -> assertThat(letter(id).attempts()).isEqualTo(1));
    }

    /** The step after the letter: fails its first two runs, as a database or portal hiccup would. */
    public static class FailsTwice implements JavaDelegate {

        static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

        @Override
        public void execute(DelegateExecution execution) {
            if (ATTEMPTS.computeIfAbsent(execution.getProcessBusinessKey(), key -> new AtomicInteger()).incrementAndGet() <= 2) {
                throw new IllegalStateException("The step after the letter failed (on purpose)");
            }
        }
    }

    private record Letter(long id, int attempts, String lastError, OffsetDateTime sentAt) {
    }

    private Letter letter(long id) {
        return jdbc.sql("select id, attempts, last_error, sent_at from outbox_letter where id = ?").param(id)
                .query(Letter.class).single();
    }

    private List<Letter> lettersTo(String recipient) {
        return jdbc.sql("select id, attempts, last_error, sent_at from outbox_letter where recipient = ?").param(recipient)
                .query(Letter.class).list();
    }

    private static List<MimeMessage> messagesTo(String recipient) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(address -> address.toString().equals(recipient));
            } catch (MessagingException unreadable) {
                return false;
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException unreadable) {
            return "";
        }
    }

    private static JavaMailSenderImpl mailServerAt(int port) {
        var server = new JavaMailSenderImpl();
        server.setHost("127.0.0.1");
        server.setPort(port);
        return server;
    }

    /** A port nothing listens on: the mail server there refuses every connection. */
    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitQuietly(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID();
    }
}
