package org.khidmat.web.internal.hall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.khidmat.web.internal.page.Site;
import org.khidmat.api.descriptor.Text;
import org.khidmat.api.platform.QueueToken;

/** What the hall display shows, and the server-sent event that carries it. */
class HallBoardTest {
    private static final Instant NINE = Instant.parse("2026-01-05T04:00:00Z"); // 09:00 in Islamabad
    private final ObjectMapper json = new ObjectMapper();

    private static QueueToken called(long id, String number, int counter, int minute) {
        return FakeQueue.token(id, number, "identity", QueueToken.CALLED, counter, NINE, NINE.plusSeconds(60L * minute), null);
    }

    @Test
    void showsTheLatestEightCallsNewestFirstAndCountsTheWaiting() {
        List<QueueToken> today = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            today.add(called(i, String.format("A-%03d", i), 1 + i % 6, i));
        }
        today.add(FakeQueue.token(11, "A-011", "identity", QueueToken.WAITING, 0, NINE, null, null));
        today.add(FakeQueue.token(12, "B-001", "police", QueueToken.WAITING, 0, NINE, null, null));
        today.add(FakeQueue.token(13, "B-002", "police", QueueToken.SERVED, 2, NINE, NINE.plusSeconds(30), null));
        HallBoard board = HallBoard.of(today, Map.of());
        assertEquals(HallBoard.SHOWN, board.calls().size());
        assertEquals(List.of("A-010", "A-009", "A-008", "A-007", "A-006", "A-005", "A-004", "A-003"),
                board.calls().stream().map(QueueToken::number).toList(), "the newest first, finished calls among them");
        assertEquals(2, board.waiting());
    }

    @Test
    void theEventIsOneNamedNumberedEventWithTheBoardOnOneDataLine() throws Exception {
        Text title = new Text("Renew \"your\" CNIC\nnow", "شناختی کارڈ کی تجدید");
        HallBoard board = HallBoard.of(List.of(called(1, "A-001", 3, 1)), Map.of("svc.identity", title));
        String event = board.event(42);
        assertTrue(event.startsWith("id: 42\nevent: calls\ndata: "), event);
        assertTrue(event.endsWith("\n\n"), "an event ends with an empty line");
        String[] lines = event.substring(0, event.length() - 2).split("\n");
        assertEquals(3, lines.length, "a line break in a title must not split the data: " + event);
        JsonNode data = json.readTree(lines[2].substring("data: ".length()));
        assertEquals("A-001", data.at("/calls/0/number").asText());
        assertEquals(3, data.at("/calls/0/counter").asInt());
        assertEquals("09:01", data.at("/calls/0/at").asText(), "the centre's clock");
        assertEquals("Renew \"your\" CNIC\nnow", data.at("/calls/0/title/en").asText());
        assertEquals("شناختی کارڈ کی تجدید", data.at("/calls/0/title/ur").asText());
        assertEquals(0, data.get("waiting").asInt());
    }

    @Test
    void rowsMarkTheNewestAndEscapeTitles() {
        HallBoard board = HallBoard.of(List.of(called(1, "A-001", 3, 1), called(2, "A-002", 5, 2)),
                Map.of("svc.identity", new Text("<b>CNIC</b>", "شناختی کارڈ")));
        String rows = rows(DisplayPage.render("en", board, Site.defaults()));
        assertTrue(rows.startsWith("<tr class=\"newest\"><td class=\"number\" dir=\"ltr\">A-002</td><td class=\"counter\">5</td>"), rows);
        assertEquals(1, rows.split("newest", -1).length - 1, "only one row is the newest");
        assertFalse(rows.contains("<b>"), rows);
        assertTrue(rows(DisplayPage.render("ur", board, Site.defaults())).contains("شناختی کارڈ"));
    }

    /**
     * A screen in a language a service has no title in shows its English title marked as English, in the first render
     * and in the events (which carry every language the title has, so the screen's script can choose and mark alike).
     */
    @Test
    void aTitleTheScreensLanguageLacksIsEnglishMarkedAsSuchAndTheEventCarriesEveryLanguage() throws Exception {
        Text renew = new Text("Renew CNIC", "شناختی کارڈ کی تجدید");
        Text sindhi = Text.of(Map.of("en", "Police certificate", "ur", "پولیس سرٹیفکیٹ", "sd", "پوليس سرٽيفڪيٽ"));
        HallBoard board = HallBoard.of(List.of(called(1, "A-001", 3, 1),
                FakeQueue.token(2, "B-001", "police", QueueToken.CALLED, 4, NINE, NINE.plusSeconds(120), null),
                FakeQueue.token(3, "C-001", "gone", QueueToken.CALLED, 5, NINE, NINE.plusSeconds(180), null)),
                Map.of("svc.identity", renew, "svc.police", sindhi));
        String sd = rows(DisplayPage.render("sd", board, Site.defaults()));
        assertTrue(sd.contains("<td class=\"title\"><span lang=\"en\" dir=\"ltr\">Renew CNIC</span></td>"), sd);
        assertTrue(sd.contains("<td class=\"title\">پوليس سرٽيفڪيٽ</td>"), "a Sindhi title is not marked: " + sd);
        String ur = rows(DisplayPage.render("ur", board, Site.defaults()));
        assertTrue(ur.contains("<td class=\"title\">شناختی کارڈ کی تجدید</td>"), ur);
        assertFalse(rows(DisplayPage.render("en", board, Site.defaults())).contains("lang=\"en\""), "English needs no mark");

        String event = board.event(7);
        JsonNode data = json.readTree(event.substring(event.indexOf("data: ") + 6).strip());
        JsonNode police = data.at("/calls/1/title");
        assertEquals("پوليس سرٽيفڪيٽ", police.path("sd").asText(), data.toString());
        assertEquals("Police certificate", police.path("en").asText());
        assertTrue(data.at("/calls/2/title/sd").isMissingNode(), "English only for the other: " + data);
        assertTrue(data.at("/calls/0/title/sd").isMissingNode(), data.toString());
    }

    @Test
    void anEmptyDayShowsNoCalls() {
        HallBoard board = HallBoard.of(List.of(FakeQueue.token(1, "A-001", "identity", QueueToken.WAITING, 0, NINE, null, null)),
                Map.of());
        assertTrue(board.calls().isEmpty());
        assertEquals("", rows(DisplayPage.render("en", board, Site.defaults())));
        assertEquals(1, board.waiting());
    }

    /** @return the rows of the display's table */
    private static String rows(String page) {
        return page.substring(page.indexOf("<tbody id=\"calls\">") + "<tbody id=\"calls\">".length(), page.indexOf("</tbody>"));
    }
}
