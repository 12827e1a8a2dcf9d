package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.khidmat.distribution.Centre;

/**
 * The JSON API of payments, receipts, ratings and figures against the real distribution: paying twice (or at once
 * from many clients) charges once; someone else's CNIC reads and pays nothing; every bad input is a 4xx with a
 * plain message that stores nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentApiIT {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Karachi"));
    @TempDir
    static Path temp;
    private Centre centre;
    private Staff admin;
    private Staff agency;
    private int cnics;

    @BeforeAll
    void start() throws Exception {
        centre = Centre.install(temp.resolve("centre")).env("KHIDMAT_ADMIN_PASSWORD", Staff.ADMIN_PASSWORD).start();
        admin = Staff.admin(centre);
        agency = Staff.admin(centre).createAccount("ictadmin-bilal", "a-long-staff-password", "AGENCY", "ictadmin");
    }

    @AfterAll
    void stop() throws Exception {
        if (centre != null) {
            centre.stop();
        }
    }

    private HttpResponse<String> post(String path, String body) {
        return centre.send(HttpRequest.newBuilder(URI.create(centre.url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A new applicant's CNIC, 13 digits. */
    private String cnic() {
        return "61101" + String.format("%07d", 1000 + ++cnics) + "1";
    }

    /** Files an urgent domicile application (PKR 500) for the CNIC; returns its reference. */
    private String domicile(String cnic) {
        HttpResponse<String> r = post("/api/v1/applications", """
                {"serviceId":"ictadmin.domicile","tier":"urgent","answers":{"cnic":"%s","fullName":"Bilal Ahmed",
                 "fatherName":"Ahmed Ali","dateOfBirth":"1985-05-05","permanentAddress":"House 9, Street 4, G-9/1, Islamabad",
                 "residentSince":"1990-01-01","basis":"residence","mobile":"03331234567"}}""".formatted(cnic));
        assertEquals(201, r.statusCode(), r.body());
        return Staff.read(r).get("reference").asText();
    }

    private static String pair(String reference, String cnic, String more) {
        return "{\"reference\":\"" + reference + "\",\"cnic\":\"" + cnic + "\"" + more + "}";
    }

    private static void refused(HttpResponse<String> r, int status, String says) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
        JsonNode body = Staff.read(r);
        assertEquals(status, body.get("status").asInt());
        assertTrue(body.get("error").asText().contains(says), r.body());
        assertTrue(!r.body().contains("Exception") && !r.body().contains("\tat "), "no stack trace: " + r.body());
    }

    /** @return today's line of ictadmin in the admin's collections CSV: {payments, amount} */
    private long[] collectedToday() {
        HttpResponse<String> csv = admin.get("/admin/collections.csv");
        assertEquals(200, csv.statusCode(), csv.body());
        return csv.body().lines().filter(l -> l.startsWith("ictadmin," + TODAY + ",")).findFirst()
                .map(l -> new long[] {Long.parseLong(l.split(",")[2]), Long.parseLong(l.split(",")[3])}).orElse(new long[2]);
    }

    /** Eight clients sending the same payment request at the same moment: their answers. */
    private List<HttpResponse<String>> atOnce(String body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CyclicBarrier together = new CyclicBarrier(8);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return post("/api/v1/payments", body);
                }));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : sent) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return how many audit entries of the application have that action */
    private long audited(String reference, String action) {
        long n = 0;
        for (JsonNode e : Staff.read(admin.get("/api/v1/audit?q=" + reference))) {
            n += action.equals(e.get("action").asText()) ? 1 : 0;
        }
        return n;
    }

    private void finish(String reference) {
        for (String to : List.of("in-review", "issued")) {
            HttpResponse<String> r = agency.post("/api/v1/applications/" + reference + "/moves", "{\"to\":\"" + to + "\"}");
            assertEquals(200, r.statusCode(), r.body());
        }
    }

    @Test
    void payingTwiceChargesOnceWithOneReceipt() {
        long[] before = collectedToday();
        String cnic = cnic();
        String ref = domicile(cnic);
        HttpResponse<String> first = post("/api/v1/payments", pair(ref, cnic, ",\"provider\":\"simpay.wallet\""));
        assertEquals(201, first.statusCode(), first.body());
        JsonNode paid = Staff.read(first);
        assertEquals("paid", paid.get("outcome").asText());
        assertEquals(500, paid.at("/payment/amount").asLong(), "the urgent tier's amount");
        assertEquals("urgent", paid.at("/payment/tier").asText());
        String receipt = paid.at("/receipt/receiptNumber").asText();
        assertTrue(receipt.matches("KR-\\d{8}-" + ref.replace("-", "")), receipt);

        for (String provider : List.of("simpay.wallet", "simpay.challan")) {
            HttpResponse<String> again = post("/api/v1/payments", pair(ref, cnic.substring(0, 5) + "-" + cnic.substring(5, 12)
                    + "-" + cnic.substring(12), ",\"provider\":\"" + provider + "\""));
            assertEquals(200, again.statusCode(), again.body());
            assertEquals("already_paid", Staff.read(again).get("outcome").asText());
            assertEquals(receipt, Staff.read(again).at("/receipt/receiptNumber").asText(), "the same receipt");
        }
        HttpResponse<String> read = post("/api/v1/receipts", pair(ref, cnic, ""));
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(receipt, Staff.read(read).get("receiptNumber").asText());
        assertEquals("Domicile certificate", Staff.read(read).at("/service/en").asText());
        HttpResponse<String> confirmed = post("/api/v1/payments/confirm", pair(ref, cnic, ""));
        assertEquals("already_paid", Staff.read(confirmed).get("outcome").asText());

        long[] after = collectedToday();
        assertEquals(before[0] + 1, after[0], "one payment counted");
        assertEquals(before[1] + 500, after[1], "PKR 500 counted once");
        assertEquals(1, audited(ref, "payment.start"), "the provider was asked once");
        assertEquals(1, audited(ref, "payment.paid"));
    }

    @Test
    void manyClientsPayingAtOnceMakeOnePayment() throws Exception {
        long[] before = collectedToday();
        String cnic = cnic();
        String ref = domicile(cnic);
        int created = 0;
        java.util.Set<String> receipts = new java.util.HashSet<>();
        for (HttpResponse<String> r : atOnce(pair(ref, cnic, ",\"provider\":\"simpay.wallet\""))) {
            assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.body());
            created += r.statusCode() == 201 ? 1 : 0;
            assertEquals(r.statusCode() == 201 ? "paid" : "already_paid", Staff.read(r).get("outcome").asText(), r.body());
            receipts.add(Staff.read(r).at("/receipt/receiptNumber").asText());
        }
        assertEquals(1, created, "one answer started the payment");
        assertEquals(1, receipts.size(), receipts.toString());
        long[] after = collectedToday();
        assertEquals(before[0] + 1, after[0]);
        assertEquals(before[1] + 500, after[1]);
    }

    @Test
    void manyClientsStartingAChallanAtOnceGetOneChallanAndOneCreated() throws Exception {
        String cnic = cnic();
        String ref = domicile(cnic);
        int created = 0;
        int already = 0;
        java.util.Set<String> challans = new java.util.HashSet<>();
        for (HttpResponse<String> r : atOnce(pair(ref, cnic, ",\"provider\":\"simpay.challan\""))) {
            JsonNode body = Staff.read(r);
            if (r.statusCode() == 201) {
                created++;
                assertEquals("pending", body.get("outcome").asText(), r.body());
            } else {
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("already_pending", body.get("outcome").asText(), r.body());
                already++;
            }
            assertEquals("pending", body.at("/payment/state").asText(), r.body());
            challans.add(body.at("/payment/providerReference").asText());
        }
        assertEquals(1, created, "only the request that started the payment is told 201 Created");
        assertEquals(7, already);
        assertEquals(1, challans.size(), "everyone is told the same challan: " + challans);
        assertEquals(1, audited(ref, "payment.start"), "one challan was started");
    }

    @Test
    void someoneElsesCnicPaysAndReadsNothing() {
        String cnic = cnic();
        String ref = domicile(cnic);
        String other = cnic();
        refused(post("/api/v1/payments", pair(ref, other, ",\"provider\":\"simpay.wallet\"")), 404,
                "no application matches that reference and CNIC");
        refused(post("/api/v1/payments", pair("ZZZZ-ZZZZ-Z", cnic, ",\"provider\":\"simpay.wallet\"")), 404,
                "no application matches that reference and CNIC");
        refused(post("/api/v1/payments/confirm", pair(ref, other, "")), 404, "no application matches");
        refused(post("/api/v1/receipts", pair(ref, other, "")), 404, "no application matches");
        refused(post("/api/v1/receipts", pair(ref, cnic, "")), 404, "is not paid");
        refused(post("/api/v1/payments/confirm", pair(ref, cnic, "")), 422, "no payment was started");

        centre.pay(ref, cnic);
        refused(post("/api/v1/receipts", pair(ref, other, "")), 404, "no application matches");
    }

    @Test
    void badPaymentRequestsAreRefusedAndStoreNothing() {
        String cnic = cnic();
        String ref = domicile(cnic);
        refused(post("/api/v1/payments", "{\"reference\":"), 400, "not valid JSON");
        refused(post("/api/v1/payments", "[1,2]"), 400, "must be a JSON object");
        refused(post("/api/v1/payments", ""), 400, "empty");
        refused(post("/api/v1/payments", pair(ref, cnic, "")), 400, "'provider' is required");
        refused(post("/api/v1/payments", "{\"reference\":\"" + ref + "\",\"provider\":\"simpay.wallet\"}"), 400,
                "'cnic' is required");
        refused(post("/api/v1/payments", pair(ref, cnic, ",\"provider\":42")), 400, "'provider' must be a string");
        refused(centre.send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/payments"))).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(pair(ref, cnic, ",\"provider\":\"simpay.wallet\"")))), 400,
                "application/json");
        refused(post("/api/v1/payments", pair(ref, cnic, ",\"provider\":\"bitcoin\"")), 422, "simpay.wallet");
        HttpResponse<String> get = centre.get("/api/v1/payments");
        refused(get, 405, "use POST");
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        refused(post("/api/v1/receipts", pair(ref, cnic, "")), 404, "is not paid");

        HttpResponse<String> free = post("/api/v1/applications", """
                {"serviceId":"ictpolice.lost-report","answers":{"cnic":"%s","fullName":"Sara Ali","document":"cnic",
                 "lostOn":"%s","place":"Near the F-6 market, Islamabad","mobile":"03001112223"}}""".formatted(cnic,
                TODAY.minusDays(1)));
        assertEquals(201, free.statusCode(), free.body());
        String freeRef = Staff.read(free).get("reference").asText();
        refused(post("/api/v1/payments", pair(freeRef, cnic, ",\"provider\":\"simpay.wallet\"")), 422, "free");
        refused(post("/api/v1/receipts", pair(freeRef, cnic, "")), 404, "is not paid");
    }

    @Test
    void aChallanIsPendingUntilTheBankConfirms() {
        long[] before = collectedToday();
        String cnic = cnic();
        String ref = domicile(cnic);
        HttpResponse<String> started = post("/api/v1/payments", pair(ref, cnic, ",\"provider\":\"simpay.challan\""));
        assertEquals(201, started.statusCode(), started.body());
        JsonNode p = Staff.read(started);
        assertEquals("pending", p.get("outcome").asText());
        String challan = p.at("/payment/providerReference").asText();
        assertTrue(challan.startsWith("SIM-CH-") && p.at("/payment/instructions").asText().contains(challan), started.body());
        assertTrue(p.get("receipt").isNull());
        refused(post("/api/v1/receipts", pair(ref, cnic, "")), 404, "payment pending");
        HttpResponse<String> wallet = post("/api/v1/payments", pair(ref, cnic, ",\"provider\":\"simpay.wallet\""));
        assertEquals(200, wallet.statusCode(), "nothing new is started while a payment is pending");
        assertEquals("already_pending", Staff.read(wallet).get("outcome").asText());
        assertEquals(challan, Staff.read(wallet).at("/payment/providerReference").asText());
        assertEquals(before[0], collectedToday()[0], "a pending challan is not money collected");

        HttpResponse<String> confirmed = post("/api/v1/payments/confirm", pair(ref, cnic, ""));
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals("paid", Staff.read(confirmed).get("outcome").asText());
        String receipt = Staff.read(confirmed).at("/receipt/receiptNumber").asText();
        HttpResponse<String> again = post("/api/v1/payments/confirm", pair(ref, cnic, ""));
        assertEquals("already_paid", Staff.read(again).get("outcome").asText());
        assertEquals(receipt, Staff.read(again).at("/receipt/receiptNumber").asText());
        assertEquals(before[0] + 1, collectedToday()[0]);
    }

    @Test
    void ratingsAreCheckedAndGivenOnce() {
        String cnic = cnic();
        String ref = domicile(cnic);
        refused(post("/api/v1/ratings", pair(ref, cnic, ",\"stars\":4")), 409, "once your application is finished");
        centre.pay(ref, cnic);
        finish(ref);

        refused(post("/api/v1/ratings", "{\"reference\":\"" + ref + "\""), 400, "not valid JSON");
        refused(post("/api/v1/ratings", pair(ref, cnic, "")), 400, "'stars' is required");
        refused(post("/api/v1/ratings", pair(ref, cnic, ",\"stars\":\"4\"")), 400, "whole number from 1 to 5");
        refused(post("/api/v1/ratings", pair(ref, cnic, ",\"stars\":4.5")), 400, "whole number from 1 to 5");
        refused(post("/api/v1/ratings", "{\"reference\":\"" + ref + "\",\"stars\":4}"), 400, "'cnic' is required");
        refused(post("/api/v1/ratings", pair(ref, cnic, ",\"stars\":0")), 422, "1 to 5 stars");
        refused(post("/api/v1/ratings", pair(ref, cnic, ",\"stars\":6")), 422, "1 to 5 stars");
        refused(post("/api/v1/ratings", pair(ref, cnic, ",\"stars\":4,\"comment\":\"" + "x".repeat(1001) + "\"")), 422,
                "1000 characters or fewer");
        refused(post("/api/v1/ratings", pair(ref, cnic(), ",\"stars\":4")), 404, "no application with that reference and CNIC");
        JsonNode figures = Staff.read(centre.get("/api/v1/figures"));
        assertEquals(0, service(figures, "ictadmin.domicile").get("ratings").asInt(), "nothing was stored by the refusals");

        HttpResponse<String> rated = post("/api/v1/ratings", pair(ref, cnic, ",\"stars\":5,\"comment\":\"" + "x".repeat(1000)
                + "\""));
        assertEquals(201, rated.statusCode(), rated.body());
        refused(post("/api/v1/ratings", pair(ref, cnic, ",\"stars\":1")), 409, "rated already");
        JsonNode row = service(Staff.read(centre.get("/api/v1/figures")), "ictadmin.domicile");
        assertEquals(1, row.get("ratings").asInt());
        assertEquals(5.0, row.get("averageRating").asDouble());
    }

    private static JsonNode service(JsonNode figures, String id) {
        for (JsonNode row : figures.get("rows")) {
            if (id.equals(row.get("serviceId").asText(null))) {
                return row;
            }
        }
        throw new AssertionError("no row for " + id + " in " + figures);
    }

    @Test
    void theFiguresRefuseAPeriodThatEndsBeforeItStarts() {
        refused(centre.get("/api/v1/figures?from=2026-02-01&to=2026-01-31"), 400,
                "The end date must be the same as or after the start date");
        refused(centre.get("/api/v1/figures?from=2026-02-30"), 400, "Enter the start date as yyyy-mm-dd");
        refused(centre.get("/api/v1/figures?from=2020-01-01&to=2026-01-01"), 400, "at most 366 days");
        refused(centre.get("/figures.json?from=2026-02-01&to=2026-01-31"), 400, "end date");
        HttpResponse<String> csv = centre.get("/figures.csv?from=2026-02-01&to=2026-01-31");
        assertEquals(400, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(csv.headers().firstValue("Content-Disposition").isEmpty(), "no file for a refusal");
        refused(post("/api/v1/figures", "{}"), 405, "use GET");

        JsonNode ok = Staff.read(centre.get("/api/v1/figures?from=2026-01-01&to=2026-01-31"));
        assertEquals("2026-01-01", ok.get("from").asText());
        assertEquals(31, ok.get("days").asInt());
        JsonNode byDefault = Staff.read(centre.get("/api/v1/figures"));
        assertEquals(TODAY.toString(), byDefault.get("to").asText());
        assertEquals(TODAY.minusDays(29).toString(), byDefault.get("from").asText());
        HttpResponse<String> json = centre.get("/figures.json");
        assertTrue(json.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"figures-"));
    }
}
