package org.khidmat.web.internal.page;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.khidmat.api.platform.Centre;
import org.khidmat.web.internal.http.Http;

/**
 * The centre's name, logo and colour as configured ({@code conf/org.khidmat.centre.cfg.json}), for the headers of the
 * citizen pages, the hall screen and the staff consoles. Read at every page from the {@link Centre} given by
 * {@code WebServer}, so a change of the file shows at the next page. The colour comes as a style sheet of its own
 * ({@link #CSS_PATH}, named with the colour so a browser never keeps an old one), since the CSP forbids inline styles.
 * The default name has its Urdu form in the word tables; a name the centre sets is shown as written.
 */
public final class Brand {
    public static final String CSS_PATH = "/assets/brand.css";
    public static final String DEFAULT_NAME = "Asan Khidmat Markaz";
    public static final String DEFAULT_COLOUR = "#01411c";
    private static volatile Supplier<Centre> source = () -> null;

    private Brand() {
    }

    /** @param configured the centre as configured now; it may give {@code null} while the centre service is away */
    public static void use(Supplier<Centre> configured) {
        source = configured;
    }

    /** @return the centre's name in this language, as plain text: the configured one, or the default's translation */
    public static String name(String lang) {
        Centre c = source.get();
        return c == null || c.name() == null || c.name().isBlank() || DEFAULT_NAME.equals(c.name())
                ? Messages.of(Messages.CITIZEN, lang).get("centre") : c.name();
    }

    /** @return the logo's address on this site, or {@code null} when none is set (only a local path is shown) */
    public static String logo() {
        Centre c = source.get();
        String logo = c == null || c.logo() == null ? "" : c.logo().strip();
        return logo.startsWith("/") && !logo.startsWith("//") ? logo : null;
    }

    /** @return the header's mark, HTML: the logo (when one is set; decorative, the name follows) and the name, escaped */
    public static String mark(String lang) {
        String logo = logo();
        String img = logo != null ? "<img class=\"logo\" src=\"" + Http.escape(logo) + "\" alt=\"\" height=\"32\"> " : "";
        return img + Http.escape(name(lang));
    }

    /** @return what a prepared page depends on: name, logo and colour, so a change of any makes the page anew */
    public static String stamp() {
        Centre c = source.get();
        return c == null ? "" : c.name() + '\n' + c.logo() + '\n' + c.colour();
    }

    /** @return the brand colour, #rrggbb */
    public static String colour() {
        Centre c = source.get();
        String colour = c == null ? null : c.colour();
        return colour != null && colour.matches("#[0-9a-fA-F]{6}") ? colour : DEFAULT_COLOUR;
    }

    /** @return the link to the brand style sheet, after the main one */
    public static String styleLink() {
        return "<link rel=\"stylesheet\" href=\"" + CSS_PATH + "?c=" + colour().substring(1) + "\">";
    }

    /** @return the brand style sheet: the header in the brand colour */
    public static byte[] css() {
        String colour = colour();
        return ("header{background:" + colour + "}\n.hall h1 .centre{border-bottom:.2em solid " + colour + "}\n"
                + "header img.logo{vertical-align:middle;max-height:2rem;width:auto}\n").getBytes(StandardCharsets.UTF_8);
    }
}
