package ke.invoiceiq.archfixture.application;

import ke.invoiceiq.archfixture.adapters.x.X;

/** VIOLATION (fixture): a use case that talks to an adapter instead of a port. */
public class BadService {
    public String run() {
        return new X().call();
    }
}
