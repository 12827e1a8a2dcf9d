package org.khidmat.api.web;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a {@link Page} answers: a page in the centre's own frame, a whole document, JSON, plain text, a download or a
 * redirect. The server adds the security headers, {@code Cache-Control: no-store} and the request id to every answer.
 * Immutable; made by the static factories only (it may gain kinds in minor versions).
 */
public final class Answer {
    /** What an answer is; the server writes each kind as its factory says. */
    public enum Kind {
        /** {@link #page}: a title and the body's HTML, put in the centre's frame in the request's language. */
        PAGE,
        /** {@link #html}: a whole HTML document. */
        HTML,
        /** {@link #json}: a JSON text. */
        JSON,
        /** {@link #text}: plain text. */
        TEXT,
        /** {@link #download}: a file the browser saves. */
        DOWNLOAD,
        /** {@link #redirect}: 303 to another address of the centre. */
        REDIRECT
    }

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private final Kind kind;
    private final int status;
    private final String title;
    private final String contentType;
    private final String fileName;
    private final byte[] body;

    private Answer(Kind kind, int status, String title, String contentType, String fileName, byte[] body) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status " + status + " is no HTTP status of an answer (200 to 599)");
        }
        this.kind = kind;
        this.status = status;
        this.title = title;
        this.contentType = contentType;
        this.fileName = fileName;
        this.body = body;
    }

    /**
     * @param status the HTTP status
     * @param title the page's title, plain text (escaped by the server)
     * @param bodyHtml the content of the page's main landmark, HTML that the page has escaped
     * @return a page in the centre's frame (language switch, header, footer, styles)
     */
    public static Answer page(int status, String title, String bodyHtml) {
        return new Answer(Kind.PAGE, status, Objects.requireNonNull(title, "title"), "text/html; charset=utf-8", null,
                utf8(bodyHtml));
    }

    /** @return a whole HTML document, {@code text/html; charset=utf-8} */
    public static Answer html(int status, String document) {
        return new Answer(Kind.HTML, status, null, "text/html; charset=utf-8", null, utf8(document));
    }

    /** @return a JSON text, {@code application/json; charset=utf-8} */
    public static Answer json(int status, String json) {
        return new Answer(Kind.JSON, status, null, "application/json; charset=utf-8", null, utf8(json));
    }

    /** @return plain text, {@code text/plain; charset=utf-8} */
    public static Answer text(int status, String text) {
        return new Answer(Kind.TEXT, status, null, "text/plain; charset=utf-8", null, utf8(text));
    }

    /**
     * @param contentType the file's media type ({@code text/csv; charset=utf-8})
     * @param fileName the name the browser saves it as: 1 to 100 of {@code A-Z a-z 0-9 . _ -}
     * @param bytes the file
     * @return a 200 download ({@code Content-Disposition: attachment})
     * @throws IllegalArgumentException for any other file name
     */
    public static Answer download(String contentType, String fileName, byte[] bytes) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("not a safe file name: " + fileName + " (1 to 100 of A-Z a-z 0-9 . _ -)");
        }
        return new Answer(Kind.DOWNLOAD, 200, null, Objects.requireNonNull(contentType, "contentType"), fileName,
                bytes.clone());
    }

    /**
     * @param location a path of this centre, starting with one {@code /}
     * @return a 303 redirect (POST-redirect-GET)
     * @throws IllegalArgumentException for anything else, so that no page redirects off the centre
     */
    public static Answer redirect(String location) {
        if (location == null || !location.startsWith("/") || location.startsWith("//") || location.contains("\\")
                || location.chars().anyMatch(c -> c < 0x21)) {
            throw new IllegalArgumentException("not a path of this centre: " + location);
        }
        return new Answer(Kind.REDIRECT, 303, null, null, null, utf8(location));
    }

    private static byte[] utf8(String s) {
        return Objects.requireNonNull(s, "body").getBytes(StandardCharsets.UTF_8);
    }

    /** @return what the answer is */
    public Kind kind() {
        return kind;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the title of a {@link Kind#PAGE}, else {@code null} */
    public String title() {
        return title;
    }

    /** @return the media type; {@code null} for a redirect */
    public String contentType() {
        return contentType;
    }

    /** @return the file name of a {@link Kind#DOWNLOAD}, else {@code null} */
    public String fileName() {
        return fileName;
    }

    /** @return the body's bytes (a copy); for a redirect, the location */
    public byte[] body() {
        return body.clone();
    }
}
