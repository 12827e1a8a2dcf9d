package org.khidmat.core.internal.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.khidmat.api.platform.Centre;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The centre as configured ({@code conf/org.khidmat.centre.cfg.json}): the one source of its name, branding and time
 * zone. A change of the file takes effect at the next call ({@code @Modified}); a value that cannot be used (the
 * launcher checks them first, so only a configuration made some other way) is reported and the previous one kept.
 */
@Component(service = Centre.class, immediate = true, configurationPid = CentreProfile.PID)
@Designate(ocd = CentreConfig.class)
public final class CentreProfile implements Centre {
    public static final String PID = "org.khidmat.centre";
    private static final Logger LOG = LoggerFactory.getLogger(CentreProfile.class);
    private volatile Profile profile = Profile.DEFAULT;

    /** Everything about the centre at one moment, swapped whole so a reader never sees half a change. */
    record Profile(String id, String name, Map<String, String> names, String shortName, ZoneId zone, String logo,
            String colour, List<String> languages) {
        static final Profile DEFAULT = new Profile(Centre.DEFAULT_ID, "Asan Khidmat Markaz", Map.of(), "Khidmat",
                CentreZone.DEFAULT, "", "#01411c", List.of("en", "ur"));
    }

    /** What a centre's id may be: it names the centre in the database, in URLs and in metric labels. */
    public static boolean validId(String id) {
        return id != null && id.matches("[a-z0-9][a-z0-9-]{0,31}");
    }

    private final String port;

    @Activate
    public CentreProfile(BundleContext context, CentreConfig config) {
        this(config, context.getProperty("khidmat.port"));
    }

    /** For tests. */
    CentreProfile(CentreConfig config) {
        this(config, null);
    }

    private CentreProfile(CentreConfig config, String port) {
        this.port = port;
        modified(config);
    }

    @Modified
    void modified(CentreConfig config) {
        CentreNode.set(config.node(), port);
        profile = profile(config, profile);
        CentreZone.set(profile.zone());
        LOG.debug("centre: {} in {}", profile.name(), profile.zone());
    }

    /** @return the profile the configuration gives, with the previous value for each one it cannot use */
    static Profile profile(CentreConfig c, Profile previous) {
        ZoneId zone = previous.zone();
        try {
            zone = ZoneId.of(c.zone());
        } catch (DateTimeException | NullPointerException e) {
            LOG.error("centre: {}: zone \"{}\" is not a time zone; write one like \"Asia/Karachi\"; keeping {}", PID,
                    c.zone(), zone);
        }
        List<String> languages = new ArrayList<>();
        for (String l : c.languages() == null ? new String[0] : c.languages()) {
            if (l != null && !l.isBlank()) {
                languages.add(l.strip().toLowerCase(Locale.ROOT));
            }
        }
        String id = c.id() == null ? "" : c.id().strip();
        if (!validId(id)) {
            LOG.error("centre: {}: id \"{}\" is not a centre id; write lowercase letters, digits and '-', at most 32,"
                    + " like \"isb-g11\"; keeping {}", PID, c.id(), previous.id());
            id = previous.id();
        }
        return new Profile(id, blank(c.name()) ? previous.name() : c.name().strip(), names(c.names()),
                blank(c.shortName()) ? previous.shortName() : c.shortName().strip(), zone,
                c.logo() == null ? "" : c.logo().strip(),
                c.colour() != null && c.colour().matches("#[0-9a-fA-F]{6}") ? c.colour() : previous.colour(),
                languages.isEmpty() ? previous.languages() : List.copyOf(languages));
    }

    /** @return the names of {@code <language>=<name>} entries; one that is not is reported and left out */
    private static Map<String, String> names(String[] entries) {
        Map<String, String> out = new TreeMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            int eq = entry == null ? -1 : entry.indexOf('=');
            String lang = eq < 0 ? "" : entry.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String name = eq < 0 ? "" : entry.substring(eq + 1).strip();
            if (lang.matches("[a-z]{2,3}") && !name.isEmpty()) {
                out.put(lang, name);
            } else {
                LOG.error("centre: {}: names \"{}\" is not <language>=<name>, like \"ur=<the name in Urdu>\"; it is left out",
                        PID, entry);
            }
        }
        return Map.copyOf(out);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String id() {
        return profile.id();
    }

    @Override
    public String name() {
        return profile.name();
    }

    @Override
    public Map<String, String> names() {
        return profile.names();
    }

    @Override
    public String shortName() {
        return profile.shortName();
    }

    @Override
    public ZoneId zone() {
        return profile.zone();
    }

    @Override
    public String logo() {
        return profile.logo();
    }

    @Override
    public String colour() {
        return profile.colour();
    }

    @Override
    public List<String> languages() {
        return profile.languages();
    }
}
