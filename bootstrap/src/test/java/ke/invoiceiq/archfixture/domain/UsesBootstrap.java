package ke.invoiceiq.archfixture.domain;

import ke.invoiceiq.archfixture.bootstrap.Wiring;

/** VIOLATION (fixture): an inner ring reaching out to bootstrap. */
public class UsesBootstrap {
    public String name() {
        return new Wiring().toString();
    }
}
