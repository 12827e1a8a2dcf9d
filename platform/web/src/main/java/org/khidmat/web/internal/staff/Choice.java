package org.khidmat.web.internal.staff;

/** One option of a {@code <select>} on a staff page ({@code select.jte}). */
record Choice(String value, String label, boolean selected) {
}
