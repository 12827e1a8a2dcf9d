package org.khidmat.web.internal.staff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.khidmat.api.platform.ApplicationRecord;
import org.khidmat.api.platform.InboxCursor;

/**
 * One page of an inbox as asked in a query string: {@code service}, {@code status}, {@code after} (the cursor the
 * previous page ended with, {@code <epoch millis>,<reference>}) and {@code limit} (1 to {@link #MAX_LIMIT}).
 */
public record InboxQuery(String service, String status, InboxCursor after, int limit) {
    /** The most applications on one page. */
    static final int MAX_LIMIT = 200;

    /**
     * @param q the query parameters
     * @throws IllegalArgumentException when {@code after} or {@code limit} is malformed; the message says what is expected
     */
    public static InboxQuery of(Map<String, String> q) {
        String after = q.get("after");
        String limit = q.get("limit");
        int n = MAX_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1 || n > MAX_LIMIT) {
                throw new IllegalArgumentException("'limit' must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        return new InboxQuery(q.get("service"), q.get("status"),
                after == null || after.isBlank() ? null : InboxCursor.parse(after.strip()), n);
    }

    /** @return the cursor after the page's last application when the page is full, else {@code null} (no more) */
    public InboxCursor next(List<ApplicationRecord> page) {
        return page.size() < limit || page.isEmpty() ? null : InboxCursor.after(page.get(page.size() - 1));
    }

    /** @return {@code after=...} encoded for a query string */
    static String afterParameter(InboxCursor cursor) {
        return "after=" + URLEncoder.encode(cursor.toString(), StandardCharsets.UTF_8);
    }
}
