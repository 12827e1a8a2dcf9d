package org.khidmat.core.internal.applications;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Application references: 8 random characters from an alphabet without look-alikes (no 0/O, 1/I) and one
 * check character by the Luhn mod 32 algorithm, which catches every single mistyped character and every
 * swap of two neighbours but one (2 and Z, the alphabet's first and last). Shown grouped as {@code KM7Q-4XPA-K}.
 */
public final class References {
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int N = ALPHABET.length();
    private static final int BODY = 8;
    /** Spaces and dashes a citizen may type between the groups (compiled once: every tracking asks). */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
    /** References one draw from the shared random serves (5 bytes each). */
    static final int PER_DRAW = 256;
    private final SecureRandom random;
    /** Bytes drawn ahead; {@code taken} of them are used. Guarded by {@code this}. */
    private final byte[] drawn = new byte[5 * PER_DRAW];
    private int taken = drawn.length;

    public References() {
        this(drbg());
    }

    /**
     * @return the JDK's DRBG (NIST SP 800-90A, seeded from the system): the platform default on Linux, NativePRNG,
     *     mixes a SHA1PRNG with reads of {@code /dev/urandom} under one lock for every draw
     */
    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** @param random where the references' characters come from (a test counts the calls) */
    References(SecureRandom random) {
        this.random = random;
    }

    /** @return a new reference in its grouped form */
    public String next() {
        long bits = nextBits();
        StringBuilder body = new StringBuilder(BODY);
        for (int i = 0; i < BODY; i++) {
            body.append(ALPHABET.charAt((int) (bits >>> (5 * i)) & (N - 1)));
        }
        return group(body.toString() + check(body));
    }

    /**
     * @return 40 random bits, 5 a character (the alphabet has 32), from bytes drawn {@link #PER_DRAW} references at a
     *     time: the DRBG is locked per call and pays a hash for each, and one call a reference was a tenth of the HTTP
     *     threads' processor time under load (JFR at 32 clients)
     */
    private synchronized long nextBits() {
        if (taken == drawn.length) {
            random.nextBytes(drawn);
            taken = 0;
        }
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = bits << 8 | (drawn[taken] & 0xff);
            drawn[taken++] = 0;
        }
        return bits;
    }

    /**
     * @param typed a reference as a citizen typed it: any case, with or without dashes and spaces
     * @return the reference in its grouped form, or {@code null} when it is not one (wrong length, a character
     *         outside the alphabet, or a check character that does not match)
     */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String s = SEPARATORS.matcher(org.khidmat.api.platform.Digits.ascii(typed)).replaceAll("").toUpperCase(Locale.ROOT);
        if (s.length() != BODY + 1 || s.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            return null;
        }
        return check(s.substring(0, BODY)) == s.charAt(BODY) ? group(s) : null;
    }

    static char check(CharSequence body) {
        int factor = 2;
        int sum = 0;
        for (int i = body.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(body.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return ALPHABET.charAt((N - sum % N) % N);
    }

    private static String group(String s) {
        return s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8);
    }
}
