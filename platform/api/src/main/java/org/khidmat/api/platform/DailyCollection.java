package org.khidmat.api.platform;

import java.time.LocalDate;

/**
 * Money collected for one agency on one day, for reconciliation with the agency's account.
 *
 * @param agency the agency code
 * @param day the day in the centre's time zone
 * @param payments how many payments
 * @param amount their sum in whole rupees
 */
public record DailyCollection(String agency, LocalDate day, int payments, long amount) {
}
