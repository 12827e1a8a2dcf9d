package org.khidmat.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The way back after a language switch loses the {@code lang} parameter that would undo it, and nothing else. */
class LayoutTest {
    @Test
    void theWayBackLosesOnlyItsLanguageParameter() {
        assertEquals("/display", Layout.withoutLang("/display?lang=ur"));
        assertEquals("/queue?q=police", Layout.withoutLang("/queue?lang=ur&q=police"));
        assertEquals("/queue?q=police", Layout.withoutLang("/queue?q=police&lang=en"));
        assertEquals("/?q=a&category=tax", Layout.withoutLang("/?q=a&lang=ur&category=tax"));
        assertEquals("/?slang=ur", Layout.withoutLang("/?slang=ur"));
        assertEquals("/track", Layout.withoutLang("/track"));
    }
}
