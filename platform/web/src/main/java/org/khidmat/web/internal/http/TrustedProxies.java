package org.khidmat.web.internal.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Behind a reverse proxy ({@code KHIDMAT_BEHIND_PROXY=true}): which hops to believe. Only a request whose connection
 * comes from one of the configured proxies ({@code KHIDMAT_TRUSTED_PROXIES}, addresses or CIDR ranges; loopback when
 * unset) has its {@code X-Forwarded-For} and {@code X-Forwarded-Proto} read, and the client is the right-most address
 * in {@code X-Forwarded-For} that is not a trusted proxy: everything left of it was written by the client and proves
 * nothing. Any other forwarding header ({@code Forwarded}, {@code X-Forwarded-Host}, ...) is dropped, and a request
 * from anywhere else keeps its connection's address whatever headers it carries. So the throttles, the booking quota
 * and the audit trail see the address the last trusted proxy saw.
 */
public final class TrustedProxies implements HttpConfiguration.Customizer {
    public static final String LOOPBACK = "127.0.0.0/8, ::1";
    private static final List<String> FORWARDING = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Proto",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Server", "X-Proxied-Https", "Proxy-Ssl-Id", "Proxy-auth-cert");
    private final List<Range> ranges;
    private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

    /** An address range: the first {@code bits} bits of {@code network}. */
    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * @param list addresses and CIDR ranges separated by commas or spaces, for example {@code 10.0.0.5, 192.168.10.0/24};
     *        blank for loopback only
     * @throws IllegalArgumentException naming the entry that is not an address or range
     */
    public static TrustedProxies parse(String list) {
        String text = list == null || list.isBlank() ? LOOPBACK : list;
        List<Range> out = new ArrayList<>();
        for (String entry : text.split("[,\\s]+")) {
            if (!entry.isBlank()) {
                out.add(range(entry.strip()));
            }
        }
        return new TrustedProxies(out);
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        byte[] address = literal(host);
        if (address == null) {
            throw new IllegalArgumentException("khidmat.http.trustedProxies (KHIDMAT_TRUSTED_PROXIES): '" + entry
                    + "' is not an IP address or a CIDR range like 10.0.0.0/8; names are not looked up");
        }
        int bits = address.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("khidmat.http.trustedProxies (KHIDMAT_TRUSTED_PROXIES): '" + entry
                        + "' has a prefix length outside 0 to " + address.length * 8);
            }
        }
        return new Range(address, bits);
    }

    /** @return the bytes of an IP literal, or {@code null} for anything else (never a DNS look-up) */
    static byte[] literal(String text) {
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = t.indexOf(':') >= 0 && t.matches("[0-9a-fA-F:.%a-zA-Z]+");
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** @return whether the address (an IP literal) is one of the trusted proxies */
    boolean trusts(String address) {
        byte[] a = address == null ? null : literal(address);
        return a != null && ranges.stream().anyMatch(r -> r.contains(a));
    }

    /**
     * @param peer the address the connection comes from
     * @param forwardedFor the {@code X-Forwarded-For} values in the order received
     * @return the client's address: the right-most one that is not a trusted proxy, or the peer when nothing is to be
     *         believed (the peer is no trusted proxy, or every hop is one)
     */
    String client(String peer, List<String> forwardedFor) {
        if (!trusts(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop) == null) {
                return peer; // a hop that is no address ("unknown", garbage): what is left of it cannot be believed
            }
            if (!trusts(hop)) {
                return hop;
            }
        }
        return peer;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        HttpFields headers = request.getHeaders();
        if (FORWARDING.stream().noneMatch(headers::contains)) {
            return request;
        }
        String peer = Request.getRemoteAddr(request);
        HttpFields.Mutable kept = HttpFields.build(headers);
        FORWARDING.forEach(kept::remove);
        if (!trusts(peer)) {
            return new Headers(request, kept.asImmutable());
        }
        String client = client(peer, headers.getValuesList("X-Forwarded-For"));
        if (!client.equals(peer)) {
            kept.put("X-Forwarded-For", client);
        }
        List<String> protos = headers.getValuesList("X-Forwarded-Proto");
        if (!protos.isEmpty()) {
            String[] last = protos.get(protos.size() - 1).split(",");
            String proto = last[last.length - 1].strip().toLowerCase(Locale.ROOT);
            if (proto.equals("https") || proto.equals("http")) {
                kept.put("X-Forwarded-Proto", proto);
            }
        }
        return forwarded.customize(new Headers(request, kept.asImmutable()), responseHeaders);
    }

    /** The request with other headers. */
    private static final class Headers extends Request.Wrapper {
        private final HttpFields headers;

        Headers(Request request, HttpFields headers) {
            super(request);
            this.headers = headers;
        }

        @Override
        public HttpFields getHeaders() {
            return headers;
        }
    }
}
