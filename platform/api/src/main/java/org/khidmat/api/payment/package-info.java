/**
 * The payment SPI: a payment provider (a wallet, a bank's challan, a card gateway) is a bundle that registers a
 * {@link org.khidmat.api.payment.PaymentProvider}. The centre decides what is owed and keeps one payment per
 * application; the provider only takes money and says whether it has been paid.
 */
@Export
@Version("1.0.0")
package org.khidmat.api.payment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
