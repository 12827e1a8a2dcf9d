package org.khidmat.web.internal.page;

import org.khidmat.api.platform.Centre;
import org.khidmat.web.internal.http.Assets;
import org.khidmat.web.internal.http.Http;

/**
 * The centre's name, logo and colour as configured ({@code conf/org.khidmat.centre.cfg.json}), for the headers of the
 * citizen pages, the hall screen and the staff consoles: part of the request's {@link Site}, so a change of the file
 * shows at the next page and two centres in one JVM show their own. The colour comes as a style sheet of its own
 * ({@link Assets#BRAND_CSS_PATH}, named with the colour so a browser never keeps an old one), since the CSP forbids
 * inline styles. The default name has its Urdu form in the words files; a name the centre sets is shown as written,
 * in a language its {@code names} setting gives it in as given there.
 */
public final class Brand {
    public static final String DEFAULT_NAME = "Asan Khidmat Markaz";
    private final Centre centre;

    /** @param centre the centre as configured now, or {@code null} (the defaults) */
    Brand(Centre centre) {
        this.centre = centre;
    }

    /**
     * @return the centre's name in this language, as plain text: the one configured for the language ({@code names}),
     *     the configured one, or the default's translation
     */
    public String name(String lang) {
        Centre c = centre;
        String own = c == null || c.names() == null ? null : c.names().get(lang);
        if (own != null && !own.isBlank()) {
            return own;
        }
        return c == null || c.name() == null || c.name().isBlank() || DEFAULT_NAME.equals(c.name())
                ? Messages.of(Messages.CITIZEN, lang).get("centre") : c.name();
    }

    /**
     * @return the language the name {@link #name} shows is in, when it is not {@code lang}: {@code "en"} for the
     *     configured name shown on a page of a language its {@code names} do not give (the configured name is the
     *     centre's English one, as the open figures take it), or for the default's word a language's words file lacks;
     *     {@code null} when the name is in the page's language
     */
    public String borrowedFrom(String lang) {
        if (lang == null || Messages.FALLBACK.equals(lang)) {
            return null;
        }
        Centre c = centre;
        String own = c == null || c.names() == null ? null : c.names().get(lang);
        if (own != null && !own.isBlank()) {
            return null;
        }
        boolean configured = c != null && c.name() != null && !c.name().isBlank() && !DEFAULT_NAME.equals(c.name());
        return configured || Messages.of(Messages.CITIZEN, lang).borrowed("centre") ? Messages.FALLBACK : null;
    }

    /**
     * @return the name as HTML for element content, escaped: marked {@code <span lang="en" dir="ltr">} when it is not
     *     in the page's language ({@link #borrowedFrom}), so a screen reader reads it as English and the bidi algorithm
     *     keeps it whole on a right-to-left page
     */
    public String named(String lang) {
        String name = Http.escape(name(lang));
        String from = borrowedFrom(lang);
        return from == null ? name : "<span lang=\"" + from + "\" dir=\"ltr\">" + name + "</span>";
    }

    /** @return the logo's address on this site, or {@code null} when none is set (only a local path is shown) */
    public String logo() {
        String logo = centre == null || centre.logo() == null ? "" : centre.logo().strip();
        return logo.startsWith("/") && !logo.startsWith("//") ? logo : null;
    }

    /**
     * @return the header's mark, HTML: the logo (when one is set; decorative, the name follows) and the name, escaped and
     *     marked as {@link #named} does
     */
    public String mark(String lang) {
        String logo = logo();
        String img = logo != null ? "<img class=\"logo\" src=\"" + Http.escape(logo) + "\" alt=\"\" height=\"32\"> " : "";
        return img + named(lang);
    }

    /** @return what a prepared page depends on: name, logo and colour, so a change of any makes the page anew */
    public String stamp() {
        return centre == null ? "" : centre.name() + '\n' + centre.names() + '\n' + centre.logo() + '\n' + centre.colour();
    }

    /** @return the brand colour, #rrggbb */
    public String colour() {
        return Assets.brandColour(centre == null ? null : centre.colour());
    }

    /** @return the address of the brand style sheet, with the colour */
    public String cssHref() {
        return Assets.BRAND_CSS_PATH + "?c=" + colour().substring(1);
    }
}
