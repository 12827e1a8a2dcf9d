package org.khidmat.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/**
 * With {@code KHIDMAT_BEHIND_PROXY=true} the left-most, client-written X-Forwarded-For address was trusted, so the
 * throttles and the audit trail could be given any address. Now only the configured proxies' hop counts.
 */
class TrustedProxiesTest {
    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.5, 192.168.10.0/24, fd00::/8");

    @Test
    void theClientIsTheRightMostAddressThatIsNoTrustedProxy() {
        assertEquals("203.0.113.9", proxies.client("10.0.0.5", List.of("1.2.3.4, 203.0.113.9")),
                "the left-most address was written by the client: ignored");
        assertEquals("203.0.113.9", proxies.client("10.0.0.5", List.of("1.2.3.4", "203.0.113.9, 192.168.10.7")),
                "a chain of trusted proxies is walked back to the first untrusted hop");
        assertEquals("6.6.6.6", proxies.client("6.6.6.6", List.of("1.2.3.4")), "from anyone else the header is ignored");
        assertEquals("10.0.0.5", proxies.client("10.0.0.5", List.of()), "no header: the proxy itself");
        assertEquals("10.0.0.5", proxies.client("10.0.0.5", List.of("1.2.3.4, unknown")), "garbage ends the trust");
        assertTrue(proxies.trusts("fd12::1"));
        assertFalse(proxies.trusts("10.0.0.6"));
        assertTrue(TrustedProxies.parse(null).trusts("127.0.0.1"), "unset: loopback only");
        assertFalse(TrustedProxies.parse("").trusts("10.0.0.5"));
    }

    @Test
    void aBadEntryIsRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.local"));
        assertTrue(e.getMessage().contains("'proxy.local' is not an IP address or a CIDR range"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    }

    private static final Handler SAYS_ADDRESS = new Handler.Abstract() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Http.html(response, callback, 200, "address=" + Request.getRemoteAddr(request) + " secure=" + request.isSecure());
            return true;
        }
    };

    @Test
    void onTheWireOnlyATrustedProxysHopIsBelieved() throws Exception {
        String request = "GET / HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 9.9.9.9, 203.0.113.9\r\nX-Forwarded-Proto: https\r\n"
                + "Forwarded: for=8.8.8.8\r\nConnection: close\r\n\r\n";
        try (TestServer trusting = new TestServer(SAYS_ADDRESS, TrustedProxies.parse("127.0.0.1"), 50)) {
            String a = trusting.raw("127.0.0.1", request);
            assertTrue(a.contains("address=203.0.113.9 secure=true"), a);
            String b = trusting.raw("127.0.0.2", request);
            assertTrue(b.contains("address=127.0.0.2 secure=false"), "127.0.0.2 is no proxy of ours: " + b);
        }
    }
}
