package ke.invoiceiq.archfixture.bootstrap;

import ke.invoiceiq.archfixture.adapters.a.A;
import ke.invoiceiq.archfixture.application.GoodService;

/** Compliant (fixture): bootstrap may know every ring. */
public class Wiring {
    public Object wire() {
        return new GoodService(new A().toString());
    }
}
