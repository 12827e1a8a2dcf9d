/**
 * Application references as the centre makes them (8 characters from an alphabet without look-alikes, then a
 * Luhn mod 32 check character, grouped KM7Q-4XPA-K), but numbered: application i gets a distinct one, since
 * multiplying by an odd number is a one-to-one map of the 40-bit numbers the 8 characters hold.
 */
final class References {
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final long MASK = (1L << 40) - 1;

    private References() {
    }

    static String of(long i) {
        long x = (i * 0x9E3779B97F4A7C15L + 0x1234567L) & MASK;
        StringBuilder body = new StringBuilder(8);
        for (int k = 0; k < 8; k++) {
            body.append(ALPHABET.charAt((int) (x & 31)));
            x >>>= 5;
        }
        String s = body.toString() + check(body);
        return s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8);
    }

    static char check(CharSequence body) {
        int n = ALPHABET.length();
        int factor = 2;
        int sum = 0;
        for (int i = body.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(body.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        return ALPHABET.charAt((n - sum % n) % n);
    }
}
