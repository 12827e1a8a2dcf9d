/**
 * Core's words in per-language resource files ({@link org.khidmat.core.internal.words.CoreWords}): nothing a citizen,
 * a member of staff or an agency developer reads is written inline in core's code.
 */
package org.khidmat.core.internal.words;
