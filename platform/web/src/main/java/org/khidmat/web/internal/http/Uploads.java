package org.khidmat.web.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Uploaded bundles: streamed to a temporary file in {@code data/uploads} (never into {@code deploy/}, which would
 * deploy a half-written jar), at most {@link #LIMIT} bytes; the caller deletes the file once the deployer is done.
 */
public final class Uploads {
    /** The largest bundle the centre takes over HTTP. */
    public static final long LIMIT = 50L * 1024 * 1024;

    /** The upload was larger than {@link #LIMIT}, or not what was expected; the message says which. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        public final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** A multipart form: the file (or {@code null}) and the other fields. */
    public record Form(Path file, Map<String, String> fields) {
    }

    private final Path dir;

    public Uploads(Path dir) {
        this.dir = dir;
    }

    /** @return a temporary file holding the request body */
    public Path body(Request request) throws IOException, Refused {
        if (request.getLength() > LIMIT) {
            throw tooLarge();
        }
        Path file = newFile();
        boolean ok = false;
        try (InputStream in = Content.Source.asInputStream(request); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0;) {
                total += n;
                if (total > LIMIT) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw new Refused(400, "the body is empty; send the bundle's jar as the body");
            }
            ok = true;
            return file;
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Reads a {@code multipart/form-data} body; the part named {@code fileField} goes to a temporary file. */
    public Form multipart(Request request, String fileField) throws IOException, Refused {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
            throw new Refused(400, "send the form as multipart/form-data");
        }
        if (request.getLength() > LIMIT + Exchange.BODY_LIMIT) {
            throw tooLarge();
        }
        MultiPartConfig config = new MultiPartConfig.Builder().location(dir).maxParts(8).maxPartSize(LIMIT)
                .maxSize(LIMIT + Exchange.BODY_LIMIT).maxMemoryPartSize(Exchange.BODY_LIMIT).build();
        MultiPartFormData.Parts parts;
        try {
            parts = MultiPartFormData.getParts(request, request, type, config);
        } catch (RuntimeException e) {
            throw new Refused(413, "the form could not be read: it is larger than " + LIMIT / (1024 * 1024)
                    + " MB or malformed");
        }
        try (parts) {
            Map<String, String> fields = new LinkedHashMap<>();
            Path file = null;
            for (MultiPart.Part p : parts) {
                if (fileField.equals(p.getName()) && p.getFileName() != null) {
                    if (p.getLength() > 0 && file == null) {
                        file = newFile();
                        Files.delete(file);
                        p.writeTo(file);
                    }
                } else if (p.getName() != null) {
                    fields.put(p.getName(), p.getContentAsString(StandardCharsets.UTF_8));
                }
            }
            return new Form(file, fields);
        }
    }

    private Path newFile() throws IOException {
        return Files.createTempFile(Files.createDirectories(dir), "upload-", ".jar");
    }

    private static Refused tooLarge() {
        return new Refused(413, "the bundle is larger than " + LIMIT / (1024 * 1024) + " MB");
    }

    public static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temporary file in data/uploads is harmless
            }
        }
    }
}
