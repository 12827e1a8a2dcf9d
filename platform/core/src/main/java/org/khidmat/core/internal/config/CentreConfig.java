package org.khidmat.core.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code conf/org.khidmat.centre.cfg.json}; the defaults are those of {@code docs/configuration.md}. */
@ObjectClassDefinition(id = CentreProfile.PID, name = "Khidmat centre", description = "The centre's name, time zone and branding")
public @interface CentreConfig {
    @AttributeDefinition(description = "the centre this node serves: a short code such as isb-g11 (lowercase letters,"
            + " digits and -, at most 32); nodes with the same id share its queue, counters and hall screen")
    String id() default "default";

    @AttributeDefinition(description = "the centre's full name")
    String name() default "Asan Khidmat Markaz";

    @AttributeDefinition(description = "the centre's name in other languages, as <language>=<name> (ur=...);"
            + " a language without one shows name", required = false)
    String[] names() default {};

    @AttributeDefinition(description = "a short name for page headers and the hall screen"
            + " (the metrics' centre label is the centre's `id`)")
    String shortName() default "Khidmat";

    @AttributeDefinition(description = "the time zone of the centre's days, hours and receipts")
    String zone() default "Asia/Karachi";

    @AttributeDefinition(description = "path of the logo under the web root, or empty", required = false)
    String logo() default "";

    @AttributeDefinition(description = "the brand colour, #rrggbb")
    String colour() default "#01411c";

    @AttributeDefinition(description = "the languages offered, ISO 639-1 codes")
    String[] languages() default { "en", "ur" };

    @AttributeDefinition(description = "this node's name among the nodes sharing one database; empty: host name and port",
            required = false)
    String node() default "";
}
