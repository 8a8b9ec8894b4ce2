package ke.invoiceiq.archfixture.adapters.b;

import ke.invoiceiq.archfixture.domain.GoodDomain;
import java.util.List;

/** Compliant (fixture): an adapter over the domain. */
public class B {
    public String call() {
        return new GoodDomain(List.of("b")).toString();
    }
}
