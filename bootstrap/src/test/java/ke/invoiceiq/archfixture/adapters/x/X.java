package ke.invoiceiq.archfixture.adapters.x;

/** Compliant on its own (fixture); {@code BadService} misuses it. */
public class X {
    public String call() {
        return "x";
    }
}
