package org.khidmat.distribution.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Raw HTTP/1.1 to a centre on 127.0.0.1 from a loopback address of the test's choosing (127.0.0.0/8 all reaches the
 * loopback interface), so that each test is a client of its own to the centre's per-address throttles.
 */
final class Wire {
    private final int port;

    Wire(int port) {
        this.port = port;
    }

    /** An answer: its status, its head and its body. */
    record Answer(int status, String head, String body) {
        boolean has(String text) {
            return head.contains(text) || body.contains(text);
        }

        /** @return the value of a {@code Set-Cookie} of that name, or {@code null} */
        String cookie(String name) {
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "Set-Cookie: " + name + "=", 0, 13 + name.length())) {
                    String v = line.substring(13 + name.length());
                    int semi = v.indexOf(';');
                    return semi < 0 ? v : v.substring(0, semi);
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return head + "\n\n" + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body);
        }
    }

    /** Sends a request ({@code headers} as lines "Name: value\r\n") and reads the whole answer. */
    Answer send(String from, String method, String path, String headers, String body) {
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers
                + (body == null ? "" : "Content-Length: " + b.length + "\r\n") + "\r\n";
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            s.setSoTimeout(15_000);
            s.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().write(b);
            s.getOutputStream().flush();
            return parse(read(s.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer json(String from, String method, String path, String headers, String body) {
        return send(from, method, path, "Content-Type: application/json\r\n" + headers, body);
    }

    Answer form(String from, String path, String headers, String body) {
        return send(from, "POST", path, "Content-Type: application/x-www-form-urlencoded\r\n" + headers, body);
    }

    static String read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static Answer parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        int status = head.length() >= 12 && head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        return new Answer(status, head, body);
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int eol = body.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            // sizes are in bytes; the bodies here are read back as text, so count in UTF-8
            byte[] rest = body.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
            out.append(chunk);
            at = eol + 2 + chunk.length() + 2;
        }
        return out.toString();
    }
}
