package org.khidmat.distribution.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.khidmat.distribution.Centre;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Paying, the receipt, rating and the open figures in real headless Chromium against the real distribution: a
 * citizen applies for the urgent domicile certificate, pays PKR 500 with the simulated wallet, downloads the
 * receipt, pays again without being charged again; the agency sees the money once, cannot start work before
 * payment and finishes the application; the citizen rates it 4 stars, and the open figures and their CSV say so.
 * axe-core runs on every new citizen page, in English and Urdu.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaymentJourneyIT {
    private static final String DOMICILE = "ictadmin.domicile";
    private static final String CNIC = "61101-1234567-1";
    private static final String OTHER_CNIC = "61101-7654321-9";
    private static final String STAFF_PASSWORD = "a-long-staff-password";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Karachi"));
    @RegisterExtension
    static final BrowserCentre FRONT = new BrowserCentre();
    private Centre centre;
    private Browser browser;
    private Staff agency;
    private String reference;
    private String receiptNumber;
    private String unpaid;

    @BeforeAll
    void start() throws Exception {
        centre = FRONT.centre();
        browser = FRONT.browser();
        agency = Staff.admin(centre).createAccount("ictadmin-amna", STAFF_PASSWORD, "AGENCY", "ictadmin");
    }

    private void noCnicInTheUrl() {
        String url = browser.driver.getCurrentUrl();
        assertFalse(url.contains("61101") || url.contains("cnic"), url);
    }

    /** Posts a citizen's form as a browser would, without following redirects. */
    private HttpResponse<String> form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return centre.send(HttpRequest.newBuilder(URI.create(centre.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String file(String json) throws Exception {
        HttpResponse<String> r = centre.send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/applications")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(201, r.statusCode(), r.body());
        return Staff.JSON.readTree(r.body()).get("reference").asText();
    }

    private static String domicile(String cnic) {
        return """
                {"serviceId":"ictadmin.domicile","tier":"urgent","answers":{"cnic":"%s","fullName":"Bilal Ahmed",
                 "fatherName":"Ahmed Ali","dateOfBirth":"1985-05-05","permanentAddress":"House 9, Street 4, G-9/1, Islamabad",
                 "residentSince":"1990-01-01","basis":"residence","mobile":"03331234567"}}""".formatted(cnic);
    }

    /** @return the CSV's line for the row whose first cells are {@code first}, as cells named by the header */
    private static Map<String, String> csvRow(String csv, String first) {
        List<String> lines = csv.lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        String line = lines.stream().filter(l -> l.startsWith(first)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + first + " in\n" + csv));
        String[] cells = line.split(",", -1);
        assertEquals(header.size(), cells.length, line);
        Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            row.put(header.get(i), cells[i]);
        }
        return row;
    }

    @Test
    @Order(1)
    void aCitizenAppliesForTheUrgentTierAndPaysWithTheWallet() {
        browser.open(centre.url("/services/" + DOMICILE + "?lang=en"));
        browser.go(By.id("start"));
        browser.driver.findElement(By.cssSelector("input[name=tier][value=urgent]")).click();
        browser.go(By.id("continue"));
        browser.type("f-cnic", CNIC);
        browser.type("f-fullName", "Ayesha Khan");
        browser.type("f-fatherName", "Imran Khan");
        browser.typeDate("f-dateOfBirth", LocalDate.of(1990, 1, 31));
        browser.go(By.id("continue"));
        browser.type("f-permanentAddress", "House 1, Street 2, F-7/3, Islamabad");
        browser.typeDate("f-residentSince", LocalDate.of(1995, 6, 1));
        browser.driver.findElement(By.cssSelector("input[name=basis][value=birth]")).click();
        browser.go(By.id("continue"));
        browser.type("f-mobile", "0300-1234567");
        browser.type("f-email", "ayesha@example.com");
        browser.go(By.id("continue"));
        browser.go(By.id("submit"));

        reference = browser.text(By.id("reference"));
        assertTrue(browser.text(By.id("pay-next")).contains("PKR 500"), "the confirmation says the urgent fee is due");
        browser.accessible("confirmation with a fee to pay");

        browser.go(By.id("pay-link"));
        noCnicInTheUrl();
        assertEquals("PKR 500", browser.text(By.id("pay-amount")), "the urgent tier's amount, not the normal one's 200");
        assertEquals("Urgent", browser.text(By.id("pay-tier")));
        assertEquals("Domicile certificate", browser.text(By.id("pay-service")));
        assertTrue(browser.has(By.xpath("//label[normalize-space()='Mobile wallet (simulated)']")), browser.html());
        assertTrue(browser.has(By.xpath("//label[normalize-space()='Bank challan (simulated)']")));
        browser.accessible("pay page");
        browser.go(By.id("pay"));
        assertTrue(browser.text(By.id("error-summary")).contains("Choose how to pay"), "a way to pay must be chosen");
        browser.accessible("pay page with an error");

        browser.driver.findElement(By.cssSelector("input[name=provider][value='simpay.wallet']")).click();
        browser.go(By.id("pay"));
        noCnicInTheUrl();
        assertEquals("Payment received", browser.text(By.id("paid")));
        receiptNumber = browser.text(By.id("receipt-number"));
        assertEquals("KR-" + TODAY.toString().replace("-", "") + "-" + reference.replace("-", ""), receiptNumber);
        assertEquals(reference, browser.text(By.id("receipt-reference")));
        assertEquals("PKR 500", browser.text(By.id("receipt-amount")));
        assertEquals("Urgent", browser.text(By.id("receipt-tier")));
        assertEquals("Islamabad Capital Territory Administration", browser.text(By.id("receipt-agency")));
        assertEquals("Mobile wallet (simulated)", browser.text(By.id("receipt-provider")));
        assertTrue(browser.text(By.id("receipt-paid-at")).matches(TODAY.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " \\d\\d:\\d\\d \\(Pakistan time\\)"),
                browser.text(By.id("receipt-paid-at")));
        browser.accessible("receipt after paying");
    }

    @Test
    @Order(2)
    void theReceiptDownloadsAsAFileOnlyWithTheRightCnic() {
        HttpResponse<String> r = form("/receipt/download", Map.of("reference", reference, "cnic", CNIC));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"receipt-" + receiptNumber + ".html\"",
                r.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(r.body().contains(receiptNumber) && r.body().contains("PKR 500") && r.body().contains(reference), r.body());
        assertTrue(r.body().contains("<style>") && !r.body().contains("<link") && !r.body().contains("<script"),
                "self-contained: nothing to fetch");
        assertFalse(r.body().contains("1234567"), "the receipt carries no CNIC");

        HttpResponse<String> wrong = form("/receipt/download", Map.of("reference", reference, "cnic", OTHER_CNIC));
        assertTrue(wrong.headers().firstValue("Content-Disposition").isEmpty());
        assertFalse(wrong.body().contains(receiptNumber));
        assertTrue(wrong.body().contains("No application matches"));
        HttpResponse<String> get = centre.get("/receipt/download");
        assertTrue(get.headers().firstValue("Content-Disposition").isEmpty() && !get.body().contains(receiptNumber),
                "a URL alone opens no receipt");

        browser.open(centre.url("/receipt?lang=en"));
        browser.accessible("receipt form");
        browser.type("f-reference", reference);
        browser.type("f-cnic", CNIC);
        browser.go(By.id("find"));
        assertEquals(receiptNumber, browser.text(By.id("receipt-number")));
        assertTrue(browser.has(By.id("download")));
        browser.accessible("receipt page");
    }

    @Test
    @Order(3)
    void payingAgainShowsTheSameReceiptAndTheAgencyCountsTheMoneyOnce() {
        browser.open(centre.url("/pay?lang=en"));
        browser.accessible("pay form");
        browser.type("f-reference", reference);
        browser.type("f-cnic", CNIC);
        browser.go(By.id("find"));
        assertTrue(browser.text(By.id("already-paid")).contains("Nothing was charged again"));
        assertEquals(receiptNumber, browser.text(By.id("receipt-number")));
        browser.accessible("pay page of a paid fee");
        // the form of a page left open in another tab, sent again
        HttpResponse<String> again = form("/pay", Map.of("reference", reference, "cnic", CNIC, "do", "pay",
                "provider", "simpay.wallet"));
        assertTrue(again.body().contains("id=\"already-paid\"") && again.body().contains(receiptNumber), again.body());
        HttpResponse<String> challan = form("/pay", Map.of("reference", reference, "cnic", CNIC, "do", "pay",
                "provider", "simpay.challan"));
        assertTrue(challan.body().contains(receiptNumber) && !challan.body().contains("SIM-CH-"), "no challan for a paid fee");

        browser.open(centre.url("/agency/collections"));
        browser.type("username", "ictadmin-amna");
        browser.type("password", STAFF_PASSWORD);
        browser.go(By.id("login"));
        browser.open(centre.url("/agency/collections"));
        WebElement today = browser.driver.findElement(By.id("collection-ictadmin-" + TODAY));
        assertEquals("1", today.findElement(By.className("payments")).getText());
        assertEquals("500", today.findElement(By.className("amount")).getText());
        browser.accessible("agency collections");
        HttpResponse<String> csv = agency.get("/agency/collections.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"collections-ictadmin-"));
        assertEquals(List.of("agency,day,payments,amount_pkr", "ictadmin," + TODAY + ",1,500"), csv.body().lines().toList());
        assertTrue(Staff.admin(centre).get("/admin/collections.csv").body().lines().toList().contains("ictadmin," + TODAY + ",1,500"));
    }

    @Test
    @Order(4)
    void theAgencyCannotStartBeforePaymentAndFinishesThePaidApplication() throws Exception {
        unpaid = file(domicile(OTHER_CNIC));
        HttpResponse<String> refused = agency.post("/api/v1/applications/" + unpaid + "/moves", "{\"to\":\"in-review\"}");
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("not paid"), refused.body());

        browser.open(centre.url("/agency/applications/" + unpaid));
        assertTrue(browser.driver.findElements(By.cssSelector("input[name=to][value=in-review]")).isEmpty(),
                "a move that waits for the fee is not offered");
        assertTrue(browser.text(By.id("payment")).contains("Not paid") && browser.has(By.id("waiting-for-fee")),
                "the console says why");

        browser.open(centre.url("/agency/applications/" + reference));
        browser.driver.findElement(By.cssSelector("input[name=to][value=in-review]")).click();
        browser.go(By.id("move"));
        browser.driver.findElement(By.cssSelector("input[name=to][value=issued]")).click();
        browser.go(By.id("move"));
        assertEquals("Domicile issued", browser.text(By.id("status")));
    }

    @Test
    @Order(5)
    void theCitizenRatesTheFinishedApplicationOnce() {
        browser.open(centre.url("/track?lang=en"));
        browser.type("f-reference", reference);
        browser.type("f-cnic", CNIC);
        browser.go(By.id("track"));
        assertEquals("Domicile issued", browser.text(By.id("status")));
        assertTrue(browser.text(By.id("payment-state")).contains("Paid: PKR 500") && browser.text(By.id("payment-state"))
                .contains(receiptNumber));
        String messages = browser.text(By.id("messages"));
        assertTrue(messages.contains("0300*****67") && messages.contains("a***@example.com"), messages);
        assertTrue(messages.contains("payment received for application " + reference), messages);
        assertFalse(browser.html().contains("03001234567") || browser.html().contains("ayesha@example.com"),
                "recipients are masked");
        browser.accessible("track page of a finished, paid application");

        browser.go(By.id("rate-link"));
        noCnicInTheUrl();
        assertEquals(reference, browser.driver.findElement(By.id("f-reference")).getAttribute("value"));
        assertFalse(browser.has(By.id("error-summary")), "the form opens without errors");
        browser.accessible("rate form");
        browser.type("f-comment", "Quick, and the staff were kind.");
        browser.go(By.id("send-rating"));
        assertTrue(browser.text(By.id("error-summary")).contains("Choose from 1 to 5 stars"));
        assertEquals("Quick, and the staff were kind.", browser.driver.findElement(By.id("f-comment")).getAttribute("value"),
                "the comment is kept");
        browser.accessible("rate form with an error");
        browser.driver.findElement(By.id("f-stars-4")).click();
        browser.go(By.id("send-rating"));
        assertEquals("Thank you for your rating", browser.text(By.id("thanks")));
        browser.accessible("thanks for rating");

        browser.open(centre.url("/rate?lang=en"));
        browser.type("f-reference", reference);
        browser.type("f-cnic", CNIC);
        browser.driver.findElement(By.id("f-stars-5")).click();
        browser.type("f-comment", "Trying twice");
        browser.go(By.id("send-rating"));
        assertTrue(browser.text(By.id("error-summary")).contains("rated already"));
        assertEquals("Trying twice", browser.driver.findElement(By.id("f-comment")).getAttribute("value"));

        browser.type("f-cnic", OTHER_CNIC);
        browser.go(By.id("send-rating"));
        assertTrue(browser.text(By.id("error-summary")).contains("No application matches"), "someone else's CNIC");

        browser.type("f-reference", unpaid);
        browser.go(By.id("send-rating"));
        assertTrue(browser.text(By.id("error-summary")).contains("once your application is finished"));

        browser.open(centre.url("/track?lang=en"));
        browser.type("f-reference", reference);
        browser.type("f-cnic", CNIC);
        browser.go(By.id("track"));
        assertEquals("You have rated this service 4 of 5. Thank you.", browser.text(By.id("rating-state")));
        assertFalse(browser.has(By.id("rate-link")));
    }

    @Test
    @Order(6)
    void theOpenFiguresShowTheRatingInTheTableTheChartAndTheCsv() {
        browser.open(centre.url("/figures?lang=en"));
        WebElement row = browser.driver.findElement(By.id("row-" + DOMICILE));
        assertEquals("Domicile certificate", row.findElement(By.tagName("th")).getText());
        assertEquals("2", row.findElement(By.className("applications")).getText());
        assertEquals("1", row.findElement(By.className("finished")).getText());
        assertEquals("4.00", row.findElement(By.className("rating")).getText());
        assertEquals("1", row.findElement(By.className("ratings")).getText());
        assertEquals("100%", row.findElement(By.className("within")).getText());
        WebElement chart = browser.driver.findElement(By.id("chart-rating"));
        assertEquals("img", chart.getAttribute("role"));
        assertTrue(chart.getAttribute("aria-label").startsWith("Average rating"));
        assertTrue(browser.html().contains("Islamabad Capital Territory Administration: 4.00 (1)."), "the chart's description");
        assertFalse(browser.html().contains("Ayesha") || browser.html().contains("1234567"), "no personal data");
        browser.accessible("open figures");

        HttpResponse<String> csv = centre.get("/figures.csv");
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElse(""));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").matches(
                "attachment; filename=\"figures-" + TODAY.minusDays(29) + "-to-" + TODAY + "\\.csv\""));
        Map<String, String> cells = csvRow(csv.body(), "ictadmin," + DOMICILE + ",");
        assertEquals("2", cells.get("applications"));
        assertEquals("1", cells.get("finished"));
        assertEquals("4.00", cells.get("average_rating"));
        assertEquals("1", cells.get("ratings"));
        assertEquals("1.00", cells.get("within_promise"));

        browser.open(centre.url("/figures?lang=ur"));
        browser.assertLanguage("ur");
        // the wide table scrolls, and right to left its last columns start out of view: read them as text
        assertEquals("4.00", browser.driver.findElement(By.id("row-" + DOMICILE)).findElement(By.className("rating"))
                .getAttribute("textContent"));
        browser.accessible("Urdu open figures");
        browser.open(centre.url("/figures?lang=en&from=2026-02-01&to=2026-01-01"));
        assertTrue(browser.text(By.id("error-summary")).contains("The end date must be the same as or after the start date"));
        assertFalse(browser.has(By.id("row-" + DOMICILE)));
        browser.accessible("open figures with a wrong period");
        assertEquals(400, centre.get("/figures?from=2026-02-01&to=2026-01-01").statusCode());
    }

    @Test
    @Order(7)
    void aChallanIsPaidAtTheBankAndCheckedInUrdu() throws Exception {
        String challanRef = file(domicile("6110111122223"));
        browser.open(centre.url("/pay?lang=ur"));
        browser.assertLanguage("ur");
        browser.accessible("Urdu pay form");
        browser.type("f-reference", challanRef);
        browser.type("f-cnic", "61101-1112222-3");
        browser.go(By.id("find"));
        assertEquals("500 روپے", browser.text(By.id("pay-amount")));
        assertTrue(browser.has(By.xpath("//label[normalize-space()='بینک چالان (فرضی)']")));
        browser.accessible("Urdu pay page");
        browser.driver.findElement(By.cssSelector("input[name=provider][value='simpay.challan']")).click();
        browser.go(By.id("pay"));
        String challan = browser.text(By.id("challan-number"));
        assertTrue(challan.startsWith("SIM-CH-"), challan);
        assertTrue(browser.text(By.id("instructions")).contains(challan));
        // the provider's instructions in Urdu, not its English ones
        assertNotEquals("en", browser.driver.findElement(By.id("instructions")).getAttribute("lang"));
        assertTrue(browser.text(By.id("instructions")).matches("(?s).*[\\u0600-\\u06FF]{3}.*"), browser.text(By.id("instructions")));
        assertTrue(UrduText.englishOn(browser).isEmpty(), "English on the Urdu challan page: " + UrduText.englishOn(browser));
        assertFalse(browser.has(By.id("receipt")), "no receipt before the bank confirms");
        assertFalse(browser.has(By.id("already-started")), "this pay started the challan");
        browser.accessible("Urdu pending challan");
        HttpResponse<String> payAgain = form("/pay", Map.of("reference", challanRef, "cnic", "6110111122223", "do", "pay",
                "provider", "simpay.challan"));
        assertEquals(200, payAgain.statusCode());
        assertTrue(payAgain.body().contains("id=\"already-started\"") && payAgain.body().contains(challan),
                "paying again shows the same challan as started before: " + payAgain.body());
        assertEquals(payAgain.body().split(challan, -1).length, payAgain.body().split("SIM-CH-", -1).length,
                "no other challan number on the page");
        assertNull(Staff.read(centre.send(HttpRequest.newBuilder(URI.create(centre.url("/api/v1/payments")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"reference\":\""
                        + challanRef + "\",\"cnic\":\"6110111122223\",\"provider\":\"simpay.wallet\"}")))).get("receipt")
                .textValue(), "a pending challan is not paid again with the wallet");

        browser.go(By.id("check-payment"));
        String number = browser.text(By.id("receipt-number"));
        assertNotEquals(receiptNumber, number);
        assertEquals("500 روپے", browser.text(By.id("receipt-amount")));
        assertEquals("بینک چالان (فرضی)", browser.text(By.id("receipt-provider")));
        browser.accessible("Urdu receipt");
        browser.go(By.id("lang-switch"));
        browser.assertLanguage("en");
        assertTrue(browser.has(By.id("f-reference")), "the switch leads to the same page in English");

        browser.open(centre.url("/rate?lang=ur"));
        browser.accessible("Urdu rate form");
        browser.open(centre.url("/receipt?lang=ur"));
        browser.accessible("Urdu receipt form");
    }

    @Test
    @Order(8)
    void aFreeServiceHasNothingToPay() throws Exception {
        String free = file("""
                {"serviceId":"ictpolice.lost-report","answers":{"cnic":"6110155556667","fullName":"Sara Ali","document":"cnic",
                 "lostOn":"%s","place":"Near the F-6 market, Islamabad","mobile":"03001112223"}}""".formatted(TODAY.minusDays(2)));
        browser.open(centre.url("/track?lang=en"));
        browser.type("f-reference", free);
        browser.type("f-cnic", "61101-5555666-7");
        browser.go(By.id("track"));
        assertEquals("Nothing to pay: this speed of the service is free.", browser.text(By.id("payment-state")));
        assertFalse(browser.has(By.id("pay-link")));
        HttpResponse<String> pay = form("/pay", Map.of("reference", free, "cnic", "6110155556667", "do", "pay",
                "provider", "simpay.wallet"));
        assertTrue(pay.body().contains("id=\"nothing-due\""), pay.body());
        assertFalse(pay.body().contains("id=\"receipt\""));
    }
}
