package org.khidmat.web.internal.staff;

import java.util.List;

/** What {@code withdraw.jte} asks about: the bundle, and the services (title and id) citizens will lose. */
record WithdrawView(String symbolicName, String version, String base, List<String> services) {
}
