package org.khidmat.distribution.ops;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.khidmat.distribution.Centre;

/**
 * A scrape of a running centre's {@code /metrics} with the token of {@code conf/metrics.token}, parsed as the
 * Prometheus text format 0.0.4: every line is a {@code # HELP}, a {@code # TYPE} or a sample of a declared family,
 * else the parse fails.
 */
final class Scrape {
    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped|info|stateset|unknown)");
    private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*");
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\",?)*\\})? (-?[0-9.eE+-]+|NaN|[+-]Inf)( -?[0-9]+)?");

    final Map<String, String> types = new HashMap<>();
    final Map<String, Double> samples = new HashMap<>();
    final Set<String> names = new HashSet<>();

    static String token(Centre centre) throws java.io.IOException {
        return Files.readString(centre.home().resolve("conf").resolve("metrics.token")).strip();
    }

    static HttpResponse<String> get(Centre centre, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(centre.url("/metrics")));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return centre.send(b);
    }

    static Scrape of(Centre centre) throws java.io.IOException {
        HttpResponse<String> r = get(centre, "Bearer " + token(centre));
        if (r.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + r.statusCode() + ": " + r.body());
        }
        return parse(r.body());
    }

    static Scrape parse(String text) {
        Scrape s = new Scrape();
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            Matcher t = TYPE.matcher(line);
            if (t.matches()) {
                s.types.put(t.group(1), t.group(2));
                continue;
            }
            if (HELP.matcher(line).matches()) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("line " + n + " is not Prometheus text: " + line);
            }
            String name = m.group(1);
            if (s.family(name) == null) {
                throw new AssertionError("line " + n + ": sample " + name + " of no declared family");
            }
            s.names.add(name);
            s.samples.put(name + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3).replace("Inf", "Infinity")));
        }
        return s;
    }

    /** @return the declared family a sample name belongs to, or {@code null} */
    String family(String sample) {
        if (types.containsKey(sample)) {
            return sample;
        }
        for (String suffix : new String[] {"_bucket", "_count", "_sum", "_total", "_created", "_info"}) {
            if (sample.endsWith(suffix) && types.containsKey(sample.substring(0, sample.length() - suffix.length()))) {
                return sample.substring(0, sample.length() - suffix.length());
            }
        }
        return null;
    }

    /** @return the sample's value, 0 when absent (a labelled counter before its first event) */
    double value(String sampleWithLabels) {
        return samples.getOrDefault(sampleWithLabels, 0.0);
    }

    static Path conf(Centre centre) {
        return centre.home().resolve("conf");
    }
}
