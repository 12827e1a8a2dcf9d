package org.khidmat.plugins.simnotify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.api.notify.Message;

class OutboxTest {
    @TempDir
    Path dir;

    @Test
    void recordsEachMessageOnceAsAJsonLine() throws Exception {
        Path file = dir.resolve("data/simnotify/sent.jsonl");
        Outbox outbox = new Outbox(file, Clock.fixed(Instant.parse("2026-03-02T05:00:00Z"), ZoneOffset.UTC));
        SimulatedSms sms = new SimulatedSms(outbox);
        Message m = new Message(7, "KM7Q-4XPA-K", "sms", "03001234567", "subject", "line \"one\"\nآسان خدمت");
        assertEquals("simnotify.sms-7", sms.send(m));
        assertEquals("simnotify.sms-7", sms.send(m), "the same message id is delivered once");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(1, lines.size());
        assertEquals("{\"at\":\"2026-03-02T05:00:00Z\",\"provider\":\"simnotify.sms\",\"delivery\":\"simnotify.sms-7\","
                + "\"message\":7,\"reference\":\"KM7Q-4XPA-K\",\"channel\":\"sms\",\"to\":\"03001234567\","
                + "\"subject\":\"subject\",\"text\":\"line \\\"one\\\"\\nآسان خدمت\"}", lines.get(0));
    }

    /**
     * A centre sends messages for months: the ids remembered to deliver once are the newest ones only (a message is
     * given again within minutes of its first try, never after a hundred thousand others), not every id since start.
     */
    @Test
    void onlyTheNewestIdsAreRememberedSoMonthsOfMessagesDoNotFillTheMemory() throws Exception {
        Path file = dir.resolve("sent.jsonl");
        try (Outbox outbox = new Outbox(file, Clock.systemUTC(), 3)) {
            SimulatedSms sms = new SimulatedSms(outbox);
            for (int id = 1; id <= 5; id++) {
                sms.send(new Message(id, "KM7Q-4XPA-K", "sms", "03001234567", "s", "text " + id));
            }
            assertEquals(3, outbox.remembered(), "the newest three ids, not all five");
            sms.send(new Message(5, "KM7Q-4XPA-K", "sms", "03001234567", "s", "text 5"));
            sms.send(new Message(3, "KM7Q-4XPA-K", "sms", "03001234567", "s", "text 3"));
        }
        assertEquals(5, Files.readAllLines(file, StandardCharsets.UTF_8).size(), "a newest id given again is delivered once");
    }

    /**
     * The file is opened at the first message of a day (UTC) and kept open, not opened for every message: a file moved
     * away during a day (rotated) gets the rest of that day's messages, and the next day's start a new one.
     */
    @Test
    void theMessagesOfADayStayInTheFileThatDayBegan() throws Exception {
        Path file = dir.resolve("data/simnotify/sent.jsonl");
        Path rotated = dir.resolve("data/simnotify/sent-2026-03-02.jsonl");
        SettableClock clock = new SettableClock(Instant.parse("2026-03-02T05:00:00Z"));
        try (Outbox outbox = new Outbox(file, clock)) {
            SimulatedSms sms = new SimulatedSms(outbox);
            sms.send(new Message(1, "KM7Q-4XPA-K", "sms", "03001234567", "s", "one"));
            Files.move(file, rotated);
            clock.now = Instant.parse("2026-03-02T23:59:00Z");
            sms.send(new Message(2, "KM7Q-4XPA-K", "sms", "03001234567", "s", "two"));
            clock.now = Instant.parse("2026-03-03T00:01:00Z");
            sms.send(new Message(3, "KM7Q-4XPA-K", "sms", "03001234567", "s", "three"));
        }
        List<String> day1 = Files.readAllLines(rotated, StandardCharsets.UTF_8);
        assertEquals(2, day1.size(), "the first day's messages in the file that day began: " + day1);
        assertTrue(day1.get(0).contains("\"message\":1,") && day1.get(1).contains("\"message\":2,"), day1.toString());
        List<String> day2 = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(1, day2.size(), "the next day begins a new file: " + day2);
        assertTrue(day2.get(0).contains("\"message\":3,"), day2.toString());
    }

    /** A clock a test moves by hand. */
    private static final class SettableClock extends Clock {
        volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theTestRecipientsFailEveryTime() {
        Outbox outbox = new Outbox(dir.resolve("sent.jsonl"), Clock.systemUTC());
        SimulatedEmail mail = new SimulatedEmail(outbox);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> mail.send(new Message(1, "KM7Q-4XPA-K", "email", "x" + Outbox.FAILING_DOMAIN, "s", "t")));
        assertTrue(e.getMessage().contains("simulated gateway failure"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> new SimulatedSms(outbox).send(new Message(2, "R", "sms", Outbox.FAILING_NUMBER, "s", "t")));
        assertTrue(Files.notExists(dir.resolve("sent.jsonl")), "nothing recorded for a failure");
    }
}
