/**
 * Centre operations: payments, the hall's queue, ratings and the open figures. Each area is one DS component
 * over the store interfaces of {@code org.khidmat.api.platform}; the arithmetic sits in plain classes.
 */
package org.khidmat.core.internal.centre;
