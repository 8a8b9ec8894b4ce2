package ke.invoiceiq.domain.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * Kenyan shillings received or owed, in cents, never negative. Unlike {@link Amount} (what one invoice or one
 * STK push may ask for: whole shillings, 1 to 250 000) it adds up: what an invoice has been paid in several
 * payments, or the excess of a double payment, can lie outside that range.
 */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public Money {
        if (cents < 0) {
            throw new IllegalArgumentException("money is never negative: " + cents + " cents");
        }
    }

    public static Money of(Amount amount) {
        return new Money(amount.cents());
    }

    public static Money ofShillings(long shillings) {
        return new Money(Math.multiplyExact(shillings, 100L));
    }

    /**
     * An amount M-PESA reported ({@code 2500}, {@code 2500.00}), to the cent; empty when it is zero, negative or
     * absurdly large, which no real payment is.
     */
    public static Optional<Money> reported(BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal cents = value.movePointRight(2).setScale(0, RoundingMode.HALF_UP);
        if (cents.signum() <= 0 || cents.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Money(cents.longValueExact()));
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    /** This less {@code other}, or zero when {@code other} is more. */
    public Money minusOrZero(Money other) {
        return cents <= other.cents ? ZERO : new Money(cents - other.cents);
    }

    public boolean isZero() {
        return cents == 0;
    }

    public boolean isAtLeast(Money other) {
        return cents >= other.cents;
    }

    public boolean isLessThan(Money other) {
        return cents < other.cents;
    }

    /**
     * As an amount one STK push may ask for, when it is one (whole shillings, 1 to 250 000): the balance of an
     * invoice always is, since it is never more than the invoice's own amount.
     */
    public Optional<Amount> asAmount() {
        if (cents % 100 != 0 || cents < Amount.MIN * 100 || cents > Amount.MAX * 100) {
            return Optional.empty();
        }
        return Optional.of(Amount.ofCents(cents));
    }

    /** {@code 2,500}, or {@code 2,500.50} when there are cents. */
    public String formatted() {
        long shillings = cents / 100;
        long rest = cents % 100;
        return rest == 0
                ? String.format(Locale.ROOT, "%,d", shillings)
                : String.format(Locale.ROOT, "%,d.%02d", shillings, rest);
    }

    /** {@code KES 2,500}. */
    public String display() {
        return Amount.CURRENCY + " " + formatted();
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }
}
