package org.khidmat.web.internal.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The pages' templates: {@code src/main/jte/<audience>/<name>.jte}, compiled to Java at build time into the
 * audience's package ({@code staff/login.jte} becomes a class of {@code org.khidmat.web.internal.staff}), so a template
 * sees its package's own types; HTML content type, so every value is escaped for where it is written.
 */
public final class Templates {
    private Templates() {
    }

    /** Made at the first page rendered, not when the web server is set up at the centre's start. */
    private static final class Engine {
        static final TemplateEngine ENGINE = engine();
    }

    /**
     * jte finds precompiled templates with the thread's context class loader as it was when the engine was made (not
     * with the loader it is given); in the framework that must be this bundle's, not the launcher's.
     */
    private static TemplateEngine engine() {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Templates.class.getClassLoader());
        try {
            return TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(),
                    "org.khidmat.web.internal");
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** @return the page the template ({@code staff/login.jte}) makes of the parameters */
    public static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput(8192);
        Engine.ENGINE.render(template, params, out);
        return out.toString();
    }
}
