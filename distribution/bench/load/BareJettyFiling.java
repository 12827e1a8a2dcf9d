import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.sqlite.SQLiteDataSource;

/**
 * The baseline for writes that is fair to the HTTP path: a bare Jetty 12 handler (the same jars as the centre's lib/)
 * that reads the same JSON body with Jackson, takes the service id and the answers, and stores the application-sized
 * row as naive sqlite-jdbc does ({@link NaiveSqlite}: one insert, one transaction, WAL, synchronous=FULL; a connection
 * per Jetty thread), then answers 201 with the reference. Driven by the same wrk client as the centre. What the
 * centre costs beyond it is its own work: checking the form, the reference, history, audit entry and messages, and
 * the group commit's bookkeeping; what it saves is the group commit's one fsync for many.
 */
final class BareJettyFiling implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final AtomicLong next = new AtomicLong();
    private final List<Connection> opened = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<PreparedStatement> inserts;

    BareJettyFiling(Path folder) throws Exception {
        Files.createDirectories(folder);
        Path file = folder.resolve("bare-jetty.db");
        NaiveSqlite.create(file);
        inserts = ThreadLocal.withInitial(() -> {
            try {
                Connection c = NaiveSqlite.open(file);
                opened.add(c);
                return c.prepareStatement(NaiveSqlite.INSERT);
            } catch (SQLException e) {
                throw new IllegalStateException("could not open " + file + ": " + e.getMessage(), e);
            }
        });
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                file(request, response, callback);
                return true;
            }
        });
        server.start();
    }

    private void file(Request request, Response response, Callback callback) throws Exception {
        JsonNode body;
        try (InputStream in = Request.asInputStream(request)) {
            body = JSON.readTree(in);
        }
        JsonNode answers = body.get("answers");
        if (body.path("serviceId").asText("").isEmpty() || answers == null || !answers.isObject()) {
            Response.writeError(request, response, callback, 400, "serviceId and answers are required");
            return;
        }
        String reference = "B" + next.incrementAndGet();
        PreparedStatement insert = inserts.get();
        insert.setString(1, reference);
        insert.setString(2, JSON.writeValueAsString(answers));
        long now = System.currentTimeMillis();
        insert.setLong(3, now);
        insert.setLong(4, now);
        insert.executeUpdate();
        byte[] out = ("{\"reference\":\"" + reference + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(201);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, out.length);
        response.write(true, ByteBuffer.wrap(out), callback);
    }

    String url() {
        return "http://127.0.0.1:" + connector.getLocalPort() + "/api/v1/applications";
    }

    @Override
    public void close() throws Exception {
        server.stop();
        for (Connection c : opened) {
            c.close();
        }
    }
}
